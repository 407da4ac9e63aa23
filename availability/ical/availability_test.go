package ical

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

// The two examples of RFC 7953 §3.1.
const rfc7953Examples = `
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//example//EN
BEGIN:VAVAILABILITY
ORGANIZER:mailto:bernard@example.com
UID:0428C7D2-688E-4D2E-AC52-CD112E2469DF
DTSTAMP:20111005T133225Z
BEGIN:AVAILABLE
UID:34EDA59B-6BB1-4E94-A66C-64999089C0AF
SUMMARY:Monday to Friday from 9:00 to 17:00
DTSTART;TZID=America/Montreal:20111002T090000
DTEND;TZID=America/Montreal:20111002T170000
RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
END:AVAILABLE
END:VAVAILABILITY
BEGIN:VAVAILABILITY
ORGANIZER:mailto:bernard@example.com
UID:84D0F948-7FC6-4C1D-BBF3-BA9827B424B5
DTSTAMP:20111005T133225Z
DTSTART;TZID=America/Montreal:20111002T000000
DTEND;TZID=America/Montreal:20111202T000000
BEGIN:AVAILABLE
UID:7B33093A-7F98-4EED-B381-A5652530F04D
SUMMARY:Monday to Thursday from 9:00 to 17:00
DTSTART;TZID=America/Montreal:20111002T090000
DTEND;TZID=America/Montreal:20111002T170000
RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH
LOCATION:Main Office
END:AVAILABLE
BEGIN:AVAILABLE
UID:DF39DC9E-D8C3-492F-9101-0434E8FC1896
SUMMARY:Friday from 9:00 to 12:00
DTSTART;TZID=America/Montreal:20111006T090000
DTEND;TZID=America/Montreal:20111006T120000
RRULE:FREQ=WEEKLY
LOCATION:Branch Office
END:AVAILABLE
END:VAVAILABILITY
END:VCALENDAR
`

func TestRFC7953Examples(t *testing.T) {
	mtl := mustZone(t, "America/Montreal")
	cal, err := Parse(crlf(rfc7953Examples), Limits{})
	require.NoError(t, err)
	require.Len(t, cal.Availability, 2)
	at := func(day, hm string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", day+" "+hm, mtl)
		require.NoError(t, err)
		return tm
	}
	// The week of Monday 2011-10-10.
	week := iv(at("2011-10-10", "00:00"), at("2011-10-17", "00:00"))

	// Example 1 alone: Monday to Friday 9 to 5, busy-unavailable otherwise.
	fb, err := Combine(cal.Availability[:1], week, ExpandOptions{})
	require.NoError(t, err)
	var free []availability.Interval
	for _, d := range []string{"2011-10-10", "2011-10-11", "2011-10-12", "2011-10-13", "2011-10-14"} {
		free = append(free, iv(at(d, "09:00"), at(d, "17:00")))
	}
	require.True(t, availability.NewSet(free...).Equal(fb.Free), "free: %s", fb.Free)
	require.True(t, availability.NewSet(free...).Complement(week).Equal(fb.Unavailable))
	require.True(t, fb.Busy.IsEmpty() && fb.Tentative.IsEmpty())

	// Example 2 alone. Its "Friday from 9:00 to 12:00" component starts on
	// 2011-10-06, a Thursday, and FREQ=WEEKLY takes its day from DTSTART,
	// so read as written it recurs on Thursdays, inside the Monday to
	// Thursday hours: Friday is not available.
	fb, err = Combine(cal.Availability[1:], week, ExpandOptions{})
	require.NoError(t, err)
	require.True(t, availability.NewSet(free[:4]...).Equal(fb.Free), "free: %s", fb.Free)
	// With the start on a Friday, as the summary means, Friday is 9 to 12.
	fixed := cal.Availability[1]
	fixed.Available = append([]Available(nil), fixed.Available...)
	fixed.Available[1].Start.Date = availability.MustParseDate("2011-10-07")
	fixed.Available[1].End.Date = availability.MustParseDate("2011-10-07")
	fb, err = Combine([]Availability{fixed}, week, ExpandOptions{})
	require.NoError(t, err)
	free[4] = iv(at("2011-10-14", "09:00"), at("2011-10-14", "12:00"))
	require.True(t, availability.NewSet(free...).Equal(fb.Free), "free: %s", fb.Free)

	// Outside example 2's range nothing is said.
	fb, err = Combine(cal.Availability[1:], iv(at("2011-12-05", "00:00"), at("2011-12-12", "00:00")), ExpandOptions{})
	require.NoError(t, err)
	require.True(t, fb.Free.IsEmpty() && fb.AllBusy().IsEmpty())

	// Both, with equal (undefined) priority: free time from either is free.
	fb, err = Combine(cal.Availability, week, ExpandOptions{})
	require.NoError(t, err)
	free[4] = iv(at("2011-10-14", "09:00"), at("2011-10-14", "17:00"))
	require.True(t, availability.NewSet(free...).Equal(fb.Free), "free: %s", fb.Free)
}

func TestCombinePriority(t *testing.T) {
	ber := mustZone(t, "Europe/Berlin")
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	local := func(day string, h int) DateTime {
		return DateTime{Date: availability.MustParseDate(day), Hour: h, Form: Zoned, Zone: ber}
	}
	weekdays := Availability{UID: "base", Stamp: stamp, Available: []Available{{UID: "a", Stamp: stamp,
		Recurrence: Recurrence{Start: local("2026-03-02", 9), End: local("2026-03-02", 17), Rule: MustParseRecur("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")}}}}
	// A holiday week at PRIORITY 1, with nothing available, busy.
	holiday := Availability{UID: "holiday", Stamp: stamp, Priority: 1, BusyType: Busy,
		Start: local("2026-03-09", 0), End: local("2026-03-14", 0)}
	// One Saturday at PRIORITY 5 opens 10 to 14, tentatively busy otherwise.
	saturday := Availability{UID: "sat", Stamp: stamp, Priority: 5, BusyType: BusyTentative,
		Start: local("2026-03-14", 0), End: local("2026-03-15", 0),
		Available: []Available{{UID: "s", Stamp: stamp, Recurrence: Recurrence{Start: local("2026-03-14", 10), Duration: Duration{Exact: 4 * time.Hour}}}}}
	// A lower-priority component (9) cannot open the holiday week.
	late := Availability{UID: "late", Stamp: stamp, Priority: 9,
		Start: local("2026-03-09", 0), End: local("2026-03-16", 0),
		Available: []Available{{UID: "l", Stamp: stamp, Recurrence: Recurrence{Start: local("2026-03-09", 18), Duration: Duration{Exact: 2 * time.Hour}, Rule: MustParseRecur("FREQ=DAILY;COUNT=7")}}}}

	at := func(day string, h int) time.Time { return local(day, h).Time(nil) }
	r := iv(at("2026-03-09", 0), at("2026-03-16", 0))
	fb, err := Combine([]Availability{saturday, weekdays, holiday, late}, r, ExpandOptions{})
	require.NoError(t, err)
	want := availability.NewSet(
		iv(at("2026-03-14", 10), at("2026-03-14", 14)), // Saturday opens (5 beats 9 and 0)
		iv(at("2026-03-15", 18), at("2026-03-15", 20)), // Sunday evening: priority 9 beats base 0
	)
	require.True(t, want.Equal(fb.Free), "free: %s", fb.Free)
	require.True(t, availability.NewSet(iv(at("2026-03-09", 0), at("2026-03-14", 0))).Equal(fb.Busy), "busy: %s", fb.Busy)
	require.True(t, availability.NewSet(iv(at("2026-03-14", 0), at("2026-03-14", 10)), iv(at("2026-03-14", 14), at("2026-03-15", 0))).Equal(fb.Tentative))
	require.True(t, availability.NewSet(iv(at("2026-03-15", 0), at("2026-03-15", 18)), iv(at("2026-03-15", 20), at("2026-03-16", 0))).Equal(fb.Unavailable))
	// Every instant of r is said exactly once.
	all := fb.Free.Union(fb.AllBusy())
	require.True(t, availability.NewSet(r).Equal(all))
	require.Equal(t, r.Duration(), fb.Free.Duration()+fb.Busy.Duration()+fb.Tentative.Duration()+fb.Unavailable.Duration())
}

func TestCombineEqualPriorityBusyTypes(t *testing.T) {
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	utc := func(h int) DateTime {
		return DateTime{Date: availability.MustParseDate("2026-03-02"), Hour: h, Form: UTC}
	}
	a := Availability{UID: "a", Stamp: stamp, BusyType: BusyTentative, Start: utc(0), End: utc(12)}
	b := Availability{UID: "b", Stamp: stamp, BusyType: BusyUnavailable, Start: utc(6), End: utc(18),
		Available: []Available{{UID: "b1", Stamp: stamp, Recurrence: Recurrence{Start: utc(8), End: utc(10)}}}}
	r := iv(utc(0).Time(nil), utc(23).Time(nil))
	fb, err := Combine([]Availability{a, b}, r, ExpandOptions{})
	require.NoError(t, err)
	require.True(t, availability.NewSet(iv(utc(8).Time(nil), utc(10).Time(nil))).Equal(fb.Free))
	require.True(t, availability.NewSet(iv(utc(0).Time(nil), utc(6).Time(nil))).Equal(fb.Tentative), "%s", fb.Tentative)
	require.True(t, availability.NewSet(iv(utc(6).Time(nil), utc(8).Time(nil)), iv(utc(10).Time(nil), utc(18).Time(nil))).Equal(fb.Unavailable))
}

// plainWindows drops IDs and labels, which an import does not recover.
func plainWindows(ws []availability.Window) []availability.Window {
	out := make([]availability.Window, len(ws))
	for i, w := range ws {
		out[i] = availability.Window{Days: w.Days, Start: w.Start, End: w.End}
	}
	return out
}

func TestScheduleRoundTrip(t *testing.T) {
	clock := availability.MustParseClock
	date := availability.MustParseDate
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, zone := range []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "UTC"} {
		t.Run(zone, func(t *testing.T) {
			loc := mustZone(t, zone)
			s := availability.Schedule{
				Zone: loc,
				Hours: []availability.Window{
					{ID: "weekday", Label: "clinic", Days: availability.Workweek, Start: clock("09:00"), End: clock("12:00")},
					{Days: availability.Workweek, Start: clock("13:00"), End: clock("17:30")},
					{Days: availability.Days(time.Friday), Start: clock("20:00"), End: clock("23:00")},
					{Days: availability.Days(time.Saturday), Start: clock("00:00"), End: clock("24:00")},
				},
				Overrides: []availability.Override{
					{Date: date("2026-03-11"), Hours: []availability.Span{{Start: clock("10:00"), End: clock("11:00")}}},
					{Date: date("2026-04-01"), Closed: true},
					{Date: date("2026-04-05"), Hours: []availability.Span{{Start: clock("08:00"), End: clock("09:00")}}},
				},
				Closures:  []availability.Closure{{From: date("2026-03-23"), Through: date("2026-03-27")}},
				Effective: availability.DateRange{From: date("2026-03-01"), Through: date("2026-05-31")},
			}
			if loc == time.UTC {
				s.Zone = nil
			}
			a, err := FromSchedule(s, ExportOptions{UID: "hours@example.com", Stamp: stamp, Summary: "Office hours"})
			require.NoError(t, err)
			text, err := Calendar{Availability: []Availability{a}}.Encode()
			require.NoError(t, err)
			cal, err := Parse(text, Limits{})
			require.NoError(t, err)
			back, err := ToSchedule(cal.Availability, ScheduleOptions{})
			require.NoError(t, err)

			require.Equal(t, s.Zone, back.Zone)
			require.Equal(t, plainWindows(s.Hours), back.Hours)
			require.Equal(t, s.Effective, back.Effective)
			require.Equal(t, []availability.Override{
				{Date: date("2026-03-11"), Hours: []availability.Span{{Start: clock("10:00"), End: clock("11:00")}}},
				{Date: date("2026-04-05"), Hours: []availability.Span{{Start: clock("08:00"), End: clock("09:00")}}},
			}, back.Overrides)
			require.Equal(t, []availability.Closure{
				{From: date("2026-03-23"), Through: date("2026-03-27")},
				{From: date("2026-04-01"), Through: date("2026-04-01")},
			}, back.Closures)

			r := iv(time.Date(2026, 2, 25, 0, 0, 0, 0, loc), time.Date(2026, 6, 5, 0, 0, 0, 0, loc))
			want, err := s.Open(r)
			require.NoError(t, err)
			got, err := back.Open(r)
			require.NoError(t, err)
			require.True(t, want.Equal(got), "lost %s, gained %s", want.Subtract(got), got.Subtract(want))
		})
	}
}

func TestScheduleRoundTripProtectedAndOvernight(t *testing.T) {
	clock := availability.MustParseClock
	date := availability.MustParseDate
	ny := mustZone(t, "America/New_York")
	s := availability.Schedule{
		Zone: ny,
		Hours: []availability.Window{
			{Days: availability.Workweek, Start: clock("08:00"), End: clock("18:00")},
			{Days: availability.Days(time.Friday, time.Saturday), Start: clock("21:00"), End: clock("01:00")},
		},
		Protected: []availability.Window{
			{Label: "lunch", Days: availability.Workweek, Start: clock("12:00"), End: clock("13:00")},
			{Label: "friends", Days: availability.Days(time.Saturday), Start: clock("18:00"), End: clock("24:00")},
		},
		Overrides: []availability.Override{{Date: date("2026-04-15"), Hours: []availability.Span{{Start: clock("11:00"), End: clock("15:00")}}}},
		Effective: availability.DateRange{From: date("2026-04-01"), Through: date("2026-04-30")},
	}
	a, err := FromSchedule(s, ExportOptions{UID: "u", Stamp: time.Unix(0, 0)})
	require.NoError(t, err)
	back, err := ToSchedule([]Availability{a}, ScheduleOptions{})
	require.NoError(t, err)
	r := iv(time.Date(2026, 3, 30, 0, 0, 0, 0, ny), time.Date(2026, 5, 3, 0, 0, 0, 0, ny))
	want, err := s.Open(r)
	require.NoError(t, err)
	got, err := back.Open(r)
	require.NoError(t, err)
	require.True(t, want.Equal(got), "lost %s, gained %s", want.Subtract(got), got.Subtract(want))
	// Protected time is folded into the hours: Saturday night's window
	// starts at midnight, the Wednesday override loses its lunch hour.
	require.Equal(t, []availability.Window{
		{Days: availability.Workweek, Start: clock("08:00"), End: clock("12:00")},
		{Days: availability.Workweek, Start: clock("13:00"), End: clock("18:00")},
		{Days: availability.Days(time.Friday), Start: clock("21:00"), End: clock("01:00")},
		{Days: availability.Days(time.Sunday), Start: clock("00:00"), End: clock("01:00")},
	}, back.Hours)
	require.Equal(t, []availability.Override{{Date: date("2026-04-15"), Hours: []availability.Span{
		{Start: clock("11:00"), End: clock("12:00")}, {Start: clock("13:00"), End: clock("15:00")}}}}, back.Overrides)
}

// TestScheduleOvernightAcrossDST pins the one known loss: iCalendar
// durations are exact, so a window across the night the clocks change
// lasts its usual length for a reader.
func TestScheduleOvernightAcrossDST(t *testing.T) {
	clock := availability.MustParseClock
	ber := mustZone(t, "Europe/Berlin")
	s := availability.Schedule{Zone: ber, Hours: []availability.Window{{Days: availability.Days(time.Saturday), Start: clock("22:00"), End: clock("06:00")}},
		Effective: availability.DateRange{From: availability.MustParseDate("2026-03-01"), Through: availability.MustParseDate("2026-04-30")}}
	a, err := FromSchedule(s, ExportOptions{UID: "u", Stamp: time.Unix(0, 0)})
	require.NoError(t, err)
	r := iv(time.Date(2026, 3, 28, 12, 0, 0, 0, ber), time.Date(2026, 3, 29, 12, 0, 0, 0, ber))
	fb, err := Combine([]Availability{a}, r, ExpandOptions{})
	require.NoError(t, err)
	want, err := s.Open(r)
	require.NoError(t, err)
	require.Equal(t, 7*time.Hour, want.Duration()) // the schedule's wall clock: 22:00 to 06:00 CEST
	require.Equal(t, 8*time.Hour, fb.Free.Duration())
	require.Equal(t, "2026-03-29T07:00:00+02:00", fb.Free.Bounds().End.Format(time.RFC3339))
}

func TestScheduleConversionErrors(t *testing.T) {
	stamp := time.Unix(0, 0)
	s := availability.Schedule{Hours: []availability.Window{{Days: availability.Workweek, Start: 540, End: 1020}}}
	_, err := FromSchedule(s, ExportOptions{})
	require.ErrorIs(t, err, problem.ErrInvalid)

	bad := s
	bad.Hours = append(bad.Hours, availability.Window{Start: 60, End: 120})
	_, err = FromSchedule(bad, ExportOptions{UID: "u", Stamp: stamp})
	require.ErrorIs(t, err, problem.ErrInvalid)

	outside := s
	outside.Effective = availability.DateRange{From: availability.MustParseDate("2026-01-01"), Through: availability.MustParseDate("2026-01-31")}
	outside.Overrides = []availability.Override{{Date: availability.MustParseDate("2026-02-02"), Hours: []availability.Span{{Start: 60, End: 120}}}}
	_, err = FromSchedule(outside, ExportOptions{UID: "u", Stamp: stamp})
	require.ErrorIs(t, err, ErrUnsupported)

	// An unbounded VAVAILABILITY needs dates.
	a, err := FromSchedule(s, ExportOptions{UID: "u", Stamp: stamp})
	require.NoError(t, err)
	_, err = ToSchedule([]Availability{a}, ScheduleOptions{})
	var l problem.List
	require.ErrorAs(t, err, &l)
	require.Equal(t, "availability[0].start", l[0].Path)
	back, err := ToSchedule([]Availability{a}, ScheduleOptions{Dates: availability.DateRange{From: availability.MustParseDate("2026-01-05"), Through: availability.MustParseDate("2026-02-01")}})
	require.NoError(t, err)
	require.Equal(t, s.Hours, back.Hours)
	require.Empty(t, back.Overrides)

	_, err = ToSchedule([]Availability{a}, ScheduleOptions{Dates: availability.DateRange{From: availability.MustParseDate("2000-01-01"), Through: availability.MustParseDate("2026-01-01")}})
	require.ErrorIs(t, err, ErrLimit)
}

func TestFreeBusyEncode(t *testing.T) {
	utc := func(day string, h, m int) time.Time {
		d := availability.MustParseDate(day)
		return time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, time.UTC)
	}
	busy := availability.NewSet(
		iv(utc("1998-03-14", 23, 30), utc("1998-03-15", 0, 30)),
		iv(utc("1998-03-16", 15, 30), utc("1998-03-16", 16, 30)),
		iv(utc("1998-03-18", 3, 0), utc("1998-03-18", 4, 0)),
	)
	fb := FreeBusy{UID: "19970901T115957Z-76A912@example.com", Stamp: utc("1997-09-01", 12, 0),
		Start: utc("1998-03-13", 14, 17), End: utc("1998-04-10", 14, 17), Busy: busy}
	b, err := fb.Encode()
	require.NoError(t, err)
	require.Equal(t, string(crlf(`
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//practicekit//boundaries//EN
BEGIN:VFREEBUSY
UID:19970901T115957Z-76A912@example.com
DTSTAMP:19970901T120000Z
DTSTART:19980313T141700Z
DTEND:19980410T141700Z
FREEBUSY;FBTYPE=BUSY:19980314T233000Z/19980315T003000Z,19980316T153000Z/199
 80316T163000Z,19980318T030000Z/19980318T040000Z
END:VFREEBUSY
END:VCALENDAR
`)), string(b))
	cal, err := Parse(b, Limits{})
	require.NoError(t, err)
	require.Len(t, cal.FreeBusy, 1)
	require.True(t, busy.Equal(cal.FreeBusy[0].Busy))
	require.True(t, fb.Start.Equal(cal.FreeBusy[0].Start))

	// The RFC's reply example, with periods given as durations.
	cal, err = Parse(crlf(`
BEGIN:VFREEBUSY
UID:19970901T095957Z-76A912@example.com
DTSTAMP:19970901T100000Z
FREEBUSY:19971015T050000Z/PT8H30M,
 19971015T160000Z/PT5H30M,19971015T223000Z/PT6H30M
FREEBUSY;FBTYPE=X-OUT-OF-OFFICE:19971016T050000Z/PT1H
END:VFREEBUSY
`), Limits{})
	require.NoError(t, err)
	// An unknown FBTYPE counts as BUSY; its period touches the one before.
	require.Equal(t, 3, cal.FreeBusy[0].Busy.Len())
	require.Equal(t, 21*time.Hour+30*time.Minute, cal.FreeBusy[0].Busy.Duration())

	_, err = FreeBusy{Busy: busy}.Encode()
	require.ErrorIs(t, err, problem.ErrInvalid)
}

// TestScheduleRoundTripRandom writes random schedules as VAVAILABILITY,
// reads them back with ToSchedule and compares the open time over the
// effective dates. Zones with DST get windows inside the day, since
// iCalendar durations are exact and a night across a DST change is not
// (see FromSchedule); zones without DST get any window, midnight crossed.
func TestScheduleRoundTripRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	zones := []string{"UTC", "Asia/Kathmandu", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Sao_Paulo"}
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 300 {
		loc := mustZone(t, zones[i%len(zones)])
		clock := func(lo, hi int) availability.Clock { return availability.Clock((lo + rng.IntN(hi-lo)) * 30) }
		s := availability.Schedule{Zone: loc}
		for range 1 + rng.IntN(3) {
			w := availability.Window{Days: availability.Weekdays(1 + rng.IntN(127))}
			if i%len(zones) < 2 {
				w.Start = clock(0, 48)
				w.End = (w.Start + availability.Clock(30*(1+rng.IntN(30)))) % availability.EndOfDay
			} else {
				w.Start = clock(12, 40)
				w.End = w.Start + availability.Clock(30*(1+rng.IntN(8)))
			}
			s.Hours = append(s.Hours, w)
		}
		for range rng.IntN(2) {
			st := clock(12, 40)
			s.Protected = append(s.Protected, availability.Window{Days: availability.Weekdays(1 + rng.IntN(127)), Start: st, End: st + 30*availability.Clock(1+rng.IntN(4))})
		}
		first := availability.MustParseDate("2026-01-05").AddDays(rng.IntN(300))
		s.Effective = availability.DateRange{From: first, Through: first.AddDays(60 + rng.IntN(60))}
		for k := range rng.IntN(3) {
			o := availability.Override{Date: first.AddDays(20*k + rng.IntN(20)), Closed: rng.IntN(2) == 0}
			if !o.Closed {
				st := clock(12, 40)
				o.Hours = []availability.Span{{Start: st, End: st + 60}}
			}
			s.Overrides = append(s.Overrides, o)
		}
		for range rng.IntN(2) {
			from := first.AddDays(rng.IntN(60))
			s.Closures = append(s.Closures, availability.Closure{From: from, Through: from.AddDays(rng.IntN(10))})
		}
		require.NoError(t, s.Validate())
		a, err := FromSchedule(s, ExportOptions{UID: "hours@example.com", Stamp: stamp})
		require.NoError(t, err)
		text, err := Calendar{Availability: []Availability{a}}.Encode()
		require.NoError(t, err)
		cal, err := Parse(text, Limits{})
		require.NoError(t, err)
		back, err := ToSchedule(cal.Availability, ScheduleOptions{})
		require.NoError(t, err)
		// The range ends at the midnight after the last effective date:
		// a window that crosses it ends there (see FromSchedule).
		r := iv(availability.At(first.AddDays(-3), availability.Midnight, loc), availability.At(s.Effective.Through.AddDays(1), availability.Midnight, loc))
		want, err := s.Open(r)
		require.NoError(t, err)
		got, err := back.Open(r)
		require.NoError(t, err)
		require.True(t, want.Equal(got), "schedule %+v\nmissing %s\nextra %s", s, want.Subtract(got), got.Subtract(want))
	}
}
