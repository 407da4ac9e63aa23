package availability

import (
	"fmt"

	"github.com/practicekit/boundaries/availability/problem"
)

// Limits on the size of a schedule, so that hostile input cannot make a
// query slow: working and protected windows together, overrides, closures.
const (
	MaxWindows   = 500
	MaxOverrides = 5000
	MaxClosures  = 1000
)

// checkSize returns ErrTooLarge when s passes the size limits.
func (s *Schedule) checkSize() error {
	if len(s.Hours)+len(s.Protected) > MaxWindows || len(s.Overrides) > MaxOverrides || len(s.Closures) > MaxClosures {
		return fmt.Errorf("%w: %d windows, %d overrides, %d closures (limits %d, %d, %d)", ErrTooLarge,
			len(s.Hours)+len(s.Protected), len(s.Overrides), len(s.Closures), MaxWindows, MaxOverrides, MaxClosures)
	}
	return nil
}

// Validate reports every problem with the schedule, each with its path and
// one of the problem codes: too_many (past MaxWindows, MaxOverrides or
// MaxClosures), required (a window without days, a closure without its
// dates, an open override without hours), invalid (a clock time or date
// that is not one), empty (a window that starts where it ends), duplicate
// (an ID or an override's date given twice), conflict (an override both
// closed and with hours) and order (a closure that ends before it
// starts).
func (s Schedule) Validate() error {
	var l problem.List
	s.validate(&l, "")
	return l.Err()
}

func (s *Schedule) validate(l *problem.List, path string) {
	if n := len(s.Hours) + len(s.Protected); n > MaxWindows {
		l.Add(problem.Join(path, "hours"), problem.TooMany, "%d working and protected windows; at most %d are allowed", n, MaxWindows)
	}
	if len(s.Overrides) > MaxOverrides {
		l.Add(problem.Join(path, "overrides"), problem.TooMany, "%d overrides; at most %d are allowed", len(s.Overrides), MaxOverrides)
	}
	if len(s.Closures) > MaxClosures {
		l.Add(problem.Join(path, "closures"), problem.TooMany, "%d closures; at most %d are allowed", len(s.Closures), MaxClosures)
	}
	ids := map[string]string{}
	seeID := func(id, at string) {
		if id == "" {
			return
		}
		if first, ok := ids[id]; ok {
			l.Add(problem.Join(at, "id"), problem.Duplicate, "ID %q is already used by %s", id, first)
			return
		}
		ids[id] = at
	}
	for _, list := range []struct {
		name    string
		windows []Window
	}{{"hours", s.Hours}, {"protected", s.Protected}} {
		for i, w := range list.windows {
			at := problem.Index(problem.Join(path, list.name), i)
			seeID(w.ID, at)
			w.validate(l, at)
		}
	}
	dates := map[Date]int{}
	for i, o := range s.Overrides {
		at := problem.Index(problem.Join(path, "overrides"), i)
		seeID(o.ID, at)
		if o.Date.IsZero() {
			l.Add(problem.Join(at, "date"), problem.Required, "an override needs its date")
		} else if !o.Date.IsValid() {
			l.Add(problem.Join(at, "date"), problem.Invalid, "%s is not a valid date", o.Date)
		} else if j, ok := dates[o.Date]; ok {
			l.Add(problem.Join(at, "date"), problem.Duplicate, "%s already has an override (overrides[%d])", o.Date, j)
		} else {
			dates[o.Date] = i
		}
		switch {
		case o.Closed && len(o.Hours) > 0:
			l.Add(at, problem.Conflict, "an override is either closed or has hours, not both")
		case !o.Closed && len(o.Hours) == 0:
			l.Add(problem.Join(at, "hours"), problem.Required, "an open override needs hours; use closed to close the date")
		}
		for j, h := range o.Hours {
			validateSpan(l, problem.Index(problem.Join(at, "hours"), j), h)
		}
	}
	for i, c := range s.Closures {
		at := problem.Index(problem.Join(path, "closures"), i)
		seeID(c.ID, at)
		validateRange(l, at, c.From, c.Through, true)
	}
	validateRange(l, problem.Join(path, "effective"), s.Effective.From, s.Effective.Through, false)
}

// Validate reports every problem with the window, with paths "days",
// "start" and "end": no valid day (required), a clock time out of range
// (invalid), start equal to end (empty).
func (w Window) Validate() error {
	var l problem.List
	w.validate(&l, "")
	return l.Err()
}

// validate reports a window without valid days, or with a bad span.
func (w *Window) validate(l *problem.List, at string) {
	if w.Days == 0 || w.Days&^Everyday != 0 {
		l.Add(problem.Join(at, "days"), problem.Required, "the window names no valid day of the week")
	}
	validateSpan(l, at, Span{w.Start, w.End})
}

func validateSpan(l *problem.List, at string, s Span) {
	if !s.Start.IsValid() || s.Start == EndOfDay {
		l.Add(problem.Join(at, "start"), problem.Invalid, "the start must be between 00:00 and 23:59, not %s", s.Start.describe())
	}
	if !s.End.IsValid() {
		l.Add(problem.Join(at, "end"), problem.Invalid, "the end must be between 00:00 and 24:00, not %s", s.End.describe())
	}
	if s.Start == s.End {
		l.Add(at, problem.Empty, "start and end are both %s; use 00:00–24:00 for a whole day", s.Start)
	}
}

func validateRange(l *problem.List, at string, from, through Date, required bool) {
	var fromOK, throughOK bool
	check := func(field string, d Date) bool {
		switch {
		case d.IsZero() && required:
			l.Add(problem.Join(at, field), problem.Required, "the date is required")
			return false
		case !d.IsZero() && !d.IsValid():
			l.Add(problem.Join(at, field), problem.Invalid, "%s is not a valid date", d)
			return false
		}
		return true
	}
	fromOK, throughOK = check("from", from), check("through", through)
	if fromOK && throughOK && !from.IsZero() && !through.IsZero() && through.Before(from) {
		l.Add(problem.Join(at, "through"), problem.Order, "%s is before %s", through, from)
	}
}
