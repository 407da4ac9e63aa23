package ical

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

// crlf turns a test literal with LF line ends into iCalendar text.
func crlf(s string) []byte {
	return []byte(strings.ReplaceAll(strings.TrimLeft(s, "\n"), "\n", "\r\n"))
}

const providerCalendar = `
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//Provider//EN
BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:STANDARD
DTSTART:19701025T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:supervision@example.com
DTSTAMP:20260101T120000Z
DTSTART;TZID=Europe/Berlin:20260302T090000
DTEND;TZID=Europe/Berlin:20260302T103000
RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20260331T220000Z
EXDATE;TZID=Europe/Berlin:20260305T090000,20260309T090000
RDATE;TZID=Europe/Berlin:20260307T140000
SUMMARY:Supervision\, group A
END:VEVENT
BEGIN:VEVENT
UID:supervision@example.com
DTSTAMP:20260101T120000Z
RECURRENCE-ID;TZID=Europe/Berlin:20260312T090000
DTSTART;TZID=Europe/Berlin:20260312T160000
DURATION:PT1H
END:VEVENT
BEGIN:VEVENT
UID:supervision@example.com
DTSTAMP:20260101T120000Z
RECURRENCE-ID;TZID=Europe/Berlin:20260316T090000
DTSTART;TZID=Europe/Berlin:20260316T090000
DTEND;TZID=Europe/Berlin:20260316T103000
STATUS:CANCELLED
END:VEVENT
BEGIN:VEVENT
UID:lunch@example.com
DTSTAMP:20260101T120000Z
DTSTART:20260303T110000Z
DTEND:20260303T120000Z
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
UID:conference@example.com
DTSTAMP:20260101T120000Z
DTSTART;VALUE=DATE:20260326
DTEND;VALUE=DATE:20260328
SUMMARY:Conference, travelling through a long description line that is fold
 ed by the sender
END:VEVENT
BEGIN:VTODO
UID:todo@example.com
DTSTAMP:20260101T120000Z
SUMMARY:ignored
END:VTODO
END:VCALENDAR
`

func TestCalendarBusy(t *testing.T) {
	ber := mustZone(t, "Europe/Berlin")
	cal, err := Parse(crlf(providerCalendar), Limits{})
	require.NoError(t, err)
	require.Equal(t, "-//Example//Provider//EN", cal.ProductID)
	require.Len(t, cal.Events, 5)
	require.Equal(t, "Supervision, group A", cal.Events[0].Summary)
	require.Equal(t, "Conference, travelling through a long description line that is folded by the sender", cal.Events[4].Summary)

	r := iv(time.Date(2026, 3, 1, 0, 0, 0, 0, ber), time.Date(2026, 4, 1, 0, 0, 0, 0, ber))
	busy, err := cal.Busy(r, ExpandOptions{Floating: ber})
	require.NoError(t, err)
	at := func(day, hm string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", day+" "+hm, ber)
		require.NoError(t, err)
		return tm
	}
	want := []availability.Interval{
		iv(at("2026-03-02", "09:00"), at("2026-03-02", "10:30")),
		// Mar 5 and Mar 9 are excluded.
		iv(at("2026-03-07", "14:00"), at("2026-03-07", "15:30")), // RDATE, with the event's length
		iv(at("2026-03-12", "16:00"), at("2026-03-12", "17:00")), // moved by RECURRENCE-ID
		// Mar 16 is cancelled.
		iv(at("2026-03-19", "09:00"), at("2026-03-19", "10:30")),
		iv(at("2026-03-23", "09:00"), at("2026-03-23", "10:30")),
		iv(at("2026-03-26", "00:00"), at("2026-03-28", "00:00")), // all-day conference, with Mar 26 09:00 inside
		iv(at("2026-03-30", "09:00"), at("2026-03-30", "10:30")), // CEST now
		// Mar 31 is not a Monday or Thursday; the transparent lunch is free.
	}
	require.True(t, availability.NewSet(want...).Equal(busy), "busy:\n%s\nwant:\n%s", busy, availability.NewSet(want...))

	// Busy time is within r, also for an event that starts before it and
	// ends after it (the fuzzer found one from year 1 to 2027).
	long, err := Parse([]byte("BEGIN:VEVENT\nUID:x\nDTSTAMP:20260101T000000Z\nDTSTART;VALUE=DATE:00010101\nDTEND;VALUE=DATE:20270101\nEND:VEVENT\n"), Limits{})
	require.NoError(t, err)
	busy, err = long.Busy(r, ExpandOptions{Floating: ber})
	require.NoError(t, err)
	require.True(t, busy.Equal(availability.NewSet(r)), "busy %s", busy)
}

func TestDecodeFolding(t *testing.T) {
	comps, err := Decode([]byte("BEGIN:X-A\nDESCRIPTION:one\n  two\n\tthree\nEND:X-A\n"), Limits{})
	require.NoError(t, err)
	require.Len(t, comps, 1)
	require.Equal(t, "one twothree", comps[0].Properties[0].Value)

	// Encoding folds at 75 octets without splitting a UTF-8 sequence.
	long := strings.Repeat("é", 100)
	b := Encode(Component{Name: "X-A", Properties: []Property{{Name: "SUMMARY", Value: long}}})
	for line := range strings.SplitSeq(strings.TrimSuffix(string(b), "\r\n"), "\r\n") {
		require.LessOrEqual(t, len(line), 75)
	}
	back, err := Decode(b, Limits{})
	require.NoError(t, err)
	require.Equal(t, long, back[0].Properties[0].Value)

	// A line break in a raw value cannot start a line of its own.
	b = Encode(Component{Name: "VEVENT", Properties: []Property{{Name: "STATUS", Value: "CONFIRMED\r\nEND:VEVENT\r\nBEGIN:VEVENT"}}})
	back, err = Decode(b, Limits{})
	require.NoError(t, err)
	require.Len(t, back, 1)
	require.Equal(t, "CONFIRMED  END:VEVENT  BEGIN:VEVENT", back[0].Properties[0].Value)

	// Bytes that are not UTF-8 are folded anywhere: a long run of
	// continuation bytes used to make the fold loop forever.
	junk := strings.Repeat("\xac", 200)
	b = Encode(Component{Name: "X-A", Properties: []Property{{Name: "SUMMARY", Value: junk}}})
	for line := range strings.SplitSeq(strings.TrimSuffix(string(b), "\r\n"), "\r\n") {
		require.LessOrEqual(t, len(line), 75)
	}
	back, err = Decode(b, Limits{})
	require.NoError(t, err)
	require.Equal(t, junk, back[0].Properties[0].Value)
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name, input string
		line, col   int
		is          error
	}{
		{"no colon", "BEGIN:VCALENDAR\nVERSION 2.0\nEND:VCALENDAR\n", 2, 8, ErrSyntax},
		{"mismatched END", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n", 3, 5, ErrSyntax},
		{"missing END", "BEGIN:VCALENDAR\nBEGIN:VEVENT\n", 2, 1, ErrSyntax},
		{"property outside", "UID:x\n", 1, 1, ErrSyntax},
		{"bad date", "BEGIN:VEVENT\nDTSTART:20260230T090000\nEND:VEVENT\n", 2, 9, ErrSyntax},
		{"bad time", "BEGIN:VEVENT\nDTSTART:20260228T250000\nEND:VEVENT\n", 2, 18, ErrSyntax},
		{"bad rule part", "BEGIN:VEVENT\nRRULE:FREQ=WEEKLY;BYDAY=MO,XX\nEND:VEVENT\n", 2, 28, ErrSyntax},
		{"bad rule part past a fold", "BEGIN:VEVENT\nRRULE:FREQ=WEEKLY;\n BYDAY=MO,XX\nEND:VEVENT\n", 3, 11, ErrSyntax},
		{"bad parameter past a fold", "BEGIN:VEVENT\nDTSTART;TZID=Europe/Rome;\n\tX=\"a:b\"c:20260101T090000\nEND:VEVENT\n", 3, 9, ErrSyntax},
		{"rule not allowed", "BEGIN:VEVENT\nRRULE:FREQ=WEEKLY;BYMONTHDAY=3\nEND:VEVENT\n", 2, 19, ErrSyntax},
		{"twice", "BEGIN:VEVENT\nDTSTART:20260228T090000\nDTSTART:20260228T100000\nEND:VEVENT\n", 3, 1, ErrSyntax},
		{"unknown zone", "BEGIN:VEVENT\nDTSTART;TZID=Eastern Standard Time:20260228T090000\nEND:VEVENT\n", 2, 0, ErrZone},
		{"machine zone", "BEGIN:VEVENT\nDTSTART;TZID=Local:20260228T090000\nEND:VEVENT\n", 2, 0, ErrZone},
		{"quote", "BEGIN:VEVENT\nDTSTART;TZID=\"Europe/Berlin:20260228T090000\nEND:VEVENT\n", 2, 14, ErrSyntax},
		{"priority", "BEGIN:VAVAILABILITY\nPRIORITY:12\nEND:VAVAILABILITY\n", 2, 10, ErrSyntax},
		{"free/busy not UTC", "BEGIN:VFREEBUSY\nFREEBUSY:20260228T090000/PT1H\nEND:VFREEBUSY\n", 2, 10, ErrSyntax},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.input), Limits{})
			require.ErrorIs(t, err, c.is)
			var se *SyntaxError
			var ze *ZoneError
			switch {
			case errors.As(err, &se):
				require.Equal(t, c.line, se.Line, "line: %v", err)
				require.Equal(t, c.col, se.Column, "column: %v", err)
			case errors.As(err, &ze):
				require.Equal(t, c.line, ze.Line)
			default:
				t.Fatalf("unexpected error type %T: %v", err, err)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	big := []byte("BEGIN:VCALENDAR\n" + strings.Repeat("X-A:"+strings.Repeat("a", 100)+"\n", 100) + "END:VCALENDAR\n")
	_, err := Parse(big, Limits{MaxBytes: 1000})
	var le *LimitError
	require.ErrorAs(t, err, &le)
	require.Equal(t, "bytes", le.Limit)

	_, err = Parse(big, Limits{MaxProperties: 50})
	require.ErrorIs(t, err, ErrLimit)

	deep := strings.Repeat("BEGIN:X-A\n", 20) + strings.Repeat("END:X-A\n", 20)
	_, err = Parse([]byte(deep), Limits{})
	require.ErrorIs(t, err, ErrLimit)

	many := "BEGIN:VCALENDAR\n" + strings.Repeat("BEGIN:VEVENT\nEND:VEVENT\n", 50) + "END:VCALENDAR\n"
	_, err = Parse([]byte(many), Limits{MaxComponents: 10})
	require.ErrorIs(t, err, ErrLimit)

	_, err = Parse([]byte("BEGIN:X-A\nX-B:"+strings.Repeat("a", 100)+"\n "+strings.Repeat("b", 100)+"\nEND:X-A\n"), Limits{MaxLineBytes: 150})
	require.ErrorIs(t, err, ErrLimit)
}

func TestExpansionBounds(t *testing.T) {
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)

	// A rule that never matches still stops: every day examined counts.
	began := time.Now()
	var err error
	for _, e := range MustParseRecur("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31").All(start, ExpandOptions{MaxIterations: 10_000, MaxHorizon: 200 * 365 * 24 * time.Hour}) {
		err = e
	}
	var le *LimitError
	require.ErrorAs(t, err, &le)
	require.Equal(t, "iterations", le.Limit)

	// With COUNT it must count from DTSTART, and still stops.
	_, err = MustParseRecur("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=5").Between(start, start.AddDate(5000, 0, 0), start.AddDate(5001, 0, 0), ExpandOptions{MaxIterations: 500_000})
	require.ErrorIs(t, err, ErrLimit)

	// FREQ=SECONDLY over a century fails at once.
	_, err = MustParseRecur("FREQ=SECONDLY").Between(start, start, start.AddDate(9, 0, 0), ExpandOptions{})
	require.ErrorIs(t, err, ErrUnsupported)

	// The horizon caps the interval asked for.
	_, err = MustParseRecur("FREQ=DAILY").Between(start, start, start.AddDate(100, 0, 0), ExpandOptions{})
	require.ErrorAs(t, err, &le)
	require.Equal(t, "horizon", le.Limit)

	// The occurrence cap.
	_, err = MustParseRecur("FREQ=DAILY").Between(start, start, start.AddDate(1, 0, 0), ExpandOptions{MaxOccurrences: 100})
	require.ErrorAs(t, err, &le)
	require.Equal(t, "occurrences", le.Limit)

	// All ends with an error past the horizon rather than running forever.
	n := 0
	for _, e := range MustParseRecur("FREQ=YEARLY").All(start, ExpandOptions{MaxHorizon: 10 * 366 * 24 * time.Hour}) {
		if e != nil {
			err = e
			break
		}
		n++
	}
	require.Equal(t, 11, n)
	require.ErrorIs(t, err, ErrLimit)
	require.Less(t, time.Since(began), 5*time.Second)

	// A window decades after DTSTART costs no more than one near it.
	got, err := MustParseRecur("FREQ=WEEKLY;BYDAY=MO").Between(time.Date(1900, 1, 1, 9, 0, 0, 0, time.UTC),
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), ExpandOptions{MaxIterations: expansionCost + 100})
	require.NoError(t, err)
	require.Len(t, got, 4)
	require.Equal(t, "2026-01-05T09:00:00Z", got[0].Format(time.RFC3339))
}

func TestRecurRoundTrip(t *testing.T) {
	for _, s := range []string{
		"FREQ=DAILY",
		"FREQ=WEEKLY;UNTIL=19971224T000000Z;INTERVAL=2;BYDAY=MO,WE,FR;WKST=SU",
		"FREQ=MONTHLY;COUNT=10;BYDAY=1SU,-1SU",
		"FREQ=YEARLY;UNTIL=20000131;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
		"FREQ=YEARLY;BYMINUTE=30;BYHOUR=8,9;BYDAY=SU;BYMONTH=1;INTERVAL=2",
		"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
		"freq=yearly;byweekno=20;byday=mo",
		"FREQ=DAILY;COUNT=1000000000;INTERVAL=1000000", // the largest COUNT and INTERVAL Validate allows
	} {
		r, err := ParseRecur(s)
		require.NoError(t, err, s)
		back, err := ParseRecur(r.String())
		require.NoError(t, err)
		require.Equal(t, r, back)
	}
	require.Equal(t, "FREQ=YEARLY;INTERVAL=2;BYMINUTE=30;BYHOUR=8,9;BYDAY=SU;BYMONTH=1",
		MustParseRecur("FREQ=YEARLY;INTERVAL=2;BYMONTH=1;BYDAY=SU;BYHOUR=8,9;BYMINUTE=30").String())
	_, err := ParseRecur("FREQ=DAILY;COUNT=1000000001")
	require.ErrorContains(t, err, "COUNT 1000000001 is out of range")
}

func TestRecurValidate(t *testing.T) {
	for _, c := range []struct {
		rule Recur
		path string
		code problem.Code
	}{
		{Recur{}, "freq", problem.Required},
		{Recur{Freq: Daily, Count: 3, Until: DateTime{Date: availability.MustParseDate("2026-01-01"), Form: DateOnly}}, "until", problem.Conflict},
		{Recur{Freq: Weekly, ByDay: []WeekdayNum{{N: 1, Day: Monday}}}, "by_day[0]", problem.Conflict},
		{Recur{Freq: Yearly, ByWeekNo: []int{1}, ByDay: []WeekdayNum{{N: 1, Day: Monday}}}, "by_day[0]", problem.Conflict},
		{Recur{Freq: Monthly, ByWeekNo: []int{3}}, "by_week_no", problem.Conflict},
		{Recur{Freq: Monthly, ByYearDay: []int{3}}, "by_year_day", problem.Conflict},
		{Recur{Freq: Weekly, ByMonthDay: []int{3}}, "by_month_day", problem.Conflict},
		{Recur{Freq: Monthly, BySetPos: []int{1}}, "by_set_pos", problem.Conflict},
		{Recur{Freq: Monthly, ByMonthDay: []int{0, 32}}, "by_month_day[0]", problem.OutOfRange},
		{Recur{Freq: Yearly, ByMonth: []int{13}}, "by_month[0]", problem.OutOfRange},
	} {
		err := c.rule.Validate()
		require.ErrorIs(t, err, problem.ErrInvalid)
		var l problem.List
		require.ErrorAs(t, err, &l)
		require.Equal(t, c.path, l[0].Path, "%v", err)
		require.Equal(t, c.code, l[0].Code)
	}
}

func TestValues(t *testing.T) {
	for _, s := range []string{"P15DT5H0M20S", "P7W", "-PT15M", "PT1H30M", "P1D", "+P2DT3H"} {
		d, err := ParseDuration(s)
		require.NoError(t, err, s)
		back, err := ParseDuration(d.String())
		require.NoError(t, err)
		require.Equal(t, d, back)
	}
	d, err := ParseDuration("P15DT5H0M20S")
	require.NoError(t, err)
	require.Equal(t, Duration{Days: 15, Exact: 5*time.Hour + 20*time.Second}, d)
	for _, s := range []string{"", "P", "PT", "P1H", "PT1D", "P1W2D", "P1M", "PT1H1H", "P1S"} {
		_, err := ParseDuration(s)
		require.ErrorIs(t, err, ErrSyntax, s)
	}
	p, err := ParsePeriod("19970101T180000Z/PT5H30M")
	require.NoError(t, err)
	require.Equal(t, "19970101T180000Z/PT5H30M", p.String())
	dt, err := ParseDateTime("19970630T235960Z")
	require.NoError(t, err)
	require.Equal(t, 59, dt.Second) // a leap second reads as 59
	require.Equal(t, "19970630T235959Z", dt.String())
}

// An EXRULE (RFC 2445) excludes the starts it generates; it is neither
// ignored nor dropped on the way through Encode.
func TestExRule(t *testing.T) {
	ber := mustZone(t, "Europe/Berlin")
	event := func(exrules ...string) string {
		var s strings.Builder
		s.WriteString("BEGIN:VEVENT\nUID:x\nDTSTAMP:20260101T000000Z\nDTSTART;TZID=Europe/Berlin:20260302T090000\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=5\n")
		for _, x := range exrules {
			s.WriteString("EXRULE:" + x + "\n")
		}
		return s.String() + "END:VEVENT\n"
	}
	r := iv(time.Date(2026, 3, 1, 0, 0, 0, 0, ber), time.Date(2026, 4, 1, 0, 0, 0, 0, ber))
	for _, c := range []struct {
		name    string
		exrules []string
		days    []int // the dates in March that stay busy
	}{
		{"no EXRULE", nil, []int{2, 3, 4, 5, 6}},
		{"Tuesdays and Thursdays", []string{"FREQ=WEEKLY;BYDAY=TU,TH"}, []int{2, 4, 6}},
		{"every other day from DTSTART excludes DTSTART", []string{"FREQ=DAILY;INTERVAL=2"}, []int{3, 5}},
		{"a rule that does not generate DTSTART keeps it", []string{"FREQ=WEEKLY;BYDAY=WE;COUNT=1"}, []int{2, 3, 5, 6}},
		{"another time of day excludes nothing", []string{"FREQ=DAILY;BYHOUR=10"}, []int{2, 3, 4, 5, 6}},
		{"two rules", []string{"FREQ=WEEKLY;BYDAY=TU", "FREQ=WEEKLY;BYDAY=FR"}, []int{2, 4, 5}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cal, err := Parse([]byte(event(c.exrules...)), Limits{})
			require.NoError(t, err)
			require.Len(t, cal.Events[0].ExRules, len(c.exrules))
			busy, err := cal.Busy(r, ExpandOptions{})
			require.NoError(t, err)
			var want []availability.Interval
			for _, d := range c.days {
				start := time.Date(2026, 3, d, 9, 0, 0, 0, ber)
				want = append(want, iv(start, start.Add(time.Hour)))
			}
			require.True(t, availability.NewSet(want...).Equal(busy), "busy %s", busy)
			require.Equal(t, time.Duration(len(c.days))*time.Hour, busy.Duration())

			// Encode keeps the EXRULEs.
			text, err := cal.Encode()
			require.NoError(t, err)
			back, err := Parse(text, Limits{})
			require.NoError(t, err)
			require.Equal(t, cal.Events[0].ExRules, back.Events[0].ExRules)
		})
	}

	// A bad EXRULE is a syntax error at its column, and Validate reports
	// one built in code at its path.
	_, err := Parse([]byte(event("FREQ=WEEKLY;BYDAY=XX")), Limits{})
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	require.Equal(t, 7, se.Line)
	require.Equal(t, 26, se.Column) // "XX" in "EXRULE:FREQ=WEEKLY;BYDAY=XX"
	err = Recurrence{Start: DateTimeOf(r.Start), ExRules: []Recur{{Freq: Weekly, ByMonthDay: []int{1}}}}.Validate()
	var l problem.List
	require.ErrorAs(t, err, &l)
	require.Equal(t, "ex_rules[0].by_month_day", l[0].Path)
}

// A component this package reads, nested where it does not belong, is a
// syntax error at its BEGIN line rather than lost; components that carry
// no busy time (VALARM, X- components) are still skipped.
func TestMisplacedComponents(t *testing.T) {
	const ev = "UID:x\nDTSTAMP:20260101T000000Z\nDTSTART:20260302T090000Z\nDURATION:PT1H\n"
	for _, c := range []struct {
		name, input string
		line        int
	}{
		{"VEVENT in VEVENT", "BEGIN:VCALENDAR\nBEGIN:VEVENT\n" + ev + "BEGIN:VEVENT\n" + ev + "END:VEVENT\nEND:VEVENT\nEND:VCALENDAR\n", 7},
		{"VCALENDAR in VCALENDAR", "BEGIN:VCALENDAR\nBEGIN:VCALENDAR\nBEGIN:VEVENT\n" + ev + "END:VEVENT\nEND:VCALENDAR\nEND:VCALENDAR\n", 2},
		{"AVAILABLE in VCALENDAR", "BEGIN:VCALENDAR\nBEGIN:AVAILABLE\n" + ev + "END:AVAILABLE\nEND:VCALENDAR\n", 2},
		{"AVAILABLE alone", "BEGIN:AVAILABLE\n" + ev + "END:AVAILABLE\n", 1},
		{"VEVENT in VAVAILABILITY", "BEGIN:VAVAILABILITY\nUID:a\nBEGIN:VEVENT\n" + ev + "END:VEVENT\nEND:VAVAILABILITY\n", 3},
		{"VFREEBUSY in AVAILABLE", "BEGIN:VAVAILABILITY\nBEGIN:AVAILABLE\n" + ev + "BEGIN:VFREEBUSY\nEND:VFREEBUSY\nEND:AVAILABLE\nEND:VAVAILABILITY\n", 7},
		{"VEVENT in VFREEBUSY", "BEGIN:VFREEBUSY\nBEGIN:VEVENT\n" + ev + "END:VEVENT\nEND:VFREEBUSY\n", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.input), Limits{})
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			require.Equal(t, c.line, se.Line, "%v", err)
			require.ErrorContains(t, err, "would be lost")
		})
	}
	cal, err := Parse([]byte("BEGIN:VCALENDAR\nBEGIN:VEVENT\n"+ev+"BEGIN:VALARM\nTRIGGER:-PT15M\nEND:VALARM\nBEGIN:X-NOTE\nEND:X-NOTE\nEND:VEVENT\nBEGIN:VTODO\nEND:VTODO\nEND:VCALENDAR\n"), Limits{})
	require.NoError(t, err)
	require.Len(t, cal.Events, 1)
}
