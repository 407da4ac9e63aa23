package agreement

import (
	"errors"
	"fmt"
	"strings"

	"github.com/practicekit/boundaries/agreement/money"
)

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

// isKey reports whether s is a key usable in a clause ID: lower-case ASCII
// letters, digits and underscores, starting with a letter.
func isKey(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// Severity says how serious crossing a boundary, or breaking a term, is.
// Levels are ordered: a higher value is more serious. The zero Severity is
// unset, which Validate reports for a boundary.
type Severity int8

// The severity levels.
const (
	Minor    Severity = 1
	Moderate Severity = 2
	Serious  Severity = 3
	Critical Severity = 4
)

// ErrSeverity is matched (errors.Is) by every error from ParseSeverity.
var ErrSeverity = errors.New("invalid severity")

var severityNames = [...]string{"", "minor", "moderate", "serious", "critical"}

// ParseSeverity parses "minor", "moderate", "serious" or "critical" (any
// letter case).
func ParseSeverity(s string) (Severity, error) {
	for i := Minor; i <= Critical; i++ {
		if strings.EqualFold(s, severityNames[i]) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%w %q: want minor, moderate, serious or critical", ErrSeverity, s)
}

// IsValid reports whether s is one of the four levels.
func (s Severity) IsValid() bool { return s >= Minor && s <= Critical }

// String returns the level's name.
func (s Severity) String() string {
	if s.IsValid() {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// MarshalText returns the level's name.
func (s Severity) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("%w: %d", ErrSeverity, int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText parses a level's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// A Response is what the provider does about a breach: a step of a
// graduated response. Responses are ordered from mild to final. The zero
// Response is unset.
type Response int8

// The responses.
const (
	// Note records the breach and mentions it to the client.
	ResponseNote Response = 1
	// Warning tells the client in writing that a repeat has consequences.
	ResponseWarning Response = 2
	// Fee charges the step's fee.
	ResponseFee Response = 3
	// Termination gives the provider the right to end the engagement at
	// once, as an immediate ground.
	ResponseTermination Response = 4
)

// ErrResponse is matched (errors.Is) by every error from ParseResponse.
var ErrResponse = errors.New("invalid response")

var responseNames = [...]string{"", "note", "warning", "fee", "termination"}

// ParseResponse parses "note", "warning", "fee" or "termination" (any
// letter case).
func ParseResponse(s string) (Response, error) {
	for i := ResponseNote; i <= ResponseTermination; i++ {
		if strings.EqualFold(s, responseNames[i]) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%w %q: want note, warning, fee or termination", ErrResponse, s)
}

// IsValid reports whether r is one of the four responses.
func (r Response) IsValid() bool { return r >= ResponseNote && r <= ResponseTermination }

// String returns the response's name.
func (r Response) String() string {
	if r.IsValid() {
		return responseNames[r]
	}
	return fmt.Sprintf("Response(%d)", int(r))
}

// MarshalText returns the response's name.
func (r Response) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fmt.Errorf("%w: %d", ErrResponse, int(r))
	}
	return []byte(r.String()), nil
}

// UnmarshalText parses a response's name.
func (r *Response) UnmarshalText(b []byte) error {
	v, err := ParseResponse(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// A Step is one rung of a response ladder.
type Step struct {
	// Response is what the provider does.
	Response Response `json:"response"`
	// Fee is charged when Response is ResponseFee; otherwise it must be
	// zero or the zero money.Amount.
	Fee money.Amount `json:"fee"`
}

// A Ladder is a graduated response: the first breach meets the first step,
// the second breach the second, and every breach after the last step meets
// the last step again. ResponseTermination, when present, is the last
// step.
type Ladder []Step

// step returns the step for the nth breach (n ≥ 1) and its index, or
// false for an empty ladder.
func (l Ladder) step(n int) (Step, int, bool) {
	if len(l) == 0 {
		return Step{}, 0, false
	}
	i := min(max(n, 1), len(l)) - 1
	return l[i], i, true
}

// A Boundary is a line the client agrees not to cross, with how serious
// crossing it is and the graduated response it meets.
type Boundary struct {
	// Kind names the boundary; it is the boundary's key in clause IDs
	// ("boundaries.romantic") and must be unique in an agreement.
	Kind BoundaryKind `json:"kind"`
	// Text states the boundary for the document.
	Text string `json:"text"`
	// Severity is how serious crossing it is.
	Severity Severity `json:"severity"`
	// Ladder is the graduated response to the first, second, … incident.
	Ladder Ladder `json:"ladder"`
	// InSession says the boundary holds during sessions too. When false,
	// conduct during a session is met with the acceptance the agreement
	// promises inside the session (obligations.in_session), not with a
	// breach: the client's expressions in the session are material for the
	// work, and business terms govern what happens outside it.
	InSession bool `json:"in_session,omitempty"`
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
