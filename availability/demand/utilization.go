package demand

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/booking"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Utilization is how much of a stretch of open time is booked: the open
// time in Range and the booked part of it. Bookings outside open time (an
// on-demand session at night) do not count, so Booked never exceeds Open.
// The zero Utilization has no open time and a Ratio of 0.
type Utilization struct {
	Range  availability.Interval `json:"range"`
	Open   time.Duration         `json:"open"`
	Booked time.Duration         `json:"booked"`
}

// Ratio returns Booked/Open, from 0 to 1; it is 0 when there is no open
// time, so a provider who is away counts as not busy.
func (u Utilization) Ratio() float64 {
	if u.Open <= 0 {
		return 0
	}
	return float64(u.Booked) / float64(u.Open)
}

// String formats the utilization as "12h0m0s of 60h0m0s open booked (20%)".
func (u Utilization) String() string {
	return fmt.Sprintf("%s of %s open booked (%s)", prose.Hours(u.Booked), prose.Hours(u.Open), prose.Ratio(u.Ratio()))
}

// Measure returns how much of the open time of s in r the bookings take.
// It returns availability.ErrRangeTooLong when r is longer than
// availability.MaxRange.
func Measure(s availability.Schedule, booked booking.Sessions, r availability.Interval) (Utilization, error) {
	u := Utilization{Range: r}
	if r.IsEmpty() {
		return u, nil
	}
	open, err := s.Open(r)
	if err != nil {
		return Utilization{}, err
	}
	u.Open = open.Duration()
	if u.Open == 0 {
		return u, nil
	}
	var ivs []availability.Interval
	for x := range booked.In(r) {
		ivs = append(ivs, x.Intersect(r))
	}
	u.Booked = availability.NewSet(ivs...).Intersect(open).Duration()
	return u, nil
}

// A Condition is a window that is part of a schedule only while
// utilization over the coming Over is below or above a threshold: "when
// the next 14 days are under 40% booked, also open Saturday 10:00–14:00",
// or, with Protect, "when the next 7 days are over 90% booked, keep Friday
// afternoon free". Thresholds are ratios from 0 to 1.
//
// A zero Below or Above sets no bound; the condition holds when every
// bound that is set holds (strictly below Below, strictly above Above). A
// zero Condition is invalid: it sets no bound and no Over.
type Condition struct {
	// Window is the window added while the condition holds; its ID names
	// the condition in reasons.
	Window availability.Window `json:"window"`
	// Protect adds the window to the protected windows instead of the
	// working hours.
	Protect bool `json:"protect,omitzero"`
	// Below is the utilization the schedule must be under, such as 0.4.
	Below float64 `json:"below,omitzero"`
	// Above is the utilization the schedule must be over, such as 0.9.
	Above float64 `json:"above,omitzero"`
	// Over is the stretch after now that utilization is measured over,
	// such as 14 days.
	Over time.Duration `json:"over"`
}

// Holds reports whether the condition holds at utilization ratio r.
func (c Condition) Holds(r float64) bool {
	return (c.Below <= 0 || r < c.Below) && (c.Above <= 0 || r > c.Above)
}

// Codes of the reasons ApplyConditions gives.
const (
	// CodeConditionMet: a conditional window applies.
	CodeConditionMet availability.Code = "condition_met"
	// CodeConditionNotMet: a conditional window does not apply.
	CodeConditionNotMet availability.Code = "condition_not_met"
)

// Apply returns the schedule in force at now: s with every
// conditional window whose condition holds added to its working hours, or
// to its protected windows when the window says Protect. Utilization is
// measured on s itself, over [now, now+Over), from the bookings given. It
// also returns one reason per conditional window, in order, saying whether
// it applies and the utilization it was judged on.
//
// Apply is pure: the same schedule, instant, bookings and conditions give
// the same schedule. It never changes s. It returns
// availability.ErrRangeTooLong when an Over is longer than
// availability.MaxRange, and the problem.List of ValidateConditions when a
// condition is otherwise invalid: an invalid condition is never applied.
func Apply(s availability.Schedule, now time.Time, booked booking.Sessions, windows []Condition) (availability.Schedule, []availability.Reason, error) {
	for _, c := range windows {
		if c.Over > availability.MaxRange {
			return availability.Schedule{}, nil, fmt.Errorf("%w: utilization over %s is longer than %s", availability.ErrRangeTooLong, prose.Duration(c.Over), prose.Duration(availability.MaxRange))
		}
	}
	if err := ValidateConditions(windows); err != nil {
		return availability.Schedule{}, nil, err
	}
	out := s
	out.Hours = slices.Clip(s.Hours)
	out.Protected = slices.Clip(s.Protected)
	reasons := make([]availability.Reason, 0, len(windows))
	measured := map[time.Duration]Utilization{}
	for i, c := range windows {
		u, ok := measured[c.Over]
		if !ok {
			var err error
			if u, err = Measure(s, booked, availability.IntervalOf(now, c.Over)); err != nil {
				return availability.Schedule{}, nil, err
			}
			measured[c.Over] = u
		}
		ref := c.Window.ID
		if ref == "" {
			ref = problem.Index("conditions", i)
		}
		when := now.In(zoneOf(s)).Format(prose.TimeLayout)
		what := fmt.Sprintf("%s %s–%s", c.Window.Days, c.Window.Start, c.Window.End)
		if c.Protect {
			what += " is protected"
		} else {
			what += " is open"
		}
		bound := c.bound()
		if !c.Holds(u.Ratio()) {
			reasons = append(reasons, availability.Reason{Code: CodeConditionNotMet, Rule: ref, Label: c.Window.Label,
				Message: fmt.Sprintf("the %s after %s are %s booked, not %s, so %s only when that changes", prose.Duration(c.Over), when, prose.Ratio(u.Ratio()), bound, what)})
			continue
		}
		if c.Protect {
			out.Protected = append(out.Protected, c.Window)
		} else {
			out.Hours = append(out.Hours, c.Window)
		}
		reasons = append(reasons, availability.Reason{Code: CodeConditionMet, Rule: ref, Label: c.Window.Label,
			Message: fmt.Sprintf("the %s after %s are %s booked (%s of %s open), %s, so %s", prose.Duration(c.Over), when, prose.Ratio(u.Ratio()), prose.Hours(u.Booked), prose.Hours(u.Open), bound, what)})
	}
	return out, reasons, nil
}

// bound describes the condition: "under 40%", "over 90%", "between 20%
// and 60%".
func (c Condition) bound() string {
	switch {
	case c.Below > 0 && c.Above > 0:
		return fmt.Sprintf("between %s and %s", prose.Ratio(c.Above), prose.Ratio(c.Below))
	case c.Below > 0:
		return "under " + prose.Ratio(c.Below)
	case c.Above > 0:
		return "over " + prose.Ratio(c.Above)
	}
	return "unconditional"
}

// Validate returns nil or problem.List listing everything wrong with the
// conditional window, with codes no_days, invalid_clock, empty_window,
// required, out_of_range, reversed and too_long.
func (c Condition) Validate() error {
	var l problem.List
	c.validate(&l, "")
	return l.Err()
}

func (c *Condition) validate(l *problem.List, path string) {
	if err := c.Window.Validate(); err != nil {
		*l = append(*l, err.(problem.List).Under(problem.Join(path, "window"))...)
	}
	if c.Below == 0 && c.Above == 0 {
		l.Add(path, problem.Required, "a conditional window needs a bound: below, above or both")
	}
	for _, b := range []struct {
		name string
		v    float64
	}{{"below", c.Below}, {"above", c.Above}} {
		if math.IsNaN(b.v) || b.v < 0 || b.v > 1 {
			l.Add(problem.Join(path, b.name), problem.OutOfRange, "%v is not a utilization between 0 and 1", b.v)
		}
	}
	if c.Below > 0 && c.Above > 0 && c.Above >= c.Below {
		l.Add(problem.Join(path, "above"), problem.Order, "above %s is not under below %s, so the window never applies", prose.Ratio(c.Above), prose.Ratio(c.Below))
	}
	switch {
	case c.Over <= 0:
		l.Add(problem.Join(path, "over"), problem.Required, "a positive stretch to measure utilization over is required")
	case c.Over > availability.MaxRange:
		l.Add(problem.Join(path, "over"), problem.TooLong, "%s is longer than %s", c.Over, availability.MaxRange)
	}
}

// ValidateConditions validates a list of conditional windows, with paths
// "conditions[i]…", and reports window IDs used twice (duplicate_id).
func ValidateConditions(windows []Condition) error {
	var l problem.List
	ids := map[string]int{}
	for i := range windows {
		at := problem.Index("conditions", i)
		windows[i].validate(&l, at)
		if id := windows[i].Window.ID; id != "" {
			if j, ok := ids[id]; ok {
				l.Add(problem.Join(at, "window.id"), problem.Duplicate, "ID %q is already used by conditions[%d]", id, j)
			} else {
				ids[id] = i
			}
		}
	}
	return l.Err()
}

// MarshalJSON encodes the conditional window.
func (c Condition) MarshalJSON() ([]byte, error) {
	type plain Condition
	return strictjson.Marshal(plain(c))
}

// UnmarshalJSON decodes the conditional window strictly: unknown fields
// and bad values are errors with their path.
func (c *Condition) UnmarshalJSON(b []byte) error {
	type plain Condition
	return strictjson.Unmarshal(b, (*plain)(c), strictjson.Limits{})
}

// MarshalJSON encodes the utilization.
func (u Utilization) MarshalJSON() ([]byte, error) {
	type plain Utilization
	return strictjson.Marshal(plain(u))
}

// UnmarshalJSON decodes the utilization strictly.
func (u *Utilization) UnmarshalJSON(b []byte) error {
	type plain Utilization
	return strictjson.Unmarshal(b, (*plain)(u), strictjson.Limits{})
}
