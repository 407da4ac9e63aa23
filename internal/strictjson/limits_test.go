package strictjson

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// countLimits is checkLimits's count written plainly, byte by byte, as a
// reference: the elements and the deepest nesting outside strings.
func countLimits(data []byte) (elements, deepest int) {
	depth, inString, escaped := 0, false, false
	for i, c := range data {
		switch {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case inString:
			inString = c != '"'
		case c == '"':
			inString = true
		case c == ',':
			elements++
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
			rest := bytes.TrimLeft(data[i+1:], " \t\n\r")
			if len(rest) > 0 && rest[0] != ']' && rest[0] != '}' {
				elements++
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return elements, deepest
}

// TestCheckLimitsAgreesWithReference compares checkLimits with
// countLimits on short random inputs, well formed or not, at the limits
// they reach and one below each. A limit below zero is left out:
// checkLimits is given limits with their defaults, never negative.
func TestCheckLimitsAgreesWithReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 13))
	alphabet := []byte(`[]{},:"\ a1`)
	for range 20_000 {
		data := make([]byte, rng.IntN(24))
		for i := range data {
			data[i] = alphabet[rng.IntN(len(alphabet))]
		}
		elements, deepest := countLimits(data)
		for _, lim := range []Limits{{MaxElements: elements, MaxDepth: deepest, MaxBytes: 100}, {MaxElements: elements - 1, MaxDepth: deepest, MaxBytes: 100}, {MaxElements: elements, MaxDepth: deepest - 1, MaxBytes: 100}} {
			if lim.MaxElements < 0 || lim.MaxDepth < 0 {
				continue
			}
			err := checkLimits(data, lim)
			fits := lim.MaxElements >= elements && lim.MaxDepth >= deepest
			require.Equal(t, fits, err == nil, "%q within %+v: %v", data, lim, err)
		}
	}
}
