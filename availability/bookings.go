package availability

import (
	"iter"
	"slices"
	"sort"
	"time"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// Bookings are the sessions already booked, sorted by start. Unlike a Set
// they keep each session apart: two back-to-back sessions are two bookings,
// which matters for caps. Bookings may overlap (double bookings happen).
// Bookings are immutable and safe for concurrent use; the zero value holds
// none.
type Bookings struct {
	ivs    []Interval      // non-empty, sorted by Start, then End
	maxEnd []time.Time     // maxEnd[i] is the latest End among ivs[:i+1]
	sumDur []time.Duration // sumDur[i] is the total length of ivs[:i]
}

// NewBookings returns the bookings of the given sessions, in any order.
// Empty intervals are dropped.
func NewBookings(sessions ...Interval) Bookings {
	ivs := make([]Interval, 0, len(sessions))
	for _, iv := range sessions {
		if !iv.IsEmpty() {
			ivs = append(ivs, iv)
		}
	}
	slices.SortStableFunc(ivs, func(a, b Interval) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return a.End.Compare(b.End)
	})
	b := Bookings{ivs: ivs, maxEnd: make([]time.Time, len(ivs)), sumDur: make([]time.Duration, len(ivs)+1)}
	for i, iv := range ivs {
		b.maxEnd[i] = iv.End
		if i > 0 && b.maxEnd[i-1].After(iv.End) {
			b.maxEnd[i] = b.maxEnd[i-1]
		}
		b.sumDur[i+1] = b.sumDur[i] + iv.Duration()
	}
	return b
}

// Len returns the number of bookings.
func (b Bookings) Len() int { return len(b.ivs) }

// All returns the bookings in order of start.
func (b Bookings) All() iter.Seq[Interval] {
	return func(yield func(Interval) bool) {
		for _, iv := range b.ivs {
			if !yield(iv) {
				return
			}
		}
	}
}

// Set returns the time covered by the bookings.
func (b Bookings) Set() Set { return NewSet(b.ivs...) }

// startingBefore returns the number of bookings that start before t.
func (b Bookings) startingBefore(t time.Time) int {
	return sort.Search(len(b.ivs), func(i int) bool { return !b.ivs[i].Start.Before(t) })
}

// Overlapping returns a booking that shares an instant with iv, and whether
// there is one. Of several, it returns the one that starts last.
func (b Bookings) Overlapping(iv Interval) (Interval, bool) {
	if iv.IsEmpty() {
		return Interval{}, false
	}
	for i := b.startingBefore(iv.End) - 1; i >= 0 && b.maxEnd[i].After(iv.Start); i-- {
		if b.ivs[i].End.After(iv.Start) {
			return b.ivs[i], true
		}
	}
	return Interval{}, false
}

// Has reports whether iv is one of the bookings.
func (b Bookings) Has(iv Interval) bool {
	for i := b.startingBefore(iv.Start); i < len(b.ivs) && b.ivs[i].Start.Equal(iv.Start); i++ {
		if b.ivs[i].End.Equal(iv.End) {
			return true
		}
	}
	return false
}

// In returns the bookings that share an instant with r, in order of start.
// It costs a binary search and the bookings it hands out.
func (b Bookings) In(r Interval) iter.Seq[Interval] {
	return func(yield func(Interval) bool) {
		if r.IsEmpty() {
			return
		}
		// The bookings that start before r ends and are not all over by
		// r.Start (maxEnd never decreases).
		hi := b.startingBefore(r.End)
		lo := sort.Search(hi, func(i int) bool { return b.maxEnd[i].After(r.Start) })
		for _, iv := range b.ivs[lo:hi] {
			if iv.End.After(r.Start) && !yield(iv) {
				return
			}
		}
	}
}

// count returns how many bookings start in [from, to) and their total
// length.
func (b Bookings) count(from, to time.Time) (int, time.Duration) {
	if len(b.ivs) == 0 {
		return 0, 0
	}
	i, j := b.startingBefore(from), b.startingBefore(to)
	return j - i, b.sumDur[j] - b.sumDur[i]
}

// busy returns the time the bookings take, each widened by d on both sides;
// a negative d widens nothing.
func (b Bookings) busy(d time.Duration) Set {
	d = max(d, 0)
	ivs := make([]Interval, len(b.ivs))
	for i, iv := range b.ivs {
		ivs[i] = Interval{Start: iv.Start.Add(-d), End: iv.End.Add(d)}
	}
	return Set{ivs: normalize(ivs)}
}

// MarshalJSON encodes the bookings as an array of intervals.
func (b Bookings) MarshalJSON() ([]byte, error) {
	if b.ivs == nil {
		return []byte("[]"), nil
	}
	return strictjson.Marshal(b.ivs)
}

// UnmarshalJSON decodes an array of intervals in any order. A session that
// does not end after it starts is an error, where NewBookings would drop it:
// stored bookings that make no sense should not vanish unnoticed.
func (b *Bookings) UnmarshalJSON(data []byte) error {
	var ivs []Interval
	if err := strictjson.Unmarshal(data, &ivs, strictjson.Limits{}); err != nil {
		return err
	}
	for i, iv := range ivs {
		if iv.IsEmpty() {
			var l problem.List
			l.Add(problem.Join(problem.Index("", i), "end"), problem.Order, "the session ends at %s, not after it starts at %s", iv.End.Format(time.RFC3339), iv.Start.Format(time.RFC3339))
			return l
		}
	}
	*b = NewBookings(ivs...)
	return nil
}
