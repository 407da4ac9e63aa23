package fhir

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/fit"
)

// everyAnswer answers every question of every-item.json.
func everyAnswer() fit.Answers {
	return fit.Answers{
		"consent":    fit.Bool(true),
		"name":       fit.Text("Ada"),
		"born":       fit.Text("1990-04-01"),
		"weight":     fit.Number(61.5),
		"drinks":     fit.Number(3),
		"mood":       fit.Number(7),
		"wake":       fit.Text("06:45:00"),
		"last-visit": fit.Text("2026-10-02T17:30:00+02:00"),
		"story":      fit.Text("It helped."),
		"sleep":      fit.Choice("badly"),
		"sports":     fit.Choices("run", "Climbing"),
		"worry":      fit.Choice("little"),
		"not-well":   fit.Bool(true),
		"adult":      fit.Bool(true),
		"active":     fit.Text("My dog."),
		"safe":       fit.Bool(true),
		"observed":   fit.Text("Calm and clear."),
	}
}

// TestResponseRoundTrip writes answers as a QuestionnaireResponse, through
// JSON, and reads them back: the same answers, nested in their groups.
func TestResponseRoundTrip(t *testing.T) {
	q, _ := everyItem(t)
	s, err := q.Screening()
	require.NoError(t, err)
	a := everyAnswer()
	r, err := NewResponse(s, a)
	require.NoError(t, err)
	require.Equal(t, "https://example.org/fhir/Questionnaire/every-item|2026-11", r.Questionnaire)
	require.Equal(t, ResponseCompleted, r.Status)
	require.Equal(t, "about", r.Item[1].LinkID)
	require.Equal(t, "details", r.Item[1].Item[5].LinkID)
	require.Equal(t, "wake", r.Item[1].Item[5].Item[0].LinkID)
	require.Len(t, r.Item[3].Answer, 2, "a repeating choice has an answer per option")
	require.Equal(t, "Climbing", *r.Item[3].Answer[1].ValueString, "an open choice's own text is a string")

	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back QuestionnaireResponse
	require.NoError(t, json.Unmarshal(b, &back))
	got, err := back.Answers(s)
	require.NoError(t, err)
	require.Equal(t, a, got)

	ev, err := fit.Compile(s, fit.Provider{})
	require.NoError(t, err)
	require.NoError(t, ev.ValidateAnswers(got))
}

// TestResponseProblems refuses a response to another questionnaire, an
// unknown linkId, an item outside its group and answers of the wrong
// type, each at the path of the response element and naming the item.
func TestResponseProblems(t *testing.T) {
	q, _ := everyItem(t)
	s, err := q.Screening()
	require.NoError(t, err)
	doc := func(questionnaire, items string) string {
		return `{"resourceType":"QuestionnaireResponse","questionnaire":"` + questionnaire + `","status":"completed","item":[` + items + `]}`
	}
	const url = "https://example.org/fhir/Questionnaire/every-item"
	for _, c := range []struct {
		name, json, path string
		code             problem.Code
		linkID           string
	}{
		{"another questionnaire", doc("https://example.org/fhir/Questionnaire/phq9", ``), "questionnaire", problem.Mismatch, ""},
		{"another version", doc(url+"|2025-01", ``), "questionnaire", problem.Mismatch, ""},
		{"no questionnaire", doc("", ``), "questionnaire", problem.Required, ""},
		{"entered in error", `{"resourceType":"QuestionnaireResponse","questionnaire":"` + url + `","status":"entered-in-error"}`, "status", problem.Invalid, ""},
		{"unknown linkId", doc(url, `{"linkId":"nope","answer":[{"valueBoolean":true}]}`), "item[0].linkId", problem.Unknown, "nope"},
		{"outside its group", doc(url, `{"linkId":"name","answer":[{"valueString":"Ada"}]}`), "item[0]", problem.Mismatch, "name"},
		{"in another group", doc(url, `{"linkId":"about","item":[{"linkId":"wake","answer":[{"valueTime":"07:00:00"}]}]}`), "item[0].item[0]", problem.Mismatch, "wake"},
		{"wrong type", doc(url, `{"linkId":"consent","answer":[{"valueString":"yes"}]}`), "item[0].answer[0]", problem.Mismatch, "consent"},
		{"decimal for an integer", doc(url, `{"linkId":"about","item":[{"linkId":"drinks","answer":[{"valueDecimal":2.5}]}]}`), "item[0].item[0].answer[0]", problem.Mismatch, "drinks"},
		{"two answers", doc(url, `{"linkId":"consent","answer":[{"valueBoolean":true},{"valueBoolean":false}]}`), "item[0].answer", problem.TooMany, "consent"},
		{"unknown code", doc(url, `{"linkId":"sleep","answer":[{"valueCoding":{"system":"http://snomed.info/sct","code":"never"}}]}`), "item[0].answer[0].valueCoding.code", problem.Unknown, "sleep"},
		{"another system", doc(url, `{"linkId":"sleep","answer":[{"valueCoding":{"code":"well"}}]}`), "item[0].answer[0].valueCoding.system", problem.Mismatch, "sleep"},
		{"text for a closed choice", doc(url, `{"linkId":"worry","answer":[{"valueString":"lots"}]}`), "item[0].answer[0]", problem.Mismatch, "worry"},
		{"partial date", doc(url, `{"linkId":"about","item":[{"linkId":"born","answer":[{"valueDate":"1990"}]}]}`), "item[0].item[0].answer[0].valueDate", problem.Invalid, "born"},
		{"answer to a group", doc(url, `{"linkId":"about","answer":[{"valueBoolean":true}]}`), "item[0].answer", problem.Unexpected, "about"},
		{"twice", doc(url, `{"linkId":"consent","answer":[{"valueBoolean":true}]},{"linkId":"consent","answer":[{"valueBoolean":true}]}`), "item[1].linkId", problem.Duplicate, "consent"},
		{"nested under an answer", doc(url, `{"linkId":"consent","answer":[{"valueBoolean":true,"item":[{"linkId":"name"}]}]}`), "item[0].answer[0].item", problem.Unexpected, "consent"},
		{"not R4", doc(url, `{"linkId":"consent","answer":[{"valueBool":true}]}`), "item[0].answer[0].valueBool", problem.Unknown, "consent"},
		{"wrong resource", `{"resourceType":"Questionnaire","status":"active"}`, "resourceType", problem.Mismatch, ""},
	} {
		var r QuestionnaireResponse
		err := json.Unmarshal([]byte(c.json), &r)
		if err == nil {
			_, err = r.Answers(s)
		}
		var l problem.List
		require.ErrorAs(t, err, &l, c.name)
		require.NotEmpty(t, l.At(c.path), "%s: want %s, got %v", c.name, c.path, l)
		p := l.At(c.path)[0]
		require.Equal(t, c.code, p.Code, "%s: %v", c.name, p)
		if c.linkID != "" {
			require.Contains(t, p.Message, `item "`+c.linkID+`"`, c.name)
		}
	}
}

// TestNewResponseProblems refuses answers FHIR cannot carry.
func TestNewResponseProblems(t *testing.T) {
	s := fit.Standard(fit.BankOptions{})
	_, err := NewResponse(s, fit.Answers{"meeting_place": fit.Remote(), "goal_areas": fit.Choices(), "nope": fit.Bool(true), "harm_thoughts": fit.Text("no")})
	var l problem.List
	require.ErrorAs(t, err, &l)
	require.Equal(t, problem.Unexpected, l.At("meeting_place")[0].Code)
	require.Equal(t, problem.Unexpected, l.At("goal_areas")[0].Code)
	require.Equal(t, problem.Unknown, l.At("nope")[0].Code)
	require.Equal(t, problem.Mismatch, l.At("harm_thoughts")[0].Code)
	require.True(t, errors.Is(err, ErrUnsupported))
}
