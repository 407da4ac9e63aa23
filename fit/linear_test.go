package fit

import (
	"encoding/json"
	"math"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// nestedScreening returns a screening of rules rules, each firing on
// leaves comparisons of a text with a long one under an any, which sits
// under nots nots.
func nestedScreening(rules, leaves, nots int) Screening {
	s := Screening{ID: "nested", Questions: []Question{{ID: "q", Type: TypeText, Text: "Why?"}}}
	long := strings.Repeat("a long reason ", 100)
	for r := range rules {
		cs := make([]Condition, leaves)
		for i := range cs {
			cs[i] = Compare("q", Contains, Text(long+strconv.Itoa(i)))
		}
		c := AnyOf(cs...)
		for range nots {
			c = Not(c)
		}
		s.Rules = append(s.Rules, Rule{ID: "r" + strconv.Itoa(r), Kind: KindConcern, When: &c, Message: "m"})
	}
	return s
}

// TestNestedConditionsInLinearTime: decoding, validating, compiling and
// encoding a screening take time linear in its size however deep its
// conditions nest. Each level of a condition used to decode the levels
// below it from a copy of their bytes, and to check the bytes they
// encoded to, so a screening whose conditions nest 55 deep took about
// five times as long to decode or encode as a flat one of the same size.
func TestNestedConditionsInLinearTime(t *testing.T) {
	// fastest returns the shortest of five runs of f, each after a
	// collection, so that neither the collector nor a busy machine
	// decides the ratio.
	fastest := func(f func()) time.Duration {
		best := time.Duration(math.MaxInt64)
		for range 5 {
			runtime.GC()
			start := time.Now()
			f()
			best = min(best, time.Since(start))
		}
		return best
	}
	// Each screening is compared with a flat one that has a comparison in
	// the place of each not, and so is the larger.
	type pair struct{ nested, flat Screening }
	// 54 nots put a rule's comparisons 55 conditions deep, as in the
	// issue, and 60 deep in the JSON, within the decoder's limits.
	deep := pair{nestedScreening(10, 100, 54), nestedScreening(10, 100+54, 0)}
	// The deepest that validates: an any and its comparisons under
	// MaxDepth-2 nots.
	valid := pair{nestedScreening(4, 100, MaxDepth-2), nestedScreening(4, 100+MaxDepth-2, 0)}

	ratio := func(p pair, f func(s Screening, b []byte)) (float64, time.Duration, time.Duration) {
		times := [2]time.Duration{}
		for i, s := range []Screening{p.nested, p.flat} {
			b, err := json.Marshal(s)
			require.NoError(t, err)
			times[i] = fastest(func() { f(s, b) })
		}
		return float64(times[0]) / float64(times[1]), times[0], times[1]
	}
	decode := func(_ Screening, b []byte) {
		var s Screening
		require.NoError(t, json.Unmarshal(b, &s))
	}
	t.Run("decode", func(t *testing.T) {
		r, nested, flat := ratio(deep, decode)
		require.Less(t, r, 2.0, "%v nested, %v flat", nested, flat)
	})
	t.Run("encode", func(t *testing.T) {
		r, nested, flat := ratio(deep, func(s Screening, _ []byte) {
			_, err := json.Marshal(s)
			require.NoError(t, err)
		})
		require.Less(t, r, 2.0, "%v nested, %v flat", nested, flat)
	})
	t.Run("compile", func(t *testing.T) {
		r, nested, flat := ratio(valid, func(_ Screening, b []byte) {
			var s Screening
			require.NoError(t, json.Unmarshal(b, &s))
			_, err := Compile(s, Provider{})
			require.NoError(t, err)
		})
		require.Less(t, r, 2.0, "%v nested, %v flat", nested, flat)
	})
}
