package fit

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTherapistQuestionIDs holds the bank's questions to the table of IDs
// and types in Therapist's doc, which hosts fill in their answers from.
func TestTherapistQuestionIDs(t *testing.T) {
	want := []string{
		"concern_areas multiple_choice", "concern_details text", "therapy_goals text", "prior_therapy yes_no",
		"prior_therapy_notes text", "current_care multiple_choice", "self_harm yes_no", "harm_others yes_no",
		"safe_at_home yes_no", "preferred_modalities multiple_choice", "preferred_times times", "payment single_choice",
		"insurer short_text", "budget_per_session money", "phq9 group",
	}
	for i := 1; i <= 9; i++ {
		want = append(want, fmt.Sprintf("phq9_%d single_choice", i))
	}
	want = append(want, "phq9_difficulty single_choice", "gad7 group")
	for i := 1; i <= 7; i++ {
		want = append(want, fmt.Sprintf("gad7_%d single_choice", i))
	}
	var got []string
	for _, q := range Therapist(TherapistOptions{}).Questions {
		got = append(got, q.ID+" "+string(q.Type))
	}
	require.Equal(t, want, got)
}
