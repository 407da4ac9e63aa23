package fhir

import (
	"errors"
	"math"
	"regexp"
	"slices"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/fit"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// idSyntax is the syntax of a FHIR resource id.
var idSyntax = regexp.MustCompile(`^[A-Za-z0-9\-.]{1,64}$`)

// NewQuestionnaire returns the FHIR R4 Questionnaire of a screening, with
// status active: its questions as items, groups nesting their items, and
// what a questionnaire has no element for (rules, bands, scales, crisis
// questions, respondents, reasons why) in fit's extensions, so that
// Screening gives the screening back. It returns a problem.List when the
// screening does not validate (Screening.Validate's problems), or holds
// what FHIR cannot say: a question type with no item type (location,
// times, instinct, money), a display condition that enableWhen cannot
// express, or an ID that is not a FHIR id. Those problems are at fit's
// paths ("questions[3].enable_when") and match ErrUnsupported.
func NewQuestionnaire(s fit.Screening) (Questionnaire, error) {
	if err := s.Validate(); err != nil {
		return Questionnaire{}, err
	}
	w := writer{s: &s, byID: make(map[string]int, len(s.Questions))}
	for i := range s.Questions {
		w.byID[s.Questions[i].ID] = i
	}
	q := Questionnaire{ID: s.ID, URL: s.URL, Version: s.Version, Title: s.Title, Status: StatusActive, Description: s.Description, Copyright: s.Copyright}
	if !idSyntax.MatchString(s.ID) {
		w.refuse("id", "", "the ID %s is not a FHIR id (letters, digits, - and ., at most 64)", prose.Quote(s.ID))
	}
	children := make(map[string][]int, len(s.Questions))
	var top []int
	for i := range s.Questions {
		if g := s.Questions[i].Group; g != "" {
			children[g] = append(children[g], i)
		} else {
			top = append(top, i)
		}
	}
	var build func(list []int) []Item
	build = func(list []int) []Item {
		items := make([]Item, 0, len(list))
		for _, i := range list {
			it := w.item(i)
			if kids := children[s.Questions[i].ID]; len(kids) > 0 {
				it.Item = append(it.Item, build(kids)...)
			}
			items = append(items, it)
		}
		return items
	}
	q.Item = build(top)
	for _, rl := range s.Rules {
		q.Extension = append(q.Extension, w.jsonExt(ExtRule, rl))
	}
	for _, b := range s.Bands {
		q.Extension = append(q.Extension, w.jsonExt(ExtBand, b))
	}
	for _, sc := range s.Scales {
		q.Extension = append(q.Extension, w.jsonExt(ExtScale, sc))
	}
	if s.ReviewAt != 0 {
		q.Extension = append(q.Extension, integerExt(ExtReviewAt, int32(min(s.ReviewAt, math.MaxInt32))))
	}
	if len(w.l) > 0 {
		return Questionnaire{}, w.l
	}
	return q, nil
}

// A writer builds a questionnaire from a screening that validates.
type writer struct {
	s    *fit.Screening
	byID map[string]int
	l    problem.List
}

// refuse reports what FHIR cannot say about question id (or the
// screening, when id is empty).
func (w *writer) refuse(path, id, format string, args ...any) {
	w.l.Add(path, problem.Unexpected, format, args...)
	p := &w.l[len(w.l)-1]
	if id != "" {
		p.Message = "question " + prose.Quote(id) + ": " + p.Message
	}
	p.Err = ErrUnsupported
}

// jsonExt returns an extension holding v as fit writes it in JSON.
func (w *writer) jsonExt(url string, v any) Extension {
	b, err := strictjson.Marshal(v)
	if err != nil {
		w.l.Add("", problem.Invalid, "%v", err)
	}
	return stringExt(url, string(b))
}

// item returns question i as an item, without its group's items.
func (w *writer) item(i int) Item {
	qn := &w.s.Questions[i]
	path := problem.Index("questions", i)
	it := Item{LinkID: qn.ID, Text: qn.Text, Required: qn.Required}
	switch qn.Type {
	case fit.TypeGroup:
		it.Type = ItemGroup
	case fit.TypeDisplay:
		it.Type = ItemDisplay
	case fit.TypeYesNo:
		it.Type = ItemBoolean
	case fit.TypeNumber:
		it.Type = ItemDecimal
	case fit.TypeInteger:
		it.Type = ItemInteger
	case fit.TypeScale:
		it.Type = ItemInteger
		it.Extension = append(it.Extension, controlExt("slider"))
	case fit.TypeDate:
		it.Type = ItemDate
	case fit.TypeDateTime:
		it.Type = ItemDateTime
	case fit.TypeTime:
		it.Type = ItemTime
	case fit.TypeShortText:
		it.Type = ItemString
	case fit.TypeText:
		it.Type = ItemText
	case fit.TypeSingleChoice, fit.TypeMultipleChoice:
		it.Type = ItemChoice
		if qn.Open {
			it.Type = ItemOpenChoice
		}
		it.Repeats = qn.Type == fit.TypeMultipleChoice
	default:
		w.refuse(problem.Join(path, "type"), qn.ID, "a %s question has no FHIR item type", qn.Type)
	}
	if qn.Range != nil {
		lo, hi := qn.Range.Min, qn.Range.Max
		if qn.Type == fit.TypeNumber {
			it.Extension = append(it.Extension, decimalExt(ExtMinValue, lo), decimalExt(ExtMaxValue, hi))
		} else if lo >= math.MinInt32 && hi <= math.MaxInt32 {
			it.Extension = append(it.Extension, integerExt(ExtMinValue, int32(lo)), integerExt(ExtMaxValue, int32(hi)))
		} else {
			w.refuse(problem.Join(path, "range"), qn.ID, "the range %v–%v does not fit FHIR's 32-bit integers", lo, hi)
		}
	}
	if qn.Unit != "" {
		it.Extension = append(it.Extension, Extension{URL: ExtUnit, ValueCoding: &Coding{Code: qn.Unit}})
	}
	if qn.Crisis {
		it.Extension = append(it.Extension, boolExt(ExtCrisis, true))
	}
	if qn.By != "" {
		it.Extension = append(it.Extension, codeExt(ExtRespondent, string(qn.By)))
	}
	if qn.Section != "" {
		it.Extension = append(it.Extension, codeExt(ExtSection, string(qn.Section)))
	}
	if qn.Why != "" {
		it.Extension = append(it.Extension, stringExt(ExtWhy, qn.Why))
	}
	w.options(qn, &it)
	w.initial(qn, path, &it)
	if qn.EnableWhen != nil {
		w.enableWhen(qn, path, &it)
	}
	if qn.Help != "" {
		help := qn.ID + helpSuffix
		if _, taken := w.byID[help]; taken {
			w.refuse(problem.Join(path, "help"), qn.ID, "its help would be the item %s, which is another question's ID", prose.Quote(help))
		}
		it.Item = append(it.Item, Item{LinkID: help, Type: ItemDisplay, Text: qn.Help, Extension: []Extension{controlExt("help")}})
	}
	return it
}

// options writes a choice question's options, with their weights when the
// question is scored.
func (w *writer) options(qn *fit.Question, it *Item) {
	scored := false
	for _, o := range qn.Options {
		scored = scored || o.Score != 0
	}
	for _, o := range qn.Options {
		ao := AnswerOption{ValueCoding: &Coding{System: o.System, Code: o.Code, Display: o.Label}}
		if scored {
			ao.Extension = []Extension{decimalExt(ExtOrdinalValue, o.Score)}
		}
		it.AnswerOption = append(it.AnswerOption, ao)
	}
}

// initial writes a question's initial answer.
func (w *writer) initial(qn *fit.Question, path string, it *Item) {
	v := qn.Initial
	if v.IsZero() {
		return
	}
	if codes, ok := v.Choices(); ok && qn.Type == fit.TypeMultipleChoice {
		for k := range it.AnswerOption {
			if slices.Contains(codes, it.AnswerOption[k].ValueCoding.Code) {
				it.AnswerOption[k].InitialSelected = true
			}
		}
		return
	}
	if code, ok := v.Text(); ok && qn.Type == fit.TypeSingleChoice {
		for k := range it.AnswerOption {
			if it.AnswerOption[k].ValueCoding.Code == code {
				it.AnswerOption[k].InitialSelected = true
				return
			}
		}
		w.refuse(problem.Join(path, "initial"), qn.ID, "the initial answer %s is no option: FHIR offers a choice's options only", prose.Quote(code))
		return
	}
	a, ok := answerOf(qn, v)
	if !ok {
		w.refuse(problem.Join(path, "initial"), qn.ID, "the initial answer %s has no FHIR form", v)
		return
	}
	it.Initial = []Initial{{ValueBoolean: a.ValueBoolean, ValueDecimal: a.ValueDecimal, ValueInteger: a.ValueInteger, ValueDate: a.ValueDate,
		ValueDateTime: a.ValueDateTime, ValueTime: a.ValueTime, ValueString: a.ValueString}}
}

// enableWhen writes a display condition as enableWhen: one comparison,
// or all or any of comparisons, each a comparison or the not of one that
// FHIR has an operator for.
func (w *writer) enableWhen(qn *fit.Question, path string, it *Item) {
	c := qn.EnableWhen
	at := problem.Join(path, "enable_when")
	list, behavior := []fit.Condition{*c}, ""
	switch {
	case c.All != nil:
		list, behavior = c.All, BehaviorAll
	case c.Any != nil:
		list, behavior = c.Any, BehaviorAny
	}
	for k := range list {
		p := at
		if behavior != "" {
			p = problem.Index(problem.Join(at, map[string]string{BehaviorAll: "all", BehaviorAny: "any"}[behavior]), k)
		}
		ew, err := w.comparison(&list[k])
		if err != nil {
			w.refuse(p, qn.ID, "%v", err)
			continue
		}
		it.EnableWhen = append(it.EnableWhen, ew)
	}
	it.EnableBehavior = behavior
}

// comparison returns the enableWhen of one comparison, or of the not of
// one: not answered is exists false, not(equals) is !=, since FHIR's !=
// also holds when there is no answer.
func (w *writer) comparison(c *fit.Condition) (EnableWhen, error) {
	negated := false
	if c.Not != nil {
		negated, c = true, c.Not
	}
	if c.Question == "" {
		return EnableWhen{}, errors.New("enableWhen has no all or any within all or any, and no not of them: the condition is nested deeper than FHIR can say")
	}
	t := &w.s.Questions[w.byID[c.Question]]
	ew := EnableWhen{Question: c.Question}
	switch {
	case c.Op == fit.Answered:
		b := !negated
		ew.Operator, ew.AnswerBoolean = OpExists, &b
		return ew, nil
	case c.Op == fit.Equals && t.Type == fit.TypeMultipleChoice:
		return ew, errors.New("equals on a multiple choice compares the whole set of options, which FHIR's = cannot; use contains with one option")
	case c.Op == fit.Contains && t.Type == fit.TypeMultipleChoice:
		codes, _ := c.Value.Choices()
		if code, ok := c.Value.Text(); ok {
			codes = []string{code}
		}
		if len(codes) != 1 {
			return ew, errors.New("contains with several options has no one FHIR comparison; use all of contains with one option each")
		}
		c = &fit.Condition{Question: c.Question, Op: fit.Equals, Value: fit.Choice(codes[0])}
		ew.Operator = OpEquals
	case c.Op == fit.Equals:
		ew.Operator = OpEquals
	case negated:
		return ew, errors.New("FHIR has no operator for the not of " + string(c.Op) + "; it negates only answered and equals")
	case c.Op == fit.NotEquals:
		return ew, errors.New("not_equals does not hold without an answer, while FHIR's != does; use not(equals), which is !=")
	case c.Op == fit.Greater:
		ew.Operator = OpGreater
	case c.Op == fit.Less:
		ew.Operator = OpLess
	case c.Op == fit.GreaterOrEqual:
		ew.Operator = OpGreaterEqual
	case c.Op == fit.LessOrEqual:
		ew.Operator = OpLessEqual
	default:
		return ew, errors.New("FHIR's enableWhen has no operator for " + string(c.Op))
	}
	if negated {
		ew.Operator = OpNotEquals
	}
	a, ok := answerOf(t, c.Value)
	if !ok {
		return ew, errors.New("the value " + c.Value.String() + " has no FHIR form for a " + string(t.Type) + " question")
	}
	ew.AnswerBoolean, ew.AnswerDecimal, ew.AnswerInteger = a.ValueBoolean, a.ValueDecimal, a.ValueInteger
	ew.AnswerDate, ew.AnswerDateTime, ew.AnswerTime, ew.AnswerString, ew.AnswerCoding = a.ValueDate, a.ValueDateTime, a.ValueTime, a.ValueString, a.ValueCoding
	return ew, nil
}

// answerOf returns the FHIR value of one answer to q: a boolean, decimal,
// integer, date, dateTime, time, string, or the Coding of an option
// (with its system and display), or for an open choice the string of the
// client's own text.
func answerOf(q *fit.Question, v fit.Value) (Answer, bool) {
	var a Answer
	switch q.Type {
	case fit.TypeYesNo:
		b, ok := v.Bool()
		a.ValueBoolean = &b
		return a, ok
	case fit.TypeNumber:
		f, ok := v.Number()
		a.ValueDecimal = &f
		return a, ok
	case fit.TypeInteger, fit.TypeScale:
		f, ok := v.Number()
		if !ok || f != math.Trunc(f) || f < math.MinInt32 || f > math.MaxInt32 {
			return a, false
		}
		n := int32(f)
		a.ValueInteger = &n
		return a, true
	case fit.TypeDate:
		s, ok := v.Text()
		a.ValueDate = &s
		return a, ok
	case fit.TypeDateTime:
		s, ok := v.Text()
		a.ValueDateTime = &s
		return a, ok
	case fit.TypeTime:
		s, ok := v.Text()
		if ok && len(s) == len("18:30") {
			s += ":00" // FHIR writes the seconds
		}
		a.ValueTime = &s
		return a, ok
	case fit.TypeText, fit.TypeShortText:
		s, ok := v.Text()
		a.ValueString = &s
		return a, ok
	case fit.TypeSingleChoice, fit.TypeMultipleChoice:
		code, ok := v.Text()
		if !ok {
			return a, false
		}
		for _, o := range q.Options {
			if o.Code == code {
				a.ValueCoding = &Coding{System: o.System, Code: o.Code, Display: o.Label}
				return a, true
			}
		}
		if q.Open {
			a.ValueString = &code
			return a, true
		}
	}
	return a, false
}
