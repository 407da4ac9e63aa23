package availability

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/internal/prose"
)

// Weekdays is a set of days of the week. Bit i is set when time.Weekday(i)
// is in the set. The zero value is the empty set.
//
// Its text form lists days by name in week order starting on Monday, with
// runs of three or more days written as ranges: "mon-fri", "sat,sun",
// "mon,wed,fri". Parsing also accepts full names ("monday"), any letter case,
// and ranges that wrap past Sunday ("fri-mon").
type Weekdays uint8

// Common sets of days.
const (
	Weekend  Weekdays = 1<<time.Saturday | 1<<time.Sunday
	Workweek Weekdays = 1<<time.Monday | 1<<time.Tuesday | 1<<time.Wednesday | 1<<time.Thursday | 1<<time.Friday
	Everyday          = Weekend | Workweek
)

// ErrWeekdays is matched (errors.Is) by every error from ParseWeekdays.
var ErrWeekdays = errors.New("invalid weekdays")

var dayNames = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// Days returns the set holding the given days. Days are counted modulo 7,
// as in time.Weekday arithmetic: time.Weekday(7) is Sunday and
// time.Weekday(-1) Saturday.
func Days(days ...time.Weekday) Weekdays {
	var w Weekdays
	for _, d := range days {
		w |= bit(d)
	}
	return w
}

// Has reports whether d, counted modulo 7, is in the set.
func (w Weekdays) Has(d time.Weekday) bool { return w&bit(d) != 0 }

// bit returns the bit of day d, counted modulo 7.
func bit(d time.Weekday) Weekdays { return 1 << ((d%7 + 7) % 7) }

// Count returns the number of days in the set.
func (w Weekdays) Count() int {
	n := 0
	for d := range 7 {
		if w.Has(time.Weekday(d)) {
			n++
		}
	}
	return n
}

// ParseWeekdays parses the text form described on Weekdays. The empty
// string is the empty set.
func ParseWeekdays(s string) (Weekdays, error) {
	var w Weekdays
	if s == "" {
		return 0, nil // the empty set, the text form of the zero value
	}
	for part := range strings.SplitSeq(s, ",") {
		from, to, isRange := strings.Cut(part, "-")
		a, err := parseDay(from)
		if err != nil {
			return 0, fmt.Errorf("%w %s: %v", ErrWeekdays, prose.Quote(s), err)
		}
		b := a
		if isRange {
			if b, err = parseDay(to); err != nil {
				return 0, fmt.Errorf("%w %s: %v", ErrWeekdays, prose.Quote(s), err)
			}
		}
		for d := a; ; d = (d + 1) % 7 {
			w |= 1 << d
			if d == b {
				break
			}
		}
	}
	return w, nil
}

func parseDay(s string) (time.Weekday, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for d, name := range dayNames {
		if s == name || s == strings.ToLower(time.Weekday(d).String()) {
			return time.Weekday(d), nil
		}
	}
	return 0, fmt.Errorf("unknown day %s", prose.Quote(s))
}

// String returns the text form, or "" for the empty set.
func (w Weekdays) String() string {
	var parts []string
	// Monday-first order: positions 0..6 are Monday..Sunday.
	at := func(i int) time.Weekday { return time.Weekday((i + 1) % 7) }
	for i := 0; i < 7; {
		if !w.Has(at(i)) {
			i++
			continue
		}
		j := i
		for j+1 < 7 && w.Has(at(j+1)) {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, dayNames[at(i)]+"-"+dayNames[at(j)])
		default:
			for k := i; k <= j; k++ {
				parts = append(parts, dayNames[at(k)])
			}
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// MarshalText returns the text form.
func (w Weekdays) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// UnmarshalText parses the text form.
func (w *Weekdays) UnmarshalText(b []byte) error {
	v, err := ParseWeekdays(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}
