package agreement

import (
	"errors"
	"fmt"

	"github.com/practicekit/boundaries/internal/prose"
)

// A Role is the part a party plays in an engagement. The zero Role is
// invalid.
type Role string

// The roles.
const (
	// RoleProvider is the professional: the therapist, coach, consultant.
	RoleProvider Role = "provider"
	// RoleClient is the person served.
	RoleClient Role = "client"
	// RoleSponsor pays for or arranges the service for the client, as an
	// employer paying for coaching does (ICF calls this party the sponsor).
	RoleSponsor Role = "sponsor"
)

// ErrRole is matched (errors.Is) by every error from ParseRole.
var ErrRole = errors.New("invalid role")

// ParseRole parses "provider", "client" or "sponsor".
func ParseRole(s string) (Role, error) {
	r := Role(s)
	if !r.IsValid() {
		return "", fmt.Errorf("%w %s: want provider, client or sponsor", ErrRole, prose.Quote(s))
	}
	return r, nil
}

// IsValid reports whether r is RoleProvider, RoleClient or RoleSponsor.
func (r Role) IsValid() bool { return r == RoleProvider || r == RoleClient || r == RoleSponsor }
