package agreement

import (
	"errors"

	"github.com/practicekit/boundaries/availability/problem"
	legacy "github.com/practicekit/boundaries/internal/problem"
)

// legacyProblems reads the problems of a nested model whose Validate still
// returns the internal problem list (availability's schedules and response
// policies, until they report problem.List), keeping paths, codes and
// messages. It is removed when no package returns that list.
func legacyProblems(err error) (problem.List, bool) {
	var old legacy.List
	if !errors.As(err, &old) {
		return nil, false
	}
	out := make(problem.List, len(old))
	for i, p := range old {
		out[i] = problem.Problem{Path: p.Path, Code: problem.Code(p.Code), Message: p.Message}
	}
	return out, true
}
