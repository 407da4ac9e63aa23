package agreement

import (
	"time"

	"github.com/practicekit/boundaries/availability/place"
)

// Sessions say how long sessions are, how and where they take place.
type Sessions struct {
	// Length is the length of one session, such as 50 minutes.
	Length time.Duration `json:"length,omitzero"`
	// Modalities are the ways sessions take place: in person, by video,
	// by phone.
	Modalities place.Modality `json:"modalities,omitzero"`
	// Places are where in-person sessions take place, such as an office
	// address; public places for first meetings belong here too.
	Places []string `json:"places,omitzero"`
	// Frequency says how often sessions take place, such as "weekly".
	Frequency string `json:"frequency,omitempty"`
}

// present reports whether the clause says anything.
func (s Sessions) present() bool {
	return s.Length != 0 || s.Modalities != 0 || len(s.Places) > 0 || s.Frequency != ""
}
