package openinghours

import (
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
)

// Hours is a parsed opening_hours value: its rules, in order. Later normal
// rules replace earlier ones on the dates they select; additional rules
// add to them (or, with off, take away). The zero Hours has no rule and is
// never open.
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
	// ends at or before its start ends on the next day ("22:00-02:00"), and
	// 00:00-24:00 is the whole day. A rule without times gets the whole
	// day, so Times is never empty after Parse.
	Times []availability.Span
	// Off makes the rule close its times instead of opening them.
	Off bool
	// Comment is the rule's comment, without its quotes.
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
// "Dec 24-26", "Jun-Aug", "2026 Dec 24-2027 Jan 02".
func (r DateRange) String() string {
	if r.From == r.To {
		return r.From.String()
	}
	if r.From.Year == r.To.Year && r.From.Month == r.To.Month && r.From.Day != 0 && r.To.Day != 0 {
		return fmt.Sprintf("%s-%02d", r.From, r.To.Day)
	}
	to := r.To
	if to.Year == r.From.Year {
		to.Year = 0
	}
	return r.From.String() + "-" + to.String()
}

// String formats the value in canonical form: rules joined by "; " or
// ", ", weekdays Monday first with runs of three or more as ranges
// ("Mo-Fr", "Sa,Su"), times "HH:MM-HH:MM", "24/7" for a rule that opens
// every date all day, and "off" for the zero Hours. Parse(h.String())
// gives h back.
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
		b.WriteString(r.String())
	}
	return b.String()
}

// String formats one rule.
func (r Rule) String() string {
	var parts []string
	allDay := len(r.Times) == 1 && r.Times[0] == (availability.Span{Start: availability.Midnight, End: availability.EndOfDay})
	if len(r.Dates) == 0 && r.Weekdays == 0 && !r.Holidays && allDay && !r.Off {
		parts = append(parts, "24/7")
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
		if !allDay || (len(parts) == 0 && !r.Off) {
			parts = append(parts, formatTimes(r.Times))
		}
		if r.Off {
			parts = append(parts, "off")
		}
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
