package agreement

import (
	"github.com/practicekit/boundaries/internal/strictjson"
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
	ID string `json:"id,omitempty"`
	// Version counts the versions, from 1. A material change (see Diff)
	// calls for a new version and a new signature.
	Version int `json:"version,omitzero"`
	// Title heads the rendered document; it is not a term.
	Title string `json:"title,omitempty"`
	// Parties sign the agreement: at least a provider and a client.
	Parties []Party `json:"parties,omitzero"`

	Scope                Scope                `json:"scope,omitzero"`
	Sessions             Sessions             `json:"sessions,omitzero"`
	Fees                 Fees                 `json:"fees,omitzero"`
	Payment              Payment              `json:"payment,omitzero"`
	Cancellation         Cancellation         `json:"cancellation,omitzero"`
	Lateness             Lateness             `json:"lateness,omitzero"`
	Wait                 Wait                 `json:"wait,omitzero"`
	ProviderCancellation ProviderCancellation `json:"provider_cancellation,omitzero"`
	Communication        Communication        `json:"communication,omitempty"`
	Emergency            Emergency            `json:"emergency,omitzero"`
	Boundaries           Boundaries           `json:"boundaries,omitzero"`
	Confidentiality      Confidentiality      `json:"confidentiality,omitzero"`
	Termination          Termination          `json:"termination,omitzero"`
	ForceMajeure         ForceMajeure         `json:"force_majeure,omitzero"`
	Obligations          Obligations          `json:"obligations,omitzero"`
}

// MarshalJSON encodes the agreement with the field names shown in its
// struct tags, as a person would write it: durations as text ("50m",
// "1h30m", "14d"), money as "USD 120.00", and zero values (absent clauses,
// zero durations and counts, the zero amount) left out, and so is a
// communication clause that would write as {} (a policy of empty lists).
// Decoding the result gives back an agreement that encodes the same.
func (a Agreement) MarshalJSON() ([]byte, error) {
	type plain Agreement
	return strictjson.Marshal(plain(a))
}

// UnmarshalJSON decodes an agreement strictly: unknown or duplicate
// members, values of the wrong kind, invalid UTF-8 and input beyond 4 MiB,
// 64 levels or 100,000 elements are errors. The error is a problem.List of
// one problem whose path names where the input broke
// ("cancellation.tiers[1].share"). Durations are read as "50m", "1h30m",
// "14d", "2w" or "1.5h".
func (a *Agreement) UnmarshalJSON(b []byte) error {
	type plain Agreement
	return strictjson.Unmarshal(b, (*plain)(a), strictjson.Limits{})
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
