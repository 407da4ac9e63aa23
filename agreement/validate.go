package agreement

import (
	"errors"
	"slices"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/internal/prose"

	"github.com/practicekit/boundaries/availability/problem"
)

// Validate returns nil or a problem.List listing every inconsistency in the
// agreement, whatever its profile: an ID, a version and both parties;
// amounts in one currency and not negative; tiers sorted by notice, with
// shares within 0–100% that do not grow with more notice; a grace period
// shorter than the no-show threshold and the session; a wait limit
// shorter than the session; keys and kinds that are unique and usable in
// clause IDs; ladders whose steps are valid and end at termination; valid
// communication hours and response policy. Paths are clause IDs extended
// with field names, such as "cancellation.tiers[1].share".
//
// ValidateFor adds the elements a profile's professional standards expect.
func (a Agreement) Validate() error {
	var v validator
	v.agreement(&a)
	return v.l.Err()
}

// checkFor returns nil or a problem.List of the problems Validate finds in
// the clauses that evaluating ev reads: the session fee, which sets the
// currency, and the obligations' ladder, which breaches climb, always; the
// cancellation, lateness and wait terms, the provider's cancellation terms
// and the force-majeure notice for the events about a session; the payment
// terms for a late payment; the termination terms for a termination; the
// boundary crossed for a boundary incident. What no evaluation reads
// (parties, texts, packages) and the communication hours and policy,
// which contact.Policy.Respond takes as they are, are left out, so that
// Evaluate stays fast.
func (a *Agreement) checkFor(ev *Event) error {
	v := validator{cur: a.Fees.Session.Currency()}
	v.money(at(ClauseFeesSession), a.Fees.Session, false)
	v.ladder(ClauseObligationsLadder, a.Obligations.Ladder)
	switch ev.Kind {
	case EventCancellation, EventArrival, EventNoShow, EventWait, EventForceMajeure:
		v.cancellation(a)
		v.lateness(a)
		v.providerCancellation(a)
		v.duration(at(ClauseForceMajeureNotice), a.ForceMajeure.NoticeWithin)
	case EventLatePayment:
		v.payment(a)
	case EventTermination:
		v.termination(a)
	case EventBoundary:
		if i := slices.IndexFunc(a.Boundaries, func(b Boundary) bool { return b.Kind == ev.Boundary }); i >= 0 {
			v.boundary(a.Boundaries, i, false) // the first of its kind, the one evaluated
		}
	}
	return v.l.Err()
}

// validator collects problems.
type validator struct {
	l   problem.List
	cur money.Currency
}

func (v *validator) add(path ClauseID, code problem.Code, format string, args ...any) {
	v.l.Add(string(path), code, format, args...)
}

// A where is the path of a checked value: a clause ID, or a member of an
// element of a list. It is written out only for a problem: most values
// have none, and writing every path would allocate, which Evaluate, which
// checks the clauses it reads every time, cannot afford.
type where struct {
	id    ClauseID // the value's path, or the list's
	elem  int      // the element of the list id, from 1; 0 for none
	child string   // the element's member, or ""
}

// at is where the value with the given ID is.
func at(id ClauseID) where { return where{id: id} }

// elementOf is where member child of element i of list is.
func elementOf(list ClauseID, i int, child string) where {
	return where{id: list, elem: i + 1, child: child}
}

// path writes the path out.
func (w where) path() ClauseID {
	p := w.id
	if w.elem > 0 {
		p = p.Index(w.elem - 1)
	}
	if w.child != "" {
		p = p.Child(w.child)
	}
	return p
}

// money checks that m, when set, is in the agreement's currency and, unless
// negative amounts are allowed, not negative; positive also requires it
// above zero.
func (v *validator) money(w where, m money.Amount, positiveOnly bool) {
	if !m.IsValid() {
		if positiveOnly {
			v.add(w.path(), problem.Required, "an amount is required")
		}
		return
	}
	if v.cur != "" && m.Currency() != v.cur {
		v.add(w.path(), problem.Mismatch, "%s is not in the agreement's currency, %s", m, v.cur)
	}
	switch {
	case m.IsNegative():
		v.add(w.path(), problem.Negative, "%s is negative", m)
	case positiveOnly && m.IsZero():
		v.add(w.path(), problem.OutOfRange, "the amount must be above zero")
	}
}

// share checks a share in basis points.
func (v *validator) share(w where, bp int) {
	if bp < 0 || bp > 10000 {
		v.add(w.path(), problem.OutOfRange, "a share must be between 0 and 10000 basis points (100%%), not %d", bp)
	}
}

// duration checks that d is not negative.
func (v *validator) duration(w where, d time.Duration) {
	if d < 0 {
		v.add(w.path(), problem.Negative, "%s is negative", prose.Duration(d))
	}
}

// texts checks that no item of a list is empty.
func (v *validator) texts(w where, items []string) {
	for i, s := range items {
		if s == "" {
			v.add(w.path().Index(i), problem.Required, "an item cannot be empty")
		}
	}
}

func (v *validator) agreement(a *Agreement) {
	if a.ID == "" {
		v.add("id", problem.Required, "the agreement needs an ID")
	}
	if a.Version < 1 {
		v.add("version", problem.OutOfRange, "versions count from 1, not %d", a.Version)
	}
	v.parties(a)
	v.cur = a.Fees.Session.Currency()
	v.scope(a)
	v.fees(a)
	v.payment(a)
	v.cancellation(a)
	v.lateness(a)
	v.providerCancellation(a)
	v.communication(a)
	v.emergency(a)
	v.boundaries(a)
	v.texts(at(ClauseConfidentiality+".exceptions"), a.Confidentiality.Exceptions)
	v.texts(at(ClauseConfidentiality+".third_parties"), a.Confidentiality.ThirdParties)
	v.termination(a)
	v.duration(at(ClauseForceMajeureNotice), a.ForceMajeure.NoticeWithin)
	v.texts(at(ClauseForceMajeure+".what"), a.ForceMajeure.What)
	v.obligations(a)
}

func (v *validator) parties(a *Agreement) {
	var provider, client bool
	for i, p := range a.Parties {
		path := ClauseParties.Index(i)
		switch {
		case p.Role == RoleProvider:
			provider = true
		case p.Role == RoleClient:
			client = true
		case !p.Role.IsValid():
			v.add(path.Child("role"), problem.Invalid, "role %s is not provider, client or sponsor", prose.Quote(string(p.Role)))
		}
		if p.Name == "" {
			v.add(path.Child("name"), problem.Required, "a party needs a name")
		}
	}
	if !provider {
		v.add(ClauseParties, problem.Required, "the agreement needs a provider")
	}
	if !client {
		v.add(ClauseParties, problem.Required, "the agreement needs a client")
	}
}

func (v *validator) scope(a *Agreement) {
	v.texts(at(ClauseScope+".in"), a.Scope.In)
	v.texts(at(ClauseScope+".out"), a.Scope.Out)
	s := &a.Sessions
	v.duration(at(ClauseSessions+".length"), s.Length)
	if !s.Modalities.IsValid() {
		v.add(ClauseSessions+".modalities", problem.Invalid, "%v is not a set of modalities", s.Modalities)
	}
	v.texts(at(ClauseSessions+".places"), s.Places)
}

func (v *validator) fees(a *Agreement) {
	f := &a.Fees
	if f.Session.IsValid() || len(f.Packages) > 0 || f.Deposit.IsValid() || f.SlidingScale != nil {
		v.money(at(ClauseFeesSession), f.Session, false)
	}
	if !f.Session.IsValid() && v.cur == "" {
		// No session fee: the first amount found sets the currency, so
		// that mixed currencies are still reported.
		for _, p := range f.Packages {
			if p.Price.IsValid() {
				v.cur = p.Price.Currency()
				break
			}
		}
	}
	for i, p := range f.Packages {
		if p.Sessions < 1 || p.Sessions > money.MaxParts {
			v.add(elementOf(ClauseFeesPackages, i, "sessions").path(), problem.OutOfRange, "a package holds between 1 and %d sessions, not %d", money.MaxParts, p.Sessions)
		}
		v.money(elementOf(ClauseFeesPackages, i, "price"), p.Price, true)
	}
	v.money(at(ClauseFees+".deposit"), f.Deposit, false)
	if s := f.SlidingScale; s != nil {
		const path = ClauseFees + ".sliding_scale"
		v.money(at(path+".min"), s.Min, true)
		v.money(at(path+".max"), s.Max, true)
		if c, err := s.Min.Cmp(s.Max); err == nil && c > 0 {
			v.add(path+".min", problem.Conflict, "the minimum %s is above the maximum %s", s.Min, s.Max)
		}
	}
}

func (v *validator) payment(a *Agreement) {
	p := &a.Payment
	v.duration(at(ClausePaymentWithin), p.Within)
	v.duration(at(ClausePaymentGrace), p.Grace)
	v.money(at(ClausePaymentLateFee), p.LateFee, false)
	v.texts(at(ClausePayment+".methods"), p.Methods)
}

func (v *validator) cancellation(a *Agreement) {
	c := &a.Cancellation
	for i, t := range c.Tiers {
		before, share := elementOf(ClauseCancellationTiers, i, "before"), elementOf(ClauseCancellationTiers, i, "share")
		if t.Before <= 0 {
			v.add(before.path(), problem.OutOfRange, "a tier needs a positive notice, not %s", prose.Duration(t.Before))
		}
		v.share(share, t.Share)
		if i == 0 {
			continue
		}
		prev := c.Tiers[i-1]
		if t.Before <= prev.Before {
			v.add(before.path(), problem.Order, "tiers must be sorted by notice, shortest first: %s does not come after %s", prose.Duration(t.Before), prose.Duration(prev.Before))
		} else if t.Share > prev.Share {
			v.add(share.path(), problem.Conflict, "more notice cannot cost more: %s with less than %s, but %s with less than %s", prose.BasisPoints(int64(prev.Share)), prose.Duration(prev.Before), prose.BasisPoints(int64(t.Share)), prose.Duration(t.Before))
		}
	}
	if len(c.Tiers) > 0 && !a.Fees.Session.IsValid() {
		v.add(ClauseFeesSession, problem.Required, "cancellation tiers are shares of the session fee, which is not set")
	}
	l := c.Limit
	if l != (Limit{}) {
		if l.Count < 1 {
			v.add(ClauseCancellationLimit+".count", problem.OutOfRange, "the limit needs a count of at least 1, not %d", l.Count)
		}
		if l.Within <= 0 {
			v.add(ClauseCancellationLimit+".within", problem.OutOfRange, "the limit needs a positive span, not %s", prose.Duration(l.Within))
		}
	}
}

func (v *validator) lateness(a *Agreement) {
	l := &a.Lateness
	v.duration(at(ClauseLatenessGrace), l.Grace)
	v.duration(at(ClauseLatenessNoShow), l.NoShowAfter)
	v.share(at(ClauseLatenessNoShowShare), l.NoShowShare)
	if l.NoShowAfter > 0 && l.Grace >= l.NoShowAfter {
		v.add(ClauseLatenessGrace, problem.Conflict, "the grace period (%s) must be shorter than the no-show threshold (%s)", prose.Duration(l.Grace), prose.Duration(l.NoShowAfter))
	}
	length := a.Sessions.Length
	if length > 0 && l.Grace >= length {
		v.add(ClauseLatenessGrace, problem.Conflict, "the grace period (%s) must be shorter than the session (%s)", prose.Duration(l.Grace), prose.Duration(length))
	}
	if length > 0 && l.NoShowAfter > length {
		v.add(ClauseLatenessNoShow, problem.Conflict, "the no-show threshold (%s) cannot be longer than the session (%s)", prose.Duration(l.NoShowAfter), prose.Duration(length))
	}
	if l.NoShowShare > 0 && !a.Fees.Session.IsValid() {
		v.add(ClauseFeesSession, problem.Required, "the no-show share is a share of the session fee, which is not set")
	}
	w := a.Wait.Provider
	const after = ClauseWaitProvider + ".after"
	v.duration(at(after), w.After)
	v.share(at(ClauseWaitProvider+".share"), w.Share)
	if length > 0 && w.After >= length {
		v.add(after, problem.Conflict, "the wait limit (%s) must be shorter than the session (%s)", prose.Duration(w.After), prose.Duration(length))
	}
	if w.After == 0 && (w.Note || w.Reschedule || w.Share != 0) {
		v.add(after, problem.Required, "the wait terms need a limit")
	}
	if w.Share > 0 && !a.Fees.Session.IsValid() {
		v.add(ClauseFeesSession, problem.Required, "the wait share is a share of the session fee, which is not set")
	}
}

func (v *validator) providerCancellation(a *Agreement) {
	p := &a.ProviderCancellation
	v.duration(at(ClauseProviderNotice), p.Notice)
	if !p.Remedy.IsValid() && p.Remedy != "" {
		v.add(ClauseProviderRemedy, problem.Invalid, "remedy %s is not make_up, refund or client_chooses", prose.Quote(string(p.Remedy)))
	}
}

// repeated returns, in increasing order, the positions in a list of n
// elements whose key an earlier element has, or nil when there are none.
// A short list compares every pair; a long one remembers the keys seen, so
// that checking a list takes time in proportion to its length, not to its
// square: an agreement of 80,000 boundaries took seconds to validate.
func repeated(n int, key func(i int) string) []int {
	var out []int
	if n <= 16 {
		for i := 1; i < n; i++ {
			for j := range i {
				if key(j) == key(i) {
					out = append(out, i)
					break
				}
			}
		}
		return out
	}
	seen := make(map[string]struct{}, n)
	for i := range n {
		k := key(i)
		if _, ok := seen[k]; ok {
			out = append(out, i)
			continue
		}
		seen[k] = struct{}{}
	}
	return out
}

// next reports whether i is the first of the positions *rep, which are
// increasing, and if so drops it.
func next(rep *[]int, i int) bool {
	if len(*rep) > 0 && (*rep)[0] == i {
		*rep = (*rep)[1:]
		return true
	}
	return false
}

func (v *validator) communication(a *Agreement) {
	c := &a.Communication
	rep := repeated(len(c.Channels), func(i int) string { return string(c.Channels[i]) })
	for i, ch := range c.Channels {
		if ch == "" {
			v.add(ClauseCommunicationChannel.Index(i), problem.Required, "a channel needs a name")
		}
		if next(&rep, i) {
			v.add(ClauseCommunicationChannel.Index(i), problem.Duplicate, "channel %s is listed twice", prose.Quote(string(ch)))
		}
	}
	if len(c.Hours.Hours) == 0 && len(c.Hours.Overrides) == 0 {
		for i, t := range c.Policy.Targets {
			if t.Basis == contact.BusinessTime {
				v.add((ClauseCommunicationPolicy + ".targets").Index(i).Child("basis"), problem.Conflict,
					"a target counted in business hours needs the communication hours, which are not set")
			}
		}
	}
	v.nested(ClauseCommunicationHours, c.Hours.Validate())
	v.nested(ClauseCommunicationPolicy, c.Policy.Validate())
}

// nested adds the problems of a nested model's Validate below path.
func (v *validator) nested(path ClauseID, err error) {
	if err == nil {
		return
	}
	var ps problem.List
	if errors.As(err, &ps) {
		v.l = append(v.l, ps.Under(string(path))...)
		return
	}
	v.l = append(v.l, problem.Problem{Path: string(path), Code: problem.Invalid, Message: err.Error(), Err: err})
}

func (v *validator) emergency(a *Agreement) {
	e := &a.Emergency
	v.texts(at(ClauseEmergency+".what"), e.What)
	for i, r := range e.Resources {
		path := ClauseEmergency.Child("resources").Index(i)
		if r.Name == "" {
			v.add(path.Child("name"), problem.Required, "a resource needs a name")
		}
		if r.Contact == "" {
			v.add(path.Child("contact"), problem.Required, "a resource needs a contact")
		}
	}
}

func (v *validator) boundaries(a *Agreement) {
	bs := a.Boundaries
	rep := repeated(len(bs), func(i int) string { return string(bs[i].Kind) })
	for i := range bs {
		v.boundary(bs, i, next(&rep, i))
	}
}

// boundary checks boundary i of bs, which repeats the kind of an earlier
// one when dup is true.
func (v *validator) boundary(bs Boundaries, i int, dup bool) {
	b := &bs[i]
	path := BoundaryClause(b.Kind)
	if !isKey(string(b.Kind)) {
		path = ClauseBoundaries.Index(i)
		v.add(path.Child("kind"), problem.Invalid, "kind %s must be lower-case words joined by underscores", prose.Quote(string(b.Kind)))
	}
	if dup {
		v.add(path, problem.Duplicate, "boundary %s is listed twice", prose.Quote(string(b.Kind)))
	}
	if b.Text == "" {
		v.add(path.Child("text"), problem.Required, "a boundary needs a text")
	}
	if !b.Severity.IsValid() {
		v.add(path.Child("severity"), problem.Invalid, "severity must be minor, moderate, serious or critical")
	}
	if len(b.Ladder) == 0 {
		v.add(path.Child("ladder"), problem.Required, "a boundary needs a response ladder")
	}
	v.ladder(path.Child("ladder"), b.Ladder)
}

// ladder checks the steps of a ladder.
func (v *validator) ladder(path ClauseID, l Ladder) {
	for i, s := range l {
		if !s.Consequence.IsValid() {
			v.add(elementOf(path, i, "consequence").path(), problem.Invalid, "a consequence must be note, warning, fee or termination")
		}
		if s.Consequence == ConsequenceFee {
			v.money(elementOf(path, i, "fee"), s.Fee, true)
		} else if s.Fee.IsValid() && !s.Fee.IsZero() {
			v.add(elementOf(path, i, "fee").path(), problem.Conflict, "only a fee step charges a fee")
		}
		if s.Consequence == ConsequenceTermination && i != len(l)-1 {
			v.add(path.Index(i), problem.Conflict, "termination ends the ladder: steps after it are never reached")
		}
	}
}

func (v *validator) termination(a *Agreement) {
	t := &a.Termination
	v.duration(at(ClauseTerminationNotice+".client"), t.Notice.Client)
	v.duration(at(ClauseTerminationNotice+".provider"), t.Notice.Provider)
	rep := repeated(len(t.Grounds), func(i int) string { return t.Grounds[i].Key })
	for i, g := range t.Grounds {
		// The ground's path, by key when the key is usable, is written
		// only for a problem.
		key := isKey(g.Key)
		path := func() ClauseID {
			if key {
				return GroundClause(g.Key)
			}
			return ClauseTerminationGrounds.Index(i)
		}
		if !key {
			v.add(path().Child("key"), problem.Invalid, "key %s must be lower-case words joined by underscores", prose.Quote(g.Key))
		}
		if next(&rep, i) {
			v.add(path(), problem.Duplicate, "ground %s is listed twice", prose.Quote(g.Key))
		}
		if g.Text == "" {
			v.add(path().Child("text"), problem.Required, "a ground needs a text")
		}
	}
	if !t.Refund.IsValid() {
		v.add(ClauseTerminationRefund, problem.Invalid, "refund rule %s is not pro_rata or none", prose.Quote(string(t.Refund)))
	}
	v.share(at(ClauseTerminationRetained), t.NonRefundable)
}

func (v *validator) obligations(a *Agreement) {
	o := &a.Obligations
	for _, side := range [...]struct {
		role Role
		list []Obligation
	}{{RoleProvider, o.Provider}, {RoleClient, o.Client}} {
		rep := repeated(len(side.list), func(i int) string { return side.list[i].Key })
		for i, ob := range side.list {
			path := ObligationClause(side.role, ob.Key)
			if !isKey(ob.Key) {
				path = ClauseObligations.Child(string(side.role)).Index(i)
				v.add(path.Child("key"), problem.Invalid, "key %s must be lower-case words joined by underscores", prose.Quote(ob.Key))
			}
			if next(&rep, i) {
				v.add(path, problem.Duplicate, "obligation %s is listed twice", prose.Quote(ob.Key))
			}
			if ob.Text == "" {
				v.add(path.Child("text"), problem.Required, "an obligation needs a text")
			}
		}
	}
	v.ladder(ClauseObligationsLadder, o.Ladder)
}

// positive reports whether m is a valid amount above zero.
func positive(m money.Amount) bool { return m.IsValid() && m.Minor() > 0 }
