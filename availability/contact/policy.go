package contact

import (
	"fmt"
	"slices"
	"time"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Channel is a way a client reaches the provider. Hosts may use names of
// their own; the constants are the common ones.
type Channel string

// Common channels.
const (
	ChannelPhone     Channel = "phone"
	ChannelText      Channel = "text"
	ChannelEmail     Channel = "email"
	ChannelPortal    Channel = "portal"
	ChannelVoicemail Channel = "voicemail"
)

// A Category is a host's own name for a kind of message, such as "safety",
// "scheduling", "billing" or "question". A Policy maps categories to
// urgency levels with a table; the library never reads message text.
type Category string

// A CategoryLevel is one row of a policy's category table: messages of
// Category are answered at level Urgency.
type CategoryLevel struct {
	Category Category `json:"category"`
	Urgency  Urgency  `json:"urgency"`
}

// A Basis says how a response target's duration is counted. The zero Basis
// is WallTime.
type Basis string

// The bases.
const (
	// WallTime counts every hour, day and night: "within 15 minutes".
	WallTime Basis = "wall"
	// BusinessTime counts only the schedule's open time: "within 8
	// business hours" (see AddBusiness).
	BusinessTime Basis = "business"
)

// IsValid reports whether b is the zero Basis, WallTime or BusinessTime.
func (b Basis) IsValid() bool { return b == "" || b == WallTime || b == BusinessTime }

// business reports whether b counts business time.
func (b Basis) business() bool { return b == BusinessTime }

// A Target is a policy's promise for one urgency level: how fast a message
// is answered, on which channels the level may come in, whether it may
// come in after hours, and what to offer a client while the provider is
// off.
//
// A zero Target is invalid: Within must be positive.
type Target struct {
	// Urgency is the level the target applies to.
	Urgency Urgency `json:"urgency"`
	// Within is how long the provider has to answer, counted on Basis.
	Within time.Duration `json:"within"`
	// Basis is how Within is counted; empty means WallTime.
	Basis Basis `json:"basis,omitempty"`
	// Channels are the acceptable channels for the level; empty means any.
	Channels []Channel `json:"channels,omitempty"`
	// AfterHours says whether contact outside open time is acceptable for
	// the level. When it is not, a message that arrives after hours is
	// counted from the next open time, whatever the Basis.
	AfterHours bool `json:"after_hours,omitzero"`
	// Resources says whether to offer the policy's emergency resources when
	// a message of this level arrives while the provider is off.
	Resources bool `json:"resources,omitzero"`
	// OnCall says whether to offer the policy's on-call colleague when a
	// message of this level arrives while the provider is off.
	OnCall bool `json:"on_call,omitzero"`
}

// A Policy says how fast each urgency level is answered and what
// a client is offered while the provider is off: the communication terms
// of an engagement ("is this a 911 or a 411?"). Open time, and so business
// time and "after hours", come from the Schedule passed to Respond.
//
// The zero Policy is valid and promises nothing: every message is
// answered with CodeNoTarget and no deadline.
type Policy struct {
	// Targets hold at most one target per urgency level.
	Targets []Target `json:"targets,omitempty"`
	// Categories map the host's message categories to levels; a category
	// may appear once.
	Categories []CategoryLevel `json:"categories,omitempty"`
	// Resources are the emergency resources offered by targets with
	// Resources set: an emergency number, a crisis line.
	Resources []Resource `json:"resources,omitempty"`
	// OnCall is the ID of the colleague on call while the provider is off,
	// offered by targets with OnCall set; empty means none.
	OnCall string `json:"on_call,omitempty"`
}

// Target returns the policy's target for level u, and whether it has one.
func (p Policy) Target(u Urgency) (Target, bool) {
	for i := range p.Targets {
		if p.Targets[i].Urgency == u {
			return p.Targets[i], true
		}
	}
	return Target{}, false
}

// Level returns the urgency level the category table gives category c, and
// whether the table has c.
func (p Policy) Level(c Category) (Urgency, bool) {
	for i := range p.Categories {
		if p.Categories[i].Category == c {
			return p.Categories[i].Urgency, true
		}
	}
	return 0, false
}

// validate adds every problem with the target, found at path, to l.
func (t Target) validate(path string, l *problem.List) {
	if !t.Urgency.IsValid() {
		l.Add(problem.Join(path, "urgency"), problem.Invalid, "urgency %d is not a level", int(t.Urgency))
	}
	if t.Within <= 0 {
		l.Add(problem.Join(path, "within"), problem.Required, "a positive response time is required, not %s", t.Within)
	}
	if !t.Basis.IsValid() {
		l.Add(problem.Join(path, "basis"), problem.Invalid, "basis %q is not \"wall\" or \"business\"", string(t.Basis))
	}
	for i, c := range t.Channels {
		cp := problem.Index(problem.Join(path, "channels"), i)
		if c == "" {
			l.Add(cp, problem.Required, "a channel needs a name")
		}
		if slices.Contains(t.Channels[:i], c) {
			l.Add(cp, problem.Duplicate, "channel %q is listed twice", string(c))
		}
	}
}

// Validate returns nil or problem.List listing everything wrong with the
// policy, with codes invalid, required, duplicate_level,
// duplicate_category and duplicate_channel: targets with a bad level, a non-positive duration or an unknown
// basis; two targets for one level; category rows that repeat a category
// or name no level; resources without an ID or contact; a target that
// offers resources or an on-call colleague the policy does not have.
func (p Policy) Validate() error {
	var l problem.List
	for i, t := range p.Targets {
		path := problem.Index("targets", i)
		t.validate(path, &l)
		for _, prev := range p.Targets[:i] {
			if prev.Urgency == t.Urgency {
				l.Add(problem.Join(path, "urgency"), problem.Duplicate, "level %s has two targets", t.Urgency)
				break
			}
		}
		if t.Resources && len(p.Resources) == 0 {
			l.Add(problem.Join(path, "resources"), problem.Required, "the target offers emergency resources but the policy lists none")
		}
		if t.OnCall && p.OnCall == "" {
			l.Add(problem.Join(path, "on_call"), problem.Required, "the target offers an on-call colleague but the policy names none")
		}
	}
	for i, c := range p.Categories {
		path := problem.Index("categories", i)
		if c.Category == "" {
			l.Add(problem.Join(path, "category"), problem.Required, "a category needs a name")
		}
		if !c.Urgency.IsValid() {
			l.Add(problem.Join(path, "urgency"), problem.Invalid, "urgency %d is not a level", int(c.Urgency))
		}
		for _, prev := range p.Categories[:i] {
			if prev.Category == c.Category {
				l.Add(problem.Join(path, "category"), problem.Duplicate, "category %q is listed twice", string(c.Category))
				break
			}
		}
	}
	for i, r := range p.Resources {
		path := problem.Index("resources", i)
		if r.ID == "" {
			l.Add(problem.Join(path, "id"), problem.Required, "a resource needs an ID")
		}
		if r.Contact == "" {
			l.Add(problem.Join(path, "contact"), problem.Required, "a resource needs a contact")
		}
	}
	return l.Err()
}

// String returns the target as "urgent: within 4h of business time".
func (t Target) String() string {
	basis := "wall-clock"
	if t.Basis.business() {
		basis = "business"
	}
	return fmt.Sprintf("%s: within %s of %s time", t.Urgency, prose.Duration(t.Within), basis)
}

// MarshalJSON encodes the policy .
func (p Policy) MarshalJSON() ([]byte, error) {
	type plain Policy
	return strictjson.Marshal(plain(p))
}

// UnmarshalJSON decodes the policy strictly: unknown fields and bad values
// are errors with their path.
func (p *Policy) UnmarshalJSON(b []byte) error {
	type plain Policy
	return strictjson.Unmarshal(b, (*plain)(p), strictjson.Limits{})
}
