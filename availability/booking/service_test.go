package booking

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

// sunday is when the therapist's client asks: Sunday 2026-09-13 10:00 in
// New York, before the week of Monday 2026-09-14.
const sunday = "2026-09-13T10:00:00-04:00"

func TestServicesCheck(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	for _, tc := range []struct {
		service, start string
		want           []availability.Code
		rules          []string
	}{
		// The intake: Tuesday and Thursday 09:00–12:00, 48 hours ahead, on
		// the half hour.
		{"intake", "2026-09-15T09:00:00-04:00", []availability.Code{CodeMinNotice}, []string{"services[0].min_notice"}},
		{"intake", "2026-09-15T10:00:00-04:00", nil, nil},
		{"intake", "2026-09-15T10:30:00-04:00", nil, nil},
		{"intake", "2026-09-15T11:00:00-04:00", []availability.Code{CodeOutsideService}, []string{"services[0].hours"}},
		{"intake", "2026-09-16T10:00:00-04:00", []availability.Code{CodeOutsideService}, []string{"services[0].hours"}},
		{"intake", "2026-09-17T10:15:00-04:00", []availability.Code{CodeNotAligned}, []string{"services[0].align"}},
		// The session: on the hour, a day ahead, 90 days at most.
		{"session", "2026-09-14T09:00:00-04:00", []availability.Code{CodeMinNotice}, []string{"services[1].min_notice"}},
		{"session", "2026-09-14T10:00:00-04:00", nil, nil},
		{"session", "2026-09-14T11:30:00-04:00", []availability.Code{CodeNotAligned}, []string{"services[1].align"}},
		{"session", "2026-09-14T12:00:00-04:00", nil, nil},
		{"session", "2026-09-14T13:00:00-04:00", []availability.Code{availability.CodeProtected}, []string{"lunch"}},
		{"session", "2026-09-14T18:00:00-04:00", nil, nil},
		{"session", "2026-12-14T10:00:00-05:00", []availability.Code{CodeBeyondHorizon}, []string{"services[1].horizon"}},
		// The check-in: any five minutes, no notice.
		{"checkin", "2026-09-14T09:00:00-04:00", nil, nil},
		{"checkin", "2026-09-14T09:05:00-04:00", nil, nil},
		{"checkin", "2026-09-14T09:07:00-04:00", []availability.Code{CodeNotAligned}, []string{"services[2].align"}},
		{"checkin", "2026-09-19T10:00:00-04:00", []availability.Code{availability.CodeOutsideHours}, []string{"hours"}},
		{"checkin", "2026-09-11T10:00:00-04:00", []availability.Code{CodePast}, []string{""}},
		// The workshop: afternoons of the week of 2026-09-21 only.
		{"workshop", "2026-09-21T14:00:00-04:00", nil, nil},
		{"workshop", "2026-09-25T14:00:00-04:00", nil, nil},
		{"workshop", "2026-09-18T14:00:00-04:00", []availability.Code{CodeOutsideDates}, []string{"services[4].dates"}},
		{"workshop", "2026-09-28T14:00:00-04:00", []availability.Code{CodeOutsideDates}, []string{"services[4].dates"}},
		{"workshop", "2026-09-21T15:00:00-04:00", []availability.Code{CodeOutsideService}, []string{"services[4].hours"}},
		// A service the therapist does not offer.
		{"couples", "2026-09-14T10:00:00-04:00", []availability.Code{CodeUnknownService}, []string{"services"}},
	} {
		v := c.Check(now, tc.service, mustTime(t, tc.start))
		require.Equal(t, tc.want, codes(v), "%s %s: %v", tc.service, tc.start, v.Reasons)
		require.Equal(t, tc.rules, rules(v), "%s %s", tc.service, tc.start)
		require.Equal(t, len(tc.want) == 0, v.OK)
		require.Equal(t, tc.service, v.Service)
	}
}

func TestServicesMessages(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	for _, tc := range []struct{ service, start, want string }{
		{"intake", "2026-09-16T10:00:00-04:00", "Intake sessions are offered tue,thu 09:00–12:00 only"},
		{"intake", "2026-09-15T09:00:00-04:00", "Intake sessions must be booked at least 2 days ahead"},
		{"workshop", "2026-09-18T14:00:00-04:00", "Workshop sessions are offered from 2026-09-21 to 2026-09-25 only"},
		{"session", "2026-09-14T11:30:00-04:00", "Sessions start every 1 hour from midnight; 11:30 is not one of those times"},
		{"session", "2026-09-14T11:00:30-04:00", "Sessions start every 1 hour from midnight; 11:00:30 is not one of those times"},
		{"session", "2026-09-14T11:00:00.25-04:00", "Sessions start every 1 hour from midnight; 11:00:00.25 is not one of those times"},
	} {
		v := c.Check(now, tc.service, mustTime(t, tc.start))
		require.Len(t, v.Reasons, 1)
		require.Equal(t, tc.want, v.Reasons[0].Message)
	}
}

func TestServicesSlots(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	week := span(t, "2026-09-14T00:00:00-04:00", "2026-09-19T00:00:00-04:00")
	const layout = "Mon 15:04"
	require.Equal(t, []string{"Tue 10:00", "Tue 10:30", "Thu 09:00", "Thu 09:30", "Thu 10:00", "Thu 10:30"}, starts(collect(t, c, now, "intake", week), layout))
	monday := span(t, "2026-09-14T00:00:00-04:00", "2026-09-15T00:00:00-04:00")
	require.Equal(t, []string{"Mon 10:00", "Mon 11:00", "Mon 12:00", "Mon 14:00", "Mon 15:00", "Mon 16:00", "Mon 17:00", "Mon 18:00"}, starts(collect(t, c, now, "session", monday), layout))
	require.Equal(t, []string{"Wed 17:00"}, starts(collect(t, c, now, "group", week), layout))
	require.Empty(t, collect(t, c, now, "workshop", week))
	next := span(t, "2026-09-19T00:00:00-04:00", "2026-09-28T00:00:00-04:00")
	require.Equal(t, []string{"Mon 14:00", "Tue 14:00", "Wed 14:00", "Thu 14:00", "Fri 14:00"}, starts(collect(t, c, now, "workshop", next), layout))
	checkins := collect(t, c, now, "checkin", monday)
	require.Len(t, checkins, (13-9)*12-4+(19-14)*12-4) // every five minutes from 09:00 to 12:35 and 14:00 to 18:35
	for _, s := range checkins {
		require.Equal(t, 25*time.Minute, s.Duration())
	}

	_, err := c.Slots(now, "couples", week)
	require.ErrorIs(t, err, ErrUnknownService)
	require.EqualError(t, err, `unknown service: no service "couples"; the calendar offers "intake", "session", "checkin", "group", "workshop"`)
	require.Equal(t, `name a service: the calendar offers "intake", "session", "checkin", "group", "workshop"`, c.Check(now, "", week.Start).Reasons[0].Message)
	_, _, err = c.Next(now, "couples", now)
	require.ErrorIs(t, err, ErrUnknownService)
	next1, ok, err := c.Next(now, "intake", now)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, "Tue 2026-09-15 10:00", next1.Start.Format("Mon 2006-01-02 15:04"))
}

// TestServiceCaps holds a service's caps to its own sessions and the
// calendar's caps to every session.
func TestServiceCaps(t *testing.T) {
	now := mustTime(t, sunday)
	t.Run("per service", func(t *testing.T) {
		c := therapist(t)
		// Two intakes this week: one moved to Monday by hand, one on Tuesday.
		c = book(t, c, at(t, c, "i1", "intake", "2026-09-14T15:00:00-04:00"), at(t, c, "i2", "intake", "2026-09-15T10:00:00-04:00"))
		v := c.Check(now, "intake", mustTime(t, "2026-09-17T09:00:00-04:00"))
		require.Equal(t, []availability.Code{CodeWeekCap}, codes(v))
		require.Equal(t, []string{"services[0].caps.per_week"}, rules(v))
		require.Equal(t, "the week of 2026-09-14 already has 2 of at most 2 Intake sessions", v.Reasons[0].Message)
		// Other services are not capped by the intakes.
		require.True(t, c.Check(now, "session", mustTime(t, "2026-09-17T09:00:00-04:00")).OK)
		// Next week has room again.
		require.True(t, c.Check(now, "intake", mustTime(t, "2026-09-22T09:00:00-04:00")).OK)
		require.Equal(t, []string{"Tue 09:00", "Tue 09:30", "Tue 10:00", "Tue 10:30", "Thu 09:00", "Thu 09:30", "Thu 10:00", "Thu 10:30"},
			starts(collect(t, c, now, "intake", span(t, "2026-09-14T00:00:00-04:00", "2026-09-26T00:00:00-04:00")), "Mon 15:04"))
	})
	t.Run("shared", func(t *testing.T) {
		c := therapist(t)
		c = book(t, c,
			at(t, c, "c1", "checkin", "2026-09-14T09:00:00-04:00"),
			at(t, c, "c2", "checkin", "2026-09-14T09:30:00-04:00"),
			at(t, c, "s1", "session", "2026-09-14T11:00:00-04:00"),
			at(t, c, "s2", "session", "2026-09-14T12:00:00-04:00"),
			at(t, c, "s3", "session", "2026-09-14T14:00:00-04:00"),
			at(t, c, "i1", "intake", "2026-09-14T15:00:00-04:00"),
		)
		for _, service := range []string{"session", "checkin", "intake"} {
			v := c.Check(now, service, mustTime(t, "2026-09-14T17:00:00-04:00"))
			want := []availability.Code{CodeDayCap}
			if service == "intake" {
				want = []availability.Code{CodeMinNotice, CodeOutsideService, CodeDayCap}
			}
			require.Equal(t, want, codes(v), service)
			require.Equal(t, "caps.per_day", v.Reasons[len(v.Reasons)-1].Rule)
			require.Equal(t, "2026-09-14 already has 6 of at most 6 sessions", v.Reasons[len(v.Reasons)-1].Message)
		}
		require.Empty(t, collect(t, c, now, "checkin", span(t, "2026-09-14T00:00:00-04:00", "2026-09-15T00:00:00-04:00")))
		require.True(t, c.Check(now, "checkin", mustTime(t, "2026-09-15T17:00:00-04:00")).OK)
		// Cancelling one makes room.
		c.Booked, _ = c.Booked.Cancel("c2")
		require.True(t, c.Check(now, "checkin", mustTime(t, "2026-09-14T17:00:00-04:00")).OK)
	})
	t.Run("booked time", func(t *testing.T) {
		c := therapist(t)
		c.Services[1].Caps = Caps{BookedPerDay: 2 * time.Hour, BookedPerWeek: 3 * time.Hour}
		c = book(t, c, at(t, c, "s1", "session", "2026-09-14T11:00:00-04:00"), at(t, c, "s2", "session", "2026-09-14T12:00:00-04:00"),
			at(t, c, "c1", "checkin", "2026-09-14T09:00:00-04:00"))
		v := c.Check(now, "session", mustTime(t, "2026-09-14T15:00:00-04:00"))
		require.Equal(t, []availability.Code{CodeDayMinutesCap}, codes(v))
		require.Equal(t, []string{"services[1].caps.booked_per_day"}, rules(v))
		c = book(t, c, at(t, c, "s3", "session", "2026-09-15T11:00:00-04:00"))
		v = c.Check(now, "session", mustTime(t, "2026-09-16T11:00:00-04:00"))
		require.Equal(t, []availability.Code{CodeWeekMinutesCap}, codes(v))
	})
	t.Run("month", func(t *testing.T) {
		c := therapist(t)
		c.Services[1].Caps = Caps{PerMonth: 2}
		c = book(t, c, at(t, c, "s1", "session", "2026-09-14T11:00:00-04:00"), at(t, c, "s2", "session", "2026-09-30T12:00:00-04:00"))
		v := c.Check(now, "session", mustTime(t, "2026-09-21T15:00:00-04:00"))
		require.Equal(t, []availability.Code{CodeMonthCap}, codes(v))
		require.Equal(t, "September 2026 already has 2 of at most 2 Sessions", v.Reasons[0].Message)
		require.True(t, c.Check(now, "session", mustTime(t, "2026-10-01T15:00:00-04:00")).OK)
	})
}

// TestServiceSeats fills a group of at most 8 clients.
func TestServiceSeats(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	wed := mustTime(t, "2026-09-16T17:00:00-04:00")
	evening := span(t, "2026-09-16T00:00:00-04:00", "2026-09-17T00:00:00-04:00")
	for k := 1; k <= 9; k++ {
		v := c.Check(now, "group", wed)
		slots := collect(t, c, now, "group", evening)
		if k <= 8 {
			require.True(t, v.OK, "client %d: %v", k, v.Reasons)
			require.Len(t, slots, 1)
			c = book(t, c, Session{ID: "g" + string(rune('0'+k)), Service: "group", Client: "client", Interval: v.Session})
			continue
		}
		require.Equal(t, []availability.Code{CodeFull}, codes(v))
		require.Equal(t, []string{"services[3].seats"}, rules(v))
		require.Equal(t, "the Group session Wed 2026-09-16 17:00–18:30 EDT is full: 8 of 8 seats are taken", v.Reasons[0].Message)
		require.Empty(t, slots)
	}
	// The group takes the therapist's time for everything else.
	require.Equal(t, []availability.Code{CodeBooked}, codes(c.Check(now, "checkin", mustTime(t, "2026-09-16T17:30:00-04:00"))))
	// A cancelled seat is free again.
	c.Booked, _ = c.Booked.Cancel("g4")
	require.True(t, c.Check(now, "group", wed).OK)
}

// TestServiceSeatsClash: a session of a group service at another time
// clashes, as any session does.
func TestServiceSeatsClash(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	c = book(t, c, Session{ID: "early-group", Service: "group", Interval: availability.IntervalOf(mustTime(t, "2026-09-16T16:30:00-04:00"), 90*time.Minute)})
	v := c.Check(now, "group", mustTime(t, "2026-09-16T17:00:00-04:00"))
	require.Equal(t, []availability.Code{CodeBooked}, codes(v))
	require.Equal(t, []string{`booked["early-group"]`}, rules(v))
	require.Contains(t, v.Reasons[0].Message, `"early-group"`)
	require.Empty(t, collect(t, c, now, "group", span(t, "2026-09-16T00:00:00-04:00", "2026-09-17T00:00:00-04:00")))
}

// TestServiceSeatsCaps: the clients of one group session count once toward
// caps, so a client joining a group session that is already booked adds
// nothing to count.
func TestServiceSeatsCaps(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	c = book(t, c,
		at(t, c, "s1", "session", "2026-09-16T09:00:00-04:00"),
		at(t, c, "s2", "session", "2026-09-16T10:00:00-04:00"),
		at(t, c, "s3", "session", "2026-09-16T11:00:00-04:00"),
		at(t, c, "s4", "session", "2026-09-16T12:00:00-04:00"),
		at(t, c, "s5", "session", "2026-09-16T14:00:00-04:00"),
		at(t, c, "g1", "group", "2026-09-16T17:00:00-04:00"),
		at(t, c, "g2", "group", "2026-09-16T17:00:00-04:00"),
		at(t, c, "g3", "group", "2026-09-16T17:00:00-04:00"),
	)
	// Six sessions: five and the group.
	require.Equal(t, []availability.Code{CodeDayCap}, codes(c.Check(now, "checkin", mustTime(t, "2026-09-16T15:30:00-04:00"))))
	// A fourth client joins the group: still six sessions.
	v := c.Check(now, "group", mustTime(t, "2026-09-16T17:00:00-04:00"))
	require.True(t, v.OK, "%v", v.Reasons)
	require.Len(t, collect(t, c, now, "group", span(t, "2026-09-16T00:00:00-04:00", "2026-09-17T00:00:00-04:00")), 1)
	// A new group session on a day at its cap is refused.
	c.Services[3].Hours = nil
	require.Equal(t, []availability.Code{CodeDayCap}, codes(c.Check(now, "group", mustTime(t, "2026-09-16T15:00:00-04:00"))))
}

// TestServiceBuffers: the buffers of two neighbouring sessions add up.
func TestServiceBuffers(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	c = book(t, c,
		at(t, c, "s1", "session", "2026-09-14T11:00:00-04:00"), // 10 minutes after
		at(t, c, "i1", "intake", "2026-09-15T10:00:00-04:00"),  // 15 minutes after
		at(t, c, "c1", "checkin", "2026-09-17T11:55:00-04:00"), // 5 minutes before
	)
	for _, tc := range []struct {
		service, start string
		want           []availability.Code
		rule           string
	}{
		// After the session ends at 11:50: its 10 minutes and the check-in's 5.
		{"checkin", "2026-09-14T12:00:00-04:00", []availability.Code{CodeBuffer}, "booked.s1"},
		{"checkin", "2026-09-14T12:05:00-04:00", nil, ""},
		// After the intake ends at 11:30: its 15 minutes and the check-in's 5.
		{"checkin", "2026-09-15T11:45:00-04:00", []availability.Code{CodeBuffer}, "booked.i1"},
		{"checkin", "2026-09-15T11:50:00-04:00", nil, ""},
		// Before the check-in at 11:55: the session's 10 minutes and its 5.
		{"session", "2026-09-17T11:00:00-04:00", []availability.Code{CodeBuffer}, "booked.c1"},
		{"checkin", "2026-09-17T11:30:00-04:00", []availability.Code{CodeBuffer}, "booked.c1"},
		{"checkin", "2026-09-17T11:25:00-04:00", nil, ""},
		// Overlap is a clash, not a buffer.
		{"checkin", "2026-09-14T11:45:00-04:00", []availability.Code{CodeBooked}, "booked.s1"},
	} {
		v := c.Check(now, tc.service, mustTime(t, tc.start))
		require.Equal(t, tc.want, codes(v), "%s %s: %v", tc.service, tc.start, v.Reasons)
		if tc.rule != "" {
			require.Equal(t, tc.rule, v.Reasons[0].Rule)
		}
	}
	day := collect(t, c, now, "checkin", span(t, "2026-09-14T11:00:00-04:00", "2026-09-14T13:00:00-04:00"))
	require.Equal(t, "12:05", day[0].Start.Format("15:04"))
}

func TestServiceValidate(t *testing.T) {
	c := therapist(t)
	require.NoError(t, c.Validate())
	c.Services = append(c.Services,
		Service{ID: "session", Price: money.MustParse("USD -10.00"), Length: -time.Hour, Align: 90 * time.Second, BufferBefore: -time.Minute, Seats: -1},
		Service{Length: 25 * time.Hour, Align: 48 * time.Hour, MinNotice: availability.MaxRange + time.Hour,
			Dates: availability.DateRange{From: availability.MustParseDate("2026-09-25"), Through: availability.MustParseDate("2026-09-21")},
			Hours: []availability.Window{{Days: availability.Workweek, Start: availability.ClockOf(9, 0), End: availability.ClockOf(9, 0)}},
			Caps:  Caps{PerDay: -1, BookedPerDay: time.Hour}},
	)
	c.Caps.PerWeek = -2
	require.Equal(t, []pathCode{
		{"services[5].length", problem.Negative},
		{"services[5].align", problem.Invalid},
		{"services[5].buffer_before", problem.Negative},
		{"services[5].price", problem.Negative},
		{"services[5].seats", problem.Negative},
		{"services[5].id", problem.Duplicate},
		{"services[6].id", problem.Required},
		{"services[6].length", problem.TooLong},
		{"services[6].align", problem.TooLong},
		{"services[6].min_notice", problem.TooLong},
		{"services[6].dates.through", problem.Order},
		{"services[6].hours[0]", problem.Empty},
		{"services[6].caps.per_day", problem.Negative},
		{"services[6].caps.booked_per_day", problem.Conflict},
		{"caps.per_week", problem.Negative},
	}, pathCodes(t, c.Validate()))
	require.Equal(t, []pathCode{{"length", problem.Negative}, {"align", problem.Invalid}, {"buffer_before", problem.Negative}, {"price", problem.Negative}, {"seats", problem.Negative}},
		pathCodes(t, c.Services[5].Validate()))
	require.NoError(t, Service{ID: "free", Length: time.Hour}.Validate(), "no price is fine")
}
