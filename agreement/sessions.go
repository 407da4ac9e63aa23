package agreement

import "time"

// Sessions say how long sessions are, how and where they take place.
type Sessions struct {
	// Length is the length of one session, such as 50 minutes.
	Length time.Duration `json:"length,omitzero"`
	// Formats are the ways sessions take place.
	Formats []Format `json:"formats,omitzero"`
	// Places are where in-person sessions take place, such as an office
	// address; public places for first meetings belong here too.
	Places []string `json:"places,omitzero"`
	// Frequency says how often sessions take place, such as "weekly".
	Frequency string `json:"frequency,omitempty"`
}

// present reports whether the clause says anything.
func (s Sessions) present() bool {
	return s.Length != 0 || len(s.Formats) > 0 || len(s.Places) > 0 || s.Frequency != ""
}
