package referral

import (
	"errors"
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
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

// checkTag reports a tag, ID or code at path that validTag refuses: one
// longer than 128 bytes is too long, any other is malformed. what names
// the value in the message ("tag", "ID", "practice"). It reports whether s
// is valid.
func checkTag(ps *problem.List, path, what, s string) bool {
	if validTag(s) {
		return true
	}
	addTagProblem(ps, path, what, s)
	return false
}

// addTagProblem reports s at path as a tag that validTag refuses.
func addTagProblem(ps *problem.List, path, what, s string) {
	if len(s) > maxTagLen {
		ps.Add(path, problem.TooLong, "%s %s is longer than %d bytes", what, prose.Quote(s), maxTagLen)
		return
	}
	ps.Add(path, problem.Syntax, "%s %s must be 1 to %d characters, without control characters or space at either end", what, prose.Quote(s), maxTagLen)
}

// checkTags reports malformed and repeated entries of the list of tags at
// path.field. Paths are made only for the entries that have a problem.
func checkTags(ps *problem.List, path, field string, tags []string) {
	for i, t := range tags {
		switch {
		case !validTag(t):
			addTagProblem(ps, problem.Index(problem.Join(path, field), i), "tag", t)
		case slices.Contains(tags[:i], t):
			ps.Add(problem.Index(problem.Join(path, field), i), problem.Duplicate, "tag %s is listed twice", prose.Quote(t))
		}
	}
}

// checkMoney reports an amount at path.field that is missing (the zero
// Amount, which has no currency) or negative.
func checkMoney(ps *problem.List, path, field string, m money.Amount) {
	switch {
	case !m.IsValid():
		ps.Add(problem.Join(path, field), problem.Required, "an amount with its currency is required, such as \"USD 120.00\"")
	case m.IsNegative():
		ps.Add(problem.Join(path, field), problem.Negative, "%s is negative", m)
	}
}

// finite reports whether f is neither NaN nor infinite.
func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// checkNonNegative reports a number at path.field that is negative, NaN
// or infinite.
func checkNonNegative(ps *problem.List, path, field string, f float64) {
	switch {
	case !finite(f):
		ps.Add(problem.Join(path, field), problem.Invalid, "%v is not a finite number", f)
	case f < 0:
		ps.Add(problem.Join(path, field), problem.Negative, "%v is negative", f)
	}
}

// addNested appends the problems that a part's Validate returned, with
// their paths moved below path. An error that is not a problem list
// becomes one problem at path.
func addNested(ps *problem.List, path string, err error) {
	if err == nil {
		return
	}
	var l problem.List
	if !errors.As(err, &l) {
		*ps = append(*ps, problem.Problem{Path: path, Code: problem.Invalid, Message: err.Error(), Err: err})
		return
	}
	*ps = append(*ps, l.Under(path)...)
}
