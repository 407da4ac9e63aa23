package demand

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/booking"
	"github.com/practicekit/boundaries/availability/problem"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := availability.LoadZone(name)
	require.NoError(t, err)
	return loc
}

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return v
}

func span(t testing.TB, from, to string) availability.Interval {
	return availability.Interval{Start: mustTime(t, from), End: mustTime(t, to)}
}

func window(days, start, end string) availability.Window {
	w, err := availability.ParseWeekdays(days)
	if err != nil {
		panic(err)
	}
	return availability.Window{Days: w, Start: availability.MustParseClock(start), End: availability.MustParseClock(end)}
}

func reasonCodes(rs []availability.Reason) []availability.Code {
	out := make([]availability.Code, len(rs))
	for i, r := range rs {
		out[i] = r.Code
	}
	return out
}

// A pathCode is a validation problem without its sentence.
type pathCode struct {
	path string
	code problem.Code
}

// pathCodes requires err to be a problem.List and returns its problems'
// paths and codes, in order.
func pathCodes(t *testing.T, err error) []pathCode {
	t.Helper()
	var ps problem.List
	require.True(t, errors.As(err, &ps), "%v", err)
	var out []pathCode
	for _, p := range ps {
		out = append(out, pathCode{p.Path, p.Code})
	}
	return out
}

func requireSet(t *testing.T, want []availability.Interval, got availability.Set) {
	t.Helper()
	require.True(t, availability.NewSet(want...).Equal(got), "want %v\n got %v", availability.NewSet(want...), got)
}

// book books the intervals as sessions of the service "session", each
// with the ID sid gives it.
func book(t testing.TB, ivs ...availability.Interval) booking.Sessions {
	t.Helper()
	list := make([]booking.Session, len(ivs))
	for i, iv := range ivs {
		list[i] = booking.Session{ID: sid(iv), Service: "session", Interval: iv}
	}
	s, err := booking.NewSessions(list...)
	require.NoError(t, err)
	return s
}

// sid is the ID book gives the session at iv: its start in UTC.
func sid(iv availability.Interval) string { return iv.Start.UTC().Format(time.RFC3339) }
