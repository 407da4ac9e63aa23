package referral

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/practicekit/boundaries/availability"
)

// itoa formats an integer.
func itoa(n int) string { return strconv.Itoa(n) }

// plural returns "1 provider is" or "3 providers are" from n and the
// singular and plural phrases.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}

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

// explain builds match k of the selected items, with its components and
// reasons.
func (ix *Index) explain(q *query, state *Rotation, items []item, k int) Match {
	it := &items[k]
	p := &ix.providers[it.i]
	m := Match{ID: p.ID, Name: p.Name, Practice: p.Practice, Score: it.score}
	if ix.remoteReach(it.i, q) {
		m.Modalities |= Remote
	}
	if ix.inPersonReach(it.i, q) {
		m.Modalities |= InPerson
	}
	if q.req.Location != nil && p.Location != nil {
		m.DistanceKm = q.loc.DistanceKm(*p.Location)
	}

	m.Components = make([]Component, 0, factorCount)
	m.Reasons = make([]Reason, 0, bits.OnesCount16(uint16(q.applicable))+3)
	v := ix.values(it.i, q)
	for f := range factorCount {
		w := q.weights[f]
		if w == 0 {
			continue
		}
		m.Components = append(m.Components, Component{
			Factor: f, Weight: w, Value: v[f], Points: w * v[f] / q.weightTotal,
			Message: ix.factorMessage(f, v[f], it.i, q),
		})
	}

	failed := ix.failures(it.i, q)
	for c := range q.applicable.All() {
		rule := c.name()
		if q.hard.Has(c) {
			rule = "hard." + rule
		}
		if failed.Has(c) {
			m.Reasons = append(m.Reasons, Reason{Code: CodeMisses, Rule: rule, Message: ix.constraintMessage(c, false, it.i, q)})
		} else {
			m.Reasons = append(m.Reasons, Reason{Code: CodeMeets, Rule: rule, Message: ix.constraintMessage(c, true, it.i, q)})
		}
	}
	m.Reasons = append(m.Reasons, ix.freshness(it.i, q, it.stale))
	if q.emergency {
		msg := "Has immediate capacity: " + plural(p.Capacity.Value, "place", "places") + " open, confirmed on " + p.Capacity.Confirmed.String()
		if p.Schedule != nil {
			msg += ", and open within " + q.s.immediate.String()
		}
		m.Reasons = append(m.Reasons, Reason{Code: CodeImmediate, Rule: "immediate", Message: msg + "."})
	}
	if r, ok := ix.rotationReason(state, items, k); ok {
		m.Reasons = append(m.Reasons, r)
	}
	return m
}

// freshness says how fresh provider i's intake facts are.
func (ix *Index) freshness(i int32, q *query, stale bool) Reason {
	p := &ix.providers[i]
	describe := func(what string, c availability.Date) string {
		switch days := c.DaysUntil(q.today); {
		case c.IsZero():
			return what + " was never confirmed"
		case days < 0:
			return what + " was confirmed on " + c.String() + ", a date after today"
		default:
			return what + " was confirmed on " + c.String() + ", " + plural(days, "day", "days") + " ago"
		}
	}
	facts := describe("Accepting new clients", p.Accepting.Confirmed)
	if p.Capacity != nil {
		facts += describe("; capacity", p.Capacity.Confirmed)
	}
	if !stale {
		return Reason{Code: CodeFresh, Rule: "stale", Message: facts + "."}
	}
	msg := facts + "; facts older than " + plural(q.s.staleDays, "day", "days") + " are stale"
	switch q.s.staleAction {
	case StalePenalize:
		msg += fmt.Sprintf(": score lowered by %.2f", q.s.penalty)
	case StaleIgnore:
		msg += ": kept as fresh by policy"
	}
	return Reason{Code: CodeStale, Rule: "stale", Message: msg + "."}
}

// rotationReason says how priority and rotation placed match k among the
// matches in its score band, when it shares the band with another.
func (ix *Index) rotationReason(state *Rotation, items []item, k int) (Reason, bool) {
	it := &items[k]
	peers := 0
	mixedPriority := false
	for j := range items {
		if j != k && items[j].band == it.band {
			peers++
			mixedPriority = mixedPriority || items[j].priority != it.priority
		}
	}
	if peers == 0 {
		return Reason{}, false
	}
	p := &ix.providers[it.i]
	var b strings.Builder
	fmt.Fprintf(&b, "Near-equal to %s in score", plural(peers, "other match", "other matches"))
	if mixedPriority {
		fmt.Fprintf(&b, "; priority %d", p.Priority)
	}
	if u, ok := state.Use(p.ID); ok {
		fmt.Fprintf(&b, "; rotation: referred %s, last on %s", plural(u.Count, "time", "times"), u.Last.Format("2006-01-02 15:04 MST"))
	} else {
		b.WriteString("; rotation: never referred")
	}
	b.WriteByte('.')
	return Reason{Code: CodeRotation, Rule: "rotation", Message: b.String()}, true
}

// factorMessage describes factor f's value for provider i.
func (ix *Index) factorMessage(f Factor, v float64, i int32, q *query) string {
	p := &ix.providers[i]
	switch f {
	case FactorNeeds:
		var met []string
		for _, t := range q.scored {
			if p.hasTag(t) {
				met = append(met, t)
			}
		}
		if len(met) == 0 {
			return fmt.Sprintf("Meets none of %s: %s.", plural(len(q.scored), "scored need", "scored needs"), strings.Join(q.scored, ", "))
		}
		return fmt.Sprintf("Meets %d of %s: %s.", len(met), plural(len(q.scored), "scored need", "scored needs"), strings.Join(met, ", "))
	case FactorLanguage:
		switch v {
		case 1:
			return "Works in " + q.lang + "."
		case 0.5:
			return "Works in the same language as " + q.lang + ", not in that exact variety."
		}
		return "Does not work in " + q.lang + "."
	case FactorDistance:
		if v > 0 || ix.inPersonReach(i, q) {
			return fmt.Sprintf("%.1f km away, within %.0f km.", q.loc.DistanceKm(*p.Location), q.within)
		}
		return fmt.Sprintf("Cannot see the client in person within %.0f km.", q.within)
	case FactorFee:
		switch {
		case p.Fees == nil:
			return "Does not publish fees."
		case p.Fees.Min.Currency() != q.budget.Currency():
			return fmt.Sprintf("Charges in %s, the budget is in %s.", string(p.Fees.Min.Currency()), string(q.budget.Currency()))
		case v == 1:
			return fmt.Sprintf("Fees from %s, within the budget of %s.", p.Fees.Min, q.budget)
		case v > 0:
			return fmt.Sprintf("Fees from %s, above the budget of %s, with a sliding scale.", p.Fees.Min, q.budget)
		}
		return fmt.Sprintf("Fees from %s, above the budget of %s.", p.Fees.Min, q.budget)
	case FactorInsurance:
		if v == 1 {
			return "In the " + q.insurance + " network."
		}
		return "Not in the " + q.insurance + " network."
	case FactorTimes:
		if p.Schedule == nil {
			return "Publishes no schedule."
		}
		return fmt.Sprintf("Open during %.0f%% of the preferred times in the coming week.", 100*v)
	}
	return ""
}

// requirement describes what constraint c asks of a provider for the
// query.
func requirement(c Constraint, q *query) string {
	switch c {
	case ConstraintNeeds:
		return "offers " + strings.Join(q.must, " and ")
	case ConstraintLanguage:
		return "works in " + q.lang
	case ConstraintReach:
		switch {
		case q.remoteOK && q.inPersonOK:
			return fmt.Sprintf("works remotely or in person within %.0f km", q.within)
		case q.inPersonOK:
			return fmt.Sprintf("works in person within %.0f km", q.within)
		case q.remoteOK:
			return "works remotely"
		}
		return "can reach the client"
	case ConstraintRegion:
		return "may practise in " + q.region
	case ConstraintAccepting:
		s := "is accepting new clients"
		if q.s.staleAction == StaleDrop {
			s += fmt.Sprintf(", confirmed within %d days", q.s.staleDays)
		}
		if q.emergency {
			s += ", with immediate capacity"
		}
		return s
	case ConstraintBudget:
		return fmt.Sprintf("charges at most %s or offers a sliding scale", q.budget)
	case ConstraintInsurance:
		return "is in the " + q.insurance + " network"
	}
	return c.String()
}

// constraintMessage describes whether provider i meets constraint c.
func (ix *Index) constraintMessage(c Constraint, meets bool, i int32, q *query) string {
	p := &ix.providers[i]
	if !meets {
		return "Does not meet: " + requirement(c, q) + "."
	}
	switch c {
	case ConstraintReach:
		switch {
		case ix.inPersonReach(i, q) && ix.remoteReach(i, q):
			return fmt.Sprintf("Works remotely, and in person %.1f km away.", q.loc.DistanceKm(*p.Location))
		case ix.inPersonReach(i, q):
			return fmt.Sprintf("Works in person %.1f km away.", q.loc.DistanceKm(*p.Location))
		}
		return "Works remotely."
	case ConstraintRegion:
		for _, r := range p.Regions {
			if licensedFor(r, q.region) {
				if r == q.region {
					return "May practise in " + q.region + "."
				}
				return "May practise in " + q.region + " (licensed for all of " + r + ")."
			}
		}
	case ConstraintAccepting:
		if p.Capacity != nil {
			return "Accepting new clients, " + plural(p.Capacity.Value, "place", "places") + " open."
		}
		return "Accepting new clients."
	case ConstraintBudget:
		if ix.feeMin[i] <= q.budget.Minor() {
			return fmt.Sprintf("Fees from %s, within the budget of %s.", p.Fees.Min, q.budget)
		}
		return fmt.Sprintf("Fees from %s, above the budget of %s, with a sliding scale.", p.Fees.Min, q.budget)
	}
	s := requirement(c, q)
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// counts says, for each hard constraint that applies, how many providers
// considered pass it and how many pass every other one but not it. The
// stale-drop and emergency policies count as part of ConstraintAccepting.
func (ix *Index) counts(q *query) []Count {
	n := len(ix.providers)
	alive := slices.Clone(ix.all)
	for _, i := range q.excluded {
		alive.unset(i)
	}
	hard := q.hard
	if q.s.staleAction == StaleDrop || q.emergency {
		hard |= ConstraintAccepting
	}
	var cs []Constraint
	var pass []bitset
	for c := range hard.All() {
		b := newBitset(n)
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
				for w := range b {
					if s != nil {
						b[w] |= s[w]
					}
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
			b.each(func(i int32) {
				if q.s.staleAction == StaleDrop && ix.stale(i, q) || q.emergency && !ix.immediate(i, q) {
					b.unset(i)
				}
			})
		case ConstraintBudget:
			alive.each(func(i int32) {
				if ix.fitsBudget(i, q) {
					b.set(i)
				}
			})
		}
		cs = append(cs, c)
		pass = append(pass, b)
	}
	out := make([]Count, len(cs))
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
	return out
}

// whyNone explains an empty result from the counts.
func (ix *Index) whyNone(q *query, considered int, counts []Count) []Reason {
	var names []string
	for _, c := range counts {
		names = append(names, c.Constraint.name())
	}
	rs := []Reason{{Code: CodeNoMatch, Rule: "hard", Message: fmt.Sprintf("No provider meets every hard constraint (%s): 0 of %d considered.", strings.Join(names, ", "), considered)}}
	for _, c := range counts {
		msg := fmt.Sprintf("%s (%s): %d of %d pass", c.Constraint.name(), requirement(c.Constraint, q), c.Pass, considered)
		switch c.Relaxed {
		case 0:
			msg += "; relaxing it alone would give no match."
		case 1:
			msg += "; 1 provider meets everything else, so relaxing it alone would give 1 match."
		default:
			msg += fmt.Sprintf("; %d providers meet everything else, so relaxing it alone would give %d matches.", c.Relaxed, c.Relaxed)
		}
		rs = append(rs, Reason{Code: CodeConstraint, Rule: "hard." + c.Constraint.name(), Message: strings.ToUpper(msg[:1]) + msg[1:]})
	}
	return rs
}

// crisisFor returns the crisis resources for an emergency in region, and
// the reasons: the caller's resources for the region; every caller's
// resource when none is for the region; the built-in examples when the
// caller passed none.
func crisisFor(c *Crisis, region string) ([]availability.Resource, []Reason) {
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
