package agreement

// A ChangeKind says how a field differs between two versions.
type ChangeKind string

// The kinds of change.
const (
	Added   ChangeKind = "added"   // the field or element is new
	Removed ChangeKind = "removed" // the field or element is gone
	Changed ChangeKind = "changed" // the field has another value
)

// A Change is one difference between two versions of an agreement.
type Change struct {
	// Clause is the clause that changed: a top-level clause ("lateness"),
	// or the list element within it ("cancellation.tiers[1]",
	// "boundaries.romantic", "parties[0]").
	Clause ClauseID `json:"clause"`
	// Path is the field that changed, in the same scheme
	// ("cancellation.tiers[1].share"); for an element added or removed
	// whole, it is the element's ID.
	Path string `json:"path"`
	// Kind says whether the field was added, removed or changed.
	Kind ChangeKind `json:"kind"`
	// Old and New are the values as in the agreement's JSON form, strings
	// without their quotes ("USD 120.00", "24h", "10000", "true"); a
	// whole element is its JSON text. The side that does not exist is
	// empty.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Material says the change alters the terms, so the new version needs
	// a new signature. Only the title, the version number and the parties'
	// contact details are not material.
	Material bool `json:"material"`
}

// Material reports whether any of the changes is material: whether the
// version they lead to needs a new signature.
func Material(changes []Change) bool {
	for _, c := range changes {
		if c.Material {
			return true
		}
	}
	return false
}
