package contact

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// Codes of the reasons Respond gives, besides the codes of Schedule.Explain
// that say why a message arrived after hours.
const (
	// CodeDeadline explains the deadline: the level, its target and basis.
	CodeDeadline availability.Code = "deadline"
	// CodeAfterHours: the message arrived outside open time and its level
	// does not accept contact after hours; the clock starts at the next
	// open time.
	CodeAfterHours availability.Code = "after_hours"
	// CodeChannel: the level does not accept the channel the message came
	// in on.
	CodeChannel availability.Code = "channel_not_accepted"
	// CodeNoTarget: the policy has no target for the level, so there is no
	// deadline.
	CodeNoTarget availability.Code = "no_target"
	// CodeUnknownCategory: the message's category is not in the policy's
	// table, so its Urgency was used.
	CodeUnknownCategory availability.Code = "unknown_category"
)

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
	Window *availability.Interval `json:"window,omitempty"`
	// Message is a sentence a host can show the client.
	Message string `json:"message"`
}

// A Response is the answer to a Message under a Policy.
type Response struct {
	// Urgency is the level the message was answered at.
	Urgency Urgency `json:"urgency"`
	// Deadline is when the answer is due; it is the zero time when the
	// policy has no target for the level (HasDeadline is false).
	Deadline time.Time `json:"deadline,omitzero"`
	// HasDeadline reports whether Deadline is set.
	HasDeadline bool `json:"has_deadline"`
	// AfterHours reports whether the message arrived outside open time.
	AfterHours bool `json:"after_hours"`
	// WithinPolicy reports whether the channel, and the hour, are
	// acceptable for the level.
	WithinPolicy bool `json:"within_policy"`
	// Reasons explain, in this order: the deadline (CodeDeadline, or
	// CodeNoTarget); when the message arrived after hours, why the
	// provider is off (Schedule.Explain's reason: outside_hours,
	// protected_time, holiday, …); an unknown category; and every way the
	// message is outside the policy (CodeAfterHours, CodeChannel).
	Reasons []availability.Reason `json:"reasons"`
	// Alternatives are what to offer the client while the provider is
	// off, most urgent first: resources, on-call colleague, covering
	// colleague, next open window.
	Alternatives []Alternative `json:"alternatives,omitempty"`
}

// Respond answers message m under the policy, with s as the provider's
// business hours: the level it is answered at (from the category table,
// else m.Urgency), its deadline, whether it arrived after hours (outside
// s's open time, protected time included), whether its channel and hour
// are within policy, the reasons, and, when it arrived while the provider
// is off, the alternatives to offer.
//
// The deadline is the level's Within after arrival, counted in wall time or
// in business time (see Schedule.AddBusiness). When the message arrives
// after hours and the level does not accept that, the count starts at the
// next open time instead: a question sent on Saturday night is a Monday
// question. Deadlines are expressed in s's zone.
//
// Respond refuses a message that does not pass Message.Validate (one
// without its arrival, or with an urgency that is not a level) with its
// problem.List. It returns availability.ErrNoOpenTime when a business-time
// deadline can never be reached because s has no open time (or none for
// availability.BusinessSearch), availability.ErrRangeTooLong when it lies
// more than availability.MaxRange ahead, and availability.ErrTooLarge when
// s is beyond the size limits. It does not validate the policy, to stay
// fast: validate a policy once with Validate when it comes from outside.
func (p Policy) Respond(s availability.Schedule, m Message) (Response, error) {
	c, err := p.compute(&s, m)
	if err != nil {
		return Response{}, err
	}
	r := Response{Urgency: c.level, Deadline: c.deadline, HasDeadline: c.target >= 0, AfterHours: c.afterHours, WithinPolicy: true}
	var unknown []availability.Reason
	if !c.categorized {
		unknown = append(unknown, availability.Reason{Code: CodeUnknownCategory, Rule: "categories",
			Message: fmt.Sprintf("category %q is not in the table, so the message is treated as %s", string(m.Category), m.Urgency)})
	}
	if c.target < 0 {
		r.Reasons = append(r.Reasons, availability.Reason{Code: CodeNoTarget, Rule: "targets",
			Message: fmt.Sprintf("the policy sets no response time for %s messages", r.Urgency)})
		r.Reasons = append(r.Reasons, unknown...)
		if r.AfterHours {
			r.Reasons = append(r.Reasons, s.Explain(c.arrived))
			r.Alternatives = p.alternatives(&s, Target{}, &c)
		}
		return r, nil
	}
	t := &p.Targets[c.target]
	ref := "targets[" + strconv.Itoa(c.target) + "]"
	level := r.Urgency.String()
	// The messages are written one after the other into one buffer on the
	// stack and become one string, which each reason takes a part of.
	var buf [320]byte
	b := append(buf[:0], level...)
	b = append(b, " messages are answered within "...)
	b = prose.AppendDuration(b, t.Within)
	if t.Basis.business() {
		b = append(b, " of business time: by "...)
	} else {
		b = append(b, " of wall-clock time: by "...)
	}
	b = prose.AppendTime(b, r.Deadline)
	if c.lateStart && c.found {
		b = append(b, ", counted from the next opening at "...)
		b = prose.AppendTime(b, c.first.Start)
	}
	deadlineEnd := len(b)
	if c.lateStart {
		b = append(b, level...)
		b = append(b, " messages are not expected after hours; this one arrived "...)
		b = prose.AppendTime(b, c.arrived)
	}
	lateEnd := len(b)
	if !c.channelOK {
		b = append(b, level...)
		b = append(b, " messages are taken by "...)
		for i, ch := range t.Channels {
			if i > 0 {
				b = append(b, " or "...)
			}
			b = append(b, ch...)
		}
		b = append(b, ", not by "...)
		b = append(b, m.Channel...)
	}
	text := string(b)

	n := 1 + len(unknown)
	for _, more := range [...]bool{r.AfterHours, c.lateStart, !c.channelOK} {
		if more {
			n++
		}
	}
	r.Reasons = make([]availability.Reason, 0, n)
	r.Reasons = append(r.Reasons, availability.Reason{Code: CodeDeadline, Rule: ref, Label: level, Message: text[:deadlineEnd]})
	if r.AfterHours {
		r.Reasons = append(r.Reasons, s.Explain(c.arrived))
	}
	r.Reasons = append(r.Reasons, unknown...)
	if c.lateStart {
		r.WithinPolicy = false
		r.Reasons = append(r.Reasons, availability.Reason{Code: CodeAfterHours, Rule: ref + ".after_hours", Label: level, Message: text[deadlineEnd:lateEnd]})
	}
	if !c.channelOK {
		r.WithinPolicy = false
		r.Reasons = append(r.Reasons, availability.Reason{Code: CodeChannel, Rule: ref + ".channels", Label: level, Message: text[lateEnd:]})
	}
	if r.AfterHours {
		r.Alternatives = p.alternatives(&s, *t, &c)
	}
	return r, nil
}

// Deadline returns when message m must be answered, exactly as Respond
// computes it, and whether the policy sets a deadline for its level at
// all, without the reasons and alternatives: the fast path for a host that
// sorts an inbox by deadline. Its errors are Respond's.
func (p Policy) Deadline(s availability.Schedule, m Message) (time.Time, bool, error) {
	c, err := p.compute(&s, m)
	return c.deadline, c.target >= 0, err
}

// A reply is what Respond and Deadline share: the message's level and
// target, how it stands against open time, and its deadline.
type reply struct {
	loc         *time.Location
	level       Urgency
	categorized bool // the category was in the table, or there was none
	target      int  // index of the level's target, or -1
	arrived     time.Time
	afterHours  bool
	lateStart   bool                  // after hours, and the level does not accept that
	channelOK   bool                  // the channel is acceptable for the level
	first       availability.Interval // the first stretch of open time at or after arrival
	found       bool                  // whether there is such open time
	deadline    time.Time
}

// compute works out the reply to m.
func (p *Policy) compute(s *availability.Schedule, m Message) (reply, error) {
	if err := m.check(); err != nil {
		return reply{target: -1}, err
	}
	loc := s.Zone
	if loc == nil {
		loc = time.UTC
	}
	c := reply{loc: loc, level: m.Urgency, categorized: true, target: -1, arrived: m.Arrived.In(loc), channelOK: true}
	if m.Category != "" {
		c.level, c.categorized = p.Level(m.Category)
		if !c.categorized {
			c.level = m.Urgency
		}
	}
	var err error
	if c.first, c.found, err = s.NextOpen(c.arrived); err != nil {
		return reply{target: -1}, err
	}
	c.afterHours = !c.found || !c.first.Contains(c.arrived)
	c.target = slices.IndexFunc(p.Targets, func(t Target) bool { return t.Urgency == c.level })
	if c.target < 0 {
		return c, nil
	}
	t := &p.Targets[c.target]
	c.lateStart = c.afterHours && !t.AfterHours
	c.channelOK = len(t.Channels) == 0 || m.Channel == "" || slices.Contains(t.Channels, m.Channel)
	if t.Basis != BusinessTime {
		start := c.arrived
		if c.lateStart && c.found {
			start = c.first.Start
		}
		c.deadline = start.Add(t.Within).In(loc)
		return c, nil
	}
	// Business time after arrival is business time after the next opening
	// too: nothing is open in between.
	if c.deadline, err = s.AddBusiness(c.arrived, t.Within); err != nil {
		return reply{target: -1}, err
	}
	return c, nil
}

// alternatives lists what to offer a client whose message arrived at t
// while the provider is off: the resources and the on-call colleague when
// the target says so, the colleague covering a closure, and the next open
// window when there is one.
func (p *Policy) alternatives(s *availability.Schedule, t Target, c *reply) []Alternative {
	var next availability.Interval
	if c.found {
		next = c.first
	}
	n := 0
	if t.Resources {
		n += len(p.Resources)
	}
	if t.OnCall && p.OnCall != "" {
		n++
	}
	closure, away := s.ClosureOn(availability.DateOf(c.arrived))
	away = away && closure.Colleague != ""
	if away {
		n++
	}
	if !next.IsEmpty() {
		n++
	}
	if n == 0 {
		return nil
	}
	alts := make([]Alternative, 0, n)
	// The messages are written into one buffer and become one string,
	// which each alternative takes a part of, in order.
	var buf [256]byte
	var endsArr [8]int
	b, ends := buf[:0], endsArr[:0]
	if t.Resources {
		res := slices.Clone(p.Resources) // one copy, so answers never alias the policy
		for i := range res {
			b = append(b, res[i].Name...)
			b = append(b, ": "...)
			b = append(b, res[i].Contact...)
			ends = append(ends, len(b))
			alts = append(alts, Alternative{Kind: AltResource, Resource: &res[i]})
		}
	}
	if t.OnCall && p.OnCall != "" {
		b = append(b, p.OnCall...)
		b = append(b, " is on call while the provider is off"...)
		ends = append(ends, len(b))
		alts = append(alts, Alternative{Kind: AltOnCall, Colleague: p.OnCall})
	}
	if away {
		b = append(b, closure.Colleague...)
		b = append(b, " covers while the provider is away"...)
		if closure.Label != "" {
			b = append(b, " ("...)
			b = append(b, closure.Label...)
			b = append(b, ')')
		}
		b = append(b, ", "...)
		b = append(b, closure.From.String()...)
		b = append(b, " to "...)
		b = append(b, closure.Through.String()...)
		ends = append(ends, len(b))
		alts = append(alts, Alternative{Kind: AltCovering, Colleague: closure.Colleague})
	}
	if !next.IsEmpty() {
		b = append(b, "the provider is next available "...)
		b = prose.AppendTime(b, next.Start)
		b = append(b, " to "...)
		b = prose.AppendTime(b, next.End)
		ends = append(ends, len(b))
		alts = append(alts, Alternative{Kind: AltNextOpen, Window: &next})
	}
	text, from := string(b), 0
	for i, end := range ends {
		alts[i].Message = text[from:end]
		from = end
	}
	return alts
}

// MarshalJSON encodes the response .
func (r Response) MarshalJSON() ([]byte, error) {
	type plain Response
	return strictjson.Marshal(plain(r))
}

// UnmarshalJSON decodes the response strictly.
func (r *Response) UnmarshalJSON(b []byte) error {
	type plain Response
	return strictjson.Unmarshal(b, (*plain)(r), strictjson.Limits{})
}
