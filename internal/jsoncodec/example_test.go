package jsoncodec_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/practicekit/boundaries/internal/jsoncodec"
)

// The model types below follow the pattern the library's models use: text
// types for scalar values, and JSON methods that delegate to jsoncodec
// through a local type without methods. The package's tests use them too.

var errInvalidClock = errors.New("invalid clock")

// Clock is a time of day with minute precision, written "HH:MM".
type Clock struct{ minutes int }

func At(hour, minute int) Clock { return Clock{minutes: hour*60 + minute} }

func (c Clock) MarshalText() ([]byte, error) {
	return fmt.Appendf(nil, "%02d:%02d", c.minutes/60, c.minutes%60), nil
}

func (c *Clock) UnmarshalText(text []byte) error {
	if len(text) != 5 || text[2] != ':' || !isDigits(text[:2]) || !isDigits(text[3:]) {
		return fmt.Errorf("%w %q: want HH:MM", errInvalidClock, text)
	}
	hour := int(text[0]-'0')*10 + int(text[1]-'0')
	minute := int(text[3]-'0')*10 + int(text[4]-'0')
	if hour > 23 {
		return fmt.Errorf("%w %q: hour out of range", errInvalidClock, text)
	}
	if minute > 59 {
		return fmt.Errorf("%w %q: minute out of range", errInvalidClock, text)
	}
	*c = At(hour, minute)
	return nil
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Weekdays is a set of days of the week, written "mon,wed,fri".
type Weekdays uint8

var dayNames = [...]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

func (w Weekdays) MarshalText() ([]byte, error) {
	var names []string
	for i, name := range dayNames {
		if w&(1<<i) != 0 {
			names = append(names, name)
		}
	}
	return []byte(strings.Join(names, ",")), nil
}

func (w *Weekdays) UnmarshalText(text []byte) error {
	var days Weekdays
	if len(text) == 0 {
		*w = days
		return nil
	}
	for name := range strings.SplitSeq(string(text), ",") {
		i := indexOf(dayNames[:], name)
		if i < 0 {
			return fmt.Errorf("unknown weekday %q", name)
		}
		days |= 1 << i
	}
	*w = days
	return nil
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// Window is a weekly recurring time range.
type Window struct {
	Days  Weekdays `json:"days"`
	Start Clock    `json:"start"`
	End   Clock    `json:"end"`
}

// Schedule is a set of weekly windows in a time zone.
type Schedule struct {
	Zone  string   `json:"zone"`
	Hours []Window `json:"hours,omitempty"`
}

func (s Schedule) MarshalJSON() ([]byte, error) {
	type plain Schedule
	return jsoncodec.Marshal(plain(s))
}

func (s *Schedule) UnmarshalJSON(b []byte) error {
	type plain Schedule
	return jsoncodec.Unmarshal(b, (*plain)(s), jsoncodec.Limits{})
}

// Agreement nests a Schedule and other model values.
type Agreement struct {
	Client    string              `json:"client"`
	Schedule  Schedule            `json:"schedule"`
	Rooms     map[string]Schedule `json:"rooms,omitempty"`
	Protected []Window            `json:"protected"`
	Session   time.Duration       `json:"session"`
	Notes     *string             `json:"notes,omitempty"`
}

// This example decodes an agreement with a bad clock value nested inside a
// Schedule, which decodes itself with jsoncodec, and encodes a valid one.
func Example() {
	input := []byte(`{
		"client": "Ada",
		"schedule": {"zone": "UTC", "hours": [
			{"days": "mon,tue", "start": "09:00", "end": "12:00"},
			{"days": "fri", "start": "13:00", "end": "24:00"}
		]},
		"protected": [],
		"session": "50m"
	}`)
	var a Agreement
	err := jsoncodec.Unmarshal(input, &a, jsoncodec.Limits{})
	fmt.Println(err)
	fmt.Println(errors.Is(err, errInvalidClock))

	var decodeErr *jsoncodec.Error
	if errors.As(err, &decodeErr) {
		fmt.Println(decodeErr.Path)
	}

	a = Agreement{
		Client:   "Ada",
		Schedule: Schedule{Zone: "UTC", Hours: []Window{{Days: 1 | 1<<1, Start: At(9, 0), End: At(12, 0)}}},
		Session:  50 * time.Minute,
	}
	out, err := jsoncodec.Marshal(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	os.Stdout.Write(append(out, '\n'))

	// Output:
	// schedule.hours[1].end: invalid clock "24:00": hour out of range
	// true
	// schedule.hours[1].end
	// {"client":"Ada","schedule":{"zone":"UTC","hours":[{"days":"mon,tue","start":"09:00","end":"12:00"}]},"protected":null,"session":"50m0s"}
}
