package fhir

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/fit"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// Screening returns the screening the questionnaire describes, or a
// problem.List of everything that stops it: each problem at the path of
// the FHIR element ("item[1].item[3].enableWhen[0].answerCoding") and
// naming the item's linkId. A FHIR feature fit cannot map is refused
// (errors.Is ErrUnsupported) rather than dropped; see the package
// documentation for what maps and how. The screening is validated as
// Screening.Validate does, and its problems are reported at the items
// they are about.
func (q Questionnaire) Screening() (fit.Screening, error) {
	n := countItems(q.Item)
	r := reader{q: &q, byLink: make(map[string]int, n)}
	r.header()
	r.s.Questions = make([]fit.Question, 0, n)
	r.sources = make([]source, 0, cap(r.s.Questions))
	r.items(q.Item)
	r.conditions()
	r.extensions()
	if len(r.l) > 0 {
		return fit.Screening{}, r.l
	}
	if err := r.s.Validate(); err != nil {
		var l problem.List
		if !errors.As(err, &l) {
			return fit.Screening{}, err
		}
		return fit.Screening{}, r.locate(l)
	}
	return r.s, nil
}

// countItems counts items and the items within them.
func countItems(items []Item) int {
	n := len(items)
	for i := range items {
		n += countItems(items[i].Item)
	}
	return n
}

// A reader builds a screening from a questionnaire.
type reader struct {
	q       *Questionnaire
	s       fit.Screening
	l       problem.List
	byLink  map[string]int // linkId → question index
	sources []source       // per question, where it came from
	ext     struct {       // the questionnaire extension each rule, band and scale came from
		rules, bands, scales []int
	}
}

// A source is where a question came from: its item, and the position of
// that item in its group's items (or the questionnaire's).
type source struct {
	item   *Item
	parent int32 // the source of its group, or -1
	index  int
}

// An ipath is the path of an item, formatted only when a problem needs it.
type ipath struct {
	r      *reader
	parent int32
	index  int
}

// s formats the path, such as "item[1].item[3]".
func (p ipath) s() string {
	at := problem.Index("item", p.index)
	if p.parent >= 0 {
		src := &p.r.sources[p.parent]
		at = problem.Join(ipath{p.r, src.parent, src.index}.s(), at)
	}
	return at
}

// path returns the path of the item question i came from.
func (r *reader) path(i int) string {
	src := &r.sources[i]
	return ipath{r, src.parent, src.index}.s()
}

// header reads the questionnaire's identity.
func (r *reader) header() {
	q := r.q
	switch q.Status {
	case StatusActive:
	case "":
		r.l.Add("status", problem.Required, "a Questionnaire needs its status; fit imports active ones")
	case StatusDraft, StatusRetired, StatusUnknown:
		unsupported(&r.l, "status", "", "the status is %s: fit screens clients only with questionnaires in use, so it imports active ones", q.Status)
	default:
		r.l.Add("status", problem.Invalid, "unknown status %s; want draft, active, retired or unknown", prose.Quote(q.Status))
	}
	switch {
	case q.ID == "":
		r.l.Add("id", problem.Required, "the questionnaire needs an id, the screening's ID")
	case !idSyntax.MatchString(q.ID):
		r.l.Add("id", problem.Invalid, "%s is not a FHIR id: letters, digits, - and ., at most 64", prose.Quote(q.ID))
	}
	r.s = fit.Screening{ID: q.ID, Title: q.Title, Version: q.Version, URL: q.URL, Description: q.Description, Copyright: q.Copyright}
}

// items reads the questionnaire's items, and the items of groups within
// them.
func (r *reader) items(items []Item) {
	for i := range items {
		r.item(&items[i], ipath{r, -1, i}, "", 1)
	}
}

// item reads one item and, for a group, its items.
func (r *reader) item(it *Item, path ipath, group string, depth int) {
	id := it.LinkID
	if id == "" {
		r.l.Add(problem.Join(path.s(), "linkId"), problem.Required, "an item needs a linkId")
		return
	}
	if _, dup := r.byLink[id]; dup {
		r.l.Add(problem.Join(path.s(), "linkId"), problem.Duplicate, "%slinkId is used by two items", about(id))
		return
	}
	typ, ok := r.itemType(it, path)
	if !ok {
		return
	}
	qn := fit.Question{ID: id, Type: typ, Text: it.Text, Group: group, Required: it.Required, Open: it.Type == ItemOpenChoice}
	if it.Type == ItemDisplay && (it.Required || it.Repeats) {
		r.l.Add(path.s(), problem.Invalid, "%sa display item is neither required nor repeating", about(id))
	}
	r.itemExtensions(it, path, &qn)
	r.options(it, path, &qn)
	r.initial(it, path, &qn)
	r.byLink[id] = len(r.s.Questions)
	r.s.Questions = append(r.s.Questions, qn)
	r.sources = append(r.sources, source{item: it, parent: path.parent, index: path.index})
	self := len(r.s.Questions) - 1
	children := 0
	for k := range it.Item {
		child := &it.Item[k]
		if help, ok := r.help(child, ipath{r, int32(self), k}, id); ok {
			if r.s.Questions[self].Help != "" {
				r.l.Add(ipath{r, int32(self), k}.s(), problem.Duplicate, "%sthe item has two help texts", about(id))
			}
			r.s.Questions[self].Help = help
			continue
		}
		children++
	}
	switch {
	case children == 0:
	case typ == fit.TypeGroup:
		if depth+1 > fit.MaxDepth {
			r.l.Add(problem.Join(path.s(), "item"), problem.TooDeep, "%sgroups nest deeper than %d", about(id), fit.MaxDepth)
			break
		}
		for k := range it.Item {
			if child := &it.Item[k]; !isHelp(child) {
				r.item(child, ipath{r, int32(self), k}, id, depth+1)
			}
		}
	default:
		unsupported(&r.l, problem.Join(path.s(), "item"), id, "items nested under an item of type %s: fit nests items only in groups", it.Type)
	}
}

// isHelp reports whether an item is a help text: a display item whose
// itemControl is help.
func isHelp(it *Item) bool {
	if it.Type != ItemDisplay {
		return false
	}
	for i := range it.Extension {
		if it.Extension[i].control() == "help" {
			return true
		}
	}
	return false
}

// help reads a help item under the item parent: a display item with the
// itemControl help, whose linkId is the parent's with "-help", and
// nothing else.
func (r *reader) help(it *Item, path ipath, parent string) (string, bool) {
	if !isHelp(it) {
		return "", false
	}
	switch {
	case it.LinkID != parent+helpSuffix:
		unsupported(&r.l, problem.Join(path.s(), "linkId"), it.LinkID, "a help item's linkId is its item's with %s, %s, so that it round-trips", helpSuffix, prose.Quote(parent+helpSuffix))
	case len(it.Extension) != 1 || len(it.EnableWhen) > 0 || it.EnableBehavior != "" || len(it.Item) > 0 || it.Required || it.Repeats || len(it.AnswerOption) > 0 || len(it.Initial) > 0:
		unsupported(&r.l, path.s(), it.LinkID, "a help item holds its text and nothing else here")
	}
	return it.Text, true
}

// itemType maps an item's type, with repeats, to a fit question type.
func (r *reader) itemType(it *Item, path ipath) (fit.Type, bool) {
	id := it.LinkID
	var typ fit.Type
	switch it.Type {
	case ItemGroup:
		typ = fit.TypeGroup
		if it.Repeats {
			unsupported(&r.l, problem.Join(path.s(), "repeats"), id, "a repeating group: fit answers each question once")
		}
		if it.Required {
			unsupported(&r.l, problem.Join(path.s(), "required"), id, "a required group: fit requires questions, not groups; make the group's questions required")
		}
		return typ, true
	case ItemDisplay:
		return fit.TypeDisplay, true
	case ItemBoolean:
		typ = fit.TypeYesNo
	case ItemDecimal:
		typ = fit.TypeNumber
	case ItemInteger:
		typ = fit.TypeInteger
	case ItemDate:
		typ = fit.TypeDate
	case ItemDateTime:
		typ = fit.TypeDateTime
	case ItemTime:
		typ = fit.TypeTime
	case ItemString:
		typ = fit.TypeShortText
	case ItemText:
		typ = fit.TypeText
	case ItemChoice, ItemOpenChoice, ItemCoding:
		if it.Repeats {
			return fit.TypeMultipleChoice, true
		}
		return fit.TypeSingleChoice, true
	case "url", "attachment", "reference", "quantity":
		unsupported(&r.l, problem.Join(path.s(), "type"), id, "the item type %s has no fit question type", it.Type)
		return "", false
	case "":
		r.l.Add(problem.Join(path.s(), "type"), problem.Required, "%san item needs a type", about(id))
		return "", false
	default:
		r.l.Add(problem.Join(path.s(), "type"), problem.Unknown, "%sunknown item type %s", about(id), prose.Quote(string(it.Type)))
		return "", false
	}
	if it.Repeats {
		unsupported(&r.l, problem.Join(path.s(), "repeats"), id, "a repeating item of type %s: fit takes several answers only for choices", it.Type)
	}
	return typ, true
}

// itemExtensions reads an item's extensions into qn.
func (r *reader) itemExtensions(it *Item, path ipath, qn *fit.Question) {
	id := it.LinkID
	var lo, hi *float64
	slider := false
	for k := range it.Extension {
		e := &it.Extension[k]
		at := func() string { return problem.Index(problem.Join(path.s(), "extension"), k) }
		if e.values() != 1 {
			r.l.Add(at(), problem.Invalid, "%sthe extension %s needs exactly one value", about(id), prose.Quote(e.URL))
			continue
		}
		want := func(ok bool, what string) bool {
			if !ok {
				r.l.Add(at(), problem.Mismatch, "%sthe extension %s takes %s", about(id), prose.Quote(e.URL), what)
			}
			return ok
		}
		switch e.URL {
		case ExtMinValue, ExtMaxValue:
			if qn.Type != fit.TypeNumber && qn.Type != fit.TypeInteger {
				unsupported(&r.l, at(), id, "%s on an item of type %s: fit bounds only decimal and integer answers", e.URL, it.Type)
				continue
			}
			var f float64
			switch {
			case e.ValueDecimal != nil && qn.Type == fit.TypeNumber:
				f = *e.ValueDecimal
			case e.ValueInteger != nil && qn.Type == fit.TypeInteger:
				f = float64(*e.ValueInteger)
			default:
				want(false, "the item's own type of value (valueDecimal for decimal, valueInteger for integer)")
				continue
			}
			if e.URL == ExtMinValue {
				lo = &f
			} else {
				hi = &f
			}
		case ExtUnit:
			if !want(e.ValueCoding != nil && e.ValueCoding.Code != "", "a valueCoding with a code") {
				continue
			}
			if c := e.ValueCoding; c.System != "" || c.Display != "" || len(c.Extension) > 0 {
				unsupported(&r.l, at(), id, "a unit with a system or display: fit keeps a unit's code only")
				continue
			}
			qn.Unit = e.ValueCoding.Code
		case ExtItemControl:
			if e.control() == "slider" && qn.Type == fit.TypeInteger {
				slider = true
				continue
			}
			unsupported(&r.l, at(), id, "the itemControl %s on an item of type %s: fit reads help on a display item under another, and slider on an integer", prose.Quote(controlCode(e)), it.Type)
		case ExtCrisis:
			if want(e.ValueBoolean != nil, "valueBoolean") {
				qn.Crisis = *e.ValueBoolean
			}
		case ExtRespondent:
			if want(e.ValueCode != nil, "valueCode") {
				qn.By = fit.Respondent(*e.ValueCode)
			}
		case ExtWhy:
			if want(e.ValueString != nil, "valueString") {
				qn.Why = *e.ValueString
			}
		case ExtSection:
			if want(e.ValueCode != nil, "valueCode") {
				qn.Section = fit.Section(*e.ValueCode)
			}
		default:
			unsupported(&r.l, problem.Join(at(), "url"), id, "the extension %s is not one fit maps", prose.Quote(e.URL))
		}
	}
	switch {
	case lo != nil && hi != nil:
		qn.Range = &fit.Range{Min: *lo, Max: *hi}
	case lo != nil || hi != nil:
		unsupported(&r.l, problem.Join(path.s(), "extension"), id, "a minValue without a maxValue, or the reverse: fit's ranges have both bounds")
	}
	if slider {
		if qn.Range == nil {
			unsupported(&r.l, problem.Join(path.s(), "extension"), id, "a slider without minValue and maxValue: fit's scales have a range")
		}
		qn.Type = fit.TypeScale
	}
}

// controlCode returns the first code of an itemControl, for messages.
func controlCode(e *Extension) string {
	if e.ValueCodeableConcept != nil && len(e.ValueCodeableConcept.Coding) > 0 {
		return e.ValueCodeableConcept.Coding[0].Code
	}
	return ""
}

// options reads a choice item's answer options, their weights and their
// initial selection.
func (r *reader) options(it *Item, path ipath, qn *fit.Question) {
	id := it.LinkID
	choice := qn.Type == fit.TypeSingleChoice || qn.Type == fit.TypeMultipleChoice
	if !choice {
		if len(it.AnswerOption) > 0 {
			unsupported(&r.l, problem.Join(path.s(), "answerOption"), id, "answer options on an item of type %s: fit's options are codes of choice items", it.Type)
		}
		return
	}
	var selected []string
	if len(it.AnswerOption) > 0 {
		qn.Options = make([]fit.Option, 0, len(it.AnswerOption))
	}
	for k := range it.AnswerOption {
		ao := &it.AnswerOption[k]
		at := func() string { return problem.Index(problem.Join(path.s(), "answerOption"), k) }
		c := ao.ValueCoding
		if c == nil {
			r.l.Add(problem.Join(at(), "valueCoding"), problem.Required, "%san answer option needs a valueCoding", about(id))
			continue
		}
		if c.Code == "" {
			r.l.Add(problem.Join(at(), "valueCoding.code"), problem.Required, "%san answer option needs a code", about(id))
			continue
		}
		opt := fit.Option{Code: c.Code, System: c.System, Label: c.Display}
		var weight *float64
		weigh := func(exts []Extension, coding bool) {
			for e := range exts {
				ex := &exts[e]
				ep := func() string {
					p := at()
					if coding {
						p = problem.Join(p, "valueCoding")
					}
					return problem.Index(problem.Join(p, "extension"), e)
				}
				switch {
				case ex.URL != ExtOrdinalValue && ex.URL != ExtItemWeight:
					unsupported(&r.l, problem.Join(ep(), "url"), id, "the extension %s on an answer option is not one fit maps", prose.Quote(ex.URL))
				case ex.values() != 1 || ex.ValueDecimal == nil:
					r.l.Add(ep(), problem.Mismatch, "%sthe weight of an answer option is a valueDecimal", about(id))
				case weight != nil && *weight != *ex.ValueDecimal:
					r.l.Add(ep(), problem.Conflict, "%sthe answer option %s has two weights, %v and %v", about(id), prose.Quote(c.Code), *weight, *ex.ValueDecimal)
				default:
					weight = ex.ValueDecimal
				}
			}
		}
		weigh(ao.Extension, false)
		weigh(c.Extension, true)
		if weight != nil {
			opt.Score = *weight
		}
		if ao.InitialSelected {
			selected = append(selected, c.Code)
		}
		qn.Options = append(qn.Options, opt)
	}
	switch {
	case len(selected) == 0:
	case qn.Type == fit.TypeMultipleChoice:
		qn.Initial = fit.Choices(selected...)
	case len(selected) == 1:
		qn.Initial = fit.Choice(selected[0])
	default:
		r.l.Add(problem.Join(path.s(), "answerOption"), problem.Conflict, "%sa choice that does not repeat has one initial selection, not %d", about(id), len(selected))
	}
}

// initial reads the initial answer of an item that is not a choice.
func (r *reader) initial(it *Item, path ipath, qn *fit.Question) {
	if len(it.Initial) == 0 {
		return
	}
	id := it.LinkID
	switch {
	case qn.Type == fit.TypeSingleChoice || qn.Type == fit.TypeMultipleChoice:
		r.l.Add(problem.Join(path.s(), "initial"), problem.Conflict, "%sa choice item's initial answer is its options' initialSelected", about(id))
		return
	case !qn.Type.IsValid() || qn.Type == fit.TypeGroup || qn.Type == fit.TypeDisplay:
		r.l.Add(problem.Join(path.s(), "initial"), problem.Unexpected, "%san item of type %s takes no answer, so it has no initial one", about(id), it.Type)
		return
	case len(it.Initial) > 1:
		r.l.Add(problem.Join(path.s(), "initial"), problem.TooMany, "%san item that does not repeat has one initial answer, not %d", about(id), len(it.Initial))
		return
	}
	in := &it.Initial[0]
	v, ok := typed{it.Type, in.ValueBoolean, in.ValueDecimal, in.ValueInteger, in.ValueDate, in.ValueDateTime, in.ValueTime, in.ValueString, nil}.value(qn)
	if !ok {
		r.l.Add(problem.Index(problem.Join(path.s(), "initial"), 0), problem.Mismatch, "%san item of type %s has one initial answer, a %s", about(id), it.Type, valueName(it.Type, "value"))
		return
	}
	qn.Initial = v
}

// conditions reads every item's enableWhen, now that every item is known.
func (r *reader) conditions() {
	for i := range r.s.Questions {
		src := &r.sources[i]
		it := src.item
		id := it.LinkID
		switch {
		case len(it.EnableWhen) == 0 && it.EnableBehavior != "":
			r.l.Add(problem.Join(r.path(i), "enableBehavior"), problem.Unexpected, "%senableBehavior without enableWhen", about(id))
			continue
		case len(it.EnableWhen) == 0:
			continue
		}
		cs := make([]fit.Condition, 0, len(it.EnableWhen))
		good := true
		for k := range it.EnableWhen {
			c, ok := r.condition(&it.EnableWhen[k], func() string { return problem.Index(problem.Join(r.path(i), "enableWhen"), k) }, id)
			good = good && ok
			cs = append(cs, c)
		}
		if !good {
			continue
		}
		var c fit.Condition
		switch it.EnableBehavior {
		case "":
			if len(cs) > 1 {
				r.l.Add(problem.Join(r.path(i), "enableBehavior"), problem.Required, "%smore than one enableWhen needs an enableBehavior, all or any", about(id))
				continue
			}
			c = cs[0]
		case BehaviorAll:
			c = fit.AllOf(cs...)
		case BehaviorAny:
			c = fit.AnyOf(cs...)
		default:
			r.l.Add(problem.Join(r.path(i), "enableBehavior"), problem.Invalid, "%sunknown enableBehavior %s; want all or any", about(id), prose.Quote(it.EnableBehavior))
			continue
		}
		r.s.Questions[i].EnableWhen = &c
	}
}

// condition reads one enableWhen.
func (r *reader) condition(ew *EnableWhen, path func() string, id string) (fit.Condition, bool) {
	ti, ok := r.byLink[ew.Question]
	switch {
	case ew.Question == "":
		r.l.Add(problem.Join(path(), "question"), problem.Required, "%san enableWhen names the question it reads", about(id))
		return fit.Condition{}, false
	case !ok:
		r.l.Add(problem.Join(path(), "question"), problem.Unknown, "%sno item has the linkId %s", about(id), prose.Quote(ew.Question))
		return fit.Condition{}, false
	}
	target := &r.s.Questions[ti]
	src := &r.sources[ti]
	if target.Type == fit.TypeGroup || target.Type == fit.TypeDisplay {
		r.l.Add(problem.Join(path(), "question"), problem.Mismatch, "%s%s is an item of type %s, which has no answer to compare", about(id), prose.Quote(ew.Question), src.item.Type)
		return fit.Condition{}, false
	}
	answer := typed{src.item.Type, ew.AnswerBoolean, ew.AnswerDecimal, ew.AnswerInteger, ew.AnswerDate, ew.AnswerDateTime, ew.AnswerTime, ew.AnswerString, ew.AnswerCoding}
	if n := answer.count(); n != 1 {
		r.l.Add(path(), problem.Invalid, "%san enableWhen has exactly one answer, not %d", about(id), n)
		return fit.Condition{}, false
	}
	if ew.Operator == OpExists {
		if ew.AnswerBoolean == nil {
			r.l.Add(path(), problem.Mismatch, "%sexists takes answerBoolean", about(id))
			return fit.Condition{}, false
		}
		if *ew.AnswerBoolean {
			return fit.Has(target.ID), true
		}
		return fit.Not(fit.Has(target.ID)), true
	}
	multi := target.Type == fit.TypeMultipleChoice
	var op fit.Op
	switch ew.Operator {
	case OpEquals, OpNotEquals:
		op = fit.Equals
		if multi {
			op = fit.Contains
		}
	case OpGreater, OpLess, OpGreaterEqual, OpLessEqual:
		switch target.Type {
		case fit.TypeNumber, fit.TypeInteger, fit.TypeScale, fit.TypeDate, fit.TypeDateTime, fit.TypeTime:
		default:
			unsupported(&r.l, problem.Join(path(), "operator"), id, "%s on an item of type %s: fit orders only numbers, dates and times", ew.Operator, src.item.Type)
			return fit.Condition{}, false
		}
		switch ew.Operator {
		case OpGreater:
			op = fit.Greater
		case OpLess:
			op = fit.Less
		case OpGreaterEqual:
			op = fit.GreaterOrEqual
		default:
			op = fit.LessOrEqual
		}
	case "":
		r.l.Add(problem.Join(path(), "operator"), problem.Required, "%san enableWhen needs an operator", about(id))
		return fit.Condition{}, false
	default:
		r.l.Add(problem.Join(path(), "operator"), problem.Unknown, "%sunknown operator %s; want exists, =, !=, >, <, >= or <=", about(id), prose.Quote(string(ew.Operator)))
		return fit.Condition{}, false
	}
	if target.Open && ew.AnswerString != nil {
		unsupported(&r.l, problem.Join(path(), "answerString"), id, "comparing the text of one's own given to %s: fit compares a choice's codes", prose.Quote(ew.Question))
		return fit.Condition{}, false
	}
	v, ok := answer.value(target)
	if !ok {
		r.l.Add(path(), problem.Mismatch, "%sthe answer to %s, an item of type %s, is compared with %s", about(id), prose.Quote(ew.Question), src.item.Type, valueName(src.item.Type, "answer"))
		return fit.Condition{}, false
	}
	if ew.AnswerCoding != nil && !r.knownCode(target, ew.AnswerCoding, func() string { return problem.Join(path(), "answerCoding") }, id) {
		return fit.Condition{}, false
	}
	c := fit.Compare(target.ID, op, v)
	if ew.Operator == OpNotEquals {
		// FHIR's != holds when no answer equals the value, which is also
		// the case with no answer at all: fit's not(equals).
		c = fit.Not(c)
	}
	return c, true
}

// knownCode reports whether a coding is one of a choice question's
// options, in the option's system, or adds the problem at path().
func (r *reader) knownCode(q *fit.Question, c *Coding, path func() string, id string) bool {
	for _, o := range q.Options {
		if o.Code == c.Code {
			if c.System != "" && c.System != o.System {
				r.l.Add(problem.Join(path(), "system"), problem.Mismatch, "%sthe code %s of %s is in the system %s, not %s", about(id), prose.Quote(c.Code), prose.Quote(q.ID), prose.Quote(o.System), prose.Quote(c.System))
				return false
			}
			return true
		}
	}
	r.l.Add(problem.Join(path(), "code"), problem.Unknown, "%s%s has no answer option %s", about(id), prose.Quote(q.ID), prose.Quote(c.Code))
	return false
}

// extensions reads the questionnaire's extensions: fit's rules, bands,
// scales and review threshold. The rules (and the bands, and the scales)
// are decoded together, as one JSON array of the extensions' strings,
// each checked first to be one JSON value.
func (r *reader) extensions() {
	var rules, bands, scales batch
	for k := range r.q.Extension {
		if e := &r.q.Extension[k]; e.URL == ExtRule && e.ValueString != nil {
			rules.size += len(*e.ValueString) + 1
		}
	}
	for k := range r.q.Extension {
		e := &r.q.Extension[k]
		var b *batch
		switch e.URL {
		case ExtRule:
			b = &rules
		case ExtBand:
			b = &bands
		case ExtScale:
			b = &scales
		case ExtReviewAt:
			if e.values() != 1 || e.ValueInteger == nil {
				r.l.Add(problem.Index("extension", k), problem.Mismatch, "the extension %s takes one valueInteger", prose.Quote(e.URL))
				continue
			}
			r.s.ReviewAt = int(*e.ValueInteger)
			continue
		default:
			unsupported(&r.l, problem.Join(problem.Index("extension", k), "url"), "", "the extension %s is not one fit maps", prose.Quote(e.URL))
			continue
		}
		switch {
		case e.values() != 1 || e.ValueString == nil:
			r.l.Add(problem.Index("extension", k), problem.Mismatch, "the extension %s takes one valueString", prose.Quote(e.URL))
		case !jsontext.Value(*e.ValueString).IsValid():
			r.l.Add(problem.Join(problem.Index("extension", k), "valueString"), problem.Syntax, "the extension %s holds no JSON value", prose.Quote(e.URL))
		default:
			b.add(*e.ValueString, k)
		}
	}
	if decodeBatch(&rules, &r.s.Rules, &r.l) {
		r.ext.rules = rules.from
	}
	if decodeBatch(&bands, &r.s.Bands, &r.l) {
		r.ext.bands = bands.from
	}
	if decodeBatch(&scales, &r.s.Scales, &r.l) {
		r.ext.scales = scales.from
	}
}

// A batch is the JSON strings of extensions of one kind, as one array.
type batch struct {
	json []byte
	from []int // the extension each element came from
	size int   // the bytes of JSON expected, if known
}

// add appends one extension's JSON.
func (b *batch) add(s string, ext int) {
	if len(b.from) == 0 {
		b.json = make([]byte, 0, max(b.size, len(s))+2)
		b.json = append(b.json, '[')
	} else {
		b.json = append(b.json, ',')
	}
	b.json = append(b.json, s...)
	b.from = append(b.from, ext)
}

// decodeBatch decodes the batch into *v, reporting a problem at the
// extension it is in.
func decodeBatch[T any](b *batch, v *[]T, l *problem.List) bool {
	if len(b.from) == 0 {
		return true
	}
	b.json = append(b.json, ']')
	*v = make([]T, 0, len(b.from)) // json/v2 fills a slice's capacity before it grows it
	err := strictjson.Unmarshal(b.json, v, strictjson.Limits{})
	if err == nil {
		return true
	}
	var pl problem.List
	if !errors.As(err, &pl) {
		l.Add("extension", problem.Invalid, "%v", err)
		return false
	}
	for _, p := range pl {
		head, rest := firstSegment(strings.TrimPrefix(p.Path, "["))
		k := -1
		if before, after, ok := strings.Cut(head, "]"); ok {
			k, _ = strconv.Atoi(before)
			rest = problem.Join(after, rest)
		}
		if k >= 0 && k < len(b.from) {
			p.Path = problem.Join(problem.Join(problem.Index("extension", b.from[k]), "valueString"), strings.TrimPrefix(rest, "."))
		} else {
			p.Path = "extension"
		}
		*l = append(*l, p)
	}
	return false
}

// locate moves the problems Screening.Validate found to the FHIR elements
// they are about, naming the item's linkId.
func (r *reader) locate(l problem.List) problem.List {
	out := make(problem.List, 0, len(l))
	for _, p := range l {
		head, rest := firstSegment(p.Path)
		name, idx := splitIndex(head)
		switch {
		case name == "questions" && idx >= 0 && idx < len(r.sources):
			src := &r.sources[idx]
			p.Path = problem.Join(r.path(idx), fhirField(rest))
			p.Message = about(src.item.LinkID) + p.Message
		case name == "rules" && idx >= 0 && idx < len(r.ext.rules):
			p.Path = problem.Join(problem.Index("extension", r.ext.rules[idx]), problem.Join("valueString", rest))
		case name == "bands" && idx >= 0 && idx < len(r.ext.bands):
			p.Path = problem.Join(problem.Index("extension", r.ext.bands[idx]), problem.Join("valueString", rest))
		case name == "scales" && idx >= 0 && idx < len(r.ext.scales):
			p.Path = problem.Join(problem.Index("extension", r.ext.scales[idx]), problem.Join("valueString", rest))
		case head == "questions":
			p.Path = "item"
		case head == "review_at":
			p.Path = "extension"
		}
		out = append(out, p)
	}
	return out
}

// fhirField names, within an item, the FHIR element a fit question's
// field comes from.
func fhirField(rest string) string {
	head, _ := firstSegment(rest)
	name, idx := splitIndex(head)
	switch name {
	case "id":
		return "linkId"
	case "text", "type", "required", "initial":
		return name
	case "options":
		if idx >= 0 {
			return problem.Index("answerOption", idx)
		}
		return "answerOption"
	case "enable_when":
		// enable_when.any[2]… is enableWhen[2]; a single comparison is
		// enableWhen[0].
		_, sub := firstSegment(rest)
		subHead, _ := firstSegment(sub)
		if n, k := splitIndex(subHead); (n == "any" || n == "all") && k >= 0 {
			return problem.Index("enableWhen", k)
		}
		return problem.Index("enableWhen", 0)
	case "range", "unit", "crisis", "by", "why", "section":
		return "extension"
	}
	return ""
}

// firstSegment splits a path into its first segment and the rest:
// "questions[3].options[0]" into "questions[3]" and "options[0]".
func firstSegment(path string) (head, rest string) {
	if before, after, ok := strings.Cut(path, "."); ok {
		return before, after
	}
	return path, ""
}

// splitIndex splits "questions[3]" into "questions" and 3; a segment
// without an index gives -1.
func splitIndex(seg string) (string, int) {
	i := strings.IndexByte(seg, '[')
	if i < 0 || !strings.HasSuffix(seg, "]") {
		return seg, -1
	}
	n, err := strconv.Atoi(seg[i+1 : len(seg)-1])
	if err != nil {
		return seg, -1
	}
	return seg[:i], n
}

// typed is a FHIR value[x] of the types fit maps, read against the item
// type it answers.
type typed struct {
	item     ItemType
	boolean  *bool
	decimal  *float64
	integer  *int32
	date     *string
	dateTime *string
	time     *string
	str      *string
	coding   *Coding
}

// count returns how many values are set.
func (t typed) count() int {
	n := 0
	for _, set := range []bool{t.boolean != nil, t.decimal != nil, t.integer != nil, t.date != nil, t.dateTime != nil, t.time != nil, t.str != nil, t.coding != nil} {
		if set {
			n++
		}
	}
	return n
}

// value returns the fit value of the one value set, when it is of the
// type the question q takes: boolean for yes/no, decimal for number,
// integer for integer and scale, date, dateTime and time for their
// types, string for text, Coding for a choice (and string for an open
// one's own text).
func (t typed) value(q *fit.Question) (fit.Value, bool) {
	if t.count() != 1 {
		return fit.Value{}, false
	}
	switch q.Type {
	case fit.TypeYesNo:
		if t.boolean != nil {
			return fit.Bool(*t.boolean), true
		}
	case fit.TypeNumber:
		if t.decimal != nil && !math.IsNaN(*t.decimal) {
			return fit.Number(*t.decimal), true
		}
	case fit.TypeInteger, fit.TypeScale:
		if t.integer != nil {
			return fit.Number(float64(*t.integer)), true
		}
	case fit.TypeDate:
		if t.date != nil {
			return fit.Text(*t.date), true
		}
	case fit.TypeDateTime:
		if t.dateTime != nil {
			return fit.Text(*t.dateTime), true
		}
	case fit.TypeTime:
		if t.time != nil && timeSyntax.MatchString(*t.time) {
			return fit.Text(*t.time), true
		}
	case fit.TypeText, fit.TypeShortText:
		if t.str != nil {
			return fit.Text(*t.str), true
		}
	case fit.TypeSingleChoice, fit.TypeMultipleChoice:
		if t.coding != nil {
			return fit.Choice(t.coding.Code), true
		}
		if t.str != nil && q.Open {
			return fit.Text(*t.str), true
		}
	}
	return fit.Value{}, false
}

// valueName names the value[x] an item type takes: "valueBoolean".
func valueName(t ItemType, prefix string) string {
	switch t {
	case ItemBoolean:
		return prefix + "Boolean"
	case ItemDecimal:
		return prefix + "Decimal"
	case ItemInteger:
		return prefix + "Integer"
	case ItemDate:
		return prefix + "Date"
	case ItemDateTime:
		return prefix + "DateTime"
	case ItemTime:
		return prefix + "Time"
	case ItemString, ItemText:
		return prefix + "String"
	case ItemOpenChoice:
		return prefix + "Coding or " + prefix + "String"
	}
	return prefix + "Coding"
}
