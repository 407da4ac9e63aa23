package agreement_test

import (
	"runtime"
	"slices"
	"testing"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability/problem"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement"
)

func TestLedgerOrderAndEnd(t *testing.T) {
	at := clock(t, "America/New_York")
	l, err := agreement.NewLedger(therapyTerms())
	require.NoError(t, err)
	_, err = l.Apply(agreement.Event{Kind: agreement.EventSession, At: at("2026-03-09 10:00")})
	require.NoError(t, err)
	_, err = l.Apply(agreement.Event{Kind: agreement.EventSession, At: at("2026-03-02 10:00")})
	require.ErrorIs(t, err, agreement.ErrOrder)
	// A refused event leaves the ledger as it was.
	_, err = l.Apply(agreement.Event{Kind: agreement.EventSession, At: at("2026-03-16 10:00")})
	require.NoError(t, err)
	require.Equal(t, usd("USD 240.00"), l.Account().Outstanding)

	l, err = agreement.NewLedger(therapyTerms())
	require.NoError(t, err)
	_, err = l.Apply(agreement.Event{Kind: agreement.EventTermination, At: at("2026-03-09 10:00")})
	require.NoError(t, err)
	_, err = l.Apply(agreement.Event{Kind: agreement.EventSession, At: at("2026-03-16 10:00")})
	require.ErrorIs(t, err, agreement.ErrTerminated)
	require.True(t, l.Standing(at("2026-03-17 00:00")).Terminated)
}

func TestLedgerRejects(t *testing.T) {
	at := clock(t, "America/New_York")
	_, err := agreement.NewLedger(agreement.Agreement{})
	require.ErrorIs(t, err, problem.ErrInvalid)

	l, err := agreement.NewLedger(therapyTerms())
	require.NoError(t, err)
	_, err = l.Apply(agreement.Event{Kind: agreement.EventPayment, At: at("2026-03-02 09:00"), Amount: amount("EUR 10.00")})
	require.ErrorIs(t, err, money.ErrMismatch)

	l, err = agreement.NewLedger(therapyTerms())
	require.NoError(t, err)
	_, err = l.Apply(agreement.Event{Kind: agreement.EventPayment, At: at("2026-03-02 09:00")})
	require.ErrorIs(t, err, problem.ErrInvalid)

	// A package of more sessions than Money.Split makes is refused, and
	// the ledger goes on as it was.
	_, err = l.Apply(agreement.Event{Kind: agreement.EventPayment, At: at("2026-03-02 09:00"), Amount: usd("USD 340.00"), Sessions: money.MaxParts + 1})
	require.ErrorIs(t, err, problem.ErrInvalid)
	require.Equal(t, money.Zero("USD"), l.Account().Paid)
	_, err = l.Apply(agreement.Event{Kind: agreement.EventPayment, At: at("2026-03-02 09:00"), Amount: usd("USD 340.00"), Sessions: 3})
	require.NoError(t, err)
}

// TestLedgerCancellationLimit: the third late cancellation or no-show
// within 90 days gives the right to terminate; the right lapses when the
// first of them leaves the span.
func TestLedgerCancellationLimit(t *testing.T) {
	at := clock(t, "America/New_York")
	l, err := agreement.NewLedger(therapyTerms())
	require.NoError(t, err)
	late := []agreement.Event{
		{Kind: agreement.EventCancellation, At: at("2026-01-04 20:00"), Session: at("2026-01-05 10:00")},
		{Kind: agreement.EventNoShow, At: at("2026-02-02 11:00"), Session: at("2026-02-02 10:00")},
		{Kind: agreement.EventCancellation, At: at("2026-03-29 20:00"), Session: at("2026-03-30 10:00")},
	}
	var last agreement.Outcome
	for i, ev := range late {
		last, err = l.Apply(ev)
		require.NoError(t, err)
		require.Equal(t, i == 2, last.Has(agreement.ActTerminateAllowed), "event %d", i)
	}
	require.Contains(t, codes(last), agreement.CodeCancellationLimit)

	st := l.Standing(at("2026-03-30 12:00"))
	require.Equal(t, 3, st.LateCancellations)
	require.True(t, st.MayTerminate)
	require.Equal(t, agreement.ClauseCancellationLimit, st.Reasons[0].Clause)

	// 4 April 2026 is 90 days after 4 January: the first one has left.
	st = l.Standing(at("2026-04-04 21:00"))
	require.Equal(t, 2, st.LateCancellations)
	require.False(t, st.MayTerminate)

	// Before the right lapses, the provider may invoke it.
	l2, err := agreement.NewLedger(therapyTerms())
	require.NoError(t, err)
	for _, ev := range late {
		_, err = l2.Apply(ev)
		require.NoError(t, err)
	}
	out, err := l2.Apply(agreement.Event{Kind: agreement.EventTermination, By: agreement.RoleProvider, At: at("2026-03-31 09:00"), Ground: string(agreement.ClauseCancellationLimit)})
	require.NoError(t, err)
	require.Equal(t, agreement.CodeImmediateGround, out.Reasons[0].Code)
	require.True(t, at("2026-03-31 09:00").Equal(out.Actions[0].At))
}

func TestLedgerProviderRefundRemedy(t *testing.T) {
	at := clock(t, "America/New_York")
	terms := therapyTerms()
	terms.ProviderCancellation.Remedy = agreement.RemedyRefund
	l, err := agreement.NewLedger(terms)
	require.NoError(t, err)
	_, err = l.Apply(agreement.Event{Kind: agreement.EventPayment, At: at("2026-03-02 09:00"), Amount: usd("USD 340.00"), Sessions: 3})
	require.NoError(t, err)
	out, err := l.Apply(agreement.Event{Kind: agreement.EventCancellation, By: agreement.RoleProvider, At: at("2026-03-05 09:00"), Session: at("2026-03-09 10:00")})
	require.NoError(t, err)
	require.Equal(t, []string{"provider_cancellation.remedy USD 113.34"}, lines(out.Refunds))
	require.Empty(t, out.Breaches, "four days of notice is enough")
	acct := l.Account()
	require.Equal(t, usd("USD 113.34"), acct.Refunded)
	require.Equal(t, usd("USD 226.66"), acct.Held)
	require.Equal(t, 2, acct.Prepaid)
	require.Equal(t, 0, l.Standing(at("2026-03-06 00:00")).ProviderBreaches)
	require.Empty(t, slices.Collect(l.Breaches()))
}

// TestLedgerProviderForceMajeureRefund: a session the provider cannot hold
// because of force majeure is refunded like one the provider cancels, from
// the account: the event's own Amount is not read.
func TestLedgerProviderForceMajeureRefund(t *testing.T) {
	at := clock(t, "America/New_York")
	terms := therapyTerms()
	terms.ProviderCancellation.Remedy = agreement.RemedyRefund
	l, err := agreement.NewLedger(terms)
	require.NoError(t, err)
	_, err = l.Apply(agreement.Event{Kind: agreement.EventPayment, At: at("2026-03-02 09:00"), Amount: usd("USD 340.00"), Sessions: 3})
	require.NoError(t, err)
	// Ill at 06:00, notice at 07:00: in time, no breach.
	out, err := l.Apply(agreement.Event{Kind: agreement.EventForceMajeure, By: agreement.RoleProvider, At: at("2026-03-09 07:00"),
		Occurred: at("2026-03-09 06:00"), Session: at("2026-03-09 10:00"), Amount: usd("USD 50.00")})
	require.NoError(t, err)
	require.Equal(t, []string{"provider_cancellation.remedy USD 113.34"}, lines(out.Refunds))
	require.Empty(t, out.Breaches)
	// Notice two days late counts as a cancellation without notice.
	out, err = l.Apply(agreement.Event{Kind: agreement.EventForceMajeure, By: agreement.RoleProvider, At: at("2026-03-16 09:00"),
		Occurred: at("2026-03-14 06:00"), Session: at("2026-03-16 10:00")})
	require.NoError(t, err)
	require.Equal(t, []string{"provider_cancellation.remedy USD 113.33"}, lines(out.Refunds))
	require.Len(t, out.Breaches, 1)
	acct := l.Account()
	require.Equal(t, usd("USD 226.67"), acct.Refunded)
	require.Equal(t, usd("USD 113.33"), acct.Held)
	require.Equal(t, 1, acct.Prepaid)
}

// TestLedgerLargePackages: a package takes the same room whatever the
// number of its sessions, so a timeline of many large packages stays
// small; its parts still add up.
func TestLedgerLargePackages(t *testing.T) {
	at := clock(t, "America/New_York")
	l, err := agreement.NewLedger(therapyTerms())
	require.NoError(t, err)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 100 {
		_, err := l.Apply(agreement.Event{Kind: agreement.EventPayment, At: at("2026-03-02 09:00"), Amount: usd("USD 1000.00"), Sessions: money.MaxParts})
		require.NoError(t, err)
	}
	runtime.ReadMemStats(&after)
	require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(1<<20), "100 packages of %d sessions", money.MaxParts)
	require.Equal(t, 100*money.MaxParts, l.Account().Prepaid)

	// USD 1000.00 over 65,536 sessions: the first 34,464 parts are 2 cents,
	// the rest 1 cent.
	out, err := l.Apply(agreement.Event{Kind: agreement.EventSession, At: at("2026-03-03 10:00")})
	require.NoError(t, err)
	require.Equal(t, []string{"fees.packages USD 0.02"}, lines(out.Charges))
	out, err = l.Apply(agreement.Event{Kind: agreement.EventTermination, At: at("2026-03-04 10:00"), By: agreement.RoleProvider})
	require.NoError(t, err)
	require.Equal(t, []string{"termination.refund USD 99999.98"}, lines(out.Refunds))
}

// TestLedgerRightsOnce: a termination step met again and again gives one
// right, cited once in the standing.
func TestLedgerRightsOnce(t *testing.T) {
	at := clock(t, "America/New_York")
	l, err := agreement.NewLedger(therapyTerms())
	require.NoError(t, err)
	for _, day := range []string{"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"} {
		_, err := l.Apply(agreement.Event{Kind: agreement.EventBoundary, At: at(day + " 20:00"), Boundary: agreement.Romantic})
		require.NoError(t, err)
	}
	st := l.Standing(at("2026-03-06 00:00"))
	require.True(t, st.MayTerminate)
	require.Equal(t, 4, st.Breaches)
	require.Len(t, st.Reasons, 1)
	require.Equal(t, agreement.ClauseID("boundaries.romantic.ladder[1]"), st.Reasons[0].Clause)
}

func TestLedgerCreditAndOutstanding(t *testing.T) {
	at := clock(t, "America/New_York")
	l, err := agreement.NewLedger(therapyTerms())
	require.NoError(t, err)
	steps := []struct {
		ev          agreement.Event
		held, owed  string
		charged     string
		prepaidLeft int
	}{
		{agreement.Event{Kind: agreement.EventPayment, At: at("2026-03-01 09:00"), Amount: usd("USD 50.00")}, "USD 50.00", "USD 0.00", "USD 0.00", 0},
		{agreement.Event{Kind: agreement.EventSession, At: at("2026-03-02 10:00")}, "USD 0.00", "USD 70.00", "USD 50.00", 0},
		{agreement.Event{Kind: agreement.EventPayment, At: at("2026-03-03 09:00"), Amount: usd("USD 340.00"), Sessions: 3}, "USD 340.00", "USD 70.00", "USD 50.00", 3},
		{agreement.Event{Kind: agreement.EventPayment, At: at("2026-03-04 09:00"), Amount: usd("USD 100.00")}, "USD 370.00", "USD 0.00", "USD 120.00", 3},
		{agreement.Event{Kind: agreement.EventSession, At: at("2026-03-09 10:00")}, "USD 256.66", "USD 0.00", "USD 233.34", 2},
		{agreement.Event{Kind: agreement.EventNoShow, At: at("2026-03-16 11:00"), Session: at("2026-03-16 10:00")}, "USD 226.66", "USD 90.00", "USD 263.34", 2},
		{agreement.Event{Kind: agreement.EventTermination, At: at("2026-03-17 09:00")}, "USD 0.00", "USD 0.00", "USD 353.34", 0},
	}
	for i, s := range steps {
		_, err := l.Apply(s.ev)
		require.NoError(t, err, "step %d", i)
		acct := l.Account()
		require.Equal(t, usd(s.held), acct.Held, "held after step %d", i)
		require.Equal(t, usd(s.owed), acct.Outstanding, "owed after step %d", i)
		require.Equal(t, usd(s.charged), acct.Charged, "charged after step %d", i)
		require.Equal(t, s.prepaidLeft, acct.Prepaid, "prepaid after step %d", i)
	}
	// The client ended it with USD 226.66 of prepaid sessions unused and
	// USD 90.00 owed: the debt is settled from them, the rest refunded.
	acct := l.Account()
	require.Equal(t, usd("USD 490.00"), acct.Paid)
	require.Equal(t, usd("USD 136.66"), acct.Refunded)
}

// TestTimelineSortsAndStops: events are applied in order of At, and those
// after now are left out.
func TestTimelineSortsAndStops(t *testing.T) {
	at := clock(t, "America/New_York")
	events := []agreement.Event{
		{Kind: agreement.EventSession, At: at("2026-03-16 10:00")},
		{Kind: agreement.EventPayment, At: at("2026-03-02 09:00"), Amount: usd("USD 340.00"), Sessions: 3},
		{Kind: agreement.EventSession, At: at("2026-03-23 10:00")},
	}
	outs, st, err := agreement.Timeline(therapyTerms(), events, at("2026-03-20 00:00"))
	require.NoError(t, err)
	require.Len(t, outs, 2)
	require.Equal(t, agreement.EventPayment, outs[0].Event)
	require.Equal(t, []string{"fees.packages USD 113.34"}, lines(outs[1].Charges))
	require.Equal(t, 2, st.Account.Prepaid)
	require.True(t, at("2026-03-20 00:00").Equal(st.At))
}
