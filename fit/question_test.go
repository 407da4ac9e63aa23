package fit

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability/problem"
)

// items returns a screening with a group that holds a nested group, a
// display item, and a question of each type FHIR exchanges.
func items() Screening {
	return Screening{
		ID: "items",
		Questions: []Question{
			{ID: "intro", Type: TypeDisplay, Text: "A few questions about you."},
			{ID: "uses", Type: TypeYesNo, Text: "Do you use the service?", Required: true},
			{ID: "about", Type: TypeGroup, Text: "About you", EnableWhen: new(Is("uses", Bool(true)))},
			{ID: "name", Type: TypeShortText, Text: "Your name", Group: "about", Required: true},
			{ID: "visits", Type: TypeInteger, Text: "Visits a month", Group: "about", Range: &Range{Min: 0, Max: 31}},
			{ID: "habits", Type: TypeGroup, Text: "Habits", Group: "about"},
			{ID: "wake", Type: TypeTime, Text: "When do you wake up?", Group: "habits", Initial: Text("07:00")},
			{ID: "last", Type: TypeDateTime, Text: "Your last visit", Group: "habits"},
			{ID: "safe", Type: TypeYesNo, Text: "Are you safe?", Group: "habits", Crisis: true},
			{ID: "sport", Type: TypeSingleChoice, Text: "Your sport", Group: "habits", Open: true,
				Options: []Option{{Code: "run", Label: "Running"}, {Code: "swim", Label: "Swimming"}}, Initial: Choice("run")},
			{ID: "early", Type: TypeDisplay, Text: "You are an early riser.", Group: "habits", EnableWhen: new(Compare("wake", Less, Text("06:30")))},
		},
		Rules: []Rule{
			{ID: "recent", Kind: KindConcern, When: new(Compare("last", Greater, Text("2026-11-01T00:00:00Z"))), Message: "A recent visit."},
			{ID: "often", Kind: KindConcern, When: new(Compare("visits", GreaterOrEqual, Number(20))), Message: "Many visits."},
			{ID: "swimmer", Kind: KindNeed, When: new(Is("sport", Choice("swim"))), Needs: []string{"swimming"}, Message: "Swims."},
			{ID: "unsafe", Kind: KindUrgent, When: new(Is("safe", Bool(false))), Message: "Not safe."},
		},
	}
}

func TestGroupsAndItems(t *testing.T) {
	s := items()
	require.NoError(t, s.Validate())
	ev := MustCompile(s, Provider{})

	// The group is hidden: its items, nested ones too, are not shown, so
	// their answers are ignored; the crisis question inside might be shown
	// once "uses" is answered, so it keeps the decision in review.
	d := ev.Evaluate(Answers{"name": Text("Ada")}, Options{})
	require.Equal(t, NeedsReview, d.Outcome)
	require.Equal(t, []string{"safe", "uses"}, d.Missing)
	require.Equal(t, []string{"name"}, d.Ignored)

	d = ev.Evaluate(Answers{"uses": Bool(false), "name": Text("Ada")}, Options{})
	require.Equal(t, Accept, d.Outcome, "%v", d.Reasons)
	require.Equal(t, []string{"name"}, d.Ignored)

	a := Answers{"uses": Bool(true), "name": Text("Ada"), "visits": Number(22), "wake": Text("06:00:30"),
		"last": Text("2026-11-24T18:30:00+01:00"), "safe": Bool(true), "sport": Choice("Climbing")}
	require.NoError(t, ev.ValidateAnswers(a))
	d = ev.Evaluate(a, Options{})
	require.Equal(t, NeedsReview, d.Outcome)
	require.Len(t, d.Reasons, 3)
	require.Equal(t, []string{"often", "recent"}, []string{d.Reasons[0].Rule, d.Reasons[1].Rule})

	// Instants compare as instants, whatever their offset.
	a["last"] = Text("2026-11-01T00:30:00+01:00")
	d = ev.Evaluate(a, Options{})
	require.NotContains(t, d.Reasons, Reason{Code: CodeConcern, Rule: "recent", Question: "last", Message: "A recent visit."})

	// An open choice takes text of one's own, which matches no option.
	a["sport"] = Choice("swim")
	require.Equal(t, []string{"swimming"}, ev.Evaluate(a, Options{}).Needs)

	// Groups and display items take no answer.
	err := ev.ValidateAnswers(Answers{"uses": Bool(true), "about": Text("x"), "intro": Bool(true)})
	var l problem.List
	require.ErrorAs(t, err, &l)
	require.Equal(t, []problem.Code{problem.Mismatch, problem.Mismatch}, []problem.Code{l.At("about")[0].Code, l.At("intro")[0].Code})
	require.Equal(t, []problem.Code{problem.Invalid, problem.Invalid, problem.OutOfRange},
		codesAt(ev.ValidateAnswers(Answers{"uses": Bool(true), "wake": Text("7am"), "last": Text("2026-11-24"), "visits": Number(1.5)}), "wake", "last", "visits"))
}

// codesAt returns the code of the first problem at each path.
func codesAt(err error, paths ...string) []problem.Code {
	var l problem.List
	if !errors.As(err, &l) {
		return nil
	}
	var codes []problem.Code
	for _, p := range paths {
		if at := l.At(p); len(at) > 0 {
			codes = append(codes, at[0].Code)
		}
	}
	return codes
}

func TestItemsValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(*Screening)
		path string
		code problem.Code
	}{
		{"group unknown", func(s *Screening) { s.Questions[3].Group = "nope" }, "questions[3].group", problem.Unknown},
		{"group not a group", func(s *Screening) { s.Questions[3].Group = "uses" }, "questions[3].group", problem.Mismatch},
		{"group within itself", func(s *Screening) { s.Questions[2].Group = "habits" }, "questions[2].group", problem.Cycle},
		{"required group", func(s *Screening) { s.Questions[2].Required = true }, "questions[2].required", problem.Unexpected},
		{"crisis display", func(s *Screening) { s.Questions[0].Crisis = true }, "questions[0].crisis", problem.Unexpected},
		{"condition on a group", func(s *Screening) { s.Questions[1].EnableWhen = new(Has("about")) }, "questions[1].enable_when.question", problem.Mismatch},
		{"open yes/no", func(s *Screening) { s.Questions[1].Open = true }, "questions[1].open", problem.Unexpected},
		{"initial not an option", func(s *Screening) { s.Questions[9].Initial = Choices("run") }, "questions[9].initial", problem.Mismatch},
		{"initial time", func(s *Screening) { s.Questions[6].Initial = Text("25:00") }, "questions[6].initial", problem.Invalid},
		{"initial on a display", func(s *Screening) { s.Questions[0].Initial = Text("x") }, "questions[0].initial", problem.Unexpected},
		{"integer range", func(s *Screening) { s.Questions[4].Range = &Range{Min: 0.5, Max: 3} }, "questions[4].range", problem.Invalid},
		{"date_time value", func(s *Screening) { s.Rules[0].When = new(Compare("last", Greater, Text("yesterday"))) }, "rules[0].when.value", problem.Invalid},
		{"scale unknown", func(s *Screening) {
			s.Rules = append(s.Rules, Rule{ID: "sc", Kind: KindScore, Question: "visits", Weight: 1, Scale: "x"})
		}, "rules[4].scale", problem.Unknown},
		{"scale on a concern", func(s *Screening) { s.Rules[0].Scale = "x" }, "rules[0].scale", problem.Unexpected},
		{"scale without a name", func(s *Screening) { s.Scales = []Scale{{ID: "x"}} }, "scales[0].name", problem.Required},
		{"scale and rule share an ID", func(s *Screening) { s.Scales = []Scale{{ID: "often", Name: "Often"}} }, "rules[1].id", problem.Duplicate},
	} {
		s := items()
		c.edit(&s)
		var l problem.List
		require.ErrorAs(t, s.Validate(), &l, c.name)
		require.NotEmpty(t, l.At(c.path), "%s: %v", c.name, l)
		require.Equal(t, c.code, l.At(c.path)[0].Code, "%s: %v", c.name, l)
	}
}

// TestWithoutGroup leaves out a group's items with the group.
func TestWithoutGroup(t *testing.T) {
	s := items().Without("habits")
	var ids []string
	for _, q := range s.Questions {
		ids = append(ids, q.ID)
	}
	require.Equal(t, []string{"intro", "uses", "about", "name", "visits"}, ids)
	require.NoError(t, s.Validate())
}
