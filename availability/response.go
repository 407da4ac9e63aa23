package availability

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/practicekit/boundaries/internal/jsoncodec"
	"github.com/practicekit/boundaries/internal/problem"
)

// Codes of the reasons Respond gives, besides the codes of Schedule.Explain
// that say why a message arrived after hours.
const (
	// CodeDeadline explains the deadline: the level, its target and basis.
	CodeDeadline Code = "deadline"
	// CodeAfterHours: the message arrived outside open time and its level
	// does not accept contact after hours; the clock starts at the next
	// open time.
	CodeAfterHours Code = "after_hours"
	// CodeChannel: the level does not accept the channel the message came
	// in on.
	CodeChannel Code = "channel_not_accepted"
	// CodeNoTarget: the policy has no target for the level, so there is no
	// deadline.
	CodeNoTarget Code = "no_target"
	// CodeUnknownCategory: the message's category is not in the policy's
	// table, so its Urgency was used.
	CodeUnknownCategory Code = "unknown_category"
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
	// Reasons explain, in this order: the deadline (CodeDeadline, or
	// CodeNoTarget); when the message arrived after hours, why the
	// provider is off (Schedule.Explain's reason: outside_hours,
	// protected_time, holiday, …); an unknown category; and every way the
	// message is outside the policy (CodeAfterHours, CodeChannel).
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
		l.Add(problem.Join(path, "within"), "required", "a positive response time is required, not %s", t.Within)
	}
	if !t.Basis.IsValid() {
		l.Add(problem.Join(path, "basis"), "invalid", "basis %q is not \"wall\" or \"business\"", string(t.Basis))
	}
	for i, c := range t.Channels {
		cp := problem.Index(problem.Join(path, "channels"), i)
		if c == "" {
			l.Add(cp, "required", "a channel needs a name")
		}
		if slices.Contains(t.Channels[:i], c) {
			l.Add(cp, "duplicate_channel", "channel %q is listed twice", string(c))
		}
	}
}

// Validate returns nil or Problems listing everything wrong with the
// policy, with codes invalid, required, duplicate_level,
// duplicate_category and duplicate_channel: targets with a bad level, a non-positive duration or an unknown
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
				l.Add(problem.Join(path, "urgency"), "duplicate_level", "level %s has two targets", t.Urgency)
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
				l.Add(problem.Join(path, "category"), "duplicate_category", "category %q is listed twice", string(c.Category))
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

// String returns the target as "urgent: within 4h of business time".
func (t Target) String() string {
	basis := "wall-clock"
	if t.Basis.business() {
		basis = "business"
	}
	return fmt.Sprintf("%s: within %s of %s time", t.Urgency, shortDuration(t.Within), basis)
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
// Respond returns ErrNoOpenTime when a business-time deadline can never be
// reached because s has no open time (or none for BusinessSearch),
// ErrRangeTooLong when it lies more than MaxRange ahead, and ErrTooLarge
// when s is beyond the size limits. It does not validate the policy, to
// stay fast: validate a policy once with Validate when it comes from
// outside.
func (p ResponsePolicy) Respond(s Schedule, m Message) (Response, error) {
	c, err := p.compute(&s, m, true)
	if err != nil {
		return Response{}, err
	}
	r := Response{Urgency: c.level, Deadline: c.deadline, HasDeadline: c.target >= 0, AfterHours: c.afterHours, WithinPolicy: true}
	var unknown []Reason
	if !c.categorized {
		unknown = append(unknown, Reason{Code: CodeUnknownCategory, Rule: "categories",
			Message: fmt.Sprintf("category %q is not in the table, so the message is treated as %s", string(m.Category), m.Urgency)})
	}
	if c.target < 0 {
		r.Reasons = append(r.Reasons, Reason{Code: CodeNoTarget, Rule: "targets",
			Message: fmt.Sprintf("the policy sets no response time for %s messages", r.Urgency)})
		r.Reasons = append(r.Reasons, unknown...)
		if r.AfterHours {
			r.Reasons = append(r.Reasons, s.Explain(c.arrived))
			r.Alternatives = p.alternatives(&s, Target{}, c.arrived, c.next)
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
	b = appendShortDuration(b, t.Within)
	if t.Basis.business() {
		b = append(b, " of business time: by "...)
	} else {
		b = append(b, " of wall-clock time: by "...)
	}
	b = appendWhen(b, r.Deadline)
	if c.lateStart && c.found {
		b = append(b, ", counted from the next opening at "...)
		b = appendWhen(b, c.first.Start)
	}
	deadlineEnd := len(b)
	if c.lateStart {
		b = append(b, level...)
		b = append(b, " messages are not expected after hours; this one arrived "...)
		b = appendWhen(b, c.arrived)
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
	r.Reasons = make([]Reason, 0, n)
	r.Reasons = append(r.Reasons, Reason{Code: CodeDeadline, Rule: ref, Label: level, Message: text[:deadlineEnd]})
	if r.AfterHours {
		r.Reasons = append(r.Reasons, s.Explain(c.arrived))
	}
	r.Reasons = append(r.Reasons, unknown...)
	if c.lateStart {
		r.WithinPolicy = false
		r.Reasons = append(r.Reasons, Reason{Code: CodeAfterHours, Rule: ref + ".after_hours", Label: level, Message: text[deadlineEnd:lateEnd]})
	}
	if !c.channelOK {
		r.WithinPolicy = false
		r.Reasons = append(r.Reasons, Reason{Code: CodeChannel, Rule: ref + ".channels", Label: level, Message: text[lateEnd:]})
	}
	if r.AfterHours {
		r.Alternatives = p.alternatives(&s, *t, c.arrived, c.next)
	}
	return r, nil
}

// Deadline returns when message m must be answered, exactly as Respond
// computes it, and whether the policy sets a deadline for its level at
// all, without the reasons and alternatives: the fast path for a host that
// sorts an inbox by deadline. Its errors are Respond's.
func (p ResponsePolicy) Deadline(s Schedule, m Message) (time.Time, bool, error) {
	c, err := p.compute(&s, m, false)
	return c.deadline, c.target >= 0, err
}

// A reply is what Respond and Deadline share: the message's level and
// target, how it stands against open time, and its deadline.
type reply struct {
	level       Urgency
	categorized bool // the category was in the table, or there was none
	target      int  // index of the level's target, or -1
	arrived     time.Time
	afterHours  bool
	lateStart   bool     // after hours, and the level does not accept that
	channelOK   bool     // the channel is acceptable for the level
	first       Interval // the first open time at or after arrival
	found       bool     // whether there is such open time
	next        Interval // the next open window, merged, when wanted and after hours
	deadline    time.Time
}

// compute works out the reply to m; with wantNext it also finds the next
// open window when the message arrived after hours.
func (p *ResponsePolicy) compute(s *Schedule, m Message, wantNext bool) (reply, error) {
	if err := s.checkSize(); err != nil {
		return reply{target: -1}, err
	}
	loc := s.location()
	c := reply{level: m.Urgency, categorized: true, target: -1, arrived: m.Arrived.In(loc), channelOK: true}
	if m.Category != "" {
		c.level, c.categorized = p.Level(m.Category)
		if !c.categorized {
			c.level = m.Urgency
		}
	}
	w := newOpenWalker(*s, c.arrived, c.arrived.Add(MaxRange), true)
	c.first, c.found = w.next()
	c.afterHours = !c.found || !c.first.Contains(c.arrived)
	if wantNext && c.afterHours && c.found {
		// Read from a copy of the walker, so that the deadline walk below
		// goes on from the first piece.
		c.next = mergeAhead(w, c.first)
	}
	c.target = slices.IndexFunc(p.Targets, func(t Target) bool { return t.Urgency == c.level })
	if c.target < 0 {
		return c, nil
	}
	t := &p.Targets[c.target]
	c.lateStart = c.afterHours && !t.AfterHours
	c.channelOK = len(t.Channels) == 0 || m.Channel == "" || slices.Contains(t.Channels, m.Channel)
	if !t.Basis.business() {
		start := c.arrived
		if c.lateStart && c.found {
			start = c.first.Start
		}
		c.deadline = start.Add(t.Within).In(loc)
		return c, nil
	}
	d := t.Within
	iv, ok := c.first, c.found
	for ok && iv.Duration() < d {
		d -= iv.Duration()
		iv, ok = w.next()
	}
	if !ok {
		return reply{target: -1}, w.failure(d)
	}
	c.deadline = iv.Start.Add(d).In(loc)
	return c, nil
}

// reasonTime is the layout of instants in reason messages.
const reasonTime = "Mon 2006-01-02 15:04 MST"

// appendWhen appends t as t.AppendFormat(b, reasonTime) does, without
// reading the layout on every call: Respond writes several instants per
// answer.
func appendWhen(b []byte, t time.Time) []byte {
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, reasonTime)
	}
	h, mi, _ := t.Clock()
	name, off := t.Zone()
	b = append(b, t.Weekday().String()[:3]...)
	b = append(b, ' ', byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(mo)/10), byte('0'+int(mo)%10), '-', byte('0'+d/10), byte('0'+d%10), ' ',
		byte('0'+h/10), byte('0'+h%10), ':', byte('0'+mi/10), byte('0'+mi%10), ' ')
	if name != "" {
		return append(b, name...)
	}
	// A zone without a name is written as its offset, -0330.
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	off /= 60
	return append(b, sign, byte('0'+off/600), byte('0'+off/60%10), byte('0'+off%60/10), byte('0'+off%10))
}

// mergeAhead returns first joined with the pieces of open time that follow
// it without a gap (a window that crosses midnight comes out of the walk in
// two pieces), looking at most a week ahead. It works on a copy of the
// walker. The pieces of one day are apart from each other, so only a piece
// that ends at the day's end can go on in the next day; for any other the
// next day is not computed.
func mergeAhead(w openWalker, first Interval) Interval {
	limit := first.Start.Add(7 * 24 * time.Hour)
	for first.End.Before(limit) {
		if w.k < w.n || first.End.Unix() != w.z.resolve(wallUnix(w.day, Midnight)) {
			break
		}
		iv, ok := w.next()
		if !ok || !iv.Start.Equal(first.End) {
			break
		}
		first.End = iv.End
	}
	return first
}

// alternatives lists what to offer a client whose message arrived at t
// while the provider is off: the resources and the on-call colleague when
// the target says so, the colleague covering a closure, and the next open
// window when there is one.
func (p *ResponsePolicy) alternatives(s *Schedule, t Target, arrived time.Time, next Interval) []Alternative {
	n := 0
	if t.Resources {
		n += len(p.Resources)
	}
	if t.OnCall && p.OnCall != "" {
		n++
	}
	closure := -1
	if kind, i := s.day(DateOf(arrived)); kind == dayClosure && s.Closures[i].Colleague != "" {
		closure = i
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
	if closure >= 0 {
		c := &s.Closures[closure]
		b = append(b, c.Colleague...)
		b = append(b, " covers while the provider is away"...)
		b = append(b, labelSuffix(c.Label)...)
		b = append(b, ", "...)
		b = append(b, c.From.String()...)
		b = append(b, " to "...)
		b = append(b, c.Through.String()...)
		ends = append(ends, len(b))
		alts = append(alts, Alternative{Kind: AltCovering, Colleague: c.Colleague})
	}
	if !next.IsEmpty() {
		b = append(b, "the provider is next available "...)
		b = appendWhen(b, next.Start)
		b = append(b, " to "...)
		b = appendWhen(b, next.End)
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

// appendShortDuration appends d as shortDuration formats it, without
// allocating for whole seconds.
func appendShortDuration(b []byte, d time.Duration) []byte {
	if d <= 0 || d%time.Second != 0 {
		return append(b, shortDuration(d)...)
	}
	h, m, sec := int64(d/time.Hour), int64(d%time.Hour/time.Minute), int64(d%time.Minute/time.Second)
	if h > 0 {
		b = append(strconv.AppendInt(b, h, 10), 'h')
	}
	if m > 0 || h > 0 && sec > 0 {
		b = append(strconv.AppendInt(b, m, 10), 'm')
	}
	if sec > 0 {
		b = append(strconv.AppendInt(b, sec, 10), 's')
	}
	return b
}

// shortDuration formats d without zero units: "4h", "15m", "1h30m", "36h".
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// MarshalJSON encodes the policy through internal/jsoncodec.
func (p ResponsePolicy) MarshalJSON() ([]byte, error) {
	type plain ResponsePolicy
	return jsoncodec.Marshal(plain(p))
}

// UnmarshalJSON decodes the policy strictly: unknown fields and bad values
// are errors with their path.
func (p *ResponsePolicy) UnmarshalJSON(b []byte) error {
	type plain ResponsePolicy
	return jsoncodec.Unmarshal(b, (*plain)(p), jsoncodec.Limits{})
}

// MarshalJSON encodes the message through internal/jsoncodec.
func (m Message) MarshalJSON() ([]byte, error) {
	type plain Message
	return jsoncodec.Marshal(plain(m))
}

// UnmarshalJSON decodes the message strictly.
func (m *Message) UnmarshalJSON(b []byte) error {
	type plain Message
	return jsoncodec.Unmarshal(b, (*plain)(m), jsoncodec.Limits{})
}

// MarshalJSON encodes the response through internal/jsoncodec.
func (r Response) MarshalJSON() ([]byte, error) {
	type plain Response
	return jsoncodec.Marshal(plain(r))
}

// UnmarshalJSON decodes the response strictly.
func (r *Response) UnmarshalJSON(b []byte) error {
	type plain Response
	return jsoncodec.Unmarshal(b, (*plain)(r), jsoncodec.Limits{})
}
