package jsoncodec_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/internal/jsoncodec"
)

// everything has a field of every supported kind.
type everything struct {
	Bool        bool                 `json:"bool"`
	Int         int                  `json:"int"`
	Int8        int8                 `json:"int8"`
	Int16       int16                `json:"int16"`
	Int32       int32                `json:"int32"`
	Int64       int64                `json:"int64"`
	Uint        uint                 `json:"uint"`
	Uint8       uint8                `json:"uint8"`
	Uint16      uint16               `json:"uint16"`
	Uint32      uint32               `json:"uint32"`
	Uint64      uint64               `json:"uint64"`
	Uintptr     uintptr              `json:"uintptr"`
	Float32     float32              `json:"float32"`
	Float64     float64              `json:"float64"`
	String      string               `json:"string"`
	Bytes       []byte               `json:"bytes"`
	Strings     []string             `json:"strings"`
	NilSlice    []int                `json:"nilSlice"`
	EmptySlice  []int                `json:"emptySlice"`
	Array       [3]int16             `json:"array"`
	Map         map[string]int       `json:"map"`
	NilMap      map[string]int       `json:"nilMap"`
	TextKeys    map[Weekdays]string  `json:"textKeys"`
	Ptr         *int                 `json:"ptr"`
	NilPtr      *string              `json:"nilPtr"`
	PtrPtr      **string             `json:"ptrPtr"`
	Any         any                  `json:"any"`
	NilAny      any                  `json:"nilAny"`
	Raw         json.RawMessage      `json:"raw"`
	Duration    time.Duration        `json:"duration"`
	DurationPtr *time.Duration       `json:"durationPtr"`
	Clock       Clock                `json:"clock"`
	Window      Window               `json:"window"`
	Schedule    Schedule             `json:"schedule"`
	Schedules   map[string]*Schedule `json:"schedules"`
	Omitted     int                  `json:",omitempty"`
	Skipped     string               `json:"-"`
	Untagged    string
}

func fullValue() everything {
	seven := 7
	name := "name"
	namePtr := &name
	wait := 90 * time.Second
	return everything{
		Bool: true, Int: -1 << 62, Int8: -128, Int16: -32768, Int32: -1 << 31, Int64: -1 << 63,
		Uint: 1 << 63, Uint8: 255, Uint16: 65535, Uint32: 1<<32 - 1, Uint64: 1<<64 - 1, Uintptr: 42,
		Float32: 0.1, Float64: 1e-7,
		String:      "quote\" backslash\\ tab\t nul\x00 <&> é 😀 \u2028",
		Bytes:       []byte{0, 1, 2, 255},
		Strings:     []string{"a", "", "c"},
		EmptySlice:  []int{},
		Array:       [3]int16{1, -2, 3},
		Map:         map[string]int{"z": 1, "a": 2, "é": 3, "A": 4},
		TextKeys:    map[Weekdays]string{1: "mon", 1 << 6: "sun", 3: "mon,tue"},
		Ptr:         &seven,
		PtrPtr:      &namePtr,
		Any:         map[string]any{"list": []any{1.5, "x", true, nil, map[string]any{}}, "n": -0.25},
		Raw:         json.RawMessage(`{"kept":[1,2]}`),
		Duration:    50 * time.Minute,
		DurationPtr: &wait,
		Clock:       At(23, 59),
		Window:      Window{Days: 1<<5 | 1<<6, Start: At(10, 0), End: At(14, 15)},
		Schedule:    Schedule{Zone: "Europe/Amsterdam", Hours: []Window{{Days: 31, Start: At(9, 0), End: At(17, 0)}}},
		Schedules:   map[string]*Schedule{"room 1": {Zone: "UTC"}, "nil": nil},
		Omitted:     3,
		Untagged:    "untagged",
	}
}

func TestRoundTrip(t *testing.T) {
	values := map[string]everything{
		"full": fullValue(),
		"zero": {},
	}
	for name, want := range values {
		t.Run(name, func(t *testing.T) {
			data, err := jsoncodec.Marshal(want)
			require.NoError(t, err)
			var got everything
			require.NoError(t, jsoncodec.Unmarshal(data, &got, jsoncodec.Limits{}))
			require.Equal(t, want, got)
		})
	}
}

func TestRoundTripAgreement(t *testing.T) {
	notes := "first session free"
	want := Agreement{
		Client:    "Ada",
		Schedule:  Schedule{Zone: "UTC", Hours: []Window{{Days: 1, Start: At(8, 0), End: At(9, 0)}}},
		Rooms:     map[string]Schedule{"b": {Zone: "CET"}, "a": {Zone: "UTC"}},
		Protected: []Window{{Days: 64, Start: At(0, 0), End: At(23, 59)}},
		Session:   50 * time.Minute,
		Notes:     &notes,
	}
	data, err := jsoncodec.Marshal(want)
	require.NoError(t, err)
	require.JSONEq(t, `{
		"client": "Ada",
		"schedule": {"zone": "UTC", "hours": [{"days": "mon", "start": "08:00", "end": "09:00"}]},
		"rooms": {"a": {"zone": "UTC"}, "b": {"zone": "CET"}},
		"protected": [{"days": "sun", "start": "00:00", "end": "23:59"}],
		"session": "50m0s",
		"notes": "first session free"
	}`, string(data))

	var got Agreement
	require.NoError(t, jsoncodec.Unmarshal(data, &got, jsoncodec.Limits{}))
	require.Equal(t, want, got)

	// The model types also work with encoding/json, strictly.
	var viaStd Schedule
	require.NoError(t, json.Unmarshal([]byte(`{"zone":"UTC","hours":[]}`), &viaStd))
	err = json.Unmarshal([]byte(`{"zone":"UTC","Hours":[]}`), &viaStd)
	require.ErrorIs(t, err, jsoncodec.ErrUnknownField)
}

// withoutDuration is everything except fields that encoding/json encodes
// differently.
type withoutDuration struct {
	Bool       bool                 `json:"bool"`
	Ints       []int64              `json:"ints"`
	Uints      []uint64             `json:"uints,omitempty"`
	Floats     []float64            `json:"floats"`
	Float32s   []float32            `json:"float32s"`
	Strings    []string             `json:"strings"`
	Bytes      []byte               `json:"bytes"`
	NilBytes   []byte               `json:"nilBytes"`
	Array      [2]uint8             `json:"array"`
	Map        map[string]any       `json:"map"`
	TextKeys   map[Weekdays]int     `json:"textKeys"`
	Ptr        *Window              `json:"ptr"`
	NilPtr     *Window              `json:"nilPtr"`
	Raw        json.RawMessage      `json:"raw"`
	NilRaw     json.RawMessage      `json:"nilRaw"`
	Schedule   Schedule             `json:"schedule"`
	Schedules  map[string]*Schedule `json:"schedules"`
	Empty      string               `json:"empty,omitempty"`
	EmptyPtr   *int                 `json:"emptyPtr,omitempty"`
	EmptyMap   map[string]int       `json:"emptyMap,omitempty"`
	EmptyArray [0]int               `json:"emptyArray,omitempty"`
	Zero       float64              `json:"zero,omitempty"`
	False      bool                 `json:"false,omitempty"`
	NilAny     any                  `json:"nilAny,omitempty"`
	Untagged   int
	Skipped    int `json:"-"`
}

func TestMarshalMatchesEncodingJSON(t *testing.T) {
	values := map[string]any{
		"nil":     nil,
		"string":  "a\"b\\c\n\r\t\b\f\x01\x1f\x7f <>& é\xff\xfe 😀",
		"floats":  []float64{0, math.Copysign(0, -1), 1, -1.5, 1e20, 1e21, 123456789e15, 1e-6, 1e-7, 5e-324, math.MaxFloat64, 0.1, 1.0 / 3, 2.5e-10},
		"float32": []float32{0.1, 1e-7, 1e21, 3.4e38, 1.5e-45, 16777216},
		"ints":    []any{int8(-8), uint16(16), int64(math.MinInt64), uint64(math.MaxUint64)},
		"map":     map[string]any{"b": []any{}, "a": map[string]any{"y": nil, "x": false}, "": 1, "é": "e", "B": 2},
		"window":  Window{Days: 127, Start: At(7, 5), End: At(19, 45)},
		"windows": []*Window{nil, {Days: 3}},
		"struct": withoutDuration{
			Bool:      true,
			Ints:      []int64{-1, 0, 1},
			Floats:    []float64{1e-9, 1e22},
			Float32s:  []float32{0.3},
			Strings:   []string{"x", "<y>"},
			Bytes:     []byte("hello, world"),
			Array:     [2]uint8{1, 2},
			Map:       map[string]any{"k": []any{1.0, "v", nil}},
			TextKeys:  map[Weekdays]int{2: 2, 1: 1, 4: 4},
			Ptr:       &Window{Days: 1},
			Raw:       json.RawMessage(" { \"spaced\" : [ 1 , 2 ] } "),
			Schedule:  Schedule{Zone: "UTC", Hours: []Window{{Days: 1}}},
			Schedules: map[string]*Schedule{"z": {Zone: "Z"}, "nil": nil},
			Untagged:  1,
			Skipped:   2,
		},
		"zero struct": withoutDuration{},
	}
	for name, v := range values {
		t.Run(name, func(t *testing.T) {
			got, err := jsoncodec.Marshal(v)
			require.NoError(t, err)
			require.Equal(t, string(encodingJSON(t, v)), string(got))
		})
	}
}

// encodingJSON encodes v with encoding/json, without HTML escaping.
func encodingJSON(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(v))
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func TestMarshalDifferences(t *testing.T) {
	got, err := jsoncodec.Marshal(map[string]any{"wait": 50 * time.Minute, "sep": "a\u2028b"})
	require.NoError(t, err)
	require.Equal(t, "{\"sep\":\"a\u2028b\",\"wait\":\"50m0s\"}", string(got))
}

// hidden has an unexported field, which both directions ignore.
type hidden struct {
	Shown  int `json:"shown"`
	hidden int
}

func TestUnexportedFieldsAreIgnored(t *testing.T) {
	data, err := jsoncodec.Marshal(hidden{Shown: 1, hidden: 2})
	require.NoError(t, err)
	require.Equal(t, `{"shown":1}`, string(data))

	v := hidden{hidden: 3}
	require.NoError(t, jsoncodec.Unmarshal([]byte(`{"shown":4}`), &v, jsoncodec.Limits{}))
	require.Equal(t, hidden{Shown: 4, hidden: 3}, v)

	err = jsoncodec.Unmarshal([]byte(`{"hidden":4}`), &v, jsoncodec.Limits{})
	require.ErrorIs(t, err, jsoncodec.ErrUnknownField)
}

type cyclic struct {
	Next *cyclic `json:"next"`
}

type badMarshaler struct{}

func (badMarshaler) MarshalJSON() ([]byte, error) { return []byte(`{"a":`), nil }

// twoNames gives the name B to two fields.
type twoNames struct {
	A int `json:"B"`
	B int
}

func TestMarshalErrors(t *testing.T) {
	loop := &cyclic{}
	loop.Next = loop
	values := map[string]any{
		"NaN":                 math.NaN(),
		"infinity":            []float32{float32(math.Inf(-1))},
		"channel":             make(chan int),
		"complex":             complex(1, 2),
		"map key":             map[int]string{1: "one"},
		"cycle":               loop,
		"invalid MarshalJSON": badMarshaler{},
		"duplicate names":     twoNames{},
	}
	for name, v := range values {
		t.Run(name, func(t *testing.T) {
			_, err := jsoncodec.Marshal(v)
			require.Error(t, err)
		})
	}
}

func TestDuplicateNamesRejectedByUnmarshal(t *testing.T) {
	var v twoNames
	err := jsoncodec.Unmarshal([]byte(`{"B":1}`), &v, jsoncodec.Limits{})
	require.Error(t, err)
}

type zeroer struct{ n int }

func (z zeroer) IsZero() bool { return z.n == 7 }

func TestMarshalOmitZero(t *testing.T) {
	type inner struct{ A int }
	type v struct {
		Inner  inner   `json:"inner,omitzero"`
		Custom zeroer  `json:"custom,omitzero"`
		Ptr    *zeroer `json:"ptr,omitzero"`
		Kept   inner   `json:"kept"`
	}
	b, err := jsoncodec.Marshal(v{Custom: zeroer{7}})
	require.NoError(t, err)
	require.Equal(t, `{"kept":{"A":0}}`, string(b))
	b, err = jsoncodec.Marshal(v{Inner: inner{1}, Custom: zeroer{0}, Ptr: &zeroer{1}})
	require.NoError(t, err)
	require.Equal(t, `{"inner":{"A":1},"custom":{},"ptr":{},"kept":{"A":0}}`, string(b))
}

// ptrZeroer has its IsZero method on the pointer only.
type ptrZeroer struct{ N int }

func (p *ptrZeroer) IsZero() bool { return p.N == 7 }

// amount marshals as text and reports a zero amount as zero, like a money
// type whose IsZero means "nothing to pay".
type amount struct {
	currency string
	minor    int64
}

func (a amount) IsZero() bool { return a.minor == 0 }

func (a amount) MarshalText() ([]byte, error) {
	return fmt.Appendf(nil, "%s %d", a.currency, a.minor), nil
}

func TestMarshalOmitZeroMatchesEncodingJSON(t *testing.T) {
	type v struct {
		Ptr    ptrZeroer                  `json:"ptr,omitzero"`
		Iface  interface{ IsZero() bool } `json:"iface,omitzero"`
		Any    any                        `json:"any,omitzero"`
		Stamp  time.Time                  `json:"stamp,omitzero"`
		Amount amount                     `json:"amount,omitzero"`
	}
	for name, value := range map[string]any{
		"zero":                    v{},
		"pointer receiver, zero":  v{Ptr: ptrZeroer{7}},
		"pointer receiver, set":   &v{Ptr: ptrZeroer{1}},
		"nil pointer in iface":    v{Iface: (*ptrZeroer)(nil)},
		"set pointer in iface":    v{Iface: &ptrZeroer{7}},
		"nil pointer in any":      v{Any: (*ptrZeroer)(nil)},
		"zero time in any":        v{Any: time.Time{}},
		"zero instant elsewhere":  v{Stamp: time.Time{}.In(time.FixedZone("X", 3600))},
		"zero amount is left out": v{Amount: amount{"USD", 0}},
		"amount":                  v{Amount: amount{"USD", 100}},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := jsoncodec.Marshal(value)
			require.NoError(t, err)
			require.Equal(t, string(encodingJSON(t, value)), string(got))
		})
	}
}

// rawText is a json.Marshaler that returns its text as it is.
type rawText string

func (r rawText) MarshalJSON() ([]byte, error) { return []byte(r), nil }

func TestMarshalNestedMarshalerOutput(t *testing.T) {
	deep := strings.Repeat("[", 9_000) + strings.Repeat("]", 9_000)
	for name, text := range map[string]string{
		"compact":               `{"a":[1,"b c",{"d":null}]}`,
		"spaced":                " {\"a\" :\t[1, \"b c\"]}\n",
		"escapes":               `"a\"b\\c\u00e9\n"`,
		"lone surrogate escape": `"\ud800"`,
		"invalid UTF-8":         "\"\xff\"",
		"deep":                  deep,
	} {
		t.Run(name, func(t *testing.T) {
			value := map[string]rawText{"v": rawText(text)}
			got, err := jsoncodec.Marshal(value)
			require.NoError(t, err)
			require.Equal(t, string(encodingJSON(t, value)), string(got))
		})
	}
	for _, text := range []string{``, `{"a":`, `[1,]`, `1 2`, deep + "]"} {
		_, err := jsoncodec.Marshal([]rawText{rawText(text)})
		require.Error(t, err, "%q", text)
	}
}
