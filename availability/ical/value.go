package ical

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
)

// A Form is one of the ways RFC 5545 writes a date or a date-time
// (§3.3.4, §3.3.5).
type Form uint8

// The forms. The zero Form is Floating.
const (
	// Floating is a local date-time bound to no zone ("19980118T230000"),
	// read in ExpandOptions.Floating.
	Floating Form = iota
	// UTC is a date-time in UTC ("19980119T070000Z").
	UTC
	// Zoned is a local date-time in the zone named by a TZID parameter.
	Zoned
	// DateOnly is a DATE value ("19970714"), a whole local day, floating.
	DateOnly
)

// String returns the form's name.
func (f Form) String() string {
	switch f {
	case Floating:
		return "floating"
	case UTC:
		return "UTC"
	case Zoned:
		return "zoned"
	case DateOnly:
		return "date"
	}
	return fmt.Sprintf("Form(%d)", int(f))
}

// A DateTime is an iCalendar DATE or DATE-TIME value: a local date, a time
// of day to the second, its Form, and for the Zoned form its zone.
//
// The zero DateTime (zero Date) means "absent". A DateTime is resolved to
// an instant by Time, with the RFC 5545 §3.3.5 rule availability.At
// implements: a local time in a DST gap is read with the offset before the
// gap, and a local time that occurs twice is its first occurrence.
type DateTime struct {
	Date                 availability.Date
	Hour, Minute, Second int
	Form                 Form
	// Zone is the zone of a Zoned value; it is ignored for other forms.
	Zone *time.Location
}

// IsZero reports whether d is absent.
func (d DateTime) IsZero() bool { return d.Date.IsZero() }

// DateTimeOf returns the date-time t shows in its location: UTC form for
// time.UTC, Zoned otherwise. Fractions of a second are dropped.
func DateTimeOf(t time.Time) DateTime {
	y, m, day := t.Date()
	d := DateTime{Date: availability.Date{Year: y, Month: m, Day: day}, Hour: t.Hour(), Minute: t.Minute(), Second: t.Second()}
	if t.Location() == time.UTC {
		d.Form = UTC
	} else {
		d.Form = Zoned
		d.Zone = t.Location()
	}
	return d
}

// location returns the zone d is read in, with floating for floating and
// date values; nil floating means UTC.
func (d DateTime) location(floating *time.Location) *time.Location {
	switch d.Form {
	case UTC:
		return time.UTC
	case Zoned:
		if d.Zone != nil {
			return d.Zone
		}
		return time.UTC
	}
	if floating == nil {
		return time.UTC
	}
	return floating
}

// seconds returns the time of day in seconds after midnight (0 for a date).
func (d DateTime) seconds() int {
	if d.Form == DateOnly {
		return 0
	}
	return d.Hour*3600 + d.Minute*60 + d.Second
}

// Time resolves d to an instant, expressed in the zone d is read in:
// floating and date values are read in floating (UTC when nil); a date is
// its local midnight. A local time in a DST gap or overlap is resolved with
// availability.At.
func (d DateTime) Time(floating *time.Location) time.Time {
	loc := d.location(floating)
	if loc == time.UTC {
		return time.Date(d.Date.Year, d.Date.Month, d.Date.Day, 0, 0, d.seconds(), 0, time.UTC)
	}
	s := d.seconds()
	return availability.At(d.Date, availability.ClockOf(s/3600, s%3600/60), loc).Add(time.Duration(s%60) * time.Second)
}

// String formats d as its RFC 5545 value, without the TZID parameter:
// "19970714", "19970714T133000" or "19970714T173000Z".
func (d DateTime) String() string {
	b := appendDate(nil, d.Date)
	if d.Form == DateOnly {
		return string(b)
	}
	b = fmt.Appendf(b, "T%02d%02d%02d", d.Hour, d.Minute, d.Second)
	if d.Form == UTC {
		b = append(b, 'Z')
	}
	return string(b)
}

func appendDate(b []byte, d availability.Date) []byte {
	return fmt.Appendf(b, "%04d%02d%02d", d.Year, int(d.Month), d.Day)
}

// ParseDateTime parses a DATE ("19970714"), a floating DATE-TIME
// ("19970714T133000") or a UTC DATE-TIME ("19970714T173000Z"). A second of
// 60 (a leap second) is read as 59, as RFC 5545 §3.3.5 advises. The Zoned
// form comes from a TZID parameter, which the caller applies.
func ParseDateTime(s string) (DateTime, error) {
	d, col, msg := parseDateTime(s)
	if msg != "" {
		return DateTime{}, &SyntaxError{Column: col, Msg: msg, Near: s}
	}
	return d, nil
}

// parseDateTime parses s, returning the column (from 1) and a message on
// failure.
func parseDateTime(s string) (DateTime, int, string) {
	if len(s) < 8 || !digits(s[:8]) {
		return DateTime{}, 1, "want a date YYYYMMDD"
	}
	date := availability.Date{Year: atoi(s[:4]), Month: time.Month(atoi(s[4:6])), Day: atoi(s[6:8])}
	if !date.IsValid() {
		return DateTime{}, 1, "no such date"
	}
	if len(s) == 8 {
		return DateTime{Date: date, Form: DateOnly}, 0, ""
	}
	if s[8] != 'T' {
		return DateTime{}, 9, "want T between date and time"
	}
	rest := s[9:]
	form := Floating
	if strings.HasSuffix(rest, "Z") {
		form, rest = UTC, rest[:len(rest)-1]
	}
	if len(rest) != 6 || !digits(rest) {
		return DateTime{}, 10, "want a time HHMMSS"
	}
	h, m, sec := atoi(rest[:2]), atoi(rest[2:4]), atoi(rest[4:6])
	if h > 23 || m > 59 || sec > 60 {
		return DateTime{}, 10, "time out of range"
	}
	return DateTime{Date: date, Hour: h, Minute: m, Second: min(sec, 59), Form: form}, 0, ""
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// atoi converts a short run of ASCII digits already checked by digits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// A Duration is an RFC 5545 DURATION (§3.3.6): nominal weeks and days,
// which follow the wall clock (a day is 23 or 25 hours across a DST
// change), and an exact part in hours, minutes and seconds. The zero
// Duration is zero.
type Duration struct {
	Negative    bool
	Weeks, Days int
	// Exact is the hours, minutes and seconds.
	Exact time.Duration
}

// maxDurationDays bounds both parts of a Duration, about a hundred years,
// so that no sum overflows time.Duration.
const maxDurationDays = 36_600

// IsZero reports whether d is zero.
func (d Duration) IsZero() bool { return d.Weeks == 0 && d.Days == 0 && d.Exact == 0 }

// days returns the nominal part in days, signed.
func (d Duration) days() int {
	n := d.Weeks*7 + d.Days
	if d.Negative {
		return -n
	}
	return n
}

// exact returns the exact part, signed.
func (d Duration) exact() time.Duration {
	if d.Negative {
		return -d.Exact
	}
	return d.Exact
}

// AddTo returns t plus d the RFC 5545 way: the days first, on the wall
// clock of t's location (resolved with availability.At), then the exact
// part.
func (d Duration) AddTo(t time.Time) time.Time {
	if n := d.days(); n != 0 {
		loc := t.Location()
		sec := t.Hour()*3600 + t.Minute()*60 + t.Second()
		wall := availability.DateOf(t).AddDays(n)
		t = availability.At(wall, availability.ClockOf(sec/3600, sec%3600/60), loc).
			Add(time.Duration(sec%60)*time.Second + time.Duration(t.Nanosecond()))
	}
	return t.Add(d.exact())
}

// approx returns an upper bound of the duration's absolute length.
func (d Duration) approx() time.Duration {
	return time.Duration(d.Weeks*7+d.Days)*25*time.Hour + d.Exact
}

// String formats d as "P1W", "P1DT2H", "-PT15M", or "PT0S" when zero.
func (d Duration) String() string {
	var b []byte
	if d.Negative {
		b = append(b, '-')
	}
	b = append(b, 'P')
	if d.Weeks != 0 && d.Days == 0 && d.Exact == 0 {
		return string(strconv.AppendInt(b, int64(d.Weeks), 10)) + "W"
	}
	if days := d.Weeks*7 + d.Days; days != 0 {
		b = strconv.AppendInt(b, int64(days), 10)
		b = append(b, 'D')
	}
	if d.Exact != 0 || d.Weeks*7+d.Days == 0 {
		b = append(b, 'T')
		sec := int64(d.Exact / time.Second)
		h, m, s := sec/3600, sec%3600/60, sec%60
		if h != 0 {
			b = strconv.AppendInt(b, h, 10)
			b = append(b, 'H')
		}
		if m != 0 {
			b = strconv.AppendInt(b, m, 10)
			b = append(b, 'M')
		}
		if s != 0 || (h == 0 && m == 0) {
			b = strconv.AppendInt(b, s, 10)
			b = append(b, 'S')
		}
	}
	return string(b)
}

// MarshalText returns the DURATION value, as String.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses a DURATION value.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDuration parses an RFC 5545 DURATION such as "PT1H30M", "P1D",
// "P2W" or "-PT15M". Fractions of a second are not part of the format.
func ParseDuration(s string) (Duration, error) {
	d, col, msg := parseDuration(s)
	if msg != "" {
		return Duration{}, &SyntaxError{Column: col, Msg: msg, Near: s}
	}
	return d, nil
}

func parseDuration(s string) (Duration, int, string) {
	var d Duration
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		d.Negative = s[i] == '-'
		i++
	}
	if i >= len(s) || s[i] != 'P' {
		return Duration{}, i + 1, "want P"
	}
	i++
	inTime, found := false, false
	seen := ""
	var exact int64
	for i < len(s) {
		if s[i] == 'T' {
			if inTime {
				return Duration{}, i + 1, "T twice"
			}
			inTime = true
			i++
			if i == len(s) {
				return Duration{}, i, "want hours, minutes or seconds after T"
			}
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i || j == len(s) {
			return Duration{}, i + 1, "want a number and a designator (W, D, H, M, S)"
		}
		if j-i > 7 {
			return Duration{}, i + 1, "number too large"
		}
		n := atoi(s[i:j])
		unit := s[j]
		order := "WDHMS"
		if strings.IndexByte(order, unit) < 0 {
			return Duration{}, j + 1, "unknown designator"
		}
		if strings.IndexByte(seen, unit) >= 0 || (seen != "" && strings.IndexByte(order, unit) < strings.IndexByte(order, seen[len(seen)-1])) {
			return Duration{}, j + 1, "designators out of order or repeated"
		}
		switch unit {
		case 'W':
			if inTime || seen != "" {
				return Duration{}, j + 1, "weeks cannot be combined with other designators"
			}
			d.Weeks = n
		case 'D':
			if inTime {
				return Duration{}, j + 1, "D after T"
			}
			d.Days = n
		case 'H', 'M', 'S':
			if !inTime {
				return Duration{}, j + 1, "hours, minutes and seconds need T first"
			}
			switch unit {
			case 'H':
				exact += int64(n) * 3600
			case 'M':
				exact += int64(n) * 60
			default:
				exact += int64(n)
			}
		}
		seen += string(unit)
		found = true
		i = j + 1
		if d.Weeks != 0 && i < len(s) {
			return Duration{}, i + 1, "weeks cannot be combined with other designators"
		}
	}
	if !found {
		return Duration{}, len(s), "empty duration"
	}
	if d.Weeks*7+d.Days > maxDurationDays || exact > maxDurationDays*86400 {
		return Duration{}, 1, "duration too long"
	}
	d.Exact = time.Duration(exact) * time.Second
	return d, 0, ""
}

// A Period is an RFC 5545 PERIOD (§3.3.9): a start and either an explicit
// end or a duration. In an RDATE a Period may have neither; the event's own
// length applies then.
type Period struct {
	Start    DateTime
	End      DateTime
	Duration Duration
}

// String formats p as "start/end" or "start/duration", or just the start.
func (p Period) String() string {
	switch {
	case !p.End.IsZero():
		return p.Start.String() + "/" + p.End.String()
	case !p.Duration.IsZero():
		return p.Start.String() + "/" + p.Duration.String()
	}
	return p.Start.String()
}

// ParsePeriod parses "start/end" or "start/duration".
func ParsePeriod(s string) (Period, error) {
	p, col, msg := parsePeriod(s)
	if msg != "" {
		return Period{}, &SyntaxError{Column: col, Msg: msg, Near: s}
	}
	return p, nil
}

func parsePeriod(s string) (Period, int, string) {
	a, b, ok := strings.Cut(s, "/")
	if !ok {
		return Period{}, 1, "want start/end or start/duration"
	}
	var p Period
	var col int
	var msg string
	if p.Start, col, msg = parseDateTime(a); msg != "" {
		return Period{}, col, msg
	}
	if p.Start.Form == DateOnly {
		return Period{}, 1, "a period starts at a date-time"
	}
	off := len(a) + 1
	if strings.HasPrefix(b, "P") || strings.HasPrefix(b, "+P") || strings.HasPrefix(b, "-P") {
		if p.Duration, col, msg = parseDuration(b); msg != "" {
			return Period{}, off + col, msg
		}
		if p.Duration.Negative || p.Duration.IsZero() {
			return Period{}, off + 1, "a period's duration must be positive"
		}
		return p, 0, ""
	}
	if p.End, col, msg = parseDateTime(b); msg != "" {
		return Period{}, off + col, msg
	}
	if p.End.Form != p.Start.Form {
		return Period{}, off + 1, "start and end of a period must have the same form"
	}
	return p, 0, ""
}
