package openinghours

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

// Options say how Hours.Schedule reads opening hours into a schedule.
// The zero Options reads a value without dates or holidays, in UTC.
type Options struct {
	// Zone is the schedule's zone; nil means UTC.
	Zone *time.Location
	// Dates are the local dates on which rules with days of the year
	// ("Dec 25 off") and holidays are written out as overrides and
	// closures; either both ends or neither. Without them, such rules are
	// an error, except for rules with years, which are written out on
	// their own dates.
	Dates availability.DateRange
	// Holidays are the dates PH selects; without them PH selects none.
	Holidays []availability.Date
}

// maxDays bounds the dates read or written one at a time.
const maxDays = 3660

// minutesPerDay is the length of a day on the wall clock.
const minutesPerDay = 24 * 60

// A stretch is open wall-clock time from the midnight that starts its
// date: minutes from and to, to at most two days on, with a label.
type stretch struct {
	from, to int
	label    string
}

func (s stretch) span() availability.Span {
	end := s.to
	if end > minutesPerDay {
		end -= minutesPerDay
	}
	return availability.Span{Start: availability.Clock(s.from), End: availability.Clock(end)}
}

func stretchOf(sp availability.Span, label string) stretch {
	to := int(sp.End)
	if sp.End <= sp.Start {
		to += minutesPerDay
	}
	return stretch{from: int(sp.Start), to: to, label: label}
}

// clipped returns the minutes of a date that stretches starting on it
// cover before its next midnight, and spill those they cover after it.
func clipped(ss []stretch) (own, spill minutes) {
	for _, s := range ss {
		own.add(s.from, min(s.to, minutesPerDay))
		if s.to > minutesPerDay {
			spill.add(0, s.to-minutesPerDay)
		}
	}
	return own, spill
}

// A week is the open time of each weekday of the usual week, from its
// midnight to the next (open), and the windows that give it (own): a
// stretch that ends at midnight and one of the next weekday that starts
// then, shorter than a day together and with the same label, become one
// window across midnight, so that "Fr 22:00-02:00" stays one window.
// spill[d] are the minutes weekday d's windows give the next weekday.
type week struct {
	open  [7]minutes
	own   [7][]stretch
	spill [7]minutes
}

// newWeek joins the open time of each weekday into windows.
func newWeek(days [7][]stretch) week {
	var w week
	for d := range 7 {
		w.open[d], _ = clipped(days[d])
		w.own[d] = slices.Clone(days[d])
	}
	for d := range 7 {
		next := (d + 1) % 7
		if st, ok := joinAcross(w.own[d], w.own[next]); ok {
			w.own[d][len(w.own[d])-1] = st
			w.own[next] = w.own[next][1:]
			w.spill[d].add(0, st.to-minutesPerDay)
		}
	}
	return w
}

// joinAcross returns the last stretch of a day joined with the first of
// the next, when the first ends at midnight, the second starts then, and
// together they are shorter than a day with one label.
func joinAcross(day, next []stretch) (stretch, bool) {
	if len(day) == 0 || len(next) == 0 {
		return stretch{}, false
	}
	last, first := day[len(day)-1], next[0]
	if last.to != minutesPerDay || first.from != 0 || first.to >= last.from || last.label != first.label {
		return stretch{}, false
	}
	return stretch{from: last.from, to: minutesPerDay + first.to, label: last.label}, true
}

// referenceDate returns a date with weekday w.
func referenceDate(w time.Weekday) availability.Date {
	return availability.Date{Year: 2001, Month: time.January, Day: 7}.AddDays(int(w)) // 2001-01-07 was a Sunday
}

// Schedule reads the opening hours into a schedule in opts.Zone that is
// open when the value says so, minute by minute, as opening_hours.js reads
// it (see the package documentation): the rules without dates or holidays
// give the working hours of each weekday, and on the dates where the whole
// value says something else (a rule with a date, PH on a holiday, or a
// time past midnight from such a date) an override gives that date's
// hours, or a closure closes it. Rule comments become labels. The
// schedule is not limited to those dates: its weekly hours go on.
//
// With opts.Dates the schedule follows the value on each of those dates
// and the usual week on the others; the dates just before and after may
// get an override so that a window across midnight does not carry one
// day's hours into the other.
//
// Errors: problem.List when rules with days of the year need opts.Dates, when
// the dates are reversed or past ten years, or when Hours not made by
// Parse hold a date range or a time no value can (a clock past 24:00);
// availability.ErrTooLarge when the result passes the schedule size
// limits.
func (h Hours) Schedule(opts Options) (availability.Schedule, error) {
	if err := h.validate(); err != nil {
		return availability.Schedule{}, err
	}
	s := availability.Schedule{Zone: opts.Zone}
	if s.Zone == time.UTC {
		s.Zone = nil
	}
	p := compile(h)
	holidays := map[availability.Date]bool{}
	for _, d := range opts.Holidays {
		holidays[d] = true
	}

	// The usual week, from the rules without dates on days that are not
	// holidays.
	none, sel, prev := newRuleSet(len(h.Rules)), newRuleSet(len(h.Rules)), newRuleSet(len(h.Rules))
	var day dayOpen
	var days [7][]stretch
	for wd := range 7 {
		p.selects(sel, none, time.Weekday(wd), false)
		p.selects(prev, none, time.Weekday((wd+6)%7), false)
		p.evaluate(sel, prev, &day)
		days[wd] = day.stretches(h.Rules)
	}
	usual := newWeek(days)
	// Each usual window becomes one window on every weekday it opens, in
	// order of its first weekday (Monday first), then of start.
	var perDay []availability.Window
	for i := range 7 {
		wd := time.Weekday((i + 1) % 7)
		for _, st := range usual.own[wd] {
			sp := st.span()
			perDay = append(perDay, availability.Window{Label: st.label, Days: availability.Days(wd), Start: sp.Start, End: sp.End})
		}
	}
	s.Hours = availability.GroupWindows(perDay)

	dates, err := h.specialDates(opts)
	if err != nil {
		return availability.Schedule{}, err
	}
	if len(dates) > 0 {
		r := reader{h: h, p: p, holidays: holidays, usual: &usual, opts: opts,
			sel: sel, prev: prev, dated: newDateSweep(h.Rules, dayNumber(dates[0])-1, dayNumber(dates[len(dates)-1])+1)}
		r.read(dates, &s)
	}
	if len(s.Hours) > availability.MaxWindows || len(s.Overrides) > availability.MaxOverrides || len(s.Closures) > availability.MaxClosures {
		return availability.Schedule{}, fmt.Errorf("%w: the opening hours give %d windows, %d overrides and %d closures", availability.ErrTooLarge, len(s.Hours), len(s.Overrides), len(s.Closures))
	}
	if err := s.Validate(); err != nil {
		return availability.Schedule{}, err
	}
	return s, nil
}

// A reader writes the dates where a value differs from its usual week into
// a schedule.
type reader struct {
	h        Hours
	p        *program
	holidays map[availability.Date]bool
	usual    *week
	opts     Options
	dated    *dateSweep
	sel      ruleSet
	prev     ruleSet
	day      dayOpen
	// seen holds the open time of each pair of rule sets (those that
	// select a date and those that select the date before) that select
	// many rules: dates that many rules select alike are evaluated once.
	seen map[string]evaluated
	key  []byte
	// next is the date evaluated last, which may be asked for again.
	next struct {
		date    availability.Date
		open    minutes
		own     []stretch
		closing string
		ok      bool
	}
}

// An evaluated is the open time of a date, its stretches and the label of
// what closed it.
type evaluated struct {
	open    minutes
	own     []stretch
	closing string
}

// inRange reports whether the value is read on date d, rather than the
// usual week.
func (r *reader) inRange(d availability.Date) bool {
	from, through := r.opts.Dates.From, r.opts.Dates.Through
	return from.IsZero() || !d.Before(from) && !d.After(through)
}

// evaluate returns the open time of date d, its stretches and the label of
// what closed it. Dates must come in order, each asked at most twice in a
// row.
func (r *reader) evaluate(d availability.Date) (minutes, []stretch, string) {
	if r.next.ok && r.next.date == d {
		return r.next.open, r.next.own, r.next.closing
	}
	var open minutes
	var own []stretch
	closing := ""
	if !r.inRange(d) {
		open, own = r.usual.open[d.Weekday()], r.usualStretches(d.Weekday())
	} else {
		n := dayNumber(d)
		r.p.selects(r.prev, r.dated.at(n-1), d.AddDays(-1).Weekday(), r.holidays[d.AddDays(-1)])
		r.p.selects(r.sel, r.dated.at(n), d.Weekday(), r.holidays[d])
		// A date that few rules select is evaluated at once; one that
		// many select is looked up first.
		selected := 0
		for i := range r.sel {
			selected += bits.OnesCount64(r.sel[i] | r.prev[i])
		}
		r.key = r.key[:0]
		if selected > 64 {
			for _, set := range []ruleSet{r.sel, r.prev} {
				for _, w := range set {
					r.key = binary.LittleEndian.AppendUint64(r.key, w)
				}
			}
		}
		if e, ok := r.seen[string(r.key)]; ok && len(r.key) > 0 {
			open, own, closing = e.open, e.own, e.closing
		} else {
			r.p.evaluate(r.sel, r.prev, &r.day)
			open, own, closing = r.day.open, r.day.stretches(r.h.Rules), r.day.closedLabel(r.h.Rules)
			if len(r.key) > 0 {
				if r.seen == nil {
					r.seen = map[string]evaluated{}
				}
				r.seen[string(r.key)] = evaluated{open, own, closing}
			}
		}
	}
	r.next.date, r.next.open, r.next.own, r.next.closing, r.next.ok = d, open, own, closing, true
	return open, own, closing
}

// usualStretches returns the open time of weekday wd in the usual week,
// cut at midnight.
func (r *reader) usualStretches(wd time.Weekday) []stretch {
	var out []stretch
	prev := (wd + 6) % 7
	if n := len(r.usual.own[prev]); n > 0 && r.usual.own[prev][n-1].to > minutesPerDay {
		st := r.usual.own[prev][n-1]
		out = append(out, stretch{from: 0, to: st.to - minutesPerDay, label: st.label})
	}
	for _, st := range r.usual.own[wd] {
		st.to = min(st.to, minutesPerDay)
		out = append(out, st)
	}
	return out
}

// read walks dates in order and writes an override or a closure for each
// date whose usual windows, with what the date before gives it past
// midnight, do not give it the open time the value gives it. A date whose
// windows then reach into the next date differently from the usual week's
// makes the next date read too.
func (r *reader) read(dates []availability.Date, s *availability.Schedule) {
	type closedDay struct {
		date  availability.Date
		label string
	}
	var closed []closedDay
	var spill minutes // what the date before gives the date being read
	var last availability.Date
	for i := 0; i < len(dates); i++ {
		d := dates[i]
		if i == 0 || last != d.AddDays(-1) {
			spill = r.usual.spill[d.AddDays(-1).Weekday()]
		}
		last = d
		open, stretches, closing := r.evaluate(d)
		nextOpen, nextStretches, _ := r.evaluate(d.AddDays(1))
		wd := d.Weekday()
		usualOwn, usualSpill := clipped(r.usual.own[wd])
		if usualOwn.union(spill) == open && usualSpill.subsetOf(&nextOpen) {
			spill = usualSpill
		} else {
			// The date's own windows: its open time less what the date
			// before gives it, the last joined with the next date's
			// first across midnight as in the usual week.
			own := ownStretches(stretches, spill)
			spill = minutes{}
			if st, ok := joinAcross(own, nextStretches); ok {
				own[len(own)-1] = st
				spill.add(0, st.to-minutesPerDay)
			}
			if len(own) == 0 {
				closed = append(closed, closedDay{d, closing})
			} else {
				o := availability.Override{Date: d, Label: own[0].label}
				for _, st := range own {
					o.Hours = append(o.Hours, st.span())
				}
				s.Overrides = append(s.Overrides, o)
			}
		}
		next := d.AddDays(1)
		if spill != r.usual.spill[wd] && (i+1 == len(dates) || dates[i+1] != next) {
			dates = slices.Insert(dates, i+1, next)
		}
	}
	for i := 0; i < len(closed); {
		j := i
		for j+1 < len(closed) && closed[j+1].date == closed[j].date.AddDays(1) && closed[j+1].label == closed[i].label {
			j++
		}
		s.Closures = append(s.Closures, availability.Closure{Label: closed[i].label, From: closed[i].date, Through: closed[j].date})
		i = j + 1
	}
}

// ownStretches returns the stretches less the minutes the date before
// gives.
func ownStretches(ss []stretch, spill minutes) []stretch {
	var out []stretch
	for _, st := range ss {
		var m minutes
		m.add(st.from, st.to)
		m = m.minus(spill)
		m.runs(func(from, to int) { out = append(out, stretch{from: from, to: to, label: st.label}) })
	}
	return out
}

// validate reports what Hours not made by Parse may hold and no value
// can: date ranges with months outside January to December, days outside
// 0 to 31 or a year on one end only, and times that do not start before
// 24:00, end after 24:00, or end where they start.
func (h Hours) validate() error {
	var l problem.List
	for i, r := range h.Rules {
		for j, t := range r.Times {
			if t.Start >= availability.EndOfDay || t.End > availability.EndOfDay || t.End == t.Start {
				l.Add(fmt.Sprintf("rules[%d].times[%d]", i, j), problem.OutOfRange, "%s-%s is not a time of a rule", t.Start, t.End)
			}
		}
		for j, dr := range r.Dates {
			ok := (dr.From.Year == 0) == (dr.To.Year == 0) && dr.From.Year >= 0 && dr.From.Year <= 9999 && dr.To.Year >= 0 && dr.To.Year <= 9999
			for _, m := range []MonthDay{dr.From, dr.To} {
				ok = ok && m.Month >= time.January && m.Month <= time.December && m.Day >= 0 && m.Day <= 31
			}
			if !ok {
				l.Add(fmt.Sprintf("rules[%d].dates[%d]", i, j), problem.Invalid, "%s is not a range of dates", dr)
			}
		}
	}
	return l.Err()
}

// specialDates returns, in order, the dates to read one by one: with
// opts.Dates those dates and the one before and after; without, the dates
// rules with years select and the holidays, each with the date before and
// after.
func (h Hours) specialDates(opts Options) ([]availability.Date, error) {
	from, through := opts.Dates.From, opts.Dates.Through
	var l problem.List
	switch {
	case from.IsZero() != through.IsZero():
		l.Add("dates", problem.Required, "give both ends of Options.Dates, or neither")
	case !from.IsZero() && through.Before(from):
		l.Add("dates.through", problem.Order, "%s is before %s", through, from)
	case !from.IsZero() && from.DaysUntil(through) >= maxDays:
		l.Add("dates", problem.TooLong, "%s to %s is longer than %d days", from, through, maxDays)
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	if !from.IsZero() {
		out := make([]availability.Date, 0, from.DaysUntil(through)+3)
		for d := from.AddDays(-1); !d.After(through.AddDays(1)); d = d.AddDays(1) {
			out = append(out, d)
		}
		return out, nil
	}
	seen := map[availability.Date]bool{}
	var special []availability.Date
	add := func(d availability.Date) error {
		if !seen[d] {
			seen[d] = true
			special = append(special, d)
		}
		if len(special) > maxDays {
			return problem.List{{Path: "dates", Code: problem.TooLong, Message: fmt.Sprintf("the rules' dates cover more than %d days; give Options.Dates", maxDays)}}
		}
		return nil
	}
	for _, d := range opts.Holidays {
		if err := add(d); err != nil {
			return nil, err
		}
	}
	for i, r := range h.Rules {
		for j, dr := range r.Dates {
			if dr.From.Year == 0 {
				return nil, problem.List{{Path: fmt.Sprintf("rules[%d].dates[%d]", i, j), Code: problem.Required,
					Message: fmt.Sprintf("%s repeats every year; give Options.Dates to write it out", dr)}}
			}
			var err error
			dr.spans(0, 0, func(first, last int) {
				for n := first; n <= last && err == nil; n++ {
					err = add(epoch.AddDays(n))
				}
			})
			if err != nil {
				return nil, err
			}
		}
	}
	// A time past midnight reaches the date after a special one, and a
	// window across midnight the date before may reach it.
	var out []availability.Date
	for _, d := range special {
		for _, x := range []availability.Date{d.AddDays(-1), d, d.AddDays(1)} {
			if !seen[x] || x == d {
				seen[x] = true
				out = append(out, x)
			}
		}
	}
	slices.SortFunc(out, availability.Date.Compare)
	return slices.Compact(out), nil
}

// Format returns the opening_hours value of a schedule; see FromSchedule.
func Format(s availability.Schedule) (string, error) {
	h, err := FromSchedule(s)
	if err != nil {
		return "", err
	}
	return h.String(), nil
}

// FromSchedule writes a schedule as opening hours that every reader of
// the specification reads as open at the same wall-clock times: for each
// weekday, its working windows less its protected time
// ("Mo-Fr 09:00-12:00,13:00-17:00", the rules after the first joined with
// ", " so that a window across midnight keeps the next day's early hours);
// then, for each date an override or closure changes (and the date after
// it, which a window across midnight reaches), a dated rule with that
// date's open time from midnight to midnight ("2026 Dec 24 10:00-14:00",
// "2026 Dec 25-26 off"). Labels become comments. Parsing the result and
// reading it with Hours.Schedule in the same zone gives a schedule with the
// same open time.
//
// The schedule's zone is not part of the value. A schedule with an
// effective period is not written: opening_hours has no way to close
// every date before or after one, and ErrUnsupported says so.
func FromSchedule(s availability.Schedule) (Hours, error) {
	if err := s.Validate(); err != nil {
		return Hours{}, err
	}
	if s.Effective != (availability.DateRange{}) {
		return Hours{}, fmt.Errorf("%w: a schedule with an effective period (%s to %s)", ErrUnsupported, s.Effective.From, s.Effective.Through)
	}
	usualOn := func(d availability.Date) []stretch {
		var out []stretch
		for _, w := range s.Hours {
			if w.Days.Has(d.Weekday()) {
				out = append(out, stretchOf(availability.Span{Start: w.Start, End: w.End}, w.Label))
			}
		}
		return out
	}
	actualOn := func(d availability.Date) []stretch {
		var out []stretch
		for _, w := range s.WorkingOn(d) {
			out = append(out, stretchOf(availability.Span{Start: w.Start, End: w.End}, w.Label))
		}
		return out
	}
	var days [7][]stretch
	for wd := range 7 {
		days[wd] = openOn(referenceDate(time.Weekday(wd)), usualOn, s.Protected)
	}
	usual := newWeek(days)

	var h Hours
	// The usual week: weekdays with the same windows share rules.
	done := [7]bool{}
	for i := range 7 {
		wd := time.Weekday((i + 1) % 7)
		if done[wd] || len(usual.own[wd]) == 0 {
			continue
		}
		var same availability.Weekdays
		for v := range 7 {
			if !done[v] && slices.Equal(usual.own[v], usual.own[wd]) {
				same |= availability.Days(time.Weekday(v))
				done[v] = true
			}
		}
		for _, r := range rulesFor(nil, same, usual.own[wd]) {
			r.Additional = len(h.Rules) > 0
			h.Rules = append(h.Rules, r)
		}
	}

	// The dates that differ, and the day after each.
	labelOf := map[availability.Date]string{}
	seen := map[availability.Date]bool{}
	var dates []availability.Date
	add := func(d availability.Date, label string) {
		labelOf[d] = label
		for _, x := range []availability.Date{d, d.AddDays(1)} {
			if !seen[x] {
				seen[x] = true
				dates = append(dates, x)
			}
		}
	}
	for _, c := range s.Closures {
		for d := c.From; !d.After(c.Through); d = d.AddDays(1) {
			add(d, c.Label)
			if len(dates) > 10*maxDays {
				return Hours{}, fmt.Errorf("%w: closures cover more than %d dates", availability.ErrTooLarge, 10*maxDays)
			}
		}
	}
	for _, o := range s.Overrides {
		add(o.Date, o.Label) // an override wins over a closure
	}
	slices.SortFunc(dates, availability.Date.Compare)
	type dated struct {
		date  availability.Date
		open  []stretch
		label string
	}
	var changes []dated
	for _, d := range dates {
		got := openOn(d, actualOn, s.Protected)
		var open minutes
		for _, st := range got {
			open.add(st.from, st.to)
		}
		if open == usual.open[d.Weekday()] {
			continue
		}
		label, ok := labelOf[d]
		if n := len(changes); !ok && len(got) == 0 && n > 0 && changes[n-1].date == d.AddDays(-1) && len(changes[n-1].open) == 0 {
			// Closed only because the date before is: the same closure.
			label = changes[n-1].label
		}
		changes = append(changes, dated{d, got, label})
	}
	for i := 0; i < len(changes); {
		c := changes[i]
		if len(c.open) > 0 {
			h.Rules = append(h.Rules, rulesFor(&c.date, 0, c.open)...)
			i++
			continue
		}
		j := i
		for j+1 < len(changes) && len(changes[j+1].open) == 0 && changes[j+1].label == c.label && changes[j+1].date == changes[j].date.AddDays(1) {
			j++
		}
		dr := DateRange{From: monthDayOf(c.date), To: monthDayOf(changes[j].date)}
		h.Rules = append(h.Rules, Rule{Dates: []DateRange{dr}, Times: wholeDay(), Off: true, Comment: cleanComment(c.label)})
		i = j + 1
	}
	if len(h.Rules) == 0 {
		h.Rules = []Rule{{Times: wholeDay(), Off: true}}
	}
	return h, nil
}

func wholeDay() []availability.Span {
	return []availability.Span{{Start: availability.Midnight, End: availability.EndOfDay}}
}

func monthDayOf(d availability.Date) MonthDay {
	return MonthDay{Year: d.Year, Month: d.Month, Day: d.Day}
}

// cleanComment makes a label usable as a comment, which cannot hold a
// double quote.
func cleanComment(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '"' {
			b[i] = '\''
		}
	}
	return string(b)
}

// rulesFor returns the rules that open the stretches on the given days
// (or on the date, when date is not nil): one rule per label, the first a
// normal rule and the others additional.
func rulesFor(date *availability.Date, days availability.Weekdays, open []stretch) []Rule {
	var labels []string
	for _, st := range open {
		if !slices.Contains(labels, st.label) {
			labels = append(labels, st.label)
		}
	}
	var out []Rule
	for k, label := range labels {
		r := Rule{Additional: k > 0, Weekdays: days, Comment: cleanComment(label)}
		if date != nil {
			r.Dates = []DateRange{{From: monthDayOf(*date), To: monthDayOf(*date)}}
		}
		for _, st := range open {
			if st.label == label {
				r.Times = append(r.Times, st.span())
			}
		}
		out = append(out, r)
	}
	return out
}

// openOn returns the open time of date d from its midnight to the next:
// the windows windowsOn gives d, and the part past midnight of those it
// gives the date before, less the protected windows around, all on the
// wall clock, a new stretch wherever the label changes.
func openOn(d availability.Date, windowsOn func(availability.Date) []stretch, protected []availability.Window) []stretch {
	var open minutes
	var labels [minutesPerDay]string
	for off := -1; off <= 0; off++ {
		for _, w := range windowsOn(d.AddDays(off)) {
			from, to := max(w.from+off*minutesPerDay, 0), min(w.to+off*minutesPerDay, minutesPerDay)
			if from >= to {
				continue
			}
			open.add(from, to)
			for m := from; m < to; m++ {
				labels[m] = w.label
			}
		}
	}
	var cut minutes
	for off := -1; off <= 0; off++ {
		day := d.AddDays(off)
		for _, p := range protected {
			if p.Days.Has(day.Weekday()) {
				c := stretchOf(availability.Span{Start: p.Start, End: p.End}, "")
				if from, to := max(c.from+off*minutesPerDay, 0), min(c.to+off*minutesPerDay, minutesPerDay); from < to {
					cut.add(from, to)
				}
			}
		}
	}
	open = open.minus(cut)
	var out []stretch
	open.runs(func(from, to int) {
		for m := from; m < to; {
			end := m + 1
			for end < to && labels[end] == labels[m] {
				end++
			}
			out = append(out, stretch{from: m, to: end, label: labels[m]})
			m = end
		}
	})
	return out
}
