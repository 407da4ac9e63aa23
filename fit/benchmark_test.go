package fit

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
)

// benchScreening returns a screening of 30 questions, 10 of them shown
// conditionally, and 20 rules of every kind, with answers to all of them.
func benchScreening() (Screening, Provider, Answers) {
	var qs []Question
	a := Answers{}
	add := func(q Question, v Value) {
		qs = append(qs, q)
		a[q.ID] = v
	}
	opts := []Option{{Code: "a", Label: "A", Score: 0}, {Code: "b", Label: "B", Score: 1}, {Code: "c", Label: "C", Score: 2}, {Code: "d", Label: "D", Score: 3}}
	for i := range 6 {
		add(Question{ID: fmt.Sprintf("yn%d", i), Type: TypeYesNo, Text: "Yes or no?", Required: i < 3, Crisis: i == 5}, Bool(i%2 == 0))
	}
	for i := range 5 {
		add(Question{ID: fmt.Sprintf("one%d", i), Type: TypeSingleChoice, Text: "Pick one", Options: opts, Required: true}, Choice(opts[i%4].Code))
	}
	for i := range 4 {
		add(Question{ID: fmt.Sprintf("many%d", i), Type: TypeMultipleChoice, Text: "Pick some", Options: opts}, Choices("a", opts[1+i%3].Code))
	}
	for i := range 5 {
		add(Question{ID: fmt.Sprintf("scale%d", i), Type: TypeScale, Text: "How much?", Range: &Range{Min: 0, Max: 3}, Required: true}, Number(float64(i%4)))
	}
	for i := range 3 {
		add(Question{ID: fmt.Sprintf("num%d", i), Type: TypeNumber, Text: "How many?", Range: &Range{Min: 0, Max: 1000}, Unit: "EUR"}, Number(float64(40*i+10)))
	}
	for i := range 3 {
		add(Question{ID: fmt.Sprintf("text%d", i), Type: TypeText, Text: "Tell us"}, Text(fmt.Sprintf("I would like to run a marathon, goal %d", i)))
	}
	add(Question{ID: "start", Type: TypeDate, Text: "When can you start?"}, DateValue(availability.MustParseDate("2026-04-01")))
	add(Question{ID: "place", Type: TypeLocation, Text: "Where?"}, Location(place.Point{Lat: 44.6, Lon: 11.2}))
	add(Question{ID: "times", Type: TypeTimes, Text: "When?"}, Times(availability.Window{Days: availability.Workweek, Start: availability.ClockOf(17, 0), End: availability.ClockOf(19, 0)}))
	add(Question{ID: "instinct", Type: TypeInstinct, Text: "How do you feel?", By: ByProvider, Required: true}, Instinct(Unsure))

	// Ten conditional displays.
	shows := []Condition{
		Is("yn0", Bool(true)),
		Compare("one0", In, Texts("a", "b")),
		Compare("scale0", GreaterOrEqual, Number(1)),
		AllOf(Has("num0"), Compare("num0", Less, Number(500))),
		AnyOf(Is("yn1", Bool(true)), Compare("many0", Contains, Choice("b"))),
		Not(Is("one1", Choice("d"))),
		Compare("text0", Contains, Text("MARATHON")),
		Compare("start", Less, Text("2027-01-01")),
		Compare("instinct", LessOrEqual, Text("uneasy")),
		AllOf(Compare("scale1", Greater, Number(0)), AnyOf(Is("yn2", Bool(true)), Is("one2", Choice("c")))),
	}
	for i, c := range shows {
		q := &qs[10+i*2]
		q.EnableWhen = &c
	}

	rules := []Rule{
		{ID: "r01", Kind: KindRedFlag, When: new(Is("yn3", Bool(true))), Message: "Red flag one."},
		{ID: "r02", Kind: KindRedFlag, When: new(Compare("many1", Contains, Choice("d"))), Message: "Red flag two."},
		{ID: "r03", Kind: KindRedFlag, When: new(Compare("instinct", Equals, Text("alarmed"))), Message: "Red flag three."},
		{ID: "r04", Kind: KindRedFlag, When: new(AllOf(Is("yn4", Bool(true)), Compare("num1", Greater, Number(900)))), Message: "Red flag four."},
		{ID: "r05", Kind: KindConcern, When: new(Compare("num2", Less, Number(50))), Message: "Concern one."},
		{ID: "r06", Kind: KindConcern, When: new(Compare("text1", Contains, Text("date"))), Message: "Concern two."},
		{ID: "r07", Kind: KindConcern, Overlap: &Overlap{Question: "times", MinHours: 2}, Message: "Concern three."},
		{ID: "r08", Kind: KindConcern, Distance: &Distance{Question: "place", MaxKm: 30}, Message: "Concern four."},
		{ID: "r09", Kind: KindScore, Question: "scale0", Weight: 1},
		{ID: "r10", Kind: KindScore, Question: "scale1", Weight: 1},
		{ID: "r11", Kind: KindScore, Question: "scale2", Weight: 1},
		{ID: "r12", Kind: KindScore, Question: "one3", Weight: 2},
		{ID: "r13", Kind: KindNeed, When: new(Compare("many2", Contains, Choice("b"))), Needs: []string{"fitness"}, Message: "Need one."},
		{ID: "r14", Kind: KindNeed, When: new(Compare("many3", In, Choices("c", "d"))), Needs: []string{"nutrition", "fitness"}, Message: "Need two."},
		{ID: "r15", Kind: KindNeed, When: new(Is("one4", Choice("a"))), Needs: []string{"life"}, Message: "Need three."},
		{ID: "r16", Kind: KindCondition, When: new(Not(Is("yn1", Bool(true)))), Text: "Signs the acknowledgment.", Message: "Condition one."},
		{ID: "r17", Kind: KindCondition, Text: "Agrees to the cancellation policy.", Message: "Condition two."},
		{ID: "r18", Kind: KindUrgent, When: new(Is("yn5", Bool(true))), Message: "Urgent."},
		{ID: "r19", Kind: KindRefer, When: new(Compare("scale3", Equals, Number(3))), Needs: []string{"therapy"}, Message: "Refer."},
		{ID: "r20", Kind: KindScore, When: new(Compare("text2", Contains, Text("marathon"))), Weight: 5},
	}
	s := Screening{
		ID: "bench", Questions: qs, Rules: rules,
		Bands: []Band{
			{ID: "low", Min: 0, Max: 4, Message: "Low."},
			{ID: "mid", Min: 5, Max: 9, Outcome: NeedsReview, Needs: []string{"review"}, Message: "Middle."},
			{ID: "high", Min: 10, Max: 100, Outcome: Refer, Message: "High."},
		},
	}
	rome, err := time.LoadLocation("Europe/Rome")
	if err != nil {
		panic(err)
	}
	base := place.Point{Lat: 44.4949, Lon: 11.3426}
	p := Provider{
		Schedule: availability.Schedule{Zone: rome, Hours: []availability.Window{{Days: availability.Workweek, Start: availability.ClockOf(9, 0), End: availability.ClockOf(18, 0)}}},
		Base:     &base,
	}
	return s, p, a
}

// BenchmarkEvaluate evaluates answers already bound into a sheet: the
// floor of BenchmarkEvaluateAnswers.
func BenchmarkEvaluate(b *testing.B) {
	s, p, a := benchScreening()
	ev := MustCompile(s, p)
	sh, err := ev.Bind(a)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = sh.Evaluate(Options{})
	}
}

// BenchmarkEvaluateAnswers is what hosts call: Evaluator.Evaluate from an
// answers map, binding included. Its floor is BenchmarkEvaluate, the same
// answers already bound, run beside it so that the cost of binding is the
// difference of two figures from one run.
func BenchmarkEvaluateAnswers(b *testing.B) {
	s, p, a := benchScreening()
	ev := MustCompile(s, p)
	b.ReportAllocs()
	for b.Loop() {
		_ = ev.Evaluate(a, Options{})
	}
}

func BenchmarkValidate(b *testing.B) {
	s, _, _ := benchScreening()
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompile(b *testing.B) {
	s, p, _ := benchScreening()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(s, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvaluateStandard(b *testing.B) {
	ev, a := storyEvaluator()
	sh, err := ev.Bind(a)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = sh.Evaluate(Options{})
	}
}

// intake returns the PHQ-9 and the GAD-7 as one screening, with answers
// to every item: a total of 12 on the PHQ-9 and 6 on the GAD-7.
func intake() (Screening, Answers) {
	s := PHQ9().Extend(GAD7())
	s.ID = "intake"
	a := Answers{"phq9_difficulty": Choice("somewhat_difficult")}
	maps.Copy(a, itemAnswers("phq9", 3, 3, 2, 2, 1, 1, 0, 0, 0))
	maps.Copy(a, itemAnswers("gad7", 2, 1, 1, 1, 1, 0, 0))
	return s, a
}

// BenchmarkEvaluateIntake evaluates a bound PHQ-9 and GAD-7: 17 scored
// items, the crisis item, the conditional tenth question, two scales and
// nine bands, with the reasons that cite each instrument's total and band.
func BenchmarkEvaluateIntake(b *testing.B) {
	s, a := intake()
	ev := MustCompile(s, Provider{})
	sh, err := ev.Bind(a)
	if err != nil {
		b.Fatal(err)
	}
	if d := sh.Evaluate(Options{}); len(d.Totals) != 2 || d.Totals[0].Score != 6 || d.Totals[1].Score != 12 {
		b.Fatalf("totals %+v", d.Totals)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = sh.Evaluate(Options{})
	}
}

// BenchmarkEvaluateIntakeAnswers is the same from the answers map, binding
// included.
func BenchmarkEvaluateIntakeAnswers(b *testing.B) {
	s, a := intake()
	ev := MustCompile(s, Provider{})
	b.ReportAllocs()
	for b.Loop() {
		_ = ev.Evaluate(a, Options{})
	}
}
