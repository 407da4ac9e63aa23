package stories

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability/booking"
	"github.com/practicekit/boundaries/availability/demand"

	"github.com/practicekit/boundaries/agreement/money"

	"github.com/practicekit/boundaries/availability"
)

const titleProtectedEvening = "1. The protected evening"

// ProtectedEveningResults are the results of story 1.
type ProtectedEveningResults struct {
	// StayTheNight is each style's answer to the client who asks the
	// provider to stay the night.
	StayTheNight []StyleAnswer `json:"stay_the_night"`
	// OffHours is each style's answer to a session asked for before
	// working hours.
	OffHours []StyleAnswer `json:"off_hours"`
	// Conditions say whether the schedule-first provider's conditional
	// windows apply, with the utilization they were judged on.
	Conditions []availability.Reason `json:"conditions"`
	// Before and After check the same Saturday-morning session against the
	// usual schedule and against the widened one.
	Before booking.Verdict `json:"before"`
	After  booking.Verdict `json:"after"`
}

// A StyleAnswer is one provider style's answer to a request, with its
// surcharge as money.
type StyleAnswer struct {
	Style     demand.Style  `json:"style"`
	Answer    demand.Answer `json:"answer"`
	Surcharge money.Amount  `json:"surcharge"`
}

// eveningPolicies is data/protected-evening/policies.json: the session
// fee, the request policy of each style, and the conditional windows the
// schedule-first provider opens when business is thin.
type eveningPolicies struct {
	Fee           money.Amount       `json:"fee"`
	OnDemand      demand.Policy      `json:"on_demand"`
	ScheduleFirst demand.Policy      `json:"schedule_first"`
	WhenThin      []demand.Condition `json:"when_thin"`
}

// ProtectedEvening tells story 1 (seed 000). A provider keeps Saturday
// evenings for friends; a client booked until 21:00 asks the provider to
// stay the night. The on-demand provider offers a priced exception with a
// surcharge that covers costs, the schedule-first provider declines kindly;
// the two styles differ again on a session before hours; and when business
// is thin, the schedule-first provider's conditional window opens Saturday
// morning.
func ProtectedEvening() (Report, error) {
	var cal booking.Calendar
	var p eveningPolicies
	if err := errors.Join(
		load("protected-evening/calendar.json", &cal),
		load("protected-evening/policies.json", &p),
	); err != nil {
		return Report{}, err
	}
	if !p.Fee.IsValid() {
		return Report{}, errors.New("policies.json: the session fee is required")
	}
	if err := errors.Join(
		check("the calendar", cal.Validate()),
		check("the on-demand policy", p.OnDemand.Validate()),
		check("the schedule-first policy", p.ScheduleFirst.Validate()),
		check("the conditional windows", demand.ValidateConditions(p.WhenThin)),
	); err != nil {
		return Report{}, err
	}
	loc := cal.Schedule.Zone
	at := func(date string, clock string) time.Time {
		return availability.At(availability.MustParseDate(date), availability.MustParseClock(clock), loc)
	}
	styles := []struct {
		style  demand.Style
		name   string
		policy demand.Policy
	}{
		{demand.StyleOnDemand, "On demand", p.OnDemand},
		{demand.StyleScheduleFirst, "Schedule first", p.ScheduleFirst},
	}
	answer := func(policy demand.Policy, style demand.Style, now time.Time, req demand.Request) (StyleAnswer, error) {
		a := policy.Answer(cal, now, req)
		fee, err := a.Surcharge.On(p.Fee)
		if err != nil {
			return StyleAnswer{}, fmt.Errorf("the surcharge on %s: %w", p.Fee, err)
		}
		return StyleAnswer{Style: style, Answer: a, Surcharge: fee}, nil
	}
	var res ProtectedEveningResults
	var n narrative

	n.say("Sessions %s (%s); protected: %s.", windows(cal.Schedule.Hours), loc, windows(cal.Schedule.Protected))
	n.say("Two styles on this week: on demand (clients also on a their-need basis) and schedule first (the schedule rules).")

	// The client booked until 21:00 asks the provider to stay the night.
	now := at("2026-11-28", "20:15")
	var booked booking.Session
	for x := range cal.Booked.In(availability.IntervalOf(now, time.Minute)) {
		booked = x
	}
	if booked.ID == "" {
		return Report{}, errors.New("calendar.json: no session is booked on Saturday evening")
	}
	stay := demand.Request{Session: availability.Interval{Start: booked.Start, End: at("2026-11-29", "09:00")}, Extends: booked.ID}
	n.say("%s: the client booked until %s asks to stay the night, until %s.",
		when(now, loc), booked.End.In(loc).Format(hhmm), stay.Session.End.In(loc).Format("Mon 15:04"))
	for i, s := range styles {
		sa, err := answer(s.policy, s.style, now, stay)
		if err != nil {
			return Report{}, err
		}
		res.StayTheNight = append(res.StayTheNight, sa)
		rs := sa.Answer.Reasons
		if i == 0 {
			// The time asked for runs into the same rules whatever the
			// style; only the deciding reason, the last, differs.
			for _, r := range rs[:len(rs)-1] {
				n.detail("%s", reason(r))
			}
		}
		n.say("%s: %s", s.name, decided(sa, " to cover costs"))
		n.detail("\"%s\"", sa.Answer.Message)
	}

	// The same two styles asked, on Monday morning, for a session before
	// hours on Tuesday.
	now = at("2026-11-23", "09:00")
	morning := demand.Request{Session: availability.IntervalOf(at("2026-11-24", "10:00"), cal.Services[0].Length)}
	n.say("%s: a client asks for %s–%s, before hours.", when(now, loc),
		morning.Session.Start.In(loc).Format("Mon 2006-01-02 15:04"), morning.Session.End.In(loc).Format(hhmm))
	for _, s := range styles {
		sa, err := answer(s.policy, s.style, now, morning)
		if err != nil {
			return Report{}, err
		}
		res.OffHours = append(res.OffHours, sa)
		n.detail("%s: %s", s.name, decided(sa, fmt.Sprintf(", %s of the %s fee", s.policy.OnDemand.Surcharge, p.Fee)))
		n.more("\"%s\"", sa.Answer.Message)
	}

	// Business is thin: the schedule-first provider widens the schedule.
	widened, reasons, err := demand.Apply(cal.Schedule, now, cal.Booked, p.WhenThin)
	if err != nil {
		return Report{}, err
	}
	res.Conditions = reasons
	n.say("When business is thin, the schedule-first provider widens the limits:")
	for _, r := range reasons {
		n.detail("%s", reason(r))
	}
	saturday := at("2026-11-28", "10:00")
	res.Before = cal.Check(now, "", saturday)
	wider := cal
	wider.Schedule = widened
	res.After = wider.Check(now, "", saturday)
	n.detail("A session %s: %s before; %s now.", when(saturday, loc), verdict(res.Before), verdict(res.After))

	return Report{Name: "protected-evening", Title: titleProtectedEvening, Lines: n.lines, Results: res}, nil
}

// windows writes weekly windows as "tue-sat 12:00–21:00", with their
// labels.
func windows(ws []availability.Window) string {
	var parts []string
	for _, w := range ws {
		s := fmt.Sprintf("%s %s–%s", w.Days, w.Start, w.End)
		if w.Label != "" {
			s += " (" + w.Label + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// reason writes an availability reason with its code and rule.
func reason(r availability.Reason) string {
	if r.Rule == "" {
		return fmt.Sprintf("%s [%s]", r.Message, r.Code)
	}
	return fmt.Sprintf("%s [%s, %s]", r.Message, r.Code, r.Rule)
}

// decided writes a style's decision, its surcharge with the rule that sets
// it, and the deciding reason's code and rule.
func decided(sa StyleAnswer, why string) string {
	last := sa.Answer.Reasons[len(sa.Answer.Reasons)-1]
	if sa.Surcharge.IsZero() {
		return fmt.Sprintf("%s [%s, %s]", sa.Answer.Decision, last.Code, last.Rule)
	}
	return fmt.Sprintf("%s, %s surcharge%s (%s.surcharge) [%s, %s]",
		sa.Answer.Decision, sa.Surcharge, why, last.Rule, last.Code, last.Rule)
}

// verdict writes "bookable", or "not bookable" with the first reason.
func verdict(v booking.Verdict) string {
	if v.OK {
		return "bookable"
	}
	return fmt.Sprintf("not bookable (%s)", v.Reasons[0].Code)
}
