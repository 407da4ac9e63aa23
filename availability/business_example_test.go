package availability_test

import (
	"fmt"
	"time"

	"github.com/practicekit/boundaries/availability"
)

func ExampleSchedule_AddBusiness() {
	ny, _ := availability.LoadZone("America/New_York")
	office := availability.Schedule{
		Zone:  ny,
		Hours: []availability.Window{{Days: availability.Workweek, Start: availability.MustParseClock("09:00"), End: availability.MustParseClock("17:00")}},
	}
	// Friday 16:30, the weekend the clocks fall back.
	friday := time.Date(2026, 10, 30, 16, 30, 0, 0, ny)
	due, err := office.AddBusiness(friday, 4*time.Hour)
	if err != nil {
		panic(err)
	}
	fmt.Println(due.Format("Mon 2006-01-02 15:04 MST"))

	_, err = availability.Schedule{Zone: ny}.AddBusiness(friday, time.Hour)
	fmt.Println(err)
	// Output:
	// Mon 2026-11-02 12:30 EST
	// no open time: 1 hour of business time still to go and no open time for 366 days after 2026-10-30T16:30:00-04:00
}

func ExampleSchedule_BusinessBetween() {
	berlin, _ := availability.LoadZone("Europe/Berlin")
	nights := availability.Schedule{
		Zone:  berlin,
		Hours: []availability.Window{{Days: availability.Everyday, Start: availability.MustParseClock("22:00"), End: availability.MustParseClock("06:00")}},
	}
	// The night the clocks fall back holds nine hours, not eight.
	d, err := nights.BusinessBetween(time.Date(2026, 10, 24, 12, 0, 0, 0, berlin), time.Date(2026, 10, 25, 12, 0, 0, 0, berlin))
	if err != nil {
		panic(err)
	}
	fmt.Println(d)
	// Output:
	// 9h0m0s
}
