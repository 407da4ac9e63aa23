package agreement

import (
	"errors"
	"fmt"
)

// A Role is the part a party plays in an engagement. The zero Role is
// invalid.
type Role string

// The roles.
const (
	// Provider is the professional: the therapist, coach, consultant.
	Provider Role = "provider"
	// Client is the person served.
	Client Role = "client"
	// Sponsor pays for or arranges the service for the client, as an
	// employer paying for coaching does (ICF calls this party the sponsor).
	Sponsor Role = "sponsor"
)

// ErrRole is matched (errors.Is) by every error from ParseRole.
var ErrRole = errors.New("invalid role")

// ParseRole parses "provider", "client" or "sponsor".
func ParseRole(s string) (Role, error) {
	r := Role(s)
	if !r.IsValid() {
		return "", fmt.Errorf("%w %q: want provider, client or sponsor", ErrRole, s)
	}
	return r, nil
}

// IsValid reports whether r is Provider, Client or Sponsor.
func (r Role) IsValid() bool { return r == Provider || r == Client || r == Sponsor }

// A Party is someone who signs the agreement.
type Party struct {
	// Role is the part the party plays.
	Role Role `json:"role"`
	// Name is how the party is named in the document and signs.
	Name string `json:"name"`
	// Contact is how the party is reached for matters of the agreement,
	// such as an email address. It is not a term: changing it is not a
	// material change.
	Contact string `json:"contact,omitempty"`
}
