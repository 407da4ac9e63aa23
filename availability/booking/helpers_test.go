package booking

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := availability.LoadZone(name)
	require.NoError(t, err)
	return loc
}

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return v
}

func span(t testing.TB, from, to string) availability.Interval {
	return availability.Interval{Start: mustTime(t, from), End: mustTime(t, to)}
}

func window(days, start, end string) availability.Window {
	w, err := availability.ParseWeekdays(days)
	if err != nil {
		panic(err)
	}
	return availability.Window{Days: w, Start: availability.MustParseClock(start), End: availability.MustParseClock(end)}
}

// sessions books the intervals as sessions s1, s2, … of the service
// "session".
func sessions(t testing.TB, ivs ...availability.Interval) Sessions {
	t.Helper()
	list := make([]Session, len(ivs))
	for i, iv := range ivs {
		list[i] = Session{ID: fmt.Sprintf("s%d", i+1), Service: "session", Interval: iv}
	}
	s, err := NewSessions(list...)
	require.NoError(t, err)
	return s
}

// therapist is the practice of issue 12: a New York therapist who works
// weekdays 09:00–19:00 with lunch kept free, and offers a 90-minute intake
// (Tuesday and Thursday mornings only, 48 hours' notice, at most 2 a week),
// a 50-minute session on the hour, a 25-minute video check-in on any five
// minutes, a Wednesday evening group of at most 8 clients and a workshop
// in one week of September; at most 6 client sessions a day, whatever the
// service.
func therapist(t testing.TB) Calendar {
	t.Helper()
	return Calendar{
		Schedule: availability.Schedule{
			Zone:      mustZone(t, "America/New_York"),
			Hours:     []availability.Window{{ID: "weekdays", Days: availability.Workweek, Start: availability.ClockOf(9, 0), End: availability.ClockOf(19, 0)}},
			Protected: []availability.Window{{ID: "lunch", Label: "lunch", Days: availability.Workweek, Start: availability.ClockOf(13, 0), End: availability.ClockOf(14, 0)}},
		},
		Services: []Service{
			{ID: "intake", Name: "Intake", Price: money.MustParse("USD 180.00"), Length: 90 * time.Minute, BufferAfter: 15 * time.Minute, MinNotice: 48 * time.Hour, Hours: []availability.Window{window("tue,thu", "09:00", "12:00")}, Caps: Caps{PerWeek: 2}},
			{ID: "session", Name: "Session", Price: money.MustParse("USD 140.00"), Length: 50 * time.Minute, Align: time.Hour, BufferAfter: 10 * time.Minute, MinNotice: 24 * time.Hour, Horizon: 90 * 24 * time.Hour},
			{ID: "checkin", Name: "Video check-in", Price: money.MustParse("USD 40.00"), Length: 25 * time.Minute, Align: 5 * time.Minute, BufferBefore: 5 * time.Minute},
			{ID: "group", Name: "Group", Price: money.MustParse("USD 60.00"), Length: 90 * time.Minute, Align: time.Hour, Hours: []availability.Window{window("wed", "17:00", "19:00")}, Seats: 8},
			{ID: "workshop", Name: "Workshop", Price: money.MustParse("USD 300.00"), Length: 3 * time.Hour, Align: time.Hour, Dates: availability.DateRange{From: availability.MustParseDate("2026-09-21"), Through: availability.MustParseDate("2026-09-25")}, Hours: []availability.Window{window("mon-fri", "14:00", "17:00")}},
		},
		Caps: Caps{PerDay: 6},
	}
}

// book adds sessions to the calendar's booked ones, failing the test on an
// error.
func book(t testing.TB, c Calendar, list ...Session) Calendar {
	t.Helper()
	for _, x := range list {
		var err error
		c.Booked, err = c.Booked.Add(x)
		require.NoError(t, err)
	}
	return c
}

// at returns a session of the service with the ID, starting at start (RFC
// 3339) and as long as the service's sessions in c.
func at(t testing.TB, c Calendar, id, service, start string) Session {
	t.Helper()
	svc, _ := c.service(service)
	require.NotNil(t, svc, service)
	return Session{ID: id, Service: service, Interval: availability.IntervalOf(mustTime(t, start), svc.Length)}
}

// rules returns the rules of a verdict's reasons.
func rules(v Verdict) []string {
	var out []string
	for _, r := range v.Reasons {
		out = append(out, r.Rule)
	}
	return out
}

// starts writes the starts of intervals in layout, in the zone each is in.
func starts(ivs []availability.Interval, layout string) []string {
	out := make([]string, len(ivs))
	for i, iv := range ivs {
		out[i] = iv.Start.Format(layout)
	}
	return out
}

// collect lists the slots of a service in r, failing the test on an
// error.
func collect(t testing.TB, c Calendar, now time.Time, service string, r availability.Interval) []availability.Interval {
	t.Helper()
	slots, err := c.Slots(now, service, r)
	require.NoError(t, err)
	var out []availability.Interval
	for s := range slots {
		out = append(out, s)
	}
	return out
}

type pathCode struct {
	Path string
	Code problem.Code
}

// pathCodes requires err to be a problem.List and returns the path and
// code of each of its problems.
func pathCodes(t testing.TB, err error) []pathCode {
	t.Helper()
	var l problem.List
	require.ErrorAs(t, err, &l)
	out := make([]pathCode, len(l))
	for i, p := range l {
		out[i] = pathCode{p.Path, p.Code}
	}
	return out
}
