package fit

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/availability/problem"
)

func TestBindProblems(t *testing.T) {
	ev, _ := storyEvaluator()
	type pc struct {
		Path string
		Code problem.Code
	}
	tests := []struct {
		name string
		a    Answers
		want []pc
	}{
		{"unknown question", Answers{"shoe_size": Number(42)}, []pc{{"shoe_size", problem.Unknown}}},
		{"yes/no as text", Answers{"harm_thoughts": Text("no")}, []pc{{"harm_thoughts", problem.Mismatch}}},
		{"unknown option", Answers{"goal_areas": Choices("fitness", "Fitness")}, []pc{{"goal_areas[1]", problem.Unknown}}},
		{"choices as one code", Answers{"goal_areas": Choice("fitness")}, []pc{{"goal_areas", problem.Mismatch}}},
		{"negative amount", Answers{"budget_per_session": Money(eur("-5.00"))}, []pc{{"budget_per_session", problem.Negative}}},
		{"amount in another currency", Answers{"budget_per_session": Money(money.MustParse("USD 60.00"))}, []pc{{"budget_per_session", problem.Mismatch}}},
		{"amount as a number", Answers{"budget_per_session": Number(60)}, []pc{{"budget_per_session", problem.Mismatch}}},
		{"amount without decimals", Answers{"budget_per_session": Text("EUR 60")}, []pc{{"budget_per_session", problem.Invalid}}},
		{"out of range", Answers{"provider_instinct": Number(-5)}, []pc{{"provider_instinct", problem.OutOfRange}}},
		{"unease level", Answers{"provider_instinct": Text("nervous")}, []pc{{"provider_instinct", problem.Invalid}}},
		{"unease number out of range", Answers{"provider_instinct": Number(4)}, []pc{{"provider_instinct", problem.OutOfRange}}},
		{"unease fraction", Answers{"provider_instinct": Number(1.5)}, []pc{{"provider_instinct", problem.OutOfRange}}},
		{"location text", Answers{"meeting_place": Text("downtown")}, []pc{{"meeting_place", problem.Mismatch}}},
		{"location off Earth", Answers{"meeting_place": Location(place.Point{Lat: 100})}, []pc{{"meeting_place", problem.Invalid}}},
		{"window without days", Answers{"preferred_times": Times(availability.Window{Start: availability.ClockOf(9, 0), End: availability.ClockOf(10, 0)})}, []pc{{"preferred_times[0].days", problem.Required}}},
		{"empty window", Answers{"preferred_times": Times(availability.Window{Days: availability.Weekend, Start: availability.ClockOf(9, 0), End: availability.ClockOf(9, 0)})}, []pc{{"preferred_times[0]", problem.Empty}}},
		{"too many windows", Answers{"preferred_times": Times(make([]availability.Window, MaxWindows+1)...)}, []pc{{"preferred_times", problem.TooMany}}},
		{"long text", Answers{"end_goals": Text(strings.Repeat("a", MaxTextBytes+1))}, []pc{{"end_goals", problem.TooLong}}},
		{"sorted by question", Answers{"unsafe_now": Number(1), "harm_thoughts": Number(0)}, []pc{{"harm_thoughts", problem.Mismatch}, {"unsafe_now", problem.Mismatch}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh, err := ev.Bind(tt.a)
			require.NotNil(t, sh)
			require.ErrorIs(t, err, problem.ErrInvalid)
			var ps problem.List
			require.True(t, errors.As(err, &ps))
			var got []pc
			for _, p := range ps {
				got = append(got, pc{p.Path, p.Code})
			}
			require.Equal(t, tt.want, got, "%v", err)
		})
	}
}

func TestInvalidAnswersAreNamed(t *testing.T) {
	ev, a := storyEvaluator()
	a["observed_red_flags"] = Choices("none")
	a["budget_per_session"] = Money(eur("-1.00"))
	a["provider_instinct"] = Instinct(Calm)
	a["goals_clarified"] = Bool(true)
	a["goals_in_scope"] = Bool(true)
	d := ev.Evaluate(a, Options{})
	require.Equal(t, NeedsReview, d.Outcome, "an invalid answer is never accepted")
	require.Equal(t, []string{"budget_per_session", "observed_red_flags"}, d.Invalid)
	require.Contains(t, d.Reasons, Reason{Code: CodeInvalidAnswer, Question: "observed_red_flags",
		Message: "The answer to “Did you notice any of these? Choose none if you did not.” is not valid, so it was left out."})
}

func TestValidateAnswers(t *testing.T) {
	ev, a := storyEvaluator()
	require.NoError(t, ev.ValidateAnswers(a))

	delete(a, "end_goals")
	a["goals_in_scope"] = Bool(true) // hidden: goals_clarified is false
	a["harm_thoughts"] = Value{}     // null is no answer
	err := ev.ValidateAnswers(a)
	var ps problem.List
	require.True(t, errors.As(err, &ps))
	require.Equal(t, problem.List{
		{Path: "end_goals", Code: problem.Required, Message: "the question is shown and required, but has no answer"},
		{Path: "goals_in_scope", Code: problem.Hidden, Message: "the question is not shown, so its answer is ignored"},
		{Path: "harm_thoughts", Code: problem.Required, Message: "the question is shown and required, but has no answer"},
	}, ps)

	d := ev.Evaluate(a, Options{})
	require.Equal(t, NeedsReview, d.Outcome, "a crisis question without an answer keeps the screening in review")
	require.Equal(t, []string{"end_goals", "harm_thoughts"}, d.Missing)
	require.Equal(t, []string{"goals_in_scope"}, d.Ignored)
	require.Equal(t, CodeCrisisUnanswered, d.Reasons[0].Code)
	require.Equal(t, "harm_thoughts", d.Reasons[0].Question)
}

func TestFormSetAndClear(t *testing.T) {
	ev, a := storyEvaluator()
	sh := ev.NewAnswerSheet()
	for id, v := range a {
		require.NoError(t, sh.Set(id, v))
	}
	require.Equal(t, Decline, sh.Evaluate(Options{}).Outcome)

	require.ErrorIs(t, sh.Set("nope", Bool(true)), problem.ErrInvalid)
	require.ErrorIs(t, sh.Set("harm_thoughts", Number(1)), problem.ErrInvalid)
	d := sh.Evaluate(Options{})
	require.Equal(t, NeedsReview, d.Outcome)
	require.Equal(t, []string{"harm_thoughts"}, d.Invalid)

	require.NoError(t, sh.Set("harm_thoughts", Bool(true)))
	require.Equal(t, Urgent, sh.Evaluate(Options{}).Outcome)
	sh.Clear("harm_thoughts")
	sh.Clear("nope")
	d = sh.Evaluate(Options{})
	require.Equal(t, []string{"harm_thoughts"}, d.Missing)
	require.NoError(t, sh.Set("harm_thoughts", Value{}))
}

func TestBindComputesOverlapInTheProvidersZone(t *testing.T) {
	// A window across midnight and across a DST change: the usual week has
	// none, so Friday 20:00–02:00 overlaps Friday 20:00–21:00 only.
	ev, _ := storyEvaluator()
	sh, err := ev.Bind(Answers{"preferred_times": Times(availability.Window{Days: availability.Days(time.Friday), Start: availability.ClockOf(20, 0), End: availability.ClockOf(2, 0)})})
	require.NoError(t, err)
	require.Equal(t, 1.0, sh.slots[ev.index["preferred_times"]].num)
}
