package fit

import (
	"github.com/go-json-experiment/json/jsontext"

	"github.com/practicekit/boundaries/internal/strictjson"
)

// An Op is a comparison in a condition. Ops are stable codes, used as they
// are in JSON. The package documentation says what each one means for each
// question type and for a missing answer.
type Op string

// The comparison operators.
const (
	Answered       Op = "answered"
	Equals         Op = "equals"
	NotEquals      Op = "not_equals"
	Less           Op = "less"
	LessOrEqual    Op = "less_or_equal"
	Greater        Op = "greater"
	GreaterOrEqual Op = "greater_or_equal"
	In             Op = "in"
	Contains       Op = "contains"
)

// IsValid reports whether op is one of the operators.
func (op Op) IsValid() bool {
	switch op {
	case Answered, Equals, NotEquals, Less, LessOrEqual, Greater, GreaterOrEqual, In, Contains:
		return true
	}
	return false
}

// A Condition is a tree over answers: exactly one of All (every child
// holds), Any (some child holds), Not (the child does not hold), or a
// comparison of the answer to Question by Op with Value.
//
// Conditions are data, never code: they are decoded from JSON and
// evaluated by the package, never parsed as expressions. Every comparison
// is false when the question is unanswered or hidden, except that Answered
// is then false too and Not inverts whatever its child gives; see the
// package documentation for the full table.
//
// The zero Condition is invalid.
type Condition struct {
	// All holds when every condition in it holds.
	All []Condition
	// Any holds when some condition in it holds.
	Any []Condition
	// Not holds when its condition does not.
	Not *Condition
	// Question is the ID of the question a comparison reads.
	Question string
	// Op is the comparison.
	Op Op
	// Value is what the answer is compared with; Answered takes none.
	Value Value
}

// AllOf returns a condition that holds when every one of cs holds.
func AllOf(cs ...Condition) Condition { return Condition{All: cs} }

// AnyOf returns a condition that holds when some one of cs holds.
func AnyOf(cs ...Condition) Condition { return Condition{Any: cs} }

// Not returns a condition that holds when c does not.
func Not(c Condition) Condition { return Condition{Not: &c} }

// Compare returns the comparison of the answer to question by op with v.
func Compare(question string, op Op, v Value) Condition {
	return Condition{Question: question, Op: op, Value: v}
}

// Is returns the condition "the answer to question equals v".
func Is(question string, v Value) Condition { return Compare(question, Equals, v) }

// Has returns the condition "the answer to question is given".
func Has(question string) Condition { return Condition{Question: question, Op: Answered} }

// conditionJSON is the JSON form of a Condition.
type conditionJSON struct {
	All      []Condition `json:"all,omitzero"`
	Any      []Condition `json:"any,omitzero"`
	Not      *Condition  `json:"not,omitzero"`
	Question string      `json:"question,omitempty"`
	Op       Op          `json:"op,omitempty"`
	Value    *Value      `json:"value,omitzero"`
}

// conditionJSONFuncs read and write a condition and the conditions in it
// in one pass, so that the time they take grows with the condition's
// size, not with its size times its depth.
var conditionJSONFuncs = strictjson.NestedFuncs(decodeCondition, encodeCondition)

// MarshalJSON encodes the condition as {"all": […]}, {"any": […]},
// {"not": {…}} or {"question": …, "op": …, "value": …}.
func (c Condition) MarshalJSON() ([]byte, error) {
	return conditionJSONFuncs.Marshal(c)
}

// UnmarshalJSON decodes a condition strictly; see Screening.Validate for
// the checks on its meaning.
func (c *Condition) UnmarshalJSON(b []byte) error {
	var j conditionJSON
	err := conditionJSONFuncs.Unmarshal(b, &j, strictjson.Limits{})
	if err != nil && !jsontext.Value(b).IsValid() {
		// Malformed JSON: read it again as json/v2 reads a condition's
		// parts for their UnmarshalJSON, each whole before it is decoded,
		// so that the problem reported is the same as when a screening
		// holds the condition: the first malformed part's, unless a
		// problem comes before that part.
		j = conditionJSON{}
		err = strictjson.Unmarshal(b, &j, strictjson.Limits{})
	}
	if err != nil {
		return err
	}
	*c = j.condition()
	return nil
}

// encodeCondition writes one condition, and the conditions in it, to enc.
func encodeCondition(enc *jsontext.Encoder, c Condition) error {
	j := conditionJSON{All: c.All, Any: c.Any, Not: c.Not, Question: c.Question, Op: c.Op}
	if !c.Value.IsZero() {
		j.Value = &c.Value
	}
	return strictjson.Encode(enc, &j)
}

// decodeCondition reads one condition, and the conditions in it, from dec.
func decodeCondition(dec *jsontext.Decoder, c *Condition) error {
	var j conditionJSON
	if err := strictjson.Decode(dec, &j); err != nil {
		return err
	}
	*c = j.condition()
	return nil
}

// condition returns the condition j holds.
func (j *conditionJSON) condition() Condition {
	c := Condition{All: j.All, Any: j.Any, Not: j.Not, Question: j.Question, Op: j.Op}
	if j.Value != nil {
		c.Value = *j.Value
	}
	return c
}

// leaves calls yield for every comparison in c, depth first.
func (c *Condition) leaves(yield func(*Condition)) {
	switch {
	case c.All != nil:
		for i := range c.All {
			c.All[i].leaves(yield)
		}
	case c.Any != nil:
		for i := range c.Any {
			c.Any[i].leaves(yield)
		}
	case c.Not != nil:
		c.Not.leaves(yield)
	default:
		yield(c)
	}
}
