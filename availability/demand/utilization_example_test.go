package demand_test

import (
	"fmt"
	"time"

	"github.com/practicekit/boundaries/availability/booking"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/demand"
)

func ExampleMeasure() {
	berlin, _ := availability.LoadZone("Europe/Berlin")
	s := weekdays(berlin)
	monday := time.Date(2026, 11, 2, 0, 0, 0, 0, berlin)
	booked, _ := booking.NewSessions(
		booking.Session{ID: "mon", Interval: availability.IntervalOf(monday.Add(9*time.Hour), 2*time.Hour)},
		booking.Session{ID: "tue", Interval: availability.IntervalOf(monday.Add(24*time.Hour+14*time.Hour), time.Hour)},
	)
	u, err := demand.Measure(s, booked, availability.IntervalOf(monday, 7*24*time.Hour))
	if err != nil {
		panic(err)
	}
	fmt.Println(u)
	// Output:
	// 3 hours of 40 hours open booked (7.5%)
}

func ExampleApply() {
	berlin, _ := availability.LoadZone("Europe/Berlin")
	s := weekdays(berlin)
	thin := demand.Condition{
		Window: availability.Window{ID: "thin-saturday", Days: availability.Days(time.Saturday),
			Start: availability.MustParseClock("10:00"), End: availability.MustParseClock("14:00")},
		Below: 0.4,
		Over:  14 * 24 * time.Hour,
	}
	now := time.Date(2026, 11, 2, 0, 0, 0, 0, berlin)
	booked, _ := booking.NewSessions(booking.Session{ID: "mon", Interval: availability.IntervalOf(now.Add(9*time.Hour), 8*time.Hour)})
	widened, reasons, err := demand.Apply(s, now, booked, []demand.Condition{thin})
	if err != nil {
		panic(err)
	}
	fmt.Println(reasons[0])
	open, _ := widened.Open(availability.IntervalOf(now.AddDate(0, 0, 5), 24*time.Hour))
	fmt.Println(open.Duration(), "open on Saturday")
	// Output:
	// the 14 days after Mon 2026-11-02 00:00 CET are 10% booked (8 hours of 80 hours open), under 40%, so sat 10:00–14:00 is open [condition_met]
	// 4h0m0s open on Saturday
}

func weekdays(loc *time.Location) availability.Schedule {
	return availability.Schedule{
		Zone:  loc,
		Hours: []availability.Window{{Days: availability.Workweek, Start: availability.MustParseClock("09:00"), End: availability.MustParseClock("17:00")}},
	}
}
