package availability

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// Business time is the schedule's open time (see Schedule.Open): working
// hours as changed by overrides, closures and the effective period, minus
// protected time. It is elapsed time, not wall-clock time: a window that
// crosses a fall-back night holds one hour more of it than its wall clock
// shows, and one that crosses a spring-forward night one hour less.

// ErrNoOpenTime is returned by AddBusiness when the schedule has no open
// time for BusinessSearch after some instant, so the business duration can
// never be reached.
var ErrNoOpenTime = errors.New("no open time")

// BusinessSearch is how long a stretch without any open time AddBusiness
// crosses before it gives up with ErrNoOpenTime: a year, so an away period
// of many months is crossed and a schedule that is never open is not
// searched forever.
const BusinessSearch = 366 * 24 * time.Hour

// AddBusiness returns the earliest instant u at or after t such that the
// schedule holds d of open time between t and u: "4 business hours after
// Friday 16:30", with hours 09:00–17:00 on weekdays, is Monday 12:30. When d
// is used up exactly at the end of an open window, u is that end, not the
// start of the next window. A zero d returns t.
//
// The result is expressed in the schedule's zone. AddBusiness walks the
// schedule one local day at a time and does not materialize its open time.
// It returns ErrNoOpenTime when a stretch of BusinessSearch holds no open
// time, ErrRangeTooLong when u would lie more than MaxRange after t,
// ErrTooLarge when the schedule is beyond the size limits, and an error
// matching ErrInvalid when d is negative.
func (s Schedule) AddBusiness(t time.Time, d time.Duration) (time.Time, error) {
	if d < 0 {
		return time.Time{}, fmt.Errorf("%w: negative business duration %s", ErrInvalid, d)
	}
	if err := s.checkSize(); err != nil {
		return time.Time{}, err
	}
	loc := s.location()
	if d == 0 {
		return t.In(loc), nil
	}
	w := newOpenWalker(s, t, t.Add(MaxRange), true)
	for {
		iv, ok := w.next()
		if !ok {
			return time.Time{}, w.failure(d)
		}
		if n := iv.Duration(); n < d {
			d -= n
			continue
		}
		return iv.Start.Add(d).In(loc), nil
	}
}

// BusinessBetween returns the open time between from and to: the length of
// Open(Interval{from, to}), negated when to is before from. It returns
// ErrRangeTooLong when the two are more than MaxRange apart, and
// ErrTooLarge when the schedule is beyond the size limits.
func (s Schedule) BusinessBetween(from, to time.Time) (time.Duration, error) {
	if to.Before(from) {
		d, err := s.BusinessBetween(to, from)
		return -d, err
	}
	if to.Sub(from) > MaxRange {
		return 0, fmt.Errorf("%w: %s is longer than %s", ErrRangeTooLong, to.Sub(from), MaxRange)
	}
	if err := s.checkSize(); err != nil {
		return 0, err
	}
	if !s.mayOpen() {
		return 0, nil
	}
	var total time.Duration
	w := newOpenWalker(s, from, to, false)
	for {
		iv, ok := w.next()
		if !ok || !iv.Start.Before(to) {
			return total, nil
		}
		total += iv.Intersect(Interval{Start: from, End: to}).Duration()
	}
}

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
		return fmt.Errorf("%w: %s of business time is not reached within %s of %s", ErrRangeTooLong, d, MaxRange, w.from.Format(time.RFC3339))
	}
	return fmt.Errorf("%w: %s of business time still to go and no open time for %s after %s", ErrNoOpenTime, d, BusinessSearch, w.from.Format(time.RFC3339))
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
