package referral_test

import (
	"fmt"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/referral"
)

// network is a small referral network of coaches around Portland, Oregon.
func network() referral.Directory {
	confirmed := availability.MustParseDate("2026-11-10")
	accepting := referral.Fact[bool]{Value: true, Confirmed: confirmed}
	portland := place.Point{Lat: 45.5152, Lon: -122.6784}
	beaverton := place.Point{Lat: 45.4871, Lon: -122.8037}
	return referral.Directory{Version: "2026-11", Providers: []referral.Provider{
		{ID: "ana", Name: "Ana Rossi", Specialties: []string{"life_coaching", "holistic"}, Modalities: place.InPerson | place.Remote,
			Languages: []string{"en"}, Location: &portland, Regions: []string{"US-OR"}, Accepting: accepting},
		{ID: "ben", Name: "Ben Okafor", Specialties: []string{"life_coaching", "holistic"}, Modalities: place.Remote,
			Languages: []string{"en", "it"}, Regions: []string{"US-OR"}, Accepting: accepting,
			Capacity: &referral.Fact[int]{Value: 2, Confirmed: confirmed}},
		{ID: "chloe", Name: "Chloe Park", Specialties: []string{"life_coaching"}, Modalities: place.InPerson,
			Languages: []string{"en"}, Location: &beaverton, Regions: []string{"US-OR"}, Accepting: accepting,
			Fees: &referral.FeeRange{Min: money.MustParse("USD 90.00"), Max: money.MustParse("USD 120.00")}},
		{ID: "finn", Name: "Finn Walsh", Specialties: []string{"life_coaching", "holistic"}, Modalities: place.Remote,
			Languages: []string{"en"}, Regions: []string{"US-OR"}, Accepting: referral.Fact[bool]{Value: false, Confirmed: confirmed}},
	}}
}

// A coach declines a prospect and refers them to colleagues: life coaching
// is a must, holistic work a plus, remote or in person near the prospect,
// never back to the coach herself.
func ExampleIndex_Route() {
	ix, err := referral.NewIndex(network())
	if err != nil {
		fmt.Println(err)
		return
	}
	client := place.Point{Lat: 45.5229, Lon: -122.9900}
	req := referral.Request{
		Needs:    []referral.Need{{Tag: "life_coaching", Must: true}, {Tag: "holistic"}},
		Location: &client,
		Region:   "US-OR",
		Exclude:  []string{"ana"},
	}
	now := time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC)
	res, err := ix.Route(now, req, referral.Rotation{}, referral.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range res.Matches {
		fmt.Printf("%s %.2f %s\n", m.Name, m.Score, m.Modalities)
		for _, c := range m.Components {
			fmt.Printf("  %s: %s\n", c.Factor, c.Message)
		}
	}
	u, _ := res.Rotation.Use("ben")
	fmt.Println("referred to ben:", u.Count)
	// Output:
	// Ben Okafor 0.60 remote
	//   needs: Meets 1 of 1 scored need: holistic.
	//   distance: Cannot see the client in person within 25 km.
	// Chloe Park 0.16 in_person
	//   needs: Meets none of 1 scored need: holistic.
	//   distance: 15.1 km away, within 25 km.
	// referred to ben: 1
}

// When nothing matches, the result says what no provider meets, how each
// hard constraint narrowed the directory, and what relaxing it alone would
// give.
func ExampleIndex_Route_noMatch() {
	ix, _ := referral.NewIndex(network())
	client := place.Point{Lat: 45.5229, Lon: -122.9900}
	req := referral.Request{
		Needs:      []referral.Need{{Tag: "life_coaching", Must: true}},
		Language:   "it",
		Modalities: place.InPerson,
		Location:   &client,
		Region:     "US-OR",
		Exclude:    []string{"ana"},
	}
	res, _ := ix.Route(time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC), req, referral.Rotation{}, referral.Options{})
	fmt.Println(len(res.Matches), "matches")
	for _, r := range res.Reasons[1:] {
		fmt.Println(r.Message)
	}
	// Output:
	// 0 matches
	// No match among 3 providers considered: no provider who works in Italian also works in person within 25 km.
	// Needs: all 3 offer life_coaching; relaxing it alone would give no match.
	// Language: 1 of 3 works in Italian; 1 provider matches everything else.
	// Reach: 1 of 3 works in person within 25 km; 1 remote one matches everything else.
	// Region: all 3 may practise in US-OR; relaxing it alone would give no match.
	// Accepting: 2 of 3 are accepting new clients; relaxing it alone would give no match.
}

// An emergency puts the crisis resources for the client's region first,
// then the colleagues with immediate capacity.
func ExampleIndex_Route_emergency() {
	ix, _ := referral.NewIndex(network())
	req := referral.Request{Urgency: contact.Emergency, Region: "US-OR", Exclude: []string{"ana"}}
	opt := referral.Options{Crisis: referral.CrisisExamples()}
	res, _ := ix.Route(time.Date(2026, time.November, 24, 3, 0, 0, 0, time.UTC), req, referral.Rotation{}, opt)
	for _, r := range res.Crisis {
		fmt.Printf("%s: %s (checked %s)\n", r.Name, r.Contact, r.Checked)
	}
	for _, m := range res.Matches {
		fmt.Println("on call:", m.Name)
	}
	// Output:
	// Emergency services: 911 (checked 2026-11-24)
	// 988 Suicide & Crisis Lifeline: call or text 988, chat at 988lifeline.org (checked 2026-11-24)
	// on call: Ben Okafor
	// on call: Chloe Park
}

func ExampleCrisis_For() {
	c := referral.CrisisExamples()
	for _, region := range []string{"GB-ENG", "DE"} {
		for _, r := range c.For(region) {
			fmt.Printf("%s: %s %s\n", region, r.Contact, r.Name)
		}
	}
	// Output:
	// GB-ENG: 999 Emergency services
	// GB-ENG: 111 NHS 111, urgent medical help that is not a 999 emergency
	// GB-ENG: 116 123 Samaritans
	// DE: 112 European emergency number
}

// A handoff summary carries only what the client agreed to share.
func ExampleHandoff_Summary() {
	h := referral.Handoff{
		From: "Ana Rossi", To: "Ben Okafor", Date: availability.MustParseDate("2026-11-24"),
		Contact:   referral.Contact{Name: "Sam", Email: "sam@example.com"},
		Needs:     []string{"life_coaching", "holistic"},
		Screening: []string{"interest in the coach rather than the service"},
		Consent:   referral.Consent{Contact: true, Needs: true},
	}
	fmt.Print(h.Summary().Text())
	// Output:
	// Referral from Ana Rossi to Ben Okafor, 2026-11-24
	//
	// Contact
	//   Name: Sam
	//   Email: sam@example.com
	//
	// Needs
	//   - life_coaching
	//   - holistic
	//
	// Not shared without the client's consent: screening reasons, notes.
}

func ExampleSummary_Markdown() {
	h := referral.Handoff{
		From: "Ana Rossi", To: "Ben Okafor", Date: availability.MustParseDate("2026-11-24"),
		Needs:   []string{"life_coaching"},
		Notes:   "Prefers *mornings*.",
		Consent: referral.Consent{Needs: true, Notes: true},
	}
	fmt.Print(h.Summary().Markdown())
	// Output:
	// # Referral from Ana Rossi to Ben Okafor
	//
	// Date: 2026-11-24
	//
	// ## Needs
	//
	// - life\_coaching
	//
	// ## Notes
	//
	// > Prefers \*mornings\*\.
	//
	// *Not shared without the client's consent: contact, screening reasons.*
}

// The host records the colleague the client chose; the state is a value.
func ExampleIndex_Record() {
	ix, _ := referral.NewIndex(network())
	now := time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC)
	state, err := ix.Record(referral.Rotation{}, "chloe", now)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := state.MarshalJSON()
	fmt.Println(string(b))
	_, err = ix.Record(state, "zed", now)
	fmt.Println(err)
	// Output:
	// {"uses":[{"id":"chloe","count":1,"last":"2026-11-24T09:00:00Z","pass":1}]}
	// provider "zed": unknown provider
}

func ExampleDirectory_Validate() {
	d := network()
	d.Providers[1].ID = "ana"
	d.Providers[2].Fees.Min = money.MustParse("USD -90.00")
	d.Providers[3].Location = &place.Point{Lat: 120}
	fmt.Println(d.Validate())
	// Output:
	// providers[1].id: ID "ana" is also used by providers[0] [duplicate]
	// providers[2].fees.min: USD -90.00 is negative [negative]
	// providers[3].location: 120,0 is not a valid latitude,longitude [out_of_range]
}

func ExampleParseConstraint() {
	c, err := referral.ParseConstraint("needs,budget")
	fmt.Println(c, err, c.Has(referral.ConstraintBudget))
	// Output: needs,budget <nil> true
}
