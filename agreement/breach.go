package agreement

import "time"

// A Breach is a term one party broke, with the consequence it meets.
type Breach struct {
	// Party is who broke the term.
	Party Role `json:"party,omitempty"`
	// Clause is the term broken.
	Clause ClauseID `json:"clause,omitempty"`
	// Severity is how serious the breach is.
	Severity Severity `json:"severity,omitzero"`
	// Consequence is what the breach meets on the graduated response; for
	// the provider's breaches it is ConsequenceNote.
	Consequence Consequence `json:"consequence,omitzero"`
	// Step is the ladder step behind Consequence, such as
	// "boundaries.romantic.ladder[1]"; empty when no ladder applies.
	Step ClauseID `json:"step,omitempty"`
	// Count is how many breaches the ladder has counted, this one
	// included: 2 for the second.
	Count int `json:"count,omitzero"`
	// At is when the breach happened.
	At time.Time `json:"at,omitzero"`
	// Message is a sentence a provider can show.
	Message string `json:"message,omitempty"`
}
