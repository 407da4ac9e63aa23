package availability

import (
	"fmt"
	"time"

	"github.com/practicekit/boundaries/internal/prose"
)

// An openWalker hands out a schedule's open time from an instant on, in
// order, computing one local date at a time with a dayWalker. The pieces
// it returns are disjoint and non-empty but not merged: a window that
// crosses midnight comes out as two touching pieces. It is a local helper
// of one computation, never shared.
type openWalker struct {
	days  dayWalker
	loc   *time.Location
	from  time.Time // no piece starts before from
	until int64     // no date whose midnight is at or after until is computed
	quiet bool      // stop after BusinessSearch without open time
	empty int       // dates computed in a row without open time
	err   error     // why the walk stopped, if it stopped early

	// The pieces of the last computed date are pieces()[k:]: the first n
	// of buf when they fit, otherwise of more, kept from date to date. No
	// field points into the walker itself, so a walker can be copied and
	// live on its caller's stack, but a copy shares more and the day
	// walker's buffers: only one of them may go on walking.
	buf  [8]sec
	more []sec
	big  bool // the pieces are in more
	n, k int
}

// pieces returns the pieces of the last computed date.
func (w *openWalker) pieces() []sec {
	if w.big {
		return w.more[:w.n]
	}
	return w.buf[:w.n]
}

// businessSearchDays is BusinessSearch in days.
const businessSearchDays = int(BusinessSearch / (24 * time.Hour))

// init readies the walker, which must be new, to walk the open time of s
// from from on, computing no date that starts at or after until; with
// quiet, it also stops after BusinessSearch of dates without open time.
func (w *openWalker) init(s *Schedule, from, until time.Time, quiet bool) {
	loc := s.location()
	w.loc, w.from, w.until, w.quiet = loc, from, until.Unix(), quiet
	// The walk starts on the date before from's, whose time can reach
	// past from's midnight where a transition repeats the hour before it.
	w.days.init(s, DateOf(from.In(loc)).AddDays(-1))
	if quiet && !s.mayOpen() {
		w.err = ErrNoOpenTime
	}
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
		if w.days.lo >= w.until && w.days.lo > w.from.Unix() {
			w.err = ErrRangeTooLong
			return Interval{}, false
		}
		var work, prot [8]sec
		lo, hi, wk, pr := w.days.next(work[:0], prot[:0])
		if w.days.tooMuch() {
			w.err = ErrTooLarge
			return Interval{}, false
		}
		// Protected time splits a piece at most in two.
		w.k, w.big = 0, len(wk)+len(pr) > len(w.buf)
		if w.big {
			w.more = subtractSecs(w.more[:0], wk, pr)
			w.n = len(w.more)
		} else {
			w.n = len(subtractSecs(w.buf[:0], wk, pr))
		}
		if hi <= w.from.Unix() {
			w.n = 0
			continue // a date before from
		}
		if lo <= w.from.Unix() {
			w.clipFrom()
		}
		if w.n == 0 {
			w.empty++
		} else {
			w.empty = 0
		}
	}
	p := w.pieces()[w.k]
	w.k++
	iv := Interval{Start: time.Unix(p.s, 0).In(w.loc), End: time.Unix(p.e, 0).In(w.loc)}
	if iv.Start.Before(w.from) {
		iv.Start = w.from.In(w.loc)
	}
	return iv, true
}

// clipFrom drops the pieces, and the parts of pieces, before w.from, to
// the second; next clips the first piece to the instant.
func (w *openWalker) clipFrom() {
	f := w.from.Unix()
	pieces := w.pieces()
	n := 0
	for _, p := range pieces {
		if p.e > f {
			pieces[n] = sec{max(p.s, f), p.e}
			n++
		}
	}
	w.n = n
}

// failure returns the error for a walk that ended with d still to go.
func (w *openWalker) failure(d time.Duration) error {
	if w.err == ErrTooLarge {
		return fmt.Errorf("%w: more than %d windows to resolve after %s", ErrTooLarge, MaxWork, w.from.Format(time.RFC3339))
	}
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
	var w openWalker
	w.init(&s, t, t.Add(MaxRange), true)
	first, ok := w.next()
	if !ok {
		if w.err == ErrTooLarge {
			return Interval{}, false, w.failure(0)
		}
		return Interval{}, false, nil
	}
	return mergeAhead(&w, first), true, nil
}

// mergeAhead returns first joined with the pieces of open time that follow
// it without a gap (a window that crosses midnight comes out of the walk in
// two pieces), looking at most a week ahead, walking w on. The pieces of one day are apart from each other, so only a piece
// that ends at the day's end can go on in the next day; for any other the
// next day is not computed.
func mergeAhead(w *openWalker, first Interval) Interval {
	limit := first.Start.Add(7 * 24 * time.Hour)
	for first.End.Before(limit) {
		if w.k < w.n || first.End.Unix() != w.days.lo {
			break
		}
		iv, ok := w.next()
		if !ok || !iv.Start.Equal(first.End) {
			break
		}
		first.End = iv.End
	}
	return first.In(w.loc)
}
