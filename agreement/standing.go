package agreement

import (
	"fmt"
	"time"

	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Standing is where an engagement stands at an instant: its account, the
// breaches so far, and whether the provider may end it at once.
type Standing struct {
	At      time.Time `json:"at,omitzero"`
	Account Account   `json:"account,omitzero"`
	// Breaches counts the client's breaches so far, and ProviderBreaches
	// the provider's.
	Breaches         int `json:"breaches,omitzero"`
	ProviderBreaches int `json:"provider_breaches,omitzero"`
	// LateCancellations counts the late cancellations and no-shows within
	// the cancellation limit's span ending at At (all of them when the
	// agreement sets no limit).
	LateCancellations int `json:"late_cancellations,omitzero"`
	// MayTerminate says the provider may end the engagement at once;
	// Reasons cite the clauses that give the right.
	MayTerminate bool `json:"may_terminate,omitzero"`
	// Terminated says the engagement has ended.
	Terminated bool     `json:"terminated,omitzero"`
	Reasons    []Reason `json:"reasons,omitempty"`
}

// MarshalJSON encodes the standing with the field names in its struct
// tags, leaving out zero values.
func (s Standing) MarshalJSON() ([]byte, error) {
	type plain Standing
	return strictjson.Marshal(plain(s))
}

// UnmarshalJSON decodes a standing strictly.
func (s *Standing) UnmarshalJSON(b []byte) error {
	type plain Standing
	return strictjson.Unmarshal(b, (*plain)(s), strictjson.Limits{})
}

// Standing returns where the engagement stands at now, which should not be
// before the last event applied.
func (l *Ledger) Standing(now time.Time) Standing {
	s := Standing{At: now, Account: l.acct, Terminated: l.ended}
	for _, b := range l.breaches {
		if b.Party == RoleProvider {
			s.ProviderBreaches++
		} else {
			s.Breaches++
		}
	}
	lim := l.terms.Cancellation.Limit
	for _, t := range l.h.late {
		if t.After(now) {
			continue
		}
		if lim.Within > 0 && !t.After(now.Add(-lim.Within)) {
			continue
		}
		s.LateCancellations++
	}
	if l.ended {
		return s
	}
	for _, id := range l.h.rights {
		s.MayTerminate = true
		s.Reasons = append(s.Reasons, Reason{Code: CodeLadder, Clause: id, Message: "A breach met a termination step: the provider may end the engagement at once."})
	}
	if lim.Count > 0 && s.LateCancellations >= lim.Count {
		s.MayTerminate = true
		s.Reasons = append(s.Reasons, Reason{Code: CodeCancellationLimit, Clause: ClauseCancellationLimit, Message: fmt.Sprintf("%d late cancellations or no-shows within %s: the provider may end the engagement at once.", s.LateCancellations, prose.Duration(lim.Within))})
	}
	return s
}
