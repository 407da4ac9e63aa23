package agreement

import (
	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// An Account is the money of an engagement at one moment, in the
// agreement's currency. Every amount the client paid is in exactly one of
// four places, so that always
//
//	Charged + Refunded + Retained + Held == Paid
//
// to the minor unit. Charges the client's money does not cover yet are
// Outstanding, outside that sum, until a payment settles them. The zero
// Account has no currency; a Ledger starts from zero amounts in the
// agreement's currency.
type Account struct {
	// Paid is everything the client paid.
	Paid money.Amount `json:"paid,omitempty"`
	// Charged is the part of Paid that settled charges: sessions held,
	// prepaid sessions used, fees.
	Charged money.Amount `json:"charged,omitempty"`
	// Refunded is the part of Paid returned to the client.
	Refunded money.Amount `json:"refunded,omitempty"`
	// Retained is the part of Paid the provider kept although unused:
	// non-refundable parts at termination.
	Retained money.Amount `json:"retained,omitempty"`
	// Held is the part of Paid not yet charged, refunded or retained:
	// prepaid sessions and credit.
	Held money.Amount `json:"held,omitempty"`
	// Outstanding is what the client owes: charges not covered by Held.
	Outstanding money.Amount `json:"outstanding,omitempty"`
	// Prepaid is the number of prepaid sessions left.
	Prepaid int `json:"prepaid,omitzero"`
}

// MarshalJSON encodes the account with the field names in its struct
// tags, leaving out zero values.
func (a Account) MarshalJSON() ([]byte, error) {
	type plain Account
	return strictjson.Marshal(plain(a))
}

// UnmarshalJSON decodes an account strictly.
func (a *Account) UnmarshalJSON(b []byte) error {
	type plain Account
	return strictjson.Unmarshal(b, (*plain)(a), strictjson.Limits{})
}

// check returns ErrConservation unless the four places add up to Paid.
func (a Account) check() error {
	return conserve(a.Paid, a.Charged, a.Refunded, a.Retained, a.Held)
}
