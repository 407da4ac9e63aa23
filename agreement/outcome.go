package agreement

import (
	"time"

	"github.com/practicekit/boundaries/agreement/money"

	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Line is an amount of money with the clause it comes from: a charge to
// the client, a refund to the client, or an amount the provider retains.
type Line struct {
	Clause  ClauseID     `json:"clause,omitempty"`
	Amount  money.Amount `json:"amount,omitempty"`
	Message string       `json:"message,omitempty"`
}

// An Outcome is what the terms say about one event: money charged,
// refunded and retained, breaches, actions, and the reasons for each.
// Outcomes of the same event under the same terms are equal. The zero
// Outcome records nothing.
type Outcome struct {
	// Event is the kind of event evaluated, and At its instant.
	Event EventKind `json:"event,omitempty"`
	At    time.Time `json:"at,omitzero"`
	// Charges are amounts the client owes the provider.
	Charges []Line `json:"charges,omitzero"`
	// Refunds are amounts the provider returns to the client.
	Refunds []Line `json:"refunds,omitzero"`
	// Retained are amounts already paid that the provider keeps although
	// unused (non-refundable parts).
	Retained []Line `json:"retained,omitzero"`
	// Breaches are the terms broken.
	Breaches []Breach `json:"breaches,omitzero"`
	// Actions are what to do.
	Actions []Action `json:"actions,omitzero"`
	// Reasons explain every line, breach and action.
	Reasons []Reason `json:"reasons,omitzero"`
}

// MarshalJSON encodes the outcome with the field names in its struct tags,
// leaving out the lists that are nil.
func (o Outcome) MarshalJSON() ([]byte, error) {
	type plain Outcome
	return strictjson.Marshal(plain(o))
}

// UnmarshalJSON decodes an outcome strictly.
func (o *Outcome) UnmarshalJSON(b []byte) error {
	type plain Outcome
	return strictjson.Unmarshal(b, (*plain)(o), strictjson.Limits{})
}

// Has reports whether the outcome includes an action with code c.
func (o Outcome) Has(c ActionCode) bool {
	for _, a := range o.Actions {
		if a.Code == c {
			return true
		}
	}
	return false
}
