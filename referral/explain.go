package referral

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/practicekit/boundaries/availability/contact"
	"github.com/practicekit/boundaries/availability/place"

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

// explain builds match k of the selected items, with its components and
// reasons.
func (ix *Index) explain(q *query, state *Rotation, items []item, k int) Match {
	it := &items[k]
	p := &ix.providers[it.i]
	m := Match{ID: p.ID, Name: p.Name, Practice: p.Practice, Score: it.score}
	if ix.remoteReach(it.i, q) {
		m.Modalities |= p.Modalities & q.remoteWays
	}
	if ix.inPersonReach(it.i, q) {
		m.Modalities |= place.InPerson
	}
	if !q.applicable.Has(ConstraintReach) {
		m.Modalities = p.Modalities // nothing is known to narrow them
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
		var msg string
		if p.Capacity != nil {
			msg = "Has immediate capacity: " + prose.Count(p.Capacity.Value, "place", "places") + " open, confirmed on " + p.Capacity.Confirmed.String()
		} else {
			msg = "Has immediate capacity: accepting new clients, confirmed on " + p.Accepting.Confirmed.String() + " (places are not tracked)"
		}
		if p.Schedule != nil {
			msg += ", and open within " + prose.Duration(q.s.immediate)
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
			return what + " was confirmed on " + c.String() + ", " + prose.Count(days, "day", "days") + " ago"
		}
	}
	facts := describe("Accepting new clients", p.Accepting.Confirmed)
	if p.Capacity != nil {
		facts += describe("; capacity", p.Capacity.Confirmed)
	}
	if !stale {
		return Reason{Code: CodeFresh, Rule: "stale", Message: facts + "."}
	}
	msg := facts + "; facts older than " + prose.Count(q.s.staleDays, "day", "days") + " are stale"
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
	fmt.Fprintf(&b, "Near-equal to %s in score", prose.Count(peers, "other match", "other matches"))
	if mixedPriority {
		fmt.Fprintf(&b, "; priority %d", p.Priority)
	}
	if u, ok := state.Use(p.ID); ok {
		fmt.Fprintf(&b, "; rotation: referred %s, last on %s", prose.Count(u.Count, "time", "times"), u.Last.Format("2006-01-02 15:04 MST"))
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
			return fmt.Sprintf("Meets none of %s: %s.", prose.Count(len(q.scored), "scored need", "scored needs"), strings.Join(q.scored, ", "))
		}
		return fmt.Sprintf("Meets %d of %s: %s.", len(met), prose.Count(len(q.scored), "scored need", "scored needs"), strings.Join(met, ", "))
	case FactorLanguage:
		switch v {
		case 1:
			return "Works in " + languageVariety(q.lang) + "."
		case 0.5:
			return "Works in " + languageName(q.lang) + ", not in the " + q.lang + " variety."
		}
		return "Does not work in " + languageName(q.lang) + "."
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
		return "Open during " + prose.Ratio(v) + " of the preferred times in the coming week."
	}
	return ""
}

// requirement describes what constraint c asks of a provider for the
// query, as a verb phrase for one provider and for several: "works in
// Italian" and "work in Italian".
func requirement(c Constraint, q *query) (one, many string) {
	switch c {
	case ConstraintNeeds:
		s := strings.Join(q.must, " and ")
		return "offers " + s, "offer " + s
	case ConstraintLanguage:
		s := " in " + languageName(q.lang)
		return "works" + s, "work" + s
	case ConstraintReach:
		var s string
		switch {
		case q.remoteOK && q.inPersonOK:
			s = fmt.Sprintf(" remotely or in person within %.0f km", q.within)
		case q.inPersonOK:
			s = fmt.Sprintf(" in person within %.0f km", q.within)
		case q.remoteOK:
			s = " remotely"
		default:
			return "can reach the client", "can reach the client"
		}
		return "works" + s, "work" + s
	case ConstraintRegion:
		s := "may practise in " + q.region
		return s, s
	case ConstraintAccepting:
		s := " accepting new clients"
		if q.s.staleAction == StaleDrop {
			s += ", confirmed within " + prose.Count(q.s.staleDays, "day", "days")
		}
		if q.emergency {
			s += ", with immediate capacity"
		}
		return "is" + s, "are" + s
	case ConstraintBudget:
		// Fees that are not published cannot be shown to fit: say that
		// publishing them is part of the requirement.
		return fmt.Sprintf("publishes fees of at most %s or a sliding scale", q.budget), fmt.Sprintf("publish fees of at most %s or a sliding scale", q.budget)
	case ConstraintInsurance:
		s := " in the " + q.insurance + " network"
		return "is" + s, "are" + s
	}
	return c.String(), c.String()
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

// constraintMessage describes whether provider i meets constraint c.
func (ix *Index) constraintMessage(c Constraint, meets bool, i int32, q *query) string {
	p := &ix.providers[i]
	if !meets && c == ConstraintBudget {
		// Why, in the words of the fee score.
		head := "Does not meet the budget of " + q.budget.String() + ": "
		switch {
		case p.Fees == nil:
			return head + "does not publish fees."
		case ix.feeCur[i] != q.budget.Currency():
			return head + "charges in " + string(ix.feeCur[i]) + "."
		}
		return head + "fees from " + p.Fees.Min.String() + ", without a sliding scale."
	}
	if !meets {
		one, _ := requirement(c, q)
		return "Does not meet: " + one + "."
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
			return "Accepting new clients, " + prose.Count(p.Capacity.Value, "place", "places") + " open."
		}
		return "Accepting new clients."
	case ConstraintBudget:
		if ix.feeMin[i] <= q.budget.Minor() {
			return fmt.Sprintf("Fees from %s, within the budget of %s.", p.Fees.Min, q.budget)
		}
		return fmt.Sprintf("Fees from %s, above the budget of %s, with a sliding scale.", p.Fees.Min, q.budget)
	}
	s, _ := requirement(c, q)
	return prose.Capitalize(s) + "."
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
