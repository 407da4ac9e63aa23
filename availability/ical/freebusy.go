package ical

import (
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
)

// A FreeBusy is a VFREEBUSY component (RFC 5545 §3.6.4): the free and busy
// time of one calendar user within a window, by kind (the FBTYPE of each
// FREEBUSY property). Times are instants; they are written in UTC.
type FreeBusy struct {
	UID   string
	Stamp time.Time
	// Start and End are DTSTART and DTEND, the window the information
	// covers; zero means not given.
	Start, End time.Time
	// Busy is FBTYPE=BUSY, Unavailable BUSY-UNAVAILABLE, Tentative
	// BUSY-TENTATIVE and Free FREE.
	Busy, Unavailable, Tentative, Free availability.Set
}

// AllBusy returns every kind of busy time together.
func (f FreeBusy) AllBusy() availability.Set {
	return f.Busy.Union(f.Unavailable).Union(f.Tentative)
}

// Encode writes f as a VCALENDAR object holding one VFREEBUSY component,
// with each kind of time as one FREEBUSY property of UTC periods in order.
// UID and Stamp are required (see Calendar.Validate).
func (f FreeBusy) Encode() ([]byte, error) {
	return Calendar{FreeBusy: []FreeBusy{f}}.Encode()
}

func (f FreeBusy) component() Component {
	c := Component{Name: "VFREEBUSY"}
	c.add("UID", escapeText(f.UID))
	c.Properties = append(c.Properties, stampProp(f.Stamp))
	if !f.Start.IsZero() {
		c.add("DTSTART", DateTimeOf(f.Start.UTC()).String())
	}
	if !f.End.IsZero() {
		c.add("DTEND", DateTimeOf(f.End.UTC()).String())
	}
	for _, k := range []struct {
		fbtype string
		set    availability.Set
	}{{"BUSY", f.Busy}, {"BUSY-UNAVAILABLE", f.Unavailable}, {"BUSY-TENTATIVE", f.Tentative}, {"FREE", f.Free}} {
		if k.set.IsEmpty() {
			continue
		}
		var b strings.Builder
		for iv := range k.set.All() {
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(DateTimeOf(iv.Start.UTC()).String())
			b.WriteByte('/')
			b.WriteString(DateTimeOf(iv.End.UTC()).String())
		}
		c.Properties = append(c.Properties, Property{Name: "FREEBUSY", Params: []Param{{Name: "FBTYPE", Values: []string{k.fbtype}}}, Value: b.String()})
	}
	return c
}

func (p *parser) freeBusy(c Component) (FreeBusy, error) {
	if err := misplaced(c, ""); err != nil {
		return FreeBusy{}, err
	}
	var f FreeBusy
	var busy, unavailable, tentative, free []availability.Interval
	var seen seen
	for _, prop := range c.Properties {
		if prop.Name != "FREEBUSY" {
			if err := once(prop, &seen); err != nil {
				return FreeBusy{}, err
			}
		}
		var err error
		switch prop.Name {
		case "UID":
			f.UID = unescapeText(prop.Value)
		case "DTSTAMP":
			f.Stamp, err = p.stamp(prop)
		case "DTSTART", "DTEND":
			var d DateTime
			if d, err = p.dateTime(prop); err == nil {
				if prop.Name == "DTSTART" {
					f.Start = d.Time(time.UTC).UTC()
				} else {
					f.End = d.Time(time.UTC).UTC()
				}
			}
		case "FREEBUSY":
			list := &busy
			switch strings.ToUpper(prop.Param("FBTYPE")) {
			case "FREE":
				list = &free
			case "BUSY-UNAVAILABLE":
				list = &unavailable
			case "BUSY-TENTATIVE":
				list = &tentative
			}
			col := 1
			for item := range strings.SplitSeq(prop.Value, ",") {
				per, c, msg := parsePeriod(item)
				if msg != "" {
					return FreeBusy{}, valueError(prop, col+c-1, msg)
				}
				if per.Start.Form != UTC {
					return FreeBusy{}, valueError(prop, col, "FREEBUSY periods must be in UTC")
				}
				start := per.Start.Time(time.UTC)
				end := per.End.Time(time.UTC)
				if per.End.IsZero() {
					end = per.Duration.AddTo(start)
				}
				if !end.After(start) {
					return FreeBusy{}, valueError(prop, col, "period ends before it starts")
				}
				*list = append(*list, availability.Interval{Start: start, End: end})
				col += len(item) + 1
			}
		}
		if err != nil {
			return FreeBusy{}, err
		}
	}
	f.Busy, f.Unavailable, f.Tentative, f.Free = availability.NewSet(busy...), availability.NewSet(unavailable...),
		availability.NewSet(tentative...), availability.NewSet(free...)
	return f, nil
}
