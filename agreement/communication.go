package agreement

import (
	"slices"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/availability"
)

// Communication says how and when the client may reach the provider between
// sessions, and how fast each urgency is answered. The hours and the
// response policy are availability's types, so deadlines are computed by
// contact.Policy.Respond and never here.
type Communication struct {
	// Channels are the ways the client may reach the provider; contact on
	// any other channel (a personal number, social media) is outside the
	// agreement. Empty means the policy's targets decide alone.
	Channels []contact.Channel `json:"channels,omitzero"`
	// Hours are when the provider answers: business hours, in the
	// provider's zone.
	Hours availability.Schedule `json:"hours,omitzero"`
	// Policy holds the response target of each urgency level, the channels
	// each level may use, and whether it may come in after hours. It is
	// left out when it writes as {}, as it does with empty lists.
	Policy contact.Policy `json:"policy,omitempty"`
}

// present reports whether the clause says anything.
func (c Communication) present() bool {
	return len(c.Channels) > 0 || len(c.Hours.Hours) > 0 || len(c.Policy.Targets) > 0
}

// allows reports whether the clause accepts contact on ch; an empty list,
// or an unknown channel, accepts any.
func (c Communication) allows(ch contact.Channel) bool {
	if len(c.Channels) == 0 || ch == "" {
		return true
	}
	return slices.Contains(c.Channels, ch)
}
