package strictjson

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability/problem"
)

type clock int

func (c *clock) UnmarshalText(b []byte) error {
	if string(b) == "25:00" {
		return errClock
	}
	*c = 1
	return nil
}

func (c clock) MarshalText() ([]byte, error) { return []byte("09:00"), nil }

var errClock = errors.New("invalid clock time")

type window struct {
	Start clock `json:"start"`
	End   clock `json:"end"`
}

type inner struct {
	Hours []window `json:"hours,omitempty"`
}

func (i *inner) UnmarshalJSON(b []byte) error {
	type plain inner
	return Unmarshal(b, (*plain)(i), Limits{})
}

func (i inner) MarshalJSON() ([]byte, error) {
	type plain inner
	return Marshal(plain(i))
}

type outer struct {
	Zone    *time.Location   `json:"zone"`
	Session time.Duration    `json:"session"`
	Notice  time.Duration    `json:"notice,omitzero"`
	Rooms   map[string]inner `json:"rooms,omitempty"`
	List    []inner          `json:"list,omitempty"`
	Count   int              `json:"count,omitzero"`
}

func TestUnmarshalProblems(t *testing.T) {
	for _, c := range []struct {
		name, in string
		path     string
		code     problem.Code
		msg      string
	}{
		{"unknown member", `{"list":[{"hours":[{"start":"09:00","end":"10:00","x":1}]}]}`, "list[0].hours[0].x", problem.Unknown, `unknown member "x"`},
		{"bad text", `{"list":[{},{"hours":[{"start":"25:00","end":"10:00"}]}]}`, "list[1].hours[0].start", problem.Invalid, "invalid clock time"},
		{"digit member", `{"rooms":{"1":{"hours":[{"start":"25:00"}]}}}`, `rooms["1"].hours[0].start`, problem.Invalid, "invalid clock time"},
		{"spaced member", `{"rooms":{"room 1":{"hours":3}}}`, `rooms["room 1"].hours`, problem.Mismatch, "want an array, got a number"},
		{"wrong kind", `{"count":"3"}`, "count", problem.Mismatch, "want a whole number, got a string"},
		{"fraction", `{"count":1.5}`, "count", problem.Mismatch, "want a whole number, got"},
		{"duration", `{"session":"5 minutes"}`, "session", problem.Invalid, `invalid duration "5 minutes": unknown unit " minutes": want w, d, h, m, s, ms, us or ns`},
		{"text kind", `{"list":[{"hours":[{"start":900}]}]}`, "list[0].hours[0].start", problem.Mismatch, "want a string, got a number"},
		{"duration kind", `{"session":50}`, "session", problem.Mismatch, "want a string, got a number"},
		{"zone", `{"zone":"Mars/Olympus"}`, "zone", problem.Invalid, `unknown time zone "Mars/Olympus"`},
		{"duplicate", `{"count":1,"count":2}`, "count", problem.Duplicate, `member "count" is given twice`},
		{"nested duplicate", `{"list":[{"hours":[],"hours":[]}]}`, "list[0].hours", problem.Duplicate, `member "hours" is given twice`},
		{"syntax", `{"count":1,}`, "", problem.Syntax, "malformed JSON"},
		{"empty", ``, "", problem.Syntax, "malformed JSON"},
		{"trailing", `{} {}`, "", problem.Syntax, "malformed JSON"},
		{"bad utf-8", "{\"zone\":\"\xff\"}", "zone", problem.Syntax, "malformed JSON"},
		{"out of range", `{"count":99999999999999999999}`, "count", problem.OutOfRange, "out of range for a whole number"},
		{"deep", strings.Repeat("[", 65) + strings.Repeat("]", 65), "", problem.TooDeep, "deeper than 64"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var v outer
			err := Unmarshal([]byte(c.in), &v, Limits{})
			require.Error(t, err)
			require.ErrorIs(t, err, problem.ErrInvalid)
			var l problem.List
			require.ErrorAs(t, err, &l)
			require.Len(t, l, 1)
			require.Equal(t, c.path, l[0].Path)
			require.Equal(t, c.code, l[0].Code)
			require.Contains(t, l[0].Message, c.msg)
		})
	}
}

func TestUnmarshalCause(t *testing.T) {
	var v outer
	err := Unmarshal([]byte(`{"list":[{"hours":[{"start":"25:00"}]}]}`), &v, Limits{})
	require.ErrorIs(t, err, errClock)
	err = Unmarshal([]byte(`{"zone":"Local"}`), &v, Limits{})
	require.ErrorIs(t, err, ErrZone)
	err = Unmarshal([]byte(`{"session":"1x"}`), &v, Limits{})
	require.ErrorIs(t, err, ErrDuration)
}

func TestLimits(t *testing.T) {
	var v outer
	err := Unmarshal([]byte(`{"list":[{},{},{}]}`), &v, Limits{MaxElements: 3})
	require.True(t, err.(problem.List).Has(problem.TooMany))
	require.NoError(t, Unmarshal([]byte(`{"list":[{},{}]}`), &v, Limits{MaxElements: 3}))
	require.NoError(t, Unmarshal([]byte(`{"list":[{"hours":[]}, {}], "count": 2}`), &v, Limits{MaxElements: 5}))
	err = Unmarshal([]byte(`{"list":[{"hours":[]}, {}], "count": 2}`), &v, Limits{MaxElements: 4})
	require.True(t, err.(problem.List).Has(problem.TooMany))
	err = Unmarshal([]byte(`{"zone":"UTC"}`), &v, Limits{MaxBytes: 5})
	require.True(t, err.(problem.List).Has(problem.TooLarge))
	// Brackets and commas inside strings are not counted.
	var w window
	err = Unmarshal([]byte(`{"start":"[[[,,,\"]]]"}`), &w, Limits{MaxElements: 1, MaxDepth: 1})
	require.NoError(t, err)
}

func TestRoundTrip(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	v := outer{Zone: berlin, Session: 50 * time.Minute, Rooms: map[string]inner{"b": {}, "a": {Hours: []window{{}}}}, Count: 2}
	b, err := Marshal(v)
	require.NoError(t, err)
	require.Equal(t, `{"zone":"Europe/Berlin","session":"50m","rooms":{"a":{"hours":[{"start":"09:00","end":"09:00"}]},"b":{}},"count":2}`, string(b))
	var got outer
	require.NoError(t, Unmarshal(b, &got, Limits{}))
	require.Equal(t, berlin, got.Zone)
	require.Equal(t, 50*time.Minute, got.Session)
	b, err = Marshal(outer{})
	require.NoError(t, err)
	require.Equal(t, `{"zone":null,"session":"0s"}`, string(b))
	got = outer{Zone: berlin, Session: time.Hour}
	require.NoError(t, Unmarshal(b, &got, Limits{}))
	require.Nil(t, got.Zone, "null reads back as the zero value")
	require.NoError(t, Unmarshal([]byte(`{"session":null}`), &got, Limits{}))
	require.Zero(t, got.Session)
}

type selfRef struct {
	Next  *selfRef           `json:"next"`
	Waits map[string][]inner `json:"waits"`
}

type deepDuration struct {
	Steps []map[string]*struct {
		Wait time.Duration `json:"wait"`
	} `json:"steps"`
}

type readsItself struct{}

func (*readsItself) UnmarshalJSONFrom(*jsontext.Decoder) error { return nil }

func TestMayHoldTime(t *testing.T) {
	for _, c := range []struct {
		v    any
		want bool
	}{
		{new(window), false},
		{new([]window), false},
		{new(selfRef), false},
		{new(outer), true},
		{new(time.Duration), true},
		{new(*time.Location), true},
		{new(deepDuration), true},
		{new(any), true},
		{new(struct{ V any }), true},
		{new(readsItself), true},
		{nil, true},
	} {
		require.Equal(t, c.want, mayHoldTime(reflect.TypeOf(c.v)), "%T", c.v)
	}
	// A duration deep in a type is read as text, as ever.
	var d deepDuration
	require.NoError(t, Unmarshal([]byte(`{"steps":[{"a":{"wait":"90m"}}]}`), &d, Limits{}))
	require.Equal(t, 90*time.Minute, d.Steps[0]["a"].Wait)
}
