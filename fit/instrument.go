package fit

import "strconv"

// Validated instruments as data. Each function returns a screening of its
// own, with the instrument's items in its published wording, its answer
// options scored as published, a Scale that cites the source, the
// published severity bands, and the rules that read single items (such as
// the PHQ-9's item 9 on self-harm). Take one alone, or add it to a bank
// with Screening.Extend, as Therapist does.
//
// The PHQ and GAD-7 screeners were developed by Drs. Robert L. Spitzer,
// Janet B.W. Williams, Kurt Kroenke and colleagues with an educational
// grant from Pfizer Inc.; no permission is required to reproduce,
// translate, display or distribute them.
//
// The published scoring sums every item; it gives no rule for a missing
// item. So a scale with a shown item unanswered is incomplete: its bands
// are not read and the decision needs review (see Scale), rather than a
// partial sum being banded as if it were the total.

// The canonical URLs of the instruments' screenings, as FHIR
// Questionnaires name them.
const (
	URLPHQ9 = "https://github.com/practicekit/boundaries/fhir/Questionnaire/phq9"
	URLGAD7 = "https://github.com/practicekit/boundaries/fhir/Questionnaire/gad7"
	URLPHQ2 = "https://github.com/practicekit/boundaries/fhir/Questionnaire/phq2"
	URLGAD2 = "https://github.com/practicekit/boundaries/fhir/Questionnaire/gad2"
)

// The sections of the instruments.
const (
	SectionDepression Section = "depression" // the PHQ-9 and PHQ-2
	SectionAnxiety    Section = "anxiety"    // the GAD-7 and GAD-2
)

// loinc is the code system of the instruments' answer codes.
const loinc = "http://loinc.org"

// The LOINC codes of the answers the PHQ and GAD-7 items share (answer
// list LL358-3), scored 0 to 3.
const (
	AnswerNotAtAll         = "LA6568-5" // not at all: 0
	AnswerSeveralDays      = "LA6569-3" // several days: 1
	AnswerMoreThanHalf     = "LA6570-1" // more than half the days: 2
	AnswerNearlyEveryDay   = "LA6571-9" // nearly every day: 3
	phqCopyright           = "The PHQ and GAD-7 were developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission is required to reproduce, translate, display or distribute them."
	phqStem                = "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
	phqMissingItems        = " The published scoring sums every item and gives no rule for a missing one, so a total with an item unanswered is not banded; the provider reviews it."
	phq9Source             = "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med. 2001;16(9):606–613. Total 0–27; 5, 10, 15 and 20 mark mild, moderate, moderately severe and severe depression."
	gad7Source             = "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092–1097. Total 0–21; 5, 10 and 15 mark mild, moderate and severe anxiety."
	phq2Source             = "Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2: validity of a two-item depression screener. Med Care. 2003;41(11):1284–1292. Total 0–6; 3 or more is a positive screen."
	gad2Source             = "Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary care: prevalence, impairment, comorbidity, and detection. Ann Intern Med. 2007;146(5):317–325. Total 0–6; 3 or more is a positive screen."
	frequencyHelp          = "Choose one answer for each problem."
	selfHarmCrisisResponse = " Please contact one of these services now; they can help right away."
)

// frequency returns the PHQ and GAD-7 answer options, scored 0 to 3.
func frequency() []Option {
	return []Option{
		{Code: AnswerNotAtAll, Label: "Not at all", Score: 0, System: loinc},
		{Code: AnswerSeveralDays, Label: "Several days", Score: 1, System: loinc},
		{Code: AnswerMoreThanHalf, Label: "More than half the days", Score: 2, System: loinc},
		{Code: AnswerNearlyEveryDay, Label: "Nearly every day", Score: 3, System: loinc},
	}
}

// phqItems are the PHQ-9's items, in order.
var phqItems = [...]string{
	"Little interest or pleasure in doing things",
	"Feeling down, depressed, or hopeless",
	"Trouble falling or staying asleep, or sleeping too much",
	"Feeling tired or having little energy",
	"Poor appetite or overeating",
	"Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
	"Trouble concentrating on things, such as reading the newspaper or watching television",
	"Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
	"Thoughts that you would be better off dead or of hurting yourself in some way",
}

// gadItems are the GAD-7's items, in order.
var gadItems = [...]string{
	"Feeling nervous, anxious, or on edge",
	"Not being able to stop or control worrying",
	"Worrying too much about different things",
	"Trouble relaxing",
	"Being so restless that it is hard to sit still",
	"Becoming easily annoyed or irritable",
	"Feeling afraid as if something awful might happen",
}

// summed lays out a summed instrument: a group with the stem, its
// items as required single choices scored 0–3, an item-score rule for
// each, the scale and the bands.
func summed(id, name, title, url, source string, section Section, items []string, bands []Band) Screening {
	group := id
	s := Screening{
		ID: id, Title: title, URL: url,
		Description: name + ", as published: " + source + phqMissingItems,
		Copyright:   phqCopyright,
		Questions: []Question{{
			ID: group, Type: TypeGroup, Section: section, Text: phqStem, Help: frequencyHelp,
		}},
		Scales: []Scale{{ID: id, Name: name, Source: source}},
		Bands:  bands,
	}
	for i, text := range items {
		q := itemID(id, i)
		s.Questions = append(s.Questions, Question{
			ID: q, Type: TypeSingleChoice, Section: section, Group: group, Required: true,
			Text: text, Options: frequency(),
		})
		s.Rules = append(s.Rules, Rule{
			ID: "score_" + q, Kind: KindScore, Section: section, Question: q, Weight: 1, Scale: id,
			Why: name + " item " + strconv.Itoa(i+1) + " adds its answer, 0–3, to the total.",
		})
	}
	for i := range s.Bands {
		s.Bands[i].Scale = id
	}
	return s
}

// itemID returns the ID of item i (from 0) of an instrument: "phq9_1".
func itemID(instrument string, i int) string { return instrument + "_" + strconv.Itoa(i+1) }

// above returns the condition "the answer to q is above not at all".
func above(q string) Condition {
	return Compare(q, In, Choices(AnswerSeveralDays, AnswerMoreThanHalf, AnswerNearlyEveryDay))
}

// PHQ9 returns the Patient Health Questionnaire-9, the depression scale:
// nine items on the last two weeks, each scored 0 (not at all) to 3
// (nearly every day), a total of 0–27 on the scale "phq9", banded as
// published: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately
// severe, 20–27 severe. Moderate and above hand referral the need
// depression_care; severe needs the provider's review before accepting.
//
// Item 9, thoughts of being better off dead or of self-harm, is a crisis
// question: any answer above "not at all" is urgent, whatever the total,
// and refers the client to crisis resources first (the rule
// "phq9_self_harm"); unanswered, it keeps the decision in review.
//
// The unscored tenth question, how difficult the problems have made
// work, home and getting along with others, is shown once any item is
// answered above "not at all".
func PHQ9() Screening {
	s := summed("phq9", "PHQ-9", "Patient Health Questionnaire-9 (PHQ-9)", URLPHQ9, phq9Source, SectionDepression, phqItems[:], []Band{
		{ID: "phq9_minimal", Min: 0, Max: 4, Message: "minimal"},
		{ID: "phq9_mild", Min: 5, Max: 9, Message: "mild"},
		{ID: "phq9_moderate", Min: 10, Max: 14, Needs: []string{NeedDepressionCare}, Message: "moderate"},
		{ID: "phq9_moderately_severe", Min: 15, Max: 19, Needs: []string{NeedDepressionCare}, Message: "moderately severe"},
		{ID: "phq9_severe", Min: 20, Max: 27, Outcome: NeedsReview, Needs: []string{NeedDepressionCare}, Message: "severe"},
	})
	item9 := &s.Questions[9]
	item9.Crisis = true
	item9.Why = "PHQ-9 item 9 asks about thoughts of death or self-harm: any answer above \"not at all\" needs a crisis response first, whatever the total."
	var any []Condition
	for i := range 9 {
		for _, code := range []string{AnswerSeveralDays, AnswerMoreThanHalf, AnswerNearlyEveryDay} {
			any = append(any, Is(itemID("phq9", i), Choice(code)))
		}
	}
	s.Questions = append(s.Questions, Question{
		ID: "phq9_difficulty", Type: TypeSingleChoice, Section: SectionDepression,
		Text: "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
		Options: []Option{
			{Code: "not_difficult", Label: "Not difficult at all"},
			{Code: "somewhat_difficult", Label: "Somewhat difficult"},
			{Code: "very_difficult", Label: "Very difficult"},
			{Code: "extremely_difficult", Label: "Extremely difficult"},
		},
		EnableWhen: &Condition{Any: any},
		Why:        "The PHQ-9's tenth question is not scored; it tells the provider how much the problems get in the way.",
	})
	s.Rules = append(s.Rules, Rule{
		ID: "phq9_self_harm", Kind: KindUrgent, Section: SectionDepression,
		When:    new(above("phq9_9")),
		Needs:   []string{NeedCrisisSupport},
		Message: "PHQ-9 item 9: you have had thoughts that you would be better off dead, or of hurting yourself, in the last two weeks." + selfHarmCrisisResponse,
		Why:     "Any answer above \"not at all\" to PHQ-9 item 9 routes to crisis resources first, whatever the total.",
	})
	return s
}

// GAD7 returns the Generalized Anxiety Disorder-7 scale: seven items on
// the last two weeks, each scored 0 (not at all) to 3 (nearly every day),
// a total of 0–21 on the scale "gad7", banded as published: 0–4 minimal,
// 5–9 mild, 10–14 moderate, 15–21 severe. Moderate and above hand referral
// the need anxiety_care; severe needs the provider's review before
// accepting.
func GAD7() Screening {
	return summed("gad7", "GAD-7", "Generalized Anxiety Disorder-7 (GAD-7)", URLGAD7, gad7Source, SectionAnxiety, gadItems[:], []Band{
		{ID: "gad7_minimal", Min: 0, Max: 4, Message: "minimal"},
		{ID: "gad7_mild", Min: 5, Max: 9, Message: "mild"},
		{ID: "gad7_moderate", Min: 10, Max: 14, Needs: []string{NeedAnxietyCare}, Message: "moderate"},
		{ID: "gad7_severe", Min: 15, Max: 21, Outcome: NeedsReview, Needs: []string{NeedAnxietyCare}, Message: "severe"},
	})
}

// PHQ2 returns the Patient Health Questionnaire-2, the PHQ-9's first two
// items as a depression screen: a total of 0–6 on the scale "phq2", 3 or
// more a positive screen, which hands referral depression_care and calls
// for the full PHQ-9.
func PHQ2() Screening {
	return summed("phq2", "PHQ-2", "Patient Health Questionnaire-2 (PHQ-2)", URLPHQ2, phq2Source, SectionDepression, phqItems[:2], []Band{
		{ID: "phq2_negative", Min: 0, Max: 2, Message: "negative screen"},
		{ID: "phq2_positive", Min: 3, Max: 6, Needs: []string{NeedDepressionCare}, Message: "positive screen; the full PHQ-9 is the next step"},
	})
}

// GAD2 returns the Generalized Anxiety Disorder-2, the GAD-7's first two
// items as an anxiety screen: a total of 0–6 on the scale "gad2", 3 or
// more a positive screen, which hands referral anxiety_care and calls for
// the full GAD-7.
func GAD2() Screening {
	return summed("gad2", "GAD-2", "Generalized Anxiety Disorder-2 (GAD-2)", URLGAD2, gad2Source, SectionAnxiety, gadItems[:2], []Band{
		{ID: "gad2_negative", Min: 0, Max: 2, Message: "negative screen"},
		{ID: "gad2_positive", Min: 3, Max: 6, Needs: []string{NeedAnxietyCare}, Message: "positive screen; the full GAD-7 is the next step"},
	})
}
