package availability

import (
	"fmt"
	"time"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
)

// Business time is the schedule's open time (see Schedule.Open): working
// hours as changed by overrides, closures and the effective period, minus
// protected time. It is elapsed time, not wall-clock time: a window that
// crosses a fall-back night holds one hour more of it than its wall clock
// shows, and one that crosses a spring-forward night one hour less.

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
// matching problem.ErrInvalid when d is negative.
func (s Schedule) AddBusiness(t time.Time, d time.Duration) (time.Time, error) {
	if d < 0 {
		return time.Time{}, fmt.Errorf("%w: negative business duration %s", problem.ErrInvalid, prose.Duration(d))
	}
	if err := s.checkSize(); err != nil {
		return time.Time{}, err
	}
	loc := s.location()
	if d == 0 {
		return t.In(loc), nil
	}
	var w openWalker
	w.init(&s, t, t.Add(MaxRange), true)
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
		return 0, fmt.Errorf("%w: %s is longer than %s", ErrRangeTooLong, prose.Duration(to.Sub(from)), prose.Duration(MaxRange))
	}
	if err := s.checkSize(); err != nil {
		return 0, err
	}
	if !s.mayOpen() {
		return 0, nil
	}
	var total time.Duration
	var w openWalker
	w.init(&s, from, to, false)
	for {
		iv, ok := w.next()
		if !ok && w.err == ErrTooLarge {
			return 0, w.failure(0)
		}
		if !ok || !iv.Start.Before(to) {
			return total, nil
		}
		total += iv.Intersect(Interval{Start: from, End: to}).Duration()
	}
}
