package fit

import (
	"slices"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Section groups the questions and rules of one concern, such as "goals"
// or "red_flags", so that a provider can take or leave it whole.
type Section string

// A Screening is a client-fit questionnaire as data: typed questions with
// conditional display, and the rules and score bands that turn answers into
// a decision. It round-trips through JSON; Validate checks it, and Compile
// turns it into an Evaluator that evaluates answers.
//
// The zero Screening is invalid: it needs an ID and at least one question.
type Screening struct {
	// ID identifies the screening.
	ID string `json:"id"`
	// Title is a human name.
	Title string `json:"title,omitempty"`
	// Version is the host's version label, such as "2026-03".
	Version string `json:"version,omitempty"`
	// URL identifies the screening wherever it is exchanged, such as the
	// canonical URL of a FHIR Questionnaire, which a QuestionnaireResponse
	// names. Empty means the screening is not exchanged.
	URL string `json:"url,omitempty"`
	// Description says what the screening is for and where it comes from.
	Description string `json:"description,omitempty"`
	// Copyright states the terms of use of the screening's text, such as a
	// validated instrument's.
	Copyright string `json:"copyright,omitempty"`
	// Questions are the items, in the order shown. The order never changes
	// a decision.
	Questions []Question `json:"questions"`
	// Rules turn answers into a decision.
	Rules []Rule `json:"rules,omitempty"`
	// Bands turn the score, or a scale's, into outcomes and needs.
	Bands []Band `json:"bands,omitempty"`
	// Scales are named scores, such as a validated instrument's total,
	// kept apart from the screening's score and from each other.
	Scales []Scale `json:"scales,omitempty"`
	// ReviewAt is how many concerns together need review; zero means 2.
	ReviewAt int `json:"review_at,omitzero"`
}

// DefaultReviewAt is the number of concerns that need review when
// Screening.ReviewAt is zero.
const DefaultReviewAt = 2

// reviewAt returns the number of concerns that need review.
func (s *Screening) reviewAt() int {
	if s.ReviewAt <= 0 {
		return DefaultReviewAt
	}
	return s.ReviewAt
}

// MarshalJSON encodes the screening.
func (s Screening) MarshalJSON() ([]byte, error) {
	type plain Screening
	return strictjson.Marshal(plain(s))
}

// UnmarshalJSON decodes a screening strictly: unknown fields and values of
// the wrong type are errors naming their path, such as
// "rules[2].when.any[0].op". It does not validate; see Validate.
func (s *Screening) UnmarshalJSON(b []byte) error {
	type plain Screening
	var v plain
	if err := strictjson.Unmarshal(b, &v, strictjson.Limits{}); err != nil {
		return err
	}
	*s = Screening(v)
	return nil
}

// Only returns a copy of s with only the questions and rules of the given
// sections (bands are kept). Questions shown only on answers that are left
// out, and rules that read them, are left out too.
func (s Screening) Only(sections ...Section) Screening {
	return s.prune(func(sec Section, _ string) bool { return !slices.Contains(sections, sec) },
		func(string) bool { return false })
}

// Without returns a copy of s without the questions, rules and bands with
// the given IDs. Questions shown only on answers that are left out, the
// items of groups that are left out, and rules that read them, are left
// out too.
func (s Screening) Without(ids ...string) Screening {
	return s.prune(func(_ Section, id string) bool { return slices.Contains(ids, id) },
		func(id string) bool { return slices.Contains(ids, id) })
}

// Extend returns a copy of s with the questions, rules, bands and scales
// of more appended: a provider's own items, or a validated instrument, on
// top of a standard bank. IDs must stay unique; Validate reports
// duplicates.
func (s Screening) Extend(more Screening) Screening {
	out := s
	out.Questions = slices.Concat(s.Questions, more.Questions)
	out.Rules = slices.Concat(s.Rules, more.Rules)
	out.Bands = slices.Concat(s.Bands, more.Bands)
	out.Scales = slices.Concat(s.Scales, more.Scales)
	return out
}

// prune returns a copy of s without the questions and rules drop selects,
// the bands dropBand selects, the questions whose display depends on a
// dropped question, and the rules that read a dropped question.
func (s Screening) prune(drop func(Section, string) bool, dropBand func(string) bool) Screening {
	gone := map[string]bool{}
	for _, q := range s.Questions {
		if drop(q.Section, q.ID) {
			gone[q.ID] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for _, q := range s.Questions {
			if !gone[q.ID] && (q.EnableWhen != nil && readsAny(q.EnableWhen, gone) || q.Group != "" && gone[q.Group]) {
				gone[q.ID], changed = true, true
			}
		}
	}
	out := s
	out.Questions = nil
	for _, q := range s.Questions {
		if !gone[q.ID] {
			out.Questions = append(out.Questions, q)
		}
	}
	out.Rules = nil
	for _, r := range s.Rules {
		if !drop(r.Section, r.ID) && !r.reads(gone) {
			out.Rules = append(out.Rules, r)
		}
	}
	out.Bands = nil
	for _, b := range s.Bands {
		if !dropBand(b.ID) {
			out.Bands = append(out.Bands, b)
		}
	}
	return out
}

// readsAny reports whether c compares the answer to a question in ids.
func readsAny(c *Condition, ids map[string]bool) bool {
	found := false
	c.leaves(func(l *Condition) { found = found || ids[l.Question] })
	return found
}

// reads reports whether the rule reads the answer to a question in ids.
func (r *Rule) reads(ids map[string]bool) bool {
	switch {
	case r.When != nil && readsAny(r.When, ids):
		return true
	case r.Overlap != nil && ids[r.Overlap.Question]:
		return true
	case r.Distance != nil && ids[r.Distance.Question]:
		return true
	}
	return r.Question != "" && ids[r.Question]
}

// Provider is what a screening compares answers with: the provider's
// availability and where they work. The zero Provider has no open hours
// (every overlap rule fires on any answer) and no base (Compile rejects
// distance rules).
type Provider struct {
	// Schedule is the provider's availability. Overlap rules compare the
	// client's weekly times with its open hours over one week.
	Schedule availability.Schedule `json:"schedule"`
	// Week is the first date of the week Overlap rules read, with the
	// schedule's overrides and closures. Nil (or the zero Date, which
	// JSON leaves out) means the usual week (Schedule.Week): the weekly
	// working windows minus the protected ones, without overrides,
	// closures or effective period. Either way the client's weekly times
	// are compared on the wall clock of the schedule's zone.
	Week *availability.Date `json:"week,omitzero"`
	// Base is where the provider works, for Distance rules.
	Base *place.Point `json:"base,omitzero"`
}

// MarshalJSON encodes the provider.
func (p Provider) MarshalJSON() ([]byte, error) {
	type plain Provider
	return strictjson.Marshal(plain(p))
}

// UnmarshalJSON decodes a provider strictly.
func (p *Provider) UnmarshalJSON(b []byte) error {
	type plain Provider
	return strictjson.Unmarshal(b, (*plain)(p), strictjson.Limits{})
}
