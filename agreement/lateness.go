package agreement

import "time"

// Lateness says what happens when the client arrives late or not at all.
type Lateness struct {
	// Grace is how late the client may arrive without it counting as late.
	Grace time.Duration `json:"grace,omitempty"`
	// EndsOnTime says a late start does not extend the session: it still
	// ends at its scheduled end.
	EndsOnTime bool `json:"ends_on_time,omitempty"`
	// NoShowAfter is how late an arrival counts as a no-show; zero means
	// only not coming at all is a no-show.
	NoShowAfter time.Duration `json:"no_show_after,omitempty"`
	// NoShowShare is the share of the session fee charged for a no-show,
	// in basis points.
	NoShowShare int `json:"no_show_share,omitempty"`
}

// present reports whether the clause says anything.
func (l Lateness) present() bool {
	return l.Grace != 0 || l.EndsOnTime || l.NoShowAfter != 0 || l.NoShowShare != 0
}

// Wait says how long the provider waits for a client who keeps them
// waiting (the provider wait limit, "wait.provider").
type Wait struct {
	Provider WaitLimit `json:"provider"`
}

// present reports whether the clause says anything.
func (w Wait) present() bool { return w.Provider.After != 0 }

// A WaitLimit says when a waiting provider may leave, and who bears what.
// Waiting is counted from the session's scheduled start: arriving early is
// the provider's own choice.
type WaitLimit struct {
	// After is how long past the scheduled start the provider may leave;
	// zero means no limit.
	After time.Duration `json:"after,omitempty"`
	// Note says the provider leaves a note (with the reception, by
	// message) saying they waited and asking to reschedule.
	Note bool `json:"note,omitempty"`
	// Reschedule says the session is rescheduled rather than lost.
	Reschedule bool `json:"reschedule,omitempty"`
	// Share is the share of the session fee the client pays for the
	// provider's wasted time, in basis points; the provider bears the rest
	// (travel, the lost slot).
	Share int `json:"share,omitempty"`
}
