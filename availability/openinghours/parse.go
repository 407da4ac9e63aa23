package openinghours

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/internal/prose"
)

// Sentinel errors, matched with errors.Is by *SyntaxError.
var (
	// ErrSyntax marks input that is not an opening_hours value.
	ErrSyntax = errors.New("invalid opening_hours syntax")
	// ErrUnsupported marks valid opening_hours syntax outside the subset
	// this package reads (see the package documentation).
	ErrUnsupported = errors.New("unsupported opening_hours feature")
)

// A SyntaxError reports where an opening_hours value broke: Column counts
// characters from 1, Msg says what was expected, and Err is ErrSyntax or
// ErrUnsupported.
type SyntaxError struct {
	Input  string
	Column int
	Msg    string
	Err    error
}

// Error quotes the start of the input, cut to a short prefix, and points
// at the column.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("opening_hours %s: column %d: %s", prose.Quote(e.Input), e.Column, e.Msg)
}

// Unwrap returns ErrSyntax or ErrUnsupported.
func (e *SyntaxError) Unwrap() error { return e.Err }

// maxInput bounds the length of a value Parse reads.
const maxInput = 64 << 10

// Parse reads an opening_hours value in the subset described in the
// package documentation, such as
//
//	Mo-Fr 09:00-17:00; Sa 10:00-14:00; Su off; PH off
//
// Errors are *SyntaxError with the column where the value broke.
func Parse(s string) (Hours, error) {
	p := parser{in: s}
	if len(s) > maxInput {
		return Hours{}, p.fail(0, ErrSyntax, "value longer than %d bytes", maxInput)
	}
	p.spaces()
	if p.eof() {
		return Hours{}, p.fail(p.i, ErrSyntax, "empty value")
	}
	var h Hours
	additional := false
	for {
		r, ends, err := p.rule()
		if err != nil {
			return Hours{}, err
		}
		r.Additional = additional && len(h.Rules) > 0
		h.Rules = append(h.Rules, r)
		p.spaces()
		if p.eof() {
			return h, nil
		}
		switch {
		case strings.HasPrefix(p.rest(), "||"):
			return Hours{}, p.fail(p.i, ErrUnsupported, "fallback rules (||) are not supported")
		case p.rest()[0] == ';':
			p.i++
			additional = false
		case p.rest()[0] == ',' && len(p.rest()) > 1 && (p.rest()[1] == ' ' || p.rest()[1] == '\t'):
			if !ends {
				// opening_hours.js reads ", " as an additional rule only
				// after a time, a comment or a modifier; after selectors
				// it continues their list, or is an error.
				return Hours{}, p.fail(p.i, ErrSyntax, "an additional rule (\", \") must follow a time, a comment or a modifier; use \"; \" here")
			}
			p.i++
			additional = true
		default:
			return Hours{}, p.fail(p.i, ErrSyntax, "want \"; \" or \", \" between rules")
		}
		p.spaces()
		if p.eof() {
			return Hours{}, p.fail(p.i, ErrSyntax, "want a rule after the separator")
		}
	}
}

// MustParse is Parse for literals; it panics on error.
func MustParse(s string) Hours {
	h, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return h
}

type parser struct {
	in string
	i  int
}

func (p *parser) eof() bool    { return p.i >= len(p.in) }
func (p *parser) rest() string { return p.in[p.i:] }

func (p *parser) fail(at int, err error, format string, args ...any) error {
	at = min(at, len(p.in))
	return &SyntaxError{Input: p.in, Column: utf8.RuneCountInString(p.in[:at]) + 1, Msg: fmt.Sprintf(format, args...), Err: err}
}

func (p *parser) spaces() {
	for !p.eof() && (p.in[p.i] == ' ' || p.in[p.i] == '\t') {
		p.i++
	}
}

// word returns the run of ASCII letters at the cursor, without moving.
func (p *parser) word() string {
	j := p.i
	for j < len(p.in) && (p.in[j] >= 'a' && p.in[j] <= 'z' || p.in[j] >= 'A' && p.in[j] <= 'Z') {
		j++
	}
	return p.in[p.i:j]
}

// digits returns the run of ASCII digits at the cursor, without moving.
func (p *parser) digits() string {
	j := p.i
	for j < len(p.in) && p.in[j] >= '0' && p.in[j] <= '9' {
		j++
	}
	return p.in[p.i:j]
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func lookup(names []string, w string) int {
	for i, n := range names {
		if n != "" && strings.EqualFold(n, w) {
			return i
		}
	}
	return -1
}

// rule parses one rule: selectors, then a modifier and a comment. It
// also reports whether the rule ends with a time, a modifier or a comment,
// after which ", " starts an additional rule.
func (p *parser) rule() (Rule, bool, error) {
	var r Rule
	start := p.i
	selected, ends := false, false
	if strings.HasPrefix(p.rest(), "24/7") {
		p.i += 4
		selected = true
	} else {
		// Wide range selectors: dates, introduced by a year or a month.
		if p.startsDate() {
			dates, err := p.dates()
			if err != nil {
				return Rule{}, false, err
			}
			r.Dates, selected = dates, true
			p.spaces()
			if !p.eof() && p.in[p.i] == ':' {
				colon := p.i
				p.i++
				p.spaces()
				if p.eof() || strings.IndexByte(";,|\"", p.in[p.i]) >= 0 {
					return Rule{}, false, p.fail(colon, ErrSyntax, "want weekdays, a time or a modifier after the colon")
				}
			}
			p.spaces()
		}
		// Weekday selector.
		if w := p.word(); lookup(dayCodes[:], w) >= 0 || strings.EqualFold(w, "PH") || strings.EqualFold(w, "SH") {
			if err := p.weekdays(&r); err != nil {
				return Rule{}, false, err
			}
			selected = true
			p.spaces()
			if w := p.word(); lookup(dayCodes[:], w) >= 0 || strings.EqualFold(w, "PH") {
				return Rule{}, false, p.fail(p.i, ErrUnsupported, "weekdays that are also holidays (\"PH Mo-Fr\") are not supported; a comma (\"Mo-Fr,PH\") selects either")
			}
		}
		// Time selector.
		if d := p.digits(); d != "" {
			if len(d) == 4 {
				return Rule{}, false, p.fail(p.i, ErrUnsupported, "a year without a month is not supported; write \"2026 Jan 01-2026 Dec 31\"")
			}
			times, err := p.times()
			if err != nil {
				return Rule{}, false, err
			}
			r.Times, selected, ends = times, true, true
			p.spaces()
		} else if w := strings.ToLower(p.word()); w == "sunrise" || w == "sunset" || w == "dawn" || w == "dusk" {
			return Rule{}, false, p.fail(p.i, ErrUnsupported, "variable times (%s) are not supported", w)
		} else if w == "week" {
			return Rule{}, false, p.fail(p.i, ErrUnsupported, "week selectors are not supported")
		} else if w == "easter" {
			return Rule{}, false, p.fail(p.i, ErrUnsupported, "easter is not supported")
		}
	}
	p.spaces()
	// Rule modifier and comment.
	modifier := false
	switch w := p.word(); strings.ToLower(w) {
	case "off", "closed":
		r.Off = true
		p.i += len(w)
		selected, modifier = true, true
	case "open":
		p.i += len(w)
		selected, modifier = true, true
	case "unknown":
		return Rule{}, false, p.fail(p.i, ErrUnsupported, "the unknown modifier is not supported")
	case "":
	default:
		return Rule{}, false, p.fail(p.i, ErrSyntax, "unexpected %s", prose.Quote(w))
	}
	p.spaces()
	if !p.eof() && p.in[p.i] == '"' {
		end := strings.IndexByte(p.in[p.i+1:], '"')
		if end < 0 {
			return Rule{}, false, p.fail(p.i, ErrSyntax, "unterminated comment")
		}
		if !selected {
			return Rule{}, false, p.fail(p.i, ErrUnsupported, "a rule that is only a comment is not supported")
		}
		if !modifier {
			// A comment without a modifier makes the state unknown
			// (opening_hours.js, the specification's "unknown"), which a
			// schedule cannot hold.
			return Rule{}, false, p.fail(p.i, ErrUnsupported, "a comment without open or off means the state is unknown, which is not supported; write open or off before it")
		}
		r.Comment = p.in[p.i+1 : p.i+1+end]
		p.i += end + 2
	}
	ends = ends || modifier
	if !selected {
		if p.eof() {
			return Rule{}, false, p.fail(start, ErrSyntax, "want a rule")
		}
		c, _ := utf8.DecodeRuneInString(p.rest())
		return Rule{}, false, p.fail(p.i, ErrSyntax, "unexpected %q", c)
	}
	if len(r.Times) == 0 {
		r.Times = []availability.Span{{Start: availability.Midnight, End: availability.EndOfDay}}
	}
	return r, ends, nil
}

// startsDate reports whether a date selector starts at the cursor: a
// month name, or a four-digit year followed by a space and a month.
func (p *parser) startsDate() bool {
	if lookup(monthNames[:], p.word()) > 0 {
		return true
	}
	d := p.digits()
	if len(d) != 4 {
		return false
	}
	rest := p.in[p.i+4:]
	rest = strings.TrimLeft(rest, " ")
	for _, m := range monthNames[1:] {
		if len(rest) >= 3 && strings.EqualFold(rest[:3], m) {
			return true
		}
	}
	return false
}

// dates parses a comma-separated list of date ranges.
func (p *parser) dates() ([]DateRange, error) {
	var out []DateRange
	for {
		at := p.i
		from, err := p.monthDay(true)
		if err != nil {
			return nil, err
		}
		if len(out) > 0 && from.Year != 0 && from.Day == 0 {
			return nil, p.fail(at, ErrSyntax, "a month with a year cannot follow another date in a list; write it in a rule of its own")
		}
		if from.Day != 0 && slices.ContainsFunc(out, func(r DateRange) bool { return r.From.Day == 0 }) && out[0].From.Day != 0 {
			// "Feb 01,Jan,Feb 25" selects no date in opening_hours.js.
			return nil, p.fail(at, ErrUnsupported, "a day after a month after a day in one list is read as no date by opening_hours.js; write the months first or in a rule of their own")
		}
		r := DateRange{From: from, To: from}
		if !p.eof() && p.in[p.i] == '-' {
			p.i++
			toAt := p.i
			if d := p.digits(); d != "" && len(d) <= 2 {
				// "Dec 24-26": a day in the same month and year.
				if from.Day == 0 {
					return nil, p.fail(toAt, ErrSyntax, "a month range ends with a month")
				}
				if atoi(d) == 0 {
					return nil, p.fail(toAt, ErrSyntax, "days start at 1")
				}
				p.i += len(d)
				r.To = MonthDay{Year: from.Year, Month: from.Month, Day: atoi(d)}
				if r.To.Day < from.Day {
					return nil, p.fail(toAt, ErrSyntax, "the range ends before it starts")
				}
				if r.To.Month == time.February && r.To.Day >= 28 {
					// opening_hours.js reads "Feb 20-28" as no date at all
					// in a year whose February has 28 days.
					return nil, p.fail(toAt, ErrUnsupported, "a range of February days that ends on the 28th or 29th is read as no date by opening_hours.js; write \"Feb %02d-Feb %02d\"", from.Day, r.To.Day)
				}
			} else {
				to, err := p.monthDay(from.Year != 0)
				if err != nil {
					return nil, err
				}
				if (from.Day == 0) != (to.Day == 0) {
					return nil, p.fail(toAt, ErrSyntax, "both ends of a range need a day, or neither")
				}
				// opening_hours.js reads a range with years as "2026 Dec
				// 24-26", "2026 Dec 24-2027 Jan 02" or "2026 Feb-Mar", and
				// rejects the other forms.
				switch {
				case from.Year != 0 && from.Day != 0 && to.Year == 0:
					return nil, p.fail(toAt, ErrSyntax, "a range from a date with a year ends with a day (\"2026 Dec 24-26\") or a date with a year (\"2026 Dec 24-2027 Jan 02\")")
				case from.Year != 0 && from.Day == 0 && to.Year != 0:
					return nil, p.fail(toAt, ErrSyntax, "a range of months with a year ends with a month without one (\"2026 Feb-Mar\")")
				}
				if to.Year == 0 {
					to.Year = from.Year
				}
				r.To = to
			}
			if err := checkDay(r.To); err != nil {
				return nil, p.fail(toAt, ErrSyntax, "%v", err)
			}
			if r.To.Year == 0 && r.To.Month == from.Month && r.To.Day != 0 && r.To.Day < from.Day {
				return nil, p.fail(toAt, ErrUnsupported, "opening_hours.js reads a range that ends before it starts in the same month as no date; split it at the new year")
			}
			if r.To.Year == 0 && r.From.Day != 0 && r.wholeYear() {
				return nil, p.fail(toAt, ErrUnsupported, "opening_hours.js reads a range that runs around the whole year as no date; leave the dates out")
			}
			if r.To.Year == 0 && r.To.Month == time.February && r.To.Day == 29 {
				return nil, p.fail(toAt, ErrUnsupported, "opening_hours.js reads a range that ends on February 29 as ending on March 1 in years without one; end it on February 28 or March 1")
			}
			if from.Year != 0 && r.To.Day != 0 && !r.Contains(availability.Date{Year: r.To.Year, Month: r.To.Month, Day: r.To.Day}) ||
				from.Year != 0 && r.To.Day == 0 && (r.To.Year*12+int(r.To.Month) < from.Year*12+int(from.Month)) {
				return nil, p.fail(toAt, ErrSyntax, "the range ends before it starts")
			}
		}
		out = append(out, r)
		if !p.listComma(p.startsDate) {
			return out, nil
		}
		if r.To.Day == 0 && len(p.digits()) == 4 {
			return nil, p.fail(p.i, ErrSyntax, "a date with a year cannot follow a month in a list (\"Feb-Mar,2026 Dec 24\"); write it in a rule of its own")
		}
		if (len(p.digits()) == 4) != (out[0].From.Year != 0) {
			// opening_hours.js carries the year of "2026 Feb-Mar" over to
			// the dates after it, but not that of "2026 Mar 03".
			return nil, p.fail(p.i, ErrUnsupported, "a list that mixes dates with and without a year is not supported; write them in rules of their own")
		}
	}
}

// monthDay parses "[YYYY ]Mon[ DD]"; a year is allowed when dated is true.
func (p *parser) monthDay(dated bool) (MonthDay, error) {
	var m MonthDay
	if d := p.digits(); len(d) == 4 {
		if !dated {
			return MonthDay{}, p.fail(p.i, ErrSyntax, "a range with a year at its end needs one at its start")
		}
		m.Year = atoi(d)
		if m.Year < 1 {
			return MonthDay{}, p.fail(p.i, ErrSyntax, "year out of range")
		}
		p.i += 4
		p.spaces()
	}
	at := p.i
	month := lookup(monthNames[:], p.word())
	if month <= 0 || len(p.word()) != 3 {
		return MonthDay{}, p.fail(at, ErrSyntax, "want a month (Jan to Dec)")
	}
	m.Month = time.Month(month)
	p.i += 3
	// An optional day after one space, when digits follow (not a time).
	if p.i+1 < len(p.in) && p.in[p.i] == ' ' {
		save := p.i
		p.i++
		d := p.digits()
		// "Jan 01: 10:00" has a day and a separator; "Jan 10:00" a time.
		after := p.i + len(d)
		isTime := after+1 < len(p.in) && p.in[after] == ':' && p.in[after+1] >= '0' && p.in[after+1] <= '9'
		if isTime && m.Year != 0 {
			// Other readers take "2026 Jun 10:00" for June 10.
			return MonthDay{}, p.fail(save, ErrSyntax, "write a colon between a month with a year and a time (\"2026 Jun: 10:00-12:00\")")
		}
		if d != "" && len(d) <= 2 && !isTime {
			if atoi(d) == 0 {
				return MonthDay{}, p.fail(save+1, ErrSyntax, "days start at 1")
			}
			m.Day = atoi(d)
			p.i += len(d)
			if err := checkDay(m); err != nil {
				return MonthDay{}, p.fail(save+1, ErrSyntax, "%v", err)
			}
		} else {
			p.i = save
		}
	}
	return m, nil
}

// checkDay checks that a month-day names a real day (February 29 is
// allowed without a year).
func checkDay(m MonthDay) error {
	if m.Day == 0 {
		return nil
	}
	y := m.Year
	if y == 0 {
		y = 2000 // a leap year, so Feb 29 is allowed
	}
	if !(availability.Date{Year: y, Month: m.Month, Day: m.Day}).IsValid() {
		return fmt.Errorf("%s %d is not a day", monthNames[m.Month], m.Day)
	}
	return nil
}

// weekdays parses "Mo-Fr,Su,PH".
func (p *parser) weekdays(r *Rule) error {
	for {
		at := p.i
		w := p.word()
		switch {
		case strings.EqualFold(w, "PH"):
			r.Holidays = true
			p.i += 2
		case strings.EqualFold(w, "SH"):
			return p.fail(at, ErrUnsupported, "school holidays (SH) are not supported")
		default:
			d := lookup(dayCodes[:], w)
			if d < 0 || len(w) != 2 {
				return p.fail(at, ErrSyntax, "want a weekday (Mo to Su) or PH")
			}
			p.i += 2
			last := d
			if !p.eof() && p.in[p.i] == '[' {
				return p.fail(p.i, ErrUnsupported, "weekday ordinals such as Su[1] are not supported")
			}
			if !p.eof() && p.in[p.i] == '-' {
				p.i++
				toAt := p.i
				w2 := p.word()
				last = lookup(dayCodes[:], w2)
				if last < 0 || len(w2) != 2 {
					return p.fail(toAt, ErrSyntax, "want a weekday after -")
				}
				p.i += 2
			}
			for day := d; ; day = (day + 1) % 7 {
				r.Weekdays |= availability.Days(time.Weekday(day))
				if day == last {
					break
				}
			}
		}
		if p.i+1 < len(p.in) && p.in[p.i] == ',' && p.in[p.i+1] != ' ' && p.in[p.i+1] != '\t' {
			p.i++ // "Mo,We": a weekday must follow
			continue
		}
		if !p.listComma(func() bool {
			w := p.word()
			return lookup(dayCodes[:], w) >= 0 || strings.EqualFold(w, "PH") || strings.EqualFold(w, "SH")
		}) {
			return nil
		}
	}
}

// listComma moves past a comma, and any spaces after it, when next reports
// that what follows continues a list; a comma and a space followed by
// anything else ends the list (and may start an additional rule), as in
// opening_hours.js.
func (p *parser) listComma(next func() bool) bool {
	if p.eof() || p.in[p.i] != ',' {
		return false
	}
	save := p.i
	p.i++
	p.spaces()
	if !p.eof() && next() {
		return true
	}
	p.i = save
	return false
}

// times parses "09:00-12:00,13:00-17:30".
func (p *parser) times() ([]availability.Span, error) {
	var out []availability.Span
	for {
		at := p.i
		start, ok := p.clock(false)
		if !ok {
			return nil, p.fail(at, ErrSyntax, "want a time HH:MM")
		}
		if start >= availability.EndOfDay {
			return nil, p.fail(at, ErrSyntax, "a span starts before 24:00")
		}
		if p.eof() || p.in[p.i] != '-' {
			if !p.eof() && p.in[p.i] == '+' {
				return nil, p.fail(p.i, ErrUnsupported, "open-ended times (10:00+) are not supported")
			}
			return nil, p.fail(p.i, ErrUnsupported, "points in time are not supported; want a span HH:MM-HH:MM")
		}
		p.i++
		endAt := p.i
		end, ok := p.clock(true)
		if !ok {
			return nil, p.fail(endAt, ErrSyntax, "want a time HH:MM")
		}
		if !p.eof() && (p.in[p.i] == '+' || p.in[p.i] == '/') {
			return nil, p.fail(p.i, ErrUnsupported, "open ends and repeating times are not supported")
		}
		span := availability.Span{Start: start, End: end}
		switch {
		case end == start:
			return nil, p.fail(endAt, ErrSyntax, "the span is empty")
		case end > availability.EndOfDay:
			// Extended time, "22:00-26:00": the end falls on the next day.
			span.End = end - availability.EndOfDay
			if span.End >= start {
				return nil, p.fail(endAt, ErrUnsupported, "spans of 24 hours or more are not supported")
			}
		}
		out = append(out, span)
		if p.i+1 < len(p.in) && p.in[p.i] == ',' && p.in[p.i+1] >= '0' && p.in[p.i+1] <= '9' {
			p.i++ // "09:00-12:00,13:00-17:00"
			continue
		}
		if !p.listComma(p.startsClock) { // "09:00-12:00, 13:00-17:00"
			return out, nil
		}
	}
}

// startsClock reports whether a time HH:MM starts at the cursor.
func (p *parser) startsClock() bool {
	s := p.rest()
	return len(s) >= 5 && s[2] == ':' && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[3]) && isDigit(s[4])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// clock parses HH:MM; extended allows hours up to 48.
func (p *parser) clock(extended bool) (availability.Clock, bool) {
	s := p.rest()
	if len(s) < 5 || s[2] != ':' {
		return 0, false
	}
	for _, i := range []int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	h, m := atoi(s[:2]), atoi(s[3:5])
	limit := 24
	if extended {
		limit = 48
	}
	if m > 59 || h > limit || h == limit && m > 0 {
		return 0, false
	}
	p.i += 5
	return availability.ClockOf(h, m), true
}

// wholeYear reports whether a range of days of every year that wraps past
// the new year ends, in some year, on the day before it starts.
func (r DateRange) wholeYear() bool {
	if int(r.From.Month)*32+max(r.From.Day, 1) <= int(r.To.Month)*32+cmpDay(r.To.Day) {
		return false
	}
	for _, y := range []int{2027, 2028} { // a common year and a leap year
		first := onOrAfter(y+1, r.From.Month, max(r.From.Day, 1))
		last := onOrBefore(y+1, r.To.Month, cmpDay(r.To.Day))
		if first == last+1 {
			return true
		}
	}
	return false
}

// cmpDay is the day a range's end means: 31 for a whole month.
func cmpDay(d int) int {
	if d == 0 {
		return 31
	}
	return d
}
