package availability

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability/problem"
)

func TestAddBusiness(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	berlin := mustZone(t, "Europe/Berlin")
	kathmandu := mustZone(t, "Asia/Kathmandu")
	lordHowe := mustZone(t, "Australia/Lord_Howe")
	office := func(loc *time.Location) Schedule {
		return Schedule{Zone: loc, Hours: []Window{window("mon-fri", "09:00", "17:00")}}
	}
	cases := []struct {
		name  string
		sched Schedule
		from  string
		d     time.Duration
		want  string
	}{
		{
			name:  "Friday 16:30 plus 4 business hours lands Monday, across the fall-back weekend",
			sched: office(ny),
			from:  "2026-10-30T16:30:00-04:00",
			d:     4 * time.Hour,
			want:  "2026-11-02T12:30:00-05:00",
		},
		{
			name:  "same in Berlin, whose fall-back night is a week earlier",
			sched: office(berlin),
			from:  "2026-10-23T16:30:00+02:00",
			d:     4 * time.Hour,
			want:  "2026-10-26T12:30:00+01:00",
		},
		{
			name:  "a night window across the fall-back holds an extra hour",
			sched: Schedule{Zone: berlin, Hours: []Window{window("mon-sun", "22:00", "06:00")}},
			from:  "2026-10-24T22:00:00+02:00",
			d:     8 * time.Hour,
			want:  "2026-10-25T05:00:00+01:00",
		},
		{
			name:  "a night window across the spring-forward holds one hour less",
			sched: Schedule{Zone: ny, Hours: []Window{window("sat", "22:00", "06:00")}},
			from:  "2026-03-07T22:00:00-05:00",
			d:     7 * time.Hour,
			want:  "2026-03-08T06:00:00-04:00",
		},
		{
			name:  "used up exactly at closing time stays at closing time",
			sched: office(ny),
			from:  "2026-11-06T13:00:00-05:00",
			d:     4 * time.Hour,
			want:  "2026-11-06T17:00:00-05:00",
		},
		{
			name:  "starting on a weekend counts from Monday's opening",
			sched: office(ny),
			from:  "2026-11-07T10:00:00-05:00",
			d:     time.Hour,
			want:  "2026-11-09T10:00:00-05:00",
		},
		{
			name: "protected lunch is not business time",
			sched: Schedule{Zone: ny, Hours: []Window{window("mon-fri", "09:00", "17:00")},
				Protected: []Window{window("mon-fri", "12:00", "13:00")}},
			from: "2026-11-09T11:00:00-05:00",
			d:    2 * time.Hour,
			want: "2026-11-09T14:00:00-05:00",
		},
		{
			name: "a closed override and a closure are skipped",
			sched: Schedule{Zone: ny, Hours: []Window{window("mon-fri", "09:00", "17:00")},
				Overrides: []Override{{Date: MustParseDate("2026-11-26"), Closed: true}},
				Closures:  []Closure{{From: MustParseDate("2026-11-27"), Through: MustParseDate("2026-11-30")}}},
			from: "2026-11-25T16:00:00-05:00",
			d:    2 * time.Hour,
			want: "2026-12-01T10:00:00-05:00",
		},
		{
			name: "an override with special hours counts those hours",
			sched: Schedule{Zone: ny, Hours: []Window{window("mon-fri", "09:00", "17:00")},
				Overrides: []Override{{Date: MustParseDate("2026-11-28"), Hours: []Span{{Start: MustParseClock("10:00"), End: MustParseClock("12:00")}}}}},
			from: "2026-11-27T16:00:00-05:00",
			d:    2 * time.Hour,
			want: "2026-11-28T11:00:00-05:00",
		},
		{
			name:  "a window across midnight ends exactly",
			sched: Schedule{Zone: ny, Hours: []Window{window("fri", "22:00", "02:00")}},
			from:  "2026-11-06T23:00:00-05:00",
			d:     3 * time.Hour,
			want:  "2026-11-07T02:00:00-05:00",
		},
		{
			name:  "a window across midnight continues a week later",
			sched: Schedule{Zone: ny, Hours: []Window{window("fri", "22:00", "02:00")}},
			from:  "2026-11-06T23:00:00-05:00",
			d:     3*time.Hour + 30*time.Minute,
			want:  "2026-11-13T22:30:00-05:00",
		},
		{
			name:  "Kathmandu's quarter-hour offset",
			sched: Schedule{Zone: kathmandu, Hours: []Window{window("mon-fri", "10:00", "18:00")}},
			from:  "2026-03-13T17:00:00+05:45",
			d:     2 * time.Hour,
			want:  "2026-03-16T11:00:00+05:45",
		},
		{
			name:  "Lord Howe's half-hour fall-back adds half an hour to the night",
			sched: Schedule{Zone: lordHowe, Hours: []Window{window("sun", "00:00", "06:00")}},
			from:  "2026-04-05T00:00:00+11:00",
			d:     6 * time.Hour,
			want:  "2026-04-05T05:30:00+10:30",
		},
		{
			name:  "zero duration is the start itself",
			sched: office(ny),
			from:  "2026-11-07T10:00:00-05:00",
			d:     0,
			want:  "2026-11-07T10:00:00-05:00",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			from := mustTime(t, tc.from)
			got, err := tc.sched.AddBusiness(from, tc.d)
			require.NoError(t, err)
			want := mustTime(t, tc.want)
			require.True(t, want.Equal(got), "want %s, got %s", want, got)
			require.Equal(t, tc.sched.location(), got.Location())
			back, err := tc.sched.BusinessBetween(from, got)
			require.NoError(t, err)
			require.Equal(t, tc.d, back)
		})
	}
}

func TestAddBusinessErrors(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	from := mustTime(t, "2026-11-06T10:00:00-05:00")

	_, err := Schedule{Zone: ny}.AddBusiness(from, time.Hour)
	require.ErrorIs(t, err, ErrNoOpenTime)

	away := Schedule{Zone: ny, Hours: []Window{window("mon-fri", "09:00", "17:00")},
		Closures: []Closure{{From: MustParseDate("2026-11-07"), Through: MustParseDate("2028-01-01")}}}
	_, err = away.AddBusiness(from, 8*time.Hour)
	require.ErrorIs(t, err, ErrNoOpenTime)
	got, err := away.AddBusiness(from, 7*time.Hour)
	require.NoError(t, err)
	require.True(t, mustTime(t, "2026-11-06T17:00:00-05:00").Equal(got))

	short := Schedule{Zone: ny, Hours: []Window{window("mon-fri", "09:00", "17:00")},
		Closures: []Closure{{From: MustParseDate("2026-11-07"), Through: MustParseDate("2027-06-30")}}}
	got, err = short.AddBusiness(from, 8*time.Hour)
	require.NoError(t, err, "an away period shorter than BusinessSearch is crossed")
	require.True(t, mustTime(t, "2027-07-01T10:00:00-04:00").Equal(got), "got %s", got)

	office := Schedule{Zone: ny, Hours: []Window{window("mon-fri", "09:00", "17:00")}}
	_, err = office.AddBusiness(from, 30000*time.Hour)
	require.ErrorIs(t, err, ErrRangeTooLong)
	_, err = office.AddBusiness(from, -time.Hour)
	require.ErrorIs(t, err, problem.ErrInvalid)
	_, err = office.BusinessBetween(from, from.Add(MaxRange+time.Hour))
	require.ErrorIs(t, err, ErrRangeTooLong)

	huge := Schedule{Zone: ny, Hours: make([]Window, MaxWindows+1)}
	_, err = huge.AddBusiness(from, time.Hour)
	require.ErrorIs(t, err, ErrTooLarge)
	_, err = huge.BusinessBetween(from, from.Add(time.Hour))
	require.ErrorIs(t, err, ErrTooLarge)
}

func TestBusinessBetween(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	night := Schedule{Zone: berlin, Hours: []Window{window("mon-sun", "22:00", "06:00")}}
	cases := []struct {
		from, to string
		want     time.Duration
	}{
		{"2026-10-24T22:00:00+02:00", "2026-10-25T06:00:00+01:00", 9 * time.Hour},
		{"2026-10-24T12:00:00+02:00", "2026-10-24T23:30:00+02:00", 90 * time.Minute},
		{"2026-10-25T06:00:00+01:00", "2026-10-24T22:00:00+02:00", -9 * time.Hour},
		{"2026-10-24T10:00:00+02:00", "2026-10-24T10:00:00+02:00", 0},
		{"2026-10-19T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 57 * time.Hour},
	}
	for _, tc := range cases {
		got, err := night.BusinessBetween(mustTime(t, tc.from), mustTime(t, tc.to))
		require.NoError(t, err)
		require.Equal(t, tc.want, got, "%s to %s", tc.from, tc.to)
	}
}

// TestBusinessAgreesWithOpen holds the day walk to Schedule.Open on random
// schedules (with overrides and closures) and instants, in zones with DST
// and odd offsets.
// oddZones are zones with DST, odd offsets and half-hour shifts, for
// randomized tests.
func oddZones(t testing.TB) []*time.Location {
	return []*time.Location{
		mustZone(t, "America/New_York"), mustZone(t, "Europe/Berlin"), mustZone(t, "Australia/Lord_Howe"),
		mustZone(t, "Asia/Kathmandu"), mustZone(t, "America/Sao_Paulo"), mustZone(t, "Pacific/Chatham"),
	}
}

// randomSchedule returns a schedule in loc with a few working and
// protected windows on half hours, overrides and closures in 2026 and
// early 2027.
func randomSchedule(rng *rand.Rand, loc *time.Location) Schedule {
	clock := func() Clock { return Clock(rng.IntN(48) * 30) }
	s := Schedule{Zone: loc}
	for range 1 + rng.IntN(3) {
		s.Hours = append(s.Hours, Window{Days: Weekdays(rng.IntN(128)), Start: clock(), End: clock()})
	}
	for range rng.IntN(2) {
		s.Protected = append(s.Protected, Window{Days: Weekdays(rng.IntN(128)), Start: clock(), End: clock()})
	}
	day := func() Date { return MustParseDate("2026-01-01").AddDays(rng.IntN(400)) }
	for range rng.IntN(3) {
		o := Override{Date: day(), Closed: rng.IntN(2) == 0}
		if !o.Closed {
			o.Hours = []Span{{Start: clock(), End: clock()}}
		}
		s.Overrides = append(s.Overrides, o)
	}
	for range rng.IntN(2) {
		from := day()
		s.Closures = append(s.Closures, Closure{From: from, Through: from.AddDays(rng.IntN(20))})
	}
	return s
}

func TestBusinessAgreesWithOpen(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 11))
	zones := oddZones(t)
	base := mustTime(t, "2026-01-01T00:00:00Z")
	for i := range 500 {
		s := randomSchedule(rng, zones[i%len(zones)])
		from := base.Add(time.Duration(rng.IntN(365*24*4)) * 15 * time.Minute)
		to := from.Add(time.Duration(rng.IntN(21*24*4)) * 15 * time.Minute)
		open, err := s.Open(Interval{Start: from, End: to})
		require.NoError(t, err)
		between, err := s.BusinessBetween(from, to)
		require.NoError(t, err)
		require.Equal(t, open.Duration(), between, "schedule %+v from %s to %s", s, from, to)

		d := time.Duration(rng.IntN(40*4)) * 15 * time.Minute
		u, err := s.AddBusiness(from, d)
		if err != nil {
			require.ErrorIs(t, err, ErrNoOpenTime)
			continue
		}
		got, err := s.BusinessBetween(from, u)
		require.NoError(t, err)
		require.Equal(t, d, got, "schedule %+v from %s plus %s is %s", s, from, d, u)
		if d > 0 {
			open, err := s.Open(Interval{Start: from, End: u})
			require.NoError(t, err)
			require.True(t, open.Bounds().End.Equal(u), "the sum ends in open time: %s vs %s", open.Bounds().End, u)
		}
	}
}

func BenchmarkAddBusiness(b *testing.B) {
	ny := mustZone(b, "America/New_York")
	s := Schedule{Zone: ny, Hours: []Window{window("mon-fri", "09:00", "17:00")},
		Protected: []Window{window("mon-fri", "12:00", "13:00")}}
	from := mustTime(b, "2026-10-30T16:30:00-04:00")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.AddBusiness(from, 8*time.Hour); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNextOpenAgreesWithOpen holds NextOpen to the open time Schedule.Open
// materializes: from the instant asked about when it is open, otherwise
// the whole stretch that follows, merged across midnight, up to a week
// long.
func TestNextOpenAgreesWithOpen(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 17))
	zones := oddZones(t)
	base := mustTime(t, "2026-01-01T00:00:00Z")
	checked := 0
	for i := range 600 {
		s := randomSchedule(rng, zones[i%len(zones)])
		at := base.Add(time.Duration(rng.IntN(365*24*4)) * 15 * time.Minute)
		got, found, err := s.NextOpen(at)
		require.NoError(t, err)
		open, err := s.Open(Interval{Start: at, End: at.Add(30 * 24 * time.Hour)})
		require.NoError(t, err)
		var want Interval
		for iv := range open.All() {
			want = iv
			break
		}
		if want.IsEmpty() {
			continue // no open time within the month looked at
		}
		require.True(t, found, "schedule %+v at %s", s, at)
		checked++
		require.Equal(t, s.location(), got.Start.Location())
		require.True(t, got.Start.Equal(want.Start), "schedule %+v at %s: got %s, want %s", s, at, got, want)
		if want.Duration() <= 7*24*time.Hour {
			require.True(t, got.End.Equal(want.End), "schedule %+v at %s: got %s, want %s", s, at, got, want)
		} else {
			require.False(t, got.End.After(want.End))
			require.False(t, got.End.Before(want.Start.Add(7*24*time.Hour)))
		}
	}
	require.Greater(t, checked, 500)
	_, found, err := Schedule{}.NextOpen(base)
	require.NoError(t, err)
	require.False(t, found)
	_, _, err = Schedule{Hours: make([]Window, MaxWindows+1)}.NextOpen(base)
	require.ErrorIs(t, err, ErrTooLarge)
}
