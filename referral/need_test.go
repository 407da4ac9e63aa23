package referral_test

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/fit"
	"github.com/practicekit/boundaries/referral"
)

// TestRoutesEveryNeedTheBanksEmit holds referral and fit to one vocabulary
// of needs: for every need a rule or band of the standard bank, the
// therapist's bank or the instruments can hand over, a directory whose
// provider offers that need, spelled as the bank spells it, matches a
// request that must have it.
func TestRoutesEveryNeedTheBanksEmit(t *testing.T) {
	banks := []fit.Screening{
		fit.Standard(fit.BankOptions{Fee: money.MustParse("EUR 80.00")}),
		fit.Therapist(fit.TherapistOptions{Fee: money.MustParse("USD 150.00"), SlidingScaleMin: money.MustParse("USD 90.00"),
			Exclusions: []string{fit.NeedEatingDisorderCare}, Specialties: []string{fit.NeedDepressionCare}}),
		fit.PHQ2(), fit.GAD2(),
	}
	var needs []string
	for _, bank := range banks {
		for _, r := range bank.Rules {
			needs = append(needs, r.Needs...)
		}
		for _, b := range bank.Bands {
			needs = append(needs, b.Needs...)
		}
	}
	slices.Sort(needs)
	needs = slices.Compact(needs)
	require.Subset(t, needs, []string{fit.NeedLifeCoaching, fit.NeedFitnessCoaching, fit.NeedNutritionCoaching, fit.NeedMindfulnessCoaching, fit.NeedCrisisSupport})
	require.Subset(t, needs, []string{fit.NeedDepressionCare, fit.NeedAnxietyCare, fit.NeedTraumaCare, fit.NeedCouplesTherapy, fit.NeedGriefCounseling,
		fit.NeedSubstanceUseCare, fit.NeedEatingDisorderCare, fit.NeedDomesticViolenceSupport, fit.NeedSlidingScale})

	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	confirmed := availability.MustParseDate("2026-11-20")
	for _, need := range needs {
		p := referral.Provider{ID: "p-" + need, Name: "Provider", Specialties: []string{need}, Modalities: place.Remote,
			Accepting: referral.Fact[bool]{Value: true, Confirmed: confirmed}}
		if need == fit.NeedSlidingScale {
			// A sliding scale is what a provider offers, not a specialty.
			p.Specialties, p.SlidingScale = nil, true
		}
		ix, err := referral.NewIndex(referral.Directory{Providers: []referral.Provider{p}})
		require.NoError(t, err, need)
		res, err := ix.Route(now, referral.Request{Needs: []referral.Need{{Tag: need, Must: true}}}, referral.Rotation{}, referral.Options{})
		require.NoError(t, err, need)
		require.Len(t, res.Matches, 1, "need %q matches no provider who offers it", need)
	}
}

// TestRemoteWays matches remote requests to providers by the way: a client
// who takes video calls only is not sent to a provider who works by phone
// only, and one who takes any remote session reaches both.
func TestRemoteWays(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	confirmed := availability.MustParseDate("2026-11-20")
	provider := func(id string, m place.Modality) referral.Provider {
		return referral.Provider{ID: id, Name: id, Professions: []string{"coach"}, Modalities: m, Accepting: referral.Fact[bool]{Value: true, Confirmed: confirmed}}
	}
	ix, err := referral.NewIndex(referral.Directory{Providers: []referral.Provider{provider("by-phone", place.Phone), provider("by-video", place.Video)}})
	require.NoError(t, err)
	for _, c := range []struct {
		want place.Modality
		ids  []string
	}{
		{place.Video, []string{"by-video"}},
		{place.Phone, []string{"by-phone"}},
		{place.Remote, []string{"by-phone", "by-video"}},
		{0, []string{"by-phone", "by-video"}},
	} {
		res, err := ix.Route(now, referral.Request{Modalities: c.want}, referral.Rotation{}, referral.Options{})
		require.NoError(t, err)
		var ids []string
		for _, m := range res.Matches {
			ids = append(ids, m.ID)
			require.True(t, m.Modalities.Overlaps(place.Remote))
		}
		slices.Sort(ids)
		require.Equal(t, c.ids, ids, "%v", c.want)
	}
}

// TestSlidingScaleNeed matches the need for a sliding scale to the
// providers who offer one, and to no one else, in routing and in its
// explanation.
func TestSlidingScaleNeed(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	accepting := referral.Fact[bool]{Value: true, Confirmed: availability.MustParseDate("2026-11-20")}
	d := referral.Directory{Providers: []referral.Provider{
		{ID: "fixed", Name: "Fixed fee", Specialties: []string{fit.NeedDepressionCare}, Modalities: place.Remote, Accepting: accepting},
		{ID: "sliding", Name: "Sliding scale", Specialties: []string{fit.NeedDepressionCare}, SlidingScale: true, Modalities: place.Remote, Accepting: accepting},
	}}
	ix, err := referral.NewIndex(d)
	require.NoError(t, err)
	req := referral.Request{Needs: []referral.Need{{Tag: fit.NeedDepressionCare, Must: true}, {Tag: fit.NeedSlidingScale, Must: true}}}
	res, err := ix.Route(now, req, referral.Rotation{}, referral.Options{})
	require.NoError(t, err)
	require.Len(t, res.Matches, 1)
	require.Equal(t, "sliding", res.Matches[0].ID)
	require.Equal(t, 1, res.Eligible)

	// Asked only to prefer a sliding scale, both match, the one with it first.
	req.Needs[1].Must = false
	res, err = ix.Route(now, req, referral.Rotation{}, referral.Options{})
	require.NoError(t, err)
	require.Len(t, res.Matches, 2)
	require.Equal(t, "sliding", res.Matches[0].ID)
}
