package demand

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/booking"
	"github.com/practicekit/boundaries/availability/problem"
)

// thinWeeks is a schedule-first week, Monday to Friday 09:00–17:00 in
// Berlin, with sessions booked in the two weeks from Monday 2026-11-02.
func thinWeeks(t testing.TB, hoursBooked int) (availability.Schedule, booking.Sessions) {
	s := availability.Schedule{Zone: mustZone(t, "Europe/Berlin"), Hours: []availability.Window{{ID: "weekdays", Days: availability.Workweek, Start: availability.MustParseClock("09:00"), End: availability.MustParseClock("17:00")}}}
	var ivs []availability.Interval
	day := mustTime(t, "2026-11-02T09:00:00+01:00")
	for i := range hoursBooked {
		// One-hour sessions spread evenly over the ten working days.
		d, hour := i%10, i/10
		week, weekday := d/5, d%5
		start := day.AddDate(0, 0, week*7+weekday).Add(time.Duration(hour) * time.Hour)
		ivs = append(ivs, availability.IntervalOf(start, time.Hour))
	}
	return s, book(t, ivs...)
}

func TestUtilization(t *testing.T) {
	s, b := thinWeeks(t, 20)
	r := span(t, "2026-11-02T00:00:00+01:00", "2026-11-16T00:00:00+01:00")
	u, err := Measure(s, b, r)
	require.NoError(t, err)
	require.Equal(t, 80*time.Hour, u.Open)
	require.Equal(t, 20*time.Hour, u.Booked)
	require.InDelta(t, 0.25, u.Ratio(), 1e-12)
	require.Equal(t, "20 hours of 80 hours open booked (25%)", u.String())

	// Bookings outside open time and overlapping bookings count once, and
	// only inside open time.
	extra := book(t, append(intervals(b), span(t, "2026-11-07T10:00:00+01:00", "2026-11-07T12:00:00+01:00"),
		span(t, "2026-11-02T10:30:00+01:00", "2026-11-02T11:30:00+01:00"),
		span(t, "2026-11-13T16:00:00+01:00", "2026-11-13T18:00:00+01:00"))...)
	u, err = Measure(s, extra, r)
	require.NoError(t, err)
	require.Equal(t, 20*time.Hour+30*time.Minute+time.Hour, u.Booked)

	// Bookings that start before the range count for their part inside it.
	u, err = Measure(s, b, span(t, "2026-11-02T09:30:00+01:00", "2026-11-02T12:00:00+01:00"))
	require.NoError(t, err)
	require.Equal(t, 150*time.Minute, u.Open)
	require.Equal(t, 90*time.Minute, u.Booked)

	u, err = Measure(availability.Schedule{}, b, r)
	require.NoError(t, err)
	require.Zero(t, u.Ratio())
	u, err = Measure(s, b, availability.Interval{})
	require.NoError(t, err)
	require.Zero(t, u.Open)

	_, err = Measure(s, b, availability.IntervalOf(r.Start, availability.MaxRange+time.Hour))
	require.ErrorIs(t, err, availability.ErrRangeTooLong)
}

// intervals returns the times of the sessions.
func intervals(b booking.Sessions) []availability.Interval {
	var out []availability.Interval
	for x := range b.All() {
		out = append(out, x.Interval)
	}
	return out
}

// saturdayWhenThin is story 1's widening: when the next 14 days are under
// 40% booked, a schedule-first provider also opens Saturday 10:00–14:00.
func saturdayWhenThin() Condition {
	return Condition{
		Window: availability.Window{ID: "thin-saturday", Label: "when business is thin", Days: availability.Days(time.Saturday), Start: availability.MustParseClock("10:00"), End: availability.MustParseClock("14:00")},
		Below:  0.4,
		Over:   14 * 24 * time.Hour,
	}
}

func TestApplyConditions(t *testing.T) {
	now := mustTime(t, "2026-11-02T00:00:00+01:00")
	friday := Condition{
		Window:  availability.Window{ID: "busy-friday", Label: "breathing room", Days: availability.Days(time.Friday), Start: availability.MustParseClock("14:00"), End: availability.MustParseClock("17:00")},
		Protect: true, Above: 0.9, Over: 7 * 24 * time.Hour,
	}
	cases := []struct {
		name      string
		booked    int
		codes     []availability.Code
		hours     int
		protected int
	}{
		{"thin: Saturday opens", 20, []availability.Code{CodeConditionMet, CodeConditionNotMet}, 2, 0},
		{"busy: Saturday stays closed", 40, []availability.Code{CodeConditionNotMet, CodeConditionNotMet}, 1, 0},
		{"full: Friday afternoon is protected", 80, []availability.Code{CodeConditionNotMet, CodeConditionMet}, 1, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, b := thinWeeks(t, tc.booked)
			got, reasons, err := Apply(s, now, b, []Condition{saturdayWhenThin(), friday})
			require.NoError(t, err)
			require.Equal(t, tc.codes, reasonCodes(reasons))
			require.Len(t, got.Hours, tc.hours)
			require.Len(t, got.Protected, tc.protected)
			require.Len(t, s.Hours, 1, "the input schedule is unchanged")
			again, _, err := Apply(s, now, b, []Condition{saturdayWhenThin(), friday})
			require.NoError(t, err)
			require.Equal(t, got, again, "pure")
		})
	}

	s, b := thinWeeks(t, 20)
	got, reasons, err := Apply(s, now, b, []Condition{saturdayWhenThin()})
	require.NoError(t, err)
	require.Equal(t, "thin-saturday", reasons[0].Rule)
	require.Equal(t, "when business is thin", reasons[0].Label)
	require.Equal(t, "the 14 days after Mon 2026-11-02 00:00 CET are 25% booked (20 hours of 80 hours open), under 40%, so sat 10:00–14:00 is open", reasons[0].Message)
	open, err := got.Open(span(t, "2026-11-07T00:00:00+01:00", "2026-11-08T00:00:00+01:00"))
	require.NoError(t, err)
	requireSet(t, []availability.Interval{span(t, "2026-11-07T10:00:00+01:00", "2026-11-07T14:00:00+01:00")}, open)

	_, _, err = Apply(s, now, b, []Condition{{Window: saturdayWhenThin().Window, Below: 0.5, Over: availability.MaxRange + time.Hour}})
	require.ErrorIs(t, err, availability.ErrRangeTooLong)

	// An invalid window is an error, never applied: without a bound it
	// would open every Saturday, and an empty span would be a whole day.
	for _, bad := range []Condition{
		{Window: saturdayWhenThin().Window, Over: 14 * 24 * time.Hour},
		{Window: availability.Window{Days: availability.Days(time.Saturday)}, Below: 0.5, Over: 14 * 24 * time.Hour},
	} {
		_, _, err = Apply(s, now, b, []Condition{bad})
		require.ErrorIs(t, err, problem.ErrInvalid, "%+v", bad)
	}
}

func TestConditionalWindowHolds(t *testing.T) {
	band := Condition{Above: 0.2, Below: 0.6}
	for r, want := range map[float64]bool{0: false, 0.2: false, 0.3: true, 0.6: false, 1: false} {
		require.Equal(t, want, band.Holds(r), "%v", r)
	}
	require.True(t, Condition{Below: 0.4}.Holds(0))
	require.False(t, Condition{Below: 0.4}.Holds(0.4))
	require.True(t, Condition{Above: 0.9}.Holds(0.95))
}

func TestConditionalWindowValidate(t *testing.T) {
	require.NoError(t, saturdayWhenThin().Validate())
	bad := []Condition{
		{Window: availability.Window{ID: "a", Start: availability.MustParseClock("10:00"), End: availability.MustParseClock("10:00")}},
		{Window: availability.Window{ID: "a", Days: availability.Weekend, Start: 9, End: 2000}, Below: 1.5, Above: -0.1, Over: -time.Hour},
		{Window: availability.Window{Days: availability.Weekend, Start: 9, End: 20}, Below: 0.3, Above: 0.5, Over: availability.MaxRange + 1},
	}
	err := ValidateConditions(bad)
	require.Equal(t, []pathCode{
		{"conditions[0].window.days", problem.Required},
		{"conditions[0].window", problem.Empty},
		{"conditions[0]", problem.Required},
		{"conditions[0].over", problem.Required},
		{"conditions[1].window.end", problem.Invalid},
		{"conditions[1].below", problem.OutOfRange},
		{"conditions[1].above", problem.OutOfRange},
		{"conditions[1].over", problem.Required},
		{"conditions[1].window.id", problem.Duplicate},
		{"conditions[2].above", problem.Order},
		{"conditions[2].over", problem.TooLong},
	}, pathCodes(t, err))
}

func TestConditionalWindowJSON(t *testing.T) {
	c := saturdayWhenThin()
	b, err := json.Marshal(c)
	require.NoError(t, err)
	require.Equal(t, `{"window":{"id":"thin-saturday","label":"when business is thin","days":"sat","start":"10:00","end":"14:00"},"below":0.4,"over":"14d"}`, string(b))
	var back Condition
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, c, back)

	err = json.Unmarshal([]byte(`{"window":{"days":"sat","start":"10:00","end":"25:00"},"below":0.4,"over":"336h"}`), &back)
	require.Equal(t, []pathCode{{"window.end", problem.Invalid}}, pathCodes(t, err))
	require.ErrorIs(t, err, availability.ErrClock)

	u := Utilization{Range: span(t, "2026-11-02T00:00:00+01:00", "2026-11-16T00:00:00+01:00"), Open: 80 * time.Hour, Booked: 20 * time.Hour}
	b, err = json.Marshal(u)
	require.NoError(t, err)
	require.Equal(t, `{"range":{"start":"2026-11-02T00:00:00+01:00","end":"2026-11-16T00:00:00+01:00"},"open":"80h","booked":"20h"}`, string(b))
	var uback Utilization
	require.NoError(t, json.Unmarshal(b, &uback))
	require.True(t, u.Range.Equal(uback.Range))
	require.Equal(t, u.Booked, uback.Booked)
}

func FuzzConditionalWindowJSON(f *testing.F) {
	seed, err := json.Marshal(saturdayWhenThin())
	require.NoError(f, err)
	f.Add(seed)
	f.Add([]byte(`{"window":{"days":"fri","start":"14:00","end":"17:00"},"protect":true,"above":0.9,"over":"168h"}`))
	f.Add([]byte(`{"window":{"days":"mon-sun","start":"22:00","end":"02:00"},"below":1e-9,"above":1e400,"over":"1ns"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Condition
		if err := json.Unmarshal(data, &c); err != nil {
			return
		}
		if c.Validate() != nil {
			return
		}
		b, err := json.Marshal(c)
		require.NoError(t, err)
		var back Condition
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, c, back)
		s, bk := thinWeeks(t, 10)
		now := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
		if c.Over > 60*24*time.Hour {
			c.Over = 60 * 24 * time.Hour
		}
		got, reasons, err := Apply(s, now, bk, []Condition{c})
		require.NoError(t, err)
		require.Len(t, reasons, 1)
		want := 1
		if reasons[0].Code == CodeConditionMet {
			want = 2
		}
		require.Equal(t, want, len(got.Hours)+len(got.Protected))
	})
}

func BenchmarkApplyConditions(b *testing.B) {
	s, bk := thinWeeks(b, 40)
	now := mustTime(b, "2026-11-02T00:00:00+01:00")
	conds := []Condition{saturdayWhenThin()}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Apply(s, now, bk, conds); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzUtilizationJSON(f *testing.F) {
	f.Add([]byte(`{"range":{"start":"2026-11-02T00:00:00+01:00","end":"2026-11-16T00:00:00+01:00"},"open":"80h","booked":"20h"}`))
	f.Add([]byte(`{"open":"0s","booked":"-1h"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var u Utilization
		if err := json.Unmarshal(data, &u); err != nil {
			return
		}
		b, err := json.Marshal(u)
		if err != nil {
			return // a decoded instant that cannot be written back, such as year 10000
		}
		var back Utilization
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, u.Open, back.Open)
		require.Equal(t, u.Booked, back.Booked)
		require.True(t, u.Range.Start.Equal(back.Range.Start) && u.Range.End.Equal(back.Range.End))
	})
}
