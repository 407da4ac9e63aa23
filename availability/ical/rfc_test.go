package ical

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

// on lists dates of one month: on(1997, 9, 2, 3) is 1997-09-02, 1997-09-03.
func on(year, month int, days ...int) []string {
	out := make([]string, len(days))
	for i, d := range days {
		out[i] = fmt.Sprintf("%04d-%02d-%02d", year, month, d)
	}
	return out
}

// span lists the dates from first through last of one month, every step days.
func span(year, month, first, last, step int) []string {
	var out []string
	for d := first; d <= last; d += step {
		out = append(out, on(year, month, d)...)
	}
	return out
}

func join(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// rfcExamples are the examples of RFC 5545 §3.8.5.3 with their listed
// occurrences, all at 09:00 in America/New_York (EDT or EST as the date
// says). Rules that repeat forever are checked on the occurrences the RFC
// lists.
var rfcExamples = []struct {
	name    string
	dtstart string // local, America/New_York
	rule    string
	exdate  bool // EXDATE equal to DTSTART
	forever bool
	want    []string
}{
	{"daily for 10 occurrences", "19970902T090000", "FREQ=DAILY;COUNT=10", false, false,
		span(1997, 9, 2, 11, 1)},
	{"daily until December 24, 1997", "19970902T090000", "FREQ=DAILY;UNTIL=19971224T000000Z", false, false,
		join(span(1997, 9, 2, 30, 1), span(1997, 10, 1, 31, 1), span(1997, 11, 1, 30, 1), span(1997, 12, 1, 23, 1))},
	{"every other day, forever", "19970902T090000", "FREQ=DAILY;INTERVAL=2", false, true,
		join(span(1997, 9, 2, 30, 2), span(1997, 10, 2, 30, 2), span(1997, 11, 1, 29, 2), on(1997, 12, 1, 3))},
	{"every 10 days, 5 occurrences", "19970902T090000", "FREQ=DAILY;INTERVAL=10;COUNT=5", false, false,
		join(on(1997, 9, 2, 12, 22), on(1997, 10, 2, 12))},
	{"every day in January, for 3 years (yearly)", "19980101T090000",
		"FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA", false, false,
		join(span(1998, 1, 1, 31, 1), span(1999, 1, 1, 31, 1), span(2000, 1, 1, 31, 1))},
	{"every day in January, for 3 years (daily)", "19980101T090000",
		"FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", false, false,
		join(span(1998, 1, 1, 31, 1), span(1999, 1, 1, 31, 1), span(2000, 1, 1, 31, 1))},
	{"weekly for 10 occurrences", "19970902T090000", "FREQ=WEEKLY;COUNT=10", false, false,
		join(on(1997, 9, 2, 9, 16, 23, 30), on(1997, 10, 7, 14, 21, 28), on(1997, 11, 4))},
	{"weekly until December 24, 1997", "19970902T090000", "FREQ=WEEKLY;UNTIL=19971224T000000Z", false, false,
		join(on(1997, 9, 2, 9, 16, 23, 30), on(1997, 10, 7, 14, 21, 28), on(1997, 11, 4, 11, 18, 25), on(1997, 12, 2, 9, 16, 23))},
	{"every other week, forever", "19970902T090000", "FREQ=WEEKLY;INTERVAL=2;WKST=SU", false, true,
		join(on(1997, 9, 2, 16, 30), on(1997, 10, 14, 28), on(1997, 11, 11, 25), on(1997, 12, 9, 23), on(1998, 1, 6, 20), on(1998, 2, 3, 17))},
	{"weekly on Tuesday and Thursday for five weeks (until)", "19970902T090000",
		"FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH", false, false,
		join(on(1997, 9, 2, 4, 9, 11, 16, 18, 23, 25, 30), on(1997, 10, 2))},
	{"weekly on Tuesday and Thursday for five weeks (count)", "19970902T090000",
		"FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", false, false,
		join(on(1997, 9, 2, 4, 9, 11, 16, 18, 23, 25, 30), on(1997, 10, 2))},
	{"every other week on Monday, Wednesday and Friday until December 24", "19970901T090000",
		"FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR", false, false,
		join(on(1997, 9, 1, 3, 5, 15, 17, 19, 29), on(1997, 10, 1, 3, 13, 15, 17, 27, 29, 31),
			on(1997, 11, 10, 12, 14, 24, 26, 28), on(1997, 12, 8, 10, 12, 22))},
	{"every other week on Tuesday and Thursday, 8 occurrences", "19970902T090000",
		"FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", false, false,
		join(on(1997, 9, 2, 4, 16, 18, 30), on(1997, 10, 2, 14, 16))},
	{"monthly on the first Friday, 10 occurrences", "19970905T090000", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR", false, false,
		join(on(1997, 9, 5), on(1997, 10, 3), on(1997, 11, 7), on(1997, 12, 5), on(1998, 1, 2), on(1998, 2, 6),
			on(1998, 3, 6), on(1998, 4, 3), on(1998, 5, 1), on(1998, 6, 5))},
	{"monthly on the first Friday until December 24", "19970905T090000", "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", false, false,
		join(on(1997, 9, 5), on(1997, 10, 3), on(1997, 11, 7), on(1997, 12, 5))},
	{"every other month on the first and last Sunday, 10 occurrences", "19970907T090000",
		"FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", false, false,
		join(on(1997, 9, 7, 28), on(1997, 11, 2, 30), on(1998, 1, 4, 25), on(1998, 3, 1, 29), on(1998, 5, 3, 31))},
	{"monthly on the second-to-last Monday, 6 months", "19970922T090000", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", false, false,
		join(on(1997, 9, 22), on(1997, 10, 20), on(1997, 11, 17), on(1997, 12, 22), on(1998, 1, 19), on(1998, 2, 16))},
	{"monthly on the third-to-last day, forever", "19970928T090000", "FREQ=MONTHLY;BYMONTHDAY=-3", false, true,
		join(on(1997, 9, 28), on(1997, 10, 29), on(1997, 11, 28), on(1997, 12, 29), on(1998, 1, 29), on(1998, 2, 26))},
	{"monthly on the 2nd and 15th, 10 occurrences", "19970902T090000", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", false, false,
		join(on(1997, 9, 2, 15), on(1997, 10, 2, 15), on(1997, 11, 2, 15), on(1997, 12, 2, 15), on(1998, 1, 2, 15))},
	{"monthly on the first and last day, 10 occurrences", "19970930T090000", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", false, false,
		join(on(1997, 9, 30), on(1997, 10, 1, 31), on(1997, 11, 1, 30), on(1997, 12, 1, 31), on(1998, 1, 1, 31), on(1998, 2, 1))},
	{"every 18 months on the 10th through 15th, 10 occurrences", "19970910T090000",
		"FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", false, false,
		join(span(1997, 9, 10, 15, 1), span(1999, 3, 10, 13, 1))},
	{"every Tuesday, every other month", "19970902T090000", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", false, true,
		join(on(1997, 9, 2, 9, 16, 23, 30), on(1997, 11, 4, 11, 18, 25), on(1998, 1, 6, 13, 20, 27), on(1998, 3, 3, 10, 17, 24, 31))},
	{"yearly in June and July, 10 occurrences", "19970610T090000", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7", false, false,
		join(on(1997, 6, 10), on(1997, 7, 10), on(1998, 6, 10), on(1998, 7, 10), on(1999, 6, 10), on(1999, 7, 10),
			on(2000, 6, 10), on(2000, 7, 10), on(2001, 6, 10), on(2001, 7, 10))},
	{"every other year in January, February and March, 10 occurrences", "19970310T090000",
		"FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", false, false,
		join(on(1997, 3, 10), on(1999, 1, 10), on(1999, 2, 10), on(1999, 3, 10), on(2001, 1, 10), on(2001, 2, 10),
			on(2001, 3, 10), on(2003, 1, 10), on(2003, 2, 10), on(2003, 3, 10))},
	{"every third year on the 1st, 100th and 200th day, 10 occurrences", "19970101T090000",
		"FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", false, false,
		join(on(1997, 1, 1), on(1997, 4, 10), on(1997, 7, 19), on(2000, 1, 1), on(2000, 4, 9), on(2000, 7, 18),
			on(2003, 1, 1), on(2003, 4, 10), on(2003, 7, 19), on(2006, 1, 1))},
	{"every 20th Monday of the year, forever", "19970519T090000", "FREQ=YEARLY;BYDAY=20MO", false, true,
		join(on(1997, 5, 19), on(1998, 5, 18), on(1999, 5, 17))},
	{"Monday of week number 20, forever", "19970512T090000", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", false, true,
		join(on(1997, 5, 12), on(1998, 5, 11), on(1999, 5, 17))},
	{"every Thursday in March, forever", "19970313T090000", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", false, true,
		join(on(1997, 3, 13, 20, 27), on(1998, 3, 5, 12, 19, 26), on(1999, 3, 4, 11, 18, 25))},
	{"every Thursday in June, July and August, forever", "19970605T090000", "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", false, true,
		join(on(1997, 6, 5, 12, 19, 26), on(1997, 7, 3, 10, 17, 24, 31), on(1997, 8, 7, 14, 21, 28),
			on(1998, 6, 4, 11, 18, 25), on(1998, 7, 2, 9, 16, 23, 30), on(1998, 8, 6, 13, 20, 27),
			on(1999, 6, 3, 10, 17, 24), on(1999, 7, 1, 8, 15, 22, 29), on(1999, 8, 5, 12, 19, 26))},
	{"every Friday the 13th, forever", "19970902T090000", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", true, true,
		join(on(1998, 2, 13), on(1998, 3, 13), on(1998, 11, 13), on(1999, 8, 13), on(2000, 10, 13))},
	{"the first Saturday that follows the first Sunday of the month, forever", "19970913T090000",
		"FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", false, true,
		join(on(1997, 9, 13), on(1997, 10, 11), on(1997, 11, 8), on(1997, 12, 13), on(1998, 1, 10), on(1998, 2, 7),
			on(1998, 3, 7), on(1998, 4, 11), on(1998, 5, 9), on(1998, 6, 13))},
	{"every 4 years, the first Tuesday after a Monday in November, forever", "19961105T090000",
		"FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", false, true,
		join(on(1996, 11, 5), on(2000, 11, 7), on(2004, 11, 2))},
	{"the third instance of Tuesday, Wednesday or Thursday, for the next 3 months", "19970904T090000",
		"FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", false, false,
		join(on(1997, 9, 4), on(1997, 10, 7), on(1997, 11, 6))},
	{"the second-to-last weekday of the month", "19970929T090000", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", false, true,
		join(on(1997, 9, 29), on(1997, 10, 30), on(1997, 11, 27), on(1997, 12, 30), on(1998, 1, 29), on(1998, 2, 26), on(1998, 3, 30))},
	{"WKST=MO makes a difference", "19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", false, false,
		on(1997, 8, 5, 10, 19, 24)},
	{"WKST=SU makes a difference", "19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", false, false,
		on(1997, 8, 5, 17, 19, 31)},
	{"an invalid date (February 30) is ignored", "20070115T090000", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", false, false,
		join(on(2007, 1, 15, 30), on(2007, 2, 15), on(2007, 3, 15, 30))},
}

func TestRFC5545Examples(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	for _, c := range rfcExamples {
		t.Run(c.name, func(t *testing.T) {
			start, err := ParseDateTime(c.dtstart)
			require.NoError(t, err)
			start.Form, start.Zone = Zoned, ny
			rec := Recurrence{Start: start, Rule: MustParseRecur(c.rule)}
			if c.exdate {
				rec.ExDates = []DateTime{start}
			}
			first := start.Time(nil)
			r := iv(first, first.AddDate(10, 0, 0))
			got, err := rec.Starts(r, ExpandOptions{})
			require.NoError(t, err)
			if c.forever {
				require.GreaterOrEqual(t, len(got), len(c.want))
				got = got[:len(c.want)]
			}
			require.Equal(t, len(c.want), len(got), "occurrences")
			for i, w := range c.want {
				d, err := time.ParseInLocation("2006-01-02 15:04", w+" 09:00", ny)
				require.NoError(t, err)
				require.True(t, d.Equal(got[i]), "occurrence %d: got %s, want %s", i, got[i].Format(time.RFC3339), d.Format(time.RFC3339))
				require.Equal(t, "09:00", got[i].Format("15:04"))
			}
		})
	}
}

// TestRFC5545EveryTwentyMinutes is the DAILY form of the example "every 20
// minutes from 9:00 AM to 4:40 PM every day".
func TestRFC5545EveryTwentyMinutes(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	start := time.Date(1997, 9, 2, 9, 0, 0, 0, ny)
	got, err := MustParseRecur("FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40").
		Between(start, start, start.AddDate(0, 0, 2), ExpandOptions{})
	require.NoError(t, err)
	require.Len(t, got, 48)
	var want []string
	for _, day := range []string{"1997-09-02", "1997-09-03"} {
		for h := 9; h <= 16; h++ {
			for _, m := range []int{0, 20, 40} {
				want = append(want, fmt.Sprintf("%sT%02d:%02d:00-04:00", day, h, m))
			}
		}
	}
	for i, w := range want {
		require.Equal(t, w, got[i].Format(time.RFC3339))
	}
}

// TestRFC5545SubDaily checks that the HOURLY and MINUTELY examples, which
// this package does not expand, fail with a typed error at once.
func TestRFC5545SubDaily(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	start := time.Date(1997, 9, 2, 9, 0, 0, 0, ny)
	for _, rule := range []string{
		"FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z",
		"FREQ=MINUTELY;INTERVAL=15;COUNT=6",
		"FREQ=MINUTELY;INTERVAL=90;COUNT=4",
		"FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16",
		"FREQ=SECONDLY",
	} {
		_, err := MustParseRecur(rule).Between(start, start, start.AddDate(0, 0, 1), ExpandOptions{})
		var u *UnsupportedError
		require.True(t, errors.As(err, &u), "%s: %v", rule, err)
		require.ErrorIs(t, err, ErrUnsupported)
	}
}

func iv(start, end time.Time) availability.Interval {
	return availability.Interval{Start: start, End: end}
}
