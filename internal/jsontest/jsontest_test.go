package jsontest

import "testing"

func TestElements(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{`{}`, 0},
		{`[]`, 0},
		{`[ ]`, 0},
		{`[1]`, 1},
		{`{"a":1,"b":[2,3],"c":{}}`, 5},
		{`["a,b", "[{", "\"", 4]`, 4},
		{`{"a": [ {"b": "c\\"}, [] ] }`, 4},
	} {
		if got := Elements([]byte(c.in)); got != c.want {
			t.Errorf("Elements(%s) = %d, want %d", c.in, got, c.want)
		}
	}
}

type point struct {
	X, Y int
}

func (p point) Validate() error { return nil }

func TestRoundTrip(t *testing.T) {
	v, back, encoded, ok := RoundTrip[point](t, []byte(`{"X": 1, "Y": 2}`))
	if !ok || v != (point{1, 2}) || back != v || string(encoded) != `{"X":1,"Y":2}` {
		t.Fatalf("RoundTrip = %v, %v, %s, %v", v, back, encoded, ok)
	}
	if _, _, _, ok := RoundTrip[point](t, []byte(`{"X": "one"}`)); ok {
		t.Fatal("input that does not decode reported as decoded")
	}
}
