package referral

import (
	"slices"
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
)

func TestStalePolicies(t *testing.T) {
	ix, err := NewIndex(storyDirectory())
	require.NoError(t, err)

	res, err := ix.Route(testNow, storyRequest(), Rotation{}, Options{Stale: Staleness{Action: StaleDrop}})
	require.NoError(t, err)
	require.Equal(t, []string{"ben", "chloe"}, ids(res.Matches))
	require.Equal(t, Reason{Code: CodeStaleDropped, Rule: "stale.action", Message: "1 provider was left out because their intake facts were not confirmed in the last 90 days."}, res.Reasons[1])

	res, err = ix.Route(testNow, storyRequest(), Rotation{}, Options{Stale: Staleness{Action: StaleIgnore}})
	require.NoError(t, err)
	require.Equal(t, []string{"ben", "gia", "chloe"}, ids(res.Matches))
	require.InDelta(t, 4.0/6, res.Matches[1].Score, 1e-9)
	r, _ := findReason(res.Matches[1].Reasons, "stale")
	require.Equal(t, "Accepting new clients was confirmed on 2026-05-08, 200 days ago; facts older than 90 days are stale: kept as fresh by policy.", r.Message)

	// A longer freshness window makes Gia's facts fresh again.
	res, err = ix.Route(testNow, storyRequest(), Rotation{}, Options{Stale: Staleness{AfterDays: 365, Penalty: 0.5}})
	require.NoError(t, err)
	r, _ = findReason(res.Matches[1].Reasons, "stale")
	require.Equal(t, CodeFresh, r.Code)

	// Ben's capacity is tracked and was confirmed 4 days ago: with a
	// 3-day policy both facts count, and the oldest decides.
	res, err = ix.Route(testNow, storyRequest(), Rotation{}, Options{Stale: Staleness{AfterDays: 3, Penalty: 0.5}})
	require.NoError(t, err)
	r, _ = findReason(res.Matches[0].Reasons, "stale")
	require.Equal(t, "Accepting new clients was confirmed on 2026-11-10, 14 days ago; capacity was confirmed on 2026-11-20, 4 days ago; facts older than 3 days are stale: score lowered by 0.50.", r.Message)
}

// practiceDirectory has four colleagues of one practice who outscore two
// solo ones.
func practiceDirectory() Directory {
	var d Directory
	add := func(id, practice string, specialties ...string) {
		d.Providers = append(d.Providers, Provider{ID: id, Name: id, Practice: practice, Specialties: specialties,
			Modalities: place.Remote, Accepting: Fact[bool]{Value: true, Confirmed: testToday}})
	}
	add("p1", "group", "grief", "anxiety")
	add("p2", "group", "grief", "anxiety")
	add("p3", "group", "grief", "anxiety")
	add("p4", "group", "grief", "anxiety")
	add("s1", "", "grief")
	add("s2", "", "anxiety")
	return d
}

func TestMaxPerPractice(t *testing.T) {
	ix, err := NewIndex(practiceDirectory())
	require.NoError(t, err)
	req := Request{Needs: []Need{{Tag: "grief"}, {Tag: "anxiety"}}}

	res, err := ix.Route(testNow, req, Rotation{}, Options{Limit: 4})
	require.NoError(t, err)
	require.Equal(t, []string{"p1", "p2", "p3", "p4"}, ids(res.Matches))

	res, err = ix.Route(testNow, req, Rotation{}, Options{Limit: 4, MaxPerPractice: 1})
	require.NoError(t, err)
	require.Equal(t, []string{"p1", "s1", "s2"}, ids(res.Matches))
	require.Equal(t, Reason{Code: CodeDiversity, Rule: "max_per_practice", Message: "3 providers were left out to keep at most 1 per practice."}, res.Reasons[0])

	res, err = ix.Route(testNow, req, Rotation{}, Options{Limit: 3, MaxPerPractice: 2})
	require.NoError(t, err)
	require.Equal(t, []string{"p1", "p2", "s1"}, ids(res.Matches))
}

func TestToleranceBands(t *testing.T) {
	d := practiceDirectory()
	d.Providers[0].Specialties = []string{"grief", "anxiety", "sleep"}
	ix, err := NewIndex(d)
	require.NoError(t, err)
	req := Request{Needs: []Need{{Tag: "grief"}, {Tag: "anxiety"}, {Tag: "sleep"}, {Tag: "art"}, {Tag: "music"}, {Tag: "dance"}, {Tag: "chess"}, {Tag: "go"}, {Tag: "tea"}, {Tag: "yoga"}}}
	// p1 scores 0.3, p2 to p4 0.2: different bands at 0.05.
	res, err := ix.Route(testNow, req, Rotation{}, Options{Limit: 2})
	require.NoError(t, err)
	require.Equal(t, []string{"p1", "p2"}, ids(res.Matches))
	require.InDelta(t, 0.3, res.Matches[0].Score, 1e-9)
	_, rotated := findReason(res.Matches[0].Reasons, "rotation")
	require.False(t, rotated)

	// With a tolerance of 0.5 all four share a band and rotation decides:
	// p1, referred last time, waits its turn.
	state, err := ix.Record(Rotation{}, "p1", testNow.Add(-time.Hour))
	require.NoError(t, err)
	res, err = ix.Route(testNow, req, state, Options{Limit: 2, Tolerance: 0.5})
	require.NoError(t, err)
	require.Equal(t, []string{"p2", "p3"}, ids(res.Matches))
	r, _ := findReason(res.Matches[0].Reasons, "rotation")
	require.Equal(t, "Near-equal to 1 other match in score; rotation: never referred.", r.Message)
}

func TestFactors(t *testing.T) {
	eur := money.MustParse("EUR 50.00")
	d := Directory{Providers: []Provider{
		{ID: "exact", Name: "Exact", Modalities: place.Remote, Languages: []string{"pt-BR"}, Insurance: []string{"aetna"},
			Fees: &FeeRange{Min: usd("90.00"), Max: usd("90.00")}, Accepting: Fact[bool]{Value: true, Confirmed: testToday}},
		{ID: "sliding", Name: "Sliding", Modalities: place.Remote, Languages: []string{"pt-PT"}, SlidingScale: true,
			Fees: &FeeRange{Min: usd("150.00"), Max: usd("200.00")}, Accepting: Fact[bool]{Value: true, Confirmed: testToday}},
		{ID: "unpublished", Name: "Unpublished", Modalities: place.Remote, Languages: []string{"PT"}, Accepting: Fact[bool]{Value: true, Confirmed: testToday}},
		{ID: "euro", Name: "Euro", Modalities: place.Remote, Languages: []string{"pt-BR"}, Fees: &FeeRange{Min: eur, Max: eur},
			Accepting: Fact[bool]{Value: true, Confirmed: testToday}},
		{ID: "dear", Name: "Dear", Modalities: place.Remote, Languages: []string{"pt-BR"}, Fees: &FeeRange{Min: usd("300.00"), Max: usd("300.00")},
			Accepting: Fact[bool]{Value: true, Confirmed: testToday}},
	}}
	ix, err := NewIndex(d)
	require.NoError(t, err)
	budget := usd("100.00")
	req := Request{Language: "pt-BR", Budget: budget, Insurance: "aetna"}
	res, err := ix.Route(testNow, req, Rotation{}, Options{})
	require.NoError(t, err)
	type row struct {
		id                  string
		language, fee, ins  float64
		languageMsg, feeMsg string
	}
	var got []row
	for _, m := range res.Matches {
		got = append(got, row{m.ID, m.Components[0].Value, m.Components[1].Value, m.Components[2].Value, m.Components[0].Message, m.Components[1].Message})
	}
	require.Equal(t, []row{
		{"exact", 1, 1, 1, "Works in Portuguese (pt-BR).", "Fees from USD 90.00, within the budget of USD 100.00."},
		{"dear", 1, 0, 0, "Works in Portuguese (pt-BR).", "Fees from USD 300.00, above the budget of USD 100.00."}, // tied with "euro": by ID
		{"euro", 1, 0, 0, "Works in Portuguese (pt-BR).", "Charges in EUR, the budget is in USD."},
		{"sliding", 0.5, 0.5, 0, "Works in Portuguese, not in the pt-BR variety.", "Fees from USD 150.00, above the budget of USD 100.00, with a sliding scale."},
		{"unpublished", 0.5, 0.5, 0, "Works in Portuguese, not in the pt-BR variety.", "Does not publish fees."},
	}, got)

	// As a hard constraint, the budget keeps the affordable and the
	// sliding scale only.
	res, err = ix.Route(testNow, req, Rotation{}, Options{Hard: DefaultHard | ConstraintBudget | ConstraintInsurance})
	require.NoError(t, err)
	require.Empty(t, res.Matches[1:])
	require.Equal(t, "exact", res.Matches[0].ID)
	res, err = ix.Route(testNow, req, Rotation{}, Options{Hard: DefaultHard | ConstraintBudget})
	require.NoError(t, err)
	require.Equal(t, []string{"exact", "sliding"}, ids(res.Matches))
	r, _ := findReason(res.Matches[1].Reasons, "hard.budget")
	require.Equal(t, "Fees from USD 150.00, above the budget of USD 100.00, with a sliding scale.", r.Message)
}

// TestBudgetReasonsAgreeWithScore: a provider that misses the budget is
// told why in the words its fee score uses, "does not publish fees"
// included, and a count names publishing fees as the requirement.
func TestBudgetReasonsAgreeWithScore(t *testing.T) {
	eur := money.MustParse("EUR 80.00")
	fresh := Fact[bool]{Value: true, Confirmed: testToday}
	d := Directory{Providers: []Provider{
		{ID: "dear", Name: "Dear", Modalities: place.Remote, Fees: &FeeRange{Min: money.MustParse("EUR 120.00"), Max: money.MustParse("EUR 150.00")}, Accepting: fresh},
		{ID: "dollar", Name: "Dollar", Modalities: place.Remote, Fees: &FeeRange{Min: usd("50.00"), Max: usd("50.00")}, Accepting: fresh},
		{ID: "unpublished", Name: "Unpublished", Modalities: place.Remote, Accepting: fresh},
		{ID: "unpublished-sliding", Name: "Unpublished, sliding", Modalities: place.Remote, SlidingScale: true, Accepting: fresh},
	}}
	ix, err := NewIndex(d)
	require.NoError(t, err)
	res, err := ix.Route(testNow, Request{Budget: eur}, Rotation{}, Options{})
	require.NoError(t, err)
	got := map[string][2]string{}
	for _, m := range res.Matches {
		r, ok := findReason(m.Reasons, "budget")
		require.True(t, ok, m.ID)
		require.Equal(t, CodeMisses, r.Code, m.ID)
		got[m.ID] = [2]string{r.Message, m.Components[0].Message}
	}
	require.Equal(t, map[string][2]string{
		"dear":                {"Does not meet the budget of EUR 80.00: fees from EUR 120.00, without a sliding scale.", "Fees from EUR 120.00, above the budget of EUR 80.00."},
		"dollar":              {"Does not meet the budget of EUR 80.00: charges in USD.", "Charges in USD, the budget is in EUR."},
		"unpublished":         {"Does not meet the budget of EUR 80.00: does not publish fees.", "Does not publish fees."},
		"unpublished-sliding": {"Does not meet the budget of EUR 80.00: does not publish fees.", "Does not publish fees."},
	}, got)

	res, err = ix.Route(testNow, Request{Budget: eur}, Rotation{}, Options{Hard: DefaultHard | ConstraintBudget})
	require.NoError(t, err)
	require.Empty(t, res.Matches)
	require.Equal(t, "No match among 4 providers considered: no provider publishes fees of at most EUR 80.00 or a sliding scale.", res.Reasons[0].Message)
}

func TestRegionsAndReach(t *testing.T) {
	d := Directory{Providers: []Provider{
		{ID: "state", Name: "State", Modalities: place.Remote, Regions: []string{"US-OR"}, Accepting: Fact[bool]{Value: true, Confirmed: testToday}},
		{ID: "country", Name: "Country", Modalities: place.Remote, Regions: []string{"US"}, Accepting: Fact[bool]{Value: true, Confirmed: testToday}},
		{ID: "near", Name: "Near", Modalities: place.InPerson, Location: new(portland), RadiusKm: 5, Regions: []string{"US-OR"}, Accepting: Fact[bool]{Value: true, Confirmed: testToday}},
		{ID: "far", Name: "Far", Modalities: place.InPerson, Location: new(seattle), Regions: []string{"US-WA"}, Accepting: Fact[bool]{Value: true, Confirmed: testToday}},
	}}
	ix, err := NewIndex(d)
	require.NoError(t, err)
	route := func(req Request) []string {
		res, err := ix.Route(testNow, req, Rotation{}, Options{})
		require.NoError(t, err)
		return ids(res.Matches)
	}
	require.Equal(t, []string{"country", "near", "state"}, route(Request{Region: "US-OR"}))
	require.Equal(t, []string{"country"}, route(Request{Region: "US"}), "a state licence does not cover a client of unknown state")
	require.Equal(t, []string{"country", "state"}, route(Request{Modalities: place.Remote}))
	// The client is 34 km from Portland: within 40 km, but beyond the
	// provider's own 5 km radius.
	require.Empty(t, route(Request{Modalities: place.InPerson, Location: new(prospect), WithinKm: 40}))
	require.Equal(t, []string{"near"}, route(Request{Modalities: place.InPerson, Location: new(portland)}))
	require.Equal(t, []string{"far"}, route(Request{Modalities: place.InPerson, Location: new(seattle), WithinKm: 1}))
	// No location and no modality: reach does not apply, and a match's
	// modalities are the provider's own.
	require.Len(t, route(Request{}), 4)
	res, err := ix.Route(testNow, Request{Region: "US-OR"}, Rotation{}, Options{})
	require.NoError(t, err)
	require.Equal(t, []place.Modality{place.Remote, place.InPerson, place.Remote}, []place.Modality{res.Matches[0].Modalities, res.Matches[1].Modalities, res.Matches[2].Modalities})
}

func TestGridEdges(t *testing.T) {
	// Providers across the antimeridian and near the pole are found by
	// the grid exactly as by distance.
	places := []place.Point{{Lat: 0, Lon: 179.99}, {Lat: 0, Lon: -179.99}, {Lat: 89.9, Lon: 10}, {Lat: 89.9, Lon: -170}, {Lat: -89.9, Lon: 0}}
	var d Directory
	for i, p := range places {
		d.Providers = append(d.Providers, Provider{ID: string(rune('a' + i)), Name: "x", Modalities: place.InPerson, Location: new(p),
			Accepting: Fact[bool]{Value: true, Confirmed: testToday}})
	}
	ix, err := NewIndex(d)
	require.NoError(t, err)
	for _, tc := range []struct {
		from place.Point
		km   float64
		want []string
	}{
		{place.Point{Lat: 0, Lon: 180}, 5, []string{"a", "b"}},
		{place.Point{Lat: 0, Lon: -180}, 1.2, []string{"a", "b"}},
		{place.Point{Lat: 0, Lon: -179.995}, 1, []string{"b"}},
		{place.Point{Lat: 90, Lon: 0}, 20, []string{"c", "d"}},
		{place.Point{Lat: 89.95, Lon: 100}, 30, []string{"c", "d"}},
		{place.Point{Lat: -90, Lon: 0}, 12, []string{"e"}},
	} {
		res, err := ix.Route(testNow, Request{Modalities: place.InPerson, Location: new(tc.from), WithinKm: tc.km}, Rotation{}, Options{})
		require.NoError(t, err)
		got := ids(res.Matches)
		require.ElementsMatch(t, tc.want, got, "%v within %v km", tc.from, tc.km)
	}
}

func TestEmergencyImmediateCapacity(t *testing.T) {
	la, err := time.LoadLocation("America/Los_Angeles")
	require.NoError(t, err)
	fresh := Fact[bool]{Value: true, Confirmed: testToday}
	room := &Fact[int]{Value: 1, Confirmed: testToday}
	d := Directory{Providers: []Provider{
		{ID: "weekend", Name: "Weekend only", Modalities: place.Remote, Regions: []string{"GB", "IE"}, Accepting: fresh, Capacity: room,
			Schedule: &availability.Schedule{Zone: la, Hours: []availability.Window{window(availability.Weekend, "09:00", "17:00")}}},
		{ID: "today", Name: "Open today", Modalities: place.Remote, Regions: []string{"GB", "IE"}, Accepting: fresh, Capacity: room,
			Schedule: &availability.Schedule{Zone: la, Hours: []availability.Window{window(availability.Workweek, "09:00", "17:00")}}},
		{ID: "full", Name: "Full", Modalities: place.Remote, Regions: []string{"GB", "IE"}, Accepting: fresh, Capacity: &Fact[int]{Value: 0, Confirmed: testToday}},
		{ID: "stale", Name: "Stale", Modalities: place.Remote, Regions: []string{"GB", "IE"}, Accepting: fresh, Capacity: &Fact[int]{Value: 3, Confirmed: date("2026-01-01")}},
		{ID: "unlicensed", Name: "Unlicensed", Modalities: place.Remote, Regions: []string{"US"}, Accepting: fresh, Capacity: room},
	}}
	ix, err := NewIndex(d)
	require.NoError(t, err)
	// Tuesday 10:00 UTC: 02:00 in Los Angeles; the workweek schedule opens
	// in 7 hours, the weekend one in 4 days.
	res, err := ix.Route(testNow, Request{Urgency: contact.Emergency, Region: "GB-ENG"}, Rotation{}, Options{Crisis: CrisisExamples(), Stale: Staleness{Action: StaleIgnore}})
	require.NoError(t, err)
	require.Equal(t, []string{"gb-999", "gb-nhs-111", "gb-samaritans"}, resourceIDs(res.Crisis))
	require.Equal(t, []string{"today"}, ids(res.Matches))
	r, _ := findReason(res.Matches[0].Reasons, "immediate")
	require.Equal(t, "Has immediate capacity: 1 place open, confirmed on 2026-11-24, and open within 24 hours.", r.Message)

	res, err = ix.Route(testNow, Request{Urgency: contact.Emergency, Region: "IE"}, Rotation{}, Options{Crisis: CrisisExamples(), Immediate: time.Hour})
	require.NoError(t, err)
	require.Equal(t, []string{"eu-112", "ie-samaritans"}, resourceIDs(res.Crisis))
	require.Empty(t, res.Matches)
	require.Equal(t, []Count{{Constraint: ConstraintRegion, Pass: 4, Relaxed: 1}, {Constraint: ConstraintAccepting, Pass: 1, Relaxed: 4}}, res.Counts)
}

// TestEmergencyUntrackedCapacity: a provider who does not track capacity
// (Capacity nil) is decided by Accepting alone, in an emergency too, as
// Provider.Capacity says: most practices only say whether they take new
// clients.
func TestEmergencyUntrackedCapacity(t *testing.T) {
	la, err := time.LoadLocation("America/Los_Angeles")
	require.NoError(t, err)
	fresh := Fact[bool]{Value: true, Confirmed: testToday}
	workweek := &availability.Schedule{Zone: la, Hours: []availability.Window{window(availability.Workweek, "09:00", "17:00")}}
	weekend := &availability.Schedule{Zone: la, Hours: []availability.Window{window(availability.Weekend, "09:00", "17:00")}}
	d := Directory{Providers: []Provider{
		{ID: "open", Name: "Open today", Modalities: place.Remote, Regions: []string{"GB"}, Accepting: fresh, Schedule: workweek},
		{ID: "unpublished", Name: "No schedule", Modalities: place.Remote, Regions: []string{"GB"}, Accepting: fresh},
		{ID: "weekend", Name: "Weekend only", Modalities: place.Remote, Regions: []string{"GB"}, Accepting: fresh, Schedule: weekend},
		{ID: "declines", Name: "Not accepting", Modalities: place.Remote, Regions: []string{"GB"}, Accepting: Fact[bool]{Value: false, Confirmed: testToday}},
		{ID: "stale", Name: "Stale", Modalities: place.Remote, Regions: []string{"GB"}, Accepting: Fact[bool]{Value: true, Confirmed: date("2026-01-01")}},
		{ID: "full", Name: "Full", Modalities: place.Remote, Regions: []string{"GB"}, Accepting: fresh, Capacity: &Fact[int]{Value: 0, Confirmed: testToday}},
	}}
	ix, err := NewIndex(d)
	require.NoError(t, err)
	res, err := ix.Route(testNow, Request{Urgency: contact.Emergency, Region: "GB"}, Rotation{}, Options{Crisis: CrisisExamples()})
	require.NoError(t, err)
	require.NotContains(t, reasonCodes(res.Reasons), CodeNoImmediate)
	require.ElementsMatch(t, []string{"open", "unpublished"}, ids(res.Matches))
	for _, tc := range []struct{ id, want string }{
		{"open", "Has immediate capacity: accepting new clients, confirmed on 2026-11-24 (places are not tracked), and open within 24 hours."},
		{"unpublished", "Has immediate capacity: accepting new clients, confirmed on 2026-11-24 (places are not tracked)."},
	} {
		i := slices.IndexFunc(res.Matches, func(m Match) bool { return m.ID == tc.id })
		r, ok := findReason(res.Matches[i].Reasons, "immediate")
		require.True(t, ok, tc.id)
		require.Equal(t, tc.want, r.Message)
	}
}

func TestCrisisFor(t *testing.T) {
	c := CrisisExamples()
	for region, want := range map[string][]string{
		"US":     {"us-911", "us-988"},
		"US-OR":  {"us-911", "us-988"},
		"GB":     {"gb-999", "gb-samaritans"},
		"GB-NIR": {"gb-999", "gb-samaritans"},
		"GB-WLS": {"gb-999", "gb-nhs-111", "gb-samaritans"},
		"DE":     {"eu-112"},
		"FR-75":  {"eu-112"},
		"JP":     nil,
		"":       nil,
	} {
		require.Equal(t, want, nilIfEmpty(resourceIDs(c.For(region))), region)
	}
	for _, r := range c.Resources {
		require.Equal(t, date("2026-11-24"), r.Checked)
	}
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func TestIndexAccessors(t *testing.T) {
	d := storyDirectory()
	ix, err := NewIndex(d)
	require.NoError(t, err)
	require.Equal(t, 7, ix.Len())
	p, ok := ix.Provider("chloe")
	require.True(t, ok)
	require.Equal(t, "Chloe Park", p.Name)
	_, ok = ix.Provider("zed")
	require.False(t, ok)
	n := 0
	for p := range ix.All() {
		require.Equal(t, d.Providers[n].ID, p.ID)
		n++
	}
	require.Equal(t, 7, n)
	age, ok := d.Providers[6].Accepting.AgeDays(testToday)
	require.True(t, ok)
	require.Equal(t, 200, age)
	_, ok = Fact[int]{}.AgeDays(testToday)
	require.False(t, ok)
}

func TestExclusions(t *testing.T) {
	ix, err := NewIndex(storyDirectory())
	require.NoError(t, err)
	req := storyRequest()
	req.Exclude = []string{"ben", "zed", "ben"}
	res, err := ix.Route(testNow, req, Rotation{}, Options{})
	require.NoError(t, err)
	require.Equal(t, 6, res.Considered)
	require.Equal(t, []string{"ana", "gia", "chloe"}, ids(res.Matches))
	require.Equal(t, "2 providers are excluded by the request: ben, zed.", res.Reasons[0].Message)
}
