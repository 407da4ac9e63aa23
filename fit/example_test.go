package fit_test

import (
	"fmt"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/fit"
)

// The coach of story 5: weekday evenings and Saturday mornings in Bologna.
func coach() fit.Provider {
	rome, err := availability.LoadZone("Europe/Rome")
	if err != nil {
		panic(err)
	}
	base := place.Point{Lat: 44.4949, Lon: 11.3426}
	return fit.Provider{
		Schedule: availability.Schedule{Zone: rome, Hours: []availability.Window{
			{Days: availability.Workweek, Start: availability.ClockOf(18, 0), End: availability.ClockOf(21, 0)},
			{Days: availability.Days(time.Saturday), Start: availability.ClockOf(9, 0), End: availability.ClockOf(13, 0)},
		}},
		Base: &base,
	}
}

// Story 5, the consultation that was a date: the prospect's answers and
// what the coach observed decline the prospect, name each red flag, and
// hand the prospect's goal areas to referral.
func ExampleEvaluator_Evaluate() {
	ev, err := fit.Compile(fit.Standard(fit.BankOptions{Fee: money.MustParse("EUR 50.00")}), coach())
	if err != nil {
		panic(err)
	}
	d := ev.Evaluate(fit.Answers{
		"end_goals":          fit.Text("Not sure yet. Mostly I'd like to get to know you."),
		"goal_areas":         fit.Choices("fitness", "mindfulness"),
		"goals_clarified":    fit.Bool(false),
		"preferred_times":    fit.Times(availability.Window{Days: availability.Days(time.Sunday), Start: availability.ClockOf(11, 0), End: availability.ClockOf(14, 0)}),
		"meeting_place":      fit.Location(place.Point{Lat: 44.8567, Lon: 11.3426}), // 25 miles out of town
		"budget_per_session": fit.Money(money.MustParse("EUR 60.00")),
		"harm_thoughts":      fit.Bool(false),
		"unsafe_now":         fit.Bool(false),
		"observed_red_flags": fit.Choices("outside_settings", "gifts_or_paying", "personal_compliments", "romantic_interest", "interest_in_provider", "unofficial_channel"),
		"provider_instinct":  fit.Instinct(fit.Alarmed),
		"boundaries_signed":  fit.Bool(false),
	}, fit.Options{})

	fmt.Println(d.Outcome, d.Needs)
	for _, r := range d.Reasons {
		if r.Code == fit.CodeRedFlag {
			fmt.Println("-", r.Message)
		}
	}
	// Output:
	// decline [fitness_coaching mindfulness_coaching]
	// - My professional judgment is that we are not the right fit.
	// - You insisted on paying for me; I do not accept gifts or payments beyond my fees.
	// - Your interest seemed to be in me personally rather than in the service I offer.
	// - You insisted on meeting outside my professional settings and hours.
	// - Our conversation kept turning to personal compliments rather than to your goals.
	// - You asked me on a date; as a professional I keep a strict boundary against romantic interest with clients.
	// - You contacted me through a channel I had not given you for our work.
}

// A screening of your own: one question, shown conditionally, and a rule.
// Validate reports every problem at once, with paths.
func ExampleScreening_Validate() {
	s := fit.Screening{
		ID: "intake",
		Questions: []fit.Question{
			{ID: "sessions", Type: fit.TypeScale, Text: "How many sessions a month?", Range: &fit.Range{Min: 1, Max: 4}},
			{ID: "online", Type: fit.TypeYesNo, Text: "Online?", EnableWhen: &fit.Condition{Question: "session", Op: fit.Answered}},
		},
		Rules: []fit.Rule{
			{ID: "too_many", Kind: fit.KindConcern, When: &fit.Condition{Question: "sessions", Op: fit.Greater, Value: fit.Number(4)}, Message: "More than I can offer."},
		},
	}
	fmt.Println(s.Validate())
	// Output:
	// questions[1].enable_when.question: no question has the ID "session" [unknown]
	// rules[0]: no answers can fire rule "too_many" [unreachable]
}

// Binding answers once and evaluating the form is the fast path: the form
// reads answers by position and allocates only the decision's lists.
func ExampleAnswerSheet_Evaluate() {
	s := fit.Screening{
		ID: "wellbeing",
		Questions: []fit.Question{
			{ID: "stress", Type: fit.TypeScale, Text: "Stress, 0–3?", Range: &fit.Range{Min: 0, Max: 3}, Required: true},
			{ID: "sleep", Type: fit.TypeScale, Text: "Sleep trouble, 0–3?", Range: &fit.Range{Min: 0, Max: 3}, Required: true},
			{ID: "self_harm", Type: fit.TypeScale, Text: "Thoughts of self-harm, 0–3?", Range: &fit.Range{Min: 0, Max: 3}, Crisis: true},
		},
		Rules: []fit.Rule{
			{ID: "sum_stress", Kind: fit.KindScore, Question: "stress", Weight: 1},
			{ID: "sum_sleep", Kind: fit.KindScore, Question: "sleep", Weight: 1},
			{ID: "any_self_harm", Kind: fit.KindUrgent, When: &fit.Condition{Question: "self_harm", Op: fit.Greater, Value: fit.Number(0)},
				Message: "Please reach out to one of these services now."},
		},
		Bands: []fit.Band{{ID: "high", Min: 5, Max: 6, Outcome: fit.NeedsReview, Needs: []string{"stress_support"}, Message: "A high total needs a closer look."}},
	}
	ev := fit.MustCompile(s, fit.Provider{})
	sh := ev.NewAnswerSheet()
	_ = sh.Set("stress", fit.Number(3))
	_ = sh.Set("sleep", fit.Number(2))
	d := sh.Evaluate(fit.Options{})
	fmt.Println(d.Outcome, d.Score, d.Needs, d.Missing)

	_ = sh.Set("self_harm", fit.Number(1))
	d = sh.Evaluate(fit.Options{Resources: []contact.Resource{{ID: "eu-112", Name: "Emergency services", Contact: "112"}}})
	fmt.Println(d.Outcome, d.Reasons[0].Message, d.Resources[0].Contact)
	// Output:
	// needs_review 5 [stress_support] [self_harm]
	// urgent Please reach out to one of these services now. 112
}

// Answers are checked against their questions, every problem at once.
func ExampleEvaluator_ValidateAnswers() {
	ev := fit.MustCompile(fit.Standard(fit.BankOptions{}), coach())
	err := ev.ValidateAnswers(fit.Answers{
		"goal_areas":        fit.Choices("fitness", "yoga"),
		"provider_instinct": fit.Text("nervous"),
		"goals_clarified":   fit.Bool(false),
		"goals_in_scope":    fit.Bool(true),
	})
	fmt.Println(err)
	// Output:
	// goal_areas[1]: question "goal_areas" has no option "yoga" [unknown]
	// provider_instinct: invalid unease level "nervous": want calm, unsure, uneasy or alarmed [invalid]
	// end_goals: the question is shown and required, but has no answer [required]
	// goals_in_scope: the question is not shown, so its answer is ignored [hidden]
	// harm_thoughts: the question is shown and required, but has no answer [required]
	// meeting_place: the question is shown and required, but has no answer [required]
	// observed_red_flags: the question is shown and required, but has no answer [required]
	// preferred_times: the question is shown and required, but has no answer [required]
	// unsafe_now: the question is shown and required, but has no answer [required]
}

// Take the standard bank in part, and add your own questions.
func ExampleStandard() {
	s := fit.Standard(fit.BankOptions{}).
		Only(fit.SectionGoals, fit.SectionRedFlags, fit.SectionInstinct, fit.SectionCrisis).
		Extend(fit.Screening{Questions: []fit.Question{{ID: "referred_by", Type: fit.TypeText, Text: "Who referred you?"}}})
	fmt.Println(s.Validate())
	for _, q := range s.Questions {
		fmt.Printf("%s (%s)\n", q.ID, q.Section)
	}
	// Output:
	// <nil>
	// end_goals (goals)
	// goal_areas (goals)
	// goals_clarified (goals)
	// goals_in_scope (goals)
	// harm_thoughts (crisis)
	// unsafe_now (crisis)
	// observed_red_flags (red_flags)
	// provider_instinct (instinct)
	// referred_by ()
}

// Before a first meeting alone with a client, tell someone where you are.
func ExampleNewSafetyPlan() {
	rome, _ := availability.LoadZone("Europe/Rome")
	noon := time.Date(2026, time.March, 15, 12, 0, 0, 0, rome)
	plan, err := fit.NewSafetyPlan(fit.Meeting{
		Client: "Marco R.", Place: "Bar Centrale, Via Roma 3, Ferrara",
		Start: noon, End: noon.Add(time.Hour), First: true, Alone: true, Reach: "+39 333 000 0001",
	}, fit.PlanOptions{Contacts: []fit.Contact{
		{Name: "Dad", Reach: "+39 333 000 0003"},
		{Name: "Luca", Reach: "+39 333 000 0004"},
		{Name: "Giulia", Reach: "+39 333 000 0005", Role: fit.Advisor},
	}})
	if err != nil {
		panic(err)
	}
	for _, s := range plan.Steps {
		fmt.Println(s.At.Format("15:04"), s.Action, "—", s.Message)
	}
	fmt.Println(plan.Debrief.Message)
	// Output:
	// 12:00 share — Before the meeting, send Dad and Luca the place, the time, Marco R.'s name and how to reach you.
	// 13:15 check_in — Check in with Dad (+39 333 000 0003) by 13:15 to say you are safe.
	// 13:15 call_provider — If Dad has not heard from you by 13:15, Dad calls you at +39 333 000 0001.
	// 13:30 alert_contacts — If Dad still cannot reach you by 13:30, Dad tells Luca.
	// 13:45 call_emergency — If there is still no word from you by 13:45, Dad calls local emergency services and gives them what you shared.
	// After the meeting, talk it through with Giulia (+39 333 000 0005), especially if anything felt wrong.
}
