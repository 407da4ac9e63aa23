package fhir

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/practicekit/boundaries/fit"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// FuzzFastDecoder checks the fast decoder against strictjson on any
// input: it either gives up, or reads exactly what strictjson reads; and
// Questionnaire.UnmarshalJSON gives the questionnaire, or the error, that
// strictjson alone gives.
func FuzzFastDecoder(f *testing.F) {
	for _, b := range fastDecoderSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(checkFastDecoder)
}

// checkFastDecoder is FuzzFastDecoder's check of one input.
func checkFastDecoder(t *testing.T, data []byte) {
	var fast, strict questionnaireJSON
	fastErr := decodeQuestionnaire(data, &fast)
	strictErr := strictjson.Unmarshal(data, &strict, strictjson.Limits{})
	if fastErr == nil {
		if strictErr != nil {
			t.Fatalf("the fast decoder reads what strictjson refuses (%v)", strictErr)
		}
		if !reflect.DeepEqual(fast, strict) {
			t.Fatalf("the fast decoder reads\n%#v\nstrictjson reads\n%#v", fast, strict)
		}
	}

	var got, want Questionnaire
	gotErr := got.UnmarshalJSON(data)
	wantErr := strictUnmarshal(&want, data)
	if !reflect.DeepEqual(gotErr, wantErr) {
		t.Fatalf("UnmarshalJSON fails with %v, strictjson alone with %v", gotErr, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("UnmarshalJSON reads\n%#v\nstrictjson alone reads\n%#v", got, want)
	}
}

// TestFastDecoderLimits checks the fast decoder at strictjson's limits on
// nesting and on elements, either side of each: within them it reads the
// input, beyond them it leaves it to strictjson, which refuses it.
func TestFastDecoderLimits(t *testing.T) {
	nested := func(n int) []byte {
		// The questionnaire and its first list of items nest 2 deep, and
		// each item with items 2 more.
		return []byte(`{"resourceType":"Questionnaire","item":[` + strings.Repeat(`{"item":[`, n) + strings.Repeat(`]}`, n) + `]}`)
	}
	many := func(n int) []byte {
		// The questionnaire's two members and n items.
		return []byte(`{"resourceType":"Questionnaire","item":[{}` + strings.Repeat(`,{}`, n-1) + `]}`)
	}
	for _, c := range []struct {
		name   string
		data   []byte
		within bool
	}{
		{"depth", nested((strictjson.DefaultMaxDepth - 2) / 2), true},
		{"too deep", nested((strictjson.DefaultMaxDepth-2)/2 + 1), false},
		{"elements", many(strictjson.DefaultMaxElements - 2), true},
		{"too many", many(strictjson.DefaultMaxElements - 1), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var j questionnaireJSON
			if read := decodeQuestionnaire(c.data, &j) == nil; read != c.within {
				t.Fatalf("the fast decoder reads the input: %v, want %v", read, c.within)
			}
			checkFastDecoder(t, c.data)
		})
	}
}

// TestFastDecoderReadsTheSeeds checks that the fast decoder reads the
// well-formed questionnaires among the seeds itself, rather than leaving
// them all to strictjson, where FuzzFastDecoder would pass by default.
func TestFastDecoderReadsTheSeeds(t *testing.T) {
	read := 0
	for _, b := range fastDecoderSeeds(t) {
		var j questionnaireJSON
		if decodeQuestionnaire(b, &j) == nil {
			read++
		}
	}
	if read < 8 {
		t.Fatalf("the fast decoder reads %d of the seeds", read)
	}
}

// strictUnmarshal is Questionnaire.UnmarshalJSON with strictjson alone.
func strictUnmarshal(q *Questionnaire, b []byte) error {
	var j questionnaireJSON
	if err := strictjson.Unmarshal(b, &j, strictjson.Limits{}); err != nil {
		return explain(b, err, kindQuestionnaire)
	}
	if j.ResourceType != "Questionnaire" {
		return resourceTypeProblem(j.ResourceType, "Questionnaire")
	}
	*q = Questionnaire(j.plainQuestionnaire)
	return nil
}

// fastDecoderSeeds returns questionnaires that use every member the fast
// decoder reads, and variants of them it must leave to strictjson.
func fastDecoderSeeds(tb testing.TB) [][]byte {
	every, err := os.ReadFile("testdata/every-item.json")
	if err != nil {
		tb.Fatal(err)
	}
	seeds := [][]byte{every, fiftyItems(tb)}
	for _, s := range []fit.Screening{fit.PHQ9(), fit.GAD7(), fit.PHQ2()} {
		q, err := NewQuestionnaire(s)
		if err != nil {
			tb.Fatal(err)
		}
		b, err := json.Marshal(q)
		if err != nil {
			tb.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	const head = `{"resourceType":"Questionnaire","id":"q","status":"active",`
	for _, s := range []string{
		head + `"item":[{"linkId":"a","type":"group","text":"A","item":[{"linkId":"b","type":"integer","text":"B","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":0},{"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":3}]}]}]}`,
		head + `"item":[{"linkId":"a","type":"boolean","text":"A","enableWhen":[{"question":"a","operator":"exists","answerBoolean":true}],"enableBehavior":"any","repeats":false,"required":true}]}`,
		head + `"item":[{"linkId":"a","type":"time","text":"A","initial":[{"valueTime":"07:00"},{"valueBoolean":true,"valueDecimal":1.5,"valueInteger":-2,"valueDate":"2026-01-01","valueDateTime":"2026-01-01T00:00:00Z","valueString":"x"}]}]}`,
		head + `"item":[{"linkId":"a","type":"choice","text":"A","answerOption":[{"initialSelected":true,"valueCoding":{"system":"s","code":"x","display":"X","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/itemWeight","valueDecimal":-1e308}]}}]}]}`,
		head + `"item":[{"linkId":"a","type":"date","enableWhen":[{"question":"b","operator":"<","answerDecimal":2.5e-3,"answerInteger":7,"answerDate":"2026-02-03","answerDateTime":"x","answerTime":"10:00","answerString":"s","answerCoding":{"code":"c","extension":[]}}]}]}`,
		head + `"extension":[{"url":"u","valueCode":"c","valueCoding":{"code":"c"},"valueCodeableConcept":{"coding":[{"system":"s","code":"help"},{"code":"x"}],"text":"t"}}],"url":"u","version":"1","title":"T","description":"D","copyright":"C"}`,
		head + `"extension":[{"url":"https://github.com/practicekit/boundaries/fhir/StructureDefinition/rule","valueString":"{\"id\":\"r\",\"kind\":\"need\",\"needs\":[\"x\"],\"message\":\"m\"}"}],"item":[{"linkId":"a","type":"display","text":"A \u00e9\n"}]}`,
		`{"resourceType":"Questionnaire","item":[{"item":[{"item":[{"item":[]}]}]}]}`,
		`{"resourceType":"Patient"}`, `{}`, `{"item":[],"extension":[]}`,
		// What the fast decoder leaves to strictjson.
		`[]`, `null`, ``, ` `, `{"resourceType":"Questionnaire","prefix":1}`,
		head + `"status":"draft"}`, head + `"id":null}`, head + `"item":null}`, head + `"item":[null]}`,
		head + `"\u0069d":"x"}`, head + `"ID":"x"}`, `{"resourceType":"Questionnaire"} {}`, `{"resourceType":"Questionnaire"}]`,
		head + `"item":[{"linkId":"a","extension":[{"url":"u","valueInteger":1.0}]}]}`,
		head + `"item":[{"linkId":"a","extension":[{"url":"u","valueInteger":-0}]}]}`,
		head + `"item":[{"linkId":"a","extension":[{"url":"u","valueInteger":2147483648}]}]}`,
		head + `"item":[{"linkId":"a","extension":[{"url":"u","valueDecimal":1e400}]}]}`,
		head + `"item":[{"linkId":"a","extension":[{"url":"u","valueBoolean":"true"}]}]}`,
		head + `"item":[{"linkId":"a","required":1}]}`,
		head + `"item":[{"linkId":"a","text":"\ud800"}]}`,
		head + "\"title\":\"\xff\"}",
		head + `"item":[{"linkId":"a","linkId":"b"}]}`,
		head + `"item":[{"linkId":"a",}]}`,
		head + `"item":` + strings.Repeat(`[`, 70) + strings.Repeat(`]`, 70) + `}`,
		head + `"item":[` + strings.Repeat(`{"item":[`, 31) + strings.Repeat(`]}`, 31) + `]}`,
		head + `"item":[` + strings.Repeat(`{"item":[`, 32) + strings.Repeat(`]}`, 32) + `]}`,
	} {
		seeds = append(seeds, []byte(s))
	}
	// Each of the two large ones cut short, and with a member renamed.
	for _, b := range seeds[:2] {
		seeds = append(seeds, b[:len(b)/2], bytes.Replace(b, []byte(`"linkId"`), []byte(`"linkid"`), 1))
	}
	return seeds
}
