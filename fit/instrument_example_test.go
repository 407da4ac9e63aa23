package fit_test

import (
	"fmt"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability/contact"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/fit"
)

// A client's PHQ-9: a total of 17 is moderately severe, and "several
// days" on item 9 routes to crisis resources first, whatever the total.
func ExamplePHQ9() {
	ev := fit.MustCompile(fit.PHQ9(), fit.Provider{})
	answers := fit.Answers{}
	for i, code := range []string{
		fit.AnswerNearlyEveryDay, fit.AnswerNearlyEveryDay, fit.AnswerMoreThanHalf, fit.AnswerMoreThanHalf, fit.AnswerMoreThanHalf,
		fit.AnswerMoreThanHalf, fit.AnswerSeveralDays, fit.AnswerSeveralDays, fit.AnswerSeveralDays,
	} {
		answers[fmt.Sprintf("phq9_%d", i+1)] = fit.Choice(code)
	}
	crisisLine := contact.Resource{ID: "us-988", Name: "988 Suicide & Crisis Lifeline", Contact: "988", Region: "US"}
	d := ev.Evaluate(answers, fit.Options{Resources: []contact.Resource{crisisLine}})

	fmt.Println(d.Outcome, d.Needs)
	for _, r := range d.Reasons {
		fmt.Println(r)
	}
	fmt.Println(d.Resources[0].Name)
	// Output:
	// urgent [crisis_support depression_care]
	// PHQ-9 item 9: you have had thoughts that you would be better off dead, or of hurting yourself, in the last two weeks. Please contact one of these services now; they can help right away. [urgent phq9_self_harm]
	// PHQ-9 total 17: moderately severe [band phq9_moderately_severe]
	// 988 Suicide & Crisis Lifeline
}

// A therapist's intake: scope of practice, modality and payment set from
// the provider's practice, and the PHQ-9 and GAD-7 inside.
func ExampleTherapist() {
	s := fit.Therapist(fit.TherapistOptions{
		Specialties:     []string{fit.NeedDepressionCare, fit.NeedAnxietyCare},
		Exclusions:      []string{fit.NeedEatingDisorderCare, fit.NeedSubstanceUseCare},
		Modalities:      place.InPerson | place.Video,
		Fee:             money.MustParse("USD 160.00"),
		SlidingScaleMin: money.MustParse("USD 90.00"),
		OutOfNetwork:    true,
	})
	for _, sc := range s.Scales {
		fmt.Println(sc.Name)
	}
	for _, r := range s.Rules {
		if r.Section == fit.SectionScope || r.Section == fit.SectionPayment {
			fmt.Println(r.ID, r.Kind)
		}
	}
	// Output:
	// PHQ-9
	// GAD-7
	// scope_excluded refer
	// scope_specialties concern
	// insurance_out_of_network condition
	// sliding_scale condition
	// budget_below_scale concern
}
