package fit

import "github.com/practicekit/boundaries/agreement/money"

// The sections of the standard bank.
const (
	SectionGoals      Section = "goals"      // the client's end goals, and whether they are in scope
	SectionSchedule   Section = "schedule"   // the client's weekly times against the provider's hours
	SectionLocation   Section = "location"   // where to meet, against the service radius
	SectionBudget     Section = "budget"     // the client's budget against the fee
	SectionCrisis     Section = "crisis"     // crisis indicators: refer at once
	SectionRedFlags   Section = "red_flags"  // what the provider observed that says no
	SectionInstinct   Section = "instinct"   // the provider's own unease
	SectionBoundaries Section = "boundaries" // the signed boundaries acknowledgment
)

// BankOptions adapt the standard bank to a provider. The zero BankOptions
// gives the defaults: no budget rule, a budget in any currency, a 30 km
// radius, in-person service only, and 2 hours of weekly overlap.
type BankOptions struct {
	// Fee is the provider's fee per session, such as EUR 50.00. Its
	// currency is the budget question's; a budget below it is a concern.
	// The zero Amount, or a fee of zero, leaves out the budget rule (the
	// budget question stays).
	Fee money.Amount
	// RadiusKm is the service radius around the provider's base; zero
	// means 30 km.
	RadiusKm float64
	// Remote says the service is also offered remotely; when false, a
	// "remote" answer is a location concern.
	Remote bool
	// MinOverlapHours is the least weekly overlap between the client's
	// times and the provider's hours; zero means 2.
	MinOverlapHours float64
}

// The defaults of BankOptions.
const (
	DefaultRadiusKm        = 30.0
	DefaultMinOverlapHours = 2.0
)

// Standard returns the standard bank: the questions and rules distilled
// from the consultation that was a date, a coach's screening of a prospect
// whose interest was in the coach rather than the service. Each question
// and rule says in its Why field why it exists. Take it whole, narrow it
// with Only or Without, or add to it with Extend.
//
// The six lessons of that story are all here or next to it: trust your
// instinct (the instinct question and its rules), clarify the client's end
// goals (the goals section), explain boundaries with a signed
// acknowledgment (the boundaries condition), find a mentor or advisor and
// tell someone where you are (the safety check-in plan, NewSafetyPlan), and
// say no and refer (red flags decline, and need rules hand the client's
// goal areas to referral).
func Standard(o BankOptions) Screening {
	radius := o.RadiusKm
	if radius <= 0 {
		radius = DefaultRadiusKm
	}
	overlap := o.MinOverlapHours
	if overlap <= 0 {
		overlap = DefaultMinOverlapHours
	}
	s := Screening{
		ID:    "standard",
		Title: "Client fit: standard screening",
		Questions: []Question{
			{
				ID: "end_goals", Type: TypeText, Section: SectionGoals, Required: true,
				Text: "What do you want to have achieved when our work together ends?",
				Help: "Be as concrete as you can: what will be different, and how will you notice?",
				Why:  "Lesson 2: ask clarifying questions to find the client's end goals. A prospect who cannot name a goal in the service's field may be looking for something else, in the story the coach herself.",
			},
			{
				ID: "goal_areas", Type: TypeMultipleChoice, Section: SectionGoals, Required: true,
				Text: "Which areas do your goals touch?",
				Options: []Option{
					{Code: "fitness", Label: "Fitness and movement"},
					{Code: "nutrition", Label: "Nutrition"},
					{Code: "mindfulness", Label: "Mindfulness and stress"},
					{Code: "life_planning", Label: "Life planning"},
					{Code: "other", Label: "Something else"},
				},
				Why: "The areas become needs for referral, so that a client who is not a fit can be sent to someone who serves those needs.",
			},
			{
				ID: "goals_clarified", Type: TypeYesNo, Section: SectionGoals, By: ByProvider, Required: true,
				Text: "After talking with the client, can you both state concrete end goals?",
				Why:  "Lesson 2 again, from the provider's side: unclear goals after a consultation are a concern, and together with other concerns need review.",
			},
			{
				ID: "goals_in_scope", Type: TypeYesNo, Section: SectionGoals, By: ByProvider, Required: true,
				Text:       "Are those goals within the service you offer?",
				EnableWhen: &Condition{Question: "goals_clarified", Op: Equals, Value: Bool(true)},
				Why:        "Goals outside the service are better served elsewhere: say no and refer (lesson 6). Asked only once goals are clear.",
			},
			{
				ID: "preferred_times", Type: TypeTimes, Section: SectionSchedule, Required: true,
				Text: "When in the week would you like to meet?",
				Help: "Give one or more windows, such as Tuesday 18:00–20:00.",
				Why:  "The story's consultation was on a Sunday, outside the coach's hours. Times that barely overlap the provider's hours are a concern.",
			},
			{
				ID: "meeting_place", Type: TypeLocation, Section: SectionLocation, Required: true,
				Text: "Where would you like to meet? Choose a place, or remote.",
				Why:  "The story's consultation was 25 miles (40 km) out of town. A place outside the service radius is a concern.",
			},
			{
				ID: "budget_per_session", Type: TypeMoney, Section: SectionBudget, Unit: string(o.Fee.Currency()),
				Text: "What can you spend per session?",
				Why:  "A budget below the fee is a concern to talk through before any session, not after.",
			},
			{
				ID: "harm_thoughts", Type: TypeYesNo, Section: SectionCrisis, Crisis: true,
				Text: "Are you having thoughts of harming yourself or someone else?",
				Why:  "A crisis indicator: a yes refers at once to crisis resources; no answer keeps the screening in review.",
			},
			{
				ID: "unsafe_now", Type: TypeYesNo, Section: SectionCrisis, Crisis: true,
				Text: "Are you in a situation where you are not safe right now?",
				Why:  "A crisis indicator: a yes refers at once to crisis resources; no answer keeps the screening in review.",
			},
			{
				ID: "observed_red_flags", Type: TypeMultipleChoice, Section: SectionRedFlags, By: ByProvider, Required: true,
				Text: "Did you notice any of these? Choose none if you did not.",
				Options: []Option{
					{Code: "interest_in_provider", Label: "Interest in me rather than in the service"},
					{Code: "romantic_interest", Label: "Asked me on a date, or showed romantic interest"},
					{Code: "personal_compliments", Label: "Kept complimenting me personally"},
					{Code: "outside_settings", Label: "Insisted on meeting outside professional settings or hours"},
					{Code: "unofficial_channel", Label: "Contacted me through a channel I did not give for this"},
					{Code: "pushed_boundaries", Label: "Pushed past boundaries I had stated"},
					{Code: "gifts_or_paying", Label: "Insisted on paying for me, or gave unwanted gifts"},
				},
				Why: "The story's red flags, each recorded so that a decline can name it: the mistake was not seeing that the prospect was interested in the coach, not the service.",
			},
			{
				ID: "provider_instinct", Type: TypeInstinct, Section: SectionInstinct, By: ByProvider, Required: true,
				Text: "How do you feel about working with this client?",
				Help: "Trust your instinct: unease is information.",
				Why:  "Lesson 1: give yourself permission to trust your instinct. The coach ignored a nagging instinct twice before the consultation went wrong.",
			},
			{
				ID: "boundaries_signed", Type: TypeYesNo, Section: SectionBoundaries, By: ByProvider,
				Text: "Has the client signed your boundaries acknowledgment?",
				Why:  "Lesson 3: explain boundaries, with a signed understanding and agreement. Until it is signed, acceptance carries it as a condition.",
			},
		},
		Rules: []Rule{
			{
				ID: "goals_unclear", Kind: KindConcern, Section: SectionGoals,
				When:    &Condition{Question: "goals_clarified", Op: Equals, Value: Bool(false)},
				Message: "We have not yet agreed on clear end goals for our work together.",
				Why:     "Unclear goals are a concern; with another concern they need review.",
			},
			{
				ID: "goals_out_of_scope", Kind: KindRefer, Section: SectionGoals,
				When:    &Condition{Question: "goals_in_scope", Op: Equals, Value: Bool(false)},
				Message: "Your goals are outside the service I offer; another professional will serve you better.",
				Why:     "Lesson 6: say no and refer when the service is not a fit.",
			},
			needRule("need_fitness", "fitness", NeedFitnessCoaching, "You are looking for help with fitness and movement."),
			needRule("need_nutrition", "nutrition", NeedNutritionCoaching, "You are looking for help with nutrition."),
			needRule("need_mindfulness", "mindfulness", NeedMindfulnessCoaching, "You are looking for help with mindfulness and stress."),
			needRule("need_life_planning", "life_planning", NeedLifeCoaching, "You are looking for help with life planning."),
			{
				ID: "schedule_fit", Kind: KindConcern, Section: SectionSchedule,
				Overlap: &Overlap{Question: "preferred_times", MinHours: overlap},
				Message: "The times you prefer barely overlap with my working hours.",
				Why:     "Meetings outside working hours were where the story went wrong; too little overlap is a concern.",
			},
			{
				ID: "location_fit", Kind: KindConcern, Section: SectionLocation,
				Distance: &Distance{Question: "meeting_place", MaxKm: radius, Remote: o.Remote},
				Message:  "The place you suggest is outside the area I serve.",
				Why:      "The story's meeting was 40 km out of town; a place outside the service radius is a concern.",
			},
			{
				ID: "crisis_harm", Kind: KindUrgent, Section: SectionCrisis,
				When:    &Condition{Question: "harm_thoughts", Op: Equals, Value: Bool(true)},
				Needs:   []string{NeedCrisisSupport},
				Message: "You told me you are having thoughts of harming yourself or someone else. Please contact one of these services now; they can help right away.",
				Why:     "An item-level flag: one answer is urgent whatever else the screening says.",
			},
			{
				ID: "crisis_unsafe", Kind: KindUrgent, Section: SectionCrisis,
				When:    &Condition{Question: "unsafe_now", Op: Equals, Value: Bool(true)},
				Needs:   []string{NeedCrisisSupport},
				Message: "You told me you are not safe right now. Please contact one of these services now; they can help right away.",
				Why:     "An item-level flag: one answer is urgent whatever else the screening says.",
			},
			redFlag("red_flag_interest_in_provider", "interest_in_provider",
				"Your interest seemed to be in me personally rather than in the service I offer."),
			redFlag("red_flag_romantic_interest", "romantic_interest",
				"You asked me on a date; as a professional I keep a strict boundary against romantic interest with clients."),
			redFlag("red_flag_personal_compliments", "personal_compliments",
				"Our conversation kept turning to personal compliments rather than to your goals."),
			redFlag("red_flag_outside_settings", "outside_settings",
				"You insisted on meeting outside my professional settings and hours."),
			redFlag("red_flag_unofficial_channel", "unofficial_channel",
				"You contacted me through a channel I had not given you for our work."),
			redFlag("red_flag_pushed_boundaries", "pushed_boundaries",
				"Boundaries I stated, about my role, my time and personal space, were not respected."),
			redFlag("red_flag_gifts_or_paying", "gifts_or_paying",
				"You insisted on paying for me; I do not accept gifts or payments beyond my fees."),
			{
				ID: "instinct_uneasy", Kind: KindConcern, Section: SectionInstinct,
				When:    &Condition{Question: "provider_instinct", Op: In, Value: Texts("unsure", "uneasy")},
				Message: "I am not yet confident that we are the right fit.",
				Why:     "Lesson 1: unease counts. Some unease is a concern; with another concern it needs review.",
			},
			{
				ID: "instinct_alarmed", Kind: KindRedFlag, Section: SectionInstinct,
				When:    &Condition{Question: "provider_instinct", Op: Equals, Value: Instinct(Alarmed)},
				Message: "My professional judgment is that we are not the right fit.",
				Why:     "Lesson 1: strong, nagging unease is a red flag on its own; the coach ignored hers twice.",
			},
			{
				ID: "boundaries_acknowledgment", Kind: KindCondition, Section: SectionBoundaries,
				When:    &Condition{Not: &Condition{Question: "boundaries_signed", Op: Equals, Value: Bool(true)}},
				Text:    "Signs the boundaries acknowledgment (my role, session times and places, contact channels, no personal or romantic relationship) before the first session.",
				Message: "Before we start, I ask every client to read and sign my boundaries acknowledgment.",
				Why:     "Lesson 3: explain boundaries, with a signed understanding and agreement. Not is used so that no answer counts as not signed.",
			},
		},
	}
	if o.Fee.IsValid() && o.Fee.Minor() > 0 {
		s.Rules = append(s.Rules, Rule{
			ID: "budget_below_fee", Kind: KindConcern, Section: SectionBudget,
			When:    &Condition{Question: "budget_per_session", Op: Less, Value: Money(o.Fee)},
			Message: "Your budget per session is below my fee.",
			Why:     "A budget below the fee is better discussed before the first session.",
		})
	}
	return s
}

// needRule returns a need rule that hands tag to referral when the client
// chose option among their goal areas.
func needRule(id, option, tag, message string) Rule {
	return Rule{
		ID: id, Kind: KindNeed, Section: SectionGoals,
		When:    &Condition{Question: "goal_areas", Op: Contains, Value: Choice(option)},
		Needs:   []string{tag},
		Message: message,
		Why:     "The client's goal areas become needs, so that a referral finds someone who serves them.",
	}
}

// redFlag returns a red-flag rule that fires when the provider observed
// option.
func redFlag(id, option, message string) Rule {
	return Rule{
		ID: id, Kind: KindRedFlag, Section: SectionRedFlags,
		When:    &Condition{Question: "observed_red_flags", Op: Contains, Value: Choice(option)},
		Message: message,
		Why:     "A red flag from the story; it declines unless the provider overrides it, and the decline names it.",
	}
}
