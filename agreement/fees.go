package agreement

import (
	"github.com/practicekit/boundaries/agreement/money"
)

// Fees say what the service costs. Every amount in an agreement is in the
// currency of Session.
type Fees struct {
	// Session is the fee for one session. It sets the agreement's currency,
	// and shares of "the session fee" (cancellation tiers, no-show, wait
	// limit) are shares of it.
	Session money.Amount `json:"session,omitempty"`
	// Packages are prepaid bundles of sessions.
	Packages []Package `json:"packages,omitzero"`
	// Deposit is paid when the engagement is booked and credited against
	// the first fees; zero means no deposit.
	Deposit money.Amount `json:"deposit,omitempty"`
	// SlidingScale, when set, lets the session fee vary with the client's
	// means.
	SlidingScale *SlidingScale `json:"sliding_scale,omitzero"`
}

// present reports whether the clause says anything.
func (f Fees) present() bool {
	return !f.Session.IsZero() || len(f.Packages) > 0
}

// A Package is a prepaid bundle: Sessions sessions for Price. When a
// package is used or refunded, Price is split over its sessions with
// money.Amount.Split, so the parts always add up to Price.
type Package struct {
	Sessions int          `json:"sessions,omitzero"`
	Price    money.Amount `json:"price,omitempty"`
}

// A SlidingScale is the range the session fee may take, and who decides
// where in it a client falls.
type SlidingScale struct {
	Min      money.Amount `json:"min,omitempty"`
	Max      money.Amount `json:"max,omitempty"`
	Criteria string       `json:"criteria,omitempty"`
}
