package fhir

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/practicekit/boundaries/fit"
)

// FuzzQuestionnaireJSON decodes any input as a Questionnaire: it never
// panics, and what it reads as a screening writes back as a questionnaire
// that reads as the same screening.
func FuzzQuestionnaireJSON(f *testing.F) {
	b, err := os.ReadFile("testdata/every-item.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	for _, s := range []fit.Screening{fit.PHQ9(), fit.GAD7(), fit.PHQ2()} {
		q, err := NewQuestionnaire(s)
		if err != nil {
			f.Fatal(err)
		}
		b, err := json.Marshal(q)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		`{"resourceType":"Questionnaire","id":"q","status":"active","item":[{"linkId":"a","type":"group","text":"A","item":[{"linkId":"b","type":"integer","text":"B","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":0},{"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":3}]}]}]}`,
		`{"resourceType":"Questionnaire","id":"q","status":"active","item":[{"linkId":"a","type":"boolean","text":"A","enableWhen":[{"question":"a","operator":"exists","answerBoolean":true}]}]}`,
		`{"resourceType":"Questionnaire","id":"q","status":"active","item":[{"linkId":"a","type":"time","text":"A","initial":[{"valueTime":"07:00"}]}]}`,
		`{"resourceType":"Questionnaire","id":"q","status":"active","item":[{"linkId":"a","type":"choice","text":"A","answerOption":[{"valueCoding":{"code":"x","display":"X","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/itemWeight","valueDecimal":-1e308}]}}]}]}`,
		`{"resourceType":"Questionnaire","item":[{"item":[{"item":[{"item":[]}]}]}]}`,
		`{"resourceType":"Questionnaire","id":"q","status":"active","extension":[{"url":"https://github.com/practicekit/boundaries/fhir/StructureDefinition/rule","valueString":"{\"id\":\"r\",\"kind\":\"need\",\"needs\":[\"x\"],\"message\":\"m\"}"}],"item":[{"linkId":"a","type":"display","text":"A"}]}`,
		`[]`, `{"resourceType":"Questionnaire","prefix":1}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var q Questionnaire
		if err := json.Unmarshal(data, &q); err != nil {
			return
		}
		s, err := q.Screening()
		if err != nil {
			return
		}
		back, err := NewQuestionnaire(s)
		if err != nil {
			t.Fatalf("a screening read from a questionnaire does not write back: %v", err)
		}
		b, err := json.Marshal(back)
		if err != nil {
			t.Fatalf("encoding %+v: %v", back, err)
		}
		var again Questionnaire
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("re-decoding %s: %v", b, err)
		}
		s2, err := again.Screening()
		if err != nil {
			t.Fatalf("re-reading %s: %v", b, err)
		}
		if a, z := mustJSON(t, s), mustJSON(t, s2); a != z {
			t.Fatalf("the round trip changed the screening\n%s\n%s", a, z)
		}
	})
}

// FuzzResponseJSON decodes any input as a QuestionnaireResponse to the
// questionnaire of every-item.json: it never panics, and the answers it
// reads write back as a response that reads as the same answers.
func FuzzResponseJSON(f *testing.F) {
	q, _ := everyItem(f)
	s, err := q.Screening()
	if err != nil {
		f.Fatal(err)
	}
	r, err := NewResponse(s, everyAnswer())
	if err != nil {
		f.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	const url = `"https://example.org/fhir/Questionnaire/every-item"`
	for _, s := range []string{
		`{"resourceType":"QuestionnaireResponse","questionnaire":` + url + `,"status":"completed","item":[{"linkId":"sports","answer":[{"valueCoding":{"code":"run"}},{"valueString":"x"}]}]}`,
		`{"resourceType":"QuestionnaireResponse","questionnaire":` + url + `,"status":"in-progress","item":[{"linkId":"about","item":[{"linkId":"details","item":[{"linkId":"wake","answer":[{"valueTime":"25:00:00"}]}]}]}]}`,
		`{"resourceType":"QuestionnaireResponse","questionnaire":` + url + `,"status":"completed","item":[{"linkId":"consent","answer":[{"valueBoolean":true,"valueString":"x"}]}]}`,
		`{"resourceType":"QuestionnaireResponse","status":"completed","subject":{"reference":"Patient/1"},"authored":"2026-11-24"}`,
		`{}`, `null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r QuestionnaireResponse
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		a, err := r.Answers(s)
		if err != nil {
			return
		}
		back, err := NewResponse(s, a)
		if err != nil {
			t.Fatalf("answers read from a response do not write back: %v", err)
		}
		b, err := json.Marshal(back)
		if err != nil {
			t.Fatal(err)
		}
		var again QuestionnaireResponse
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("re-decoding %s: %v", b, err)
		}
		a2, err := again.Answers(s)
		if err != nil {
			t.Fatalf("re-reading %s: %v", b, err)
		}
		if x, z := mustJSON(t, a), mustJSON(t, a2); x != z {
			t.Fatalf("the round trip changed the answers\n%s\n%s", x, z)
		}
	})
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
