package booking

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

func ids(s Sessions) []string {
	var out []string
	for x := range s.All() {
		out = append(out, x.ID)
	}
	return out
}

// TestSessionsAreValues: Add, Cancel and Move return new sessions and
// leave the ones they are called on as they were.
func TestSessionsAreValues(t *testing.T) {
	c := therapist(t)
	a := at(t, c, "a", "session", "2026-09-14T11:00:00-04:00")
	b := at(t, c, "b", "session", "2026-09-14T10:00:00-04:00")
	x := at(t, c, "x", "checkin", "2026-09-14T15:00:00-04:00")
	y := at(t, c, "y", "checkin", "2026-09-14T09:00:00-04:00")
	s0, err := NewSessions(a, b)
	require.NoError(t, err)
	require.Equal(t, []string{"b", "a"}, ids(s0))

	s1, err := s0.Add(x)
	require.NoError(t, err)
	s2, err := s0.Add(y)
	require.NoError(t, err)
	require.Equal(t, []string{"b", "a"}, ids(s0))
	require.Equal(t, []string{"b", "a", "x"}, ids(s1))
	require.Equal(t, []string{"y", "b", "a"}, ids(s2))

	s3, err := s1.Move("x", mustTime(t, "2026-09-14T08:00:00-04:00"))
	require.NoError(t, err)
	require.Equal(t, []string{"x", "b", "a"}, ids(s3))
	got, ok := s3.Get("x")
	require.True(t, ok)
	require.Equal(t, 25*time.Minute, got.Duration(), "a move keeps the length")
	got, _ = s1.Get("x")
	require.Equal(t, "15:00", got.Start.Format("15:04"))

	s4, ok := s3.Cancel("b")
	require.True(t, ok)
	require.Equal(t, []string{"x", "a"}, ids(s4))
	require.Equal(t, []string{"x", "b", "a"}, ids(s3))
	_, ok = s4.Get("b")
	require.False(t, ok)

	// A calendar copied before a booking does not see it.
	before := c
	c.Booked = s1
	require.Zero(t, before.Booked.Len())
	require.Equal(t, 3, c.Booked.Len())
}

func TestSessionsIDs(t *testing.T) {
	c := therapist(t)
	a := at(t, c, "a", "session", "2026-09-14T11:00:00-04:00")
	s, err := NewSessions(a)
	require.NoError(t, err)

	_, err = NewSessions(a, at(t, c, "b", "session", "2026-09-15T11:00:00-04:00"), a)
	require.ErrorIs(t, err, ErrDuplicate)
	_, err = s.Add(at(t, c, "a", "checkin", "2026-09-16T11:00:00-04:00"))
	require.ErrorIs(t, err, ErrDuplicate)
	_, err = s.Add(Session{Service: "session", Interval: a.Interval})
	require.ErrorIs(t, err, problem.ErrInvalid)
	_, err = s.Add(Session{ID: "empty", Interval: availability.Interval{Start: a.Start, End: a.Start}})
	require.ErrorIs(t, err, problem.ErrInvalid)
	_, err = NewSessions(Session{ID: "backwards", Interval: availability.Interval{Start: a.End, End: a.Start}})
	require.ErrorIs(t, err, problem.ErrInvalid)
	_, err = s.Move("nobody", a.Start)
	require.ErrorIs(t, err, ErrNotFound)
	same, ok := s.Cancel("nobody")
	require.False(t, ok)
	require.Equal(t, 1, same.Len())

	// Sessions at the same time keep their own IDs: a group, or a double
	// booking.
	s, err = s.Add(Session{ID: "a2", Service: "session", Interval: a.Interval})
	require.NoError(t, err)
	require.Equal(t, []string{"a", "a2"}, ids(s))
}

func TestSessionsIn(t *testing.T) {
	c := therapist(t)
	s, err := NewSessions(
		Session{ID: "retreat", Interval: span(t, "2026-09-12T09:00:00-04:00", "2026-09-15T17:00:00-04:00")},
		at(t, c, "a", "session", "2026-09-14T10:00:00-04:00"),
		at(t, c, "b", "session", "2026-09-14T11:00:00-04:00"),
		at(t, c, "c", "session", "2026-09-14T12:00:00-04:00"),
		at(t, c, "d", "session", "2026-09-16T12:00:00-04:00"),
	)
	require.NoError(t, err)
	in := func(from, to string) []string {
		var out []string
		for x := range s.In(span(t, from, to)) {
			out = append(out, x.ID)
		}
		return out
	}
	require.Equal(t, []string{"retreat", "b"}, in("2026-09-14T11:00:00-04:00", "2026-09-14T11:30:00-04:00"))
	require.Equal(t, []string{"retreat"}, in("2026-09-14T10:50:00-04:00", "2026-09-14T11:00:00-04:00"))
	require.Equal(t, []string{"d"}, in("2026-09-16T00:00:00-04:00", "2026-09-17T00:00:00-04:00"))
	require.Empty(t, in("2026-09-14T11:00:00-04:00", "2026-09-14T11:00:00-04:00"))
	require.Empty(t, in("2026-09-11T11:00:00-04:00", "2026-09-12T09:00:00-04:00"))
}

// TestClashNamesSession: a refusal for a clash or a buffer names the
// booked session.
func TestClashNamesSession(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	c = book(t, c, Session{ID: "anna-0914", Service: "session", Client: "client-4711", Interval: availability.IntervalOf(mustTime(t, "2026-09-14T11:00:00-04:00"), 50*time.Minute)})
	v := c.Check(now, "checkin", mustTime(t, "2026-09-14T11:30:00-04:00"))
	require.Equal(t, []availability.Reason{{Code: CodeBooked, Rule: `booked["anna-0914"]`,
		Message: `overlaps session "anna-0914", booked Mon 2026-09-14 11:00–11:50 EDT`}}, v.Reasons)
	v = c.Check(now, "checkin", mustTime(t, "2026-09-14T11:55:00-04:00"))
	require.Equal(t, []availability.Reason{{Code: CodeBuffer, Rule: `booked["anna-0914"]`,
		Message: `sessions need their buffers between them; session "anna-0914", booked Mon 2026-09-14 11:00–11:50 EDT, is too close`}}, v.Reasons)
	require.NotContains(t, v.Reasons[0].Message, "client-4711", "the client reference is never shown")
}

func TestCheckMove(t *testing.T) {
	now := mustTime(t, sunday)
	base := therapist(t)
	base.Services[1].Caps = Caps{PerDay: 1, PerWeek: 4}
	base = book(t, base,
		at(t, base, "mon", "session", "2026-09-14T11:00:00-04:00"),
		at(t, base, "tue", "session", "2026-09-15T11:00:00-04:00"),
		at(t, base, "wed", "session", "2026-09-16T11:00:00-04:00"),
		at(t, base, "next", "session", "2026-09-21T11:00:00-04:00"),
		at(t, base, "call", "checkin", "2026-09-14T12:05:00-04:00"),
		Session{ID: "long", Service: "session", Interval: span(t, "2026-09-18T09:00:00-04:00", "2026-09-18T10:20:00-04:00")},
		at(t, base, "g1", "group", "2026-09-16T17:00:00-04:00"),
		at(t, base, "g2", "group", "2026-09-16T17:00:00-04:00"),
		Session{ID: "old", Service: "couples", Interval: span(t, "2026-09-17T15:00:00-04:00", "2026-09-17T16:30:00-04:00")},
	)
	for _, tc := range []struct {
		name, id, start string
		want            []availability.Code
		rules           []string
	}{
		{"where it is", "mon", "2026-09-14T11:00:00-04:00", nil, nil},
		{"into its own time", "mon", "2026-09-14T10:00:00-04:00", nil, nil},
		{"into its own buffer", "call", "2026-09-14T12:00:00-04:00", []availability.Code{CodeBuffer}, []string{"booked.mon"}},
		{"onto another session", "tue", "2026-09-14T12:00:00-04:00", []availability.Code{CodeBooked, CodeDayCap}, []string{"booked.call", "services[1].caps.per_day"}},
		{"within its day", "mon", "2026-09-14T16:00:00-04:00", nil, nil},
		{"to a full day", "tue", "2026-09-14T16:00:00-04:00", []availability.Code{CodeDayCap}, []string{"services[1].caps.per_day"}},
		{"to a free day", "tue", "2026-09-17T11:00:00-04:00", nil, nil},
		{"within its week", "long", "2026-09-17T09:00:00-04:00", nil, nil},
		{"to a full week", "next", "2026-09-17T11:00:00-04:00", []availability.Code{CodeWeekCap}, []string{"services[1].caps.per_week"}},
		{"keeping its own length", "long", "2026-09-17T12:00:00-04:00", []availability.Code{availability.CodeProtected}, []string{"lunch"}},
		{"a group client to its own group", "g2", "2026-09-16T17:00:00-04:00", nil, nil},
		{"a group client away", "g2", "2026-09-23T17:00:00-04:00", nil, nil},
		{"a session of a service no longer offered", "old", "2026-09-17T16:00:00-04:00", []availability.Code{CodeUnknownService}, []string{"services"}},
		{"against the rules of its service", "mon", "2026-09-14T09:00:00-04:00", []availability.Code{CodeMinNotice}, []string{"services[1].min_notice"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := base.CheckMove(now, tc.id, mustTime(t, tc.start))
			require.NoError(t, err)
			require.Equal(t, tc.want, codes(v), "%v", v.Reasons)
			require.Equal(t, tc.rules, rules(v))
			x, _ := base.Booked.Get(tc.id)
			if tc.want == nil || tc.want[0] != CodeUnknownService {
				require.Equal(t, x.Duration(), v.Session.Duration())
			}
		})
	}
	_, err := base.CheckMove(now, "nobody", mustTime(t, sunday))
	require.ErrorIs(t, err, ErrNotFound)
}

// TestCheckMoveIsCheckWithoutIt holds CheckMove to its definition: moving a
// session is checked as booking it anew once it is cancelled, with the
// same reasons, over random calendars.
func TestCheckMoveIsCheckWithoutIt(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 7))
	now := mustTime(t, sunday)
	monday := mustTime(t, "2026-09-14T00:00:00-04:00")
	for iter := range 60 {
		c := therapist(t)
		c.Caps = Caps{PerDay: rng.IntN(5), PerWeek: rng.IntN(12), BookedPerDay: time.Duration(rng.IntN(3)) * 3 * time.Hour}
		c.Services[1].Caps = Caps{PerDay: rng.IntN(3), PerWeek: rng.IntN(6)}
		c.Services[2].Caps = Caps{PerDay: rng.IntN(3), BookedPerWeek: time.Duration(rng.IntN(3)) * time.Hour}
		services := []string{"intake", "session", "checkin", "group"}
		for k := range 4 + rng.IntN(20) {
			service := services[rng.IntN(len(services))]
			start := monday.Add(time.Duration(rng.IntN(5*24*4)) * 15 * time.Minute)
			if service == "group" {
				start = mustTime(t, "2026-09-16T17:00:00-04:00")
			}
			svc, _ := c.service(service)
			c = book(t, c, Session{ID: fmt.Sprintf("%s-%d", service, k), Service: service, Interval: availability.IntervalOf(start, svc.Length)})
		}
		list := slices.Collect(c.Booked.All())
		for range 30 {
			x := list[rng.IntN(len(list))]
			to := monday.Add(time.Duration(rng.IntN(5*24*12)) * 5 * time.Minute)
			v, err := c.CheckMove(now, x.ID, to)
			require.NoError(t, err)
			without := c
			without.Booked, _ = c.Booked.Cancel(x.ID)
			want := without.Check(now, x.Service, to)
			require.Equal(t, want, v, "iteration %d: moving %s to %s", iter, x.ID, to)
		}
	}
}

// TestRetiredServiceBlocksTime: a session of a service the calendar no
// longer offers keeps its time (without buffers) and counts toward the
// caps of all sessions, not toward any service's.
func TestRetiredServiceBlocksTime(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	c.Caps.PerDay = 2
	c.Services[1].Caps.PerDay = 1
	c = book(t, c, Session{ID: "couples-1", Service: "couples", Interval: span(t, "2026-09-15T09:55:00-04:00", "2026-09-15T11:25:00-04:00")})
	require.NoError(t, c.Validate())
	for _, tc := range []struct {
		start string
		want  []availability.Code
	}{
		{"2026-09-15T11:00:00-04:00", []availability.Code{CodeBooked}},
		{"2026-09-15T09:00:00-04:00", []availability.Code{CodeBuffer}}, // the session's own 10 minutes after
		{"2026-09-15T12:00:00-04:00", nil},                             // no buffer after the retired session
	} {
		v := c.Check(now, "session", mustTime(t, tc.start))
		require.Equal(t, tc.want, codes(v), tc.start)
		if tc.want != nil {
			require.Equal(t, `booked["couples-1"]`, v.Reasons[0].Rule)
		}
	}
	require.Equal(t, []string{"12:00", "14:00", "15:00", "16:00", "17:00", "18:00"},
		starts(collect(t, c, now, "session", span(t, "2026-09-15T00:00:00-04:00", "2026-09-16T00:00:00-04:00")), "15:04"))
	c = book(t, c, at(t, c, "s1", "session", "2026-09-15T12:00:00-04:00"))
	v := c.Check(now, "checkin", mustTime(t, "2026-09-15T16:00:00-04:00"))
	require.Equal(t, []availability.Code{CodeDayCap}, codes(v), "the retired session and s1 are two of at most 2")
	require.Equal(t, "caps.per_day", v.Reasons[0].Rule)
}
