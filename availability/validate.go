package availability

import (
	"github.com/practicekit/boundaries/internal/problem"
)

// A Problem is one thing wrong with a model, at a path, with a stable code.
type Problem = problem.Problem

// Problems lists every problem Validate found; it is an error, and nil or
// empty means valid.
type Problems = problem.List

// ErrInvalid is matched by every Problems error, and wraps other errors
// about invalid input.
var ErrInvalid = problem.ErrInvalid
