package fit

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
)

var propertyTypes = []Type{TypeYesNo, TypeSingleChoice, TypeMultipleChoice, TypeNumber, TypeScale, TypeText, TypeDate, TypeLocation, TypeTimes, TypeInstinct}

// randomScreening returns a random screening; display conditions read only
// earlier questions, so it has no cycles, but it may have rules that never
// fire, which Validate rejects.
func randomScreening(rng *rand.Rand) Screening {
	s := Screening{ID: "random", ReviewAt: rng.IntN(3)}
	n := 1 + rng.IntN(12)
	for i := range n {
		q := Question{ID: fmt.Sprintf("q%d", i), Type: propertyTypes[rng.IntN(len(propertyTypes))], Text: fmt.Sprintf("Question %d?", i),
			Required: rng.IntN(3) == 0, Crisis: rng.IntN(8) == 0}
		switch q.Type {
		case TypeSingleChoice, TypeMultipleChoice:
			for j := range 1 + rng.IntN(4) {
				q.Options = append(q.Options, Option{Code: fmt.Sprintf("o%d", j), Label: "Option", Score: float64(rng.IntN(3))})
			}
		case TypeScale:
			q.Range = &Range{Min: 0, Max: float64(1 + rng.IntN(5))}
		case TypeNumber:
			if rng.IntN(2) == 0 {
				q.Range = &Range{Min: 0, Max: 100}
			}
		case TypeInstinct:
			q.By = ByProvider
		}
		if i > 0 && rng.IntN(3) == 0 {
			c := randomCondition(rng, s.Questions, 0)
			q.EnableWhen = &c
		}
		s.Questions = append(s.Questions, q)
	}
	kinds := []Kind{KindRedFlag, KindConcern, KindScore, KindNeed, KindCondition, KindUrgent, KindRefer}
	for i := range rng.IntN(10) {
		r := Rule{ID: fmt.Sprintf("r%d", i), Kind: kinds[rng.IntN(len(kinds))], Message: "Rule."}
		switch r.Kind {
		case KindScore:
			r.Weight, r.Message = float64(1+rng.IntN(3)), ""
		case KindNeed:
			r.Needs = []string{fmt.Sprintf("need%d", rng.IntN(3))}
		case KindCondition:
			r.Text = "A condition."
		}
		if rng.IntN(4) == 0 {
			r.Needs = append(r.Needs, "extra")
		}
		q := s.Questions[rng.IntN(n)]
		switch {
		case r.Kind == KindScore && rng.IntN(2) == 0:
			r.Question = q.ID
		case q.Type == TypeTimes && rng.IntN(2) == 0:
			r.Overlap = &Overlap{Question: q.ID, MinHours: float64(1 + rng.IntN(10))}
		case q.Type == TypeLocation && rng.IntN(2) == 0:
			r.Distance = &Distance{Question: q.ID, MaxKm: float64(rng.IntN(100)), Remote: rng.IntN(2) == 0}
		case (r.Kind == KindNeed || r.Kind == KindCondition) && rng.IntN(3) == 0:
		default:
			c := randomCondition(rng, s.Questions, 0)
			r.When = &c
		}
		s.Rules = append(s.Rules, r)
	}
	outcomes := []Outcome{"", NeedsReview, Decline, Refer, Urgent}
	for i := range rng.IntN(3) {
		lo := float64(rng.IntN(5))
		s.Bands = append(s.Bands, Band{ID: fmt.Sprintf("b%d", i), Min: lo, Max: lo + float64(rng.IntN(5)), Outcome: outcomes[rng.IntN(len(outcomes))], Message: "Band."})
	}
	return s
}

// randomCondition returns a random condition over qs.
func randomCondition(rng *rand.Rand, qs []Question, depth int) Condition {
	if depth < 2 && rng.IntN(4) == 0 {
		var kids []Condition
		for range 1 + rng.IntN(3) {
			kids = append(kids, randomCondition(rng, qs, depth+1))
		}
		switch rng.IntN(3) {
		case 0:
			return AllOf(kids...)
		case 1:
			return AnyOf(kids...)
		}
		return Not(kids[0])
	}
	q := qs[rng.IntN(len(qs))]
	if rng.IntN(5) == 0 {
		return Has(q.ID)
	}
	code := func() string { return q.Options[rng.IntN(len(q.Options))].Code }
	switch q.Type {
	case TypeYesNo:
		return Compare(q.ID, []Op{Equals, NotEquals}[rng.IntN(2)], Bool(rng.IntN(2) == 0))
	case TypeSingleChoice:
		if rng.IntN(2) == 0 {
			return Compare(q.ID, In, Choices(code(), code()))
		}
		return Compare(q.ID, []Op{Equals, NotEquals}[rng.IntN(2)], Choice(code()))
	case TypeMultipleChoice:
		switch rng.IntN(3) {
		case 0:
			return Compare(q.ID, Contains, Choice(code()))
		case 1:
			return Compare(q.ID, In, Choices(code()))
		}
		return Is(q.ID, Choices(code()))
	case TypeNumber, TypeScale:
		ops := []Op{Equals, NotEquals, Less, LessOrEqual, Greater, GreaterOrEqual}
		return Compare(q.ID, ops[rng.IntN(len(ops))], Number(float64(rng.IntN(4))))
	case TypeInstinct:
		return Compare(q.ID, GreaterOrEqual, Instinct(Unease(rng.IntN(4))))
	case TypeText:
		return Compare(q.ID, []Op{Equals, Contains}[rng.IntN(2)], Text([]string{"yes", "DATE", "x"}[rng.IntN(3)]))
	case TypeDate:
		return Compare(q.ID, Less, Text("2026-06-01"))
	}
	return Has(q.ID)
}

// randomAnswers answers some questions, validly or not.
func randomAnswers(rng *rand.Rand, s Screening) Answers {
	a := Answers{}
	for _, q := range s.Questions {
		switch rng.IntN(6) {
		case 0:
			continue
		case 1:
			a[q.ID] = []Value{Bool(true), Number(-7), Text("??"), Choices("zz"), Location(place.Point{Lat: 99})}[rng.IntN(5)]
			continue
		}
		switch q.Type {
		case TypeYesNo:
			a[q.ID] = Bool(rng.IntN(2) == 0)
		case TypeSingleChoice:
			a[q.ID] = Choice(q.Options[rng.IntN(len(q.Options))].Code)
		case TypeMultipleChoice:
			var codes []string
			for _, o := range q.Options {
				if rng.IntN(2) == 0 {
					codes = append(codes, o.Code)
				}
			}
			a[q.ID] = Choices(codes...)
		case TypeNumber:
			a[q.ID] = Number(float64(rng.IntN(120)))
		case TypeScale:
			a[q.ID] = Number(float64(rng.IntN(int(q.Range.Max) + 1)))
		case TypeText:
			a[q.ID] = Text([]string{"Yes", "a date", "", "x"}[rng.IntN(4)])
		case TypeDate:
			a[q.ID] = DateValue(availability.Date{Year: 2026, Month: time.Month(1 + rng.IntN(12)), Day: 1 + rng.IntN(28)})
		case TypeLocation:
			if rng.IntN(3) == 0 {
				a[q.ID] = Remote()
			} else {
				a[q.ID] = Location(place.Point{Lat: 44 + rng.Float64(), Lon: 11 + rng.Float64()})
			}
		case TypeTimes:
			a[q.ID] = Times(availability.Window{Days: availability.Weekdays(1 + rng.IntN(127)), Start: availability.ClockOf(rng.IntN(24), 0), End: availability.ClockOf(rng.IntN(24), 30)})
		case TypeInstinct:
			a[q.ID] = Instinct(Unease(rng.IntN(4)))
		}
	}
	return a
}

func TestRandomScreeningsAlwaysDecide(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	provider := coach()
	valid := 0
	for range 3000 {
		s := randomScreening(rng)
		if s.Validate() != nil {
			continue
		}
		valid++
		ev, err := Compile(s, provider)
		require.NoError(t, err)
		shuffled := s
		shuffled.Questions = slices.Clone(s.Questions)
		shuffled.Rules = slices.Clone(s.Rules)
		rng.Shuffle(len(shuffled.Questions), func(i, j int) {
			shuffled.Questions[i], shuffled.Questions[j] = shuffled.Questions[j], shuffled.Questions[i]
		})
		rng.Shuffle(len(shuffled.Rules), func(i, j int) { shuffled.Rules[i], shuffled.Rules[j] = shuffled.Rules[j], shuffled.Rules[i] })
		sc2 := MustCompile(shuffled, provider)
		for range 5 {
			a := randomAnswers(rng, s)
			d := ev.Evaluate(a, Options{Overrides: []string{"r1"}})
			require.True(t, d.Outcome.IsValid())
			require.NotEmpty(t, d.Reasons)
			require.Equal(t, d, sc2.Evaluate(a, Options{Overrides: []string{"r1"}}), "question and rule order never matter")
			if d.Outcome == Accept || d.Outcome == AcceptWithConditions {
				require.Empty(t, d.Missing, "fail closed")
				require.Empty(t, d.Invalid, "fail closed")
			}
			if slices.ContainsFunc(d.Reasons, func(r Reason) bool { return r.Code == CodeCrisisUnanswered }) {
				require.Contains(t, []Outcome{NeedsReview, Urgent}, d.Outcome)
			}
			for _, id := range d.Ignored {
				require.NotContains(t, d.Missing, id)
			}
		}
	}
	require.Greater(t, valid, 1000, "enough random screenings are valid")
}

// TestOverlapMatchesWeek holds the minute bitmaps that binding counts
// weekly overlap on to availability.Week: for random client windows
// (crossing midnight, Sunday into Monday, ending at 24:00) and random
// provider weeks, the hours are the same.
func TestOverlapMatchesWeek(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 14))
	window := func() availability.Window {
		w := availability.Window{Days: availability.Weekdays(rng.IntN(128)), Start: availability.Clock(rng.IntN(int(availability.EndOfDay))), End: availability.Clock(rng.IntN(int(availability.EndOfDay) + 1))}
		if rng.IntN(8) == 0 {
			w.End = availability.EndOfDay
		}
		return w
	}
	for range 2000 {
		var provider, client []availability.Window
		for range rng.IntN(6) {
			provider = append(provider, window())
		}
		for range rng.IntN(6) {
			client = append(client, window())
		}
		ev := &Evaluator{open: availability.WeekOf(provider...)}
		ev.openBits = weekBitsOf(ev.open)
		want := availability.WeekOf(client...).Overlap(ev.open).Hours()
		require.Equal(t, want, ev.overlapHours(client), "provider %v, client %v", provider, client)
	}
}
