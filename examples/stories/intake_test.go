package stories

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/fit"
	"github.com/practicekit/boundaries/fit/fhir"
)

// TestQuestionnaireIsThePHQ9 keeps data/phq9.questionnaire.json what
// fhir.NewQuestionnaire writes for fit.PHQ9, so that the story imports the
// instrument as the library defines it.
func TestQuestionnaireIsThePHQ9(t *testing.T) {
	b, err := data.ReadFile("data/intake/phq9.questionnaire.json")
	require.NoError(t, err)
	want, err := fhir.NewQuestionnaire(fit.PHQ9())
	require.NoError(t, err)
	wantJSON, err := json.MarshalIndent(want, "", "  ")
	require.NoError(t, err)
	require.Equal(t, string(wantJSON)+"\n", string(b), "regenerate data/intake/phq9.questionnaire.json from fhir.NewQuestionnaire(fit.PHQ9())")
}

// TestIntake holds the story to what it is for: an urgent decision that
// names PHQ-9 item 9, and crisis resources before any colleague.
func TestIntake(t *testing.T) {
	r, err := Intake()
	require.NoError(t, err)
	res := r.Results.(IntakeResults)
	require.Equal(t, fit.Urgent, res.Decision.Outcome)
	require.Equal(t, "phq9_self_harm", res.Decision.Reasons[0].Rule)
	require.Equal(t, "phq9_9", res.Decision.Reasons[0].Question)
	require.NotEmpty(t, res.Decision.Resources)
	require.NotEmpty(t, res.Referral.Crisis)
	require.Equal(t, []fit.Total{{Scale: "phq9", Score: 17, Items: 9, Answered: 9, Complete: true}}, res.Decision.Totals)
	for _, m := range res.Referral.Matches {
		require.NotEqual(t, "okafor", m.ID, "a colleague with no capacity is not an emergency referral")
	}
}
