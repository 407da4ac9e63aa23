//go:build !race

package openinghours

// raceSlowdown is how much slower the race detector makes the code, for
// the tests that bound time.
const raceSlowdown = 1
