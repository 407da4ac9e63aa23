package fhir

import (
	"cmp"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/fit"
)

// everyItem returns the questionnaire of testdata/every-item.json, which
// has every item type, operator and extension fit maps, written as other
// systems write them: weights as ordinalValue and itemWeight, on options
// and on their codings, and the R5 type coding.
func everyItem(t testing.TB) (Questionnaire, []byte) {
	b, err := os.ReadFile("testdata/every-item.json")
	require.NoError(t, err)
	var q Questionnaire
	require.NoError(t, json.Unmarshal(b, &q))
	return q, b
}

// TestQuestionnaireRoundTrip reads a questionnaire into a screening and
// writes it back: the two questionnaires are the same once written the
// one way FHIR allows several (see normalize).
func TestQuestionnaireRoundTrip(t *testing.T) {
	q, _ := everyItem(t)
	s, err := q.Screening()
	require.NoError(t, err)
	back, err := NewQuestionnaire(s)
	require.NoError(t, err)
	require.Equal(t, normalize(q), normalize(back))

	// Through JSON too, and a second round changes nothing at all.
	b, err := json.Marshal(back)
	require.NoError(t, err)
	var again Questionnaire
	require.NoError(t, json.Unmarshal(b, &again))
	s2, err := again.Screening()
	require.NoError(t, err)
	require.Equal(t, s, s2)
	third, err := NewQuestionnaire(s2)
	require.NoError(t, err)
	require.Equal(t, back, third)
}

// normalize writes a questionnaire the one way among those FHIR allows
// for the same meaning: an option's weight as ordinalValue on the
// answerOption (0 where a scored question's option has none), the R5 type
// coding as choice, extensions in URL order, help items first, and a
// Coding compared with by its system and code only.
func normalize(q Questionnaire) Questionnaire {
	q.Item = normalizeItems(q.Item)
	q.Extension = sortedExtensions(q.Extension)
	return q
}

func normalizeItems(items []Item) []Item {
	out := make([]Item, len(items))
	for i, it := range items {
		if it.Type == ItemCoding {
			it.Type = ItemChoice
		}
		it.Extension = sortedExtensions(it.Extension)
		scored := false
		weights := make([]*float64, len(it.AnswerOption))
		options := make([]AnswerOption, len(it.AnswerOption))
		for k, ao := range it.AnswerOption {
			c := *ao.ValueCoding
			for _, e := range slices.Concat(ao.Extension, c.Extension) {
				if e.URL == ExtOrdinalValue || e.URL == ExtItemWeight {
					weights[k], scored = e.ValueDecimal, true
				}
			}
			c.Extension = nil
			ao.ValueCoding, ao.Extension = &c, nil
			options[k] = ao
		}
		for k := range options {
			if scored {
				w := 0.0
				if weights[k] != nil {
					w = *weights[k]
				}
				options[k].Extension = []Extension{decimalExt(ExtOrdinalValue, w)}
			}
		}
		if len(options) > 0 {
			it.AnswerOption = options
		}
		if it.EnableWhen != nil {
			ews := make([]EnableWhen, len(it.EnableWhen))
			for k, ew := range it.EnableWhen {
				if ew.AnswerCoding != nil {
					ew.AnswerCoding = &Coding{System: ew.AnswerCoding.System, Code: ew.AnswerCoding.Code}
				}
				ews[k] = ew
			}
			it.EnableWhen = ews
		}
		kids := normalizeItems(it.Item)
		slices.SortStableFunc(kids, func(a, b Item) int {
			return cmp.Compare(boolRank(!isHelp(&a)), boolRank(!isHelp(&b)))
		})
		if len(kids) > 0 {
			it.Item = kids
		}
		out[i] = it
	}
	return out
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func sortedExtensions(es []Extension) []Extension {
	out := slices.Clone(es)
	slices.SortStableFunc(out, func(a, b Extension) int { return cmp.Compare(a.URL, b.URL) })
	return out
}

// TestQuestionnaireReadsFHIRMeaning checks that the screening read from
// every-item.json decides display as FHIR says: != holds without an
// answer, a repeating choice's = is "some answer is", items of a hidden
// group are hidden, and behaviors all and any.
func TestQuestionnaireReadsFHIRMeaning(t *testing.T) {
	q, _ := everyItem(t)
	s, err := q.Screening()
	require.NoError(t, err)
	ev, err := fit.Compile(s, fit.Provider{})
	require.NoError(t, err)
	shown := func(a fit.Answers, id string) bool {
		a = copyAnswers(a)
		a[id] = fit.Bool(true) // an answer to it is ignored when it is hidden
		d := ev.Evaluate(a, fit.Options{})
		return !slices.Contains(d.Ignored, id)
	}
	base := fit.Answers{"consent": fit.Bool(true), "name": fit.Text("Ada"), "sleep": fit.Choice("well"), "safe": fit.Bool(true)}
	require.True(t, shown(fit.Answers{"consent": fit.Bool(true), "safe": fit.Bool(true)}, "not-well"), "!= holds without an answer")
	require.False(t, shown(base, "not-well"))
	require.True(t, shown(with(base, "sleep", fit.Choice("badly")), "not-well"))
	require.True(t, shown(with(base, "drinks", fit.Number(15)), "many-drinks"))
	require.False(t, shown(with(base, "drinks", fit.Number(14)), "many-drinks"))
	require.True(t, shown(with(base, "wake", fit.Text("05:45:00")), "early"))
	// any: a run among the sports, a good mood, or a recent visit.
	require.False(t, shown(base, "active"))
	require.True(t, shown(with(base, "sports", fit.Choices("swim", "run")), "active"))
	require.True(t, shown(with(base, "mood", fit.Number(7)), "active"))
	require.True(t, shown(with(base, "last-visit", fit.Text("2026-03-01T10:00:00Z")), "active"))
	// all: Ada, no "none" among the sports (none given counts), a little
	// worry, and no story.
	require.False(t, shown(base, "calm"))
	require.True(t, shown(with(base, "worry", fit.Choice("little")), "calm"))
	require.False(t, shown(with(with(base, "worry", fit.Choice("little")), "sports", fit.Choices("none")), "calm"))
	// A hidden group hides its items, nested ones too.
	require.False(t, shown(fit.Answers{"consent": fit.Bool(false), "safe": fit.Bool(true)}, "wake"))
	require.True(t, shown(base, "wake"))

	// The rules and bands of the extensions decide.
	d := ev.Evaluate(with(base, "sleep", fit.Choice("hardly")), fit.Options{})
	require.Equal(t, fit.NeedsReview, d.Outcome)
	require.Contains(t, d.Reasons, fit.Reason{Code: fit.CodeBand, Rule: "poor_sleep", Message: "Sleep total 3: poor"})
	d = ev.Evaluate(with(base, "safe", fit.Bool(false)), fit.Options{})
	require.Equal(t, fit.Urgent, d.Outcome)
}

func copyAnswers(a fit.Answers) fit.Answers { return maps.Clone(a) }

func with(a fit.Answers, id string, v fit.Value) fit.Answers {
	out := copyAnswers(a)
	out[id] = v
	return out
}

// TestInstrumentsRoundTrip writes each validated instrument as a
// Questionnaire and reads it back: the same screening, so the same
// scoring, bands and crisis rule.
func TestInstrumentsRoundTrip(t *testing.T) {
	for _, s := range []fit.Screening{fit.PHQ9(), fit.GAD7(), fit.PHQ2(), fit.GAD2()} {
		q, err := NewQuestionnaire(s)
		require.NoError(t, err, s.ID)
		b, err := json.Marshal(q)
		require.NoError(t, err)
		var back Questionnaire
		require.NoError(t, json.Unmarshal(b, &back))
		got, err := back.Screening()
		require.NoError(t, err, s.ID)
		require.Equal(t, s, got, s.ID)
	}
}

// refusal is one way a questionnaire cannot map, and where it is
// reported.
type refusal struct {
	name   string
	json   string // replaces `"type":"boolean","text":"B"` of the item "b"
	path   string
	code   problem.Code
	linkID string
}

// TestQuestionnaireRefusals refuses what cannot map, at the element's
// path and naming the item's linkId, rather than dropping it.
func TestQuestionnaireRefusals(t *testing.T) {
	doc := func(b string) string {
		return `{"resourceType":"Questionnaire","id":"q","status":"active","item":[` +
			`{"linkId":"a","type":"choice","text":"A","answerOption":[{"valueCoding":{"code":"x","display":"X"}},{"valueCoding":{"code":"y","display":"Y"}}]},` +
			`{"linkId":"g","type":"group","text":"G","item":[{"linkId":"b",` + b + `}]}]}`
	}
	ok := `"type":"boolean","text":"B"`
	for _, c := range []refusal{
		{"prefix", `"prefix":"1.",` + ok, "item[1].item[0].prefix", problem.Unexpected, "b"},
		{"code", `"code":[{"system":"http://loinc.org","code":"44250-9"}],` + ok, "item[1].item[0].code", problem.Unexpected, "b"},
		{"answerValueSet", `"answerValueSet":"http://example.org/vs",` + ok, "item[1].item[0].answerValueSet", problem.Unexpected, "b"},
		{"readOnly", `"readOnly":true,` + ok, "item[1].item[0].readOnly", problem.Unexpected, "b"},
		{"primitive extension", `"_text":{"extension":[]},` + ok, "item[1].item[0]._text", problem.Unexpected, "b"},
		{"modifierExtension", `"modifierExtension":[],` + ok, "item[1].item[0].modifierExtension", problem.Unexpected, "b"},
		{"not R4", `"hidden":true,` + ok, "item[1].item[0].hidden", problem.Unknown, "b"},
		{"answerQuantity", `"enableWhen":[{"question":"a","operator":">","answerQuantity":{"value":1}}],` + ok, "item[1].item[0].enableWhen[0].answerQuantity", problem.Unexpected, "b"},
		{"coding version", `"enableWhen":[{"question":"a","operator":"=","answerCoding":{"code":"x","version":"1"}}],` + ok, "item[1].item[0].enableWhen[0].answerCoding.version", problem.Unexpected, "b"},
	} {
		var q Questionnaire
		err := json.Unmarshal([]byte(doc(c.json)), &q)
		requireProblem(t, err, c)
	}
	for _, c := range []refusal{
		{"quantity", `"type":"quantity","text":"B"`, "item[1].item[0].type", problem.Unexpected, "b"},
		{"url", `"type":"url","text":"B"`, "item[1].item[0].type", problem.Unexpected, "b"},
		{"repeating string", `"type":"string","text":"B","repeats":true`, "item[1].item[0].repeats", problem.Unexpected, "b"},
		{"repeating group", `"type":"group","text":"B","repeats":true,"item":[{"linkId":"c","type":"boolean","text":"C"}]`, "item[1].item[0].repeats", problem.Unexpected, "b"},
		{"required group", `"type":"group","text":"B","required":true,"item":[{"linkId":"c","type":"boolean","text":"C"}]`, "item[1].item[0].required", problem.Unexpected, "b"},
		{"nested under a question", ok + `,"item":[{"linkId":"c","type":"boolean","text":"C"}]`, "item[1].item[0].item", problem.Unexpected, "b"},
		{"unknown extension", `"extension":[{"url":"http://example.org/x","valueString":"y"}],` + ok, "item[1].item[0].extension[0].url", problem.Unexpected, "b"},
		{"calculatedExpression", `"extension":[{"url":"http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression","valueString":"x"}],` + ok, "item[1].item[0].extension[0].url", problem.Unexpected, "b"},
		{"minValue alone", `"type":"decimal","text":"B","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueDecimal":1}]`, "item[1].item[0].extension", problem.Unexpected, "b"},
		{"drop-down", `"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl","valueCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/questionnaire-item-control","code":"drop-down"}]}}],` + ok, "item[1].item[0].extension[0]", problem.Unexpected, "b"},
		{"options on a boolean", ok + `,"answerOption":[{"valueCoding":{"code":"x"}}]`, "item[1].item[0].answerOption", problem.Unexpected, "b"},
		{"open choice by its text", ok + `,"enableWhen":[{"question":"o","operator":"=","answerString":"x"}]},{"linkId":"o","type":"open-choice","text":"O","answerOption":[{"valueCoding":{"code":"x","display":"X"}}]`, "item[1].item[0].enableWhen[0].answerString", problem.Unexpected, "b"},
		{"ordering codes", ok + `,"enableWhen":[{"question":"a","operator":">","answerCoding":{"code":"x"}}]`, "item[1].item[0].enableWhen[0].operator", problem.Unexpected, "b"},
		{"unknown code", ok + `,"enableWhen":[{"question":"a","operator":"=","answerCoding":{"code":"z"}}]`, "item[1].item[0].enableWhen[0].answerCoding.code", problem.Unknown, "b"},
		{"another system", ok + `,"enableWhen":[{"question":"a","operator":"=","answerCoding":{"system":"http://loinc.org","code":"x"}}]`, "item[1].item[0].enableWhen[0].answerCoding.system", problem.Mismatch, "b"},
		{"unknown question", ok + `,"enableWhen":[{"question":"zz","operator":"exists","answerBoolean":true}]`, "item[1].item[0].enableWhen[0].question", problem.Unknown, "b"},
		{"wrong answer type", ok + `,"enableWhen":[{"question":"a","operator":"=","answerString":"x"}]`, "item[1].item[0].enableWhen[0]", problem.Mismatch, "b"},
		{"two answers", ok + `,"enableWhen":[{"question":"a","operator":"=","answerString":"x","answerBoolean":true}]`, "item[1].item[0].enableWhen[0]", problem.Invalid, "b"},
		{"no behavior", ok + `,"enableWhen":[{"question":"a","operator":"exists","answerBoolean":true},{"question":"a","operator":"exists","answerBoolean":false}]`, "item[1].item[0].enableBehavior", problem.Required, "b"},
		{"unknown operator", ok + `,"enableWhen":[{"question":"a","operator":"~","answerBoolean":true}]`, "item[1].item[0].enableWhen[0].operator", problem.Unknown, "b"},
		{"help with another linkId", ok + `,"item":[{"linkId":"tip","type":"display","text":"T","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl","valueCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/questionnaire-item-control","code":"help"}]}}]}]`, "item[1].item[0].item[0].linkId", problem.Unexpected, "tip"},
		{"duplicate linkId", `"type":"boolean","text":"B"},{"linkId":"b","type":"boolean","text":"B2"`, "item[1].item[1].linkId", problem.Duplicate, "b"},
		{"fit's own check: a choice without options", `"type":"choice","text":"B"`, "item[1].item[0].answerOption", problem.Empty, "b"},
		{"fit's own check: display condition on itself", ok + `,"enableWhen":[{"question":"b","operator":"exists","answerBoolean":true}]`, "item[1].item[0].enableWhen[0]", problem.Cycle, "b"},
	} {
		var q Questionnaire
		require.NoError(t, json.Unmarshal([]byte(doc(c.json)), &q), c.name)
		_, err := q.Screening()
		requireProblem(t, err, c)
	}

	// The resource as a whole.
	for _, c := range []struct {
		json, path string
		code       problem.Code
	}{
		{`{"resourceType":"Questionnaire","id":"q","status":"draft","item":[{"linkId":"a","type":"boolean","text":"A"}]}`, "status", problem.Unexpected},
		{`{"resourceType":"Questionnaire","status":"active","item":[{"linkId":"a","type":"boolean","text":"A"}]}`, "id", problem.Required},
		{`{"resourceType":"Questionnaire","id":"q","status":"active","publisher":"Someone","item":[]}`, "publisher", problem.Unexpected},
		{`{"resourceType":"Questionnaire","id":"q","status":"active","extension":[{"url":"https://github.com/practicekit/boundaries/fhir/StructureDefinition/rule","valueString":"{\"id\":\"r\",\"kind\":\"nope\"}"}],"item":[{"linkId":"a","type":"boolean","text":"A"}]}`, "extension[0].valueString.kind", problem.Unknown},
		{`{"resourceType":"Patient","id":"q","status":"active"}`, "resourceType", problem.Mismatch},
	} {
		var q Questionnaire
		err := json.Unmarshal([]byte(c.json), &q)
		if err == nil {
			_, err = q.Screening()
		}
		var l problem.List
		require.ErrorAs(t, err, &l, c.json)
		require.NotEmpty(t, l.At(c.path), "%s: %v", c.json, l)
		require.Equal(t, c.code, l.At(c.path)[0].Code, "%v", l)
	}
}

// requireProblem holds err to a refusal: a problem.List with a problem at
// the path, of the code, naming the item, and matching ErrUnsupported
// when it is about something fit does not map.
func requireProblem(t *testing.T, err error, c refusal) {
	t.Helper()
	var l problem.List
	require.ErrorAs(t, err, &l, c.name)
	at := l.At(c.path)
	require.NotEmpty(t, at, "%s: want a problem at %s, got %v", c.name, c.path, l)
	p := at[0]
	require.Equal(t, c.code, p.Code, "%s: %v", c.name, p)
	require.True(t, strings.Contains(p.Message, `item "`+c.linkID+`"`), "%s: %q names no item %q", c.name, p.Message, c.linkID)
	require.Equal(t, c.code == problem.Unexpected, errors.Is(err, ErrUnsupported), "%s: %v", c.name, p)
	require.ErrorIs(t, err, problem.ErrInvalid)
}

// TestNewQuestionnaireRefusals refuses what FHIR cannot say.
func TestNewQuestionnaireRefusals(t *testing.T) {
	for _, c := range []struct {
		name string
		s    fit.Screening
		path string
	}{
		{"location", fit.Standard(fit.BankOptions{}), "questions[4].type"},
		{"not a FHIR id", fit.Screening{ID: "a_b", Questions: []fit.Question{{ID: "q", Type: fit.TypeYesNo, Text: "Q"}}}, "id"},
		{"not_equals", screeningWith(fit.Compare("a", fit.NotEquals, fit.Bool(true))), "questions[1].enable_when"},
		{"in", screeningWith(fit.Compare("c", fit.In, fit.Choices("x", "y"))), "questions[1].enable_when"},
		{"nested", screeningWith(fit.AllOf(fit.AnyOf(fit.Has("a"), fit.Has("c")), fit.Has("a"))), "questions[1].enable_when.all[0]"},
		{"not of greater", screeningWith(fit.Not(fit.Compare("n", fit.Greater, fit.Number(1)))), "questions[1].enable_when"},
		{"set equality", screeningWith(fit.Is("m", fit.Choices("x"))), "questions[1].enable_when"},
	} {
		_, err := NewQuestionnaire(c.s)
		var l problem.List
		require.ErrorAs(t, err, &l, c.name)
		require.NotEmpty(t, l.At(c.path), "%s: %v", c.name, l)
		require.ErrorIs(t, err, ErrUnsupported, c.name)
	}
}

// screeningWith returns a screening whose second question is shown on c.
func screeningWith(c fit.Condition) fit.Screening {
	opts := []fit.Option{{Code: "x", Label: "X"}, {Code: "y", Label: "Y"}}
	return fit.Screening{ID: "s", Questions: []fit.Question{
		{ID: "a", Type: fit.TypeYesNo, Text: "A"},
		{ID: "b", Type: fit.TypeYesNo, Text: "B", EnableWhen: &c},
		{ID: "c", Type: fit.TypeSingleChoice, Text: "C", Options: opts},
		{ID: "m", Type: fit.TypeMultipleChoice, Text: "M", Options: opts},
		{ID: "n", Type: fit.TypeNumber, Text: "N"},
	}}
}
