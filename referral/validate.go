package referral

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/practicekit/boundaries/agreement/money"

	"github.com/practicekit/boundaries/internal/problem"
)

// A Problem is one thing wrong with a model, at a path, with a stable code.
type Problem = problem.Problem

// Problems lists every problem Validate found; it is an error, and nil or
// empty means valid.
type Problems = problem.List

// ErrInvalid is matched by every Problems error.
var ErrInvalid = problem.ErrInvalid

// The problem codes Validate reports in Problem.Code.
const (
	ProblemRequired  = "required"          // a value that must be given is missing
	ProblemDuplicate = "duplicate"         // an ID or tag given twice
	ProblemSyntax    = "syntax"            // malformed: a tag, a language tag, a region code
	ProblemRange     = "out_of_range"      // a number or coordinate outside its range
	ProblemNegative  = "negative"          // a fee, budget, count or distance below zero
	ProblemCurrency  = "unknown_currency"  // money whose currency is not known
	ProblemMismatch  = "currency_mismatch" // the two ends of a fee range in different currencies
	ProblemOrder     = "order"             // a range whose minimum is above its maximum
)

// maxTagLen is the longest tag, ID or code accepted, in bytes.
const maxTagLen = 128

// validTag reports whether s can be a tag or an ID: 1 to 128 bytes of
// UTF-8 without control characters and without space at either end.
func validTag(s string) bool {
	if s == "" || len(s) > maxTagLen || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return !unicode.IsSpace(first) && !unicode.IsSpace(last)
}

// checkTags reports malformed and repeated entries of the list of tags at
// path.field.
func checkTags(ps *Problems, path, field string, tags []string) {
	for i, t := range tags {
		if !validTag(t) {
			ps.Add(problem.Index(problem.Join(path, field), i), ProblemSyntax, "tag %q must be 1 to %d characters, without control characters or space at either end", t, maxTagLen)
			continue
		}
		if slices.Contains(tags[:i], t) {
			ps.Add(problem.Index(problem.Join(path, field), i), ProblemDuplicate, "tag %q is listed twice", t)
		}
	}
}

// checkMoney reports money at path.field with an unknown currency or a
// negative amount.
func checkMoney(ps *Problems, path, field string, m money.Amount) {
	if !m.IsValid() {
		ps.Add(problem.Join(path, field), ProblemCurrency, "the amount has no known currency")
		return
	}
	if m.IsNegative() {
		ps.Add(problem.Join(path, field), ProblemNegative, "%s is negative", m)
	}
}

// finite reports whether f is neither NaN nor infinite.
func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// checkNonNegative reports a number at path.field that is negative, NaN
// or infinite.
func checkNonNegative(ps *Problems, path, field string, f float64) {
	switch {
	case !finite(f):
		ps.Add(problem.Join(path, field), ProblemRange, "%v is not a finite number", f)
	case f < 0:
		ps.Add(problem.Join(path, field), ProblemNegative, "%v is negative", f)
	}
}
