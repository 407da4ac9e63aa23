package openinghours

import (
	"fmt"
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

// sameTimes compares stretches by their times only.
func sameTimes(a, b []stretch) bool {
	return slices.EqualFunc(a, b, func(x, y stretch) bool { return x.from == y.from && x.to == y.to })
}

// matches reports whether r selects date d; withDates false reads every
// rule with dates as selecting nothing (the usual week).
func (r *Rule) matches(d availability.Date, holiday, withDates bool) bool {
	if len(r.Dates) > 0 {
		if !withDates || !slices.ContainsFunc(r.Dates, func(dr DateRange) bool { return dr.Contains(d) }) {
			return false
		}
	}
	if r.Weekdays == 0 && !r.Holidays {
		return true
	}
	return r.Weekdays.Has(d.Weekday()) || (r.Holidays && holiday)
}

// on evaluates the rules for date d: the open stretches that start on d,
// and the comment of the rule that closed it when none do. A time that
// crosses midnight belongs to the date it starts on; rules for the next
// date do not cut it. When an additional off rule cuts the start of such a
// time, what is left starts on the next date: those stretches come back as
// spill, counted from the next date's midnight.
func (h Hours) on(d availability.Date, holiday, withDates bool) (own, spill []stretch, closedBy string) {
	var cur []stretch
	for i := range h.Rules {
		r := &h.Rules[i]
		if !r.matches(d, holiday, withDates) {
			continue
		}
		if !r.Additional || i == 0 {
			cur, closedBy = nil, ""
			if r.Off {
				closedBy = r.Comment
				continue
			}
		}
		for _, t := range r.Times {
			s := stretchOf(t, r.Comment)
			if r.Off {
				cur = subtract(cur, s)
			} else {
				cur = append(cur, s)
			}
		}
		cur = merge(cur)
	}
	for _, s := range cur {
		if s.from >= minutesPerDay {
			spill = append(spill, stretch{from: s.from - minutesPerDay, to: s.to - minutesPerDay, label: s.label})
		} else {
			own = append(own, s)
		}
	}
	if len(own) > 0 {
		closedBy = ""
	}
	return own, spill, closedBy
}

// day returns the open stretches that start on date d: its own, and what
// the date before spills into it.
func (h Hours) day(d availability.Date, isHoliday func(availability.Date) bool, withDates bool) ([]stretch, string) {
	own, _, closedBy := h.on(d, isHoliday(d), withDates)
	prev := d.AddDays(-1)
	_, spill, _ := h.on(prev, isHoliday(prev), withDates)
	if len(spill) == 0 {
		return own, closedBy
	}
	return merge(append(own, spill...)), ""
}

// merge sorts stretches and joins those that overlap or touch, as long as
// the result is still a valid window (shorter than a day, or a whole day
// from midnight).
func merge(ss []stretch) []stretch {
	slices.SortStableFunc(ss, func(a, b stretch) int { return a.from - b.from })
	var out []stretch
	for _, s := range ss {
		if n := len(out); n > 0 && s.from <= out[n-1].to {
			last := &out[n-1]
			to := max(last.to, s.to)
			if l := to - last.from; l < minutesPerDay || (l == minutesPerDay && last.from == 0) {
				last.to = to
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// subtract removes cut from every stretch.
func subtract(ss []stretch, cut stretch) []stretch {
	var out []stretch
	for _, s := range ss {
		if cut.to <= s.from || cut.from >= s.to {
			out = append(out, s)
			continue
		}
		if cut.from > s.from {
			out = append(out, stretch{from: s.from, to: cut.from, label: s.label})
		}
		if cut.to < s.to {
			out = append(out, stretch{from: cut.to, to: s.to, label: s.label})
		}
	}
	return out
}

// referenceDate returns a date with weekday w.
func referenceDate(w time.Weekday) availability.Date {
	return availability.Date{Year: 2001, Month: time.January, Day: 7}.AddDays(int(w)) // 2001-01-07 was a Sunday
}

// Schedule reads the opening hours into a schedule in opts.Zone: the
// rules without dates or holidays give the working hours of each weekday;
// on the dates where the whole value says something else (a rule with a
// date, or PH on a holiday), an override gives that date's hours, or a
// closure closes it. Rule comments become labels. The schedule is not
// limited to those dates: its weekly hours go on.
//
// Errors: problem.List when rules with days of the year need opts.Dates, or
// when the dates are reversed or past ten years; availability.ErrTooLarge
// when the result passes the schedule size limits; the schedule's
// problem.List when Hours not made by Parse hold values no schedule can (a
// clock past 24:00, a day that is not a weekday).
func (h Hours) Schedule(opts Options) (availability.Schedule, error) {
	s := availability.Schedule{Zone: opts.Zone}
	if s.Zone == time.UTC {
		s.Zone = nil
	}
	holidays := map[availability.Date]bool{}
	for _, d := range opts.Holidays {
		holidays[d] = true
	}
	isHoliday := func(d availability.Date) bool { return holidays[d] }
	noHoliday := func(availability.Date) bool { return false }
	var usual [7][]stretch
	for w := range 7 {
		usual[w], _ = h.day(referenceDate(time.Weekday(w)), noHoliday, false)
	}
	// Each usual stretch becomes one window on every weekday it opens,
	// in order of its first weekday (Monday first), then of start.
	var perDay []availability.Window
	for i := range 7 {
		w := time.Weekday((i + 1) % 7)
		for _, st := range usual[w] {
			sp := st.span()
			perDay = append(perDay, availability.Window{Label: st.label, Days: availability.Days(w), Start: sp.Start, End: sp.End})
		}
	}
	s.Hours = availability.GroupWindows(perDay)

	dates, err := h.specialDates(opts)
	if err != nil {
		return availability.Schedule{}, err
	}
	type closedDay struct {
		date  availability.Date
		label string
	}
	var closed []closedDay
	for _, d := range dates {
		got, label := h.day(d, isHoliday, true)
		if sameTimes(got, usual[d.Weekday()]) {
			continue
		}
		if len(got) == 0 {
			closed = append(closed, closedDay{d, label})
			continue
		}
		o := availability.Override{Date: d, Label: got[0].label}
		for _, st := range got {
			o.Hours = append(o.Hours, st.span())
		}
		s.Overrides = append(s.Overrides, o)
	}
	for i := 0; i < len(closed); {
		j := i
		for j+1 < len(closed) && closed[j+1].date == closed[j].date.AddDays(1) && closed[j+1].label == closed[i].label {
			j++
		}
		s.Closures = append(s.Closures, availability.Closure{Label: closed[i].label, From: closed[i].date, Through: closed[j].date})
		i = j + 1
	}
	if len(s.Hours) > availability.MaxWindows || len(s.Overrides) > availability.MaxOverrides || len(s.Closures) > availability.MaxClosures {
		return availability.Schedule{}, fmt.Errorf("%w: the opening hours give %d windows, %d overrides and %d closures", availability.ErrTooLarge, len(s.Hours), len(s.Overrides), len(s.Closures))
	}
	if err := s.Validate(); err != nil {
		return availability.Schedule{}, err
	}
	return s, nil
}

// specialDates returns, in order, the dates to evaluate one by one.
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
		out := make([]availability.Date, 0, from.DaysUntil(through)+2)
		for d := from; !d.After(through.AddDays(1)); d = d.AddDays(1) {
			out = append(out, d) // and the day after, which the last may spill into
		}
		return out, nil
	}
	seen := map[availability.Date]bool{}
	var out []availability.Date
	add := func(d availability.Date) error {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
		if len(out) > maxDays {
			return problem.List{{Path: "dates", Code: "too_long", Message: fmt.Sprintf("the rules' dates cover more than %d days; give Options.Dates", maxDays)}}
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
				return nil, problem.List{{Path: fmt.Sprintf("rules[%d].dates[%d]", i, j), Code: "required",
					Message: fmt.Sprintf("%s repeats every year; give Options.Dates to write it out", dr)}}
			}
			first := availability.Date{Year: dr.From.Year, Month: dr.From.Month, Day: max(dr.From.Day, 1)}
			last := availability.Date{Year: dr.To.Year, Month: dr.To.Month, Day: dr.To.Day}
			if last.Day == 0 {
				last = availability.Date{Year: dr.To.Year, Month: dr.To.Month + 1, Day: 1}.AddDays(-1)
				if dr.To.Month == time.December {
					last = availability.Date{Year: dr.To.Year, Month: time.December, Day: 31}
				}
			}
			for d := first; !d.After(last); d = d.AddDays(1) {
				if err := add(d); err != nil {
					return nil, err
				}
			}
		}
	}
	// A date's spill past midnight can change the date after it.
	for _, d := range out {
		if next := d.AddDays(1); !seen[next] {
			seen[next] = true
			out = append(out, next)
		}
	}
	slices.SortFunc(out, availability.Date.Compare)
	return out, nil
}

// Format returns the opening_hours value of a schedule; see FromSchedule.
func Format(s availability.Schedule) (string, error) {
	h, err := FromSchedule(s)
	if err != nil {
		return "", err
	}
	return h.String(), nil
}

// FromSchedule writes a schedule as opening hours: for each weekday, its
// working windows less its protected time ("Mo-Fr 09:00-12:00,13:00-17:00");
// then, for each date an override or closure changes (and the date after
// it, which a window crossing midnight may reach), a dated rule ("2026 Dec
// 24 10:00-14:00", "2026 Dec 25-2026 Dec 26 off"). Labels become comments.
// Parsing the result and reading it with Hours.Schedule in the same zone
// gives a schedule with the same open time.
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
	overrides := map[availability.Date]int{}
	for i, o := range s.Overrides {
		overrides[o.Date] = i
	}
	actualOn := func(d availability.Date) []stretch {
		var out []stretch
		for _, w := range s.WorkingOn(d) {
			out = append(out, stretchOf(availability.Span{Start: w.Start, End: w.End}, w.Label))
		}
		return out
	}
	var usual [7][]stretch
	for w := range 7 {
		usual[w] = openOn(referenceDate(time.Weekday(w)), usualOn, s.Protected)
	}

	var h Hours
	// The usual week: weekdays with the same stretches share rules.
	done := [7]bool{}
	for i := range 7 {
		w := time.Weekday((i + 1) % 7)
		if done[w] || len(usual[w]) == 0 {
			continue
		}
		var days availability.Weekdays
		for v := range 7 {
			if !done[v] && slices.Equal(usual[v], usual[w]) {
				days |= availability.Days(time.Weekday(v))
				done[v] = true
			}
		}
		h.Rules = append(h.Rules, rulesFor(nil, days, usual[w])...)
	}

	// The dates that differ, and the day after each.
	seen := map[availability.Date]bool{}
	var dates []availability.Date
	add := func(d availability.Date) {
		for _, x := range []availability.Date{d, d.AddDays(1)} {
			if !seen[x] {
				seen[x] = true
				dates = append(dates, x)
			}
		}
	}
	for _, o := range s.Overrides {
		add(o.Date)
	}
	for _, c := range s.Closures {
		for d := c.From; !d.After(c.Through); d = d.AddDays(1) {
			add(d)
			if len(dates) > 10*maxDays {
				return Hours{}, fmt.Errorf("%w: closures cover more than %d dates", availability.ErrTooLarge, 10*maxDays)
			}
		}
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
		if slices.Equal(got, usual[d.Weekday()]) {
			continue
		}
		label := ""
		if i, ok := overrides[d]; ok {
			label = s.Overrides[i].Label
		} else if j := slices.IndexFunc(s.Closures, func(c availability.Closure) bool { return c.Contains(d) }); j >= 0 {
			label = s.Closures[j].Label
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

// openOn returns the open stretches that start on date d: the windows
// windowsOn gives d and the date before it, less the protected windows
// around, all on the wall clock.
func openOn(d availability.Date, windowsOn func(availability.Date) []stretch, protected []availability.Window) []stretch {
	var cuts []stretch
	for off := -2; off <= 1; off++ {
		day := d.AddDays(off)
		for _, p := range protected {
			if p.Days.Has(day.Weekday()) {
				c := stretchOf(availability.Span{Start: p.Start, End: p.End}, "")
				c.from += off * minutesPerDay
				c.to += off * minutesPerDay
				cuts = append(cuts, c)
			}
		}
	}
	var out []stretch
	for off := -1; off <= 0; off++ {
		for _, w := range windowsOn(d.AddDays(off)) {
			w.from += off * minutesPerDay
			w.to += off * minutesPerDay
			pieces := []stretch{w}
			for _, c := range cuts {
				pieces = subtract(pieces, c)
			}
			for _, p := range pieces {
				if p.from >= 0 && p.from < minutesPerDay {
					out = append(out, p)
				}
			}
		}
	}
	return merge(out)
}
