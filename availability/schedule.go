package availability

import (
	"fmt"
	"iter"
	"math"
	"slices"
	"time"

	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Schedule is a provider's weekly working hours in one time zone, with the
// personal time they protect, the dates that differ from the usual week, and
// the periods they are away.
//
// Every wall-clock time in a schedule is read in Zone, on the provider's
// local dates, and resolved to instants as At describes (RFC 5545: a time in
// a DST gap takes the offset from before the gap, a time in an overlap its
// first occurrence).
//
// A window belongs to the local date it starts on. A window whose End is not
// after its Start crosses midnight and ends on the next day (Fri 22:00–02:00
// ends at 02:00 on Saturday); End 24:00 is the end of the day. Overrides and
// closures act on the windows that start on their dates.
//
// Open time is: the working windows of each date (or the override's hours,
// where an override names the date), except dates in a closure or outside
// the effective period, minus every protected window. Protected time is
// never open, whatever an override says.
//
// The zero Schedule is valid and never open; a nil Zone means UTC.
type Schedule struct {
	// Zone is the provider's time zone; nil means UTC. It is written by
	// its IANA name.
	Zone *time.Location `json:"zone"`
	// Hours are the usual working windows of the week.
	Hours []Window `json:"hours,omitempty"`
	// Protected are windows of personal time that are never bookable, such
	// as Saturday 18:00–24:00 with friends.
	Protected []Window `json:"protected,omitempty"`
	// Overrides change single dates: closed, or open with other hours.
	Overrides []Override `json:"overrides,omitempty"`
	// Closures are holidays and away periods, whole local dates.
	Closures []Closure `json:"closures,omitempty"`
	// Effective limits the dates the working hours apply to; its zero value
	// is unbounded.
	Effective DateRange `json:"effective,omitzero"`
}

// A Window is a weekly span of wall-clock time on some days of the week.
type Window struct {
	// ID names the window in explanations; when empty the window's path
	// ("hours[2]", "protected[0]") is used.
	ID string `json:"id,omitempty"`
	// Label is a human name, such as "friends" or "morning clinic".
	Label string `json:"label,omitempty"`
	// Days are the days the window starts on.
	Days Weekdays `json:"days"`
	// Start is the wall-clock time the window opens.
	Start Clock `json:"start"`
	// End is the wall-clock time the window closes; not after Start means
	// the next day, and 24:00 means midnight at the end of the day.
	End Clock `json:"end"`
}

// A Span is a span of wall-clock time on one day, crossing midnight when End
// is not after Start, like a Window without its days.
type Span struct {
	Start Clock `json:"start"`
	End   Clock `json:"end"`
}

// An Override changes the working hours of one local date: either Closed, or
// open during Hours instead of the usual windows. It wins over a closure that
// covers its date and over the effective period, but never over protected
// time.
type Override struct {
	ID     string `json:"id,omitempty"`
	Label  string `json:"label,omitempty"`
	Date   Date   `json:"date"`
	Closed bool   `json:"closed,omitzero"`
	Hours  []Span `json:"hours,omitempty"`
}

// A Closure closes whole local dates, From through Through inclusive: a
// holiday, or an away period. Colleague optionally names who covers for the
// provider meanwhile, so a host can redirect clients.
type Closure struct {
	ID        string `json:"id,omitempty"`
	Label     string `json:"label,omitempty"`
	From      Date   `json:"from"`
	Through   Date   `json:"through"`
	Colleague string `json:"colleague,omitempty"`
}

// A DateRange is the local dates From through Through, inclusive. A zero
// From means no first date and a zero Through no last one, so the zero
// DateRange holds every date.
type DateRange struct {
	From    Date `json:"from,omitzero"`
	Through Date `json:"through,omitzero"`
}

// Contains reports whether d is in the range.
func (r DateRange) Contains(d Date) bool {
	return (r.From.IsZero() || !d.Before(r.From)) && (r.Through.IsZero() || !d.After(r.Through))
}

// Contains reports whether d is in the closure.
func (c Closure) Contains(d Date) bool {
	return !d.Before(c.From) && !d.After(c.Through)
}

// ClosureOn returns the closure that closes local date d, and whether one
// does. A date an override names, or outside the effective period, is not
// closed by a closure even when one covers it.
func (s Schedule) ClosureOn(d Date) (Closure, bool) {
	if kind, i := s.day(d); kind == dayClosure {
		return s.Closures[i], true
	}
	return Closure{}, false
}

// location returns the schedule's zone, UTC when nil.
func (s *Schedule) location() *time.Location {
	if s.Zone == nil {
		return time.UTC
	}
	return s.Zone
}

// A rule names the part of a schedule behind a decision: element index of
// the list named list ("hours", "protected", "overrides", "closures").
type rule struct {
	list  string
	index int
	id    string
	label string
}

// ref returns the rule's ID, or its path ("hours[2]") when it has none.
func (r rule) ref() string {
	if r.id != "" {
		return r.id
	}
	return fmt.Sprintf("%s[%d]", r.list, r.index)
}

// dayKind says what governs the working hours of one local date.
type dayKind uint8

const (
	dayUsual       dayKind = iota // the weekly hours
	dayOverride                   // an override's hours
	dayClosed                     // an override that closes the date
	dayClosure                    // a closure
	dayIneffective                // outside the effective period
)

// day returns what governs date d's working hours, and the index of the
// override or closure responsible.
func (s *Schedule) day(d Date) (dayKind, int) {
	for i := range s.Overrides {
		if s.Overrides[i].Date == d {
			if s.Overrides[i].Closed {
				return dayClosed, i
			}
			return dayOverride, i
		}
	}
	if !s.Effective.Contains(d) {
		return dayIneffective, -1
	}
	for i := range s.Closures {
		if s.Closures[i].Contains(d) {
			return dayClosure, i
		}
	}
	return dayUsual, -1
}

// spanOn resolves the span start–end on date d to an interval.
func spanOn(z *zoneCursor, d Date, start, end Clock) Interval {
	midnight := int64(d.days()-epochDays) * 86400 // d's midnight, read as UTC
	s := z.resolve(midnight + int64(start)*60)
	if end <= start {
		midnight += 86400 // the end is on the next date
	}
	e := z.resolve(midnight + int64(end)*60)
	return Interval{Start: time.Unix(s, 0).In(z.loc), End: time.Unix(e, 0).In(z.loc)}
}

// eachWorking calls yield for every working interval that starts on date d,
// with the rule behind it; it stops early when yield returns false.
func (s *Schedule) eachWorking(z *zoneCursor, d Date, yield func(Interval, rule) bool) bool {
	kind, i := s.day(d)
	switch kind {
	case dayUsual:
		wd := d.Weekday()
		for j := range s.Hours {
			w := &s.Hours[j]
			if w.Days.Has(wd) {
				if !yield(spanOn(z, d, w.Start, w.End), rule{list: "hours", index: j, id: w.ID, label: w.Label}) {
					return false
				}
			}
		}
	case dayOverride:
		o := &s.Overrides[i]
		for _, h := range o.Hours {
			if !yield(spanOn(z, d, h.Start, h.End), rule{list: "overrides", index: i, id: o.ID, label: o.Label}) {
				return false
			}
		}
	}
	return true
}

// WorkingOn returns the working windows that start on local date d, as
// overrides, closures and the effective period leave them: an override's
// hours (with its ID and label), nothing on a closed date, or the usual
// windows of d's weekday. Each window's Days holds d's weekday only.
func (s Schedule) WorkingOn(d Date) []Window {
	day := Days(d.Weekday())
	kind, i := s.day(d)
	var out []Window
	switch kind {
	case dayUsual:
		for _, w := range s.Hours {
			if w.Days.Has(d.Weekday()) {
				w.Days = day
				out = append(out, w)
			}
		}
	case dayOverride:
		o := s.Overrides[i]
		for _, h := range o.Hours {
			out = append(out, Window{ID: o.ID, Label: o.Label, Days: day, Start: h.Start, End: h.End})
		}
	}
	return out
}

// GroupWindows merges windows that differ only in their days into one
// window holding all their days, so that per-day lists such as "Mon
// 09:00–17:00, Tue 09:00–17:00" become "mon-tue 09:00–17:00". The result
// keeps the order in which each window first appears.
func GroupWindows(ws []Window) []Window {
	var out []Window
	for _, w := range ws {
		j := slices.IndexFunc(out, func(o Window) bool {
			return o.ID == w.ID && o.Label == w.Label && o.Start == w.Start && o.End == w.End
		})
		if j < 0 {
			out = append(out, w)
			continue
		}
		out[j].Days |= w.Days
	}
	return out
}

// eachProtected calls yield for every protected interval that starts on
// date d; it stops early when yield returns false.
func (s *Schedule) eachProtected(z *zoneCursor, d Date, yield func(Interval, int) bool) bool {
	wd := d.Weekday()
	for j := range s.Protected {
		w := &s.Protected[j]
		if w.Days.Has(wd) {
			if !yield(spanOn(z, d, w.Start, w.End), j) {
				return false
			}
		}
	}
	return true
}

// CheckOpen reports why open time does not cover iv: the protected time it
// touches (Explain's reason at the first protected instant), and why the
// schedule is not working where the working time covering it from its
// start ends (a closure, a closed date, or outside_hours with the time
// working hours end). It returns nil when open time covers iv, without
// allocating; an empty iv is covered. It returns ErrRangeTooLong when iv is
// longer than MaxRange and ErrTooLarge when the schedule is beyond the size
// limits.
func (s Schedule) CheckOpen(iv Interval) ([]Reason, error) {
	if iv.IsEmpty() {
		return nil, nil
	}
	if err := s.checkRange(iv); err != nil {
		return nil, err
	}
	var out []Reason
	s.checkOpen(iv, func(r Reason) { out = append(out, r) })
	return out, nil
}

// checkOpen calls refuse for each reason open time does not cover s.
func (s *Schedule) checkOpen(span Interval, refuse func(Reason)) {
	loc := s.location()
	z := zoneCursor{loc: loc}
	first, last := reach(&z, span.Start, span.End, crossesMidnight(s))

	var arr [16]Interval
	work := arr[:0]
	for d := first; !d.After(last); d = d.AddDays(1) {
		s.eachWorking(&z, d, func(iv Interval, _ rule) bool {
			if iv.Overlaps(span) {
				work = append(work, iv)
			}
			return true
		})
	}
	slices.SortFunc(work, func(a, b Interval) int { return a.Start.Compare(b.Start) })
	covered := span.Start
	for _, iv := range work {
		if iv.Start.After(covered) {
			break
		}
		if iv.End.After(covered) {
			covered = iv.End
		}
	}
	protectedHit := false
	for d := first; !d.After(last); d = d.AddDays(1) {
		s.eachProtected(&z, d, func(iv Interval, j int) bool {
			if iv.Overlaps(span) && !protectedHit {
				protectedHit = true
				refuse(s.Explain(later(iv.Start, span.Start)))
			}
			return true
		})
	}
	if covered.Before(span.End) {
		hoursEnd := Reason{Code: CodeOutsideHours, Rule: "hours", Message: fmt.Sprintf("working hours end at %s, before the session does", covered.In(loc).Format("15:04"))}
		switch r := s.Explain(covered); {
		case r.Code == CodeOutsideHours && r.Rule == "hours" && covered.After(span.Start):
			refuse(hoursEnd) // the session starts in working hours and runs past their end
		case r.Code != CodeProtected && r.Code != CodeOpen:
			refuse(r)
		case r.Code == CodeOpen || !protectedHit:
			refuse(hoursEnd)
		}
	}
}

// ProtectedIn returns the protected windows that share an instant with r,
// resolved to instants, each with the index of its window in s.Protected,
// in order of the dates they start on. A window that crosses midnight comes
// out whole, not clipped to r.
func (s Schedule) ProtectedIn(r Interval) iter.Seq2[int, Interval] {
	return func(yield func(int, Interval) bool) {
		if r.IsEmpty() || len(s.Protected) == 0 || r.Duration() > MaxRange {
			return
		}
		z := zoneCursor{loc: s.location()}
		first, last := reach(&z, r.Start, r.End, crossesMidnight(&s))
		for d := first; !d.After(last); d = d.AddDays(1) {
			more := s.eachProtected(&z, d, func(iv Interval, j int) bool {
				return !iv.Overlaps(r) || yield(j, iv)
			})
			if !more {
				return
			}
		}
	}
}

// MaxRange is the longest interval Open, Working and ProtectedTime accept,
// about ten years; longer queries return ErrRangeTooLong.
const MaxRange = 3660 * 24 * time.Hour

// checkRange returns ErrRangeTooLong when r is longer than MaxRange, and
// ErrTooLarge when the schedule is too large to query.
func (s *Schedule) checkRange(r Interval) error {
	if r.Duration() > MaxRange {
		return fmt.Errorf("%w: %s is longer than %s", ErrRangeTooLong, prose.Duration(r.Duration()), prose.Duration(MaxRange))
	}
	return s.checkSize()
}

// crossesMidnight reports whether a window or override span of s ends on
// the date after it starts.
func crossesMidnight(s *Schedule) bool {
	for i := range s.Hours {
		if s.Hours[i].End <= s.Hours[i].Start {
			return true
		}
	}
	for i := range s.Protected {
		if s.Protected[i].End <= s.Protected[i].Start {
			return true
		}
	}
	for i := range s.Overrides {
		for _, h := range s.Overrides[i].Hours {
			if h.End <= h.Start {
				return true
			}
		}
	}
	return false
}

// reachMargin is how long before a span a zone transition can make windows
// of other dates reach into it; see reach.
const reachMargin = 48 * time.Hour

// reach returns the local dates whose windows may reach into the span from
// through to. A window lasts at most a day of wall time and belongs to the
// date it starts on, so these are normally the day before from's date
// through to's date. A zone transition in the two days before the span or
// inside it can stretch that by a day each way: a gap across midnight moves
// a window's end past the next midnight (Pacific/Apia skipped 2011-12-30,
// so a Thursday window ending at 02:00 ends at 02:00 on Saturday), and an
// overlap across midnight lets a window of the next date start before the
// span does (America/St_Johns fell back from 00:01 to 23:01 until 2011).
//
// Without a window that crosses midnight (crosses false), from's date is
// the first: the windows of the day before end by its midnight.
func reach(z *zoneCursor, from, to time.Time, crosses bool) (first, last Date) {
	first, last = DateOf(from.In(z.loc)), DateOf(to.In(z.loc))
	if crosses {
		first = first.AddDays(-1)
	}
	if z.periodEnd(from.Add(-reachMargin).Unix()) <= to.Unix() {
		first, last = first.AddDays(-1), last.AddDays(1)
	}
	return first, last
}

// Working returns the working time within r: the weekly hours as changed by
// overrides, closures and the effective period, before protected time is
// taken out.
func (s Schedule) Working(r Interval) (Set, error) { return s.collect(r, timeWorking) }

// ProtectedTime returns the protected time within r.
func (s Schedule) ProtectedTime(r Interval) (Set, error) {
	if len(s.Protected) == 0 {
		return Set{}, s.checkRange(r)
	}
	return s.collect(r, timeProtected)
}

// Open returns the open time within r: working time minus protected time.
// It returns ErrRangeTooLong when r is longer than MaxRange, and ErrTooLarge
// when the schedule has more rules than MaxWindows, MaxOverrides or
// MaxClosures allow.
func (s Schedule) Open(r Interval) (Set, error) { return s.collect(r, timeOpen) }

// What collect returns.
const (
	timeOpen = iota
	timeWorking
	timeProtected
)

// collect returns the open, working or protected time within r, walking
// its dates once.
func (s *Schedule) collect(r Interval, what int) (Set, error) {
	if r.IsEmpty() {
		return Set{}, s.checkRange(r)
	}
	if err := s.checkRange(r); err != nil {
		return Set{}, err
	}
	if what != timeProtected && !s.mayOpen() {
		return Set{}, nil
	}
	loc := s.location()
	// Whole seconds that cover r; the first and last intervals are clipped
	// to r's instants when they are made.
	rs, re := r.Start.Unix(), r.End.Unix()
	if r.End.Nanosecond() > 0 {
		re++
	}
	// The date before r's, whose time can reach past r's midnight where a
	// transition repeats the hour before midnight.
	var w dayWalker
	w.init(s, DateOf(r.Start.In(loc)).AddDays(-1))
	ivs := make([]Interval, 0, s.estimate(r))
	var workArr, protArr, openArr [16]sec
	work, prot, open := workArr[:0], protArr[:0], openArr[:0]
	last := int64(math.MinInt64) // the end of the last interval, in seconds
	for w.lo < re {
		var hi int64
		_, hi, work, prot = w.next(work[:0], prot[:0])
		if w.tooMuch() {
			return Set{}, tooMuchWork(r)
		}
		if hi <= rs {
			continue
		}
		pieces := work
		switch what {
		case timeOpen:
			if len(prot) > 0 {
				open = subtractSecs(open[:0], work, prot)
				pieces = open
			}
		case timeProtected:
			pieces = prot
		}
		for _, p := range pieces {
			p.s, p.e = max(p.s, rs), min(p.e, re)
			if p.s >= p.e {
				continue
			}
			end := time.Unix(p.e, 0).In(loc)
			if p.e == re && end.After(r.End) {
				end = r.End.In(loc)
			}
			if n := len(ivs); n > 0 && last == p.s {
				ivs[n-1].End, last = end, p.e // touching across midnight
				continue
			}
			start := time.Unix(p.s, 0).In(loc)
			if p.s == rs && start.Before(r.Start) {
				start = r.Start.In(loc)
			}
			if start.Before(end) {
				ivs = append(ivs, Interval{Start: start, End: end})
				last = p.e
			}
		}
	}
	return Set{ivs: ivs}, nil
}

// tooMuchWork returns the error of a query over r that would resolve more
// than MaxWork windows.
func tooMuchWork(r Interval) error {
	return fmt.Errorf("%w: the %s from %s hold more than %d windows to resolve; ask for a shorter range", ErrTooLarge, prose.Duration(r.Duration()), r.Start.Format(time.RFC3339), MaxWork)
}

// estimate returns about how many intervals of working time r holds: the
// windows of a week times the weeks r spans, and the overrides' hours.
func (s *Schedule) estimate(r Interval) int {
	perWeek := 0
	for _, h := range s.Hours {
		perWeek += h.Days.Count()
	}
	weeks := int(r.Duration()/(7*24*time.Hour)) + 1
	n := perWeek*weeks + 2
	for _, o := range s.Overrides {
		n += len(o.Hours)
	}
	return min(n, 1<<16)
}

// MarshalJSON encodes the schedule, its zone by IANA name ("UTC" for a nil
// Zone).
func (s Schedule) MarshalJSON() ([]byte, error) {
	type plain Schedule
	p := plain(s)
	p.Zone = s.location()
	return strictjson.Marshal(p)
}

// UnmarshalJSON decodes a schedule strictly: unknown members and bad values
// are a problem.List naming their path ("protected[2].end"). It does not
// validate; see Validate.
func (s *Schedule) UnmarshalJSON(b []byte) error {
	type plain Schedule
	return strictjson.Unmarshal(b, (*plain)(s), strictjson.Limits{})
}
