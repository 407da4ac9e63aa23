package availability

import (
	"fmt"
	"time"
)

// An Interval is the half-open span of time [Start, End): it contains Start
// and every instant before End, but not End itself, so two intervals that
// meet at a point do not overlap.
//
// The zero Interval is empty. An Interval whose End is not after its Start is
// empty too; use IsEmpty rather than comparing with the zero value. Intervals
// compare instants, never wall clocks or locations: an interval written in
// UTC and the same one written in Europe/Berlin are Equal.
type Interval struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// IntervalOf returns the interval that starts at start and lasts d.
func IntervalOf(start time.Time, d time.Duration) Interval {
	return Interval{Start: start, End: start.Add(d)}
}

// IsEmpty reports whether the interval contains no instant.
func (i Interval) IsEmpty() bool { return !i.End.After(i.Start) }

// Duration returns End − Start, or 0 for an empty interval.
func (i Interval) Duration() time.Duration {
	if i.IsEmpty() {
		return 0
	}
	return i.End.Sub(i.Start)
}

// Contains reports whether t lies in [Start, End).
func (i Interval) Contains(t time.Time) bool {
	return !t.Before(i.Start) && t.Before(i.End)
}

// Covers reports whether every instant of j lies in i. An empty j is covered
// by any interval.
func (i Interval) Covers(j Interval) bool {
	if j.IsEmpty() {
		return true
	}
	return !j.Start.Before(i.Start) && !j.End.After(i.End)
}

// Overlaps reports whether i and j share at least one instant.
func (i Interval) Overlaps(j Interval) bool {
	return i.Start.Before(j.End) && j.Start.Before(i.End) && !i.IsEmpty() && !j.IsEmpty()
}

// Intersect returns the instants i and j share; the result is empty when
// they do not overlap.
func (i Interval) Intersect(j Interval) Interval {
	r := Interval{Start: later(i.Start, j.Start), End: earlier(i.End, j.End)}
	if r.IsEmpty() {
		return Interval{}
	}
	return r
}

// In returns the interval with both ends expressed in loc. It is the same
// interval: only the presentation changes.
func (i Interval) In(loc *time.Location) Interval {
	return Interval{Start: i.Start.In(loc), End: i.End.In(loc)}
}

// Equal reports whether i and j hold the same instants. All empty intervals
// are equal.
func (i Interval) Equal(j Interval) bool {
	if i.IsEmpty() || j.IsEmpty() {
		return i.IsEmpty() && j.IsEmpty()
	}
	return i.Start.Equal(j.Start) && i.End.Equal(j.End)
}

// String formats the interval as "[start, end)" with RFC 3339 instants.
func (i Interval) String() string {
	return fmt.Sprintf("[%s, %s)", i.Start.Format(time.RFC3339), i.End.Format(time.RFC3339))
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
