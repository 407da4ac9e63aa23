package fit

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

// semanticsScreening has one question of each comparable type, and a gate
// that hides the "hidden" question unless it is answered yes.
func semanticsScreening(when Condition) Screening {
	opts := []Option{{Code: "a", Label: "A"}, {Code: "b", Label: "B"}, {Code: "c", Label: "C"}}
	return Screening{
		ID: "semantics",
		Questions: []Question{
			{ID: "yn", Type: TypeYesNo, Text: "Yes or no?"},
			{ID: "one", Type: TypeSingleChoice, Text: "One?", Options: opts},
			{ID: "many", Type: TypeMultipleChoice, Text: "Many?", Options: opts},
			{ID: "num", Type: TypeNumber, Text: "Number?"},
			{ID: "scale", Type: TypeScale, Text: "Scale?", Range: &Range{Min: 0, Max: 10}},
			{ID: "text", Type: TypeText, Text: "Text?"},
			{ID: "date", Type: TypeDate, Text: "Date?"},
			{ID: "gut", Type: TypeInstinct, Text: "Instinct?", By: ByProvider},
			{ID: "place", Type: TypeLocation, Text: "Where?"},
			{ID: "times", Type: TypeTimes, Text: "When?"},
			{ID: "budget", Type: TypeMoney, Text: "Budget?", Unit: "EUR"},
			{ID: "gate", Type: TypeYesNo, Text: "Show the hidden one?"},
			{ID: "hidden", Type: TypeNumber, Text: "Hidden?", EnableWhen: new(Is("gate", Bool(true)))},
		},
		Rules: []Rule{{ID: "probe", Kind: KindNeed, When: &when, Needs: []string{"probe"}, Message: "The probe fired."}},
	}
}

// fires reports whether the condition holds over the answers.
func fires(t *testing.T, when Condition, a Answers) bool {
	t.Helper()
	ev, err := Compile(semanticsScreening(when), Provider{})
	require.NoError(t, err)
	sh, err := ev.Bind(a)
	require.NoError(t, err)
	d := sh.Evaluate(Options{})
	return len(d.Needs) == 1
}

func TestConditionSemantics(t *testing.T) {
	missing := Answers{}
	tests := []struct {
		name string
		when Condition
		a    Answers
		want bool
	}{
		// A missing answer makes every comparison false, answered too …
		{"missing answered", Has("num"), missing, false},
		{"missing equals", Is("num", Number(0)), missing, false},
		{"missing not_equals", Compare("num", NotEquals, Number(0)), missing, false},
		{"missing less", Compare("num", Less, Number(5)), missing, false},
		{"missing less_or_equal", Compare("num", LessOrEqual, Number(5)), missing, false},
		{"missing greater", Compare("num", Greater, Number(-5)), missing, false},
		{"missing greater_or_equal", Compare("num", GreaterOrEqual, Number(-5)), missing, false},
		{"missing in", Compare("num", In, Numbers(0, 1)), missing, false},
		{"missing contains text", Compare("text", Contains, Text("")), missing, false},
		{"missing contains choices", Compare("many", Contains, Choice("a")), missing, false},
		{"missing yes/no equals false", Is("yn", Bool(false)), missing, false},
		{"missing location answered", Has("place"), missing, false},
		// … and only not turns it into true.
		{"missing not equals", Not(Is("num", Number(0))), missing, true},
		{"missing not answered", Not(Has("num")), missing, true},
		{"blank text is missing", Has("text"), Answers{"text": Text("  ")}, false},

		// Hidden answers count as missing.
		{"hidden answered", Has("hidden"), Answers{"hidden": Number(3)}, false},
		{"hidden equals", Is("hidden", Number(3)), Answers{"hidden": Number(3), "gate": Bool(false)}, false},
		{"shown equals", Is("hidden", Number(3)), Answers{"hidden": Number(3), "gate": Bool(true)}, true},

		// Text ignores case and surrounding space; contains is a substring test.
		{"text equals case", Is("text", Text("MARATHON")), Answers{"text": Text(" Marathon ")}, true},
		{"text equals unicode case", Is("text", Text("ÉCOLE")), Answers{"text": Text("école")}, true},
		{"text equals kelvin sign", Is("text", Text("\u212a")), Answers{"text": Text("k")}, true},
		{"text simple folding only", Is("text", Text("STRASSE")), Answers{"text": Text("straße")}, false},
		{"text not_equals", Compare("text", NotEquals, Text("marathon")), Answers{"text": Text("10k")}, true},
		{"text not_equals same", Compare("text", NotEquals, Text("marathon")), Answers{"text": Text("Marathon")}, false},
		{"text contains", Compare("text", Contains, Text("DATE")), Answers{"text": Text("Could we go on a date?")}, true},
		{"text contains unicode", Compare("text", Contains, Text("ÜBUNG")), Answers{"text": Text("mehr Übung bitte")}, true},
		{"text contains not", Compare("text", Contains, Text("date")), Answers{"text": Text("run a 10k")}, false},
		{"text in", Compare("text", In, Texts("run", "SWIM")), Answers{"text": Text("swim")}, true},
		{"text in not", Compare("text", In, Texts("run", "swim")), Answers{"text": Text("ride")}, false},

		// Multiple choice: equals is the same set, contains includes all, in includes any.
		{"many equals same set", Is("many", Choices("b", "a")), Answers{"many": Choices("a", "b")}, true},
		{"many equals repeats", Is("many", Choices("a", "b")), Answers{"many": Choices("a", "b", "a")}, true},
		{"many equals superset", Is("many", Choices("a")), Answers{"many": Choices("a", "b")}, false},
		{"many equals none", Is("many", Choices()), Answers{"many": Choices()}, true},
		{"many not_equals", Compare("many", NotEquals, Choices("a")), Answers{"many": Choices("a", "b")}, true},
		{"many contains one", Compare("many", Contains, Choice("b")), Answers{"many": Choices("a", "b")}, true},
		{"many contains all", Compare("many", Contains, Choices("a", "c")), Answers{"many": Choices("a", "b")}, false},
		{"many in any", Compare("many", In, Choices("c", "b")), Answers{"many": Choices("a", "b")}, true},
		{"many in none", Compare("many", In, Choices("c")), Answers{"many": Choices("a", "b")}, false},
		{"many none answered", Has("many"), Answers{"many": Choices()}, true},

		// Single choice.
		{"one equals", Is("one", Choice("b")), Answers{"one": Choice("b")}, true},
		{"one not_equals", Compare("one", NotEquals, Choice("b")), Answers{"one": Choice("a")}, true},
		{"one in", Compare("one", In, Choices("a", "c")), Answers{"one": Choice("c")}, true},
		{"one in not", Compare("one", In, Choices("a", "c")), Answers{"one": Choice("b")}, false},

		// Numbers, scales, dates and unease are ordered.
		{"num less", Compare("num", Less, Number(5)), Answers{"num": Number(4.5)}, true},
		{"num less equal", Compare("num", Less, Number(5)), Answers{"num": Number(5)}, false},
		{"num less_or_equal", Compare("num", LessOrEqual, Number(5)), Answers{"num": Number(5)}, true},
		{"num greater", Compare("num", Greater, Number(5)), Answers{"num": Number(6)}, true},
		{"num greater_or_equal", Compare("num", GreaterOrEqual, Number(5)), Answers{"num": Number(4)}, false},
		{"num in", Compare("num", In, Numbers(1, 2, 3)), Answers{"num": Number(2)}, true},
		{"num zero is an answer", Is("num", Number(0)), Answers{"num": Number(0)}, true},
		{"scale greater", Compare("scale", Greater, Number(0)), Answers{"scale": Number(1)}, true},
		{"date before", Compare("date", Less, Text("2026-04-01")), Answers{"date": DateValue(availability.MustParseDate("2026-03-31"))}, true},
		{"date equals", Is("date", Text("2026-04-01")), Answers{"date": Text("2026-04-01")}, true},
		{"date in", Compare("date", In, Texts("2026-04-01", "2026-04-02")), Answers{"date": Text("2026-04-02")}, true},
		{"unease by name", Compare("gut", GreaterOrEqual, Instinct(Uneasy)), Answers{"gut": Instinct(Alarmed)}, true},
		{"unease by number", Compare("gut", Less, Number(2)), Answers{"gut": Number(1)}, true},
		{"unease in names", Compare("gut", In, Texts("unsure", "uneasy")), Answers{"gut": Instinct(Calm)}, false},

		// Money is compared exactly, in minor units.
		{"money less by a cent", Compare("budget", Less, Money(eur("19.99"))), Answers{"budget": Money(eur("19.98"))}, true},
		{"money less equal", Compare("budget", Less, Money(eur("19.99"))), Answers{"budget": Money(eur("19.99"))}, false},
		{"money equals", Is("budget", Money(eur("0.30"))), Answers{"budget": Money(eur("0.30"))}, true},
		{"money greater_or_equal", Compare("budget", GreaterOrEqual, Money(eur("100.00"))), Answers{"budget": Money(eur("99.99"))}, false},
		{"money in", Compare("budget", In, Texts("EUR 50.00", "EUR 60.00")), Answers{"budget": Money(eur("60.00"))}, true},
		{"money missing", Compare("budget", Less, Money(eur("50.00"))), missing, false},

		// Yes/no.
		{"yes equals", Is("yn", Bool(true)), Answers{"yn": Bool(true)}, true},
		{"no not_equals yes", Compare("yn", NotEquals, Bool(true)), Answers{"yn": Bool(false)}, true},

		// Trees.
		{"all", AllOf(Has("yn"), Is("num", Number(1))), Answers{"yn": Bool(false), "num": Number(1)}, true},
		{"all one false", AllOf(Has("yn"), Is("num", Number(1))), Answers{"num": Number(1)}, false},
		{"any", AnyOf(Has("yn"), Is("num", Number(1))), Answers{"num": Number(1)}, true},
		{"any none", AnyOf(Has("yn"), Is("num", Number(1))), Answers{"num": Number(2)}, false},
		{"not not", Not(Not(Has("num"))), Answers{"num": Number(2)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, fires(t, tt.when, tt.a))
		})
	}
}

func TestFold(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"Marathon", "MARATHON"}, {"école", "ÉCOLE"}, {"k", "\u212a"}, {"ſ", "S"}, {"Σίσυφος", "ΣΊΣΥΦΟΣ"}, {"", ""},
	} {
		require.Equal(t, fold(tt.a), fold(tt.b), "%q %q", tt.a, tt.b)
	}
	require.NotEqual(t, fold("ß"), fold("ss"))
}

func FuzzFoldMatchesEqualFold(f *testing.F) {
	f.Add("Marathon", "MARATHON")
	f.Add("ſ", "s")
	f.Add("\u212a", "k")
	f.Add("ß", "SS")
	f.Fuzz(func(t *testing.T, a, b string) {
		if (fold(a) == fold(b)) != equalFoldValid(a, b) {
			t.Fatalf("fold(%q) == fold(%q) is %v, EqualFold is %v", a, b, fold(a) == fold(b), equalFoldValid(a, b))
		}
	})
}

// equalFoldValid is strings.EqualFold with invalid UTF-8 read as U+FFFD,
// one per bad byte, as fold reads it.
func equalFoldValid(a, b string) bool {
	return strings.EqualFold(string([]rune(a)), string([]rune(b)))
}

func TestMoneyQuestions(t *testing.T) {
	type pc struct {
		Path string
		Code problem.Code
	}
	base := func() Screening {
		return Screening{ID: "m", Questions: []Question{
			{ID: "budget", Type: TypeMoney, Text: "Budget?", Unit: "EUR"},
			{ID: "any", Type: TypeMoney, Text: "Any currency?"},
		}}
	}
	when := func(c Condition) func(*Screening) {
		return func(s *Screening) {
			s.Rules = []Rule{{ID: "r", Kind: KindConcern, When: &c, Message: "M."}}
		}
	}
	tests := []struct {
		name   string
		change func(*Screening)
		want   []pc
	}{
		{"valid", when(Compare("budget", Less, Money(eur("50.00")))), nil},
		{"unknown currency", func(s *Screening) { s.Questions[0].Unit = "EURO" }, []pc{{"questions[0].unit", problem.Unknown}}},
		{"range", func(s *Screening) { s.Questions[0].Range = &Range{Max: 100} }, []pc{{"questions[0].range", problem.Unexpected}}},
		{"another currency", when(Compare("budget", Less, Money(money.MustParse("USD 50.00")))), []pc{{"rules[0].when.value", problem.Mismatch}}},
		{"no currency to compare", when(Compare("any", Less, Money(eur("50.00")))), []pc{{"rules[0].when.value", problem.Mismatch}}},
		{"a number", when(Compare("budget", Less, Number(50))), []pc{{"rules[0].when.value", problem.Mismatch}}},
		{"not an amount", when(Compare("budget", Less, Text("EUR 50"))), []pc{{"rules[0].when.value", problem.Invalid}}},
		{"in another currency", when(Compare("budget", In, Texts("EUR 1.00", "USD 1.00"))), []pc{{"rules[0].when.value[1]", problem.Mismatch}}},
		{"never fires below zero", when(Compare("budget", Less, Money(eur("0.00")))), []pc{{"rules[0]", problem.Unreachable}}},
		{"answered without currency", when(Has("any")), nil},
		{"score of money", func(s *Screening) {
			s.Rules = []Rule{{ID: "r", Kind: KindScore, Question: "budget", Weight: 1}}
		}, []pc{{"rules[0].question", problem.Mismatch}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := base()
			tt.change(&s)
			var got []pc
			var ps problem.List
			if err := s.Validate(); err != nil {
				require.ErrorAs(t, err, &ps)
			}
			for _, p := range ps {
				got = append(got, pc{p.Path, p.Code})
			}
			require.Equal(t, tt.want, got)
		})
	}

	ev := MustCompile(base(), Provider{})
	_, err := ev.Bind(Answers{"any": Money(money.MustParse("JPY 5000")), "budget": Money(eur("0.00"))})
	require.NoError(t, err, "a money question without a unit takes any currency")
	_, err = ev.Bind(Answers{"budget": Money(money.New(1<<53+1, "EUR"))})
	require.ErrorContains(t, err, "too large to compare exactly")
	_, err = ev.Bind(Answers{"budget": Text(strings.Repeat("EUR 1", 100))})
	require.ErrorContains(t, err, "is not an amount of money")
	require.Less(t, len(err.Error()), 200, "a long answer is not quoted whole")
}

func TestStandardBudgetComparesMoneyExactly(t *testing.T) {
	ev := MustCompile(Standard(BankOptions{Fee: eur("19.99")}), coach())
	for _, tt := range []struct {
		budget string
		fires  bool
	}{{"19.98", true}, {"19.99", false}, {"20.00", false}} {
		sh, err := ev.Bind(Answers{"budget_per_session": Money(eur(tt.budget))})
		require.NoError(t, err)
		fired := false
		for _, r := range sh.Evaluate(Options{}).Reasons {
			fired = fired || r.Rule == "budget_below_fee"
		}
		require.Equal(t, tt.fires, fired, tt.budget)
	}
	s := Standard(BankOptions{Fee: money.MustParse("JPY 5000")})
	require.Equal(t, "JPY", s.Questions[6].Unit)
	require.NoError(t, s.Validate())
	require.Empty(t, Standard(BankOptions{}).Questions[6].Unit, "no fee, a budget in any currency")
}
