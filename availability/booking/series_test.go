package booking

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/ical"
	"github.com/practicekit/boundaries/availability/problem"
)

// away is the therapist with a conference week, when Dr. Osei covers,
// and Election Day off.
func away(t testing.TB) Calendar {
	c := therapist(t)
	c.Schedule.Closures = []availability.Closure{
		{ID: "conference", Label: "conference", From: availability.MustParseDate("2026-10-12"), Through: availability.MustParseDate("2026-10-16"), Colleague: "Dr. Amara Osei"},
		{ID: "election-day", Label: "Election Day", From: availability.MustParseDate("2026-11-03"), Through: availability.MustParseDate("2026-11-03")},
	}
	return c
}

// occurrence is what a test expects of one session of a series.
type occurrence struct {
	start       string // local, "Tue 2006-01-02 15:04 MST"
	codes       []availability.Code
	rule        string // of the first reason
	colleague   string
	alternative string // local, as start
}

const occLayout = "Mon 2006-01-02 15:04 MST"

func requireOccurrences(t *testing.T, want []occurrence, got []Occurrence) {
	t.Helper()
	require.Len(t, got, len(want))
	for i, w := range want {
		g := got[i]
		require.Equal(t, w.start, g.Session.Start.Format(occLayout), "session %d", i)
		require.Equal(t, w.codes, codes(g.Verdict), "session %d: %v", i, g.Reasons)
		require.Equal(t, w.codes == nil, g.OK)
		if w.codes != nil {
			require.Equal(t, w.rule, g.Reasons[0].Rule, "session %d", i)
			require.Equal(t, w.colleague, g.Reasons[0].Colleague, "session %d", i)
		}
		if w.alternative == "" {
			require.Nil(t, g.Alternative, "session %d", i)
		} else {
			require.NotNil(t, g.Alternative, "session %d", i)
			require.Equal(t, w.alternative, g.Alternative.Start.Format(occLayout), "session %d", i)
			require.Equal(t, g.Session.Duration(), g.Alternative.Duration())
		}
	}
}

// TestSeriesWeekly checks every Tuesday at 17:00 for 12 weeks: one falls in
// the conference week (Dr. Osei covers), one on Election Day, one on a
// session another client booked; 17:00 stays 17:00 after the clocks go
// back on 2026-11-01.
func TestSeriesWeekly(t *testing.T) {
	c := away(t)
	now := mustTime(t, sunday)
	c = book(t, c, at(t, c, "b-1117", "session", "2026-11-17T17:00:00-05:00"))
	got, err := c.CheckSeries(now, Series{Service: "session", Client: "client-7", First: mustTime(t, "2026-09-15T17:00:00-04:00"), Count: 12})
	require.NoError(t, err)
	requireOccurrences(t, []occurrence{
		{start: "Tue 2026-09-15 17:00 EDT"},
		{start: "Tue 2026-09-22 17:00 EDT"},
		{start: "Tue 2026-09-29 17:00 EDT"},
		{start: "Tue 2026-10-06 17:00 EDT"},
		// Closed all week: the nearest is the Friday before.
		{start: "Tue 2026-10-13 17:00 EDT", codes: []availability.Code{availability.CodeHoliday}, rule: "conference", colleague: "Dr. Amara Osei", alternative: "Fri 2026-10-09 18:00 EDT"},
		{start: "Tue 2026-10-20 17:00 EDT"},
		{start: "Tue 2026-10-27 17:00 EDT"},
		// The Wednesday morning is nearer than Monday evening.
		{start: "Tue 2026-11-03 17:00 EST", codes: []availability.Code{availability.CodeHoliday}, rule: "election-day", alternative: "Wed 2026-11-04 09:00 EST"},
		{start: "Tue 2026-11-10 17:00 EST"},
		// 16:00 and 18:00 are as near: the earlier.
		{start: "Tue 2026-11-17 17:00 EST", codes: []availability.Code{CodeBooked}, rule: "booked[\"b-1117\"]", alternative: "Tue 2026-11-17 16:00 EST"},
		{start: "Tue 2026-11-24 17:00 EST"},
		{start: "Tue 2026-12-01 17:00 EST"},
	}, got)
	require.Contains(t, got[4].Reasons[0].Message, "Dr. Amara Osei covers")
	for _, o := range got {
		require.Equal(t, "session", o.Service)
	}
}

// TestSeriesFromRRULE checks a client's standing time given in their own
// zone: every Tuesday at 17:00 in London, 12 times, expanded with package
// ical. In New York it is noon, except in the week between the clocks
// going back in Europe and in America, when it is 13:00 and runs into the
// therapist's lunch.
func TestSeriesFromRRULE(t *testing.T) {
	london := mustZone(t, "Europe/London")
	first := time.Date(2026, 9, 15, 17, 0, 0, 0, london)
	rule := ical.MustParseRecur("FREQ=WEEKLY;BYDAY=TU;COUNT=12")
	starts, err := rule.Between(first, first, first.AddDate(1, 0, 0), ical.ExpandOptions{})
	require.NoError(t, err)
	require.Len(t, starts, 12)

	c := away(t)
	now := mustTime(t, sunday)
	got, err := c.CheckSeries(now, Series{Service: "session", Client: "client-8", Starts: starts})
	require.NoError(t, err)
	requireOccurrences(t, []occurrence{
		{start: "Tue 2026-09-15 12:00 EDT"},
		{start: "Tue 2026-09-22 12:00 EDT"},
		{start: "Tue 2026-09-29 12:00 EDT"},
		{start: "Tue 2026-10-06 12:00 EDT"},
		{start: "Tue 2026-10-13 12:00 EDT", codes: []availability.Code{availability.CodeHoliday}, rule: "conference", colleague: "Dr. Amara Osei", alternative: "Fri 2026-10-09 18:00 EDT"},
		{start: "Tue 2026-10-20 12:00 EDT"},
		{start: "Tue 2026-10-27 13:00 EDT", codes: []availability.Code{availability.CodeProtected}, rule: "lunch", alternative: "Tue 2026-10-27 12:00 EDT"},
		{start: "Tue 2026-11-03 12:00 EST", codes: []availability.Code{availability.CodeHoliday}, rule: "election-day", alternative: "Mon 2026-11-02 18:00 EST"},
		{start: "Tue 2026-11-10 12:00 EST"},
		{start: "Tue 2026-11-17 12:00 EST"},
		{start: "Tue 2026-11-24 12:00 EST"},
		{start: "Tue 2026-12-01 12:00 EST"},
	}, got)
}

func TestSeriesFortnightly(t *testing.T) {
	c := away(t)
	now := mustTime(t, sunday)
	got, err := c.CheckSeries(now, Series{Service: "session", First: mustTime(t, "2026-09-15T17:00:00-04:00"), Weeks: 2, Count: 6})
	require.NoError(t, err)
	requireOccurrences(t, []occurrence{
		{start: "Tue 2026-09-15 17:00 EDT"},
		{start: "Tue 2026-09-29 17:00 EDT"},
		{start: "Tue 2026-10-13 17:00 EDT", codes: []availability.Code{availability.CodeHoliday}, rule: "conference", colleague: "Dr. Amara Osei", alternative: "Fri 2026-10-09 18:00 EDT"},
		{start: "Tue 2026-10-27 17:00 EDT"},
		{start: "Tue 2026-11-10 17:00 EST"},
		{start: "Tue 2026-11-24 17:00 EST"},
	}, got)
}

// TestSeriesFillsCaps: the sessions a series accepts count toward caps and
// take their time for the later ones, and alternatives are bookable
// together with every session the series keeps.
func TestSeriesFillsCaps(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	c.Services[1].Caps.PerWeek = 2
	c = book(t, c, at(t, c, "other", "session", "2026-09-21T09:00:00-04:00"))
	// Monday, Wednesday and Friday at 10:00 for two weeks: the third
	// session of each week is one too many.
	var list []time.Time
	for _, d := range []string{"2026-09-14", "2026-09-16", "2026-09-18", "2026-09-21", "2026-09-23", "2026-09-25"} {
		list = append(list, mustTime(t, d+"T10:00:00-04:00"))
	}
	got, err := c.CheckSeries(now, Series{Service: "session", Starts: list})
	require.NoError(t, err)
	requireOccurrences(t, []occurrence{
		{start: "Mon 2026-09-14 10:00 EDT"},
		{start: "Wed 2026-09-16 10:00 EDT"},
		// Its week is full, and so is the next; the one before is past.
		{start: "Fri 2026-09-18 10:00 EDT", codes: []availability.Code{CodeWeekCap}, rule: "services[1].caps.per_week"},
		{start: "Mon 2026-09-21 10:00 EDT"},
		// The week after has room for two: one alternative each.
		{start: "Wed 2026-09-23 10:00 EDT", codes: []availability.Code{CodeWeekCap}, rule: "services[1].caps.per_week", alternative: "Mon 2026-09-28 09:00 EDT"},
		{start: "Fri 2026-09-25 10:00 EDT", codes: []availability.Code{CodeWeekCap}, rule: "services[1].caps.per_week", alternative: "Mon 2026-09-28 10:00 EDT"},
	}, got)

	// A series that clashes with itself names its own session.
	got, err = c.CheckSeries(now, Series{Service: "session", Starts: []time.Time{mustTime(t, "2026-09-15T10:00:00-04:00"), mustTime(t, "2026-09-15T10:30:00-04:00")}})
	require.NoError(t, err)
	require.Equal(t, []availability.Code{CodeNotAligned, CodeBooked}, codes(got[1].Verdict))
	require.Equal(t, "series[0]", got[1].Reasons[1].Rule)
	require.Equal(t, "overlaps session 1 of the series, Tue 2026-09-15 10:00–10:50 EDT", got[1].Reasons[1].Message)
	require.Equal(t, "Tue 2026-09-15 11:00 EDT", got[1].Alternative.Start.Format(occLayout))
}

// TestSeriesAlternativesAvoidTheSeries: an alternative is bookable with
// every session the series keeps, the later ones too, and two
// alternatives do not take the same time.
func TestSeriesAlternativesAvoidTheSeries(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	c.Schedule.Hours = []availability.Window{window("mon-fri", "09:00", "10:00")}
	c.Services[1].MinNotice = 0
	c.Schedule.Closures = []availability.Closure{{ID: "off", From: availability.MustParseDate("2026-09-15"), Through: availability.MustParseDate("2026-09-15")}}
	// Every weekday at 09:00: Tuesday is closed; the only other times
	// are the series' own.
	var list []time.Time
	for d := 14; d <= 18; d++ {
		list = append(list, mustTime(t, fmt.Sprintf("2026-09-%dT09:00:00-04:00", d)))
	}
	got, err := c.CheckSeries(now, Series{Service: "session", Starts: list})
	require.NoError(t, err)
	require.Equal(t, []availability.Code{availability.CodeHoliday}, codes(got[1].Verdict))
	require.Equal(t, "Mon 2026-09-21 09:00 EDT", got[1].Alternative.Start.Format(occLayout), "Wednesday to Friday at 09:00 are the series' own")

	// Monday and Tuesday are closed: both look for a time, and they do
	// not get the same one.
	c.Schedule.Closures = []availability.Closure{{ID: "off", From: availability.MustParseDate("2026-09-14"), Through: availability.MustParseDate("2026-09-15")}}
	got, err = c.CheckSeries(now, Series{Service: "session", Starts: list[:2]})
	require.NoError(t, err)
	require.Equal(t, "Wed 2026-09-16 09:00 EDT", got[0].Alternative.Start.Format(occLayout))
	require.Equal(t, "Thu 2026-09-17 09:00 EDT", got[1].Alternative.Start.Format(occLayout))
}

func TestSeriesValidate(t *testing.T) {
	first := mustTime(t, "2026-09-15T17:00:00-04:00")
	for _, tc := range []struct {
		name string
		s    Series
		want []pathCode
	}{
		{"empty", Series{}, []pathCode{{"service", problem.Required}, {"first", problem.Required}}},
		{"no first", Series{Service: "session", Count: 3}, []pathCode{{"first", problem.Required}}},
		{"no count", Series{Service: "session", First: first}, []pathCode{{"count", problem.OutOfRange}}},
		{"negative weeks", Series{Service: "session", First: first, Count: 3, Weeks: -1}, []pathCode{{"weeks", problem.OutOfRange}}},
		{"too long", Series{Service: "session", First: first, Count: 300, Weeks: 20}, []pathCode{{"weeks", problem.OutOfRange}}},
		{"far too long", Series{Service: "session", First: first, Count: MaxSeries, Weeks: 500}, []pathCode{{"weeks", problem.OutOfRange}}},
		{"weeks apart beyond any range", Series{Service: "session", First: first, Count: 2, Weeks: 1 << 62}, []pathCode{{"weeks", problem.OutOfRange}}},
		{"both", Series{Service: "session", First: first, Count: 3, Starts: []time.Time{first}}, []pathCode{{"starts", problem.Conflict}}},
		{"out of order", Series{Service: "session", Starts: []time.Time{first, first.Add(time.Hour), first.Add(time.Hour), first}}, []pathCode{{"starts[2]", problem.Order}, {"starts[3]", problem.Order}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, pathCodes(t, tc.s.Validate()))
			_, err := away(t).CheckSeries(mustTime(t, sunday), tc.s)
			require.ErrorIs(t, err, problem.ErrInvalid)
		})
	}
	require.NoError(t, Series{Service: "session", First: first, Count: MaxSeries}.Validate())
	require.NoError(t, Series{Service: "session", First: first, Count: 2, Weeks: 520}.Validate())
	_, err := away(t).CheckSeries(mustTime(t, sunday), Series{Service: "couples", First: first, Count: 2})
	require.ErrorIs(t, err, ErrUnknownService)
}

// TestSeriesIsEachSessionAlone holds CheckSeries to its definition over
// random calendars and series, in odd zones around DST days: the verdict
// on each session is Check's on a calendar where the sessions the series
// accepted before it are booked.
func TestSeriesIsEachSessionAlone(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	zones := []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Sao_Paulo"}
	days := []string{"2026-03-06", "2026-03-27", "2026-10-02", "2026-10-23", "2026-10-30", "2026-04-03"}
	for iter := range 150 {
		loc := mustZone(t, zones[rng.IntN(len(zones))])
		first := availability.MustParseDate(days[rng.IntN(len(days))])
		c := randomCalendar(t, rng, loc, first)
		svc := c.Services[rng.IntN(len(c.Services))]
		start := availability.At(first, availability.Midnight, loc)
		now := start.Add(time.Duration(rng.IntN(48)) * time.Hour)
		var s Series
		if rng.IntN(2) == 0 {
			s = Series{Service: svc.ID, First: start.Add(time.Duration(rng.IntN(4*24*4)) * 15 * time.Minute), Weeks: rng.IntN(3), Count: 1 + rng.IntN(8)}
		} else {
			// Daily or closer, so that the sessions share days, weeks and
			// even time.
			s.Service = svc.ID
			t := start.Add(time.Duration(rng.IntN(24*4)) * 15 * time.Minute)
			for range 1 + rng.IntN(15) {
				s.Starts = append(s.Starts, t)
				t = t.Add(time.Duration(1+rng.IntN(24*4)) * 15 * time.Minute)
			}
		}
		got, err := c.CheckSeries(now, s)
		require.NoError(t, err)
		alone := c
		k := 0
		for start := range s.All(loc) {
			want := alone.Check(now, svc.ID, start)
			require.Equal(t, codes(want), codes(got[k].Verdict), "iteration %d, session %d at %s", iter, k, start)
			require.True(t, want.Session.Equal(got[k].Session))
			if want.OK {
				alone = book(t, alone, Session{ID: fmt.Sprintf("accepted-%d", k), Service: svc.ID, Interval: want.Session})
				require.Nil(t, got[k].Alternative)
			} else if alt := got[k].Alternative; alt != nil {
				require.LessOrEqual(t, distance(alt.Start, start), 7*24*time.Hour)
			}
			k++
		}
		require.Len(t, got, k)
		// Every alternative is bookable with all the sessions the series
		// keeps.
		for i, o := range got {
			if o.Alternative != nil {
				v := alone.Check(now, svc.ID, o.Alternative.Start)
				require.True(t, v.OK, "iteration %d: alternative to session %d at %s: %v", iter, i, o.Alternative, v.Reasons)
				alone = book(t, alone, Session{ID: fmt.Sprintf("alternative-%d", i), Service: svc.ID, Interval: *o.Alternative})
			}
		}
	}
}

// TestSeriesDST: a weekly series keeps its wall time across the
// transitions of New York, Berlin and Lord Howe (where the clocks move 30
// minutes), and a time the clocks skip resolves as availability.At does.
func TestSeriesDST(t *testing.T) {
	for _, tc := range []struct {
		zone, first string
		want        []string
	}{
		{"America/New_York", "2026-10-27T17:00:00-04:00", []string{"17:00 EDT", "17:00 EST", "17:00 EST"}},
		{"America/New_York", "2026-03-03T17:00:00-05:00", []string{"17:00 EST", "17:00 EDT", "17:00 EDT"}},
		{"Europe/Berlin", "2026-10-20T17:00:00+02:00", []string{"17:00 CEST", "17:00 CET", "17:00 CET"}},
		{"Europe/Berlin", "2026-03-24T17:00:00+01:00", []string{"17:00 CET", "17:00 CEST", "17:00 CEST"}},
		{"Australia/Lord_Howe", "2026-09-29T17:00:00+10:30", []string{"17:00 +1030", "17:00 +11", "17:00 +11"}},
		{"Australia/Lord_Howe", "2026-03-31T17:00:00+11:00", []string{"17:00 +11", "17:00 +1030", "17:00 +1030"}},
	} {
		t.Run(tc.zone+" "+tc.first, func(t *testing.T) {
			loc := mustZone(t, tc.zone)
			c := Calendar{
				Schedule: availability.Schedule{Zone: loc, Hours: []availability.Window{window("mon-fri", "09:00", "19:00")}},
				Services: []Service{{ID: "session", Length: 50 * time.Minute, Align: time.Hour}},
			}
			first := mustTime(t, tc.first)
			got, err := c.CheckSeries(first.Add(-48*time.Hour), Series{Service: "session", First: first, Count: 3})
			require.NoError(t, err)
			var local []string
			for _, o := range got {
				require.True(t, o.OK, "%v", o.Reasons)
				local = append(local, o.Session.Start.In(loc).Format("15:04 MST"))
			}
			require.Equal(t, tc.want, local)
		})
	}

	// New York, weekly at 02:30 on Sundays: on 2026-03-08 02:30 does not
	// exist and resolves to 03:30 EDT, outside a 02:00–03:00 window.
	ny := mustZone(t, "America/New_York")
	c := Calendar{
		Schedule: availability.Schedule{Zone: ny, Hours: []availability.Window{window("sun", "02:00", "04:00")}},
		Services: []Service{{ID: "night", Length: 30 * time.Minute}},
	}
	got, err := c.CheckSeries(mustTime(t, "2026-02-01T00:00:00-05:00"), Series{Service: "night", First: mustTime(t, "2026-03-01T02:30:00-05:00"), Count: 3})
	require.NoError(t, err)
	require.Equal(t, "Sun 2026-03-08 03:30 EDT", got[1].Session.Start.In(ny).Format(occLayout))
	require.True(t, got[1].OK)
	require.Equal(t, "Sun 2026-03-15 02:30 EDT", got[2].Session.Start.In(ny).Format(occLayout))
}

func TestStandings(t *testing.T) {
	c := away(t)
	now := mustTime(t, sunday)
	// Only Tuesday and Thursday afternoons, so the answer is short.
	c.Services[1].Hours = []availability.Window{window("tue,thu", "15:00", "18:00")}
	c = book(t, c, at(t, c, "x1", "session", "2026-09-29T15:00:00-04:00")) // one Tuesday at 15:00, in week 3
	got, err := c.Standings(now, "session", mustTime(t, "2026-09-14T00:00:00-04:00"), 4)
	require.NoError(t, err)
	var lines []string
	for _, s := range got {
		lines = append(lines, fmt.Sprintf("%s from %s for %d weeks, %d closed", s.Window, s.First.Start.Format("Jan 2"), s.Weeks, s.Closed))
	}
	// Four weeks ahead, looking as far again: x1 breaks the Tuesday at
	// 15:00 in week 3; the conference week (week 5) and Election Day, a
	// Tuesday in week 8, do not break a run, the provider is away, and the
	// fewest closed weeks come first.
	require.Equal(t, []string{
		"thu 15:00–15:50 from Sep 17 for 8 weeks, 1 closed",
		"thu 16:00–16:50 from Sep 17 for 8 weeks, 1 closed",
		"thu 17:00–17:50 from Sep 17 for 8 weeks, 1 closed",
		"tue 16:00–16:50 from Sep 15 for 8 weeks, 2 closed",
		"tue 17:00–17:50 from Sep 15 for 8 weeks, 2 closed",
	}, lines)

	// In November, a session booked on Tuesday 2026-12-15 at 16:00 lets
	// that time last five weeks, so the times that last eight come first.
	now = mustTime(t, "2026-11-08T10:00:00-05:00")
	c = book(t, c, at(t, c, "x3", "session", "2026-12-15T16:00:00-05:00"))
	got, err = c.Standings(now, "session", mustTime(t, "2026-11-09T00:00:00-05:00"), 4)
	require.NoError(t, err)
	lines = lines[:0]
	for _, s := range got {
		lines = append(lines, fmt.Sprintf("%s for %d weeks", s.Window, s.Weeks))
	}
	require.Equal(t, []string{
		"tue 15:00–15:50 for 8 weeks",
		"tue 17:00–17:50 for 8 weeks",
		"thu 15:00–15:50 for 8 weeks",
		"thu 16:00–16:50 for 8 weeks",
		"thu 17:00–17:50 for 8 weeks",
		"tue 16:00–16:50 for 5 weeks",
	}, lines)

	_, err = c.Standings(now, "session", now, 0)
	require.ErrorIs(t, err, problem.ErrInvalid)
	_, err = c.Standings(now, "couples", now, 4)
	require.ErrorIs(t, err, ErrUnknownService)
}

// TestSeriesInTheClientsZone: a series with a Zone keeps its wall time
// there, so a client's 07:00 in Tokyo is 17:00 in New York before the
// clocks spring forward and 18:00 after; without one, New York's 17:00
// stays and Tokyo's time moves.
func TestSeriesInTheClientsZone(t *testing.T) {
	tokyo := mustZone(t, "Asia/Tokyo")
	ny := mustZone(t, "America/New_York")
	first := time.Date(2027, 3, 5, 7, 0, 0, 0, tokyo) // Thu 2027-03-04 17:00 EST
	var inNY, inTokyo []string
	for start := range (Series{Service: "session", First: first, Count: 3, Zone: tokyo}).All(ny) {
		inNY = append(inNY, start.In(ny).Format("Mon 15:04 MST"))
	}
	for start := range (Series{Service: "session", First: first, Count: 3}).All(ny) {
		inTokyo = append(inTokyo, start.In(tokyo).Format("Mon 15:04"))
	}
	require.Equal(t, []string{"Thu 17:00 EST", "Thu 17:00 EST", "Thu 18:00 EDT"}, inNY)
	require.Equal(t, []string{"Fri 07:00", "Fri 07:00", "Fri 06:00"}, inTokyo)

	b, err := json.Marshal(Series{Service: "session", First: first, Count: 3, Zone: tokyo})
	require.NoError(t, err)
	require.JSONEq(t, `{"service":"session","first":"2027-03-05T07:00:00+09:00","zone":"Asia/Tokyo","count":3}`, string(b))
	var back Series
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, "Asia/Tokyo", back.Zone.String())
}
