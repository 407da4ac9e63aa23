package fit

import (
	"fmt"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/internal/strictjson"
)

// An Outcome is what a screening decides. Outcomes are stable codes, used as
// they are in JSON. The zero Outcome is invalid; every Decision has one.
type Outcome string

// The outcomes, from the mildest to the most pressing.
const (
	// Accept: the client is a fit.
	Accept Outcome = "accept"
	// AcceptWithConditions: the client is a fit once the Decision's
	// Conditions are met.
	AcceptWithConditions Outcome = "accept_with_conditions"
	// NeedsReview: the provider must look before deciding, because answers
	// are missing or invalid, concerns add up, or a band says so.
	NeedsReview Outcome = "needs_review"
	// Decline: a red flag (or a band) says no. Explain why with the
	// reasons, and refer elsewhere with the needs.
	Decline Outcome = "decline"
	// Refer: the service is not what the client needs; refer elsewhere
	// with the needs.
	Refer Outcome = "refer"
	// Urgent: a crisis indicator; refer at once, with the crisis
	// resources.
	Urgent Outcome = "urgent"
)

// IsValid reports whether o is one of the outcomes.
func (o Outcome) IsValid() bool {
	switch o {
	case Accept, AcceptWithConditions, NeedsReview, Decline, Refer, Urgent:
		return true
	}
	return false
}

// A Code is a stable, machine-readable reason for a decision. Hosts may
// switch on codes; the sentences in Reason.Message come from the
// screening and may change with it.
type Code string

// The reason codes.
const (
	CodeFit              Code = "fit"                     // nothing stood in the way
	CodeUrgent           Code = "urgent"                  // an urgent rule fired
	CodeCrisisUnanswered Code = "crisis_unanswered"       // a crisis question shown, or that missing answers might show, has no valid answer
	CodeRedFlag          Code = "red_flag"                // a red flag fired
	CodeOverridden       Code = "overridden"              // a red flag fired, but the provider overrode it
	CodeRefer            Code = "refer"                   // a refer rule fired
	CodeMissing          Code = "missing"                 // a shown required question is unanswered
	CodeInvalidAnswer    Code = "invalid_answer"          // a shown question's answer did not validate
	CodeConcern          Code = "concern"                 // a concern fired
	CodeConcerns         Code = "concerns"                // enough concerns fired to need review
	CodeBand             Code = "band"                    // the score fell in a band
	CodeCondition        Code = "condition"               // a conditional rule fired
	CodeNeed             Code = "need"                    // a need rule fired
	CodeIgnored          Code = "ignored"                 // an answer to a hidden question was ignored
	CodeOverrideUnknown  Code = "override_not_applicable" // an override names no red-flag rule
	CodeIncomplete       Code = "score_incomplete"        // a scale has items without a valid answer, so its bands were not read
)

// A Reason explains one part of a decision: a stable Code, the ID of the
// rule or band behind it, the question it concerns, and a sentence the
// provider can reuse to explain the decision to the client.
type Reason struct {
	Code     Code   `json:"code"`
	Rule     string `json:"rule,omitempty"`
	Question string `json:"question,omitempty"`
	Message  string `json:"message"`
}

// String returns the message followed by the code and rule.
func (r Reason) String() string {
	if r.Rule == "" {
		return fmt.Sprintf("%s [%s]", r.Message, r.Code)
	}
	return fmt.Sprintf("%s [%s %s]", r.Message, r.Code, r.Rule)
}

// A Total is a scale's score in a decision.
type Total struct {
	// Scale is the scale's ID.
	Scale string `json:"scale"`
	// Score is the sum of the scale's score rules over shown, valid
	// answers.
	Score float64 `json:"score"`
	// Items is the number of items the scale adds up, and Answered how
	// many of them have a valid answer.
	Items    int `json:"items"`
	Answered int `json:"answered"`
	// Complete says every shown item has a valid answer, so that Score is
	// the scale's total and its bands were read.
	Complete bool `json:"complete"`
}

// A Requirement is a condition on acceptance, set by a conditional rule.
type Requirement struct {
	// Rule is the ID of the conditional rule.
	Rule string `json:"rule"`
	// Text is the condition, such as "signs the boundaries acknowledgment
	// before the first session".
	Text string `json:"text"`
}

// A Decision is what evaluating answers gives: the outcome and everything
// behind it. Lists are in a fixed order that never depends on the order of
// the screening's questions or rules: Missing, Invalid and Ignored by
// question ID, Needs sorted and without repeats, Conditions by rule ID, and
// Reasons by importance, then by rule, band or question ID: urgent (and
// bands that say urgent), crisis_unanswered, red_flag (and bands that say
// decline), overridden, refer (and bands that say refer), missing,
// invalid_answer, score_incomplete, concern, concerns, bands that say
// needs_review, bands without an outcome, condition, need,
// override_not_applicable, ignored; and fit alone when there is nothing
// else to say.
//
// The zero Decision has no outcome; Evaluate always sets one.
type Decision struct {
	// Outcome is the decision.
	Outcome Outcome `json:"outcome"`
	// Score is the sum of the score rules over shown, valid answers.
	Score float64 `json:"score"`
	// Totals are the screening's scales, in scale ID order.
	Totals []Total `json:"totals,omitempty"`
	// Conditions are the conditions set by conditional rules that fired;
	// they apply when the client is accepted.
	Conditions []Requirement `json:"conditions,omitempty"`
	// Needs are tags for referral, from every rule and band that fired
	// (overridden red flags excepted).
	Needs []string `json:"needs,omitempty"`
	// Missing are the shown required (and crisis) questions without an
	// answer, and the crisis questions without one that missing answers
	// might show.
	Missing []string `json:"missing,omitempty"`
	// Invalid are the shown questions whose answer did not validate; they
	// count as unanswered.
	Invalid []string `json:"invalid,omitempty"`
	// Ignored are the hidden questions that had an answer; the answers
	// were left out of every rule and of the score.
	Ignored []string `json:"ignored,omitempty"`
	// Reasons explain the decision; there is always at least one.
	Reasons []Reason `json:"reasons"`
	// Resources are the crisis resources to offer, set for an urgent
	// decision from Options.Resources.
	Resources []contact.Resource `json:"resources,omitempty"`
}

// MarshalJSON encodes the decision.
func (d Decision) MarshalJSON() ([]byte, error) {
	type plain Decision
	return strictjson.Marshal(plain(d))
}

// UnmarshalJSON decodes a decision strictly.
func (d *Decision) UnmarshalJSON(b []byte) error {
	type plain Decision
	return strictjson.Unmarshal(b, (*plain)(d), strictjson.Limits{})
}

// Options are the evaluation's inputs besides the answers. The zero Options
// overrides nothing and offers no resources.
type Options struct {
	// Overrides are the IDs of red-flag rules the provider has chosen to
	// override: when they fire they are reported (overridden) but do not
	// decline. Other rules cannot be overridden; naming one is reported.
	Overrides []string `json:"overrides,omitempty"`
	// Resources are the crisis resources listed with an urgent decision,
	// such as an emergency number and a crisis line for the client's
	// region.
	Resources []contact.Resource `json:"resources,omitempty"`
}
