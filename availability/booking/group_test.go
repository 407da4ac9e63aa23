package booking

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

// couples is the 90-minute co-therapy session both therapists offer.
var couples = Service{ID: "couples", Name: "Couples session", Length: 90 * time.Minute, Align: 30 * time.Minute, BufferAfter: 15 * time.Minute, MinNotice: 24 * time.Hour}

// kovac is the therapist of issue 12, who also gives couples sessions,
// with a few sessions booked in the week of 2026-09-14.
func kovac(t testing.TB) Calendar {
	c := therapist(t)
	c.Services = append(c.Services, couples)
	return book(t, c,
		at(t, c, "k1", "session", "2026-09-14T15:00:00-04:00"),
		at(t, c, "k2", "session", "2026-09-15T10:00:00-04:00"),
		at(t, c, "k3", "intake", "2026-09-17T09:00:00-04:00"),
	)
}

// lee works afternoons and evenings in New York.
func lee(t testing.TB) Calendar {
	c := Calendar{
		Schedule: availability.Schedule{Zone: mustZone(t, "America/New_York"), Hours: []availability.Window{window("mon-fri", "12:00", "20:00")}},
		Services: []Service{{ID: "session", Length: 50 * time.Minute, Align: time.Hour}, couples},
	}
	return book(t, c,
		Session{ID: "l1", Service: "session", Interval: span(t, "2026-09-14T16:00:00-04:00", "2026-09-14T16:50:00-04:00")},
		Session{ID: "l2", Service: "couples", Interval: span(t, "2026-09-16T12:00:00-04:00", "2026-09-16T13:30:00-04:00")},
	)
}

// room2 is the shared room: open 08:00–20:00 on weekdays, with a yoga class
// booked on Tuesday afternoon.
func room2(t testing.TB) Calendar {
	c := Calendar{Schedule: availability.Schedule{Zone: mustZone(t, "America/New_York"), Hours: []availability.Window{window("mon-fri", "08:00", "20:00")}}}
	return book(t, c, Session{ID: "yoga", Interval: span(t, "2026-09-15T14:00:00-04:00", "2026-09-15T16:00:00-04:00")})
}

// weber is the supervisor, in Berlin, free Monday to Thursday evenings.
func weber(t testing.TB) Calendar {
	return Calendar{Schedule: availability.Schedule{Zone: mustZone(t, "Europe/Berlin"), Hours: []availability.Window{window("mon-thu", "18:00", "21:00")}}}
}

// client returns a client's own preferred times in their zone.
func client(t testing.TB, zone string, hours ...availability.Window) Calendar {
	return Calendar{Schedule: availability.Schedule{Zone: mustZone(t, zone), Hours: hours}}
}

var week = func(t testing.TB) availability.Interval {
	return span(t, "2026-09-14T00:00:00-04:00", "2026-09-19T00:00:00-04:00")
}

const groupLayout = "Mon 15:04"

func proposals(ps []Proposal) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Session.Start.Format(groupLayout)
	}
	return out
}

// requireAccepted requires every required party to accept every proposal
// as its own calendar decides alone.
func requireAccepted(t *testing.T, now time.Time, g Group, ps []Proposal) {
	t.Helper()
	for _, p := range ps {
		for _, party := range g.Parties {
			ok := accepts(party, now, p.Session.Start, g.Length)
			require.Equal(t, ok, slices.Contains(p.Attending, party.Name), "%s at %s", party.Name, p.Session)
			if !party.Optional {
				require.True(t, ok, "%s at %s", party.Name, p.Session)
			}
		}
	}
}

// accepts is whether a party can take a session at start, decided by its
// calendar alone: Check of its service, or for a party without one, Check
// of a service that asks only for free time.
func accepts(p Party, now, start time.Time, length time.Duration) bool {
	return alone(p, length).Check(now, p.Service, start).OK || (p.Service == "" && alone(p, length).Check(now, "\x00free", start).OK)
}

// alone is the party's calendar, with a service that asks only for free
// time when the party has none.
func alone(p Party, length time.Duration) Calendar {
	c := p.Calendar
	if p.Service == "" {
		c.Services = append(slices.Clip(c.Services), Service{ID: "\x00free", Length: length, Align: time.Minute})
	}
	return c
}

func TestGroupCoTherapy(t *testing.T) {
	now := mustTime(t, sunday)
	g := Group{Length: 90 * time.Minute, Limit: 100, Parties: []Party{
		{Name: "Dr. Kovač", Calendar: kovac(t), Service: "couples"},
		{Name: "Dr. Lee", Calendar: lee(t), Service: "couples"},
		{Name: "Room 2", Calendar: room2(t)},
	}}
	got, err := g.Find(now, week(t))
	require.NoError(t, err)
	requireAccepted(t, now, g, got)
	require.Equal(t, []string{
		// Kovač's lunch is 13:00–14:00, so sessions start at 14:00 or
		// later. Monday: Kovač's k1 at 15:00 and its buffer until 16:00,
		// Lee's l1 16:00–16:50.
		"Mon 17:00", "Mon 17:30",
		// Tuesday: the room's yoga class until 16:00.
		"Tue 16:00", "Tue 16:30", "Tue 17:00", "Tue 17:30",
		// Wednesday: Lee's couples session until 13:30 and its buffer.
		"Wed 14:00", "Wed 14:30", "Wed 15:00", "Wed 15:30", "Wed 16:00", "Wed 16:30", "Wed 17:00", "Wed 17:30",
		"Thu 14:00", "Thu 14:30", "Thu 15:00", "Thu 15:30", "Thu 16:00", "Thu 16:30", "Thu 17:00", "Thu 17:30",
		"Fri 14:00", "Fri 14:30", "Fri 15:00", "Fri 15:30", "Fri 16:00", "Fri 16:30", "Fri 17:00", "Fri 17:30",
	}, proposals(got))
	for _, p := range got {
		require.Equal(t, []string{"Dr. Kovač", "Dr. Lee", "Room 2"}, p.Attending)
		require.Empty(t, p.Absent)
		require.Equal(t, "America/New_York", p.Session.Start.Location().String())
	}
}

// TestGroupSupervision: a therapist and her supervisor in Berlin, whose
// evenings are the New York noon.
func TestGroupSupervision(t *testing.T) {
	now := mustTime(t, sunday)
	g := Group{Length: 50 * time.Minute, Parties: []Party{
		{Name: "Dr. Kovač", Calendar: kovac(t), Service: "session"},
		{Name: "Dr. Weber", Calendar: weber(t)},
	}}
	got, err := g.Find(now, week(t))
	require.NoError(t, err)
	requireAccepted(t, now, g, got)
	// 18:00–21:00 in Berlin is 12:00–15:00 in New York; Kovač's lunch is
	// 13:00–14:00, and her session k1 is on Monday at 15:00, after them.
	require.Equal(t, []string{"Mon 12:00", "Mon 14:00", "Tue 12:00", "Tue 14:00", "Wed 12:00", "Wed 14:00", "Thu 12:00", "Thu 14:00"}, proposals(got))
}

// TestGroupClientInTokyo: the client's own preferred times, Wednesday and
// Thursday early mornings in Tokyo, are Tuesday and Wednesday evenings in
// New York; the session takes the room too.
func TestGroupClientInTokyo(t *testing.T) {
	now := mustTime(t, sunday)
	g := Group{Length: 50 * time.Minute, Parties: []Party{
		{Name: "Dr. Kovač", Calendar: kovac(t), Service: "session"},
		{Name: "Room 2", Calendar: room2(t)},
		{Name: "Haruki", Calendar: client(t, "Asia/Tokyo", window("wed,thu", "07:00", "09:30"))},
	}}
	got, err := g.Find(now, week(t))
	require.NoError(t, err)
	requireAccepted(t, now, g, got)
	require.Equal(t, []string{"Tue 18:00", "Wed 18:00"}, proposals(got))
	require.Equal(t, "Wed 07:00", got[0].Session.Start.In(mustZone(t, "Asia/Tokyo")).Format(groupLayout))
}

// TestGroupOptional: a session for Kovač's clients: as many as can come,
// the most first, and who cannot and why.
func TestGroupOptional(t *testing.T) {
	now := mustTime(t, sunday)
	dan := client(t, "America/New_York", window("mon-fri", "09:00", "17:00"))
	dan.Busy = []Busy{{Source: "work calendar", Times: availability.NewSet(span(t, "2026-09-14T10:00:00-04:00", "2026-09-14T11:00:00-04:00"))}}
	g := Group{Length: 50 * time.Minute, Parties: []Party{
		{Name: "Dr. Kovač", Calendar: kovac(t), Service: "session"},
		{Name: "Ana", Calendar: client(t, "America/New_York", window("mon-fri", "09:00", "12:00")), Optional: true},
		{Name: "Ben", Calendar: client(t, "Asia/Tokyo", window("tue,wed", "07:00", "10:00")), Optional: true},
		{Name: "Chloé", Calendar: client(t, "Europe/Berlin", window("mon-fri", "15:00", "18:00")), Optional: true},
		{Name: "Dan", Calendar: dan, Optional: true},
	}}
	got, err := g.Find(now, week(t))
	require.NoError(t, err)
	requireAccepted(t, now, g, got)
	// Ana, Chloé and Dan can all come on weekday mornings; Kovač has k2
	// on Tuesday at 10:00 and k3, an intake, on Thursday until 10:30 and
	// its buffer; 24 hours' notice rules out Monday at 09:00.
	require.Equal(t, []string{"Mon 11:00", "Tue 09:00", "Tue 11:00", "Wed 09:00", "Wed 10:00", "Wed 11:00", "Thu 11:00", "Fri 09:00", "Fri 10:00", "Fri 11:00"}, proposals(got))
	for _, p := range got {
		require.Equal(t, []string{"Dr. Kovač", "Ana", "Chloé", "Dan"}, p.Attending)
		require.Len(t, p.Absent, 1)
		require.Equal(t, "Ben", p.Absent[0].Party)
		require.Equal(t, []availability.Code{availability.CodeOutsideHours}, codes(Verdict{Reasons: p.Absent[0].Reasons}))
	}
	require.Contains(t, got[0].Absent[0].Reasons[0].Message, "Tue 2026-09-15 00:00 JST")

	// All of them, the fewer attending later.
	g.Limit = 100
	got, err = g.Find(now, week(t))
	require.NoError(t, err)
	requireAccepted(t, now, g, got)
	byCount := map[int][]string{}
	for _, p := range got {
		byCount[len(p.Attending)] = append(byCount[len(p.Attending)], p.Session.Start.Format(groupLayout))
	}
	// Two attend: Dan alone in the afternoon (k1 is at 15:00), Ben alone
	// in the Tokyo morning.
	require.Equal(t, []string{"Mon 12:00", "Mon 14:00", "Mon 16:00", "Mon 18:00", "Tue 12:00"}, byCount[2][:5])
	require.Equal(t, []string{"Mon 17:00"}, byCount[1][:1])
	require.True(t, slices.IsSortedFunc(got, func(a, b Proposal) int { return len(b.Attending) - len(a.Attending) }))
	// Monday 10:00: Dan's work calendar, named by its source only.
	i := slices.IndexFunc(got, func(p Proposal) bool { return p.Session.Start.Format(groupLayout) == "Mon 10:00" })
	require.Equal(t, []string{"Dr. Kovač", "Ana", "Chloé"}, got[i].Attending)
	require.Equal(t, "Dan", got[i].Absent[1].Party)
	require.Equal(t, []availability.Reason{{Code: CodeBusy, Rule: "busy[0]", Label: "work calendar", Message: "busy: work calendar"}}, got[i].Absent[1].Reasons)
	// An optional party with a service gives the reasons of its Check.
	g.Parties = append(g.Parties, Party{Name: "Dr. Lee", Calendar: lee(t), Service: "session", Optional: true})
	got, err = g.Find(now, week(t))
	require.NoError(t, err)
	requireAccepted(t, now, g, got)
	for _, p := range got {
		for _, a := range p.Absent {
			if a.Party == "Dr. Lee" {
				require.Equal(t, lee(t).Check(now, "session", p.Session.Start).Reasons, a.Reasons)
			}
		}
	}
}

// TestGroupSeats: a group session whose service takes 8 clients is
// proposed while it has a seat.
func TestGroupSeats(t *testing.T) {
	now := mustTime(t, sunday)
	c := kovac(t)
	for k := range 7 {
		c = book(t, c, at(t, c, fmt.Sprintf("g%d", k), "group", "2026-09-16T17:00:00-04:00"))
	}
	g := Group{Length: 90 * time.Minute, Parties: []Party{
		{Name: "Dr. Kovač", Calendar: c, Service: "group"},
		{Name: "Room 2", Calendar: room2(t)},
	}}
	got, err := g.Find(now, week(t))
	require.NoError(t, err)
	require.Equal(t, []string{"Wed 17:00"}, proposals(got))
	c = book(t, c, at(t, c, "g8", "group", "2026-09-16T17:00:00-04:00"))
	g.Parties[0].Calendar = c
	got, err = g.Find(now, week(t))
	require.NoError(t, err)
	require.Empty(t, got)
}

// TestGroupGrid: starts follow the first required party that gives a
// service, and DefaultAlign when none does. (Without one, they came every
// minute.)
func TestGroupGrid(t *testing.T) {
	now := mustTime(t, sunday)
	day := span(t, "2026-09-14T00:00:00-04:00", "2026-09-15T00:00:00-04:00")
	g := Group{Length: 30 * time.Minute, Limit: 100, Parties: []Party{
		{Name: "Room 2", Calendar: room2(t)},
		{Name: "Ana", Calendar: client(t, "America/New_York", window("mon", "09:00", "11:00"))},
	}}
	got, err := g.Find(now, day)
	require.NoError(t, err)
	// Every 30 minutes, not every minute.
	require.Equal(t, []string{"Mon 09:00", "Mon 09:30", "Mon 10:00", "Mon 10:30"}, proposals(got))

	c := therapist(t)
	c.Services = append(c.Services, Service{ID: "call", Length: 30 * time.Minute, Align: 20 * time.Minute})
	g.Parties = append(g.Parties, Party{Name: "Dr. Kovač", Calendar: c, Service: "call"})
	got, err = g.Find(now, day)
	require.NoError(t, err)
	require.Equal(t, []string{"Mon 09:00", "Mon 09:20", "Mon 09:40", "Mon 10:00", "Mon 10:20"}, proposals(got))
}

func TestGroupErrors(t *testing.T) {
	now := mustTime(t, sunday)
	for _, tc := range []struct {
		name string
		g    Group
		want []pathCode
	}{
		{"no parties", Group{Length: time.Hour}, []pathCode{{"parties", problem.Required}}},
		{"none required", Group{Length: time.Hour, Parties: []Party{{Name: "Ana", Optional: true}}}, []pathCode{{"parties", problem.Required}}},
		{"no length", Group{Parties: []Party{{Name: "Ana"}}}, []pathCode{{"length", problem.Required}}},
		{"names", Group{Length: time.Hour, Limit: -1, Parties: []Party{{}, {Name: "Ana"}, {Name: "Ana"}}}, []pathCode{{"limit", problem.Negative}, {"parties[0].name", problem.Required}, {"parties[2].name", problem.Duplicate}}},
		{"unknown service", Group{Length: time.Hour, Parties: []Party{{Name: "Lee", Calendar: lee(t), Service: "intake"}}}, []pathCode{{"parties[0].service", problem.Unknown}}},
		{"another length", Group{Length: time.Hour, Parties: []Party{{Name: "Lee", Calendar: lee(t), Service: "couples"}}}, []pathCode{{"parties[0].service", problem.Conflict}}},
		{"a calendar's problems", Group{Length: time.Hour, Parties: []Party{{Name: "Lee", Calendar: Calendar{Caps: Caps{PerDay: -1}}}}}, []pathCode{{"parties[0].calendar.caps.per_day", problem.Negative}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, pathCodes(t, tc.g.Validate()))
			_, err := tc.g.Find(now, week(t))
			if strings.Contains(tc.want[0].Path, ".calendar.") {
				// Find, like Slots, leaves calendars to Validate.
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrGroup)
			require.ErrorIs(t, err, problem.ErrInvalid)
		})
	}
	g := Group{Length: time.Hour, Parties: []Party{{Name: "Room 2", Calendar: room2(t)}}}
	_, err := g.Find(now, availability.IntervalOf(now, availability.MaxRange+time.Hour))
	require.ErrorIs(t, err, availability.ErrRangeTooLong)
}

// TestGroupDST searches across the transitions of New York, Berlin and
// Lord Howe, where two parties' zones change on different days or by
// different amounts: the proposals follow each one's wall clock.
func TestGroupDST(t *testing.T) {
	for _, tc := range []struct {
		name             string
		provider, client Calendar
		length           time.Duration
		from, to         string
		want             []string // in the provider's zone, "Mon 01-02 15:04"
	}{
		{
			// Europe goes back on 2026-10-25, America on 2026-11-01: for
			// one week 15:00 in Berlin is 10:00 in New York, not 09:00.
			name:     "New York provider, Berlin client",
			provider: Calendar{Schedule: availability.Schedule{Zone: mustZone(t, "America/New_York"), Hours: []availability.Window{window("mon,wed", "09:00", "19:00")}}, Services: []Service{{ID: "s", Length: time.Hour, Align: time.Hour}}},
			client:   client(t, "Europe/Berlin", window("mon-fri", "15:00", "17:00")),
			length:   time.Hour, from: "2026-10-19T00:00:00-04:00", to: "2026-11-07T00:00:00-05:00",
			want: []string{"Mon 10-19 09:00", "Mon 10-19 10:00", "Wed 10-21 09:00", "Wed 10-21 10:00", "Mon 10-26 10:00", "Mon 10-26 11:00", "Wed 10-28 10:00", "Wed 10-28 11:00", "Mon 11-02 09:00", "Mon 11-02 10:00", "Wed 11-04 09:00", "Wed 11-04 10:00"},
		},
		{
			// America goes forward on 2026-03-08, Europe on 2026-03-29: for
			// three weeks 08:00 in New York is 13:00 in Berlin, not 14:00.
			name:     "Berlin provider, New York client",
			provider: Calendar{Schedule: availability.Schedule{Zone: mustZone(t, "Europe/Berlin"), Hours: []availability.Window{window("tue", "09:00", "18:00")}}, Services: []Service{{ID: "s", Length: time.Hour, Align: time.Hour}}},
			client:   client(t, "America/New_York", window("mon-fri", "08:00", "10:00")),
			length:   time.Hour, from: "2026-03-02T00:00:00+01:00", to: "2026-04-04T00:00:00+02:00",
			want: []string{"Tue 03-03 14:00", "Tue 03-03 15:00", "Tue 03-10 13:00", "Tue 03-10 14:00", "Tue 03-17 13:00", "Tue 03-17 14:00", "Tue 03-24 13:00", "Tue 03-24 14:00", "Tue 03-31 14:00", "Tue 03-31 15:00"},
		},
		{
			// On 2026-10-04 Lord Howe goes forward 30 minutes, Sydney an
			// hour: 09:00 in Sydney is 09:30 on Lord Howe before, 09:00
			// after.
			name:     "Lord Howe provider, Sydney client",
			provider: Calendar{Schedule: availability.Schedule{Zone: mustZone(t, "Australia/Lord_Howe"), Hours: []availability.Window{window("mon-sun", "09:00", "12:00")}}, Services: []Service{{ID: "s", Length: 30 * time.Minute, Align: 30 * time.Minute}}},
			client:   client(t, "Australia/Sydney", window("mon-sun", "09:00", "10:00")),
			length:   30 * time.Minute, from: "2026-10-03T00:00:00+10:30", to: "2026-10-05T00:00:00+11:00",
			want: []string{"Sat 10-03 09:30", "Sat 10-03 10:00", "Sun 10-04 09:00", "Sun 10-04 09:30"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from := mustTime(t, tc.from)
			now := from.Add(-48 * time.Hour)
			g := Group{Length: tc.length, Limit: 100, Parties: []Party{{Name: "provider", Calendar: tc.provider, Service: "s"}, {Name: "client", Calendar: tc.client}}}
			got, err := g.Find(now, availability.Interval{Start: from, End: mustTime(t, tc.to)})
			require.NoError(t, err)
			requireAccepted(t, now, g, got)
			var local []string
			for _, p := range got {
				local = append(local, p.Session.Start.In(tc.provider.Schedule.Zone).Format("Mon 01-02 15:04"))
			}
			require.Equal(t, tc.want, local)
		})
	}
}

// TestGroupIsEachPartyAlone holds Find to its definition over random
// groups of calendars in several zones around DST days: it proposes
// exactly the starts on the lead's grid that every required party accepts
// alone, each with the optional parties that accept it; absent parties
// with a service give the reasons of their own Check; and optional parties
// never remove a time.
func TestGroupIsEachPartyAlone(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	zones := []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu", "Asia/Tokyo"}
	days := []string{"2026-03-06", "2026-03-27", "2026-10-02", "2026-10-23", "2026-10-30", "2026-04-03"}
	for iter := range 80 {
		first := availability.MustParseDate(days[rng.IntN(len(days))])
		length := time.Duration(15*(1+rng.IntN(6))) * time.Minute
		g := Group{Length: length, Limit: 1 << 20}
		for i := range 2 + rng.IntN(4) {
			loc := mustZone(t, zones[rng.IntN(len(zones))])
			c := validCalendar(t, rng, loc, first)
			p := Party{Name: fmt.Sprintf("p%d", i), Calendar: c, Optional: i > 0 && rng.IntN(2) == 0}
			if rng.IntN(3) > 0 {
				k := rng.IntN(len(c.Services))
				c.Services[k].Length = length
				c.Services[k].Caps.BookedPerDay, c.Services[k].Caps.BookedPerWeek = 0, 0
				p.Calendar, p.Service = c, c.Services[k].ID
			}
			g.Parties = append(g.Parties, p)
		}
		require.NoError(t, g.Validate())
		start := availability.At(first, availability.Midnight, g.Parties[0].Calendar.zone())
		now := start.Add(time.Duration(rng.IntN(36)) * time.Hour)
		r := availability.Interval{Start: start, End: start.Add(3 * 24 * time.Hour)}
		got, err := g.Find(now, r)
		require.NoError(t, err)

		// The lead: the first required party with a service.
		lead := slices.IndexFunc(g.Parties, func(p Party) bool { return !p.Optional && p.Service != "" })
		want := map[int64][]string{}
		for s := r.Start; !s.Add(length).After(r.End); s = s.Add(5 * time.Minute) {
			if lead < 0 && !aligned(s.In(g.Parties[0].Calendar.zone()), int(DefaultAlign/time.Minute)) {
				continue
			}
			var attending []string
			ok := true
			for _, p := range g.Parties {
				if accepts(p, now, s, length) {
					attending = append(attending, p.Name)
				} else if !p.Optional {
					ok = false
				}
			}
			if ok && (lead < 0 || accepts(g.Parties[lead], now, s, length)) {
				want[s.Unix()] = attending
			}
		}
		require.Len(t, got, len(want), "iteration %d", iter)
		for _, p := range got {
			require.Equal(t, want[p.Session.Start.Unix()], p.Attending, "iteration %d at %s", iter, p.Session)
			require.Equal(t, length, p.Session.Duration())
			for _, a := range p.Absent {
				require.NotEmpty(t, a.Reasons, "iteration %d: %s at %s", iter, a.Party, p.Session)
				party := g.Parties[slices.IndexFunc(g.Parties, func(q Party) bool { return q.Name == a.Party })]
				if party.Service != "" {
					require.Equal(t, party.Calendar.Check(now, party.Service, p.Session.Start).Reasons, a.Reasons)
				}
			}
		}
		// Without the optional parties: the same times.
		required := g
		required.Parties = slices.DeleteFunc(slices.Clone(g.Parties), func(p Party) bool { return p.Optional })
		again, err := required.Find(now, r)
		require.NoError(t, err)
		require.Len(t, again, len(got), "iteration %d", iter)
		for _, p := range again {
			_, ok := want[p.Session.Start.Unix()]
			require.True(t, ok, "iteration %d: %s", iter, p.Session)
		}
	}
}

// validCalendar returns a random calendar that passes Validate.
func validCalendar(t testing.TB, rng *rand.Rand, loc *time.Location, first availability.Date) Calendar {
	t.Helper()
	for {
		c := randomCalendar(t, rng, loc, first)
		if c.Validate() == nil {
			return c
		}
	}
}
