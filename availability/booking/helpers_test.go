package booking

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
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

// sessions books the intervals as sessions s1, s2, … of the service
// "session".
func sessions(t testing.TB, ivs ...availability.Interval) Sessions {
	t.Helper()
	list := make([]Session, len(ivs))
	for i, iv := range ivs {
		list[i] = Session{ID: fmt.Sprintf("s%d", i+1), Service: "session", Interval: iv}
	}
	s, err := NewSessions(list...)
	require.NoError(t, err)
	return s
}
