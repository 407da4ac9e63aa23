package ical

import (
	"cmp"
	"slices"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

// A Recurrence is the timing VEVENT and AVAILABLE components share: the
// first start (DTSTART), the length (DTEND or DURATION), and the rest of
// the recurrence set (RRULE, RDATE, EXDATE, and RFC 2445's EXRULE), per
// RFC 5545 §3.8.5.
//
// The recurrence set is DTSTART, every start the rule generates and every
// RDATE, minus every EXDATE and every start an EXRULE generates; starts
// generated twice count once. With DTEND
// every occurrence lasts the exact time DTSTART to DTEND lasts; with
// DURATION its days follow the wall clock (a day is 23 or 25 hours across a
// DST change) and its hours are exact; with neither, a DATE start lasts one
// day and a DATE-TIME start takes no time. The zero Recurrence is invalid
// (no start).
type Recurrence struct {
	Start    DateTime
	End      DateTime
	Duration Duration
	Rule     Recur
	// RDates are extra starts; a Period with an end or a duration has its
	// own length, otherwise the recurrence's length applies.
	RDates []Period
	// ExDates are excluded starts. A DATE excludes every occurrence that
	// starts on that local date.
	ExDates []DateTime
	// ExRules are EXRULE properties (RFC 2445; RFC 5545 dropped them, but
	// calendars still carry them): every start such a rule generates from
	// DTSTART is excluded, DTSTART itself only when the rule generates it,
	// as python-dateutil's rruleset does.
	ExRules []Recur
}

// Validate reports every problem with r: codes required (no start),
// end_and_duration, form_mismatch (a DATE start with a DATE-TIME end or the
// reverse), reversed (an end before the start), negative_duration, and the
// rules' own problems under "rule" and "ex_rules[i]".
func (r Recurrence) Validate() error {
	var l problem.List
	r.validate(&l, "", nil)
	return l.Err()
}

func (r *Recurrence) validate(l *problem.List, path string, floating *time.Location) {
	at := func(name string) string { return problem.Join(path, name) }
	if r.Start.IsZero() || !r.Start.Date.IsValid() {
		l.Add(at("start"), problem.Required, "DTSTART is required")
		return
	}
	if !r.End.IsZero() && !r.Duration.IsZero() {
		l.Add(at("end"), problem.Conflict, "DTEND and DURATION must not both be given")
	}
	if !r.End.IsZero() {
		if (r.End.Form == DateOnly) != (r.Start.Form == DateOnly) {
			l.Add(at("end"), problem.Mismatch, "DTEND must be a DATE exactly when DTSTART is")
		} else if r.End.Time(floating).Before(r.Start.Time(floating)) {
			l.Add(at("end"), problem.Order, "DTEND %s is before DTSTART %s", r.End, r.Start)
		}
	}
	if r.Duration.Negative {
		l.Add(at("duration"), problem.Negative, "DURATION %s is negative", r.Duration)
	}
	if !r.Rule.IsZero() {
		r.Rule.validate(l, at("rule"))
	}
	for i := range r.ExRules {
		r.ExRules[i].validate(l, problem.Index(at("ex_rules"), i))
	}
	for i, p := range r.RDates {
		if p.Start.IsZero() || !p.Start.Date.IsValid() {
			l.Add(problem.Index(at("rdates"), i), problem.Required, "RDATE needs a start")
		} else if !p.End.IsZero() && p.End.Time(floating).Before(p.Start.Time(floating)) {
			l.Add(problem.Index(at("rdates"), i), problem.Order, "period %s ends before it starts", p)
		}
	}
}

// Starts returns the start of every occurrence that falls in within, in
// order, expressed in the zone of DTSTART.
func (r Recurrence) Starts(within availability.Interval, opts ExpandOptions) ([]time.Time, error) {
	work := newBudget(opts)
	occ, err := r.expand(within, opts, true, &work)
	if err != nil {
		return nil, err
	}
	out := make([]time.Time, len(occ))
	for i, o := range occ {
		out[i] = o.Start
	}
	return out, nil
}

// Occurrences returns every occurrence that overlaps within, in order of
// start, each as the interval it takes; occurrences that take no time are
// included when they start in within.
func (r Recurrence) Occurrences(within availability.Interval, opts ExpandOptions) ([]availability.Interval, error) {
	work := newBudget(opts)
	return r.expand(within, opts, false, &work)
}

// length returns the end of an occurrence that starts at t, and an upper
// bound of any occurrence's length.
type lengthFunc func(t time.Time) time.Time

func (r *Recurrence) lengths(loc, floating *time.Location) (lengthFunc, time.Duration) {
	switch {
	case !r.End.IsZero() && r.Start.Form == DateOnly:
		days := r.Start.Date.DaysUntil(r.End.Date)
		return func(t time.Time) time.Time {
			return availability.At(availability.DateOf(t.In(loc)).AddDays(days), availability.Midnight, loc)
		}, time.Duration(days) * 25 * time.Hour
	case !r.End.IsZero():
		d := r.End.Time(floating).Sub(r.Start.Time(floating))
		return func(t time.Time) time.Time { return t.Add(d) }, d
	case !r.Duration.IsZero():
		d := r.Duration
		return func(t time.Time) time.Time { return d.AddTo(t.In(loc)) }, d.approx()
	case r.Start.Form == DateOnly:
		return func(t time.Time) time.Time {
			return availability.At(availability.DateOf(t.In(loc)).AddDays(1), availability.Midnight, loc)
		}, 25 * time.Hour
	}
	return func(t time.Time) time.Time { return t }, 0
}

// expand computes the occurrences in within, spending at most what is
// left of work; startsOnly keeps those that start in within rather than
// those that overlap it.
func (r *Recurrence) expand(within availability.Interval, opts ExpandOptions, startsOnly bool, work *budget) ([]availability.Interval, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if !r.Rule.IsZero() && r.Rule.unbounded() && within.Duration() > opts.maxHorizon() {
		return nil, horizonError(within.Duration(), opts)
	}
	if within.IsEmpty() {
		return nil, nil
	}
	if err := work.spend(dateCost * (len(r.RDates) + len(r.ExDates))); err != nil {
		return nil, err
	}
	floating := opts.Floating
	loc := r.Start.location(floating)
	end, maxLen := r.lengths(loc, floating)
	from, to := within.Start, within.End
	fromU, toU := from.Unix(), to.Unix()
	lead := max(maxLen, 0) + time.Second

	var occ []availability.Interval
	keep := func(s, e time.Time) bool {
		su := s.Unix()
		if su >= toU {
			return true
		}
		if startsOnly {
			if su >= fromU {
				occ = append(occ, availability.Interval{Start: s, End: e})
			}
		} else if e.After(from) || (su >= fromU && !e.After(s)) {
			occ = append(occ, availability.Interval{Start: s, End: e})
		}
		return len(occ) <= opts.maxOccurrences()
	}

	first := r.Start.Time(floating)
	if r.Rule.IsZero() {
		keep(first, end(first))
	} else {
		e, err := newExpansion(r.Rule, r.Start, loc, opts, work)
		if err != nil {
			return nil, err
		}
		err = e.between(from, to, lead, func(u int64) bool {
			s := time.Unix(u, 0).In(loc)
			return keep(s, end(s))
		})
		if err != nil {
			return nil, err
		}
	}
	for _, p := range r.RDates {
		s := p.Start.Time(floating)
		if p.Start.Form == DateOnly && r.Start.Form != DateOnly {
			// A DATE in a date-time recurrence: that day at DTSTART's time.
			d := p.Start
			d.Form, d.Zone, d.Hour, d.Minute, d.Second = r.Start.Form, r.Start.Zone, r.Start.Hour, r.Start.Minute, r.Start.Second
			s = d.Time(floating)
		}
		s = s.In(loc)
		var e time.Time
		switch {
		case !p.End.IsZero():
			e = p.End.Time(floating).In(loc)
		case !p.Duration.IsZero():
			e = p.Duration.AddTo(s)
		default:
			e = end(s)
		}
		keep(s, e)
	}
	if len(occ) > opts.maxOccurrences() {
		return nil, tooMany(opts)
	}
	slices.SortStableFunc(occ, func(a, b availability.Interval) int { return a.Start.Compare(b.Start) })
	occ = slices.CompactFunc(occ, func(a, b availability.Interval) bool { return a.Start.Equal(b.Start) })
	if len(r.ExDates) > 0 {
		occ = r.exclude(occ, loc, floating)
	}
	if len(r.ExRules) > 0 && len(occ) > 0 {
		var err error
		if occ, err = r.excludeRules(occ, loc, opts, work); err != nil {
			return nil, err
		}
	}
	return occ, nil
}

// excludeRules drops the occurrences whose start an EXRULE generates. The
// rules are expanded only over the starts of occ, so a rule without COUNT
// or UNTIL costs no more than the occurrences it may exclude.
func (r *Recurrence) excludeRules(occ []availability.Interval, loc *time.Location, opts ExpandOptions, work *budget) ([]availability.Interval, error) {
	from, to := occ[0].Start, occ[len(occ)-1].Start.Add(time.Second)
	opts.SkipUnmatchedStart = true
	excluded := make([]bool, len(occ))
	for _, rule := range r.ExRules {
		e, err := newExpansion(rule, r.Start, loc, opts, work)
		if err != nil {
			return nil, err
		}
		err = e.between(from, to, 0, func(u int64) bool {
			if i, found := slices.BinarySearchFunc(occ, u, func(o availability.Interval, u int64) int { return cmp.Compare(o.Start.Unix(), u) }); found {
				excluded[i] = true
			}
			return true
		})
		if err != nil {
			return nil, err
		}
	}
	out := occ[:0]
	for i, o := range occ {
		if !excluded[i] {
			out = append(out, o)
		}
	}
	return out, nil
}

// exclude drops the occurrences EXDATE names.
func (r *Recurrence) exclude(occ []availability.Interval, loc, floating *time.Location) []availability.Interval {
	instants := map[int64]bool{}
	dates := map[availability.Date]bool{}
	for _, x := range r.ExDates {
		if x.Form == DateOnly && r.Start.Form != DateOnly {
			dates[x.Date] = true
		} else {
			instants[x.Time(floating).Unix()] = true
		}
	}
	return slices.DeleteFunc(occ, func(o availability.Interval) bool {
		return instants[o.Start.Unix()] || dates[availability.DateOf(o.Start.In(loc))]
	})
}
