package openinghours

import (
	"math/rand/v2"
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
	h := MustParse(`Mo-Fr 09:00-17:00; Sa 10:00-14:00 "short day"; Su off; PH off "public holiday"; 2026 Dec 24 10:00-12:00`)
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

func TestEvaluation(t *testing.T) {
	span := func(a, b string) availability.Span { return availability.Span{Start: clock(a), End: clock(b)} }
	monday := date("2026-03-02")
	for _, c := range []struct {
		in   string
		want []availability.Span // Monday's open spans
	}{
		{"Mo-Fr 09:00-17:00; Mo 10:00-12:00", []availability.Span{span("10:00", "12:00")}},                         // a normal rule replaces
		{"Mo-Fr 09:00-17:00, Mo 18:00-20:00", []availability.Span{span("09:00", "17:00"), span("18:00", "20:00")}}, // an additional rule adds
		{"Mo-Fr 09:00-17:00, Mo 12:00-13:00 off", []availability.Span{span("09:00", "12:00"), span("13:00", "17:00")}},
		{"Mo-Fr 09:00-17:00; Mo 12:00-13:00 off", nil}, // a normal off rule closes the whole date
		{"Mo-Fr 09:00-12:00, Mo-Fr 11:00-14:00", []availability.Span{span("09:00", "14:00")}},
		{"Su 22:00-02:00; Mo off", nil}, // Sunday's night stays Sunday's
		{"Mo 22:00-02:00", []availability.Span{span("22:00", "02:00")}},
		{"24/7; Mo off", nil},
		{"Tu-Fr 09:00-17:00", nil},
		{"Su 20:00-02:00, Su 23:00-24:00 off", []availability.Span{span("00:00", "02:00")}}, // what is left after midnight is Monday's
	} {
		t.Run(c.in, func(t *testing.T) {
			got, _ := MustParse(c.in).day(monday, func(availability.Date) bool { return false }, true)
			var spans []availability.Span
			for _, st := range got {
				spans = append(spans, st.span())
			}
			require.Equal(t, c.want, spans)
		})
	}
	// Sunday 22:00-02:00 stays open into Monday even when Monday is off.
	s, err := MustParse("Su 22:00-02:00; Mo off").Schedule(Options{})
	require.NoError(t, err)
	open, err := s.Open(availability.Interval{Start: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	require.Equal(t, 2*time.Hour, open.Duration())
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
	require.Equal(t, `Mo-Th 09:00-12:00,13:00-17:00 "clinic"; Fr 09:00-12:00,13:00-17:00 "clinic", Fr 22:00-02:00; Sa 10:00-14:00; `+
		`2026 Dec 24 10:00-12:00 "Christmas Eve"; 2026 Dec 25-26 off "holidays"`, out)

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
	const s = `Mo-Fr 08:00-12:00,13:00-17:30 "clinic"; Sa 10:00-14:00; Su off; PH off; Dec 24-26 off; 2026 Dec 31 10:00-12:00`
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
	require.Equal(t, "%!Month(13) ", h.String()) // dates, then the whole day
	_, err := Parse(h.String())
	require.ErrorIs(t, err, ErrSyntax)

	h = Hours{Rules: []Rule{{Weekdays: availability.Workweek, Times: []availability.Span{{Start: 5000, End: 6000}}}}}
	_, err = h.Schedule(Options{})
	require.ErrorIs(t, err, problem.ErrInvalid)
}
