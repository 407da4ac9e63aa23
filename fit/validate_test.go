package fit

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/availability/problem"
)

// small returns a valid screening to break in tests.
func small() Screening {
	return Screening{
		ID: "small",
		Questions: []Question{
			{ID: "goals", Type: TypeText, Text: "Goals?", Required: true},
			{ID: "areas", Type: TypeMultipleChoice, Text: "Areas?", Options: []Option{{Code: "fit", Label: "Fitness", Score: 1}, {Code: "food", Label: "Food", Score: 2}}},
			{ID: "kind", Type: TypeSingleChoice, Text: "Kind?", Options: []Option{{Code: "x", Label: "X"}, {Code: "y", Label: "Y"}}},
			{ID: "scale", Type: TypeScale, Text: "How much?", Range: &Range{Min: 0, Max: 3}},
			{ID: "when", Type: TypeTimes, Text: "When?"},
			{ID: "where", Type: TypeLocation, Text: "Where?"},
			{ID: "more", Type: TypeText, Text: "More?", EnableWhen: new(Has("goals"))},
		},
		Rules: []Rule{
			{ID: "flag", Kind: KindRedFlag, When: new(Compare("goals", Contains, Text("date"))), Message: "A date is not a goal."},
			{ID: "item", Kind: KindScore, Question: "scale", Weight: 1},
		},
		Bands: []Band{{ID: "high", Min: 2, Max: 3, Outcome: NeedsReview, Message: "High."}},
	}
}

func TestValidateSmallIsValid(t *testing.T) {
	require.NoError(t, small().Validate())
}

func TestValidate(t *testing.T) {
	type pc struct {
		Path string
		Code problem.Code
	}
	tests := []struct {
		name    string
		breakIt func(s *Screening)
		want    []pc
	}{
		{"no id", func(s *Screening) { s.ID = "" }, []pc{{"id", problem.Required}}},
		{"no questions", func(s *Screening) { s.Questions, s.Rules, s.Bands = nil, nil, nil }, []pc{{"questions", problem.Empty}}},
		{"negative review_at", func(s *Screening) { s.ReviewAt = -1 }, []pc{{"review_at", problem.Negative}}},
		{"duplicate question", func(s *Screening) { s.Questions[1].ID = "goals" }, []pc{
			{"questions[1].id", problem.Duplicate},
			// The second "goals" is a choice question now, so contains
			// on text there reads the first.
		}},
		{"unknown type", func(s *Screening) { s.Questions[0].Type = "essay" }, []pc{{"questions[0].type", problem.Unknown}, {"rules[0].when.op", problem.Mismatch}}},
		{"no text", func(s *Screening) { s.Questions[0].Text = " " }, []pc{{"questions[0].text", problem.Required}}},
		{"bad respondent", func(s *Screening) { s.Questions[0].By = "coach" }, []pc{{"questions[0].by", problem.Invalid}}},
		{"choice without options", func(s *Screening) { s.Questions[2].Options = nil }, []pc{{"questions[2].options", problem.Empty}}},
		{"options on text", func(s *Screening) { s.Questions[0].Options = []Option{{Code: "a", Label: "A"}} }, []pc{{"questions[0].options", problem.Unexpected}}},
		{"duplicate option", func(s *Screening) { s.Questions[2].Options[1].Code = "x" }, []pc{{"questions[2].options[1].code", problem.Duplicate}}},
		{"empty option code and label", func(s *Screening) { s.Questions[2].Options[0] = Option{} }, []pc{
			{"questions[2].options[0].code", problem.Required}, {"questions[2].options[0].label", problem.Required}}},
		{"scale without range", func(s *Screening) { s.Questions[3].Range = nil }, []pc{{"questions[3].range", problem.Required}}},
		{"reversed range", func(s *Screening) { s.Questions[3].Range = &Range{Min: 3, Max: 0} }, []pc{{"questions[3].range", problem.Order}}},
		{"fractional scale", func(s *Screening) { s.Questions[3].Range = &Range{Min: 0, Max: 2.5} }, []pc{{"questions[3].range", problem.Invalid}}},
		{"range on text", func(s *Screening) { s.Questions[0].Range = &Range{} }, []pc{{"questions[0].range", problem.Unexpected}}},
		{"unit on text", func(s *Screening) { s.Questions[0].Unit = "km" }, []pc{{"questions[0].unit", problem.Unexpected}}},
		{"unknown reference", func(s *Screening) { s.Questions[6].EnableWhen = new(Has("goal")) }, []pc{{"questions[6].enable_when.question", problem.Unknown}}},
		{"self reference", func(s *Screening) { s.Questions[6].EnableWhen = new(Has("more")) }, []pc{{"questions[6].enable_when", problem.Cycle}}},
		{"cycle", func(s *Screening) { s.Questions[0].EnableWhen = new(Has("more")) }, []pc{{"questions[0].enable_when", problem.Cycle}}},
		{"empty condition", func(s *Screening) { s.Questions[6].EnableWhen = &Condition{} }, []pc{{"questions[6].enable_when", problem.Empty}}},
		{"ambiguous condition", func(s *Screening) {
			s.Questions[6].EnableWhen = &Condition{Question: "goals", Op: Answered, All: []Condition{Has("goals")}}
		}, []pc{{"questions[6].enable_when", problem.Conflict}}},
		{"empty all", func(s *Screening) { s.Questions[6].EnableWhen = &Condition{All: []Condition{}} }, []pc{{"questions[6].enable_when.all", problem.Empty}}},
		{"unknown op", func(s *Screening) { s.Rules[0].When = new(Compare("goals", "like", Text("x"))) }, []pc{{"rules[0].when.op", problem.Unknown}}},
		{"op for type", func(s *Screening) { s.Rules[0].When = new(Compare("goals", Less, Text("x"))) }, []pc{{"rules[0].when.op", problem.Mismatch}}},
		{"value for type", func(s *Screening) { s.Rules[0].When = new(Is("goals", Number(1))) }, []pc{{"rules[0].when.value", problem.Mismatch}}},
		{"no value", func(s *Screening) { s.Rules[0].When = new(Compare("goals", Equals, Value{})) }, []pc{{"rules[0].when.value", problem.Required}}},
		{"value on answered", func(s *Screening) { s.Rules[0].When = new(Compare("goals", Answered, Text("x"))) }, []pc{{"rules[0].when.value", problem.Unexpected}}},
		{"unknown option", func(s *Screening) {
			s.Rules[0].When = new(AnyOf(Is("kind", Choice("X")), Compare("areas", In, Choices("fit", "gym"))))
		}, []pc{{"rules[0].when.any[0].value", problem.Unknown}, {"rules[0].when.any[1].value[1]", problem.Unknown}}},
		{"location compared", func(s *Screening) { s.Rules[0].When = new(Is("where", Remote())) }, []pc{{"rules[0].when.op", problem.Mismatch}}},
		{"bad date", func(s *Screening) {
			s.Questions = append(s.Questions, Question{ID: "d", Type: TypeDate, Text: "Date?"})
			s.Rules[0].When = new(Compare("d", Less, Text("2026-02-30")))
		}, []pc{{"rules[0].when.value", problem.Invalid}}},
		{"too deep", func(s *Screening) {
			c := Has("goals")
			for range MaxDepth {
				c = Not(c)
			}
			s.Rules[0].When = &c
		}, []pc{{"rules[0].when" + strings.Repeat(".not", MaxDepth), problem.TooDeep}}},
		{"never shown", func(s *Screening) { s.Questions[6].EnableWhen = new(Compare("scale", Greater, Number(3))) }, []pc{{"questions[6].enable_when", problem.Unreachable}}},
		{"never fires: scale out of range", func(s *Screening) { s.Rules[0].When = new(Is("scale", Number(4))) }, []pc{{"rules[0]", problem.Unreachable}}},
		{"never fires: scale fraction", func(s *Screening) { s.Rules[0].When = new(Is("scale", Number(1.5))) }, []pc{{"rules[0]", problem.Unreachable}}},
		{"never fires: one choice two ways", func(s *Screening) {
			s.Rules[0].When = new(AllOf(Is("kind", Choice("x")), Is("kind", Choice("y"))))
		}, []pc{{"rules[0]", problem.Unreachable}}},
		{"never fires: empty numeric range", func(s *Screening) {
			s.Rules[0].When = new(AllOf(Compare("scale", Less, Number(1)), Compare("scale", Greater, Number(1))))
		}, []pc{{"rules[0]", problem.Unreachable}}},
		{"never fires: in nothing", func(s *Screening) { s.Rules[0].When = new(Compare("kind", In, Choices())) }, []pc{{"rules[0]", problem.Unreachable}}},
		{"never fires: text equals blank", func(s *Screening) { s.Rules[0].When = new(Is("goals", Text("  "))) }, []pc{{"rules[0]", problem.Unreachable}}},
		{"never fires: text in blanks", func(s *Screening) { s.Rules[0].When = new(Compare("goals", In, Texts("", " "))) }, []pc{{"rules[0]", problem.Unreachable}}},
		{"never fires: not answered and answered", func(s *Screening) {
			s.Rules[0].When = new(Not(Compare("goals", NotEquals, Text("x"))))
		}, nil},
		{"never fires: zero weight", func(s *Screening) { s.Rules[1].Weight = 0 }, []pc{{"rules[1].weight", problem.Unreachable}}},
		{"never fires: zero overlap", func(s *Screening) {
			s.Rules[0] = Rule{ID: "flag", Kind: KindConcern, Overlap: &Overlap{Question: "when"}, Message: "m"}
		}, []pc{{"rules[0]", problem.Unreachable}}},
		{"never fires: band out of reach", func(s *Screening) { s.Bands[0].Min, s.Bands[0].Max = 4, 9 }, []pc{{"bands[0]", problem.Unreachable}}},
		{"duplicate rule", func(s *Screening) { s.Rules[1].ID = "flag" }, []pc{{"rules[1].id", problem.Duplicate}}},
		{"band shares a rule ID", func(s *Screening) { s.Bands[0].ID = "item" }, []pc{{"bands[0].id", problem.Duplicate}}},
		{"unknown kind", func(s *Screening) { s.Rules[0].Kind = "warning" }, []pc{{"rules[0].kind", problem.Unknown}}},
		{"no trigger", func(s *Screening) { s.Rules[0].When = nil }, []pc{{"rules[0]", problem.Required}}},
		{"two triggers", func(s *Screening) { s.Rules[0].Overlap = &Overlap{Question: "when", MinHours: 1} }, []pc{{"rules[0]", problem.Conflict}}},
		{"no message", func(s *Screening) { s.Rules[0].Message = "" }, []pc{{"rules[0].message", problem.Required}}},
		{"weight on red flag", func(s *Screening) { s.Rules[0].Weight = 1 }, []pc{{"rules[0].weight", problem.Unexpected}}},
		{"text on red flag", func(s *Screening) { s.Rules[0].Text = "x" }, []pc{{"rules[0].text", problem.Unexpected}}},
		{"question on red flag", func(s *Screening) { s.Rules[0].Question = "goals" }, []pc{{"rules[0].question", problem.Unexpected}, {"rules[0]", problem.Conflict}}},
		{"condition without text", func(s *Screening) {
			s.Rules = append(s.Rules, Rule{ID: "ack", Kind: KindCondition, Message: "m"})
		}, []pc{{"rules[2].text", problem.Required}}},
		{"need without needs", func(s *Screening) {
			s.Rules = append(s.Rules, Rule{ID: "need", Kind: KindNeed, Message: "m", Needs: []string{""}})
		}, []pc{{"rules[2].needs[0]", problem.Required}}},
		{"score of text", func(s *Screening) { s.Rules[1].Question = "goals" }, []pc{{"rules[1].question", problem.Mismatch}}},
		{"overlap on a location", func(s *Screening) {
			s.Rules[0] = Rule{ID: "flag", Kind: KindConcern, Overlap: &Overlap{Question: "where", MinHours: 1}, Message: "m"}
		}, []pc{{"rules[0].overlap.question", problem.Mismatch}}},
		{"negative radius", func(s *Screening) {
			s.Rules[0] = Rule{ID: "flag", Kind: KindConcern, Distance: &Distance{Question: "where", MaxKm: -1}, Message: "m"}
		}, []pc{{"rules[0].distance.max_km", problem.Negative}}},
		{"band outcome", func(s *Screening) { s.Bands[0].Outcome = Accept }, []pc{{"bands[0].outcome", problem.Invalid}}},
		{"band range", func(s *Screening) { s.Bands[0].Min = 5 }, []pc{{"bands[0]", problem.Order}}},
		{"band message", func(s *Screening) { s.Bands[0].Message = "" }, []pc{{"bands[0].message", problem.Required}}},
		{"long id", func(s *Screening) { s.Rules[0].ID = strings.Repeat("x", MaxIDBytes+1) }, []pc{{"rules[0].id", problem.TooLong}}},
		{"too many questions", func(s *Screening) {
			s.Questions = make([]Question, MaxQuestions+1)
		}, []pc{{"questions", problem.TooMany}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := small()
			tt.breakIt(&s)
			err := s.Validate()
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			require.ErrorIs(t, err, problem.ErrInvalid)
			var ps problem.List
			require.True(t, errors.As(err, &ps))
			var got []pc
			for _, p := range ps {
				require.NotEmpty(t, p.Message)
				got = append(got, pc{p.Path, p.Code})
			}
			require.Equal(t, tt.want, got, "%v", err)
		})
	}
}

func TestValidateReportsEverythingAtOnce(t *testing.T) {
	s := small()
	s.ID = ""
	s.Questions[2].Options = nil
	s.Rules[0].Kind = "x"
	s.Bands[0].Message = ""
	var ps problem.List
	require.True(t, errors.As(s.Validate(), &ps))
	require.Len(t, ps, 4)
}

func TestDuplicateBandIDs(t *testing.T) {
	s := small()
	s.Bands = append(s.Bands, Band{ID: "high", Min: 0, Max: 1, Message: "Low."}, Band{ID: "flag", Min: 0, Max: 1, Message: "Low."})
	var ps problem.List
	require.True(t, errors.As(s.Validate(), &ps))
	require.Equal(t, problem.List{
		{Path: "bands[1].id", Code: problem.Duplicate, Message: `band ID "high" is also used by bands[0]`},
		{Path: "bands[2].id", Code: problem.Duplicate, Message: `band ID "flag" is also used by a rule`},
	}, ps)
}

func TestCompileChecksTheProvider(t *testing.T) {
	s := small()
	s.Rules = append(s.Rules, Rule{ID: "far", Kind: KindConcern, Distance: &Distance{Question: "where", MaxKm: 30}, Message: "Too far."})
	bad := availability.Date{Year: 2026, Month: 2, Day: 30}
	_, err := Compile(s, Provider{
		Schedule: availability.Schedule{Hours: []availability.Window{{Start: availability.ClockOf(9, 0), End: availability.ClockOf(17, 0)}}},
		Week:     &bad,
	})
	var ps problem.List
	require.True(t, errors.As(err, &ps))
	var got []string
	for _, p := range ps {
		got = append(got, p.Path+" "+string(p.Code))
	}
	require.Equal(t, []string{"provider.schedule.hours[0].days required", "provider.week invalid", "rules[2].distance required"}, got)
	require.NoError(t, s.Validate(), "Validate needs no provider")

	base := place.Point{Lat: 91}
	_, err = Compile(s, Provider{Base: &base})
	require.ErrorContains(t, err, "provider.base")

	require.Panics(t, func() { MustCompile(Screening{}, Provider{}) })
}

func TestNeverFiresNotReportedForPossibleRules(t *testing.T) {
	s := Standard(BankOptions{Fee: eur("80.00")})
	require.NoError(t, s.Validate())
}

func TestValidateListsProblemsPassByPass(t *testing.T) {
	s := small()
	s.Rules[0].When = new(Is("scale", Number(4))) // unreachable
	s.Questions[0].EnableWhen = new(Has("more"))  // a cycle
	s.Bands[0].Message = ""                       // structure
	s.Questions[1].Options[0].Label = ""          // structure
	var ps problem.List
	require.ErrorAs(t, s.Validate(), &ps)
	var got []string
	for _, p := range ps {
		got = append(got, p.Path+" "+string(p.Code))
	}
	require.Equal(t, []string{
		"questions[1].options[0].label required",
		"bands[0].message required",
		"questions[0].enable_when cycle",
		"rules[0] unreachable",
	}, got)
}
