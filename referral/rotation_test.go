package referral

import (
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/availability/problem"
)

// equals returns a directory of interchangeable colleagues with the given
// IDs and shares.
func equals(shares map[string]float64, idList ...string) Directory {
	var d Directory
	for _, id := range idList {
		d.Providers = append(d.Providers, Provider{
			ID: id, Name: "Colleague " + id, Modalities: place.Remote, Languages: []string{"en"},
			Accepting: Fact[bool]{Value: true, Confirmed: testToday}, Share: shares[id],
		})
	}
	return d
}

// referN routes n identical requests one minute apart, feeding each
// result's rotation state into the next, and returns the first match of
// each routing and the final state.
func referN(t *testing.T, ix *Index, state Rotation, n int, exclude ...string) ([]string, Rotation) {
	t.Helper()
	var firsts []string
	for k := range n {
		res, err := ix.Route(testNow.Add(time.Duration(k)*time.Minute), Request{Language: "en", Exclude: exclude}, state, Options{})
		require.NoError(t, err)
		require.NotEmpty(t, res.Matches)
		firsts = append(firsts, res.Matches[0].ID)
		state = res.Rotation
	}
	return firsts, state
}

func tally(ids []string) map[string]int {
	m := map[string]int{}
	for _, id := range ids {
		m[id]++
	}
	return m
}

func TestRotationSpreadsEvenly(t *testing.T) {
	ix, err := NewIndex(equals(nil, "a", "b", "c", "d", "e"))
	require.NoError(t, err)
	firsts, state := referN(t, ix, Rotation{}, 1000)
	require.Equal(t, map[string]int{"a": 200, "b": 200, "c": 200, "d": 200, "e": 200}, tally(firsts))
	// Round robin: every window of five has each colleague once.
	for k := 0; k+5 <= len(firsts); k += 5 {
		require.Len(t, tally(firsts[k:k+5]), 5)
	}
	u, ok := state.Use("c")
	require.True(t, ok)
	require.Equal(t, 200, u.Count)
}

func TestRotationShares(t *testing.T) {
	ix, err := NewIndex(equals(map[string]float64{"a": 2}, "a", "b", "c"))
	require.NoError(t, err)
	firsts, _ := referN(t, ix, Rotation{}, 400)
	require.Equal(t, map[string]int{"a": 200, "b": 100, "c": 100}, tally(firsts))
}

func TestRotationNewcomerNotFlooded(t *testing.T) {
	old, err := NewIndex(equals(nil, "a", "b", "c"))
	require.NoError(t, err)
	_, state := referN(t, old, Rotation{}, 300)

	grown, err := NewIndex(equals(nil, "a", "b", "c", "new"))
	require.NoError(t, err)
	firsts, _ := referN(t, grown, state, 40)
	// The newcomer joins at the clock: one turn per round like the others
	// (one ahead at most), not the 100 it would take to catch up.
	requireAbout(t, tally(firsts), 10, "a", "b", "c", "new")
	require.Contains(t, firsts[:4], "new", "the newcomer gets a turn in the first round")
	require.Equal(t, 1, tally(firsts[4:8])["new"])
}

func TestRotationReturningColleague(t *testing.T) {
	ix, err := NewIndex(equals(nil, "a", "b", "c", "back"))
	require.NoError(t, err)
	_, state := referN(t, ix, Rotation{}, 400) // 100 each
	// "back" is away while the others get 600 more referrals.
	_, state = referN(t, ix, state, 600, "back")
	u, _ := state.Use("back")
	require.Equal(t, 100, u.Count)

	firsts, _ := referN(t, ix, state, 40)
	// Back at the clock: neither flooded (200 behind the others) nor
	// starved.
	requireAbout(t, tally(firsts), 10, "a", "b", "c", "back")
	require.Contains(t, firsts[:4], "back")
	require.Equal(t, 1, tally(firsts[4:8])["back"])
}

// requireAbout requires each ID to have want ± 1.
func requireAbout(t *testing.T, got map[string]int, want int, idList ...string) {
	t.Helper()
	for _, id := range idList {
		require.InDelta(t, want, got[id], 1, "%s: %v", id, got)
	}
}

func TestRotationPriority(t *testing.T) {
	d := equals(nil, "a", "b", "c")
	d.Providers[2].Priority = 1
	ix, err := NewIndex(d)
	require.NoError(t, err)
	firsts, _ := referN(t, ix, Rotation{}, 6)
	require.Equal(t, []string{"c", "c", "c", "c", "c", "c"}, firsts)
	res, err := ix.Route(testNow, Request{}, Rotation{}, Options{})
	require.NoError(t, err)
	r, ok := findReason(res.Matches[0].Reasons, "rotation")
	require.True(t, ok)
	require.Equal(t, "Near-equal to 2 other matches in score; priority 1; rotation: never referred.", r.Message)
}

func TestRotationIsAValue(t *testing.T) {
	ix, err := NewIndex(equals(nil, "a", "b"))
	require.NoError(t, err)
	state, err := ix.Record(Rotation{}, "a", testNow)
	require.NoError(t, err)
	before, err := state.MarshalJSON()
	require.NoError(t, err)

	res, err := ix.Route(testNow, Request{}, state, Options{Record: RecordAll})
	require.NoError(t, err)
	after, err := state.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, string(before), string(after), "Route leaves the state passed in alone")
	require.Equal(t, 2, res.Rotation.Len())
	u, _ := res.Rotation.Use("a")
	require.Equal(t, 2, u.Count)

	none, err := ix.Route(testNow, Request{}, state, Options{Record: RecordNone})
	require.NoError(t, err)
	require.Equal(t, state, none.Rotation)

	_, err = ix.Record(state, "zed", testNow)
	require.ErrorIs(t, err, ErrUnknownProvider)
	var pe *ProviderError
	require.True(t, errors.As(err, &pe))
	require.Equal(t, "zed", pe.ID)
	require.Equal(t, `provider "zed": unknown provider`, err.Error())
}

func TestRotationJSON(t *testing.T) {
	ix, err := NewIndex(equals(map[string]float64{"b": 2}, "a", "b"))
	require.NoError(t, err)
	state := Rotation{}
	for k, id := range []string{"b", "a", "b"} {
		state, err = ix.Record(state, id, testNow.Add(time.Duration(k)*time.Hour))
		require.NoError(t, err)
	}
	b, err := state.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, `{"clock":0.5,"uses":[{"id":"a","count":1,"last":"2026-11-24T11:00:00Z","pass":1},{"id":"b","count":2,"last":"2026-11-24T12:00:00Z","pass":1}]}`, string(b))
	var back Rotation
	require.NoError(t, back.UnmarshalJSON(b))
	require.Equal(t, state.Clock(), back.Clock())
	for u := range state.All() {
		v, ok := back.Use(u.ID)
		require.True(t, ok)
		require.Equal(t, u.Count, v.Count)
		require.True(t, u.Last.Equal(v.Last))
		require.Equal(t, u.Pass, v.Pass)
	}

	for _, tc := range []struct{ in, want string }{
		{`{"clock":0,"uses":[{"id":"a","count":1,"last":"2026-11-24T11:00:00Z","pass":1},{"id":"a","count":1,"last":"2026-11-24T11:00:00Z","pass":1}]}`, `uses[1].id: provider "a" is listed twice`},
		{`{"clock":-1,"uses":[]}`, "clock: -1 is negative [negative]"},
		{`{"clock":0,"uses":[{"id":"a","count":-2,"last":"2026-11-24T11:00:00Z","pass":1}]}`, "uses[0].count: count -2 is negative [negative]"},
		// Paths index the uses as the input lists them, not by ID.
		{`{"clock":0,"uses":[{"id":"b","count":1,"last":"2026-11-24T11:00:00Z","pass":1},{"id":"a","count":-2,"last":"2026-11-24T11:00:00Z","pass":1}]}`, "uses[1].count: count -2 is negative [negative]"},
		{`{"clock":0,"users":[]}`, `users: unknown member "users" [unknown]`},
		{`{"clock":0,"uses":[{"id":"a","count":1,"last":"2026-11-24T11:00:00Z","pass":-0.5}]}`, "uses[0].pass: -0.5 is negative [negative]"},
	} {
		var r Rotation
		err := r.UnmarshalJSON([]byte(tc.in))
		require.Error(t, err, tc.in)
		require.Contains(t, err.Error(), tc.want)
	}
	var ps problem.List
	require.True(t, errors.As(new(Rotation).UnmarshalJSON([]byte(`{"clock":"x"}`)), &ps))
	require.Equal(t, "clock", ps[0].Path)
	require.Equal(t, problem.Mismatch, ps[0].Code)
}

// TestShareRange: a share outside MinShare–MaxShare is refused, so that a
// referral always moves a pass to a finite number the state can encode.
func TestShareRange(t *testing.T) {
	for _, tc := range []struct {
		share float64
		want  [][2]string
	}{
		{0, nil},
		{MinShare, nil},
		{1, nil},
		{MaxShare, nil},
		{5e-324, [][2]string{{"providers[0].share", "out_of_range"}}},
		{0.001, [][2]string{{"providers[0].share", "out_of_range"}}},
		{1e6, [][2]string{{"providers[0].share", "out_of_range"}}},
		{-1, [][2]string{{"providers[0].share", "negative"}}},
	} {
		d := equals(map[string]float64{"a": tc.share}, "a", "b")
		require.Equal(t, tc.want, problemsOf(t, d.Validate()), "share %v", tc.share)
		ix, err := NewIndex(d)
		if tc.want != nil {
			require.ErrorIs(t, err, problem.ErrInvalid, "share %v", tc.share)
			continue
		}
		require.NoError(t, err)
		state := Rotation{}
		for range 3 {
			state, err = ix.Record(state, "a", testNow)
			require.NoError(t, err)
		}
		require.NoError(t, state.Validate(), "share %v", tc.share)
		b, err := state.MarshalJSON()
		require.NoError(t, err, "share %v", tc.share)
		var back Rotation
		require.NoError(t, back.UnmarshalJSON(b))
		u, _ := back.Use("a")
		require.Greater(t, u.Pass, 0.0)
	}
}

// TestUseTrie checks the trie of uses against a map: with hashes that
// share long prefixes or are equal, every version finds what was set in
// it and nothing else, versions never change once made, and the same uses
// make the same trie in any order.
func TestUseTrie(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	// Few distinct hashes, differing in their high bits only, so that
	// leaves share long paths and collide.
	hashOf := func(id string) uint64 { return hashID(id)%4<<60 | 0x0123456789abcde }
	var versions []*useNode
	var models []map[string]Use
	var trie *useNode
	model := map[string]Use{}
	for k := range 400 {
		id := fmt.Sprintf("id%d", r.IntN(60))
		u := Use{ID: id, Count: k}
		trie = trie.with(hashOf(id), 0, u, false)
		model = maps.Clone(model)
		model[id] = u
		versions, models = append(versions, trie), append(models, model)
	}
	for v, trie := range versions {
		for k := range 60 {
			id := fmt.Sprintf("id%d", k)
			got, ok := trie.find(hashOf(id), id)
			want, wantOK := models[v][id]
			require.Equal(t, wantOK, ok, "version %d, %s", v, id)
			require.Equal(t, want, got, "version %d, %s", v, id)
		}
		require.Len(t, trie.appendAll(nil), len(models[v]))
	}

	// The same uses in another order, built in place, make the same trie.
	final := models[len(models)-1]
	ids := slices.Sorted(maps.Keys(final))
	r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	var again *useNode
	for _, id := range ids {
		again = again.with(hashOf(id), 0, final[id], true)
	}
	require.Equal(t, trie, again)

	// With the real hash, as a Rotation uses it.
	var state Rotation
	for k := range 3000 {
		state = state.record(fmt.Sprintf("p%d", k%1000), 1, testNow)
	}
	require.Equal(t, 1000, state.Len())
	for k := range 1000 {
		u, ok := state.Use(fmt.Sprintf("p%d", k))
		require.True(t, ok)
		require.Equal(t, 3, u.Count)
	}
	_, ok := state.Use("p1000")
	require.False(t, ok)
}
