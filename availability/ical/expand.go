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
	// MaxIterations caps the work of one call: every period of a rule,
	// every day examined and every candidate time counts one, whether or
	// not it becomes an occurrence, so a rule that never matches
	// (BYMONTH=2;BYMONTHDAY=31) stops too; every event, component, RDATE
	// and EXDATE counts too, and a look-up of a zone transition more. The
	// calls that read a whole calendar (Calendar.Busy, Combine,
	// ToSchedule) count the work of all its recurrences together, so a
	// calendar of a thousand costly events stops where one would. Zero
	// means DefaultMaxIterations.
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
	DefaultMaxIterations  = 2_000_000
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
	work := newBudget(opts)
	e, err := newExpansion(r, DateTimeOf(start), loc, opts, &work)
	if err != nil {
		return nil, err
	}
	out := make([]time.Time, 0, e.estimate(to.Sub(from), opts.maxOccurrences()))
	fromU, toU := from.Unix(), to.Unix()
	last, ordered := int64(math.MinInt64), true
	err = e.between(from, to, 0, func(u int64) bool {
		if u >= fromU && u < toU {
			out = append(out, time.Unix(u, 0).In(loc))
			ordered = ordered && u > last
			last = u
		}
		return len(out) <= opts.maxOccurrences()
	})
	if err != nil {
		return nil, err
	}
	if len(out) > opts.maxOccurrences() {
		return nil, tooMany(opts)
	}
	if !ordered { // a time moved out of a DST gap came late
		out = sortUnique(out)
	}
	return out, nil
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
		work := newBudget(opts)
		e, err := newExpansion(r, DateTimeOf(start), loc, opts, &work)
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
		exhausted, err := e.run(0, stop, func(u int64) bool {
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
	// posPicks are the positive BYSETPOS values, negPicks the negative
	// ones without their sign, each sorted and unique.
	posPicks, negPicks []int

	hasMonth, hasWeekNo, hasYearDay, hasMonthDay, hasDay bool

	months       uint16
	mdPos, mdNeg uint32
	ydPos, ydNeg [6]uint64
	wnPos, wnNeg uint64
	weekdays     uint8 // plain BYDAY entries, bit time.Weekday
	// nthPos and nthNeg are the BYDAY entries with an ordinal, by
	// time.Weekday: bit n of nthPos[d] is "nD", of nthNeg[d] "-nD".
	nthPos, nthNeg [7]uint64
	nthInMonth     bool
	wkst           time.Weekday
	// The times of day, seconds after midnight, sorted and unique: the
	// first ntimes of few, or all of many when there are more.
	few    [4]int
	ntimes int
	many   []int

	start     localTime
	startDate availability.Date
	weekStart int // the first day of DTSTART's week, which starts on WKST

	until     untilKind
	untilUnix int64
	untilWall int64 // inclusive
	untilStop int   // no occurrence on a later day can pass UNTIL

	res       resolver
	skipGap   bool
	skipStart bool // DTSTART is an occurrence only when the rule makes it one

	work    *budget
	emitted int
	// moved are the instants of the times moved out of the current DST gap
	// so far, in order: a later time that lands on one is not repeated.
	moved []int64
	// For BYSETPOS, a period's candidates are not kept: head holds the
	// first maxPos (the largest positive position), ring the last maxNeg
	// (the largest negative one), candidate i at i%maxNeg, and n counts
	// them all. Both grow only as candidates come.
	head, ring     []candidate
	maxPos, maxNeg int
	n              int
	picks          []int
	// cursor is where the last period ended, reused when the next period
	// starts there.
	cursor dayCursor
	// onlyWeekdays says that plain BYDAY entries are the only day filter;
	// then toWeekday[d] is how many days from weekday d to the next
	// selected one (0 when d is selected).
	onlyWeekdays bool
	toWeekday    [7]int
}

// A candidate is a generated local time, and once resolved its instant,
// whether it exists (is not in a DST gap) and whether it is near a
// transition.
type candidate struct {
	lt                     localTime
	unix                   int64
	resolved, exists, near bool
}

// A budget is the work an expansion may still do, in the units of
// ExpandOptions.MaxIterations.
type budget struct {
	left, max int
}

// newBudget returns the budget of one call.
func newBudget(opts ExpandOptions) budget {
	n := opts.maxIterations()
	return budget{left: n, max: n}
}

// spend takes n units and reports an error once the budget is spent.
func (b *budget) spend(n int) error {
	if b.left -= n; b.left < 0 {
		return b.err()
	}
	return nil
}

func (b *budget) err() error {
	return &LimitError{Limit: "iterations", Max: int64(b.max), Msg: "recurrence needs too much work"}
}

// Work that is not one step of a walk, in the units of MaxIterations (a
// step costs about 10 ns): preparing a rule for expansion (besides one
// unit for each time of day its BYHOUR, BYMINUTE and BYSECOND give), a
// look-up in the zone's transitions, reading one event or component, one
// RDATE or EXDATE.
const (
	expansionCost = 100
	zoneCost      = 20
	eventCost     = 10
	dateCost      = 5
)

// newExpansion prepares r for a first occurrence at start, read in loc,
// to spend at most what is left of work. It returns the expansion as a
// value, which the caller keeps on its stack when it can, so that
// preparing one costs no allocation.
func newExpansion(r Recur, start DateTime, loc *time.Location, opts ExpandOptions, work *budget) (expansion, error) {
	if err := r.Validate(); err != nil {
		return expansion{}, err
	}
	if r.Freq < Daily {
		return expansion{}, &UnsupportedError{Feature: "FREQ=" + r.Freq.String()}
	}
	if start.IsZero() || !start.Date.IsValid() {
		return expansion{}, &SyntaxError{Column: 1, Msg: "recurrence needs a valid start"}
	}
	e := expansion{
		freq:      r.Freq,
		interval:  r.interval(),
		count:     r.Count,
		wkst:      r.WeekStart.Weekday(),
		res:       newResolver(loc),
		skipGap:   opts.SkipNonexistent,
		skipStart: opts.SkipUnmatchedStart,
		work:      work,
	}
	e.res.work = e.work
	e.startDate = start.Date
	e.start = localTime{day: dayNumber(start.Date), sec: start.seconds()}
	e.weekStart = e.start.day - (int(weekdayOf(e.start.day))-int(e.wkst)+7)%7
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
		switch d := w.Day.Weekday(); {
		case w.N == 0:
			e.weekdays |= 1 << d
		case w.N > 0:
			e.nthPos[d] |= 1 << w.N
		default:
			e.nthNeg[d] |= 1 << -w.N
		}
	}
	e.hasDay = len(r.ByDay) > 0
	e.nthInMonth = r.Freq == Monthly || (r.Freq == Yearly && e.hasMonth)
	for _, p := range r.BySetPos {
		if p > 0 {
			e.posPicks = append(e.posPicks, p)
		} else {
			e.negPicks = append(e.negPicks, -p)
		}
	}
	e.posPicks, e.negPicks = sortedSet(e.posPicks), sortedSet(e.negPicks)
	if len(e.posPicks) > 0 {
		e.maxPos = e.posPicks[len(e.posPicks)-1]
	}
	if len(e.negPicks) > 0 {
		e.maxNeg = e.negPicks[len(e.negPicks)-1]
	}

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
	e.onlyWeekdays = e.weekdays != 0 && !e.hasMonth && !e.hasWeekNo && !e.hasYearDay && !e.hasMonthDay &&
		e.nthPos == [7]uint64{} && e.nthNeg == [7]uint64{}
	for d := range 7 {
		for e.weekdays&(1<<((d+e.toWeekday[d])%7)) == 0 && e.toWeekday[d] < 7 {
			e.toWeekday[d]++
		}
	}

	// Each list is made a set first: repeated values must not multiply
	// (400 zeros in each would make 64 million times of day). A leap
	// second, 60, is read as 59.
	if dateOnly {
		e.ntimes = 1
	} else {
		hours := sortedSet(orDefault(r.ByHour, start.Hour))
		minutes := sortedSet(orDefault(r.ByMinute, start.Minute))
		seconds := orDefault(r.BySecond, start.Second)
		for i, s := range seconds {
			seconds[i] = min(s, 59)
		}
		seconds = sortedSet(seconds)
		if err := e.work.spend(expansionCost + len(hours)*len(minutes)*len(seconds)); err != nil {
			return expansion{}, err
		}
		var times []int
		if n := len(hours) * len(minutes) * len(seconds); n > len(e.few) {
			times = make([]int, 0, n)
		} else {
			times = make([]int, 0, len(e.few)) // on the stack
		}
		for _, h := range hours {
			for _, m := range minutes {
				for _, s := range seconds {
					times = append(times, h*3600+m*60+s)
				}
			}
		}
		if len(times) > len(e.few) {
			e.many = times
		} else {
			e.ntimes = copy(e.few[:], times)
		}
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

// orDefault returns a copy of list, or def alone when list is empty.
func orDefault(list []int, def int) []int {
	if len(list) == 0 {
		return []int{def}
	}
	return slices.Clone(list)
}

// sortedSet sorts list in place and drops repeated values.
func sortedSet(list []int) []int {
	slices.Sort(list)
	return slices.Compact(list)
}

// timesOfDay returns the times of day the rule gives, in seconds after
// midnight, sorted and unique.
func (e *expansion) timesOfDay() []int {
	if e.many != nil {
		return e.many
	}
	return e.few[:e.ntimes]
}

// estimate guesses how many occurrences a window of length d holds, for
// rules simple enough to guess, to size the result once.
func (e *expansion) estimate(d time.Duration, limit int) int {
	days := int(d/(24*time.Hour)) + 1
	n := 0
	switch e.freq {
	case Daily:
		n = days / e.interval * len(e.timesOfDay())
	case Weekly:
		perWeek := 0
		for w := e.weekdays; w != 0; w &= w - 1 {
			perWeek++
		}
		n = (days/(7*e.interval) + 1) * perWeek * len(e.timesOfDay())
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
		d0 = e.weekStart + 7*step
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
		k = (d - e.weekStart) / (7 * e.interval)
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
	_, err := e.run(e.firstPeriod(first), stop, yield)
	return err
}

// run yields DTSTART, then the occurrences of periods from the first-th,
// until COUNT, UNTIL, year 9999, or a period that starts after local day
// stop. It reports whether the rule was exhausted (rather than stopped),
// and an error when the work budget is spent.
func (e *expansion) run(first, stop int, yield func(int64) bool) (exhausted bool, err error) {
	e.emitted, e.cursor, e.moved = 0, dayCursor{}, e.moved[:0]
	if !e.skipStart {
		// DTSTART is always the first occurrence; it is never dropped.
		c := e.resolveCandidate(e.start)
		if !c.exists {
			e.moved = append(e.moved, c.unix)
		}
		e.emitted = 1
		if !yield(c.unix) {
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
		if err := e.work.spend(1); err != nil {
			return false, err
		}
		done, err := e.expandPeriod(d0, d1, yield)
		if err != nil || done {
			return done, err
		}
	}
}

// expandPeriod generates the candidates of one period in order and emits
// them; done reports that COUNT or UNTIL ended the rule or yield stopped.
// With BYSETPOS it keeps only the candidates a position can pick, so its
// memory does not grow with the period.
func (e *expansion) expandPeriod(d0, d1 int, yield func(int64) bool) (done bool, err error) {
	gather := len(e.posPicks)+len(e.negPicks) > 0
	e.head, e.ring, e.n = e.head[:0], e.ring[:0], 0
	if e.onlyWeekdays {
		// Only plain BYDAY entries select days: step from one selected
		// weekday to the next, without walking the days between.
		// wd is day's weekday, kept as day moves on.
		wd := int(weekdayOf(d0))
		day := d0 + e.toWeekday[wd]
		wd = (wd + e.toWeekday[wd]) % 7
		for day < d1 {
			if e.work.left--; e.work.left < 0 {
				return false, e.work.err()
			}
			if done, err := e.expandDay(day, gather, yield); done || err != nil {
				return done, err
			}
			next := wd + 1
			if next == 7 {
				next = 0
			}
			day += 1 + e.toWeekday[next]
			if wd = next + e.toWeekday[next]; wd >= 7 {
				wd -= 7
			}
		}
	} else {
		c := e.cursor
		if c.day != d0 || c.ml == 0 || (e.hasWeekNo && c.yd == 1) {
			c = e.newDayCursor(d0)
		}
		for ; c.day < d1; c.next() {
			if e.work.left--; e.work.left < 0 {
				return false, e.work.err()
			}
			if e.matchDay(&c) {
				if done, err := e.expandDay(c.day, gather, yield); done || err != nil {
					return done, err
				}
			}
		}
		e.cursor = c
	}
	if !gather {
		return false, nil
	}
	return e.emitPicks(yield), nil
}

// expandDay generates the candidates of one day that the day filters
// selected, and emits them or, with BYSETPOS, collects them.
func (e *expansion) expandDay(day int, gather bool, yield func(int64) bool) (done bool, err error) {
	times := e.timesOfDay()
	if e.work.left -= len(times); e.work.left < 0 {
		return false, e.work.err()
	}
	if gather {
		for _, s := range times {
			e.collect(localTime{day: day, sec: s})
		}
		return false, nil
	}
	start := e.start.wall()
	for _, s := range times {
		// Most times are after DTSTART and far from a zone transition,
		// with no moved time to compare with: emit them without the
		// checks emit makes.
		w := int64(day)*86400 + int64(s)
		if u, ok := e.res.far(w); ok && w > start && len(e.moved) == 0 {
			switch e.until {
			case untilInstant:
				if u > e.untilUnix {
					continue
				}
			case untilWall:
				if w > e.untilWall {
					return true, nil
				}
			}
			e.emitted++
			if !yield(u) || e.count > 0 && e.emitted >= e.count {
				return true, nil
			}
			continue
		}
		if done := e.emit(e.resolveCandidate(localTime{day: day, sec: s}), yield); done {
			return true, nil
		}
	}
	return false, nil
}

// collect keeps a candidate of a BYSETPOS period where a position can pick
// it. Only candidates that count are counted: with SkipNonexistent, times
// in a DST gap do not.
func (e *expansion) collect(lt localTime) {
	cand := candidate{lt: lt}
	if e.skipGap {
		if cand = e.resolveCandidate(lt); !cand.exists {
			return
		}
	}
	if len(e.head) < e.maxPos {
		e.head = append(e.head, cand)
	}
	switch {
	case len(e.ring) < e.maxNeg:
		e.ring = append(e.ring, cand)
	case e.maxNeg > 0:
		e.ring[e.n%e.maxNeg] = cand
	}
	e.n++
}

// emitPicks emits the candidates BYSETPOS picks from the period just
// collected, in order; it reports whether the expansion is done.
func (e *expansion) emitPicks(yield func(int64) bool) bool {
	e.picks = e.picks[:0]
	for _, p := range e.posPicks {
		if p <= e.n {
			e.picks = append(e.picks, p-1)
		}
	}
	for _, p := range e.negPicks {
		if p <= e.n {
			e.picks = append(e.picks, e.n-p)
		}
	}
	e.picks = sortedSet(e.picks)
	for _, i := range e.picks {
		var cand candidate
		if i < len(e.head) {
			cand = e.head[i]
		} else {
			cand = e.ring[i%e.maxNeg]
		}
		if !cand.resolved {
			cand = e.resolveCandidate(cand.lt)
		}
		if e.emit(cand, yield) {
			return true
		}
	}
	return false
}

func (e *expansion) resolveCandidate(lt localTime) candidate {
	u, exists, near := e.res.resolve(lt)
	return candidate{lt: lt, unix: u, resolved: true, exists: exists, near: near}
}

// emit applies DTSTART, the gap policy, UNTIL, duplicates and COUNT to one
// candidate and yields it; it reports whether the expansion is done.
func (e *expansion) emit(c candidate, yield func(int64) bool) bool {
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
	// A time in a gap is moved forward by the gap's length onto the
	// instant of a later time, which then counts only once. The moved
	// instants of one gap come in order.
	switch {
	case !c.exists:
		if n := len(e.moved); n > 0 && e.moved[n-1] >= c.unix {
			e.moved = e.moved[:0]
		}
		e.moved = append(e.moved, c.unix)
	case len(e.moved) == 0:
	case !c.near:
		e.moved = e.moved[:0]
	default:
		if _, found := slices.BinarySearch(e.moved, c.unix); found {
			return false
		}
	}
	e.emitted++
	if !yield(c.unix) {
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
	pos, neg := e.nthPos[c.wd], e.nthNeg[c.wd]
	if pos|neg == 0 {
		return false
	}
	at, length := c.yd, c.yl
	if e.nthInMonth {
		at, length = c.md, c.ml
	}
	return pos&(1<<((at-1)/7+1)) != 0 || neg&(1<<((length-at)/7+1)) != 0
}

// resolveMargin is larger than any difference between two UTC offsets a
// zone has used, so a wall time whose reading lies this far inside one
// zone period has no other reading.
const resolveMargin = 30 * 3600

// A resolver turns local times into instants in one zone, with the rule
// availability.At applies (RFC 5545 §3.3.5): the earliest instant that
// shows the local time, or in a DST gap the reading with the offset before
// the gap. It remembers the two zone periods around one transition, so
// that local times near a transition cost as little as the others; the
// time package is asked only when a local time lies outside them. It
// belongs to one expansion and is never shared.
type resolver struct {
	loc *time.Location
	// The periods [lo, mid) with UTC offset before and [mid, hi) with
	// offset after, in Unix seconds; ok is false until they are known.
	lo, mid, hi   int64
	before, after int64
	ok            bool
	work          *budget // charged for each look-up in the time package
}

func newResolver(loc *time.Location) resolver {
	if loc == time.UTC {
		return resolver{loc: loc, lo: math.MinInt64, mid: math.MaxInt64, hi: math.MaxInt64, ok: true}
	}
	return resolver{loc: loc}
}

// resolve returns the instant of lt, whether lt exists (is not in a gap),
// and whether it is near a transition.
func (z *resolver) resolve(lt localTime) (unix int64, exists, near bool) {
	w := lt.wall()
	if !z.covers(w) {
		z.learn(w)
		if !z.covers(w) {
			return z.resolveSlow(lt)
		}
	}
	c1, c2 := w-z.before, w-z.after
	switch {
	case c1+resolveMargin < z.mid:
		return c1, true, false // well before the transition
	case c2-resolveMargin >= z.mid:
		return c2, true, false // well after it
	case c1 < z.mid:
		return c1, true, true // the first reading, before the transition
	case c2 >= z.mid:
		return c2, true, true
	}
	return c1, false, true // in the gap: the offset before it
}

// far returns the instant of wall time w when w is far from the
// remembered transition, where it has one reading; ok is false otherwise,
// and resolve must decide.
func (z *resolver) far(w int64) (unix int64, ok bool) {
	if !z.covers(w) {
		return 0, false
	}
	if c := w - z.before; c+resolveMargin < z.mid {
		return c, true
	}
	if c := w - z.after; c-resolveMargin >= z.mid {
		return c, true
	}
	return 0, false
}

// covers reports whether every reading of wall time w lies in the two
// remembered periods, so that no other period can hold one.
func (z *resolver) covers(w int64) bool {
	return z.ok && w-z.before-resolveMargin >= z.lo && w-z.after+resolveMargin < z.hi
}

// learn remembers the transition nearest to wall time w and the periods
// on either side of it.
func (z *resolver) learn(w int64) {
	z.charge()
	_, off := time.Unix(w, 0).In(z.loc).Zone()
	u := w - int64(off)
	s, e, o := zonePeriod(z.loc, u)
	switch {
	case s == math.MinInt64 && e == math.MaxInt64:
		z.lo, z.mid, z.hi, z.before, z.after = s, e, e, o, o
	case e != math.MaxInt64 && (s == math.MinInt64 || e-u <= u-s):
		ns, ne, no := zonePeriod(z.loc, e)
		z.lo, z.mid, z.hi, z.before, z.after = s, ns, ne, o, no
	default:
		ps, pe, po := zonePeriod(z.loc, s-1)
		z.lo, z.mid, z.hi, z.before, z.after = ps, pe, e, po, o
	}
	z.ok = true
}

// charge counts a look-up in the time package against the budget, when
// there is one.
func (z *resolver) charge() {
	if z.work != nil {
		z.work.left -= zoneCost
	}
}

// zonePeriod returns the zone period of loc that holds Unix second u, and
// its UTC offset; math.MinInt64 and math.MaxInt64 stand for no bound.
func zonePeriod(loc *time.Location, u int64) (start, end, offset int64) {
	t := time.Unix(u, 0).In(loc)
	_, off := t.Zone()
	s, e := t.ZoneBounds()
	start, end = math.MinInt64, math.MaxInt64
	if !s.IsZero() {
		start = s.Unix()
	}
	if !e.IsZero() {
		end = e.Unix()
	}
	return start, end, int64(off)
}

// resolveSlow resolves lt with availability.At, for local times near two
// transitions at once.
func (z *resolver) resolveSlow(lt localTime) (unix int64, exists, near bool) {
	z.charge()
	t := availability.At(dateOf(lt.day), availability.ClockOf(lt.sec/3600, lt.sec%3600/60), z.loc).
		Add(time.Duration(lt.sec%60) * time.Second)
	_, off := t.Zone()
	unix = t.Unix()
	return unix, unix+int64(off) == lt.wall(), true
}
