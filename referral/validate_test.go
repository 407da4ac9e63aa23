package referral

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/availability/problem"
)

// problemsOf returns the path and code of every problem in err.
func problemsOf(t *testing.T, err error) [][2]string {
	t.Helper()
	if err == nil {
		return nil
	}
	require.ErrorIs(t, err, problem.ErrInvalid)
	var ps problem.List
	require.True(t, errors.As(err, &ps))
	out := make([][2]string, len(ps))
	for i, p := range ps {
		out[i] = [2]string{p.Path, string(p.Code)}
	}
	return out
}

func TestDirectoryValidate(t *testing.T) {
	valid := func() Provider {
		return Provider{ID: "ok", Name: "Ok", Modalities: place.InPerson, Location: new(portland),
			Fees: &FeeRange{Min: usd("80.00"), Max: usd("120.00")}}
	}
	tests := []struct {
		name   string
		change func(p *Provider)
		want   [][2]string
	}{
		{"valid", func(p *Provider) {}, nil},
		{"missing id and name", func(p *Provider) { p.ID, p.Name = "", " " }, [][2]string{{"providers[1].id", "required"}, {"providers[1].name", "required"}}},
		{"bad coordinates", func(p *Provider) { p.Location = new(place.Point{Lat: 91, Lon: 0}) }, [][2]string{{"providers[1].location", "out_of_range"}}},
		{"NaN coordinates", func(p *Provider) { p.Location = new(place.Point{Lat: math.NaN(), Lon: 0}) }, [][2]string{{"providers[1].location", "invalid"}}},
		{"in person without location", func(p *Provider) { p.Location = nil }, [][2]string{{"providers[1].location", "required"}}},
		{"no modality", func(p *Provider) { p.Modalities = 0 }, [][2]string{{"providers[1].modalities", "required"}}},
		{"unknown currency", func(p *Provider) { p.Fees.Min = money.New(8000, "XYZ") }, [][2]string{{"providers[1].fees.min", "required"}}},
		{"negative fee", func(p *Provider) { p.Fees.Min = usd("-5.00") }, [][2]string{{"providers[1].fees.min", "negative"}}},
		{"min above max", func(p *Provider) { p.Fees.Min = usd("200.00") }, [][2]string{{"providers[1].fees", "order"}}},
		{"currency mismatch", func(p *Provider) { p.Fees.Max = money.MustParse("EUR 100.00") }, [][2]string{{"providers[1].fees", "mismatch"}}},
		{"bad tags", func(p *Provider) { p.Specialties = []string{"grief", " grief", "grief"} }, [][2]string{{"providers[1].specialties[1]", "syntax"}, {"providers[1].specialties[2]", "duplicate"}}},
		{"bad language", func(p *Provider) { p.Languages = []string{"en", "english1", "x"} }, [][2]string{{"providers[1].languages[1]", "syntax"}, {"providers[1].languages[2]", "syntax"}}},
		{"bad region", func(p *Provider) { p.Regions = []string{"us-ny", "USA", "US-NY"} }, [][2]string{{"providers[1].regions[0]", "syntax"}, {"providers[1].regions[1]", "syntax"}}},
		{"negative radius and share", func(p *Provider) { p.RadiusKm, p.Share = -1, math.Inf(1) }, [][2]string{{"providers[1].radius_km", "negative"}, {"providers[1].share", "invalid"}}},
		{"negative capacity", func(p *Provider) { p.Capacity = &Fact[int]{Value: -1, Confirmed: date("2026-11-01")} }, [][2]string{{"providers[1].capacity.value", "negative"}}},
		{"bad confirmation date", func(p *Provider) { p.Accepting.Confirmed = availability.Date{Year: 2026, Month: 2, Day: 30} }, [][2]string{{"providers[1].accepting.confirmed", "invalid"}}},
		{"schedule problems nest", func(p *Provider) {
			p.Schedule = &availability.Schedule{Hours: []availability.Window{{Start: availability.ClockOf(9, 0), End: availability.ClockOf(17, 0)}}}
		}, [][2]string{{"providers[1].schedule.hours[0].days", "required"}}},
		{"duplicate id", func(p *Provider) { p.ID = "first" }, [][2]string{{"providers[1].id", "duplicate"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := valid()
			tc.change(&p)
			d := Directory{Providers: []Provider{{ID: "first", Name: "First", Modalities: place.Remote}, p}}
			require.Equal(t, tc.want, problemsOf(t, d.Validate()))
			if tc.want != nil {
				_, err := NewIndex(d)
				require.ErrorIs(t, err, problem.ErrInvalid)
			}
		})
	}
	require.NoError(t, Directory{}.Validate())
}

func TestRequestValidate(t *testing.T) {
	neg := usd("-1.00")
	tests := []struct {
		name string
		req  Request
		want [][2]string
	}{
		{"zero", Request{}, nil},
		{"story", storyRequest(), nil},
		{"needs", Request{Needs: []Need{{Tag: "a"}, {Tag: ""}, {Tag: "a", Must: true}}}, [][2]string{{"needs[1].tag", "syntax"}, {"needs[2].tag", "duplicate"}}},
		{"long tags", Request{Needs: []Need{{Tag: strings.Repeat("x", 129)}}, Insurance: strings.Repeat("y", 200)}, [][2]string{{"needs[0].tag", "too_long"}, {"insurance", "too_long"}}},
		{"language region insurance", Request{Language: "e", Region: "Oregon", Insurance: "\tx"}, [][2]string{{"language", "syntax"}, {"region", "syntax"}, {"insurance", "syntax"}}},
		{"in person without location", Request{Modalities: place.InPerson}, [][2]string{{"location", "required"}}},
		{"location and distance", Request{Location: new(place.Point{Lat: 0, Lon: 200}), WithinKm: -3}, [][2]string{{"location", "out_of_range"}, {"within_km", "negative"}}},
		{"budget", Request{Budget: neg}, [][2]string{{"budget", "negative"}}},
		{"preferred", Request{Preferred: []availability.Window{{Days: availability.Workweek, Start: 9 * 60, End: 17 * 60}, {Start: 60, End: 120}}}, [][2]string{{"preferred[1].days", "required"}}},
		{"urgency", Request{Urgency: 7}, [][2]string{{"urgency", "invalid"}}},
		{"exclude", Request{Exclude: []string{"a", ""}}, [][2]string{{"exclude[1]", "required"}}},
		{"modalities", Request{Modalities: 8}, [][2]string{{"modalities", "invalid"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, problemsOf(t, tc.req.Validate()))
		})
	}
	ix, err := NewIndex(storyDirectory())
	require.NoError(t, err)
	_, err = ix.Route(testNow, Request{Urgency: 9}, Rotation{}, Options{})
	require.ErrorIs(t, err, problem.ErrInvalid)
}

func TestOptionsValidate(t *testing.T) {
	require.NoError(t, Options{}.Validate())
	o := Options{
		Hard: 1 << 9, Weights: Weights{Distance: -1}, Limit: 5000, Tolerance: 1, MaxPerPractice: -1,
		WithinKm: math.NaN(), Stale: Staleness{AfterDays: -1, Action: "forget", Penalty: 2}, Immediate: -time.Hour,
		Crisis: Crisis{Resources: []contact.Resource{{ID: "x"}}}, Record: "some",
	}
	require.Equal(t, [][2]string{
		{"hard", "invalid"}, {"weights.distance", "negative"}, {"limit", "out_of_range"}, {"tolerance", "out_of_range"},
		{"max_per_practice", "negative"}, {"within_km", "invalid"}, {"stale.after_days", "negative"},
		{"stale.action", "unknown"}, {"stale.penalty", "out_of_range"}, {"immediate", "negative"},
		{"crisis.resources[0].name", "required"}, {"crisis.resources[0].contact", "required"}, {"crisis.resources[0].checked", "required"},
		{"record", "unknown"},
	}, problemsOf(t, o.Validate()))
	ix, err := NewIndex(storyDirectory())
	require.NoError(t, err)
	_, err = ix.Route(testNow, Request{}, Rotation{}, o)
	require.ErrorIs(t, err, problem.ErrInvalid)

	o = Options{Weights: Weights{Language: math.Inf(1)}, Tolerance: math.NaN(), Stale: Staleness{Penalty: math.NaN()}}
	require.Equal(t, [][2]string{{"weights.language", "invalid"}, {"tolerance", "invalid"}, {"stale.penalty", "invalid"}}, problemsOf(t, o.Validate()))

	o = Options{Weights: Weights{Needs: 1e300}, Tolerance: 1e-300, Immediate: availability.MaxRange + 1}
	require.Equal(t, [][2]string{{"weights.needs", "out_of_range"}, {"tolerance", "out_of_range"}, {"immediate", "too_long"}}, problemsOf(t, o.Validate()))
}

func TestCrisisValidate(t *testing.T) {
	require.NoError(t, CrisisExamples().Validate())
	c := Crisis{
		Groups: []RegionGroup{{Code: "EU", Members: []string{"DE"}}, {Code: "EU", Members: []string{"fr"}}, {Code: "X"}},
		Resources: []contact.Resource{
			{ID: "a", Name: "A", Contact: "1", Region: "Earth", Checked: date("2026-11-24")},
			{ID: "a", Name: "A", Contact: "1", Checked: availability.Date{Year: 2026, Month: 13, Day: 1}},
		},
	}
	require.Equal(t, [][2]string{
		{"groups[1].code", "duplicate"}, {"groups[1].members[0]", "syntax"}, {"groups[2].code", "syntax"}, {"groups[2].members", "required"},
		{"resources[0].region", "syntax"}, {"resources[1].id", "duplicate"}, {"resources[1].checked", "invalid"},
	}, problemsOf(t, c.Validate()))
}

func TestHandoffValidate(t *testing.T) {
	require.Equal(t, [][2]string{{"from", "required"}, {"to", "required"}, {"date", "required"}}, problemsOf(t, Handoff{}.Validate()))
	require.NoError(t, Handoff{From: "a", To: "b", Date: testToday}.Validate())
}
