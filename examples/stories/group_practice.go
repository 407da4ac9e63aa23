package stories

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/booking"
	"github.com/practicekit/boundaries/availability/ical"
)

const titleGroupPractice = "6. The group practice"

// GroupPracticeResults are the results of story 6.
type GroupPracticeResults struct {
	// IntakeSlots are the first intakes Dr. Okafor's booking page lists.
	IntakeSlots []availability.Interval `json:"intake_slots"`
	// Checks are the single sessions the story checks: too little notice,
	// the personal calendar, the day cap before and after one more
	// booking, a move, and the seats of a group.
	Checks []booking.Verdict `json:"checks"`
	// Standing is the verdict on each session of the Tokyo client's
	// standing appointment, with alternatives.
	Standing []booking.Occurrence `json:"standing"`
	// Weekly are the best weekly times for a new standing client.
	Weekly []booking.Standing `json:"weekly"`
	// CoTherapy are the times the couple, both therapists and Room 2 can
	// meet.
	CoTherapy []booking.Proposal `json:"co_therapy"`
	// Supervision are the times Dr. Okafor and her supervisor can meet,
	// with Jonas Weber if he can.
	Supervision []booking.Proposal `json:"supervision"`
}

// practiceRequests is data/group-practice/requests.json: the story's "now"
// and the calendars of people outside the practice.
type practiceRequests struct {
	Now        time.Time        `json:"now"`
	Couple     booking.Calendar `json:"couple"`
	Supervisor booking.Calendar `json:"supervisor"`
}

// GroupPractice tells story 6: a small practice. Two therapists, one
// room, three services, a personal calendar kept in iCalendar, a client in
// Tokyo who keeps a weekly time, a couple seen by both therapists, and a
// supervisor in Stockholm.
func GroupPractice() (Report, error) {
	var okafor, weber, room booking.Calendar
	var req practiceRequests
	if err := errors.Join(
		load("group-practice/okafor.json", &okafor),
		load("group-practice/weber.json", &weber),
		load("group-practice/room-2.json", &room),
		load("group-practice/requests.json", &req),
	); err != nil {
		return Report{}, err
	}
	if err := errors.Join(
		check("Dr. Okafor's calendar", okafor.Validate()),
		check("Jonas Weber's calendar", weber.Validate()),
		check("Room 2's calendar", room.Validate()),
		check("the couple's times", req.Couple.Validate()),
		check("the supervisor's calendar", req.Supervisor.Validate()),
	); err != nil {
		return Report{}, err
	}
	personal, err := loadICS("group-practice/okafor-personal.ics")
	if err != nil {
		return Report{}, err
	}
	standing, err := loadICS("group-practice/standing.ics")
	if err != nil {
		return Report{}, err
	}
	if len(standing.Events) != 1 {
		return Report{}, errors.New("standing.ics: want one event")
	}

	now := req.Now
	loc := okafor.Schedule.Zone
	at := func(date, clock string) time.Time {
		return availability.At(availability.MustParseDate(date), availability.MustParseClock(clock), loc)
	}
	var res GroupPracticeResults
	var n narrative

	n.say("Dr. Amara Okafor (%s) offers:", loc)
	for _, s := range okafor.Services {
		n.detail("%s", service(s))
	}
	n.detail("and at most %d sessions a day, whatever the service.", okafor.Caps.PerDay)
	n.say("Jonas Weber offers sessions and an anxiety group of %d seats; Room 2 is shared.", weber.Services[1].Seats)

	// Her personal calendar blocks time, without counting toward caps.
	horizon := availability.IntervalOf(now, 20*7*24*time.Hour)
	busy, err := personal.Busy(horizon, ical.ExpandOptions{})
	if err != nil {
		return Report{}, fmt.Errorf("okafor-personal.ics: %w", err)
	}
	okafor.Busy = []booking.Busy{{Source: "personal calendar", Times: busy}}
	n.say("Her personal calendar (okafor-personal.ics, %d events) is busy %s in the next 20 weeks; the transparent birthday is not.",
		len(personal.Events), length(busy.Duration()))

	// The booking page.
	n.say("%s: the booking page.", when(now, loc))
	slots, err := okafor.Slots(now, "intake", availability.IntervalOf(now, 14*24*time.Hour))
	if err != nil {
		return Report{}, err
	}
	for s := range slots {
		res.IntakeSlots = append(res.IntakeSlots, s)
	}
	n.detail("Intakes in the next two weeks: %s.", starts(res.IntakeSlots, loc))
	verdicts := func(c booking.Calendar, service string, start time.Time) booking.Verdict {
		v := c.Check(now, service, start)
		res.Checks = append(res.Checks, v)
		return v
	}
	v := verdicts(okafor, "intake", at("2026-12-15", "10:00"))
	n.detail("An intake %s: %s", when(v.Session.Start, loc), explained(v))

	// A busy Thursday: five sessions, and the dentist.
	thursday := "2027-01-14"
	n.say("Thu %s: five sessions booked and the dentist at 13:00.", thursday)
	v = verdicts(okafor, "session", at(thursday, "13:00"))
	n.detail("A session at 13:00: %s", explained(v))
	v = verdicts(okafor, "session", at(thursday, "16:00"))
	n.detail("A session at 16:00: %s (busy time does not count toward the cap of %d)", explained(v), okafor.Caps.PerDay)
	sixth := booking.Session{ID: "b-109", Service: "session", Client: "c-28", Interval: v.Session}
	okafor.Booked, err = okafor.Booked.Add(sixth)
	if err != nil {
		return Report{}, err
	}
	v = verdicts(okafor, "check-in", at(thursday, "17:30"))
	n.detail("Booked as %s; then a check-in at 17:30: %s", sixth.ID, explained(v))
	moved, err := okafor.CheckMove(now, "b-104", at(thursday, "09:30"))
	if err != nil {
		return Report{}, err
	}
	res.Checks = append(res.Checks, moved)
	n.detail("Session b-104 asks to move from 10:00 to 09:30: %s", explained(moved))

	// The anxiety group has one seat left.
	groupAt := at("2027-01-13", "18:00")
	v = verdicts(weber, "anxiety-group", groupAt)
	n.say("Jonas Weber's anxiety group %s: %s", when(groupAt, loc), explained(v))
	weber.Booked, err = weber.Booked.Add(booking.Session{ID: "w-209", Service: "anxiety-group", Client: "c-68", Interval: v.Session})
	if err != nil {
		return Report{}, err
	}
	v = verdicts(weber, "anxiety-group", groupAt)
	n.detail("once an eighth client joins: %s", explained(v))

	// The client in Tokyo keeps Friday 07:00, her time.
	tokyo, err := availability.LoadZone("Asia/Tokyo")
	if err != nil {
		return Report{}, err
	}
	inTokyo := func(t time.Time) string {
		return fmt.Sprintf("%s (%s in Tokyo)", when(t, loc), t.In(tokyo).Format("Mon 15:04"))
	}
	ev := standing.Events[0]
	starts, err := ev.Recurrence.Starts(horizon, ical.ExpandOptions{})
	if err != nil {
		return Report{}, fmt.Errorf("standing.ics: %w", err)
	}
	series := booking.Series{Service: "session", Client: "c-40", Starts: starts}
	if err := check("the standing appointment", series.Validate()); err != nil {
		return Report{}, err
	}
	res.Standing, err = okafor.In(tokyo).CheckSeries(now, series)
	if err != nil {
		return Report{}, err
	}
	ok := 0
	for _, o := range res.Standing {
		if o.OK {
			ok++
		}
	}
	n.say("A client in Tokyo asks for a standing session (standing.ics: %s from Fri %s 07:00 Tokyo time): %d of %d sessions bookable.",
		ev.Recurrence.Rule, starts[0].In(tokyo).Format("2006-01-02"), ok, len(res.Standing))
	for _, o := range res.Standing {
		if o.OK {
			continue
		}
		n.detail("%s:", inTokyo(o.Session.Start))
		for _, r := range o.Reasons {
			n.more("%s", reason(r))
		}
		if o.Alternative != nil {
			n.more("instead: %s", inTokyo(o.Alternative.Start))
		}
	}

	// A new weekly client: the times free for twelve weeks.
	from := at("2027-01-04", "00:00")
	res.Weekly, err = okafor.Standings(now, "session", from, 12)
	if err != nil {
		return Report{}, err
	}
	n.say("A new weekly client: of %d weekly times free for the 12 weeks from %s, the best:", len(res.Weekly), from.Format(dayOnly))
	for _, s := range res.Weekly[:min(3, len(res.Weekly))] {
		closed := ""
		if s.Closed > 0 {
			closed = fmt.Sprintf(" (closed %d of them)", s.Closed)
		}
		n.detail("%s, bookable %d weeks in a row from %s%s", s.Window, s.Weeks, s.First.Start.In(loc).Format(dayOnly), closed)
	}

	// Co-therapy: the couple, both therapists and Room 2.
	week := availability.Interval{Start: at("2027-01-11", "00:00"), End: at("2027-01-16", "00:00")}
	cotherapy := booking.Group{
		Parties: []booking.Party{
			{Name: "Dr. Okafor", Calendar: okafor, Service: "session"},
			{Name: "Jonas Weber", Calendar: weber, Service: "session"},
			{Name: "Room 2", Calendar: room},
			{Name: "the couple", Calendar: req.Couple},
		},
		Length: 50 * time.Minute,
		Limit:  3,
	}
	res.CoTherapy, err = cotherapy.Find(now, week)
	if err != nil {
		return Report{}, err
	}
	n.say("A couple asks for a co-therapy session the week of %s, after work: both therapists, Room 2 and the couple are free", week.Start.Format(dayOnly))
	for _, p := range res.CoTherapy {
		n.detail("%s", when(p.Session.Start, loc))
	}

	// Supervision: the supervisor in Stockholm, Jonas Weber if he can.
	supervision := booking.Group{
		Parties: []booking.Party{
			{Name: "Dr. Okafor", Calendar: okafor},
			{Name: "Dr. Lindqvist", Calendar: req.Supervisor},
			{Name: "Jonas Weber", Calendar: weber, Optional: true},
		},
		Length: 50 * time.Minute,
		Limit:  3,
	}
	week = availability.Interval{Start: at("2027-01-18", "00:00"), End: at("2027-01-23", "00:00")}
	res.Supervision, err = supervision.Find(now, week)
	if err != nil {
		return Report{}, err
	}
	n.say("Supervision with Dr. Lindqvist (%s) the week of %s, with Jonas Weber if he can:", req.Supervisor.Schedule.Zone, week.Start.Format(dayOnly))
	for _, p := range res.Supervision {
		n.detail("%s: %s", when(p.Session.Start, loc), strings.Join(p.Attending, ", "))
		for _, a := range p.Absent {
			n.more("not %s: %s", a.Party, a.Reasons[0].Message)
		}
	}

	return Report{Name: "group-practice", Title: titleGroupPractice, Lines: n.lines, Results: res}, nil
}

// loadICS parses the iCalendar file name under data.
func loadICS(name string) (ical.Calendar, error) {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		return ical.Calendar{}, err
	}
	c, err := ical.Parse(b, ical.Limits{})
	if err != nil {
		return ical.Calendar{}, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}

// service writes a service as "Intake: 1h30m, USD 220.00, tue,thu 09:00–12:00".
func service(s booking.Service) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s, %s", s.Name, length(s.Length), s.Price)
	if len(s.Hours) > 0 {
		fmt.Fprintf(&b, ", only %s", windows(s.Hours))
	}
	if s.MinNotice > 0 {
		fmt.Fprintf(&b, ", %s notice", length(s.MinNotice))
	}
	if s.Caps.PerWeek > 0 {
		fmt.Fprintf(&b, ", at most %d a week", s.Caps.PerWeek)
	}
	return b.String()
}

// starts writes the starts of sessions as "Tue 22 09:00, Tue 22 09:30".
func starts(ivs []availability.Interval, loc *time.Location) string {
	var parts []string
	for _, iv := range ivs {
		parts = append(parts, iv.Start.In(loc).Format("Mon 02 15:04"))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// length writes a duration as people do: "1h30m", "50m", "48h".
func length(d time.Duration) string {
	s := d.String()
	s = strings.TrimSuffix(s, "0s")
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// explained writes a verdict as "bookable", or "not bookable: " and its
// reasons.
func explained(v booking.Verdict) string {
	if v.OK {
		return "bookable"
	}
	var parts []string
	for _, r := range v.Reasons {
		parts = append(parts, fmt.Sprintf("%s [%s]", r.Message, r.Code))
	}
	return "not bookable: " + strings.Join(parts, "; ")
}
