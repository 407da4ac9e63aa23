package agreement_test

import (
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement"
)

// clock returns a function reading "2006-01-02 15:04" in the zone name.
func clock(t testing.TB, name string) func(string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return func(s string) time.Time {
		at, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			panic(err)
		}
		return at
	}
}

// codes returns the reason codes of an outcome.
func codes(o agreement.Outcome) []agreement.Code {
	var cs []agreement.Code
	for _, r := range o.Reasons {
		cs = append(cs, r.Code)
	}
	return cs
}

// actions returns the action codes of an outcome.
func actions(o agreement.Outcome) []agreement.ActionCode {
	var as []agreement.ActionCode
	for _, a := range o.Actions {
		as = append(as, a.Code)
	}
	return as
}

// lines returns "clause amount" for each line.
func lines(ls []agreement.Line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, string(l.Clause)+" "+l.Amount.String())
	}
	return out
}

// TestStoryContractHourGoodClient is story 2 (seed 001) with the good
// client: keeps deadlines, gives notice of force majeure, cancels in time.
// No breach, and every cent is accounted for.
func TestStoryContractHourGoodClient(t *testing.T) {
	at := clock(t, "America/New_York")
	events := []agreement.Event{
		{Kind: agreement.EventPayment, At: at("2026-03-02 09:00"), Amount: usd("USD 340.00"), Sessions: 3},
		{Kind: agreement.EventSession, At: at("2026-03-02 10:00")},
		{Kind: agreement.EventSession, At: at("2026-03-09 10:00")},
		{Kind: agreement.EventArrival, At: at("2026-03-09 10:05"), Session: at("2026-03-09 10:00")},
		{Kind: agreement.EventForceMajeure, At: at("2026-03-16 07:30"), Occurred: at("2026-03-16 06:00"), Session: at("2026-03-16 10:00")},
		{Kind: agreement.EventCancellation, At: at("2026-03-20 09:00"), Session: at("2026-03-23 10:00")},
		{Kind: agreement.EventContact, At: at("2026-03-23 11:00"), Channel: contact.ChannelEmail, Urgency: contact.Routine},
		{Kind: agreement.EventSession, At: at("2026-03-30 10:00")},
		{Kind: agreement.EventSession, At: at("2026-04-06 10:00")},
		{Kind: agreement.EventPayment, At: at("2026-04-06 12:00"), Amount: usd("USD 120.00")},
	}
	outs, st, err := agreement.Timeline(therapyTerms(), events, at("2026-04-07 00:00"))
	require.NoError(t, err)
	require.Len(t, outs, len(events))

	require.Equal(t, []string{"fees.packages USD 113.34"}, lines(outs[1].Charges))
	require.Equal(t, []string{"fees.packages USD 113.33"}, lines(outs[2].Charges))

	// Five minutes late: within the grace period, and the session still
	// ends on time.
	require.Equal(t, []agreement.Code{agreement.CodeWithinGrace}, codes(outs[3]))
	require.Equal(t, []agreement.ActionCode{agreement.ActEndOnTime}, actions(outs[3]))
	require.True(t, at("2026-03-09 10:50").Equal(outs[3].Actions[0].At))

	// Illness at 06:00, notice at 07:30: within 24 hours, so no fee.
	require.Equal(t, []agreement.Code{agreement.CodeForceMajeure}, codes(outs[4]))
	require.Empty(t, outs[4].Charges)
	require.Equal(t, agreement.ClauseForceMajeureNotice, outs[4].Reasons[0].Clause)

	// 73 hours of notice: free.
	require.Equal(t, []agreement.Code{agreement.CodeFreeCancellation}, codes(outs[5]))
	require.Empty(t, outs[5].Charges)

	// A routine email on Monday 11:00 is answered within 8 business hours:
	// 6 on Monday, 2 on Tuesday.
	require.Equal(t, []agreement.Code{agreement.CodeWithinPolicy}, codes(outs[6]))
	require.Equal(t, agreement.ActRespondBy, outs[6].Actions[0].Code)
	require.True(t, at("2026-03-24 11:00").Equal(outs[6].Actions[0].At))

	// The package is used up: the fourth session is charged and paid.
	require.Equal(t, []string{"fees.packages USD 113.33"}, lines(outs[7].Charges))
	require.Equal(t, []string{"fees.session USD 120.00"}, lines(outs[8].Charges))

	for _, o := range outs {
		require.Empty(t, o.Breaches, "the good client breaks nothing: %v", o.Reasons)
	}
	require.Equal(t, 0, st.Breaches)
	require.False(t, st.MayTerminate)
	require.Equal(t, agreement.Account{
		Paid: usd("USD 460.00"), Charged: usd("USD 460.00"), Refunded: usd("USD 0.00"),
		Retained: usd("USD 0.00"), Held: usd("USD 0.00"), Outstanding: usd("USD 0.00"),
	}, st.Account)
}

// TestStoryContractHourBadClient is story 2 (seed 001) with the bad client,
// who breaks agreements: each breach cites its clause and meets the next
// step of the graduated response — note, fee, warning, termination —
// while anger inside the session is met with acceptance.
func TestStoryContractHourBadClient(t *testing.T) {
	at := clock(t, "America/New_York")
	events := []agreement.Event{
		{Kind: agreement.EventPayment, At: at("2026-03-02 09:00"), Amount: usd("USD 340.00"), Sessions: 3},
		{Kind: agreement.EventSession, At: at("2026-03-02 10:00")},
		{Kind: agreement.EventCancellation, At: at("2026-03-08 20:00"), Session: at("2026-03-09 10:00")},
		{Kind: agreement.EventSession, At: at("2026-03-16 10:00")},
		{Kind: agreement.EventArrival, At: at("2026-03-16 10:15"), Session: at("2026-03-16 10:00")},
		{Kind: agreement.EventContact, At: at("2026-03-22 23:10"), Channel: contact.ChannelEmail, Urgency: contact.Routine},
		{Kind: agreement.EventLatePayment, At: at("2026-03-30 09:00"), Due: at("2026-03-23 10:00"), Amount: usd("USD 150.00")},
		{Kind: agreement.EventBoundary, At: at("2026-03-30 10:20"), Boundary: agreement.Abuse, InSession: true},
		{Kind: agreement.EventPayment, At: at("2026-03-30 12:00"), Amount: usd("USD 100.00")},
		{Kind: agreement.EventBoundary, At: at("2026-04-01 21:00"), Boundary: agreement.PersonalContact},
		{Kind: agreement.EventTermination, At: at("2026-04-02 09:00"), By: agreement.RoleProvider, Ground: "obligations.ladder[3]"},
	}
	outs, st, err := agreement.Timeline(therapyTerms(), events, at("2026-04-03 00:00"))
	require.NoError(t, err)
	require.Len(t, outs, len(events))

	type breach struct {
		clause   agreement.ClauseID
		response agreement.Consequence
		step     agreement.ClauseID
	}
	var got []breach
	for b := range func(yield func(agreement.Breach) bool) {
		for _, o := range outs {
			for _, b := range o.Breaches {
				if !yield(b) {
					return
				}
			}
		}
	} {
		require.Equal(t, agreement.RoleClient, b.Party)
		got = append(got, breach{b.Clause, b.Consequence, b.Step})
	}
	require.Equal(t, []breach{
		{"cancellation.tiers[0]", agreement.ConsequenceNote, "obligations.ladder[0]"},
		{"lateness.grace", agreement.ConsequenceFee, "obligations.ladder[1]"},
		{"communication.hours", agreement.ConsequenceWarning, "obligations.ladder[2]"},
		{"payment.within", agreement.ConsequenceTermination, "obligations.ladder[3]"},
		{"boundaries.personal_contact", agreement.ConsequenceNote, "boundaries.personal_contact.ladder[0]"},
	}, got)

	// 14 hours of notice: the first tier, the whole fee.
	require.Equal(t, []string{"cancellation.tiers[0] USD 120.00"}, lines(outs[2].Charges))
	// Fifteen minutes late: the ladder's fee, and the session ends on time.
	require.Equal(t, []string{"obligations.ladder[1] USD 30.00"}, lines(outs[4].Charges))
	require.True(t, outs[4].Has(agreement.ActEndOnTime))
	// Sunday 23:10: after hours; the answer is due Monday 17:00.
	require.True(t, outs[5].Has(agreement.ActWarn))
	require.True(t, at("2026-03-23 17:00").Equal(outs[5].Actions[0].At))
	// A week late: the late fee, and the right to terminate.
	require.Equal(t, []string{"payment.late_fee USD 15.00"}, lines(outs[6].Charges))
	require.True(t, outs[6].Has(agreement.ActTerminateAllowed))
	// Anger inside the session is accepted, not a breach.
	require.Equal(t, []agreement.Code{agreement.CodeAcceptedInSession}, codes(outs[7]))
	require.Equal(t, agreement.ClauseInSession, outs[7].Reasons[0].Clause)
	require.Empty(t, outs[7].Breaches)

	// The provider ends it at once on the right the fourth breach gave. The
	// last prepaid session (USD 113.33) first settles the USD 65.00 still
	// owed; the rest is refunded.
	end := outs[10]
	require.Equal(t, agreement.ClauseID("obligations.ladder[3]"), end.Reasons[0].Clause)
	require.Equal(t, agreement.CodeImmediateGround, end.Reasons[0].Code)
	require.Equal(t, []string{"termination.refund USD 48.33"}, lines(end.Refunds))
	require.Equal(t, agreement.Account{
		Paid: usd("USD 440.00"), Charged: usd("USD 391.67"), Refunded: usd("USD 48.33"),
		Retained: usd("USD 0.00"), Held: usd("USD 0.00"), Outstanding: usd("USD 0.00"),
	}, st.Account)
	require.True(t, st.Terminated)
	require.Equal(t, 5, st.Breaches)
}

// TestStoryFortyMinuteWait is story 3 (seed 002): the provider arrives ten
// minutes early and the client keeps them waiting. Waiting counts from the
// scheduled start; at the limit the provider may leave with a note, the
// meeting is rescheduled, and the client pays half the fee for the wasted
// visit while the provider bears the travel.
func TestStoryFortyMinuteWait(t *testing.T) {
	at := clock(t, "America/Chicago")
	terms := consultingTerms()
	start := at("2026-05-12 14:00")

	// 13:50 arrival, 14:20 "was my arrival announced?": thirty minutes of
	// waiting, twenty of them past the start.
	o, err := agreement.Evaluate(terms, agreement.Event{Kind: agreement.EventWait, At: at("2026-05-12 14:20"), Session: start})
	require.NoError(t, err)
	require.Equal(t, []agreement.Code{agreement.CodeKeepWaiting}, codes(o))
	require.Equal(t, []agreement.ActionCode{agreement.ActKeepWaiting}, actions(o))
	require.True(t, at("2026-05-12 14:30").Equal(o.Actions[0].At))
	require.Empty(t, o.Charges)

	// Ten more minutes, forty in all: the provider may leave.
	o, err = agreement.Evaluate(terms, agreement.Event{Kind: agreement.EventWait, At: at("2026-05-12 14:30"), Session: start})
	require.NoError(t, err)
	require.Equal(t, []agreement.ActionCode{agreement.ActProviderMayLeave, agreement.ActLeaveNote, agreement.ActReschedule, agreement.ActNote}, actions(o))
	require.Equal(t, []string{"wait.provider USD 100.00"}, lines(o.Charges))
	require.Len(t, o.Breaches, 1)
	require.Equal(t, agreement.Breach{
		Party: agreement.RoleClient, Clause: agreement.ClauseWaitProvider, Severity: agreement.Moderate,
		Consequence: agreement.ConsequenceNote, Step: "obligations.ladder[0]", Count: 1,
		At: o.Breaches[0].At, Message: "kept the provider waiting 30 minutes past the start",
	}, o.Breaches[0])
	require.True(t, at("2026-05-12 14:30").Equal(o.Breaches[0].At))

	// In a ledger, asking again does not charge twice; the rescheduled
	// meeting is charged in full and owed on the 30-day invoice.
	events := []agreement.Event{
		{Kind: agreement.EventWait, At: at("2026-05-12 14:20"), Session: start},
		{Kind: agreement.EventWait, At: at("2026-05-12 14:30"), Session: start},
		{Kind: agreement.EventWait, At: at("2026-05-12 14:31"), Session: start},
		{Kind: agreement.EventSession, At: at("2026-05-14 09:00")},
	}
	outs, st, err := agreement.Timeline(terms, events, at("2026-05-15 00:00"))
	require.NoError(t, err)
	require.Equal(t, []string{"wait.provider USD 100.00"}, lines(outs[1].Charges))
	require.Empty(t, outs[2].Charges)
	require.Empty(t, outs[2].Breaches)
	require.True(t, outs[2].Has(agreement.ActProviderMayLeave))
	require.Equal(t, []string{"fees.session USD 200.00"}, lines(outs[3].Charges))
	require.Equal(t, usd("USD 300.00"), st.Account.Outstanding)
	require.Equal(t, 1, st.Breaches)
}

// TestStoryRefundOnDecline is story 5 (seed 004): a prospect pays for a
// package, the consultation turns out to be a date, and the coach declines
// him and refunds what was paid, exactly — the non-refundable share
// included, because the coach ends it without invoking a ground.
func TestStoryRefundOnDecline(t *testing.T) {
	at := clock(t, "Europe/Rome")
	terms := coachingTerms()
	events := []agreement.Event{
		{Kind: agreement.EventPayment, At: at("2026-06-01 10:00"), Amount: amount("EUR 360.00"), Sessions: 4},
		{Kind: agreement.EventBoundary, At: at("2026-06-07 12:10"), Boundary: agreement.Gifts, InSession: true},
		{Kind: agreement.EventBoundary, At: at("2026-06-07 13:30"), Boundary: agreement.Romantic, InSession: true},
		{Kind: agreement.EventBoundary, At: at("2026-06-07 13:31"), Boundary: agreement.PhysicalContact, InSession: true},
		{Kind: agreement.EventTermination, At: at("2026-06-08 18:00"), By: agreement.RoleProvider},
	}
	outs, st, err := agreement.Timeline(terms, events, at("2026-06-09 00:00"))
	require.NoError(t, err)
	require.Equal(t, agreement.ConsequenceNote, outs[1].Breaches[0].Consequence)
	require.Equal(t, agreement.ConsequenceTermination, outs[2].Breaches[0].Consequence)
	require.Equal(t, agreement.ClauseID("boundaries.romantic.ladder[0]"), outs[2].Breaches[0].Step)
	require.Equal(t, agreement.ConsequenceWarning, outs[3].Breaches[0].Consequence)

	end := outs[4]
	require.Equal(t, []string{"termination.refund EUR 360.00"}, lines(end.Refunds))
	require.Empty(t, end.Retained)
	require.Contains(t, codes(end), agreement.CodeRetainedWaived)
	require.Equal(t, agreement.Account{
		Paid: amount("EUR 360.00"), Charged: amount("EUR 0.00"), Refunded: amount("EUR 360.00"),
		Retained: amount("EUR 0.00"), Held: amount("EUR 0.00"), Outstanding: amount("EUR 0.00"),
	}, st.Account)

	// The same decline evaluated alone, from the amounts on the event.
	o, err := agreement.Evaluate(terms, agreement.Event{
		Kind: agreement.EventTermination, At: at("2026-06-08 18:00"), By: agreement.RoleProvider,
		Amount: amount("EUR 360.00"), Sessions: 4,
	})
	require.NoError(t, err)
	require.Equal(t, []string{"termination.refund EUR 360.00"}, lines(o.Refunds))
	require.Empty(t, o.Charges)
	require.Empty(t, o.Retained)
}

// TestTerminationSettlements covers who ends the engagement, with which
// ground, after how many sessions: the parts always add up to what was
// paid.
func TestTerminationSettlements(t *testing.T) {
	at := clock(t, "Europe/Rome")
	cases := []struct {
		name     string
		by       agreement.Role
		ground   string
		paid     string
		sessions int
		used     int
		charges  []string
		retained []string
		refunds  []string
		rule     agreement.RefundRule // when set, replaces the coaching terms' rule
	}{
		{"client after one session", agreement.RoleClient, "", "EUR 360.00", 4, 1,
			[]string{"fees.packages EUR 90.00"}, []string{"termination.non_refundable EUR 36.00"}, []string{"termination.refund EUR 234.00"}, ""},
		{"provider on a ground", agreement.RoleProvider, "romantic_interest", "EUR 360.00", 4, 0,
			nil, []string{"termination.non_refundable EUR 36.00"}, []string{"termination.refund EUR 324.00"}, ""},
		{"provider without cause", agreement.RoleProvider, "", "EUR 360.00", 4, 3,
			[]string{"fees.packages EUR 270.00"}, nil, []string{"termination.refund EUR 90.00"}, ""},
		{"uneven split", agreement.RoleClient, "", "EUR 100.00", 3, 1,
			[]string{"fees.packages EUR 33.34"}, []string{"termination.non_refundable EUR 10.00"}, []string{"termination.refund EUR 56.66"}, ""},
		{"non-refundable capped at unused", agreement.RoleClient, "", "EUR 100.00", 3, 3,
			[]string{"fees.packages EUR 100.00"}, nil, nil, ""},
		{"unknown ground gives notice", agreement.RoleProvider, "rudeness", "EUR 360.00", 4, 0,
			nil, nil, []string{"termination.refund EUR 360.00"}, ""},
		{"client under the no-refund rule", agreement.RoleClient, "", "EUR 360.00", 4, 1,
			[]string{"fees.packages EUR 90.00"}, []string{"termination.refund EUR 270.00"}, nil, agreement.NoRefund},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			terms := coachingTerms()
			if c.rule != "" {
				terms.Termination.Refund = c.rule
			}
			o, err := agreement.Evaluate(terms, agreement.Event{
				Kind: agreement.EventTermination, At: at("2026-07-01 09:00"), By: c.by, Ground: c.ground,
				Amount: amount(c.paid), Sessions: c.sessions, Used: c.used,
			})
			require.NoError(t, err)
			require.Equal(t, c.charges, lines(o.Charges))
			require.Equal(t, c.retained, lines(o.Retained))
			require.Equal(t, c.refunds, lines(o.Refunds))
			require.True(t, o.Has(agreement.ActTerminate))
		})
	}
}
