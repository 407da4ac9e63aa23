package booking

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// MaxSeries is the most sessions one series may hold: ten years of weekly
// sessions.
const MaxSeries = 520

// MaxStandingWork is the most work one Standings search does, counted in
// sessions checked: each weighs one, and one more for every 16 windows of
// the schedule's hours and protected time and the service's hours, which a
// check reads. A search that would do more returns availability.ErrTooLarge
// once it has done that much, so that it costs at most about a tenth of a
// second. Twelve weeks on a 30-minute grid over 40 open hours a week check
// at most 1,920 sessions, and five years 41,600; twelve weeks on a
// one-minute grid around the clock would check 241,920.
const MaxStandingWork = 100_000

// A Series is a standing appointment: sessions of one service for one
// client at the same local time every Weeks weeks (every Tuesday at 17:00
// for 12 weeks), or at the starts a host gives, such as the occurrences of
// an RRULE that package ical expands.
type Series struct {
	// Service is the ID of the service booked.
	Service string `json:"service"`
	// Client is the host's reference to the client.
	Client string `json:"client,omitempty"`
	// First is the start of the first session. Its local date and wall
	// time in Zone repeat: 17:00 stays 17:00 across a DST change, resolved
	// as availability.At resolves wall times.
	First time.Time `json:"first,omitzero"`
	// Zone is the zone whose wall time repeats, such as a client's who
	// keeps 07:00 in Tokyo whatever New York's clocks do; nil means the
	// schedule's zone.
	Zone *time.Location `json:"zone,omitempty"`
	// Weeks is how many weeks apart the sessions are: 1 weekly, 2
	// fortnightly. Zero means 1.
	Weeks int `json:"weeks,omitzero"`
	// Count is how many sessions the series holds, from First on.
	Count int `json:"count,omitzero"`
	// Starts are the starts of the sessions when the series is not weekly;
	// they take the place of First, Weeks and Count.
	Starts []time.Time `json:"starts,omitempty"`
}

// All returns the starts of the series' sessions, with its weekly times
// resolved in s.Zone, or in loc when it has none, at most MaxSeries of
// them.
func (s Series) All(loc *time.Location) iter.Seq[time.Time] {
	if s.Zone != nil {
		loc = s.Zone
	}
	return func(yield func(time.Time) bool) {
		if len(s.Starts) > 0 {
			for _, t := range s.Starts[:min(len(s.Starts), MaxSeries)] {
				if !yield(t) {
					return
				}
			}
			return
		}
		if s.First.IsZero() {
			return
		}
		lt := s.First.In(loc)
		d := availability.DateOf(lt)
		c := availability.ClockOf(lt.Hour(), lt.Minute())
		step := 7 * max(s.Weeks, 1)
		for k := range min(s.Count, MaxSeries) {
			t := availability.At(d.AddDays(k*step), c, loc)
			t = t.Add(time.Duration(lt.Second())*time.Second + time.Duration(lt.Nanosecond()))
			if !yield(t) {
				return
			}
		}
	}
}

// Validate reports every problem with the series: no service (required),
// neither weekly sessions nor starts, or both, or starts with a zone
// (conflict), a count below one, weeks below zero or weekly sessions that
// span more than availability.MaxRange (out_of_range), more than
// MaxSeries sessions (too_many), and starts out of order (order).
func (s Series) Validate() error {
	var l problem.List
	if s.Service == "" {
		l.Add("service", problem.Required, "a series needs a service")
	}
	weekly := !s.First.IsZero() || s.Count != 0 || s.Weeks != 0
	switch {
	case weekly && len(s.Starts) > 0:
		l.Add("starts", problem.Conflict, "a series is either weekly (first, weeks, count) or a list of starts, not both")
	case s.Zone != nil && len(s.Starts) > 0:
		l.Add("zone", problem.Conflict, "a zone says where weekly sessions keep their time; a list of starts has none")
	case !weekly && len(s.Starts) == 0:
		l.Add("first", problem.Required, "a series needs its first session and a count, or its starts")
	case weekly:
		if s.First.IsZero() {
			l.Add("first", problem.Required, "a weekly series needs its first session")
		}
		const week = 7 * 24 * time.Hour
		switch {
		case s.Weeks < 0:
			l.Add("weeks", problem.OutOfRange, "%d weeks apart is not a number of weeks", s.Weeks)
		case s.Count > 1 && s.Count <= MaxSeries && s.Weeks > 0 &&
			(s.Weeks > int(availability.MaxRange/week) || (s.Count-1)*s.Weeks > int(availability.MaxRange/week)):
			l.Add("weeks", problem.OutOfRange, "%d sessions %d weeks apart span more than %s", s.Count, s.Weeks, prose.Duration(availability.MaxRange))
		}
		switch {
		case s.Count < 1:
			l.Add("count", problem.OutOfRange, "a series of %d sessions holds none", s.Count)
		case s.Count > MaxSeries:
			l.Add("count", problem.TooMany, "%d sessions; at most %d are allowed", s.Count, MaxSeries)
		}
	}
	if len(s.Starts) > MaxSeries {
		l.Add("starts", problem.TooMany, "%d sessions; at most %d are allowed", len(s.Starts), MaxSeries)
	}
	for i := 1; i < len(s.Starts) && i <= MaxSeries; i++ {
		if !s.Starts[i].After(s.Starts[i-1]) {
			l.Add(problem.Index("starts", i), problem.Order, "%s is not after the start before it", s.Starts[i].Format(time.RFC3339))
		}
	}
	return l.Err()
}

// MarshalJSON encodes the series.
func (s Series) MarshalJSON() ([]byte, error) {
	type plain Series
	return strictjson.Marshal(plain(s))
}

// UnmarshalJSON decodes a series strictly.
func (s *Series) UnmarshalJSON(b []byte) error {
	type plain Series
	return strictjson.Unmarshal(b, (*plain)(s), strictjson.Limits{})
}

// An Occurrence is the verdict on one session of a series, and, when it
// cannot be booked, the bookable session of the same service nearest to it
// in time.
type Occurrence struct {
	Verdict
	// Alternative is the nearest bookable session within a week either
	// side, the earlier of two as near, bookable together with every
	// session of the series that is accepted and every alternative offered
	// before it; nil when the session is bookable or there is none.
	Alternative *availability.Interval `json:"alternative,omitempty"`
}

// CheckSeries checks a series session by session, in order of start, as
// booking it would: each session is checked against the booked sessions
// and the sessions of the series accepted before it, so that a series
// does not clash with itself and fills the caps as it goes; a clash with
// one of them names it ("series[2]", "session 3 of the series"). A session
// that cannot be booked gets every reason (a holiday, a closure with its
// covering colleague, protected time, a clash) and the nearest bookable
// alternative, which leaves every accepted session of the series, and
// every other alternative, bookable. The series must pass Validate; its
// errors are those of Series.Validate and Slots.
func (c Calendar) CheckSeries(now time.Time, s Series) ([]Occurrence, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	svc, _ := c.service(s.Service)
	if svc == nil {
		return nil, fmt.Errorf("%w: %s", ErrUnknownService, c.unknown(s.Service))
	}
	if _, _, err := c.unusable(svc); err != nil {
		return nil, err
	}
	n := min(s.Count, MaxSeries)
	if len(s.Starts) > 0 {
		n = min(len(s.Starts), MaxSeries)
	}
	c.extra = make([]Session, 0, n)
	out := make([]Occurrence, 0, n)
	for start := range s.All(c.zone()) {
		o := Occurrence{Verdict: c.checkSpan(now, svc, availability.IntervalOf(start, svc.Length), -1)}
		if o.OK {
			c.extra = append(c.extra, Session{ID: strconv.Itoa(len(out)), Service: svc.ID, Client: s.Client, Interval: o.Session})
		}
		out = append(out, o)
	}
	// The alternatives, once every session the series keeps is known.
	for i := range out {
		if out[i].OK {
			continue
		}
		if alt, ok := c.nearest(now, svc, out[i].Session.Start); ok {
			out[i].Alternative = &alt
			k := sort.Search(len(c.extra), func(k int) bool { return c.extra[k].Start.After(alt.Start) })
			c.extra = slices.Insert(c.extra, k, Session{ID: "alternative", Service: svc.ID, Client: s.Client, Interval: alt})
		}
	}
	return out, nil
}

// nearest returns the bookable session of svc whose start is nearest to
// t, looking a day, then three, then a week either side.
func (c *Calendar) nearest(now time.Time, svc *Service, t time.Time) (availability.Interval, bool) {
	const week = 7 * 24 * time.Hour
	q := c.query(now, svc, availability.Interval{Start: t.Add(-week), End: t.Add(week + svc.Length)})
	for _, days := range []time.Duration{1, 3, 7} {
		lo, hi := later(q.lower, t.Add(-days*24*time.Hour)), earlier(q.last, t.Add(days*24*time.Hour))
		if lo.After(hi) {
			continue
		}
		free, err := q.free(availability.Interval{Start: lo, End: hi.Add(svc.Length)})
		if err != nil {
			break
		}
		// The first bookable session at or after t, and the last before
		// it, looking back one free interval at a time.
		var after, before availability.Interval
		q.starts(free, ceilUnix(t), hi.Unix(), func(s availability.Interval) bool {
			after = s
			return false
		})
		i := sort.Search(len(free), func(i int) bool { return !free[i].Start.Before(t) })
		for ; i > 0 && before.Start.IsZero(); i-- {
			q.starts(free[i-1:i], ceilUnix(lo), ceilUnix(t)-1, func(s availability.Interval) bool {
				before = s
				return true
			})
		}
		switch {
		case before.Start.IsZero() && after.Start.IsZero():
			continue
		case before.Start.IsZero():
			return after, true
		case after.Start.IsZero() || distance(before.Start, t) <= distance(after.Start, t):
			return before, true
		}
		return after, true
	}
	return availability.Interval{}, false
}

func distance(a, b time.Time) time.Duration {
	if a.Before(b) {
		return b.Sub(a)
	}
	return a.Sub(b)
}

// A Standing is a weekly time a standing appointment can take: the local
// weekday and times in the schedule's zone, the first session, for how
// many weeks in a row from the first it is bookable or the provider is
// closed, and how many of those weeks the provider is closed (a holiday, a
// week away), when the appointment does not take place.
type Standing struct {
	Window availability.Window   `json:"window"`
	First  availability.Interval `json:"first"`
	Weeks  int                   `json:"weeks"`
	Closed int                   `json:"closed,omitzero"`
}

// Standings returns the weekly times at which the service can be booked
// every week for the weeks starting at from, the search a scheduler makes
// for a new weekly client. Each is a bookable start of the first week
// whose local time repeats bookably every week after, checked as
// CheckSeries would, except in weeks the provider is closed that day (a
// closure or a closed override): those do not break the run, and Closed
// counts them. The best come first: those that stay bookable for longest
// beyond the weeks asked (looking as far again), then those with the
// fewest closed weeks, then the earliest in the week.
//
// It checks each bookable start of the first week for up to 2·weeks
// weeks, until one is refused: on a grid of 30 minutes over 40 open hours
// a week, 80 starts; on a grid of one minute around the clock, 10,080. A
// search that would do more than MaxStandingWork returns
// availability.ErrTooLarge. Its other errors are those of Slots, and weeks
// must be 1 to MaxSeries/2.
func (c Calendar) Standings(now time.Time, service string, from time.Time, weeks int) ([]Standing, error) {
	if weeks < 1 || weeks > MaxSeries/2 {
		return nil, fmt.Errorf("%w: %d weeks; want 1 to %d", problem.ErrInvalid, weeks, MaxSeries/2)
	}
	slots, err := c.Slots(now, service, availability.Interval{Start: from, End: from.Add(7 * 24 * time.Hour)})
	if err != nil {
		return nil, err
	}
	svc, _ := c.service(service)
	loc := c.zone()
	var out []Standing
	work, weight := 0, 1+(len(c.Schedule.Hours)+len(c.Schedule.Protected)+len(svc.Hours))/16
	for first := range slots {
		lt := first.Start.In(loc)
		series := Series{Service: svc.ID, First: first.Start, Count: 2 * weeks}
		run, closed := 0, 0
		c.extra = nil
		for start := range series.All(loc) {
			if work += weight; work > MaxStandingWork {
				return nil, fmt.Errorf("%w: a search for standing times over %d weeks checks more sessions than it may (%d)", availability.ErrTooLarge, weeks, MaxStandingWork/weight)
			}
			v := c.checkSpan(now, svc, availability.IntervalOf(start, svc.Length), -1)
			if !v.OK {
				if !closedDay(v.Reasons) {
					break
				}
				closed++
			} else {
				c.extra = append(c.extra, Session{ID: "standing", Service: svc.ID, Interval: v.Session})
			}
			run++
		}
		if run >= weeks {
			end := lt.Add(svc.Length)
			w := availability.Window{Days: availability.Days(lt.Weekday()), Start: availability.ClockOf(lt.Hour(), lt.Minute()), End: availability.ClockOf(end.Hour(), end.Minute())}
			out = append(out, Standing{Window: w, First: first, Weeks: run, Closed: closed})
		}
	}
	slices.SortStableFunc(out, func(a, b Standing) int {
		if a.Weeks != b.Weeks {
			return cmp.Compare(b.Weeks, a.Weeks)
		}
		return cmp.Compare(a.Closed, b.Closed)
	})
	return out, nil
}

// closedDay reports whether a session was refused only because the
// provider is closed that day.
func closedDay(reasons []availability.Reason) bool {
	for _, r := range reasons {
		if r.Code != availability.CodeHoliday && r.Code != availability.CodeOverrideClosed {
			return false
		}
	}
	return len(reasons) > 0
}
