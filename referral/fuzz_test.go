package referral

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// FuzzDirectoryJSON decodes arbitrary input as a directory: it never
// panics, and a directory that decodes and validates encodes to JSON that
// decodes to the same encoding.
func FuzzDirectoryJSON(f *testing.F) {
	d := storyDirectory()
	b, err := json.Marshal(d)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"providers":[]}`))
	f.Add([]byte(`{"version":"v","providers":[{"id":"a","name":"A","modalities":"remote","accepting":{"value":true,"confirmed":"2026-11-24"},"capacity":{"value":2},"fees":{"min":"USD 1.00","max":"USD 2.00"},"schedule":{"zone":"Europe/Rome","hours":[{"days":"mon-fri","start":"09:00","end":"17:00"}]}}]}`))
	f.Add([]byte(`{"providers":[{"id":"a","location":{"lat":1e400}}]}`))
	f.Add([]byte(`{"providers":[{"id":"a","modalities":"in_person,remote,remote"}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var d Directory
		if err := d.UnmarshalJSON(data); err != nil {
			return
		}
		if d.Validate() != nil {
			return
		}
		first, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("valid directory does not encode: %v", err)
		}
		var back Directory
		if err := json.Unmarshal(first, &back); err != nil {
			t.Fatalf("encoding does not decode: %v\n%s", err, first)
		}
		second, err := json.Marshal(back)
		if err != nil || !bytes.Equal(first, second) {
			t.Fatalf("round trip changed the directory:\n%s\n%s", first, second)
		}
		if _, err := NewIndex(back); err != nil {
			t.Fatalf("valid directory does not index: %v", err)
		}
	})
}

// FuzzRequestJSON decodes arbitrary input as a request and routes it when
// it validates: nothing panics, and a valid request round-trips.
func FuzzRequestJSON(f *testing.F) {
	b, err := json.Marshal(storyRequest())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"urgency":"emergency","region":"GB-ENG"}`))
	f.Add([]byte(`{"preferred":[{"days":"sat","start":"22:00","end":"02:00"}],"zone":"Pacific/Chatham","language":"pt-BR"}`))
	f.Add([]byte(`{"needs":[{"tag":"a","must":true}],"modalities":"in_person","location":{"lat":89.9,"lon":179.9},"within_km":5000}`))
	f.Add([]byte(`{"budget":"JPY 5000","insurance":"x","exclude":["ben","ben"]}`))
	ix, err := NewIndex(storyDirectory())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var req Request
		if err := req.UnmarshalJSON(data); err != nil {
			return
		}
		if req.Validate() != nil {
			return
		}
		first, err := json.Marshal(req)
		if err != nil {
			t.Fatalf("valid request does not encode: %v", err)
		}
		var back Request
		if err := json.Unmarshal(first, &back); err != nil {
			t.Fatalf("encoding does not decode: %v\n%s", err, first)
		}
		if second, _ := json.Marshal(back); !bytes.Equal(first, second) {
			t.Fatalf("round trip changed the request:\n%s\n%s", first, second)
		}
		res, err := ix.Route(testNow, req, Rotation{}, Options{})
		if err != nil {
			t.Fatalf("valid request does not route: %v", err)
		}
		if req.emergency() && res.IsEmpty() {
			t.Fatal("empty emergency result")
		}
	})
}

// FuzzRotationJSON decodes arbitrary input as a rotation state; a state
// that decodes encodes back to the same state.
func FuzzRotationJSON(f *testing.F) {
	f.Add([]byte(`{"clock":0.5,"uses":[{"id":"a","count":1,"last":"2026-11-24T11:00:00Z","pass":1}]}`))
	f.Add([]byte(`{"clock":0,"uses":[]}`))
	f.Add([]byte(`{"clock":1e308,"uses":[{"id":"","count":0,"last":"0001-01-01T00:00:00Z","pass":0}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Rotation
		if err := r.UnmarshalJSON(data); err != nil {
			return
		}
		first, err := r.MarshalJSON()
		if err != nil {
			t.Fatalf("decoded state does not encode: %v", err)
		}
		var back Rotation
		if err := back.UnmarshalJSON(first); err != nil {
			t.Fatalf("encoding does not decode: %v\n%s", err, first)
		}
		if second, _ := back.MarshalJSON(); !bytes.Equal(first, second) {
			t.Fatalf("round trip changed the state:\n%s\n%s", first, second)
		}
	})
}

// FuzzParseText checks ParseConstraint against its String method.
func FuzzParseText(f *testing.F) {
	for _, s := range []string{"", "remote", "in_person,remote", "needs,language", "budget", "x,,y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := ParseConstraint(s); err == nil {
			if again, err := ParseConstraint(c.String()); err != nil || again != c {
				t.Fatalf("constraint %q: %v, %v", s, again, err)
			}
		}
	})
}

// FuzzRouteAgainstScan routes generated requests over generated
// directories, seeded by the fuzzer, and requires the index and a plain
// scan to agree.
func FuzzRouteAgainstScan(f *testing.F) {
	for s := range uint64(8) {
		f.Add(s, s*31+7)
	}
	f.Fuzz(func(t *testing.T, a, b uint64) {
		r := rand.New(rand.NewPCG(a, b))
		d := genDirectory(r, 1+r.IntN(300))
		ix, err := NewIndex(d)
		if err != nil {
			t.Fatal(err)
		}
		req, opt := genRequest(r, &d), genOptions(r)
		got, err := ix.Route(testNow, req, Rotation{}, opt)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ix.route(testNow, req, Rotation{}, opt, selectLinear)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := ids(got.Matches), ids(want.Matches); !slicesEqual(g, w) || got.Eligible != want.Eligible {
			t.Fatalf("index %v (%d eligible), scan %v (%d eligible)", g, got.Eligible, w, want.Eligible)
		}
	})
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
