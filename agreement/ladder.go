package agreement

import "github.com/practicekit/boundaries/agreement/money"

// A Step is one rung of a Ladder.
type Step struct {
	// Consequence is what a breach on this rung meets.
	Consequence Consequence `json:"consequence,omitzero"`
	// Fee is charged when Consequence is ConsequenceFee; otherwise it must
	// be zero or the zero money.Amount.
	Fee money.Amount `json:"fee,omitempty"`
}

// A Ladder is a graduated response: the first breach meets the first step,
// the second breach the second, and every breach after the last step meets
// the last step again. ConsequenceTermination, when present, is the last
// step.
type Ladder []Step

// step returns the step for the nth breach (n ≥ 1) and its index, or
// false for an empty ladder.
func (l Ladder) step(n int) (Step, int, bool) {
	if len(l) == 0 {
		return Step{}, 0, false
	}
	i := min(max(n, 1), len(l)) - 1
	return l[i], i, true
}
