package referral

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/practicekit/boundaries/availability/contact"
	"github.com/practicekit/boundaries/availability/place"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/internal/bitset"
	"github.com/practicekit/boundaries/internal/prose"
)

// failures returns the applicable constraints provider i fails, hard or
// not, checked one by one from the provider's entry.
func (ix *Index) failures(i int32, q *query) Constraint {
	p := &ix.providers[i]
	var f Constraint
	if q.applicable.Has(ConstraintNeeds) {
		for _, t := range q.must {
			if !p.hasTag(t) {
				f |= ConstraintNeeds
				break
			}
		}
	}
	if q.applicable.Has(ConstraintLanguage) && !slices.ContainsFunc(p.Languages, func(l string) bool { return samePrimary(l, q.lang) }) {
		f |= ConstraintLanguage
	}
	if q.applicable.Has(ConstraintReach) && !ix.remoteReach(i, q) && !ix.inPersonReach(i, q) {
		f |= ConstraintReach
	}
	if q.applicable.Has(ConstraintRegion) && !slices.ContainsFunc(p.Regions, func(r string) bool { return licensedFor(r, q.region) }) {
		f |= ConstraintRegion
	}
	if q.applicable.Has(ConstraintAccepting) && !(p.Accepting.Value && (p.Capacity == nil || p.Capacity.Value > 0)) {
		f |= ConstraintAccepting
	}
	if q.applicable.Has(ConstraintBudget) && !ix.fitsBudget(i, q) {
		f |= ConstraintBudget
	}
	if q.applicable.Has(ConstraintInsurance) && !slices.Contains(p.Insurance, q.insurance) {
		f |= ConstraintInsurance
	}
	return f
}

// An explainer writes the sentences of a result's matches one after
// another into one buffer, and sets each message, once the buffer is
// complete, to its part of a single string. The components and reasons of
// all the matches likewise share one array each, every match with its own
// part of it. The explanations of a whole result so take a handful of
// allocations instead of dozens per match.
type explainer struct {
	buf        []byte
	components []Component // factors per match
	reasons    []Reason    // perMatch per match
	factors    int         // components per match: the factors with a weight
	perMatch   int         // the most reasons of a match

	// Where in buf the strings are, by place in components and reasons;
	// a rule's span is zero when the rule is not in buf.
	componentText []span
	reasonText    []span
	reasonRule    []span
	hardRules     [16]span // "hard.needs" and so on, by bit, once written
}

// A span is where a string is in the buffer: buf[start:end].
type span struct{ start, end int32 }

// bytesPerMatch is about what the sentences of one match take.
const bytesPerMatch = 640

// newExplainer returns an explainer for n matches of the query.
func newExplainer(q *query, n int) *explainer {
	e := &explainer{perMatch: bits.OnesCount16(uint16(q.applicable)) + 3}
	for f := range factorCount {
		if q.weights[f] != 0 {
			e.factors++
		}
	}
	e.buf = make([]byte, 0, n*bytesPerMatch)
	e.components = make([]Component, n*e.factors)
	e.reasons = make([]Reason, n*e.perMatch)
	spans := make([]span, n*(e.factors+2*e.perMatch))
	e.componentText, spans = spans[:n*e.factors], spans[n*e.factors:]
	e.reasonText, e.reasonRule = spans[:n*e.perMatch], spans[n*e.perMatch:]
	return e
}

// since returns the span of what the buffer holds from start on.
func (e *explainer) since(start int) span { return span{int32(start), int32(len(e.buf))} }

// component appends to match k's components cs one for factor f, whose
// message is what the buffer holds from start on.
func (e *explainer) component(k int, cs []Component, c Component, start int) []Component {
	e.componentText[k*e.factors+len(cs)] = e.since(start)
	return append(cs, c)
}

// reason appends to match k's reasons rs one with the code and rule whose
// message is what the buffer holds from start on.
func (e *explainer) reason(k int, rs []Reason, code Code, rule string, start int) []Reason {
	e.reasonText[k*e.perMatch+len(rs)] = e.since(start)
	return append(rs, Reason{Code: code, Rule: rule})
}

// hardRule gives the last of match k's reasons rs the rule of hard
// constraint c, "hard.needs" for ConstraintNeeds, writing it to the buffer
// the first time.
func (e *explainer) hardRule(k int, rs []Reason, c Constraint) {
	r := &e.hardRules[bits.TrailingZeros16(uint16(c))]
	if r.end == 0 {
		start := len(e.buf)
		e.buf = append(append(e.buf, "hard."...), c.name()...)
		*r = e.since(start)
	}
	e.reasonRule[k*e.perMatch+len(rs)-1] = *r
}

// finish sets the messages and rules written to the buffer.
func (e *explainer) finish() {
	text := string(e.buf)
	for j, s := range e.componentText {
		e.components[j].Message = text[s.start:s.end]
	}
	for j, s := range e.reasonText {
		e.reasons[j].Message = text[s.start:s.end]
		if r := e.reasonRule[j]; r.end > 0 {
			e.reasons[j].Rule = text[r.start:r.end]
		}
	}
}

// A reach is how a provider can serve the client, worked out once for a
// match: remotely, in person, and the distance between them when both
// locations are known (0 otherwise).
type reach struct {
	remote, inPerson bool
	km               float64
}

// reachOf returns how provider i can serve the client.
func (ix *Index) reachOf(i int32, q *query) reach {
	p := &ix.providers[i]
	r := reach{remote: ix.remoteReach(i, q)}
	if q.req.Location != nil && p.Location != nil {
		r.km = q.loc.DistanceKm(*p.Location)
		r.inPerson = q.inPersonAt(p, r.km)
	}
	return r
}

// explain builds match k of the selected items, with its components and
// reasons, writing their sentences with e.
func (ix *Index) explain(e *explainer, q *query, state *Rotation, items []item, k int) Match {
	it := &items[k]
	p := &ix.providers[it.i]
	r := ix.reachOf(it.i, q)
	m := Match{ID: p.ID, Name: p.Name, Practice: p.Practice, Score: it.score, DistanceKm: r.km}
	if r.remote {
		m.Modalities |= p.Modalities & q.remoteWays
	}
	if r.inPerson {
		m.Modalities |= place.InPerson
	}
	if !q.applicable.Has(ConstraintReach) {
		m.Modalities = p.Modalities // nothing is known to narrow them
	}

	m.Components = e.components[k*e.factors : k*e.factors : (k+1)*e.factors]
	m.Reasons = e.reasons[k*e.perMatch : k*e.perMatch : (k+1)*e.perMatch]
	for f, v := range it.values {
		w := q.weights[f]
		if w == 0 {
			continue
		}
		start := len(e.buf)
		e.buf = ix.appendFactor(e.buf, Factor(f), v, it.i, q, r)
		m.Components = e.component(k, m.Components, Component{Factor: Factor(f), Weight: w, Value: v, Points: w * v / q.weightTotal}, start)
	}

	failed := ix.failures(it.i, q)
	for c := range q.applicable.All() {
		meets := !failed.Has(c)
		code := CodeMeets
		if !meets {
			code = CodeMisses
		}
		start := len(e.buf)
		e.buf = ix.appendConstraint(e.buf, c, meets, it.i, q, r)
		if q.hard.Has(c) {
			m.Reasons = e.reason(k, m.Reasons, code, "", start)
			e.hardRule(k, m.Reasons, c)
		} else {
			m.Reasons = e.reason(k, m.Reasons, code, c.name(), start)
		}
	}
	start := len(e.buf)
	e.buf = ix.appendFreshness(e.buf, it.i, q, it.stale)
	code := CodeFresh
	if it.stale {
		code = CodeStale
	}
	m.Reasons = e.reason(k, m.Reasons, code, "stale", start)
	if q.emergency {
		start := len(e.buf)
		e.buf = ix.appendImmediate(e.buf, it.i, q)
		m.Reasons = e.reason(k, m.Reasons, CodeImmediate, "immediate", start)
	}
	if peers, mixed := bandPeers(items, k); peers > 0 {
		start := len(e.buf)
		e.buf = ix.appendRotation(e.buf, state, it.i, peers, mixed)
		m.Reasons = e.reason(k, m.Reasons, CodeRotation, "rotation", start)
	}
	return m
}

// appendImmediate appends why provider i has immediate capacity.
func (ix *Index) appendImmediate(b []byte, i int32, q *query) []byte {
	p := &ix.providers[i]
	if p.Capacity != nil {
		b = append(b, "Has immediate capacity: "...)
		b = append(b, prose.Count(p.Capacity.Value, "place", "places")...)
		b = append(b, " open, confirmed on "...)
		b = append(b, p.Capacity.Confirmed.String()...)
	} else {
		b = append(b, "Has immediate capacity: accepting new clients, confirmed on "...)
		b = append(b, p.Accepting.Confirmed.String()...)
		b = append(b, " (places are not tracked)"...)
	}
	if p.Schedule != nil {
		b = append(b, ", and open within "...)
		b = prose.AppendDuration(b, q.s.immediate)
	}
	return append(b, '.')
}

// appendFreshness appends how fresh provider i's intake facts are, and
// what the stale policy did when they are stale.
func (ix *Index) appendFreshness(b []byte, i int32, q *query, stale bool) []byte {
	p := &ix.providers[i]
	describe := func(b []byte, what string, c availability.Date) []byte {
		b = append(b, what...)
		if c.IsZero() {
			return append(b, " was never confirmed"...)
		}
		b = append(b, " was confirmed on "...)
		b = append(b, c.String()...)
		if days := c.DaysUntil(q.today); days < 0 {
			b = append(b, ", a date after today"...)
		} else {
			b = append(b, ", "...)
			b = append(b, prose.Count(days, "day", "days")...)
			b = append(b, " ago"...)
		}
		return b
	}
	b = describe(b, "Accepting new clients", p.Accepting.Confirmed)
	if p.Capacity != nil {
		b = describe(b, "; capacity", p.Capacity.Confirmed)
	}
	if !stale {
		return append(b, '.')
	}
	b = append(b, "; facts older than "...)
	b = append(b, prose.Count(q.s.staleDays, "day", "days")...)
	b = append(b, " are stale"...)
	switch q.s.staleAction {
	case StalePenalize:
		b = append(b, ": score lowered by "...)
		b = strconv.AppendFloat(b, q.s.penalty, 'f', 2, 64)
	case StaleIgnore:
		b = append(b, ": kept as fresh by policy"...)
	}
	return append(b, '.')
}

// bandPeers returns how many other items share item k's score band, and
// whether their priorities differ from its.
func bandPeers(items []item, k int) (peers int, mixedPriority bool) {
	it := &items[k]
	for j := range items {
		if j != k && items[j].band == it.band {
			peers++
			mixedPriority = mixedPriority || items[j].priority != it.priority
		}
	}
	return peers, mixedPriority
}

// appendRotation appends how priority and rotation placed provider i
// among the peers matches in its score band.
func (ix *Index) appendRotation(b []byte, state *Rotation, i int32, peers int, mixedPriority bool) []byte {
	p := &ix.providers[i]
	b = append(b, "Near-equal to "...)
	b = append(b, prose.Count(peers, "other match", "other matches")...)
	b = append(b, " in score"...)
	if mixedPriority {
		b = append(b, "; priority "...)
		b = strconv.AppendInt(b, int64(p.Priority), 10)
	}
	if u, ok := state.Use(p.ID); ok {
		b = append(b, "; rotation: referred "...)
		b = append(b, prose.Count(u.Count, "time", "times")...)
		b = append(b, ", last on "...)
		b = u.Last.AppendFormat(b, "2006-01-02 15:04 MST")
	} else {
		b = append(b, "; rotation: never referred"...)
	}
	return append(b, '.')
}

// appendFee appends what provider i's lowest fee is against the budget:
// "Fees from USD 80.00, within the budget of USD 120.00."
func appendFee(b []byte, p *Provider, q *query, within, sliding bool) []byte {
	b = append(b, "Fees from "...)
	b = appendAmount(b, p.Fees.Min)
	if within {
		b = append(b, ", within the budget of "...)
	} else {
		b = append(b, ", above the budget of "...)
	}
	b = appendAmount(b, q.budget)
	if !within && sliding {
		b = append(b, ", with a sliding scale"...)
	}
	return append(b, '.')
}

// appendAmount appends a as its String method writes it.
func appendAmount(b []byte, a money.Amount) []byte {
	if !a.IsValid() {
		return append(b, a.String()...)
	}
	b, _ = a.AppendText(b)
	return b
}

// appendKm appends a distance in kilometres with the given decimals.
func appendKm(b []byte, km float64, decimals int) []byte {
	return append(strconv.AppendFloat(b, km, 'f', decimals, 64), " km"...)
}

// appendFactor appends what factor f's value v says for provider i, who
// can serve the client as r says.
func (ix *Index) appendFactor(b []byte, f Factor, v float64, i int32, q *query, r reach) []byte {
	p := &ix.providers[i]
	switch f {
	case FactorNeeds:
		met := 0
		for _, t := range q.scored {
			if p.hasTag(t) {
				met++
			}
		}
		if met == 0 {
			b = append(b, "Meets none of "...)
		} else {
			b = append(b, "Meets "...)
			b = strconv.AppendInt(b, int64(met), 10)
			b = append(b, " of "...)
		}
		b = append(b, prose.Count(len(q.scored), "scored need", "scored needs")...)
		b = append(b, ": "...)
		n := 0
		for _, t := range q.scored {
			if met > 0 && !p.hasTag(t) {
				continue
			}
			if n > 0 {
				b = append(b, ", "...)
			}
			b = append(b, t...)
			n++
		}
		return append(b, '.')
	case FactorLanguage:
		switch v {
		case 1:
			b = append(b, "Works in "...)
			b = append(b, languageVariety(q.lang)...)
		case 0.5:
			b = append(b, "Works in "...)
			b = append(b, languageName(q.lang)...)
			b = append(b, ", not in the "...)
			b = append(b, q.lang...)
			b = append(b, " variety"...)
		default:
			b = append(b, "Does not work in "...)
			b = append(b, languageName(q.lang)...)
		}
		return append(b, '.')
	case FactorDistance:
		if r.inPerson {
			b = appendKm(b, r.km, 1)
			b = append(b, " away, within "...)
		} else {
			b = append(b, "Cannot see the client in person within "...)
		}
		return append(appendKm(b, q.within, 0), '.')
	case FactorFee:
		switch {
		case p.Fees == nil:
			return append(b, "Does not publish fees."...)
		case p.Fees.Min.Currency() != q.budget.Currency():
			b = append(b, "Charges in "...)
			b = append(b, p.Fees.Min.Currency()...)
			b = append(b, ", the budget is in "...)
			b = append(b, q.budget.Currency()...)
			return append(b, '.')
		}
		return appendFee(b, p, q, v == 1, v > 0)
	case FactorInsurance:
		if v == 1 {
			b = append(b, "In the "...)
		} else {
			b = append(b, "Not in the "...)
		}
		b = append(b, q.insurance...)
		return append(b, " network."...)
	case FactorTimes:
		if p.Schedule == nil {
			return append(b, "Publishes no schedule."...)
		}
		b = append(b, "Open during "...)
		b = append(b, prose.Ratio(v)...)
		return append(b, " of the preferred times in the coming week."...)
	}
	return b
}

// requirement describes what constraint c asks of a provider for the
// query, as a verb phrase for one provider and for several: "works in
// Italian" and "work in Italian".
func requirement(c Constraint, q *query) (one, many string) {
	return string(appendRequirement(nil, c, q, false)), string(appendRequirement(nil, c, q, true))
}

// appendRequirement appends requirement's phrase for one provider, or
// with many for several.
func appendRequirement(b []byte, c Constraint, q *query, many bool) []byte {
	verb := func(one, several string) string {
		if many {
			return several
		}
		return one
	}
	switch c {
	case ConstraintNeeds:
		b = append(b, verb("offers ", "offer ")...)
		for k, t := range q.must {
			if k > 0 {
				b = append(b, " and "...)
			}
			b = append(b, t...)
		}
		return b
	case ConstraintLanguage:
		b = append(b, verb("works", "work")...)
		b = append(b, " in "...)
		return append(b, languageName(q.lang)...)
	case ConstraintReach:
		switch {
		case q.remoteOK && q.inPersonOK:
			b = append(b, verb("works", "work")...)
			return appendKm(append(b, " remotely or in person within "...), q.within, 0)
		case q.inPersonOK:
			b = append(b, verb("works", "work")...)
			return appendKm(append(b, " in person within "...), q.within, 0)
		case q.remoteOK:
			b = append(b, verb("works", "work")...)
			return append(b, " remotely"...)
		}
		return append(b, "can reach the client"...)
	case ConstraintRegion:
		b = append(b, "may practise in "...)
		return append(b, q.region...)
	case ConstraintAccepting:
		b = append(b, verb("is", "are")...)
		b = append(b, " accepting new clients"...)
		if q.s.staleAction == StaleDrop {
			b = append(b, ", confirmed within "...)
			b = append(b, prose.Count(q.s.staleDays, "day", "days")...)
		}
		if q.emergency {
			b = append(b, ", with immediate capacity"...)
		}
		return b
	case ConstraintBudget:
		// Fees that are not published cannot be shown to fit: say that
		// publishing them is part of the requirement.
		b = append(b, verb("publishes", "publish")...)
		b = append(b, " fees of at most "...)
		b = appendAmount(b, q.budget)
		return append(b, " or a sliding scale"...)
	case ConstraintInsurance:
		b = append(b, verb("is", "are")...)
		b = append(b, " in the "...)
		b = append(b, q.insurance...)
		return append(b, " network"...)
	}
	return append(b, c.String()...)
}

// also puts "also" into a requirement for one provider: "also works in
// Italian", "is also accepting new clients", "may also practise in US-OR".
func also(one string) string {
	for _, aux := range [...]string{"is ", "may ", "can "} {
		if rest, ok := strings.CutPrefix(one, aux); ok {
			return aux + "also " + rest
		}
	}
	return "also " + one
}

// appendConstraint appends whether provider i, who can serve the client
// as r says, meets constraint c.
func (ix *Index) appendConstraint(b []byte, c Constraint, meets bool, i int32, q *query, r reach) []byte {
	p := &ix.providers[i]
	if !meets && c == ConstraintBudget {
		// Why, in the words of the fee score.
		b = append(b, "Does not meet the budget of "...)
		b = appendAmount(b, q.budget)
		b = append(b, ": "...)
		switch {
		case p.Fees == nil:
			return append(b, "does not publish fees."...)
		case ix.feeCur[i] != q.budget.Currency():
			b = append(b, "charges in "...)
			b = append(b, ix.feeCur[i]...)
			return append(b, '.')
		}
		b = append(b, "fees from "...)
		b = appendAmount(b, p.Fees.Min)
		return append(b, ", without a sliding scale."...)
	}
	if !meets {
		b = append(b, "Does not meet: "...)
		return append(appendRequirement(b, c, q, false), '.')
	}
	switch c {
	case ConstraintReach:
		switch {
		case r.inPerson && r.remote:
			b = append(b, "Works remotely, and in person "...)
		case r.inPerson:
			b = append(b, "Works in person "...)
		default:
			return append(b, "Works remotely."...)
		}
		return append(appendKm(b, r.km, 1), " away."...)
	case ConstraintRegion:
		for _, region := range p.Regions {
			if licensedFor(region, q.region) {
				b = append(b, "May practise in "...)
				b = append(b, q.region...)
				if region == q.region {
					return append(b, '.')
				}
				b = append(b, " (licensed for all of "...)
				b = append(b, region...)
				return append(b, ")."...)
			}
		}
	case ConstraintAccepting:
		if p.Capacity != nil {
			b = append(b, "Accepting new clients, "...)
			b = append(b, prose.Count(p.Capacity.Value, "place", "places")...)
			return append(b, " open."...)
		}
		return append(b, "Accepting new clients."...)
	case ConstraintBudget:
		return appendFee(b, p, q, ix.feeMin[i] <= q.budget.Minor(), true)
	}
	start := len(b)
	b = appendRequirement(b, c, q, false)
	if start < len(b) && 'a' <= b[start] && b[start] <= 'z' {
		b[start] -= 'a' - 'A' // as prose.Capitalize does
	}
	return append(b, '.')
}

// counts says, for each hard constraint that applies, how many providers
// considered pass it and how many pass every other one but not it. The
// stale-drop and emergency policies count as part of ConstraintAccepting.
// It also returns the providers considered and, for each count, those
// that pass its constraint, for whyNone.
func (ix *Index) counts(q *query) (out []Count, alive bitset.Set, pass []bitset.Set) {
	n := len(ix.providers)
	alive = slices.Clone(ix.all)
	for _, i := range q.excluded {
		alive.Remove(int(i))
	}
	hard := q.hard
	if q.s.staleAction == StaleDrop || q.emergency {
		hard |= ConstraintAccepting
	}
	var cs []Constraint
	for c := range hard.All() {
		b := bitset.New(n)
		switch c {
		case ConstraintNeeds:
			copy(b, ix.all)
			for _, s := range q.mustSets {
				andInto(b, s)
			}
		case ConstraintLanguage:
			if q.langSet != nil {
				copy(b, q.langSet)
			}
		case ConstraintRegion:
			for _, s := range q.regionSets {
				if s != nil {
					b.Or(s)
				}
			}
		case ConstraintInsurance:
			if q.insSet != nil {
				copy(b, q.insSet)
			}
		case ConstraintReach:
			copy(b, alive)
			ix.reachInto(b, q)
		case ConstraintAccepting:
			if q.hard.Has(ConstraintAccepting) {
				copy(b, ix.accepting)
			} else {
				copy(b, ix.all)
			}
			for i := range b.All() {
				if q.s.staleAction == StaleDrop && ix.stale(int32(i), q) || q.emergency && !ix.immediate(int32(i), q) {
					b.Remove(i)
				}
			}
		case ConstraintBudget:
			for i := range alive.All() {
				if ix.fitsBudget(int32(i), q) {
					b.Add(i)
				}
			}
		}
		cs = append(cs, c)
		pass = append(pass, b)
	}
	out = make([]Count, len(cs))
	fails := make([]uint64, len(cs))
	for w := range alive {
		var any2, many uint64 // bits failing at least one, and at least two
		for k := range cs {
			fails[k] = alive[w] &^ pass[k][w]
			many |= any2 & fails[k]
			any2 |= fails[k]
			out[k].Pass += bits.OnesCount64(alive[w] & pass[k][w])
		}
		for k := range cs {
			out[k].Relaxed += bits.OnesCount64(fails[k] &^ many)
		}
	}
	for k, c := range cs {
		out[k].Constraint = c
	}
	return out, alive, pass
}

// whyNone explains an empty result from the counts, the providers
// considered and those passing each counted constraint: first what no
// provider meets, as one constraint ("no provider works in Italian") or two
// together ("no provider who works in Italian also works in person within
// 25 km"); then, for each constraint, how many providers meet it and how
// many match everything else, which is what relaxing it alone would give.
func (ix *Index) whyNone(q *query, considered int, counts []Count, alive bitset.Set, pass []bitset.Set) []Reason {
	if considered == 0 {
		return []Reason{{Code: CodeNoMatch, Rule: "hard", Message: "No provider is left to consider: the directory is empty or the request excludes every provider."}}
	}
	head := "No match among " + prose.Count(considered, "provider", "providers") + " considered"
	if why := ix.noneMeets(counts, alive, pass, q); why != "" {
		head += ": " + why
	}
	rs := []Reason{{Code: CodeNoMatch, Rule: "hard", Message: head + "."}}
	for k, c := range counts {
		one, many := requirement(c.Constraint, q)
		var msg string
		switch {
		case c.Pass == 0:
			msg = "no provider " + one
		case c.Pass == considered && considered > 1:
			msg = "all " + strconv.Itoa(considered) + " " + many
		case c.Pass == 1:
			msg = "1 of " + strconv.Itoa(considered) + " " + one
		default:
			msg = strconv.Itoa(c.Pass) + " of " + strconv.Itoa(considered) + " " + many
		}
		switch {
		case c.Relaxed == 0:
			msg += "; relaxing it alone would give no match."
		case c.Constraint == ConstraintReach:
			msg += "; " + ix.outOfReach(q, k, alive, pass) + " everything else."
		default:
			msg += "; " + prose.Count(c.Relaxed, "provider matches", "providers match") + " everything else."
		}
		name := c.Constraint.name()
		rs = append(rs, Reason{Code: CodeConstraint, Rule: "hard." + name, Message: prose.Capitalize(name) + ": " + msg})
	}
	return rs
}

// noneMeets names the first constraint no provider meets, or else the
// first two that no provider meets together; "" when it takes three or
// more.
func (ix *Index) noneMeets(counts []Count, alive bitset.Set, pass []bitset.Set, q *query) string {
	for _, c := range counts {
		if c.Pass == 0 {
			one, _ := requirement(c.Constraint, q)
			return "no provider " + one
		}
	}
	for a := range counts {
	next:
		for b := a + 1; b < len(counts); b++ {
			for w := range alive {
				if alive[w]&pass[a][w]&pass[b][w] != 0 {
					continue next
				}
			}
			one, _ := requirement(counts[a].Constraint, q)
			other, _ := requirement(counts[b].Constraint, q)
			return "no provider who " + one + " " + also(other)
		}
	}
	return ""
}

// outOfReach describes the providers who meet every hard constraint but
// reach, k being reach's place in the counts: "3 remote ones match", "1
// farther away matches", "2 remote ones and 1 farther away match".
func (ix *Index) outOfReach(q *query, k int, alive bitset.Set, pass []bitset.Set) string {
	var remote, far, inPerson int
	for w := range alive {
		word := alive[w] &^ pass[k][w]
		for j := range pass {
			if j != k {
				word &= pass[j][w]
			}
		}
		for word != 0 {
			p := &ix.providers[w<<6+bits.TrailingZeros64(word)]
			word &= word - 1
			switch {
			case !p.Modalities.Overlaps(q.remoteWays) && p.Modalities.Overlaps(place.Remote):
				remote++
			case q.inPersonOK && p.Modalities.Has(place.InPerson):
				far++
			default:
				inPerson++
			}
		}
	}
	var parts []string
	if remote > 0 {
		parts = append(parts, prose.Count(remote, "remote one", "remote ones"))
	}
	if far > 0 {
		parts = append(parts, strconv.Itoa(far)+" farther away")
	}
	if inPerson > 0 {
		parts = append(parts, prose.Count(inPerson, "in-person one", "in-person ones"))
	}
	verb := " match"
	if remote+far+inPerson == 1 {
		verb = " matches"
	}
	return strings.Join(parts, " and ") + verb
}

// crisisFor returns the crisis resources for an emergency in region, and
// the reasons: the caller's resources for the region; every caller's
// resource when none is for the region; the built-in examples when the
// caller passed none.
func crisisFor(c *Crisis, region string) ([]contact.Resource, []Reason) {
	where := region
	if where == "" {
		where = "an unknown region"
	}
	if len(c.Resources) == 0 {
		ex := CrisisExamples()
		list := ex.For(region)
		if len(list) == 0 {
			list = ex.Resources
		}
		return list, []Reason{{Code: CodeCrisisBuilt, Rule: "crisis", Message: "Emergency: no crisis resources were passed, so the built-in examples checked on " + ex.Version + " come first; confirm them locally."}}
	}
	if list := c.For(region); len(list) > 0 {
		return list, []Reason{{Code: CodeCrisisFirst, Rule: "crisis", Message: "Emergency: the crisis resources for " + where + versionSuffix(c.Version) + " come first."}}
	}
	return slices.Clone(c.Resources), []Reason{{Code: CodeCrisisAll, Rule: "crisis", Message: "Emergency: no crisis resource is listed for " + where + versionSuffix(c.Version) + ", so every listed resource comes first."}}
}

func versionSuffix(v string) string {
	if v == "" {
		return ""
	}
	return " (crisis list " + v + ")"
}
