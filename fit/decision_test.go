package fit

import (
	"cmp"
	"maps"
	"math/rand/v2"
	"testing"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/availability/problem"
)

// instrument is a standard-style summed instrument: five items scored
// 0–3, bands over the total, and an item-level flag on the last item.
func instrument() Screening {
	s := Screening{ID: "wellbeing"}
	for i, text := range []string{"Little interest?", "Feeling down?", "Sleep trouble?", "Tired?", "Thoughts of self-harm?"} {
		id := string(rune('a' + i))
		s.Questions = append(s.Questions, Question{ID: "item_" + id, Type: TypeScale, Range: &Range{Min: 0, Max: 3}, Text: text, Required: true, Crisis: i == 4})
		s.Rules = append(s.Rules, Rule{ID: "sum_" + id, Kind: KindScore, Question: "item_" + id, Weight: 1})
	}
	s.Rules = append(s.Rules, Rule{ID: "self_harm", Kind: KindUrgent, When: new(Compare("item_e", Greater, Number(0))),
		Needs: []string{"crisis_support"}, Message: "Any thought of self-harm needs help now."})
	s.Bands = []Band{
		{ID: "minimal", Min: 0, Max: 4, Message: "Minimal."},
		{ID: "mild", Min: 5, Max: 9, Needs: []string{"wellbeing_support"}, Message: "Mild."},
		{ID: "moderate", Min: 10, Max: 11, Outcome: NeedsReview, Needs: []string{"wellbeing_support"}, Message: "Moderate."},
		{ID: "severe", Min: 12, Max: 15, Outcome: Refer, Needs: []string{"mental_health_care"}, Message: "Severe."},
	}
	return s
}

func scores(a, b, c, d, e float64) Answers {
	return Answers{"item_a": Number(a), "item_b": Number(b), "item_c": Number(c), "item_d": Number(d), "item_e": Number(e)}
}

func TestSummedInstrument(t *testing.T) {
	ev := MustCompile(instrument(), Provider{})
	lines := []contact.Resource{{ID: "it-112", Name: "Emergency", Contact: "112"}}
	tests := []struct {
		name    string
		a       Answers
		outcome Outcome
		score   float64
		needs   []string
		first   Reason
	}{
		{"minimal", scores(1, 1, 1, 0, 0), Accept, 3, nil, Reason{Code: CodeBand, Rule: "minimal", Message: "Minimal."}},
		{"mild", scores(2, 2, 1, 1, 0), Accept, 6, []string{"wellbeing_support"}, Reason{Code: CodeBand, Rule: "mild", Message: "Mild."}},
		{"moderate", scores(3, 3, 2, 2, 0), NeedsReview, 10, []string{"wellbeing_support"}, Reason{Code: CodeBand, Rule: "moderate", Message: "Moderate."}},
		{"severe", scores(3, 3, 3, 3, 0), Refer, 12, []string{"mental_health_care"}, Reason{Code: CodeBand, Rule: "severe", Message: "Severe."}},
		{"item-level flag whatever the total", scores(0, 0, 0, 0, 1), Urgent, 1, []string{"crisis_support"},
			Reason{Code: CodeUrgent, Rule: "self_harm", Question: "item_e", Message: "Any thought of self-harm needs help now."}},
		{"crisis item unanswered", Answers{"item_a": Number(0), "item_b": Number(0), "item_c": Number(0), "item_d": Number(0)}, NeedsReview, 0, nil,
			Reason{Code: CodeCrisisUnanswered, Question: "item_e", Message: "No answer to the safety question “Thoughts of self-harm?”; a person must review before going further."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ev.Evaluate(tt.a, Options{Resources: lines})
			require.Equal(t, tt.outcome, d.Outcome)
			require.Equal(t, tt.score, d.Score)
			require.Equal(t, tt.needs, d.Needs)
			require.Equal(t, tt.first, d.Reasons[0])
			if tt.outcome == Urgent {
				require.Equal(t, lines, d.Resources)
			} else {
				require.Nil(t, d.Resources)
			}
		})
	}
}

// precedence is a screening with one rule of each kind on its own yes/no
// question, plus a required and a crisis question.
func precedence() *Evaluator {
	s := Screening{ID: "precedence", ReviewAt: 2}
	for _, k := range []Kind{KindUrgent, KindRedFlag, KindRefer, KindConcern, KindCondition, KindNeed} {
		id := string(k)
		s.Questions = append(s.Questions, Question{ID: id, Type: TypeYesNo, Text: id + "?"})
		r := Rule{ID: "rule_" + id, Kind: k, When: new(Is(id, Bool(true))), Message: "The " + id + " rule."}
		switch k {
		case KindCondition:
			r.Text = "Signs the acknowledgment."
		case KindNeed:
			r.Needs = []string{"need"}
		}
		s.Rules = append(s.Rules, r)
	}
	s.Questions = append(s.Questions,
		Question{ID: "concern2", Type: TypeYesNo, Text: "Another concern?"},
		Question{ID: "required", Type: TypeText, Text: "Required?", Required: true},
		Question{ID: "crisis", Type: TypeYesNo, Text: "Crisis?", Crisis: true},
		Question{ID: "count", Type: TypeNumber, Text: "How many?", Range: &Range{Min: 0, Max: 10}},
	)
	s.Rules = append(s.Rules, Rule{ID: "rule_concern2", Kind: KindConcern, When: new(Is("concern2", Bool(true))), Message: "Another concern."})
	return MustCompile(s, Provider{})
}

func TestOutcomePrecedence(t *testing.T) {
	ev := precedence()
	base := func(more Answers) Answers {
		a := Answers{"required": Text("here"), "crisis": Bool(false)}
		maps.Copy(a, more)
		return a
	}
	yes := Bool(true)
	tests := []struct {
		name    string
		a       Answers
		o       Options
		outcome Outcome
		missing []string
		invalid []string
	}{
		{"accept", base(nil), Options{}, Accept, nil, nil},
		{"one concern accepts", base(Answers{"concern": yes}), Options{}, Accept, nil, nil},
		{"two concerns review", base(Answers{"concern": yes, "concern2": yes}), Options{}, NeedsReview, nil, nil},
		{"condition", base(Answers{"condition": yes, "concern": yes}), Options{}, AcceptWithConditions, nil, nil},
		{"missing required reviews", base(Answers{"required": Value{}, "condition": yes}), Options{}, NeedsReview, []string{"required"}, nil},
		{"blank required is missing", base(Answers{"required": Text(" ")}), Options{}, NeedsReview, []string{"required"}, nil},
		{"invalid answer reviews", base(Answers{"count": Number(11)}), Options{}, NeedsReview, nil, []string{"count"}},
		{"refer beats missing", base(Answers{"required": Value{}, "refer": yes}), Options{}, Refer, []string{"required"}, nil},
		{"red flag beats refer", base(Answers{"red_flag": yes, "refer": yes}), Options{}, Decline, nil, nil},
		{"overridden red flag", base(Answers{"red_flag": yes}), Options{Overrides: []string{"rule_red_flag"}}, Accept, nil, nil},
		{"crisis unanswered beats red flag", base(Answers{"crisis": Value{}, "red_flag": yes}), Options{}, NeedsReview, []string{"crisis"}, nil},
		{"crisis invalid", base(Answers{"crisis": Text("no")}), Options{}, NeedsReview, nil, []string{"crisis"}},
		{"urgent beats all", base(Answers{"crisis": Value{}, "red_flag": yes, "urgent": yes}), Options{}, Urgent, []string{"crisis"}, nil},
		{"urgent cannot be overridden", base(Answers{"urgent": yes}), Options{Overrides: []string{"rule_urgent"}}, Urgent, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ev.Evaluate(tt.a, tt.o)
			require.Equal(t, tt.outcome, d.Outcome, "%v", d.Reasons)
			require.Equal(t, tt.missing, d.Missing)
			require.Equal(t, tt.invalid, d.Invalid)
			require.NotEmpty(t, d.Reasons)
		})
	}
}

func TestReasonsOrder(t *testing.T) {
	ev := precedence()
	yes := Bool(true)
	d := ev.Evaluate(Answers{
		"urgent": yes, "red_flag": yes, "refer": yes, "concern": yes, "concern2": yes, "condition": yes, "need": yes,
		"count": Number(-1),
	}, Options{Overrides: []string{"rule_need"}})
	var got []string
	for _, r := range d.Reasons {
		got = append(got, string(r.Code)+" "+cmp.Or(r.Rule, r.Question))
	}
	require.Equal(t, []string{
		"urgent rule_urgent",
		"crisis_unanswered crisis",
		"red_flag rule_red_flag",
		"refer rule_refer",
		"missing required",
		"invalid_answer count",
		"concern rule_concern",
		"concern rule_concern2",
		"concerns ",
		"condition rule_condition",
		"need rule_need",
		"override_not_applicable rule_need",
	}, got)
	require.Equal(t, []Requirement{{Rule: "rule_condition", Text: "Signs the acknowledgment."}}, d.Conditions)
	require.Equal(t, []string{"crisis", "required"}, d.Missing)
}

func TestHiddenAnswersAreIgnored(t *testing.T) {
	s := Screening{
		ID: "hidden",
		Questions: []Question{
			{ID: "gate", Type: TypeYesNo, Text: "Gate?"},
			{ID: "behind", Type: TypeScale, Range: &Range{Min: 0, Max: 5}, Text: "Behind?", Required: true, EnableWhen: new(Is("gate", Bool(true)))},
			{ID: "chained", Type: TypeYesNo, Text: "Chained?", EnableWhen: new(Has("behind"))},
		},
		Rules: []Rule{
			{ID: "points", Kind: KindScore, Question: "behind", Weight: 2},
			{ID: "flag", Kind: KindRedFlag, When: new(Is("chained", Bool(true))), Message: "Flag."},
		},
	}
	ev := MustCompile(s, Provider{})
	a := Answers{"gate": Bool(false), "behind": Number(4), "chained": Bool(true)}
	d := ev.Evaluate(a, Options{})
	require.Equal(t, Accept, d.Outcome, "a hidden required question is not missing")
	require.Equal(t, 0.0, d.Score)
	require.Equal(t, []string{"behind", "chained"}, d.Ignored)
	require.Equal(t, []Reason{
		{Code: CodeIgnored, Question: "behind", Message: "The answer to “Behind?” was ignored because the question was not shown."},
		{Code: CodeIgnored, Question: "chained", Message: "The answer to “Chained?” was ignored because the question was not shown."},
	}, d.Reasons)

	a["gate"] = Bool(true)
	d = ev.Evaluate(a, Options{})
	require.Equal(t, Decline, d.Outcome)
	require.Equal(t, 8.0, d.Score)
	require.Nil(t, d.Ignored)
}

// TestCrisisCannotHideBehindMissingAnswers: a crisis question shown on a
// condition is not skipped because the answers the condition reads are
// missing. Its display is decided again with those answers unknown; if it
// might be shown, it counts as unanswered and the decision is needs_review.
func TestCrisisCannotHideBehindMissingAnswers(t *testing.T) {
	s := Screening{
		ID: "gated",
		Questions: []Question{
			{ID: "low_mood", Type: TypeYesNo, Text: "Low mood lately?"},
			{ID: "harm", Type: TypeYesNo, Text: "Thoughts of harming yourself?", Crisis: true, EnableWhen: new(Is("low_mood", Bool(true)))},
			{ID: "sleep", Type: TypeScale, Range: &Range{Min: 0, Max: 3}, Text: "Sleep trouble?"},
			{ID: "nights", Type: TypeNumber, Text: "Sleepless nights a week?", EnableWhen: new(Compare("sleep", GreaterOrEqual, Number(2)))},
			{ID: "unsafe", Type: TypeYesNo, Text: "Unsafe at home?", Crisis: true,
				EnableWhen: new(AllOf(Compare("nights", Greater, Number(3)), Not(Is("low_mood", Bool(true)))))},
		},
		Rules: []Rule{{ID: "crisis", Kind: KindUrgent, When: new(AnyOf(Is("harm", Bool(true)), Is("unsafe", Bool(true)))), Message: "Help now."}},
	}
	ev := MustCompile(s, Provider{})
	crisis := func(d Decision) []string {
		var ids []string
		for _, r := range d.Reasons {
			if r.Code == CodeCrisisUnanswered {
				ids = append(ids, r.Question)
			}
		}
		return ids
	}
	for _, tt := range []struct {
		name    string
		a       Answers
		outcome Outcome
		crisis  []string // crisis_unanswered reasons
		missing []string
		ignored []string
	}{
		{"nothing answered", Answers{}, NeedsReview, []string{"harm", "unsafe"}, []string{"harm", "unsafe"}, nil},
		{"gates closed", Answers{"low_mood": Bool(false), "sleep": Number(0)}, Accept, nil, nil, nil},
		{"gate closed, through a chain", Answers{"low_mood": Bool(false), "sleep": Number(2), "nights": Number(1)}, Accept, nil, nil, nil},
		{"chain open, crisis unanswered", Answers{"low_mood": Bool(false), "sleep": Number(2), "nights": Number(5)}, NeedsReview, []string{"unsafe"}, []string{"unsafe"}, nil},
		{"the chain's middle missing", Answers{"low_mood": Bool(false), "sleep": Number(3)}, NeedsReview, []string{"unsafe"}, []string{"unsafe"}, nil},
		{"all closes on a known no", Answers{"low_mood": Bool(true), "harm": Bool(false), "sleep": Number(3)}, Accept, nil, nil, nil},
		{"an answer behind a missing gate is still ignored", Answers{"harm": Bool(true), "sleep": Number(0)}, NeedsReview, []string{"harm"}, nil, []string{"harm"}},
		{"an invalid gate", Answers{"low_mood": Number(1), "sleep": Number(0)}, NeedsReview, []string{"harm"}, []string{"harm"}, nil},
		{"answered", Answers{"low_mood": Bool(true), "harm": Bool(true)}, Urgent, nil, nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := ev.Evaluate(tt.a, Options{})
			require.Equal(t, tt.outcome, d.Outcome)
			require.Equal(t, tt.crisis, crisis(d))
			require.Equal(t, tt.missing, d.Missing)
			require.Equal(t, tt.ignored, d.Ignored)
		})
	}
	var ps problem.List
	require.ErrorAs(t, ev.ValidateAnswers(Answers{}), &ps)
	require.Equal(t, problem.List{
		{Path: "harm", Code: problem.Required, Message: "the safety question might be shown once missing answers are given, and has no answer"},
		{Path: "unsafe", Code: problem.Required, Message: "the safety question might be shown once missing answers are given, and has no answer"},
	}, ps)
}

func TestDecisionDoesNotDependOnOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for _, build := range []func() (Screening, Provider, Answers){
		benchScreening,
		func() (Screening, Provider, Answers) {
			return Standard(BankOptions{Fee: eur("50.00")}), coach(), prospect()
		},
	} {
		s, p, a := build()
		want := MustCompile(s, p).Evaluate(a, Options{})
		for range 20 {
			rng.Shuffle(len(s.Questions), func(i, j int) { s.Questions[i], s.Questions[j] = s.Questions[j], s.Questions[i] })
			rng.Shuffle(len(s.Rules), func(i, j int) { s.Rules[i], s.Rules[j] = s.Rules[j], s.Rules[i] })
			rng.Shuffle(len(s.Bands), func(i, j int) { s.Bands[i], s.Bands[j] = s.Bands[j], s.Bands[i] })
			require.Equal(t, want, MustCompile(s, p).Evaluate(a, Options{}))
		}
	}
}

func TestDecisionListsDoNotShareStorage(t *testing.T) {
	ev := precedence()
	d := ev.Evaluate(Answers{"need": Bool(true), "crisis": Bool(false)}, Options{})
	require.Equal(t, []string{"required"}, d.Missing)
	d.Missing = append(d.Missing, "extra")
	require.Equal(t, []string{"need"}, d.Needs)
}

func TestEvaluateAllocations(t *testing.T) {
	s, p, a := benchScreening()
	sh, err := MustCompile(s, p).Bind(a)
	require.NoError(t, err)
	allocs := testing.AllocsPerRun(100, func() { sh.Evaluate(Options{}) })
	require.LessOrEqual(t, allocs, 5.0)
}

func TestOverlapAndDistance(t *testing.T) {
	s := Screening{
		ID: "fit",
		Questions: []Question{
			{ID: "times", Type: TypeTimes, Text: "When?"},
			{ID: "place", Type: TypeLocation, Text: "Where?"},
		},
		Rules: []Rule{
			{ID: "overlap", Kind: KindConcern, Overlap: &Overlap{Question: "times", MinHours: 2}, Message: "Too little overlap."},
			{ID: "radius", Kind: KindRedFlag, Distance: &Distance{Question: "place", MaxKm: 30}, Message: "Too far."},
		},
	}
	ev := MustCompile(s, coach())
	evening := func(from, to int) Value {
		return Times(availability.Window{Days: availability.Days(1), Start: availability.ClockOf(from, 0), End: availability.ClockOf(to, 0)})
	}
	town := Location(place.Point{Lat: 44.50, Lon: 11.35})
	tests := []struct {
		name  string
		a     Answers
		rules []string
	}{
		{"two hours on Monday evening", Answers{"times": evening(19, 22), "place": town}, nil},
		{"one hour", Answers{"times": evening(20, 22), "place": town}, []string{"overlap"}},
		{"no windows", Answers{"times": Times(), "place": town}, []string{"overlap"}},
		{"empty list decodes as no windows", Answers{"times": Choices(), "place": town}, []string{"overlap"}},
		{"25 miles out", Answers{"times": evening(18, 21), "place": Location(twentyFiveMiles)}, []string{"radius"}},
		{"remote, not offered", Answers{"times": evening(18, 21), "place": Remote()}, []string{"radius"}},
		{"unanswered", Answers{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ev.Evaluate(tt.a, Options{})
			var got []string
			for _, r := range d.Reasons {
				if r.Rule != "" {
					got = append(got, r.Rule)
				}
			}
			require.Equal(t, tt.rules, got)
		})
	}

	s.Rules[1].Distance.Remote = true
	d := MustCompile(s, coach()).Evaluate(Answers{"times": evening(18, 21), "place": Remote()}, Options{})
	require.Equal(t, Accept, d.Outcome)
}

func TestProviderWeek(t *testing.T) {
	s := Screening{
		ID:        "week",
		Questions: []Question{{ID: "times", Type: TypeTimes, Text: "When?"}},
		Rules:     []Rule{{ID: "overlap", Kind: KindRedFlag, Overlap: &Overlap{Question: "times", MinHours: 1}, Message: "No overlap."}},
	}
	p := coach()
	p.Schedule.Closures = []availability.Closure{{From: availability.MustParseDate("2026-08-10"), Through: availability.MustParseDate("2026-08-16")}}
	monday := Answers{"times": Times(availability.Window{Days: availability.Days(1), Start: availability.ClockOf(18, 0), End: availability.ClockOf(21, 0)})}

	// The usual week ignores closures; a dated week honours them.
	require.Equal(t, Accept, MustCompile(s, p).Evaluate(monday, Options{}).Outcome)
	week := availability.MustParseDate("2026-08-10")
	p.Week = &week
	require.Equal(t, Decline, MustCompile(s, p).Evaluate(monday, Options{}).Outcome)
	week = availability.MustParseDate("2026-08-17")
	require.Equal(t, Accept, MustCompile(s, p).Evaluate(monday, Options{}).Outcome)
}
