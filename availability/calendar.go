package availability

import (
	"fmt"
	"iter"
	"time"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Calendar is everything needed to answer "can a session be booked
// then?": the provider's Schedule, the booking Policy, and the sessions
// already Booked. Calendars are values; their methods never change them and
// are safe for concurrent use.
//
// Check and Slots share one definition of bookable, so every slot Slots
// lists passes Check, and every start that passes Check within the range is
// listed. A session [start, start+Session) is bookable when:
//
//   - it starts no earlier than now+MinNotice (and not before now), and no
//     later than now+Horizon when there is a horizon;
//   - its start is aligned: the local wall time is a whole multiple of Align
//     after local midnight;
//   - working time covers it and it does not touch protected time;
//   - it does not overlap a booking, nor come closer to one than the
//     buffers allow;
//   - the caps of its local date, ISO week and month leave room for it.
type Calendar struct {
	Schedule Schedule `json:"schedule"`
	Policy   Policy   `json:"policy"`
	Booked   Bookings `json:"booked"`
}

// A Verdict says whether a proposed session is bookable and, when it is
// not, every reason why.
type Verdict struct {
	Session Interval `json:"session"`
	OK      bool     `json:"ok"`
	Reasons []Reason `json:"reasons,omitempty"`
}

// Check reports whether the session starting at start, Policy.Session long,
// can be booked at now, with every reason it cannot. A bookable session
// costs no allocation. A calendar that Slots would refuse with an error (no
// session length, an Align that is not a whole number of minutes, a session
// longer than MaxRange, a schedule beyond the size limits) makes every
// session unbookable, with the one reason invalid_schedule.
func (c Calendar) Check(now, start time.Time) Verdict {
	v := Verdict{Session: IntervalOf(start, c.Policy.Session)}
	c.check(now, v.Session, func(r Reason) { v.Reasons = append(v.Reasons, r) })
	v.OK = len(v.Reasons) == 0
	return v
}

// unusable reports why no session can be checked or listed at all: a
// policy without a session length or with one longer than MaxRange, an Align
// that is not a whole number of minutes, or a schedule beyond the size
// limits. It returns the rule to blame, a sentence, and the error (wrapping
// problem.ErrInvalid, ErrRangeTooLong or ErrTooLarge) that Slots returns; a nil
// error means the calendar can be queried. Validate reports each of these
// too.
func (c *Calendar) unusable() (rule, msg string, err error) {
	p := &c.Policy
	switch {
	case p.Session <= 0:
		rule, msg, err = "policy.session", "the policy sets no session length", problem.ErrInvalid
	case p.Session > MaxRange:
		rule, msg, err = "policy.session", fmt.Sprintf("a session of %s is longer than %s", p.Session, MaxRange), ErrRangeTooLong
	case p.Align < 0 || p.Align%time.Minute != 0:
		rule, msg, err = "policy.align", fmt.Sprintf("align %s is not a whole number of minutes", p.Align), problem.ErrInvalid
	default:
		if err := c.Schedule.checkSize(); err != nil {
			return "schedule", err.Error(), err
		}
		return "", "", nil
	}
	return rule, msg, fmt.Errorf("%w: %s: %s", err, rule, msg)
}

// check calls refuse once for every reason the session is not bookable.
func (c *Calendar) check(now time.Time, s Interval, refuse func(Reason)) {
	p := &c.Policy
	if rule, msg, err := c.unusable(); err != nil {
		refuse(Reason{Code: CodeInvalidSchedule, Rule: rule, Message: msg})
		return
	}
	c.checkTiming(now, s.Start, refuse)
	if !c.aligned(s.Start) {
		refuse(Reason{Code: CodeNotAligned, Rule: "policy.align",
			Message: fmt.Sprintf("sessions start every %d minutes from midnight; %s is not one of those times", p.alignMinutes(), s.Start.In(c.Schedule.location()).Format("15:04"))})
	}
	c.Schedule.checkOpen(s, refuse)
	c.checkBooked(s, refuse)
	loc := c.Schedule.location()
	z := zoneCursor{loc: loc}
	c.checkCaps(&z, DateOf(s.Start.In(loc)), refuse)
}

// checkTiming applies the notice and horizon rules to a start.
func (c *Calendar) checkTiming(now, start time.Time, refuse func(Reason)) {
	p := &c.Policy
	switch {
	case start.Before(now):
		refuse(Reason{Code: CodePast, Rule: "policy", Message: "the session would start in the past"})
	case start.Before(now.Add(p.MinNotice)):
		refuse(Reason{Code: CodeMinNotice, Rule: "policy.min_notice",
			Message: fmt.Sprintf("sessions must be booked at least %s ahead", prose.Duration(p.MinNotice))})
	}
	if p.Horizon > 0 && start.After(now.Add(p.Horizon)) {
		refuse(Reason{Code: CodeBeyondHorizon, Rule: "policy.horizon",
			Message: fmt.Sprintf("sessions can be booked at most %s ahead", prose.Duration(p.Horizon))})
	}
}

// aligned reports whether t falls on an allowed start time.
func (c *Calendar) aligned(t time.Time) bool {
	lt := t.In(c.Schedule.location())
	if lt.Second() != 0 || lt.Nanosecond() != 0 {
		return false
	}
	return (lt.Hour()*60+lt.Minute())%c.Policy.alignMinutes() == 0
}

// nextAligned returns the first allowed start time at or after t. It moves
// forward in real time towards the next aligned wall time; where a zone
// transition lies on the way, the wall clock jumps there, so it restarts
// from the transition. That finds the second occurrence of a repeated wall
// time after a fall-back, and never steps over an aligned time after a gap.
//
// It ends: every step moves t forward, to the next aligned wall time (at most
// a day of wall time away, as the grid restarts at midnight) or to the next
// transition before it, so the steps are at most one more than the
// transitions passed. The transition is taken only when it lies ahead of t,
// so that instants beyond what time.Time represents cannot send it back.
func (c *Calendar) nextAligned(z *zoneCursor, t time.Time) time.Time {
	step := c.Policy.alignMinutes()
	for {
		lt := t.In(z.loc)
		mins := lt.Hour()*60 + lt.Minute()
		if lt.Second() == 0 && lt.Nanosecond() == 0 && mins%step == 0 {
			return t
		}
		next := min((mins/step+1)*step, int(EndOfDay)) // the grid restarts at midnight
		u := t.Add(time.Duration(next-mins)*time.Minute - time.Duration(lt.Second())*time.Second - time.Duration(lt.Nanosecond()))
		if end := z.periodEnd(t.Unix()); end > t.Unix() && end <= u.Unix() {
			u = time.Unix(end, 0)
		}
		t = u
	}
}

// checkBooked refuses a session that overlaps a booking or its buffers.
func (c *Calendar) checkBooked(s Interval, refuse func(Reason)) {
	loc := c.Schedule.location()
	if b, ok := c.Booked.Overlapping(s); ok {
		refuse(Reason{Code: CodeBooked, Rule: "booked",
			Message: fmt.Sprintf("overlaps the session booked %s–%s", b.Start.In(loc).Format("Mon 15:04"), b.End.In(loc).Format("15:04"))})
		return
	}
	gap := c.Policy.gap()
	if gap <= 0 {
		return
	}
	if b, ok := c.Booked.Overlapping(Interval{Start: s.Start.Add(-gap), End: s.End.Add(gap)}); ok {
		refuse(Reason{Code: CodeBuffer, Rule: "policy.buffer",
			Message: fmt.Sprintf("sessions need %s between them; the session booked %s–%s is too close", prose.Duration(gap), b.Start.In(loc).Format("Mon 15:04"), b.End.In(loc).Format("15:04"))})
	}
}

// checkCaps refuses a session when the caps of local date d, its ISO week or
// its month are reached.
func (c *Calendar) checkCaps(z *zoneCursor, d Date, refuse func(Reason)) {
	p := &c.Policy
	if p.MaxPerDay <= 0 && p.MaxPerWeek <= 0 && p.MaxPerMonth <= 0 && p.MaxBookedPerDay <= 0 && p.MaxBookedPerWeek <= 0 {
		return
	}
	span := func(from, to Date) (int, time.Duration) {
		start := time.Unix(z.resolve(wallUnix(from, Midnight)), 0)
		end := time.Unix(z.resolve(wallUnix(to, Midnight)), 0)
		return c.Booked.count(start, end)
	}
	if p.MaxPerDay > 0 || p.MaxBookedPerDay > 0 {
		n, booked := span(d, d.AddDays(1))
		if p.MaxPerDay > 0 && n >= p.MaxPerDay {
			refuse(Reason{Code: CodeDayCap, Rule: "policy.max_per_day", Message: fmt.Sprintf("%s already has %d of at most %d sessions", d, n, p.MaxPerDay)})
		}
		if p.MaxBookedPerDay > 0 && booked+p.Session > p.MaxBookedPerDay {
			refuse(Reason{Code: CodeDayMinutesCap, Rule: "policy.max_booked_per_day", Message: fmt.Sprintf("%s already has %s booked of at most %s", d, booked, p.MaxBookedPerDay)})
		}
	}
	if p.MaxPerWeek > 0 || p.MaxBookedPerWeek > 0 {
		monday := d.AddDays(-((int(d.Weekday()) + 6) % 7))
		n, booked := span(monday, monday.AddDays(7))
		if p.MaxPerWeek > 0 && n >= p.MaxPerWeek {
			refuse(Reason{Code: CodeWeekCap, Rule: "policy.max_per_week", Message: fmt.Sprintf("the week of %s already has %d of at most %d sessions", monday, n, p.MaxPerWeek)})
		}
		if p.MaxBookedPerWeek > 0 && booked+p.Session > p.MaxBookedPerWeek {
			refuse(Reason{Code: CodeWeekMinutesCap, Rule: "policy.max_booked_per_week", Message: fmt.Sprintf("the week of %s already has %s booked of at most %s", monday, booked, p.MaxBookedPerWeek)})
		}
	}
	if p.MaxPerMonth > 0 {
		first := Date{d.Year, d.Month, 1}
		next := first.AddDays(DaysIn(d.Year, d.Month))
		if n, _ := span(first, next); n >= p.MaxPerMonth {
			refuse(Reason{Code: CodeMonthCap, Rule: "policy.max_per_month", Message: fmt.Sprintf("%s %d already has %d of at most %d sessions", d.Month, d.Year, n, p.MaxPerMonth)})
		}
	}
}

// Slots returns the bookable sessions that lie entirely within r, in order
// of start, as Check defines bookable. It returns an error wrapping
// problem.ErrInvalid, ErrRangeTooLong or ErrTooLarge when the policy has no session
// length or an Align that is not a whole number of minutes, when r or the
// session is longer than MaxRange, or when the schedule is too large.
func (c Calendar) Slots(now time.Time, r Interval) (iter.Seq[Interval], error) {
	p := c.Policy
	if _, _, err := c.unusable(); err != nil {
		return nil, err
	}
	if r.Duration() > MaxRange {
		return nil, fmt.Errorf("%w: %s is longer than %s", ErrRangeTooLong, prose.Duration(r.Duration()), prose.Duration(MaxRange))
	}
	lower := later(r.Start, now.Add(max(p.MinNotice, 0)))
	lastStart := r.End.Add(-p.Session)
	if p.Horizon > 0 {
		lastStart = earlier(lastStart, now.Add(p.Horizon))
	}
	if lastStart.Before(lower) {
		return func(func(Interval) bool) {}, nil
	}
	open, err := c.Schedule.Open(Interval{Start: lower, End: lastStart.Add(p.Session)})
	if err != nil {
		return nil, err
	}
	free := open
	if c.Booked.Len() > 0 {
		free = open.Subtract(c.Booked.busy(p.gap()))
	}
	return func(yield func(Interval) bool) {
		loc := c.Schedule.location()
		z := zoneCursor{loc: loc}
		caps := capCache{}
		for _, f := range free.ivs {
			for s := c.nextAligned(&z, f.Start); !s.After(lastStart); s = c.nextAligned(&z, s.Add(time.Minute)) {
				session := IntervalOf(s, p.Session)
				if session.End.After(f.End) {
					break
				}
				if !caps.allows(&c, &z, DateOf(s.In(loc))) {
					continue
				}
				if !yield(session.In(loc)) {
					return
				}
			}
		}
	}, nil
}

// A capCache remembers whether the caps allow one more session on the
// last local date asked about.
type capCache struct {
	date Date
	ok   bool
}

func (cc *capCache) allows(c *Calendar, z *zoneCursor, d Date) bool {
	if d != cc.date {
		cc.date, cc.ok = d, true
		c.checkCaps(z, d, func(Reason) { cc.ok = false })
	}
	return cc.ok
}

// NextSearch is how far past its starting point Next looks for a slot.
const NextSearch = 366 * 24 * time.Hour

// Next returns the first bookable session that starts at or after after,
// looking up to NextSearch ahead, and whether there is one.
func (c Calendar) Next(now, after time.Time) (Interval, bool, error) {
	const chunk = 28 * 24 * time.Hour
	end := after.Add(NextSearch)
	for from := after; from.Before(end); from = from.Add(chunk) {
		slots, err := c.Slots(now, Interval{Start: from, End: from.Add(chunk + c.Policy.Session)})
		if err != nil {
			return Interval{}, false, err
		}
		for s := range slots {
			return s, true, nil
		}
		if c.Policy.Horizon > 0 && from.After(now.Add(c.Policy.Horizon)) {
			break
		}
	}
	return Interval{}, false, nil
}

// MarshalJSON encodes the calendar: schedule, policy and bookings.
func (c Calendar) MarshalJSON() ([]byte, error) {
	type plain Calendar
	return strictjson.Marshal(plain(c))
}

// UnmarshalJSON decodes a calendar strictly.
func (c *Calendar) UnmarshalJSON(b []byte) error {
	type plain Calendar
	return strictjson.Unmarshal(b, (*plain)(c), strictjson.Limits{})
}
