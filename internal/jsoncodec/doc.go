// Package jsoncodec decodes untrusted JSON strictly, reporting the path of
// every problem, and encodes values deterministically. The library's data
// models (schedules, agreements, screenings, directories) use it so that
// they round-trip through JSON without loss.
//
// # Decoding
//
// [Unmarshal] parses the whole document with a recursive-descent parser and
// stores values as it goes. It never panics on any input. Problems are
// reported as an [*Error] whose Path locates the offending value, such as
// "protected[2].end", and whose Err is one of the sentinel errors
// ([ErrSyntax], [ErrUnknownField], [ErrType], [ErrTooLarge],
// [ErrDuplicateField]) or the error of a method called on the destination.
// The first problem found is reported, and the destination may then be
// partly filled.
//
// Paths name object members after a dot (no dot at the root) and array
// elements by index in brackets: "hours[0].start". Names that are not plain
// identifiers ([a-zA-Z_][a-zA-Z0-9_]*), including map keys, are quoted in
// brackets: `rooms["room 1"].hours`.
//
// Decoding is bounded by [Limits]: the input length is checked before
// parsing starts, and the nesting depth and the total number of array
// elements and object members are checked while parsing.
//
// The rules, for a destination of type T:
//
//   - null sets pointers, interfaces, maps and slices to nil and leaves any
//     other value unchanged. No method is called. A json.RawMessage is a
//     slice, so null makes it nil (encoding/json stores the text "null"),
//     which Marshal writes back as null.
//   - If T is json.RawMessage, a copy of the value's text is stored.
//   - time.Duration is decoded from a string in [time.ParseDuration] syntax
//     ("50m", "1h30m"); a number is an [ErrType] error.
//   - If *T implements [encoding.TextUnmarshaler], its UnmarshalText method
//     decodes a JSON string and any other JSON value is an [ErrType] error.
//   - Otherwise, if *T implements [json.Unmarshaler], its UnmarshalJSON
//     method receives the text of the value. An [*Error] it returns is
//     relocated below the current path; any other error is wrapped in an
//     [*Error] at the current path.
//   - Structs are decoded from objects. Members match fields by their json
//     tag name exactly (case-sensitive), or by the Go field name when the
//     tag gives none. Fields tagged `json:"-"` and unexported fields are
//     ignored; embedded structs are treated as ordinary fields named after
//     their type. A member that matches no field is an [ErrUnknownField]
//     error and a member given twice is an [ErrDuplicateField] error.
//     Fields without a member keep their value.
//   - Maps are decoded from objects; the map is allocated if nil and
//     otherwise added to. Keys must be of a string kind or implement
//     [encoding.TextUnmarshaler]. A key given twice is an
//     [ErrDuplicateField] error.
//   - Slices are decoded from arrays into a new slice ([] gives an empty,
//     non-nil slice). Byte slices also accept a base64 string, which is how
//     they are encoded.
//   - Go arrays must receive exactly as many elements as their length.
//   - Integers accept numbers with an integer value, including forms such
//     as 1e3 or 2.50e1; fractions and out-of-range values are [ErrType]
//     errors. Floats reject values out of range.
//   - Pointers are allocated when nil, and decoded through otherwise.
//   - An empty interface receives what encoding/json would store:
//     map[string]any, []any, float64, string, bool or nil, replacing what
//     it held before. Other interface types accept only null.
//
// Strings must be valid UTF-8 without raw control characters, as RFC 8259
// requires; escapes that encode an unpaired UTF-16 surrogate are rejected
// too. Such input is an [ErrSyntax] error rather than being replaced by
// U+FFFD, so that decoded text is always exactly what the sender wrote.
//
// Limits apply to one call of Unmarshal. When an UnmarshalJSON method
// calls Unmarshal again for its own value, the outer call has already
// checked that value against its limits, and the inner call checks it
// against the limits it is given.
//
// Syntax errors give the byte offset of the problem in the data passed to
// that call of Unmarshal.
//
// # Encoding
//
// [Marshal] writes compact JSON that matches encoding/json for the same
// values, with these differences:
//
//   - time.Duration is encoded as the string its String method returns
//     ("50m0s"), which [time.ParseDuration] reads back.
//   - Only the characters RFC 8259 requires are escaped: quotation mark,
//     reverse solidus and control characters. In particular <, >, & and
//     U+2028, U+2029 are written as they are.
//   - A type that implements both [encoding.TextMarshaler] and
//     [json.Marshaler] is encoded with MarshalText, mirroring the decoding
//     precedence so that such values round-trip.
//   - Map keys must be of a string kind or implement
//     [encoding.TextMarshaler]; they are sorted by byte order.
//   - Embedded structs are written as ordinary fields named after their
//     type, as they are decoded, rather than having their fields promoted.
//   - Tag options other than omitempty and omitzero (such as string) are
//     ignored.
//
// Struct fields are written in declaration order and honour omitempty as
// encoding/json defines it: false, 0, a nil pointer or interface, and an
// empty array, slice, map or string are left out. A nil slice or map
// that is not left out is written as null. NaN and infinities are errors.
//
// Fields tagged omitzero are left out as encoding/json decides: when the
// field's type has an IsZero method (on the value, or only on its pointer),
// when it reports true; otherwise when the field holds its type's zero
// value. A nil pointer, and an interface that is nil or holds a nil pointer,
// is left out without calling IsZero. IsZero is consulted for types that
// marshal as text too, and this is deliberate: it is what lets a time.Time
// in any location be left out when it is the zero instant. It means that a
// type whose IsZero is narrower than "holds no value" must not be tagged
// omitzero: a money type whose IsZero reports a zero amount would leave out
// "USD 0.00", which then decodes as no money at all. Give such optional
// values a pointer type and omitempty instead.
//
// The output of a [json.Marshaler] is copied as it is when it is already
// compact, as it is when the method calls Marshal; other output is
// compacted with [json.Compact], and output it rejects is an error.
//
// # Defining model types
//
// Model types give themselves JSON methods that delegate to this package.
// Converting to a local type without methods prevents infinite recursion:
//
//	type Window struct {
//		Days  Weekdays `json:"days"`  // implements encoding.TextMarshaler
//		Start Clock    `json:"start"` // and encoding.TextUnmarshaler
//		End   Clock    `json:"end"`
//	}
//
//	type Schedule struct {
//		Zone  string   `json:"zone"`
//		Hours []Window `json:"hours,omitempty"`
//	}
//
//	func (s Schedule) MarshalJSON() ([]byte, error) {
//		type plain Schedule
//		return jsoncodec.Marshal(plain(s))
//	}
//
//	func (s *Schedule) UnmarshalJSON(b []byte) error {
//		type plain Schedule
//		return jsoncodec.Unmarshal(b, (*plain)(s), jsoncodec.Limits{})
//	}
//
// Such types then decode strictly with encoding/json too, and when they are
// nested in a value decoded by [Unmarshal], errors inside them carry the
// full path, such as "schedules[1].hours[0].start".
//
// # State
//
// The package keeps a single piece of package-level state: a concurrency-safe
// cache of per-type facts (struct fields and implemented methods), keyed by
// reflect.Type. It only memoises what is derived from Go types.
package jsoncodec
