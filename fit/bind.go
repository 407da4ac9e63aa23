package fit

import (
	"errors"
	"math"
	"math/bits"
	"slices"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
)

// checkProvider reports the provider's problems: its schedule's, under
// "provider.schedule", a week that is not a date, a base that is not a
// place, and distance rules while it has no base.
func checkProvider(s *Screening, p *Provider, l *problem.List) {
	if err := p.Schedule.Validate(); err != nil {
		var pl problem.List
		if errors.As(err, &pl) {
			*l = append(*l, pl.Under("provider.schedule")...)
		} else {
			l.Add("provider.schedule", problem.Invalid, "%v", err)
		}
	}
	if p.Week != nil && !p.Week.IsZero() && !p.Week.IsValid() {
		l.Add("provider.week", problem.Invalid, "the week's first date %s is not a valid date", p.Week)
	}
	if p.Base != nil && !p.Base.IsValid() {
		l.Add("provider.base", problem.Invalid, "the base %s is not a place on Earth", p.Base)
	}
	for i := range s.Rules {
		if s.Rules[i].Distance != nil && p.Base == nil {
			l.Add(problem.Join(problem.Index("rules", i), "distance"), problem.Required, "a distance rule needs the provider's base")
		}
	}
}

// bindProvider binds a provider checkProvider found no problem with: its
// base, and the weekly times Overlap rules read: the usual week of its
// schedule, or its open time in the week from Provider.Week, folded onto
// the wall clock of its zone.
func (ev *Evaluator) bindProvider(p *Provider) error {
	if p.Base != nil {
		ev.base, ev.hasBase = *p.Base, true
	}
	if p.Week == nil || p.Week.IsZero() {
		ev.open = p.Schedule.Week()
		ev.openBits = weekBitsOf(ev.open)
		return nil
	}
	zone := p.Schedule.Zone
	if zone == nil {
		zone = time.UTC
	}
	week := availability.Interval{Start: availability.At(*p.Week, availability.Midnight, zone), End: availability.At(p.Week.AddDays(7), availability.Midnight, zone)}
	open, err := p.Schedule.Open(week)
	if err != nil {
		return problem.List{{Path: "provider.schedule", Code: problem.Invalid, Message: err.Error(), Err: err}}
	}
	ev.open = availability.WeekIn(open, zone)
	ev.openBits = weekBitsOf(ev.open)
	return nil
}

// slotState says whether a question has an answer.
type slotState uint8

const (
	slotEmpty   slotState = iota // no answer
	slotSet                      // a valid answer
	slotInvalid                  // an answer that did not validate
)

// A slot is one bound answer, in the form evaluation compares. It holds
// no pointers, so that a sheet's slots cost the collector nothing; the
// text of a text answer is kept beside them (AnswerSheet.texts).
type slot struct {
	state  slotState
	remote bool    // location: "remote"
	num    float64 // yes/no as 1 or 0, number, scale, unease, date in days, option scores, km from base, hours of overlap
	mask   uint64  // choice: the chosen options' bits
}

// bind converts v into a slot for question i, and the text of a text
// answer, trimmed and case-folded, adding problems to l at path.
func (ev *Evaluator) bind(i int32, v Value, path string, l *problem.List) (slot, string) {
	if v.IsZero() {
		return slot{}, ""
	}
	q := &ev.qs[i]
	s := slot{state: slotSet}
	wrong := func(want string) (slot, string) {
		l.Add(path, problem.Mismatch, "a %s question takes %s, not %s", q.typ, want, v.shape())
		return slot{}, ""
	}
	inRange := func(f float64) bool {
		if !finite(f) {
			l.Add(path, problem.Invalid, "%v is not a finite number", f)
			return false
		}
		if q.whole && f != math.Trunc(f) {
			l.Add(path, problem.OutOfRange, "%v is not a whole number", f)
			return false
		}
		if q.hasRange && !q.rng.Contains(f) {
			l.Add(path, problem.OutOfRange, "%v is outside %v–%v", f, q.rng.Min, q.rng.Max)
			return false
		}
		return true
	}
	switch q.typ {
	case TypeYesNo:
		if v.kind != valueBool {
			return wrong("true or false")
		}
		s.num = boolNum(v.b)
	case TypeSingleChoice:
		if v.kind != valueText {
			return wrong("an option code")
		}
		bit := slices.Index(q.codes, v.text)
		switch {
		case bit < 0 && q.open:
			if !ev.otherText(v.text, path, l) {
				return slot{}, ""
			}
			return s, ""
		case bit < 0:
			l.Add(path, problem.Unknown, "question %s has no option %s", prose.Quote(q.id), prose.Quote(v.text))
			return slot{}, ""
		}
		s.mask, s.num = 1<<bit, q.scores[bit]
	case TypeMultipleChoice:
		if v.kind != valueTexts {
			return wrong("a list of option codes")
		}
		for j, code := range v.texts {
			bit := slices.Index(q.codes, code)
			if bit < 0 && q.open {
				ev.otherText(code, problem.Index(path, j), l)
				continue
			}
			if bit < 0 {
				l.Add(problem.Index(path, j), problem.Unknown, "question %s has no option %s", prose.Quote(q.id), prose.Quote(code))
				continue
			}
			if s.mask&(1<<bit) == 0 {
				s.mask |= 1 << bit
				s.num += q.scores[bit]
			}
		}
	case TypeNumber, TypeScale, TypeInteger:
		if v.kind != valueNumber {
			return wrong("a number")
		}
		if !inRange(v.num) {
			return slot{}, ""
		}
		s.num = v.num
	case TypeInstinct:
		switch v.kind {
		case valueText:
			u, err := ParseUnease(v.text)
			if err != nil {
				l.Add(path, problem.Invalid, "%v", err)
				return slot{}, ""
			}
			s.num = float64(u)
		case valueNumber:
			if !inRange(v.num) {
				return slot{}, ""
			}
			s.num = v.num
		default:
			return wrong("an unease level")
		}
	case TypeText, TypeShortText:
		if v.kind != valueText {
			return wrong("a text")
		}
		if len(v.text) > MaxTextBytes {
			l.Add(path, problem.TooLong, "the answer is %d bytes long; at most %d are allowed", len(v.text), MaxTextBytes)
			return slot{}, ""
		}
		text := fold(trimmed(v.text))
		if text == "" {
			return slot{}, ""
		}
		return s, text
	case TypeMoney:
		if v.kind != valueText {
			return wrong("an amount (\"EUR 80.00\")")
		}
		m, err := parseMoney(v.text)
		switch {
		case err != nil:
			l.Add(path, problem.Invalid, "%s", err)
			return slot{}, ""
		case q.cur != "" && m.Currency() != q.cur:
			l.Add(path, problem.Mismatch, "the amount %s is in %s; question %s takes %s", m, m.Currency(), prose.Quote(q.id), q.cur)
			return slot{}, ""
		case m.IsNegative():
			l.Add(path, problem.Negative, "the amount %s is negative", m)
			return slot{}, ""
		case m.Minor() > maxMinor:
			l.Add(path, problem.OutOfRange, "the amount %s is too large to compare exactly", m)
			return slot{}, ""
		}
		s.num = float64(m.Minor())
	case TypeDate:
		if v.kind != valueText {
			return wrong("a date (\"2026-11-24\")")
		}
		d, err := availability.ParseDate(v.text)
		if err != nil {
			l.Add(path, problem.Invalid, "%v", err)
			return slot{}, ""
		}
		s.num = dayNumber(d)
	case TypeLocation:
		switch {
		case v.kind == valueText && v.text == remoteText:
			s.remote = true
		case v.kind == valuePoint:
			if !v.point.IsValid() {
				l.Add(path, problem.Invalid, "%s is not a place on Earth", v.point)
				return slot{}, ""
			}
			if ev.hasBase {
				s.num = ev.base.DistanceKm(v.point)
			}
		default:
			return wrong("a point or \"remote\"")
		}
	case TypeTimes:
		var ws []availability.Window
		switch {
		case v.kind == valueTimes:
			ws = v.windows
		case v.kind == valueTexts && len(v.texts) == 0:
		default:
			return wrong("a list of weekly windows")
		}
		if len(ws) > MaxWindows {
			l.Add(path, problem.TooMany, "%d windows; at most %d are allowed", len(ws), MaxWindows)
			return slot{}, ""
		}
		bad := false
		for i, w := range ws {
			if err := w.Validate(); err != nil {
				*l = append(*l, err.(problem.List).Under(problem.Index(path, i))...)
				bad = true
			}
		}
		if bad {
			return slot{}, ""
		}
		s.num = ev.overlapHours(ws)
	case TypeTime:
		if v.kind != valueText {
			return wrong("a time of day (\"18:30\")")
		}
		secs, err := parseTime(v.text)
		if err != nil {
			l.Add(path, problem.Invalid, "%v", err)
			return slot{}, ""
		}
		s.num = secs
	case TypeDateTime:
		if v.kind != valueText {
			return wrong("a date and time (\"2026-11-24T18:30:00+01:00\")")
		}
		secs, err := parseDateTime(v.text)
		if err != nil {
			l.Add(path, problem.Invalid, "%v", err)
			return slot{}, ""
		}
		s.num = secs
	case TypeGroup, TypeDisplay:
		l.Add(path, problem.Mismatch, "%s is a %s item, which takes no answer", prose.Quote(q.id), q.typ)
		return slot{}, ""
	}
	return s, ""
}

// otherText checks the text of one's own given to an open choice question
// in place of an option, adding a problem to l when it is blank or too
// long.
func (ev *Evaluator) otherText(text, path string, l *problem.List) bool {
	switch {
	case len(text) > MaxTextBytes:
		l.Add(path, problem.TooLong, "the answer is %d bytes long; at most %d are allowed", len(text), MaxTextBytes)
		return false
	case trimmed(text) == "":
		l.Add(path, problem.Empty, "the answer is blank; give an option's code or some text")
		return false
	}
	return true
}

// overlapHours returns how many hours of the week the windows share with
// the provider's weekly times, on the wall clock of the provider's zone:
// availability.WeekOf(ws...).Overlap(open).Hours(), counted on bitmaps of
// the week's minutes so that binding an answer allocates nothing.
func (ev *Evaluator) overlapHours(ws []availability.Window) float64 {
	if len(ws) == 0 || ev.openBits == nil {
		return 0
	}
	var client weekBits
	for _, w := range ws {
		client.addWindow(w)
	}
	return (time.Duration(client.overlap(ev.openBits)) * time.Minute).Hours()
}

// weekMinutes is the length of a week in minutes.
const weekMinutes = 7 * int(availability.EndOfDay)

// weekBits marks minutes of the week, counted from Monday 00:00 as
// availability.Week counts them.
type weekBits [(weekMinutes + 63) / 64]uint64

// weekBitsOf returns the minutes of w, or nil when w is empty.
func weekBitsOf(w availability.Week) *weekBits {
	if w.IsEmpty() {
		return nil
	}
	b := new(weekBits)
	for win := range w.All() {
		b.addWindow(win)
	}
	return b
}

// addWindow marks the minutes of a weekly window as availability.WeekOf
// reads it: a window whose end is not after its start goes on into the
// next day, and Sunday's into Monday; a window without valid clock times
// covers nothing.
func (b *weekBits) addWindow(w availability.Window) {
	if !w.Start.IsValid() || !w.End.IsValid() || w.Start == availability.EndOfDay {
		return
	}
	length := int(w.End - w.Start)
	if length <= 0 {
		length += int(availability.EndOfDay)
	}
	for d := range 7 {
		if !w.Days.Has(time.Weekday((d + 1) % 7)) {
			continue
		}
		from := d*int(availability.EndOfDay) + int(w.Start)
		to := from + length
		if to > weekMinutes {
			b.add(0, to-weekMinutes)
			to = weekMinutes
		}
		b.add(from, to)
	}
}

// add marks the minutes [from, to).
func (b *weekBits) add(from, to int) {
	for from < to {
		word, bit := from/64, from%64
		n := min(64-bit, to-from)
		b[word] |= (1<<n - 1) << bit
		from += n
	}
}

// overlap returns the number of minutes marked in both b and c.
func (b *weekBits) overlap(c *weekBits) int {
	n := 0
	for i := range b {
		n += bits.OnesCount64(b[i] & c[i])
	}
	return n
}
