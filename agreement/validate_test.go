package agreement_test

import (
	"errors"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

// problems returns "path code" for each problem of err.
func problems(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	require.ErrorIs(t, err, problem.ErrInvalid)
	var ps problem.List
	require.True(t, errors.As(err, &ps))
	var out []string
	for _, p := range ps {
		require.NotEmpty(t, p.Message)
		out = append(out, p.Path+" "+string(p.Code))
	}
	return out
}

func TestValidateStories(t *testing.T) {
	for _, c := range []struct {
		terms   agreement.Agreement
		profile agreement.Profile
	}{
		{therapyTerms(), agreement.Therapy},
		{consultingTerms(), agreement.Consulting},
		{coachingTerms(), agreement.Coaching},
	} {
		require.NoError(t, c.terms.Validate(), c.terms.ID)
		require.NoError(t, c.terms.ValidateFor(c.profile), c.terms.ID)
		require.NoError(t, c.terms.ValidateFor(agreement.General), c.terms.ID)
	}
}

func TestValidateInconsistencies(t *testing.T) {
	cases := []struct {
		name   string
		change func(a *agreement.Agreement)
		want   []string
	}{
		{"unsorted tiers", func(a *agreement.Agreement) {
			a.Cancellation.Tiers = []agreement.Tier{{Before: 48 * time.Hour, Share: 5000}, {Before: 24 * time.Hour, Share: 10000}}
		}, []string{"cancellation.tiers[1].before order"}},
		{"more notice costs more", func(a *agreement.Agreement) {
			a.Cancellation.Tiers = []agreement.Tier{{Before: 24 * time.Hour, Share: 5000}, {Before: 48 * time.Hour, Share: 10000}}
		}, []string{"cancellation.tiers[1].share conflict"}},
		{"share over 100%", func(a *agreement.Agreement) {
			a.Cancellation.Tiers[0].Share = 12000
			a.Lateness.NoShowShare = -1
		}, []string{"cancellation.tiers[0].share out_of_range", "lateness.no_show_share out_of_range"}},
		{"a tier without notice", func(a *agreement.Agreement) {
			a.Cancellation.Tiers[0].Before = 0
		}, []string{"cancellation.tiers[0].before out_of_range"}},
		{"a limit without a span", func(a *agreement.Agreement) {
			a.Cancellation.Limit = agreement.Limit{Count: 3}
		}, []string{"cancellation.limit.within out_of_range"}},
		{"wait limit as long as the session", func(a *agreement.Agreement) {
			a.Wait.Provider = agreement.WaitLimit{After: 50 * time.Minute, Note: true}
		}, []string{"wait.provider.after conflict"}},
		{"wait terms without a limit", func(a *agreement.Agreement) {
			a.Wait.Provider = agreement.WaitLimit{Share: 5000}
		}, []string{"wait.provider.after required"}},
		{"grace as long as the no-show threshold", func(a *agreement.Agreement) {
			a.Lateness.Grace = 25 * time.Minute
		}, []string{"lateness.grace conflict"}},
		{"grace as long as the session", func(a *agreement.Agreement) {
			a.Lateness = agreement.Lateness{Grace: time.Hour}
		}, []string{"lateness.grace conflict"}},
		{"mixed currencies", func(a *agreement.Agreement) {
			a.Payment.LateFee = amount("EUR 15.00")
			a.Fees.Packages[0].Price = amount("GBP 340.00")
			a.Obligations.Ladder[1].Fee = amount("JPY 3000")
		}, []string{"fees.packages[0].price mismatch", "payment.late_fee mismatch", "obligations.ladder[1].fee mismatch"}},
		{"negative and missing amounts", func(a *agreement.Agreement) {
			a.Fees.Packages = append(a.Fees.Packages, agreement.Package{Sessions: 0})
			a.Fees.SlidingScale.Min = usd("USD 130.00")
		}, []string{"fees.packages[1].sessions out_of_range", "fees.packages[1].price required", "fees.sliding_scale.min conflict"}},
		{"parties", func(a *agreement.Agreement) {
			a.ID, a.Version = "", 0
			a.Parties = []agreement.Party{{Role: "friend", Name: ""}}
		}, []string{"id required", "version out_of_range", "parties[0].role invalid", "parties[0].name required", "parties required", "parties required"}},
		{"boundaries", func(a *agreement.Agreement) {
			a.Boundaries = append(a.Boundaries,
				agreement.Boundary{Kind: agreement.Romantic, Text: "again", Severity: agreement.Minor, Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceNote}}},
				agreement.Boundary{Kind: "Bad Kind", Text: "x", Severity: agreement.Minor, Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceNote}}},
				agreement.Boundary{Kind: "late_night_calls", Ladder: agreement.Ladder{
					{Consequence: agreement.ConsequenceTermination}, {Consequence: agreement.ConsequenceFee}, {Consequence: agreement.ConsequenceNote, Fee: usd("USD 5.00")},
				}},
			)
		}, []string{
			"boundaries.romantic duplicate",
			"boundaries[7].kind invalid",
			"boundaries.late_night_calls.text required",
			"boundaries.late_night_calls.severity invalid",
			"boundaries.late_night_calls.ladder[0] conflict",
			"boundaries.late_night_calls.ladder[1].fee required",
			"boundaries.late_night_calls.ladder[2].fee conflict",
		}},
		{"obligations and grounds", func(a *agreement.Agreement) {
			a.Obligations.Client = append(a.Obligations.Client, agreement.Obligation{Key: "deadlines"}, agreement.Obligation{Key: "", Text: "x"})
			a.Termination.Grounds = append(a.Termination.Grounds, agreement.Ground{Key: "threats", Text: "again"})
			a.Termination.NonRefundable = 10001
			a.Termination.Refund = "half"
		}, []string{
			"termination.grounds.threats duplicate",
			"termination.refund invalid",
			"termination.non_refundable out_of_range",
			"obligations.client.deadlines duplicate",
			"obligations.client.deadlines.text required",
			"obligations.client[4].key invalid",
		}},
		{"communication", func(a *agreement.Agreement) {
			a.Communication.Channels = append(a.Communication.Channels, contact.ChannelEmail)
		}, []string{"communication.channels[3] duplicate"}},
		{"business-hour targets without hours", func(a *agreement.Agreement) {
			a.Communication.Hours = availability.Schedule{}
		}, []string{
			"communication.policy.targets[1].basis conflict",
			"communication.policy.targets[2].basis conflict",
			"communication.policy.targets[3].basis conflict",
		}},
		{"shares of a fee that is not set", func(a *agreement.Agreement) {
			a.Fees = agreement.Fees{}
		}, []string{"fees.session required", "fees.session required"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := therapyTerms()
			c.change(&a)
			require.Equal(t, c.want, problems(t, a.Validate()))
		})
	}
}

// TestValidateExtremeDurations: the most negative duration, which JSON can
// carry ("-2562047h47m16.854775808s"), is reported like any negative one,
// and listing the clauses of such an agreement does not fail either.
func TestValidateExtremeDurations(t *testing.T) {
	const least = time.Duration(math.MinInt64)
	a := therapyTerms()
	a.Cancellation.Tiers = append(a.Cancellation.Tiers, agreement.Tier{Before: least, Share: 100})
	a.Cancellation.Limit.Within = least
	a.Wait.Provider.After = least
	a.ForceMajeure.NoticeWithin = least
	require.Equal(t, []string{
		"cancellation.tiers[2].before out_of_range",
		"cancellation.tiers[2].before order",
		"cancellation.limit.within out_of_range",
		"wait.provider.after negative",
		"force_majeure.notice_within negative",
	}, problems(t, a.Validate()))
	n := 0
	for range a.Clauses() {
		n++
	}
	require.Positive(t, n)
}

func TestValidateForProfiles(t *testing.T) {
	bare := agreement.Agreement{
		ID: "bare", Version: 1,
		Parties: []agreement.Party{{Role: agreement.RoleProvider, Name: "P"}, {Role: agreement.RoleClient, Name: "C"}},
		Fees:    agreement.Fees{Session: usd("USD 100.00")},
	}
	require.Equal(t, []string{"scope missing", "payment missing", "cancellation missing", "termination missing"},
		problems(t, bare.ValidateFor(agreement.General)))

	got := problems(t, bare.ValidateFor(agreement.Coaching))
	require.Equal(t, []string{
		"scope missing", "payment missing", "cancellation missing", "termination missing",
		"scope.nature missing", "scope.out missing", "obligations.provider missing", "obligations.client missing",
		"confidentiality.promise missing", "confidentiality.exceptions missing", "cancellation.tiers missing",
		"termination.refund missing", "boundaries.romantic missing",
	}, got)

	got = problems(t, bare.ValidateFor(agreement.Therapy))
	require.Equal(t, []string{
		"scope missing", "payment missing", "cancellation missing", "termination missing",
		"scope.nature missing", "scope.course missing", "confidentiality.third_parties missing", "confidentiality.exceptions missing",
		"obligations.provider missing", "obligations.client missing", "payment.late_fee missing",
		"boundaries.romantic missing", "boundaries.dual_relationship missing", "boundaries.social_media missing",
		"communication missing", "emergency missing", "termination.notice missing",
	}, got)

	got = problems(t, bare.ValidateFor(agreement.Consulting))
	require.Equal(t, []string{
		"scope missing", "payment missing", "cancellation missing", "termination missing",
		"scope.in missing", "scope.out missing", "provider_cancellation missing", "confidentiality.promise missing",
	}, got)

	require.Equal(t, []string{" invalid"}, problems(t, therapyTerms().ValidateFor("astrology")))

	// The coaching agreement misses what therapy expects.
	got = problems(t, coachingTerms().ValidateFor(agreement.Therapy))
	require.Equal(t, []string{
		"confidentiality.third_parties missing",
		"payment.late_fee missing", "boundaries.dual_relationship missing", "boundaries.social_media missing",
		"emergency missing",
	}, got)
}

// TestTherapyThirdParties: the therapy checklist expects the involvement of
// third parties that APA 10.01(a) asks therapists to explain, and says
// where it goes.
func TestTherapyThirdParties(t *testing.T) {
	for _, c := range []struct {
		name         string
		thirdParties []string
		validate     []string
		therapy      []string
	}{
		{"listed", []string{"the client's insurer receives dates of service and a diagnosis code"}, nil, nil},
		{"nobody, said so", []string{"no one, as fees are paid privately and no insurer or supervisor takes part"}, nil, nil},
		{"not said", nil, nil, []string{"confidentiality.third_parties missing"}},
		{"an empty item", []string{""}, []string{"confidentiality.third_parties[0] required"}, []string{"confidentiality.third_parties[0] required"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := therapyTerms()
			a.Confidentiality.ThirdParties = c.thirdParties
			require.Equal(t, c.validate, problems(t, a.Validate()))
			require.Equal(t, c.therapy, problems(t, a.ValidateFor(agreement.Therapy)))
		})
	}
	var found bool
	for e := range agreement.Therapy.Elements() {
		if e.Clause == "confidentiality.third_parties" {
			found = true
			require.Equal(t, "APA Ethics Code 10.01(a)", e.Source)
			require.Equal(t, "the involvement of third parties, such as an insurer, a supervisor or a sponsor, or that there is none", e.Requirement)
		}
	}
	require.True(t, found)
}

// TestValidateNestsAvailability: problems of the hours and the response
// policy are reported under their clause, with availability's codes and
// messages.
func TestValidateNestsAvailability(t *testing.T) {
	a := therapyTerms()
	a.Communication.Policy.Targets[0].Within = 0
	a.Communication.Hours.Hours[0].Days = 0
	var want []string
	for prefix, err := range map[string]error{"communication.hours.": a.Communication.Hours.Validate(), "communication.policy.": a.Communication.Policy.Validate()} {
		require.Error(t, err)
		for line := range strings.Lines(err.Error()) {
			want = append(want, prefix+strings.TrimSuffix(line, "\n"))
		}
	}
	slices.Sort(want)
	require.Len(t, want, 2)
	err := a.Validate()
	problems(t, err)
	got := strings.Split(err.Error(), "\n")
	slices.Sort(got)
	require.Equal(t, want, got)
}

func TestProfileElements(t *testing.T) {
	for _, p := range []agreement.Profile{agreement.General, agreement.Consulting, agreement.Coaching, agreement.Therapy} {
		els := slices.Collect(p.Elements())
		require.NotEmpty(t, els)
		for _, e := range els {
			require.NotEmpty(t, e.Clause)
			require.NotEmpty(t, e.Requirement)
			require.NotEmpty(t, e.Source)
		}
		parsed, err := agreement.ParseProfile(string(p))
		require.NoError(t, err)
		require.Equal(t, p, parsed)
	}
	var sources []string
	for e := range agreement.Therapy.Elements() {
		sources = append(sources, e.Source)
	}
	require.Contains(t, sources, "APA Ethics Code 10.01(a)")
	require.Contains(t, sources, "ACA Code of Ethics A.2.a")
	require.Empty(t, slices.Collect(agreement.Profile("x").Elements()))
	_, err := agreement.ParseProfile("x")
	require.ErrorIs(t, err, agreement.ErrProfile)
}

// TestValidateLongListsInLinearTime: keys and kinds are checked for
// duplicates in time that grows with the length of their lists, not with
// its square. An agreement of 40,000 obligations (well within the
// decoder's limits) took 1.7 s to validate, and every rendering validates
// again.
func TestValidateLongListsInLinearTime(t *testing.T) {
	grow := map[string]func(a *agreement.Agreement, n int){
		"boundaries": func(a *agreement.Agreement, n int) {
			for i := range n {
				a.Boundaries = append(a.Boundaries, agreement.Boundary{Kind: agreement.BoundaryKind("kind_" + strconv.Itoa(i)), Text: "t", Severity: agreement.Minor, Ladder: agreement.Ladder{{Consequence: agreement.ConsequenceNote}}})
			}
		},
		"grounds": func(a *agreement.Agreement, n int) {
			for i := range n {
				a.Termination.Grounds = append(a.Termination.Grounds, agreement.Ground{Key: "ground_" + strconv.Itoa(i), Text: "t"})
			}
		},
		"obligations": func(a *agreement.Agreement, n int) {
			for i := range n {
				a.Obligations.Client = append(a.Obligations.Client, agreement.Obligation{Key: "duty_" + strconv.Itoa(i), Text: "t"})
			}
		},
		"channels": func(a *agreement.Agreement, n int) {
			for i := range n {
				a.Communication.Channels = append(a.Communication.Channels, contact.Channel("channel_"+strconv.Itoa(i)))
			}
		},
	}
	// fastest returns the shortest of five validations of the therapy
	// agreement grown by n elements, each after a collection, so that
	// neither the collector nor a busy machine decides the ratio.
	fastest := func(name string, n int) time.Duration {
		a := therapyTerms()
		grow[name](&a, n)
		best := time.Duration(math.MaxInt64)
		for range 5 {
			runtime.GC()
			start := time.Now()
			require.NoError(t, a.Validate())
			best = min(best, time.Since(start))
		}
		return best
	}
	for name := range grow {
		small, large := fastest(name, 4_000), fastest(name, 64_000)
		// Linear time gives a ratio of 16, somewhat more as the large list
		// outgrows the caches; quadratic time gives 256.
		require.Less(t, float64(large)/float64(small), 128.0, "%s: %v for 4,000, %v for 64,000", name, small, large)
	}
	// Duplicates are still found, each once, at the later element.
	a := therapyTerms()
	grow["boundaries"](&a, 100)
	a.Boundaries = append(a.Boundaries, a.Boundaries[50], a.Boundaries[0])
	a.Termination.Grounds = append(a.Termination.Grounds, a.Termination.Grounds[1])
	a.Obligations.Client = append(a.Obligations.Client, a.Obligations.Client[0])
	a.Communication.Channels = append(a.Communication.Channels, contact.ChannelEmail)
	require.Equal(t, []string{
		"communication.channels[3] duplicate",
		"boundaries.kind_44 duplicate", "boundaries.romantic duplicate",
		"termination.grounds.nonpayment duplicate",
		"obligations.client.deadlines duplicate",
	}, problems(t, a.Validate()))
}
