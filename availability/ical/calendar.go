package ical

import (
	"errors"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
)

// ProductID is the PRODID written when Calendar.ProductID is empty.
const ProductID = "-//practicekit//boundaries//EN"

// A Calendar is the part of an iCalendar stream this package reads and
// writes: events, availability (RFC 7953) and free/busy components.
// VTIMEZONE components are not read: every TZID must be an IANA zone name,
// resolved with availability.LoadZone. VTODO, VJOURNAL, VALARM and unknown
// components are skipped, as are properties this package does not use; a
// component this package reads where it does not belong (a VEVENT inside
// a VEVENT) is an error rather than lost.
type Calendar struct {
	// ProductID is PRODID; empty, or nothing TEXT can hold (a lone carriage
	// return), means the package's own when encoding.
	ProductID    string
	Events       []Event
	Availability []Availability
	FreeBusy     []FreeBusy
}

// An Event is a VEVENT: its identity, its timing (the embedded
// Recurrence), and what decides whether it makes its attendee busy.
type Event struct {
	UID     string
	Stamp   time.Time
	Summary string
	// Status is STATUS as written, upper case: "CONFIRMED", "TENTATIVE",
	// "CANCELLED", or "".
	Status string
	// Transparent is TRANSP:TRANSPARENT: the event takes no busy time.
	Transparent bool
	// RecurrenceID, when set, makes this event replace the occurrence of
	// the event with the same UID that starts at RecurrenceID.
	RecurrenceID DateTime
	// ThisAndFuture is RANGE=THISANDFUTURE on RECURRENCE-ID; Busy does not
	// support it and reports an *UnsupportedError.
	ThisAndFuture bool
	Recurrence
}

// busy reports whether the event makes its attendee busy.
func (e Event) busy() bool { return !e.Transparent && e.Status != "CANCELLED" }

// Parse reads iCalendar data: VCALENDAR objects, or the components they
// hold given on their own. Errors are *SyntaxError (with line and column),
// *ZoneError for a TZID that is not an IANA zone, *UnsupportedError, or
// *LimitError.
func Parse(data []byte, lim Limits) (Calendar, error) {
	comps, err := Decode(data, lim)
	if err != nil {
		return Calendar{}, err
	}
	p := parser{zones: map[string]*time.Location{}}
	var cal Calendar
	for _, c := range comps {
		if c.Name == "VCALENDAR" {
			if prop, ok := c.Property("PRODID"); ok && cal.ProductID == "" {
				cal.ProductID = unescapeText(prop.Value)
			}
			for _, sub := range c.Components {
				if err := p.component(&cal, sub); err != nil {
					return Calendar{}, err
				}
			}
			continue
		}
		if err := p.component(&cal, c); err != nil {
			return Calendar{}, err
		}
	}
	return cal, nil
}

// parser holds what one Parse call shares: the zones already loaded.
type parser struct {
	zones map[string]*time.Location
}

// misplaced fails when c holds a component this package reads where RFC
// 5545 and RFC 7953 do not put it (a VEVENT inside a VEVENT, an AVAILABLE
// outside a VAVAILABILITY): skipping it would lose its busy or free time
// unnoticed. allowed names the one such component c may hold. Other
// components (VALARM, VTODO, X- components) are skipped, as documented.
func misplaced(c Component, allowed string) error {
	for _, sub := range c.Components {
		switch sub.Name {
		case "VCALENDAR", "VEVENT", "VFREEBUSY", "VAVAILABILITY", "AVAILABLE":
			if sub.Name != allowed {
				return &SyntaxError{Line: sub.line, Column: 1, Msg: sub.Name + " inside " + c.Name + " is not allowed, and would be lost"}
			}
		}
	}
	return nil
}

func (p *parser) component(cal *Calendar, c Component) error {
	switch c.Name {
	case "VCALENDAR", "AVAILABLE":
		where := "inside a VCALENDAR"
		if c.Name == "AVAILABLE" {
			where = "outside a VAVAILABILITY"
		}
		return &SyntaxError{Line: c.line, Column: 1, Msg: c.Name + " " + where + " is not allowed, and would be lost"}
	case "VEVENT":
		e, err := p.event(c)
		if err != nil {
			return err
		}
		cal.Events = append(cal.Events, e)
	case "VAVAILABILITY":
		a, err := p.availability(c)
		if err != nil {
			return err
		}
		cal.Availability = append(cal.Availability, a)
	case "VFREEBUSY":
		f, err := p.freeBusy(c)
		if err != nil {
			return err
		}
		cal.FreeBusy = append(cal.FreeBusy, f)
	}
	return nil
}

func (p *parser) event(c Component) (Event, error) {
	if err := misplaced(c, ""); err != nil {
		return Event{}, err
	}
	var e Event
	var seen seen
	for _, prop := range c.Properties {
		if handled, err := p.timing(&e.Recurrence, prop, &seen); handled || err != nil {
			if err != nil {
				return Event{}, err
			}
			continue
		}
		if err := once(prop, &seen); err != nil {
			return Event{}, err
		}
		var err error
		switch prop.Name {
		case "UID":
			e.UID = unescapeText(prop.Value)
		case "SUMMARY":
			e.Summary = unescapeText(prop.Value)
		case "DTSTAMP":
			e.Stamp, err = p.stamp(prop)
		case "STATUS":
			e.Status = strings.ToUpper(prop.Value)
		case "TRANSP":
			e.Transparent = strings.EqualFold(prop.Value, "TRANSPARENT")
		case "RECURRENCE-ID":
			e.RecurrenceID, err = p.dateTime(prop)
			e.ThisAndFuture = strings.EqualFold(prop.Param("RANGE"), "THISANDFUTURE")
		}
		if err != nil {
			return Event{}, err
		}
	}
	return e, nil
}

// singletons are the properties this package reads that may appear once,
// each with its bit in a seen set.
var singletons = map[string]seen{
	"UID": 1 << 0, "SUMMARY": 1 << 1, "DTSTAMP": 1 << 2, "STATUS": 1 << 3, "TRANSP": 1 << 4, "RECURRENCE-ID": 1 << 5,
	"DTSTART": 1 << 6, "DTEND": 1 << 7, "DURATION": 1 << 8, "RRULE": 1 << 9, "BUSYTYPE": 1 << 10, "PRIORITY": 1 << 11,
}

// seen is the set of singleton properties a component has shown so far.
type seen uint32

// once fails when a property that may appear once appears again.
func once(prop Property, s *seen) error {
	bit := singletons[prop.Name]
	if bit == 0 {
		return nil
	}
	if *s&bit != 0 {
		return &SyntaxError{Line: prop.Line, Column: 1, Msg: prop.Name + " given twice in one component", Near: prop.Value}
	}
	*s |= bit
	return nil
}

// timing reads the properties of a Recurrence; it reports whether prop is
// one of them.
func (p *parser) timing(r *Recurrence, prop Property, seen *seen) (bool, error) {
	switch prop.Name {
	case "DTSTART", "DTEND", "DURATION", "RRULE", "EXRULE", "RDATE", "EXDATE":
	default:
		return false, nil
	}
	if err := once(prop, seen); err != nil {
		return true, err
	}
	var err error
	switch prop.Name {
	case "DTSTART":
		r.Start, err = p.dateTime(prop)
	case "DTEND":
		r.End, err = p.dateTime(prop)
	case "DURATION":
		d, col, msg := parseDuration(prop.Value)
		if msg != "" {
			return true, valueError(prop, col, msg)
		}
		r.Duration = d
	case "RRULE", "EXRULE":
		rule, perr := ParseRecur(prop.Value)
		if perr != nil {
			var se *SyntaxError
			if errors.As(perr, &se) {
				return true, valueError(prop, se.Column, se.Msg)
			}
			return true, perr
		}
		if prop.Name == "RRULE" {
			r.Rule = rule
		} else {
			r.ExRules = append(r.ExRules, rule)
		}
	case "RDATE":
		periods, perr := p.periods(prop)
		if perr != nil {
			return true, perr
		}
		r.RDates = append(r.RDates, periods...)
	case "EXDATE":
		list, perr := p.dateTimes(prop)
		if perr != nil {
			return true, perr
		}
		r.ExDates = append(r.ExDates, list...)
	}
	return true, err
}

// valueError reports a problem at column col (from 1) of prop's value, at
// the line and column of the input it came from.
func valueError(prop Property, col int, msg string) error {
	if prop.col == 0 {
		return &SyntaxError{Line: prop.Line, Column: max(col, 1), Msg: prop.Name + ": " + msg, Near: prop.Value}
	}
	line, c := physical(prop.Line, prop.folds, prop.col+max(col, 1)-1)
	return &SyntaxError{Line: line, Column: c, Msg: prop.Name + ": " + msg, Near: prop.Value}
}

// zone returns the zone of prop's TZID parameter, or nil without one.
func (p *parser) zone(prop Property) (*time.Location, error) {
	tzid := prop.Param("TZID")
	if tzid == "" {
		return nil, nil
	}
	if loc, ok := p.zones[tzid]; ok {
		return loc, nil
	}
	loc, err := availability.LoadZone(strings.TrimPrefix(tzid, "/"))
	if err != nil {
		return nil, &ZoneError{TZID: tzid, Line: prop.Line}
	}
	p.zones[tzid] = loc
	return loc, nil
}

// dateTime reads a single DATE or DATE-TIME value with its VALUE and TZID
// parameters.
func (p *parser) dateTime(prop Property) (DateTime, error) {
	if strings.IndexByte(prop.Value, ',') >= 0 {
		return DateTime{}, valueError(prop, strings.IndexByte(prop.Value, ',')+1, "want one value")
	}
	var out DateTime
	err := p.eachDateTime(prop, func(d DateTime) { out = d })
	return out, err
}

// dateTimes reads a comma-separated list of DATE or DATE-TIME values.
func (p *parser) dateTimes(prop Property) ([]DateTime, error) {
	var out []DateTime
	err := p.eachDateTime(prop, func(d DateTime) { out = append(out, d) })
	return out, err
}

// eachDateTime calls f with each value of a DATE or DATE-TIME list.
func (p *parser) eachDateTime(prop Property, f func(DateTime)) error {
	loc, err := p.zone(prop)
	if err != nil {
		return err
	}
	value := prop.Param("VALUE")
	switch {
	case value == "", strings.EqualFold(value, "DATE-TIME"):
		value = "DATE-TIME"
	case strings.EqualFold(value, "DATE"):
		value = "DATE"
	default:
		return valueError(prop, 1, "VALUE="+prose.Quote(value)+" is not allowed here")
	}
	col := 1
	for item := range strings.SplitSeq(prop.Value, ",") {
		d, c, msg := parseDateTime(item)
		if msg != "" {
			return valueError(prop, col+c-1, msg)
		}
		if value == "DATE" && d.Form != DateOnly {
			return valueError(prop, col, "VALUE=DATE needs a date")
		}
		if loc != nil && d.Form == Floating {
			d.Form, d.Zone = Zoned, loc
		}
		f(d)
		col += len(item) + 1
	}
	return nil
}

// periods reads an RDATE: date-times, dates, or periods with VALUE=PERIOD.
func (p *parser) periods(prop Property) ([]Period, error) {
	if !strings.EqualFold(prop.Param("VALUE"), "PERIOD") {
		list, err := p.dateTimes(prop)
		if err != nil {
			return nil, err
		}
		out := make([]Period, len(list))
		for i, d := range list {
			out[i] = Period{Start: d}
		}
		return out, nil
	}
	loc, err := p.zone(prop)
	if err != nil {
		return nil, err
	}
	var out []Period
	col := 1
	for item := range strings.SplitSeq(prop.Value, ",") {
		per, c, msg := parsePeriod(item)
		if msg != "" {
			return nil, valueError(prop, col+c-1, msg)
		}
		if loc != nil {
			for _, d := range []*DateTime{&per.Start, &per.End} {
				if !d.IsZero() && d.Form == Floating {
					d.Form, d.Zone = Zoned, loc
				}
			}
		}
		out = append(out, per)
		col += len(item) + 1
	}
	return out, nil
}

// stamp reads a DTSTAMP, a UTC date-time.
func (p *parser) stamp(prop Property) (time.Time, error) {
	d, err := p.dateTime(prop)
	if err != nil {
		return time.Time{}, err
	}
	return d.Time(time.UTC).UTC(), nil
}

// Validate reports every problem that keeps c from being valid iCalendar
// this package can encode: a component without UID (code required) or
// DTSTAMP (required), and every problem of each Recurrence, with paths such
// as "events[2].start" or "availability[0].available[1].rule.by_day[0]".
func (c Calendar) Validate() error {
	var l problem.List
	for i := range c.Events {
		e := &c.Events[i]
		at := problem.Index("events", i)
		requireIdentity(&l, at, e.UID, e.Stamp)
		e.Recurrence.validate(&l, at, nil)
	}
	for i := range c.Availability {
		c.Availability[i].validate(&l, problem.Index("availability", i))
	}
	for i, f := range c.FreeBusy {
		at := problem.Index("free_busy", i)
		requireIdentity(&l, at, f.UID, f.Stamp)
		if !f.Start.IsZero() && !f.End.IsZero() && !f.End.After(f.Start) {
			l.Add(problem.Join(at, "end"), problem.Order, "DTEND %s is not after DTSTART %s", f.End.Format(time.RFC3339), f.Start.Format(time.RFC3339))
		}
	}
	return l.Err()
}

func requireIdentity(l *problem.List, at, uid string, stamp time.Time) {
	if uid == "" {
		l.Add(problem.Join(at, "uid"), problem.Required, "UID is required")
	}
	if stamp.IsZero() {
		l.Add(problem.Join(at, "stamp"), problem.Required, "DTSTAMP is required")
	}
}

// Encode writes c as one VCALENDAR object (VERSION 2.0). Zoned date-times
// carry their IANA name as TZID; no VTIMEZONE components are written, so
// receivers must know IANA zone names, as RFC 7809 allows. Encode fails
// with problem.List when Validate does.
func (c Calendar) Encode() ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	cal := Component{Name: "VCALENDAR", Properties: []Property{
		{Name: "VERSION", Value: "2.0"},
		{Name: "PRODID", Value: cmpOrString(escapeText(c.ProductID), ProductID)}, // a PRODID that escapes to nothing (a lone CR) is the package's too
	}}
	for _, e := range c.Events {
		cal.Components = append(cal.Components, e.component())
	}
	for _, a := range c.Availability {
		cal.Components = append(cal.Components, a.component())
	}
	for _, f := range c.FreeBusy {
		cal.Components = append(cal.Components, f.component())
	}
	return Encode(cal), nil
}

func cmpOrString(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

func (e Event) component() Component {
	c := Component{Name: "VEVENT"}
	c.add("UID", escapeText(e.UID))
	c.Properties = append(c.Properties, stampProp(e.Stamp))
	e.Recurrence.appendProps(&c)
	if !e.RecurrenceID.IsZero() {
		p := dateTimeProp("RECURRENCE-ID", e.RecurrenceID)
		if e.ThisAndFuture {
			p.Params = append(p.Params, Param{Name: "RANGE", Values: []string{"THISANDFUTURE"}})
		}
		c.Properties = append(c.Properties, p)
	}
	if e.Summary != "" {
		c.add("SUMMARY", escapeText(e.Summary))
	}
	if e.Status != "" {
		c.add("STATUS", e.Status)
	}
	if e.Transparent {
		c.add("TRANSP", "TRANSPARENT")
	}
	return c
}

func (c *Component) add(name, value string) {
	c.Properties = append(c.Properties, Property{Name: name, Value: value})
}

func stampProp(t time.Time) Property {
	return Property{Name: "DTSTAMP", Value: DateTimeOf(t.UTC()).String()}
}

// appendProps writes the timing properties.
func (r Recurrence) appendProps(c *Component) {
	c.Properties = append(c.Properties, dateTimeProp("DTSTART", r.Start))
	if !r.End.IsZero() {
		c.Properties = append(c.Properties, dateTimeProp("DTEND", r.End))
	}
	if !r.Duration.IsZero() {
		c.add("DURATION", r.Duration.String())
	}
	if !r.Rule.IsZero() {
		c.add("RRULE", r.Rule.String())
	}
	for _, x := range r.ExRules {
		c.add("EXRULE", x.String())
	}
	for _, p := range r.RDates {
		if p.End.IsZero() && p.Duration.IsZero() {
			c.Properties = append(c.Properties, dateTimeProp("RDATE", p.Start))
			continue
		}
		prop := dateTimeProp("RDATE", p.Start)
		prop.Value = p.String()
		prop.Params = append(prop.Params, Param{Name: "VALUE", Values: []string{"PERIOD"}})
		c.Properties = append(c.Properties, prop)
	}
	for _, x := range r.ExDates {
		c.Properties = append(c.Properties, dateTimeProp("EXDATE", x))
	}
}

// dateTimeProp writes a DATE or DATE-TIME property with VALUE=DATE or TZID.
func dateTimeProp(name string, d DateTime) Property {
	p := Property{Name: name, Value: d.String()}
	switch d.Form {
	case DateOnly:
		p.Params = []Param{{Name: "VALUE", Values: []string{"DATE"}}}
	case Zoned:
		zone := "UTC"
		if d.Zone != nil {
			zone = d.Zone.String()
		}
		p.Params = []Param{{Name: "TZID", Values: []string{zone}}}
	}
	return p
}

// Busy returns the busy time of c's events within r: every occurrence of
// every event that is neither TRANSP:TRANSPARENT nor STATUS:CANCELLED. An
// event with a RECURRENCE-ID replaces the occurrence of its UID's
// recurring event that starts then (a cancelled or transparent replacement
// just removes it). VFREEBUSY and VAVAILABILITY components are not
// included; see FreeBusy.Busy and Combine. Errors: the problem.List of an
// event's Recurrence, *UnsupportedError for RANGE=THISANDFUTURE, and the
// bounds of opts, which apply to the whole calendar: MaxOccurrences to all
// its occurrences and MaxIterations to the work of all its events, so that
// however many costly events a calendar holds, Busy answers or fails with
// a *LimitError after the work of one MaxIterations.
func (c Calendar) Busy(r availability.Interval, opts ExpandOptions) (availability.Set, error) {
	replaced := map[string]map[int64]bool{}
	for i, e := range c.Events {
		if e.RecurrenceID.IsZero() {
			continue
		}
		if e.ThisAndFuture {
			return availability.Set{}, &UnsupportedError{Feature: "RANGE=THISANDFUTURE (events[" + itoa(i) + "])"}
		}
		if replaced[e.UID] == nil {
			replaced[e.UID] = map[int64]bool{}
		}
		replaced[e.UID][e.RecurrenceID.Time(opts.Floating).Unix()] = true
	}
	var busy []availability.Interval
	work := newBudget(opts)
	for i, e := range c.Events {
		if !e.busy() {
			continue // a cancelled replacement only removes what it replaces
		}
		if err := work.spend(eventCost); err != nil {
			return availability.Set{}, err
		}
		occ, err := e.expand(r, opts, false, &work)
		if err != nil {
			return availability.Set{}, prefix(err, problem.Index("events", i))
		}
		skip := map[int64]bool(nil)
		if e.RecurrenceID.IsZero() {
			skip = replaced[e.UID]
		}
		for _, o := range occ {
			if !skip[o.Start.Unix()] {
				busy = append(busy, o)
			}
		}
		if len(busy) > opts.maxOccurrences() {
			return availability.Set{}, tooMany(opts)
		}
	}
	return availability.NewSet(busy...).Clip(r), nil
}

// prefix puts path in front of the paths of a problem.List error.
func prefix(err error, path string) error {
	var l problem.List
	if !errors.As(err, &l) {
		return err
	}
	out := make(problem.List, len(l))
	for i, p := range l {
		p.Path = problem.Join(path, p.Path)
		out[i] = p
	}
	return out
}
