package fit

import (
	"slices"
	"strings"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability/place"
)

// The sections of the therapist's bank, besides SectionGoals,
// SectionSchedule and the instruments' SectionDepression and
// SectionAnxiety.
const (
	SectionConcern   Section = "concern"   // what brings the client, in their words and by area
	SectionTreatment Section = "treatment" // therapy before, and care now
	SectionRisk      Section = "risk"      // self-harm, harm to others, safety at home: refer at once
	SectionScope     Section = "scope"     // the provider's specialties and exclusions
	SectionModality  Section = "modality"  // in person, by video, by phone
	SectionPayment   Section = "payment"   // self-pay, insurance in or out of network, sliding scale
)

// TherapistOptions adapt the therapist's bank to a provider. The zero
// TherapistOptions gives a bank with no scope, modality or payment rules
// (the questions stay), and 2 hours of weekly overlap.
type TherapistOptions struct {
	// Specialties are the areas the provider treats, as needs
	// (NeedDepressionCare, NeedTraumaCare, …). When given, a client none
	// of whose areas is among them is a concern.
	Specialties []string
	// Exclusions are the areas outside the provider's scope of practice,
	// as needs. A client with one of them is referred elsewhere.
	Exclusions []string
	// Modalities are the ways the provider works; zero means any. A
	// client who accepts none of them is a concern.
	Modalities place.Modality
	// MinOverlapHours is the least weekly overlap between the client's
	// times and the provider's hours; zero means 2.
	MinOverlapHours float64
	// Fee is the provider's fee per session. Its currency is the budget
	// question's; the zero Amount, or a fee of zero, leaves out the budget
	// rules.
	Fee money.Amount
	// SlidingScaleMin is the least the provider charges on a sliding
	// scale, in the fee's currency; the zero Amount means no sliding
	// scale. A budget between it and the fee is accepted with the sliding
	// scale as a condition.
	SlidingScaleMin money.Amount
	// Networks are the insurance networks the provider is in, as the
	// client would name them ("Aetna"); names compare ignoring case.
	Networks []string
	// OutOfNetwork says the provider gives clients of other insurers a
	// superbill to claim out-of-network benefits, so that insurance
	// outside Networks is accepted with that as a condition rather than a
	// concern.
	OutOfNetwork bool
}

// concernArea is an option of the presenting-concern question and the
// need it hands to referral.
type concernArea struct {
	code, label, need string
}

// concernAreas are the areas a client may name, in the order shown.
var concernAreas = [...]concernArea{
	{"depression", "Low mood or depression", NeedDepressionCare},
	{"anxiety", "Anxiety, worry or panic", NeedAnxietyCare},
	{"trauma", "Trauma or a frightening experience", NeedTraumaCare},
	{"relationships", "Relationship or couple difficulties", NeedCouplesTherapy},
	{"grief", "Grief or loss", NeedGriefCounseling},
	{"substance_use", "Alcohol, drugs or other substance use", NeedSubstanceUseCare},
	{"eating", "Eating, food or body image", NeedEatingDisorderCare},
	{"other", "Something else", ""},
}

// Therapist returns the therapist's standard bank, the intake a
// psychotherapist screens a prospective client with: the presenting
// concern in the client's words and by area (each area a need for
// referral), goals, therapy before and care now, risk (thoughts of
// self-harm, of harming others, and safety at home, each a crisis
// question that refers at once to crisis resources), the PHQ-9 and GAD-7
// with their published scoring, scope of practice (the provider's
// specialties and exclusions), modality and schedule fit, and payment
// (self-pay against the fee and a sliding scale, insurance in or out of
// network). Each question and rule says in its Why field why it exists.
//
// The needs it hands to referral are the fit.Need constants, spelled as
// referral.Provider specialties and attributes are.
//
// A host that fills in Answers from its own intake form answers these
// questions, by ID (option codes in brackets):
//
//	concern_areas         multiple_choice [depression anxiety trauma relationships grief substance_use eating other]
//	concern_details       text
//	therapy_goals         text
//	prior_therapy         yes_no
//	prior_therapy_notes   text, shown when prior_therapy is yes
//	current_care          multiple_choice [therapist psychiatrist medication other_care]
//	self_harm             yes_no (a crisis question)
//	harm_others           yes_no (a crisis question)
//	safe_at_home          yes_no (a crisis question when no)
//	preferred_modalities  multiple_choice [in_person video phone]
//	preferred_times       times
//	payment               single_choice [self_pay insurance]
//	insurer               short_text, shown when payment is insurance
//	budget_per_session    money
//	phq9_1 … phq9_9       single_choice, the PHQ-9 items (see PHQ9)
//	phq9_difficulty       single_choice [not_difficult somewhat_difficult very_difficult extremely_difficult], shown once a PHQ-9 item is above not at all
//	gad7_1 … gad7_7       single_choice, the GAD-7 items (see GAD7)
//
// The instrument items take the LOINC answer codes AnswerNotAtAll, AnswerSeveralDays,
// AnswerMoreThanHalf and AnswerNearlyEveryDay. The groups phq9 and gad7
// hold their items and take no answer.
func Therapist(o TherapistOptions) Screening {
	overlap := o.MinOverlapHours
	if overlap <= 0 {
		overlap = DefaultMinOverlapHours
	}
	var areas []Option
	for _, a := range concernAreas {
		areas = append(areas, Option{Code: a.code, Label: a.label})
	}
	s := Screening{
		ID:    "therapist",
		Title: "Client fit: a therapist's intake",
		Description: "A psychotherapist's intake: the presenting concern, goals, treatment history, risk, the PHQ-9 and GAD-7, " +
			"scope of practice, modality, schedule and payment.",
		Questions: []Question{
			{
				ID: "concern_areas", Type: TypeMultipleChoice, Section: SectionConcern, Required: true,
				Text: "What would you like help with? Choose all that apply.", Options: areas,
				Why: "The areas become needs for referral, and are read against the provider's specialties and exclusions.",
			},
			{
				ID: "concern_details", Type: TypeText, Section: SectionConcern, Required: true,
				Text: "In your own words, what brings you to therapy now?",
				Why:  "The presenting concern as the client puts it, for the provider to read before the first session.",
			},
			{
				ID: "therapy_goals", Type: TypeText, Section: SectionGoals, Required: true,
				Text: "What would you like to be different when therapy has helped?",
				Why:  "Goals agreed early are what progress is measured against.",
			},
			{
				ID: "prior_therapy", Type: TypeYesNo, Section: SectionTreatment, Required: true,
				Text: "Have you had therapy or counseling before?",
				Why:  "Earlier treatment tells the provider what has been tried.",
			},
			{
				ID: "prior_therapy_notes", Type: TypeText, Section: SectionTreatment,
				Text:       "What helped in earlier therapy, and what did not?",
				EnableWhen: &Condition{Question: "prior_therapy", Op: Equals, Value: Bool(true)},
				Why:        "Asked only of clients who had therapy before.",
			},
			{
				ID: "current_care", Type: TypeMultipleChoice, Section: SectionTreatment, Required: true,
				Text: "Are you receiving any of these now? Choose none if you are not.",
				Options: []Option{
					{Code: "therapist", Label: "Therapy or counseling with someone else"},
					{Code: "psychiatrist", Label: "Care from a psychiatrist"},
					{Code: "medication", Label: "Medication for mood, anxiety or sleep"},
					{Code: "other_care", Label: "Other mental health care"},
				},
				Why: "Two therapists at once need coordinating; other care is context for the first session.",
			},
			{
				ID: "self_harm", Type: TypeYesNo, Section: SectionRisk, Crisis: true,
				Text: "In the past month, have you had thoughts of harming or killing yourself?",
				Why:  "A crisis question: a yes refers at once to crisis resources; no answer keeps the intake in review.",
			},
			{
				ID: "harm_others", Type: TypeYesNo, Section: SectionRisk, Crisis: true,
				Text: "In the past month, have you had thoughts of harming someone else?",
				Why:  "A crisis question: a yes refers at once to crisis resources; no answer keeps the intake in review.",
			},
			{
				ID: "safe_at_home", Type: TypeYesNo, Section: SectionRisk, Crisis: true,
				Text: "Do you feel safe where you live?",
				Why:  "A crisis question: a no refers at once to crisis resources and domestic violence support.",
			},
			{
				ID: "preferred_modalities", Type: TypeMultipleChoice, Section: SectionModality, Required: true,
				Text: "How would you like to meet? Choose all that suit you.",
				Options: []Option{
					{Code: "in_person", Label: "In person"},
					{Code: "video", Label: "By video"},
					{Code: "phone", Label: "By phone"},
				},
				Why: "Read against the ways the provider works.",
			},
			{
				ID: "preferred_times", Type: TypeTimes, Section: SectionSchedule, Required: true,
				Text: "When in the week could you meet?",
				Help: "Give one or more windows, such as Tuesday 18:00–20:00.",
				Why:  "Times that barely overlap the provider's hours are a concern.",
			},
			{
				ID: "payment", Type: TypeSingleChoice, Section: SectionPayment, Required: true,
				Text: "How would you like to pay?",
				Options: []Option{
					{Code: "self_pay", Label: "I pay myself"},
					{Code: "insurance", Label: "Through my health insurance"},
				},
				Why: "Payment is agreed before the first session, not after.",
			},
			{
				ID: "insurer", Type: TypeShortText, Section: SectionPayment, Required: true,
				Text:       "Which insurer or plan?",
				EnableWhen: &Condition{Question: "payment", Op: Equals, Value: Choice("insurance")},
				Why:        "Read against the provider's networks; out of network, a superbill may still let the client claim.",
			},
			{
				ID: "budget_per_session", Type: TypeMoney, Section: SectionPayment, Unit: string(o.Fee.Currency()),
				Text: "What can you spend per session?",
				Why:  "Read against the fee and the sliding scale.",
			},
		},
	}
	for _, a := range concernAreas {
		if a.need == "" {
			continue
		}
		s.Rules = append(s.Rules, Rule{
			ID: "need_" + a.code, Kind: KindNeed, Section: SectionConcern,
			When:    &Condition{Question: "concern_areas", Op: Contains, Value: Choice(a.code)},
			Needs:   []string{a.need},
			Message: "You are looking for help with " + strings.ToLower(a.label) + ".",
			Why:     "Each area is a need, so that a referral finds someone who treats it.",
		})
	}
	s.Rules = append(s.Rules,
		Rule{
			ID: "risk_self_harm", Kind: KindUrgent, Section: SectionRisk,
			When:    &Condition{Question: "self_harm", Op: Equals, Value: Bool(true)},
			Needs:   []string{NeedCrisisSupport},
			Message: "You told me you have had thoughts of harming or killing yourself." + selfHarmCrisisResponse,
			Why:     "An item-level flag: one answer is urgent whatever else the intake says.",
		},
		Rule{
			ID: "risk_harm_others", Kind: KindUrgent, Section: SectionRisk,
			When:    &Condition{Question: "harm_others", Op: Equals, Value: Bool(true)},
			Needs:   []string{NeedCrisisSupport},
			Message: "You told me you have had thoughts of harming someone else." + selfHarmCrisisResponse,
			Why:     "An item-level flag: one answer is urgent whatever else the intake says.",
		},
		Rule{
			ID: "risk_unsafe_at_home", Kind: KindUrgent, Section: SectionRisk,
			When:    &Condition{Question: "safe_at_home", Op: Equals, Value: Bool(false)},
			Needs:   []string{NeedCrisisSupport, NeedDomesticViolenceSupport},
			Message: "You told me you do not feel safe where you live." + selfHarmCrisisResponse,
			Why:     "Safety at home comes before therapy: crisis resources and domestic violence support first.",
		},
		Rule{
			ID: "coordinate_care", Kind: KindCondition, Section: SectionTreatment,
			When:    &Condition{Question: "current_care", Op: Contains, Value: Choice("therapist")},
			Text:    "Agrees that I coordinate with the therapist they see now, or ends that therapy before we start.",
			Message: "You are seeing another therapist; two therapies at once need to be coordinated.",
			Why:     "Parallel therapies can pull against each other.",
		},
		Rule{
			ID: "schedule_fit", Kind: KindConcern, Section: SectionSchedule,
			Overlap: &Overlap{Question: "preferred_times", MinHours: overlap},
			Message: "The times you could meet barely overlap with my working hours.",
			Why:     "Too little overlap is a concern.",
		},
	)
	s.Rules = append(s.Rules, scopeRules(o)...)
	if r, ok := modalityRule(o.Modalities); ok {
		s.Rules = append(s.Rules, r)
	}
	s.Rules = append(s.Rules, paymentRules(o)...)
	return s.Extend(PHQ9()).Extend(GAD7())
}

// scopeRules return the rules of scope of practice: a client with an
// excluded area is referred elsewhere, and one with none of the
// specialties is a concern.
func scopeRules(o TherapistOptions) []Rule {
	var excluded, special []string
	var labels []string
	for _, a := range concernAreas {
		if a.need != "" && slices.Contains(o.Exclusions, a.need) {
			excluded = append(excluded, a.code)
			labels = append(labels, strings.ToLower(a.label))
		}
		if a.need != "" && slices.Contains(o.Specialties, a.need) {
			special = append(special, a.code)
		}
	}
	var rules []Rule
	if len(excluded) > 0 {
		rules = append(rules, Rule{
			ID: "scope_excluded", Kind: KindRefer, Section: SectionScope,
			When:    &Condition{Question: "concern_areas", Op: In, Value: Choices(excluded...)},
			Message: "Part of what you are looking for (" + strings.Join(labels, "; ") + ") is outside my scope of practice; a colleague who specializes in it will serve you better.",
			Why:     "Scope of practice: the provider's exclusions are referred, with the client's areas as needs.",
		})
	}
	if len(special) > 0 {
		rules = append(rules, Rule{
			ID: "scope_specialties", Kind: KindConcern, Section: SectionScope,
			When:    &Condition{Not: &Condition{Question: "concern_areas", Op: In, Value: Choices(special...)}},
			Message: "What you are looking for is not among my specialties.",
			Why:     "Scope of practice: a client none of whose areas the provider specializes in is a concern.",
		})
	}
	return rules
}

// modalityRule returns the concern that the client accepts none of the
// ways the provider works, when the provider does not work every way.
func modalityRule(m place.Modality) (Rule, bool) {
	var offered []string
	for _, w := range []struct {
		m    place.Modality
		code string
	}{{place.InPerson, "in_person"}, {place.Video, "video"}, {place.Phone, "phone"}} {
		if m.Has(w.m) {
			offered = append(offered, w.code)
		}
	}
	if len(offered) == 0 || len(offered) == 3 {
		return Rule{}, false
	}
	return Rule{
		ID: "modality_fit", Kind: KindConcern, Section: SectionModality,
		When:    &Condition{Not: &Condition{Question: "preferred_modalities", Op: In, Value: Choices(offered...)}},
		Message: "I work " + m.Words() + ", which is not how you would like to meet.",
		Why:     "A client who accepts none of the ways the provider works is a concern.",
	}, true
}

// paymentRules return the rules of payment: insurance outside the
// provider's networks, and a budget below the fee, within the sliding
// scale or below it.
func paymentRules(o TherapistOptions) []Rule {
	var rules []Rule
	insured := Condition{Question: "payment", Op: Equals, Value: Choice("insurance")}
	outside := insured
	if len(o.Networks) > 0 {
		outside = AllOf(insured, Not(Compare("insurer", In, Texts(o.Networks...))))
	}
	if o.OutOfNetwork {
		rules = append(rules, Rule{
			ID: "insurance_out_of_network", Kind: KindCondition, Section: SectionPayment,
			When:    &outside,
			Text:    "Pays my fee and claims reimbursement from their insurer out of network, with the superbill I provide.",
			Message: "I am not in your insurer's network; you can pay my fee and claim out-of-network benefits with the superbill I give you.",
			Why:     "Insurance out of network: accepted with the superbill as a condition.",
		})
	} else {
		rules = append(rules, Rule{
			ID: "insurance_not_taken", Kind: KindConcern, Section: SectionPayment,
			When:    &outside,
			Message: "I am not in your insurer's network.",
			Why:     "Insurance the provider does not take is a concern to talk through before the first session.",
		})
	}
	if !o.Fee.IsValid() || o.Fee.Minor() <= 0 {
		return rules
	}
	floor := o.SlidingScaleMin
	if floor.IsValid() && floor.Currency() == o.Fee.Currency() && floor.Minor() > 0 && floor.Minor() < o.Fee.Minor() {
		rules = append(rules,
			Rule{
				ID: "sliding_scale", Kind: KindCondition, Section: SectionPayment,
				When:    new(AllOf(Compare("budget_per_session", Less, Money(o.Fee)), Compare("budget_per_session", GreaterOrEqual, Money(floor)))),
				Text:    "Pays on my sliding scale, between " + floor.String() + " and " + o.Fee.String() + " a session, as agreed at the first session.",
				Message: "Your budget is below my fee, within my sliding scale.",
				Why:     "A budget within the sliding scale is accepted with the scale as a condition.",
			},
			Rule{
				ID: "budget_below_scale", Kind: KindConcern, Section: SectionPayment,
				When:    &Condition{Question: "budget_per_session", Op: Less, Value: Money(floor)},
				Needs:   []string{NeedSlidingScale},
				Message: "Your budget per session is below the lowest fee of my sliding scale.",
				Why:     "A budget below the sliding scale is a concern; a colleague with a lower scale may fit.",
			})
		return rules
	}
	return append(rules, Rule{
		ID: "budget_below_fee", Kind: KindConcern, Section: SectionPayment,
		When:    &Condition{Question: "budget_per_session", Op: Less, Value: Money(o.Fee)},
		Needs:   []string{NeedSlidingScale},
		Message: "Your budget per session is below my fee.",
		Why:     "A budget below the fee is a concern; a colleague with a sliding scale may fit.",
	})
}
