package ical

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// list writes the integers from lo to hi, comma-separated.
func list(lo, hi int) string {
	var parts []string
	for i := lo; i <= hi; i++ {
		parts = append(parts, strconv.Itoa(i))
	}
	return strings.Join(parts, ",")
}

// hostileRules are short rules that made expansion slow or large: every
// time of every day of a year picked by BYSETPOS (80 MB before it hit the
// iteration limit), lists of repeated values (400 zeros in each of
// BYHOUR, BYMINUTE and BYSECOND made 64 million times of day: 24 s and
// 2.9 GB), and every second of the days around a DST change (each a slow
// look-up, compared with every earlier one: 21 s).
var hostileRules = []struct {
	name, rule, zone string
}{
	{"every second of a year, last one", "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59) +
		";BYSECOND=" + list(0, 59) + ";BYSETPOS=-1", "UTC"},
	{"every second of a year, first and last", "FREQ=YEARLY;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59) +
		";BYSECOND=" + list(0, 60) + ";BYMONTH=" + list(1, 12) + ";BYSETPOS=1,-1,366,-366", "Europe/Berlin"},
	{"repeated values", "FREQ=DAILY;BYHOUR=" + strings.Repeat("0,", 399) + "0;BYMINUTE=" + strings.Repeat("0,", 399) + "0;BYSECOND=" +
		strings.Repeat("0,", 399) + "0", "UTC"},
	{"repeated ordinals", "FREQ=MONTHLY;BYDAY=" + strings.Repeat("-1FR,", 399) + "2MO;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59), "UTC"},
	{"every second around a DST change", "FREQ=DAILY;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59) + ";BYSECOND=" + list(0, 59), "America/New_York"},
	{"every second around a DST change, picked", "FREQ=WEEKLY;BYDAY=SA,SU,MO;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59) +
		";BYSECOND=" + list(0, 59) + ";BYSETPOS=-1", "America/New_York"},
}

// expandHostile expands a hostile rule over a month around a DST change,
// as Between and as All.
func expandHostile(t testing.TB, rule, zone string) {
	loc := mustZone(t, zone)
	r := MustParseRecur(rule)
	start := time.Date(2026, 3, 6, 0, 0, 0, 0, loc)
	_, err := r.Between(start, start, start.AddDate(0, 1, 0), ExpandOptions{})
	if err != nil {
		require.ErrorIs(t, err, ErrLimit)
	}
	for _, err := range r.All(start, ExpandOptions{}) {
		if err != nil {
			require.ErrorIs(t, err, ErrLimit)
		}
	}
}

// No rule makes an expansion allocate more than 10 MB or run for long,
// whatever it asks for; past the work limit it fails with a LimitError.
func TestHostileRulesAreBounded(t *testing.T) {
	for _, c := range hostileRules {
		t.Run(c.name, func(t *testing.T) {
			require.Less(t, len(c.rule), 5000)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			began := time.Now()
			expandHostile(t, c.rule, c.zone)
			took := time.Since(began)
			runtime.ReadMemStats(&after)
			require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(10<<20), "allocated")
			require.Less(t, took, 3*time.Second) // a generous bound for the race detector; see BenchmarkHostileRules
		})
	}
}

func BenchmarkHostileRules(b *testing.B) {
	for _, c := range hostileRules {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				expandHostile(b, c.rule, c.zone)
			}
		})
	}
}

// eventsCalendar writes a VCALENDAR of n events, each with the timing
// properties body(i) gives.
func eventsCalendar(n int, body func(i int) string) []byte {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Hostile//EN\r\n")
	for i := range n {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%d@example.com\r\nDTSTAMP:20260101T000000Z\r\n%sEND:VEVENT\r\n", i, body(i))
	}
	b.WriteString("END:VCALENDAR\r\n")
	return []byte(b.String())
}

// costlyRule costs 432 000 iterations from DTSTART 2000-01-01 and ends in
// 2000; costlyEvent is an event with it.
var costlyRule = "FREQ=DAILY;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59) + ";BYSETPOS=1;COUNT=300"

func costlyEvent(int) string {
	return "DTSTART:20000101T000000Z\r\nDURATION:PT1H\r\nRRULE:" + costlyRule + "\r\n"
}

// hostileCalendars are calendars within the default byte limit whose work
// per event is bounded but whose work per calendar was not. The first is
// the one from the issue: each event costs 432 000 iterations and yields
// nothing in 2026; a thousand of them took 2.1 s and 193 MB.
func hostileCalendars() map[string][]byte {
	rule := costlyRule
	costly := costlyEvent
	var dates strings.Builder
	for j := range 15000 {
		if j > 0 {
			dates.WriteByte(',')
		}
		fmt.Fprintf(&dates, "2010%02d%02dT0900%02d", 1+j%12, 1+j%28, j%60)
	}
	rdates := strings.Repeat("RDATE;TZID=Europe/Berlin:"+dates.String()+"\r\n", 30)
	var avail strings.Builder
	avail.WriteString("BEGIN:VCALENDAR\r\n")
	for i := range 8000 {
		fmt.Fprintf(&avail, "BEGIN:VAVAILABILITY\r\nUID:a%d\r\nDTSTAMP:20260101T000000Z\r\nBEGIN:AVAILABLE\r\nUID:b%d\r\nDTSTAMP:20260101T000000Z\r\n"+
			"DTSTART:20000101T000000Z\r\nDURATION:PT1H\r\nRRULE:%s\r\nEND:AVAILABLE\r\nEND:VAVAILABILITY\r\n", i, i, rule)
	}
	avail.WriteString("END:VCALENDAR\r\n")
	return map[string][]byte{
		"1000 costly events":     eventsCalendar(1000, costly),
		"8 MiB of costly events": eventsCalendar(20000, costly),
		"30000 events picking by setpos": eventsCalendar(30000, func(int) string {
			return "DTSTART;TZID=Europe/Berlin:20200106T090000\r\nRRULE:FREQ=DAILY;BYSETPOS=366,-366;BYHOUR=9\r\n"
		}),
		"450000 RDATEs": eventsCalendar(1, func(int) string { return "DTSTART;TZID=Europe/Berlin:20100101T090000\r\n" + rdates }),
		"450000 EXDATEs": eventsCalendar(1, func(int) string {
			return "DTSTART;TZID=Europe/Berlin:20100101T090000\r\nRRULE:FREQ=DAILY\r\n" + strings.ReplaceAll(rdates, "RDATE", "EXDATE")
		}),
		"8000 costly availabilities": []byte(avail.String()),
	}
}

// busyOrCombine reads a whole calendar the way a host app would.
func busyOrCombine(cal Calendar, opts ExpandOptions) error {
	r := iv(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC))
	if len(cal.Availability) > 0 {
		_, err := Combine(cal.Availability, r, opts)
		return err
	}
	_, err := cal.Busy(r, opts)
	return err
}

// The work of a whole calendar is bounded, not only that of each event:
// Busy and Combine answer, or fail with a LimitError, after the work of
// one MaxIterations however many costly events the calendar holds.
func TestCalendarWorkIsBounded(t *testing.T) {
	for name, data := range hostileCalendars() {
		t.Run(name, func(t *testing.T) {
			cal, err := Parse(data, Limits{})
			require.NoError(t, err)
			began := time.Now()
			err = busyOrCombine(cal, ExpandOptions{})
			require.Less(t, time.Since(began), 2*time.Second) // a generous bound for the race detector; see BenchmarkHostileCalendars
			var le *LimitError
			require.ErrorAs(t, err, &le)
			require.Equal(t, "iterations", le.Limit)
			require.Equal(t, int64(DefaultMaxIterations), le.Max)
		})
	}

	// Calendars a practice keeps still fit: 2000 weekly events in three
	// zones over a year.
	cal, err := Parse(calendarOf(2000), Limits{})
	require.NoError(t, err)
	busy, err := cal.Busy(iv(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)), ExpandOptions{MaxOccurrences: 100_000})
	require.NoError(t, err)
	require.False(t, busy.IsEmpty())
}

func BenchmarkHostileCalendars(b *testing.B) {
	for name, data := range hostileCalendars() {
		cal, err := Parse(data, Limits{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := busyOrCombine(cal, ExpandOptions{}); !errors.Is(err, ErrLimit) {
					b.Fatal(err)
				}
			}
		})
	}
}
