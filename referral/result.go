package referral

import (
	"fmt"

	"github.com/practicekit/boundaries/availability/contact"
	"github.com/practicekit/boundaries/availability/place"

	"github.com/practicekit/boundaries/internal/prose"
)

// A Code is a stable, machine-readable reason for a routing decision. Hosts
// may switch on codes; the sentences in Reason.Message may change.
type Code string

// The reason codes.
const (
	// On a match.
	CodeMeets     Code = "meets"     // the match meets a constraint (hard, or soft and reported)
	CodeMisses    Code = "misses"    // the match misses a constraint that is not hard
	CodeFresh     Code = "fresh"     // the match's intake facts are fresh
	CodeStale     Code = "stale"     // the match's intake facts are stale or were never confirmed
	CodeRotation  Code = "rotation"  // rotation or priority ordered the match among near-equal ones
	CodeImmediate Code = "immediate" // the match has immediate capacity (emergency)

	// On a result.
	CodeExcluded     Code = "excluded"       // providers the request excluded
	CodeStaleDropped Code = "stale_dropped"  // providers left out for stale facts
	CodeDiversity    Code = "diversity"      // providers left out by the limit per practice
	CodeNoMatch      Code = "no_match"       // no provider meets every hard constraint
	CodeConstraint   Code = "constraint"     // how many providers pass one hard constraint, and what relaxing it gives
	CodeCrisisFirst  Code = "crisis_first"   // an emergency: crisis resources come first
	CodeCrisisAll    Code = "crisis_all"     // no crisis resource is listed for the region: all are given
	CodeCrisisBuilt  Code = "crisis_builtin" // no crisis resources were passed: CrisisExamples are given
	CodeNoImmediate  Code = "no_immediate"   // no provider has immediate capacity (emergency)
)

// A Reason explains one routing decision: a stable Code, the rule behind it
// (an options path such as "hard.language", "weights.distance", "stale",
// "rotation", "max_per_practice", or a crisis resource's ID), and a
// sentence a provider can show.
type Reason struct {
	Code    Code   `json:"code,omitempty"`
	Rule    string `json:"rule,omitempty"`
	Message string `json:"message,omitempty"`
}

// String returns the message followed by the code.
func (r Reason) String() string { return fmt.Sprintf("%s [%s]", r.Message, r.Code) }

// A Factor is one of the weighted soft preferences that score a match.
type Factor uint8

// The factors; Weights describes how each scores.
const (
	FactorNeeds Factor = iota
	FactorLanguage
	FactorDistance
	FactorFee
	FactorInsurance
	FactorTimes

	factorCount
)

// String returns the factor's name: "needs", "language", "distance",
// "fee", "insurance" or "times".
func (f Factor) String() string {
	switch f {
	case FactorNeeds:
		return "needs"
	case FactorLanguage:
		return "language"
	case FactorDistance:
		return "distance"
	case FactorFee:
		return "fee"
	case FactorInsurance:
		return "insurance"
	case FactorTimes:
		return "times"
	}
	return fmt.Sprintf("Factor(%d)", uint8(f))
}

// MarshalText returns the factor's name.
func (f Factor) MarshalText() ([]byte, error) {
	if f >= factorCount {
		return nil, fmt.Errorf("invalid factor %d", uint8(f))
	}
	return []byte(f.String()), nil
}

// UnmarshalText parses a factor's name.
func (f *Factor) UnmarshalText(b []byte) error {
	for g := range factorCount {
		if g.String() == string(b) {
			*f = g
			return nil
		}
	}
	return fmt.Errorf("invalid factor %s: want needs, language, distance, fee, insurance or times", prose.Quote(string(b)))
}

// of returns the weight of factor f.
func (w Weights) of(f Factor) float64 {
	switch f {
	case FactorNeeds:
		return w.Needs
	case FactorLanguage:
		return w.Language
	case FactorDistance:
		return w.Distance
	case FactorFee:
		return w.Fee
	case FactorInsurance:
		return w.Insurance
	case FactorTimes:
		return w.Times
	}
	return 0
}

// A Component is one factor's part in a match's score: the factor's
// weight, its value between 0 and 1, the points it adds to the score
// (weight × value ÷ the sum of the weights that apply), and a sentence.
type Component struct {
	Factor  Factor  `json:"factor"`
	Weight  float64 `json:"weight,omitzero"`
	Value   float64 `json:"value,omitzero"`
	Points  float64 `json:"points,omitzero"`
	Message string  `json:"message,omitempty"`
}

// A Match is a provider routing suggests, with the score and why.
type Match struct {
	// ID and Name identify the provider; Practice is theirs.
	ID       string `json:"id,omitempty"`
	Name     string `json:"name,omitempty"`
	Practice string `json:"practice,omitempty"`
	// Score is between 0 and 1: the sum of the components' points, less
	// any stale penalty.
	Score float64 `json:"score,omitzero"`
	// Modalities are the ways the provider can serve this client; when the
	// request says neither where nor how the client is to be served, they
	// are the provider's own.
	Modalities place.Modality `json:"modalities,omitempty"`
	// DistanceKm is the distance between the client and the provider when
	// both locations are known, and 0 otherwise.
	DistanceKm float64 `json:"distance_km,omitzero"`
	// Components break the score down by factor, for the factors that
	// apply to the request.
	Components []Component `json:"components,omitempty"`
	// Reasons say which constraints the provider meets and misses, how
	// fresh their facts are, and how rotation placed them.
	Reasons []Reason `json:"reasons,omitempty"`
}

// A Count says how one hard constraint narrowed the directory: how many
// of the providers considered pass it, and how many more matches there
// would be if it alone were relaxed (providers who pass every other hard
// constraint but not this one).
type Count struct {
	Constraint Constraint `json:"constraint,omitempty"`
	Pass       int        `json:"pass,omitzero"`
	Relaxed    int        `json:"relaxed,omitzero"`
}

// A Result is the answer to a routing request.
type Result struct {
	// Crisis holds, for an emergency, the crisis resources for the
	// client's region, in the listed order; they come before any match.
	Crisis []contact.Resource `json:"crisis,omitempty"`
	// Matches are the best providers, best first.
	Matches []Match `json:"matches,omitempty"`
	// Considered is the number of providers not excluded by the request.
	Considered int `json:"considered,omitzero"`
	// Eligible is the number of providers that met every hard constraint
	// and the stale and emergency policies.
	Eligible int `json:"eligible,omitzero"`
	// Counts say, when nothing matched, how each hard constraint narrowed
	// the directory and what relaxing it would give.
	Counts []Count `json:"counts,omitempty"`
	// Reasons explain the result as a whole: exclusions, providers left
	// out, crisis resources, and why nothing matched.
	Reasons []Reason `json:"reasons,omitempty"`
	// Rotation is the rotation state after this routing, as
	// Options.Record says.
	Rotation Rotation `json:"rotation,omitzero"`
}

// IsEmpty reports whether the result offers nothing: no crisis resource
// and no match. An emergency's result is never empty.
func (r Result) IsEmpty() bool { return len(r.Crisis) == 0 && len(r.Matches) == 0 }
