package availability

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The set algebra is checked against a reference model: a set of minutes
// in a small window, one bool per minute.

var base = time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC)

const modelMinutes = 120

type model [modelMinutes]bool

func (m model) set() Set {
	var ivs []Interval
	for i := 0; i < modelMinutes; i++ {
		if m[i] {
			j := i
			for j < modelMinutes && m[j] {
				j++
			}
			ivs = append(ivs, Interval{Start: base.Add(time.Duration(i) * time.Minute), End: base.Add(time.Duration(j) * time.Minute)})
			i = j
		}
	}
	return Set{ivs: ivs}
}

func randomIntervals(rng *rand.Rand) ([]Interval, model) {
	var ivs []Interval
	var m model
	for range rng.IntN(6) {
		a, b := rng.IntN(modelMinutes+1), rng.IntN(modelMinutes+1)
		ivs = append(ivs, Interval{Start: base.Add(time.Duration(a) * time.Minute), End: base.Add(time.Duration(b) * time.Minute)})
		for k := a; k < b; k++ {
			m[k] = true
		}
	}
	return ivs, m
}

func requireNormalized(t *testing.T, s Set) {
	t.Helper()
	for i, iv := range s.ivs {
		require.False(t, iv.IsEmpty(), "empty interval in %v", s)
		if i > 0 {
			require.True(t, s.ivs[i-1].End.Before(iv.Start), "not disjoint and apart: %v", s)
		}
	}
}

func TestSetAlgebra(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for range 5000 {
		ai, am := randomIntervals(rng)
		bi, bm := randomIntervals(rng)
		a, b := NewSet(ai...), NewSet(bi...)
		requireNormalized(t, a)
		require.True(t, a.Equal(am.set()), "NewSet(%v) = %v", ai, a)

		var union, inter, diff model
		for k := range modelMinutes {
			union[k] = am[k] || bm[k]
			inter[k] = am[k] && bm[k]
			diff[k] = am[k] && !bm[k]
		}
		for _, c := range []struct {
			name      string
			got, want Set
		}{
			{"union", a.Union(b), union.set()},
			{"intersect", a.Intersect(b), inter.set()},
			{"subtract", a.Subtract(b), diff.set()},
		} {
			requireNormalized(t, c.got)
			require.True(t, c.got.Equal(c.want), "%s of %v and %v: got %v want %v", c.name, a, b, c.got, c.want)
		}
		// Laws.
		require.True(t, a.Union(b).Equal(b.Union(a)))
		require.True(t, a.Intersect(b).Equal(b.Intersect(a)))
		require.True(t, a.Subtract(b).Union(a.Intersect(b)).Equal(a))
		require.Equal(t, a.Union(b).Duration(), a.Duration()+b.Duration()-a.Intersect(b).Duration())
		require.True(t, a.Subtract(a).IsEmpty())

		// Queries agree with the model.
		probe := rng.IntN(modelMinutes)
		at := base.Add(time.Duration(probe) * time.Minute)
		require.Equal(t, am[probe], a.Contains(at))
		lo, hi := rng.IntN(modelMinutes), rng.IntN(modelMinutes+1)
		q := Interval{Start: base.Add(time.Duration(lo) * time.Minute), End: base.Add(time.Duration(hi) * time.Minute)}
		covers, overlaps := !q.IsEmpty(), false
		for k := lo; k < hi; k++ {
			covers = covers && am[k]
			overlaps = overlaps || am[k]
		}
		require.Equal(t, covers || q.IsEmpty(), a.Covers(q), "covers %v in %v", q, a)
		require.Equal(t, overlaps, a.Overlaps(q), "overlaps %v in %v", q, a)
		var clip model
		for k := lo; k < hi; k++ {
			clip[k] = am[k]
		}
		require.True(t, a.Clip(q).Equal(clip.set()))
	}
}

func TestSetZeroValue(t *testing.T) {
	var s Set
	require.True(t, s.IsEmpty())
	require.Equal(t, 0, s.Len())
	require.Equal(t, time.Duration(0), s.Duration())
	require.False(t, s.Contains(base))
	require.True(t, s.Covers(Interval{}))
	require.True(t, s.Union(s).IsEmpty())
	require.True(t, s.Bounds().IsEmpty())
	b, err := s.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, "[]", string(b))
	require.Equal(t, "{}", s.String())
}

func TestIntervalZoneIndependence(t *testing.T) {
	kathmandu := mustZone(t, "Asia/Kathmandu")
	a := Interval{Start: base, End: base.Add(time.Hour)}
	b := a.In(kathmandu)
	require.True(t, a.Equal(b))
	require.True(t, NewSet(a).Equal(NewSet(b)))
	require.True(t, NewSet(a).Subtract(NewSet(b)).IsEmpty())
	require.Equal(t, time.Hour, NewSet(a, b).Duration())
}

// FuzzSetOps checks the set operations against the minute model for
// intervals chosen by the fuzzer.
func FuzzSetOps(f *testing.F) {
	f.Add([]byte{0, 10, 5, 20, 30, 40}, []byte{15, 35})
	f.Add([]byte{0, 120}, []byte{0, 120})
	f.Add([]byte{}, []byte{50, 10})
	f.Fuzz(func(t *testing.T, ab, bb []byte) {
		build := func(bs []byte) (Set, model) {
			var ivs []Interval
			var m model
			for i := 0; i+1 < len(bs) && i < 40; i += 2 {
				a, b := int(bs[i])%(modelMinutes+1), int(bs[i+1])%(modelMinutes+1)
				ivs = append(ivs, Interval{Start: base.Add(time.Duration(a) * time.Minute), End: base.Add(time.Duration(b) * time.Minute)})
				for k := a; k < b; k++ {
					m[k] = true
				}
			}
			return NewSet(ivs...), m
		}
		a, am := build(ab)
		b, bm := build(bb)
		var union, inter, diff model
		for k := range modelMinutes {
			union[k], inter[k], diff[k] = am[k] || bm[k], am[k] && bm[k], am[k] && !bm[k]
		}
		if !a.Union(b).Equal(union.set()) || !a.Intersect(b).Equal(inter.set()) || !a.Subtract(b).Equal(diff.set()) {
			t.Fatalf("set algebra disagrees with the model for %v and %v", a, b)
		}
	})
}

func TestIntervalBasics(t *testing.T) {
	a := IntervalOf(base, time.Hour)
	b := IntervalOf(base.Add(time.Hour), time.Hour)
	require.False(t, a.Overlaps(b), "touching intervals do not overlap")
	require.True(t, a.Contains(base))
	require.False(t, a.Contains(a.End))
	require.True(t, a.Intersect(b).IsEmpty())
	require.True(t, Interval{}.IsEmpty())
	require.Equal(t, time.Duration(0), Interval{Start: base, End: base.Add(-time.Hour)}.Duration())
	require.True(t, a.Covers(IntervalOf(base.Add(time.Minute), time.Minute)))
	require.Equal(t, "[2026-03-08T00:00:00Z, 2026-03-08T01:00:00Z)", a.String())
}
