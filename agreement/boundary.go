package agreement

// A BoundaryKind names a boundary. Agreements may use kinds of their own
// (lower-case words joined by underscores); the constants are the common
// ones.
type BoundaryKind string

// Common boundary kinds.
const (
	// Romantic covers romantic or sexual advances and relationships
	// (APA 10.05, ACA A.5.a, ICF's code on romantic involvement).
	Romantic BoundaryKind = "romantic"
	// DualRelationship covers a second relationship beside the
	// professional one: friend, business partner, employer (APA 3.05).
	DualRelationship BoundaryKind = "dual_relationship"
	// Gifts covers gifts and paying for the provider, meals included.
	Gifts BoundaryKind = "gifts"
	// PhysicalContact covers touch the provider has not agreed to, such as
	// an unwelcome hug.
	PhysicalContact BoundaryKind = "physical_contact"
	// PersonalContact covers using the provider's personal contact details
	// or reaching the provider at home.
	PersonalContact BoundaryKind = "personal_contact"
	// OffHoursDemands covers demands to be served outside the agreed hours.
	OffHoursDemands BoundaryKind = "off_hours_demands"
	// SocialMedia covers contact and connections on social media.
	SocialMedia BoundaryKind = "social_media"
	// Abuse covers insults, threats and harassment.
	Abuse BoundaryKind = "abuse"
)

// A Boundary is a line the client agrees not to cross, with how serious
// crossing it is and the graduated response it meets.
type Boundary struct {
	// Kind names the boundary; it is the boundary's key in clause IDs
	// ("boundaries.romantic") and must be unique in an agreement.
	Kind BoundaryKind `json:"kind,omitempty"`
	// Text states the boundary for the document.
	Text string `json:"text,omitempty"`
	// Severity is how serious crossing it is.
	Severity Severity `json:"severity,omitzero"`
	// Ladder is the graduated response to the first, second, … incident.
	Ladder Ladder `json:"ladder,omitzero"`
	// InSession says the boundary holds during sessions too. When false,
	// conduct during a session is met with the acceptance the agreement
	// promises inside the session (obligations.in_session), not with a
	// breach: the client's expressions in the session are material for the
	// work, and business terms govern what happens outside it.
	InSession bool `json:"in_session,omitzero"`
}

// Boundaries are the boundaries of an engagement, each with a distinct
// kind.
type Boundaries []Boundary

// Find returns the boundary of the given kind, and whether there is one.
func (bs Boundaries) Find(kind BoundaryKind) (Boundary, bool) {
	for _, b := range bs {
		if b.Kind == kind {
			return b, true
		}
	}
	return Boundary{}, false
}
