package referral

import (
	"errors"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/jsoncodec"
	oldproblem "github.com/practicekit/boundaries/internal/problem"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// This file converts the errors that the availability package's models
// (Schedule, Window, Resource) still report in the older shapes: the
// untyped problem list of their Validate methods and the path-carrying
// decoding error of their UnmarshalJSON methods. Once availability reports
// problem.List itself, both conversions find nothing to do, and this file
// and its two callers (addNested and decode) can go.

// legacyCodes maps the older problem codes to the typed ones.
var legacyCodes = map[string]problem.Code{
	"bad_value": problem.Invalid, "invalid_date": problem.Invalid, "invalid_clock": problem.Invalid,
	"not_whole_minutes": problem.Invalid, "unknown_currency": problem.Unknown, "negative_duration": problem.Negative,
	"reversed": problem.Order, "unsorted": problem.Order, "bad_range": problem.Order,
	"duplicate_id": problem.Duplicate, "duplicate_channel": problem.Duplicate,
	"closed_with_hours": problem.Conflict, "end_and_duration": problem.Conflict, "count_and_until": problem.Conflict,
	"set_pos_alone": problem.Conflict, "ambiguous": problem.Conflict, "inconsistent": problem.Conflict,
	"not_covered": problem.Conflict, "cap_below_session": problem.Conflict, "not_allowed": problem.Conflict,
	"currency_mismatch": problem.Mismatch, "type_mismatch": problem.Mismatch, "wrong_type": problem.Mismatch,
	"form_mismatch": problem.Mismatch, "empty_window": problem.Empty,
	"no_days": problem.Required, "no_hours": problem.Required, "no_trigger": problem.Required, "no_base": problem.Required,
	"never_fires": problem.Unreachable, "never_shown": problem.Unreachable,
}

// legacyProblems converts the older problem list in err, and reports
// whether err held one.
func legacyProblems(err error) (problem.List, bool) {
	var old oldproblem.List
	if !errors.As(err, &old) {
		return nil, false
	}
	out := make(problem.List, len(old))
	for i, p := range old {
		code, ok := legacyCodes[p.Code]
		if !ok {
			code = problem.Code(p.Code)
		}
		out[i] = problem.Problem{Path: p.Path, Code: code, Message: p.Message}
	}
	return out, true
}

// decode is strictjson.Unmarshal, with an older decoding error from a
// nested availability model moved to its own path below the model's.
func decode(b []byte, v any, lim strictjson.Limits) error {
	err := strictjson.Unmarshal(b, v, lim)
	var l problem.List
	var je *jsoncodec.Error
	if !errors.As(err, &l) || len(l) != 1 || !errors.As(l[0].Err, &je) {
		return err
	}
	p := problem.Problem{Path: problem.Join(l[0].Path, je.Path), Code: problem.Invalid, Message: je.Err.Error(), Err: je.Err}
	switch {
	case errors.Is(je.Err, jsoncodec.ErrUnknownField):
		p.Code = problem.Unknown
	case errors.Is(je.Err, jsoncodec.ErrType):
		p.Code = problem.Mismatch
	case errors.Is(je.Err, jsoncodec.ErrSyntax):
		p.Code = problem.Syntax
	case errors.Is(je.Err, jsoncodec.ErrDuplicateField):
		p.Code = problem.Duplicate
	case errors.Is(je.Err, jsoncodec.ErrTooLarge):
		p.Code = problem.TooLarge
	}
	return problem.List{p}
}
