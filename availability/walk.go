package availability

import (
	"math"
	"slices"
	"time"
)

// A sec is a span of instants [s, e) in Unix seconds. Schedules resolve
// wall times to whole seconds, so the walk works on seconds and makes
// time.Time values only for what it hands out.
type sec struct{ s, e int64 }

// A dayWalker computes a schedule's time one local date at a time, in
// order: for each date, the working and the protected time within it, from
// its midnight to the next one. A window belongs to the date it starts on
// and reaches at most a day of wall time past its start, which a zone
// transition can stretch by up to a day more (Pacific/Apia skipped
// 2011-12-30, so a Thursday window ending at 02:00 ended on Saturday), so
// the time within a date comes from the windows of that date and of the
// two before it. The walker resolves each window once, keeping the
// windows of the two dates before, and looks dates up in a plan of the
// schedule's overrides and closures made once per 64 dates.
//
// It is a local helper of one computation, never shared. No field points
// into the walker itself, so it can be copied and live on its caller's
// stack, but a copy shares the buffers of a schedule with many windows:
// only one of them may go on walking.
type dayWalker struct {
	s    Schedule // a copy, so that the walker holds no pointer to its caller's value
	z    zoneCursor
	num  int          // the day number (Date.days) of the next date to compute
	wd   time.Weekday // its weekday
	lo   int64        // its midnight, Unix seconds
	plan dayPlan

	// The windows that start on the last three dates computed: date
	// day−1−k is in slot (n−1−k) mod 3, where n counts the dates computed.
	slots [3]windowsOf
	n     int

	// work counts the windows resolved, which MaxWork bounds.
	work int
}

// MaxWork is the most windows one query resolves, counting every window
// of every date it looks at: Open, Working and ProtectedTime over a range,
// business time, NextOpen. A query that would resolve more, on a schedule
// with many windows a day over a long range, returns ErrTooLarge; any
// query within the limits costs at most about a hundred milliseconds and
// fifty megabytes. A year of a schedule with 50 windows a day resolves
// about 18,000.
const MaxWork = 200_000

// windowsOf holds the working and protected windows that start on one
// date, resolved: in the arrays when they fit, the common case, and
// otherwise in slices kept from date to date.
type windowsOf struct {
	workArr, protArr   [6]sec
	nwork, nprot       int
	moreWork, moreProt []sec // used instead of the arrays when they do not fit
	big                bool
	reach              int64 // the latest end of its windows, Unix seconds
}

// windows returns the working and protected windows of the date.
func (o *windowsOf) windows() (work, prot []sec) {
	if o.big {
		return o.moreWork, o.moreProt
	}
	return o.workArr[:o.nwork], o.protArr[:o.nprot]
}

// init readies the walker, which must be new, to walk s from date from.
// The two dates before from are resolved too, for the windows that reach
// into from. The walker is set up in place: it is large, and copying it
// would cost about what a date does.
func (w *dayWalker) init(s *Schedule, from Date) {
	w.s, w.z = *s, zoneCursor{loc: s.location()}
	w.start(from)
}

// start makes the walker compute date from next.
func (w *dayWalker) start(from Date) {
	w.n = 0
	w.plan.start(&w.s)
	d := from.AddDays(-2)
	w.num = d.days()
	w.wd = d.Weekday()
	// Only a window that crosses midnight reaches past its date: without
	// one, the two dates before have nothing to resolve.
	crosses := crossesMidnight(&w.s)
	for range 2 {
		if crosses {
			w.resolve()
		} else {
			w.slots[w.n%3] = windowsOf{reach: math.MinInt64}
			w.n++
		}
		w.num++
		w.wd = (w.wd + 1) % 7
	}
	w.lo = w.z.resolve(w.wall(0, Midnight))
}

// resolve resolves the windows that start on date w.num, whose weekday is
// w.wd, into the next slot.
func (w *dayWalker) resolve() {
	slot := &w.slots[w.n%3]
	w.n++
	s := &w.s
	kind, i := w.plan.kind(s, w.num)
	slot.big = len(s.Hours) > len(slot.workArr) || len(s.Protected) > len(slot.protArr) ||
		kind == dayOverride && len(s.Overrides[i].Hours) > len(slot.workArr)
	// The arrays and the slices are filled apart, so that no field of
	// the walker points into the walker and it can stay on the stack.
	if slot.big {
		slot.moreWork = w.working(slot.moreWork[:0], kind, i)
		slot.moreProt = w.protected(slot.moreProt[:0])
	} else {
		slot.nwork = len(w.working(slot.workArr[:0], kind, i))
		slot.nprot = len(w.protected(slot.protArr[:0]))
	}
	work, prot := slot.windows()
	w.work += len(work) + len(prot)
	slot.reach = math.MinInt64
	for _, sp := range work {
		slot.reach = max(slot.reach, sp.e)
	}
	for _, sp := range prot {
		slot.reach = max(slot.reach, sp.e)
	}
}

// working appends to dst the working windows of the date being resolved,
// whose hours are of the kind given (an override's when kind is
// dayOverride: override i).
func (w *dayWalker) working(dst []sec, kind dayKind, i int) []sec {
	s := &w.s
	switch kind {
	case dayUsual:
		for j := range s.Hours {
			if h := &s.Hours[j]; h.Days.Has(w.wd) {
				dst = append(dst, w.span(h.Start, h.End))
			}
		}
	case dayOverride:
		for _, h := range s.Overrides[i].Hours {
			dst = append(dst, w.span(h.Start, h.End))
		}
	}
	return dst
}

// protected appends to dst the protected windows of the date being
// resolved.
func (w *dayWalker) protected(dst []sec) []sec {
	for j := range w.s.Protected {
		if p := &w.s.Protected[j]; p.Days.Has(w.wd) {
			dst = append(dst, w.span(p.Start, p.End))
		}
	}
	return dst
}

// tooMuch reports whether the walk has resolved more than MaxWork windows.
func (w *dayWalker) tooMuch() bool { return w.work > MaxWork }

// span resolves the span start–end of the date being resolved; an end not
// after the start is on the next date.
func (w *dayWalker) span(start, end Clock) sec {
	next := 0
	if end <= start {
		next = 1
	}
	return sec{w.z.resolve(w.wall(0, start)), w.z.resolve(w.wall(next, end))}
}

// wall returns the wall time c on the date k days after the one being
// resolved, read as UTC, as wallUnix does.
func (w *dayWalker) wall(k int, c Clock) int64 {
	return int64(w.num+k-epochDays)*86400 + int64(c)*60
}

// next computes the next date: it returns its bounds [lo, hi) and appends
// its working and protected time, clipped to the date, sorted and merged,
// to work and prot.
func (w *dayWalker) next(work, prot []sec) (lo, hi int64, _, _ []sec) {
	w.resolve()
	lo = w.lo
	hi = w.z.resolve(w.wall(1, Midnight))
	w.num, w.wd, w.lo = w.num+1, (w.wd+1)%7, hi
	nw, np := len(work), len(prot)
	for k := range 3 {
		slot := &w.slots[(w.n-1-k+3)%3]
		if k > 0 && slot.reach <= lo {
			continue // the windows of an earlier date end before this one
		}
		sw, sp := slot.windows()
		work = clipInto(work, sw, lo, hi)
		prot = clipInto(prot, sp, lo, hi)
	}
	work = work[:nw+len(mergeSecs(work[nw:]))]
	prot = prot[:np+len(mergeSecs(prot[np:]))]
	return lo, hi, work, prot
}

// clipInto appends to dst the parts of spans within [lo, hi).
func clipInto(dst, spans []sec, lo, hi int64) []sec {
	for _, sp := range spans {
		if s, e := max(sp.s, lo), min(sp.e, hi); s < e {
			dst = append(dst, sec{s, e})
		}
	}
	return dst
}

// mergeSecs sorts spans in place and merges those that overlap or touch.
func mergeSecs(spans []sec) []sec {
	if len(spans) < 2 {
		return spans
	}
	if !slices.IsSortedFunc(spans, cmpSec) {
		slices.SortFunc(spans, cmpSec)
	}
	out := spans[:1]
	for _, sp := range spans[1:] {
		if last := &out[len(out)-1]; sp.s <= last.e {
			last.e = max(last.e, sp.e)
			continue
		}
		out = append(out, sp)
	}
	return out
}

func cmpSec(a, b sec) int {
	switch {
	case a.s < b.s:
		return -1
	case a.s > b.s:
		return 1
	}
	return 0
}

// subtractSecs appends to dst the parts of a, sorted and disjoint, that no
// span of b, sorted and disjoint, covers.
func subtractSecs(dst, a, b []sec) []sec {
	j := 0
	for _, sp := range a {
		for j < len(b) && b[j].e <= sp.s {
			j++
		}
		cur := sp
		for k := j; k < len(b) && b[k].s < cur.e; k++ {
			if b[k].s > cur.s {
				dst = append(dst, sec{cur.s, b[k].s})
			}
			cur.s = max(cur.s, b[k].e)
		}
		if cur.s < cur.e {
			dst = append(dst, cur)
		}
	}
	return dst
}

// A dayPlan says what governs the working hours of 64 consecutive dates,
// so that a walk looks each date up once instead of scanning the
// schedule's overrides and closures for each.
type dayPlan struct {
	ok    bool      // whether the plan holds anything
	first int       // the day number (Date.days) of its first date
	at    [64]int32 // per date: 0 usual, i+1 override i, −i−1 closure i
	// The day numbers of the schedule's effective period, inclusive.
	effFrom, effThrough int
}

// start readies the plan for a walk of s.
func (p *dayPlan) start(s *Schedule) {
	p.ok = false
	p.effFrom, p.effThrough = math.MinInt, math.MaxInt
	if e := s.Effective; !e.From.IsZero() {
		p.effFrom = e.From.days()
	}
	if e := s.Effective; !e.Through.IsZero() {
		p.effThrough = e.Through.days()
	}
}

// kind returns what governs the date whose day number is num, as
// Schedule.day does.
func (p *dayPlan) kind(s *Schedule, num int) (dayKind, int) {
	effective := num >= p.effFrom && num <= p.effThrough
	if len(s.Overrides) == 0 && len(s.Closures) == 0 {
		if !effective {
			return dayIneffective, -1
		}
		return dayUsual, -1
	}
	k := num - p.first
	if !p.ok || k < 0 || k >= len(p.at) {
		p.fill(s, dateFromDays(num), num)
		k = 0
	}
	switch v := p.at[k]; {
	case v > 0:
		if s.Overrides[v-1].Closed {
			return dayClosed, int(v - 1)
		}
		return dayOverride, int(v - 1)
	case !effective:
		return dayIneffective, -1
	case v < 0:
		return dayClosure, int(-v - 1)
	}
	return dayUsual, -1
}

// fill plans the 64 dates from first on; num is first's day number.
func (p *dayPlan) fill(s *Schedule, first Date, num int) {
	p.ok, p.first, p.at = true, num, [64]int32{}
	last := first.AddDays(len(p.at) - 1)
	// Closures in reverse order, so that the first one listed wins, as in
	// Schedule.day; then overrides, which win over closures.
	for i := len(s.Closures) - 1; i >= 0; i-- {
		c := &s.Closures[i]
		if c.Through.Before(first) || c.From.After(last) {
			continue
		}
		from, through := max(0, c.From.days()-num), min(len(p.at)-1, c.Through.days()-num)
		for k := from; k <= through; k++ {
			p.at[k] = int32(-i - 1)
		}
	}
	for i := len(s.Overrides) - 1; i >= 0; i-- {
		o := &s.Overrides[i]
		if o.Date.Before(first) || o.Date.After(last) || !o.Date.IsValid() {
			continue
		}
		p.at[o.Date.days()-num] = int32(i + 1)
	}
}
