package fit

import (
	"github.com/practicekit/boundaries/internal/problem"
)

// A Problem is one thing wrong with a screening or an answer, at a path
// (such as "rules[2].when.any[0].question") with a stable code.
type Problem = problem.Problem

// Problems lists every problem Validate, Compile, Bind or ValidateAnswers
// found; it is an error, and nil or empty means valid.
type Problems = problem.List

// ErrInvalid is matched by every Problems error.
var ErrInvalid = problem.ErrInvalid

// Limits on the size of a screening, so that hostile input cannot make
// compiling or evaluating slow.
const (
	MaxQuestions = 256    // questions in a screening
	MaxRules     = 256    // rules in a screening
	MaxBands     = 64     // bands in a screening
	MaxOptions   = 64     // options of one choice question
	MaxDepth     = 16     // nesting of all/any/not in one condition
	MaxNodes     = 4096   // comparisons and all/any/not in all conditions together
	MaxWindows   = 50     // windows in one weekly-times answer
	MaxTextBytes = 10_000 // bytes of one text answer or condition text
	MaxIDBytes   = 100    // bytes of an ID, option code or need tag
)

// The problem codes of Validate, Compile, Bind and ValidateAnswers.
const (
	ProblemRequired        = "required"         // a field that must be set is empty, or a shown required question (or a crisis question that might be shown) has no answer
	ProblemDuplicateID     = "duplicate_id"     // an ID is used twice
	ProblemTooMany         = "too_many"         // a list passes its limit
	ProblemTooLong         = "too_long"         // an ID or text passes its limit
	ProblemTooDeep         = "too_deep"         // a condition nests deeper than MaxDepth
	ProblemUnknownType     = "unknown_type"     // a question type that does not exist
	ProblemUnknownKind     = "unknown_kind"     // a rule kind that does not exist
	ProblemUnknownOp       = "unknown_op"       // a condition operator that does not exist
	ProblemUnknownQuestion = "unknown_question" // a reference to, or an answer for, a question that does not exist
	ProblemUnknownOption   = "unknown_option"   // an option code the question does not have
	ProblemTypeMismatch    = "type_mismatch"    // a value or operator that does not suit the question type
	ProblemBadValue        = "bad_value"        // a value out of its domain (NaN, negative radius, …)
	ProblemBadRange        = "bad_range"        // a range whose Min is above its Max, or a scale without whole bounds
	ProblemOutOfRange      = "out_of_range"     // an answer outside the question's range
	ProblemEmpty           = "empty"            // an all/any without conditions, a condition with nothing in it
	ProblemAmbiguous       = "ambiguous"        // a condition or rule with more than one form or trigger
	ProblemCycle           = "cycle"            // conditional display that depends on itself
	ProblemNoTrigger       = "no_trigger"       // a rule that needs a trigger has none
	ProblemUnexpected      = "unexpected"       // a field the kind or type does not use
	ProblemNeverFires      = "never_fires"      // a rule or band that no answers can fire
	ProblemNeverShown      = "never_shown"      // a question whose display condition can never hold
	ProblemNoBase          = "no_base"          // a distance rule while the provider has no base
	ProblemHidden          = "hidden"           // an answer to a hidden question, ignored
	ProblemWrongType       = "wrong_type"       // an answer of the wrong shape for its question
)

// Validate reports every problem with the screening at once: duplicate
// IDs, unknown references, cycles in conditional display, operators and
// values that do not suit their question's type, unknown options, rules
// and bands that can never fire, questions that can never be shown, and
// limits passed. Provider-dependent checks (a base for distance rules, the
// schedule) are made by Compile.
func (s Screening) Validate() error {
	var b builder
	b.build(&s, nil)
	return b.problems.Err()
}
