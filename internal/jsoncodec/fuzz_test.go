package jsoncodec_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/internal/jsoncodec"
)

// fuzzDoc nests slices, maps, pointers, interfaces and durations. It has no
// omitempty slices or maps, so that decoding what Marshal wrote gives back
// an equal value.
type fuzzDoc struct {
	Name     string               `json:"name"`
	Count    int8                 `json:"count,omitempty"`
	Big      uint64               `json:"big"`
	Neg      int64                `json:"neg"`
	Ratio    float32              `json:"ratio"`
	Real     float64              `json:"real"`
	OK       bool                 `json:"ok"`
	Wait     time.Duration        `json:"wait"`
	WaitPtr  *time.Duration       `json:"waitPtr,omitempty"`
	Tags     []string             `json:"tags"`
	Grid     [][]int16            `json:"grid"`
	Pair     [2]uint8             `json:"pair"`
	Blob     []byte               `json:"blob"`
	Attrs    map[string]*fuzzDoc  `json:"attrs"`
	Children []fuzzDoc            `json:"children"`
	Next     *fuzzDoc             `json:"next"`
	Extra    any                  `json:"extra"`
	Days     map[Weekdays][]Clock `json:"days"`
	Window   *Window              `json:"window"`
}

// generous limits let the second decoding accept the output of Marshal,
// which can be deeper and longer than the input: it writes every field.
var generous = jsoncodec.Limits{MaxBytes: 1 << 30, MaxDepth: 10_000, MaxElements: 1 << 30}

func FuzzUnmarshal(f *testing.F) {
	seeds := []string{
		`{}`,
		`null`,
		`{"name":"a","count":-3,"big":18446744073709551615,"neg":-9223372036854775808,"ratio":0.1,"real":1e300,"ok":true}`,
		`{"wait":"1h30m","waitPtr":"-5ns","tags":["a","\u00e9","\ud83d\ude00"],"grid":[[1,2],[],null],"pair":[1,2]}`,
		`{"blob":"aGVsbG8=","attrs":{"x":{"name":"x"},"y":null},"children":[{"next":{"name":"n"}}]}`,
		`{"extra":{"a":[1,"b",true,null,{"c":-0.5e-3}]},"days":{"mon,tue":["09:00","17:30"]},"window":{"days":"sun","start":"00:00","end":"23:59"}}`,
		`{"count":1.0e1,"big":2e19,"neg":-1.5}`,
		`{"name":"dup","name":"dup"}`,
		`{"unknown":1}`,
		`[1,2,3]`,
		`{"client":"c","schedule":{"zone":"UTC","hours":[{"days":"mon","start":"09:00","end":"17:00"}]},"session":"50m"}`,
		`{"rooms":{"room 1":{"hours":[{"start":"25:00"}]}}}`,
		"\"\\ud800\"",
		"{\"name\":\"\xff\"}",
		`{"extra":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}`,
	}
	for _, seed := range seeds {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var doc fuzzDoc
		if jsoncodec.Unmarshal(data, &doc, jsoncodec.Limits{}) == nil {
			requireRoundTrip(t, &doc, new(fuzzDoc))
		}
		var v any
		if jsoncodec.Unmarshal(data, &v, jsoncodec.Limits{}) == nil {
			requireRoundTrip(t, &v, new(any))
		}
		var agreement Agreement
		if jsoncodec.Unmarshal(data, &agreement, jsoncodec.Limits{}) == nil {
			requireStableEncoding(t, agreement, new(Agreement))
		}
		var all everything
		if jsoncodec.Unmarshal(data, &all, jsoncodec.Limits{}) == nil {
			requireStableEncoding(t, all, new(everything))
		}
	})
}

// requireRoundTrip checks that decoding the encoding of *v into fresh gives
// a value equal to *v.
func requireRoundTrip[T any](t *testing.T, v *T, fresh *T) {
	t.Helper()
	data, err := jsoncodec.Marshal(*v)
	require.NoError(t, err)
	require.NoError(t, jsoncodec.Unmarshal(data, fresh, generous), "decoding %s", data)
	require.Equal(t, *v, *fresh, "decoding %s", data)
}

// requireStableEncoding checks that decoding the encoding of v into fresh
// succeeds and encodes the same way. Types with omitempty slices need this
// weaker check: an empty slice is written as nothing and read back as nil.
func requireStableEncoding[T any](t *testing.T, v T, fresh *T) {
	t.Helper()
	data, err := jsoncodec.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, jsoncodec.Unmarshal(data, fresh, generous), "decoding %s", data)
	again, err := jsoncodec.Marshal(*fresh)
	require.NoError(t, err)
	require.Equal(t, string(data), string(again))
}

// FuzzMarshalerOutput checks that the output of a json.Marshaler is written
// as encoding/json writes it, whether it is copied as it is or compacted.
func FuzzMarshalerOutput(f *testing.F) {
	for _, seed := range []string{`{"a":[1,"b"]}`, " [ 1 ,\n2 ] ", `"\ud800"`, "\"\xff\"", `{"a":`, `1 2`, `"a\u2028b"`, `[[[]]]`, `-0.5e+3`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		value := []rawText{rawText(text)}
		got, err := jsoncodec.Marshal(value)
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if wantErr := enc.Encode(value); wantErr != nil {
			require.Error(t, err)
			return
		}
		require.NoError(t, err)
		require.Equal(t, strings.TrimSuffix(want.String(), "\n"), string(got))
	})
}
