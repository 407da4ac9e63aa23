package ical

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

// A BusyType is the BUSYTYPE of a VAVAILABILITY component (RFC 7953
// §3.2): the kind of busy time it gives the part of its range that no
// AVAILABLE component covers. The zero BusyType is BusyUnavailable, the
// RFC's default.
type BusyType uint8

// The busy types.
const (
	BusyUnavailable BusyType = iota // BUSY-UNAVAILABLE
	Busy                            // BUSY
	BusyTentative                   // BUSY-TENTATIVE
)

// String returns the RFC name, "BUSY-UNAVAILABLE".
func (b BusyType) String() string {
	switch b {
	case BusyUnavailable:
		return "BUSY-UNAVAILABLE"
	case Busy:
		return "BUSY"
	case BusyTentative:
		return "BUSY-TENTATIVE"
	}
	return fmt.Sprintf("BusyType(%d)", int(b))
}

// ParseBusyType reads a BUSYTYPE value, ignoring case. Values it does not
// know (x-names and future IANA tokens) read as Busy, the way RFC 5545
// §3.2.9 treats unknown FBTYPE values.
func ParseBusyType(s string) BusyType {
	switch strings.ToUpper(s) {
	case "BUSY-UNAVAILABLE":
		return BusyUnavailable
	case "BUSY-TENTATIVE":
		return BusyTentative
	}
	return Busy
}

// An Availability is a VAVAILABILITY component (RFC 7953 §3.1): within its
// range (Start to End, or Start plus Duration; a zero end is unbounded) its
// calendar user is busy, of kind BusyType, except during the occurrences
// of its AVAILABLE components. Priority (PRIORITY, 1 highest to 9 lowest,
// 0 undefined and lowest) decides how overlapping components combine; see
// Combine.
type Availability struct {
	UID      string
	Stamp    time.Time
	Summary  string
	Start    DateTime
	End      DateTime
	Duration Duration
	BusyType BusyType
	Priority int
	// Available are the AVAILABLE sub-components.
	Available []Available
}

// An Available is an AVAILABLE sub-component: a period of free time that
// may recur. An Available with a RecurrenceID replaces the occurrence of
// the Available with the same UID that starts then.
type Available struct {
	UID          string
	Stamp        time.Time
	Summary      string
	RecurrenceID DateTime
	Recurrence
}

func (a *Availability) validate(l *problem.List, at string) {
	requireIdentity(l, at, a.UID, a.Stamp)
	if a.Start.Form == DateOnly && !a.Start.IsZero() || a.End.Form == DateOnly && !a.End.IsZero() {
		l.Add(problem.Join(at, "start"), problem.Mismatch, "DTSTART and DTEND of a VAVAILABILITY are date-times")
	}
	if !a.End.IsZero() && !a.Duration.IsZero() {
		l.Add(problem.Join(at, "end"), problem.Conflict, "DTEND and DURATION must not both be given")
	}
	if !a.Duration.IsZero() && a.Start.IsZero() {
		l.Add(problem.Join(at, "duration"), problem.Required, "DURATION needs DTSTART")
	}
	if a.Duration.Negative {
		l.Add(problem.Join(at, "duration"), problem.Negative, "DURATION %s is negative", a.Duration)
	}
	if !a.Start.IsZero() && !a.End.IsZero() && !a.End.Time(nil).After(a.Start.Time(nil)) {
		l.Add(problem.Join(at, "end"), problem.Order, "DTEND %s is not after DTSTART %s", a.End, a.Start)
	}
	if a.Priority < 0 || a.Priority > 9 {
		l.Add(problem.Join(at, "priority"), problem.OutOfRange, "PRIORITY %d is out of range 0 to 9", a.Priority)
	}
	if a.BusyType > BusyTentative {
		l.Add(problem.Join(at, "busy_type"), problem.OutOfRange, "%s is not a busy type", a.BusyType)
	}
	for i := range a.Available {
		av := &a.Available[i]
		p := problem.Index(problem.Join(at, "available"), i)
		requireIdentity(l, p, av.UID, av.Stamp)
		if av.Start.Form == DateOnly && !av.Start.IsZero() {
			l.Add(problem.Join(p, "start"), problem.Mismatch, "DTSTART of an AVAILABLE is a date-time")
		}
		av.Recurrence.validate(l, p, nil)
	}
}

// Validate reports every problem with a; see Calendar.Validate.
func (a Availability) Validate() error {
	var l problem.List
	a.validate(&l, "")
	return l.Err()
}

// rank orders priorities from the lowest (10, for 0) to the highest (1).
func rank(priority int) int {
	if priority < 1 || priority > 9 {
		return 10
	}
	return priority
}

// span returns the part of r that a's range covers.
func (a *Availability) span(r availability.Interval, floating *time.Location) availability.Interval {
	s := r
	if !a.Start.IsZero() {
		start := a.Start.Time(floating)
		if start.After(s.Start) {
			s.Start = start
		}
		if !a.Duration.IsZero() {
			if end := a.Duration.AddTo(start); end.Before(s.End) {
				s.End = end
			}
		}
	}
	if !a.End.IsZero() {
		if end := a.End.Time(floating); end.Before(s.End) {
			s.End = end
		}
	}
	if s.IsEmpty() {
		return availability.Interval{}
	}
	return s
}

// free returns the time a's AVAILABLE components make free within r,
// spending at most what is left of work.
func (a *Availability) free(r availability.Interval, opts ExpandOptions, work *budget) (availability.Set, error) {
	replaced := map[string]map[int64]bool{}
	for _, av := range a.Available {
		if !av.RecurrenceID.IsZero() {
			if replaced[av.UID] == nil {
				replaced[av.UID] = map[int64]bool{}
			}
			replaced[av.UID][av.RecurrenceID.Time(opts.Floating).Unix()] = true
		}
	}
	var ivs []availability.Interval
	for i, av := range a.Available {
		if err := work.spend(eventCost); err != nil {
			return availability.Set{}, err
		}
		occ, err := av.expand(r, opts, false, work)
		if err != nil {
			return availability.Set{}, prefix(err, problem.Index("available", i))
		}
		skip := map[int64]bool(nil)
		if av.RecurrenceID.IsZero() {
			skip = replaced[av.UID]
		}
		for _, o := range occ {
			if !skip[o.Start.Unix()] {
				ivs = append(ivs, o)
			}
		}
		if len(ivs) > opts.maxOccurrences() {
			return availability.Set{}, tooMany(opts)
		}
	}
	return availability.NewSet(ivs...).Clip(r), nil
}

// Combine evaluates VAVAILABILITY components over r the way RFC 7953 §4
// describes: each component makes its range busy (of its BusyType) except
// where its AVAILABLE components make it free, and components are laid
// over each other from the lowest priority (PRIORITY 0, then 9) to the
// highest (1), each replacing what lower ones said within its range.
// Components of equal priority are merged first: time any of them makes
// free is free, and where their busy kinds differ BUSY-UNAVAILABLE wins
// over BUSY, which wins over BUSY-TENTATIVE.
//
// The result covers r: Free holds the available time, Busy, Unavailable
// and Tentative the busy time by kind; time no component covers is in none
// of them. UID and Stamp are left for the caller to fill before encoding.
// The bounds of opts apply to the whole call: MaxOccurrences to the
// AVAILABLE occurrences of all components together, MaxIterations to
// their work.
func Combine(avs []Availability, r availability.Interval, opts ExpandOptions) (FreeBusy, error) {
	fb := FreeBusy{Start: r.Start, End: r.End}
	var l problem.List
	for i := range avs {
		avs[i].validateTiming(&l, problem.Index("availability", i))
	}
	if err := l.Err(); err != nil {
		return FreeBusy{}, err
	}
	work := newBudget(opts)
	occurrences := 0
	for level := 10; level >= 1; level-- {
		// The sets of one level are built once from all its components:
		// growing them one component at a time took time quadratic in the
		// components.
		var spans, frees []availability.Interval
		var busy [3][]availability.Interval
		for i := range avs {
			a := &avs[i]
			if rank(a.Priority) != level {
				continue
			}
			s := a.span(r, opts.Floating)
			if s.IsEmpty() {
				continue
			}
			if err := work.spend(eventCost); err != nil {
				return FreeBusy{}, err
			}
			f, err := a.free(s, opts, &work)
			if err != nil {
				return FreeBusy{}, prefix(err, problem.Index("availability", i))
			}
			if occurrences += f.Len(); occurrences > opts.maxOccurrences() {
				return FreeBusy{}, tooMany(opts)
			}
			spans = append(spans, s)
			frees = slices.AppendSeq(frees, f.All())
			busy[a.BusyType] = slices.AppendSeq(busy[a.BusyType], availability.NewSet(s).Subtract(f).All())
		}
		if len(spans) == 0 {
			continue
		}
		span, free := availability.NewSet(spans...), availability.NewSet(frees...)
		unavailable := availability.NewSet(busy[BusyUnavailable]...).Subtract(free)
		plain := availability.NewSet(busy[Busy]...).Subtract(free).Subtract(unavailable)
		tentative := availability.NewSet(busy[BusyTentative]...).Subtract(free).Subtract(unavailable).Subtract(plain)
		fb.Free = fb.Free.Subtract(span).Union(free)
		fb.Unavailable = fb.Unavailable.Subtract(span).Union(unavailable)
		fb.Busy = fb.Busy.Subtract(span).Union(plain)
		fb.Tentative = fb.Tentative.Subtract(span).Union(tentative)
	}
	return fb, nil
}

// validateTiming checks what Combine needs: ranges, priorities and every
// AVAILABLE's recurrence, but not UID or DTSTAMP.
func (a *Availability) validateTiming(l *problem.List, at string) {
	var all problem.List
	a.validate(&all, at)
	for _, p := range all {
		if !strings.HasSuffix(p.Path, ".uid") && !strings.HasSuffix(p.Path, ".stamp") {
			*l = append(*l, p)
		}
	}
}

func (a Availability) component() Component {
	c := Component{Name: "VAVAILABILITY"}
	c.add("UID", escapeText(a.UID))
	c.Properties = append(c.Properties, stampProp(a.Stamp))
	if !a.Start.IsZero() {
		c.Properties = append(c.Properties, dateTimeProp("DTSTART", a.Start))
	}
	if !a.End.IsZero() {
		c.Properties = append(c.Properties, dateTimeProp("DTEND", a.End))
	}
	if !a.Duration.IsZero() {
		c.add("DURATION", a.Duration.String())
	}
	if a.BusyType != BusyUnavailable {
		c.add("BUSYTYPE", a.BusyType.String())
	}
	if a.Priority != 0 {
		c.add("PRIORITY", strconv.Itoa(a.Priority))
	}
	if a.Summary != "" {
		c.add("SUMMARY", escapeText(a.Summary))
	}
	for _, av := range a.Available {
		sub := Component{Name: "AVAILABLE"}
		sub.add("UID", escapeText(av.UID))
		sub.Properties = append(sub.Properties, stampProp(av.Stamp))
		av.Recurrence.appendProps(&sub)
		if !av.RecurrenceID.IsZero() {
			sub.Properties = append(sub.Properties, dateTimeProp("RECURRENCE-ID", av.RecurrenceID))
		}
		if av.Summary != "" {
			sub.add("SUMMARY", escapeText(av.Summary))
		}
		c.Components = append(c.Components, sub)
	}
	return c
}

func (p *parser) availability(c Component) (Availability, error) {
	if err := misplaced(c, "AVAILABLE"); err != nil {
		return Availability{}, err
	}
	var a Availability
	var seen seen
	for _, prop := range c.Properties {
		if err := once(prop, &seen); err != nil {
			return Availability{}, err
		}
		var err error
		switch prop.Name {
		case "UID":
			a.UID = unescapeText(prop.Value)
		case "DTSTAMP":
			a.Stamp, err = p.stamp(prop)
		case "SUMMARY":
			a.Summary = unescapeText(prop.Value)
		case "DTSTART":
			a.Start, err = p.dateTime(prop)
		case "DTEND":
			a.End, err = p.dateTime(prop)
		case "DURATION":
			d, col, msg := parseDuration(prop.Value)
			if msg != "" {
				return Availability{}, valueError(prop, col, msg)
			}
			a.Duration = d
		case "BUSYTYPE":
			a.BusyType = ParseBusyType(prop.Value)
		case "PRIORITY":
			n, ok := parseSigned(prop.Value)
			if !ok || n < 0 || n > 9 {
				return Availability{}, valueError(prop, 1, "want an integer 0 to 9")
			}
			a.Priority = n
		}
		if err != nil {
			return Availability{}, err
		}
	}
	for _, sub := range c.Components {
		if sub.Name != "AVAILABLE" {
			continue
		}
		av, err := p.available(sub)
		if err != nil {
			return Availability{}, err
		}
		a.Available = append(a.Available, av)
	}
	return a, nil
}

func (p *parser) available(c Component) (Available, error) {
	if err := misplaced(c, ""); err != nil {
		return Available{}, err
	}
	var av Available
	var seen seen
	for _, prop := range c.Properties {
		if handled, err := p.timing(&av.Recurrence, prop, &seen); handled || err != nil {
			if err != nil {
				return Available{}, err
			}
			continue
		}
		if err := once(prop, &seen); err != nil {
			return Available{}, err
		}
		var err error
		switch prop.Name {
		case "UID":
			av.UID = unescapeText(prop.Value)
		case "DTSTAMP":
			av.Stamp, err = p.stamp(prop)
		case "SUMMARY":
			av.Summary = unescapeText(prop.Value)
		case "RECURRENCE-ID":
			if strings.EqualFold(prop.Param("RANGE"), "THISANDFUTURE") {
				return Available{}, &UnsupportedError{Feature: "RANGE=THISANDFUTURE", Line: prop.Line}
			}
			av.RecurrenceID, err = p.dateTime(prop)
		}
		if err != nil {
			return Available{}, err
		}
	}
	return av, nil
}
