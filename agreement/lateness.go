package agreement

import "time"

// Lateness says what happens when the client arrives late or not at all.
type Lateness struct {
	// Grace is how late the client may arrive without it counting as late.
	Grace time.Duration `json:"grace,omitzero"`
	// EndsOnTime says a late start does not extend the session: it still
	// ends at its scheduled end.
	EndsOnTime bool `json:"ends_on_time,omitzero"`
	// NoShowAfter is how late an arrival counts as a no-show; zero means
	// only not coming at all is a no-show.
	NoShowAfter time.Duration `json:"no_show_after,omitzero"`
	// NoShowShare is the share of the session fee charged for a no-show,
	// in basis points.
	NoShowShare int `json:"no_show_share,omitzero"`
}

// present reports whether the clause says anything.
func (l Lateness) present() bool {
	return l.Grace != 0 || l.EndsOnTime || l.NoShowAfter != 0 || l.NoShowShare != 0
}
