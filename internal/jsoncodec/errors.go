package jsoncodec

import "errors"

// Sentinel causes carried by [Error.Err]. Test for them with [errors.Is].
var (
	// ErrSyntax reports input that is not valid JSON as defined by RFC 8259,
	// including empty input, invalid UTF-8 and data after the top-level value.
	ErrSyntax = errors.New("malformed JSON")

	// ErrUnknownField reports an object member that matches no struct field.
	ErrUnknownField = errors.New("unknown field")

	// ErrType reports a JSON value that cannot be stored in its destination:
	// a value of the wrong JSON type, a number that is not an integer or is
	// out of range, or an array of the wrong length for a Go array.
	ErrType = errors.New("wrong JSON type")

	// ErrTooLarge reports input beyond one of the [Limits].
	ErrTooLarge = errors.New("input exceeds limits")

	// ErrDuplicateField reports an object member name that appears twice in
	// the same object.
	ErrDuplicateField = errors.New("duplicate field")
)

// Error is a decoding error at a path in the document.
type Error struct {
	// Path locates the offending value, for example "protected[2].end".
	// It is empty for the document root.
	Path string

	// Err is the cause: one of the package's sentinel errors (possibly
	// wrapped with details), or an error returned by an UnmarshalText or
	// UnmarshalJSON method, or by time.ParseDuration.
	Err error
}

// Error formats the error as "path: cause", or "json: cause" at the root.
func (e *Error) Error() string {
	if e.Path == "" {
		return "json: " + e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

// Unwrap returns the cause, so that [errors.Is] reaches the sentinels.
func (e *Error) Unwrap() error {
	return e.Err
}
