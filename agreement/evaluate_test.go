package agreement_test

import (
	"errors"
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability/problem"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement"
)

func TestEvaluate(t *testing.T) {
	at := clock(t, "America/New_York")
	session := at("2026-03-09 10:00")
	cases := []struct {
		name     string
		terms    func() agreement.Agreement
		ev       agreement.Event
		codes    []agreement.Code
		clause   agreement.ClauseID // of the first reason
		charges  []string
		refunds  []string
		actions  []agreement.ActionCode
		breaches []agreement.ClauseID
	}{
		{
			name:  "cancellation with 48 hours of notice across the DST change is free",
			terms: therapyTerms,
			ev:    agreement.Event{Kind: agreement.EventCancellation, At: at("2026-03-07 09:00"), Session: session},
			codes: []agreement.Code{agreement.CodeFreeCancellation}, clause: agreement.ClauseCancellation,
		},
		{
			name:    "the same wall-clock time two days ahead is only 47 hours across the DST change",
			terms:   therapyTerms,
			ev:      agreement.Event{Kind: agreement.EventCancellation, At: at("2026-03-07 10:00"), Session: session},
			codes:   []agreement.Code{agreement.CodeLateCancellation, agreement.CodeLadder},
			clause:  "cancellation.tiers[1]",
			charges: []string{"cancellation.tiers[1] USD 60.00"}, actions: []agreement.ActionCode{agreement.ActNote},
			breaches: []agreement.ClauseID{"cancellation.tiers[1]"},
		},
		{
			name:    "cancellation with a day and a half costs half",
			terms:   therapyTerms,
			ev:      agreement.Event{Kind: agreement.EventCancellation, At: at("2026-03-07 22:00"), Session: session},
			codes:   []agreement.Code{agreement.CodeLateCancellation, agreement.CodeLadder},
			clause:  "cancellation.tiers[1]",
			charges: []string{"cancellation.tiers[1] USD 60.00"}, actions: []agreement.ActionCode{agreement.ActNote},
			breaches: []agreement.ClauseID{"cancellation.tiers[1]"},
		},
		{
			name:    "cancellation at exactly 24 hours falls in the second tier",
			terms:   therapyTerms,
			ev:      agreement.Event{Kind: agreement.EventCancellation, At: at("2026-03-08 10:00"), Session: session},
			codes:   []agreement.Code{agreement.CodeLateCancellation, agreement.CodeLadder},
			clause:  "cancellation.tiers[1]",
			charges: []string{"cancellation.tiers[1] USD 60.00"}, actions: []agreement.ActionCode{agreement.ActNote},
			breaches: []agreement.ClauseID{"cancellation.tiers[1]"},
		},
		{
			name:    "cancellation after the start is a no-show",
			terms:   therapyTerms,
			ev:      agreement.Event{Kind: agreement.EventCancellation, At: at("2026-03-09 10:05"), Session: session},
			codes:   []agreement.Code{agreement.CodeNoShow, agreement.CodeLadder},
			clause:  agreement.ClauseLatenessNoShowShare,
			charges: []string{"lateness.no_show_share USD 120.00"}, actions: []agreement.ActionCode{agreement.ActNote},
			breaches: []agreement.ClauseID{agreement.ClauseLatenessNoShowShare},
		},
		{
			name: "cancellation at the start without a no-show fee pays the first tier",
			terms: func() agreement.Agreement {
				a := therapyTerms()
				a.Lateness.NoShowShare = 0
				return a
			},
			ev:      agreement.Event{Kind: agreement.EventCancellation, At: session, Session: session},
			codes:   []agreement.Code{agreement.CodeLateCancellation, agreement.CodeLadder},
			clause:  "cancellation.tiers[0]",
			charges: []string{"cancellation.tiers[0] USD 120.00"}, actions: []agreement.ActionCode{agreement.ActNote},
			breaches: []agreement.ClauseID{"cancellation.tiers[0]"},
		},
		{
			name:    "the provider cancels late and offers a choice",
			terms:   therapyTerms,
			ev:      agreement.Event{Kind: agreement.EventCancellation, By: agreement.RoleProvider, At: at("2026-03-08 10:00"), Session: session},
			codes:   []agreement.Code{agreement.CodeProviderCancelled, agreement.CodeShortNotice},
			clause:  agreement.ClauseProviderCancellation,
			actions: []agreement.ActionCode{agreement.ActOfferChoice}, breaches: []agreement.ClauseID{agreement.ClauseProviderNotice},
		},
		{
			name: "the provider cancels a paid session under a refund remedy",
			terms: func() agreement.Agreement {
				a := therapyTerms()
				a.ProviderCancellation.Remedy = agreement.RemedyRefund
				return a
			},
			ev:      agreement.Event{Kind: agreement.EventCancellation, By: agreement.RoleProvider, At: at("2026-03-01 10:00"), Session: session, Amount: usd("USD 113.34")},
			codes:   []agreement.Code{agreement.CodeProviderCancelled, agreement.CodeRefund},
			clause:  agreement.ClauseProviderCancellation,
			refunds: []string{"provider_cancellation.remedy USD 113.34"},
		},
		{
			name: "on time", terms: therapyTerms,
			ev:    agreement.Event{Kind: agreement.EventArrival, At: session, Session: session},
			codes: []agreement.Code{agreement.CodeOnTime}, clause: agreement.ClauseLateness,
		},
		{
			name: "ten minutes late is the end of the grace period", terms: therapyTerms,
			ev:    agreement.Event{Kind: agreement.EventArrival, At: at("2026-03-09 10:10"), Session: session},
			codes: []agreement.Code{agreement.CodeWithinGrace}, clause: agreement.ClauseLatenessGrace,
			actions: []agreement.ActionCode{agreement.ActEndOnTime},
		},
		{
			name: "twenty-five minutes late is a no-show", terms: therapyTerms,
			ev:      agreement.Event{Kind: agreement.EventArrival, At: at("2026-03-09 10:25"), Session: session},
			codes:   []agreement.Code{agreement.CodeNoShow, agreement.CodeNoShow, agreement.CodeLadder},
			clause:  agreement.ClauseLatenessNoShow,
			charges: []string{"lateness.no_show_share USD 120.00"}, actions: []agreement.ActionCode{agreement.ActNote},
			breaches: []agreement.ClauseID{agreement.ClauseLatenessNoShowShare},
		},
		{
			name: "no-show", terms: therapyTerms,
			ev:      agreement.Event{Kind: agreement.EventNoShow, At: at("2026-03-09 11:00"), Session: session},
			codes:   []agreement.Code{agreement.CodeNoShow, agreement.CodeLadder},
			clause:  agreement.ClauseLatenessNoShowShare,
			charges: []string{"lateness.no_show_share USD 120.00"}, actions: []agreement.ActionCode{agreement.ActNote},
			breaches: []agreement.ClauseID{agreement.ClauseLatenessNoShowShare},
		},
		{
			name: "no wait limit", terms: therapyTerms,
			ev:    agreement.Event{Kind: agreement.EventWait, At: at("2026-03-09 10:40"), Session: session},
			codes: []agreement.Code{agreement.CodeNoWaitLimit}, clause: agreement.ClauseWait,
		},
		{
			name: "an emergency at night is never a breach", terms: therapyTerms,
			ev:     agreement.Event{Kind: agreement.EventContact, At: at("2026-03-08 03:00"), Channel: contact.ChannelText, Urgency: contact.Emergency},
			codes:  []agreement.Code{agreement.CodeEmergency},
			clause: agreement.ClauseEmergency,
			actions: []agreement.ActionCode{agreement.ActRespondBy, agreement.ActOffer, agreement.ActOffer,
				agreement.ActOffer, agreement.ActOffer, agreement.ActOffer},
		},
		{
			name: "a text message is off the agreed channels", terms: therapyTerms,
			ev:       agreement.Event{Kind: agreement.EventContact, At: at("2026-03-09 12:00"), Channel: contact.ChannelText, Urgency: contact.Routine},
			codes:    []agreement.Code{agreement.CodeOffChannel, agreement.CodeLadder},
			clause:   agreement.ClauseCommunicationChannel,
			actions:  []agreement.ActionCode{agreement.ActRespondBy, agreement.ActNote},
			breaches: []agreement.ClauseID{agreement.ClauseCommunicationChannel},
		},
		{
			name: "an urgent email is off the policy's channels", terms: therapyTerms,
			ev:       agreement.Event{Kind: agreement.EventContact, At: at("2026-03-09 12:00"), Channel: contact.ChannelEmail, Urgency: contact.Urgent},
			codes:    []agreement.Code{agreement.CodeOffPolicy, agreement.CodeLadder},
			clause:   agreement.ClauseCommunicationPolicy,
			actions:  []agreement.ActionCode{agreement.ActRespondBy, agreement.ActNote},
			breaches: []agreement.ClauseID{agreement.ClauseCommunicationPolicy},
		},
		{
			name: "a boundary the agreement does not set", terms: consultingTerms,
			ev:    agreement.Event{Kind: agreement.EventBoundary, At: session, Boundary: agreement.Gifts},
			codes: []agreement.Code{agreement.CodeNoClause}, clause: agreement.ClauseBoundaries,
		},
		{
			name: "a romantic advance outside the session", terms: therapyTerms,
			ev:       agreement.Event{Kind: agreement.EventBoundary, At: session, Boundary: agreement.Romantic},
			codes:    []agreement.Code{agreement.CodeBoundaryCrossed, agreement.CodeLadder},
			clause:   "boundaries.romantic",
			actions:  []agreement.ActionCode{agreement.ActWarn},
			breaches: []agreement.ClauseID{"boundaries.romantic"},
		},
		{
			name: "the provider crossing a boundary is the provider's breach", terms: therapyTerms,
			ev:       agreement.Event{Kind: agreement.EventBoundary, By: agreement.RoleProvider, At: session, Boundary: agreement.DualRelationship},
			codes:    []agreement.Code{agreement.CodeBoundaryCrossed},
			clause:   "boundaries.dual_relationship",
			breaches: []agreement.ClauseID{"boundaries.dual_relationship"},
		},
		{
			name: "force majeure notified too late counts as a cancellation", terms: therapyTerms,
			ev:      agreement.Event{Kind: agreement.EventForceMajeure, At: at("2026-03-09 08:00"), Occurred: at("2026-03-07 20:00"), Session: session},
			codes:   []agreement.Code{agreement.CodeLateNotice, agreement.CodeLateCancellation, agreement.CodeLadder},
			clause:  agreement.ClauseForceMajeureNotice,
			charges: []string{"cancellation.tiers[0] USD 120.00"}, actions: []agreement.ActionCode{agreement.ActNote},
			breaches: []agreement.ClauseID{"cancellation.tiers[0]"},
		},
		{
			name: "the provider's force majeure in time", terms: therapyTerms,
			ev:      agreement.Event{Kind: agreement.EventForceMajeure, By: agreement.RoleProvider, At: at("2026-03-09 08:00"), Occurred: at("2026-03-09 07:00"), Session: session},
			codes:   []agreement.Code{agreement.CodeForceMajeure},
			clause:  agreement.ClauseForceMajeureNotice,
			actions: []agreement.ActionCode{agreement.ActOfferChoice},
		},
		{
			name: "a payment within the grace period", terms: therapyTerms,
			ev:    agreement.Event{Kind: agreement.EventLatePayment, At: at("2026-03-18 10:00"), Due: at("2026-03-16 10:00")},
			codes: []agreement.Code{agreement.CodePaymentInGrace}, clause: agreement.ClausePaymentGrace,
		},
		{
			name: "a late payment", terms: therapyTerms,
			ev:      agreement.Event{Kind: agreement.EventLatePayment, At: at("2026-03-20 10:00"), Due: at("2026-03-16 10:00")},
			codes:   []agreement.Code{agreement.CodeLatePayment, agreement.CodeLatePayment, agreement.CodeLadder},
			clause:  agreement.ClausePaymentWithin,
			charges: []string{"payment.late_fee USD 15.00"}, actions: []agreement.ActionCode{agreement.ActNote},
			breaches: []agreement.ClauseID{agreement.ClausePaymentWithin},
		},
		{
			name: "a session alone is charged the session fee", terms: therapyTerms,
			ev:      agreement.Event{Kind: agreement.EventSession, At: session},
			codes:   []agreement.Code{agreement.CodeSessionCharged},
			clause:  agreement.ClauseFeesSession,
			charges: []string{"fees.session USD 120.00"},
		},
		{
			name: "a package payment", terms: therapyTerms,
			ev:    agreement.Event{Kind: agreement.EventPayment, At: session, Amount: usd("USD 340.00"), Sessions: 3},
			codes: []agreement.Code{agreement.CodePackage}, clause: agreement.ClauseFeesPackages,
		},
		{
			name: "the client ends the engagement with immediate effect", terms: therapyTerms,
			ev:      agreement.Event{Kind: agreement.EventTermination, At: session},
			codes:   []agreement.Code{agreement.CodeTerminated},
			clause:  "termination.notice.client",
			actions: []agreement.ActionCode{agreement.ActTerminate},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o, err := agreement.Evaluate(c.terms(), c.ev)
			require.NoError(t, err)
			require.Equal(t, c.ev.Kind, o.Event)
			require.True(t, c.ev.At.Equal(o.At))
			require.Equal(t, c.codes, codes(o))
			require.Equal(t, c.clause, o.Reasons[0].Clause)
			require.Equal(t, c.charges, lines(o.Charges))
			require.Equal(t, c.refunds, lines(o.Refunds))
			require.Equal(t, c.actions, actions(o))
			var breaches []agreement.ClauseID
			for _, b := range o.Breaches {
				breaches = append(breaches, b.Clause)
				require.Equal(t, 1, b.Count)
			}
			require.Equal(t, c.breaches, breaches)
			for _, r := range o.Reasons {
				require.NotEmpty(t, r.Message)
			}
		})
	}
}

func TestEvaluateProviderTerminationNotice(t *testing.T) {
	at := clock(t, "America/New_York")
	o, err := agreement.Evaluate(therapyTerms(), agreement.Event{Kind: agreement.EventTermination, By: agreement.RoleProvider, At: at("2026-03-09 10:00")})
	require.NoError(t, err)
	require.Equal(t, agreement.ClauseID("termination.notice.provider"), o.Actions[0].Clause)
	require.True(t, at("2026-03-23 10:00").Equal(o.Actions[0].At), "14 days of notice, across the DST change of 8 March")

	// A right from the ladder cannot be invoked by a single evaluation:
	// nothing happened before it.
	o, err = agreement.Evaluate(therapyTerms(), agreement.Event{Kind: agreement.EventTermination, By: agreement.RoleProvider, At: at("2026-03-09 10:00"), Ground: "obligations.ladder[3]"})
	require.NoError(t, err)
	require.Equal(t, []agreement.Code{agreement.CodeUnknownGround, agreement.CodeTerminated}, codes(o))
}

func TestEvaluateInvalidEvent(t *testing.T) {
	at := clock(t, "America/New_York")
	cases := []struct {
		ev    agreement.Event
		paths []string
	}{
		{agreement.Event{Kind: agreement.EventCancellation}, []string{"at", "session"}},
		{agreement.Event{Kind: "teleport", At: at("2026-03-09 10:00")}, []string{"kind"}},
		{agreement.Event{Kind: agreement.EventBoundary, At: at("2026-03-09 10:00"), By: agreement.RoleSponsor}, []string{"by", "boundary"}},
		{agreement.Event{Kind: agreement.EventForceMajeure, At: at("2026-03-09 10:00")}, []string{"session", "occurred"}},
		{agreement.Event{Kind: agreement.EventLatePayment, At: at("2026-03-09 10:00")}, []string{"due"}},
		{agreement.Event{Kind: agreement.EventTermination, At: at("2026-03-09 10:00"), Sessions: 2, Used: 3}, []string{"used", "amount"}},
		{agreement.Event{Kind: agreement.EventPayment, At: at("2026-03-09 10:00"), Amount: usd("USD -5.00")}, []string{"amount"}},
		{agreement.Event{Kind: agreement.EventPayment, At: at("2026-03-09 10:00"), Amount: usd("USD 5.00"), Sessions: money.MaxParts + 1}, []string{"sessions"}},
		{agreement.Event{Kind: agreement.EventTermination, At: at("2026-03-09 10:00"), Amount: usd("USD 5.00"), Sessions: money.MaxParts + 1}, []string{"sessions"}},
		{agreement.Event{Kind: agreement.EventContact, At: at("2026-03-09 10:00"), Urgency: 7}, []string{"urgency"}},
	}
	for _, c := range cases {
		_, err := agreement.Evaluate(therapyTerms(), c.ev)
		require.ErrorIs(t, err, problem.ErrInvalid)
		var ps problem.List
		require.True(t, errors.As(err, &ps))
		var paths []string
		for _, p := range ps {
			paths = append(paths, p.Path)
		}
		require.Equal(t, c.paths, paths, "%+v", c.ev)
	}
}

// TestEvaluateAfterHoursInTheProvidersZone: a contact given in UTC is
// after hours in the provider's zone, and the reason says when there.
func TestEvaluateAfterHoursInTheProvidersZone(t *testing.T) {
	ev := agreement.Event{Kind: agreement.EventContact, At: time.Date(2026, 3, 23, 3, 10, 0, 0, time.UTC), Channel: contact.ChannelEmail}
	o, err := agreement.Evaluate(therapyTerms(), ev)
	require.NoError(t, err)
	require.Equal(t, agreement.CodeOffPolicy, o.Reasons[0].Code)
	require.Equal(t, "A routine contact after hours, at Sun 22 Mar 2026 23:10 EDT.", o.Reasons[0].Message)
}

// TestEvaluateIsPure checks that evaluating the same event twice gives
// the same outcome, and that the terms are not changed.
func TestEvaluateIsPure(t *testing.T) {
	at := clock(t, "America/New_York")
	terms := therapyTerms()
	before, err := terms.Fingerprint()
	require.NoError(t, err)
	ev := agreement.Event{Kind: agreement.EventArrival, At: at("2026-03-09 10:15"), Session: at("2026-03-09 10:00")}
	a, err := agreement.Evaluate(terms, ev)
	require.NoError(t, err)
	b, err := agreement.Evaluate(terms, ev)
	require.NoError(t, err)
	require.Equal(t, a, b)
	after, err := terms.Fingerprint()
	require.NoError(t, err)
	require.Equal(t, before, after)
}

// TestEvaluateJPY checks shares in a currency without minor units: half
// of JPY 5001 rounds half to even.
func TestEvaluateJPY(t *testing.T) {
	at := clock(t, "Asia/Tokyo")
	terms := therapyTerms()
	terms.Fees = agreement.Fees{Session: amount("JPY 5001")}
	terms.Payment.LateFee = amount("JPY 500")
	terms.Obligations.Ladder[1].Fee = amount("JPY 1000")
	require.NoError(t, terms.Validate())
	o, err := agreement.Evaluate(terms, agreement.Event{Kind: agreement.EventCancellation, At: at("2026-03-08 00:00"), Session: at("2026-03-09 10:00")})
	require.NoError(t, err)
	require.Equal(t, []string{"cancellation.tiers[1] JPY 2500"}, lines(o.Charges))
}

// TestEveryCitedClauseIsRendered checks that every clause an outcome cites
// is in the rendered agreement, itself or through the clause it belongs to.
func TestEveryCitedClauseIsRendered(t *testing.T) {
	at := clock(t, "America/New_York")
	terms := therapyTerms()
	ids := map[agreement.ClauseID]bool{}
	for c := range terms.Clauses() {
		ids[c.ID] = true
	}
	rendered := func(id agreement.ClauseID) bool {
		for s := string(id); s != ""; {
			if ids[agreement.ClauseID(s)] {
				return true
			}
			i := max(lastIndexAny(s, ".["), 0)
			s = s[:i]
		}
		return false
	}
	events := []agreement.Event{
		{Kind: agreement.EventCancellation, At: at("2026-03-08 20:00"), Session: at("2026-03-09 10:00")},
		{Kind: agreement.EventArrival, At: at("2026-03-16 10:15"), Session: at("2026-03-16 10:00")},
		{Kind: agreement.EventContact, At: at("2026-03-22 23:10"), Channel: contact.ChannelEmail},
		{Kind: agreement.EventBoundary, At: at("2026-03-23 10:00"), Boundary: agreement.Romantic},
		{Kind: agreement.EventLatePayment, At: at("2026-03-30 09:00"), Due: at("2026-03-23 10:00")},
		{Kind: agreement.EventTermination, At: at("2026-04-02 09:00"), By: agreement.RoleProvider, Ground: "threats"},
	}
	outs, _, err := agreement.Timeline(terms, events, at("2026-05-01 00:00"))
	require.NoError(t, err)
	for _, o := range outs {
		for _, r := range o.Reasons {
			require.True(t, rendered(r.Clause), "reason cites %s", r.Clause)
		}
		for _, b := range o.Breaches {
			require.True(t, rendered(b.Clause), "breach cites %s", b.Clause)
		}
		for _, a := range o.Actions {
			require.True(t, rendered(a.Clause), "action cites %s", a.Clause)
		}
	}
}

func lastIndexAny(s, chars string) int {
	for i := len(s) - 1; i >= 0; i-- {
		for j := 0; j < len(chars); j++ {
			if s[i] == chars[j] {
				return i
			}
		}
	}
	return -1
}

// TestEvaluateInvalidTerms: terms that NewLedger refuses make Evaluate
// fail with the same problems, rather than charge what they would.
func TestEvaluateInvalidTerms(t *testing.T) {
	at := clock(t, "America/New_York")
	session := at("2026-03-09 10:00")
	cancel := agreement.Event{Kind: agreement.EventCancellation, At: at("2026-03-09 00:00"), Session: session}
	cases := []struct {
		name   string
		change func(a *agreement.Agreement)
		ev     agreement.Event
		want   []string
	}{
		{"a tier charges twice the fee", func(a *agreement.Agreement) {
			a.Cancellation.Tiers[0].Share = 20000
		}, cancel, []string{"cancellation.tiers[0].share out_of_range"}},
		{"unsorted tiers would charge 50% where 100% applies", func(a *agreement.Agreement) {
			a.Cancellation.Tiers = []agreement.Tier{{Before: 48 * time.Hour, Share: 5000}, {Before: 24 * time.Hour, Share: 10000}}
		}, cancel, []string{"cancellation.tiers[1].before order"}},
		{"a late fee in euros in a dollar agreement", func(a *agreement.Agreement) {
			a.Payment.LateFee = amount("EUR 15.00")
		}, agreement.Event{Kind: agreement.EventLatePayment, At: at("2026-03-30 09:00"), Due: at("2026-03-23 10:00")},
			[]string{"payment.late_fee mismatch"}},
		{"a negative late fee", func(a *agreement.Agreement) {
			a.Payment.LateFee = usd("USD -15.00")
		}, agreement.Event{Kind: agreement.EventLatePayment, At: at("2026-03-30 09:00"), Due: at("2026-03-23 10:00")},
			[]string{"payment.late_fee negative"}},
		{"a no-show charges one and a half fees", func(a *agreement.Agreement) {
			a.Lateness.NoShowShare = 15000
		}, agreement.Event{Kind: agreement.EventNoShow, At: session, Session: session},
			[]string{"lateness.no_show_share out_of_range"}},
		{"the waiting client pays a negative share", func(a *agreement.Agreement) {
			a.Wait.Provider = agreement.WaitLimit{After: 30 * time.Minute, Share: -5000}
		}, agreement.Event{Kind: agreement.EventWait, At: at("2026-03-09 10:40"), Session: session},
			[]string{"wait.provider.share out_of_range"}},
		{"a ladder fee in euros", func(a *agreement.Agreement) {
			a.Obligations.Ladder[1].Fee = amount("EUR 30.00")
		}, cancel, []string{"obligations.ladder[1].fee mismatch"}},
		{"a boundary's ladder step without a consequence", func(a *agreement.Agreement) {
			a.Boundaries[0].Ladder = agreement.Ladder{{}}
		}, agreement.Event{Kind: agreement.EventBoundary, At: session, Boundary: agreement.Romantic},
			[]string{"boundaries.romantic.ladder[0].consequence invalid"}},
		{"a boundary without a severity", func(a *agreement.Agreement) {
			a.Boundaries[0].Severity = 0
		}, agreement.Event{Kind: agreement.EventBoundary, At: session, Boundary: agreement.Romantic},
			[]string{"boundaries.romantic.severity invalid"}},
		{"more than everything is non-refundable", func(a *agreement.Agreement) {
			a.Termination.NonRefundable = 12000
		}, agreement.Event{Kind: agreement.EventTermination, At: session, Amount: usd("USD 340.00"), Sessions: 3, Used: 1},
			[]string{"termination.non_refundable out_of_range"}},
		{"an unknown refund rule", func(a *agreement.Agreement) {
			a.Termination.Refund = "half"
		}, agreement.Event{Kind: agreement.EventTermination, At: session, Amount: usd("USD 340.00"), Sessions: 3, Used: 1},
			[]string{"termination.refund invalid"}},
		{"an unknown remedy", func(a *agreement.Agreement) {
			a.ProviderCancellation.Remedy = "apology"
		}, agreement.Event{Kind: agreement.EventCancellation, By: agreement.RoleProvider, At: at("2026-03-08 10:00"), Session: session},
			[]string{"provider_cancellation.remedy invalid"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			terms := therapyTerms()
			c.change(&terms)
			_, err := agreement.NewLedger(terms)
			require.Equal(t, c.want, problems(t, err), "NewLedger")
			o, err := agreement.Evaluate(terms, c.ev)
			require.Equal(t, c.want, problems(t, err), "Evaluate")
			require.Zero(t, o)
		})
	}
}

// TestEvaluateEventCurrency: an event's money in another currency than the
// agreement's is refused, as a Ledger refuses it.
func TestEvaluateEventCurrency(t *testing.T) {
	at := clock(t, "America/New_York")
	ev := agreement.Event{Kind: agreement.EventTermination, At: at("2026-03-09 10:00"), Amount: amount("EUR 340.00"), Sessions: 3, Used: 1}
	_, err := agreement.Evaluate(therapyTerms(), ev)
	require.ErrorIs(t, err, money.ErrMismatch)
	l, err := agreement.NewLedger(therapyTerms())
	require.NoError(t, err)
	_, err = l.Apply(ev)
	require.ErrorIs(t, err, money.ErrMismatch)
}
