package availability

import (
	"iter"
	"slices"
	"sort"
	"time"

	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Set is a set of instants stored as sorted, disjoint, non-adjacent,
// non-empty intervals. Sets are immutable values: every operation returns a
// new Set and never changes its operands, so a Set is safe for concurrent
// use. The zero Set is empty and ready to use.
type Set struct {
	// ivs is sorted by Start; each interval is non-empty, and each one ends
	// strictly before the next one starts (touching intervals are merged).
	ivs []Interval
}

// NewSet returns the set of instants covered by any of the intervals. The
// intervals may be in any order, overlap, touch or be empty.
func NewSet(intervals ...Interval) Set {
	ivs := make([]Interval, 0, len(intervals))
	for _, iv := range intervals {
		if !iv.IsEmpty() {
			ivs = append(ivs, iv)
		}
	}
	return Set{ivs: normalize(ivs)}
}

// normalize sorts ivs in place and merges overlapping and touching
// intervals. All intervals must be non-empty.
func normalize(ivs []Interval) []Interval {
	if len(ivs) == 0 {
		return nil
	}
	if !sort.SliceIsSorted(ivs, func(a, b int) bool { return ivs[a].Start.Before(ivs[b].Start) }) {
		slices.SortFunc(ivs, func(a, b Interval) int { return a.Start.Compare(b.Start) })
	}
	out := ivs[:1]
	for _, iv := range ivs[1:] {
		last := &out[len(out)-1]
		if !iv.Start.After(last.End) {
			if iv.End.After(last.End) {
				last.End = iv.End
			}
			continue
		}
		out = append(out, iv)
	}
	return out
}

// IsEmpty reports whether the set contains no instant.
func (s Set) IsEmpty() bool { return len(s.ivs) == 0 }

// Len returns the number of disjoint intervals in the set.
func (s Set) Len() int { return len(s.ivs) }

// All returns the set's intervals in order.
func (s Set) All() iter.Seq[Interval] {
	return func(yield func(Interval) bool) {
		for _, iv := range s.ivs {
			if !yield(iv) {
				return
			}
		}
	}
}

// Intervals returns a copy of the set's intervals in order.
func (s Set) Intervals() []Interval { return slices.Clone(s.ivs) }

// Bounds returns the smallest interval that covers the set, or the empty
// interval for an empty set.
func (s Set) Bounds() Interval {
	if s.IsEmpty() {
		return Interval{}
	}
	return Interval{Start: s.ivs[0].Start, End: s.ivs[len(s.ivs)-1].End}
}

// Duration returns the total time the set covers.
func (s Set) Duration() time.Duration {
	var d time.Duration
	for _, iv := range s.ivs {
		d += iv.Duration()
	}
	return d
}

// find returns the index of the first interval that ends after t.
func (s Set) find(t time.Time) int {
	return sort.Search(len(s.ivs), func(i int) bool { return s.ivs[i].End.After(t) })
}

// Contains reports whether the instant t is in the set.
func (s Set) Contains(t time.Time) bool {
	i := s.find(t)
	return i < len(s.ivs) && !t.Before(s.ivs[i].Start)
}

// Covers reports whether every instant of iv is in the set. An empty
// interval is covered by any set.
func (s Set) Covers(iv Interval) bool {
	if iv.IsEmpty() {
		return true
	}
	i := s.find(iv.Start)
	return i < len(s.ivs) && s.ivs[i].Covers(iv)
}

// Overlaps reports whether iv shares at least one instant with the set.
func (s Set) Overlaps(iv Interval) bool {
	if iv.IsEmpty() {
		return false
	}
	i := s.find(iv.Start)
	return i < len(s.ivs) && s.ivs[i].Start.Before(iv.End)
}

// Containing returns the interval of the set that contains t, and whether
// there is one.
func (s Set) Containing(t time.Time) (Interval, bool) {
	i := s.find(t)
	if i < len(s.ivs) && !t.Before(s.ivs[i].Start) {
		return s.ivs[i], true
	}
	return Interval{}, false
}

// Clip returns the part of the set inside iv.
func (s Set) Clip(iv Interval) Set {
	if iv.IsEmpty() {
		return Set{}
	}
	i := s.find(iv.Start)
	var out []Interval
	for ; i < len(s.ivs) && s.ivs[i].Start.Before(iv.End); i++ {
		out = append(out, s.ivs[i].Intersect(iv))
	}
	return Set{ivs: out}
}

// Union returns the instants in s or in t.
func (s Set) Union(t Set) Set {
	switch {
	case t.IsEmpty():
		return s
	case s.IsEmpty():
		return t
	}
	out := make([]Interval, 0, len(s.ivs)+len(t.ivs))
	i, j := 0, 0
	for i < len(s.ivs) || j < len(t.ivs) {
		var next Interval
		if j == len(t.ivs) || (i < len(s.ivs) && s.ivs[i].Start.Before(t.ivs[j].Start)) {
			next, i = s.ivs[i], i+1
		} else {
			next, j = t.ivs[j], j+1
		}
		if n := len(out); n > 0 && !next.Start.After(out[n-1].End) {
			if next.End.After(out[n-1].End) {
				out[n-1].End = next.End
			}
			continue
		}
		out = append(out, next)
	}
	return Set{ivs: out}
}

// Intersect returns the instants in both s and t.
func (s Set) Intersect(t Set) Set {
	var out []Interval
	i, j := 0, 0
	for i < len(s.ivs) && j < len(t.ivs) {
		if r := s.ivs[i].Intersect(t.ivs[j]); !r.IsEmpty() {
			out = append(out, r)
		}
		if s.ivs[i].End.Before(t.ivs[j].End) {
			i++
		} else {
			j++
		}
	}
	return Set{ivs: out}
}

// Subtract returns the instants in s that are not in t.
func (s Set) Subtract(t Set) Set {
	if s.IsEmpty() || t.IsEmpty() {
		return s
	}
	var out []Interval
	j := 0
	for _, iv := range s.ivs {
		for j < len(t.ivs) && !t.ivs[j].End.After(iv.Start) {
			j++
		}
		cur := iv
		for k := j; k < len(t.ivs) && t.ivs[k].Start.Before(cur.End); k++ {
			if t.ivs[k].Start.After(cur.Start) {
				out = append(out, Interval{Start: cur.Start, End: t.ivs[k].Start})
			}
			cur.Start = later(cur.Start, t.ivs[k].End)
		}
		if !cur.IsEmpty() {
			out = append(out, cur)
		}
	}
	return Set{ivs: out}
}

// Complement returns the instants of within that are not in s.
func (s Set) Complement(within Interval) Set {
	return NewSet(within).Subtract(s)
}

// Equal reports whether s and t hold the same instants.
func (s Set) Equal(t Set) bool {
	return slices.EqualFunc(s.ivs, t.ivs, Interval.Equal)
}

// In returns the same set with every instant expressed in loc.
func (s Set) In(loc *time.Location) Set {
	out := make([]Interval, len(s.ivs))
	for i, iv := range s.ivs {
		out[i] = iv.In(loc)
	}
	return Set{ivs: out}
}

// String formats the set as its intervals in braces.
func (s Set) String() string {
	b := []byte{'{'}
	for i, iv := range s.ivs {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, iv.String()...)
	}
	return string(append(b, '}'))
}

// MarshalJSON encodes the set as an array of {"start", "end"} intervals.
func (s Set) MarshalJSON() ([]byte, error) {
	if s.ivs == nil {
		return []byte("[]"), nil
	}
	return strictjson.Marshal(s.ivs)
}

// UnmarshalJSON decodes an array of intervals in any order and normalizes
// them.
func (s *Set) UnmarshalJSON(b []byte) error {
	var ivs []Interval
	if err := strictjson.Unmarshal(b, &ivs, strictjson.Limits{}); err != nil {
		return err
	}
	*s = NewSet(ivs...)
	return nil
}
