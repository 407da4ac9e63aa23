package fit

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestStandardBank(t *testing.T) {
	s := Standard(BankOptions{})
	require.NoError(t, s.Validate())
	for _, q := range s.Questions {
		require.NotEmpty(t, q.Why, "question %s says why it exists", q.ID)
		require.NotEmpty(t, q.Section, q.ID)
	}
	for _, r := range s.Rules {
		require.NotEmpty(t, r.Why, "rule %s says why it exists", r.ID)
		require.NotEmpty(t, r.Section, r.ID)
	}
	ids := func(s Screening) (qs, rs []string) {
		for _, q := range s.Questions {
			qs = append(qs, q.ID)
		}
		for _, r := range s.Rules {
			rs = append(rs, r.ID)
		}
		return qs, rs
	}
	qs, rs := ids(s)
	require.Equal(t, []string{"end_goals", "goal_areas", "goals_clarified", "goals_in_scope", "preferred_times", "meeting_place",
		"budget_per_session", "harm_thoughts", "unsafe_now", "observed_red_flags", "provider_instinct", "boundaries_signed"}, qs)
	require.NotContains(t, rs, "budget_below_fee", "no fee, no budget rule")
	_, rs = ids(Standard(BankOptions{Fee: eur("40.00")}))
	require.Contains(t, rs, "budget_below_fee")

	// Defaults: 30 km, 2 hours, in person only.
	for _, r := range s.Rules {
		switch r.ID {
		case "location_fit":
			require.Equal(t, Distance{Question: "meeting_place", MaxKm: DefaultRadiusKm}, *r.Distance)
		case "schedule_fit":
			require.Equal(t, Overlap{Question: "preferred_times", MinHours: DefaultMinOverlapHours}, *r.Overlap)
		}
	}
	for _, r := range Standard(BankOptions{RadiusKm: 10, Remote: true, MinOverlapHours: 4}).Rules {
		switch r.ID {
		case "location_fit":
			require.Equal(t, Distance{Question: "meeting_place", MaxKm: 10, Remote: true}, *r.Distance)
		case "schedule_fit":
			require.Equal(t, 4.0, r.Overlap.MinHours)
		}
	}
}

func TestStandardBankEveryRedFlagIsNamed(t *testing.T) {
	ev, a := storyEvaluator()
	all := Standard(BankOptions{}).Questions[9]
	require.Equal(t, "observed_red_flags", all.ID)
	for _, o := range all.Options {
		a["observed_red_flags"] = Choices(o.Code)
		a["provider_instinct"] = Instinct(Calm)
		d := ev.Evaluate(a, Options{})
		require.Equal(t, Decline, d.Outcome, o.Code)
		require.Equal(t, "red_flag_"+o.Code, d.Reasons[0].Rule)
		require.Equal(t, CodeRedFlag, d.Reasons[0].Code)
		require.Equal(t, 1, countCode(d.Reasons, CodeRedFlag))
	}
}

func countCode(rs []Reason, c Code) int {
	n := 0
	for _, r := range rs {
		if r.Code == c {
			n++
		}
	}
	return n
}

func TestScreeningOnly(t *testing.T) {
	s := Standard(BankOptions{Fee: eur("50.00")}).Only(SectionGoals, SectionRedFlags, SectionInstinct)
	require.NoError(t, s.Validate())
	var qs []string
	for _, q := range s.Questions {
		qs = append(qs, q.ID)
	}
	require.Equal(t, []string{"end_goals", "goal_areas", "goals_clarified", "goals_in_scope", "observed_red_flags", "provider_instinct"}, qs)
	for _, r := range s.Rules {
		require.Contains(t, []Section{SectionGoals, SectionRedFlags, SectionInstinct}, r.Section, r.ID)
	}
	require.Len(t, Standard(BankOptions{}).Questions, 12, "Only copies")
}

func TestScreeningWithout(t *testing.T) {
	// Dropping goals_clarified drops the question shown only after it, and
	// the rules reading either.
	s := Standard(BankOptions{}).Without("goals_clarified", "red_flag_personal_compliments")
	require.NoError(t, s.Validate())
	for _, q := range s.Questions {
		require.NotContains(t, []string{"goals_clarified", "goals_in_scope"}, q.ID)
	}
	for _, r := range s.Rules {
		require.NotContains(t, []string{"goals_unclear", "goals_out_of_scope", "red_flag_personal_compliments"}, r.ID)
	}
	withoutBand := instrument().Without("mild")
	require.Len(t, withoutBand.Bands, 3)
	require.Len(t, instrument().Only().Bands, 4, "bands stay")
}

func TestScreeningExtend(t *testing.T) {
	mine := Screening{
		Questions: []Question{{ID: "insurance", Type: TypeYesNo, Text: "Do you have health insurance?", Required: true}},
		Rules:     []Rule{{ID: "no_insurance", Kind: KindConcern, When: new(Is("insurance", Bool(false))), Message: "Without insurance some services are out of reach."}},
	}
	s := Standard(BankOptions{}).Extend(mine)
	require.NoError(t, s.Validate())
	require.Len(t, s.Questions, 13)
	require.Equal(t, "standard", s.ID)

	dup := Standard(BankOptions{}).Extend(Screening{Questions: []Question{{ID: "end_goals", Type: TypeText, Text: "Again?"}}})
	require.ErrorContains(t, dup.Validate(), "questions[12].id")
}
