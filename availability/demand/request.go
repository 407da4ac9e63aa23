package demand

import (
	"fmt"
	"slices"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/booking"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// OnDemandRule says whether a provider sees clients outside the schedule,
// on a their-need basis, and on what terms.
type OnDemandRule struct {
	// Allowed accepts sessions and extensions outside working hours.
	Allowed bool `json:"allowed,omitzero"`
	// Surcharge is charged on on-demand time.
	Surcharge Surcharge `json:"surcharge,omitzero"`
	// MaxPerWeek caps the sessions outside open time in one ISO week
	// (Monday to Sunday, local), those already booked included; zero is no
	// cap. Extensions add no session and do not count.
	MaxPerWeek int `json:"max_per_week,omitzero"`
	// MinNotice is how long before its start an on-demand session can be
	// asked for; it replaces the booking policy's minimum notice. It does
	// not apply to extensions, asked for while the session runs.
	MinNotice time.Duration `json:"min_notice,omitzero"`
}

// ExceptionRule says whether a provider sells protected time as a priced
// exception, such as staying the night on an evening kept for friends, and
// on what terms.
type ExceptionRule struct {
	// Allowed offers protected time as a priced exception at all.
	Allowed bool `json:"allowed,omitzero"`
	// Surcharge is charged on the exception, to cover its costs.
	Surcharge Surcharge `json:"surcharge,omitzero"`
	// Windows are the IDs of the protected windows that may be sold; empty
	// means every one.
	Windows []string `json:"windows,omitempty"`
}

// A Policy says how a provider answers requests for time the
// schedule does not offer: a session outside regular hours, or an
// extension of a booked session (the client asks the provider to stay the
// night). Time outside working hours may be sold as on-demand time;
// protected time only as a priced exception, and only if the provider
// permits it at all.
//
// The zero Policy is the schedule-first style: the schedule rules,
// and every request outside it is declined.
type Policy struct {
	OnDemand  OnDemandRule  `json:"on_demand"`
	Exception ExceptionRule `json:"exception"`
	// Decline is the provider's own words for a refusal; empty means a
	// kind sentence built from the reasons.
	Decline string `json:"decline,omitempty"`
}

// A Style is a way of working, which Preset turns into a Policy.
type Style string

// The two styles of the field notes: one therapist "loves seeing clients
// on a their-need basis in addition to their regularly scheduled
// sessions"; for the other, "the schedule rules".
const (
	StyleOnDemand      Style = "on_demand"
	StyleScheduleFirst Style = "schedule_first"
)

// Preset returns the style's policy, a starting point to adjust.
// StyleScheduleFirst is the zero Policy. StyleOnDemand accepts time
// outside working hours with no surcharge, at most 3 such sessions a week
// and 2 hours' notice: a provider who likes the unpredictable still runs a
// tight ship. Neither sells protected time. Any other style returns the
// zero policy.
func (s Style) Preset() Policy {
	if s == StyleOnDemand {
		return Policy{OnDemand: OnDemandRule{Allowed: true, MaxPerWeek: 3, MinNotice: 2 * time.Hour}}
	}
	return Policy{}
}

// A Request asks for time: a new session, or more time for a booked one.
type Request struct {
	// Service is the ID of the service asked for, whose rules apply to a
	// new session; empty means the calendar's only service. An extension
	// keeps the service of the session it extends.
	Service string `json:"service,omitempty"`
	// Session is the time asked for: the new session, or the booked
	// session as it would be after the extension.
	Session availability.Interval `json:"session"`
	// Extends is the ID of the booked session being extended, whose time
	// Session must cover; empty asks for a new session.
	Extends string `json:"extends,omitempty"`
}

// A Decision is the outcome of a Request.
type Decision string

// The decisions, from the most to the least readily given.
const (
	DecisionRegular   Decision = "regular"   // bookable as a regular session
	DecisionOnDemand  Decision = "on_demand" // outside hours, as an on-demand session with its surcharge
	DecisionException Decision = "exception" // protected time, as a priced exception
	DecisionRefused   Decision = "refused"   // declined
)

// Codes of the reasons Answer gives, besides the codes of Calendar.Check
// and Schedule.Explain.
const (
	CodeRegular        availability.Code = "regular"                // the time is regular bookable time
	CodeOnDemand       availability.Code = "on_demand"              // accepted as on-demand time
	CodeException      availability.Code = "priced_exception"       // accepted as a priced exception to protected time
	CodeNoOnDemand     availability.Code = "on_demand_not_offered"  // the provider does not work outside the schedule
	CodeNoExceptions   availability.Code = "exceptions_not_offered" // the provider does not sell protected time
	CodeNotForSale     availability.Code = "window_not_for_sale"    // this protected window is never sold
	CodeOnDemandCap    availability.Code = "on_demand_cap"          // the week already has its on-demand sessions
	CodeNotBooked      availability.Code = "not_booked"             // the session to extend is not booked
	CodeInvalidRequest availability.Code = "invalid_request"        // the request is empty or does not cover what it extends
)

// An Answer is the decision on a Request, with what it costs and why.
type Answer struct {
	Decision Decision `json:"decision"`
	// Added is the time the request adds: the session, or the parts of an
	// extension outside the booked session.
	Added []availability.Interval `json:"added,omitempty"`
	// Surcharge applies to the added time for on-demand sessions and
	// priced exceptions; it is zero otherwise.
	Surcharge Surcharge `json:"surcharge,omitzero"`
	// Reasons explain the decision: every rule the time runs into, then
	// the rule that decided.
	Reasons []availability.Reason `json:"reasons"`
	// Message is a sentence for the client: the offer, or a kind decline.
	Message string `json:"message"`
}

// Answer decides a request against the calendar at now.
//
// A new session is first checked as Calendar.Check would check a session
// of its length. If it is bookable, it is regular. An extension is regular
// when the added time lies in open time and clears the other bookings and
// their buffers; alignment, notice and caps do not apply to it.
//
// Otherwise the reasons are sorted into three kinds. Some refuse whatever
// the policy says: the past, a conflict with another booking or its
// buffer, a holiday or away period, a start beyond the horizon. Time in a
// protected window can only be a priced exception: allowed when
// Exception.Allowed and the window is for sale, at Exception.Surcharge,
// which then covers the whole request. The rest (outside working hours, a
// closed date, an unaligned start, the regular notice and caps) is
// on-demand time: allowed when OnDemand.Allowed, within its notice and
// weekly cap, at OnDemand.Surcharge. A request with both must pass both:
// the exception rules for its protected time and the on-demand rules for
// the rest. Anything else is refused, with a kind message (or the
// provider's own Decline).
//
// A request that asks for no time, that is longer than
// availability.MaxRange, or whose extension does not cover the session it
// extends is refused with CodeInvalidRequest, and one that extends a
// session that is not booked with CodeNotBooked. Answer costs a few binary searches
// in the bookings, so it stays fast with thousands of them. It does not
// validate the policy; validate one with Validate when it comes from
// outside.
func (p Policy) Answer(c booking.Calendar, now time.Time, req Request) Answer {
	e := evaluation{p: p, c: c, now: now, req: req, loc: zoneOf(c.Schedule)}
	e.run()
	return e.answer()
}

// An evaluation is the state of one call of Answer.
type evaluation struct {
	// Copies of the policy and calendar: pointers to them would move the
	// caller's values to the heap.
	p   Policy
	c   booking.Calendar
	ext booking.Session // the session extended, when one is
	now time.Time
	req Request
	loc *time.Location

	added     []availability.Interval
	hard      []availability.Reason // refuse whatever the policy says
	protected []availability.Reason // protected windows hit, one per window
	soft      []availability.Reason // on-demand time
	windows   []int                 // indices of the protected windows hit
}

func (e *evaluation) run() {
	r := e.req
	if r.Session.IsEmpty() {
		e.hard = append(e.hard, availability.Reason{Code: CodeInvalidRequest, Rule: "request.session", Message: "the request asks for no time"})
		return
	}
	if r.Session.Duration() > availability.MaxRange {
		e.hard = append(e.hard, availability.Reason{Code: CodeInvalidRequest, Rule: "request.session",
			Message: fmt.Sprintf("the request asks for %s, more than %s", prose.Duration(r.Session.Duration()), prose.Duration(availability.MaxRange))})
		return
	}
	if r.Extends == "" {
		e.added = []availability.Interval{r.Session}
		e.checkNew()
	} else {
		ext, ok := e.c.Booked.Get(r.Extends)
		if !ok {
			e.hard = append(e.hard, availability.Reason{Code: CodeNotBooked, Rule: "booked",
				Message: fmt.Sprintf("the session %s to extend is not booked", prose.Quote(r.Extends))})
			return
		}
		if !r.Session.Covers(ext.Interval) {
			e.hard = append(e.hard, availability.Reason{Code: CodeInvalidRequest, Rule: "request.extends",
				Message: "an extension must cover the session it extends"})
			return
		}
		e.ext = ext
		e.added = availability.NewSet(r.Session).Subtract(availability.NewSet(ext.Interval)).Intervals()
		for _, iv := range e.added {
			e.checkExtension(iv)
		}
	}
	for _, iv := range e.added {
		e.checkHours(iv)
	}
	e.checkProtected()
}

// checkNew sorts the reasons Calendar.Check gives for a new session; the
// reasons about open time are left to checkHours and checkProtected.
func (e *evaluation) checkNew() {
	c := e.c
	// The session asked for is checked as a session of its service, with
	// its own length.
	for i := range c.Services {
		if c.Services[i].ID == e.req.Service || e.req.Service == "" && len(c.Services) == 1 {
			if c.Services[i].Length != e.req.Session.Duration() {
				c.Services = slices.Clone(c.Services)
				c.Services[i].Length = e.req.Session.Duration()
			}
			break
		}
	}
	for _, r := range c.Check(e.now, e.req.Service, e.req.Session.Start).Reasons {
		switch r.Code {
		case availability.CodeOutsideHours, availability.CodeProtected, availability.CodeHoliday, availability.CodeOverrideClosed, availability.CodeNotEffective:
		case booking.CodeNotAligned, booking.CodeMinNotice, booking.CodeDayCap, booking.CodeWeekCap, booking.CodeMonthCap, booking.CodeDayMinutesCap, booking.CodeWeekMinutesCap:
			e.soft = append(e.soft, r)
		default:
			e.hard = append(e.hard, r)
		}
	}
}

// checkExtension refuses added time that is past or runs into another
// session or the buffers between them.
func (e *evaluation) checkExtension(iv availability.Interval) {
	if iv.Start.Before(e.now) {
		e.hard = append(e.hard, availability.Reason{Code: booking.CodePast, Rule: "request",
			Message: fmt.Sprintf("the added time from %s is already past", iv.Start.In(e.loc).Format(prose.TimeLayout))})
	}
	own := e.buffers(e.ext.Service)
	reach := own.before + own.after
	for _, svc := range e.c.Services {
		reach += max(svc.BufferBefore, svc.BufferAfter)
	}
	for x := range e.c.Booked.In(availability.Interval{Start: iv.Start.Add(-reach), End: iv.End.Add(reach)}) {
		if x.ID == e.ext.ID {
			continue
		}
		when := x.Start.In(e.loc).Format(prose.TimeLayout) + "–" + x.End.In(e.loc).Format("15:04")
		if x.Overlaps(iv) {
			e.hard = append(e.hard, availability.Reason{Code: booking.CodeBooked, Rule: problem.Key("booked", x.ID),
				Message: fmt.Sprintf("the added time overlaps session %s, booked %s", prose.Quote(x.ID), when)})
			return
		}
		theirs := e.buffers(x.Service)
		if (!x.End.After(iv.Start) && iv.Start.Sub(x.End) < theirs.after+own.before) ||
			(!x.Start.Before(iv.End) && x.Start.Sub(iv.End) < own.after+theirs.before) {
			e.hard = append(e.hard, availability.Reason{Code: booking.CodeBuffer, Rule: problem.Key("booked", x.ID),
				Message: fmt.Sprintf("sessions need their buffers between them; session %s, booked %s, is too close", prose.Quote(x.ID), when)})
			return
		}
	}
}

// A buffer pair is the time a service keeps free before and after its
// sessions.
type bufferPair struct{ before, after time.Duration }

// buffers returns the buffers of the service with the ID, none when the
// calendar does not offer it.
func (e *evaluation) buffers(id string) bufferPair {
	for _, svc := range e.c.Services {
		if svc.ID == id && id != "" {
			return bufferPair{max(svc.BufferBefore, 0), max(svc.BufferAfter, 0)}
		}
	}
	return bufferPair{}
}

// checkHours finds the parts of iv outside working hours, and says why
// for each: a holiday refuses; a closed date or plain outside hours is
// on-demand time.
func (e *evaluation) checkHours(iv availability.Interval) {
	s := &e.c.Schedule
	work, err := s.Working(iv)
	if err != nil {
		e.hard = append(e.hard, availability.Reason{Code: CodeInvalidRequest, Rule: "request.session", Message: err.Error()})
		return
	}
	if work.Covers(iv) {
		return // within working hours; protected time is checkProtected's
	}
	prot, _ := s.ProtectedTime(iv) // same range as Working: cannot fail
	for off := range availability.NewSet(iv).Subtract(work).Subtract(prot).All() {
		// Closures are whole dates: look at each date the gap touches.
		var why availability.Reason
		for d := availability.DateOf(off.Start.In(e.loc)); !d.After(availability.DateOf(off.End.Add(-time.Nanosecond).In(e.loc))); d = d.AddDays(1) {
			if _, closed := s.ClosureOn(d); closed {
				at := availability.At(d, availability.Midnight, e.loc)
				if off.Start.After(at) {
					at = off.Start
				}
				why = s.Explain(at)
				break
			}
		}
		if why.Code == "" {
			why = s.Explain(off.Start)
			if why.Code == availability.CodeOutsideHours {
				why.Message = fmt.Sprintf("%s–%s is outside working hours", off.Start.In(e.loc).Format(prose.TimeLayout), off.End.In(e.loc).Format("15:04"))
			}
		}
		if why.Code == availability.CodeHoliday {
			e.hard = appendOnce(e.hard, why)
		} else {
			e.soft = appendOnce(e.soft, why)
		}
	}
}

// checkProtected lists each protected window the added time runs into.
func (e *evaluation) checkProtected() {
	s := &e.c.Schedule
	for _, iv := range e.added {
		for j, p := range s.ProtectedIn(iv) {
			if p = p.Intersect(iv); p.IsEmpty() || slices.Contains(e.windows, j) {
				continue
			}
			w := s.Protected[j]
			rule := w.ID
			if rule == "" {
				rule = problem.Index("protected", j)
			}
			e.windows = append(e.windows, j)
			e.protected = append(e.protected, availability.Reason{Code: availability.CodeProtected, Rule: rule, Label: w.Label,
				Message: fmt.Sprintf("%s–%s is protected time (%s)", p.Start.In(e.loc).Format(prose.TimeLayout), p.End.In(e.loc).Format("15:04"), w)})
		}
	}
}

// appendOnce appends r unless a reason with its code and rule is there.
func appendOnce(rs []availability.Reason, r availability.Reason) []availability.Reason {
	for _, x := range rs {
		if x.Code == r.Code && x.Rule == r.Rule {
			return rs
		}
	}
	return append(rs, r)
}

// answer turns the sorted reasons into the decision.
func (e *evaluation) answer() Answer {
	a := Answer{Added: e.added}
	all := slices.Concat(e.hard, e.protected, e.soft)
	switch {
	case len(e.hard) > 0:
		return e.refuse(a, all, nil)
	case len(e.protected) > 0:
		ex := &e.p.Exception
		if !ex.Allowed {
			return e.refuse(a, all, &availability.Reason{Code: CodeNoExceptions, Rule: "exception.allowed",
				Message: "protected time is never sold, not even as an exception"})
		}
		if len(ex.Windows) > 0 {
			for k, j := range e.windows {
				if !slices.Contains(ex.Windows, e.c.Schedule.Protected[j].ID) {
					r := e.protected[k]
					return e.refuse(a, all, &availability.Reason{Code: CodeNotForSale, Rule: "exception.windows", Label: r.Label,
						Message: fmt.Sprintf("protected window %s is not among those that may be sold as an exception", r.Rule)})
				}
			}
		}
		// What lies outside working hours besides the protected time is
		// on-demand time, and must pass the on-demand rules too.
		if len(e.soft) > 0 {
			if why := e.onDemandRefusal(); why != nil {
				return e.refuse(a, all, why)
			}
		}
		a.Decision, a.Surcharge = DecisionException, ex.Surcharge
		a.Reasons = append(all, availability.Reason{Code: CodeException, Rule: "exception",
			Message: fmt.Sprintf("possible as a priced exception to protected time, surcharge %s", ex.Surcharge)})
		kept := "That runs into time I keep for myself"
		if l := e.protected[0].Label; l != "" {
			kept = "That runs into the time I keep for " + l
		}
		a.Message = e.offer(kept, "I can make an exception", ex.Surcharge, "to cover costs")
		return a
	case len(e.soft) > 0:
		if why := e.onDemandRefusal(); why != nil {
			return e.refuse(a, all, why)
		}
		od := &e.p.OnDemand
		a.Decision, a.Surcharge = DecisionOnDemand, od.Surcharge
		a.Reasons = append(all, availability.Reason{Code: CodeOnDemand, Rule: "on_demand",
			Message: fmt.Sprintf("possible as on-demand time outside regular hours, surcharge %s", od.Surcharge)})
		a.Message = e.offer("That is outside my regular hours", "I can see you on demand", od.Surcharge, "")
		return a
	}
	a.Decision = DecisionRegular
	what := "the session"
	if e.req.Extends != "" {
		what = "the added time"
	}
	a.Reasons = []availability.Reason{{Code: CodeRegular, Rule: "hours", Message: what + " is within working hours and clear of other bookings"}}
	a.Message = "Yes, that works."
	return a
}

// onDemandRefusal returns the on-demand rule that refuses the request's
// time outside working hours, or nil when the rules allow it: on-demand
// time must be offered at all and, for a new session, asked for with its
// notice and within its weekly cap.
func (e *evaluation) onDemandRefusal() *availability.Reason {
	od := &e.p.OnDemand
	if !od.Allowed {
		return &availability.Reason{Code: CodeNoOnDemand, Rule: "on_demand.allowed",
			Message: "sessions are given on the schedule only"}
	}
	if e.req.Extends != "" {
		return nil // an extension adds no session
	}
	if od.MinNotice > 0 && e.req.Session.Start.Before(e.now.Add(od.MinNotice)) {
		return &availability.Reason{Code: booking.CodeMinNotice, Rule: "on_demand.min_notice",
			Message: fmt.Sprintf("on-demand sessions need %s notice", prose.Duration(od.MinNotice))}
	}
	if od.MaxPerWeek > 0 {
		n, monday, err := offScheduleInWeek(&e.c, availability.DateOf(e.req.Session.Start.In(e.loc)))
		if err != nil {
			return &availability.Reason{Code: CodeOnDemandCap, Rule: "on_demand.max_per_week",
				Message: fmt.Sprintf("the sessions of the week of %s cannot be counted: %v", monday, err)}
		}
		if n >= od.MaxPerWeek {
			return &availability.Reason{Code: CodeOnDemandCap, Rule: "on_demand.max_per_week",
				Message: fmt.Sprintf("the week of %s already has %d of at most %d sessions outside open time", monday, n, od.MaxPerWeek)}
		}
	}
	return nil
}

// refuse returns a refusal with the reasons, the deciding reason last.
func (e *evaluation) refuse(a Answer, reasons []availability.Reason, decided *availability.Reason) Answer {
	a.Decision = DecisionRefused
	a.Reasons = reasons
	if decided != nil {
		a.Reasons = append(a.Reasons, *decided)
	}
	a.Message = e.decline(decided)
	return a
}

// what names the request for the client: "stay past 21:00", "start
// before 14:00", "start before 14:00 and stay past 16:00", "meet on Tue
// 2026-11-24 at 10:00".
func (e *evaluation) what() string {
	if e.req.Extends != "" {
		ext := e.ext
		before := "start before " + ext.Start.In(e.loc).Format("15:04")
		after := "stay past " + ext.End.In(e.loc).Format("15:04")
		switch {
		case !e.req.Session.Start.Before(ext.Start):
			return after
		case !e.req.Session.End.After(ext.End):
			return before
		}
		return before + " and " + after
	}
	return "meet on " + e.req.Session.Start.In(e.loc).Format("Mon 2006-01-02 at 15:04")
}

// offer words an on-demand or exception offer for the client.
func (e *evaluation) offer(why, yes string, s Surcharge, purpose string) string {
	msg := why + ", but " + yes
	if !s.IsZero() {
		msg += " for a surcharge"
		if purpose != "" {
			msg += " " + purpose
		}
	}
	return msg + "."
}

// decline words a refusal kindly: thanks first, then the reason that
// matters most (what refuses whatever the policy says, then protected
// time, then the deciding rule), then a plain no.
func (e *evaluation) decline(decided *availability.Reason) string {
	if e.p.Decline != "" {
		return e.p.Decline
	}
	msg := "Thank you for asking; I'm glad you want more time together. "
	var first availability.Reason
	switch {
	case len(e.hard) > 0:
		first = e.hard[0]
	case len(e.protected) > 0:
		first = e.protected[0]
	case decided != nil:
		first = *decided
	case len(e.soft) > 0:
		first = e.soft[0]
	}
	no := "so I can't " + e.what() + "."
	switch first.Code {
	case availability.CodeProtected:
		kept := "that time"
		if first.Label != "" {
			kept = "that time for " + first.Label
		}
		return msg + "I keep " + kept + ", " + no
	case booking.CodeBooked, booking.CodeBuffer:
		return msg + "That time is already promised to someone else, " + no
	case availability.CodeHoliday:
		return msg + "I'm away then, " + no
	case booking.CodePast:
		return msg + "That time has passed, " + no
	case booking.CodeMinNotice:
		return msg + "That is too short notice for me, " + no
	case CodeOnDemandCap, booking.CodeDayCap, booking.CodeWeekCap, booking.CodeMonthCap, booking.CodeDayMinutesCap, booking.CodeWeekMinutesCap:
		return msg + "My schedule is full then, " + no
	case CodeNoOnDemand, availability.CodeOutsideHours, availability.CodeOverrideClosed, availability.CodeNotEffective:
		return msg + "That is outside the hours I work, " + no
	}
	return msg + "I'm sorry, but I can't " + e.what() + "."
}

// offScheduleInWeek counts the bookings that start in the ISO week of
// local date d and are not entirely in open time, and returns the week's
// Monday.
func offScheduleInWeek(c *booking.Calendar, d availability.Date) (int, availability.Date, error) {
	monday := d.AddDays(-((int(d.Weekday()) + 6) % 7))
	loc := zoneOf(c.Schedule)
	week := availability.Interval{Start: availability.At(monday, availability.Midnight, loc), End: availability.At(monday.AddDays(7), availability.Midnight, loc)}
	// The sessions that start in the week, and the time they reach.
	end, any := week.End, false
	for x := range c.Booked.In(week) {
		if !x.Start.Before(week.Start) {
			any = true
			if x.End.After(end) {
				end = x.End
			}
		}
	}
	if !any {
		return 0, monday, nil
	}
	open, err := c.Schedule.Open(availability.Interval{Start: week.Start, End: end})
	if err != nil {
		return 0, monday, err
	}
	n := 0
	for x := range c.Booked.In(week) {
		if !x.Start.Before(week.Start) && !open.Covers(x.Interval) {
			n++
		}
	}
	return n, monday, nil
}

// zoneOf returns the schedule's zone, UTC when it has none.
func zoneOf(s availability.Schedule) *time.Location {
	if s.Zone == nil {
		return time.UTC
	}
	return s.Zone
}

// Validate returns nil or problem.List listing everything wrong with the
// policy, with codes negative, duplicate_id and required.
func (p Policy) Validate() error {
	var l problem.List
	p.OnDemand.Surcharge.validate(&l, "on_demand.surcharge")
	p.Exception.Surcharge.validate(&l, "exception.surcharge")
	if p.OnDemand.MaxPerWeek < 0 {
		l.Add("on_demand.max_per_week", problem.Negative, "%d is negative", p.OnDemand.MaxPerWeek)
	}
	if p.OnDemand.MinNotice < 0 {
		l.Add("on_demand.min_notice", problem.Negative, "%s is negative", p.OnDemand.MinNotice)
	}
	for i, id := range p.Exception.Windows {
		at := problem.Index("exception.windows", i)
		if id == "" {
			l.Add(at, problem.Required, "a protected window ID is required")
		} else if slices.Contains(p.Exception.Windows[:i], id) {
			l.Add(at, problem.Duplicate, "window %q is listed twice", id)
		}
	}
	return l.Err()
}

// Validate returns nil or a problem.List: a request needs a non-empty
// session (required). Whether an extension covers the session it extends
// is for Answer to say, which knows the calendar.
func (r Request) Validate() error {
	var l problem.List
	if r.Session.IsEmpty() {
		l.Add("session", problem.Required, "the request asks for no time")
	}
	return l.Err()
}

// MarshalJSON encodes the policy.
func (p Policy) MarshalJSON() ([]byte, error) {
	type plain Policy
	return strictjson.Marshal(plain(p))
}

// UnmarshalJSON decodes the policy strictly: unknown fields and bad values
// are errors with their path.
func (p *Policy) UnmarshalJSON(b []byte) error {
	type plain Policy
	return strictjson.Unmarshal(b, (*plain)(p), strictjson.Limits{})
}

// MarshalJSON encodes the request.
func (r Request) MarshalJSON() ([]byte, error) {
	type plain Request
	return strictjson.Marshal(plain(r))
}

// UnmarshalJSON decodes the request strictly.
func (r *Request) UnmarshalJSON(b []byte) error {
	type plain Request
	return strictjson.Unmarshal(b, (*plain)(r), strictjson.Limits{})
}

// MarshalJSON encodes the answer.
func (a Answer) MarshalJSON() ([]byte, error) {
	type plain Answer
	return strictjson.Marshal(plain(a))
}

// UnmarshalJSON decodes the answer strictly.
func (a *Answer) UnmarshalJSON(b []byte) error {
	type plain Answer
	return strictjson.Unmarshal(b, (*plain)(a), strictjson.Limits{})
}
