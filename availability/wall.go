package availability

import (
	"math"
	"time"
)

// Wall-clock resolution.
//
// A local date and clock time names zero, one or two instants in a zone:
// zero inside a gap (the clock jumps forward, as New York does from 02:00 to
// 03:00 on its spring-forward day), two inside an overlap (the clock falls
// back and repeats an hour). The library resolves every wall time with the
// rule of RFC 5545 §3.3.5, which calendar software already follows:
//
//   - in a gap, the time is read with the UTC offset in force before the
//     gap, so New York 02:30 on 2026-03-08 is 03:30 EDT (07:30 UTC);
//   - in an overlap, the first occurrence is taken, so New York 01:30 on
//     2026-11-01 is 01:30 EDT (05:30 UTC), not 01:30 EST.
//
// time.Date makes no such promise (it picks 01:30 EST for the New York gap
// but 03:30 CEST for Berlin), so the library never relies on its choice.

// epochDays is Date{1970, 1, 1}.days().
const epochDays = 719162

// resolveMargin is larger than any difference between two UTC offsets a
// zone has used (Pacific/Apia moved from −10 to +14 in 2011; local mean
// times reach ±16h), so two readings of the same wall time are never
// farther apart than this.
const resolveMargin = 30 * 3600

// wallUnix returns the Unix seconds of the wall time d c read as UTC.
func wallUnix(d Date, c Clock) int64 {
	return int64(d.days()-epochDays)*86400 + int64(c)*60
}

// At returns the instant at which the wall clock in loc shows clock c on
// date d, resolved as described in the package documentation (RFC 5545:
// a time in a gap is read with the offset before the gap; in an overlap the
// first occurrence wins). The result is expressed in loc. Like time.Date,
// At panics if loc is nil.
func At(d Date, c Clock, loc *time.Location) time.Time {
	z := zoneCursor{loc: loc}
	return time.Unix(z.resolve(wallUnix(d, c)), 0).In(loc)
}

// A zoneCursor resolves wall times in one location. It remembers the zone
// period (a span between two transitions) it last used, so resolving the
// wall times of consecutive days costs one comparison each, far from
// transitions. It is a local helper of one computation, never shared.
type zoneCursor struct {
	loc        *time.Location
	start, end int64 // the remembered period [start, end), Unix seconds
	offset     int64 // its UTC offset in seconds
	ok         bool  // whether a period is remembered
}

// period returns the zone period that contains Unix second u.
func (z *zoneCursor) period(u int64) (start, end, offset int64) {
	t := time.Unix(u, 0).In(z.loc)
	_, off := t.Zone()
	s, e := t.ZoneBounds()
	start, end = math.MinInt64, math.MaxInt64
	if !s.IsZero() {
		start = s.Unix()
	}
	if !e.IsZero() {
		end = e.Unix()
	}
	return start, end, int64(off)
}

// periodEnd returns the end of the zone period that contains Unix second
// u: the next transition, or math.MaxInt64 when there is none.
func (z *zoneCursor) periodEnd(u int64) int64 {
	if !z.ok || u < z.start || u >= z.end {
		z.start, z.end, z.offset = z.period(u)
		z.ok = true
	}
	return z.end
}

// resolve returns the Unix second for wall time w (wall clock read as UTC).
func (z *zoneCursor) resolve(w int64) int64 {
	if z.ok {
		c := w - z.offset
		if c-resolveMargin >= z.start && c+resolveMargin < z.end {
			return c
		}
	}
	return z.resolveSlow(w)
}

// resolveSlow walks the zone periods that could hold wall time w, in
// order, and returns the first instant that shows w, or, when w falls in a
// gap, the reading with the offset before the gap. It remembers the period
// of the instant it returns.
func (z *zoneCursor) resolveSlow(w int64) int64 {
	u := w - resolveMargin
	var prevOffset int64
	havePrev := false
	for u <= w+resolveMargin {
		start, end, off := z.period(u)
		c := w - off
		switch {
		case c >= start && c < end:
			// The first, so the earliest, occurrence; c lies in the
			// period just read.
			z.start, z.end, z.offset, z.ok = start, end, off, true
			return c
		case c < start && havePrev:
			c = w - prevOffset // a gap: use the offset before it
			z.start, z.end, z.offset = z.period(c)
			z.ok = true
			return c
		}
		if end <= u || end == math.MaxInt64 {
			break // the last period, or instants beyond what time.Time represents
		}
		prevOffset, havePrev = off, true
		u = end
	}
	// Not reached for real zone data and representable instants; fall back
	// to the offset at w read as an instant.
	_, _, off := z.period(w)
	c := w - off
	z.start, z.end, z.offset = z.period(c)
	z.ok = true
	return c
}
