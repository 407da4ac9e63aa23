package ical

import (
	"errors"
	"fmt"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/internal/prose"
)

// Sentinel errors, matched with errors.Is by the typed errors below.
var (
	// ErrSyntax is matched by every *SyntaxError.
	ErrSyntax = errors.New("invalid iCalendar syntax")
	// ErrLimit is matched by every *LimitError: input or work past a bound.
	ErrLimit = errors.New("iCalendar limit exceeded")
	// ErrUnsupported is matched by every *UnsupportedError.
	ErrUnsupported = errors.New("unsupported iCalendar feature")
	// ErrZone is matched by every *ZoneError; it is availability.ErrZone,
	// so callers need only one sentinel for unknown zones.
	ErrZone = availability.ErrZone
)

// A SyntaxError reports input that does not follow RFC 5545: where it broke
// (Line and Column, both counted from 1, Column in bytes; in a folded
// content line they point into the continuation line where the error is;
// Line is 0 for a value parsed on its own, such as by ParseRecur), what was
// expected, and the text near the error (the property value or line, which
// Error quotes cut to a short prefix).
type SyntaxError struct {
	Line   int
	Column int
	Msg    string
	Near   string
}

// Error formats the error with its position and the start of the input
// it broke in, quoted.
func (e *SyntaxError) Error() string {
	near := ""
	if e.Near != "" {
		near = " in " + prose.Quote(e.Near)
	}
	if e.Line > 0 {
		return fmt.Sprintf("ical: line %d, column %d: %s%s", e.Line, e.Column, e.Msg, near)
	}
	return fmt.Sprintf("ical: column %d: %s%s", e.Column, e.Msg, near)
}

// Unwrap returns ErrSyntax.
func (e *SyntaxError) Unwrap() error { return ErrSyntax }

// A LimitError reports input or work past one of the bounds in Limits or
// ExpandOptions: Limit names the bound ("bytes", "occurrences",
// "iterations", "horizon", …) and Max its value, in hours for the horizon.
type LimitError struct {
	Limit string
	Max   int64
	Msg   string
}

// Error describes the bound that was passed.
func (e *LimitError) Error() string {
	unit := e.Limit
	if unit == "horizon" {
		unit = "hours"
	}
	return fmt.Sprintf("ical: %s: more than %d %s", e.Msg, e.Max, unit)
}

// Unwrap returns ErrLimit.
func (e *LimitError) Unwrap() error { return ErrLimit }

// An UnsupportedError names a valid iCalendar feature this package does
// not implement, such as FREQ=HOURLY or RANGE=THISANDFUTURE.
type UnsupportedError struct {
	Feature string
	Line    int
}

// Error names the feature.
func (e *UnsupportedError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("ical: line %d: %s is not supported", e.Line, e.Feature)
	}
	return fmt.Sprintf("ical: %s is not supported", e.Feature)
}

// Unwrap returns ErrUnsupported.
func (e *UnsupportedError) Unwrap() error { return ErrUnsupported }

// A ZoneError reports a TZID that does not name an IANA time zone. Custom
// zones defined only by a VTIMEZONE component are not read, so their TZIDs
// fail this way too.
type ZoneError struct {
	TZID string
	Line int
}

// Error quotes the TZID, cut to a short prefix.
func (e *ZoneError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("ical: line %d: TZID %s is not an IANA time zone", e.Line, prose.Quote(e.TZID))
	}
	return fmt.Sprintf("ical: TZID %s is not an IANA time zone", prose.Quote(e.TZID))
}

// Unwrap returns ErrZone.
func (e *ZoneError) Unwrap() error { return ErrZone }
