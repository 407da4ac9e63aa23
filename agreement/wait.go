package agreement

import "time"

// Wait says how long the provider waits for a client who keeps them
// waiting (the provider wait limit, "wait.provider").
type Wait struct {
	Provider WaitLimit `json:"provider,omitzero"`
}

// present reports whether the clause says anything.
func (w Wait) present() bool { return w.Provider.After != 0 }

// A WaitLimit says when a waiting provider may leave, and who bears what.
// Waiting is counted from the session's scheduled start: arriving early is
// the provider's own choice.
type WaitLimit struct {
	// After is how long past the scheduled start the provider may leave;
	// zero means no limit.
	After time.Duration `json:"after,omitzero"`
	// Note says the provider leaves a note (with the reception, by
	// message) saying they waited and asking to reschedule.
	Note bool `json:"note,omitzero"`
	// Reschedule says the session is rescheduled rather than lost.
	Reschedule bool `json:"reschedule,omitzero"`
	// Share is the share of the session fee the client pays for the
	// provider's wasted time, in basis points; the provider bears the rest
	// (travel, the lost slot).
	Share int `json:"share,omitzero"`
}
