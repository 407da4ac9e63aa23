package agreement

import (
	"errors"
	"fmt"
	"strings"

	"github.com/practicekit/boundaries/internal/prose"
)

// Severity says how serious crossing a boundary, or breaking a term, is.
// Levels are ordered: a higher value is more serious. The zero Severity is
// unset, which Validate reports for a boundary.
type Severity int8

// The severity levels.
const (
	Minor    Severity = 1
	Moderate Severity = 2
	Serious  Severity = 3
	Critical Severity = 4
)

// ErrSeverity is matched (errors.Is) by every error from ParseSeverity.
var ErrSeverity = errors.New("invalid severity")

var severityNames = [...]string{"", "minor", "moderate", "serious", "critical"}

// ParseSeverity parses "minor", "moderate", "serious" or "critical" (any
// letter case).
func ParseSeverity(s string) (Severity, error) {
	for i := Minor; i <= Critical; i++ {
		if strings.EqualFold(s, severityNames[i]) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%w %s: want minor, moderate, serious or critical", ErrSeverity, prose.Quote(s))
}

// IsValid reports whether s is one of the four levels.
func (s Severity) IsValid() bool { return s >= Minor && s <= Critical }

// String returns the level's name.
func (s Severity) String() string {
	if s.IsValid() {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// MarshalText returns the level's name.
func (s Severity) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("%w: %d", ErrSeverity, int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText parses a level's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
