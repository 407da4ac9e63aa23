package ical

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// BenchmarkWeeklyByDayYear expands a weekly rule with BYDAY over one year
// (157 occurrences) in a zone with DST.
func BenchmarkWeeklyByDayYear(b *testing.B) {
	ber := mustZone(b, "Europe/Berlin")
	rule := MustParseRecur("FREQ=WEEKLY;BYDAY=MO,WE,FR")
	start := time.Date(2026, 1, 5, 9, 0, 0, 0, ber)
	end := start.AddDate(1, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		got, err := rule.Between(start, start, end, ExpandOptions{})
		if err != nil || len(got) != 157 {
			b.Fatal(len(got), err)
		}
	}
}

// BenchmarkWeeklyByDayYearFarStart is the same year for a rule that began
// twenty years earlier.
func BenchmarkWeeklyByDayYearFarStart(b *testing.B) {
	ber := mustZone(b, "Europe/Berlin")
	rule := MustParseRecur("FREQ=WEEKLY;BYDAY=MO,WE,FR")
	start := time.Date(2006, 1, 2, 9, 0, 0, 0, ber)
	from := time.Date(2026, 1, 5, 0, 0, 0, 0, ber)
	b.ReportAllocs()
	for b.Loop() {
		got, err := rule.Between(start, from, from.AddDate(1, 0, 0), ExpandOptions{})
		if err != nil || len(got) != 157 {
			b.Fatal(len(got), err)
		}
	}
}

// calendarOf returns a calendar of n events like a provider's export:
// zoned times, weekly rules with exceptions, folded descriptions.
func calendarOf(n int) []byte {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Provider//EN\r\n")
	zones := []string{"Europe/Berlin", "America/New_York", "Australia/Lord_Howe"}
	for i := range n {
		day := 1 + i%28
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:event-%d@example.com\r\nDTSTAMP:20260101T120000Z\r\n", i)
		fmt.Fprintf(&b, "DTSTART;TZID=%s:202603%02dT%02d0000\r\n", zones[i%3], day, 8+i%9)
		fmt.Fprintf(&b, "DTEND;TZID=%s:202603%02dT%02d5000\r\n", zones[i%3], day, 8+i%9)
		if i%2 == 0 {
			fmt.Fprintf(&b, "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261231T000000Z\r\n")
			fmt.Fprintf(&b, "EXDATE;TZID=%s:202604%02dT%02d0000\r\n", zones[i%3], day, 8+i%9)
		}
		fmt.Fprintf(&b, "SUMMARY:Session %d\\, room %d\r\n", i, i%7)
		b.WriteString("DESCRIPTION:A longer description that senders fold across lines because it\r\n  goes past seventy-five octets\\, as RFC 5545 asks.\r\n")
		b.WriteString("END:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	return []byte(b.String())
}

func BenchmarkParse500Events(b *testing.B) {
	data := calendarOf(500)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		cal, err := Parse(data, Limits{})
		if err != nil || len(cal.Events) != 500 {
			b.Fatal(err)
		}
	}
}

func BenchmarkBusy500EventsMonth(b *testing.B) {
	cal, err := Parse(calendarOf(500), Limits{})
	if err != nil {
		b.Fatal(err)
	}
	r := iv(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cal.Busy(r, ExpandOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
