package ical

import (
	"fmt"
	"iter"
	"math"
	"slices"
	"time"

	"github.com/practicekit/boundaries/availability"
)

// ExpandOptions bound the expansion of recurrences, so that an untrusted
// calendar cannot make it hang or eat memory, and say how to read local
// times. The zero ExpandOptions means the defaults.
type ExpandOptions struct {
	// MaxOccurrences caps the occurrences one expansion returns;
	// zero means DefaultMaxOccurrences.
	MaxOccurrences int
	// MaxIterations caps the work of one expansion: every period of the
	// rule, every day examined and every candidate time counts one, whether
	// or not it becomes an occurrence, so a rule that never matches
	// (BYMONTH=2;BYMONTHDAY=31) stops too. Zero means DefaultMaxIterations.
	MaxIterations int
	// MaxHorizon caps the length of the interval asked for, and how far
	// Recur.All runs past its start, for rules without COUNT or UNTIL; a
	// rule with either ends by itself and expands to its end, within
	// MaxIterations and MaxOccurrences, however far that is. Zero means
	// DefaultMaxHorizon.
	MaxHorizon time.Duration
	// Floating is the zone floating date-times and dates are read in; nil
	// means UTC.
	Floating *time.Location
	// SkipNonexistent drops generated occurrences whose local time does
	// not exist (it falls in a DST gap), as the sentence in RFC 5545
	// §3.3.10 says. By default they are kept and moved past the gap, as
	// §3.8.5.3 and §3.3.5 say and calendar software does. DTSTART itself
	// is never dropped.
	SkipNonexistent bool
	// SkipUnmatchedStart leaves DTSTART out when the rule does not
	// generate it, as python-dateutil and rrule-go do, so that code
	// ported from them gets the same occurrences; DTSTART then counts
	// towards COUNT only when the rule generates it. By default DTSTART is
	// always the first occurrence, as RFC 5545 says. A Recurrence without
	// a rule keeps its DTSTART either way.
	SkipUnmatchedStart bool
}

// The defaults of ExpandOptions.
const (
	DefaultMaxOccurrences = 10_000
	DefaultMaxIterations  = 500_000
	DefaultMaxHorizon     = availability.MaxRange
)

func (o ExpandOptions) maxOccurrences() int { return cmpOr(o.MaxOccurrences, DefaultMaxOccurrences) }
func (o ExpandOptions) maxIterations() int  { return cmpOr(o.MaxIterations, DefaultMaxIterations) }
func (o ExpandOptions) maxHorizon() time.Duration {
	if o.MaxHorizon > 0 {
		return o.MaxHorizon
	}
	return DefaultMaxHorizon
}

func cmpOr(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}

// Between returns the start of every occurrence of r that falls in
// [from, to), in order, when the first occurrence (DTSTART) is start: its
// wall clock in start.Location() gives the local date and time the rule
// repeats, and every occurrence is expressed in that location. DTSTART is
// always the first occurrence, even when it does not match the rule, as
// RFC 5545 says, unless ExpandOptions.SkipUnmatchedStart is set. Local
// times in DST gaps and overlaps are resolved as availability.At does (see
// ExpandOptions.SkipNonexistent).
//
// Rules without COUNT start at the period of from, so a window decades
// after DTSTART costs no more than one near it. The window may be longer
// than ExpandOptions.MaxHorizon only for a rule with COUNT or UNTIL.
// FREQ=SECONDLY, MINUTELY and HOURLY return an *UnsupportedError.
func (r Recur) Between(start, from, to time.Time, opts ExpandOptions) ([]time.Time, error) {
	if r.unbounded() && to.Sub(from) > opts.maxHorizon() {
		return nil, horizonError(to.Sub(from), opts)
	}
	loc := start.Location()
	e, err := newExpansion(r, DateTimeOf(start), loc, opts)
	if err != nil {
		return nil, err
	}
	out := make([]time.Time, 0, e.estimate(to.Sub(from), opts.maxOccurrences()))
	fromU, toU := from.Unix(), to.Unix()
	err = e.between(from, to, 0, func(u int64) bool {
		if u >= fromU && u < toU {
			out = append(out, time.Unix(u, 0).In(loc))
		}
		return len(out) <= opts.maxOccurrences()
	})
	if err != nil {
		return nil, err
	}
	if len(out) > opts.maxOccurrences() {
		return nil, tooMany(opts)
	}
	return sortUnique(out), nil
}

// unbounded reports whether r has neither COUNT nor UNTIL, so that only
// a horizon ends it.
func (r Recur) unbounded() bool { return r.Count == 0 && r.Until.IsZero() }

// horizonError reports a window of length d asked of a rule that only a
// horizon ends.
func horizonError(d time.Duration, opts ExpandOptions) error {
	return &LimitError{Limit: "horizon", Max: int64(opts.maxHorizon() / time.Hour),
		Msg: fmt.Sprintf("interval of %s is longer than the horizon for rules without COUNT or UNTIL", d)}
}

func tooMany(opts ExpandOptions) error {
	return &LimitError{Limit: "occurrences", Max: int64(opts.maxOccurrences()), Msg: "recurrence has too many occurrences in the interval"}
}

// sortUnique sorts instants and drops repeated ones.
func sortUnique(ts []time.Time) []time.Time {
	if !slices.IsSortedFunc(ts, time.Time.Compare) {
		slices.SortFunc(ts, time.Time.Compare)
	}
	return slices.CompactFunc(ts, time.Time.Equal)
}

// All yields the start of every occurrence of r from start (see Between),
// in the order of their local times; a time moved out of a DST gap can come
// slightly out of order. It ends after COUNT or UNTIL, even centuries on,
// or with an error once it passes MaxOccurrences or MaxIterations, or, for
// a rule with neither COUNT nor UNTIL, ExpandOptions.MaxHorizon after
// start: an infinite rule never runs forever.
func (r Recur) All(start time.Time, opts ExpandOptions) iter.Seq2[time.Time, error] {
	return func(yield func(time.Time, error) bool) {
		loc := start.Location()
		e, err := newExpansion(r, DateTimeOf(start), loc, opts)
		if err != nil {
			yield(time.Time{}, err)
			return
		}
		stop := maxDay // COUNT or UNTIL ends the rule
		if r.unbounded() {
			stop = dayNumber(availability.DateOf(start.Add(opts.maxHorizon()).In(loc)))
		}
		n := 0
		stopped := false
		exhausted, err := e.run(0, stop, func(u int64, _ localTime) bool {
			n++
			if n > opts.maxOccurrences() {
				stopped = true
				yield(time.Time{}, tooMany(opts))
				return false
			}
			if !yield(time.Unix(u, 0).In(loc), nil) {
				stopped = true
				return false
			}
			return true
		})
		switch {
		case stopped:
		case err != nil:
			yield(time.Time{}, err)
		case !exhausted:
			yield(time.Time{}, &LimitError{Limit: "horizon", Max: int64(opts.maxHorizon() / time.Hour), Msg: "recurrence without COUNT or UNTIL runs past the horizon"})
		}
	}
}

// A localTime is a wall-clock time: a day number (days since 1970-01-01)
// and seconds after that day's midnight.
type localTime struct {
	day, sec int
}

func (l localTime) wall() int64 { return int64(l.day)*86400 + int64(l.sec) }

var epoch = availability.Date{Year: 1970, Month: time.January, Day: 1}

func dayNumber(d availability.Date) int { return epoch.DaysUntil(d) }
func dateOf(n int) availability.Date    { return epoch.AddDays(n) }
func weekdayOf(n int) time.Weekday      { return time.Weekday(((n % 7) + 7 + 4) % 7) } // 1970-01-01 was a Thursday

func yearLen(y int) int {
	if availability.DaysIn(y, time.February) == 29 {
		return 366
	}
	return 365
}

// untilKind says how UNTIL bounds the occurrences.
type untilKind uint8

const (
	untilNone    untilKind = iota
	untilInstant           // UTC or zoned UNTIL: compare instants
	untilWall              // floating or date UNTIL: compare local times
)

// An expansion is one recurrence rule prepared for a start: filters as bit
// sets, the times of day, the period arithmetic. It is used by a single
// goroutine for one expansion.
type expansion struct {
	freq     Frequency
	interval int
	count    int
	setPos   []int

	hasMonth, hasWeekNo, hasYearDay, hasMonthDay, hasDay bool

	months       uint16
	mdPos, mdNeg uint32
	ydPos, ydNeg [6]uint64
	wnPos, wnNeg uint64
	weekdays     uint8 // plain BYDAY entries, bit time.Weekday
	nth          []WeekdayNum
	nthInMonth   bool
	wkst         time.Weekday
	times        []int // seconds after midnight, sorted, unique

	start     localTime
	startDate availability.Date

	until     untilKind
	untilUnix int64
	untilWall int64 // inclusive
	untilStop int   // no occurrence on a later day can pass UNTIL

	res       resolver
	skipGap   bool
	skipStart bool // DTSTART is an occurrence only when the rule makes it one

	maxIter, iter int
	emitted       int
	recent        []int64 // instants resolved near a transition, to drop duplicates
	buf           []candidate
	// cursor is where the last period ended, reused when the next period
	// starts there.
	cursor dayCursor
}

type candidate struct {
	lt     localTime
	unix   int64
	exists bool
	slow   bool
}

// newExpansion prepares r for a first occurrence at start, read in loc.
func newExpansion(r Recur, start DateTime, loc *time.Location, opts ExpandOptions) (*expansion, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if r.Freq < Daily {
		return nil, &UnsupportedError{Feature: "FREQ=" + r.Freq.String()}
	}
	if start.IsZero() || !start.Date.IsValid() {
		return nil, &SyntaxError{Column: 1, Msg: "recurrence needs a valid start"}
	}
	e := &expansion{
		freq:      r.Freq,
		interval:  r.interval(),
		count:     r.Count,
		wkst:      r.WeekStart.Weekday(),
		res:       newResolver(loc),
		skipGap:   opts.SkipNonexistent,
		skipStart: opts.SkipUnmatchedStart,
		maxIter:   opts.maxIterations(),
	}
	e.startDate = start.Date
	e.start = localTime{day: dayNumber(start.Date), sec: start.seconds()}
	dateOnly := start.Form == DateOnly

	for _, m := range r.ByMonth {
		e.months |= 1 << m
	}
	e.hasMonth = len(r.ByMonth) > 0
	for _, n := range r.ByMonthDay {
		if n > 0 {
			e.mdPos |= 1 << n
		} else {
			e.mdNeg |= 1 << -n
		}
	}
	e.hasMonthDay = len(r.ByMonthDay) > 0
	for _, n := range r.ByYearDay {
		if n > 0 {
			e.ydPos[n/64] |= 1 << (n % 64)
		} else {
			e.ydNeg[-n/64] |= 1 << (-n % 64)
		}
	}
	e.hasYearDay = len(r.ByYearDay) > 0
	for _, n := range r.ByWeekNo {
		if n > 0 {
			e.wnPos |= 1 << n
		} else {
			e.wnNeg |= 1 << -n
		}
	}
	e.hasWeekNo = len(r.ByWeekNo) > 0
	for _, w := range r.ByDay {
		if w.N == 0 {
			e.weekdays |= 1 << w.Day.Weekday()
		} else {
			e.nth = append(e.nth, w)
		}
	}
	e.hasDay = len(r.ByDay) > 0
	e.nthInMonth = r.Freq == Monthly || (r.Freq == Yearly && e.hasMonth)
	e.setPos = slices.Clone(r.BySetPos)

	// Information the rule leaves out comes from DTSTART (RFC 5545 §3.3.10).
	switch r.Freq {
	case Yearly:
		if !e.hasWeekNo && !e.hasYearDay && !e.hasMonthDay && !e.hasDay {
			if !e.hasMonth {
				e.months, e.hasMonth = 1<<start.Date.Month, true
			}
			e.mdPos, e.hasMonthDay = 1<<start.Date.Day, true
		} else if e.hasWeekNo && !e.hasYearDay && !e.hasMonthDay && !e.hasDay {
			e.weekdays, e.hasDay = 1<<start.Date.Weekday(), true
		}
	case Monthly:
		if !e.hasMonthDay && !e.hasDay {
			e.mdPos, e.hasMonthDay = 1<<start.Date.Day, true
		}
	case Weekly:
		if !e.hasDay {
			e.weekdays, e.hasDay = 1<<start.Date.Weekday(), true
		}
	}

	// Times of day: BYHOUR × BYMINUTE × BYSECOND, each defaulting to
	// DTSTART's; a DATE start has no time parts (they MUST be ignored).
	if dateOnly {
		e.times = []int{0}
	} else {
		hours := orDefault(r.ByHour, start.Hour)
		minutes := orDefault(r.ByMinute, start.Minute)
		seconds := orDefault(r.BySecond, start.Second)
		for _, h := range hours {
			for _, m := range minutes {
				for _, s := range seconds {
					e.times = append(e.times, h*3600+m*60+min(s, 59))
				}
			}
		}
		slices.Sort(e.times)
		e.times = slices.Compact(e.times)
	}

	if u := r.Until; !u.IsZero() {
		switch u.Form {
		case UTC, Zoned:
			e.until = untilInstant
			e.untilUnix = u.Time(loc).Unix()
			e.untilStop = dayNumber(availability.DateOf(time.Unix(e.untilUnix, 0).In(loc))) + 2
		case DateOnly:
			// A date bounds through the end of that local day.
			e.until = untilWall
			e.untilWall = int64(dayNumber(u.Date)+1)*86400 - 1
			e.untilStop = dayNumber(u.Date)
		default:
			e.until = untilWall
			e.untilWall = localTime{day: dayNumber(u.Date), sec: u.seconds()}.wall()
			e.untilStop = dayNumber(u.Date)
		}
	}
	return e, nil
}

func orDefault(list []int, def int) []int {
	if len(list) == 0 {
		return []int{def}
	}
	return list
}

// estimate guesses how many occurrences a window of length d holds, for
// rules simple enough to guess, to size the result once.
func (e *expansion) estimate(d time.Duration, limit int) int {
	days := int(d/(24*time.Hour)) + 1
	n := 0
	switch e.freq {
	case Daily:
		n = days / e.interval * len(e.times)
	case Weekly:
		perWeek := 0
		for w := e.weekdays; w != 0; w &= w - 1 {
			perWeek++
		}
		n = (days/(7*e.interval) + 1) * perWeek * len(e.times)
	}
	return min(n+1, limit, 4096)
}

// period returns the days [d0, d1) of the k-th period after the one
// holding DTSTART (k counts INTERVAL steps), or ok false past year 9999.
func (e *expansion) period(k int) (d0, d1 int, ok bool) {
	step := k * e.interval
	switch e.freq {
	case Daily:
		d0 = e.start.day + step
		d1 = d0 + 1
	case Weekly:
		ws := e.start.day - (int(e.startDate.Weekday())-int(e.wkst)+7)%7
		d0 = ws + 7*step
		d1 = d0 + 7
	case Monthly:
		mi := e.startDate.Year*12 + int(e.startDate.Month) - 1 + step
		y, m := mi/12, time.Month(mi%12+1)
		if y > 9999 {
			return 0, 0, false
		}
		d0 = dayNumber(availability.Date{Year: y, Month: m, Day: 1})
		d1 = d0 + availability.DaysIn(y, m)
	case Yearly:
		y := e.startDate.Year + step
		if y > 9999 {
			return 0, 0, false
		}
		d0 = dayNumber(availability.Date{Year: y, Month: time.January, Day: 1})
		d1 = d0 + yearLen(y)
	}
	if d0 > maxDay {
		return 0, 0, false
	}
	return d0, d1, true
}

// maxDay is the day number of 9999-12-31.
var maxDay = dayNumber(availability.Date{Year: 9999, Month: time.December, Day: 31})

// firstPeriod returns the index of the first period that can hold an
// occurrence on or after local day d; it is 0 for rules with COUNT, which
// must count from DTSTART.
func (e *expansion) firstPeriod(d int) int {
	if e.count > 0 || d <= e.start.day {
		return 0
	}
	var k int
	switch e.freq {
	case Daily:
		k = (d - e.start.day) / e.interval
	case Weekly:
		ws := e.start.day - (int(e.startDate.Weekday())-int(e.wkst)+7)%7
		k = (d - ws) / (7 * e.interval)
	case Monthly:
		t := dateOf(d)
		k = ((t.Year*12 + int(t.Month)) - (e.startDate.Year*12 + int(e.startDate.Month))) / e.interval
	case Yearly:
		k = (dateOf(d).Year - e.startDate.Year) / e.interval
	}
	return max(k, 0)
}

// between runs the expansion for occurrences that may start in [from, to)
// or, when lead is positive, earlier by up to lead. It yields Unix seconds.
func (e *expansion) between(from, to time.Time, lead time.Duration, yield func(int64) bool) error {
	loc := e.res.loc
	first := dayNumber(availability.DateOf(from.Add(-lead).In(loc))) - 2
	stop := dayNumber(availability.DateOf(to.In(loc))) + 2
	_, err := e.run(e.firstPeriod(first), stop, func(u int64, _ localTime) bool { return yield(u) })
	return err
}

// run yields DTSTART, then the occurrences of periods from the first-th,
// until COUNT, UNTIL, year 9999, or a period that starts after local day
// stop. It reports whether the rule was exhausted (rather than stopped),
// and an error when MaxIterations is passed.
func (e *expansion) run(first, stop int, yield func(int64, localTime) bool) (exhausted bool, err error) {
	e.emitted, e.iter, e.cursor = 0, 0, dayCursor{}
	if !e.skipStart {
		// DTSTART is always the first occurrence; it is never dropped.
		u, _, _ := e.res.resolve(e.start)
		e.emitted = 1
		if !yield(u, e.start) {
			return false, nil
		}
		if e.count == 1 {
			return true, nil
		}
	}
	for k := first; ; k++ {
		d0, d1, ok := e.period(k)
		if !ok {
			return true, nil
		}
		if d0 > stop {
			return false, nil
		}
		if e.until != untilNone && d0 > e.untilStop {
			return true, nil
		}
		if e.iter++; e.iter > e.maxIter {
			return false, e.iterError()
		}
		done, err := e.expandPeriod(d0, d1, yield)
		if err != nil || done {
			return done, err
		}
	}
}

func (e *expansion) iterError() error {
	return &LimitError{Limit: "iterations", Max: int64(e.maxIter), Msg: "recurrence needs too much work"}
}

// expandPeriod generates the candidates of one period in order and emits
// them; done reports that COUNT or UNTIL ended the rule or yield stopped.
func (e *expansion) expandPeriod(d0, d1 int, yield func(int64, localTime) bool) (done bool, err error) {
	c := e.cursor
	if c.day != d0 || c.ml == 0 || (e.hasWeekNo && c.yd == 1) {
		c = e.newDayCursor(d0)
	}
	defer func() { e.cursor = c }()
	gather := len(e.setPos) > 0
	e.buf = e.buf[:0]
	for c.day < d1 {
		if e.iter++; e.iter > e.maxIter {
			return false, e.iterError()
		}
		if e.matchDay(&c) {
			if e.iter += len(e.times); e.iter > e.maxIter {
				return false, e.iterError()
			}
			for _, s := range e.times {
				lt := localTime{day: c.day, sec: s}
				if gather {
					cand := e.resolveCandidate(lt)
					if cand.exists || !e.skipGap {
						e.buf = append(e.buf, cand)
					}
					continue
				}
				if done := e.emit(e.resolveCandidate(lt), yield); done {
					return true, nil
				}
			}
		}
		c.next()
	}
	if !gather {
		return false, nil
	}
	n := len(e.buf)
	var picks []int
	for _, p := range e.setPos {
		i := p - 1
		if p < 0 {
			i = n + p
		}
		if i >= 0 && i < n {
			picks = append(picks, i)
		}
	}
	slices.Sort(picks)
	for _, i := range slices.Compact(picks) {
		if done := e.emit(e.buf[i], yield); done {
			return true, nil
		}
	}
	return false, nil
}

func (e *expansion) resolveCandidate(lt localTime) candidate {
	u, exists, slow := e.res.resolve(lt)
	return candidate{lt: lt, unix: u, exists: exists, slow: slow}
}

// emit applies DTSTART, the gap policy, UNTIL, duplicates and COUNT to one
// candidate and yields it; it reports whether the expansion is done.
func (e *expansion) emit(c candidate, yield func(int64, localTime) bool) bool {
	w := c.lt.wall()
	if w < e.start.wall() || w == e.start.wall() && !e.skipStart {
		return false // before DTSTART, or DTSTART itself, already yielded
	}
	if !c.exists && e.skipGap {
		return false
	}
	switch e.until {
	case untilInstant:
		if c.unix > e.untilUnix {
			return false // later days stop at untilStop
		}
	case untilWall:
		if w > e.untilWall {
			return true
		}
	}
	if c.slow {
		if slices.Contains(e.recent, c.unix) {
			return false
		}
		e.recent = append(e.recent, c.unix)
	} else if len(e.recent) > 0 {
		e.recent = e.recent[:0]
	}
	e.emitted++
	if !yield(c.unix, c.lt) {
		return true
	}
	return e.count > 0 && e.emitted >= e.count
}

// A dayCursor walks the days of a period with their calendar fields.
type dayCursor struct {
	day    int
	y      int
	m      time.Month
	md, ml int // day of month, length of month
	yd, yl int // day of year, length of year
	wd     time.Weekday
	// week-numbering year starts around y, for BYWEEKNO
	ws [4]int
}

func (e *expansion) newDayCursor(d int) dayCursor {
	t := dateOf(d)
	c := dayCursor{day: d, y: t.Year, m: t.Month, md: t.Day, ml: availability.DaysIn(t.Year, t.Month), yl: yearLen(t.Year), wd: weekdayOf(d)}
	c.yd = d - dayNumber(availability.Date{Year: t.Year, Month: time.January, Day: 1}) + 1
	if e.hasWeekNo {
		for i := range c.ws {
			c.ws[i] = e.week1Start(t.Year - 1 + i)
		}
	}
	return c
}

func (c *dayCursor) next() {
	c.day++
	c.md++
	c.yd++
	c.wd = (c.wd + 1) % 7
	if c.md > c.ml {
		c.md = 1
		c.m++
		if c.m > time.December {
			c.m = time.January
			c.y++
			c.yd = 1
			c.yl = yearLen(c.y)
		}
		c.ml = availability.DaysIn(c.y, c.m)
	}
}

// week1Start returns the day number of the first day of week 1 of year y:
// the week starting on WKST that has at least four days in y, so the one
// holding January 4 (RFC 5545 BYWEEKNO, ISO 8601 generalized to WKST).
func (e *expansion) week1Start(y int) int {
	jan4 := dayNumber(availability.Date{Year: y, Month: time.January, Day: 4})
	return jan4 - (int(weekdayOf(jan4))-int(e.wkst)+7)%7
}

// matchDay reports whether the cursor's day passes every BYxxx day filter
// (those that expand at the rule's frequency select days from the whole
// period; those that limit remove days, which comes to the same test).
func (e *expansion) matchDay(c *dayCursor) bool {
	if e.hasMonth && e.months&(1<<c.m) == 0 {
		return false
	}
	if e.hasWeekNo && !e.matchWeekNo(c) {
		return false
	}
	if e.hasYearDay {
		neg := c.yl - c.yd + 1
		if e.ydPos[c.yd/64]&(1<<(c.yd%64)) == 0 && e.ydNeg[neg/64]&(1<<(neg%64)) == 0 {
			return false
		}
	}
	if e.hasMonthDay {
		neg := c.ml - c.md + 1
		if e.mdPos&(1<<c.md) == 0 && e.mdNeg&(1<<neg) == 0 {
			return false
		}
	}
	if e.hasDay && !e.matchWeekday(c) {
		return false
	}
	return true
}

func (e *expansion) matchWeekNo(c *dayCursor) bool {
	var no, total int
	switch {
	case c.day >= c.ws[2]:
		no, total = (c.day-c.ws[2])/7+1, (c.ws[3]-c.ws[2])/7
	case c.day >= c.ws[1]:
		no, total = (c.day-c.ws[1])/7+1, (c.ws[2]-c.ws[1])/7
	default:
		no, total = (c.day-c.ws[0])/7+1, (c.ws[1]-c.ws[0])/7
	}
	return e.wnPos&(1<<no) != 0 || e.wnNeg&(1<<(total-no+1)) != 0
}

func (e *expansion) matchWeekday(c *dayCursor) bool {
	if e.weekdays&(1<<c.wd) != 0 {
		return true
	}
	for _, w := range e.nth {
		if w.Day.Weekday() != c.wd {
			continue
		}
		pos, length := c.yd, c.yl
		if e.nthInMonth {
			pos, length = c.md, c.ml
		}
		if w.N == (pos-1)/7+1 || w.N == -((length-pos)/7+1) {
			return true
		}
	}
	return false
}

// resolveMargin is larger than any difference between two UTC offsets a
// zone has used, so a wall time whose reading lies this far inside one
// zone period has no other reading.
const resolveMargin = 30 * 3600

// A resolver turns local times into instants in one zone. Local times far
// from a transition are read with the remembered offset; the others go to
// availability.At, which applies the RFC 5545 DST rule. It belongs to one
// expansion and is never shared.
type resolver struct {
	loc        *time.Location
	start, end int64 // the remembered zone period, Unix seconds
	offset     int64
	ok         bool
}

func newResolver(loc *time.Location) resolver {
	if loc == time.UTC {
		return resolver{loc: loc, start: math.MinInt64, end: math.MaxInt64, ok: true}
	}
	return resolver{loc: loc}
}

// resolve returns the instant of lt, whether lt exists (is not in a gap),
// and whether it was near a transition.
func (z *resolver) resolve(lt localTime) (unix int64, exists, slow bool) {
	w := lt.wall()
	if z.ok {
		if c := w - z.offset; c-resolveMargin >= z.start && c+resolveMargin < z.end {
			return c, true, false
		}
	}
	t := availability.At(dateOf(lt.day), availability.ClockOf(lt.sec/3600, lt.sec%3600/60), z.loc).
		Add(time.Duration(lt.sec%60) * time.Second)
	_, off := t.Zone()
	unix = t.Unix()
	s, e := t.ZoneBounds()
	z.start, z.end, z.offset, z.ok = math.MinInt64, math.MaxInt64, int64(off), true
	if !s.IsZero() {
		z.start = s.Unix()
	}
	if !e.IsZero() {
		z.end = e.Unix()
	}
	return unix, unix+int64(off) == w, true
}
