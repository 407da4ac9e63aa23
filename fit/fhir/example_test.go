package fhir_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/fit"
	"github.com/practicekit/boundaries/fit/fhir"
)

// A Questionnaire from another system, read as a screening: the group
// nests its items, the options' ordinalValue weights are their scores,
// and != shows the follow-up when the answer is anything but "no".
func ExampleQuestionnaire_Screening() {
	data := []byte(`{
	  "resourceType": "Questionnaire", "id": "sleep", "status": "active",
	  "url": "https://example.org/fhir/Questionnaire/sleep",
	  "item": [{
	    "linkId": "sleep", "type": "group", "text": "Your sleep",
	    "item": [
	      {"linkId": "trouble", "type": "choice", "text": "Trouble sleeping?", "required": true,
	       "answerOption": [
	         {"valueCoding": {"code": "no", "display": "No"},
	          "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 0}]},
	         {"valueCoding": {"code": "some", "display": "Sometimes"},
	          "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 1}]}]},
	      {"linkId": "since", "type": "date", "text": "Since when?",
	       "enableWhen": [{"question": "trouble", "operator": "!=", "answerCoding": {"code": "no"}}]}
	    ]
	  }]
	}`)
	var q fhir.Questionnaire
	if err := json.Unmarshal(data, &q); err != nil {
		panic(err)
	}
	s, err := q.Screening()
	if err != nil {
		panic(err)
	}
	for _, qn := range s.Questions {
		fmt.Println(qn.ID, qn.Type, qn.Group, len(qn.Options))
	}
	w, _ := json.Marshal(s.Questions[2].EnableWhen)
	fmt.Println(string(w))
	// Output:
	// sleep group  0
	// trouble single_choice sleep 2
	// since date sleep 0
	// {"not":{"question":"trouble","op":"equals","value":"no"}}
}

// What cannot map is refused, naming the item and the feature, rather
// than dropped.
func ExampleQuestionnaire_Screening_refused() {
	var q fhir.Questionnaire
	err := json.Unmarshal([]byte(`{"resourceType": "Questionnaire", "id": "q", "status": "active",
	  "item": [{"linkId": "weight", "type": "quantity", "text": "Your weight"}]}`), &q)
	if err != nil {
		panic(err)
	}
	_, err = q.Screening()
	fmt.Println(errors.Is(err, fhir.ErrUnsupported))
	var l problem.List
	errors.As(err, &l)
	fmt.Println(l[0].Path, "-", l[0].Message)

	err = json.Unmarshal([]byte(`{"resourceType": "Questionnaire", "id": "q", "status": "active",
	  "item": [{"linkId": "intro", "type": "display", "text": "Hi", "prefix": "1."}]}`), &q)
	fmt.Println(err)
	// Output:
	// true
	// item[0].type - item "weight": the item type quantity has no fit question type
	// item[0].prefix: item "intro": "prefix" is a FHIR R4 element that fit does not map; the resource is refused rather than the element dropped [unexpected]
}

// The GAD-7 as a FHIR Questionnaire, and a client's answers as a
// QuestionnaireResponse to it, read back as answers.
func ExampleNewResponse() {
	s := fit.GAD7()
	q, err := fhir.NewQuestionnaire(s)
	if err != nil {
		panic(err)
	}
	fmt.Println(q.URL, q.Status, len(q.Item[0].Item))

	answers := fit.Answers{}
	for i := range 7 {
		answers[fmt.Sprintf("gad7_%d", i+1)] = fit.Choice(fit.AnswerSeveralDays)
	}
	r, err := fhir.NewResponse(s, answers)
	if err != nil {
		panic(err)
	}
	r.Authored = "2026-11-24T08:40:00-05:00"
	b, err := json.Marshal(r)
	if err != nil {
		panic(err)
	}

	var back fhir.QuestionnaireResponse
	if err := json.Unmarshal(b, &back); err != nil {
		panic(err)
	}
	got, err := back.Answers(s)
	if err != nil {
		panic(err)
	}
	d := fit.MustCompile(s, fit.Provider{}).Evaluate(got, fit.Options{})
	fmt.Println(d.Outcome, d.Reasons[0].Message)
	// Output:
	// https://github.com/practicekit/boundaries/fhir/Questionnaire/gad7 active 8
	// accept GAD-7 total 7: mild
}

// A response to another questionnaire, or with an item the screening does
// not have, is refused with the item's path.
func ExampleQuestionnaireResponse_Answers() {
	var r fhir.QuestionnaireResponse
	err := json.Unmarshal([]byte(`{"resourceType": "QuestionnaireResponse", "status": "completed",
	  "questionnaire": "https://github.com/practicekit/boundaries/fhir/Questionnaire/phq9",
	  "item": [{"linkId": "phq9", "item": [{"linkId": "phq9_10", "answer": [{"valueBoolean": true}]}]}]}`), &r)
	if err != nil {
		panic(err)
	}
	_, err = r.Answers(fit.PHQ9())
	fmt.Println(err)
	_, err = r.Answers(fit.GAD7())
	fmt.Println(err)
	// Output:
	// item[0].item[0].linkId: item "phq9_10": screening "phq9" has no question with this linkId [unknown]
	// questionnaire: the response answers another questionnaire than screening "gad7", "https://github.com/practicekit/boundaries/fhir/Questionnaire/gad7": "https://github.com/practicekit/boundaries/fhir/Questionnaire/phq"… [mismatch]
}
