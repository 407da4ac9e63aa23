package availability

import (
	"errors"
	"fmt"
	"time"

	"github.com/practicekit/boundaries/internal/jsoncodec"
)

// ErrZone is matched (errors.Is) by errors for zone names that do not name
// an IANA time zone.
var ErrZone = errors.New("unknown time zone")

// LoadZone returns the IANA time zone name names, such as
// "Europe/Berlin" or "UTC". It refuses "" and "Local", which would make a
// schedule depend on the machine it runs on. It reads the system's zone data
// (or the data embedded by importing time/tzdata), as time.LoadLocation does.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("%w %q: want an IANA name such as Europe/Berlin", ErrZone, name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%w %q", ErrZone, name)
	}
	return loc, nil
}

// zone is a *time.Location written as its IANA name.
type zone struct{ loc *time.Location }

func (z zone) MarshalText() ([]byte, error) {
	if z.loc == nil {
		return []byte("UTC"), nil
	}
	return []byte(z.loc.String()), nil
}

func (z *zone) UnmarshalText(b []byte) error {
	loc, err := LoadZone(string(b))
	if err != nil {
		return err
	}
	z.loc = loc
	return nil
}

// scheduleJSON is the JSON form of a Schedule.
type scheduleJSON struct {
	Zone      zone       `json:"zone"`
	Hours     []Window   `json:"hours,omitempty"`
	Protected []Window   `json:"protected,omitempty"`
	Overrides []Override `json:"overrides,omitempty"`
	Closures  []Closure  `json:"closures,omitempty"`
	Effective DateRange  `json:"effective,omitzero"`
}

// MarshalJSON encodes the schedule with its zone as an IANA name.
func (s Schedule) MarshalJSON() ([]byte, error) {
	return jsoncodec.Marshal(scheduleJSON{
		Zone: zone{s.Zone}, Hours: s.Hours, Protected: s.Protected,
		Overrides: s.Overrides, Closures: s.Closures, Effective: s.Effective,
	})
}

// UnmarshalJSON decodes a schedule strictly: unknown fields and bad values
// are errors that name their path. It does not validate; see Validate.
func (s *Schedule) UnmarshalJSON(b []byte) error {
	var v scheduleJSON
	if err := jsoncodec.Unmarshal(b, &v, jsoncodec.Limits{}); err != nil {
		return err
	}
	*s = Schedule{Zone: v.Zone.loc, Hours: v.Hours, Protected: v.Protected, Overrides: v.Overrides, Closures: v.Closures, Effective: v.Effective}
	return nil
}

// MarshalJSON encodes the policy with durations as strings ("50m0s").
func (p Policy) MarshalJSON() ([]byte, error) {
	type plain Policy
	return jsoncodec.Marshal(plain(p))
}

// UnmarshalJSON decodes a policy strictly; durations are strings such as
// "50m" or "48h".
func (p *Policy) UnmarshalJSON(b []byte) error {
	type plain Policy
	return jsoncodec.Unmarshal(b, (*plain)(p), jsoncodec.Limits{})
}

// MarshalJSON encodes the bookings as an array of intervals.
func (b Bookings) MarshalJSON() ([]byte, error) {
	if b.ivs == nil {
		return []byte("[]"), nil
	}
	return jsoncodec.Marshal(b.ivs)
}

// UnmarshalJSON decodes an array of intervals in any order. A session that
// does not end after it starts is an error, where NewBookings would drop it:
// stored bookings that make no sense should not vanish unnoticed.
func (b *Bookings) UnmarshalJSON(data []byte) error {
	var ivs []Interval
	if err := jsoncodec.Unmarshal(data, &ivs, jsoncodec.Limits{}); err != nil {
		return err
	}
	for i, iv := range ivs {
		if iv.IsEmpty() {
			return &jsoncodec.Error{Path: fmt.Sprintf("[%d].end", i),
				Err: fmt.Errorf("%w: the session ends at %s, not after it starts at %s", ErrInvalid, iv.End.Format(time.RFC3339), iv.Start.Format(time.RFC3339))}
		}
	}
	*b = NewBookings(ivs...)
	return nil
}

// MarshalJSON encodes the set as an array of {"start", "end"} intervals.
func (s Set) MarshalJSON() ([]byte, error) {
	if s.ivs == nil {
		return []byte("[]"), nil
	}
	return jsoncodec.Marshal(s.ivs)
}

// UnmarshalJSON decodes an array of intervals in any order and normalizes
// them.
func (s *Set) UnmarshalJSON(b []byte) error {
	var ivs []Interval
	if err := jsoncodec.Unmarshal(b, &ivs, jsoncodec.Limits{}); err != nil {
		return err
	}
	*s = NewSet(ivs...)
	return nil
}

// MarshalJSON encodes the calendar: schedule, policy and bookings.
func (c Calendar) MarshalJSON() ([]byte, error) {
	type plain Calendar
	return jsoncodec.Marshal(plain(c))
}

// UnmarshalJSON decodes a calendar strictly.
func (c *Calendar) UnmarshalJSON(b []byte) error {
	type plain Calendar
	return jsoncodec.Unmarshal(b, (*plain)(c), jsoncodec.Limits{})
}
