package fit

import (
	"cmp"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Meeting is a planned meeting with a client, as a safety check-in plan
// sees it.
type Meeting struct {
	// Client is the client's name.
	Client string `json:"client"`
	// Place is where the meeting is: an address or a description.
	Place string `json:"place,omitempty"`
	// Point is where the meeting is on a map, when known.
	Point *place.Point `json:"point,omitzero"`
	// Start and End bound the meeting; times in messages are written in
	// Start's location.
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// Remote meetings (video, phone) need no plan unless one is asked for.
	Remote bool `json:"remote,omitzero"`
	// First marks the first in-person meeting with this client.
	First bool `json:"first,omitzero"`
	// Alone says the provider will be alone with the client.
	Alone bool `json:"alone,omitzero"`
	// Reach is how to reach the provider during the meeting, such as a
	// mobile number.
	Reach string `json:"reach,omitempty"`
	// ClientReach is how to reach the client, when the provider may share
	// it with trusted contacts.
	ClientReach string `json:"client_reach,omitempty"`
}

// A Role says what a contact is for.
type Role string

// The roles of contacts.
const (
	// Trusted contacts are told where the provider is and raise the alarm
	// if no check-in arrives: friends and family ("let friends and family
	// know where we are when meeting a client alone").
	Trusted Role = "trusted"
	// Advisor contacts are mentors and advisors the provider debriefs with
	// ("find a business mentor for advice").
	Advisor Role = "advisor"
)

// A Contact is someone in the provider's safety net. The zero Role means
// Trusted.
type Contact struct {
	Name  string `json:"name"`
	Reach string `json:"reach"`
	Role  Role   `json:"role,omitempty"`
}

// trusted reports whether c is a trusted contact.
func (c Contact) trusted() bool { return c.Role == "" || c.Role == Trusted }

// PlanOptions are the provider's safety settings. The zero PlanOptions has
// no contacts, which is an error for a meeting that needs a plan; its
// other fields mean the defaults: 15 minutes' grace, 15 minutes between
// escalation steps, local emergency services, and no plan for a meeting
// that is remote or neither a first meeting nor alone.
type PlanOptions struct {
	// Contacts are the trusted contacts, in the order they are to act, and
	// the advisors.
	Contacts []Contact `json:"contacts,omitempty"`
	// Grace is how long after the meeting's end the provider has to check
	// in; zero means 15 minutes.
	Grace time.Duration `json:"grace,omitzero"`
	// Interval is the time between escalation steps; zero means 15 minutes.
	Interval time.Duration `json:"interval,omitzero"`
	// Emergency is the emergency service of the last step, such as 112;
	// nil means local emergency services, unnamed.
	Emergency *contact.Resource `json:"emergency,omitzero"`
	// Always asks for a plan for any meeting, remote ones included.
	Always bool `json:"always,omitzero"`
}

// The defaults of PlanOptions.
const (
	DefaultGrace    = 15 * time.Minute
	DefaultInterval = 15 * time.Minute
)

// An Action is what a step of a safety plan does.
type Action string

// The actions of a safety plan, in the order they happen.
const (
	ActionShare          Action = "share"           // the provider sends the details to the trusted contacts
	ActionCheckIn        Action = "check_in"        // the provider tells the first contact they are safe
	ActionCallProvider   Action = "call_provider"   // no check-in: the first contact calls the provider
	ActionAlertContacts  Action = "alert_contacts"  // still nothing: the other contacts are told, the client is tried
	ActionCallEmergency  Action = "call_emergency"  // still nothing: emergency services are called with the details
	ActionDebriefAdvisor Action = "debrief_advisor" // after the meeting: the provider talks it through with an advisor
)

// A Step is one thing to do by a deadline.
type Step struct {
	// At is the deadline, or the moment the step is due.
	At time.Time `json:"at"`
	// Action is what to do.
	Action Action `json:"action"`
	// By is who acts: "provider" or a contact's name.
	By string `json:"by"`
	// Message says what to do, in a sentence.
	Message string `json:"message"`
}

// A Detail is one thing the trusted contacts are told.
type Detail struct {
	// Item names it: place, point, time, client, reach or client_reach.
	Item string `json:"item"`
	// Value is what is shared.
	Value string `json:"value"`
}

// A SafetyPlan is a check-in plan for one meeting: whom to tell, what to
// share, when to check in, and what happens if no check-in arrives. It is
// pure data for a host to schedule reminders and messages from.
type SafetyPlan struct {
	// Needed is false when the meeting needs no plan; the Reasons say why,
	// and the other fields are empty.
	Needed bool `json:"needed"`
	// Tell are the trusted contacts, the first of whom receives the
	// check-in.
	Tell []Contact `json:"tell,omitempty"`
	// Share is what the trusted contacts are told.
	Share []Detail `json:"share,omitempty"`
	// CheckInBy is when the provider must have checked in: the end of the
	// meeting plus the grace period.
	CheckInBy time.Time `json:"check_in_by,omitzero"`
	// Steps are what to do, in time order: share the details, check in,
	// then the escalation if no check-in arrives.
	Steps []Step `json:"steps,omitempty"`
	// Debrief is a talk with the first advisor after the meeting, when
	// there is one.
	Debrief *Step `json:"debrief,omitzero"`
	// Reasons say why there is a plan (or none).
	Reasons []Reason `json:"reasons"`
}

// The reason codes of safety plans.
const (
	CodeFirstMeeting Code = "first_meeting" // a first in-person meeting
	CodeAlone        Code = "alone"         // a meeting alone with the client
	CodeRequested    Code = "requested"     // a plan the provider asked for
	CodeRemote       Code = "remote"        // a remote meeting: no plan
	CodeNotNeeded    Code = "not_needed"    // neither first nor alone: no plan
	CodeNoAdvisor    Code = "no_advisor"    // no advisor to debrief with
)

// MarshalJSON encodes the plan.
func (p SafetyPlan) MarshalJSON() ([]byte, error) {
	type plain SafetyPlan
	return strictjson.Marshal(plain(p))
}

// UnmarshalJSON decodes a plan strictly.
func (p *SafetyPlan) UnmarshalJSON(b []byte) error {
	type plain SafetyPlan
	return strictjson.Unmarshal(b, (*plain)(p), strictjson.Limits{})
}

// MarshalJSON encodes the meeting.
func (m Meeting) MarshalJSON() ([]byte, error) {
	type plain Meeting
	return strictjson.Marshal(plain(m))
}

// UnmarshalJSON decodes a meeting strictly.
func (m *Meeting) UnmarshalJSON(b []byte) error {
	type plain Meeting
	return strictjson.Unmarshal(b, (*plain)(m), strictjson.Limits{})
}

// MarshalJSON encodes the options, durations as text ("15m", "1h30m").
func (o PlanOptions) MarshalJSON() ([]byte, error) {
	type plain PlanOptions
	return strictjson.Marshal(plain(o))
}

// UnmarshalJSON decodes the options strictly, durations from text such
// as "15m", "1h30m" or "2d".
func (o *PlanOptions) UnmarshalJSON(b []byte) error {
	type plain PlanOptions
	return strictjson.Unmarshal(b, (*plain)(o), strictjson.Limits{})
}

// NewSafetyPlan returns the check-in plan for a meeting. A plan is made for
// a first in-person meeting and for any in-person meeting alone with the
// client; for a remote meeting, or one that is neither, only when
// o.Always asks for it (otherwise the plan's Needed is false and its
// Reasons say why).
//
// It returns a problem.List (errors.Is problem.ErrInvalid) when the meeting has no
// client name, no start, an end not after its start, or (in person) no
// place, when the provider cannot be reached, when a needed plan has no
// trusted contact, or when Grace or Interval is negative.
func NewSafetyPlan(m Meeting, o PlanOptions) (SafetyPlan, error) {
	var l problem.List
	if strings.TrimSpace(m.Client) == "" {
		l.Add("meeting.client", problem.Required, "the plan needs the client's name")
	}
	if m.Start.IsZero() {
		l.Add("meeting.start", problem.Required, "the plan needs the meeting's start")
	} else if !m.End.After(m.Start) {
		l.Add("meeting.end", problem.Order, "the meeting ends at %s, not after its start %s", m.End.Format(time.RFC3339), m.Start.Format(time.RFC3339))
	}
	if m.Point != nil && !m.Point.IsValid() {
		l.Add("meeting.point", problem.Invalid, "%s is not a place on Earth", m.Point)
	}
	if o.Grace < 0 {
		l.Add("options.grace", problem.Negative, "the grace period of %s is negative", prose.Duration(o.Grace))
	}
	if o.Interval < 0 {
		l.Add("options.interval", problem.Negative, "the interval of %s is negative", prose.Duration(o.Interval))
	}
	for i, c := range o.Contacts {
		at := problem.Index("options.contacts", i)
		if strings.TrimSpace(c.Name) == "" {
			l.Add(problem.Join(at, "name"), problem.Required, "a contact needs a name")
		}
		if strings.TrimSpace(c.Reach) == "" {
			l.Add(problem.Join(at, "reach"), problem.Required, "a contact needs a way to be reached")
		}
		if c.Role != "" && c.Role != Trusted && c.Role != Advisor {
			l.Add(problem.Join(at, "role"), problem.Invalid, "unknown role %s; want trusted or advisor", prose.Quote(string(c.Role)))
		}
	}

	var plan SafetyPlan
	switch {
	case m.Remote && o.Always:
		plan.Reasons = append(plan.Reasons, Reason{Code: CodeRequested, Message: "The meeting is remote, but a check-in plan was asked for."})
	case m.Remote:
		plan.Reasons = append(plan.Reasons, Reason{Code: CodeRemote, Message: "The meeting is remote, so no check-in plan is needed."})
	default:
		if m.First {
			plan.Reasons = append(plan.Reasons, Reason{Code: CodeFirstMeeting, Message: "This is the first in-person meeting with " + m.Client + ": tell someone where you are."})
		}
		if m.Alone {
			plan.Reasons = append(plan.Reasons, Reason{Code: CodeAlone, Message: "You will be alone with " + m.Client + ": tell someone where you are."})
		}
		switch {
		case len(plan.Reasons) > 0:
		case o.Always:
			plan.Reasons = append(plan.Reasons, Reason{Code: CodeRequested, Message: "A check-in plan was asked for."})
		default:
			plan.Reasons = append(plan.Reasons, Reason{Code: CodeNotNeeded, Message: "The meeting is neither a first meeting nor alone with the client, so no check-in plan is needed."})
		}
	}
	plan.Needed = plan.Reasons[0].Code != CodeRemote && plan.Reasons[0].Code != CodeNotNeeded
	if !plan.Needed {
		return plan, l.Err()
	}

	if !m.Remote && strings.TrimSpace(m.Place) == "" && m.Point == nil {
		l.Add("meeting.place", problem.Required, "an in-person meeting needs a place to share")
	}
	if strings.TrimSpace(m.Reach) == "" {
		l.Add("meeting.reach", problem.Required, "the plan needs a way to reach the provider during the meeting")
	}
	var advisors []Contact
	for _, c := range o.Contacts {
		if c.trusted() {
			plan.Tell = append(plan.Tell, c)
		} else {
			advisors = append(advisors, c)
		}
	}
	if len(plan.Tell) == 0 {
		l.Add("options.contacts", problem.Required, "a check-in plan needs at least one trusted contact to tell")
	}
	if err := l.Err(); err != nil {
		return SafetyPlan{}, err
	}

	loc := m.Start.Location()
	start, end := m.Start.In(loc), m.End.In(loc)
	when := start.Format("Mon 2006-01-02 15:04") + "–" + clockOrDate(end, start) + " " + end.Format("MST")
	if !m.Remote {
		if m.Place != "" {
			plan.Share = append(plan.Share, Detail{Item: "place", Value: m.Place})
		}
		if m.Point != nil {
			plan.Share = append(plan.Share, Detail{Item: "point", Value: m.Point.String()})
		}
	}
	plan.Share = append(plan.Share,
		Detail{Item: "time", Value: when},
		Detail{Item: "client", Value: m.Client},
		Detail{Item: "reach", Value: m.Reach})
	if m.ClientReach != "" {
		plan.Share = append(plan.Share, Detail{Item: "client_reach", Value: m.ClientReach})
	}

	grace, interval := cmp.Or(o.Grace, DefaultGrace), cmp.Or(o.Interval, DefaultInterval)
	plan.CheckInBy = end.Add(grace)
	first := plan.Tell[0]
	names := make([]string, len(plan.Tell))
	for i, c := range plan.Tell {
		names[i] = c.Name
	}
	what := "the place, the time, " + m.Client + "'s name and how to reach you"
	if m.Remote {
		what = "the time, " + m.Client + "'s name and how to reach you"
	}
	plan.Steps = append(plan.Steps,
		Step{At: start, Action: ActionShare, By: "provider",
			Message: "Before the meeting, send " + joinNames(names) + " " + what + "."},
		Step{At: plan.CheckInBy, Action: ActionCheckIn, By: "provider",
			Message: "Check in with " + first.Name + " (" + first.Reach + ") by " + clockOrDate(plan.CheckInBy, start) + " to say you are safe."},
		Step{At: plan.CheckInBy, Action: ActionCallProvider, By: first.Name,
			Message: "If " + first.Name + " has not heard from you by " + clockOrDate(plan.CheckInBy, start) + ", " + first.Name + " calls you at " + m.Reach + "."})
	at := plan.CheckInBy.Add(interval)
	if len(plan.Tell) > 1 || m.ClientReach != "" {
		var msg strings.Builder
		msg.WriteString("If " + first.Name + " still cannot reach you by " + clockOrDate(at, start) + ", " + first.Name)
		if len(plan.Tell) > 1 {
			msg.WriteString(" tells " + joinNames(names[1:]))
			if m.ClientReach != "" {
				msg.WriteString(" and")
			}
		}
		if m.ClientReach != "" {
			msg.WriteString(" tries " + m.Client + " at " + m.ClientReach)
		}
		msg.WriteString(".")
		plan.Steps = append(plan.Steps, Step{At: at, Action: ActionAlertContacts, By: first.Name, Message: msg.String()})
		at = at.Add(interval)
	}
	service := "local emergency services"
	if e := o.Emergency; e != nil {
		service = e.Name + " (" + e.Contact + ")"
	}
	plan.Steps = append(plan.Steps, Step{At: at, Action: ActionCallEmergency, By: first.Name,
		Message: "If there is still no word from you by " + clockOrDate(at, start) + ", " + first.Name + " calls " + service + " and gives them what you shared."})
	if len(advisors) > 0 {
		a := advisors[0]
		plan.Debrief = &Step{At: end, Action: ActionDebriefAdvisor, By: "provider",
			Message: "After the meeting, talk it through with " + a.Name + " (" + a.Reach + "), especially if anything felt wrong."}
	} else {
		plan.Reasons = append(plan.Reasons, Reason{Code: CodeNoAdvisor, Message: "No mentor or advisor is on file to debrief with; consider finding one."})
	}
	return plan, nil
}

// clockOrDate formats t as "15:04" when it falls on the same day as ref,
// and as "Mon 2006-01-02 15:04" otherwise, in ref's location.
func clockOrDate(t, ref time.Time) string {
	t = t.In(ref.Location())
	if y, m, d := t.Date(); y == ref.Year() && m == ref.Month() && d == ref.Day() {
		return t.Format("15:04")
	}
	return t.Format("Mon 2006-01-02 15:04")
}

// joinNames joins names as "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
