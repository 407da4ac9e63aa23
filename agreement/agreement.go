package agreement

import (
	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/internal/jsoncodec"
)

// An Agreement is the terms of one engagement between a provider and a
// client: who the parties are, and one typed field per clause. Each clause
// and each of its parts has a stable ClauseID (see the package
// documentation), which rendering, validation, evaluation and diffs all
// cite.
//
// An Agreement is a value: the package never changes one it is given, and
// callers should not change the slices of an agreement they have handed to
// a Ledger. The zero Agreement is not valid (it has no ID, parties or
// fees); a clause whose fields are all zero is absent, and absent clauses
// are left out of rendered documents.
type Agreement struct {
	// ID identifies the agreement across its versions.
	ID string `json:"id"`
	// Version counts the versions, from 1. A material change (see Diff)
	// calls for a new version and a new signature.
	Version int `json:"version"`
	// Title heads the rendered document; it is not a term.
	Title string `json:"title,omitempty"`
	// Parties sign the agreement: at least a provider and a client.
	Parties []Party `json:"parties"`

	Scope                Scope                `json:"scope"`
	Sessions             Sessions             `json:"sessions"`
	Fees                 Fees                 `json:"fees"`
	Payment              Payment              `json:"payment"`
	Cancellation         Cancellation         `json:"cancellation"`
	Lateness             Lateness             `json:"lateness"`
	Wait                 Wait                 `json:"wait"`
	ProviderCancellation ProviderCancellation `json:"provider_cancellation"`
	Communication        Communication        `json:"communication"`
	Emergency            Emergency            `json:"emergency"`
	Boundaries           Boundaries           `json:"boundaries,omitempty"`
	Confidentiality      Confidentiality      `json:"confidentiality"`
	Termination          Termination          `json:"termination"`
	ForceMajeure         ForceMajeure         `json:"force_majeure"`
	Obligations          Obligations          `json:"obligations"`
}

// MarshalJSON encodes the agreement with the field names shown in its
// struct tags; durations are strings ("50m0s") and money is "USD 120.00".
func (a Agreement) MarshalJSON() ([]byte, error) {
	type plain Agreement
	return jsoncodec.Marshal(plain(a))
}

// UnmarshalJSON decodes an agreement strictly: unknown fields, wrong types
// and oversized input are errors that name the path where they occur.
func (a *Agreement) UnmarshalJSON(b []byte) error {
	type plain Agreement
	return jsoncodec.Unmarshal(b, (*plain)(a), jsoncodec.Limits{})
}

// Party returns the first party with role r, and whether there is one.
func (a Agreement) Party(r Role) (Party, bool) {
	for _, p := range a.Parties {
		if p.Role == r {
			return p, true
		}
	}
	return Party{}, false
}

// money.Currency returns the agreement's currency: the currency of the session
// fee.
func (a Agreement) Currency() money.Currency { return a.Fees.Session.Currency() }
