package fit

import (
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// Answers are a client's (and the provider's) answers, keyed by question
// ID, as a host stores them. Encoded as JSON they are an object whose keys
// are sorted: {"budget": 80, "end_goals": "run a 10k", …}. A question
// without an entry, or with a null value, is unanswered.
type Answers map[string]Value

// MarshalJSON encodes the answers as an object with sorted keys.
func (a Answers) MarshalJSON() ([]byte, error) {
	return strictjson.Marshal(map[string]Value(a))
}

// UnmarshalJSON decodes answers strictly. Values are checked against their
// questions by Screener.Bind and Screener.ValidateAnswers, not here.
func (a *Answers) UnmarshalJSON(b []byte) error {
	m := map[string]Value{}
	if err := strictjson.Unmarshal(b, &m, strictjson.Limits{}); err != nil {
		return err
	}
	*a = m
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

// A Form is a set of answers bound to one Screener: each answer validated
// and converted once, stored by question position, so that evaluation
// reads it without maps. Make one with Screener.NewForm or Screener.Bind.
// A Form may be evaluated from many goroutines at once, but not while it is
// being changed with Set or Clear.
type Form struct {
	sc    *Screener
	slots []slot
}

// NewForm returns an empty form for the screener's questions.
func (sc *Screener) NewForm() *Form {
	return &Form{sc: sc, slots: make([]slot, len(sc.qs))}
}

// Bind validates and binds answers into a new form. Every problem with an
// answer is reported, at a path that starts with the question ID
// ("preferred_times[1].start"): unknown questions, wrong types, unknown
// options, values out of range. The form is returned even then, with each
// invalid answer marked invalid: evaluation treats it as unanswered and
// names it in the Decision's Invalid list. Unknown questions are left out.
func (sc *Screener) Bind(a Answers) (*Form, error) {
	f := sc.NewForm()
	var l problem.List
	ids := make([]string, 0, len(a))
	for id := range a {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		f.set(id, a[id], &l)
	}
	return f, l.Err()
}

// Set answers one question; a zero Value clears it. It returns the
// problems with the answer, as a problem.List, and then marks the answer invalid (evaluation
// treats it as unanswered and names it in the Decision's Invalid list).
func (f *Form) Set(question string, v Value) error {
	var l problem.List
	f.set(question, v, &l)
	return l.Err()
}

// Clear removes the answer to a question.
func (f *Form) Clear(question string) {
	if i, ok := f.sc.index[question]; ok {
		f.slots[i] = slot{}
	}
}

// set binds v to question, adding problems to l.
func (f *Form) set(question string, v Value, l *problem.List) {
	path := problem.Key("", question)
	i, ok := f.sc.index[question]
	if !ok {
		l.Add(path, problem.Unknown, "the screening has no question %s", prose.Quote(question))
		return
	}
	start := len(*l)
	s := f.sc.bind(i, v, path, l)
	if len(*l) > start {
		s = slot{state: slotInvalid}
	}
	f.slots[i] = s
}

// bind converts v into a slot for question i, adding problems to l.
func (sc *Screener) bind(i int32, v Value, path string, l *problem.List) slot {
	if v.IsZero() {
		return slot{}
	}
	q := &sc.qs[i]
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
			if sc.hasBase {
				s.num = sc.base.DistanceKm(v.point)
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
		if err := (availability.Schedule{Hours: ws}).Validate(); err != nil {
			pl, ok := scheduleProblems(err)
			if !ok {
				l.Add(path, problem.Invalid, "%v", err)
				return slot{}
			}
			for _, p := range pl {
				p.Path = path + strings.TrimPrefix(p.Path, "hours")
				*l = append(*l, p)
			}
			return slot{}
		}
		s.num = sc.overlapHours(ws)
	}
	return s
}

// overlapHours returns how many hours of the representative week the
// windows share with the provider's open hours.
func (sc *Screener) overlapHours(ws []availability.Window) float64 {
	if len(ws) == 0 || sc.open.IsEmpty() {
		return 0
	}
	client, err := availability.Schedule{Zone: sc.zone, Hours: ws}.Open(sc.week)
	if err != nil {
		return 0
	}
	return client.Intersect(sc.open).Duration().Hours()
}

// ValidateAnswers reports every problem with the answers at once, as a
// problem.List: those Bind reports (unknown for a question or option that
// does not exist, mismatch for an answer of the wrong shape,
// out_of_range, invalid, too_long, too_many, and for weekly windows the
// problems availability.Schedule.Validate finds in them), then shown
// required questions, and crisis questions that missing answers might
// show, without an answer (required), and answers to hidden questions
// (hidden), which evaluation ignores, in question ID order. Paths start
// with the question ID.
func (sc *Screener) ValidateAnswers(a Answers) error {
	f, err := sc.Bind(a)
	var l problem.List
	if err != nil && !errors.As(err, &l) {
		l.Add("", problem.Invalid, "%v", err)
	}
	var shown, ans, maybe set
	f.visible(&shown, &ans, &maybe)
	for _, i := range sc.byID {
		q := &sc.qs[i]
		switch {
		case shown.has(i) && q.required && f.slots[i].state == slotEmpty:
			l.Add(problem.Key("", q.id), problem.Required, "the question is shown and required, but has no answer")
		case maybe.has(i) && q.crisis && f.slots[i].state == slotEmpty:
			l.Add(problem.Key("", q.id), problem.Required, "the safety question might be shown once missing answers are given, and has no answer")
		case !shown.has(i) && f.slots[i].state != slotEmpty:
			l.Add(problem.Key("", q.id), problem.Hidden, "the question is not shown, so its answer is ignored")
		}
	}
	return l.Err()
}
