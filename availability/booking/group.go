package booking

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// MaxParties is the most calendars one group search takes.
const MaxParties = 64

// MaxGroupWork is the most party-times one group search checks: a party at
// one start the required parties are all free at. A search that would
// check more returns availability.ErrTooLarge once it has checked that
// many, so that any search costs at most about a quarter of a second. Four
// weeks on a 30-minute grid for 64 parties check at most 86,016; a year on
// a one-minute grid for 64 parties would check 33 million.
const MaxGroupWork = 2_000_000

// A Group is a session several calendars must be free for at once:
// co-therapy with two providers, supervision, a session in a shared room,
// a client's own times, and optional participants.
type Group struct {
	// Parties are the calendars that take part. At least one is required.
	Parties []Party `json:"parties"`
	// Length is the length of the session.
	Length time.Duration `json:"length"`
	// Limit is the most proposals Find returns; zero means 10.
	Limit int `json:"limit,omitzero"`
}

// A Party is one calendar in a group: a provider who gives the session
// (with Service, whose rules apply: alignment, notice, buffers, hours,
// caps), or a room, a colleague's or a client's calendar that only needs
// to be open and free (without Service). A client's calendar can be just a
// schedule of the times that suit them, in their own zone.
type Party struct {
	// Name is how sentences call the party, such as "Dr. Kovač" or
	// "Room 2".
	Name     string   `json:"name"`
	Calendar Calendar `json:"calendar"`
	// Service is the ID of the service the party gives; it must take
	// sessions of the group's Length. Empty means the party only needs to
	// be free.
	Service string `json:"service,omitempty"`
	// Optional parties are welcome but not needed: proposals suit as many
	// of them as they can, and say who cannot come and why.
	Optional bool `json:"optional,omitzero"`
}

// A Proposal is a time the group can meet: Attending names every party
// that can come, in the order of the group's parties (every required party
// among them), and Absent the optional parties that cannot, each with its
// reasons.
type Proposal struct {
	Session   availability.Interval `json:"session"`
	Attending []string              `json:"attending"`
	Absent    []Absence             `json:"absent,omitempty"`
}

// An Absence says why a party cannot come to a proposal.
type Absence struct {
	Party   string                `json:"party"`
	Reasons []availability.Reason `json:"reasons"`
}

// ErrGroup is matched by the errors of a group that cannot be searched.
var ErrGroup = errors.New("invalid group")

// A member is a party prepared for one search.
type member struct {
	p   *Party
	c   Calendar
	svc *Service // the party's service, or a stand-in that only asks for free time
	own bool     // whether svc is the party's own
	q   *query
	// free is the member's free time in the chunk being searched, and at
	// the index of the first interval that may hold the next start.
	free []availability.Interval
	at   int
}

// A candidate is a time the required parties can all take, with the set
// of members who can, by index.
type candidate struct {
	session availability.Interval
	can     uint64
	n       int // how many members can
}

// Find returns the times in r at which every required party can take the
// session, as each one's Check (or, for a party without a service, its
// open time, sessions and busy time) decides alone, the most optional
// parties first and then the earliest, at most Limit of them. Starts
// follow the grid of the first required party with a service, or when none
// has one DefaultAlign in the first required party's zone; proposals are
// expressed in that party's zone (or its calendar's view).
//
// Find computes free time a week at a time, then in longer chunks, and
// stops as soon as it has Limit times that suit every party, so that the
// first proposals of a long range cost about what a week does.
//
// It returns an error matching ErrGroup for a group whose parties, length
// or limit do not validate (no required party, more than MaxParties, a
// party's service unknown or of another length), with the problem.List
// that says why; availability.ErrRangeTooLong for an r longer than
// availability.MaxRange; availability.ErrTooLarge for a search that would
// check more than MaxGroupWork party-times; and the errors of Slots for an
// unusable calendar. It does not validate the parties' calendars: see
// Validate.
func (g Group) Find(now time.Time, r availability.Interval) ([]Proposal, error) {
	members, err := g.prepare(now, r)
	if err != nil {
		return nil, err
	}
	// Starts follow the lead's grid: the first required party with a
	// service, or the first required party. A party that only needs to
	// be free takes any minute, so without a service the grid is
	// DefaultAlign. Candidates start within every required party's
	// bounds.
	lead := -1
	var lower, last time.Time
	for i := range members {
		m := &members[i]
		if m.p.Optional {
			continue
		}
		if lead < 0 {
			lower, last = m.q.lower, m.q.last
		} else {
			lower, last = later(lower, m.q.lower), earlier(last, m.q.last)
		}
		if lead < 0 || (!members[lead].own && m.own) {
			lead = i
		}
	}
	lq := *members[lead].q
	if !members[lead].own {
		lq.step = int(DefaultAlign / time.Minute)
	}
	limit := g.Limit
	if limit <= 0 {
		limit = 10
	}
	all := len(members)
	// The best first: the most attending, then the earliest. Candidates
	// come in order of start, so keeping the best limit of them now and
	// then keeps memory bounded, and once limit of them suit everyone no
	// later one can be better.
	var out []candidate
	best := func() {
		slices.SortStableFunc(out, func(a, b candidate) int { return cmp.Compare(b.n, a.n) })
		out = out[:min(limit, len(out))]
	}
	everyone, work := 0, 0
	for from, size := lower, firstChunk; everyone < limit && !from.After(last); from, size = from.Add(size), maxChunk {
		lastStart := earlier(last, from.Add(size-time.Nanosecond))
		both, err := freeTogether(members, availability.Interval{Start: from, End: lastStart.Add(g.Length)})
		if err != nil {
			return nil, err
		}
	search:
		for _, f := range both {
			last := min(lastStart.Unix(), f.End.Add(-g.Length).Unix())
			for u := lq.align(ceilUnix(f.Start)); u <= last; u = lq.next(u) {
				if work += len(members); work > MaxGroupWork {
					return nil, fmt.Errorf("%w: a search of %s for %d parties checks more than %d party-times", availability.ErrTooLarge, prose.Duration(r.Duration()), len(members), MaxGroupWork)
				}
				session := availability.IntervalOf(time.Unix(u, 0).In(lq.loc), g.Length)
				c, ok := accept(members, session)
				if !ok {
					continue
				}
				if out = append(out, c); c.n == all {
					if everyone++; everyone >= limit {
						break search
					}
				}
				if len(out) >= 2*limit+64 {
					best()
				}
			}
		}
	}
	best()
	proposals := make([]Proposal, len(out))
	for i, c := range out {
		p := Proposal{Session: c.session.In(lq.out), Attending: make([]string, 0, c.n)}
		for k := range members {
			if c.can&(1<<k) != 0 {
				p.Attending = append(p.Attending, members[k].p.Name)
			} else {
				p.Absent = append(p.Absent, absence(now, &members[k], c.session))
			}
		}
		proposals[i] = p
	}
	return proposals, nil
}

// prepare checks the group and prepares its members for a search of r.
func (g *Group) prepare(now time.Time, r availability.Interval) ([]member, error) {
	if err := g.validate(false); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrGroup, err)
	}
	if r.Duration() > availability.MaxRange {
		return nil, fmt.Errorf("%w: %s is longer than %s", availability.ErrRangeTooLong, prose.Duration(r.Duration()), prose.Duration(availability.MaxRange))
	}
	members := make([]member, len(g.Parties))
	for i := range g.Parties {
		p := &g.Parties[i]
		m := member{p: p, c: p.Calendar}
		if p.Service != "" {
			m.svc, _ = m.c.service(p.Service) // validate checked it is offered
			m.own = true
		} else {
			m.svc = &Service{ID: "", Length: g.Length, Align: time.Minute}
		}
		if _, _, err := m.c.unusable(m.svc); err != nil {
			return nil, fmt.Errorf("parties[%d]: %w", i, err)
		}
		m.q = m.c.query(now, m.svc, r)
		members[i] = m
	}
	return members, nil
}

// freeTogether computes each member's free time in span, within its own
// bounds, and returns the time every required member is free.
func freeTogether(members []member, span availability.Interval) ([]availability.Interval, error) {
	var both availability.Set
	first := true
	for i := range members {
		m := &members[i]
		own := span.Intersect(availability.Interval{Start: m.q.lower, End: m.q.last.Add(m.svc.Length)})
		m.free, m.at = nil, 0
		if !own.IsEmpty() {
			var err error
			if m.free, err = m.q.free(own); err != nil {
				return nil, fmt.Errorf("parties[%d]: %w", i, err)
			}
		}
		free := availability.NewSet(m.free...)
		if m.p.Optional {
			continue
		}
		if first {
			both, first = free, false
		} else {
			both = both.Intersect(free)
		}
	}
	return both.Intervals(), nil
}

// accept returns the candidate session, and whether every required member
// can take it. Sessions must come in order of start.
func accept(members []member, session availability.Interval) (candidate, bool) {
	c := candidate{session: session}
	for i := range members {
		m := &members[i]
		if m.accepts(session) {
			c.can |= 1 << i
			c.n++
		} else if !m.p.Optional {
			return candidate{}, false
		}
	}
	return c, true
}

// accepts reports whether the member can take s, which must not start
// before the sessions asked about since its free time was computed.
func (m *member) accepts(s availability.Interval) bool {
	for m.at < len(m.free) && !m.free[m.at].End.After(s.Start) {
		m.at++
	}
	return m.at < len(m.free) && m.free[m.at].Covers(s) && m.q.bookable(s)
}

// absence says why the member cannot take session.
func absence(now time.Time, m *member, session availability.Interval) Absence {
	var reasons []availability.Reason
	refuse := func(r availability.Reason) { reasons = append(reasons, r) }
	if m.own {
		reasons = m.c.checkSpan(now, m.svc, session, -1).Reasons
	} else {
		if rs, err := m.c.Schedule.CheckOpen(session); err == nil {
			for _, r := range rs {
				refuse(m.c.viewed(r))
			}
		}
		m.c.checkSessions(m.svc, session, -1, refuse)
		m.c.checkBusy(m.svc, session, refuse)
		if len(reasons) == 0 {
			m.c.checkCaps(m.svc, -1, m.svc.Length, availability.DateOf(session.Start.In(m.c.zone())), -1, refuse)
		}
	}
	return Absence{Party: m.p.Name, Reasons: reasons}
}

// Validate reports every problem with the group: no parties, more than
// MaxParties (too_many), none required (required), a party without a
// name or with a name used twice, a length that is not positive, a
// party's service its calendar does not offer (unknown) or whose sessions
// are not the group's length (conflict), and each party's calendar's
// problems under "parties[i].calendar".
func (g Group) Validate() error {
	return g.validate(true)
}

// validate is Validate, with the parties' calendars or without.
func (g *Group) validate(calendars bool) error {
	var l problem.List
	switch {
	case len(g.Parties) == 0:
		l.Add("parties", problem.Required, "a group needs parties")
	case len(g.Parties) > MaxParties:
		l.Add("parties", problem.TooMany, "%d parties; at most %d are allowed", len(g.Parties), MaxParties)
		return l.Err()
	case !slices.ContainsFunc(g.Parties, func(p Party) bool { return !p.Optional }):
		l.Add("parties", problem.Required, "a group needs a party that is not optional")
	}
	switch {
	case g.Length <= 0:
		l.Add("length", problem.Required, "a group needs a positive session length")
	case g.Length > 24*time.Hour:
		l.Add("length", problem.TooLong, "a session of %s is longer than a day", prose.Duration(g.Length))
	}
	if g.Limit < 0 {
		l.Add("limit", problem.Negative, "%d is negative", g.Limit)
	}
	names := map[string]int{}
	for i, p := range g.Parties {
		at := problem.Index("parties", i)
		if p.Name == "" {
			l.Add(problem.Join(at, "name"), problem.Required, "a party needs a name")
		} else if j, ok := names[p.Name]; ok {
			l.Add(problem.Join(at, "name"), problem.Duplicate, "%s is already parties[%d]", prose.Quote(p.Name), j)
		} else {
			names[p.Name] = i
		}
		if calendars {
			if err := p.Calendar.Validate(); err != nil {
				l = append(l, err.(problem.List).Under(problem.Join(at, "calendar"))...)
			}
		}
		if p.Service != "" {
			switch svc, _ := p.Calendar.service(p.Service); {
			case svc == nil:
				l.Add(problem.Join(at, "service"), problem.Unknown, "the calendar offers no service %s", prose.Quote(p.Service))
			case g.Length > 0 && svc.Length != g.Length:
				l.Add(problem.Join(at, "service"), problem.Conflict, "service %s takes %s, the group %s", prose.Quote(p.Service), prose.Duration(svc.Length), prose.Duration(g.Length))
			}
		}
	}
	return l.Err()
}

// MarshalJSON encodes the group.
func (g Group) MarshalJSON() ([]byte, error) {
	type plain Group
	return strictjson.Marshal(plain(g))
}

// UnmarshalJSON decodes a group strictly, within the bounds of one
// calendar's JSON (16 MiB) for all its parties together.
func (g *Group) UnmarshalJSON(b []byte) error {
	type plain Group
	return strictjson.Unmarshal(b, (*plain)(g), strictjson.Limits{MaxBytes: 16 << 20, MaxElements: 8*MaxSessions + 4*MaxBusy})
}
