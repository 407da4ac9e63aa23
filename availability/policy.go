package availability

import (
	"time"

	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Policy holds the rules for booking sessions into a schedule. Zero
// fields mean "no such rule", except Session, which is required, and Align,
// whose zero value means DefaultAlign.
type Policy struct {
	// Session is the length of a session.
	Session time.Duration `json:"session"`
	// Align is the step between allowed start times, counted in local wall
	// time from midnight: 30m allows :00 and :30. Zero means DefaultAlign.
	// It must be a whole number of minutes.
	Align time.Duration `json:"align,omitzero"`
	// BufferBefore and BufferAfter are kept free before and after every
	// session, new and already booked: two sessions are at least
	// BufferAfter+BufferBefore apart. Buffers may fall outside working hours.
	BufferBefore time.Duration `json:"buffer_before,omitzero"`
	BufferAfter  time.Duration `json:"buffer_after,omitzero"`
	// MinNotice is how long before its start a session can be booked.
	MinNotice time.Duration `json:"min_notice,omitzero"`
	// Horizon is how far after now a session may start; zero is unlimited.
	Horizon time.Duration `json:"horizon,omitzero"`
	// MaxPerDay, MaxPerWeek and MaxPerMonth cap the sessions that start on
	// one local date, in one ISO week (Monday to Sunday, local) and in one
	// local calendar month, existing bookings included. Zero is no cap.
	MaxPerDay   int `json:"max_per_day,omitzero"`
	MaxPerWeek  int `json:"max_per_week,omitzero"`
	MaxPerMonth int `json:"max_per_month,omitzero"`
	// MaxBookedPerDay and MaxBookedPerWeek cap the total length of the
	// sessions that start on one local date or in one ISO week. Zero is no
	// cap.
	MaxBookedPerDay  time.Duration `json:"max_booked_per_day,omitzero"`
	MaxBookedPerWeek time.Duration `json:"max_booked_per_week,omitzero"`
}

// DefaultAlign is the start-time step used when Policy.Align is zero.
const DefaultAlign = 30 * time.Minute

// alignMinutes returns the start-time step in minutes.
func (p *Policy) alignMinutes() int {
	if p.Align <= 0 {
		return int(DefaultAlign / time.Minute)
	}
	return int(p.Align / time.Minute)
}

// gap returns how far a session's padded span reaches on each side of
// another booking: BufferBefore+BufferAfter.
func (p *Policy) gap() time.Duration { return p.BufferBefore + p.BufferAfter }

// MarshalJSON encodes the policy with durations as text ("50m", "48h",
// "14d").
func (p Policy) MarshalJSON() ([]byte, error) {
	type plain Policy
	return strictjson.Marshal(plain(p))
}

// UnmarshalJSON decodes a policy strictly; durations are text such as
// "50m", "1h30m", "14d" or "2w".
func (p *Policy) UnmarshalJSON(b []byte) error {
	type plain Policy
	return strictjson.Unmarshal(b, (*plain)(p), strictjson.Limits{})
}
