package booking

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"sort"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Session is one booked session: the host's ID for it, the service
// booked, a reference to the client, and when it takes place.
type Session struct {
	// ID identifies the session among the calendar's; it is required and
	// unique, so that refusals can name the session they clash with and
	// sessions can be cancelled and moved.
	ID string `json:"id"`
	// Service is the ID of the service booked. A session whose service the
	// calendar no longer offers still takes its time, without buffers.
	Service string `json:"service,omitempty"`
	// Client is the host's reference to the client, such as an account
	// ID. The library never shows it in a sentence.
	Client string `json:"client,omitempty"`
	availability.Interval
}

// Errors of the Sessions operations, matched with errors.Is.
var (
	// ErrDuplicate: a session with the same ID is already booked.
	ErrDuplicate = errors.New("session already booked")
	// ErrNotFound: no session has the ID.
	ErrNotFound = errors.New("no such session")
)

// Sessions are the sessions already booked on a calendar, sorted by start.
// Unlike an availability.Set they keep each session apart: two
// back-to-back sessions are two sessions, which matters for caps, and
// sessions may overlap (double bookings happen, and clients of a group
// session share its time).
//
// Sessions are immutable: Add, Cancel and Move return new Sessions and
// never change the one they are called on, so a Sessions is safe for
// concurrent use. They cost one copy of the sessions each. The zero
// Sessions holds none.
type Sessions struct {
	list   []Session   // non-empty intervals, sorted by Start, then End, then ID
	maxEnd []time.Time // maxEnd[i] is the latest End among list[:i+1]
	all    tally       // counts of every session
	// byService counts the sessions of each service; nil when there are
	// none.
	byService map[string]*tally
	// byID holds the positions in list in order of ID, to find a session
	// by its ID.
	byID []int32
}

// A tally counts sessions for caps: pos are positions in the list, in
// order, and n[k] and d[k] count the sessions among pos[:k] and their
// booked time, the clients of a group session once.
type tally struct {
	pos []int32
	n   []int32
	d   []time.Duration
}

// add counts the session at position i, once unless it repeats a group
// session already counted.
func (t *tally) add(i int, x Session, repeat bool) {
	if len(t.n) == 0 {
		t.n, t.d = append(t.n, 0), append(t.d, 0)
	}
	k := len(t.pos)
	t.pos = append(t.pos, int32(i))
	n, d := t.n[k], t.d[k]
	if !repeat {
		n, d = n+1, d+x.Duration()
	}
	t.n, t.d = append(t.n, n), append(t.d, d)
}

// NewSessions returns the sessions given, in any order. It returns an
// error for a session without an ID or time, and for an ID given twice.
func NewSessions(sessions ...Session) (Sessions, error) {
	seen := make(map[string]int, len(sessions))
	for i, s := range sessions {
		if err := s.check(); err != nil {
			return Sessions{}, fmt.Errorf("session %d: %w", i, err)
		}
		if j, ok := seen[s.ID]; ok {
			return Sessions{}, fmt.Errorf("%w: sessions %d and %d are both %s", ErrDuplicate, j, i, prose.Quote(s.ID))
		}
		seen[s.ID] = i
	}
	return build(slices.Clone(sessions)), nil
}

// check reports a session without an ID or whose end is not after its
// start.
func (s Session) check() error {
	switch {
	case s.ID == "":
		return fmt.Errorf("%w: a session needs an ID", problem.ErrInvalid)
	case s.IsEmpty():
		return fmt.Errorf("%w: session %s ends at %s, not after it starts at %s", problem.ErrInvalid, prose.Quote(s.ID), s.End.Format(time.RFC3339), s.Start.Format(time.RFC3339))
	}
	return nil
}

// build sorts list, which it takes over, and indexes it.
func build(list []Session) Sessions {
	slices.SortFunc(list, func(a, b Session) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		if c := a.End.Compare(b.End); c != 0 {
			return c
		}
		return cmpString(a.ID, b.ID)
	})
	s := Sessions{list: list, maxEnd: make([]time.Time, len(list))}
	if len(list) > 0 {
		s.byService = map[string]*tally{}
		s.byID = make([]int32, len(list))
		for i := range s.byID {
			s.byID[i] = int32(i)
		}
		slices.SortFunc(s.byID, func(a, b int32) int { return cmpString(list[a].ID, list[b].ID) })
	}
	run := 0 // the first session with the same interval as the current one
	for i, x := range list {
		s.maxEnd[i] = x.End
		if i > 0 && s.maxEnd[i-1].After(x.End) {
			s.maxEnd[i] = s.maxEnd[i-1]
		}
		if !list[run].Interval.Equal(x.Interval) {
			run = i
		}
		// A session of the same service and time as an earlier one is
		// another client of the same group session.
		repeat := slices.ContainsFunc(list[run:i], func(y Session) bool { return y.Service == x.Service })
		s.all.add(i, x, repeat)
		t := s.byService[x.Service]
		if t == nil {
			t = &tally{}
			s.byService[x.Service] = t
		}
		t.add(i, x, repeat)
	}
	return s
}

// count returns how many sessions, of service when it is not nil, start
// in [from, to), and their booked time, the clients of a group session
// once, leaving out the session at position except (−1 for none).
func (s *Sessions) count(service *string, from, to time.Time, except int) (int, time.Duration) {
	t := &s.all
	if service != nil {
		if t = s.byService[*service]; t == nil {
			return 0, 0
		}
	}
	if len(t.pos) == 0 {
		return 0, 0
	}
	at := func(u time.Time) int {
		return sort.Search(len(t.pos), func(k int) bool { return !s.list[t.pos[k]].Start.Before(u) })
	}
	i, j := at(from), at(to)
	n, d := int(t.n[j]-t.n[i]), t.d[j]-t.d[i]
	if except >= 0 {
		// Leave the session out when it is counted in the range: its
		// position is in pos[i:j], and it is not a repeat.
		k := sort.Search(len(t.pos), func(k int) bool { return t.pos[k] >= int32(except) })
		if k >= i && k < j && t.pos[k] == int32(except) && t.n[k+1] > t.n[k] && !s.hasRepeat(except) {
			n, d = n-1, d-s.list[except].Duration()
		}
	}
	return n, d
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Len returns the number of sessions.
func (s Sessions) Len() int { return len(s.list) }

// All returns the sessions in order of start.
func (s Sessions) All() iter.Seq[Session] {
	return func(yield func(Session) bool) {
		for _, x := range s.list {
			if !yield(x) {
				return
			}
		}
	}
}

// Get returns the session with the ID, and whether there is one.
func (s Sessions) Get(id string) (Session, bool) {
	if i := s.index(id); i >= 0 {
		return s.list[i], true
	}
	return Session{}, false
}

// index returns the position of the session with the ID, or −1.
func (s Sessions) index(id string) int {
	k := sort.Search(len(s.byID), func(k int) bool { return s.list[s.byID[k]].ID >= id })
	if k < len(s.byID) && s.list[s.byID[k]].ID == id {
		return int(s.byID[k])
	}
	return -1
}

// Add returns the sessions with x added. It fails with ErrDuplicate when a
// session with x's ID is booked, and with an error matching
// problem.ErrInvalid when x has no ID or no time. It does not check that x
// is bookable: see Calendar.Check.
func (s Sessions) Add(x Session) (Sessions, error) {
	if err := x.check(); err != nil {
		return s, err
	}
	if s.index(x.ID) >= 0 {
		return s, fmt.Errorf("%w: %s", ErrDuplicate, prose.Quote(x.ID))
	}
	i := sort.Search(len(s.list), func(i int) bool {
		y := s.list[i]
		if c := y.Start.Compare(x.Start); c != 0 {
			return c > 0
		}
		if c := y.End.Compare(x.End); c != 0 {
			return c > 0
		}
		return y.ID > x.ID
	})
	return build(slices.Insert(slices.Clip(s.list), i, x)), nil
}

// Cancel returns the sessions without the one with the ID, and whether
// there was one.
func (s Sessions) Cancel(id string) (Sessions, bool) {
	i := s.index(id)
	if i < 0 {
		return s, false
	}
	return build(slices.Delete(slices.Clone(s.list), i, i+1)), true
}

// Move returns the sessions with the one with the ID moved to start at
// start, keeping its length; it fails with ErrNotFound when there is none.
// It does not check that the new time is bookable: see Calendar.CheckMove.
func (s Sessions) Move(id string, start time.Time) (Sessions, error) {
	i := s.index(id)
	if i < 0 {
		return s, fmt.Errorf("%w: %s", ErrNotFound, prose.Quote(id))
	}
	list := slices.Clone(s.list)
	list[i].Interval = availability.IntervalOf(start, list[i].Duration())
	return build(list), nil
}

// startingBefore returns the number of sessions that start before t.
func (s Sessions) startingBefore(t time.Time) int {
	return sort.Search(len(s.list), func(i int) bool { return !s.list[i].Start.Before(t) })
}

// hasRepeat reports whether another client books the group session at
// position i: a later session of the same service and time.
func (s *Sessions) hasRepeat(i int) bool {
	x := s.list[i]
	for _, y := range s.list[i+1:] {
		if !y.Interval.Equal(x.Interval) {
			return false
		}
		if y.Service == x.Service {
			return true
		}
	}
	return false
}

// In returns the sessions that share an instant with r, in order of start.
// It costs a binary search and the sessions it hands out.
func (s Sessions) In(r availability.Interval) iter.Seq[Session] {
	return func(yield func(Session) bool) {
		for _, x := range s.around(r) {
			if x.End.After(r.Start) && !yield(x) {
				return
			}
		}
	}
}

// around returns the sessions that may share an instant with r: those
// that start before r ends and are not all over by r.Start (maxEnd never
// decreases), among which some may end before r starts.
func (s *Sessions) around(r availability.Interval) []Session {
	if r.IsEmpty() {
		return nil
	}
	hi := s.startingBefore(r.End)
	lo := sort.Search(hi, func(i int) bool { return s.maxEnd[i].After(r.Start) })
	return s.list[lo:hi]
}

// MarshalJSON encodes the sessions as an array, in order of start.
func (s Sessions) MarshalJSON() ([]byte, error) {
	if s.list == nil {
		return []byte("[]"), nil
	}
	return strictjson.Marshal(s.list)
}

// UnmarshalJSON decodes an array of sessions in any order, up to
// MaxSessions of them in 16 MiB. A session without an ID or whose end is
// not after its start, and an ID given twice, are problems at their path:
// stored bookings that make no sense should not vanish unnoticed.
func (s *Sessions) UnmarshalJSON(data []byte) error {
	var list []Session
	// A session is an element with at most five members.
	if err := strictjson.Unmarshal(data, &list, strictjson.Limits{MaxBytes: 16 << 20, MaxElements: 6*MaxSessions + 1}); err != nil {
		return err
	}
	var l problem.List
	if len(list) > MaxSessions {
		l.Add("", problem.TooMany, "%d sessions; at most %d are allowed", len(list), MaxSessions)
		return l
	}
	seen := make(map[string]int, len(list))
	for i, x := range list {
		at := problem.Index("", i)
		switch {
		case x.ID == "":
			l.Add(problem.Join(at, "id"), problem.Required, "a session needs an ID")
		case x.IsEmpty():
			l.Add(problem.Join(at, "end"), problem.Order, "the session ends at %s, not after it starts at %s", x.End.Format(time.RFC3339), x.Start.Format(time.RFC3339))
		}
		if j, ok := seen[x.ID]; ok && x.ID != "" {
			l.Add(problem.Join(at, "id"), problem.Duplicate, "ID %s is already used by [%d]", prose.Quote(x.ID), j)
		} else {
			seen[x.ID] = i
		}
	}
	if err := l.Err(); err != nil {
		return err
	}
	*s = build(list)
	return nil
}
