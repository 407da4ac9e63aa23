package agreement

import "time"

// Scope says what the service is and is not.
type Scope struct {
	// Nature describes the service and the provider's approach, such as
	// what coaching is and how it differs from therapy (ICF 1.1), or the
	// nature of the therapy offered (APA 10.01).
	Nature string `json:"nature,omitempty"`
	// Course describes the anticipated course: goals, length, how progress
	// is reviewed (APA 10.01 "anticipated course of therapy").
	Course string `json:"course,omitempty"`
	// In lists what is in scope.
	In []string `json:"in,omitempty"`
	// Out lists what is out of scope, such as "diagnosis or treatment of
	// mental illness" in a coaching agreement.
	Out []string `json:"out,omitempty"`
}

// present reports whether the clause says anything.
func (s Scope) present() bool {
	return s.Nature != "" || s.Course != "" || len(s.In) > 0 || len(s.Out) > 0
}

// A Format is how sessions take place. Agreements may use formats of their
// own; the constants are the common ones.
type Format string

// Common formats.
const (
	InPerson Format = "in_person"
	Video    Format = "video"
	Phone    Format = "phone"
)

// Sessions say how long sessions are, how and where they take place.
type Sessions struct {
	// Length is the length of one session, such as 50 minutes.
	Length time.Duration `json:"length,omitempty"`
	// Formats are the ways sessions take place.
	Formats []Format `json:"formats,omitempty"`
	// Places are where in-person sessions take place, such as an office
	// address; public places for first meetings belong here too.
	Places []string `json:"places,omitempty"`
	// Frequency says how often sessions take place, such as "weekly".
	Frequency string `json:"frequency,omitempty"`
}

// present reports whether the clause says anything.
func (s Sessions) present() bool {
	return s.Length != 0 || len(s.Formats) > 0 || len(s.Places) > 0 || s.Frequency != ""
}
