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

// The places of story 5: the coach works in Portland; the prospect lives
// in a town 25 miles out.
var (
	portland = place.Point{Lat: 45.5152, Lon: -122.6784}
	prospect = place.Point{Lat: 45.5229, Lon: -123.1107} // Hillsboro area, about 34 km west
	seattle  = place.Point{Lat: 47.6062, Lon: -122.3321}
)

func date(s string) availability.Date { return availability.MustParseDate(s) }

func usd(s string) money.Amount { return money.MustParse("USD " + s) }

// storyDirectory is the coach's referral network in story 5.
func storyDirectory() Directory {
	accepting := Fact[bool]{Value: true, Confirmed: date("2026-11-10")}
	return Directory{Version: "2026-11", Providers: []Provider{
		{ID: "ana", Name: "Ana Rossi", Professions: []string{"coach"}, Specialties: []string{"life_coaching", "holistic"},
			Modalities: place.InPerson | place.Remote, Languages: []string{"en", "it"}, Location: new(portland), Regions: []string{"US-OR"},
			Fees: &FeeRange{Min: usd("90.00"), Max: usd("140.00")}, Accepting: accepting},
		{ID: "ben", Name: "Ben Okafor", Professions: []string{"coach"}, Specialties: []string{"life_coaching", "holistic"},
			Modalities: place.Remote, Languages: []string{"en"}, Regions: []string{"US-OR", "US-WA"},
			Fees: &FeeRange{Min: usd("80.00"), Max: usd("120.00")}, Accepting: accepting,
			Capacity: &Fact[int]{Value: 2, Confirmed: date("2026-11-20")}},
		{ID: "chloe", Name: "Chloe Park", Professions: []string{"coach"}, Specialties: []string{"life_coaching"},
			Modalities: place.InPerson, Languages: []string{"en", "ko"}, Location: new(place.Point{Lat: 45.5400, Lon: -122.9600}),
			RadiusKm: 40, Regions: []string{"US-OR"}, Accepting: accepting},
		{ID: "dev", Name: "Dev Mehta", Professions: []string{"coach"}, Specialties: []string{"life_coaching", "holistic"},
			Modalities: place.InPerson, Languages: []string{"en"}, Location: new(seattle), Regions: []string{"US-WA", "US-OR"}, Accepting: accepting},
		{ID: "eva", Name: "Eva Lind", Professions: []string{"psychotherapist"}, Specialties: []string{"anxiety"},
			Modalities: place.Remote, Languages: []string{"en"}, Regions: []string{"US-OR"}, Accepting: accepting},
		{ID: "finn", Name: "Finn Walsh", Professions: []string{"coach"}, Specialties: []string{"life_coaching", "holistic"},
			Modalities: place.Remote, Languages: []string{"en"}, Regions: []string{"US-OR"},
			Accepting: Fact[bool]{Value: false, Confirmed: date("2026-11-01")}},
		{ID: "gia", Name: "Gia Conti", Professions: []string{"coach"}, Specialties: []string{"life_coaching", "holistic"},
			Modalities: place.Remote, Languages: []string{"en"}, Regions: []string{"US"},
			Accepting: Fact[bool]{Value: true, Confirmed: date("2026-05-08")}},
	}}
}

// storyRequest is the prospect of story 5, as the coach refers them on:
// needs from the screening, remote or in person near the prospect, and
// never back to the coach who declined.
func storyRequest() Request {
	return Request{
		Needs:    []Need{{Tag: "life_coaching", Must: true}, {Tag: "holistic"}},
		Language: "en",
		Location: new(prospect),
		WithinKm: 25 * place.KmPerMile,
		Region:   "US-OR",
		Exclude:  []string{"ana"},
	}
}

func ids(ms []Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

func reasonCodes(rs []Reason) []Code {
	out := make([]Code, len(rs))
	for i, r := range rs {
		out[i] = r.Code
	}
	return out
}

func findReason(rs []Reason, rule string) (Reason, bool) {
	for _, r := range rs {
		if r.Rule == rule {
			return r, true
		}
	}
	return Reason{}, false
}

// TestStory5Referral is story 5's "say no, explain why, and refer
// elsewhere": the coach declines the prospect and refers them to
// colleagues who offer life coaching, holistically, remotely or in person
// near the prospect, never back to herself.
func TestStory5Referral(t *testing.T) {
	ix, err := NewIndex(storyDirectory())
	require.NoError(t, err)
	now := time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC)

	res, err := ix.Route(now, storyRequest(), Rotation{}, Options{})
	require.NoError(t, err)

	// Ben: remote, both needs. Gia: remote, both needs, but her
	// "accepting" is 200 days old. Chloe: in person 14 km from the
	// prospect, life coaching only. Dev is in Seattle, Eva is no coach,
	// Finn is full, Ana referred the prospect.
	require.Equal(t, []string{"ben", "gia", "chloe"}, ids(res.Matches))
	require.Equal(t, 6, res.Considered)
	require.Equal(t, 3, res.Eligible)
	require.InDelta(t, 4.0/6, res.Matches[0].Score, 1e-9)
	require.InDelta(t, 4.0/6-0.2, res.Matches[1].Score, 1e-9)

	ben := res.Matches[0]
	require.Equal(t, place.Remote, ben.Modalities)
	require.Equal(t, []Factor{FactorNeeds, FactorLanguage, FactorDistance}, []Factor{ben.Components[0].Factor, ben.Components[1].Factor, ben.Components[2].Factor})
	require.Equal(t, "Meets 1 of 1 scored need: holistic.", ben.Components[0].Message)
	require.InDelta(t, 0.5, ben.Components[0].Points, 1e-9)
	r, ok := findReason(ben.Reasons, "hard.needs")
	require.True(t, ok)
	require.Equal(t, Reason{Code: CodeMeets, Rule: "hard.needs", Message: "Offers life_coaching."}, r)

	gia := res.Matches[1]
	r, ok = findReason(gia.Reasons, "stale")
	require.True(t, ok)
	require.Equal(t, CodeStale, r.Code)
	require.Equal(t, "Accepting new clients was confirmed on 2026-05-08, 200 days ago; facts older than 90 days are stale: score lowered by 0.20.", r.Message)
	r, _ = findReason(gia.Reasons, "hard.region")
	require.Equal(t, "May practise in US-OR (licensed for all of US).", r.Message)

	chloe := res.Matches[2]
	require.Equal(t, place.InPerson, chloe.Modalities)
	require.InDelta(t, 11.9, chloe.DistanceKm, 0.1)
	r, _ = findReason(chloe.Reasons, "hard.reach")
	require.Equal(t, "Works in person 11.9 km away.", r.Message)

	require.Equal(t, []Code{CodeExcluded}, reasonCodes(res.Reasons))
	require.Equal(t, "1 provider is excluded by the request: ana.", res.Reasons[0].Message)

	// The rotation state records the referral to the first match.
	u, ok := res.Rotation.Use("ben")
	require.True(t, ok)
	require.Equal(t, 1, u.Count)
	require.True(t, u.Last.Equal(now))

	// The handoff to Ben carries what the prospect agreed to share: contact
	// and needs, not the screening's reasons nor the coach's notes.
	h := Handoff{
		From: "Ana Rossi", To: ben.Name, Date: availability.DateOf(now),
		Contact:   Contact{Name: "Sam Prospect", Email: "sam@example.com"},
		Needs:     []string{"life_coaching", "holistic"},
		Screening: []string{"interest in the coach rather than the service", "asked for a date"},
		Notes:     "Met once for a consultation on a Sunday.",
		Consent:   Consent{Contact: true, Needs: true},
	}
	text := h.Summary().Text()
	require.Contains(t, text, "sam@example.com")
	require.Contains(t, text, "holistic")
	require.NotContains(t, text, "date")
	require.NotContains(t, text, "Sunday")
	require.Contains(t, text, "Not shared without the client's consent: screening reasons, notes.")
}

// TestStory5NoInPersonMatch: the prospect wants in person only and nobody
// near speaks Italian; the result says why in counts and what relaxing
// one constraint would give.
func TestStory5NoInPersonMatch(t *testing.T) {
	ix, err := NewIndex(storyDirectory())
	require.NoError(t, err)
	req := storyRequest()
	req.Language = "it"
	req.Modalities = place.InPerson
	res, err := ix.Route(testNow, req, Rotation{}, Options{})
	require.NoError(t, err)
	require.Empty(t, res.Matches)
	require.Equal(t, []Count{
		{Constraint: ConstraintNeeds, Pass: 5, Relaxed: 0},
		{Constraint: ConstraintLanguage, Pass: 0, Relaxed: 1},
		{Constraint: ConstraintReach, Pass: 1, Relaxed: 0},
		{Constraint: ConstraintRegion, Pass: 6, Relaxed: 0},
		{Constraint: ConstraintAccepting, Pass: 5, Relaxed: 0},
	}, res.Counts)
	require.Equal(t, []Code{CodeExcluded, CodeNoMatch, CodeConstraint, CodeConstraint, CodeConstraint, CodeConstraint, CodeConstraint}, reasonCodes(res.Reasons))
	require.Equal(t, "No match among 6 providers considered: no provider works in Italian.", res.Reasons[1].Message)
	require.Equal(t, "Language: no provider works in Italian; 1 provider matches everything else.", res.Reasons[3].Message)
	require.Equal(t, "Reach: 1 of 6 works in person within 40 km; relaxing it alone would give no match.", res.Reasons[4].Message)
	require.Equal(t, 0, res.Rotation.Len())

	// The issue's own case: Italian speakers exist, but they work only
	// remotely, and the client wants to meet in person.
	d := storyDirectory()
	for _, id := range []string{"ben", "gia"} {
		p := &d.Providers[slices.IndexFunc(d.Providers, func(p Provider) bool { return p.ID == id })]
		p.Languages = append(p.Languages, "it")
	}
	ix, err = NewIndex(d)
	require.NoError(t, err)
	res, err = ix.Route(testNow, req, Rotation{}, Options{})
	require.NoError(t, err)
	require.Empty(t, res.Matches)
	require.Equal(t, "No match among 6 providers considered: no provider who works in Italian also works in person within 40 km.", res.Reasons[1].Message)
	require.Equal(t, "Language: 2 of 6 work in Italian; 1 provider matches everything else.", res.Reasons[3].Message)
	require.Equal(t, "Reach: 1 of 6 works in person within 40 km; 2 remote ones match everything else.", res.Reasons[4].Message)
}

// TestStory4OnCallColleague: an emergency gets crisis resources first,
// then the colleagues with immediate capacity, and is never empty.
func TestStory4OnCallColleague(t *testing.T) {
	ix, err := NewIndex(storyDirectory())
	require.NoError(t, err)
	req := storyRequest()
	req.Urgency = contact.Emergency
	opt := Options{Crisis: CrisisExamples()}

	res, err := ix.Route(testNow, req, Rotation{}, opt)
	require.NoError(t, err)
	require.Equal(t, []string{"us-911", "us-988"}, resourceIDs(res.Crisis))
	// Fresh facts: Ben has tracked places; Chloe does not track capacity,
	// so her "accepting" decides.
	require.Equal(t, []string{"ben", "chloe"}, ids(res.Matches))
	r, _ := findReason(res.Matches[0].Reasons, "immediate")
	require.Equal(t, "Has immediate capacity: 2 places open, confirmed on 2026-11-20.", r.Message)
	r, _ = findReason(res.Matches[1].Reasons, "immediate")
	require.Equal(t, "Has immediate capacity: accepting new clients, confirmed on 2026-11-10 (places are not tracked).", r.Message)
	require.Equal(t, "Emergency: the crisis resources for US-OR (crisis list 2026-11-24) come first.", res.Reasons[0].Message)

	// Nobody with capacity: the crisis resources still answer.
	req.Exclude = append(req.Exclude, "ben", "chloe")
	res, err = ix.Route(testNow, req, Rotation{}, opt)
	require.NoError(t, err)
	require.Empty(t, res.Matches)
	require.False(t, res.IsEmpty())
	require.Equal(t, []string{"us-911", "us-988"}, resourceIDs(res.Crisis))
	require.Contains(t, reasonCodes(res.Reasons), CodeNoImmediate)

	// No crisis list passed: the built-in examples, flagged as such.
	res, err = ix.Route(testNow, req, Rotation{}, Options{})
	require.NoError(t, err)
	require.Equal(t, []string{"us-911", "us-988"}, resourceIDs(res.Crisis))
	require.Equal(t, CodeCrisisBuilt, res.Reasons[0].Code)

	// A list with nothing for the region: every listed resource.
	other := Crisis{Version: "v1", Resources: []contact.Resource{{ID: "de-112", Name: "Notruf", Contact: "112", Region: "DE", Checked: date("2026-11-24")}}}
	res, err = ix.Route(testNow, req, Rotation{}, Options{Crisis: other})
	require.NoError(t, err)
	require.Equal(t, []string{"de-112"}, resourceIDs(res.Crisis))
	require.Equal(t, CodeCrisisAll, res.Reasons[0].Code)
}

func resourceIDs(rs []contact.Resource) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}
