package booking

import (
	"regexp"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/internal/prose"
)

// viewing reports whether the calendar is seen from another zone than its
// schedule's.
func (c *Calendar) viewing() bool {
	return c.view != nil && c.view.String() != c.zone().String()
}

// place names the view's zone for a sentence: "Tokyo" for Asia/Tokyo,
// "New York" for America/New_York, the name itself for others such as
// "UTC".
func place(loc *time.Location) string {
	name := loc.String()
	if i := strings.LastIndexByte(name, '/'); i >= 0 && !strings.HasPrefix(name, "Etc/") {
		name = name[i+1:]
	}
	return strings.ReplaceAll(name, "_", " ")
}

// alsoAt writes the view of instant t: " (Wed 07:00 in Tokyo)", or "" when
// the calendar is not seen from elsewhere.
func (c *Calendar) alsoAt(t time.Time) string {
	if !c.viewing() {
		return ""
	}
	return " (" + t.In(c.view).Format("Mon 15:04") + " in " + place(c.view) + ")"
}

// clock writes the local time of t: "17:30", with its view.
func (c *Calendar) clock(t time.Time) string {
	layout := "15:04"
	if t.Second() != 0 || t.Nanosecond() != 0 {
		layout = "15:04:05.999999999" // a time off the minute says so
	}
	return t.In(c.zone()).Format(layout) + c.alsoAt(t)
}

// span writes an interval: "Tue 2026-12-15 17:00–17:50 EST", with its view
// of the start.
func (c *Calendar) span(iv availability.Interval) string {
	loc := c.zone()
	return iv.Start.In(loc).Format("Mon 2006-01-02 15:04") + "–" + iv.End.In(loc).Format("15:04 MST") + c.alsoAt(iv.Start)
}

// instantInText finds the instants the schedule writes in its sentences
// (prose.TimeLayout).
var instantInText = regexp.MustCompile(`\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d{2}-\d{2} \d{2}:\d{2} [A-Za-z0-9+\-]+`)

// viewed returns a reason of the schedule with each instant its sentence
// names followed by its view.
func (c *Calendar) viewed(r availability.Reason) availability.Reason {
	if !c.viewing() {
		return r
	}
	loc := c.zone()
	r.Message = instantInText.ReplaceAllStringFunc(r.Message, func(s string) string {
		if t, ok := instant(s, loc); ok {
			return s + c.alsoAt(t)
		}
		return s
	})
	return r
}

// instant reads back an instant written in loc with prose.TimeLayout. The
// wall time says where to look and the zone's abbreviation which of a
// repeated wall time it is: the instant is the one that is written the
// same way. (time.Parse reads neither a four-digit numeric abbreviation,
// such as +0545 or +1030, nor one loc does not use.)
func instant(s string, loc *time.Location) (time.Time, bool) {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return time.Time{}, false
	}
	wall, err := time.ParseInLocation("Mon 2006-01-02 15:04", s[:i], loc)
	if err != nil {
		return time.Time{}, false
	}
	// Offsets around a wall time differ by at most a few hours; try the
	// nearest first, in steps of a quarter hour.
	for k := range 25 {
		d := time.Duration((k+1)/2) * 15 * time.Minute
		if k%2 == 1 {
			d = -d
		}
		if t := wall.Add(d); t.Format(prose.TimeLayout) == s {
			return t, true
		}
	}
	return time.Time{}, false
}
