package agreement

import (
	"errors"
	"fmt"
	"strings"

	"github.com/practicekit/boundaries/internal/prose"
)

// A Consequence is what a breach meets on a rung of a graduated response
// (a Ladder): a note, a written warning, a fee, or the right to end the
// engagement. Consequences are ordered from mild to final. The zero
// Consequence is unset.
type Consequence int8

// The consequences.
const (
	// ConsequenceNote records the breach and mentions it to the client.
	ConsequenceNote Consequence = 1
	// ConsequenceWarning tells the client in writing that a repeat has
	// consequences.
	ConsequenceWarning Consequence = 2
	// ConsequenceFee charges the step's fee.
	ConsequenceFee Consequence = 3
	// ConsequenceTermination gives the provider the right to end the
	// engagement at once, as an immediate ground.
	ConsequenceTermination Consequence = 4
)

// ErrConsequence is matched (errors.Is) by every error from
// ParseConsequence.
var ErrConsequence = errors.New("invalid consequence")

var consequenceNames = [...]string{"", "note", "warning", "fee", "termination"}

// ParseConsequence parses "note", "warning", "fee" or "termination" (any
// letter case).
func ParseConsequence(s string) (Consequence, error) {
	for i := ConsequenceNote; i <= ConsequenceTermination; i++ {
		if strings.EqualFold(s, consequenceNames[i]) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%w %s: want note, warning, fee or termination", ErrConsequence, prose.Quote(s))
}

// IsValid reports whether r is one of the four consequences.
func (r Consequence) IsValid() bool { return r >= ConsequenceNote && r <= ConsequenceTermination }

// String returns the consequence's name.
func (r Consequence) String() string {
	if r.IsValid() {
		return consequenceNames[r]
	}
	return fmt.Sprintf("Consequence(%d)", int(r))
}

// MarshalText returns the consequence's name.
func (r Consequence) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fmt.Errorf("%w: %d", ErrConsequence, int(r))
	}
	return []byte(r.String()), nil
}

// UnmarshalText parses a consequence's name.
func (r *Consequence) UnmarshalText(b []byte) error {
	v, err := ParseConsequence(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
