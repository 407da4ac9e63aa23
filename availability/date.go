package availability

import (
	"errors"
	"fmt"
	"time"

	"github.com/practicekit/boundaries/internal/prose"
)

// A Date is a day of the calendar, with no time of day and no zone: the
// provider's local date when the library resolves it. The zero Date is
// invalid, and its text form is "".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ErrDate is matched (errors.Is) by every error from ParseDate.
var ErrDate = errors.New("invalid date")

// DateOf returns the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses an ISO 8601 calendar date, "2026-11-24".
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !isDigits(s[:4]) || !isDigits(s[5:7]) || !isDigits(s[8:]) {
		return Date{}, fmt.Errorf("%w %s: want YYYY-MM-DD", ErrDate, prose.Quote(s))
	}
	y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	m := time.Month(int(s[5]-'0')*10 + int(s[6]-'0'))
	d := int(s[8]-'0')*10 + int(s[9]-'0')
	date := Date{y, m, d}
	if !date.IsValid() {
		return Date{}, fmt.Errorf("%w %s: no such day", ErrDate, prose.Quote(s))
	}
	return date, nil
}

// MustParseDate is ParseDate for literals; it panics on error.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsValid reports whether d names a real day between years 1 and 9999.
func (d Date) IsValid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return d.Day <= DaysIn(d.Year, d.Month)
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// DaysIn returns the number of days in month m of year y (proleptic
// Gregorian): 29 for February 2028, 28 for February 2100.
func DaysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// days returns the number of days since 0001-01-01 (proleptic Gregorian),
// negative before it.
func (d Date) days() int {
	// Algorithm from Howard Hinnant's days_from_civil, shifted to 0001-01-01.
	// The divisions round down, so that years before 1 (the local dates of
	// instants before 0001-01-01) count correctly too.
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 306
}

// dateFromDays is the inverse of Date.days.
func dateFromDays(n int) Date {
	n += 306
	era := n
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := n - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := (mp+2)%12 + 1
	if m <= 2 {
		y++
	}
	return Date{y, time.Month(m), d}
}

// AddDays returns the date n days after d (before, for negative n).
func (d Date) AddDays(n int) Date {
	if day := d.Day + n; day >= 1 && day <= 28 && d.IsValid() {
		return Date{d.Year, d.Month, day} // within the month: no calendar arithmetic needed
	}
	return dateFromDays(d.days() + n)
}

// DaysUntil returns the number of days from d to e (negative if e is before d).
func (d Date) DaysUntil(e Date) int { return e.days() - d.days() }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 0001-01-01 was a Monday.
	return time.Weekday((d.days()%7 + 7 + 1) % 7)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d == e:
		return 0
	case d.Year < e.Year || d.Year == e.Year && (d.Month < e.Month || d.Month == e.Month && d.Day < e.Day):
		return -1
	}
	return 1
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String formats d as "YYYY-MM-DD".
func (d Date) String() string {
	if d.Year < 0 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 0 || d.Day > 99 {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	b := [10]byte{
		byte('0' + d.Year/1000), byte('0' + d.Year/100%10), byte('0' + d.Year/10%10), byte('0' + d.Year%10), '-',
		byte('0' + d.Month/10), byte('0' + d.Month%10), '-',
		byte('0' + d.Day/10), byte('0' + d.Day%10),
	}
	return string(b[:])
}

// MarshalText formats d as "YYYY-MM-DD", and the zero Date as "", so that
// a model decoded without a date it needs encodes again and Validate can
// report the missing date. Other invalid dates are an error.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	if !d.IsValid() {
		return nil, fmt.Errorf("%w: %s", ErrDate, d)
	}
	return []byte(d.String()), nil
}

// UnmarshalText parses "YYYY-MM-DD", and "" as the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
