package referral

import (
	"errors"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Constraint is a set of the request's conditions that routing can treat
// as hard: a provider who fails a hard constraint is not a match. Its text
// form lists names separated by commas: "needs,language,reach".
type Constraint uint16

// The constraints. Each applies only when the request gives what it needs:
// ConstraintLanguage only when the request names a language, and so on.
const (
	// ConstraintNeeds: the provider meets every must-have need.
	ConstraintNeeds Constraint = 1 << iota
	// ConstraintLanguage: the provider speaks the client's language
	// (same primary subtag).
	ConstraintLanguage
	// ConstraintReach: the provider can serve the client: remotely, when
	// both work remotely, or in person within the client's distance and
	// the provider's radius. It applies when the request gives a location
	// or modalities; then a client without a location is reached remotely
	// only. A request with neither says nothing about reach, and every
	// provider passes.
	ConstraintReach
	// ConstraintRegion: the provider may practise in the client's region.
	ConstraintRegion
	// ConstraintAccepting: the provider is accepting new clients and, when
	// capacity is tracked, has room for one.
	ConstraintAccepting
	// ConstraintBudget: the provider publishes fees in the budget's
	// currency, and the lowest is within the budget or the provider offers
	// a sliding scale. Fees that are not published do not pass: they
	// cannot be shown to fit.
	ConstraintBudget
	// ConstraintInsurance: the provider is in the client's insurance
	// network.
	ConstraintInsurance

	constraintEnd
)

// DefaultHard is the set of hard constraints used when Options.Hard is zero.
const DefaultHard = ConstraintNeeds | ConstraintLanguage | ConstraintReach | ConstraintRegion | ConstraintAccepting

// name returns the text name of a single constraint.
func (c Constraint) name() string {
	switch c {
	case ConstraintNeeds:
		return "needs"
	case ConstraintLanguage:
		return "language"
	case ConstraintReach:
		return "reach"
	case ConstraintRegion:
		return "region"
	case ConstraintAccepting:
		return "accepting"
	case ConstraintBudget:
		return "budget"
	case ConstraintInsurance:
		return "insurance"
	}
	return fmt.Sprintf("Constraint(%d)", uint16(c))
}

// ErrConstraint is matched (errors.Is) by every error from ParseConstraint.
var ErrConstraint = errors.New("invalid constraint")

// ParseConstraint parses names separated by commas, such as
// "needs,language,reach": needs, language, reach, region, accepting,
// budget, insurance. The empty string is the empty set.
func ParseConstraint(s string) (Constraint, error) {
	var c Constraint
	if s == "" {
		return 0, nil
	}
next:
	for part := range strings.SplitSeq(s, ",") {
		for k := Constraint(1); k < constraintEnd; k <<= 1 {
			if k.name() == part {
				c |= k
				continue next
			}
		}
		return 0, fmt.Errorf("%w %s: %s is not needs, language, reach, region, accepting, budget or insurance", ErrConstraint, prose.Quote(s), prose.Quote(part))
	}
	return c, nil
}

// Has reports whether every constraint of o is in c.
func (c Constraint) Has(o Constraint) bool { return c&o == o }

// IsValid reports whether c holds only known constraints.
func (c Constraint) IsValid() bool { return c < constraintEnd }

// All returns the constraints of c one by one, in order.
func (c Constraint) All() iter.Seq[Constraint] {
	return func(yield func(Constraint) bool) {
		for k := Constraint(1); k < constraintEnd; k <<= 1 {
			if c&k != 0 && !yield(k) {
				return
			}
		}
	}
}

// String returns the names of the constraints in c separated by commas.
func (c Constraint) String() string {
	var b strings.Builder
	for k := range c.All() {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(k.name())
	}
	if rest := c &^ (constraintEnd - 1); rest != 0 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "Constraint(%d)", uint16(rest))
	}
	return b.String()
}

// MarshalText returns the text form.
func (c Constraint) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, fmt.Errorf("%w: %d", ErrConstraint, uint16(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText parses the text form.
func (c *Constraint) UnmarshalText(b []byte) error {
	v, err := ParseConstraint(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Weights weigh the soft preferences that score a match; each is at most
// 1,000,000. Each factor scores between 0 and 1; a match's score is the
// weighted mean of the factors that apply to the request (a factor
// applies when the request gives what it needs and its weight is
// positive), so scores are between 0 and 1. A zero Weights means
// DefaultWeights; otherwise a zero weight turns its factor off.
type Weights struct {
	// Needs scores the share of the client's needs the provider meets:
	// the preferred ones when ConstraintNeeds is hard, all of them
	// otherwise.
	Needs float64 `json:"needs,omitzero"`
	// Language scores 1 for an exact language match ("pt-BR" for
	// "pt-BR"), 0.5 for the same primary language only, 0 otherwise.
	Language float64 `json:"language,omitzero"`
	// Distance scores nearness for in-person matches: 1 at the client's
	// place, falling linearly to 0 at the client's distance limit; 0 for a
	// provider who cannot see the client in person.
	Distance float64 `json:"distance,omitzero"`
	// Fee scores 1 when the provider's lowest fee is within the budget,
	// 0.5 when it is not but the provider offers a sliding scale or does
	// not publish fees, and 0 otherwise (including fees in another
	// currency).
	Fee float64 `json:"fee,omitzero"`
	// Insurance scores 1 when the provider is in the client's network.
	Insurance float64 `json:"insurance,omitzero"`
	// Times scores the share of the client's preferred weekly time, over
	// the coming week, during which the provider is open; 0.5 when the
	// provider publishes no schedule.
	Times float64 `json:"times,omitzero"`
}

// DefaultWeights returns the weights used when Options.Weights is zero:
// needs 3, distance 2, and language, fee, insurance and times 1 each.
func DefaultWeights() Weights {
	return Weights{Needs: 3, Language: 1, Distance: 2, Fee: 1, Insurance: 1, Times: 1}
}

// A StaleAction says what routing does with a provider whose "accepting new
// clients" or capacity was confirmed too long ago.
type StaleAction string

// The stale actions. The zero StaleAction is StalePenalize.
const (
	// StalePenalize keeps the provider and subtracts the policy's penalty
	// from the score.
	StalePenalize StaleAction = "penalize"
	// StaleDrop leaves the provider out.
	StaleDrop StaleAction = "drop"
	// StaleIgnore keeps the provider as if the facts were fresh; reasons
	// still say they are stale.
	StaleIgnore StaleAction = "ignore"
)

// IsValid reports whether a is the zero StaleAction or one of the actions.
func (a StaleAction) IsValid() bool {
	return a == "" || a == StalePenalize || a == StaleDrop || a == StaleIgnore
}

// Staleness is the policy for facts that go stale: how old a confirmation
// may be, and what happens to a provider whose confirmation is older or
// missing. The zero Staleness penalizes facts older than 90 days by 0.2.
type Staleness struct {
	// AfterDays is how many days a confirmation stays fresh; zero means 90.
	AfterDays int `json:"after_days,omitzero"`
	// Action is what happens to a provider with stale facts.
	Action StaleAction `json:"action,omitempty"`
	// Penalty is subtracted from a stale provider's score under
	// StalePenalize; zero means 0.2.
	Penalty float64 `json:"penalty,omitzero"`
}

// A RecordMode says which matches of a routing count as referred in the
// rotation state it returns.
type RecordMode string

// The record modes. The zero RecordMode is RecordFirst.
const (
	// RecordFirst records a referral to the first match only.
	RecordFirst RecordMode = "first"
	// RecordAll records a referral to every match returned.
	RecordAll RecordMode = "all"
	// RecordNone records nothing; the host records the colleague the
	// client chose with Index.Record.
	RecordNone RecordMode = "none"
)

// IsValid reports whether m is the zero RecordMode or one of the modes.
func (m RecordMode) IsValid() bool {
	return m == "" || m == RecordFirst || m == RecordAll || m == RecordNone
}

// Options configure routing. The zero Options are the defaults: the
// DefaultHard constraints, DefaultWeights, 10 matches, a tolerance of
// 0.05, 25 km for in-person matches, stale facts after 90 days penalized,
// no limit per practice, 24 hours for immediate capacity in an emergency,
// and CrisisExamples as the crisis resources of last resort.
type Options struct {
	// Hard is the set of hard constraints; zero means DefaultHard.
	Hard Constraint `json:"hard,omitempty"`
	// Weights weigh the soft preferences; zero means DefaultWeights.
	Weights Weights `json:"weights,omitzero"`
	// Limit is the most matches returned; zero means 10.
	Limit int `json:"limit,omitzero"`
	// Tolerance is how close two scores must be to count as near-equal,
	// so that rotation decides between them: scores are compared in bands
	// of this width (0.80 up to 0.85, 0.85 up to 0.90, …). Zero means
	// 0.05; otherwise it must be at least 0.000001 and below 1.
	Tolerance float64 `json:"tolerance,omitzero"`
	// MaxPerPractice is the most matches from one practice; zero means no
	// limit.
	MaxPerPractice int `json:"max_per_practice,omitzero"`
	// WithinKm is the in-person distance limit for requests that give
	// none; zero means 25 km.
	WithinKm float64 `json:"within_km,omitzero"`
	// Stale is the policy for stale "accepting" and capacity facts.
	Stale Staleness `json:"stale,omitzero"`
	// Immediate is how soon a provider's schedule must be open for them
	// to count as having immediate capacity in an emergency; zero means
	// 24 hours, and it may not exceed availability.MaxRange.
	Immediate time.Duration `json:"immediate,omitzero"`
	// Crisis are the crisis resources for emergencies. When it has none
	// for the client's region, every listed resource is given; when it is
	// empty, CrisisExamples are. It is left out when it writes as {}, as
	// it does with empty lists.
	Crisis Crisis `json:"crisis,omitempty"`
	// Record says which matches count as referred in the returned
	// rotation state.
	Record RecordMode `json:"record,omitempty"`
}

// The limits on options.
const (
	maxLimit     = 1000 // matches
	maxWeight    = 1e6  // per factor
	minTolerance = 1e-6 // when not zero
)

// Validate returns nil or a problem.List of every problem of the options,
// with paths such as "weights.distance" or "crisis.resources[1].checked".
func (o Options) Validate() error {
	var ps problem.List
	if !o.Hard.IsValid() {
		ps.Add("hard", problem.Invalid, "hard constraints %d hold unknown values", uint16(o.Hard))
	}
	for f := range factorCount {
		if w := o.Weights.of(f); finite(w) && w > maxWeight {
			ps.Add(problem.Join("weights", f.String()), problem.OutOfRange, "weight %v is above %v", w, float64(maxWeight))
		} else {
			checkNonNegative(&ps, "weights", f.String(), w)
		}
	}
	switch {
	case o.Limit < 0:
		ps.Add("limit", problem.Negative, "limit %d is negative", o.Limit)
	case o.Limit > maxLimit:
		ps.Add("limit", problem.OutOfRange, "limit %d is above %d", o.Limit, maxLimit)
	}
	switch {
	case !finite(o.Tolerance):
		ps.Add("tolerance", problem.Invalid, "tolerance %v is not a finite number", o.Tolerance)
	case o.Tolerance != 0 && (o.Tolerance < minTolerance || o.Tolerance >= 1):
		ps.Add("tolerance", problem.OutOfRange, "tolerance %v is neither 0 nor in [%v, 1)", o.Tolerance, minTolerance)
	}
	if o.MaxPerPractice < 0 {
		ps.Add("max_per_practice", problem.Negative, "max_per_practice %d is negative", o.MaxPerPractice)
	}
	checkNonNegative(&ps, "", "within_km", o.WithinKm)
	if o.Stale.AfterDays < 0 {
		ps.Add("stale.after_days", problem.Negative, "after_days %d is negative", o.Stale.AfterDays)
	}
	if !o.Stale.Action.IsValid() {
		ps.Add("stale.action", problem.Unknown, "%s is not penalize, drop or ignore", prose.Quote(string(o.Stale.Action)))
	}
	switch {
	case !finite(o.Stale.Penalty):
		ps.Add("stale.penalty", problem.Invalid, "penalty %v is not a finite number", o.Stale.Penalty)
	case o.Stale.Penalty < 0 || o.Stale.Penalty > 1:
		ps.Add("stale.penalty", problem.OutOfRange, "penalty %v is not in [0, 1]", o.Stale.Penalty)
	}
	switch {
	case o.Immediate < 0:
		ps.Add("immediate", problem.Negative, "immediate %s is negative", prose.Duration(o.Immediate))
	case o.Immediate > availability.MaxRange:
		ps.Add("immediate", problem.TooLong, "immediate %s is longer than %s", prose.Duration(o.Immediate), prose.Duration(availability.MaxRange))
	}
	addNested(&ps, "crisis", o.Crisis.Validate())
	if !o.Record.IsValid() {
		ps.Add("record", problem.Unknown, "%s is not first, all or none", prose.Quote(string(o.Record)))
	}
	return ps.Err()
}

// MarshalJSON encodes the options with snake_case members.
func (o Options) MarshalJSON() ([]byte, error) {
	type plain Options
	return strictjson.Marshal(plain(o))
}

// UnmarshalJSON decodes options strictly.
func (o *Options) UnmarshalJSON(b []byte) error {
	type plain Options
	return strictjson.Unmarshal(b, (*plain)(o), strictjson.Limits{})
}

// settings are Options with the defaults filled in.
type settings struct {
	hard           Constraint
	weights        Weights
	limit          int
	tolerance      float64
	maxPerPractice int
	withinKm       float64
	staleDays      int
	staleAction    StaleAction
	penalty        float64
	immediate      time.Duration
	crisis         *Crisis
	record         RecordMode
}

// settings returns the options with their defaults.
func (o *Options) settings() settings {
	s := settings{
		hard: o.Hard, weights: o.Weights, limit: o.Limit, tolerance: o.Tolerance,
		maxPerPractice: o.MaxPerPractice, withinKm: o.WithinKm,
		staleDays: o.Stale.AfterDays, staleAction: o.Stale.Action, penalty: o.Stale.Penalty,
		immediate: o.Immediate, crisis: &o.Crisis, record: o.Record,
	}
	if s.hard == 0 {
		s.hard = DefaultHard
	}
	if s.weights == (Weights{}) {
		s.weights = DefaultWeights()
	}
	if s.limit == 0 {
		s.limit = 10
	}
	if s.tolerance == 0 {
		s.tolerance = 0.05
	}
	if s.withinKm == 0 {
		s.withinKm = 25
	}
	if s.staleDays == 0 {
		s.staleDays = 90
	}
	if s.staleAction == "" {
		s.staleAction = StalePenalize
	}
	if s.penalty == 0 {
		s.penalty = 0.2
	}
	if s.immediate == 0 {
		s.immediate = 24 * time.Hour
	}
	if s.record == "" {
		s.record = RecordFirst
	}
	return s
}
