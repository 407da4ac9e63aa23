package strictjson

import (
	"strings"
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability/problem"
)

// A tree holds trees, as a condition holds conditions; treeJSON is its
// form in JSON.
type tree struct {
	Name string
	Wait time.Duration
	Kids []tree
	Only *tree
}

type treeJSON struct {
	Name string        `json:"name,omitempty"`
	Wait time.Duration `json:"wait,omitzero"`
	Kids []tree        `json:"kids,omitempty"`
	Only *tree         `json:"only,omitzero"`
}

var treeFuncs = NestedFuncs(
	func(dec *jsontext.Decoder, t *tree) error {
		var j treeJSON
		if err := Decode(dec, &j); err != nil {
			return err
		}
		*t = tree(j)
		return nil
	},
	func(enc *jsontext.Encoder, t tree) error {
		j := treeJSON(t)
		return Encode(enc, &j)
	})

func TestNested(t *testing.T) {
	in := `{"name":"a","wait":"50m","kids":[{"name":"b","only":{"name":"c","wait":"1h30m"}},{"only":null},null]}`
	var v tree
	require.NoError(t, treeFuncs.Unmarshal([]byte(in), &v, Limits{}))
	require.Equal(t, tree{Name: "a", Wait: 50 * time.Minute, Kids: []tree{
		{Name: "b", Only: &tree{Name: "c", Wait: 90 * time.Minute}}, {}, {},
	}}, v)
	b, err := treeFuncs.Marshal(v)
	require.NoError(t, err)
	require.Equal(t, `{"name":"a","wait":"50m","kids":[{"name":"b","only":{"name":"c","wait":"1h30m"}},{},{}]}`, string(b))

	// Nested values are read with the options of the call: unknown
	// members, durations, duplicates and limits, with their paths.
	for _, c := range []struct {
		in, path string
		code     problem.Code
		msg      string
	}{
		{`{"kids":[{},{"only":{"x":1}}]}`, "kids[1].only.x", problem.Unknown, `unknown member "x"`},
		{`{"kids":[{"kids":[{"wait":"5 minutes"}]}]}`, "kids[0].kids[0].wait", problem.Invalid, "invalid duration"},
		{`{"kids":[{"name":"a","name":"b"}]}`, "kids[0].name", problem.Duplicate, "given twice"},
		{`{"only":{"only":3}}`, "only.only", problem.Mismatch, "want an object, got a number"},
		{`{"kids":[{"kids":[}]}`, "kids[0].kids[0]", problem.Syntax, "malformed JSON"},
		{strings.Repeat(`{"only":`, 64) + "{}" + strings.Repeat("}", 64), "", problem.TooDeep, "deeper than 64"},
	} {
		var v tree
		err := treeFuncs.Unmarshal([]byte(c.in), &v, Limits{})
		var l problem.List
		require.ErrorAs(t, err, &l, c.in)
		require.Len(t, l, 1)
		require.Equal(t, c.path, l[0].Path, c.in)
		require.Equal(t, c.code, l[0].Code, c.in)
		require.Contains(t, l[0].Message, c.msg, c.in)
	}

	// The zero Nested reads and writes as Unmarshal and Marshal do.
	var j treeJSON
	require.NoError(t, Nested{}.Unmarshal([]byte(`{"wait":"1h"}`), &j, Limits{}))
	require.Equal(t, time.Hour, j.Wait)
	b, err = Nested{}.Marshal(j)
	require.NoError(t, err)
	require.Equal(t, `{"wait":"1h"}`, string(b))
}
