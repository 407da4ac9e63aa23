package fit

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
)

// frequencyCodes are the LOINC answer codes scored 0 to 3.
var frequencyCodes = [...]string{AnswerNotAtAll, AnswerSeveralDays, AnswerMoreThanHalf, AnswerNearlyEveryDay}

// itemAnswers answers an instrument's items with the given scores, in
// order; a negative score leaves the item unanswered.
func itemAnswers(instrument string, scores ...int) Answers {
	a := Answers{}
	for i, sc := range scores {
		if sc >= 0 {
			a[itemID(instrument, i)] = Choice(frequencyCodes[sc])
		}
	}
	return a
}

// spread returns n item scores, 0–3 each, that add up to total, filling
// the items in order; the last item (PHQ-9 item 9) is filled last.
func spread(n, total int) []int {
	scores := make([]int, n)
	for i := range scores {
		scores[i] = min(3, total)
		total -= scores[i]
	}
	return scores
}

// TestInstrumentBands holds each instrument's scoring to its published
// table, at every band's edges: the total, the band, the reason that cites
// both, and the outcome.
func TestInstrumentBands(t *testing.T) {
	type row struct {
		total   int
		band    string
		label   string
		outcome Outcome
	}
	for _, c := range []struct {
		s     Screening
		scale string
		name  string
		items int
		rows  []row
	}{
		{PHQ9(), "phq9", "PHQ-9", 9, []row{
			{0, "phq9_minimal", "minimal", Accept},
			{4, "phq9_minimal", "minimal", Accept},
			{5, "phq9_mild", "mild", Accept},
			{9, "phq9_mild", "mild", Accept},
			{10, "phq9_moderate", "moderate", Accept},
			{14, "phq9_moderate", "moderate", Accept},
			{15, "phq9_moderately_severe", "moderately severe", Accept},
			{17, "phq9_moderately_severe", "moderately severe", Accept},
			{19, "phq9_moderately_severe", "moderately severe", Accept},
			{20, "phq9_severe", "severe", NeedsReview},
			{24, "phq9_severe", "severe", NeedsReview},
			{25, "phq9_severe", "severe", Urgent}, // item 9 answered above "not at all"
			{27, "phq9_severe", "severe", Urgent},
		}},
		{GAD7(), "gad7", "GAD-7", 7, []row{
			{0, "gad7_minimal", "minimal", Accept},
			{4, "gad7_minimal", "minimal", Accept},
			{5, "gad7_mild", "mild", Accept},
			{9, "gad7_mild", "mild", Accept},
			{10, "gad7_moderate", "moderate", Accept},
			{14, "gad7_moderate", "moderate", Accept},
			{15, "gad7_severe", "severe", NeedsReview},
			{21, "gad7_severe", "severe", NeedsReview},
		}},
		{PHQ2(), "phq2", "PHQ-2", 2, []row{
			{0, "phq2_negative", "negative screen", Accept},
			{2, "phq2_negative", "negative screen", Accept},
			{3, "phq2_positive", "positive screen; the full PHQ-9 is the next step", Accept},
			{6, "phq2_positive", "positive screen; the full PHQ-9 is the next step", Accept},
		}},
		{GAD2(), "gad2", "GAD-2", 2, []row{
			{0, "gad2_negative", "negative screen", Accept},
			{2, "gad2_negative", "negative screen", Accept},
			{3, "gad2_positive", "positive screen; the full GAD-7 is the next step", Accept},
			{6, "gad2_positive", "positive screen; the full GAD-7 is the next step", Accept},
		}},
	} {
		ev := MustCompile(c.s, Provider{})
		for _, r := range c.rows {
			a := itemAnswers(c.scale, spread(c.items, r.total)...)
			d := ev.Evaluate(a, Options{})
			require.Equal(t, r.outcome, d.Outcome, "%s total %d: %v", c.name, r.total, d.Reasons)
			require.Equal(t, []Total{{Scale: c.scale, Score: float64(r.total), Items: c.items, Answered: c.items, Complete: true}}, d.Totals)
			var bands []Reason
			for _, rs := range d.Reasons {
				if rs.Code == CodeBand {
					bands = append(bands, rs)
				}
			}
			want := fmt.Sprintf("%s total %d: %s", c.name, r.total, r.label)
			require.Equal(t, []Reason{{Code: CodeBand, Rule: r.band, Message: want}}, bands, "%s total %d", c.name, r.total)
			require.Empty(t, d.Missing)
		}
	}
}

// TestPHQ9SelfHarm routes any answer above "not at all" to item 9 to
// crisis resources first, whatever the total, and names the item.
func TestPHQ9SelfHarm(t *testing.T) {
	ev := MustCompile(PHQ9(), Provider{})
	crisis := Options{Resources: nil}
	for _, code := range frequencyCodes[1:] {
		a := itemAnswers("phq9", 0, 0, 0, 0, 0, 0, 0, 0, 0)
		a["phq9_9"] = Choice(code)
		d := ev.Evaluate(a, crisis)
		require.Equal(t, Urgent, d.Outcome, code)
		require.Equal(t, CodeUrgent, d.Reasons[0].Code)
		require.Equal(t, "phq9_self_harm", d.Reasons[0].Rule)
		require.Equal(t, "phq9_9", d.Reasons[0].Question)
		require.Contains(t, d.Reasons[0].Message, "PHQ-9 item 9")
		require.Contains(t, d.Needs, NeedCrisisSupport)
		// The total is still reported and banded: minimal, with the
		// urgent reason first.
		require.True(t, d.Totals[0].Complete)
		require.LessOrEqual(t, d.Totals[0].Score, 3.0)
	}
	d := ev.Evaluate(itemAnswers("phq9", 0, 0, 0, 0, 0, 0, 0, 0, 0), crisis)
	require.Equal(t, Accept, d.Outcome)
	require.NotContains(t, d.Needs, NeedCrisisSupport)
}

// TestInstrumentMissingItems: the published scoring gives no rule for a
// missing item, so the scale is incomplete, its bands are not read, and
// the decision needs review, naming the items.
func TestInstrumentMissingItems(t *testing.T) {
	ev := MustCompile(PHQ9(), Provider{})
	d := ev.Evaluate(itemAnswers("phq9", 3, 3, 3, -1, 3, 3, 3, -1, 0), Options{})
	require.Equal(t, NeedsReview, d.Outcome)
	require.Equal(t, []string{"phq9_4", "phq9_8"}, d.Missing)
	require.Equal(t, []Total{{Scale: "phq9", Score: 18, Items: 9, Answered: 7}}, d.Totals)
	var codes []Code
	for _, r := range d.Reasons {
		codes = append(codes, r.Code)
		require.NotEqual(t, CodeBand, r.Code, "a band read on a partial total: %v", r)
	}
	require.Equal(t, []Code{CodeMissing, CodeMissing, CodeIncomplete}, codes)
	require.Equal(t, "PHQ-9 cannot be scored: 2 items have no valid answer, and a total without them would not be the PHQ-9 total.", d.Reasons[2].Message)
	require.Equal(t, "phq9", d.Reasons[2].Rule)

	// Item 9 unanswered is a crisis question without an answer: review,
	// with the crisis reason first.
	d = ev.Evaluate(itemAnswers("phq9", 0, 0, 0, 0, 0, 0, 0, 0, -1), Options{})
	require.Equal(t, NeedsReview, d.Outcome)
	require.Equal(t, CodeCrisisUnanswered, d.Reasons[0].Code)
	require.Equal(t, "phq9_9", d.Reasons[0].Question)

	// An invalid answer counts as missing.
	a := itemAnswers("phq9", 0, 0, 0, 0, 0, 0, 0, 0, 0)
	a["phq9_3"] = Choice("LA0000-0")
	d = ev.Evaluate(a, Options{})
	require.Equal(t, NeedsReview, d.Outcome)
	require.Equal(t, []string{"phq9_3"}, d.Invalid)
	require.False(t, d.Totals[0].Complete)
}

// TestPHQ9Difficulty shows the unscored tenth question only once a
// problem is checked off.
func TestPHQ9Difficulty(t *testing.T) {
	ev := MustCompile(PHQ9(), Provider{})
	a := itemAnswers("phq9", 0, 0, 0, 0, 0, 0, 0, 0, 0)
	a["phq9_difficulty"] = Choice("very_difficult")
	d := ev.Evaluate(a, Options{})
	require.Equal(t, []string{"phq9_difficulty"}, d.Ignored)
	a["phq9_4"] = Choice(AnswerSeveralDays)
	d = ev.Evaluate(a, Options{})
	require.Empty(t, d.Ignored)
	require.Equal(t, 1.0, d.Totals[0].Score)
}

// TestTherapistBank evaluates the therapist's intake end to end: scope,
// modality, payment and the instruments, each with its reasons and needs.
func TestTherapistBank(t *testing.T) {
	o := TherapistOptions{
		Specialties: []string{NeedDepressionCare, NeedAnxietyCare}, Exclusions: []string{NeedEatingDisorderCare},
		Modalities: place.Video | place.InPerson, Fee: money.MustParse("USD 150.00"), SlidingScaleMin: money.MustParse("USD 90.00"),
		Networks: []string{"Aetna"}, OutOfNetwork: true,
	}
	s := Therapist(o)
	require.NoError(t, s.Validate())
	ev := MustCompile(s, coach())
	client := func() Answers {
		a := Answers{
			"concern_areas":        Choices("depression", "anxiety"),
			"concern_details":      Text("I have felt flat for months."),
			"therapy_goals":        Text("Enjoy my work again."),
			"prior_therapy":        Bool(false),
			"current_care":         Choices(),
			"self_harm":            Bool(false),
			"harm_others":          Bool(false),
			"safe_at_home":         Bool(true),
			"preferred_modalities": Choices("video"),
			"preferred_times":      prospectTimes(),
			"payment":              Choice("self_pay"),
			"budget_per_session":   Money(money.MustParse("USD 150.00")),
		}
		maps.Copy(a, itemAnswers("phq9", spread(9, 12)...))
		a["phq9_difficulty"] = Choice("somewhat_difficult")
		maps.Copy(a, itemAnswers("gad7", spread(7, 6)...))
		return a
	}
	d := ev.Evaluate(client(), Options{})
	require.Equal(t, Accept, d.Outcome, "%v", d.Reasons)
	require.Equal(t, []string{NeedAnxietyCare, NeedDepressionCare}, d.Needs)
	require.Contains(t, d.Reasons, Reason{Code: CodeBand, Rule: "phq9_moderate", Message: "PHQ-9 total 12: moderate"})
	require.Contains(t, d.Reasons, Reason{Code: CodeBand, Rule: "gad7_mild", Message: "GAD-7 total 6: mild"})

	// An excluded area refers elsewhere, with the area as a need.
	a := client()
	a["concern_areas"] = Choices("eating")
	d = ev.Evaluate(a, Options{})
	require.Equal(t, Refer, d.Outcome)
	require.Equal(t, "scope_excluded", d.Reasons[0].Rule)
	require.Contains(t, d.Needs, NeedEatingDisorderCare)

	// Insurance outside the networks, with superbills: a condition;
	// a budget within the sliding scale: another.
	a = client()
	a["payment"] = Choice("insurance")
	a["insurer"] = Text("cigna ")
	a["budget_per_session"] = Money(money.MustParse("USD 100.00"))
	d = ev.Evaluate(a, Options{})
	require.Equal(t, AcceptWithConditions, d.Outcome)
	require.Equal(t, []string{"insurance_out_of_network", "sliding_scale"}, []string{d.Conditions[0].Rule, d.Conditions[1].Rule})
	a["insurer"] = Text("AETNA")
	d = ev.Evaluate(a, Options{})
	require.Len(t, d.Conditions, 1)

	// Phone only and a budget below the scale: two concerns, review, and
	// a need for a sliding scale elsewhere.
	a = client()
	a["preferred_modalities"] = Choices("phone")
	a["budget_per_session"] = Money(money.MustParse("USD 60.00"))
	d = ev.Evaluate(a, Options{})
	require.Equal(t, NeedsReview, d.Outcome)
	require.Contains(t, d.Needs, NeedSlidingScale)

	// Not safe at home: urgent, with domestic violence support.
	a = client()
	a["safe_at_home"] = Bool(false)
	d = ev.Evaluate(a, Options{})
	require.Equal(t, Urgent, d.Outcome)
	require.Equal(t, "risk_unsafe_at_home", d.Reasons[0].Rule)
	require.Contains(t, d.Needs, NeedDomesticViolenceSupport)
}

// prospectTimes are weekday evenings and Saturday mornings.
func prospectTimes() Value {
	return Times(
		availability.Window{Days: availability.Days(time.Tuesday, time.Thursday), Start: availability.ClockOf(17, 0), End: availability.ClockOf(19, 0)},
		availability.Window{Days: availability.Days(time.Saturday), Start: availability.ClockOf(9, 0), End: availability.ClockOf(12, 0)},
	)
}
