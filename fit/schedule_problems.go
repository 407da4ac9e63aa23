package fit

import (
	"errors"

	"github.com/practicekit/boundaries/availability/problem"
	legacy "github.com/practicekit/boundaries/internal/problem"
)

// scheduleProblems returns the problems of an error from
// availability.Schedule.Validate as a problem.List, and whether err holds
// any. availability still reports its problems in the older list type with
// the older codes; this converts them, code by code, until it reports a
// problem.List itself, when only the first case remains.
func scheduleProblems(err error) (problem.List, bool) {
	var l problem.List
	if errors.As(err, &l) {
		return l, true
	}
	var old legacy.List
	if !errors.As(err, &old) {
		return nil, false
	}
	l = make(problem.List, len(old))
	for i, p := range old {
		l[i] = problem.Problem{Path: p.Path, Code: legacyCode(p.Code), Message: p.Message}
	}
	return l, true
}

// legacyCode maps an older problem code of availability to its code.
func legacyCode(code string) problem.Code {
	switch code {
	case "no_days", "no_hours", "required":
		return problem.Required
	case "invalid_clock", "invalid_date", "not_whole_minutes", "bad_value", "invalid":
		return problem.Invalid
	case "empty_window", "empty":
		return problem.Empty
	case "duplicate_id", "duplicate_date":
		return problem.Duplicate
	case "closed_with_hours", "cap_below_session":
		return problem.Conflict
	case "reversed":
		return problem.Order
	case "negative":
		return problem.Negative
	}
	return problem.Code(code) // too_many, too_long: spelled alike
}
