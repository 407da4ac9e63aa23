package ical_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/ical"
)

func ExampleRecur_Between() {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	rule := ical.MustParseRecur("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=5")
	start := time.Date(2026, 3, 24, 9, 0, 0, 0, berlin)
	got, err := rule.Between(start, start, start.AddDate(0, 1, 0), ical.ExpandOptions{})
	if err != nil {
		panic(err)
	}
	for _, t := range got {
		fmt.Println(t.Format("Mon 2006-01-02 15:04 MST"))
	}
	// Output:
	// Tue 2026-03-24 09:00 CET
	// Thu 2026-03-26 09:00 CET
	// Tue 2026-03-31 09:00 CEST
	// Thu 2026-04-02 09:00 CEST
	// Tue 2026-04-07 09:00 CEST
}

func ExampleCalendar_Busy() {
	data := strings.ReplaceAll(`BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
BEGIN:VEVENT
UID:group@example.com
DTSTAMP:20260101T000000Z
DTSTART;TZID=America/New_York:20260302T180000
DURATION:PT90M
RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4
EXDATE;TZID=America/New_York:20260309T180000
END:VEVENT
BEGIN:VEVENT
UID:group@example.com
DTSTAMP:20260101T000000Z
RECURRENCE-ID;TZID=America/New_York:20260316T180000
DTSTART;TZID=America/New_York:20260317T180000
DURATION:PT90M
END:VEVENT
END:VCALENDAR
`, "\n", "\r\n")
	cal, err := ical.Parse([]byte(data), ical.Limits{})
	if err != nil {
		panic(err)
	}
	ny, _ := time.LoadLocation("America/New_York")
	month := availability.Interval{Start: time.Date(2026, 3, 1, 0, 0, 0, 0, ny), End: time.Date(2026, 4, 1, 0, 0, 0, 0, ny)}
	busy, err := cal.Busy(month, ical.ExpandOptions{})
	if err != nil {
		panic(err)
	}
	for iv := range busy.All() {
		fmt.Println(iv.Start.Format("Mon Jan 2 15:04 MST"), "to", iv.End.Format("15:04"))
	}
	// Output:
	// Mon Mar 2 18:00 EST to 19:30
	// Tue Mar 17 18:00 EDT to 19:30
	// Mon Mar 23 18:00 EDT to 19:30
}

func ExampleFromSchedule() {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	s := availability.Schedule{
		Zone: berlin,
		Hours: []availability.Window{{ID: "clinic", Label: "Clinic hours", Days: availability.Workweek,
			Start: availability.MustParseClock("09:00"), End: availability.MustParseClock("17:00")}},
		Protected: []availability.Window{{Label: "lunch", Days: availability.Workweek,
			Start: availability.MustParseClock("12:00"), End: availability.MustParseClock("13:00")}},
		Closures: []availability.Closure{{Label: "Easter", From: availability.MustParseDate("2026-04-03"), Through: availability.MustParseDate("2026-04-06")}},
	}
	a, err := ical.FromSchedule(s, ical.ExportOptions{UID: "hours@example.com", Stamp: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Anchor: availability.MustParseDate("2026-03-02")})
	if err != nil {
		panic(err)
	}
	text, err := ical.Calendar{Availability: []ical.Availability{a}}.Encode()
	if err != nil {
		panic(err)
	}
	fmt.Print(strings.ReplaceAll(string(text), "\r\n", "\n"))
	// Output:
	// BEGIN:VCALENDAR
	// VERSION:2.0
	// PRODID:-//practicekit//boundaries//EN
	// BEGIN:VAVAILABILITY
	// UID:hours@example.com
	// DTSTAMP:20260301T000000Z
	// BEGIN:AVAILABLE
	// UID:clinic-1
	// DTSTAMP:20260301T000000Z
	// DTSTART;TZID=Europe/Berlin:20260302T090000
	// DURATION:PT3H
	// RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
	// EXDATE;TZID=Europe/Berlin:20260403T090000
	// EXDATE;TZID=Europe/Berlin:20260406T090000
	// SUMMARY:Clinic hours
	// END:AVAILABLE
	// BEGIN:AVAILABLE
	// UID:clinic-2
	// DTSTAMP:20260301T000000Z
	// DTSTART;TZID=Europe/Berlin:20260302T130000
	// DURATION:PT4H
	// RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
	// EXDATE;TZID=Europe/Berlin:20260403T130000
	// EXDATE;TZID=Europe/Berlin:20260406T130000
	// SUMMARY:Clinic hours
	// END:AVAILABLE
	// END:VAVAILABILITY
	// END:VCALENDAR
}

func ExampleToSchedule() {
	data := strings.ReplaceAll(`BEGIN:VAVAILABILITY
UID:0428C7D2-688E-4D2E-AC52-CD112E2469DF
DTSTAMP:20111005T133225Z
BEGIN:AVAILABLE
UID:34EDA59B-6BB1-4E94-A66C-64999089C0AF
DTSTAMP:20111005T133225Z
SUMMARY:Monday to Friday from 9:00 to 17:00
DTSTART;TZID=America/Montreal:20111002T090000
DTEND;TZID=America/Montreal:20111002T170000
RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
END:AVAILABLE
END:VAVAILABILITY
`, "\n", "\r\n")
	cal, err := ical.Parse([]byte(data), ical.Limits{})
	if err != nil {
		panic(err)
	}
	s, err := ical.ToSchedule(cal.Availability, ical.ScheduleOptions{Dates: availability.DateRange{
		From: availability.MustParseDate("2026-01-05"), Through: availability.MustParseDate("2026-12-31")}})
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Zone)
	for _, w := range s.Hours {
		fmt.Println(w.Days, w.Start, w.End)
	}
	// Output:
	// America/Montreal
	// mon-fri 09:00 17:00
}

func ExampleCombine() {
	utc := func(day string, hour int) ical.DateTime {
		return ical.DateTime{Date: availability.MustParseDate(day), Hour: hour, Form: ical.UTC}
	}
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	usual := ical.Availability{UID: "usual", Stamp: stamp, Available: []ical.Available{{UID: "a", Stamp: stamp,
		Recurrence: ical.Recurrence{Start: utc("2026-03-02", 9), End: utc("2026-03-02", 17), Rule: ical.MustParseRecur("FREQ=DAILY")}}}}
	// A conference day at priority 1: busy, except one slot.
	conference := ical.Availability{UID: "conf", Stamp: stamp, Priority: 1, BusyType: ical.Busy,
		Start: utc("2026-03-04", 0), End: utc("2026-03-05", 0),
		Available: []ical.Available{{UID: "b", Stamp: stamp, Recurrence: ical.Recurrence{Start: utc("2026-03-04", 16), End: utc("2026-03-04", 18)}}}}
	r := availability.Interval{Start: utc("2026-03-03", 0).Time(nil), End: utc("2026-03-05", 0).Time(nil)}
	fb, err := ical.Combine([]ical.Availability{usual, conference}, r, ical.ExpandOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println("free:", fb.Free)
	fmt.Println("busy:", fb.Busy)
	// Output:
	// free: {[2026-03-03T09:00:00Z, 2026-03-03T17:00:00Z), [2026-03-04T16:00:00Z, 2026-03-04T18:00:00Z)}
	// busy: {[2026-03-04T00:00:00Z, 2026-03-04T16:00:00Z), [2026-03-04T18:00:00Z, 2026-03-05T00:00:00Z)}
}

func ExampleFreeBusy_Encode() {
	day := func(h int) time.Time { return time.Date(2026, 3, 2, h, 0, 0, 0, time.UTC) }
	busy := availability.NewSet(
		availability.Interval{Start: day(9), End: day(10)},
		availability.Interval{Start: day(14), End: day(16)},
	)
	fb := ical.FreeBusy{UID: "fb-2026-03-02@example.com", Stamp: day(8), Start: day(0), End: day(24), Busy: busy}
	text, err := fb.Encode()
	if err != nil {
		panic(err)
	}
	fmt.Print(strings.ReplaceAll(string(text), "\r\n", "\n"))
	// Output:
	// BEGIN:VCALENDAR
	// VERSION:2.0
	// PRODID:-//practicekit//boundaries//EN
	// BEGIN:VFREEBUSY
	// UID:fb-2026-03-02@example.com
	// DTSTAMP:20260302T080000Z
	// DTSTART:20260302T000000Z
	// DTEND:20260303T000000Z
	// FREEBUSY;FBTYPE=BUSY:20260302T090000Z/20260302T100000Z,20260302T140000Z/202
	//  60302T160000Z
	// END:VFREEBUSY
	// END:VCALENDAR
}

func ExampleParseRecur() {
	r, err := ical.ParseRecur("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Freq, r.ByDay, r.BySetPos)
	_, err = ical.ParseRecur("FREQ=WEEKLY;BYMONTHDAY=1")
	fmt.Println(err)
	// Output:
	// MONTHLY [MO TU WE TH FR] [-1]
	// ical: column 13: BYMONTHDAY is not allowed in WEEKLY rules in "FREQ=WEEKLY;BYMONTHDAY=1"
}

func ExampleRecur_All() {
	ny, _ := time.LoadLocation("America/New_York")
	// The last weekday of every month, forever: take the first four.
	rule := ical.MustParseRecur("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")
	n := 0
	for t, err := range rule.All(time.Date(2026, 1, 30, 17, 0, 0, 0, ny), ical.ExpandOptions{}) {
		if err != nil {
			panic(err)
		}
		fmt.Println(t.Format("Mon 2006-01-02 15:04 MST"))
		if n++; n == 4 {
			break
		}
	}
	// Output:
	// Fri 2026-01-30 17:00 EST
	// Fri 2026-02-27 17:00 EST
	// Tue 2026-03-31 17:00 EDT
	// Thu 2026-04-30 17:00 EDT
}

func ExampleRecurrence_Occurrences() {
	ny, _ := time.LoadLocation("America/New_York")
	// A daily all-day block: each occurrence lasts its local day, 23
	// hours on the day the clocks go forward.
	rec := ical.Recurrence{
		Start: ical.DateTime{Date: availability.MustParseDate("2026-03-07"), Form: ical.DateOnly},
		Rule:  ical.MustParseRecur("FREQ=DAILY;COUNT=3"),
	}
	r := availability.Interval{Start: time.Date(2026, 3, 1, 0, 0, 0, 0, ny), End: time.Date(2026, 4, 1, 0, 0, 0, 0, ny)}
	occ, err := rec.Occurrences(r, ical.ExpandOptions{Floating: ny})
	if err != nil {
		panic(err)
	}
	for _, o := range occ {
		fmt.Println(o.Start.Format("Jan 2"), o.Duration())
	}
	// Output:
	// Mar 7 24h0m0s
	// Mar 8 23h0m0s
	// Mar 9 24h0m0s
}
