package jsoncodec_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/internal/jsoncodec"
)

// plainSchedule has the shape of Schedule without its JSON methods.
type plainSchedule struct {
	Zone  string   `json:"zone"`
	Hours []Window `json:"hours,omitempty"`
}

type flag struct {
	OK bool `json:"ok"`
}

type numbers struct {
	Int     int     `json:"int"`
	Int8    int8    `json:"int8"`
	Uint8   uint8   `json:"uint8"`
	Uint64  uint64  `json:"uint64"`
	Int64   int64   `json:"int64"`
	Float32 float32 `json:"float32"`
	Float64 float64 `json:"float64"`
}

type containers struct {
	Pair   [2]int            `json:"pair"`
	List   []int             `json:"list"`
	Counts map[string]int    `json:"counts"`
	ByDay  map[Weekdays]bool `json:"byDay"`
	Bad    map[int]string    `json:"bad"`
	Any    any               `json:"any"`
	Ptr    *int              `json:"ptr"`
	Stamp  json.RawMessage   `json:"stamp"`
	Blob   []byte            `json:"blob"`
	Err    error             `json:"err"`
}

func TestUnmarshalErrors(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		into    func() any
		limits  jsoncodec.Limits
		path    string
		err     error
		message string // the full message, when given
	}{
		{
			name:    "unknown field at depth",
			input:   `{"zone":"UTC","hours":[{"days":"mon","start":"09:00","end":"17:00"},{"bogus":1}]}`,
			into:    func() any { return new(plainSchedule) },
			path:    "hours[1].bogus",
			err:     jsoncodec.ErrUnknownField,
			message: "hours[1].bogus: unknown field",
		},
		{
			name:  "unknown field matched case-sensitively",
			input: `{"Zone":"UTC"}`,
			into:  func() any { return new(plainSchedule) },
			path:  "Zone",
			err:   jsoncodec.ErrUnknownField,
		},
		{
			name:  "unknown field with a name that needs quoting",
			input: `{"zone":"UTC","time zone":"UTC"}`,
			into:  func() any { return new(plainSchedule) },
			path:  `["time zone"]`,
			err:   jsoncodec.ErrUnknownField,
		},
		{
			name:    "wrong type",
			input:   `{"zone":5}`,
			into:    func() any { return new(plainSchedule) },
			path:    "zone",
			err:     jsoncodec.ErrType,
			message: "zone: wrong JSON type: got number, want string",
		},
		{
			name:  "string for a slice",
			input: `{"hours":"mon"}`,
			into:  func() any { return new(plainSchedule) },
			path:  "hours",
			err:   jsoncodec.ErrType,
		},
		{
			name:  "object for a bool",
			input: `{"ok":{}}`,
			into:  func() any { return new(flag) },
			path:  "ok",
			err:   jsoncodec.ErrType,
		},
		{
			name:    "int overflow",
			input:   `{"int8":300}`,
			into:    func() any { return new(numbers) },
			path:    "int8",
			err:     jsoncodec.ErrType,
			message: "int8: wrong JSON type: number 300 is out of range for int8",
		},
		{
			name:  "int overflow by exponent",
			input: `{"int64":1e19}`,
			into:  func() any { return new(numbers) },
			path:  "int64",
			err:   jsoncodec.ErrType,
		},
		{
			name:  "huge exponent",
			input: `{"int64":1e999999999999999999999}`,
			into:  func() any { return new(numbers) },
			path:  "int64",
			err:   jsoncodec.ErrType,
		},
		{
			name:  "negative for unsigned",
			input: `{"uint8":-1}`,
			into:  func() any { return new(numbers) },
			path:  "uint8",
			err:   jsoncodec.ErrType,
		},
		{
			name:    "fractional int",
			input:   `{"int":1.5}`,
			into:    func() any { return new(numbers) },
			path:    "int",
			err:     jsoncodec.ErrType,
			message: "int: wrong JSON type: number 1.5 is not an integer (int)",
		},
		{
			name:  "exponent giving a fraction",
			input: `{"int":15e-1}`,
			into:  func() any { return new(numbers) },
			path:  "int",
			err:   jsoncodec.ErrType,
		},
		{
			name:  "float32 overflow",
			input: `{"float32":1e39}`,
			into:  func() any { return new(numbers) },
			path:  "float32",
			err:   jsoncodec.ErrType,
		},
		{
			name:  "float64 overflow in any",
			input: `{"any":[1e400]}`,
			into:  func() any { return new(containers) },
			path:  "any[0]",
			err:   jsoncodec.ErrType,
		},
		{
			name:    "bad duration",
			input:   `{"client":"c","session":"five"}`,
			into:    func() any { return new(Agreement) },
			path:    "session",
			message: `session: time: invalid duration "five"`,
		},
		{
			name:  "number for a duration",
			input: `{"session":3000000000}`,
			into:  func() any { return new(Agreement) },
			path:  "session",
			err:   jsoncodec.ErrType,
		},
		{
			name:    "TextUnmarshaler error with path",
			input:   `{"protected":[{"start":"01:00"},{"end":"02:00"},{"days":"sat","start":"22:00","end":"25:00"}]}`,
			into:    func() any { return new(Agreement) },
			path:    "protected[2].end",
			err:     errInvalidClock,
			message: `protected[2].end: invalid clock "25:00": hour out of range`,
		},
		{
			name:  "number for a TextUnmarshaler",
			input: `{"protected":[{"start":900}]}`,
			into:  func() any { return new(Agreement) },
			path:  "protected[0].start",
			err:   jsoncodec.ErrType,
		},
		{
			name:  "TextUnmarshaler map key error",
			input: `{"byDay":{"mon":true,"someday":false}}`,
			into:  func() any { return new(containers) },
			path:  "byDay.someday",
		},
		{
			name:    "duplicate member",
			input:   `{"zone":"UTC","zone":"CET"}`,
			into:    func() any { return new(plainSchedule) },
			path:    "zone",
			err:     jsoncodec.ErrDuplicateField,
			message: "zone: duplicate field",
		},
		{
			name:  "duplicate map key",
			input: `{"counts":{"a":1,"b":2,"a":3}}`,
			into:  func() any { return new(containers) },
			path:  "counts.a",
			err:   jsoncodec.ErrDuplicateField,
		},
		{
			name:  "duplicate key in any",
			input: `{"any":{"x":[{"k":1,"k":2}]}}`,
			into:  func() any { return new(containers) },
			path:  "any.x[0].k",
			err:   jsoncodec.ErrDuplicateField,
		},
		{
			name:   "too deep",
			input:  `{"any":[[[1]]]}`,
			into:   func() any { return new(containers) },
			limits: jsoncodec.Limits{MaxDepth: 3},
			path:   "any[0][0]",
			err:    jsoncodec.ErrTooLarge,
		},
		{
			name:  "too deep by default",
			input: strings.Repeat("[", 65) + strings.Repeat("]", 65),
			into:  func() any { return new(any) },
			path:  strings.Repeat("[0]", 64),
			err:   jsoncodec.ErrTooLarge,
		},
		{
			name:   "too deep inside a skipped value",
			input:  `{"stamp":[[[1]]]}`,
			into:   func() any { return new(containers) },
			limits: jsoncodec.Limits{MaxDepth: 3},
			path:   "stamp",
			err:    jsoncodec.ErrTooLarge,
		},
		{
			name:    "too many bytes",
			input:   `{"zone":"Europe/Amsterdam"}`,
			into:    func() any { return new(plainSchedule) },
			limits:  jsoncodec.Limits{MaxBytes: 10},
			path:    "",
			err:     jsoncodec.ErrTooLarge,
			message: "json: input exceeds limits: input of 27 bytes is longer than 10",
		},
		{
			name:   "too many elements",
			input:  `{"list":[1,2,3]}`,
			into:   func() any { return new(containers) },
			limits: jsoncodec.Limits{MaxElements: 3},
			path:   "list",
			err:    jsoncodec.ErrTooLarge,
		},
		{
			name:  "trailing garbage",
			input: `{"zone":"UTC"} x`,
			into:  func() any { return new(plainSchedule) },
			path:  "",
			err:   jsoncodec.ErrSyntax,
		},
		{
			name:  "second value",
			input: `{}{}`,
			into:  func() any { return new(plainSchedule) },
			err:   jsoncodec.ErrSyntax,
		},
		{
			name:    "empty input",
			input:   ``,
			into:    func() any { return new(plainSchedule) },
			err:     jsoncodec.ErrSyntax,
			message: "json: malformed JSON: unexpected end of input",
		},
		{
			name:  "white space only",
			input: " \n\t",
			into:  func() any { return new(any) },
			err:   jsoncodec.ErrSyntax,
		},
		{
			name:  "nested UnmarshalJSON path joining",
			input: `{"client":"c","schedule":{"zone":"UTC","hours":[{"days":"mon"},{"bogus":true}]}}`,
			into:  func() any { return new(Agreement) },
			path:  "schedule.hours[1].bogus",
			err:   jsoncodec.ErrUnknownField,
		},
		{
			name:    "nested UnmarshalJSON path joining through a map",
			input:   `{"rooms":{"room 1":{"hours":[{"start":"9:00"}]}}}`,
			into:    func() any { return new(Agreement) },
			path:    `rooms["room 1"].hours[0].start`,
			err:     errInvalidClock,
			message: `rooms["room 1"].hours[0].start: invalid clock "9:00": want HH:MM`,
		},
		{
			name:  "nested UnmarshalJSON path joining through a slice",
			input: `[{"zone":"UTC"},{"zone":"UTC","hours":{}}]`,
			into:  func() any { return new([]Schedule) },
			path:  "[1].hours",
			err:   jsoncodec.ErrType,
		},
		{
			name:  "UnmarshalJSON at the root",
			input: `{"zone":"UTC","extra":1}`,
			into:  func() any { return new(Schedule) },
			path:  "extra",
			err:   jsoncodec.ErrUnknownField,
		},
		{
			name:  "array too short",
			input: `{"pair":[1]}`,
			into:  func() any { return new(containers) },
			path:  "pair",
			err:   jsoncodec.ErrType,
		},
		{
			name:  "array too long",
			input: `{"pair":[1,2,3]}`,
			into:  func() any { return new(containers) },
			path:  "pair",
			err:   jsoncodec.ErrType,
		},
		{
			name:  "map key quoted in path",
			input: `{"counts":{"a b":"x"}}`,
			into:  func() any { return new(containers) },
			path:  `counts["a b"]`,
			err:   jsoncodec.ErrType,
		},
		{
			name:  "unsupported map key type",
			input: `{"bad":{"1":"one"}}`,
			into:  func() any { return new(containers) },
			path:  "bad",
			err:   jsoncodec.ErrType,
		},
		{
			name:  "non-empty interface",
			input: `{"err":"boom"}`,
			into:  func() any { return new(containers) },
			path:  "err",
			err:   jsoncodec.ErrType,
		},
		{
			name:  "bad base64",
			input: `{"blob":"not base64!"}`,
			into:  func() any { return new(containers) },
			path:  "blob",
		},
		{
			name:  "syntax error inside a skipped value",
			input: `{"stamp":{"a":[1,]}}`,
			into:  func() any { return new(containers) },
			path:  "stamp",
			err:   jsoncodec.ErrSyntax,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := jsoncodec.Unmarshal([]byte(tt.input), tt.into(), tt.limits)
			var decodeErr *jsoncodec.Error
			require.ErrorAs(t, err, &decodeErr)
			require.Equal(t, tt.path, decodeErr.Path)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
			}
			if tt.message != "" {
				require.EqualError(t, err, tt.message)
			}
		})
	}
}

func TestUnmarshalSyntaxErrors(t *testing.T) {
	inputs := []string{
		`{"a":1,}`,
		`[1,]`,
		`[1 2]`,
		`{"a" 1}`,
		`{a:1}`,
		`{'a':1}`,
		`"abc`,
		`"a\qb"`,
		`"\u12"`,
		`"\u12G4"`,
		"\"a\tb\"",
		"\"a\x00b\"",
		`01`,
		`-`,
		`1.`,
		`.5`,
		`1e`,
		`1e+`,
		`+1`,
		`NaN`,
		`nul`,
		`tru`,
		`[`,
		`{`,
		`{"a":`,
		`]`,
	}
	for _, input := range inputs {
		t.Run(input, func(t *testing.T) {
			var v any
			err := jsoncodec.Unmarshal([]byte(input), &v, jsoncodec.Limits{})
			require.ErrorIs(t, err, jsoncodec.ErrSyntax)
			require.False(t, json.Valid([]byte(input)), "encoding/json accepts it")
		})
	}
}

// TestUnmarshalRejectsInvalidText checks input that encoding/json accepts,
// replacing the invalid text by U+FFFD, but that is not valid UTF-8 text.
func TestUnmarshalRejectsInvalidText(t *testing.T) {
	inputs := []string{
		`"\ud800"`,
		`"\ud800\u0041"`,
		`"\udc00\ud800"`,
		"\"\xff\"",
		"\"\xc3\"",
		"\"\xed\xa0\x80\"", // an encoded surrogate
	}
	for _, input := range inputs {
		t.Run(input, func(t *testing.T) {
			var s string
			err := jsoncodec.Unmarshal([]byte(input), &s, jsoncodec.Limits{})
			require.ErrorIs(t, err, jsoncodec.ErrSyntax)
		})
	}
}

func TestUnmarshalInvalidDestination(t *testing.T) {
	var s plainSchedule
	require.Error(t, jsoncodec.Unmarshal([]byte(`{}`), s, jsoncodec.Limits{}))
	require.Error(t, jsoncodec.Unmarshal([]byte(`{}`), nil, jsoncodec.Limits{}))
	require.Error(t, jsoncodec.Unmarshal([]byte(`{}`), (*plainSchedule)(nil), jsoncodec.Limits{}))
}

func TestUnmarshalValues(t *testing.T) {
	var n numbers
	require.NoError(t, jsoncodec.Unmarshal([]byte(
		`{"int":-0,"int8":-128,"uint8":255,"uint64":18446744073709551615,"int64":1.5e3,"float32":0.1,"float64":-2.5e-8}`,
	), &n, jsoncodec.Limits{}))
	require.Equal(t, numbers{Int8: -128, Uint8: 255, Uint64: 1<<64 - 1, Int64: 1500, Float32: 0.1, Float64: -2.5e-8}, n)

	var s string
	require.NoError(t, jsoncodec.Unmarshal([]byte(`"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00 é😀"`), &s, jsoncodec.Limits{}))
	require.Equal(t, "\"\\/\b\f\n\r\té😀 é😀", s)

	var a Agreement
	require.NoError(t, jsoncodec.Unmarshal([]byte(`{"session":"1h30m","protected":[{"days":"mon,fri","start":"09:00","end":"12:30"}]}`), &a, jsoncodec.Limits{}))
	require.Equal(t, 90*time.Minute, a.Session)
	require.Equal(t, []Window{{Days: 1 | 1<<4, Start: At(9, 0), End: At(12, 30)}}, a.Protected)
}

func TestUnmarshalNull(t *testing.T) {
	seven := 7
	c := containers{List: []int{1}, Counts: map[string]int{"a": 1}, Any: "x", Ptr: &seven, Pair: [2]int{1, 2}}
	require.NoError(t, jsoncodec.Unmarshal([]byte(`{"pair":null,"list":null,"counts":null,"any":null,"ptr":null,"stamp":null}`), &c, jsoncodec.Limits{}))
	require.Equal(t, containers{Pair: [2]int{1, 2}}, c)

	n := numbers{Int: 5}
	require.NoError(t, jsoncodec.Unmarshal([]byte(`{"int":null}`), &n, jsoncodec.Limits{}))
	require.Equal(t, 5, n.Int)
}

func TestUnmarshalKeepsUnmentionedValues(t *testing.T) {
	c := containers{Counts: map[string]int{"a": 1}, List: []int{9, 9, 9}}
	require.NoError(t, jsoncodec.Unmarshal([]byte(`{"counts":{"b":2},"list":[1]}`), &c, jsoncodec.Limits{}))
	require.Equal(t, map[string]int{"a": 1, "b": 2}, c.Counts)
	require.Equal(t, []int{1}, c.List)

	var empty containers
	require.NoError(t, jsoncodec.Unmarshal([]byte(`{"list":[]}`), &empty, jsoncodec.Limits{}))
	require.NotNil(t, empty.List)
	require.Empty(t, empty.List)
}

func TestUnmarshalRawMessageIsCopied(t *testing.T) {
	input := []byte(`{"stamp": [1, {"a": 2}] }`)
	var c containers
	require.NoError(t, jsoncodec.Unmarshal(input, &c, jsoncodec.Limits{}))
	require.Equal(t, `[1, {"a": 2}]`, string(c.Stamp))
	copy(input, strings.Repeat("x", len(input)))
	require.Equal(t, `[1, {"a": 2}]`, string(c.Stamp))
}

// TestUnmarshalAnyMatchesEncodingJSON checks that an empty interface
// receives the same values as with encoding/json.
func TestUnmarshalAnyMatchesEncodingJSON(t *testing.T) {
	input := []byte(`{"a":[1,-2.5,1e300,"s\u00e9",true,false,null,{}],"b":{"c":[]},"d":0}`)
	var got, want any
	require.NoError(t, jsoncodec.Unmarshal(input, &got, jsoncodec.Limits{}))
	require.NoError(t, json.Unmarshal(input, &want))
	require.Equal(t, want, got)
}

// TestUnmarshalJSONErrorsAreWrapped checks that an error that is not an
// *Error returned by an UnmarshalJSON method is located at the value.
func TestUnmarshalJSONErrorsAreWrapped(t *testing.T) {
	var v struct {
		List []failing `json:"list"`
	}
	err := jsoncodec.Unmarshal([]byte(`{"list":[1,2]}`), &v, jsoncodec.Limits{})
	var decodeErr *jsoncodec.Error
	require.ErrorAs(t, err, &decodeErr)
	require.Equal(t, "list[0]", decodeErr.Path)
	require.ErrorIs(t, err, errFailing)
	require.EqualError(t, err, "list[0]: failing: got 1")
}

var errFailing = errors.New("failing")

type failing struct{}

func (*failing) UnmarshalJSON(b []byte) error {
	return fmt.Errorf("%w: got %s", errFailing, b)
}
