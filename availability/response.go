package availability

import (
	"fmt"
	"time"

	"github.com/practicekit/boundaries/internal/problem"
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
// "scheduling", "billing" or "question". A ResponsePolicy maps categories to
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
	AfterHours bool `json:"after_hours,omitempty"`
	// Resources says whether to offer the policy's emergency resources when
	// a message of this level arrives while the provider is off.
	Resources bool `json:"resources,omitempty"`
	// OnCall says whether to offer the policy's on-call colleague when a
	// message of this level arrives while the provider is off.
	OnCall bool `json:"on_call,omitempty"`
}

// A ResponsePolicy says how fast each urgency level is answered and what
// a client is offered while the provider is off: the communication terms
// of an engagement ("is this a 911 or a 411?"). Open time, and so business
// time and "after hours", come from the Schedule passed to Respond.
//
// The zero ResponsePolicy is valid and promises nothing: every message is
// answered with CodeNoTarget and no deadline.
type ResponsePolicy struct {
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
func (p ResponsePolicy) Target(u Urgency) (Target, bool) {
	for i := range p.Targets {
		if p.Targets[i].Urgency == u {
			return p.Targets[i], true
		}
	}
	return Target{}, false
}

// Level returns the urgency level the category table gives category c, and
// whether the table has c.
func (p ResponsePolicy) Level(c Category) (Urgency, bool) {
	for i := range p.Categories {
		if p.Categories[i].Category == c {
			return p.Categories[i].Urgency, true
		}
	}
	return 0, false
}

// A Message is what Respond is asked about: when it arrived, how urgent it
// is, and how it came in.
type Message struct {
	// Arrived is when the message arrived.
	Arrived time.Time `json:"arrived"`
	// Category is the host's category for the message. When the policy's
	// table has it, it decides the level; otherwise Urgency does.
	Category Category `json:"category,omitempty"`
	// Urgency is the message's level when Category is empty or not in the
	// table; the zero value is Routine.
	Urgency Urgency `json:"urgency"`
	// Channel is how the message came in; empty means unknown, which every
	// target accepts.
	Channel Channel `json:"channel,omitempty"`
}

// An AlternativeKind names what an Alternative offers.
type AlternativeKind string

// The kinds of alternative.
const (
	// AltResource is one of the policy's emergency resources.
	AltResource AlternativeKind = "resource"
	// AltOnCall is the policy's on-call colleague.
	AltOnCall AlternativeKind = "on_call"
	// AltCovering is the colleague named by the closure the message
	// arrived in, covering while the provider is away.
	AltCovering AlternativeKind = "covering"
	// AltNextOpen is the provider's next open window.
	AltNextOpen AlternativeKind = "next_open"
)

// An Alternative is something to offer a client while the provider is off.
// Exactly one of Resource, Colleague and Window is set, as Kind says.
type Alternative struct {
	Kind AlternativeKind `json:"kind"`
	// Resource is the resource offered, for AltResource.
	Resource *Resource `json:"resource,omitempty"`
	// Colleague is the colleague's ID, for AltOnCall and AltCovering.
	Colleague string `json:"colleague,omitempty"`
	// Window is the next open window, for AltNextOpen.
	Window *Interval `json:"window,omitempty"`
	// Message is a sentence a host can show the client.
	Message string `json:"message"`
}

// A Response is the answer to a Message under a ResponsePolicy.
type Response struct {
	// Urgency is the level the message was answered at.
	Urgency Urgency `json:"urgency"`
	// Deadline is when the answer is due; it is the zero time when the
	// policy has no target for the level (HasDeadline is false).
	Deadline time.Time `json:"deadline"`
	// HasDeadline reports whether Deadline is set.
	HasDeadline bool `json:"has_deadline"`
	// AfterHours reports whether the message arrived outside open time.
	AfterHours bool `json:"after_hours"`
	// WithinPolicy reports whether the channel, and the hour, are
	// acceptable for the level.
	WithinPolicy bool `json:"within_policy"`
	// Reasons explain the deadline and every way the message is outside
	// the policy, in that order.
	Reasons []Reason `json:"reasons"`
	// Alternatives are what to offer the client while the provider is
	// off, most urgent first: resources, on-call colleague, covering
	// colleague, next open window.
	Alternatives []Alternative `json:"alternatives,omitempty"`
}

// validate adds every problem with the target, found at path, to l.
func (t Target) validate(path string, l *Problems) {
	if !t.Urgency.IsValid() {
		l.Add(problem.Join(path, "urgency"), "invalid", "urgency %d is not a level", int(t.Urgency))
	}
	if t.Within <= 0 {
		l.Add(problem.Join(path, "within"), "out_of_range", "the target must be a positive duration, not %s", t.Within)
	}
	if !t.Basis.IsValid() {
		l.Add(problem.Join(path, "basis"), "invalid", "basis %q is not \"wall\" or \"business\"", string(t.Basis))
	}
	for i, c := range t.Channels {
		cp := problem.Index(problem.Join(path, "channels"), i)
		if c == "" {
			l.Add(cp, "required", "a channel needs a name")
		}
		for _, prev := range t.Channels[:i] {
			if prev == c {
				l.Add(cp, "duplicate", "channel %q is listed twice", string(c))
				break
			}
		}
	}
}

// Validate returns nil or Problems listing everything wrong with the
// policy: targets with a bad level, a non-positive duration or an unknown
// basis; two targets for one level; category rows that repeat a category
// or name no level; resources without an ID or contact; a target that
// offers resources or an on-call colleague the policy does not have.
func (p ResponsePolicy) Validate() error {
	var l Problems
	for i, t := range p.Targets {
		path := problem.Index("targets", i)
		t.validate(path, &l)
		for _, prev := range p.Targets[:i] {
			if prev.Urgency == t.Urgency {
				l.Add(problem.Join(path, "urgency"), "duplicate", "level %s has two targets", t.Urgency)
				break
			}
		}
		if t.Resources && len(p.Resources) == 0 {
			l.Add(problem.Join(path, "resources"), "required", "the target offers emergency resources but the policy lists none")
		}
		if t.OnCall && p.OnCall == "" {
			l.Add(problem.Join(path, "on_call"), "required", "the target offers an on-call colleague but the policy names none")
		}
	}
	for i, c := range p.Categories {
		path := problem.Index("categories", i)
		if c.Category == "" {
			l.Add(problem.Join(path, "category"), "required", "a category needs a name")
		}
		if !c.Urgency.IsValid() {
			l.Add(problem.Join(path, "urgency"), "invalid", "urgency %d is not a level", int(c.Urgency))
		}
		for _, prev := range p.Categories[:i] {
			if prev.Category == c.Category {
				l.Add(problem.Join(path, "category"), "duplicate", "category %q is listed twice", string(c.Category))
				break
			}
		}
	}
	for i, r := range p.Resources {
		path := problem.Index("resources", i)
		if r.ID == "" {
			l.Add(problem.Join(path, "id"), "required", "a resource needs an ID")
		}
		if r.Contact == "" {
			l.Add(problem.Join(path, "contact"), "required", "a resource needs a contact")
		}
	}
	return l.Err()
}

// String returns the target as "urgent: within 4h0m0s business time".
func (t Target) String() string {
	basis := WallTime
	if t.Basis.business() {
		basis = BusinessTime
	}
	return fmt.Sprintf("%s: within %s %s time", t.Urgency, t.Within, basis)
}
