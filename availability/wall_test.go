package availability

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func TestAt(t *testing.T) {
	for _, c := range []struct {
		zone, date, clock string
		want              string // RFC 3339 in the zone
	}{
		// Ordinary times.
		{"America/New_York", "2026-07-01", "09:00", "2026-07-01T09:00:00-04:00"},
		{"Asia/Kathmandu", "2026-03-02", "09:00", "2026-03-02T09:00:00+05:45"},
		// Gaps take the offset from before the gap (RFC 5545 §3.3.5).
		{"America/New_York", "2026-03-08", "02:30", "2026-03-08T03:30:00-04:00"},
		{"America/New_York", "2026-03-08", "02:00", "2026-03-08T03:00:00-04:00"},
		{"Europe/Berlin", "2026-03-29", "02:30", "2026-03-29T03:30:00+02:00"},
		{"Australia/Lord_Howe", "2026-10-04", "02:15", "2026-10-04T02:45:00+11:00"},
		{"Pacific/Chatham", "2026-09-27", "02:50", "2026-09-27T03:50:00+13:45"},
		{"America/Sao_Paulo", "2018-11-04", "00:00", "2018-11-04T01:00:00-02:00"},
		{"America/Sao_Paulo", "2018-11-04", "00:30", "2018-11-04T01:30:00-02:00"},
		{"America/Havana", "2025-03-09", "00:00", "2025-03-09T01:00:00-04:00"},
		{"Pacific/Apia", "2011-12-30", "09:00", "2011-12-31T09:00:00+14:00"},
		// Overlaps take the first occurrence.
		{"America/New_York", "2026-11-01", "01:30", "2026-11-01T01:30:00-04:00"},
		{"Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T02:30:00+02:00"},
		{"Australia/Lord_Howe", "2026-04-05", "01:45", "2026-04-05T01:45:00+11:00"},
		{"America/Sao_Paulo", "2018-02-17", "23:30", "2018-02-17T23:30:00-02:00"},
		// Leap day.
		{"Europe/Berlin", "2028-02-29", "23:59", "2028-02-29T23:59:00+01:00"},
	} {
		t.Run(c.zone+" "+c.date+" "+c.clock, func(t *testing.T) {
			loc := mustZone(t, c.zone)
			got := At(MustParseDate(c.date), MustParseClock(c.clock), loc)
			want, err := time.Parse(time.RFC3339, c.want)
			require.NoError(t, err)
			require.True(t, got.Equal(want), "got %s, want %s", got.Format(time.RFC3339), c.want)
			require.Equal(t, c.want, got.Format(time.RFC3339))
		})
	}
}

// TestAtAgreesWithTimeDateOutsideTransitions checks the cursor's fast path
// against time.Date every half hour of a year in zones with odd offsets.
func TestAtAgreesWithTimeDateOutsideTransitions(t *testing.T) {
	for _, name := range []string{"America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "America/Sao_Paulo"} {
		loc := mustZone(t, name)
		z := zoneCursor{loc: loc}
		for d := MustParseDate("2026-01-01"); d.Year == 2026; d = d.AddDays(1) {
			for c := Clock(0); c < EndOfDay; c += 30 {
				got := time.Unix(z.resolve(wallUnix(d, c)), 0).In(loc)
				std := time.Date(d.Year, d.Month, d.Day, c.Hour(), c.Minute(), 0, 0, loc)
				// Where the wall time exists exactly once, both must agree.
				if std.Hour() == c.Hour() && std.Minute() == c.Minute() && std.Add(-time.Hour).Hour() != c.Hour() {
					require.True(t, got.Equal(At(d, c, loc)), "%s %s %s", name, d, c)
					require.Equal(t, c.Hour(), got.Hour(), "%s %s %s", name, d, c)
					require.Equal(t, c.Minute(), got.Minute(), "%s %s %s", name, d, c)
				}
			}
		}
	}
}

// TestAtMatchesReference compares At, around every transition of some odd
// zone-years, with a slow reference that knows only time.Time.Zone: a wall
// time's instant is the earliest one that shows it, and a wall time nobody
// sees is read with the offset before the gap.
func TestAtMatchesReference(t *testing.T) {
	offset := func(loc *time.Location, u int64) int64 {
		_, off := time.Unix(u, 0).In(loc).Zone()
		return int64(off)
	}
	for _, c := range []struct {
		zone string
		year int
	}{
		{"Pacific/Apia", 2011},        // skipped 2011-12-30
		{"Europe/Moscow", 2011},       // went to +04 for good
		{"Europe/Moscow", 2014},       // and back to +03
		{"Antarctica/Troll", 2026},    // two-hour DST
		{"America/Caracas", 2016},     // −04:30 to −04:00
		{"Africa/Casablanca", 2026},   // an hour back for Ramadan
		{"Australia/Lord_Howe", 2026}, // half-hour DST
		{"America/St_Johns", 2010},    // fell back from 00:01 to 23:01
		{"Antarctica/Casey", 2010},    // +11 to +08 across midnight
		{"Pacific/Kwajalein", 1993},   // skipped 1993-08-21
		{"America/Sao_Paulo", 2018},   // midnight gap
	} {
		loc := mustZone(t, c.zone)
		from := time.Date(c.year, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
		var transitions []int64
		prev := offset(loc, from)
		for u := from; u < from+366*86400; u += 600 {
			if off := offset(loc, u); off != prev {
				lo, hi := u-600, u // find the second of the change
				for hi-lo > 1 {
					if m := (lo + hi) / 2; offset(loc, m) == prev {
						lo = m
					} else {
						hi = m
					}
				}
				transitions = append(transitions, hi)
				prev = off
			}
		}
		require.NotEmpty(t, transitions, "%s %d", c.zone, c.year)
		for _, tr := range transitions {
			before, after := offset(loc, tr-1), offset(loc, tr)
			for _, wallAt := range []int64{tr + before, tr + after} {
				for k := int64(-16); k <= 16; k++ {
					w := (wallAt/60 + k*15) * 60
					want := w - before // in a gap, the offset before it
					if offset(loc, w-before) == before {
						want = w - before // the first occurrence, before the transition
					} else if offset(loc, w-after) == after {
						want = w - after
					}
					days := w / 86400
					if w%86400 < 0 {
						days--
					}
					d, clock := dateFromDays(int(days)+epochDays), Clock((w-days*86400)/60)
					got := At(d, clock, loc)
					require.Equal(t, want, got.Unix(), "%s %s %s: got %s, want %s", c.zone, d, clock,
						got.Format(time.RFC3339), time.Unix(want, 0).In(loc).Format(time.RFC3339))
				}
			}
		}
	}
}
