package availability

import (
	"fmt"
	"slices"
	"time"

	"github.com/practicekit/boundaries/internal/prose"
)

// An openWalker hands out a schedule's open time from an instant on, in
// order, computing one local day at a time. The pieces it returns are
// disjoint and non-empty but not merged: a window that crosses midnight
// comes out as two touching pieces. It is a local helper of one
// computation, never shared.
type openWalker struct {
	s     Schedule
	z     zoneCursor
	from  time.Time // no piece starts before from
	until time.Time // no day that starts at or after until is computed
	quiet bool      // stop after BusinessSearch without open time
	day   Date      // the next local date to compute
	empty int       // days computed in a row without open time
	err   error     // why the walk stopped, if it stopped early

	// The pieces of the last computed day are buf[k:n], or extra[k:n] when
	// they do not fit in buf. No field points into the walker itself, so a
	// walker can live on its caller's stack.
	buf   [8]Interval
	extra []Interval
	k, n  int
}

// businessSearchDays is BusinessSearch in days.
const businessSearchDays = int(BusinessSearch / (24 * time.Hour))

// newOpenWalker returns a walker over the open time of s from from on,
// computing no day that starts at or after until; with quiet, it also stops
// after BusinessSearch of days without open time.
func newOpenWalker(s Schedule, from, until time.Time, quiet bool) openWalker {
	loc := s.location()
	w := openWalker{s: s, z: zoneCursor{loc: loc}, from: from, until: until, quiet: quiet, day: DateOf(from.In(loc))}
	if quiet && !s.mayOpen() {
		w.err = ErrNoOpenTime
	}
	return w
}

// next returns the next piece of open time, and false when the walk is
// over: past until, or, with quiet, after BusinessSearch without open time.
func (w *openWalker) next() (Interval, bool) {
	for w.k == w.n {
		if w.err != nil {
			return Interval{}, false
		}
		if w.quiet && w.empty >= businessSearchDays {
			w.err = ErrNoOpenTime
			return Interval{}, false
		}
		lo := time.Unix(w.z.resolve(wallUnix(w.day, Midnight)), 0)
		if !lo.Before(w.until) && lo.After(w.from) {
			w.err = ErrRangeTooLong
			return Interval{}, false
		}
		w.openOn(w.day)
		w.day = w.day.AddDays(1)
		if w.n == 0 {
			w.empty++
		} else {
			w.empty = 0
		}
	}
	var iv Interval
	if w.extra != nil {
		iv = w.extra[w.k]
	} else {
		iv = w.buf[w.k]
	}
	w.k++
	return iv, true
}

// keep stores a day's pieces as the ones next hands out.
func (w *openWalker) keep(pieces []Interval) {
	w.k, w.n, w.extra = 0, len(pieces), nil
	if len(pieces) > len(w.buf) {
		w.extra = slices.Clone(pieces)
		return
	}
	copy(w.buf[:], pieces)
}

// failure returns the error for a walk that ended with d still to go.
func (w *openWalker) failure(d time.Duration) error {
	if w.err == ErrRangeTooLong {
		return fmt.Errorf("%w: %s of business time is not reached within %s of %s", ErrRangeTooLong, prose.Duration(d), prose.Duration(MaxRange), w.from.Format(time.RFC3339))
	}
	return fmt.Errorf("%w: %s of business time still to go and no open time for %s after %s", ErrNoOpenTime, prose.Duration(d), prose.Duration(BusinessSearch), w.from.Format(time.RFC3339))
}

// mayOpen reports whether the schedule has any working window or override
// hours at all; a schedule without them is never open.
func (s *Schedule) mayOpen() bool {
	if len(s.Hours) > 0 {
		return true
	}
	for i := range s.Overrides {
		if !s.Overrides[i].Closed && len(s.Overrides[i].Hours) > 0 {
			return true
		}
	}
	return false
}

// openOn keeps, as the pieces next hands out, the open time of local date d, from its midnight to the
// next one, at or after w.from: the working windows of d and of the day
// before (which may cross into d), merged, minus the protected windows of
// both days.
func (w *openWalker) openOn(d Date) {
	loc := w.z.loc
	lo := time.Unix(w.z.resolve(wallUnix(d, Midnight)), 0).In(loc)
	hi := time.Unix(w.z.resolve(wallUnix(d.AddDays(1), Midnight)), 0).In(loc)
	if lo.Before(w.from) {
		lo = w.from.In(loc)
	}
	day := Interval{Start: lo, End: hi}
	if day.IsEmpty() {
		w.keep(nil)
		return
	}
	var workArr, protArr [8]Interval
	work := workArr[:0]
	for _, dd := range [2]Date{d.AddDays(-1), d} {
		work = w.working(dd, day, work)
	}
	if len(work) == 0 {
		w.keep(nil)
		return
	}
	work = normalize(work)
	prot := protArr[:0]
	for _, dd := range [2]Date{d.AddDays(-1), d} {
		wd := dd.Weekday()
		for j := range w.s.Protected {
			p := &w.s.Protected[j]
			if p.Days.Has(wd) {
				if iv := spanOn(&w.z, dd, p.Start, p.End).Intersect(day); !iv.IsEmpty() {
					prot = append(prot, iv)
				}
			}
		}
	}
	if len(prot) == 0 {
		w.keep(work)
		return
	}
	w.keep(Set{ivs: work}.Subtract(Set{ivs: normalize(prot)}).ivs)
}

// working appends to dst the working windows that start on date d, clipped
// to day. It is Schedule.eachWorking without the rules, which the walk does
// not need, so that it neither allocates nor formats.
func (w *openWalker) working(d Date, day Interval, dst []Interval) []Interval {
	kind, i := w.s.day(d)
	switch kind {
	case dayUsual:
		wd := d.Weekday()
		for j := range w.s.Hours {
			h := &w.s.Hours[j]
			if h.Days.Has(wd) {
				if iv := spanOn(&w.z, d, h.Start, h.End).Intersect(day); !iv.IsEmpty() {
					dst = append(dst, iv)
				}
			}
		}
	case dayOverride:
		for _, h := range w.s.Overrides[i].Hours {
			if iv := spanOn(&w.z, d, h.Start, h.End).Intersect(day); !iv.IsEmpty() {
				dst = append(dst, iv)
			}
		}
	}
	return dst
}

// NextOpen returns the first stretch of open time at or after t: when t is
// open, from t to the end of its stretch, otherwise the next stretch. A
// stretch is open time without a gap, merged across midnight and across
// windows that touch, and cut a week after it starts. It looks
// BusinessSearch ahead and reports false when there is no open time in
// that year. The interval is expressed in the schedule's zone. It returns
// ErrTooLarge when the schedule is beyond the size limits.
func (s Schedule) NextOpen(t time.Time) (Interval, bool, error) {
	if err := s.checkSize(); err != nil {
		return Interval{}, false, err
	}
	w := newOpenWalker(s, t, t.Add(MaxRange), true)
	first, ok := w.next()
	if !ok {
		return Interval{}, false, nil
	}
	return mergeAhead(w, first), true, nil
}

// mergeAhead returns first joined with the pieces of open time that follow
// it without a gap (a window that crosses midnight comes out of the walk in
// two pieces), looking at most a week ahead. It works on a copy of the
// walker. The pieces of one day are apart from each other, so only a piece
// that ends at the day's end can go on in the next day; for any other the
// next day is not computed.
func mergeAhead(w openWalker, first Interval) Interval {
	limit := first.Start.Add(7 * 24 * time.Hour)
	for first.End.Before(limit) {
		if w.k < w.n || first.End.Unix() != w.z.resolve(wallUnix(w.day, Midnight)) {
			break
		}
		iv, ok := w.next()
		if !ok || !iv.Start.Equal(first.End) {
			break
		}
		first.End = iv.End
	}
	return first.In(w.z.loc)
}
