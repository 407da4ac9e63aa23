package agreement

import (
	"time"
)

// Cancellation says what a client's cancellation costs, by how much notice
// the client gave.
type Cancellation struct {
	// Tiers are sorted by Before, shortest first. A client who cancels
	// with less notice than a tier's Before pays the tier's Share of the
	// session fee; of several such tiers, the one with the shortest Before
	// applies. With at least the longest Before of notice, cancelling is
	// free. A cancellation at or after the start is a no-show when the
	// agreement sets a no-show fee (Lateness.NoShowShare), and otherwise
	// pays the first tier, as a cancellation with no notice.
	Tiers []Tier `json:"tiers,omitzero"`
	// Limit, when set, gives the provider the right to end the engagement
	// after too many late cancellations and no-shows.
	Limit Limit `json:"limit,omitzero"`
}

// present reports whether the clause says anything.
func (c Cancellation) present() bool { return len(c.Tiers) > 0 }

// tier returns the tier that applies to a cancellation with the given
// notice, and its index, or false when the notice is long enough to cancel
// for free.
func (c Cancellation) tier(notice time.Duration) (Tier, int, bool) {
	for i, t := range c.Tiers {
		if notice < t.Before {
			return t, i, true
		}
	}
	return Tier{}, 0, false
}

// A Tier is one step of a cancellation policy: with less notice than
// Before, the client pays Share of the session fee.
type Tier struct {
	// Before is the notice, counted back from the session's start, below
	// which the tier applies.
	Before time.Duration `json:"before,omitzero"`
	// Share is the share of the session fee charged, in basis points:
	// 10000 is the whole fee.
	Share int `json:"share,omitzero"`
}

// A Limit caps late cancellations: the Count-th late cancellation or
// no-show within any span of Within gives the provider the right to end the
// engagement. The zero Limit sets no cap.
type Limit struct {
	Count  int           `json:"count,omitzero"`
	Within time.Duration `json:"within,omitzero"`
}
