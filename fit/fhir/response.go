package fhir

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/fit"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// The status codes of a QuestionnaireResponse.
const (
	ResponseInProgress     = "in-progress"
	ResponseCompleted      = "completed"
	ResponseAmended        = "amended"
	ResponseEnteredInError = "entered-in-error"
	ResponseStopped        = "stopped"
)

// A QuestionnaireResponse is a FHIR R4 QuestionnaireResponse resource, as
// far as fit maps it: which questionnaire it answers, its status, who and
// when, and its items with their answers. Decoding is strict, as for a
// Questionnaire.
//
// Read its answers with Answers, and write answers as one with
// NewResponse. The zero QuestionnaireResponse names no questionnaire and
// has no status.
type QuestionnaireResponse struct {
	// ID is the resource's logical id.
	ID string `json:"id,omitempty"`
	// Identifier is the business identifier of the response.
	Identifier *Identifier `json:"identifier,omitzero"`
	// Questionnaire is the canonical URL of the questionnaire answered,
	// optionally with "|" and its version.
	Questionnaire string `json:"questionnaire,omitempty"`
	// Status is in-progress, completed, amended, entered-in-error or
	// stopped.
	Status string `json:"status"`
	// Subject is who the answers are about; Encounter the encounter they
	// belong to.
	Subject   *Reference `json:"subject,omitzero"`
	Encounter *Reference `json:"encounter,omitzero"`
	// Authored is when the answers were given (a FHIR dateTime).
	Authored string `json:"authored,omitempty"`
	// Author is who recorded the answers; Source who gave them.
	Author *Reference `json:"author,omitzero"`
	Source *Reference `json:"source,omitzero"`
	// Item are the answered items, groups holding their items.
	Item []ResponseItem `json:"item,omitempty"`
}

// A ResponseItem is one answered item: a question's answers, or a
// group's items.
type ResponseItem struct {
	LinkID string         `json:"linkId"`
	Text   string         `json:"text,omitempty"`
	Answer []Answer       `json:"answer,omitempty"`
	Item   []ResponseItem `json:"item,omitempty"`
}

// An Answer is one answer to a question: one value of the question's
// type. A question that repeats has one Answer per value.
type Answer struct {
	ValueBoolean  *bool    `json:"valueBoolean,omitzero"`
	ValueDecimal  *float64 `json:"valueDecimal,omitzero"`
	ValueInteger  *int32   `json:"valueInteger,omitzero"`
	ValueDate     *string  `json:"valueDate,omitzero"`
	ValueDateTime *string  `json:"valueDateTime,omitzero"`
	ValueTime     *string  `json:"valueTime,omitzero"`
	ValueString   *string  `json:"valueString,omitzero"`
	ValueCoding   *Coding  `json:"valueCoding,omitzero"`
}

// A Reference points to another resource, or describes it.
type Reference struct {
	Reference string `json:"reference,omitempty"`
	Display   string `json:"display,omitempty"`
}

// An Identifier is a business identifier: a value in a system.
type Identifier struct {
	System string `json:"system,omitempty"`
	Value  string `json:"value,omitempty"`
}

// responseJSON is a QuestionnaireResponse with its resourceType.
type responseJSON struct {
	ResourceType string `json:"resourceType"`
	plainResponse
}

type plainResponse QuestionnaireResponse

// MarshalJSON encodes the response as a FHIR R4 resource, with
// "resourceType": "QuestionnaireResponse".
func (r QuestionnaireResponse) MarshalJSON() ([]byte, error) {
	return strictjson.Marshal(responseJSON{ResourceType: "QuestionnaireResponse", plainResponse: plainResponse(r)})
}

// UnmarshalJSON decodes a FHIR R4 QuestionnaireResponse strictly and
// within the library's limits, as Questionnaire.UnmarshalJSON does. It
// does not check the answers against a questionnaire; Answers does.
func (r *QuestionnaireResponse) UnmarshalJSON(b []byte) error {
	var j responseJSON
	if err := strictjson.Unmarshal(b, &j, strictjson.Limits{}); err != nil {
		return explain(b, err, kindResponse)
	}
	if j.ResourceType != "QuestionnaireResponse" {
		return resourceTypeProblem(j.ResourceType, "QuestionnaireResponse")
	}
	*r = QuestionnaireResponse(j.plainResponse)
	return nil
}

// canonical returns the reference a response makes to a screening: its
// URL, with "|" and its version when it has one.
func canonical(s *fit.Screening) string {
	if s.Version == "" {
		return s.URL
	}
	return s.URL + "|" + s.Version
}

// Answers returns the answers of the response to the screening, keyed by
// question ID, ready for Evaluator.Evaluate: nested items are read in
// their groups, several answers to a multiple choice become its list of
// codes. It returns a problem.List, at the paths of the response
// ("item[2].item[0].answer[1].valueCoding"), naming each item's linkId,
// when the response answers another questionnaire (its questionnaire
// must be the screening's URL, and its version the screening's when both
// give one) or was entered in error, when an item's linkId is not a
// question of the screening or sits in another group, and when an answer
// is not of its question's type, not one of its options, or one too many.
// Answers are not checked against ranges or rules here: Evaluator.Bind
// and ValidateAnswers do that.
func (r QuestionnaireResponse) Answers(s fit.Screening) (fit.Answers, error) {
	var l problem.List
	url, version, _ := strings.Cut(r.Questionnaire, "|")
	switch {
	case r.Questionnaire == "" && s.URL != "":
		l.Add("questionnaire", problem.Required, "the response names no questionnaire; screening %s is %s", prose.Quote(s.ID), prose.Quote(s.URL))
	case url != s.URL:
		l.Add("questionnaire", problem.Mismatch, "the response answers another questionnaire than screening %s, %s: %s", prose.Quote(s.ID), strconv.Quote(s.URL), prose.Quote(r.Questionnaire))
	case version != "" && s.Version != "" && version != s.Version:
		l.Add("questionnaire", problem.Mismatch, "the response answers version %s, not version %s of screening %s", prose.Quote(version), strconv.Quote(s.Version), prose.Quote(s.ID))
	}
	if len(l) > 0 {
		// The items are another questionnaire's: say only that.
		return nil, l
	}
	switch r.Status {
	case ResponseInProgress, ResponseCompleted, ResponseAmended, ResponseStopped:
	case ResponseEnteredInError:
		l.Add("status", problem.Invalid, "the response was entered in error, so its answers are not the client's")
	case "":
		l.Add("status", problem.Required, "a QuestionnaireResponse needs its status")
	default:
		l.Add("status", problem.Invalid, "unknown status %s; want in-progress, completed, amended, entered-in-error or stopped", prose.Quote(r.Status))
	}
	rd := responseReader{s: &s, byID: make(map[string]int, len(s.Questions)), seen: map[string]bool{}, a: fit.Answers{}, l: &l}
	for i := range s.Questions {
		rd.byID[s.Questions[i].ID] = i
	}
	rd.items(r.Item, "", "")
	if len(l) > 0 {
		return nil, l
	}
	return rd.a, nil
}

// A responseReader reads a response's items into answers.
type responseReader struct {
	s    *fit.Screening
	byID map[string]int
	seen map[string]bool
	a    fit.Answers
	l    *problem.List
}

// items reads the items at path, which belong in the group group.
func (rd *responseReader) items(items []ResponseItem, path, group string) {
	for k := range items {
		rd.item(&items[k], problem.Index(problem.Join(path, "item"), k), group)
	}
}

// item reads one item.
func (rd *responseReader) item(it *ResponseItem, path, group string) {
	l := rd.l
	id := it.LinkID
	i, ok := rd.byID[id]
	switch {
	case id == "":
		l.Add(problem.Join(path, "linkId"), problem.Required, "an item needs a linkId")
		return
	case !ok:
		l.Add(problem.Join(path, "linkId"), problem.Unknown, "%sscreening %s has no question with this linkId", about(id), prose.Quote(rd.s.ID))
		return
	case rd.seen[id]:
		l.Add(problem.Join(path, "linkId"), problem.Duplicate, "%sthe item is answered twice; fit answers each question once", about(id))
		return
	}
	rd.seen[id] = true
	q := &rd.s.Questions[i]
	if q.Group != group {
		where := func(g string) string {
			if g == "" {
				return "the top level"
			}
			return "group " + prose.Quote(g)
		}
		l.Add(path, problem.Mismatch, "%sthe item belongs in %s, not in %s", about(id), where(q.Group), where(group))
		return
	}
	switch q.Type {
	case fit.TypeGroup:
		if len(it.Answer) > 0 {
			l.Add(problem.Join(path, "answer"), problem.Unexpected, "%sa group has no answer", about(id))
		}
		rd.items(it.Item, path, id)
		return
	case fit.TypeDisplay:
		if len(it.Answer) > 0 || len(it.Item) > 0 {
			l.Add(path, problem.Unexpected, "%sa display item has no answer and no items", about(id))
		}
		return
	}
	if len(it.Item) > 0 {
		unsupported(l, problem.Join(path, "item"), id, "items nested under a question: fit nests items only in groups")
	}
	if len(it.Answer) == 0 {
		return
	}
	if q.Type != fit.TypeMultipleChoice && len(it.Answer) > 1 {
		l.Add(problem.Join(path, "answer"), problem.TooMany, "%sa question that does not repeat has one answer, not %d", about(id), len(it.Answer))
		return
	}
	var codes []string
	for k := range it.Answer {
		a := &it.Answer[k]
		at := problem.Index(problem.Join(path, "answer"), k)
		v, ok := typed{"", a.ValueBoolean, a.ValueDecimal, a.ValueInteger, a.ValueDate, a.ValueDateTime, a.ValueTime, a.ValueString, a.ValueCoding}.value(q)
		if !ok {
			l.Add(at, problem.Mismatch, "%san item of type %s is answered with %s", about(id), itemTypeOf(q), valueName(itemTypeOf(q), "value"))
			continue
		}
		if !rd.checkValue(q, a, at, id) {
			continue
		}
		if q.Type == fit.TypeMultipleChoice {
			code, _ := v.Text()
			codes = append(codes, code)
			continue
		}
		rd.a[id] = v
	}
	if q.Type == fit.TypeMultipleChoice && len(codes) == len(it.Answer) {
		rd.a[id] = fit.Choices(codes...)
	}
}

// timeSyntax is the syntax of a FHIR time.
var timeSyntax = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]{1,9})?$`)

// checkValue checks what the value's type leaves open: a coding must be
// one of the question's options, in its system; a date, time or dateTime
// must be whole and valid; a decimal finite.
func (rd *responseReader) checkValue(q *fit.Question, a *Answer, at, id string) bool {
	bad := func(field, format string, args ...any) bool {
		rd.l.Add(problem.Join(at, field), problem.Invalid, about(id)+format, args...)
		return false
	}
	switch {
	case a.ValueCoding != nil:
		c := a.ValueCoding
		for _, o := range q.Options {
			if o.Code == c.Code {
				if c.System != o.System {
					rd.l.Add(problem.Join(at, "valueCoding.system"), problem.Mismatch, "%sthe code %s is in the system %s, not %s", about(id), prose.Quote(c.Code), prose.Quote(o.System), prose.Quote(c.System))
					return false
				}
				return true
			}
		}
		rd.l.Add(problem.Join(at, "valueCoding.code"), problem.Unknown, "%sthe question has no answer option %s", about(id), prose.Quote(c.Code))
		return false
	case a.ValueDate != nil:
		if _, err := availability.ParseDate(*a.ValueDate); err != nil {
			return bad("valueDate", "%s is not a whole date such as \"2026-11-24\"; fit takes no partial dates", prose.Quote(*a.ValueDate))
		}
	case a.ValueDateTime != nil:
		if _, err := time.Parse(time.RFC3339Nano, *a.ValueDateTime); err != nil {
			return bad("valueDateTime", "%s is not a date and time with its offset, such as \"2026-11-24T18:30:00+01:00\"; fit takes no partial ones", prose.Quote(*a.ValueDateTime))
		}
	case a.ValueTime != nil:
		if !timeSyntax.MatchString(*a.ValueTime) {
			return bad("valueTime", "%s is not a time such as \"18:30:00\"", prose.Quote(*a.ValueTime))
		}
	case a.ValueDecimal != nil:
		if math.IsInf(*a.ValueDecimal, 0) || math.IsNaN(*a.ValueDecimal) {
			return bad("valueDecimal", "the number is not finite")
		}
	}
	return true
}

// itemTypeOf returns the FHIR item type of a question, for messages.
func itemTypeOf(q *fit.Question) ItemType {
	switch q.Type {
	case fit.TypeYesNo:
		return ItemBoolean
	case fit.TypeNumber:
		return ItemDecimal
	case fit.TypeInteger, fit.TypeScale:
		return ItemInteger
	case fit.TypeDate:
		return ItemDate
	case fit.TypeDateTime:
		return ItemDateTime
	case fit.TypeTime:
		return ItemTime
	case fit.TypeShortText:
		return ItemString
	case fit.TypeText:
		return ItemText
	case fit.TypeSingleChoice, fit.TypeMultipleChoice:
		if q.Open {
			return ItemOpenChoice
		}
		return ItemChoice
	case fit.TypeGroup:
		return ItemGroup
	case fit.TypeDisplay:
		return ItemDisplay
	}
	return ItemType(q.Type)
}

// NewResponse returns the answers as a completed FHIR R4
// QuestionnaireResponse to the screening's questionnaire (its URL, with
// "|" and its version when it has one): an item for each answered
// question, with its text, inside the items of its groups, in the
// screening's order. Set the subject, the author and when it was
// authored on the result. It returns a problem.List, at the answers'
// question IDs, for an answer to no question, an answer of the wrong
// shape, and what FHIR cannot say: an answer to a question with no item
// type (location, times, instinct, money), or an empty multiple choice
// ("none of these"), which FHIR has no answer for (ErrUnsupported).
func NewResponse(s fit.Screening, a fit.Answers) (QuestionnaireResponse, error) {
	r := QuestionnaireResponse{Questionnaire: canonical(&s), Status: ResponseCompleted}
	var l problem.List
	byID := make(map[string]int, len(s.Questions))
	children := make(map[string][]int, len(s.Questions))
	var top []int
	for i := range s.Questions {
		q := &s.Questions[i]
		byID[q.ID] = i
		if q.Group != "" {
			children[q.Group] = append(children[q.Group], i)
		} else {
			top = append(top, i)
		}
	}
	for _, id := range sortedIDs(a) {
		if _, ok := byID[id]; !ok {
			l.Add(problem.Key("", id), problem.Unknown, "screening %s has no question %s", prose.Quote(s.ID), prose.Quote(id))
		}
	}
	var build func(list []int, depth int) []ResponseItem
	build = func(list []int, depth int) []ResponseItem {
		var items []ResponseItem
		for _, i := range list {
			q := &s.Questions[i]
			if q.Type == fit.TypeGroup {
				if depth > fit.MaxDepth {
					continue
				}
				if kids := build(children[q.ID], depth+1); len(kids) > 0 {
					items = append(items, ResponseItem{LinkID: q.ID, Text: q.Text, Item: kids})
				}
				continue
			}
			v, ok := a[q.ID]
			if !ok || v.IsZero() {
				continue
			}
			answers, ok := answersOf(q, v, &l)
			if ok {
				items = append(items, ResponseItem{LinkID: q.ID, Text: q.Text, Answer: answers})
			}
		}
		return items
	}
	r.Item = build(top, 1)
	if len(l) > 0 {
		return QuestionnaireResponse{}, l
	}
	return r, nil
}

// answersOf returns the FHIR answers of one fit answer, or adds the
// problem to l.
func answersOf(q *fit.Question, v fit.Value, l *problem.List) ([]Answer, bool) {
	path := problem.Key("", q.ID)
	switch q.Type {
	case fit.TypeDisplay, fit.TypeLocation, fit.TypeTimes, fit.TypeInstinct, fit.TypeMoney:
		l.Add(path, problem.Unexpected, "question %s: a %s question has no FHIR item, so its answer has no FHIR form", prose.Quote(q.ID), q.Type)
		(*l)[len(*l)-1].Err = ErrUnsupported
		return nil, false
	case fit.TypeMultipleChoice:
		codes, ok := v.Choices()
		switch {
		case !ok:
			l.Add(path, problem.Mismatch, "question %s takes a list of option codes, not %s", prose.Quote(q.ID), v)
			return nil, false
		case len(codes) == 0:
			l.Add(path, problem.Unexpected, "question %s: FHIR has no answer for none of these; leave the question unanswered", prose.Quote(q.ID))
			(*l)[len(*l)-1].Err = ErrUnsupported
			return nil, false
		}
		var answers []Answer
		for k, code := range codes {
			a, ok := answerOf(q, fit.Choice(code))
			if !ok {
				l.Add(problem.Index(path, k), problem.Unknown, "question %s has no option %s", prose.Quote(q.ID), prose.Quote(code))
				return nil, false
			}
			answers = append(answers, a)
		}
		return answers, true
	}
	a, ok := answerOf(q, v)
	if !ok {
		l.Add(path, problem.Mismatch, "question %s, a %s question, has no FHIR answer %s", prose.Quote(q.ID), q.Type, v)
		return nil, false
	}
	return []Answer{a}, true
}

// sortedIDs returns the keys of the answers in order.
func sortedIDs(a fit.Answers) []string {
	ids := make([]string, 0, len(a))
	for id := range a {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
