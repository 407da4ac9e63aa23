package booking

import (
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/internal/prose"
)

// ErrUnknownService is returned by queries about a service the calendar
// does not offer.
var ErrUnknownService = errors.New("unknown service")

// NextSearch is how far past its starting point Next looks for a slot.
const NextSearch = 366 * 24 * time.Hour

// A query computes free time a chunk at a time: first a week, so that the
// first slot costs about what a week of open time does, whatever the range;
// then up to maxChunk at a time, so that a year costs a few computations of
// open time rather than one a week.
const (
	firstChunk = 7 * 24 * time.Hour
	maxChunk   = 16 * firstChunk
)

// Slots returns the bookable sessions of the service that lie entirely
// within r, in order of start, as Check defines bookable. It computes a
// week at a time as the sequence is read, so the first slot costs about
// what Next does, however long r is. The empty service names the
// calendar's only service.
//
// It returns an error wrapping ErrUnknownService for a service the
// calendar does not offer, problem.ErrInvalid for one without a length or
// with an Align that is not a whole number of minutes,
// availability.ErrRangeTooLong when r or the session is longer than
// availability.MaxRange, and availability.ErrTooLarge for a schedule or
// calendar beyond the size limits.
func (c Calendar) Slots(now time.Time, service string, r availability.Interval) (iter.Seq[availability.Interval], error) {
	svc, _ := c.service(service)
	if svc == nil {
		return nil, fmt.Errorf("%w: %s", ErrUnknownService, c.unknown(service))
	}
	if _, _, err := c.unusable(svc); err != nil {
		return nil, err
	}
	if r.Duration() > availability.MaxRange {
		return nil, fmt.Errorf("%w: %s is longer than %s", availability.ErrRangeTooLong, prose.Duration(r.Duration()), prose.Duration(availability.MaxRange))
	}
	if _, err := c.Schedule.CheckOpen(availability.IntervalOf(r.Start, time.Second)); err != nil {
		return nil, err
	}
	q := c.query(now, svc, r)
	return q.each, nil
}

// Next returns the first bookable session of the service that starts at
// or after after, looking up to NextSearch ahead, and whether there is
// one. Its errors are those of Slots.
func (c Calendar) Next(now time.Time, service string, after time.Time) (availability.Interval, bool, error) {
	svc, _ := c.service(service)
	if svc == nil {
		return availability.Interval{}, false, fmt.Errorf("%w: %s", ErrUnknownService, c.unknown(service))
	}
	slots, err := c.Slots(now, service, availability.Interval{Start: after, End: after.Add(NextSearch + svc.Length)})
	if err != nil {
		return availability.Interval{}, false, err
	}
	for s := range slots {
		return s, true, nil
	}
	return availability.Interval{}, false, nil
}

// A query is one listing of slots.
type query struct {
	c     *Calendar
	svc   *Service
	now   time.Time
	lower time.Time // no slot starts before lower
	last  time.Time // nor after last
	loc   *time.Location
	out   *time.Location // the zone slots are expressed in
	step  int            // the start-time grid, in minutes
	hours *availability.Schedule

	// The period of loc that holds the last instant asked about, and its
	// offset, so that the zone is asked again only past a transition.
	periodStart, periodEnd, off int64
	periodOK                    bool
	// Buffers that free and blocked reuse from one call to the next: each
	// call's result is used before the next call.
	freeBuf, blockedBuf []availability.Interval
	busySets            []availability.Set
	// Whether any caps apply, and the verdict of the last local day
	// asked about, in days since 1970-01-01.
	caps              bool
	capsDay           int64
	capsKnown, capsOK bool
}

// query prepares a listing of the slots of svc in r at now.
func (c *Calendar) query(now time.Time, svc *Service, r availability.Interval) *query {
	loc := c.zone()
	q := &query{c: c, svc: svc, now: now, loc: loc, out: c.out(), step: svc.alignMinutes(),
		caps: !svc.Caps.IsZero() || !c.Caps.IsZero()}
	q.lower = later(r.Start, now.Add(max(svc.MinNotice, 0)))
	q.last = r.End.Add(-svc.Length)
	if svc.Horizon > 0 {
		q.last = earlier(q.last, now.Add(svc.Horizon))
	}
	if d := svc.Dates; !d.From.IsZero() {
		q.lower = later(q.lower, availability.At(d.From, availability.Midnight, loc))
	}
	if d := svc.Dates; !d.Through.IsZero() {
		// Starts on the last date are before the next date's midnight.
		q.last = earlier(q.last, availability.At(d.Through.AddDays(1), availability.Midnight, loc).Add(-time.Nanosecond))
	}
	if len(svc.Hours) > 0 {
		q.hours = &availability.Schedule{Zone: loc, Hours: svc.Hours}
	}
	return q
}

// each yields the slots in order of start, computing them a chunk at a
// time.
func (q *query) each(yield func(availability.Interval) bool) {
	for from, size := q.lower, firstChunk; !from.After(q.last); from, size = from.Add(size), maxChunk {
		if !q.chunk(from, size, yield) {
			return
		}
	}
}

// chunk yields the slots that start in [from, from+size), and reports
// whether to go on.
func (q *query) chunk(from time.Time, size time.Duration, yield func(availability.Interval) bool) bool {
	lastStart := earlier(q.last, from.Add(size-time.Nanosecond))
	free, err := q.free(availability.Interval{Start: from, End: lastStart.Add(q.svc.Length)})
	if err != nil {
		return false // checked by Slots
	}
	return q.starts(free, math.MinInt64, lastStart.Unix(), yield)
}

// starts yields the bookable sessions that lie in the free time free (from
// q.free) and start at Unix seconds lo to hi, in order, and reports
// whether to go on. It steps through each free interval in Unix seconds
// and makes the times of the slots it yields only.
func (q *query) starts(free []availability.Interval, lo, hi int64, yield func(availability.Interval) bool) bool {
	svc := q.svc
	for _, f := range free {
		// Starts are whole seconds, leaving the session within f.
		first, last := max(ceilUnix(f.Start), lo), min(hi, f.End.Add(-svc.Length).Unix())
		if first > hi {
			break
		}
		for u := q.align(first); u <= last; u = q.next(u) {
			start := time.Unix(u, 0).In(q.out)
			session := availability.Interval{Start: start, End: start.Add(svc.Length)}
			joins := false
			if svc.seats() > 1 {
				var ok bool
				if ok, joins = q.seat(session); !ok {
					continue
				}
			}
			if !joins && !q.capsAllow(u) {
				continue
			}
			if !yield(session) {
				return false
			}
		}
	}
	return true
}

// ceilUnix returns the first whole Unix second at or after t.
func ceilUnix(t time.Time) int64 {
	if t.Nanosecond() > 0 {
		return t.Unix() + 1
	}
	return t.Unix()
}

// free returns the time in span that sessions of the service may take,
// in order: open time, within the service's hours, minus what blocked
// returns.
func (q *query) free(span availability.Interval) ([]availability.Interval, error) {
	open, err := q.c.Schedule.Open(span)
	if err != nil {
		return nil, err
	}
	if q.hours != nil {
		hours, err := q.hours.Open(span)
		if err != nil {
			return nil, err
		}
		open = open.Intersect(hours)
	}
	if open.IsEmpty() {
		return nil, nil // nothing to block
	}
	blocked := q.blocked(span)
	out := grow(q.freeBuf, open.Len()+len(blocked))
	j := 0
	for iv := range open.All() {
		for j < len(blocked) && !blocked[j].End.After(iv.Start) {
			j++
		}
		cur := iv
		// blocked is in order of start; its intervals may overlap.
		for k := j; k < len(blocked) && blocked[k].Start.Before(cur.End); k++ {
			if blocked[k].Start.After(cur.Start) {
				out = append(out, availability.Interval{Start: cur.Start, End: blocked[k].Start})
			}
			cur.Start = later(cur.Start, blocked[k].End)
		}
		if cur.Start.Before(cur.End) {
			out = append(out, cur)
		}
	}
	q.freeBuf = out
	return out, nil
}

// grow returns buf emptied, with room for n intervals: buf itself when it
// has the room.
func grow(buf []availability.Interval, n int) []availability.Interval {
	if cap(buf) >= n {
		return buf[:0]
	}
	return make([]availability.Interval, 0, n)
}

// bookable reports whether the session s, which free time covers, is
// bookable: as Check decides, from what is left once free time is known.
func (q *query) bookable(s availability.Interval) bool {
	if s.Start.Before(q.lower) || s.Start.After(q.last) || !q.onGrid(s.Start) {
		return false
	}
	joins := false
	if q.svc.seats() > 1 {
		var ok bool
		if ok, joins = q.seat(s); !ok {
			return false
		}
	}
	return joins || q.capsAllow(s.Start.Unix())
}

// blocked returns the time no session of the service may overlap in span,
// in order of start: each booked session widened by its buffers and the
// service's, and busy time widened by the service's buffers. Sessions of a
// group service of the same service are left to seat, which counts their
// seats.
func (q *query) blocked(span availability.Interval) []availability.Interval {
	c, svc := q.c, q.svc
	before, after := svc.buffers()
	reach := c.maxBuffer() + max(before, after)
	near := availability.Interval{Start: span.Start.Add(-reach), End: span.End.Add(reach)}
	wide := availability.Interval{Start: span.Start.Add(-before - after), End: span.End.Add(before + after)}
	busy := q.busySets[:0]
	n := len(c.Booked.around(near)) + len(c.extra)
	for i := range c.Busy {
		busy = append(busy, c.Busy[i].Times.Clip(wide))
		n += busy[i].Len()
	}
	q.busySets = busy
	// The sessions, in order of start unless their buffers differ; then
	// each source of busy time, in order, merged in: two buffers of n
	// take turns.
	q.blockedBuf = grow(q.blockedBuf, 2*n)[:2*n]
	ivs, other := q.blockedBuf[:0:n], q.blockedBuf[n:n:2*n]
	c.near(near, func(x *Session) bool {
		if svc.seats() > 1 && x.Service == svc.ID {
			return true
		}
		xb, xa := c.buffersOf(x)
		ivs = append(ivs, availability.Interval{Start: x.Start.Add(-xb - after), End: x.End.Add(xa + before)})
		return true
	})
	if !slices.IsSortedFunc(ivs, byStart) {
		slices.SortFunc(ivs, byStart)
	}
	for i := range busy {
		sessions := len(ivs)
		for b := range busy[i].All() {
			ivs = append(ivs, availability.Interval{Start: b.Start.Add(-after), End: b.End.Add(before)})
		}
		other = mergeByStart(other[:0], ivs[:sessions], ivs[sessions:])
		ivs, other = other, ivs
	}
	return ivs
}

// mergeByStart appends to dst, which must not overlap them, the intervals
// of a and b, each in order of start, in order of start.
func mergeByStart(dst, a, b []availability.Interval) []availability.Interval {
	for len(a) > 0 && len(b) > 0 {
		if b[0].Start.Before(a[0].Start) {
			dst, b = append(dst, b[0]), b[1:]
		} else {
			dst, a = append(dst, a[0]), a[1:]
		}
	}
	return append(append(dst, a...), b...)
}

func byStart(a, b availability.Interval) int { return a.Start.Compare(b.Start) }

// seat reports whether a group session at s has a free seat and clashes
// with no other session of its service, and whether it joins one already
// booked.
func (q *query) seat(s availability.Interval) (ok, joins bool) {
	ok = true
	joins = q.c.checkSessions(q.svc, s, -1, func(availability.Reason) { ok = false })
	return ok, joins
}

// capsAllow reports whether the caps of the local date of Unix second u
// allow one more session, remembering the verdict of the last date.
func (q *query) capsAllow(u int64) bool {
	if !q.caps {
		return true
	}
	day := q.day(u)
	if !q.capsKnown || day != q.capsDay {
		q.capsDay, q.capsKnown, q.capsOK = day, true, true
		_, idx := q.c.service(q.svc.ID)
		q.c.checkCaps(q.svc, idx, q.svc.Length, dateOfDays(day), -1, func(availability.Reason) { q.capsOK = false })
	}
	return q.capsOK
}

// onGrid reports whether t is an allowed start time: its local wall time
// is a whole number of steps after midnight, as aligned says.
func (q *query) onGrid(t time.Time) bool {
	return t.Nanosecond() == 0 && q.wallSecond(t.Unix())%(int64(q.step)*60) == 0
}

// wallSecond returns the second of the local day at Unix second u.
func (q *query) wallSecond(u int64) int64 {
	sec := (u + q.offset(u)) % 86400
	if sec < 0 {
		sec += 86400
	}
	return sec
}

// align returns the first allowed start time at or after Unix second u. It
// moves forward in real time towards the next aligned wall time; where a
// zone transition lies on the way, the wall clock jumps there, so it
// restarts from the transition. That finds the second occurrence of a
// repeated wall time after a fall-back, and never steps over an aligned
// time after a gap. Every step moves forward, at most a day of wall time
// or to the next transition, so it ends.
func (q *query) align(u int64) int64 {
	step := int64(q.step) * 60
	for {
		sec := q.wallSecond(u)
		if sec%step == 0 {
			return u
		}
		// The next grid time of the local day; the grid restarts at
		// midnight.
		v := u + min((sec/step+1)*step, 86400) - sec
		if q.periodEnd > u && q.periodEnd <= v {
			v = q.periodEnd
		}
		u = v
	}
}

// next returns the first allowed start time after Unix second u, which is
// one and was the last second align or next looked at. Where the grid
// divides the day and no zone transition comes first, that is one step
// later.
func (q *query) next(u int64) int64 {
	if n := u + int64(q.step)*60; 1440%q.step == 0 && q.periodOK && n >= q.periodStart && n < q.periodEnd {
		return n
	}
	return q.align(u + 60)
}

// offset returns the UTC offset of the zone at Unix second u, remembering
// the zone period that holds u so that the next seconds cost a
// comparison.
func (q *query) offset(u int64) int64 {
	if !q.periodOK || u < q.periodStart || u >= q.periodEnd {
		lt := time.Unix(u, 0).In(q.loc)
		_, off := lt.Zone()
		start, end := lt.ZoneBounds()
		q.periodStart, q.periodEnd, q.off, q.periodOK = math.MinInt64, math.MaxInt64, int64(off), true
		if !start.IsZero() {
			q.periodStart = start.Unix()
		}
		if !end.IsZero() {
			q.periodEnd = end.Unix()
		}
	}
	return q.off
}

// day returns the local date of Unix second u, in days since 1970-01-01.
func (q *query) day(u int64) int64 {
	local := u + q.offset(u)
	days := local / 86400
	if local%86400 < 0 {
		days--
	}
	return days
}

// dateOfDays returns the date days after 1970-01-01.
func dateOfDays(days int64) availability.Date {
	return availability.DateOf(time.Unix(days*86400, 0).UTC())
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
