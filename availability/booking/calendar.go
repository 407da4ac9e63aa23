package booking

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Calendar is everything needed to answer "can this session be booked
// then?" for one provider, colleague or room: the Schedule, the Services
// offered, the Caps all sessions share, the sessions already Booked, and
// the Busy time that is not a booking. Calendars are values; their methods
// never change them and are safe for concurrent use.
//
// Check and Slots share one definition of bookable, so every slot Slots
// lists passes Check, and every start that passes Check within the range
// is listed. A session of a service, [start, start+Length), is bookable
// when:
//
//   - it starts no earlier than now+MinNotice (and not before now), no
//     later than now+Horizon when there is a horizon, and on one of the
//     service's Dates when it has some;
//   - its start is aligned: the local wall time is a whole multiple of
//     Align after local midnight;
//   - open time covers it (working time, not protected), and the
//     service's Hours do when it has some;
//   - it does not overlap a booked session, nor come closer to one than
//     their buffers allow, except to join a group session of the same
//     service and time that has a free seat;
//   - it does not come closer to busy time than its own buffers allow;
//   - the caps of its local date, ISO week and month leave room for it,
//     the service's and the calendar's; a client who joins a group
//     session already booked adds nothing to count.
type Calendar struct {
	Schedule availability.Schedule `json:"schedule"`
	Services []Service             `json:"services"`
	// Caps limit all sessions together, whatever their service: at most 6
	// client sessions a day.
	Caps Caps `json:"caps,omitzero"`
	// Booked are the sessions already booked.
	Booked Sessions `json:"booked,omitzero"`
	// Busy is time that is not free but not a booking either, such as a
	// dentist appointment from a personal calendar. It never counts toward
	// caps, and explanations name only its source.
	Busy []Busy `json:"busy,omitempty"`

	view *time.Location // see In
	// extra are sessions a series has accepted so far, counted as booked
	// by the checks of its later sessions; see CheckSeries. They are
	// sorted by start and all of one length, so their ends are sorted
	// too.
	extra []Session
}

// Busy is time a calendar is not free that is not a booked session: the
// events of a personal calendar, travel, a colleague's meeting. Its
// details stay with the host: a refusal says only "busy" and the Source.
type Busy struct {
	// Source names where the time comes from, such as "personal calendar".
	Source string `json:"source"`
	// Times are the instants that are busy.
	Times availability.Set `json:"times"`
}

// UnmarshalJSON decodes busy time strictly; its times may hold up to
// MaxBusy intervals, in any order.
func (b *Busy) UnmarshalJSON(data []byte) error {
	var plain struct {
		Source string                  `json:"source"`
		Times  []availability.Interval `json:"times"`
	}
	// An interval is an element with two members.
	if err := strictjson.Unmarshal(data, &plain, strictjson.Limits{MaxBytes: 16 << 20, MaxElements: 3*MaxBusy + 8}); err != nil {
		return err
	}
	*b = Busy{Source: plain.Source, Times: availability.NewSet(plain.Times...)}
	return nil
}

// IsZero reports whether the sessions hold none.
func (s Sessions) IsZero() bool { return len(s.list) == 0 }

// Limits on the size of a calendar, so that hostile input cannot make a
// query slow: services, booked sessions, busy intervals across sources.
const (
	MaxServices = 100
	MaxSessions = 20_000
	MaxBusy     = 50_000
)

// The codes of the reasons Check gives, besides those of
// availability.Schedule.CheckOpen (outside_hours, protected_time, holiday,
// override_closed, not_effective).
const (
	CodeUnknownService availability.Code = "unknown_service"  // the calendar offers no such service
	CodeInvalid        availability.Code = "invalid_calendar" // the service or schedule cannot be used
	CodePast           availability.Code = "past"             // starts before now
	CodeMinNotice      availability.Code = "min_notice"       // starts sooner than the minimum notice
	CodeBeyondHorizon  availability.Code = "beyond_horizon"   // starts later than the booking horizon
	CodeOutsideDates   availability.Code = "outside_dates"    // starts on a date the service is not offered
	CodeNotAligned     availability.Code = "not_aligned"      // does not start on an allowed start time
	CodeOutsideService availability.Code = "outside_service"  // outside the service's hours
	CodeBooked         availability.Code = "booked"           // overlaps a booked session
	CodeBuffer         availability.Code = "buffer"           // too close to a booked session
	CodeFull           availability.Code = "full"             // the group session has no free seat
	CodeBusy           availability.Code = "busy"             // overlaps busy time, or is too close to it
	CodeDayCap         availability.Code = "day_cap"          // the local day has its most sessions
	CodeWeekCap        availability.Code = "week_cap"         // the ISO week has its most sessions
	CodeMonthCap       availability.Code = "month_cap"        // the month has its most sessions
	CodeDayMinutesCap  availability.Code = "day_minutes_cap"  // the day's booked time would pass its limit
	CodeWeekMinutesCap availability.Code = "week_minutes_cap" // the week's booked time would pass its limit
)

// A Verdict says whether a proposed session is bookable and, when it is
// not, every reason why.
type Verdict struct {
	Service string                `json:"service,omitempty"`
	Session availability.Interval `json:"session"`
	OK      bool                  `json:"ok"`
	Reasons []availability.Reason `json:"reasons,omitempty"`
}

// In returns the calendar as seen from loc, such as the client's zone: the
// sentences of its reasons name each instant in the schedule's zone and in
// loc ("Tue 2026-12-15 17:00 EST (Wed 07:00 in Tokyo)"), and its slots
// are expressed in loc. Which sessions are bookable does not change. A nil
// loc, or the schedule's own zone, gives the provider's view.
func (c Calendar) In(loc *time.Location) Calendar {
	c.view = loc
	return c
}

// service returns the service with the ID and its index, or nil. The empty
// ID names the calendar's only service, when it has one.
func (c *Calendar) service(id string) (*Service, int) {
	if id == "" && len(c.Services) == 1 {
		return &c.Services[0], 0
	}
	for i := range c.Services {
		if c.Services[i].ID == id {
			return &c.Services[i], i
		}
	}
	return nil, -1
}

// unknown says why the calendar has no service id, and what it offers:
// `no service "x"; the calendar offers intake, session`, or for the empty
// ID, which names the only service, that a service must be named.
func (c *Calendar) unknown(id string) string {
	var offered []string
	for i := range c.Services {
		if len(offered) == 5 {
			offered = append(offered, prose.Count(len(c.Services)-5, "more", "more"))
			break
		}
		offered = append(offered, prose.Quote(c.Services[i].ID))
	}
	switch {
	case len(c.Services) == 0:
		return "the calendar offers no services"
	case id == "":
		return "name a service: the calendar offers " + strings.Join(offered, ", ")
	}
	return fmt.Sprintf("no service %s; the calendar offers %s", prose.Quote(id), strings.Join(offered, ", "))
}

// out returns the zone sessions are expressed in: the view's, or the
// schedule's.
func (c *Calendar) out() *time.Location {
	if c.view != nil {
		return c.view
	}
	return c.zone()
}

// zone returns the schedule's zone, UTC when it has none.
func (c *Calendar) zone() *time.Location {
	if c.Schedule.Zone == nil {
		return time.UTC
	}
	return c.Schedule.Zone
}

// Check reports whether a session of the service starting at start can be
// booked at now, with every reason it cannot. The empty service names the
// calendar's only service. A bookable session costs no allocation. The
// verdict's session is expressed in the schedule's zone, or the view's
// (see In). A service the calendar does not offer gives the one reason
// unknown_service, and one Slots would refuse with an error (no length, an
// Align that is not a whole number of minutes, a schedule or calendar
// beyond the size limits) the one reason invalid_calendar, whose rule is
// the service's field or "services", "booked" or "busy".
func (c Calendar) Check(now time.Time, service string, start time.Time) Verdict {
	return c.checkSession(now, service, start, -1)
}

// CheckMove reports whether the booked session with the ID can move to
// start at start, keeping its service and length, as one operation: the
// session does not clash with itself, nor count toward the caps it leaves.
// A session that is not booked gives ErrNotFound.
func (c Calendar) CheckMove(now time.Time, id string, start time.Time) (Verdict, error) {
	i := c.Booked.index(id)
	if i < 0 {
		return Verdict{}, fmt.Errorf("%w: %s", ErrNotFound, prose.Quote(id))
	}
	x := c.Booked.list[i]
	v := c.checkSession(now, x.Service, start, i)
	if svc, _ := c.service(x.Service); svc != nil && svc.Length != x.Duration() {
		// The session keeps its own length, whatever the service's is now.
		v = c.checkSpan(now, svc, availability.IntervalOf(start, x.Duration()), i)
	}
	return v, nil
}

// checkSession checks a session of the service at start, leaving out the
// booked session at position except.
func (c *Calendar) checkSession(now time.Time, service string, start time.Time, except int) Verdict {
	svc, _ := c.service(service)
	if svc == nil {
		return Verdict{Service: service, Session: availability.Interval{Start: start, End: start},
			Reasons: []availability.Reason{{Code: CodeUnknownService, Rule: "services",
				Message: c.unknown(service)}}}
	}
	return c.checkSpan(now, svc, availability.IntervalOf(start, svc.Length), except)
}

// checkSpan checks the session s of svc.
func (c *Calendar) checkSpan(now time.Time, svc *Service, s availability.Interval, except int) Verdict {
	v := Verdict{Service: svc.ID, Session: s}
	c.check(now, svc, s, except, func(r availability.Reason) { v.Reasons = append(v.Reasons, r) })
	v.OK = len(v.Reasons) == 0
	v.Session = v.Session.In(c.out())
	return v
}

// unusable reports why no session of svc can be checked or listed at all,
// with the path of the rule to blame (relative to the service for its own
// fields, such as "length") and the error Slots returns; nil when the
// service can be queried.
func (c *Calendar) unusable(svc *Service) (rule string, own bool, err error) {
	switch {
	case svc.Length <= 0:
		return "length", true, fmt.Errorf("%w: service %s sets no session length", problem.ErrInvalid, prose.Quote(svc.ID))
	case svc.Length > availability.MaxRange:
		return "length", true, fmt.Errorf("%w: a session of %s is longer than %s", availability.ErrRangeTooLong, prose.Duration(svc.Length), prose.Duration(availability.MaxRange))
	case svc.Align < 0 || svc.Align%time.Minute != 0:
		return "align", true, fmt.Errorf("%w: align %s is not a whole number of minutes", problem.ErrInvalid, svc.Align)
	case len(svc.Hours) > availability.MaxWindows:
		return "hours", true, fmt.Errorf("%w: %d windows (limit %d)", availability.ErrTooLarge, len(svc.Hours), availability.MaxWindows)
	case len(c.Services) > MaxServices:
		return "services", false, fmt.Errorf("%w: %d services (limit %d)", availability.ErrTooLarge, len(c.Services), MaxServices)
	case c.Booked.Len() > MaxSessions:
		return "booked", false, fmt.Errorf("%w: %d sessions (limit %d)", availability.ErrTooLarge, c.Booked.Len(), MaxSessions)
	}
	if n := c.busyLen(); n > MaxBusy {
		return "busy", false, fmt.Errorf("%w: %d busy intervals (limit %d)", availability.ErrTooLarge, n, MaxBusy)
	}
	return "", false, nil
}

func (c *Calendar) busyLen() int {
	n := 0
	for _, b := range c.Busy {
		n += b.Times.Len()
	}
	return n
}

// check calls refuse once for every reason the session s of svc is not
// bookable, leaving out the booked session at position except.
func (c *Calendar) check(now time.Time, svc *Service, s availability.Interval, except int, refuse func(availability.Reason)) {
	_, idx := c.service(svc.ID)
	at := func(field string) string { return problem.Join(problem.Index("services", idx), field) }
	if rule, own, err := c.unusable(svc); err != nil {
		if own {
			rule = at(rule)
		}
		refuse(availability.Reason{Code: CodeInvalid, Rule: rule, Message: err.Error()})
		return
	}
	loc := c.zone()
	c.checkTiming(now, svc, s.Start, at, refuse)
	if !aligned(s.Start.In(loc), svc.alignMinutes()) {
		refuse(availability.Reason{Code: CodeNotAligned, Rule: at("align"),
			Message: fmt.Sprintf("%s start every %s from midnight; %s is not one of those times", plural(svc), prose.Duration(time.Duration(svc.alignMinutes())*time.Minute), c.clock(s.Start))})
	}
	reasons, err := c.Schedule.CheckOpen(s)
	if err != nil {
		refuse(availability.Reason{Code: CodeInvalid, Rule: "schedule", Message: err.Error()})
		return
	}
	for _, r := range reasons {
		refuse(c.viewed(r))
	}
	if len(svc.Hours) > 0 {
		hours := availability.Schedule{Zone: loc, Hours: svc.Hours}
		if out, _ := hours.CheckOpen(s); out != nil {
			refuse(availability.Reason{Code: CodeOutsideService, Rule: at("hours"), Label: svc.Name,
				Message: fmt.Sprintf("%s are offered %s only", plural(svc), windows(svc.Hours))})
		}
	}
	joins := c.checkSessions(svc, s, except, refuse)
	c.checkBusy(svc, s, refuse)
	if !joins {
		// A client who joins a group session already booked adds no
		// session to count.
		c.checkCaps(svc, idx, s.Duration(), availability.DateOf(s.Start.In(loc)), except, refuse)
	}
}

// checkTiming applies the notice, horizon and dates rules to a start.
func (c *Calendar) checkTiming(now time.Time, svc *Service, start time.Time, at func(string) string, refuse func(availability.Reason)) {
	switch {
	case start.Before(now):
		refuse(availability.Reason{Code: CodePast, Message: "the session would start in the past"}) // no rule of the calendar decides it
	case start.Before(now.Add(svc.MinNotice)):
		refuse(availability.Reason{Code: CodeMinNotice, Rule: at("min_notice"),
			Message: fmt.Sprintf("%s must be booked at least %s ahead", plural(svc), prose.Duration(svc.MinNotice))})
	}
	if svc.Horizon > 0 && start.After(now.Add(svc.Horizon)) {
		refuse(availability.Reason{Code: CodeBeyondHorizon, Rule: at("horizon"),
			Message: fmt.Sprintf("%s can be booked at most %s ahead", plural(svc), prose.Duration(svc.Horizon))})
	}
	if d := svc.Dates; d != (availability.DateRange{}) && !d.Contains(availability.DateOf(start.In(c.zone()))) {
		refuse(availability.Reason{Code: CodeOutsideDates, Rule: at("dates"),
			Message: fmt.Sprintf("%s are offered %s only", plural(svc), dates(d))})
	}
}

// checkSessions refuses a session that overlaps a booked one or comes
// closer to one than their buffers allow, or that joins a full group
// session. It reports whether the session joins a group session already
// booked.
func (c *Calendar) checkSessions(svc *Service, s availability.Interval, except int, refuse func(availability.Reason)) (joins bool) {
	before, after := svc.buffers()
	reach := c.maxBuffer() + max(before, after)
	seats, taken := svc.seats(), 0
	var clash, tooClose *Session // they point into the sessions, which are not copied
	c.near(availability.Interval{Start: s.Start.Add(-reach), End: s.End.Add(reach)}, func(x *Session) bool {
		if except >= 0 && x.ID == c.Booked.list[except].ID {
			return true
		}
		switch {
		case x.Overlaps(s):
			if seats > 1 && x.Service == svc.ID && x.Interval.Equal(s) {
				taken++
			} else if clash == nil {
				clash = x
			}
		case tooClose == nil && !c.clear(x, before, after, s):
			tooClose = x
		}
		return true
	})
	switch {
	case clash != nil:
		rule, what := c.describe(clash)
		refuse(availability.Reason{Code: CodeBooked, Rule: rule, Message: "overlaps " + what})
	case tooClose != nil:
		rule, what := c.describe(tooClose)
		refuse(availability.Reason{Code: CodeBuffer, Rule: rule, Message: "sessions need their buffers between them; " + what + ", is too close"})
	}
	if taken >= seats {
		refuse(availability.Reason{Code: CodeFull, Rule: problem.Join(problem.Index("services", c.index(svc)), "seats"),
			Message: fmt.Sprintf("the %s %s is full: %d of %d seats are taken", session(svc), c.span(s), taken, seats)})
	}
	return taken > 0
}

// near calls f with each booked session, and each session a series has
// accepted so far, that shares an instant with r, in order of start,
// until f returns false. It allocates nothing.
func (c *Calendar) near(r availability.Interval, f func(*Session) bool) {
	list := c.Booked.around(r)
	for i := range list {
		if list[i].End.After(r.Start) && !f(&list[i]) {
			return
		}
	}
	ex := c.extra
	for i := sort.Search(len(ex), func(i int) bool { return ex[i].End.After(r.Start) }); i < len(ex) && ex[i].Start.Before(r.End); i++ {
		if !f(&ex[i]) {
			return
		}
	}
}

// clear reports whether the booked session x, which does not overlap s,
// leaves the buffers of both free; before and after are the buffers of
// s's service.
func (c *Calendar) clear(x *Session, before, after time.Duration, s availability.Interval) bool {
	xb, xa := c.buffersOf(x)
	if !x.End.After(s.Start) {
		return s.Start.Sub(x.End) >= xa+before
	}
	return x.Start.Sub(s.End) >= after+xb
}

// buffersOf returns the buffers of the booked session x's service: none
// when the calendar no longer offers it.
func (c *Calendar) buffersOf(x *Session) (before, after time.Duration) {
	if xs, _ := c.service(x.Service); xs != nil && x.Service != "" {
		return xs.buffers()
	}
	return 0, 0
}

// maxBuffer returns the longest buffer of any service.
func (c *Calendar) maxBuffer() time.Duration {
	var m time.Duration
	for i := range c.Services {
		m = max(m, c.Services[i].BufferBefore, c.Services[i].BufferAfter)
	}
	return m
}

// checkBusy refuses a session that busy time overlaps, with the session's
// buffers.
func (c *Calendar) checkBusy(svc *Service, s availability.Interval, refuse func(availability.Reason)) {
	before, after := svc.buffers()
	padded := availability.Interval{Start: s.Start.Add(-before), End: s.End.Add(after)}
	for i := range c.Busy {
		if c.Busy[i].Times.Overlaps(padded) {
			msg := "busy"
			if src := c.Busy[i].Source; src != "" {
				msg = "busy: " + src
			}
			refuse(availability.Reason{Code: CodeBusy, Rule: problem.Index("busy", i), Label: c.Busy[i].Source, Message: msg})
			return
		}
	}
}

// checkCaps refuses a session of svc (at index idx) as long as length
// when the caps of local date d, its ISO week or its month are reached,
// the service's and the calendar's.
func (c *Calendar) checkCaps(svc *Service, idx int, length time.Duration, d availability.Date, except int, refuse func(availability.Reason)) {
	c.capsOf(&svc.Caps, svc, idx, length, d, except, refuse)
	c.capsOf(&c.Caps, nil, 0, length, d, except, refuse)
}

// capsOf applies caps: those of svc (at index idx), counting its sessions,
// or when svc is nil the calendar's, counting all. It allocates only to
// refuse.
func (c *Calendar) capsOf(caps *Caps, svc *Service, idx int, length time.Duration, d availability.Date, except int, refuse func(availability.Reason)) {
	if caps.IsZero() {
		return
	}
	var service *string
	if svc != nil {
		service = &svc.ID
	}
	rule := func(field string) string {
		if svc == nil {
			return "caps." + field
		}
		return problem.Join(problem.Index("services", idx), "caps."+field)
	}
	what := func() string {
		if svc == nil {
			return "sessions"
		}
		return plural(svc)
	}
	loc := c.zone()
	span := func(from, to availability.Date) (int, time.Duration) {
		a, b := availability.At(from, availability.Midnight, loc), availability.At(to, availability.Midnight, loc)
		n, d := c.Booked.count(service, a, b, except)
		ex := c.extra
		for i := sort.Search(len(ex), func(i int) bool { return !ex[i].Start.Before(a) }); i < len(ex) && ex[i].Start.Before(b); i++ {
			if service == nil || ex[i].Service == *service {
				n, d = n+1, d+ex[i].Duration()
			}
		}
		return n, d
	}
	if caps.PerDay > 0 || caps.BookedPerDay > 0 {
		n, booked := span(d, d.AddDays(1))
		if caps.PerDay > 0 && n >= caps.PerDay {
			refuse(availability.Reason{Code: CodeDayCap, Rule: rule("per_day"), Message: fmt.Sprintf("%s already has %d of at most %d %s", d, n, caps.PerDay, what())})
		}
		if caps.BookedPerDay > 0 && booked+length > caps.BookedPerDay {
			refuse(availability.Reason{Code: CodeDayMinutesCap, Rule: rule("booked_per_day"), Message: fmt.Sprintf("%s already has %s of %s booked of at most %s", d, prose.Hours(booked), what(), prose.Hours(caps.BookedPerDay))})
		}
	}
	if caps.PerWeek > 0 || caps.BookedPerWeek > 0 {
		monday := d.AddDays(-((int(d.Weekday()) + 6) % 7))
		n, booked := span(monday, monday.AddDays(7))
		if caps.PerWeek > 0 && n >= caps.PerWeek {
			refuse(availability.Reason{Code: CodeWeekCap, Rule: rule("per_week"), Message: fmt.Sprintf("the week of %s already has %d of at most %d %s", monday, n, caps.PerWeek, what())})
		}
		if caps.BookedPerWeek > 0 && booked+length > caps.BookedPerWeek {
			refuse(availability.Reason{Code: CodeWeekMinutesCap, Rule: rule("booked_per_week"), Message: fmt.Sprintf("the week of %s already has %s of %s booked of at most %s", monday, prose.Hours(booked), what(), prose.Hours(caps.BookedPerWeek))})
		}
	}
	if caps.PerMonth > 0 {
		first := availability.Date{Year: d.Year, Month: d.Month, Day: 1}
		next := first.AddDays(availability.DaysIn(d.Year, d.Month))
		if n, _ := span(first, next); n >= caps.PerMonth {
			refuse(availability.Reason{Code: CodeMonthCap, Rule: rule("per_month"), Message: fmt.Sprintf("%s %d already has %d of at most %d %s", d.Month, d.Year, n, caps.PerMonth, what())})
		}
	}
}

// index returns the position of svc in c.Services.
func (c *Calendar) index(svc *Service) int {
	_, i := c.service(svc.ID)
	return i
}

// describe names a session x that near handed out, for a reason: the rule
// booked[id] and `session "id", booked Tue 2026-12-15 17:00–17:50 EST`,
// or for a session of the series being checked, series[k] and "session
// k+1 of the series, Tue …".
func (c *Calendar) describe(x *Session) (rule, what string) {
	for i := range c.extra {
		if x != &c.extra[i] {
			continue
		}
		if k, err := strconv.Atoi(x.ID); err == nil {
			return problem.Index("series", k), fmt.Sprintf("session %d of the series, %s", k+1, c.span(x.Interval))
		}
		return "series", "a session of the series, " + c.span(x.Interval)
	}
	return problem.Key("booked", x.ID), fmt.Sprintf("session %s, booked %s", prose.Quote(x.ID), c.span(x.Interval))
}

// name is how sentences call a service: its name, or its ID.
func name(svc *Service) string {
	if svc.Name != "" {
		return svc.Name
	}
	return svc.ID
}

// session is how sentences call one session of a service: "Intake
// session", or for a service called "Session", "Session".
func session(svc *Service) string {
	n := name(svc)
	if strings.HasSuffix(strings.ToLower(n), "session") {
		return n
	}
	return n + " session"
}

// plural is the plural of session: "Intake sessions", "Sessions".
func plural(svc *Service) string { return session(svc) + "s" }

// windows lists weekly windows for a sentence: "tue,thu 09:00–12:00".
func windows(ws []availability.Window) string {
	var b strings.Builder
	for i, w := range availability.GroupWindows(ws) {
		if i > 0 {
			b.WriteString(", ")
		}
		w.ID, w.Label = "", ""
		b.WriteString(w.String())
	}
	return b.String()
}

// dates writes a date range for a sentence: "from 2026-03-02 to
// 2026-03-06".
func dates(r availability.DateRange) string {
	switch {
	case r.From.IsZero():
		return "until " + r.Through.String()
	case r.Through.IsZero():
		return "from " + r.From.String()
	}
	return "from " + r.From.String() + " to " + r.Through.String()
}

// aligned reports whether local time lt falls on a start time of a grid of
// step minutes from midnight.
func aligned(lt time.Time, step int) bool {
	if lt.Second() != 0 || lt.Nanosecond() != 0 {
		return false
	}
	return (lt.Hour()*60+lt.Minute())%step == 0
}

// Validate reports every problem with the calendar: its schedule's under
// "schedule", each service's under "services[i]" and a service ID given
// twice (duplicate), its caps, and too_many past MaxServices, MaxSessions
// and MaxBusy. Booked sessions may name services the calendar no longer
// offers.
func (c Calendar) Validate() error {
	var l problem.List
	if err := c.Schedule.Validate(); err != nil {
		l = append(l, err.(problem.List).Under("schedule")...)
	}
	if len(c.Services) > MaxServices {
		l.Add("services", problem.TooMany, "%d services; at most %d are allowed", len(c.Services), MaxServices)
	}
	seen := map[string]int{}
	for i := range c.Services {
		at := problem.Index("services", i)
		c.Services[i].validate(&l, at)
		id := c.Services[i].ID
		if j, ok := seen[id]; ok && id != "" {
			l.Add(problem.Join(at, "id"), problem.Duplicate, "service %s is already services[%d]", prose.Quote(id), j)
		} else {
			seen[id] = i
		}
	}
	c.Caps.validate(&l, "caps", 0)
	if c.Booked.Len() > MaxSessions {
		l.Add("booked", problem.TooMany, "%d sessions; at most %d are allowed", c.Booked.Len(), MaxSessions)
	}
	if n := c.busyLen(); n > MaxBusy {
		l.Add("busy", problem.TooMany, "%d busy intervals; at most %d are allowed", n, MaxBusy)
	}
	return l.Err()
}

// MarshalJSON encodes the calendar: schedule, services, caps, sessions and
// busy time.
func (c Calendar) MarshalJSON() ([]byte, error) {
	type plain Calendar
	return strictjson.Marshal(plain(c))
}

// UnmarshalJSON decodes a calendar strictly; its sessions and busy time
// may hold up to MaxSessions and MaxBusy intervals.
func (c *Calendar) UnmarshalJSON(b []byte) error {
	type plain Calendar
	return strictjson.Unmarshal(b, (*plain)(c), strictjson.Limits{MaxBytes: 16 << 20, MaxElements: 8*MaxSessions + 4*MaxBusy})
}
