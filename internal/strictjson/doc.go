// Package strictjson is the thin layer the library's models use on top of
// encoding/json/v2 (github.com/go-json-experiment/json, which is the
// standard library's encoding/json/v2 from Go 1.27 on).
//
// json/v2 already decodes strictly: it rejects duplicate member names and
// invalid UTF-8, and with RejectUnknownMembers unknown members, and it
// honours omitzero and omitempty by the JSON value. This package adds what
// the models need beyond that:
//
//   - Limits on the input: its length in bytes, its nesting depth and its
//     number of array elements and object members, checked before and
//     while decoding, so that hostile input cannot make a decode slow or
//     large.
//   - Durations written as people write them: "50m", "1h30m", "14d"
//     ([FormatDuration], [ParseDuration]), and time zones by IANA name.
//   - Models that hold values of their own type, such as a condition of
//     conditions, read and written in one pass however deep they nest
//     ([Nested]), where UnmarshalJSON and MarshalJSON would read each
//     level again at every level above it.
//   - Errors as a problem.List of one problem whose path uses the
//     library's syntax ("hours[0].start") rather than a JSON Pointer, with
//     a stable code, a message that quotes at most a short prefix of the
//     input, and the cause for errors.Is.
//
// Model types keep encoding/json v1 callers working by implementing
// MarshalJSON and UnmarshalJSON with [Marshal] and [Unmarshal]; json/v2
// calls the same methods.
package strictjson
