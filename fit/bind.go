package fit

import (
	"errors"
	"math"
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
	return nil
}

// slotState says whether a question has an answer.
type slotState uint8

const (
	slotEmpty   slotState = iota // no answer
	slotSet                      // a valid answer
	slotInvalid                  // an answer that did not validate
)

// A slot is one bound answer, in the form evaluation compares.
type slot struct {
	state  slotState
	remote bool    // location: "remote"
	num    float64 // yes/no as 1 or 0, number, scale, unease, date in days, option scores, km from base, hours of overlap
	mask   uint64  // choice: the chosen options' bits
	text   string  // free text, trimmed and case-folded
}

// bind converts v into a slot for question i, adding problems to l.
func (ev *Evaluator) bind(i int32, v Value, path string, l *problem.List) slot {
	if v.IsZero() {
		return slot{}
	}
	q := &ev.qs[i]
	s := slot{state: slotSet}
	wrong := func(want string) slot {
		l.Add(path, problem.Mismatch, "a %s question takes %s, not %s", q.typ, want, v.shape())
		return slot{}
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
		if bit < 0 {
			l.Add(path, problem.Unknown, "question %s has no option %s", prose.Quote(q.id), prose.Quote(v.text))
			return slot{}
		}
		s.mask, s.num = 1<<bit, q.scores[bit]
	case TypeMultipleChoice:
		if v.kind != valueTexts {
			return wrong("a list of option codes")
		}
		for j, code := range v.texts {
			bit := slices.Index(q.codes, code)
			if bit < 0 {
				l.Add(problem.Index(path, j), problem.Unknown, "question %s has no option %s", prose.Quote(q.id), prose.Quote(code))
				continue
			}
			if s.mask&(1<<bit) == 0 {
				s.mask |= 1 << bit
				s.num += q.scores[bit]
			}
		}
	case TypeNumber, TypeScale:
		if v.kind != valueNumber {
			return wrong("a number")
		}
		if !inRange(v.num) {
			return slot{}
		}
		s.num = v.num
	case TypeInstinct:
		switch v.kind {
		case valueText:
			u, err := ParseUnease(v.text)
			if err != nil {
				l.Add(path, problem.Invalid, "%v", err)
				return slot{}
			}
			s.num = float64(u)
		case valueNumber:
			if !inRange(v.num) {
				return slot{}
			}
			s.num = v.num
		default:
			return wrong("an unease level")
		}
	case TypeText:
		if v.kind != valueText {
			return wrong("a text")
		}
		if len(v.text) > MaxTextBytes {
			l.Add(path, problem.TooLong, "the answer is %d bytes long; at most %d are allowed", len(v.text), MaxTextBytes)
			return slot{}
		}
		s.text = fold(trimmed(v.text))
		if s.text == "" {
			return slot{}
		}
	case TypeMoney:
		if v.kind != valueText {
			return wrong("an amount (\"EUR 80.00\")")
		}
		m, err := parseMoney(v.text)
		switch {
		case err != nil:
			l.Add(path, problem.Invalid, "%s", err)
			return slot{}
		case q.cur != "" && m.Currency() != q.cur:
			l.Add(path, problem.Mismatch, "the amount %s is in %s; question %s takes %s", m, m.Currency(), prose.Quote(q.id), q.cur)
			return slot{}
		case m.IsNegative():
			l.Add(path, problem.Negative, "the amount %s is negative", m)
			return slot{}
		case m.Minor() > maxMinor:
			l.Add(path, problem.OutOfRange, "the amount %s is too large to compare exactly", m)
			return slot{}
		}
		s.num = float64(m.Minor())
	case TypeDate:
		if v.kind != valueText {
			return wrong("a date (\"2026-11-24\")")
		}
		d, err := availability.ParseDate(v.text)
		if err != nil {
			l.Add(path, problem.Invalid, "%v", err)
			return slot{}
		}
		s.num = dayNumber(d)
	case TypeLocation:
		switch {
		case v.kind == valueText && v.text == remoteText:
			s.remote = true
		case v.kind == valuePoint:
			if !v.point.IsValid() {
				l.Add(path, problem.Invalid, "%s is not a place on Earth", v.point)
				return slot{}
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
			return slot{}
		}
		bad := false
		for i, w := range ws {
			if err := w.Validate(); err != nil {
				*l = append(*l, err.(problem.List).Under(problem.Index(path, i))...)
				bad = true
			}
		}
		if bad {
			return slot{}
		}
		s.num = ev.overlapHours(ws)
	}
	return s
}

// overlapHours returns how many hours of the week the windows share with
// the provider's weekly times, on the wall clock of the provider's zone.
func (ev *Evaluator) overlapHours(ws []availability.Window) float64 {
	if len(ws) == 0 || ev.open.IsEmpty() {
		return 0
	}
	return availability.WeekOf(ws...).Overlap(ev.open).Hours()
}
