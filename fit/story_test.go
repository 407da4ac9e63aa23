package fit

import (
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
)

// The coach of story 5 works from Bologna, coaching besides a day job:
// weekday evenings and Saturday mornings.
func coach() Provider {
	rome, err := time.LoadLocation("Europe/Rome")
	if err != nil {
		panic(err)
	}
	base := place.Point{Lat: 44.4949, Lon: 11.3426}
	return Provider{
		Schedule: availability.Schedule{Zone: rome, Hours: []availability.Window{
			{Days: availability.Workweek, Start: availability.ClockOf(18, 0), End: availability.ClockOf(21, 0)},
			{Days: availability.Days(time.Saturday), Start: availability.ClockOf(9, 0), End: availability.ClockOf(13, 0)},
		}},
		Base: &base,
	}
}

// twentyFiveMiles is a place 25 miles (40.2 km) north of the coach's base.
var twentyFiveMiles = place.Point{Lat: 44.8567, Lon: 11.3426}

// prospect returns the answers of story 5: the prospect's own, and what the
// coach observed and felt at the consultation.
func prospect() Answers {
	return Answers{
		"end_goals":          Text("Not sure yet. Mostly I'd like to get to know you, maybe run together."),
		"goal_areas":         Choices("fitness", "mindfulness"),
		"goals_clarified":    Bool(false),
		"preferred_times":    Times(availability.Window{Days: availability.Days(time.Sunday), Start: availability.ClockOf(11, 0), End: availability.ClockOf(14, 0)}),
		"meeting_place":      Location(twentyFiveMiles),
		"budget_per_session": Money(eur("60.00")),
		"harm_thoughts":      Bool(false),
		"unsafe_now":         Bool(false),
		"observed_red_flags": Choices(
			"outside_settings",     // a Sunday, 25 miles out of town
			"gifts_or_paying",      // insisted on paying for breakfast
			"personal_compliments", // kept complimenting
			"romantic_interest",    // asked for a date
			"interest_in_provider", // the interest was in the coach, not the service
			"unofficial_channel",   // called on a number the coach never gave him
		),
		"provider_instinct": Instinct(Alarmed), // "trust your instinct"
		"boundaries_signed": Bool(false),
	}
}

// eur returns an amount in euros, such as eur("50.00").
func eur(amount string) money.Amount { return money.MustParse("EUR " + amount) }

func storyEvaluator() (*Evaluator, Answers) {
	return MustCompile(Standard(BankOptions{Fee: eur("50.00")}), coach()), prospect()
}

func TestStoryConsultationThatWasADate(t *testing.T) {
	ev, a := storyEvaluator()
	require.NoError(t, ev.ValidateAnswers(a))
	require.InDelta(t, 40.2, coach().Base.DistanceKm(twentyFiveMiles), 0.1)

	d := ev.Evaluate(a, Options{})
	require.Equal(t, Decline, d.Outcome)
	require.Equal(t, []string{"fitness_coaching", "mindfulness_coaching"}, d.Needs, "needs for referral")
	require.Empty(t, d.Missing)
	require.Empty(t, d.Invalid)
	require.Empty(t, d.Ignored)
	require.Equal(t, []Requirement{{Rule: "boundaries_acknowledgment",
		Text: "Signs the boundaries acknowledgment (my role, session times and places, contact channels, no personal or romantic relationship) before the first session."}}, d.Conditions)

	type short struct {
		Code Code
		Rule string
	}
	var got []short
	for _, r := range d.Reasons {
		got = append(got, short{r.Code, r.Rule})
		require.NotEmpty(t, r.Message)
	}
	require.Equal(t, []short{
		// Each red flag is named, the coach's own unease among them.
		{CodeRedFlag, "instinct_alarmed"},
		{CodeRedFlag, "red_flag_gifts_or_paying"},
		{CodeRedFlag, "red_flag_interest_in_provider"},
		{CodeRedFlag, "red_flag_outside_settings"},
		{CodeRedFlag, "red_flag_personal_compliments"},
		{CodeRedFlag, "red_flag_romantic_interest"},
		{CodeRedFlag, "red_flag_unofficial_channel"},
		// A Sunday, 40 km out of town, and no clear goals.
		{CodeConcern, "goals_unclear"},
		{CodeConcern, "location_fit"},
		{CodeConcern, "schedule_fit"},
		{CodeConcerns, ""},
		{CodeCondition, "boundaries_acknowledgment"},
		{CodeNeed, "need_fitness"},
		{CodeNeed, "need_mindfulness"},
	}, got)
	require.Equal(t, "You asked me on a date; as a professional I keep a strict boundary against romantic interest with clients.", d.Reasons[5].Message)
	require.Equal(t, "goal_areas", d.Reasons[12].Question)

	require.Equal(t, "provider_instinct", d.Reasons[0].Question)
	for _, r := range d.Reasons[1:7] {
		require.Equal(t, "observed_red_flags", r.Question)
	}
}

func TestStoryOverriddenRedFlagsStillReview(t *testing.T) {
	ev, a := storyEvaluator()
	a["provider_instinct"] = Instinct(Uneasy)
	a["observed_red_flags"] = Choices("personal_compliments")
	d := ev.Evaluate(a, Options{Overrides: []string{"red_flag_personal_compliments", "schedule_fit", "nope"}})
	require.Equal(t, NeedsReview, d.Outcome, "four concerns need review")
	var codes []Code
	for _, r := range d.Reasons {
		codes = append(codes, r.Code)
	}
	require.Equal(t, []Code{CodeOverridden, CodeConcern, CodeConcern, CodeConcern, CodeConcern, CodeConcerns, CodeCondition, CodeNeed, CodeNeed, CodeOverrideUnknown, CodeOverrideUnknown}, codes)
	// Overrides that change nothing are reported by rule ID, like every
	// other reason, and once each, whatever the order the provider gave.
	require.Equal(t, "nope", d.Reasons[len(d.Reasons)-2].Rule)
	require.Equal(t, "schedule_fit", d.Reasons[len(d.Reasons)-1].Rule)
	again := ev.Evaluate(a, Options{Overrides: []string{"nope", "schedule_fit", "red_flag_personal_compliments", "nope"}})
	require.Equal(t, d, again)
}

func TestStoryAGoodFitIsAccepted(t *testing.T) {
	ev, _ := storyEvaluator()
	d := ev.Evaluate(Answers{
		"end_goals":          Text("Run a half marathon in October without injury."),
		"goal_areas":         Choices("fitness"),
		"goals_clarified":    Bool(true),
		"goals_in_scope":     Bool(true),
		"preferred_times":    Times(availability.Window{Days: availability.Days(time.Tuesday, time.Thursday), Start: availability.ClockOf(18, 0), End: availability.ClockOf(20, 0)}),
		"meeting_place":      Location(place.Point{Lat: 44.50, Lon: 11.35}),
		"budget_per_session": Money(eur("50.00")),
		"harm_thoughts":      Bool(false),
		"unsafe_now":         Bool(false),
		"observed_red_flags": Choices(),
		"provider_instinct":  Instinct(Calm),
		"boundaries_signed":  Bool(true),
	}, Options{})
	require.Equal(t, Accept, d.Outcome)
	require.Equal(t, []string{"fitness_coaching"}, d.Needs)
	require.Equal(t, []Reason{{Code: CodeNeed, Rule: "need_fitness", Question: "goal_areas", Message: "You are looking for help with fitness and movement."}}, d.Reasons)
}

func TestStorySafetyPlan(t *testing.T) {
	rome := coach().Schedule.Zone
	noon := time.Date(2026, time.March, 15, 12, 0, 0, 0, rome) // a Sunday
	plan, err := NewSafetyPlan(Meeting{
		Client: "Marco R.", Place: "Bar Centrale, Via Roma 3, Ferrara", Point: &twentyFiveMiles,
		Start: noon, End: noon.Add(time.Hour), First: true, Alone: true,
		Reach: "+39 333 000 0001", ClientReach: "+39 333 000 0002",
	}, PlanOptions{
		Contacts: []Contact{
			{Name: "Dad", Reach: "+39 333 000 0003"},
			{Name: "Luca", Reach: "+39 333 000 0004", Role: Trusted},
			{Name: "Giulia (business mentor)", Reach: "+39 333 000 0005", Role: Advisor},
		},
		Emergency: &contact.Resource{ID: "eu-112", Name: "Emergency services", Contact: "112", Kind: "emergency"},
	})
	require.NoError(t, err)
	require.True(t, plan.Needed)
	require.Equal(t, []Code{CodeFirstMeeting, CodeAlone}, []Code{plan.Reasons[0].Code, plan.Reasons[1].Code})
	require.Equal(t, []string{"Dad", "Luca"}, []string{plan.Tell[0].Name, plan.Tell[1].Name})
	require.Equal(t, []Detail{
		{Item: "place", Value: "Bar Centrale, Via Roma 3, Ferrara"},
		{Item: "point", Value: "44.8567,11.3426"},
		{Item: "time", Value: "Sun 2026-03-15 12:00–13:00 CET"},
		{Item: "client", Value: "Marco R."},
		{Item: "reach", Value: "+39 333 000 0001"},
		{Item: "client_reach", Value: "+39 333 000 0002"},
	}, plan.Share)
	require.True(t, plan.CheckInBy.Equal(noon.Add(75*time.Minute)))
	var actions []Action
	var at []string
	for _, s := range plan.Steps {
		actions = append(actions, s.Action)
		at = append(at, s.At.In(rome).Format("15:04"))
	}
	require.Equal(t, []Action{ActionShare, ActionCheckIn, ActionCallProvider, ActionAlertContacts, ActionCallEmergency}, actions)
	require.Equal(t, []string{"12:00", "13:15", "13:15", "13:30", "13:45"}, at)
	require.Equal(t, "If Dad still cannot reach you by 13:30, Dad tells Luca and tries Marco R. at +39 333 000 0002.", plan.Steps[3].Message)
	require.Equal(t, "If there is still no word from you by 13:45, Dad calls Emergency services (112) and gives them what you shared.", plan.Steps[4].Message)
	require.NotNil(t, plan.Debrief)
	require.Equal(t, ActionDebriefAdvisor, plan.Debrief.Action)
}
