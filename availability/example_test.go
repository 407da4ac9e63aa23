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
