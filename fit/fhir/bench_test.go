package fhir

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/practicekit/boundaries/fit"
)

// fiftyItems returns the JSON of a Questionnaire of 50 items: five groups,
// each with a display text, three scored choices, a boolean, an integer
// with a range, a date, a text shown on the boolean and a string, and the
// rules and bands of a scale over the choices.
func fiftyItems(tb testing.TB) []byte {
	s := fit.Screening{ID: "fifty", URL: "https://example.org/fhir/Questionnaire/fifty", Scales: []fit.Scale{{ID: "total", Name: "Total"}}}
	opts := []fit.Option{{Code: "0", Label: "Never", Score: 0, System: "http://example.org/cs"}, {Code: "1", Label: "Sometimes", Score: 1, System: "http://example.org/cs"},
		{Code: "2", Label: "Often", Score: 2, System: "http://example.org/cs"}}
	for g := range 5 {
		group := fmt.Sprintf("g%d", g)
		s.Questions = append(s.Questions, fit.Question{ID: group, Type: fit.TypeGroup, Text: "Part " + group, Help: "Answer each question."})
		add := func(q fit.Question) {
			q.Group = group
			s.Questions = append(s.Questions, q)
		}
		add(fit.Question{ID: group + "_intro", Type: fit.TypeDisplay, Text: "In the last two weeks:"})
		for c := range 3 {
			id := fmt.Sprintf("%s_c%d", group, c)
			add(fit.Question{ID: id, Type: fit.TypeSingleChoice, Text: "How often?", Options: opts, Required: true})
			s.Rules = append(s.Rules, fit.Rule{ID: "score_" + id, Kind: fit.KindScore, Question: id, Weight: 1, Scale: "total"})
		}
		add(fit.Question{ID: group + "_yn", Type: fit.TypeYesNo, Text: "Yes or no?", Required: true})
		add(fit.Question{ID: group + "_n", Type: fit.TypeInteger, Text: "How many?", Range: &fit.Range{Min: 0, Max: 100}})
		add(fit.Question{ID: group + "_d", Type: fit.TypeDate, Text: "Since when?"})
		add(fit.Question{ID: group + "_t", Type: fit.TypeText, Text: "Tell us more", EnableWhen: new(fit.Is(group+"_yn", fit.Bool(true)))})
		add(fit.Question{ID: group + "_s", Type: fit.TypeShortText, Text: "A word", EnableWhen: new(fit.AnyOf(fit.Is(group+"_c0", fit.Choice("2")), fit.Compare(group+"_n", fit.Greater, fit.Number(10))))})
	}
	s.Bands = []fit.Band{{ID: "low", Scale: "total", Min: 0, Max: 14, Message: "low"}, {ID: "high", Scale: "total", Min: 15, Max: 30, Outcome: fit.NeedsReview, Message: "high"}}
	if len(s.Questions) != 50 {
		tb.Fatalf("%d items", len(s.Questions))
	}
	q, err := NewQuestionnaire(s)
	if err != nil {
		tb.Fatal(err)
	}
	b, err := json.Marshal(q)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// BenchmarkImportQuestionnaire imports a 50-item Questionnaire from its
// JSON: strict decoding (Questionnaire.UnmarshalJSON, which
// encoding/json's Unmarshal calls after checking the input once more),
// then the screening, validated.
func BenchmarkImportQuestionnaire(b *testing.B) {
	data := fiftyItems(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var q Questionnaire
		if err := q.UnmarshalJSON(data); err != nil {
			b.Fatal(err)
		}
		if _, err := q.Screening(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeQuestionnaire is the first half of
// BenchmarkImportQuestionnaire: the strict decoding alone.
func BenchmarkDecodeQuestionnaire(b *testing.B) {
	data := fiftyItems(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var q Questionnaire
		if err := q.UnmarshalJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQuestionnaireScreening is the second half of
// BenchmarkImportQuestionnaire: the screening, validated, of a decoded
// questionnaire.
func BenchmarkQuestionnaireScreening(b *testing.B) {
	var q Questionnaire
	if err := q.UnmarshalJSON(fiftyItems(b)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := q.Screening(); err != nil {
			b.Fatal(err)
		}
	}
}
