package agreement

import (
	"errors"
	"fmt"
	"time"

	"github.com/practicekit/boundaries/internal/prose"
)

// A Remedy is what a client receives when the provider cancels a session.
// The zero Remedy is unset.
type Remedy string

// The remedies.
const (
	// RemedyMakeUp replaces the session with another one at no charge.
	RemedyMakeUp Remedy = "make_up"
	// RemedyRefund returns what was paid for the session.
	RemedyRefund Remedy = "refund"
	// RemedyChoice offers a make-up session or a refund, as the client
	// prefers.
	RemedyChoice Remedy = "client_chooses"
)

// ErrRemedy is matched (errors.Is) by every error from ParseRemedy.
var ErrRemedy = errors.New("invalid remedy")

// ParseRemedy parses "make_up", "refund" or "client_chooses".
func ParseRemedy(s string) (Remedy, error) {
	r := Remedy(s)
	if !r.IsValid() {
		return "", fmt.Errorf("%w %s: want make_up, refund or client_chooses", ErrRemedy, prose.Quote(s))
	}
	return r, nil
}

// IsValid reports whether r is one of the remedies.
func (r Remedy) IsValid() bool { return r == RemedyMakeUp || r == RemedyRefund || r == RemedyChoice }

// ProviderCancellation says how much notice the provider gives when
// cancelling a session, and what the client receives.
type ProviderCancellation struct {
	// Notice is the notice the provider promises; cancelling with less is
	// a breach on the provider's side.
	Notice time.Duration `json:"notice,omitzero"`
	// Remedy is what the client receives for a cancelled session.
	Remedy Remedy `json:"remedy,omitempty"`
}

// present reports whether the clause says anything.
func (p ProviderCancellation) present() bool { return p.Notice != 0 || p.Remedy != "" }
