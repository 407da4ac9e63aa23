package availability

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestParseClock(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Clock
		err  bool
	}{
		{"00:00", Midnight, false},
		{"09:30", ClockOf(9, 30), false},
		{"23:59", ClockOf(23, 59), false},
		{"24:00", EndOfDay, false},
		{"24:01", 0, true},
		{"9:30", 0, true},
		{"09:60", 0, true},
		{"09-30", 0, true},
		{"", 0, true},
		{"+9:30", 0, true},
	} {
		got, err := ParseClock(c.in)
		if c.err {
			require.ErrorIs(t, err, ErrClock, c.in)
			require.Contains(t, err.Error(), `"`+c.in+`"`)
			continue
		}
		require.NoError(t, err, c.in)
		require.Equal(t, c.want, got)
		require.Equal(t, c.in, got.String())
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in  string
		ok  bool
		wd  time.Weekday
		add string // the date a year of days later
	}{
		{"2028-02-29", true, time.Tuesday, "2029-02-28"},
		{"2026-11-24", true, time.Tuesday, "2027-11-24"},
		{"0001-01-01", true, time.Monday, "0002-01-01"},
		{"2026-02-29", false, 0, ""},
		{"2100-02-29", false, 0, ""},
		{"2026-13-01", false, 0, ""},
		{"2026-1-01", false, 0, ""},
		{"0000-01-01", false, 0, ""},
	} {
		d, err := ParseDate(c.in)
		if !c.ok {
			require.ErrorIs(t, err, ErrDate, c.in)
			continue
		}
		require.NoError(t, err)
		require.Equal(t, c.in, d.String())
		require.Equal(t, c.wd, d.Weekday())
		require.Equal(t, c.add, d.AddDays(365).String())
		require.Equal(t, 365, d.DaysUntil(d.AddDays(365)))
	}
	require.True(t, MustParseDate("2026-01-31").Before(MustParseDate("2026-02-01")))
	require.Equal(t, "2026-03-01", MustParseDate("2026-02-28").AddDays(1).String())
	require.Equal(t, "2025-12-31", MustParseDate("2026-01-01").AddDays(-1).String())
}

func TestWeekdays(t *testing.T) {
	for _, c := range []struct{ in, canonical string }{
		{"mon-fri", "mon-fri"},
		{"Monday,Tuesday", "mon,tue"},
		{"sat,sun", "sat,sun"},
		{"fri-mon", "mon,fri-sun"},
		{"mon,wed,fri", "mon,wed,fri"},
		{"sun-sat", "mon-sun"},
		{"tue-thu,sat", "tue-thu,sat"},
	} {
		w, err := ParseWeekdays(c.in)
		require.NoError(t, err, c.in)
		require.Equal(t, c.canonical, w.String())
	}
	require.Equal(t, 5, Workweek.Count())
	require.True(t, Weekend.Has(time.Sunday))
	require.Equal(t, Weekend, Days(time.Weekday(-1), time.Weekday(7)))
	require.True(t, Weekend.Has(time.Weekday(-8)))
	empty, err := ParseWeekdays("")
	require.NoError(t, err)
	require.Equal(t, Weekdays(0), empty)
	for _, bad := range []string{" ", "mon-", "funday", "mon,,tue"} {
		_, err := ParseWeekdays(bad)
		require.ErrorIs(t, err, ErrWeekdays, bad)
	}
}

func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"00:00", "24:00", "12:34", "99:99", "1:00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseClock(s)
		if err != nil {
			return
		}
		if again, err := ParseClock(c.String()); err != nil || again != c || c.String() != s {
			t.Fatalf("ParseClock(%q) = %v, which does not round-trip", s, c)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2028-02-29", "2026-02-29", "0001-01-01", "9999-12-31", "2026-1-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if again, err := ParseDate(d.String()); err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %v, which does not round-trip", s, d)
		}
		if dateFromDays(d.days()) != d || d.AddDays(1).AddDays(-1) != d {
			t.Fatalf("day arithmetic broken at %v", d)
		}
	})
}

func FuzzParseWeekdays(f *testing.F) {
	for _, s := range []string{"mon-fri", "sat,sun", "fri-mon", "Monday", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWeekdays(s)
		if err != nil {
			return
		}
		if again, err := ParseWeekdays(w.String()); err != nil || again != w {
			t.Fatalf("ParseWeekdays(%q) = %v, which does not round-trip", s, w)
		}
	})
}

func TestDaysIn(t *testing.T) {
	for _, c := range []struct {
		y    int
		m    time.Month
		want int
	}{{2028, time.February, 29}, {2100, time.February, 28}, {2000, time.February, 29}, {2026, time.April, 30}, {2026, time.December, 31}} {
		require.Equal(t, c.want, DaysIn(c.y, c.m), "%d-%02d", c.y, c.m)
	}
}

// TestParseErrorsQuoteAShortPrefix keeps errors about untrusted input
// short: a megabyte of it is quoted as a prefix.
func TestParseErrorsQuoteAShortPrefix(t *testing.T) {
	long := strings.Repeat("x", 1<<20)
	_, err := ParseWeekdays(long)
	require.ErrorIs(t, err, ErrWeekdays)
	require.Less(t, len(err.Error()), 300)
	_, err = ParseWeekdays("mon," + long)
	require.Less(t, len(err.Error()), 300)
	_, err = ParseClock(long)
	require.Less(t, len(err.Error()), 300)
	_, err = ParseDate(long)
	require.Less(t, len(err.Error()), 300)
	var s Schedule
	err = json.Unmarshal([]byte(`{"zone":"UTC","hours":[{"days":"`+long+`","start":"09:00","end":"10:00"}]}`), &s)
	require.Error(t, err)
	require.Less(t, len(err.Error()), 300)
}
