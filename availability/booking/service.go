package booking

import (
	"time"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Service is one kind of session a calendar offers, with its own rules:
// a 90-minute intake only on Tuesday and Thursday mornings with 48 hours'
// notice and at most two a week, a 50-minute session, a 25-minute check-in
// by video. Zero fields mean "no such rule", except ID and Length, which
// are required, and Align, whose zero value means DefaultAlign.
type Service struct {
	// ID identifies the service; sessions and queries name it.
	ID string `json:"id"`
	// Name is what clients see, such as "Intake".
	Name string `json:"name,omitempty"`
	// Price is what one session costs; the zero Amount is no price.
	Price money.Amount `json:"price,omitempty"`
	// Length is the length of one session.
	Length time.Duration `json:"length"`
	// Align is the step between allowed start times, counted in local wall
	// time from midnight: 30m allows :00 and :30. Zero means DefaultAlign.
	// It must be a whole number of minutes.
	Align time.Duration `json:"align,omitzero"`
	// BufferBefore and BufferAfter are kept free before and after each
	// session of the service. A session's buffers and its neighbours' add
	// up: a session with BufferAfter 10m followed by one with BufferBefore
	// 5m needs 15 minutes between them. Busy time needs only the new
	// session's buffers. Buffers may fall outside working hours.
	BufferBefore time.Duration `json:"buffer_before,omitzero"`
	BufferAfter  time.Duration `json:"buffer_after,omitzero"`
	// MinNotice is how long before its start a session can be booked.
	MinNotice time.Duration `json:"min_notice,omitzero"`
	// Horizon is how far after now a session may start; zero is
	// unlimited.
	Horizon time.Duration `json:"horizon,omitzero"`
	// Dates are the only local dates sessions may start on, such as a
	// workshop week; the zero DateRange allows every date.
	Dates availability.DateRange `json:"dates,omitzero"`
	// Hours are the weekly windows sessions of the service must lie in,
	// within the schedule's open time, such as Tuesday and Thursday
	// 09:00–12:00 for intakes; empty means any open time.
	Hours []availability.Window `json:"hours,omitempty"`
	// Seats is how many clients one session takes: a group of up to Seats
	// clients books the same time, and the time is full when Seats
	// sessions of the service are booked at it. Zero means 1.
	Seats int `json:"seats,omitzero"`
	// Caps limit the sessions of this service; Calendar.Caps limit all
	// sessions together.
	Caps Caps `json:"caps,omitzero"`
}

// DefaultAlign is the start-time step used when Service.Align is zero.
const DefaultAlign = 30 * time.Minute

// Caps limit how many sessions start on one local date, in one ISO week
// (Monday to Sunday, local) and in one local calendar month, and how much
// booked time they add up to, existing sessions included. The clients of
// one group session count once. Zero fields set no cap.
type Caps struct {
	PerDay        int           `json:"per_day,omitzero"`
	PerWeek       int           `json:"per_week,omitzero"`
	PerMonth      int           `json:"per_month,omitzero"`
	BookedPerDay  time.Duration `json:"booked_per_day,omitzero"`
	BookedPerWeek time.Duration `json:"booked_per_week,omitzero"`
}

// IsZero reports whether the caps set no cap.
func (c Caps) IsZero() bool { return c == Caps{} }

// alignMinutes returns the start-time step in minutes.
func (s *Service) alignMinutes() int {
	if s.Align <= 0 {
		return int(DefaultAlign / time.Minute)
	}
	return int(s.Align / time.Minute)
}

// buffers returns the buffers kept free around each session; a negative
// buffer, which Validate refuses, keeps nothing free.
func (s *Service) buffers() (before, after time.Duration) {
	return max(s.BufferBefore, 0), max(s.BufferAfter, 0)
}

// seats returns how many clients one session takes.
func (s *Service) seats() int { return max(s.Seats, 1) }

// Validate reports every problem with the service. Codes: required,
// negative, too_long, invalid (an Align that is not a whole number of
// minutes), conflict (a booked-time cap below one session), and the codes
// of Window.Validate and of the dates.
func (s Service) Validate() error {
	var l problem.List
	s.validate(&l, "")
	return l.Err()
}

func (s *Service) validate(l *problem.List, path string) {
	at := func(field string) string { return problem.Join(path, field) }
	if s.ID == "" {
		l.Add(at("id"), problem.Required, "a service needs an ID")
	}
	switch {
	case s.Length < 0:
		l.Add(at("length"), problem.Negative, "a session of %s is negative", prose.Duration(s.Length))
	case s.Length == 0:
		l.Add(at("length"), problem.Required, "a session length is required")
	case s.Length > 24*time.Hour:
		l.Add(at("length"), problem.TooLong, "a session of %s is longer than a day", prose.Duration(s.Length))
	}
	switch {
	case s.Align < 0:
		l.Add(at("align"), problem.Negative, "align %s is negative", prose.Duration(s.Align))
	case s.Align%time.Minute != 0:
		l.Add(at("align"), problem.Invalid, "align %s is not a whole number of minutes", s.Align)
	case s.Align > 24*time.Hour:
		l.Add(at("align"), problem.TooLong, "align %s is longer than a day", prose.Duration(s.Align))
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"buffer_before", s.BufferBefore}, {"buffer_after", s.BufferAfter}, {"min_notice", s.MinNotice}, {"horizon", s.Horizon}} {
		switch {
		case d.v < 0:
			l.Add(at(d.name), problem.Negative, "%s is negative", prose.Duration(d.v))
		case d.v > availability.MaxRange:
			l.Add(at(d.name), problem.TooLong, "%s is longer than %s", prose.Duration(d.v), prose.Duration(availability.MaxRange))
		}
	}
	if s.Price.IsNegative() {
		l.Add(at("price"), problem.Negative, "a price of %s is negative", s.Price)
	}
	validateDates(l, at("dates"), s.Dates)
	if len(s.Hours) > availability.MaxWindows {
		l.Add(at("hours"), problem.TooMany, "%d windows; at most %d are allowed", len(s.Hours), availability.MaxWindows)
	}
	for i, w := range s.Hours {
		if err := w.Validate(); err != nil {
			*l = append(*l, err.(problem.List).Under(problem.Index(at("hours"), i))...)
		}
	}
	if s.Seats < 0 {
		l.Add(at("seats"), problem.Negative, "%d seats is negative", s.Seats)
	}
	s.Caps.validate(l, at("caps"), s.Length)
}

func (c *Caps) validate(l *problem.List, path string, session time.Duration) {
	at := func(field string) string { return problem.Join(path, field) }
	for _, n := range []struct {
		name string
		v    int
	}{{"per_day", c.PerDay}, {"per_week", c.PerWeek}, {"per_month", c.PerMonth}} {
		if n.v < 0 {
			l.Add(at(n.name), problem.Negative, "%d is negative", n.v)
		}
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"booked_per_day", c.BookedPerDay}, {"booked_per_week", c.BookedPerWeek}} {
		switch {
		case d.v < 0:
			l.Add(at(d.name), problem.Negative, "%s is negative", prose.Duration(d.v))
		case d.v > 0 && session > 0 && d.v < session:
			l.Add(at(d.name), problem.Conflict, "%s is less than one %s session", prose.Duration(d.v), prose.Duration(session))
		}
	}
}

// validateDates reports a date range whose dates are not valid or whose
// end comes before its start.
func validateDates(l *problem.List, path string, r availability.DateRange) {
	fromOK := r.From.IsZero() || r.From.IsValid()
	throughOK := r.Through.IsZero() || r.Through.IsValid()
	if !fromOK {
		l.Add(problem.Join(path, "from"), problem.Invalid, "%s is not a valid date", r.From)
	}
	if !throughOK {
		l.Add(problem.Join(path, "through"), problem.Invalid, "%s is not a valid date", r.Through)
	}
	if fromOK && throughOK && !r.From.IsZero() && !r.Through.IsZero() && r.Through.Before(r.From) {
		l.Add(problem.Join(path, "through"), problem.Order, "%s is before %s", r.Through, r.From)
	}
}

// MarshalJSON encodes the service with durations as text ("50m", "48h").
func (s Service) MarshalJSON() ([]byte, error) {
	type plain Service
	return strictjson.Marshal(plain(s))
}

// UnmarshalJSON decodes a service strictly; durations are text such as
// "50m", "1h30m", "14d" or "2w".
func (s *Service) UnmarshalJSON(b []byte) error {
	type plain Service
	return strictjson.Unmarshal(b, (*plain)(s), strictjson.Limits{})
}
