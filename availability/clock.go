package availability

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/practicekit/boundaries/internal/prose"
)

// A Clock is a wall-clock time of day with minute precision, counted in
// minutes after local midnight: 0 is 00:00 and 1440 is 24:00, the end of the
// day, which is allowed as the end of a window. The zero Clock is midnight.
type Clock int

// Midnight and EndOfDay are the first and last clock times of a day.
const (
	Midnight Clock = 0
	EndOfDay Clock = 24 * 60
)

// ErrClock is matched (errors.Is) by every error from ParseClock.
var ErrClock = errors.New("invalid clock time")

// ClockOf returns the clock time hour:minute. It does not check its input;
// use IsValid.
func ClockOf(hour, minute int) Clock { return Clock(hour*60 + minute) }

// ParseClock parses "HH:MM" (two digits each, 00:00 to 24:00).
func ParseClock(s string) (Clock, error) {
	if len(s) != 5 || s[2] != ':' || !isDigits(s[:2]) || !isDigits(s[3:]) {
		return 0, fmt.Errorf("%w %s: want HH:MM", ErrClock, prose.Quote(s))
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	c := ClockOf(h, m)
	if m > 59 || !c.IsValid() {
		return 0, fmt.Errorf("%w %s: out of range 00:00-24:00", ErrClock, prose.Quote(s))
	}
	return c, nil
}

// MustParseClock is ParseClock for literals; it panics on error.
func MustParseClock(s string) Clock {
	c, err := ParseClock(s)
	if err != nil {
		panic(err)
	}
	return c
}

// IsValid reports whether c is between 00:00 and 24:00 inclusive.
func (c Clock) IsValid() bool { return c >= Midnight && c <= EndOfDay }

// Hour returns the hour, 0 to 24.
func (c Clock) Hour() int { return int(c) / 60 }

// Minute returns the minute within the hour, 0 to 59.
func (c Clock) Minute() int { return int(c) % 60 }

// String formats c as "HH:MM".
func (c Clock) String() string {
	if !c.IsValid() {
		return fmt.Sprintf("Clock(%d)", int(c))
	}
	h, m := c.Hour(), c.Minute()
	b := [5]byte{byte('0' + h/10), byte('0' + h%10), ':', byte('0' + m/10), byte('0' + m%10)}
	return string(b[:])
}

// describe writes c for a sentence: "HH:MM", or for a value that is not a
// clock time, how many minutes after midnight it is.
func (c Clock) describe() string {
	if c.IsValid() {
		return c.String()
	}
	return strconv.Itoa(int(c)) + " minutes after midnight"
}

// MarshalText formats c as "HH:MM".
func (c Clock) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, fmt.Errorf("%w: %d minutes", ErrClock, int(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText parses "HH:MM".
func (c *Clock) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
