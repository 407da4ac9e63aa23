package ical

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
)

// requireInstants compares instants with the RFC 3339 strings want, both as
// instants and as written in the zone.
func requireInstants(t *testing.T, want []string, got []time.Time) {
	t.Helper()
	require.Len(t, got, len(want), "got %v", got)
	for i, w := range want {
		wt, err := time.Parse(time.RFC3339, w)
		require.NoError(t, err)
		require.True(t, wt.Equal(got[i]), "occurrence %d: got %s, want %s", i, got[i].Format(time.RFC3339), w)
		require.Equal(t, w, got[i].Format(time.RFC3339))
	}
}

func TestExpandAcrossDST(t *testing.T) {
	for _, c := range []struct {
		name  string
		zone  string
		start string // local
		rule  string
		skip  bool
		want  []string
	}{
		{
			name: "New York spring forward: 02:30 is read with the offset before the gap",
			zone: "America/New_York", start: "2026-03-06 02:30", rule: "FREQ=DAILY;COUNT=4",
			want: []string{"2026-03-06T02:30:00-05:00", "2026-03-07T02:30:00-05:00", "2026-03-08T03:30:00-04:00", "2026-03-09T02:30:00-04:00"},
		},
		{
			name: "New York spring forward, skipping nonexistent times (RFC 5545 3.3.10), not counted",
			zone: "America/New_York", start: "2026-03-06 02:30", rule: "FREQ=DAILY;COUNT=4", skip: true,
			want: []string{"2026-03-06T02:30:00-05:00", "2026-03-07T02:30:00-05:00", "2026-03-09T02:30:00-04:00", "2026-03-10T02:30:00-04:00"},
		},
		{
			name: "New York fall back: 01:30 is its first occurrence",
			zone: "America/New_York", start: "2026-10-31 01:30", rule: "FREQ=DAILY;COUNT=3",
			want: []string{"2026-10-31T01:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"},
		},
		{
			name: "New York: a time moved out of the gap onto another occurrence counts once",
			zone: "America/New_York", start: "2026-03-07 02:30", rule: "FREQ=DAILY;BYHOUR=2,3;BYMINUTE=30;COUNT=5",
			want: []string{"2026-03-07T02:30:00-05:00", "2026-03-07T03:30:00-05:00", "2026-03-08T03:30:00-04:00", "2026-03-09T02:30:00-04:00", "2026-03-09T03:30:00-04:00"},
		},
		{
			name: "Berlin: Sundays at 02:30 across the spring change",
			zone: "Europe/Berlin", start: "2026-03-22 02:30", rule: "FREQ=WEEKLY;BYDAY=SU;COUNT=3",
			want: []string{"2026-03-22T02:30:00+01:00", "2026-03-29T03:30:00+02:00", "2026-04-05T02:30:00+02:00"},
		},
		{
			name: "Berlin: the repeated 02:30 in October is the summer-time one",
			zone: "Europe/Berlin", start: "2026-10-24 02:30", rule: "FREQ=DAILY;COUNT=3",
			want: []string{"2026-10-24T02:30:00+02:00", "2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"},
		},
		{
			name: "Lord Howe: a half-hour gap moves 02:15 to 02:45",
			zone: "Australia/Lord_Howe", start: "2026-10-03 02:15", rule: "FREQ=DAILY;COUNT=3",
			want: []string{"2026-10-03T02:15:00+10:30", "2026-10-04T02:45:00+11:00", "2026-10-05T02:15:00+11:00"},
		},
		{
			name: "Lord Howe: a half-hour overlap keeps the first 01:45",
			zone: "Australia/Lord_Howe", start: "2026-04-04 01:45", rule: "FREQ=DAILY;COUNT=3",
			want: []string{"2026-04-04T01:45:00+11:00", "2026-04-05T01:45:00+11:00", "2026-04-06T01:45:00+10:30"},
		},
		{
			name: "Lord Howe: monthly on the first Sunday at 02:00, the start of the gap",
			zone: "Australia/Lord_Howe", start: "2026-09-06 02:00", rule: "FREQ=MONTHLY;BYDAY=1SU;COUNT=3",
			want: []string{"2026-09-06T02:00:00+10:30", "2026-10-04T02:30:00+11:00", "2026-11-01T02:00:00+11:00"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			loc := mustZone(t, c.zone)
			start, err := time.ParseInLocation("2006-01-02 15:04", c.start, loc)
			require.NoError(t, err)
			got, err := MustParseRecur(c.rule).Between(start, start, start.AddDate(1, 0, 0), ExpandOptions{SkipNonexistent: c.skip})
			require.NoError(t, err)
			requireInstants(t, c.want, got)
		})
	}
}

func TestUntil(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	start := DateTime{Date: availability.MustParseDate("2026-03-06"), Hour: 9, Form: Zoned, Zone: ny}
	for _, c := range []struct {
		until string
		last  string
	}{
		{"20260309T130000Z", "2026-03-09T09:00:00-04:00"}, // UTC, inclusive: 09:00 EDT is 13:00Z
		{"20260309T125959Z", "2026-03-08T09:00:00-04:00"}, // a second earlier
		{"20260309T090000", "2026-03-09T09:00:00-04:00"},  // local, read in DTSTART's zone
		{"20260309T085959", "2026-03-08T09:00:00-04:00"},
		{"20260309", "2026-03-09T09:00:00-04:00"}, // a date bounds through its end
	} {
		t.Run(c.until, func(t *testing.T) {
			rec := Recurrence{Start: start, Rule: MustParseRecur("FREQ=DAILY;UNTIL=" + c.until)}
			first := start.Time(nil)
			got, err := rec.Starts(iv(first, first.AddDate(0, 1, 0)), ExpandOptions{})
			require.NoError(t, err)
			require.Equal(t, c.last, got[len(got)-1].Format(time.RFC3339))
		})
	}
}

func TestLengthsAcrossDST(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	day := func(s string) DateTime {
		return DateTime{Date: availability.MustParseDate(s), Hour: 9, Form: Zoned, Zone: ny}
	}
	r := iv(time.Date(2026, 3, 7, 0, 0, 0, 0, ny), time.Date(2026, 3, 10, 0, 0, 0, 0, ny))
	for _, c := range []struct {
		name string
		rec  Recurrence
		want []time.Duration
	}{
		{"DURATION:P1D follows the wall clock", Recurrence{Start: day("2026-03-07"), Duration: Duration{Days: 1}, Rule: MustParseRecur("FREQ=DAILY;COUNT=3")},
			[]time.Duration{23 * time.Hour, 24 * time.Hour, 24 * time.Hour}},
		{"DURATION:PT24H is exact", Recurrence{Start: day("2026-03-07"), Duration: Duration{Exact: 24 * time.Hour}, Rule: MustParseRecur("FREQ=DAILY;COUNT=3")},
			[]time.Duration{24 * time.Hour, 24 * time.Hour, 24 * time.Hour}},
		{"DTEND gives every occurrence the first one's exact length", Recurrence{Start: day("2026-03-07"), End: day("2026-03-08"), Rule: MustParseRecur("FREQ=DAILY;COUNT=3")},
			[]time.Duration{23 * time.Hour, 23 * time.Hour, 23 * time.Hour}},
		{"an all-day event lasts its local day", Recurrence{Start: DateTime{Date: availability.MustParseDate("2026-03-07"), Form: DateOnly}, Rule: MustParseRecur("FREQ=DAILY;COUNT=3")},
			[]time.Duration{24 * time.Hour, 23 * time.Hour, 24 * time.Hour}},
	} {
		t.Run(c.name, func(t *testing.T) {
			occ, err := c.rec.Occurrences(r, ExpandOptions{Floating: ny})
			require.NoError(t, err)
			require.Len(t, occ, len(c.want))
			for i, o := range occ {
				require.Equal(t, c.want[i], o.Duration(), "occurrence %d %s", i, o)
			}
		})
	}
}

// TestFastPathAgreesWithAt checks the resolver's remembered periods against
// availability.At every 15 minutes for two years in zones with odd offsets
// and DST rules, and around the odd transitions of the past: Apia skipping
// 2011-12-30, Moscow 2011 and 2014, Troll's two-hour change, Casablanca's
// Ramadan, St. John's at 00:01, Kwajalein skipping 1993-08-21, Caracas 2016.
func TestFastPathAgreesWithAt(t *testing.T) {
	for _, c := range []struct {
		name  string
		first string
		days  int
	}{
		{"America/New_York", "2025-01-01", 730}, {"Europe/Berlin", "2025-01-01", 730}, {"Australia/Lord_Howe", "2025-01-01", 730},
		{"Asia/Kathmandu", "1985-06-01", 730}, {"Pacific/Chatham", "2025-01-01", 730}, {"America/Sao_Paulo", "2017-01-01", 730},
		{"Pacific/Apia", "2011-01-01", 730}, {"Europe/Moscow", "2010-06-01", 1800}, {"Antarctica/Troll", "2025-01-01", 365},
		{"Africa/Casablanca", "2025-01-01", 730}, {"America/St_Johns", "2010-01-01", 365}, {"Pacific/Kwajalein", "1993-01-01", 365},
		{"America/Caracas", "2016-01-01", 365},
	} {
		name := c.name
		loc := mustZone(t, name)
		z := newResolver(loc)
		d0 := dayNumber(availability.MustParseDate(c.first))
		for day := d0; day < d0+c.days; day++ {
			for sec := 0; sec < 86400; sec += 900 {
				u, exists, _ := z.resolve(localTime{day: day, sec: sec})
				want := availability.At(dateOf(day), availability.ClockOf(sec/3600, sec%3600/60), loc)
				require.Equal(t, want.Unix(), u, "%s %s %d", name, dateOf(day), sec)
				require.Equal(t, want.Hour()*3600+want.Minute()*60 == sec && availability.DateOf(want) == dateOf(day), exists)
			}
		}
	}
}

// The resolver agrees with availability.At for local times asked in any
// order, to the second, from 1900 to 2100, so that it learns and forgets
// transitions correctly.
func TestResolverAgreesWithAtAnywhere(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2026))
	d0 := dayNumber(availability.MustParseDate("1900-01-01"))
	d1 := dayNumber(availability.MustParseDate("2100-01-01"))
	for _, name := range []string{"America/New_York", "Europe/Amsterdam", "Pacific/Apia", "Europe/Moscow", "Australia/Lord_Howe", "Asia/Kolkata", "Africa/Casablanca"} {
		loc := mustZone(t, name)
		z := newResolver(loc)
		for range 20_000 {
			day := d0 + rng.IntN(d1-d0)
			if rng.IntN(4) == 0 {
				day = d0 + 36525 + rng.IntN(60) // many near one another
			}
			sec := rng.IntN(86400)
			u, exists, _ := z.resolve(localTime{day: day, sec: sec})
			want := availability.At(dateOf(day), availability.ClockOf(sec/3600, sec%3600/60), loc).Add(time.Duration(sec%60) * time.Second)
			require.Equal(t, want.Unix(), u, "%s %s %d", name, dateOf(day), sec)
			_, off := want.Zone()
			require.Equal(t, want.Unix()+int64(off) == int64(day)*86400+int64(sec), exists, "%s %s %d", name, dateOf(day), sec)
		}
	}
}
