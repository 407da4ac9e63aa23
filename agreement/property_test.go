package agreement_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/agreement/money"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement"
)

// currencies of different exponents for the properties.
var propertyCurrencies = [...]money.Currency{"USD", "JPY", "BHD", "CLF"}

// randomTerms returns the coaching terms in currency cur, with a random
// session fee, refund rule and non-refundable share.
func randomTerms(r *rand.Rand, cur money.Currency) agreement.Agreement {
	a := coachingTerms()
	a.Fees = agreement.Fees{Session: money.New(1+r.Int64N(100_000), cur)}
	a.Termination.NonRefundable = r.IntN(10001)
	if r.IntN(3) == 0 {
		a.Termination.Refund = agreement.NoRefund
	}
	a.Cancellation.Tiers = []agreement.Tier{{Before: 24 * time.Hour, Share: r.IntN(10001)}}
	a.Cancellation.Limit = agreement.Limit{Count: 2, Within: 30 * 24 * time.Hour}
	a.Lateness = agreement.Lateness{Grace: 5 * time.Minute, NoShowShare: r.IntN(10001)}
	a.Payment.LateFee = money.New(r.Int64N(5000), cur)
	a.Payment.Grace = 24 * time.Hour
	a.Wait.Provider = agreement.WaitLimit{After: 20 * time.Minute, Share: r.IntN(10001)}
	a.ProviderCancellation = agreement.ProviderCancellation{Notice: 24 * time.Hour, Remedy: []agreement.Remedy{agreement.RemedyMakeUp, agreement.RemedyRefund, agreement.RemedyChoice}[r.IntN(3)]}
	a.Obligations.Ladder = agreement.Ladder{{Consequence: agreement.ConsequenceNote}, {Consequence: agreement.ConsequenceFee, Fee: money.New(1+r.Int64N(10_000), cur)}, {Consequence: agreement.ConsequenceWarning}, {Consequence: agreement.ConsequenceTermination}}
	return a
}

// total adds the amounts of lines, from zero in cur.
func total(t *testing.T, cur money.Currency, ls []agreement.Line) money.Amount {
	sum := money.Zero(cur)
	for _, l := range ls {
		var err error
		if sum, err = sum.Add(l.Amount); err != nil {
			t.Fatal(err)
		}
	}
	return sum
}

// TestPropertyTerminationConservesMoney: for 100,000 random terminations,
// the sessions used, the retained part and the refund add up to what was
// paid, to the minor unit, and none is negative.
func TestPropertyTerminationConservesMoney(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2026))
	at := time.Date(2026, 6, 8, 18, 0, 0, 0, time.UTC)
	grounds := [...]string{"", "romantic_interest", "unlisted"}
	base := coachingTerms()
	for i := range 100_000 {
		cur := propertyCurrencies[r.IntN(len(propertyCurrencies))]
		terms := base
		terms.Fees = agreement.Fees{Session: money.New(1+r.Int64N(100_000), cur)}
		terms.Termination.NonRefundable = r.IntN(10001)
		terms.Termination.Refund = agreement.ProRata
		if r.IntN(3) == 0 {
			terms.Termination.Refund = agreement.NoRefund
		}
		sessions := r.IntN(25)
		ev := agreement.Event{
			Kind: agreement.EventTermination, At: at, By: agreement.RoleClient,
			Amount:   money.New(r.Int64N(10_000_000), cur),
			Sessions: sessions, Used: r.IntN(sessions + 1),
		}
		if ev.Sessions > 0 && ev.Amount.IsZero() {
			ev.Amount = money.New(1, cur)
		}
		if r.IntN(2) == 0 {
			ev.By, ev.Ground = agreement.RoleProvider, grounds[r.IntN(len(grounds))]
		}
		o, err := agreement.Evaluate(terms, ev)
		if err != nil {
			t.Fatalf("case %d: %+v: %v", i, ev, err)
		}
		charged := total(t, cur, o.Charges)
		retained := total(t, cur, o.Retained)
		refunded := total(t, cur, o.Refunds)
		sum, err := money.Sum(charged, retained, refunded)
		if err != nil || sum != ev.Amount {
			t.Fatalf("case %d: %+v: %s + %s + %s = %s (%v)", i, ev, charged, retained, refunded, sum, err)
		}
		if charged.IsNegative() || retained.IsNegative() || refunded.IsNegative() {
			t.Fatalf("case %d: a negative part: %+v", i, o)
		}
		if ev.By == agreement.RoleProvider && ev.Ground == "" && !retained.IsZero() {
			t.Fatalf("case %d: the provider ending it without cause keeps nothing unused, but kept %s", i, retained)
		}
	}
}

// randomEvent returns a random valid event at instant now.
func randomEvent(r *rand.Rand, cur money.Currency, now time.Time) agreement.Event {
	session := now.Add(time.Duration(r.IntN(96)-24) * time.Hour)
	by := agreement.RoleClient
	if r.IntN(4) == 0 {
		by = agreement.RoleProvider
	}
	switch r.IntN(11) {
	case 0:
		return agreement.Event{Kind: agreement.EventCancellation, At: now, By: by, Session: session}
	case 1:
		return agreement.Event{Kind: agreement.EventArrival, At: now, Session: now.Add(-time.Duration(r.IntN(40)) * time.Minute)}
	case 2:
		return agreement.Event{Kind: agreement.EventNoShow, At: now, Session: now.Add(-time.Hour)}
	case 3:
		return agreement.Event{Kind: agreement.EventWait, At: now, Session: now.Add(-time.Duration(r.IntN(40)) * time.Minute)}
	case 4:
		return agreement.Event{Kind: agreement.EventContact, At: now, Channel: contact.ChannelEmail, Urgency: contact.Urgency(r.IntN(4) - 1)}
	case 5:
		kinds := [...]agreement.BoundaryKind{agreement.Romantic, agreement.Gifts, agreement.PhysicalContact, agreement.PersonalContact, agreement.Abuse}
		return agreement.Event{Kind: agreement.EventBoundary, At: now, By: by, Boundary: kinds[r.IntN(len(kinds))], InSession: r.IntN(2) == 0}
	case 6:
		return agreement.Event{Kind: agreement.EventForceMajeure, At: now, By: by, Occurred: now.Add(-time.Duration(r.IntN(48)) * time.Hour), Session: session}
	case 7:
		return agreement.Event{Kind: agreement.EventLatePayment, At: now, Due: now.Add(-time.Duration(r.IntN(72)) * time.Hour)}
	case 8:
		return agreement.Event{Kind: agreement.EventPayment, At: now, Amount: money.New(1+r.Int64N(500_000), cur), Sessions: r.IntN(3) * r.IntN(6)}
	default:
		return agreement.Event{Kind: agreement.EventSession, At: now}
	}
}

// TestPropertyTimelinesConserveMoney: 100,000 random events in 5,000
// random timelines. After every event the account adds up (the ledger
// checks it too), and the outcomes' lines add up to the account.
func TestPropertyTimelinesConserveMoney(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 2026))
	for i := range 5_000 {
		cur := propertyCurrencies[r.IntN(len(propertyCurrencies))]
		terms := randomTerms(r, cur)
		l, err := agreement.NewLedger(terms)
		require.NoError(t, err)
		now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
		z := money.Zero(cur)
		paid, charges, refunds, retained := z, z, z, z
		for j := range 20 {
			now = now.Add(time.Duration(1+r.IntN(72)) * time.Hour)
			ev := randomEvent(r, cur, now)
			if j == 19 || r.IntN(40) == 0 {
				ev = agreement.Event{Kind: agreement.EventTermination, At: now, By: agreement.RoleClient}
				if r.IntN(2) == 0 {
					ev.By = agreement.RoleProvider
				}
			}
			o, err := l.Apply(ev)
			if err != nil {
				t.Fatalf("timeline %d event %d: %+v: %v", i, j, ev, err)
			}
			if ev.Kind == agreement.EventPayment {
				if paid, err = paid.Add(ev.Amount); err != nil {
					t.Fatal(err)
				}
			}
			for _, acc := range []struct {
				sum   *money.Amount
				lines []agreement.Line
			}{{&charges, o.Charges}, {&refunds, o.Refunds}, {&retained, o.Retained}} {
				if *acc.sum, err = acc.sum.Add(total(t, cur, acc.lines)); err != nil {
					t.Fatal(err)
				}
			}
			acct := l.Account()
			sum, err := money.Sum(acct.Charged, acct.Refunded, acct.Retained, acct.Held)
			if err != nil || sum != acct.Paid {
				t.Fatalf("timeline %d event %d: %+v does not add up (%v)", i, j, acct, err)
			}
			owed, err := acct.Charged.Add(acct.Outstanding)
			if err != nil || paid != acct.Paid || refunds != acct.Refunded || retained != acct.Retained || charges != owed {
				t.Fatalf("timeline %d event %d: %+v, but the outcomes paid %s, charged %s, refunded %s, retained %s (%v)",
					i, j, acct, paid, charges, refunds, retained, err)
			}
			for _, m := range []money.Amount{acct.Charged, acct.Refunded, acct.Retained, acct.Held, acct.Outstanding} {
				if m.IsNegative() {
					t.Fatalf("timeline %d event %d: negative amount in %+v", i, j, acct)
				}
			}
			if ev.Kind == agreement.EventTermination {
				require.True(t, acct.Held.IsZero())
				break
			}
		}
	}
}
