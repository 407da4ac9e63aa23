package ical

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
)

// A Frequency is the FREQ of a recurrence rule. The zero Frequency is
// invalid: every rule names one.
type Frequency uint8

// The frequencies of RFC 5545 §3.3.10.
const (
	Secondly Frequency = iota + 1
	Minutely
	Hourly
	Daily
	Weekly
	Monthly
	Yearly
)

var freqNames = [...]string{"", "SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"}

// String returns the RFC name, "WEEKLY".
func (f Frequency) String() string {
	if int(f) < len(freqNames) && f != 0 {
		return freqNames[f]
	}
	return fmt.Sprintf("Frequency(%d)", int(f))
}

// A Day is a day of the week as a recurrence rule writes it (MO, TU, …).
// The zero Day is Monday, which is also RFC 5545's default week start.
type Day uint8

// The days, Monday first.
const (
	Monday Day = iota
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
	Sunday
)

var dayCodes = [7]string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}

// DayOf returns the Day of a time.Weekday.
func DayOf(w time.Weekday) Day { return Day((int(w) + 6) % 7) }

// Weekday returns d as a time.Weekday.
func (d Day) Weekday() time.Weekday { return time.Weekday((int(d) + 1) % 7) }

// String returns the two-letter code, "MO".
func (d Day) String() string {
	if d < 7 {
		return dayCodes[d]
	}
	return fmt.Sprintf("Day(%d)", int(d))
}

func parseDay(s string) (Day, bool) {
	for i, c := range dayCodes {
		if strings.EqualFold(s, c) {
			return Day(i), true
		}
	}
	return 0, false
}

// A WeekdayNum is one BYDAY entry: a day, and for MONTHLY and YEARLY rules
// an optional ordinal N (1 is the first such day in the month or year, -1
// the last; 0 means every such day).
type WeekdayNum struct {
	N   int
	Day Day
}

// String formats the entry as "MO", "1FR" or "-2MO".
func (w WeekdayNum) String() string {
	if w.N == 0 {
		return w.Day.String()
	}
	return strconv.Itoa(w.N) + w.Day.String()
}

// A Recur is an RFC 5545 recurrence rule (the RECUR value of an RRULE,
// §3.3.10). Its zero value (no Freq) is "no rule".
//
// Lists are in the order written; expansion sorts and de-duplicates them.
// Interval 0 means 1. Count 0 means no count. A zero Until means no end.
type Recur struct {
	Freq     Frequency
	Until    DateTime
	Count    int
	Interval int

	BySecond   []int
	ByMinute   []int
	ByHour     []int
	ByDay      []WeekdayNum
	ByMonthDay []int
	ByYearDay  []int
	ByWeekNo   []int
	ByMonth    []int
	BySetPos   []int
	// WeekStart is WKST; the zero Day, Monday, is the RFC's default.
	WeekStart Day
}

// maxList bounds the length of each BYxxx list.
const maxList = 400

// IsZero reports whether r is the zero Recur, "no rule".
func (r Recur) IsZero() bool { return r.Freq == 0 }

// interval returns Interval, 1 when zero.
func (r Recur) interval() int { return max(r.Interval, 1) }

// partNames are the rule parts, and partPaths the path Validate uses for
// each.
var (
	partNames = [...]string{"FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR",
		"BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST"}
	partPaths = [len(partNames)]string{"freq", "until", "count", "interval", "by_second", "by_minute", "by_hour",
		"by_day", "by_month_day", "by_year_day", "by_week_no", "by_month", "by_set_pos", "week_start"}
)

// ParseRecur parses a RECUR value such as "FREQ=WEEKLY;BYDAY=MO,WE,FR".
// Rule part names and values are case-insensitive and may come in any
// order; a part may not repeat; unknown parts are errors rather than
// silently ignored, since ignoring one changes the rule. Every problem
// Validate would report is an error here too, at the column of its part.
func ParseRecur(s string) (Recur, error) {
	var r Recur
	var cols [len(partNames)]int // the column of each part given, 0 if absent
	col := 1
	fail := func(c int, format string, args ...any) (Recur, error) {
		return Recur{}, &SyntaxError{Column: c, Msg: fmt.Sprintf(format, args...), Near: s}
	}
	for part := range strings.SplitSeq(s, ";") {
		at := col
		col += len(part) + 1
		if part == "" {
			continue // tolerate a stray or trailing semicolon
		}
		name, value, ok := strings.Cut(part, "=")
		if !ok {
			return fail(at, "want NAME=VALUE")
		}
		name = strings.ToUpper(name)
		part := slices.Index(partNames[:], name)
		if part < 0 {
			return fail(at, "unknown rule part %s", prose.Quote(name))
		}
		if cols[part] != 0 {
			return fail(at, "%s given twice", name)
		}
		cols[part] = at
		vcol := at + len(name) + 1
		var err string
		var c int
		switch name {
		case "FREQ":
			r.Freq = 0
			for f := Secondly; f <= Yearly; f++ {
				if strings.EqualFold(value, f.String()) {
					r.Freq = f
				}
			}
			if r.Freq == 0 {
				return fail(vcol, "unknown frequency %s", prose.Quote(value))
			}
		case "UNTIL":
			var d DateTime
			if d, c, err = parseDateTime(strings.ToUpper(value)); err != "" {
				return fail(vcol+c-1, "UNTIL: %s", err)
			}
			r.Until = d
		case "COUNT", "INTERVAL":
			if !digits(value) || len(value) > 10 {
				return fail(vcol, "%s: want a positive integer", name)
			}
			if name == "COUNT" {
				r.Count = atoi(value)
			} else {
				r.Interval = atoi(value)
			}
			if atoi(value) == 0 {
				return fail(vcol, "%s: want a positive integer", name)
			}
		case "WKST":
			d, ok := parseDay(value)
			if !ok {
				return fail(vcol, "WKST: unknown day %s", prose.Quote(value))
			}
			r.WeekStart = d
		case "BYDAY":
			icol := vcol
			for item := range strings.SplitSeq(value, ",") {
				w, ok := parseWeekdayNum(item)
				if !ok || len(r.ByDay) > maxList {
					return fail(icol, "BYDAY: bad entry %s", prose.Quote(item))
				}
				r.ByDay = append(r.ByDay, w)
				icol += len(item) + 1
			}
		default:
			list, ok := parseIntList(value)
			if !ok {
				return fail(vcol, "%s: want a comma-separated list of integers", name)
			}
			switch name {
			case "BYSECOND":
				r.BySecond = list
			case "BYMINUTE":
				r.ByMinute = list
			case "BYHOUR":
				r.ByHour = list
			case "BYMONTHDAY":
				r.ByMonthDay = list
			case "BYYEARDAY":
				r.ByYearDay = list
			case "BYWEEKNO":
				r.ByWeekNo = list
			case "BYMONTH":
				r.ByMonth = list
			case "BYSETPOS":
				r.BySetPos = list
			}
		}
	}
	if cols == [len(partNames)]int{} {
		return fail(1, "empty rule")
	}
	var l problem.List
	r.validate(&l, "")
	if len(l) > 0 {
		p := l[0]
		path, _, _ := strings.Cut(p.Path, "[")
		return fail(max(cols[slices.Index(partPaths[:], path)], 1), "%s", p.Message)
	}
	return r, nil
}

// MustParseRecur is ParseRecur for literals; it panics on error.
func MustParseRecur(s string) Recur {
	r, err := ParseRecur(s)
	if err != nil {
		panic(err)
	}
	return r
}

func parseWeekdayNum(s string) (WeekdayNum, bool) {
	if len(s) < 2 {
		return WeekdayNum{}, false
	}
	d, ok := parseDay(s[len(s)-2:])
	if !ok {
		return WeekdayNum{}, false
	}
	num := s[:len(s)-2]
	if num == "" {
		return WeekdayNum{Day: d}, true
	}
	n, ok := parseSigned(num)
	if !ok || n == 0 {
		return WeekdayNum{}, false
	}
	return WeekdayNum{N: n, Day: d}, true
}

// parseSigned parses [+|-]digits with at most four digits.
func parseSigned(s string) (int, bool) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if !digits(s) || len(s) > 4 {
		return 0, false
	}
	n := atoi(s)
	if neg {
		n = -n
	}
	return n, true
}

func parseIntList(s string) ([]int, bool) {
	var out []int
	for item := range strings.SplitSeq(s, ",") {
		n, ok := parseSigned(item)
		if !ok || len(out) > maxList {
			return nil, false
		}
		out = append(out, n)
	}
	return out, true
}

// String formats r as a RECUR value with its parts in a fixed order: FREQ,
// UNTIL or COUNT, INTERVAL (when above 1), the BYxxx parts in RFC order,
// WKST (when not Monday). ParseRecur(r.String()) returns r.
func (r Recur) String() string {
	if r.IsZero() {
		return ""
	}
	var b strings.Builder
	b.WriteString("FREQ=")
	b.WriteString(r.Freq.String())
	if !r.Until.IsZero() {
		b.WriteString(";UNTIL=")
		b.WriteString(r.Until.String())
	}
	if r.Count > 0 {
		fmt.Fprintf(&b, ";COUNT=%d", r.Count)
	}
	if r.Interval > 1 {
		fmt.Fprintf(&b, ";INTERVAL=%d", r.Interval)
	}
	list := func(name string, l []int) {
		if len(l) == 0 {
			return
		}
		b.WriteString(";" + name + "=")
		for i, n := range l {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(n))
		}
	}
	list("BYSECOND", r.BySecond)
	list("BYMINUTE", r.ByMinute)
	list("BYHOUR", r.ByHour)
	if len(r.ByDay) > 0 {
		b.WriteString(";BYDAY=")
		for i, w := range r.ByDay {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(w.String())
		}
	}
	list("BYMONTHDAY", r.ByMonthDay)
	list("BYYEARDAY", r.ByYearDay)
	list("BYWEEKNO", r.ByWeekNo)
	list("BYMONTH", r.ByMonth)
	list("BYSETPOS", r.BySetPos)
	if r.WeekStart != Monday {
		b.WriteString(";WKST=" + r.WeekStart.String())
	}
	return b.String()
}

// MarshalText returns the RECUR value.
func (r Recur) MarshalText() ([]byte, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return []byte(r.String()), nil
}

// UnmarshalText parses a RECUR value.
func (r *Recur) UnmarshalText(b []byte) error {
	v, err := ParseRecur(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Validate reports every problem with r, each with a path such as
// "by_day[1]" and a code: required, out_of_range, count_and_until,
// not_allowed (a part RFC 5545's table marks N/A for the frequency),
// set_pos_alone, too_many.
func (r Recur) Validate() error {
	var l problem.List
	r.validate(&l, "")
	return l.Err()
}

func (r *Recur) validate(l *problem.List, path string) {
	at := func(name string) string { return problem.Join(path, name) }
	if r.Freq == 0 || r.Freq > Yearly {
		l.Add(at("freq"), problem.Required, "a rule needs FREQ, one of SECONDLY to YEARLY")
	}
	if r.Interval < 0 || r.Interval > 1_000_000 {
		l.Add(at("interval"), problem.OutOfRange, "INTERVAL %d is out of range 1 to 1000000", r.Interval)
	}
	if r.Count < 0 || r.Count > 1_000_000_000 {
		l.Add(at("count"), problem.OutOfRange, "COUNT %d is out of range 1 to 1000000000", r.Count)
	}
	if r.Count > 0 && !r.Until.IsZero() {
		l.Add(at("until"), problem.Conflict, "UNTIL and COUNT must not both be given")
	}
	if !r.Until.IsZero() {
		u := r.Until
		if !u.Date.IsValid() || u.Hour < 0 || u.Hour > 23 || u.Minute < 0 || u.Minute > 59 || u.Second < 0 || u.Second > 59 {
			l.Add(at("until"), problem.OutOfRange, "UNTIL %s is not a valid date-time", u)
		}
	}
	ints := func(name string, list []int, lo, hi int, signed bool) {
		if len(list) > maxList {
			l.Add(at(name), problem.TooMany, "%d values; at most %d are allowed", len(list), maxList)
			return
		}
		for i, n := range list {
			bad := n < lo || n > hi
			if signed {
				bad = n == 0 || n < -hi || n > hi
			}
			if bad {
				rng := fmt.Sprintf("%d to %d", lo, hi)
				if signed {
					rng = fmt.Sprintf("1 to %d or -%d to -1", hi, hi)
				}
				l.Add(problem.Index(at(name), i), problem.OutOfRange, "%d is out of range %s", n, rng)
			}
		}
	}
	ints("by_second", r.BySecond, 0, 60, false)
	ints("by_minute", r.ByMinute, 0, 59, false)
	ints("by_hour", r.ByHour, 0, 23, false)
	ints("by_month_day", r.ByMonthDay, 1, 31, true)
	ints("by_year_day", r.ByYearDay, 1, 366, true)
	ints("by_week_no", r.ByWeekNo, 1, 53, true)
	ints("by_month", r.ByMonth, 1, 12, false)
	ints("by_set_pos", r.BySetPos, 1, 366, true)
	if len(r.ByDay) > maxList {
		l.Add(at("by_day"), problem.TooMany, "%d values; at most %d are allowed", len(r.ByDay), maxList)
	}
	if r.WeekStart > Sunday {
		l.Add(at("week_start"), problem.OutOfRange, "WKST %d is not a day", int(r.WeekStart))
	}
	for i, w := range r.ByDay {
		if w.Day <= Sunday && w.N == 0 {
			continue // the common case, valid for every frequency
		}
		p := problem.Index(at("by_day"), i)
		switch {
		case w.Day > Sunday:
			l.Add(p, problem.OutOfRange, "%d is not a day", int(w.Day))
		case w.N < -53 || w.N > 53:
			l.Add(p, problem.OutOfRange, "ordinal %d is out of range 1 to 53 or -53 to -1", w.N)
		case w.N != 0 && r.Freq != Monthly && r.Freq != Yearly:
			l.Add(p, problem.Conflict, "BYDAY %s has an ordinal, which only MONTHLY and YEARLY rules allow", w)
		case w.N != 0 && r.Freq == Yearly && len(r.ByWeekNo) > 0:
			l.Add(p, problem.Conflict, "BYDAY %s has an ordinal, which a YEARLY rule with BYWEEKNO does not allow", w)
		}
	}
	if len(r.ByWeekNo) > 0 && r.Freq != Yearly && r.Freq != 0 {
		l.Add(at("by_week_no"), problem.Conflict, "BYWEEKNO is only allowed in YEARLY rules")
	}
	if len(r.ByYearDay) > 0 && (r.Freq == Daily || r.Freq == Weekly || r.Freq == Monthly) {
		l.Add(at("by_year_day"), problem.Conflict, "BYYEARDAY is not allowed in %s rules", r.Freq)
	}
	if len(r.ByMonthDay) > 0 && r.Freq == Weekly {
		l.Add(at("by_month_day"), problem.Conflict, "BYMONTHDAY is not allowed in WEEKLY rules")
	}
	if len(r.BySetPos) > 0 && len(r.BySecond)+len(r.ByMinute)+len(r.ByHour)+len(r.ByDay)+len(r.ByMonthDay)+
		len(r.ByYearDay)+len(r.ByWeekNo)+len(r.ByMonth) == 0 {
		l.Add(at("by_set_pos"), problem.Conflict, "BYSETPOS needs another BYxxx rule part")
	}
}
