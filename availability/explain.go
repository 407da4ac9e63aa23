package availability

import (
	"fmt"
	"time"
)

// A Code is a stable, machine-readable reason for an availability decision.
// Hosts may switch on codes; the sentences in Reason.Message may change.
type Code string

// The codes of the reasons a schedule gives.
const (
	CodeOpen           Code = "open"            // the time is open
	CodeOutsideHours   Code = "outside_hours"   // no working window covers it
	CodeProtected      Code = "protected_time"  // personal time the provider protects
	CodeHoliday        Code = "holiday"         // a closure: holiday or away period
	CodeOverrideClosed Code = "override_closed" // an override closes the date
	CodeNotEffective   Code = "not_effective"   // outside the schedule's effective period
)

// A Reason explains one availability decision: a stable Code, the rule
// behind it, the rule's Label, the covering colleague during an away
// period, and a sentence a provider can show. The rule is the ID of the
// window, override or closure that decided, when it has one, and otherwise
// the path of what decided in the model: "protected[0]", "hours" for the
// working hours as a whole, or in package booking "services[0].hours",
// "caps.per_day" or `booked["s1"]`.
type Reason struct {
	Code  Code   `json:"code"`
	Rule  string `json:"rule,omitempty"`
	Label string `json:"label,omitempty"`
	// Colleague is who covers for the provider, when a closure names one.
	Colleague string `json:"colleague,omitempty"`
	Message   string `json:"message"`
}

// String returns the message followed by the code.
func (r Reason) String() string { return fmt.Sprintf("%s [%s]", r.Message, r.Code) }

func reasonFor(code Code, r rule, format string, args ...any) Reason {
	return Reason{Code: code, Rule: r.ref(), Label: r.label, Message: fmt.Sprintf(format, args...)}
}

// Explain says whether the instant t is open in the schedule and, when it is
// not, why: protected time first, then a closed date (override, closure,
// effective period) whose usual hours would have covered t, then plain
// outside_hours. Bookings and the booking policy are not considered; see
// Calendar.Check for those.
func (s Schedule) Explain(t time.Time) Reason {
	loc := s.location()
	lt := t.In(loc)
	z := zoneCursor{loc: loc}
	today := DateOf(lt)
	first, last := reach(&z, t, t, crossesMidnight(&s))
	when := func() string { return lt.Format("Mon 2006-01-02 15:04 MST") } // only for a sentence

	for d := first; !d.After(last); d = d.AddDays(1) {
		var hit Reason
		found := false
		s.eachProtected(&z, d, func(iv Interval, j int) bool {
			if iv.Contains(t) {
				w := &s.Protected[j]
				hit = reasonFor(CodeProtected, rule{list: "protected", index: j, id: w.ID, label: w.Label},
					"%s falls in protected time (%s)", when(), w.String())
				found = true
			}
			return !found
		})
		if found {
			return hit
		}
	}
	for d := first; !d.After(last); d = d.AddDays(1) {
		var open Reason
		found := false
		s.eachWorking(&z, d, func(iv Interval, r rule) bool {
			if iv.Contains(t) {
				open = reasonFor(CodeOpen, r, "%s is within working hours", when())
				found = true
			}
			return !found
		})
		if found {
			return open
		}
	}
	// Not open: blame a date whose usual hours would have covered t.
	for d := last; !d.Before(first); d = d.AddDays(-1) {
		kind, i := s.day(d)
		if kind == dayUsual || kind == dayOverride || !s.usualCovers(&z, d, t) {
			continue
		}
		switch kind {
		case dayClosed:
			o := &s.Overrides[i]
			return reasonFor(CodeOverrideClosed, rule{list: "overrides", index: i, id: o.ID, label: o.Label},
				"%s is closed%s", d, labelSuffix(o.Label))
		case dayClosure:
			c := &s.Closures[i]
			// A closure of one day needs no dates beside the one named.
			msg := fmt.Sprintf("%s is a closed day", d)
			switch {
			case c.From != c.Through && c.Label != "":
				msg += fmt.Sprintf(" (%s, %s to %s)", c.Label, c.From, c.Through)
			case c.From != c.Through:
				msg += fmt.Sprintf(" (%s to %s)", c.From, c.Through)
			case c.Label != "":
				msg += " (" + c.Label + ")"
			}
			if c.Colleague != "" {
				msg += "; " + c.Colleague + " covers meanwhile"
			}
			return Reason{Code: CodeHoliday, Rule: rule{list: "closures", index: i, id: c.ID}.ref(), Label: c.Label, Colleague: c.Colleague, Message: msg}
		case dayIneffective:
			return Reason{Code: CodeNotEffective, Rule: "effective", Message: fmt.Sprintf("%s is outside the period the schedule applies to", d)}
		}
	}
	if kind, i := s.day(today); kind == dayOverride {
		o := &s.Overrides[i]
		return reasonFor(CodeOutsideHours, rule{list: "overrides", index: i, id: o.ID, label: o.Label},
			"%s is outside the special hours of %s%s", when(), today, labelSuffix(o.Label))
	}
	return Reason{Code: CodeOutsideHours, Rule: "hours", Message: when() + " is outside working hours"}
}

// usualCovers reports whether the usual weekly windows starting on d cover t.
func (s *Schedule) usualCovers(z *zoneCursor, d Date, t time.Time) bool {
	wd := d.Weekday()
	for j := range s.Hours {
		w := &s.Hours[j]
		if w.Days.Has(wd) && spanOn(z, d, w.Start, w.End).Contains(t) {
			return true
		}
	}
	return false
}

// String names the window for a sentence: "friends, sat 18:00–24:00", or
// "mon-fri 09:00–17:00" without a label.
func (w Window) String() string {
	what := w.Days.String() + " " + w.Start.String() + "–" + w.End.String()
	if w.Label != "" {
		what = w.Label + ", " + what
	}
	return what
}

func labelSuffix(label string) string {
	if label == "" {
		return ""
	}
	return " (" + label + ")"
}
