package booking

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

// The bounds of issue 12: a series of 10,000 sessions, a group of 1,000
// calendars and a busy set of 100,000 blocks are refused with a clear
// error, and inputs at the limits are answered.

func TestBoundsSeries(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	first := mustTime(t, "2026-09-15T17:00:00-04:00")

	_, err := c.CheckSeries(now, Series{Service: "session", First: first, Count: 10_000})
	require.ErrorIs(t, err, problem.ErrInvalid)
	require.Equal(t, []pathCode{{"count", problem.TooMany}}, pathCodes(t, err))

	many := make([]time.Time, 10_000)
	for i := range many {
		many[i] = first.Add(time.Duration(i) * 24 * time.Hour)
	}
	_, err = c.CheckSeries(now, Series{Service: "session", Starts: many})
	require.Equal(t, []pathCode{{"starts", problem.TooMany}}, pathCodes(t, err))

	// MaxSeries sessions are answered, each with its verdict.
	occ, err := c.CheckSeries(now, Series{Service: "session", First: first, Count: MaxSeries})
	require.NoError(t, err)
	require.Len(t, occ, MaxSeries)
	require.True(t, occ[0].OK)
	require.Equal(t, []availability.Code{CodeBeyondHorizon}, codes(occ[MaxSeries-1].Verdict))

	_, err = c.Standings(now, "session", now, MaxSeries/2+1)
	require.ErrorIs(t, err, problem.ErrInvalid)
	// Five years of check-ins on a five-minute grid would check 260,000
	// sessions; one year is answered.
	_, err = c.Standings(now, "checkin", now, MaxSeries/2)
	require.ErrorIs(t, err, availability.ErrTooLarge)
	got, err := c.Standings(now, "checkin", now, 52)
	require.NoError(t, err)
	require.NotEmpty(t, got)
}

func TestBoundsGroup(t *testing.T) {
	now := mustTime(t, sunday)
	g := Group{Length: 50 * time.Minute}
	for i := range 1000 {
		g.Parties = append(g.Parties, Party{Name: fmt.Sprintf("party %d", i), Calendar: therapist(t), Service: "session"})
	}
	_, err := g.Find(now, span(t, "2026-09-14T00:00:00-04:00", "2026-10-12T00:00:00-04:00"))
	require.ErrorIs(t, err, ErrGroup)
	require.Equal(t, []pathCode{{"parties", problem.TooMany}}, pathCodes(t, err))

	// MaxParties are answered.
	g.Parties = g.Parties[:MaxParties]
	g.Parties[0].Calendar = book(t, g.Parties[0].Calendar, at(t, g.Parties[0].Calendar, "s1", "session", "2026-09-14T10:00:00-04:00"))
	got, err := g.Find(now, span(t, "2026-09-14T00:00:00-04:00", "2026-10-12T00:00:00-04:00"))
	require.NoError(t, err)
	require.Len(t, got, 10)
	require.Equal(t, "Mon 2026-09-14 11:00 EDT", got[0].Session.Start.Format("Mon 2006-01-02 15:04 MST"))
	require.Len(t, got[0].Attending, MaxParties)
}

// TestBoundsGroupWork: a search that would check more than MaxGroupWork
// party-times (MaxParties calendars open around the clock, a one-minute
// grid, a year, and one optional party never free, so that no time suits
// everyone and the search cannot stop early) returns ErrTooLarge in well
// under a second; the same search over a week is answered.
func TestBoundsGroupWork(t *testing.T) {
	loc := mustZone(t, "Europe/Berlin")
	open := Calendar{
		Schedule: availability.Schedule{Zone: loc, Hours: []availability.Window{window("mon-sun", "00:00", "24:00")}},
		Services: []Service{{ID: "s", Length: time.Minute, Align: time.Minute}},
	}
	g := Group{Length: time.Minute, Parties: []Party{{Name: "never", Calendar: Calendar{Schedule: availability.Schedule{Zone: loc}}, Optional: true}}}
	for i := range MaxParties - 1 {
		g.Parties = append(g.Parties, Party{Name: fmt.Sprint(i), Calendar: open, Service: "s", Optional: i > 0})
	}
	now := availability.At(availability.MustParseDate("2026-01-05"), availability.Midnight, loc)
	start := time.Now()
	_, err := g.Find(now, availability.IntervalOf(now, 366*24*time.Hour))
	require.ErrorIs(t, err, availability.ErrTooLarge)
	if !raceEnabled {
		require.Less(t, time.Since(start), 5*time.Second) // about 0.2 s
	}
	got, err := g.Find(now, availability.IntervalOf(now, 7*24*time.Hour))
	require.NoError(t, err)
	require.Len(t, got, 10)
	require.Len(t, got[0].Absent, 1)
}

func TestBoundsBusy(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	start := mustTime(t, "2026-09-14T00:00:00-04:00")
	blocks := func(n int) availability.Set {
		ivs := make([]availability.Interval, n)
		for i := range ivs {
			ivs[i] = availability.IntervalOf(start.Add(time.Duration(i)*time.Hour), 15*time.Minute)
		}
		return availability.NewSet(ivs...)
	}
	c.Busy = []Busy{{Source: "personal calendar", Times: blocks(60_000)}, {Source: "work calendar", Times: blocks(40_000)}}
	v := c.Check(now, "session", mustTime(t, "2026-09-14T10:00:00-04:00"))
	require.Equal(t, []availability.Code{CodeInvalid}, codes(v))
	require.Equal(t, []string{"busy"}, rules(v))
	_, err := c.Slots(now, "session", availability.IntervalOf(start, 7*24*time.Hour))
	require.ErrorIs(t, err, availability.ErrTooLarge)
	require.Equal(t, []pathCode{{"busy", problem.TooMany}}, pathCodes(t, c.Validate()))

	// MaxBusy blocks are answered.
	c.Busy = []Busy{{Source: "personal calendar", Times: blocks(MaxBusy)}}
	require.NoError(t, c.Validate())
	v = c.Check(now, "session", mustTime(t, "2026-09-14T10:00:00-04:00"))
	require.Equal(t, []availability.Code{CodeBusy}, codes(v))
	require.True(t, c.Check(now, "checkin", mustTime(t, "2026-09-14T10:20:00-04:00")).OK)
	slots := collect(t, c, now, "checkin", availability.IntervalOf(start, 28*24*time.Hour))
	require.Equal(t, 20*9*4, len(slots)) // in each of the 9 open hours of 20 days, :20 to :35 on the five-minute grid
	b, err := json.Marshal(c)
	require.NoError(t, err)
	var back Calendar
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, MaxBusy, back.Busy[0].Times.Len())
}

// TestBoundsSessions: a calendar with MaxSessions sessions, each with its
// service and client, round-trips through JSON and is answered; one more
// is refused. (Decoding refused more than 13,333 sessions with clients:
// its limit counted 4 elements a session, not 6.)
func TestBoundsSessions(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	start := mustTime(t, "2026-09-14T00:00:00-04:00")
	list := make([]Session, MaxSessions)
	for i := range list {
		list[i] = Session{ID: fmt.Sprintf("session-%05d", i), Service: "checkin", Client: fmt.Sprintf("client-%05d", i%700),
			Interval: availability.IntervalOf(start.Add(time.Duration(i)*time.Hour), 25*time.Minute)}
	}
	var err error
	c.Booked, err = NewSessions(list...)
	require.NoError(t, err)
	require.NoError(t, c.Validate())
	b, err := json.Marshal(c)
	require.NoError(t, err)
	var back Calendar
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, MaxSessions, back.Booked.Len())
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	require.Equal(t, string(b), string(b2))
	v := back.Check(now, "session", mustTime(t, "2026-09-14T10:00:00-04:00"))
	require.Equal(t, []availability.Code{CodeBooked, CodeDayCap}, codes(v))
	require.Equal(t, `booked["session-00010"]`, v.Reasons[0].Rule)

	c.Booked, err = c.Booked.Add(Session{ID: "one more", Service: "checkin", Interval: availability.IntervalOf(start.Add(-time.Hour), 25*time.Minute)})
	require.NoError(t, err)
	require.Equal(t, []pathCode{{"booked", problem.TooMany}}, pathCodes(t, c.Validate()))
	v = c.Check(now, "session", mustTime(t, "2026-09-14T10:00:00-04:00"))
	require.Equal(t, []availability.Code{CodeInvalid}, codes(v))
	require.Equal(t, []string{"booked"}, rules(v))
	b, err = json.Marshal(c)
	require.NoError(t, err)
	err = json.Unmarshal(b, &back)
	require.Error(t, err)
	require.Equal(t, []pathCode{{"booked", problem.TooMany}}, pathCodes(t, err))
}

// TestBoundsStandingWork: a search for standing times on a one-minute grid
// around the clock over MaxSeries/2 weeks would check five million
// sessions; it returns ErrTooLarge once it has checked MaxStandingWork,
// and the same search over two weeks is answered.
func TestBoundsStandingWork(t *testing.T) {
	loc := mustZone(t, "Europe/Berlin")
	c := Calendar{
		Schedule: availability.Schedule{Zone: loc, Hours: []availability.Window{window("mon-sun", "00:00", "24:00")}},
		Services: []Service{{ID: "s", Length: time.Minute, Align: time.Minute}},
	}
	now := availability.At(availability.MustParseDate("2026-01-05"), availability.Midnight, loc)
	start := time.Now()
	_, err := c.Standings(now, "s", now, MaxSeries/2)
	require.ErrorIs(t, err, availability.ErrTooLarge)
	if !raceEnabled {
		require.Less(t, time.Since(start), 2*time.Second) // about 0.1 s
	}
	got, err := c.Standings(now, "s", now, 2)
	require.NoError(t, err)
	require.Len(t, got, 7*24*60)
	require.Equal(t, 4, got[0].Weeks)

	// With MaxWindows windows a day each check reads them all, and weighs
	// as much: four weeks are refused as quickly. (They took 2.8 s, with no
	// error, when only sessions were counted.)
	c.Schedule.Hours = nil
	for i := range availability.MaxWindows {
		c.Schedule.Hours = append(c.Schedule.Hours, availability.Window{Days: availability.Everyday, Start: availability.Clock(2 * i), End: availability.Clock(2*i + 2)})
	}
	require.NoError(t, c.Validate())
	start = time.Now()
	_, err = c.Standings(now, "s", now, 4)
	require.ErrorIs(t, err, availability.ErrTooLarge)
	if !raceEnabled {
		require.Less(t, time.Since(start), 2*time.Second) // about 0.05 s
	}
}
