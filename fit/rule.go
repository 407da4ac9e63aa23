package fit

// A Kind says what a rule does when it fires. Kinds are stable codes, used
// as they are in JSON.
type Kind string

// The rule kinds.
const (
	// KindRedFlag declines the client unless the provider overrides the rule
	// (Options.Overrides).
	KindRedFlag Kind = "red_flag"
	// KindConcern is a doubt; several together (Screening.ReviewAt, 2 by
	// default) need the provider's review.
	KindConcern Kind = "concern"
	// KindScore adds to the screening's score: Weight when the trigger fires,
	// or Weight times the answer to Question for an item score. Bands turn
	// the score into outcomes and needs.
	KindScore Kind = "score"
	// KindNeed adds the rule's Needs, tags handed to referral (such as
	// "fitness_coaching"). A need rule without a trigger always fires.
	KindNeed Kind = "need"
	// KindCondition accepts the client only with a condition, the rule's
	// Text, such as "signs the boundaries acknowledgment before the first
	// session". A conditional rule without a trigger always fires.
	KindCondition Kind = "condition"
	// KindUrgent marks a crisis indicator: refer at once, with the crisis
	// resources the caller passes (Options.Resources). It cannot be
	// overridden.
	KindUrgent Kind = "urgent"
	// KindRefer says the service is not what the client needs: refer elsewhere
	// with the rule's Needs.
	KindRefer Kind = "refer"
)

// IsValid reports whether k is one of the rule kinds.
func (k Kind) IsValid() bool {
	switch k {
	case KindRedFlag, KindConcern, KindScore, KindNeed, KindCondition, KindUrgent, KindRefer:
		return true
	}
	return false
}

// A Rule turns answers into a decision. It fires on one trigger: When (a
// condition), Overlap (weekly times against the provider's hours) or
// Distance (a place against the provider's base). A score rule may instead
// name Question, to add Weight times its answer (an item score).
//
// The zero Rule is invalid: it needs an ID, a Kind and a trigger (need and
// conditional rules may go without one and then always fire).
type Rule struct {
	// ID identifies the rule in reasons and overrides.
	ID string `json:"id"`
	// Kind says what the rule does when it fires.
	Kind Kind `json:"kind"`
	// Section groups rules with their questions; see Screening.Only.
	Section Section `json:"section,omitempty"`
	// When fires the rule when the condition holds.
	When *Condition `json:"when,omitzero"`
	// Overlap fires the rule when the client's weekly times overlap the
	// provider's open hours too little.
	Overlap *Overlap `json:"overlap,omitzero"`
	// Distance fires the rule when the client's place is too far from the
	// provider's base, or remote when the service is not.
	Distance *Distance `json:"distance,omitzero"`
	// Question is the item a score rule adds up: Weight times its answer
	// (a number, a scale, 1 for yes and 0 for no, an unease level, or the
	// Score of the chosen options).
	Question string `json:"question,omitempty"`
	// Weight is what a score rule adds, or multiplies its item by.
	Weight float64 `json:"weight,omitzero"`
	// Scale is the ID of the scale a score rule adds to; empty means the
	// screening's score.
	Scale string `json:"scale,omitempty"`
	// Needs are tags handed to referral when the rule fires.
	Needs []string `json:"needs,omitempty"`
	// Text is the condition a conditional rule sets on acceptance.
	Text string `json:"text,omitempty"`
	// Message is the sentence the provider can reuse to explain the rule
	// to the client; required for every kind but score.
	Message string `json:"message,omitempty"`
	// Why records why the rule exists, for the provider.
	Why string `json:"why,omitempty"`
}

// Overlap compares the client's preferred weekly times (a times
// question) with the provider's open hours over one representative week.
type Overlap struct {
	// Question is the ID of the times question.
	Question string `json:"question"`
	// MinHours is the least overlap per week that fits; the rule fires
	// below it.
	MinHours float64 `json:"min_hours"`
}

// Distance compares the client's place (a location question) with the
// provider's base by great-circle distance.
type Distance struct {
	// Question is the ID of the location question.
	Question string `json:"question"`
	// MaxKm is the service radius; the rule fires beyond it.
	MaxKm float64 `json:"max_km"`
	// Remote says the service is offered remotely; when false, a "remote"
	// answer fires the rule too.
	Remote bool `json:"remote,omitzero"`
}

// A Band maps a range of scores to an outcome, needs, or both: "a total of
// 10–14 needs review", "15–27 refer, need depression_care". Bands are
// closed ranges [Min, Max] and may overlap; every band the score falls in
// fires. A band of a scale fires only when the scale is complete, and its
// reason cites the scale and its total: "PHQ-9 total 17: moderately
// severe".
type Band struct {
	// ID identifies the band in reasons.
	ID string `json:"id"`
	// Scale is the ID of the scale the band reads; empty means the
	// screening's score.
	Scale string `json:"scale,omitempty"`
	// Min and Max bound the band, inclusive.
	Min float64 `json:"min"`
	Max float64 `json:"max"`
	// Outcome is what the band decides: NeedsReview, Decline, Refer or
	// Urgent; empty means none (the band only adds needs or
	// explains the score).
	Outcome Outcome `json:"outcome,omitempty"`
	// Needs are tags handed to referral when the band fires.
	Needs []string `json:"needs,omitempty"`
	// Message explains the band to the client. For a band of a scale it
	// names the band, such as "moderately severe", and the reason reads
	// "PHQ-9 total 17: moderately severe".
	Message string `json:"message"`
}

// A Scale is a named score of a screening, such as a validated
// instrument's total. Score rules that name it add to it rather than to
// the screening's score, bands that name it read it, and every decision
// reports it (Decision.Totals). A scale is complete when each item it
// adds up (score rules with a Question) has a valid answer, or is not
// shown; until then its bands do not fire and the decision needs review,
// because a total with items missing is not the instrument's total.
type Scale struct {
	// ID identifies the scale in rules, bands, totals and reasons.
	ID string `json:"id"`
	// Name is how reasons cite it, such as "PHQ-9".
	Name string `json:"name"`
	// Source cites the published scoring and bands the scale follows.
	Source string `json:"source,omitempty"`
}
