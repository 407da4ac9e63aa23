package ical

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

// ExportOptions say how FromSchedule writes a schedule.
type ExportOptions struct {
	// UID is the VAVAILABILITY's UID, and the stem of its AVAILABLE
	// components' UIDs where windows and overrides have no ID. Required.
	UID string
	// Stamp is DTSTAMP, the time the data was made. Required: the package
	// never reads a clock.
	Stamp time.Time
	// Summary is the VAVAILABILITY's SUMMARY.
	Summary string
	// BusyType is BUSYTYPE, the kind of busy time outside the working
	// hours; the zero value is BUSY-UNAVAILABLE, the RFC's default.
	BusyType BusyType
	// Priority is PRIORITY, 0 (undefined) to 9.
	Priority int
	// Anchor is the first date the weekly AVAILABLE components start on
	// when the schedule's effective period has no start; zero means
	// 2000-01-03.
	Anchor availability.Date
}

// defaultAnchor is where weekly components start when nothing says.
var defaultAnchor = availability.Date{Year: 2000, Month: time.January, Day: 3}

// maxExceptions bounds the EXDATEs FromSchedule writes for closures.
const maxExceptions = 100_000

// FromSchedule writes a schedule as one VAVAILABILITY (RFC 7953): its
// effective period becomes DTSTART and DTEND, each working window becomes
// a weekly AVAILABLE component (minus the protected time it contains, so
// that one window may give several), overrides and closures become EXDATEs
// on those components plus one-off AVAILABLE components for an override's
// hours. The time outside is busy of opts.BusyType. The range runs from
// midnight to midnight, so a window that starts on the last effective date
// and crosses midnight ends at that midnight.
//
// Lengths are written as DURATION, in hours and minutes (a whole day as
// P1D). iCalendar durations are exact, so a window that spans a DST change
// at night (22:00–06:00) lasts one hour more or less on those two nights
// for a reader than in the schedule. Windows keep their labels as SUMMARY
// and their IDs as UID. Errors: the schedule's problem.List, a problem.List for a
// missing UID or Stamp, an *UnsupportedError for an override with hours
// outside the effective period (a VAVAILABILITY cannot make time outside
// its range available), and a *LimitError past 100 000 excluded dates.
func FromSchedule(s availability.Schedule, opts ExportOptions) (Availability, error) {
	if err := s.Validate(); err != nil {
		return Availability{}, err
	}
	var l problem.List
	requireIdentity(&l, "", opts.UID, opts.Stamp)
	if err := l.Err(); err != nil {
		return Availability{}, err
	}
	loc := s.Zone
	if loc == nil {
		loc = time.UTC
	}
	a := Availability{UID: opts.UID, Stamp: opts.Stamp, Summary: opts.Summary, BusyType: opts.BusyType, Priority: opts.Priority}
	eff := s.Effective
	if !eff.From.IsZero() {
		a.Start = wallDateTime(eff.From, 0, loc)
	}
	if !eff.Through.IsZero() {
		a.End = wallDateTime(eff.Through.AddDays(1), 0, loc)
	}
	anchor := eff.From
	if anchor.IsZero() {
		anchor = opts.Anchor
	}
	if anchor.IsZero() {
		anchor = defaultAnchor
	}

	// The weekly components: each window's days, minus protected time.
	var groups []weeklyGroup
	for i, w := range s.Hours {
		var mine []weeklyGroup
		for wd := range 7 {
			if !w.Days.Has(time.Weekday(wd)) {
				continue
			}
			for _, p := range openPieces(time.Weekday(wd), int(w.Start), spanLength(w.Start, w.End), s.Protected) {
				j := slices.IndexFunc(mine, func(g weeklyGroup) bool {
					return g.offset == p.offset && g.clock == p.clock && g.length == p.length
				})
				if j < 0 {
					mine = append(mine, weeklyGroup{window: i, offset: p.offset, clock: p.clock, length: p.length})
					j = len(mine) - 1
				}
				mine[j].days |= availability.Days(p.day)
			}
		}
		groups = append(groups, mine...)
	}
	for gi := range groups {
		g := &groups[gi]
		d := anchor
		for !g.days.Has(d.Weekday()) {
			d = d.AddDays(1)
		}
		g.first = d
		w := s.Hours[g.window]
		av := Available{
			UID:     componentUID(w.ID, fmt.Sprintf("%s-hours-%d", opts.UID, g.window), countWindow(groups, g.window), indexInWindow(groups, gi)),
			Stamp:   opts.Stamp,
			Summary: w.Label,
			Recurrence: Recurrence{
				Start:    wallDateTime(d, g.clock, loc),
				Duration: lengthDuration(g.length),
				Rule:     Recur{Freq: Weekly, ByDay: byDay(g.days)},
			},
		}
		a.Available = append(a.Available, av)
	}

	// Dates that differ from the usual week.
	overridden := map[availability.Date]int{}
	for i, o := range s.Overrides {
		if !eff.Contains(o.Date) {
			if !o.Closed {
				return Availability{}, &UnsupportedError{Feature: "an override with hours outside the effective period (" + o.Date.String() + ")"}
			}
			continue
		}
		overridden[o.Date] = i
	}
	var exceptions []availability.Date
	for d := range overridden {
		exceptions = append(exceptions, d)
	}
	for _, c := range s.Closures {
		from, through := c.From, c.Through
		if !eff.From.IsZero() && from.Before(eff.From) {
			from = eff.From
		}
		if !eff.Through.IsZero() && through.After(eff.Through) {
			through = eff.Through
		}
		for d := from; !d.After(through); d = d.AddDays(1) {
			if _, ok := overridden[d]; !ok {
				exceptions = append(exceptions, d)
			}
			if len(exceptions) > maxExceptions {
				return Availability{}, &LimitError{Limit: "excluded dates", Max: maxExceptions, Msg: "closures cover too many dates"}
			}
		}
	}
	slices.SortFunc(exceptions, availability.Date.Compare)
	exceptions = slices.Compact(exceptions)
	for _, d := range exceptions {
		for gi, g := range groups {
			day := d.AddDays(g.offset)
			if g.days.Has(day.Weekday()) && !day.Before(g.first) {
				a.Available[gi].ExDates = append(a.Available[gi].ExDates, wallDateTime(day, g.clock, loc))
			}
		}
		i, ok := overridden[d]
		if !ok || s.Overrides[i].Closed {
			continue
		}
		o := s.Overrides[i]
		var pieces []piece
		for _, h := range o.Hours {
			pieces = append(pieces, openPieces(d.Weekday(), int(h.Start), spanLength(h.Start, h.End), s.Protected)...)
		}
		for k, p := range pieces {
			a.Available = append(a.Available, Available{
				UID:        componentUID(o.ID, fmt.Sprintf("%s-override-%s", opts.UID, o.Date), len(pieces), k),
				Stamp:      opts.Stamp,
				Summary:    o.Label,
				Recurrence: Recurrence{Start: wallDateTime(d.AddDays(p.offset), p.clock, loc), Duration: lengthDuration(p.length)},
			})
		}
	}
	return a, nil
}

// componentUID returns id, or stem when id is empty, with "-k" added when
// one rule gives several components.
func componentUID(id, stem string, n, k int) string {
	if id == "" {
		id = stem
	}
	if n > 1 {
		return fmt.Sprintf("%s-%d", id, k+1)
	}
	return id
}

// A weeklyGroup is one weekly AVAILABLE component: the open pieces of one
// working window that share a start, a length and an offset.
type weeklyGroup struct {
	window, offset, clock, length int
	days                          availability.Weekdays
	first                         availability.Date
}

// countWindow returns how many groups come from window.
func countWindow(groups []weeklyGroup, window int) int {
	n := 0
	for _, g := range groups {
		if g.window == window {
			n++
		}
	}
	return n
}

// indexInWindow returns how many groups before groups[gi] share its window.
func indexInWindow(groups []weeklyGroup, gi int) int {
	return countWindow(groups[:gi], groups[gi].window)
}

// byDay lists the days of w, Monday first, as BYDAY entries.
func byDay(w availability.Weekdays) []WeekdayNum {
	var out []WeekdayNum
	for d := Monday; d <= Sunday; d++ {
		if w.Has(d.Weekday()) {
			out = append(out, WeekdayNum{Day: d})
		}
	}
	return out
}

// wallDateTime returns the local date-time minute minutes after the
// midnight of d (past 24:00 on the following days), in loc.
func wallDateTime(d availability.Date, minute int, loc *time.Location) DateTime {
	d = d.AddDays(minute / minutesPerDay)
	minute %= minutesPerDay
	dt := DateTime{Date: d, Hour: minute / 60, Minute: minute % 60}
	if loc == time.UTC {
		dt.Form = UTC
	} else {
		dt.Form, dt.Zone = Zoned, loc
	}
	return dt
}

// lengthDuration writes a length in minutes: P1D for a whole day, so that
// it follows the wall clock, and hours and minutes otherwise.
func lengthDuration(minutes int) Duration {
	if minutes == minutesPerDay {
		return Duration{Days: 1}
	}
	return Duration{Exact: time.Duration(minutes) * time.Minute}
}

const (
	minutesPerDay  = 24 * 60
	minutesPerWeek = 7 * minutesPerDay
)

// spanLength returns the minutes from start to end, across midnight when
// end is not after start.
func spanLength(start, end availability.Clock) int {
	if end > start {
		return int(end - start)
	}
	return int(end) + minutesPerDay - int(start)
}

// A piece is open wall-clock time: it starts on day (offset days after the
// date of the window it comes from) at clock, and lasts length minutes.
type piece struct {
	day                   time.Weekday
	offset, clock, length int
}

// openPieces returns the parts of the wall-clock span that starts on wd at
// start and lasts length minutes that no protected window covers. Minutes
// are counted from Sunday 00:00, and protected windows repeat every week.
func openPieces(wd time.Weekday, start, length int, protected []availability.Window) []piece {
	a := int(wd)*minutesPerDay + start
	b := a + length
	type cut struct{ from, to int }
	var cuts []cut
	for _, p := range protected {
		plen := spanLength(p.Start, p.End)
		for v := range 7 {
			if !p.Days.Has(time.Weekday(v)) {
				continue
			}
			for _, shift := range []int{-minutesPerWeek, 0, minutesPerWeek} {
				from := v*minutesPerDay + int(p.Start) + shift
				if to := from + plen; to > a && from < b {
					cuts = append(cuts, cut{from, to})
				}
			}
		}
	}
	slices.SortFunc(cuts, func(x, y cut) int { return x.from - y.from })
	var out []piece
	emit := func(x, y int) {
		if y > x {
			out = append(out, piece{day: time.Weekday((x / minutesPerDay) % 7), offset: x/minutesPerDay - a/minutesPerDay, clock: x % minutesPerDay, length: y - x})
		}
	}
	cur := a
	for _, c := range cuts {
		if c.from > cur {
			emit(cur, min(c.from, b))
		}
		cur = max(cur, c.to)
		if cur >= b {
			break
		}
	}
	emit(cur, b)
	return out
}

// ScheduleOptions say how ToSchedule reads availability into a schedule.
type ScheduleOptions struct {
	// Zone is the schedule's zone; nil means the zone of the first zoned
	// date-time in the components, or UTC.
	Zone *time.Location
	// Dates are the local dates to read; a zero end is taken from the
	// components' range, and it is an error when they have none there.
	Dates availability.DateRange
	// Expand bounds the expansion of the AVAILABLE components.
	Expand ExpandOptions
}

// ToSchedule reads VAVAILABILITY components into a schedule over a range
// of local dates: the free time Combine finds there becomes, for each day
// of the week, its most common pattern of wall-clock windows (the working
// hours); a date that differs becomes an override, and a run of dates
// with no free time where the week has some becomes a closure. The result
// is effective over exactly those dates: nothing is claimed outside what
// was read.
//
// Wall-clock times are read in the schedule's zone and rounded inward to
// whole minutes. Free time that crosses midnight stays one window when it
// is shorter than a day, so "Friday 22:00–02:00" survives; free time that
// spans a DST change is read by the wall clock, so an hour the clock
// repeats cannot become a longer window. Labels and IDs are not recovered.
func ToSchedule(avs []Availability, opts ScheduleOptions) (availability.Schedule, error) {
	zone := opts.Zone
	if zone == nil {
		zone = firstZone(avs)
	}
	from, through := opts.Dates.From, opts.Dates.Through
	var l problem.List
	if from.IsZero() {
		for i, a := range avs {
			if a.Start.IsZero() {
				l.Add(fmt.Sprintf("availability[%d].start", i), problem.Required, "the VAVAILABILITY has no start; give ScheduleOptions.Dates.From")
				continue
			}
			if d := availability.DateOf(a.Start.Time(opts.Expand.Floating).In(zone)); from.IsZero() || d.Before(from) {
				from = d
			}
		}
		if len(avs) == 0 {
			l.Add("dates.from", problem.Required, "no VAVAILABILITY gives a start; give ScheduleOptions.Dates.From")
		}
	}
	if through.IsZero() {
		for i, a := range avs {
			end := a.End.Time(opts.Expand.Floating)
			switch {
			case !a.End.IsZero():
			case !a.Start.IsZero() && !a.Duration.IsZero():
				end = a.Duration.AddTo(a.Start.Time(opts.Expand.Floating))
			default:
				l.Add(fmt.Sprintf("availability[%d].end", i), problem.Required, "the VAVAILABILITY has no end; give ScheduleOptions.Dates.Through")
				continue
			}
			if d := availability.DateOf(end.Add(-time.Nanosecond).In(zone)); through.IsZero() || d.After(through) {
				through = d
			}
		}
		if len(avs) == 0 {
			l.Add("dates.through", problem.Required, "no VAVAILABILITY gives an end; give ScheduleOptions.Dates.Through")
		}
	}
	if err := l.Err(); err != nil {
		return availability.Schedule{}, err
	}
	days := from.DaysUntil(through) + 1
	if days <= 0 {
		return availability.Schedule{}, problem.List{{Path: "dates.through", Code: "reversed", Message: fmt.Sprintf("%s is before %s", through, from)}}
	}
	if maxDays := int(availability.MaxRange / (24 * time.Hour)); days > maxDays {
		return availability.Schedule{}, &LimitError{Limit: "days", Max: int64(maxDays), Msg: "date range too long"}
	}
	r := availability.Interval{Start: availability.At(from, availability.Midnight, zone), End: availability.At(through.AddDays(1), availability.Midnight, zone)}
	fb, err := Combine(avs, r, opts.Expand)
	if err != nil {
		return availability.Schedule{}, err
	}

	spans := make([][]availability.Span, days)
	add := func(d availability.Date, s availability.Span) {
		if i := from.DaysUntil(d); i >= 0 && i < days {
			spans[i] = append(spans[i], s)
		}
	}
	for iv := range fb.Free.All() {
		s, e := iv.Start.In(zone), iv.End.In(zone)
		if s.Second() != 0 || s.Nanosecond() != 0 {
			s = s.Truncate(time.Minute).Add(time.Minute)
		}
		e = e.Truncate(time.Minute)
		if !e.After(s) {
			continue
		}
		sd, sc := availability.DateOf(s), availability.ClockOf(s.Hour(), s.Minute())
		ed, ec := availability.DateOf(e), availability.ClockOf(e.Hour(), e.Minute())
		switch gap := sd.DaysUntil(ed); {
		case gap == 0:
			add(sd, availability.Span{Start: sc, End: ec})
		case gap == 1 && ec == availability.Midnight:
			add(sd, availability.Span{Start: sc, End: availability.EndOfDay})
		case gap == 1 && ec < sc:
			add(sd, availability.Span{Start: sc, End: ec}) // crosses midnight
		default:
			add(sd, availability.Span{Start: sc, End: availability.EndOfDay})
			for d := sd.AddDays(1); d.Before(ed); d = d.AddDays(1) {
				add(d, availability.Span{Start: availability.Midnight, End: availability.EndOfDay})
			}
			if ec > availability.Midnight {
				add(ed, availability.Span{Start: availability.Midnight, End: ec})
			}
		}
	}
	return scheduleFromDays(zone, from, spans)
}

// firstZone returns the zone of the first zoned date-time in avs, or UTC.
func firstZone(avs []Availability) *time.Location {
	for _, a := range avs {
		for _, d := range []DateTime{a.Start, a.End} {
			if d.Form == Zoned && d.Zone != nil {
				return d.Zone
			}
		}
		for _, av := range a.Available {
			if av.Start.Form == Zoned && av.Start.Zone != nil {
				return av.Start.Zone
			}
		}
	}
	return time.UTC
}

// scheduleFromDays builds a schedule effective from first for len(spans)
// dates, whose date i has the open spans spans[i]: each weekday's most
// common spans become the working hours, other dates overrides, and runs
// of closed dates closures.
func scheduleFromDays(zone *time.Location, first availability.Date, spans [][]availability.Span) (availability.Schedule, error) {
	key := func(ss []availability.Span) string {
		var b strings.Builder
		for _, s := range ss {
			fmt.Fprintf(&b, "%d-%d;", s.Start, s.End)
		}
		return b.String()
	}
	keys := make([]string, len(spans))
	var counts [7]map[string]int
	var baseline [7]string
	var baseSpans [7][]availability.Span
	for i, ss := range spans {
		slices.SortFunc(ss, func(a, b availability.Span) int { return int(a.Start - b.Start) })
		keys[i] = key(ss)
		wd := first.AddDays(i).Weekday()
		if counts[wd] == nil {
			counts[wd] = map[string]int{}
			baseline[wd], baseSpans[wd] = keys[i], ss
		}
		counts[wd][keys[i]]++
		if counts[wd][keys[i]] > counts[wd][baseline[wd]] {
			baseline[wd], baseSpans[wd] = keys[i], ss
		}
	}
	s := availability.Schedule{Zone: zone, Effective: availability.DateRange{From: first, Through: first.AddDays(len(spans) - 1)}}
	if zone == time.UTC {
		s.Zone = nil
	}
	// Each usual span becomes one window on every weekday that has it,
	// in order of its first weekday (Monday first), then of start.
	var perDay []availability.Window
	for i := range 7 {
		wd := time.Weekday((i + 1) % 7)
		for _, sp := range baseSpans[wd] {
			perDay = append(perDay, availability.Window{Days: availability.Days(wd), Start: sp.Start, End: sp.End})
		}
	}
	s.Hours = availability.GroupWindows(perDay)
	for i := 0; i < len(spans); i++ {
		d := first.AddDays(i)
		if keys[i] == baseline[d.Weekday()] {
			continue
		}
		if len(spans[i]) > 0 {
			s.Overrides = append(s.Overrides, availability.Override{Date: d, Hours: spans[i]})
			continue
		}
		j := i
		for j+1 < len(spans) && len(spans[j+1]) == 0 && keys[j+1] != baseline[first.AddDays(j+1).Weekday()] {
			j++
		}
		s.Closures = append(s.Closures, availability.Closure{From: d, Through: first.AddDays(j)})
		i = j
	}
	if len(s.Hours) > availability.MaxWindows || len(s.Overrides) > availability.MaxOverrides || len(s.Closures) > availability.MaxClosures {
		return availability.Schedule{}, fmt.Errorf("%w: the availability gives %d windows, %d overrides and %d closures", availability.ErrTooLarge, len(s.Hours), len(s.Overrides), len(s.Closures))
	}
	return s, nil
}
