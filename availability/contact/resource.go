package contact

import "github.com/practicekit/boundaries/availability"

// A Resource is somewhere a person can turn when the provider is not the
// right or the available answer: an emergency number, a crisis line, a
// walk-in clinic. Resources are dated data the host passes in: phone
// numbers and services change, so each one says when it was last checked.
type Resource struct {
	// ID is a stable identifier, such as "us-988".
	ID string `json:"id"`
	// Name is what the resource is called, such as "988 Suicide & Crisis
	// Lifeline".
	Name string `json:"name"`
	// Contact is how to reach it: a phone number, a text short code or a URL.
	Contact string `json:"contact"`
	// Region is where it serves, as an ISO 3166 code ("US", "GB", "DE") or
	// a subdivision ("US-CA"); empty means anywhere.
	Region string `json:"region,omitempty"`
	// Kind classifies it, such as "emergency", "crisis_line" or "on_call".
	Kind string `json:"kind,omitempty"`
	// Hours describes when it answers, such as "24/7"; empty means always.
	Hours string `json:"hours,omitempty"`
	// Checked is the date the details were last confirmed.
	Checked availability.Date `json:"checked,omitzero"`
}
