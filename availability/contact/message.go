package contact

import (
	"time"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/strictjson"
)

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

// Validate reports every problem with the message: it needs the instant
// it arrived (required) and a valid urgency level (invalid). Respond and
// Deadline refuse a message that does not validate.
func (m Message) Validate() error { return m.check() }

// check is Validate, without an allocation for a valid message.
func (m Message) check() error {
	if !m.Arrived.IsZero() && m.Urgency.IsValid() {
		return nil
	}
	var l problem.List
	if m.Arrived.IsZero() {
		l.Add("arrived", problem.Required, "the message needs the instant it arrived")
	}
	if !m.Urgency.IsValid() {
		l.Add("urgency", problem.Invalid, "urgency %d is not a level", int(m.Urgency))
	}
	return l.Err()
}

// MarshalJSON encodes the message.
func (m Message) MarshalJSON() ([]byte, error) {
	type plain Message
	return strictjson.Marshal(plain(m))
}

// UnmarshalJSON decodes the message strictly.
func (m *Message) UnmarshalJSON(b []byte) error {
	type plain Message
	return strictjson.Unmarshal(b, (*plain)(m), strictjson.Limits{})
}
