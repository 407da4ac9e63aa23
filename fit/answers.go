package fit

import (
	"errors"
	"slices"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/bitset"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// Answers are a client's (and the provider's) answers, keyed by question
// ID, as a host stores them. Encoded as JSON they are an object whose keys
// are sorted: {"budget_per_session": "EUR 80.00", "end_goals": "run a 10k", …}. A question
// without an entry, or with a null value, is unanswered.
type Answers map[string]Value

// MarshalJSON encodes the answers as an object with sorted keys.
func (a Answers) MarshalJSON() ([]byte, error) {
	return strictjson.Marshal(map[string]Value(a))
}

// UnmarshalJSON decodes answers strictly. Values are checked against their
// questions by Evaluator.Bind and Evaluator.ValidateAnswers, not here.
func (a *Answers) UnmarshalJSON(b []byte) error {
	m := map[string]Value{}
	if err := strictjson.Unmarshal(b, &m, strictjson.Limits{}); err != nil {
		return err
	}
	*a = m
	return nil
}

// An AnswerSheet is a set of answers bound to one Evaluator, ready for
// evaluation: each answer validated and converted once, stored by question
// position, so that Evaluate reads it without maps. Make one with
// Evaluator.Bind, or empty with Evaluator.NewAnswerSheet, and change it
// with Set and Clear. An AnswerSheet may be evaluated from many goroutines
// at once, but not while it is being changed.
type AnswerSheet struct {
	ev    *Evaluator
	slots []slot   // by question position
	texts []string // the text answers, trimmed and case-folded, by text position (cquestion.text)
}

// NewAnswerSheet returns an answer sheet with no answers.
func (ev *Evaluator) NewAnswerSheet() *AnswerSheet {
	sh := ev.sheet()
	return &sh
}

// sheet returns an empty answer sheet, for the caller to keep where it
// likes.
func (ev *Evaluator) sheet() AnswerSheet {
	sh := AnswerSheet{ev: ev, slots: make([]slot, len(ev.qs))}
	if ev.texts > 0 {
		sh.texts = make([]string, ev.texts)
	}
	return sh
}

// Bind validates answers and binds them into a new answer sheet. Every
// problem with an answer is reported, at a path that starts with the
// question ID ("preferred_times[1].start"): unknown questions, wrong
// types, unknown options, values out of range. The sheet is returned even
// then, with each
// invalid answer marked invalid: evaluation treats it as unanswered and
// names it in the Decision's Invalid list. Unknown questions are left out.
func (ev *Evaluator) Bind(a Answers) (*AnswerSheet, error) {
	sh := ev.NewAnswerSheet()
	err := sh.bindAll(a)
	return sh, err
}

// bindAll binds every answer into the empty sheet sh and returns the
// problems, in question ID order. When the answers cover a good part of
// the screening, it walks the questions in ID order and looks each one up,
// which needs neither a list of the answers' IDs nor sorting it; an
// answer to an unknown question then sends it back to the general path,
// so that the problems come in the same order either way.
func (sh *AnswerSheet) bindAll(a Answers) error {
	ev := sh.ev
	var l problem.List
	if 4*len(a) >= len(ev.qs) {
		found := 0
		for _, i := range ev.byID {
			v, ok := a[ev.qs[i].id]
			if !ok {
				continue
			}
			found++
			sh.bindAt(i, v, &l)
		}
		if found == len(a) {
			return l.Err()
		}
		clear(sh.slots)
		clear(sh.texts)
		l = l[:0]
	}
	ids := make([]string, 0, len(a))
	for id := range a {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		sh.set(id, a[id], &l)
	}
	return l.Err()
}

// Set answers one question; a zero Value clears it. It returns the
// problems with the answer, as a problem.List, and then marks the answer
// invalid (evaluation treats it as unanswered and names it in the
// Decision's Invalid list).
func (sh *AnswerSheet) Set(question string, v Value) error {
	var l problem.List
	sh.set(question, v, &l)
	return l.Err()
}

// Clear removes the answer to a question.
func (sh *AnswerSheet) Clear(question string) {
	if i, ok := sh.ev.index[question]; ok {
		sh.slots[i] = slot{}
		if t := sh.ev.qs[i].text; t >= 0 {
			sh.texts[t] = ""
		}
	}
}

// set binds v to question, adding problems to l.
func (sh *AnswerSheet) set(question string, v Value, l *problem.List) {
	i, ok := sh.ev.index[question]
	if !ok {
		l.Add(problem.Key("", question), problem.Unknown, "the screening has no question %s", prose.Quote(question))
		return
	}
	sh.bindAt(i, v, l)
}

// bindAt binds v to the question at position i, adding problems to l
// and marking the answer invalid when there are any.
func (sh *AnswerSheet) bindAt(i int32, v Value, l *problem.List) {
	start := len(*l)
	s, text := sh.ev.bind(i, v, sh.ev.qs[i].path, l)
	if len(*l) > start {
		s, text = slot{state: slotInvalid}, ""
	}
	sh.slots[i] = s
	if t := sh.ev.qs[i].text; t >= 0 {
		sh.texts[t] = text
	}
}

// ValidateAnswers reports every problem with the answers at once, as a
// problem.List: those Bind reports (unknown for a question or option that
// does not exist, mismatch for an answer of the wrong shape or currency,
// negative for an amount below zero,
// out_of_range, invalid, too_long, too_many, and for weekly windows the
// problems availability.Schedule.Validate finds in them), then shown
// required questions, and crisis questions that missing answers might
// show, without an answer (required), and answers to hidden questions
// (hidden), which evaluation ignores, in question ID order. Paths start
// with the question ID.
func (ev *Evaluator) ValidateAnswers(a Answers) error {
	sh, err := ev.Bind(a)
	var l problem.List
	if err != nil && !errors.As(err, &l) {
		l.Add("", problem.Invalid, "%v", err)
	}
	var sets [3][setWords]uint64
	shown, ans, maybe := bitset.Set(sets[0][:]), bitset.Set(sets[1][:]), bitset.Set(sets[2][:])
	sh.visible(shown, ans, maybe)
	for _, i := range ev.byID {
		q := &ev.qs[i]
		switch {
		case shown.Has(int(i)) && q.required && sh.slots[i].state == slotEmpty:
			l.Add(problem.Key("", q.id), problem.Required, "the question is shown and required, but has no answer")
		case maybe.Has(int(i)) && q.crisis && sh.slots[i].state == slotEmpty:
			l.Add(problem.Key("", q.id), problem.Required, "the safety question might be shown once missing answers are given, and has no answer")
		case !shown.Has(int(i)) && sh.slots[i].state != slotEmpty:
			l.Add(problem.Key("", q.id), problem.Hidden, "the question is not shown, so its answer is ignored")
		}
	}
	return l.Err()
}
