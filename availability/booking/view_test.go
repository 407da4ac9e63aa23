package booking

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
)

// TestViewSentences: seen from the client's zone, every sentence names an
// instant in both zones.
func TestViewSentences(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, "2026-12-01T10:00:00-05:00")
	c = book(t, c, at(t, c, "x", "session", "2026-12-15T17:00:00-05:00"))
	tokyo := c.In(mustZone(t, "Asia/Tokyo"))
	for _, tc := range []struct {
		service, start, want string
	}{
		{"session", "2026-12-15T17:00:00-05:00", `overlaps session "x", booked Tue 2026-12-15 17:00–17:50 EST (Wed 07:00 in Tokyo)`},
		{"checkin", "2026-12-15T17:55:00-05:00", `sessions need their buffers between them; session "x", booked Tue 2026-12-15 17:00–17:50 EST (Wed 07:00 in Tokyo), is too close`},
		{"session", "2026-12-16T13:00:00-05:00", "Wed 2026-12-16 13:00 EST (Thu 03:00 in Tokyo) falls in protected time (lunch, mon-fri 13:00–14:00)"},
		{"session", "2026-12-19T10:00:00-05:00", "Sat 2026-12-19 10:00 EST (Sun 00:00 in Tokyo) is outside working hours"},
		{"checkin", "2026-12-16T10:02:00-05:00", "Video check-in sessions start every 5 minutes from midnight; 10:02 (Thu 00:02 in Tokyo) is not one of those times"},
	} {
		v := tokyo.Check(now, tc.service, mustTime(t, tc.start))
		require.Len(t, v.Reasons, 1, "%v", v.Reasons)
		require.Equal(t, tc.want, v.Reasons[0].Message)
		require.Equal(t, "Asia/Tokyo", v.Session.Start.Location().String())
		// The provider's own view has no parentheses.
		for _, provider := range []Calendar{c, c.In(nil), c.In(c.Schedule.Zone)} {
			p := provider.Check(now, tc.service, mustTime(t, tc.start))
			require.NotContains(t, p.Reasons[0].Message, "in Tokyo")
			require.Equal(t, v.Reasons[0].Code, p.Reasons[0].Code)
			require.Equal(t, "America/New_York", p.Session.Start.Location().String())
		}
	}

	// A full group session, seen from Los Angeles.
	for k := range 8 {
		c = book(t, c, Session{ID: string(rune('a' + k)), Service: "group", Interval: availability.IntervalOf(mustTime(t, "2026-12-16T17:00:00-05:00"), 90*time.Minute)})
	}
	v := c.In(mustZone(t, "America/Los_Angeles")).Check(now, "group", mustTime(t, "2026-12-16T17:00:00-05:00"))
	require.Equal(t, "the Group session Wed 2026-12-16 17:00–18:30 EST (Wed 14:00 in Los Angeles) is full: 8 of 8 seats are taken", v.Reasons[0].Message)
}

// TestViewZones: sentences of schedules in every kind of zone get their
// view, numeric abbreviations (+0545, +1030, -03) and repeated wall times
// included. (Those with four-digit abbreviations got none: the instants in
// the schedule's sentences were read back with time.Parse, which does not
// read them.)
func TestViewZones(t *testing.T) {
	for _, tc := range []struct {
		zone, at, view, want string
	}{
		{"Asia/Kathmandu", "2026-07-11T10:00:00+05:45", "Europe/London", "Sat 2026-07-11 10:00 +0545 (Sat 05:15 in London) is outside working hours"},
		{"Australia/Lord_Howe", "2026-07-11T10:00:00+10:30", "Asia/Tokyo", "Sat 2026-07-11 10:00 +1030 (Sat 08:30 in Tokyo) is outside working hours"},
		{"Australia/Lord_Howe", "2026-01-10T10:00:00+11:00", "Asia/Tokyo", "Sat 2026-01-10 10:00 +11 (Sat 08:00 in Tokyo) is outside working hours"},
		{"Pacific/Chatham", "2026-07-11T10:00:00+12:45", "UTC", "Sat 2026-07-11 10:00 +1245 (Fri 21:15 in UTC) is outside working hours"},
		{"America/Sao_Paulo", "2026-07-11T10:00:00-03:00", "America/Argentina/Buenos_Aires", "Sat 2026-07-11 10:00 -03 (Sat 10:00 in Buenos Aires) is outside working hours"},
		// New York falls back on 2026-11-01: 01:30 happens twice.
		{"America/New_York", "2026-11-01T01:30:00-04:00", "UTC", "Sun 2026-11-01 01:30 EDT (Sun 05:30 in UTC) is outside working hours"},
		{"America/New_York", "2026-11-01T01:30:00-05:00", "UTC", "Sun 2026-11-01 01:30 EST (Sun 06:30 in UTC) is outside working hours"},
		// Lord Howe falls back 30 minutes on 2026-04-05: 01:30–02:00 twice.
		{"Australia/Lord_Howe", "2026-04-05T01:45:00+11:00", "UTC", "Sun 2026-04-05 01:45 +11 (Sat 14:45 in UTC) is outside working hours"},
		{"Australia/Lord_Howe", "2026-04-05T01:45:00+10:30", "UTC", "Sun 2026-04-05 01:45 +1030 (Sat 15:15 in UTC) is outside working hours"},
		{"Etc/GMT+5", "2026-07-11T10:00:00-05:00", "Etc/GMT-5", "Sat 2026-07-11 10:00 -05 (Sat 20:00 in Etc/GMT-5) is outside working hours"},
	} {
		c := Calendar{
			Schedule: availability.Schedule{Zone: mustZone(t, tc.zone), Hours: []availability.Window{window("mon-fri", "09:00", "17:00")}},
			Services: []Service{{ID: "s", Length: 30 * time.Minute, Align: 15 * time.Minute}},
		}
		start := mustTime(t, tc.at)
		v := c.In(mustZone(t, tc.view)).Check(start.Add(-time.Hour), "s", start)
		require.Len(t, v.Reasons, 1, "%s: %v", tc.zone, v.Reasons)
		require.Equal(t, tc.want, v.Reasons[0].Message, tc.zone)
	}
}

// TestViewSlots: slots and proposals are expressed in the client's zone
// and are the same instants.
func TestViewSlots(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	tokyo := mustZone(t, "Asia/Tokyo")
	r := span(t, "2026-09-14T00:00:00-04:00", "2026-09-19T00:00:00-04:00")
	provider := collect(t, c, now, "intake", r)
	client := collect(t, c.In(tokyo), now, "intake", r)
	require.Equal(t, []string{"Tue 23:00", "Tue 23:30", "Thu 22:00", "Thu 22:30", "Thu 23:00", "Thu 23:30"}, starts(client, "Mon 15:04"))
	require.Len(t, client, len(provider))
	for i := range client {
		require.True(t, client[i].Equal(provider[i]))
		require.Equal(t, tokyo, client[i].Start.Location())
		require.Equal(t, tokyo, client[i].End.Location())
	}
	next, ok, err := c.In(tokyo).Next(now, "intake", now)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, "Tue 2026-09-15 23:00 JST", next.Start.Format(occLayout))

	occ, err := c.In(tokyo).CheckSeries(now, Series{Service: "session", First: mustTime(t, "2026-09-15T17:00:00-04:00"), Count: 2})
	require.NoError(t, err)
	require.Equal(t, "Wed 2026-09-16 06:00 JST", occ[0].Session.Start.Format(occLayout))
	st, err := c.In(tokyo).Standings(now, "intake", r.Start, 2)
	require.NoError(t, err)
	require.Equal(t, "tue 10:00–11:30", st[0].Window.String(), "weekly times are the provider's")
	require.Equal(t, "Tue 2026-09-15 23:00 JST", st[0].First.Start.Format(occLayout))

	// A group whose lead is seen from Tokyo proposes in Tokyo time.
	g := Group{Length: 90 * time.Minute, Parties: []Party{{Name: "Dr. Kovač", Calendar: c.In(tokyo), Service: "intake"}}}
	got, err := g.Find(now, r)
	require.NoError(t, err)
	require.Equal(t, "Tue 2026-09-15 23:00 JST", got[0].Session.Start.Format(occLayout))
}

// TestViewChangesNothing: seen from any zone, a calendar lists the same
// instants and gives the same verdicts, over random calendars.
func TestViewChangesNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	zones := []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham"}
	views := []string{"Asia/Tokyo", "Pacific/Kiritimati", "America/St_Johns", "Australia/Lord_Howe", "UTC"}
	days := []string{"2026-03-06", "2026-03-27", "2026-10-02", "2026-10-30", "2026-04-03"}
	for iter := range 60 {
		loc := mustZone(t, zones[rng.IntN(len(zones))])
		first := availability.MustParseDate(days[rng.IntN(len(days))])
		c := randomCalendar(t, rng, loc, first)
		v := c.In(mustZone(t, views[rng.IntN(len(views))]))
		start := availability.At(first, availability.Midnight, loc)
		now := start.Add(time.Duration(rng.IntN(48)) * time.Hour)
		r := availability.Interval{Start: start, End: start.Add(4 * 24 * time.Hour)}
		for _, svc := range c.Services {
			a, b := collect(t, c, now, svc.ID, r), collect(t, v, now, svc.ID, r)
			require.Len(t, b, len(a), "iteration %d", iter)
			for i := range a {
				require.True(t, a[i].Equal(b[i]), "iteration %d", iter)
			}
			for s := start; s.Before(r.End); s = s.Add(time.Duration(5+rng.IntN(60)) * time.Minute) {
				x, y := c.Check(now, svc.ID, s), v.Check(now, svc.ID, s)
				require.Equal(t, x.OK, y.OK)
				require.Equal(t, codes(x), codes(y))
				require.Equal(t, rules(x), rules(y))
				require.True(t, x.Session.Equal(y.Session))
			}
		}
	}
}

func TestPlace(t *testing.T) {
	for zone, want := range map[string]string{
		"Asia/Tokyo":                     "Tokyo",
		"America/New_York":               "New York",
		"America/Argentina/Buenos_Aires": "Buenos Aires",
		"UTC":                            "UTC",
		"Etc/GMT+5":                      "Etc/GMT+5",
	} {
		require.Equal(t, want, place(mustZone(t, zone)))
	}
}
