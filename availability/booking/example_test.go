package booking_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/booking"
)

func zone(name string) *time.Location {
	loc, err := availability.LoadZone(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// therapist is a New York practice: weekdays 09:00–19:00 with lunch kept
// free, a 90-minute intake on Tuesday and Thursday mornings with 48 hours'
// notice and at most two a week, a 50-minute session on the hour, and a
// 25-minute video check-in; at most 6 sessions a day.
func therapist() booking.Calendar {
	return booking.Calendar{
		Schedule: availability.Schedule{
			Zone:      zone("America/New_York"),
			Hours:     []availability.Window{{ID: "weekdays", Days: availability.Workweek, Start: availability.ClockOf(9, 0), End: availability.ClockOf(19, 0)}},
			Protected: []availability.Window{{ID: "lunch", Label: "lunch", Days: availability.Workweek, Start: availability.ClockOf(13, 0), End: availability.ClockOf(14, 0)}},
		},
		Services: []booking.Service{
			{ID: "intake", Name: "Intake", Price: money.MustParse("USD 180.00"), Length: 90 * time.Minute, BufferAfter: 15 * time.Minute, MinNotice: 48 * time.Hour,
				Hours: []availability.Window{{Days: availability.Days(time.Tuesday, time.Thursday), Start: availability.ClockOf(9, 0), End: availability.ClockOf(12, 0)}}, Caps: booking.Caps{PerWeek: 2}},
			{ID: "session", Name: "Session", Price: money.MustParse("USD 140.00"), Length: 50 * time.Minute, Align: time.Hour, BufferAfter: 10 * time.Minute, MinNotice: 24 * time.Hour},
			{ID: "checkin", Name: "Video check-in", Price: money.MustParse("USD 40.00"), Length: 25 * time.Minute, Align: 5 * time.Minute, BufferBefore: 5 * time.Minute},
		},
		Caps: booking.Caps{PerDay: 6},
	}
}

func ExampleCalendar_Check() {
	c := therapist()
	ny := c.Schedule.Zone
	c.Booked, _ = booking.NewSessions(booking.Session{ID: "s-101", Service: "session", Client: "client-7",
		Interval: availability.IntervalOf(time.Date(2026, 9, 15, 15, 0, 0, 0, ny), 50*time.Minute)})
	// A dentist appointment from the therapist's own calendar.
	c.Busy = []booking.Busy{{Source: "personal calendar",
		Times: availability.NewSet(availability.IntervalOf(time.Date(2026, 9, 16, 15, 0, 0, 0, ny), time.Hour))}}
	now := time.Date(2026, 9, 13, 10, 0, 0, 0, ny) // Sunday morning

	for _, q := range []struct {
		service string
		start   time.Time
	}{
		{"intake", time.Date(2026, 9, 15, 10, 0, 0, 0, ny)},
		{"intake", time.Date(2026, 9, 16, 10, 0, 0, 0, ny)},
		{"session", time.Date(2026, 9, 15, 15, 0, 0, 0, ny)},
		{"checkin", time.Date(2026, 9, 16, 15, 30, 0, 0, ny)},
		{"session", time.Date(2026, 9, 14, 13, 0, 0, 0, ny)},
	} {
		v := c.Check(now, q.service, q.start)
		fmt.Println(q.service, q.start.Format("Mon 15:04"), v.OK)
		for _, r := range v.Reasons {
			fmt.Println("  ", r.Code, r.Message)
		}
	}
	// Output:
	// intake Tue 10:00 true
	// intake Wed 10:00 false
	//    outside_service Intake sessions are offered tue,thu 09:00–12:00 only
	// session Tue 15:00 false
	//    booked overlaps session "s-101", booked Tue 2026-09-15 15:00–15:50 EDT
	// checkin Wed 15:30 false
	//    busy busy: personal calendar
	// session Mon 13:00 false
	//    protected_time Mon 2026-09-14 13:00 EDT falls in protected time (lunch, mon-fri 13:00–14:00)
}

func ExampleCalendar_Slots() {
	c := therapist()
	ny := c.Schedule.Zone
	now := time.Date(2026, 9, 13, 10, 0, 0, 0, ny)
	week := availability.Interval{Start: time.Date(2026, 9, 14, 0, 0, 0, 0, ny), End: time.Date(2026, 9, 21, 0, 0, 0, 0, ny)}
	slots, err := c.Slots(now, "intake", week)
	if err != nil {
		panic(err)
	}
	for s := range slots {
		fmt.Println(s.Start.Format("Mon Jan 2 15:04"), "to", s.End.Format("15:04"))
	}
	// Output:
	// Tue Sep 15 10:00 to 11:30
	// Tue Sep 15 10:30 to 12:00
	// Thu Sep 17 09:00 to 10:30
	// Thu Sep 17 09:30 to 11:00
	// Thu Sep 17 10:00 to 11:30
	// Thu Sep 17 10:30 to 12:00
}

func ExampleCalendar_Next() {
	c := therapist()
	ny := c.Schedule.Zone
	c.Schedule.Closures = []availability.Closure{{Label: "conference", From: availability.MustParseDate("2026-10-12"), Through: availability.MustParseDate("2026-10-16"), Colleague: "Dr. Amara Osei"}}
	now := time.Date(2026, 10, 11, 9, 0, 0, 0, ny) // the Sunday before the conference
	next, ok, err := c.Next(now, "session", now)
	if err != nil {
		panic(err)
	}
	fmt.Println(ok, next.Start.Format("Mon Jan 2 15:04 MST"))
	v := c.Check(now, "session", time.Date(2026, 10, 13, 10, 0, 0, 0, ny))
	fmt.Println(v.Reasons[0].Message)
	// Output:
	// true Mon Oct 19 09:00 EDT
	// 2026-10-13 is a closed day (conference, 2026-10-12 to 2026-10-16); Dr. Amara Osei covers meanwhile
}

func ExampleCalendar_CheckMove() {
	c := therapist()
	ny := c.Schedule.Zone
	c.Services[1].Caps.PerDay = 1 // one session a day
	c.Booked, _ = booking.NewSessions(
		booking.Session{ID: "s-101", Service: "session", Interval: availability.IntervalOf(time.Date(2026, 9, 15, 11, 0, 0, 0, ny), 50*time.Minute)},
		booking.Session{ID: "s-102", Service: "session", Interval: availability.IntervalOf(time.Date(2026, 9, 16, 11, 0, 0, 0, ny), 50*time.Minute)},
	)
	now := time.Date(2026, 9, 13, 10, 0, 0, 0, ny)

	// An hour later the same day: the session leaves its own place, so
	// neither it nor its day's cap stands in the way.
	v, _ := c.CheckMove(now, "s-101", time.Date(2026, 9, 15, 12, 0, 0, 0, ny))
	fmt.Println(v.OK)
	// Onto Wednesday, which has its one session.
	v, _ = c.CheckMove(now, "s-101", time.Date(2026, 9, 16, 15, 0, 0, 0, ny))
	fmt.Println(v.OK, v.Reasons[0].Code, v.Reasons[0].Message)
	_, err := c.CheckMove(now, "s-999", now)
	fmt.Println(err)
	// Output:
	// true
	// false day_cap 2026-09-16 already has 1 of at most 1 Sessions
	// no such session: "s-999"
}

func ExampleSessions() {
	ny := zone("America/New_York")
	at := func(day, hour int) availability.Interval {
		return availability.IntervalOf(time.Date(2026, 9, day, hour, 0, 0, 0, ny), 50*time.Minute)
	}
	booked, err := booking.NewSessions(
		booking.Session{ID: "s-101", Service: "session", Client: "client-7", Interval: at(15, 11)},
		booking.Session{ID: "s-102", Service: "session", Client: "client-4", Interval: at(14, 10)},
	)
	if err != nil {
		panic(err)
	}
	// Each operation returns new sessions; booked does not change.
	added, _ := booked.Add(booking.Session{ID: "s-103", Service: "session", Client: "client-9", Interval: at(16, 9)})
	moved, _ := added.Move("s-101", at(17, 15).Start)
	cancelled, _ := moved.Cancel("s-102")
	_, err = cancelled.Add(booking.Session{ID: "s-103", Interval: at(18, 9)})

	for _, s := range []booking.Sessions{booked, added, moved, cancelled} {
		var line []string
		for x := range s.All() {
			line = append(line, x.ID+" "+x.Start.Format("Mon 15:04"))
		}
		fmt.Println(strings.Join(line, ", "))
	}
	fmt.Println(err)
	// Output:
	// s-102 Mon 10:00, s-101 Tue 11:00
	// s-102 Mon 10:00, s-101 Tue 11:00, s-103 Wed 09:00
	// s-102 Mon 10:00, s-103 Wed 09:00, s-101 Thu 15:00
	// s-103 Wed 09:00, s-101 Thu 15:00
	// session already booked: "s-103"
}

func ExampleCalendar_CheckSeries() {
	c := therapist()
	ny := c.Schedule.Zone
	c.Schedule.Closures = []availability.Closure{
		{ID: "conference", From: availability.MustParseDate("2026-10-12"), Through: availability.MustParseDate("2026-10-16"), Colleague: "Dr. Amara Osei"},
		{ID: "election-day", From: availability.MustParseDate("2026-11-03"), Through: availability.MustParseDate("2026-11-03")},
	}
	now := time.Date(2026, 9, 13, 10, 0, 0, 0, ny)
	// Every Tuesday at 17:00 for 12 weeks; 17:00 stays 17:00 when the
	// clocks go back on November 1.
	series := booking.Series{Service: "session", Client: "client-7", First: time.Date(2026, 9, 15, 17, 0, 0, 0, ny), Count: 12}
	occurrences, err := c.CheckSeries(now, series)
	if err != nil {
		panic(err)
	}
	for _, o := range occurrences {
		if o.OK {
			fmt.Println(o.Session.Start.Format("Jan 2 15:04 MST"), "ok")
			continue
		}
		r := o.Reasons[0]
		fmt.Println(o.Session.Start.Format("Jan 2 15:04 MST"), r.Code, r.Rule, r.Colleague, "instead:", o.Alternative.Start.Format("Mon Jan 2 15:04"))
	}
	// Output:
	// Sep 15 17:00 EDT ok
	// Sep 22 17:00 EDT ok
	// Sep 29 17:00 EDT ok
	// Oct 6 17:00 EDT ok
	// Oct 13 17:00 EDT holiday conference Dr. Amara Osei instead: Fri Oct 9 18:00
	// Oct 20 17:00 EDT ok
	// Oct 27 17:00 EDT ok
	// Nov 3 17:00 EST holiday election-day  instead: Wed Nov 4 09:00
	// Nov 10 17:00 EST ok
	// Nov 17 17:00 EST ok
	// Nov 24 17:00 EST ok
	// Dec 1 17:00 EST ok
}

func ExampleCalendar_Standings() {
	c := therapist()
	ny := c.Schedule.Zone
	// Weekly sessions only on Tuesday and Thursday afternoons.
	c.Services[1].Hours = []availability.Window{{Days: availability.Days(time.Tuesday, time.Thursday), Start: availability.ClockOf(15, 0), End: availability.ClockOf(18, 0)}}
	c.Booked, _ = booking.NewSessions(
		booking.Session{ID: "s-201", Service: "session", Interval: availability.IntervalOf(time.Date(2026, 9, 29, 15, 0, 0, 0, ny), 50*time.Minute)},
		booking.Session{ID: "s-202", Service: "session", Interval: availability.IntervalOf(time.Date(2026, 10, 22, 16, 0, 0, 0, ny), 50*time.Minute)},
	)
	now := time.Date(2026, 9, 13, 10, 0, 0, 0, ny)
	// Times free for the next 4 weeks, the longest-lasting first.
	standings, err := c.Standings(now, "session", time.Date(2026, 9, 14, 0, 0, 0, 0, ny), 4)
	if err != nil {
		panic(err)
	}
	for _, s := range standings {
		fmt.Printf("%s, from %s, for %d weeks\n", s.Window, s.First.Start.Format("Jan 2"), s.Weeks)
	}
	// Output:
	// tue 16:00–16:50, from Sep 15, for 8 weeks
	// tue 17:00–17:50, from Sep 15, for 8 weeks
	// thu 15:00–15:50, from Sep 17, for 8 weeks
	// thu 17:00–17:50, from Sep 17, for 8 weeks
	// thu 16:00–16:50, from Sep 17, for 5 weeks
}

func ExampleGroup_Find() {
	ny := zone("America/New_York")
	couples := booking.Service{ID: "couples", Length: 90 * time.Minute, Align: 30 * time.Minute, MinNotice: 24 * time.Hour}
	kovac := therapist()
	kovac.Services = append(kovac.Services, couples)
	lee := booking.Calendar{
		Schedule: availability.Schedule{Zone: ny, Hours: []availability.Window{{Days: availability.Workweek, Start: availability.ClockOf(12, 0), End: availability.ClockOf(20, 0)}}},
		Services: []booking.Service{couples},
	}
	lee.Booked, _ = booking.NewSessions(booking.Session{ID: "l-1", Service: "couples", Interval: availability.IntervalOf(time.Date(2026, 9, 15, 14, 0, 0, 0, ny), 90*time.Minute)})
	room := booking.Calendar{Schedule: availability.Schedule{Zone: ny, Hours: []availability.Window{{Days: availability.Workweek, Start: availability.ClockOf(8, 0), End: availability.ClockOf(20, 0)}}}}
	// The clients' own times: one in Tokyo, early mornings there.
	tokyo := booking.Calendar{Schedule: availability.Schedule{Zone: zone("Asia/Tokyo"), Hours: []availability.Window{{Days: availability.Days(time.Wednesday), Start: availability.ClockOf(5, 0), End: availability.ClockOf(7, 0)}}}}

	// The four best times: those that suit the most people first.
	g := booking.Group{Length: 90 * time.Minute, Limit: 4, Parties: []booking.Party{
		{Name: "Dr. Kovač", Calendar: kovac, Service: "couples"},
		{Name: "Dr. Lee", Calendar: lee, Service: "couples"},
		{Name: "Room 2", Calendar: room},
		{Name: "Mika (Tokyo)", Calendar: tokyo, Optional: true},
	}}
	now := time.Date(2026, 9, 13, 10, 0, 0, 0, ny)
	proposals, err := g.Find(now, availability.Interval{Start: time.Date(2026, 9, 15, 0, 0, 0, 0, ny), End: time.Date(2026, 9, 16, 0, 0, 0, 0, ny)})
	if err != nil {
		panic(err)
	}
	for _, p := range proposals {
		fmt.Println(p.Session.Start.Format("Mon 15:04"), p.Attending)
		for _, a := range p.Absent {
			fmt.Println("  ", a.Party, a.Reasons[0].Code)
		}
	}
	// Output:
	// Tue 16:00 [Dr. Kovač Dr. Lee Room 2 Mika (Tokyo)]
	// Tue 16:30 [Dr. Kovač Dr. Lee Room 2 Mika (Tokyo)]
	// Tue 15:30 [Dr. Kovač Dr. Lee Room 2]
	//    Mika (Tokyo) outside_hours
	// Tue 17:00 [Dr. Kovač Dr. Lee Room 2]
	//    Mika (Tokyo) outside_hours
}

func ExampleCalendar_In() {
	c := therapist()
	ny := c.Schedule.Zone
	c.Booked, _ = booking.NewSessions(booking.Session{ID: "s-301", Service: "session",
		Interval: availability.IntervalOf(time.Date(2026, 12, 15, 17, 0, 0, 0, ny), 50*time.Minute)})
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, ny)
	client := c.In(zone("Asia/Tokyo"))

	v := client.Check(now, "session", time.Date(2026, 12, 15, 17, 0, 0, 0, ny))
	fmt.Println(v.Reasons[0].Message)
	next, _, _ := client.Next(now, "intake", time.Date(2026, 12, 15, 0, 0, 0, 0, ny))
	fmt.Println(next.Start.Format("Mon Jan 2 15:04 MST"), "=", next.Start.In(ny).Format("Mon 15:04 MST"))
	// Output:
	// overlaps session "s-301", booked Tue 2026-12-15 17:00–17:50 EST (Wed 07:00 in Tokyo)
	// Tue Dec 15 23:00 JST = Tue 09:00 EST
}
