// Command tour shows the library at work on a provider's week.
package main

import (
	"fmt"
	"os"
	"time"
	_ "time/tzdata" // run where the system has no zone data

	"github.com/practicekit/boundaries/availability"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "tour:", err)
		os.Exit(1)
	}
}

func run() error {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		return err
	}
	cal := availability.Calendar{
		Schedule: availability.Schedule{
			Zone: ny,
			Hours: []availability.Window{
				{ID: "weekdays", Days: availability.Workweek, Start: availability.ClockOf(9, 0), End: availability.ClockOf(17, 0)},
				{ID: "saturday", Days: availability.Days(time.Saturday), Start: availability.ClockOf(10, 0), End: availability.ClockOf(22, 0)},
			},
			Protected: []availability.Window{
				{ID: "friends", Label: "friends", Days: availability.Days(time.Saturday), Start: availability.ClockOf(18, 0), End: availability.EndOfDay},
			},
		},
		Policy: availability.Policy{Session: 50 * time.Minute, Align: time.Hour, BufferAfter: 10 * time.Minute, MinNotice: 24 * time.Hour},
	}
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, ny)
	fmt.Println("The protected evening")
	for _, start := range []time.Time{
		time.Date(2026, 11, 28, 16, 0, 0, 0, ny),
		time.Date(2026, 11, 28, 20, 0, 0, 0, ny),
	} {
		v := cal.Check(now, start)
		if v.OK {
			fmt.Printf("  %s: bookable\n", start.Format("Mon Jan 2 15:04"))
			continue
		}
		for _, r := range v.Reasons {
			fmt.Printf("  %s: not bookable: %s [%s, rule %s]\n", start.Format("Mon Jan 2 15:04"), r.Message, r.Code, r.Rule)
		}
	}
	next, ok, err := cal.Next(now, now)
	if err != nil {
		return err
	}
	if ok {
		fmt.Printf("  first bookable session: %s\n", next.Start.Format("Mon Jan 2 15:04 MST"))
	}
	return nil
}
