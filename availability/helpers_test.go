package availability

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability/problem"
)

// A pathCode is a validation problem without its sentence.
type pathCode struct {
	path string
	code problem.Code
}

// pathCodes requires err to be a problem.List error and returns its problems'
// paths and codes, in order.
func pathCodes(t *testing.T, err error) []pathCode {
	t.Helper()
	require.ErrorIs(t, err, problem.ErrInvalid)
	var ps problem.List
	require.True(t, errors.As(err, &ps))
	var out []pathCode
	for _, p := range ps {
		out = append(out, pathCode{p.Path, p.Code})
	}
	return out
}
