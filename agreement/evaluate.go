package agreement

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
)

// ErrConservation is returned when money would not add up: charges,
// refunds and retained amounts that differ from what was paid. The
// package's arithmetic makes it unreachable; it is checked all the same,
// because a ledger that loses a cent must stop rather than go on.
var ErrConservation = errors.New("money does not add up")

// Evaluate returns what terms say about one event, on its own: the
// client's breaches count as their first, no late cancellation precedes
// it, and a termination settles the amounts the event carries. A Ledger
// evaluates a sequence of events with the counts and the account they
// build up.
//
// Evaluate checks, as Validate does, the terms the event's evaluation
// reads: the session fee and the obligations' ladder always; the
// cancellation, lateness, wait and provider-cancellation terms and the
// force-majeure notice for the events about a session; the payment terms
// for a late payment; the termination terms for a termination; the
// boundary crossed for a boundary incident. When they do not validate it
// returns their problem.List, with Validate's paths, and no outcome: a
// share above 100%, unsorted tiers or a fee in another currency never
// become a charge. What no evaluation reads (parties, texts) and the
// communication hours and policy, which it hands to contact.Policy.Respond
// as they are, are not checked; validate terms from outside with Validate
// once. An event that fails Event.Validate returns its problem.List, and
// one whose Amount is in another currency than the session fee returns
// money.ErrMismatch, as Ledger.Apply does.
func Evaluate(terms Agreement, ev Event) (Outcome, error) {
	if err := ev.Validate(); err != nil {
		return Outcome{}, err
	}
	if err := terms.checkFor(&ev); err != nil {
		return Outcome{}, err
	}
	if cur := terms.Fees.Session.Currency(); cur.IsValid() && ev.Amount.IsValid() && ev.Amount.Currency() != cur {
		return Outcome{}, fmt.Errorf("%w: %s is not in the agreement's currency, %s", money.ErrMismatch, ev.Amount, cur)
	}
	var h history
	return evaluate(&terms, ev, &h)
}

// history is what a ledger knows of the events before the one evaluated;
// evaluate updates it.
type history struct {
	breaches  int         // the client's business-term breaches so far
	provider  int         // the provider's breaches so far
	incidents []incident  // boundary incidents so far, by kind
	late      []time.Time // late cancellations and no-shows within the limit's span
	waited    time.Time   // the session a wait breach was last recorded for
	rights    []ClauseID  // clauses that gave the provider a right to end the engagement at once
}

// incident counts the incidents of one boundary kind.
type incident struct {
	kind  BoundaryKind
	count int
}

// evaluator builds one outcome.
type evaluator struct {
	a   *Agreement
	ev  Event
	h   *history
	out Outcome
}

// evaluate evaluates an event that passed Event.Validate.
func evaluate(a *Agreement, ev Event, h *history) (Outcome, error) {
	x := evaluator{a: a, ev: ev, h: h, out: Outcome{Event: ev.Kind, At: ev.At, Reasons: make([]Reason, 0, 3)}}
	var err error
	switch ev.Kind {
	case EventCancellation:
		err = x.cancellation()
	case EventArrival:
		err = x.arrival()
	case EventNoShow:
		err = x.noShow(ClauseLatenessNoShowShare, "did not come to the session")
	case EventWait:
		err = x.wait()
	case EventContact:
		err = x.contact()
	case EventBoundary:
		err = x.boundary()
	case EventForceMajeure:
		err = x.forceMajeure()
	case EventLatePayment:
		err = x.latePayment()
	case EventTermination:
		err = x.termination()
	case EventPayment:
		x.payment()
	case EventSession:
		err = x.session()
	}
	if err != nil {
		return Outcome{}, err
	}
	return x.out, nil
}

// reason appends a reason.
func (x *evaluator) reason(code Code, clause ClauseID, format string, args ...any) {
	x.out.Reasons = append(x.out.Reasons, Reason{Code: code, Clause: clause, Message: fmt.Sprintf(format, args...)})
}

// said appends a reason whose message is already written.
func (x *evaluator) said(code Code, clause ClauseID, msg string) {
	x.out.Reasons = append(x.out.Reasons, Reason{Code: code, Clause: clause, Message: msg})
}

// action appends an action.
func (x *evaluator) action(code ActionCode, clause ClauseID, at time.Time, msg string) {
	x.out.Actions = append(x.out.Actions, Action{Code: code, Clause: clause, At: at, Message: msg})
}

// charge appends a charge to the client, unless the amount is zero.
func (x *evaluator) charge(clause ClauseID, m money.Amount, msg string) {
	if m.IsZero() {
		return
	}
	x.out.Charges = append(x.out.Charges, Line{Clause: clause, Amount: m, Message: msg})
}

// share returns bp basis points of the session fee, or the zero Amount
// when the agreement sets no session fee.
func (x *evaluator) share(bp int) (money.Amount, error) {
	if x.a.Fees.Session.IsZero() || bp == 0 {
		return money.Amount{}, nil
	}
	return x.a.Fees.Session.Share(int64(bp))
}

// sessionEnd returns the scheduled end of the session the event concerns,
// or the zero time when the agreement sets no session length.
func (x *evaluator) sessionEnd() time.Time {
	if x.a.Sessions.Length <= 0 {
		return time.Time{}
	}
	return x.ev.Session.Add(x.a.Sessions.Length)
}

// clientBreach records a breach of the business terms by the client and
// applies the obligations' ladder.
func (x *evaluator) clientBreach(clause ClauseID, sev Severity, msg string) error {
	x.h.breaches++
	b := Breach{Party: RoleClient, Clause: clause, Severity: sev, Count: x.h.breaches, At: x.ev.At, Message: msg}
	step, i, ok := x.a.Obligations.Ladder.step(b.Count)
	if !ok {
		b.Consequence = ConsequenceNote
		x.out.Breaches = append(x.out.Breaches, b)
		x.action(ActNote, clause, time.Time{}, "Record the breach and mention it to the client.")
		return nil
	}
	b.Consequence = step.Consequence
	b.Step = ClauseObligationsLadder.Index(i)
	x.out.Breaches = append(x.out.Breaches, b)
	return x.respond(step, b.Step, clause, b.Count)
}

// providerBreach records a breach by the provider, which is noted.
func (x *evaluator) providerBreach(clause ClauseID, sev Severity, msg string) {
	x.h.provider++
	x.out.Breaches = append(x.out.Breaches, Breach{
		Party: RoleProvider, Clause: clause, Severity: sev, Consequence: ConsequenceNote,
		Count: x.h.provider, At: x.ev.At, Message: msg,
	})
}

// respond turns a ladder step into an action or a charge, with its reason.
func (x *evaluator) respond(step Step, stepID, broken ClauseID, n int) error {
	switch step.Consequence {
	case ConsequenceNote:
		x.said(CodeLadder, stepID, "Breach number "+strconv.Itoa(n)+" of "+string(broken)+" meets a note.")
		x.action(ActNote, stepID, time.Time{}, "Record the breach and mention it to the client.")
	case ConsequenceWarning:
		x.said(CodeLadder, stepID, "Breach number "+strconv.Itoa(n)+" of "+string(broken)+" meets a written warning.")
		x.action(ActWarn, stepID, time.Time{}, "Warn the client in writing that a repeat has consequences.")
	case ConsequenceFee:
		x.said(CodeLadder, stepID, "Breach number "+strconv.Itoa(n)+" of "+string(broken)+" meets a fee of "+step.Fee.String()+".")
		x.charge(stepID, step.Fee, "fee for breach number "+strconv.Itoa(n))
	case ConsequenceTermination:
		x.said(CodeLadder, stepID, "Breach number "+strconv.Itoa(n)+" of "+string(broken)+" gives the provider the right to end the engagement at once.")
		x.action(ActTerminateAllowed, stepID, time.Time{}, "The provider may end the engagement at once.")
		if !slices.Contains(x.h.rights, stepID) {
			x.h.rights = append(x.h.rights, stepID)
		}
	default:
		return fmt.Errorf("%w: %s has no valid consequence", problem.ErrInvalid, stepID)
	}
	return nil
}

func (x *evaluator) cancellation() error {
	notice := x.ev.Session.Sub(x.ev.At)
	if x.ev.by() == RoleProvider {
		return x.providerCancellation(notice)
	}
	return x.clientCancellation(notice)
}

func (x *evaluator) clientCancellation(notice time.Duration) error {
	c := &x.a.Cancellation
	when := prose.Duration(notice) + " before the start"
	if notice <= 0 {
		if x.a.Lateness.NoShowShare > 0 || !c.present() {
			return x.noShow(ClauseLatenessNoShowShare, "cancelled at or after the start")
		}
		// No no-show fee: a cancellation with no notice left pays the
		// first tier, as one a second before the start would.
		notice, when = 0, "at or after the start, with no notice"
	}
	t, _, ok := c.tier(notice)
	switch {
	case !c.present():
		x.reason(CodeFreeCancellation, ClauseCancellation, "Cancelled %s; the agreement sets no cancellation fee.", when)
		return nil
	case !ok:
		x.reason(CodeFreeCancellation, ClauseCancellation, "Cancelled %s: enough notice, no fee.", when)
		return nil
	case t.Share == 0:
		x.reason(CodeFreeCancellation, ClauseCancellation, "Cancelled %s: the agreement charges nothing for that notice.", when)
		return nil
	}
	return x.lateCancellation(notice, when)
}

// lateCancellation charges the tier for a cancellation with the given
// notice, which one applies to; when says when the client cancelled.
func (x *evaluator) lateCancellation(notice time.Duration, when string) error {
	t, i, _ := x.a.Cancellation.tier(notice)
	id := TierClause(i)
	fee, err := x.share(t.Share)
	if err != nil {
		return err
	}
	x.said(CodeLateCancellation, id, "Cancelled "+when+", less than "+prose.Duration(t.Before)+": "+prose.BasisPoints(int64(t.Share))+" of the session fee is due.")
	x.charge(id, fee, "late cancellation")
	if err := x.clientBreach(id, Minor, "cancelled "+when+", with less notice than "+prose.Duration(t.Before)); err != nil {
		return err
	}
	x.countLate()
	return nil
}

// countLate records a late cancellation or no-show and checks the limit.
func (x *evaluator) countLate() {
	h := x.h
	h.late = append(h.late, x.ev.At)
	lim := x.a.Cancellation.Limit
	if lim.Count <= 0 || lim.Within <= 0 {
		return
	}
	from := x.ev.At.Add(-lim.Within)
	drop := 0
	for drop < len(h.late) && !h.late[drop].After(from) {
		drop++
	}
	h.late = h.late[drop:]
	if n := len(h.late); n >= lim.Count {
		x.reason(CodeCancellationLimit, ClauseCancellationLimit, "This is late cancellation or no-show number %d within %s; %d give the provider the right to end the engagement.", n, prose.Duration(lim.Within), lim.Count)
		x.action(ActTerminateAllowed, ClauseCancellationLimit, time.Time{}, "The provider may end the engagement at once.")
	}
}

// lateWithin counts the late cancellations and no-shows in the span of
// length within that ends at t.
func (h *history) lateWithin(t time.Time, within time.Duration) int {
	n := 0
	from := t.Add(-within)
	for _, u := range h.late {
		if u.After(from) && !u.After(t) {
			n++
		}
	}
	return n
}

// hasRight reports whether clause id gives the provider a right to end the
// engagement at once at t: a termination step some breach met, or the
// cancellation limit when it is reached.
func (x *evaluator) hasRight(id ClauseID, t time.Time) bool {
	if slices.Contains(x.h.rights, id) {
		return true
	}
	lim := x.a.Cancellation.Limit
	return id == ClauseCancellationLimit && lim.Count > 0 && lim.Within > 0 && x.h.lateWithin(t, lim.Within) >= lim.Count
}

func (x *evaluator) providerCancellation(notice time.Duration) error {
	pc := &x.a.ProviderCancellation
	x.reason(CodeProviderCancelled, ClauseProviderCancellation, "The provider cancelled the session %s before its start.", prose.Duration(max(notice, 0)))
	if pc.Notice > 0 && notice < pc.Notice {
		x.reason(CodeShortNotice, ClauseProviderNotice, "The provider promised %s of notice and gave %s.", prose.Duration(pc.Notice), prose.Duration(max(notice, 0)))
		x.providerBreach(ClauseProviderNotice, Moderate, "cancelled "+prose.Duration(max(notice, 0))+" ahead, with less notice than the "+prose.Duration(pc.Notice)+" promised")
	}
	return x.providerRemedy()
}

// providerRemedy gives the client the remedy for a session the provider
// does not hold.
func (x *evaluator) providerRemedy() error {
	switch x.a.ProviderCancellation.Remedy {
	case RemedyMakeUp:
		x.action(ActMakeUp, ClauseProviderRemedy, time.Time{}, "Give the client a make-up session at no charge.")
	case RemedyRefund:
		if positive(x.ev.Amount) {
			x.out.Refunds = append(x.out.Refunds, Line{Clause: ClauseProviderRemedy, Amount: x.ev.Amount, Message: "refund for the cancelled session"})
			x.reason(CodeRefund, ClauseProviderRemedy, "What was paid for the session, %s, is refunded.", x.ev.Amount)
		} else {
			x.reason(CodeRefund, ClauseProviderRemedy, "Nothing was paid for the session, so nothing is refunded and nothing is charged.")
		}
	case RemedyChoice:
		x.action(ActOfferChoice, ClauseProviderRemedy, time.Time{}, "Offer the client a make-up session or a refund of what was paid for the session.")
	default:
		x.reason(CodeNoClause, ClauseProviderCancellation, "The agreement names no remedy; the session is not charged.")
		x.action(ActReschedule, ClauseProviderCancellation, time.Time{}, "Offer the client a new time.")
	}
	return nil
}

func (x *evaluator) arrival() error {
	l := &x.a.Lateness
	late := x.ev.At.Sub(x.ev.Session)
	if l.NoShowAfter > 0 && late >= l.NoShowAfter {
		x.reason(CodeNoShow, ClauseLatenessNoShow, "Arrived %s late; from %s late an arrival counts as a no-show.", prose.Duration(late), prose.Duration(l.NoShowAfter))
		return x.noShow(ClauseLatenessNoShowShare, "arrived "+prose.Duration(late)+" late")
	}
	if late <= 0 {
		x.reason(CodeOnTime, ClauseLateness, "Arrived on time.")
		return nil
	}
	if !l.present() {
		x.reason(CodeNoClause, ClauseLateness, "Arrived %s late; the agreement sets no lateness terms.", prose.Duration(late))
		return nil
	}
	x.endOnTime()
	if late <= l.Grace {
		x.reason(CodeWithinGrace, ClauseLatenessGrace, "Arrived %s late, within the grace period of %s.", prose.Duration(late), prose.Duration(l.Grace))
		return nil
	}
	x.reason(CodeLate, ClauseLatenessGrace, "Arrived %s late, beyond the grace period of %s.", prose.Duration(late), prose.Duration(l.Grace))
	return x.clientBreach(ClauseLatenessGrace, Minor, "arrived "+prose.Duration(late)+" late")
}

// endOnTime adds the action to end the session on time, when the agreement
// says so.
func (x *evaluator) endOnTime() {
	if x.a.Lateness.EndsOnTime {
		x.action(ActEndOnTime, ClauseLatenessEndsOnTime, x.sessionEnd(), "End the session at its scheduled end; a late start does not extend it.")
	}
}

func (x *evaluator) noShow(clause ClauseID, what string) error {
	l := &x.a.Lateness
	fee, err := x.share(l.NoShowShare)
	if err != nil {
		return err
	}
	if fee.IsZero() {
		x.reason(CodeNoShow, clause, "The client %s: a no-show, with no fee set.", what)
	} else {
		x.reason(CodeNoShow, clause, "The client %s: a no-show, charged %s of the session fee.", what, prose.BasisPoints(int64(l.NoShowShare)))
		x.charge(clause, fee, "no-show")
	}
	if err := x.clientBreach(clause, Moderate, "no-show: "+what); err != nil {
		return err
	}
	x.countLate()
	return nil
}

func (x *evaluator) wait() error {
	w := x.a.Wait.Provider
	if w.After <= 0 {
		x.reason(CodeNoWaitLimit, ClauseWait, "The agreement sets no wait limit; how long to wait is the provider's call.")
		return nil
	}
	leave := x.ev.Session.Add(w.After)
	waited := max(x.ev.At.Sub(x.ev.Session), 0)
	if x.ev.At.Before(leave) {
		x.reason(CodeKeepWaiting, ClauseWaitProvider, "Waited %s past the start; the wait limit is %s, so the provider may leave at %s.", prose.Duration(waited), prose.Duration(w.After), formatClock(leave))
		x.action(ActKeepWaiting, ClauseWaitProvider, leave, "Wait until the limit; then you may leave.")
		return nil
	}
	x.reason(CodeWaitLimit, ClauseWaitProvider, "Waited %s past the start, which reaches the wait limit of %s: the provider may leave.", prose.Duration(waited), prose.Duration(w.After))
	x.action(ActProviderMayLeave, ClauseWaitProvider, leave, "You may leave now.")
	if w.Note {
		x.action(ActLeaveNote, ClauseWaitProvider, time.Time{}, "Leave a note saying you waited and asking to reschedule.")
	}
	if w.Reschedule {
		x.action(ActReschedule, ClauseWaitProvider, time.Time{}, "Offer the client a new time.")
	}
	if x.h.waited.Equal(x.ev.Session) {
		return nil // one breach per session, however often the provider asks
	}
	x.h.waited = x.ev.Session
	fee, err := x.share(w.Share)
	if err != nil {
		return err
	}
	if !fee.IsZero() {
		x.reason(CodeWaitLimit, ClauseWaitProvider, "The client pays %s of the session fee for the provider's wasted time; the provider bears the rest.", prose.BasisPoints(int64(w.Share)))
		x.charge(ClauseWaitProvider, fee, "provider kept waiting")
	}
	return x.clientBreach(ClauseWaitProvider, Moderate, "kept the provider waiting "+prose.Duration(waited)+" past the start")
}

func (x *evaluator) contact() error {
	c := &x.a.Communication
	msg := contact.Message{Arrived: x.ev.At, Category: x.ev.Category, Urgency: x.ev.Urgency, Channel: x.ev.Channel}
	resp, err := c.Policy.Respond(c.Hours, msg)
	if err != nil {
		return err
	}
	if resp.HasDeadline {
		x.action(ActRespondBy, ClauseCommunicationPolicy, resp.Deadline, "Answer by "+formatClock(resp.Deadline)+".")
	}
	if resp.Urgency == contact.Emergency {
		x.reason(CodeEmergency, ClauseEmergency, "An emergency: never a breach, whatever the hour or channel.")
		for _, r := range x.a.Emergency.Resources {
			x.action(ActOffer, ClauseEmergency, time.Time{}, r.Name+": "+r.Contact)
		}
		x.alternatives(resp)
		return nil
	}
	if !c.allows(x.ev.Channel) {
		x.reason(CodeOffChannel, ClauseCommunicationChannel, "Contact came in on %s, a channel the agreement does not open.", prose.Quote(string(x.ev.Channel)))
		return x.clientBreach(ClauseCommunicationChannel, Minor, "contact on "+string(x.ev.Channel))
	}
	if resp.WithinPolicy {
		x.reason(CodeWithinPolicy, ClauseCommunicationPolicy, "A %s contact within the communication policy.", resp.Urgency)
		return nil
	}
	x.alternatives(resp)
	clause := ClauseCommunicationPolicy
	what := "a " + resp.Urgency.String() + " contact outside the communication policy"
	if resp.AfterHours {
		// The hours are the provider's wall clock: say when it came in
		// there, whatever zone the event was given in.
		arrived := x.ev.At
		if c.Hours.Zone != nil {
			arrived = arrived.In(c.Hours.Zone)
		}
		clause = ClauseCommunicationHours
		what = "a " + resp.Urgency.String() + " contact after hours, at " + formatClock(arrived)
	}
	x.reason(CodeOffPolicy, clause, "%s.", prose.Capitalize(what))
	return x.clientBreach(clause, Minor, what)
}

// alternatives offers what the response policy says to offer.
func (x *evaluator) alternatives(resp contact.Response) {
	for _, alt := range resp.Alternatives {
		x.action(ActOffer, ClauseCommunicationPolicy, time.Time{}, alt.Message)
	}
}

func (x *evaluator) boundary() error {
	kind := x.ev.Boundary
	b, ok := x.a.Boundaries.Find(kind)
	if !ok {
		x.reason(CodeNoClause, ClauseBoundaries, "The agreement sets no %s boundary; there is nothing to enforce, though the provider may add one.", prose.Quote(string(kind)))
		return nil
	}
	id := BoundaryClause(kind)
	if x.ev.by() == RoleProvider {
		x.reason(CodeBoundaryCrossed, id, "The provider crossed the %s boundary.", prose.Quote(string(kind)))
		x.providerBreach(id, b.Severity, "the provider crossed the "+string(kind)+" boundary")
		return nil
	}
	if x.ev.InSession && !b.InSession {
		x.reason(CodeAcceptedInSession, ClauseInSession, "Conduct inside the session is met with acceptance and worked with; the %s boundary applies outside it.", prose.Quote(string(kind)))
		x.action(ActAccept, ClauseInSession, time.Time{}, "Meet it with acceptance and discuss it in the work.")
		return nil
	}
	n := 1
	found := false
	for i := range x.h.incidents {
		if x.h.incidents[i].kind == kind {
			x.h.incidents[i].count++
			n = x.h.incidents[i].count
			found = true
			break
		}
	}
	if !found {
		x.h.incidents = append(x.h.incidents, incident{kind: kind, count: 1})
	}
	x.reason(CodeBoundaryCrossed, id, "Crossed the %s boundary (%s), incident number %d.", prose.Quote(string(kind)), b.Severity, n)
	br := Breach{Party: RoleClient, Clause: id, Severity: b.Severity, Count: n, At: x.ev.At, Message: "crossed the " + string(kind) + " boundary"}
	step, i, ok := b.Ladder.step(n)
	if !ok {
		br.Consequence = ConsequenceNote
		x.out.Breaches = append(x.out.Breaches, br)
		x.action(ActNote, id, time.Time{}, "Record the incident and restate the boundary.")
		return nil
	}
	br.Consequence = step.Consequence
	br.Step = id.Child("ladder").Index(i)
	x.out.Breaches = append(x.out.Breaches, br)
	return x.respond(step, br.Step, id, n)
}

func (x *evaluator) forceMajeure() error {
	f := &x.a.ForceMajeure
	by := x.ev.by()
	delay := x.ev.At.Sub(x.ev.Occurred)
	if f.NoticeWithin > 0 && delay <= f.NoticeWithin {
		x.reason(CodeForceMajeure, ClauseForceMajeureNotice, "Force majeure notified %s after it happened, within %s: no fee, no breach.", prose.Duration(max(delay, 0)), prose.Duration(f.NoticeWithin))
		if by == RoleProvider {
			return x.providerRemedy()
		}
		x.action(ActReschedule, ClauseForceMajeure, time.Time{}, "Offer the client a new time.")
		return nil
	}
	if f.NoticeWithin > 0 {
		x.reason(CodeLateNotice, ClauseForceMajeureNotice, "Force majeure notified %s after it happened, later than %s: the notice counts as a cancellation.", prose.Duration(delay), prose.Duration(f.NoticeWithin))
	} else {
		x.reason(CodeNoClause, ClauseForceMajeure, "The agreement has no force-majeure terms: the notice counts as a cancellation.")
	}
	notice := x.ev.Session.Sub(x.ev.At)
	if by == RoleProvider {
		return x.providerCancellation(notice)
	}
	return x.clientCancellation(notice)
}

func (x *evaluator) latePayment() error {
	p := &x.a.Payment
	late := x.ev.At.Sub(x.ev.Due)
	if late <= p.Grace {
		x.reason(CodePaymentInGrace, ClausePaymentGrace, "Paid %s after the due time, within the grace period of %s.", prose.Duration(max(late, 0)), prose.Duration(p.Grace))
		return nil
	}
	x.reason(CodeLatePayment, ClausePaymentWithin, "Payment %s late, beyond the grace period of %s.", prose.Duration(late), prose.Duration(p.Grace))
	if !p.LateFee.IsZero() {
		x.reason(CodeLatePayment, ClausePaymentLateFee, "A late fee of %s is due.", p.LateFee)
		x.charge(ClausePaymentLateFee, p.LateFee, "late payment")
	}
	return x.clientBreach(ClausePaymentWithin, Moderate, "paid "+prose.Duration(late)+" late")
}

// terminationStart settles notice and fault for a termination, and returns
// whether the client side carries it (the client ends it, or the provider
// ends it on a ground).
func (x *evaluator) terminationStart() bool {
	t := &x.a.Termination
	by := x.ev.by()
	if by == RoleProvider && x.ev.Ground != "" {
		if g, ok := t.ground(x.ev.Ground); ok {
			id := GroundClause(g.Key)
			x.reason(CodeImmediateGround, id, "The provider ends the engagement at once: %s.", g.Text)
			x.action(ActTerminate, id, x.ev.At, "The engagement ends now.")
			return true
		}
		if id := ClauseID(x.ev.Ground); x.hasRight(id, x.ev.At) {
			x.reason(CodeImmediateGround, id, "The provider ends the engagement at once, on the right %s gave.", id)
			x.action(ActTerminate, id, x.ev.At, "The engagement ends now.")
			return true
		}
		x.reason(CodeUnknownGround, ClauseTerminationGrounds, "Neither the agreement's grounds nor the breaches so far give a right %s; the provider's notice applies.", prose.Quote(x.ev.Ground))
	}
	notice := t.Notice.of(by)
	end := x.ev.At.Add(notice)
	if notice > 0 {
		x.reason(CodeTerminated, ClauseTerminationNotice.Child(string(by)), "The %s ends the engagement with %s notice, effective %s.", by, prose.Duration(notice), formatClock(end))
	} else {
		x.reason(CodeTerminated, ClauseTerminationNotice.Child(string(by)), "The %s ends the engagement, effective at once.", by)
	}
	x.action(ActTerminate, ClauseTerminationNotice.Child(string(by)), end, "The engagement ends at the end of the notice.")
	return by == RoleClient
}

func (x *evaluator) termination() error {
	clientSide := x.terminationStart()
	paid := x.ev.Amount
	if paid.IsZero() {
		if x.a.Fees.Session.IsZero() {
			return nil // nothing paid in no currency: nothing to settle
		}
		paid = money.Zero(x.a.Fees.Session.Currency())
	}
	earned := money.Zero(paid.Currency())
	if x.ev.Sessions > 0 {
		var err error
		if earned, err = paid.SplitParts(x.ev.Sessions, 0, x.ev.Used); err != nil {
			return err
		}
	}
	unused, err := paid.Sub(earned)
	if err != nil {
		return err
	}
	if !earned.IsZero() {
		x.out.Charges = append(x.out.Charges, Line{Clause: ClauseFeesPackages, Amount: earned, Message: "prepaid sessions used"})
		x.reason(CodeSessionsUsed, ClauseFeesPackages, "%d of %d prepaid sessions were used: %s of the %s paid is earned.", x.ev.Used, x.ev.Sessions, earned, paid)
	}
	retained, err := x.retain(clientSide, paid, unused)
	if err != nil {
		return err
	}
	refund, err := unused.Sub(retained)
	if err != nil {
		return err
	}
	if positive(refund) {
		x.out.Refunds = append(x.out.Refunds, Line{Clause: ClauseTerminationRefund, Amount: refund, Message: "unused prepaid amount"})
		x.reason(CodeRefund, ClauseTerminationRefund, "%s is refunded.", refund)
	}
	return conserve(paid, earned, refund, retained)
}

// retain returns the part of the unused amount the provider keeps, and
// adds its line and reason.
func (x *evaluator) retain(clientSide bool, paid, unused money.Amount) (money.Amount, error) {
	t := &x.a.Termination
	zero := money.Zero(paid.Currency())
	if !positive(unused) {
		return zero, nil
	}
	// The clause behind what is kept: the rule that refunds nothing, or
	// the non-refundable share.
	clause := ClauseTerminationRetained
	if t.Refund == NoRefund {
		clause = ClauseTerminationRefund
	}
	if !clientSide {
		if t.NonRefundable > 0 || t.Refund == NoRefund {
			x.reason(CodeRetainedWaived, clause, "The provider ends the engagement without cause from the client, so everything unused is refunded, non-refundable parts included.")
		}
		return zero, nil
	}
	var kept money.Amount
	var err error
	switch {
	case t.Refund == NoRefund:
		kept = unused
		x.reason(CodeRetained, clause, "Unused prepaid sessions are not refunded: %s is kept.", kept)
	case t.NonRefundable > 0:
		if kept, err = paid.Share(int64(t.NonRefundable)); err != nil {
			return money.Amount{}, err
		}
		if c, err := kept.Cmp(unused); err != nil {
			return money.Amount{}, err
		} else if c > 0 {
			kept = unused
		}
		x.reason(CodeRetained, clause, "%s of what was paid is non-refundable: %s is kept.", prose.BasisPoints(int64(t.NonRefundable)), kept)
	default:
		return zero, nil
	}
	if positive(kept) {
		x.out.Retained = append(x.out.Retained, Line{Clause: clause, Amount: kept, Message: "non-refundable part"})
	}
	return kept, nil
}

// conserve checks that the parts add up to what was paid.
func conserve(paid money.Amount, parts ...money.Amount) error {
	total := money.Zero(paid.Currency())
	for _, p := range parts {
		var err error
		if total, err = total.Add(p); err != nil {
			return err
		}
	}
	if total != paid {
		return fmt.Errorf("%w: %s paid, %s accounted for", ErrConservation, paid, total)
	}
	return nil
}

func (x *evaluator) payment() {
	if x.ev.Sessions > 0 {
		x.reason(CodePackage, ClauseFeesPackages, "Paid %s for %d prepaid sessions.", x.ev.Amount, x.ev.Sessions)
		return
	}
	x.reason(CodePayment, ClausePayment, "Paid %s.", x.ev.Amount)
}

func (x *evaluator) session() error {
	if x.a.Fees.Session.IsZero() {
		x.reason(CodeNoClause, ClauseFees, "The agreement sets no session fee.")
		return nil
	}
	x.reason(CodeSessionCharged, ClauseFeesSession, "A session took place: %s.", x.a.Fees.Session)
	x.charge(ClauseFeesSession, x.a.Fees.Session, "session")
	return nil
}

// formatClock writes an instant in its own zone, to the minute:
// "Mon 2 Mar 2026 18:40 CET".
func formatClock(t time.Time) string {
	return t.Format("Mon 2 Jan 2006 15:04 MST")
}
