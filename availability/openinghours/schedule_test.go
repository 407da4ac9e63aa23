package openinghours

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

var (
	clock = availability.MustParseClock
	date  = availability.MustParseDate
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func TestSchedule(t *testing.T) {
	ber := mustZone(t, "Europe/Berlin")
	h := MustParse(`Mo-Fr 09:00-17:00; Sa 10:00-14:00 open "short day"; Su off; PH off "public holiday"; 2026 Dec 24 10:00-12:00`)
	s, err := h.Schedule(Options{Zone: ber, Holidays: []availability.Date{date("2026-12-25"), date("2026-12-26"), date("2027-01-01")}})
	require.NoError(t, err)
	require.Equal(t, ber, s.Zone)
	require.Equal(t, []availability.Window{
		{Days: availability.Workweek, Start: clock("09:00"), End: clock("17:00")},
		{Label: "short day", Days: availability.Days(time.Saturday), Start: clock("10:00"), End: clock("14:00")},
	}, s.Hours)
	require.Equal(t, []availability.Override{{Date: date("2026-12-24"), Hours: []availability.Span{{Start: clock("10:00"), End: clock("12:00")}}}}, s.Overrides)
	require.Equal(t, []availability.Closure{
		{Label: "public holiday", From: date("2026-12-25"), Through: date("2026-12-26")},
		{Label: "public holiday", From: date("2027-01-01"), Through: date("2027-01-01")},
	}, s.Closures)
	require.NoError(t, s.Validate())
	require.Zero(t, s.Effective)

	// Rules that repeat every year need dates.
	_, err = MustParse("Mo-Fr 09:00-17:00; Dec 25 off").Schedule(Options{})
	var l problem.List
	require.ErrorAs(t, err, &l)
	require.Equal(t, "rules[1].dates[0]", l[0].Path)
	s, err = MustParse("Mo-Fr 09:00-17:00; Dec 24-26 off; Dec 31 10:00-12:00").Schedule(Options{Dates: availability.DateRange{From: date("2026-01-01"), Through: date("2027-12-31")}})
	require.NoError(t, err)
	require.Equal(t, []availability.Closure{{From: date("2026-12-24"), Through: date("2026-12-25")}, {From: date("2027-12-24"), Through: date("2027-12-24")}}, s.Closures)
	require.Equal(t, []availability.Override{
		{Date: date("2026-12-31"), Hours: []availability.Span{{Start: clock("10:00"), End: clock("12:00")}}},
		{Date: date("2027-12-31"), Hours: []availability.Span{{Start: clock("10:00"), End: clock("12:00")}}},
	}, s.Overrides)
}

func TestFormat(t *testing.T) {
	ber := mustZone(t, "Europe/Berlin")
	s := availability.Schedule{
		Zone: ber,
		Hours: []availability.Window{
			{Label: "clinic", Days: availability.Workweek, Start: clock("09:00"), End: clock("17:00")},
			{Days: availability.Days(time.Saturday), Start: clock("10:00"), End: clock("14:00")},
			{Days: availability.Days(time.Friday), Start: clock("22:00"), End: clock("02:00")},
		},
		Protected: []availability.Window{{Label: "lunch", Days: availability.Workweek, Start: clock("12:00"), End: clock("13:00")}},
		Overrides: []availability.Override{{Label: "Christmas Eve", Date: date("2026-12-24"), Hours: []availability.Span{{Start: clock("10:00"), End: clock("12:00")}}}},
		Closures:  []availability.Closure{{Label: "holidays", From: date("2026-12-25"), Through: date("2026-12-27")}},
	}
	out, err := Format(s)
	require.NoError(t, err)
	// The rules of the week after the first are additional, so that Sa
	// 10:00-14:00 does not take Saturday's 00:00-02:00 from Fr 22:00-02:00.
	require.Equal(t, `Mo-Th 09:00-12:00,13:00-17:00 open "clinic", Fr 09:00-12:00,13:00-17:00 open "clinic", Fr 22:00-02:00, Sa 10:00-14:00; `+
		`2026 Dec 24 10:00-12:00 open "Christmas Eve"; 2026 Dec 25-26 off "holidays"`, out)

	_, err = Format(availability.Schedule{Effective: availability.DateRange{From: date("2026-01-01")}})
	require.ErrorIs(t, err, ErrUnsupported)
	_, err = Format(availability.Schedule{Hours: []availability.Window{{Start: 60, End: 120}}})
	require.ErrorIs(t, err, problem.ErrInvalid)
	out, err = Format(availability.Schedule{})
	require.NoError(t, err)
	require.Equal(t, "off", out)
	out, err = Format(availability.Schedule{Hours: []availability.Window{{Days: availability.Everyday, Start: 0, End: availability.EndOfDay}}})
	require.NoError(t, err)
	require.Equal(t, "Mo-Su", out)
}

// requireSameOpen checks that two schedules open the same instants over r.
func requireSameOpen(t *testing.T, want, got availability.Schedule, r availability.Interval) {
	t.Helper()
	a, err := want.Open(r)
	require.NoError(t, err)
	b, err := got.Open(r)
	require.NoError(t, err)
	require.True(t, a.Equal(b), "lost %s\ngained %s", a.Subtract(b), b.Subtract(a))
}

func TestRoundTrip(t *testing.T) {
	for _, zone := range []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe"} {
		loc := mustZone(t, zone)
		s := availability.Schedule{
			Zone: loc,
			Hours: []availability.Window{
				{Days: availability.Workweek, Start: clock("08:00"), End: clock("18:00")},
				{Days: availability.Days(time.Saturday, time.Sunday), Start: clock("01:00"), End: clock("04:00")},
				{Days: availability.Days(time.Saturday), Start: clock("21:00"), End: clock("03:00")},
			},
			Protected: []availability.Window{
				{Days: availability.Workweek, Start: clock("12:00"), End: clock("13:00")},
				{Days: availability.Days(time.Saturday), Start: clock("18:00"), End: clock("24:00")},
			},
			Overrides: []availability.Override{
				{Date: date("2026-03-08"), Hours: []availability.Span{{Start: clock("00:30"), End: clock("03:30")}}},
				{Date: date("2026-10-03"), Closed: true},
			},
			Closures: []availability.Closure{{From: date("2026-03-28"), Through: date("2026-03-29")}, {From: date("2026-11-01"), Through: date("2026-11-01")}},
		}
		t.Run(zone, func(t *testing.T) {
			text, err := Format(s)
			require.NoError(t, err)
			back, err := MustParse(text).Schedule(Options{Zone: loc})
			require.NoError(t, err, text)
			require.NoError(t, back.Validate())
			r := availability.Interval{Start: time.Date(2026, 1, 1, 0, 0, 0, 0, loc), End: time.Date(2027, 1, 1, 0, 0, 0, 0, loc)}
			requireSameOpen(t, s, back, r)
			// The text is stable.
			again, err := Format(back)
			require.NoError(t, err)
			require.Equal(t, text, again)
		})
	}
}

// TestRoundTripRandom holds the round trip to its promise on random
// schedules: the same open time, across DST, in odd zones.
func TestRoundTripRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 2026))
	zones := []*time.Location{mustZone(t, "America/New_York"), mustZone(t, "Europe/Berlin"), mustZone(t, "Australia/Lord_Howe"), mustZone(t, "Asia/Kathmandu")}
	window := func() availability.Window {
		start := availability.Clock(rng.IntN(48) * 30)
		end := availability.Clock((rng.IntN(48) + 1) * 30)
		if end == start {
			end = availability.EndOfDay
			start = 0
		}
		return availability.Window{Days: availability.Weekdays(1 + rng.IntN(127)), Start: start, End: end}
	}
	for i := range 200 {
		loc := zones[i%len(zones)]
		s := availability.Schedule{Zone: loc}
		for range 1 + rng.IntN(4) {
			s.Hours = append(s.Hours, window())
		}
		for range rng.IntN(3) {
			s.Protected = append(s.Protected, window())
		}
		used := map[availability.Date]bool{}
		for range rng.IntN(4) {
			d := date("2026-03-01").AddDays(rng.IntN(240))
			if used[d] {
				continue
			}
			used[d] = true
			o := availability.Override{Date: d, Closed: rng.IntN(3) == 0}
			if !o.Closed {
				w := window()
				o.Hours = []availability.Span{{Start: w.Start, End: w.End}}
			}
			s.Overrides = append(s.Overrides, o)
		}
		for range rng.IntN(3) {
			d := date("2026-03-01").AddDays(rng.IntN(240))
			s.Closures = append(s.Closures, availability.Closure{From: d, Through: d.AddDays(rng.IntN(5))})
		}
		require.NoError(t, s.Validate())
		text, err := Format(s)
		require.NoError(t, err)
		back, err := MustParse(text).Schedule(Options{Zone: loc})
		require.NoError(t, err, text)
		r := availability.Interval{Start: time.Date(2026, 2, 20, 0, 0, 0, 0, loc), End: time.Date(2026, 11, 15, 0, 0, 0, 0, loc)}
		requireSameOpen(t, s, back, r)
	}
}

func BenchmarkParse(b *testing.B) {
	const s = `Mo-Fr 08:00-12:00,13:00-17:30 open "clinic"; Sa 10:00-14:00; Su off; PH off; Dec 24-26 off; 2026 Dec 31 10:00-12:00`
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScheduleYear(b *testing.B) {
	h := MustParse(`Mo-Fr 08:00-12:00,13:00-17:30; Sa 10:00-14:00; Su off; PH off; Dec 24-26 off`)
	opts := Options{Dates: availability.DateRange{From: date("2026-01-01"), Through: date("2026-12-31")}, Holidays: []availability.Date{date("2026-01-01"), date("2026-05-01")}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.Schedule(opts); err != nil {
			b.Fatal(err)
		}
	}
}

// Hours built in code rather than by Parse may hold anything: String does
// not panic, and Schedule reports values no schedule can hold.
func TestHoursBuiltInCode(t *testing.T) {
	h := Hours{Rules: []Rule{{Dates: []DateRange{{From: MonthDay{Month: 13}, To: MonthDay{Month: 13}}}}}}
	require.Equal(t, "%!Month(13): ", h.String()) // dates, then the whole day
	_, err := Parse(h.String())
	require.ErrorIs(t, err, ErrSyntax)
	_, err = h.Schedule(Options{Dates: availability.DateRange{From: date("2026-01-01"), Through: date("2026-12-31")}})
	var l problem.List
	require.ErrorAs(t, err, &l)
	require.Equal(t, "rules[0].dates[0]", l[0].Path)
	require.Equal(t, problem.Invalid, l[0].Code)

	h = Hours{Rules: []Rule{{Weekdays: availability.Workweek, Times: []availability.Span{{Start: 5000, End: 6000}}}}}
	_, err = h.Schedule(Options{})
	require.ErrorIs(t, err, problem.ErrInvalid)
}

// datedRules is a value of n rules, each for one date from 2026 on, after
// a usual week; 2621 of them fill the 64 KiB a value may hold.
func datedRules(n int) string {
	var b strings.Builder
	b.WriteString("Mo-Fr 09:00-17:00, Sa 10:00-14:00")
	d := date("2026-01-01")
	for i := range n {
		if i%3 == 0 {
			fmt.Fprintf(&b, "; %04d %s %02d %02d:00-%02d:30", d.Year, d.Month.String()[:3], d.Day, 8+i%8, 12+i%8)
		} else {
			fmt.Fprintf(&b, "; %04d %s %02d off", d.Year, d.Month.String()[:3], d.Day)
		}
		d = d.AddDays(1)
	}
	return b.String()
}

// manyAdditional is a value of additional rules that select every date,
// each with one minute, as many as 30 KiB hold.
func manyAdditional() string {
	var b strings.Builder
	for i := 0; b.Len() < 30<<10; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		m := (i * 7) % 1380
		fmt.Fprintf(&b, "Mo-Su %02d:%02d-%02d:%02d open", m/60, m%60, (m+1)/60, (m+1)%60)
	}
	return b.String()
}

// Reading dated rules costs time linear in the rules and the dates: 2621
// dated rules over ten years of Options.Dates took 300 to 570 ms, each
// date testing every rule; 2364 additional rules that select every date
// are evaluated once per weekday, not once per date.
func TestDatedRulesAreLinear(t *testing.T) {
	opts := Options{Dates: availability.DateRange{From: date("2026-01-01"), Through: date("2035-12-31")}}
	for _, c := range []struct {
		name, value         string
		overrides, closures int
	}{
		{"dated rules", datedRules(2621), 874, 874},
		{"rules for every date", manyAdditional(), 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.LessOrEqual(t, len(c.value), 64<<10)
			h := MustParse(c.value)
			var s availability.Schedule
			took := time.Hour
			for range 3 { // the fastest of three, for a machine that is busy
				began := time.Now()
				var err error
				s, err = h.Schedule(opts)
				took = min(took, time.Since(began))
				require.NoError(t, err)
			}
			require.Equal(t, c.overrides, len(s.Overrides))
			require.Equal(t, c.closures, len(s.Closures))
			require.Less(t, took, raceSlowdown*100*time.Millisecond) // about 8 ms; see BenchmarkScheduleDatedRules
		})
	}
	s, err := MustParse(datedRules(2621)).Schedule(opts)
	require.NoError(t, err)
	require.Equal(t, []availability.Span{{Start: clock("08:00"), End: clock("12:30")}}, s.Overrides[0].Hours)
	require.Equal(t, availability.Closure{From: date("2026-01-02"), Through: date("2026-01-03")}, s.Closures[0])
}

func BenchmarkScheduleDatedRules(b *testing.B) {
	h := MustParse(datedRules(2621))
	opts := Options{Dates: availability.DateRange{From: date("2026-01-01"), Through: date("2035-12-31")}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.Schedule(opts); err != nil {
			b.Fatal(err)
		}
	}
}
