package contact

import (
	"errors"
	"fmt"
	"strings"
)

// Urgency is how fast a message or request must be answered, from
// Informational (411: whenever the provider next works) to Emergency (911:
// any hour, within minutes). Levels are ordered: a higher value is more
// urgent. The zero Urgency is Routine.
type Urgency int8

// The urgency levels. Hosts map their own message categories (safety,
// scheduling, billing, question, …) to these levels with a table.
const (
	Informational Urgency = -1
	Routine       Urgency = 0
	Urgent        Urgency = 1
	Emergency     Urgency = 2
)

// ErrUrgency is matched (errors.Is) by every error from ParseUrgency.
var ErrUrgency = errors.New("invalid urgency")

// ParseUrgency parses a level name: "informational", "routine", "urgent"
// or "emergency" (any letter case).
func ParseUrgency(s string) (Urgency, error) {
	for u := Informational; u <= Emergency; u++ {
		if strings.EqualFold(s, u.String()) {
			return u, nil
		}
	}
	return 0, fmt.Errorf("%w %q: want informational, routine, urgent or emergency", ErrUrgency, s)
}

// IsValid reports whether u is one of the four levels.
func (u Urgency) IsValid() bool { return u >= Informational && u <= Emergency }

// String returns the level's name.
func (u Urgency) String() string {
	switch u {
	case Informational:
		return "informational"
	case Routine:
		return "routine"
	case Urgent:
		return "urgent"
	case Emergency:
		return "emergency"
	}
	return fmt.Sprintf("Urgency(%d)", int(u))
}

// MarshalText returns the level's name.
func (u Urgency) MarshalText() ([]byte, error) {
	if !u.IsValid() {
		return nil, fmt.Errorf("%w: %d", ErrUrgency, int(u))
	}
	return []byte(u.String()), nil
}

// UnmarshalText parses a level's name.
func (u *Urgency) UnmarshalText(b []byte) error {
	v, err := ParseUrgency(string(b))
	if err != nil {
		return err
	}
	*u = v
	return nil
}
