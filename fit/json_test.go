package fit

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/availability/problem"
)

func TestScreeningJSONRoundTrip(t *testing.T) {
	bench, _, _ := benchScreening()
	for _, s := range []Screening{Standard(BankOptions{Fee: eur("50.00"), Remote: true}), bench, instrument(), small()} {
		b, err := json.Marshal(s)
		require.NoError(t, err)
		var back Screening
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, s, back)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.Equal(t, string(b), string(again))
	}
}

func TestScreeningJSONShape(t *testing.T) {
	s := Screening{
		ID: "s",
		Questions: []Question{
			{ID: "q", Type: TypeYesNo, Text: "Q?", By: ByProvider},
			{ID: "r", Type: TypeScale, Text: "R?", Range: &Range{Min: 0, Max: 3}, EnableWhen: new(AnyOf(Has("q"), Not(Is("q", Bool(false)))))},
		},
		Rules: []Rule{{ID: "f", Kind: KindRedFlag, When: new(Compare("r", In, Numbers(2, 3))), Message: "F."}},
	}
	b, err := json.Marshal(s)
	require.NoError(t, err)
	require.JSONEq(t, `{
		"id": "s",
		"questions": [
			{"id": "q", "type": "yes_no", "text": "Q?", "by": "provider"},
			{"id": "r", "type": "scale", "text": "R?", "range": {"min": 0, "max": 3},
			 "enable_when": {"any": [{"question": "q", "op": "answered"}, {"not": {"question": "q", "op": "equals", "value": false}}]}}
		],
		"rules": [{"id": "f", "kind": "red_flag", "when": {"question": "r", "op": "in", "value": [2, 3]}, "message": "F."}]
	}`, string(b))
}

func TestJSONKeepsWhatIsGiven(t *testing.T) {
	// A pointer that is set is written even when what it points to is
	// empty: {"not": {}} is not the same condition as no condition.
	s := small()
	s.Questions[6].EnableWhen = &Condition{Not: &Condition{}}
	b, err := json.Marshal(s)
	require.NoError(t, err)
	require.Contains(t, string(b), `"enable_when":{"not":{}}`)
	var back Screening
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, s.Validate(), back.Validate())

	// The zero week is the usual week, as nil is, and is left out.
	var zero availability.Date
	p := coach()
	p.Week = &zero
	b, err = json.Marshal(p)
	require.NoError(t, err)
	require.NotContains(t, string(b), "week")
	ev, err := Compile(small(), p)
	require.NoError(t, err)
	require.Equal(t, MustCompile(small(), coach()).open, ev.open)

	// Zero numbers, flags and durations are left out.
	b, err = json.Marshal(PlanOptions{Contacts: []Contact{{Name: "Ana", Reach: "1"}}})
	require.NoError(t, err)
	require.Equal(t, `{"contacts":[{"name":"Ana","reach":"1"}]}`, string(b))
	b, err = json.Marshal(SafetyPlan{Reasons: []Reason{{Code: CodeRemote, Message: "m"}}})
	require.NoError(t, err)
	require.Equal(t, `{"needed":false,"reasons":[{"code":"remote","message":"m"}]}`, string(b))
}

func TestScreeningJSONErrors(t *testing.T) {
	tests := []struct {
		json string
		path string
		code problem.Code
	}{
		{`{"id": "s", "questions": [{"id": "q", "type": "yes_no", "text": "Q", "colour": "red"}]}`, "questions[0].colour", problem.Unknown},
		{`{"id": "s", "questions": [], "rules": [{"id": "r", "kind": "red_flag", "when": {"any": [{"question": "q", "op": 3}]}}]}`, "rules[0].when.any[0].op", problem.Mismatch},
		{`{"id": "s", "questions": [], "rules": [{"id": "r", "when": {"question": "q", "op": "equals", "value": {"lat": 1}}}]}`, "rules[0].when.value.lon", problem.Required},
		{`{"id": "s", "questions": [], "rules": [{"id": "r", "when": {"question": "q", "op": "in", "value": [1, "a"]}}]}`, "rules[0].when.value[1]", problem.Mismatch},
		{`{"id": "s", "questions": [{"id": "q", "type": "yes_no", "text": "Q", "range": {"min": "0"}}]}`, "questions[0].range.min", problem.Mismatch},
		{`{"id": "s", "id": "t", "questions": []}`, "id", problem.Duplicate},
		{`{"id": "s", "questions": [{"id": "q", "type": "times", "text": "Q"}], "rules": [{"id": "r", "when": {"question": "q", "op": "equals", "value": [{"start": "09:00", "end": "10:00"}]}}]}`, "rules[0].when.value[0].days", problem.Required},
	}
	for _, tt := range tests {
		var s Screening
		err := json.Unmarshal([]byte(tt.json), &s)
		require.ErrorIs(t, err, problem.ErrInvalid)
		var ps problem.List
		require.True(t, errors.As(err, &ps), "%v", err)
		require.Len(t, ps, 1, "%v", err)
		require.Equal(t, tt.path, ps[0].Path, "%v", err)
		require.Equal(t, tt.code, ps[0].Code, "%v", err)
		require.NotContains(t, ps[0].Message, "fit.", "messages name no Go types")
	}
}

func TestJSONErrorsNameNoGoTypes(t *testing.T) {
	inputs := []string{`1`, `"x"`, `[]`, `true`, `{"x":1}`, `{"id":1}`, `{"questions":[1]}`, `{"questions":[{"range":[]}]}`,
		`{"questions":[{"enable_when":1}]}`, `{"questions":[{"enable_when":{"value":{}}}]}`, `{"rules":[{"overlap":"x"}]}`,
		`{"base":"x"}`, `{"start":1}`, `{"grace":1}`, `{"grace":"x"}`, `{"steps":[{"at":1}]}`, `{"reasons":[{"code":1}]}`,
		`{"a":{"lat":"x","lon":1}}`, `{"a":[{"days":"mon","start":"25:00"}]}`, `{"outcome":1}`, `{"score":"1"}`}
	for _, in := range inputs {
		for _, v := range []any{&Screening{}, &Provider{}, &Answers{}, &Decision{}, &Meeting{}, &PlanOptions{}, &SafetyPlan{}, &Condition{}, &Value{}} {
			err := json.Unmarshal([]byte(in), v)
			if err == nil {
				continue
			}
			require.ErrorIs(t, err, problem.ErrInvalid, "%T %s", v, in)
			for _, name := range []string{"fit.", "plain", "conditionJSON", "pointJSON"} {
				require.NotContains(t, err.Error(), name, "%T %s", v, in)
			}
		}
	}
}

func TestValueJSON(t *testing.T) {
	tests := []struct {
		v    Value
		json string
	}{
		{Value{}, `null`},
		{Bool(true), `true`},
		{Number(2.5), `2.5`},
		{Text("héllo \"x\""), `"héllo \"x\""`},
		{Choice("fitness"), `"fitness"`},
		{Choices("a", "b"), `["a","b"]`},
		{Choices(), `[]`},
		{Numbers(1, 2), `[1,2]`},
		{Texts("x"), `["x"]`},
		{DateValue(availability.MustParseDate("2026-04-01")), `"2026-04-01"`},
		{Location(place.Point{Lat: 44.5, Lon: 11.25}), `{"lat":44.5,"lon":11.25}`},
		{Remote(), `"remote"`},
		{Instinct(Uneasy), `"uneasy"`},
		{Money(money.MustParse("EUR 80.00")), `"EUR 80.00"`},
		{Times(availability.Window{Days: availability.Weekend, Start: availability.ClockOf(10, 0), End: availability.ClockOf(12, 30)}),
			`[{"days":"sat,sun","start":"10:00","end":"12:30"}]`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.v)
		require.NoError(t, err)
		require.Equal(t, tt.json, string(b))
		var back Value
		require.NoError(t, json.Unmarshal(b, &back))
		require.True(t, tt.v.equal(back), "%s", tt.json)
		require.Equal(t, tt.json, back.String())
	}
	for _, bad := range []string{`{"lat": 1}`, `{"lat": 1, "lon": 2, "alt": 3}`, `[1, "a"]`, `["a", 1]`, `[{"days": "mon"}, 1]`, `nul`, `"\ud800"`} {
		var v Value
		require.Error(t, json.Unmarshal([]byte(bad), &v), bad)
	}
}

func TestAnswersJSON(t *testing.T) {
	a := prospect()
	b, err := json.Marshal(a)
	require.NoError(t, err)
	var back Answers
	require.NoError(t, json.Unmarshal(b, &back))
	ev, _ := storyEvaluator()
	require.Equal(t, ev.Evaluate(a, Options{}), ev.Evaluate(back, Options{}))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	require.Equal(t, string(b), string(again))

	err = json.Unmarshal([]byte(`{"a": true, "b": [1, {"x": 1}]}`), &back)
	var ps problem.List
	require.True(t, errors.As(err, &ps))
	require.Equal(t, `b[1]`, ps[0].Path)
	require.Equal(t, problem.Mismatch, ps[0].Code)
}

func TestDecisionJSONRoundTrip(t *testing.T) {
	ev, a := storyEvaluator()
	a["harm_thoughts"] = Bool(true)
	d := ev.Evaluate(a, Options{Resources: []contact.Resource{{ID: "it-112", Name: "Emergency", Contact: "112", Checked: availability.MustParseDate("2026-01-05")}}})
	require.Equal(t, Urgent, d.Outcome)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	var back Decision
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, d, back)
}

func TestProviderJSONRoundTrip(t *testing.T) {
	p := coach()
	week := availability.MustParseDate("2026-03-09")
	p.Week = &week
	b, err := json.Marshal(p)
	require.NoError(t, err)
	var back Provider
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, p.Schedule.Zone.String(), back.Schedule.Zone.String())
	require.Equal(t, p.Schedule.Hours, back.Schedule.Hours)
	require.Equal(t, p.Week, back.Week)
	require.Equal(t, p.Base, back.Base)
}

func TestSafetyJSONRoundTrip(t *testing.T) {
	rome, err := time.LoadLocation("Europe/Rome")
	require.NoError(t, err)
	m := Meeting{Client: "Marco", Place: "Bar Centrale", Start: time.Date(2026, 3, 15, 12, 0, 0, 0, rome), End: time.Date(2026, 3, 15, 13, 0, 0, 0, rome), First: true, Reach: "+39 1"}
	o := PlanOptions{Contacts: []Contact{{Name: "Dad", Reach: "+39 2"}}, Grace: 20 * time.Minute}
	b, err := json.Marshal(o)
	require.NoError(t, err)
	require.JSONEq(t, `{"contacts":[{"name":"Dad","reach":"+39 2"}],"grace":"20m"}`, string(b))
	var o2 PlanOptions
	require.NoError(t, json.Unmarshal(b, &o2))
	require.Equal(t, o, o2)

	b, err = json.Marshal(m)
	require.NoError(t, err)
	var m2 Meeting
	require.NoError(t, json.Unmarshal(b, &m2))
	require.True(t, m.Start.Equal(m2.Start))

	plan, err := NewSafetyPlan(m, o)
	require.NoError(t, err)
	b, err = json.Marshal(plan)
	require.NoError(t, err)
	var back SafetyPlan
	require.NoError(t, json.Unmarshal(b, &back))
	require.True(t, plan.CheckInBy.Equal(back.CheckInBy))
	require.Len(t, back.Steps, len(plan.Steps))
	for i := range plan.Steps {
		require.True(t, plan.Steps[i].At.Equal(back.Steps[i].At))
		require.Equal(t, plan.Steps[i].Message, back.Steps[i].Message)
	}
	require.Equal(t, plan.Share, back.Share)
	require.Equal(t, plan.Reasons, back.Reasons)
}

func TestUnease(t *testing.T) {
	for u := Calm; u <= Alarmed; u++ {
		b, err := u.MarshalText()
		require.NoError(t, err)
		var back Unease
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, u, back)
		require.Equal(t, u, MustParseUnease(u.String()))
	}
	require.Equal(t, Uneasy, MustParseUnease("UNEASY"))
	require.Equal(t, Alarmed, MustParseUnease("3"))
	_, err := ParseUnease("nervous")
	require.ErrorIs(t, err, ErrUnease)
	require.ErrorContains(t, err, `"nervous"`)
	_, err = Unease(7).MarshalText()
	require.ErrorIs(t, err, ErrUnease)
	require.Equal(t, "Unease(7)", Unease(7).String())
	require.Panics(t, func() { MustParseUnease("") })
	var u Unease
	require.Error(t, u.UnmarshalText([]byte("x")))
}
