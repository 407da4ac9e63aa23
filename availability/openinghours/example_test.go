package openinghours_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/openinghours"
)

func ExampleParse() {
	h, err := openinghours.Parse(`mo-fr 09:00-17:00;sa 10:00-14:00 open "by appointment";su off; PH off`)
	if err != nil {
		panic(err)
	}
	fmt.Println(h)
	for _, r := range h.Rules {
		fmt.Println(r.Weekdays, r.Holidays, r.Times, r.Off)
	}

	_, err = openinghours.Parse("Mo-Fr 09:00-17:00; Sa 10:00+")
	fmt.Println(err)
	fmt.Println(errors.Is(err, openinghours.ErrUnsupported))
	// Output:
	// Mo-Fr 09:00-17:00; Sa 10:00-14:00 open "by appointment"; Su off; PH off
	// mon-fri false [{09:00 17:00}] false
	// sat false [{10:00 14:00}] false
	// sun false [{00:00 24:00}] true
	//  true [{00:00 24:00}] true
	// opening_hours "Mo-Fr 09:00-17:00; Sa 10:00+": column 28: open-ended times (10:00+) are not supported
	// true
}

func ExampleHours_Schedule() {
	h := openinghours.MustParse(`Mo-Fr 09:00-17:00; Sa 10:00-14:00; PH off "public holiday"`)
	berlin, _ := time.LoadLocation("Europe/Berlin")
	s, err := h.Schedule(openinghours.Options{
		Zone:     berlin,
		Holidays: []availability.Date{availability.MustParseDate("2026-05-01")},
	})
	if err != nil {
		panic(err)
	}
	for _, w := range s.Hours {
		fmt.Println(w.Days, w.Start, w.End)
	}
	for _, c := range s.Closures {
		fmt.Println("closed", c.From, c.Label)
	}
	// Output:
	// mon-fri 09:00 17:00
	// sat 10:00 14:00
	// closed 2026-05-01 public holiday
}

func ExampleFormat() {
	s := availability.Schedule{
		Hours: []availability.Window{
			{Days: availability.Workweek, Start: availability.MustParseClock("09:00"), End: availability.MustParseClock("17:00")},
			{Days: availability.Days(time.Saturday), Start: availability.MustParseClock("20:00"), End: availability.MustParseClock("02:00")},
		},
		Protected: []availability.Window{{Label: "lunch", Days: availability.Workweek,
			Start: availability.MustParseClock("12:00"), End: availability.MustParseClock("13:00")}},
		Closures: []availability.Closure{{Label: "away", From: availability.MustParseDate("2026-08-03"), Through: availability.MustParseDate("2026-08-14")}},
	}
	text, err := openinghours.Format(s)
	if err != nil {
		panic(err)
	}
	fmt.Println(text)
	// Output:
	// Mo-Fr 09:00-12:00,13:00-17:00, Sa 20:00-02:00; 2026 Aug 03-14 off "away"
}
