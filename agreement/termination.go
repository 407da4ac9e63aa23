package agreement

import (
	"errors"
	"fmt"
	"time"

	"github.com/practicekit/boundaries/internal/prose"
)

// Termination says how either party ends the engagement and what happens to
// money paid in advance.
//
// When the client ends it, or the provider ends it on one of the Grounds,
// unused prepaid sessions are refunded as Refund says, less the
// NonRefundable share. When the provider ends it for any other reason (a
// decline after a consultation, closing the practice), everything unused
// is refunded, non-refundable parts included.
type Termination struct {
	// Notice is the notice each party gives.
	Notice Notice `json:"notice,omitzero"`
	// Grounds are the reasons that let the provider end the engagement at
	// once, without notice. In a Ledger, a ladder step with
	// ConsequenceTermination that a breach reached, and a reached cancellation
	// limit, give that right too (see Event.Ground).
	Grounds []Ground `json:"grounds,omitzero"`
	// Refund says how unused prepaid sessions are refunded.
	Refund RefundRule `json:"refund,omitempty"`
	// NonRefundable is the share of the amount paid for prepaid sessions
	// that the provider keeps when the client ends the engagement, in basis
	// points (an intake or booking share); it never exceeds what is unused.
	NonRefundable int `json:"non_refundable,omitzero"`
}

// present reports whether the clause says anything.
func (t Termination) present() bool {
	return t.Notice != Notice{} || len(t.Grounds) > 0 || t.Refund != "" || t.NonRefundable != 0
}

// ground returns the ground with the given key, and whether there is one.
func (t Termination) ground(key string) (Ground, bool) {
	for _, g := range t.Grounds {
		if g.Key == key {
			return g, true
		}
	}
	return Ground{}, false
}

// Notice is the notice each party gives to end the engagement; zero means
// with immediate effect.
type Notice struct {
	Client   time.Duration `json:"client,omitzero"`
	Provider time.Duration `json:"provider,omitzero"`
}

// of returns the notice the party with role r gives.
func (n Notice) of(r Role) time.Duration {
	if r == RoleProvider {
		return n.Provider
	}
	return n.Client
}

// A Ground is a reason that lets the provider end the engagement at once.
type Ground struct {
	// Key names the ground in clause IDs ("termination.grounds.nonpayment").
	Key string `json:"key,omitempty"`
	// Text states the ground.
	Text string `json:"text,omitempty"`
}

// A RefundRule says how unused prepaid sessions are refunded. The zero
// RefundRule is ProRata.
type RefundRule string

// The refund rules.
const (
	// ProRata refunds each unused session's part of its package price.
	ProRata RefundRule = "pro_rata"
	// NoRefund keeps unused sessions' money when the client ends the
	// engagement.
	NoRefund RefundRule = "none"
)

// ErrRefundRule is matched (errors.Is) by every error from ParseRefundRule.
var ErrRefundRule = errors.New("invalid refund rule")

// ParseRefundRule parses "pro_rata" or "none".
func ParseRefundRule(s string) (RefundRule, error) {
	r := RefundRule(s)
	if r == "" || !r.IsValid() {
		return "", fmt.Errorf("%w %s: want pro_rata or none", ErrRefundRule, prose.Quote(s))
	}
	return r, nil
}

// IsValid reports whether r is the zero rule, ProRata or NoRefund.
func (r RefundRule) IsValid() bool { return r == "" || r == ProRata || r == NoRefund }
