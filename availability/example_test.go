package availability_test

import (
	"fmt"
	"time"

	"github.com/practicekit/boundaries/availability"
)

func newYork() *time.Location {
	loc, err := availability.LoadZone("America/New_York")
	if err != nil {
		panic(err)
	}
	return loc
}

func ExampleAt() {
	ny := newYork()
	// 02:30 does not exist in New York on the spring-forward day: it is
	// read with the offset from before the gap, so it lands at 03:30 EDT.
	fmt.Println(availability.At(availability.MustParseDate("2026-03-08"), availability.MustParseClock("02:30"), ny))
	// 01:30 happens twice on the fall-back day: the first one is taken.
	fmt.Println(availability.At(availability.MustParseDate("2026-11-01"), availability.MustParseClock("01:30"), ny))
	// Output:
	// 2026-03-08 03:30:00 -0400 EDT
	// 2026-11-01 01:30:00 -0400 EDT
}

func ExampleSet() {
	day := func(h int) time.Time { return time.Date(2026, 7, 6, h, 0, 0, 0, time.UTC) }
	work := availability.NewSet(
		availability.Interval{Start: day(9), End: day(12)},
		availability.Interval{Start: day(11), End: day(17)}, // overlaps: merged
	)
	lunch := availability.NewSet(availability.Interval{Start: day(12), End: day(13)})
	free := work.Subtract(lunch)
	for iv := range free.All() {
		fmt.Println(iv.Start.Format("15:04"), "to", iv.End.Format("15:04"))
	}
	fmt.Println(free.Duration(), free.Contains(day(12)))
	// Output:
	// 09:00 to 12:00
	// 13:00 to 17:00
	// 7h0m0s false
}

func ExampleSchedule_Open() {
	ny := newYork()
	s := availability.Schedule{
		Zone: ny,
		Hours: []availability.Window{
			{Days: availability.Workweek, Start: availability.ClockOf(9, 0), End: availability.ClockOf(17, 0)},
			{Days: availability.Days(time.Friday), Start: availability.ClockOf(22, 0), End: availability.ClockOf(2, 0)},
		},
		Closures: []availability.Closure{{Label: "Independence Day", From: availability.MustParseDate("2026-07-03"), Through: availability.MustParseDate("2026-07-03")}},
	}
	week := availability.Interval{Start: time.Date(2026, 6, 29, 0, 0, 0, 0, ny), End: time.Date(2026, 7, 4, 6, 0, 0, 0, ny)}
	open, err := s.Open(week)
	if err != nil {
		panic(err)
	}
	for iv := range open.All() {
		fmt.Println(iv.Start.Format("Mon 15:04"), "-", iv.End.Format("Mon 15:04"))
	}
	fmt.Println("total", open.Duration())
	// Output:
	// Mon 09:00 - Mon 17:00
	// Tue 09:00 - Tue 17:00
	// Wed 09:00 - Wed 17:00
	// Thu 09:00 - Thu 17:00
	// total 32h0m0s
}

func ExampleSchedule_Explain() {
	ny := newYork()
	s := availability.Schedule{
		Zone:      ny,
		Hours:     []availability.Window{{Days: availability.Everyday, Start: availability.ClockOf(10, 0), End: availability.ClockOf(22, 0)}},
		Protected: []availability.Window{{ID: "friends", Label: "friends", Days: availability.Days(time.Saturday), Start: availability.ClockOf(18, 0), End: availability.EndOfDay}},
	}
	r := s.Explain(time.Date(2026, 11, 28, 21, 0, 0, 0, ny))
	fmt.Println(r.Code, r.Rule)
	fmt.Println(r.Message)
	// Output:
	// protected_time friends
	// Sat 2026-11-28 21:00 EST falls in protected time (friends, sat 18:00–24:00)
}

func ExampleCalendar_Check() {
	ny := newYork()
	c := availability.Calendar{
		Schedule: availability.Schedule{
			Zone:  ny,
			Hours: []availability.Window{{ID: "weekdays", Days: availability.Workweek, Start: availability.ClockOf(9, 0), End: availability.ClockOf(17, 0)}},
		},
		Policy: availability.Policy{Session: 50 * time.Minute, Align: time.Hour, BufferAfter: 10 * time.Minute, MinNotice: 24 * time.Hour},
		Booked: availability.NewBookings(availability.IntervalOf(time.Date(2026, 12, 1, 10, 0, 0, 0, ny), 50*time.Minute)),
	}
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, ny)
	for _, start := range []time.Time{
		time.Date(2026, 12, 1, 11, 0, 0, 0, ny),
		time.Date(2026, 12, 1, 10, 0, 0, 0, ny),
		time.Date(2026, 12, 1, 16, 30, 0, 0, ny),
		time.Date(2026, 11, 30, 15, 0, 0, 0, ny),
	} {
		v := c.Check(now, start)
		fmt.Print(start.Format("Mon 15:04"), ": ", v.OK)
		for _, r := range v.Reasons {
			fmt.Print(" ", r.Code)
		}
		fmt.Println()
	}
	// Output:
	// Tue 11:00: true
	// Tue 10:00: false booked
	// Tue 16:30: false not_aligned outside_hours
	// Mon 15:00: false min_notice
}

func ExampleCalendar_Slots() {
	berlin, _ := availability.LoadZone("Europe/Berlin")
	c := availability.Calendar{
		Schedule: availability.Schedule{
			Zone:  berlin,
			Hours: []availability.Window{{Days: availability.Days(time.Friday), Start: availability.ClockOf(22, 30), End: availability.ClockOf(2, 0)}},
		},
		Policy: availability.Policy{Session: time.Hour},
	}
	now := time.Date(2026, 7, 1, 0, 0, 0, 0, berlin)
	slots, err := c.Slots(now, availability.Interval{Start: time.Date(2026, 7, 3, 0, 0, 0, 0, berlin), End: time.Date(2026, 7, 5, 0, 0, 0, 0, berlin)})
	if err != nil {
		panic(err)
	}
	for s := range slots {
		fmt.Println(s.Start.Format("Mon 15:04"), "-", s.End.Format("15:04"))
	}
	// Output:
	// Fri 22:30 - 23:30
	// Fri 23:00 - 00:00
	// Fri 23:30 - 00:30
	// Sat 00:00 - 01:00
	// Sat 00:30 - 01:30
	// Sat 01:00 - 02:00
}

func ExampleCalendar_Next() {
	ny := newYork()
	c := availability.Calendar{
		Schedule: availability.Schedule{
			Zone:     ny,
			Hours:    []availability.Window{{Days: availability.Workweek, Start: availability.ClockOf(9, 0), End: availability.ClockOf(17, 0)}},
			Closures: []availability.Closure{{Label: "Thanksgiving", From: availability.MustParseDate("2026-11-26"), Through: availability.MustParseDate("2026-11-27"), Colleague: "dr-lee"}},
		},
		Policy: availability.Policy{Session: 50 * time.Minute, Align: time.Hour, MinNotice: 48 * time.Hour},
	}
	now := time.Date(2026, 11, 24, 16, 0, 0, 0, ny) // Tuesday afternoon
	next, ok, err := c.Next(now, now)
	if err != nil {
		panic(err)
	}
	fmt.Println(ok, next.Start.Format("Mon Jan 2 15:04 MST"))
	fmt.Println(c.Schedule.Explain(time.Date(2026, 11, 27, 10, 0, 0, 0, ny)).Message)
	// Output:
	// true Mon Nov 30 09:00 EST
	// 2026-11-27 is a closed day (Thanksgiving, 2026-11-26 to 2026-11-27); dr-lee covers meanwhile
}
