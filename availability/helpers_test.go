package availability

import (
	"encoding/json"
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

// requireReencodes requires v to encode to JSON that decodes into a copy
// that encodes the same (an empty list may come back as a nil one, which
// encodes the same), and returns the encoding.
func requireReencodes[T any](t *testing.T, v T) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(b, &back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	require.Equal(t, string(b), string(again))
	return b
}
