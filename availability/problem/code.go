package problem

// A Code says what kind of problem a Problem is. Codes are stable: hosts
// may switch on them, while messages may be reworded.
type Code string

// The codes. Each problem of every model has one of these.
const (
	// Required: a value that must be given is missing or empty.
	Required Code = "required"
	// Missing: an element that a professional checklist expects is absent
	// (see agreement.Profile); the model is usable without it.
	Missing Code = "missing"
	// Invalid: a value that is malformed or outside its domain, such as a
	// clock time of 25:00, a date that does not exist, a NaN, or a
	// duration that is not a whole number of minutes where one must be.
	Invalid Code = "invalid"
	// Unknown: a name that is not known: a currency code, a question type,
	// an operator, or a reference to a question, option, window or member
	// that does not exist.
	Unknown Code = "unknown"
	// Negative: a count, amount or duration below zero.
	Negative Code = "negative"
	// OutOfRange: a number, date or duration outside the range its place
	// allows, such as a share above 100%.
	OutOfRange Code = "out_of_range"
	// Order: values in the wrong order, such as a range that ends before
	// it starts or tiers that are not sorted.
	Order Code = "order"
	// Duplicate: an ID, date, name or level given twice where it must be
	// unique.
	Duplicate Code = "duplicate"
	// Conflict: values that contradict each other, such as an override
	// that is both closed and has hours, or a grace period longer than the
	// session.
	Conflict Code = "conflict"
	// Mismatch: a value of the wrong kind for its place: a string where a
	// number belongs, an answer of the wrong type for its question, an
	// amount in another currency than the agreement's.
	Mismatch Code = "mismatch"
	// Unexpected: a value given where the model does not use it, such as
	// options on a yes/no question.
	Unexpected Code = "unexpected"
	// Empty: a window, list or condition with nothing in it.
	Empty Code = "empty"
	// TooMany: a list longer than its limit.
	TooMany Code = "too_many"
	// TooLong: a text, ID or duration longer than its limit.
	TooLong Code = "too_long"
	// TooDeep: nesting deeper than its limit.
	TooDeep Code = "too_deep"
	// TooLarge: input larger than the decoder accepts.
	TooLarge Code = "too_large"
	// Syntax: text that does not parse: malformed JSON, or a value whose
	// own syntax is broken.
	Syntax Code = "syntax"
	// Cycle: conditions that depend on themselves.
	Cycle Code = "cycle"
	// Unreachable: a rule that no answers can fire, or a question that
	// can never be shown.
	Unreachable Code = "unreachable"
	// Hidden: an answer to a question that is not shown, which is ignored.
	Hidden Code = "hidden"
)
