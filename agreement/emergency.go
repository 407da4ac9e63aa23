package agreement

import "github.com/practicekit/boundaries/availability/contact"

// Emergency says what counts as an emergency and where to turn in one: the
// provider is not an emergency service, and says so.
type Emergency struct {
	// What lists what counts as an emergency, such as "risk of harm to
	// yourself or others".
	What []string `json:"what,omitzero"`
	// Instructions say what to do, such as "call 911 or go to the nearest
	// emergency room; do not wait for a reply".
	Instructions string `json:"instructions,omitempty"`
	// Resources are the numbers and services to use, dated.
	Resources []contact.Resource `json:"resources,omitzero"`
}

// present reports whether the clause says anything.
func (e Emergency) present() bool {
	return len(e.What) > 0 || e.Instructions != "" || len(e.Resources) > 0
}
