package availability

import (
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// worstSchedule is the largest valid schedule: MaxWindows one-minute
// windows every day.
func worstSchedule(t testing.TB) Schedule {
	var hours []Window
	for i := range MaxWindows {
		start := Clock(i * 2)
		hours = append(hours, Window{Days: Everyday, Start: start, End: start + 1})
	}
	return Schedule{Zone: mustZone(t, "Europe/Berlin"), Hours: hours}
}

// TestWorstScheduleIsBounded runs every query that walks dates over the
// longest range on the largest valid schedule: each answers or returns
// ErrTooLarge within its budget of work, in about a tenth of a second and
// under fifty megabytes (it took 1.5 s and 415 MB to open ten years of it).
func TestWorstScheduleIsBounded(t *testing.T) {
	s := worstSchedule(t)
	require.NoError(t, s.Validate())
	from := At(MustParseDate("2026-01-01"), Midnight, s.Zone)
	for _, c := range []struct {
		name string
		run  func() error
	}{
		{"Open", func() error { _, err := s.Open(IntervalOf(from, MaxRange)); return err }},
		{"Working", func() error { _, err := s.Working(IntervalOf(from, MaxRange)); return err }},
		{"BusinessBetween", func() error { _, err := s.BusinessBetween(from, from.Add(MaxRange)); return err }},
		{"AddBusiness", func() error { _, err := s.AddBusiness(from, 3000*24*time.Hour); return err }},
		{"NextOpen", func() error { _, _, err := s.NextOpen(from); return err }},
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		err := c.run()
		elapsed := time.Since(start)
		runtime.ReadMemStats(&after)
		if err != nil {
			require.ErrorIs(t, err, ErrTooLarge, c.name)
		}
		require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(50<<20), c.name)
		// About 0.1 s on a quiet machine; the bound is loose so that a
		// busy one does not fail it, and still catches a hang.
		if !raceEnabled {
			require.Less(t, elapsed, 10*time.Second, c.name)
		}
	}
	// A year of it is within the budget.
	open, err := s.Open(IntervalOf(from, 366*24*time.Hour))
	require.NoError(t, err)
	require.Greater(t, open.Len(), 500*365) // less the windows of the hour DST skips
}
