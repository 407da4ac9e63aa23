package openinghours

import (
	"math/bits"
	"slices"
	"time"

	"github.com/practicekit/boundaries/availability"
)

// This file evaluates a value date by date the way opening_hours.js, the
// reference implementation of the specification, does:
//
//   - a rule gives a date the times it selects, cut at midnight; the part
//     of a time that runs past midnight belongs to the next date, and is
//     given to it by the same rule when the rule selects the date before
//     (so "Mo off" does not take Tuesday's early hours from "Mo-Su
//     22:00-02:00");
//   - every minute takes the meaning (open or off) of the last rule that
//     covers it;
//   - a normal rule (after "; ") that opens and has selectors (dates,
//     weekdays, PH) hides every rule before it on the dates it selects,
//     including their times past midnight into those dates; so does one
//     without selectors when the rule before it has none either. An off
//     rule hides nothing: it closes its own times (the whole day when it
//     has none).
//
// Minutes are bits, so a date costs about as much as the rules that select
// it, and rules that select no date in a range cost nothing there.

// dayWords is how many 64-bit words hold one bit per minute of a day.
const dayWords = (minutesPerDay + 63) / 64

// A minutes is a set of the minutes of one day: bit m is the minute that
// starts m minutes after midnight.
type minutes [dayWords]uint64

// add adds the minutes from through to-1.
func (m *minutes) add(from, to int) {
	for from < to {
		w := from / 64
		end := min(to, (w+1)*64)
		m[w] |= ones(from-w*64, end-w*64)
		from = end
	}
}

// ones returns the bits lo through hi-1, for 0 <= lo < hi <= 64.
func ones(lo, hi int) uint64 {
	return ^uint64(0) >> (64 - (hi - lo)) << lo
}

// subsetOf reports whether every minute of m is in n.
func (m *minutes) subsetOf(n *minutes) bool {
	for i := range m {
		if m[i]&^n[i] != 0 {
			return false
		}
	}
	return true
}

// union returns the minutes in m or n.
func (m minutes) union(n minutes) minutes {
	for i := range m {
		m[i] |= n[i]
	}
	return m
}

// minus returns the minutes in m and not in n.
func (m minutes) minus(n minutes) minutes {
	for i := range m {
		m[i] &^= n[i]
	}
	return m
}

// runs calls f with each run of minutes, from and to, in order.
func (m *minutes) runs(f func(from, to int)) {
	from := -1
	for k, w := range m {
		for pos := 0; pos < 64; {
			if from < 0 {
				rest := w >> pos
				if rest == 0 {
					break
				}
				pos += bits.TrailingZeros64(rest)
				from = k*64 + pos
				continue
			}
			rest := ^w >> pos
			if rest == 0 {
				break // the run goes on into the next word
			}
			pos += bits.TrailingZeros64(rest)
			f(from, k*64+pos)
			from = -1
		}
	}
	if from >= 0 {
		f(from, minutesPerDay)
	}
}

// A dayOpen is the open time of one date, from its midnight to the next.
type dayOpen struct {
	open minutes
	// rule[m] is the rule that opened minute m, whose comment labels it.
	rule [minutesPerDay]int32
	// closedBy is the last rule that closed a minute of the date, or -1.
	closedBy int32
}

// stretches returns the open time as stretches, a new one wherever the
// label changes.
func (d *dayOpen) stretches(rules []Rule) []stretch {
	var out []stretch
	d.open.runs(func(from, to int) {
		for m := from; m < to; {
			r := d.rule[m]
			end := m + 1
			for end < to && (d.rule[end] == r || rules[d.rule[end]].Comment == rules[r].Comment) {
				end++
			}
			out = append(out, stretch{from: m, to: end, label: rules[r].Comment})
			m = end
		}
	})
	return out
}

// closedLabel returns the comment of the rule that closed the date last,
// or "".
func (d *dayOpen) closedLabel(rules []Rule) string {
	if d.closedBy < 0 {
		return ""
	}
	return rules[d.closedBy].Comment
}

// A ruleSet is a set of rules, bit i for rule i.
type ruleSet []uint64

func newRuleSet(n int) ruleSet { return make(ruleSet, (n+63)/64) }

func (s ruleSet) add(i int) { s[i/64] |= 1 << (i % 64) }

// A program is a value prepared for evaluation, date by date.
type program struct {
	rules []Rule
	// own[i] are the minutes rule i gives a date it selects, cut at
	// midnight; wrap[i] the minutes it gives the next date, past midnight.
	own, wrap []minutes
	// resets[i] says that rule i hides the rules before it on the dates it
	// selects.
	resets []bool
	// undated are the rules without dates; weekday[d] the rules that
	// select weekday d or have neither weekdays nor PH; holiday the rules
	// with PH; wrapping the rules with a time past midnight.
	undated, holiday, wrapping ruleSet
	weekday                    [7]ruleSet
}

// hasSelectors reports whether r selects dates, weekdays or holidays.
func (r *Rule) hasSelectors() bool {
	return len(r.Dates) > 0 || r.Weekdays != 0 || r.Holidays
}

// compile prepares h for evaluation.
func compile(h Hours) *program {
	n := len(h.Rules)
	p := &program{
		rules:    h.Rules,
		own:      make([]minutes, n),
		wrap:     make([]minutes, n),
		resets:   make([]bool, n),
		undated:  newRuleSet(n),
		holiday:  newRuleSet(n),
		wrapping: newRuleSet(n),
	}
	for d := range p.weekday {
		p.weekday[d] = newRuleSet(n)
	}
	for i := range h.Rules {
		r := &h.Rules[i]
		for _, t := range r.Times {
			start, end := min(int(t.Start), minutesPerDay), min(int(t.End), minutesPerDay)
			if end > start {
				p.own[i].add(start, end)
				continue
			}
			p.own[i].add(start, minutesPerDay) // past midnight
			if end > 0 {
				p.wrap[i].add(0, end)
				p.wrapping.add(i)
			}
		}
		p.resets[i] = i == 0 || !r.Additional && !r.Off && (r.hasSelectors() || !h.Rules[i-1].hasSelectors())
		if len(r.Dates) == 0 {
			p.undated.add(i)
		}
		if r.Holidays {
			p.holiday.add(i)
		}
		for d := range 7 {
			if r.Weekdays.Has(time.Weekday(d)) || r.Weekdays == 0 && !r.Holidays {
				p.weekday[d].add(i)
			}
		}
	}
	return p
}

// selects returns into out the rules that select a date with weekday wd,
// whether it is a holiday, and the rules whose dates hold it (dated).
func (p *program) selects(out, dated ruleSet, wd time.Weekday, holiday bool) {
	for i := range out {
		days := p.weekday[wd][i]
		if holiday {
			days |= p.holiday[i]
		}
		out[i] = (p.undated[i] | dated[i]) & days
	}
}

// evaluate computes the open time of a date that the rules in sel select,
// when the rules in prev select the date before it. It walks the rules
// from the last, so that each minute is decided once, by the last rule
// that covers it, and stops at a rule that hides those before it.
func (p *program) evaluate(sel, prev ruleSet, out *dayOpen) {
	out.open, out.closedBy = minutes{}, -1
	var decided minutes
	left := minutesPerDay
	apply := func(i int, m *minutes) {
		off := p.rules[i].Off
		for k := range m {
			fresh := m[k] &^ decided[k]
			if fresh == 0 {
				continue
			}
			decided[k] |= fresh
			left -= bits.OnesCount64(fresh)
			if off {
				if out.closedBy < 0 {
					out.closedBy = int32(i)
				}
				continue
			}
			out.open[k] |= fresh
			for b := fresh; b != 0; b &= b - 1 {
				out.rule[k*64+bits.TrailingZeros64(b)] = int32(i)
			}
		}
	}
	for k := len(sel) - 1; k >= 0; k-- {
		wraps := prev[k] & p.wrapping[k]
		for m := sel[k] | wraps; m != 0; {
			b := 63 - bits.LeadingZeros64(m)
			m &^= 1 << b
			i := k*64 + b
			if wraps&(1<<b) != 0 {
				apply(i, &p.wrap[i])
			}
			if sel[k]&(1<<b) != 0 {
				apply(i, &p.own[i])
				if p.resets[i] {
					return
				}
			}
			if left == 0 {
				return
			}
		}
	}
}

// dayNumber counts days from 1970-01-01.
func dayNumber(d availability.Date) int { return epoch.DaysUntil(d) }

var epoch = availability.Date{Year: 1970, Month: time.January, Day: 1}

// A dateEvent starts or ends rule's dates holding a day.
type dateEvent struct {
	day   int
	rule  int32
	delta int32
}

// A dateSweep says which rules' dates hold each day, for days asked in
// order, in time linear in the date ranges and the days asked.
type dateSweep struct {
	events []dateEvent
	next   int
	count  []int32
	active ruleSet
}

// newDateSweep prepares the date ranges of rules for the days lo through
// hi (day numbers): ranges with years where they fall, ranges of every
// year in each year that reaches those days.
func newDateSweep(rules []Rule, lo, hi int) *dateSweep {
	s := &dateSweep{count: make([]int32, len(rules)), active: newRuleSet(len(rules))}
	yLo, yHi := epoch.AddDays(lo).Year, epoch.AddDays(hi).Year
	for i := range rules {
		for _, r := range rules[i].Dates {
			r.spans(yLo, yHi, func(first, last int) {
				if last < lo || first > hi {
					return
				}
				s.events = append(s.events, dateEvent{day: first, rule: int32(i), delta: 1}, dateEvent{day: last + 1, rule: int32(i), delta: -1})
			})
		}
	}
	slices.SortFunc(s.events, func(a, b dateEvent) int { return a.day - b.day })
	return s
}

// at returns the rules whose dates hold day, which must not be before the
// day asked last.
func (s *dateSweep) at(day int) ruleSet {
	for ; s.next < len(s.events) && s.events[s.next].day <= day; s.next++ {
		e := s.events[s.next]
		s.count[e.rule] += e.delta
		if s.count[e.rule] > 0 {
			s.active.add(int(e.rule))
		} else {
			s.active[e.rule/64] &^= 1 << (e.rule % 64)
		}
	}
	return s.active
}

// spans calls f with the first and last day number of each run of dates r
// holds: once for a range with years, and for a range of every year once
// for each year from yLo-1 through yHi (a range that wraps past the new
// year runs into the next). It holds the dates Contains does.
func (r DateRange) spans(yLo, yHi int, f func(first, last int)) {
	from, to := r.From, r.To
	fromDay, toDay := max(from.Day, 1), to.Day
	if toDay == 0 {
		toDay = 31
	}
	if from.Year != 0 {
		first, last := onOrAfter(from.Year, from.Month, fromDay), onOrBefore(to.Year, to.Month, toDay)
		if first <= last {
			f(first, last)
		}
		return
	}
	wraps := int(from.Month)*32+fromDay > int(to.Month)*32+toDay
	for y := yLo - 1; y <= yHi; y++ {
		endYear := y
		if wraps {
			endYear++
		}
		first, last := onOrAfter(y, from.Month, fromDay), onOrBefore(endYear, to.Month, toDay)
		if first <= last {
			f(first, last)
		}
	}
}

// onOrAfter returns the day number of the first date on or after day d of
// month m of year y (the next month's first when the month is shorter).
func onOrAfter(y int, m time.Month, d int) int {
	if d > availability.DaysIn(y, m) {
		return dayNumber(availability.Date{Year: y, Month: m, Day: 1}) + availability.DaysIn(y, m)
	}
	return dayNumber(availability.Date{Year: y, Month: m, Day: d})
}

// onOrBefore returns the day number of the last date on or before day d
// of month m of year y (the month's last when the month is shorter).
func onOrBefore(y int, m time.Month, d int) int {
	return dayNumber(availability.Date{Year: y, Month: m, Day: min(d, availability.DaysIn(y, m))})
}
