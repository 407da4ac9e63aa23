package agreement

import (
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/agreement/money"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// An EventKind says what happened.
type EventKind string

// The kinds of event. The fields each kind reads are listed on Event.
const (
	// EventCancellation: a party cancels a session.
	EventCancellation EventKind = "cancellation"
	// EventArrival: the client arrives for a session.
	EventArrival EventKind = "arrival"
	// EventNoShow: the client does not come to a session.
	EventNoShow EventKind = "no_show"
	// EventWait: the provider is waiting for the client and asks whether
	// they may leave now.
	EventWait EventKind = "wait"
	// EventContact: the client contacts the provider between sessions.
	EventContact EventKind = "contact"
	// EventBoundary: someone crosses a boundary.
	EventBoundary EventKind = "boundary"
	// EventForceMajeure: a party gives notice that force majeure prevents
	// a session.
	EventForceMajeure EventKind = "force_majeure"
	// EventLatePayment: a payment arrives, or is still missing, after it
	// was due.
	EventLatePayment EventKind = "late_payment"
	// EventTermination: a party ends the engagement.
	EventTermination EventKind = "termination"
	// EventPayment: the client pays, for a package of sessions or towards
	// fees.
	EventPayment EventKind = "payment"
	// EventSession: a session takes place.
	EventSession EventKind = "session"
)

// An Event is something that happened in an engagement, to be evaluated
// against its terms. Every kind reads Kind and At; the other fields it
// reads are:
//
//   - EventCancellation: By, Session; for the provider's cancellation,
//     Amount is what was paid for the session (zero if nothing was).
//   - EventArrival: Session (At is the arrival).
//   - EventNoShow: Session.
//   - EventWait: Session (At is the moment the provider asks).
//   - EventContact: Channel, Urgency or Category.
//   - EventBoundary: By, Boundary, InSession.
//   - EventForceMajeure: By, Session, Occurred (At is the notice); for
//     the provider's, Amount as for the provider's cancellation.
//   - EventLatePayment: Due, Amount (the amount due).
//   - EventTermination: By, Ground; Amount, Sessions and Used (what was
//     paid for prepaid sessions, how many it bought, how many were used)
//     when evaluated alone — a Ledger uses its own account instead.
//   - EventPayment: Amount; Sessions when it buys a package.
//   - EventSession: nothing more (At is the session's start).
//
// An empty By means the client. The zero Event is invalid: it has no
// kind and no instant.
type Event struct {
	Kind EventKind `json:"kind,omitempty"`
	// At is when the event happened: the cancellation, the arrival, the
	// contact, the notice.
	At time.Time `json:"at,omitzero"`
	// By is the party who acted: who cancelled, crossed the boundary, gave
	// notice, ended the engagement. Empty means the client.
	By Role `json:"by,omitempty"`
	// Session is the scheduled start of the session concerned.
	Session time.Time `json:"session,omitzero"`
	// Occurred is when the force majeure happened.
	Occurred time.Time `json:"occurred,omitzero"`
	// Due is when a late payment was due.
	Due time.Time `json:"due,omitzero"`
	// Channel is how a contact came in; empty means unknown.
	Channel contact.Channel `json:"channel,omitempty"`
	// Urgency is a contact's level when Category does not decide it.
	Urgency contact.Urgency `json:"urgency,omitzero"`
	// Category is the host's category for a contact, mapped to a level by
	// the communication policy's table.
	Category contact.Category `json:"category,omitempty"`
	// Boundary is the kind of boundary crossed.
	Boundary BoundaryKind `json:"boundary,omitempty"`
	// InSession says a boundary incident happened during a session.
	InSession bool `json:"in_session,omitzero"`
	// Ground is what a provider's termination with immediate effect
	// invokes: the key of one of the agreement's grounds ("nonpayment"),
	// or, in a Ledger, the ID of a clause whose breaches gave the provider
	// that right ("boundaries.romantic.ladder[0]", "cancellation.limit").
	// Empty means none: the provider's notice applies, and the client is
	// refunded everything unused.
	Ground string `json:"ground,omitempty"`
	// Amount is the money the event concerns, as listed above.
	Amount money.Amount `json:"amount,omitempty"`
	// Sessions is the number of sessions a package payment buys, or that
	// were prepaid, for a termination.
	Sessions int `json:"sessions,omitzero"`
	// Used is the number of prepaid sessions used, for a termination.
	Used int `json:"used,omitzero"`
}

// MarshalJSON encodes the event with the field names in its struct tags,
// leaving out the fields that are zero.
func (e Event) MarshalJSON() ([]byte, error) {
	type plain Event
	return strictjson.Marshal(plain(e))
}

// UnmarshalJSON decodes an event strictly.
func (e *Event) UnmarshalJSON(b []byte) error {
	type plain Event
	return strictjson.Unmarshal(b, (*plain)(e), strictjson.Limits{})
}

// by returns the acting party, the client when By is empty.
func (e Event) by() Role {
	if e.By == "" {
		return RoleClient
	}
	return e.By
}

// Validate returns nil or a problem.List listing every field the event's kind
// needs and lacks, or holds out of range.
func (e Event) Validate() error {
	var l problem.List
	if e.At.IsZero() {
		l.Add("at", problem.Required, "the event needs an instant")
	}
	if e.By != "" && e.By != RoleProvider && e.By != RoleClient {
		l.Add("by", problem.Invalid, "the acting party must be the provider or the client, not %s", prose.Quote(string(e.By)))
	}
	needSession := func() {
		if e.Session.IsZero() {
			l.Add("session", problem.Required, "a %s needs the session's scheduled start", e.Kind)
		}
	}
	switch e.Kind {
	case EventCancellation, EventArrival, EventNoShow, EventWait:
		needSession()
	case EventContact:
		if !e.Urgency.IsValid() {
			l.Add("urgency", problem.Invalid, "urgency %d is not a level", int(e.Urgency))
		}
	case EventBoundary:
		if e.Boundary == "" {
			l.Add("boundary", problem.Required, "a boundary incident needs the boundary's kind")
		}
	case EventForceMajeure:
		needSession()
		if e.Occurred.IsZero() {
			l.Add("occurred", problem.Required, "force majeure needs the instant it happened")
		}
	case EventLatePayment:
		if e.Due.IsZero() {
			l.Add("due", problem.Required, "a late payment needs the instant it was due")
		}
	case EventTermination:
		if e.Sessions < 0 || e.Sessions > money.MaxParts {
			l.Add("sessions", problem.OutOfRange, "prepaid sessions must be between 0 and %d", money.MaxParts)
		}
		if e.Used < 0 || e.Used > e.Sessions {
			l.Add("used", problem.OutOfRange, "used sessions must be between 0 and the %d prepaid", e.Sessions)
		}
		if e.Sessions > 0 && e.Amount.IsZero() {
			l.Add("amount", problem.Required, "prepaid sessions need the amount paid for them")
		}
		if e.Amount.IsNegative() {
			l.Add("amount", problem.Negative, "the amount paid cannot be negative")
		}
	case EventPayment:
		if !positive(e.Amount) {
			l.Add("amount", problem.OutOfRange, "a payment needs a positive amount")
		}
		if e.Sessions < 0 || e.Sessions > money.MaxParts {
			l.Add("sessions", problem.OutOfRange, "a package buys between 0 and %d sessions", money.MaxParts)
		}
	case EventSession:
	default:
		l.Add("kind", problem.Invalid, "unknown event kind %s", prose.Quote(string(e.Kind)))
	}
	return l.Err()
}
