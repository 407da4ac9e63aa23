package agreement

import (
	"time"

	"github.com/practicekit/boundaries/agreement/money"
)

// Payment says when and how fees are paid.
type Payment struct {
	// Within is how long after a session, or an invoice, payment is due;
	// zero means at the session.
	Within time.Duration `json:"within,omitzero"`
	// Grace is how long after the due time a payment is still not late.
	Grace time.Duration `json:"grace,omitzero"`
	// LateFee is charged for a late payment; zero means none.
	LateFee money.Amount `json:"late_fee,omitempty"`
	// Methods are the accepted ways to pay, such as "card" or "bank
	// transfer".
	Methods []string `json:"methods,omitzero"`
}

// present reports whether the clause says anything.
func (p Payment) present() bool {
	return p.Within != 0 || p.Grace != 0 || !p.LateFee.IsZero() || len(p.Methods) > 0
}
