package referral

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/practicekit/boundaries/availability/contact"
	"github.com/practicekit/boundaries/availability/place"

	"github.com/stretchr/testify/require"
)

// satisfies reports whether provider p meets constraint c for request req,
// written from the documented rules independently of the index.
func satisfies(p Provider, req Request, c Constraint, withinKm float64) bool {
	switch c {
	case ConstraintNeeds:
		for _, n := range req.Needs {
			if n.Must && !slices.Contains(p.Professions, n.Tag) && !slices.Contains(p.Specialties, n.Tag) && !slices.Contains(p.Attributes, n.Tag) {
				return false
			}
		}
		return true
	case ConstraintLanguage:
		if req.Language == "" {
			return true
		}
		for _, l := range p.Languages {
			if primaryLanguage(l) == primaryLanguage(req.Language) {
				return true
			}
		}
		return false
	case ConstraintReach:
		if req.Location == nil && req.Modalities == 0 {
			return true
		}
		if (req.Modalities == 0 || req.Modalities.Has(place.Remote)) && p.Modalities.Has(place.Remote) {
			return true
		}
		if req.Location == nil || !(req.Modalities == 0 || req.Modalities.Has(place.InPerson)) || !p.Modalities.Has(place.InPerson) {
			return false
		}
		limit := withinKm
		if req.WithinKm > 0 {
			limit = req.WithinKm
		}
		d := req.Location.DistanceKm(*p.Location)
		return d <= limit && (p.RadiusKm == 0 || d <= p.RadiusKm)
	case ConstraintRegion:
		if req.Region == "" {
			return true
		}
		for _, r := range p.Regions {
			if r == req.Region || r == req.Region[:2] {
				return true
			}
		}
		return false
	case ConstraintAccepting:
		return p.Accepting.Value && (p.Capacity == nil || p.Capacity.Value > 0)
	case ConstraintBudget:
		if !req.Budget.IsValid() {
			return true
		}
		return p.Fees != nil && p.Fees.Min.Currency() == req.Budget.Currency() &&
			(p.Fees.Min.Minor() <= req.Budget.Minor() || p.SlidingScale)
	case ConstraintInsurance:
		return req.Insurance == "" || slices.Contains(p.Insurance, req.Insurance)
	}
	panic("unknown constraint")
}

// TestRouteProperties routes generated requests over generated directories
// and checks the promises: every match meets the hard constraints, excluded
// IDs never appear, the index agrees with a plain scan, the same inputs
// give the same output, and an emergency is never empty.
func TestRouteProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for round := range 12 {
		d := genDirectory(r, 300+r.IntN(900))
		ix, err := NewIndex(d)
		require.NoError(t, err)
		byID := map[string]Provider{}
		for _, p := range d.Providers {
			byID[p.ID] = p
		}
		state := Rotation{}
		for k := range 50 {
			req := genRequest(r, &d)
			opt := genOptions(r)
			res, err := ix.Route(testNow, req, state, opt)
			require.NoError(t, err, "round %d request %d", round, k)
			s := opt.settings()

			for _, m := range res.Matches {
				p := byID[m.ID]
				require.NotContains(t, req.Exclude, m.ID)
				for c := range s.hard.All() {
					require.True(t, satisfies(p, req, c, s.withinKm), "%s fails hard %s", m.ID, c)
				}
				require.GreaterOrEqual(t, m.Score, 0.0)
				require.LessOrEqual(t, m.Score, 1.0)
				if s.staleAction == StaleDrop {
					require.NotContains(t, reasonCodes(m.Reasons), CodeStale)
				}
			}
			require.LessOrEqual(t, len(res.Matches), s.limit)
			if s.maxPerPractice > 0 {
				per := map[string]int{}
				for _, m := range res.Matches {
					if m.Practice != "" {
						per[m.Practice]++
						require.LessOrEqual(t, per[m.Practice], s.maxPerPractice)
					}
				}
			}
			if req.Urgency == contact.Emergency {
				require.False(t, res.IsEmpty())
				require.NotEmpty(t, res.Crisis)
			}

			again, err := ix.Route(testNow, req, state, opt)
			require.NoError(t, err)
			require.Equal(t, res, again, "same inputs, same output")

			linear, err := ix.route(testNow, req, state, opt, selectLinear)
			require.NoError(t, err)
			require.Equal(t, ids(linear.Matches), ids(res.Matches), "index and scan disagree")
			require.Equal(t, linear.Matches, res.Matches)
			require.Equal(t, linear.Eligible, res.Eligible)
			require.Equal(t, linear.Rotation, res.Rotation)

			state = res.Rotation
		}
	}
}

// TestCountsRelaxed checks that a Count's Relaxed is what routing without
// that constraint finds eligible, when nothing matched.
func TestCountsRelaxed(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	checked := 0
	for range 400 {
		d := genDirectory(r, 200)
		ix, err := NewIndex(d)
		require.NoError(t, err)
		req := genRequest(r, &d)
		req.Urgency = contact.Routine
		opt := Options{Hard: Constraint(r.IntN(int(constraintEnd)))}
		res, err := ix.Route(testNow, req, Rotation{}, opt)
		require.NoError(t, err)
		if len(res.Matches) > 0 {
			require.Empty(t, res.Counts)
			continue
		}
		for _, c := range res.Counts {
			relaxed := opt
			relaxed.Hard = opt.settings().hard &^ c.Constraint
			if relaxed.Hard == 0 {
				continue // zero would mean the defaults
			}
			got, err := ix.Route(testNow, req, Rotation{}, relaxed)
			require.NoError(t, err)
			require.Equal(t, c.Relaxed, got.Eligible, "relaxing %s", c.Constraint)
			checked++
		}
	}
	require.Greater(t, checked, 50)
}
