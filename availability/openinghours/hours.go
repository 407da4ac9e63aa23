package openinghours

import (
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
)

// Hours is a parsed opening_hours value: its rules, in order, which mean
// what they mean to opening_hours.js (see the package documentation): a
// later normal rule that opens replaces earlier ones on the dates it
// selects, an additional rule adds to them, and an off rule closes its
// times. The zero Hours has no rule and is never open.
type Hours struct {
	Rules []Rule
}

// A Rule is one rule of an opening_hours value: which dates it selects,
// the times it gives them, and whether it opens or closes.
type Rule struct {
	// Additional says the rule follows the previous one with ", " (it adds
	// to what earlier rules said) rather than "; " (it replaces it). It is
	// ignored on the first rule.
	Additional bool
	// Dates select days of the year ("Dec 24-26", "Jun-Aug") or dated
	// days ("2026 Dec 24"); none selects every date.
	Dates []DateRange
	// Weekdays and Holidays select days of the week and public holidays
	// ("Mo-Fr,PH"): a date matches when its weekday is in Weekdays or it
	// is a holiday. Neither selects every day.
	Weekdays availability.Weekdays
	Holidays bool
	// Times are the spans the rule gives each selected date; a span that
	// ends at or before its start ends on the next day ("22:00-02:00"): the
	// rule gives the part after midnight to the next date. 00:00-24:00 is
	// the whole day. A rule without times gets the whole day, so Times is
	// never empty after Parse.
	Times []availability.Span
	// Off makes the rule close its times instead of opening them.
	Off bool
	// Comment is the rule's comment, without its quotes. It is written
	// after "open" or "off": a comment alone would make the state unknown.
	Comment string
}

// A DateRange selects dates from From through To, inclusive. A zero Year
// means every year, and then the range may wrap past the new year ("Dec
// 24-Jan 02"); a zero Day means the whole month ("Jun-Aug"). Either both
// ends have a year or neither does.
type DateRange struct {
	From, To MonthDay
}

// A MonthDay is one end of a DateRange: an optional year, a month, and an
// optional day.
type MonthDay struct {
	Year  int
	Month time.Month
	Day   int
}

// Contains reports whether the date d is in the range.
func (r DateRange) Contains(d availability.Date) bool {
	from, to := r.From, r.To
	fromDay, toDay := max(from.Day, 1), to.Day
	if toDay == 0 {
		toDay = 31
	}
	if from.Year != 0 {
		key := func(y int, m time.Month, day int) int { return (y*13+int(m))*32 + day }
		k := key(d.Year, d.Month, d.Day)
		return k >= key(from.Year, from.Month, fromDay) && k <= key(to.Year, to.Month, toDay)
	}
	k := int(d.Month)*32 + d.Day
	lo, hi := int(from.Month)*32+fromDay, int(to.Month)*32+toDay
	if lo <= hi {
		return k >= lo && k <= hi
	}
	return k >= lo || k <= hi
}

var monthNames = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// dayCodes are the weekday names, by time.Weekday.
var dayCodes = [7]string{"Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"}

// String formats m as "2026 Dec 24", "Dec 24" or "Dec".
func (m MonthDay) String() string {
	var b strings.Builder
	if m.Year != 0 {
		fmt.Fprintf(&b, "%04d ", m.Year)
	}
	if m.Month >= time.January && m.Month <= time.December {
		b.WriteString(monthNames[m.Month])
	} else {
		b.WriteString(m.Month.String()) // "%!Month(13)", which Parse rejects
	}
	if m.Day != 0 {
		fmt.Fprintf(&b, " %02d", m.Day)
	}
	return b.String()
}

// String formats the range as opening_hours writes it: "Dec 25",
// "Dec 24-26", "Jun-Aug", "2026 Feb-Mar", "2026 Dec 24-2027 Jan 02" (a
// range of days with years names the end's year, even when it is the
// same, unless the range stays in one month: "2026 Dec 24-26"). A range
// of February days that ends on the 28th or 29th names its end's month
// ("Feb 20-Feb 28"), which opening_hours.js reads right.
func (r DateRange) String() string {
	if r.From == r.To {
		return r.From.String()
	}
	feb := r.To.Month == time.February && r.To.Day >= 28 // "Feb 20-28" is read as no date by opening_hours.js
	if r.From.Year == r.To.Year && r.From.Month == r.To.Month && r.From.Day != 0 && r.To.Day >= r.From.Day && !feb {
		return fmt.Sprintf("%s-%02d", r.From, r.To.Day)
	}
	to := r.To
	if to.Year == r.From.Year && (to.Day == 0 || to.Year == 0) {
		to.Year = 0
	}
	return r.From.String() + "-" + to.String()
}

// String formats the value in canonical form: rules joined by "; " or
// ", ", weekdays Monday first with runs of three or more as ranges
// ("Mo-Fr", "Sa,Su"), times "HH:MM-HH:MM", "24/7" for a rule that opens
// every date all day, "off" for the zero Hours, "open" before the comment
// of a rule that opens (a comment alone would mean "unknown"), a colon
// between a date range that ends with a month and a time ("Jun-Aug:
// 10:00-12:00"), and "open" at the end of a rule before an additional one
// where readers would otherwise take the ", " for more selectors or times
// ("Mo-Su open, Sa 10:00-12:00 off"). Parse(h.String()) gives h back.
func (h Hours) String() string {
	if len(h.Rules) == 0 {
		return "off"
	}
	var b strings.Builder
	for i, r := range h.Rules {
		if i > 0 {
			if r.Additional {
				b.WriteString(", ")
			} else {
				b.WriteString("; ")
			}
		}
		var next *Rule
		if i+1 < len(h.Rules) && h.Rules[i+1].Additional {
			next = &h.Rules[i+1]
		}
		b.WriteString(r.format(next))
	}
	return b.String()
}

// String formats one rule.
func (r Rule) String() string { return r.format(nil) }

// format formats one rule; next is the rule after it when that one is
// additional. opening_hours.js reads ", " as the start of an additional
// rule only after a time, a comment or a modifier, and ", " and a time as
// more times, so a rule before an additional one ends with "open" when it
// would end with its selectors, or with a time before one that starts
// with a time.
func (r Rule) format(next *Rule) string {
	var parts []string
	allDay := len(r.Times) == 1 && r.Times[0] == (availability.Span{Start: availability.Midnight, End: availability.EndOfDay})
	open := r.Comment != "" && !r.Off // "open" before a comment, which alone would mean unknown
	if !r.hasSelectors() && allDay && !r.Off && r.Comment == "" {
		parts = append(parts, "24/7")
		open = next != nil
	} else {
		if len(r.Dates) > 0 {
			ds := make([]string, len(r.Dates))
			for i, d := range r.Dates {
				ds[i] = d.String()
			}
			parts = append(parts, strings.Join(ds, ","))
		}
		if r.Weekdays != 0 || r.Holidays {
			parts = append(parts, formatWeekdays(r.Weekdays, r.Holidays))
		}
		times := !allDay || len(parts) == 0 && !r.Off
		if times {
			if len(r.Dates) > 0 && r.Weekdays == 0 && !r.Holidays && r.Dates[len(r.Dates)-1].To.Day == 0 {
				parts[len(parts)-1] += ":" // "Jun-Aug: 10:00-12:00", not "Aug 10"
			}
			parts = append(parts, formatTimes(r.Times))
		}
		if next != nil && !r.Off && r.Comment == "" && (!times || !next.hasSelectors()) {
			open = true
		}
		if r.Off {
			parts = append(parts, "off")
		}
	}
	if open {
		parts = append(parts, "open")
	}
	if r.Comment != "" {
		parts = append(parts, `"`+r.Comment+`"`)
	}
	return strings.Join(parts, " ")
}

func formatWeekdays(w availability.Weekdays, holidays bool) string {
	var parts []string
	at := func(i int) time.Weekday { return time.Weekday((i + 1) % 7) } // Monday first
	for i := 0; i < 7; {
		if !w.Has(at(i)) {
			i++
			continue
		}
		j := i
		for j+1 < 7 && w.Has(at(j+1)) {
			j++
		}
		if j-i >= 2 {
			parts = append(parts, dayCodes[at(i)]+"-"+dayCodes[at(j)])
		} else {
			for k := i; k <= j; k++ {
				parts = append(parts, dayCodes[at(k)])
			}
		}
		i = j + 1
	}
	if holidays {
		parts = append(parts, "PH")
	}
	return strings.Join(parts, ",")
}

func formatTimes(ts []availability.Span) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.Start.String() + "-" + t.End.String()
	}
	return strings.Join(parts, ",")
}

// MarshalText returns the canonical form.
func (h Hours) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText parses an opening_hours value.
func (h *Hours) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*h = v
	return nil
}
