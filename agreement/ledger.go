package agreement

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability/problem"
)

// A Ledger evaluates the events of one engagement in order, keeping what
// single evaluations cannot know: the account (payments, prepaid sessions,
// credit, what is owed), how many breaches the client has committed (for
// the ladders), the late cancellations within the cancellation limit's
// span, and the rights to terminate the client has given the provider.
//
// Events must come in order of At; Apply refuses an earlier one, any event
// after a termination, an invalid event and money in another currency, and
// leaves the ledger as it was. Money is conserved after every event: Apply
// checks the account and fails with ErrConservation rather than go on if
// it ever did not add up. An error while applying an event (that one, or
// an overflow) leaves the ledger unusable: Apply returns it again.
//
// Within a ledger:
//   - a payment with Sessions buys a package: its amount is split over its
//     sessions (money.Amount.Split), and each session held uses the next part;
//   - a payment without Sessions settles what is outstanding, then becomes
//     credit;
//   - a session held with no prepaid session left is charged the session
//     fee; charges are settled from credit, and the rest is outstanding;
//   - a provider's cancellation or force-majeure notice, under the refund
//     remedy, refunds the next prepaid part, when there is one (the
//     event's Amount is not read);
//   - a termination uses the account rather than the event's figures:
//     outstanding charges are settled from what is held, the non-refundable
//     share (of what was paid for packages) is retained when the client is
//     at fault, and the rest is refunded, leaving nothing held.
//
// A Ledger is not safe for concurrent use. The zero Ledger is not usable;
// use NewLedger.
type Ledger struct {
	terms    Agreement
	cur      money.Currency
	h        history
	acct     Account
	credit   money.Amount // the part of Held that is not prepaid
	packs    []pack       // the packages with sessions left, oldest first
	packages money.Amount // what was paid for packages
	breaches []Breach
	last     time.Time
	started  bool
	ended    bool
	err      error
}

// A pack is a package with sessions left. Its sessions are paid by the
// parts money.Amount.Split makes of its price, worked out one at a time so that
// a package of many sessions takes no more room than one of few.
type pack struct {
	price money.Amount
	n     int          // the sessions it bought
	next  int          // the next unused session, below n
	left  money.Amount // the parts of the unused sessions together
}

// part returns the part of the package's next unused session. A pack
// always has a valid price, 1 ≤ n ≤ money.MaxParts and next < n, so
// SplitParts cannot fail.
func (p *pack) part() money.Amount {
	m, _ := p.price.SplitParts(p.n, p.next, p.next+1)
	return m
}

// NewLedger returns an empty ledger for the terms, which must pass
// Validate and set a session fee (its currency is the account's).
func NewLedger(terms Agreement) (*Ledger, error) {
	if err := terms.Validate(); err != nil {
		return nil, err
	}
	cur := terms.Fees.Session.Currency()
	if !cur.IsValid() {
		return nil, problem.List{{Path: string(ClauseFeesSession), Code: problem.Required, Message: "the ledger needs a session fee to know its currency"}}
	}
	z := money.Zero(cur)
	return &Ledger{
		terms:    terms,
		cur:      cur,
		acct:     Account{Paid: z, Charged: z, Refunded: z, Retained: z, Held: z, Outstanding: z},
		credit:   z,
		packages: z,
	}, nil
}

// Account returns the account after the events applied so far.
func (l *Ledger) Account() Account { return l.acct }

// Breaches returns the breaches recorded so far, in order.
func (l *Ledger) Breaches() iter.Seq[Breach] {
	return func(yield func(Breach) bool) {
		for _, b := range l.breaches {
			if !yield(b) {
				return
			}
		}
	}
}

// Apply evaluates the next event, updates the ledger and returns the
// outcome. The event's money must be in the agreement's currency.
func (l *Ledger) Apply(ev Event) (Outcome, error) {
	if l.err != nil {
		return Outcome{}, l.err
	}
	if l.ended {
		return Outcome{}, fmt.Errorf("%w: %s at %s", ErrTerminated, ev.Kind, ev.At.Format(time.RFC3339))
	}
	if l.started && ev.At.Before(l.last) {
		return Outcome{}, fmt.Errorf("%w: %s at %s comes before %s", ErrOrder, ev.Kind, ev.At.Format(time.RFC3339), l.last.Format(time.RFC3339))
	}
	if ev.Amount.IsValid() && ev.Amount.Currency() != l.cur {
		return Outcome{}, fmt.Errorf("%w: %s is not in the agreement's currency, %s", money.ErrMismatch, ev.Amount, l.cur)
	}
	if err := ev.Validate(); err != nil {
		return Outcome{}, err
	}
	out, err := l.apply(ev)
	if err == nil {
		err = l.acct.check()
	}
	if err != nil {
		l.err = err
		return Outcome{}, err
	}
	l.last, l.started = ev.At, true
	l.breaches = append(l.breaches, out.Breaches...)
	return out, nil
}

func (l *Ledger) apply(ev Event) (Outcome, error) {
	switch ev.Kind {
	case EventTermination:
		return l.terminate(ev)
	case EventPayment:
		return l.pay(ev)
	case EventSession:
		if len(l.packs) > 0 {
			return l.usePrepaid(ev)
		}
	case EventCancellation, EventForceMajeure:
		// A session the provider does not hold is refunded from the
		// account, whatever the event carries.
		if ev.by() == RoleProvider && l.terms.ProviderCancellation.Remedy == RemedyRefund {
			ev.Amount = money.Amount{}
			if len(l.packs) > 0 {
				ev.Amount = l.packs[0].part()
			}
		}
	}
	out, err := evaluate(&l.terms, ev, &l.h)
	if err != nil {
		return Outcome{}, err
	}
	for _, c := range out.Charges {
		if err := l.settle(c.Amount); err != nil {
			return Outcome{}, err
		}
	}
	for _, r := range out.Refunds {
		// The only refund outside termination is a prepaid part.
		if len(l.packs) == 0 || r.Amount != l.packs[0].part() {
			return Outcome{}, fmt.Errorf("%w: refund %s has no prepaid part", ErrConservation, r.Amount)
		}
		if _, err := l.takePart(&l.acct.Refunded); err != nil {
			return Outcome{}, err
		}
	}
	return out, nil
}

// add sets *dst to *dst + m.
func add(dst *money.Amount, m money.Amount) error {
	v, err := dst.Add(m)
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// sub sets *dst to *dst - m.
func sub(dst *money.Amount, m money.Amount) error {
	v, err := dst.Sub(m)
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// minMoney returns the smaller of two amounts of one currency.
func minMoney(a, b money.Amount) (money.Amount, error) {
	c, err := a.Cmp(b)
	if err != nil {
		return money.Amount{}, err
	}
	if c <= 0 {
		return a, nil
	}
	return b, nil
}

// settle charges m: from credit as far as it goes, and the rest becomes
// outstanding.
func (l *Ledger) settle(m money.Amount) error {
	covered, err := minMoney(m, l.credit)
	if err != nil {
		return err
	}
	if covered.IsNegative() {
		covered = money.Zero(l.cur)
	}
	rest, err := m.Sub(covered)
	if err != nil {
		return err
	}
	for _, step := range []struct {
		dst *money.Amount
		m   money.Amount
		add bool
	}{
		{&l.credit, covered, false},
		{&l.acct.Held, covered, false},
		{&l.acct.Charged, covered, true},
		{&l.acct.Outstanding, rest, true},
	} {
		if step.add {
			err = add(step.dst, step.m)
		} else {
			err = sub(step.dst, step.m)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// takePart moves the next prepaid part from Held to *dst and returns it.
func (l *Ledger) takePart(dst *money.Amount) (money.Amount, error) {
	pk := &l.packs[0]
	p := pk.part()
	for _, err := range []error{sub(&l.acct.Held, p), add(dst, p), sub(&pk.left, p)} {
		if err != nil {
			return money.Amount{}, err
		}
	}
	if pk.next++; pk.next == pk.n {
		l.packs = l.packs[1:]
	}
	l.acct.Prepaid--
	return p, nil
}

func (l *Ledger) pay(ev Event) (Outcome, error) {
	out, err := evaluate(&l.terms, ev, &l.h)
	if err != nil {
		return Outcome{}, err
	}
	if err := add(&l.acct.Paid, ev.Amount); err != nil {
		return Outcome{}, err
	}
	if err := add(&l.acct.Held, ev.Amount); err != nil {
		return Outcome{}, err
	}
	if ev.Sessions > 0 {
		l.packs = append(l.packs, pack{price: ev.Amount, n: ev.Sessions, left: ev.Amount})
		l.acct.Prepaid += ev.Sessions
		return out, add(&l.packages, ev.Amount)
	}
	if err := add(&l.credit, ev.Amount); err != nil {
		return Outcome{}, err
	}
	if l.acct.Outstanding.IsZero() {
		return out, nil
	}
	settled, err := minMoney(l.acct.Outstanding, l.credit)
	if err != nil {
		return Outcome{}, err
	}
	out.Reasons = append(out.Reasons, Reason{Code: CodeOutstanding, Clause: ClausePayment, Message: fmt.Sprintf("%s settles outstanding charges.", settled)})
	for _, err := range []error{
		sub(&l.acct.Outstanding, settled),
		sub(&l.credit, settled),
		sub(&l.acct.Held, settled),
		add(&l.acct.Charged, settled),
	} {
		if err != nil {
			return Outcome{}, err
		}
	}
	return out, nil
}

// usePrepaid records a session held on a prepaid part.
func (l *Ledger) usePrepaid(ev Event) (Outcome, error) {
	part, err := l.takePart(&l.acct.Charged)
	if err != nil {
		return Outcome{}, err
	}
	return Outcome{
		Event:   ev.Kind,
		At:      ev.At,
		Charges: []Line{{Clause: ClauseFeesPackages, Amount: part, Message: "prepaid session"}},
		Reasons: []Reason{{Code: CodePrepaidUsed, Clause: ClauseFeesPackages, Message: fmt.Sprintf("A prepaid session was used: %s of its package; %d left.", part, l.acct.Prepaid)}},
	}, nil
}

// terminate ends the engagement and settles the account.
func (l *Ledger) terminate(ev Event) (Outcome, error) {
	x := evaluator{a: &l.terms, ev: ev, h: &l.h, out: Outcome{Event: ev.Kind, At: ev.At}}
	clientSide := x.terminationStart()
	z := money.Zero(l.cur)
	unused := z
	for _, p := range l.packs {
		if err := add(&unused, p.left); err != nil {
			return Outcome{}, err
		}
	}
	// Outstanding charges are settled from credit, then from unused
	// prepaid money.
	for _, pool := range []*money.Amount{&l.credit, &unused} {
		s, err := minMoney(l.acct.Outstanding, *pool)
		if err != nil {
			return Outcome{}, err
		}
		if !positive(s) {
			continue
		}
		for _, err := range []error{sub(&l.acct.Outstanding, s), sub(pool, s), sub(&l.acct.Held, s), add(&l.acct.Charged, s)} {
			if err != nil {
				return Outcome{}, err
			}
		}
		x.reason(CodeOutstanding, ClausePayment, "%s of outstanding charges is settled from money held.", s)
	}
	kept := z
	if positive(unused) {
		var err error
		if kept, err = x.retain(clientSide, l.packages, unused); err != nil {
			return Outcome{}, err
		}
	}
	refund, err := unused.Sub(kept)
	if err != nil {
		return Outcome{}, err
	}
	if err := add(&refund, l.credit); err != nil {
		return Outcome{}, err
	}
	if positive(refund) {
		x.out.Refunds = append(x.out.Refunds, Line{Clause: ClauseTerminationRefund, Amount: refund, Message: "unused prepaid sessions and credit"})
		x.reason(CodeRefund, ClauseTerminationRefund, "%s is refunded.", refund)
	}
	for _, err := range []error{
		add(&l.acct.Retained, kept),
		add(&l.acct.Refunded, refund),
		sub(&l.acct.Held, kept),
		sub(&l.acct.Held, refund),
	} {
		if err != nil {
			return Outcome{}, err
		}
	}
	if !l.acct.Outstanding.IsZero() {
		x.reason(CodeOutstanding, ClausePayment, "%s is still owed.", l.acct.Outstanding)
	}
	l.packs, l.credit, l.acct.Prepaid = nil, z, 0
	l.ended = true
	return x.out, nil
}

// Timeline evaluates events with a new Ledger for terms, in order of At
// (events with equal instants keep their order), up to and including now;
// events after now are not applied. It returns the outcome of each event
// applied, in that order, and the standing at now.
func Timeline(terms Agreement, events []Event, now time.Time) ([]Outcome, Standing, error) {
	l, err := NewLedger(terms)
	if err != nil {
		return nil, Standing{}, err
	}
	order := slices.Clone(events)
	slices.SortStableFunc(order, func(a, b Event) int { return a.At.Compare(b.At) })
	outs := make([]Outcome, 0, len(order))
	for _, ev := range order {
		if ev.At.After(now) {
			break
		}
		out, err := l.Apply(ev)
		if err != nil {
			return outs, l.Standing(now), err
		}
		outs = append(outs, out)
	}
	return outs, l.Standing(now), nil
}

// ErrTerminated is returned by Ledger.Apply for an event after the
// engagement was terminated.
var ErrTerminated = errors.New("engagement already terminated")

// ErrOrder is returned by Ledger.Apply for an event earlier than the one
// before it.
var ErrOrder = errors.New("event out of order")
