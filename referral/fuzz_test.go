package referral

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability/contact"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/internal/jsontest"
)

// FuzzDirectoryJSON decodes arbitrary input as a directory: it never
// panics, what decodes round-trips (see decodeRoundTrip), and a directory
// that validates indexes. The story's directory is seeded one provider at
// a time, to keep inputs small for the minimizer.
func FuzzDirectoryJSON(f *testing.F) {
	for _, p := range storyDirectory().Providers {
		b, err := json.Marshal(Directory{Version: "2026-11", Providers: []Provider{p}})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"providers":[]}`))
	f.Add([]byte(`{"version":"v","providers":[{"id":"a","name":"A","modalities":"remote","accepting":{"value":true,"confirmed":"2026-11-24"},"capacity":{"value":2},"fees":{"min":"USD 1.00","max":"USD 2.00"},"schedule":{"zone":"Europe/Rome","hours":[{"days":"mon-fri","start":"09:00","end":"17:00"}]}}]}`))
	f.Add([]byte(`{"providers":[{"id":"a","location":{"lat":1e400}}]}`))
	f.Add([]byte(`{"providers":[{"id":"a","modalities":"in_person,remote,remote"}]}`))
	f.Add([]byte(`{"providers":[{},{"id":"","name":"","modalities":"","accepting":{"value":false}},null]}`))
	f.Add([]byte(`{"providers":[{"id":"a","name":"A","modalities":"remote","share":5e-324}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, _, ok := jsontest.RoundTrip[Directory](t, data)
		if !ok || d.Validate() != nil {
			return
		}
		if _, err := NewIndex(d); err != nil {
			t.Fatalf("valid directory does not index: %v", err)
		}
	})
}

// FuzzProviderJSON decodes arbitrary input as one provider; what decodes
// round-trips.
func FuzzProviderJSON(f *testing.F) {
	for _, p := range storyDirectory().Providers {
		b, err := json.Marshal(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"accepting":{},"capacity":{"value":0},"fees":{},"location":null,"schedule":{"zone":"UTC"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		jsontest.RoundTrip[Provider](t, data)
	})
}

// FuzzRequestJSON decodes arbitrary input as a request: what decodes
// round-trips, and a request that validates routes.
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
	f.Add([]byte(`{"needs":[{},null,{"tag":""}],"budget":""}`))
	ix, err := NewIndex(storyDirectory())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		req, _, _, ok := jsontest.RoundTrip[Request](t, data)
		if !ok || req.Validate() != nil {
			return
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

// FuzzRotationJSON decodes arbitrary input as a rotation state; what
// decodes round-trips, and recording a referral in it gives a state that
// validates and round-trips too.
func FuzzRotationJSON(f *testing.F) {
	f.Add([]byte(`{"clock":0.5,"uses":[{"id":"a","count":1,"last":"2026-11-24T11:00:00Z","pass":1}]}`))
	f.Add([]byte(`{"clock":0,"uses":[]}`))
	f.Add([]byte(`{"clock":1e308,"uses":[{"id":"","count":0,"last":"0001-01-01T00:00:00Z","pass":0}]}`))
	f.Add([]byte(`{"uses":[{"id":"ana"},{"id":"ben","pass":1.7976931348623157e308}]}`))
	f.Add([]byte(`{}`))
	ix, err := NewIndex(equals(map[string]float64{"ana": MinShare, "ben": MaxShare}, "ana", "ben"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, _, _, ok := jsontest.RoundTrip[Rotation](t, data)
		if !ok {
			return
		}
		for _, id := range []string{"ana", "ben"} {
			next, err := ix.Record(r, id, testNow)
			if err != nil {
				t.Fatal(err)
			}
			if err := next.Validate(); err != nil {
				t.Fatalf("recording %s gives a state that does not validate: %v", id, err)
			}
			b, err := json.Marshal(next)
			if err != nil {
				t.Fatalf("recording %s gives a state that does not encode: %v", id, err)
			}
			jsontest.RoundTrip[Rotation](t, b)
		}
	})
}

// FuzzOptionsJSON decodes arbitrary input as routing options; what decodes
// round-trips, and options that validate route.
func FuzzOptionsJSON(f *testing.F) {
	for _, o := range []Options{
		{},
		{Hard: DefaultHard | ConstraintBudget, Weights: Weights{Needs: 2, Fee: 1}, Limit: 5, Tolerance: 0.1, MaxPerPractice: 1, WithinKm: 30,
			Stale: Staleness{AfterDays: 60, Action: StaleDrop, Penalty: 0.3}, Immediate: 2 * time.Hour, Record: RecordAll},
	} {
		b, err := json.Marshal(o)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"hard":"","weights":{},"stale":{},"crisis":{"groups":[{}],"resources":[{}]},"record":""}`))
	f.Add([]byte(`{"tolerance":1e-300,"immediate":"-1h","weights":{"needs":1e300}}`))
	ix, err := NewIndex(storyDirectory())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		o, _, _, ok := jsontest.RoundTrip[Options](t, data)
		if !ok || o.Validate() != nil {
			return
		}
		if _, err := ix.Route(testNow, storyRequest(), Rotation{}, o); err != nil {
			t.Fatalf("valid options do not route: %v", err)
		}
	})
}

// FuzzCrisisJSON decodes arbitrary input as a crisis list; what decodes
// round-trips.
func FuzzCrisisJSON(f *testing.F) {
	c := CrisisExamples()
	for _, g := range c.Groups {
		b, err := json.Marshal(Crisis{Version: c.Version, Groups: []RegionGroup{g}, Resources: c.Resources[:1]})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"groups":[{"code":"","members":[]}],"resources":[{"id":"","name":"","contact":""}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, _, _, ok := jsontest.RoundTrip[Crisis](t, data)
		if ok {
			_ = c.For("GB-ENG")
		}
	})
}

// FuzzHandoffJSON decodes arbitrary input as a handoff; what decodes
// round-trips, and its summary withholds every category without consent.
func FuzzHandoffJSON(f *testing.F) {
	b, err := json.Marshal(Handoff{From: "Ana Rossi", To: "Ben Okafor", Date: testToday,
		Contact: Contact{Name: "Sam", Email: "sam@example.com"}, Needs: []string{"life_coaching"},
		Screening: []string{"red flag"}, Notes: "prefers mornings", Consent: Consent{Contact: true, Needs: true}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"from":"","to":"","date":"0000-00-00","contact":{},"consent":{"notes":false}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, _, _, ok := jsontest.RoundTrip[Handoff](t, data)
		if !ok {
			return
		}
		s := h.Summary()
		if !h.Consent.Notes && s.Notes != "" || !h.Consent.Contact && s.Contact != nil {
			t.Fatalf("summary leaks: %+v", s)
		}
	})
}

// FuzzResultJSON decodes arbitrary input as a routing result; what decodes
// encodes, and its encoding decodes to the same encoding. A component
// always names its factor (the zero Factor is FactorNeeds), so a result's
// encoding may have more elements than an input that left factors out.
func FuzzResultJSON(f *testing.F) {
	ix, err := NewIndex(storyDirectory())
	if err != nil {
		f.Fatal(err)
	}
	emergency := storyRequest()
	emergency.Urgency = contact.Emergency
	for _, req := range []Request{storyRequest(), emergency, {Language: "it", Modalities: place.InPerson, Location: new(prospect)}} {
		res, err := ix.Route(testNow, req, Rotation{}, Options{Limit: 1, Crisis: Crisis{Version: "v1", Resources: CrisisExamples().Resources[:1]}})
		if err != nil {
			f.Fatal(err)
		}
		b, err := json.Marshal(res)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"matches":[{"components":[{}],"reasons":[{}]}],"counts":[{}],"rotation":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Result
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		first, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("a result decodes but does not encode: %v\n%s", err, data)
		}
		var back Result
		if err := json.Unmarshal(first, &back); err != nil {
			t.Fatalf("the encoding of a result does not decode: %v\n%s", err, first)
		}
		if second, err := json.Marshal(back); err != nil || !bytes.Equal(first, second) {
			t.Fatalf("a result changed in the round trip (%v):\n%s\n%s", err, first, second)
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
