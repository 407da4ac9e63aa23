package ical

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability"
)

func FuzzParseRecur(f *testing.F) {
	for _, c := range rfcExamples {
		f.Add(c.rule)
	}
	for _, c := range hostileRules {
		f.Add(c.rule)
	}
	for _, s := range []string{"FREQ=YEARLY;BYWEEKNO=-1;BYDAY=TH", "freq=monthly;bysetpos=1,-1;byday=mo,tu", "FREQ=DAILY;;", "FREQ=WEEKLY;WKST=XX", "BYDAY=+5FR", "FREQ=HOURLY;BYSECOND=60"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRecur(s)
		if err != nil {
			return
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("ParseRecur(%q) returned an invalid rule: %v", s, err)
		}
		back, err := ParseRecur(r.String())
		if err != nil {
			t.Fatalf("ParseRecur(%q) of %q: %v", r.String(), s, err)
		}
		if back.String() != r.String() {
			t.Fatalf("round trip of %q: %q then %q", s, r.String(), back.String())
		}
	})
}

func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{"19970714", "19970714T133000", "19970714T173000Z", "20240229T235960Z", "20230229", "1997071", "19970714T1330"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDateTime(s)
		if err != nil {
			return
		}
		back, err := ParseDateTime(d.String())
		if err != nil || back != d {
			t.Fatalf("round trip of %q: %v %v", s, back, err)
		}
	})
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"P15DT5H0M20S", "P7W", "-PT15M", "+P1D", "PT0S", "P1DT", "PT1H1H", "P9999999D"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			return
		}
		back, err := ParseDuration(d.String())
		if err != nil || back != d {
			t.Fatalf("round trip of %q: %q → %v %v", s, d.String(), back, err)
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"19970101T180000Z/19970102T070000Z", "19970101T180000Z/PT5H30M", "19970101T180000/19970102", "19970101/PT1H"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		back, err := ParsePeriod(p.String())
		if err != nil || back != p {
			t.Fatalf("round trip of %q: %v %v", s, back, err)
		}
	})
}

// FuzzParse checks that any input either fails with an error or parses
// into a calendar that encodes and parses back to the same text, and that
// its busy time is computed within the bounds.
func FuzzParse(f *testing.F) {
	f.Add(crlf(providerCalendar))
	f.Add(crlf(rfc7953Examples))
	f.Add(calendarOf(3))
	f.Add([]byte("BEGIN:VEVENT\nUID:x\nDTSTAMP:20260101T000000Z\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\nEND:VEVENT\n"))
	f.Add([]byte("BEGIN:VFREEBUSY\nUID:x\nDTSTAMP:20260101T000000Z\nFREEBUSY;FBTYPE=FREE:20260101T000000Z/PT1H\nEND:VFREEBUSY\n"))
	f.Add([]byte("BEGIN:VEVENT\nDTSTART;TZID=\"America/New_York\":20260308T023000\nRRULE:FREQ=DAILY;BYHOUR=1,2,3;BYMINUTE=0,30\nEND:VEVENT\n"))
	f.Add(eventsCalendar(20, costlyEvent))
	f.Add([]byte("BEGIN:VEVENT\nUID:x\nDTSTAMP:20260101T000000Z\nDTSTART;TZID=Europe/Berlin:20260302T090000\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=5\nEXRULE:FREQ=WEEKLY;BYDAY=TU,TH\nEXRULE:FREQ=DAILY;INTERVAL=2\nEND:VEVENT\n"))
	f.Add([]byte("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20260302T090000Z\nBEGIN:VEVENT\nUID:y\nEND:VEVENT\nBEGIN:VALARM\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{MaxBytes: 1 << 16, MaxComponents: 100, MaxProperties: 1000}
		cal, err := Parse(data, lim)
		if err != nil {
			return
		}
		opts := ExpandOptions{MaxIterations: 20_000, MaxOccurrences: 1000}
		r := availability.Interval{Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
		if busy, err := cal.Busy(r, opts); err == nil && !r.Covers(busy.Bounds()) && !busy.IsEmpty() {
			t.Fatalf("busy time %s outside %s", busy, r)
		}
		if _, err := Combine(cal.Availability, r, opts); err != nil && cal.Availability == nil {
			t.Fatalf("Combine of nothing: %v", err)
		}
		text, err := cal.Encode()
		if err != nil {
			return // not valid for encoding (no UID, DTSTAMP, …)
		}
		again, err := Parse(text, Limits{})
		if err != nil {
			t.Fatalf("parse of encoded calendar: %v\n%s", err, text)
		}
		text2, err := again.Encode()
		if err != nil || !bytes.Equal(text, text2) {
			t.Fatalf("encoding is not stable: %v\n%s\n---\n%s", err, text, text2)
		}
	})
}

// FuzzExpand checks the expansion of arbitrary rules: bounded, in the
// window, no more than COUNT, and a window far from DTSTART gives what a
// walk from DTSTART gives.
func FuzzExpand(f *testing.F) {
	for _, c := range rfcExamples {
		f.Add(c.rule, int64(0), uint16(400), false)
	}
	f.Add("FREQ=DAILY;BYHOUR=1,2,3;BYMINUTE=0,30", int64(3600*24*66), uint16(30), false)
	f.Add("FREQ=YEARLY;BYWEEKNO=1,-1;BYDAY=MO,SU;WKST=SU", int64(0), uint16(3000), false)
	f.Add("FREQ=MONTHLY;BYDAY=-1FR;BYSETPOS=1,-1", int64(86400*900), uint16(800), false)
	f.Add("FREQ=WEEKLY;BYDAY=MO;COUNT=3", int64(86400), uint16(0), true)
	f.Add("FREQ=YEARLY;COUNT=12", int64(0), uint16(1990), false)
	f.Add("FREQ=DAILY;BYHOUR=2;BYMINUTE=0,30;BYSETPOS=-1;COUNT=40", int64(86400*66), uint16(0), true)
	for _, c := range hostileRules {
		f.Add(c.rule, int64(86400*66), uint16(0), false)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, rule string, offset int64, days uint16, skipStart bool) {
		r, err := ParseRecur(rule)
		if err != nil {
			return
		}
		start := time.Date(2020, 1, 1, 2, 30, 0, 0, ny).Add(time.Duration(offset%(86400*3650)) * time.Second)
		from := start.AddDate(0, 0, int(days%2000))
		to := from.AddDate(0, 0, 60)
		opts := ExpandOptions{MaxIterations: 200_000, MaxOccurrences: 5000, SkipUnmatchedStart: skipStart}
		got, err := r.Between(start, from, to, opts)
		if err != nil {
			return
		}
		if !slices.IsSortedFunc(got, time.Time.Compare) {
			t.Fatalf("not sorted: %v", got)
		}
		for _, g := range got {
			if g.Before(from) || !g.Before(to) {
				t.Fatalf("%s outside [%s, %s)", g, from, to)
			}
		}
		if r.Count > 0 && len(got) > r.Count {
			t.Fatalf("%d occurrences for COUNT=%d", len(got), r.Count)
		}
		// A walk from DTSTART gives the same occurrences in the window.
		var walk []time.Time
		for occ, err := range r.All(start, ExpandOptions{MaxIterations: 1_000_000, MaxOccurrences: 100_000, MaxHorizon: to.Sub(start) + 48*time.Hour, SkipUnmatchedStart: skipStart}) {
			if err != nil {
				var le *LimitError
				if errors.As(err, &le) && (le.Limit == "horizon") {
					break // the walk went past the window
				}
				return // the walk could not finish; nothing to compare
			}
			if !occ.Before(to.Add(24 * time.Hour)) {
				break
			}
			if !occ.Before(from) && occ.Before(to) {
				walk = append(walk, occ)
			}
		}
		walk = sortUnique(walk)
		if !slices.EqualFunc(got, walk, time.Time.Equal) {
			t.Fatalf("window %v\nwalk %v", got, walk)
		}
	})
}

// FuzzDecode checks that components decode, encode and decode again to
// the same tree.
func FuzzDecode(f *testing.F) {
	f.Add(crlf(providerCalendar))
	f.Add([]byte("BEGIN:X-A\nX-P;A=\"x:y\",b;C=d:v\n  continued\nBEGIN:X-B\nEND:X-B\nEND:X-A\n"))
	f.Add([]byte("BEGIN:X\r\nSUMMARY:" + strings.Repeat("é", 60) + "\r\nEND:X\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		comps, err := Decode(data, Limits{MaxBytes: 1 << 16})
		if err != nil {
			return
		}
		text := Encode(comps...)
		again, err := Decode(text, Limits{})
		if err != nil {
			t.Fatalf("decode of encoded components: %v\n%q", err, text)
		}
		if !bytes.Equal(Encode(again...), text) {
			t.Fatalf("encoding is not stable:\n%q\n%q", text, Encode(again...))
		}
	})
}
