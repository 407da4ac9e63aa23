package contact

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
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

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func window(days string, start, end string) availability.Window {
	w, err := availability.ParseWeekdays(days)
	if err != nil {
		panic(err)
	}
	return availability.Window{Days: w, Start: availability.MustParseClock(start), End: availability.MustParseClock(end)}
}

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return v
}
