package referral

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/practicekit/boundaries/internal/bitset"
)

// selectLinear selects the top matches with a plain scan of every
// provider: each constraint checked from the provider's entry, every
// eligible provider scored and ranked, the list sorted, and the limit per
// practice applied greedily. It is the reference the index must agree with.
func selectLinear(ix *Index, q *query, state *Rotation) selection {
	excluded := bitset.New(len(ix.providers))
	for _, i := range q.excluded {
		excluded.Add(int(i))
	}
	sel := selection{considered: len(ix.providers) - len(q.excluded)}
	var all []item
	for k := range ix.providers {
		i := int32(k)
		if excluded.Has(int(i)) || ix.failures(i, q)&q.hard != 0 {
			continue
		}
		it, ok, dropped := ix.consider(i, q)
		if !ok {
			if dropped {
				sel.stale++
			}
			continue
		}
		sel.eligible++
		it.turn = state.turn(ix.providers[i].ID)
		all = append(all, it)
	}
	slices.SortFunc(all, func(a, b item) int { return ix.compareItems(&a, &b) })
	perPractice := map[int32]int{}
	for _, it := range all {
		if len(sel.items) == q.s.limit {
			break
		}
		if q.s.maxPerPractice > 0 && it.practice >= 0 {
			if perPractice[it.practice] >= q.s.maxPerPractice {
				sel.capped = true
				continue
			}
			perPractice[it.practice]++
		}
		sel.items = append(sel.items, it)
	}
	return sel
}

// benchSetup returns an index of 100,000 generated providers and a request
// with 5 hard constraints (needs, language, reach, region, accepting) and
// 6 weighted preferences (needs, language, distance, fee, insurance,
// times).
func benchSetup(b *testing.B) (*Index, Request, Options, Rotation) {
	b.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	d := genDirectory(r, 100_000)
	ix, err := NewIndex(d)
	if err != nil {
		b.Fatal(err)
	}
	c := testCities[0]
	at := c.at
	budget := d.Providers[0].Fees.Max
	req := Request{
		Needs: []Need{
			{Tag: testSpecialty(3), Must: true},
			{Tag: testSpecialty(7)},
			{Tag: testSpecialty(11)},
		},
		Language:  "es",
		Location:  &at,
		WithinKm:  30,
		Region:    c.region,
		Budget:    budget,
		Insurance: testNetwork(2),
		Zone:      d.Providers[0].Schedule.Zone,
		Preferred: d.Providers[0].Schedule.Hours,
		Exclude:   []string{"p000001"},
	}
	opt := Options{Hard: DefaultHard}
	state := Rotation{}
	for k := range 200 {
		state, _ = ix.Record(state, d.Providers[k*97].ID, testNow)
	}
	return ix, req, opt, state
}

// BenchmarkRoute routes one request over 100,000 providers with the index.
func BenchmarkRoute(b *testing.B) {
	ix, req, opt, state := benchSetup(b)
	res, err := ix.Route(testNow, req, state, opt)
	if err != nil || len(res.Matches) != 10 {
		b.Fatalf("setup: %d matches, %v", len(res.Matches), err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ix.Route(testNow, req, state, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRouteLinear routes the same request over the same data with a
// plain linear scan instead of the index; the ratio of its time to
// BenchmarkRoute's is what the index buys.
func BenchmarkRouteLinear(b *testing.B) {
	ix, req, opt, state := benchSetup(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ix.route(testNow, req, state, opt, selectLinear); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewIndex builds the index of 100,000 providers.
func BenchmarkNewIndex(b *testing.B) {
	d := genDirectory(rand.New(rand.NewPCG(1, 2)), 100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewIndex(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSelect measures the index's part of routing alone: compiling
// the request and selecting the top 10, without validation and without the
// explanations of the matches.
func BenchmarkSelect(b *testing.B) {
	ix, req, opt, state := benchSetup(b)
	s := opt.settings()
	b.ReportAllocs()
	for b.Loop() {
		q := ix.compile(testNow, &req, s)
		if got := ix.selectIndexed(q, &state); len(got.items) != 10 {
			b.Fatal(len(got.items))
		}
	}
}

// BenchmarkSelectLinear is BenchmarkSelect with a plain linear scan.
func BenchmarkSelectLinear(b *testing.B) {
	ix, req, opt, state := benchSetup(b)
	s := opt.settings()
	b.ReportAllocs()
	for b.Loop() {
		q := ix.compile(testNow, &req, s)
		if got := selectLinear(ix, q, &state); len(got.items) != 10 {
			b.Fatal(len(got.items))
		}
	}
}

// BenchmarkDirectoryJSON decodes a directory of 10,000 providers, as a
// host does when it loads its stored directory.
func BenchmarkDirectoryJSON(b *testing.B) {
	data, err := json.Marshal(genDirectory(rand.New(rand.NewPCG(1, 2)), 10_000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var d Directory
		if err := d.UnmarshalJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}
