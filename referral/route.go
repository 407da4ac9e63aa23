package referral

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/internal/bitset"
	"github.com/practicekit/boundaries/internal/prose"
)

// A query is a validated request compiled against an index and options.
type query struct {
	s     settings
	req   *Request
	now   time.Time
	today availability.Date

	// applicable holds the constraints the request gives what they need;
	// hard is the part of it the options make hard.
	applicable Constraint
	hard       Constraint

	must       []string     // must-have needs
	scored     []string     // needs the needs factor scores
	mustSets   []bitset.Set // bitsets of must, nil for a tag nobody has
	scoredSets []bitset.Set // bitsets of scored, nil for a tag nobody has

	lang        string
	langSet     bitset.Set
	region      string
	regionSets  [2]bitset.Set
	remoteWays  place.Modality // the remote ways the client accepts
	remoteOK    bool
	inPersonOK  bool
	loc         place.Point
	within      float64
	budget      money.Amount
	hasBudget   bool
	insurance   string
	insSet      bitset.Set
	excluded    []int32  // positions of the excluded providers the index holds, in increasing order
	excludedIDs []string // the request's exclusions, each once
	emergency   bool
	weights     [factorCount]float64 // zero for factors that do not apply
	weightTotal float64

	// Preferred times over the coming week, as instants and per zone of
	// the index on its wall clock, made when first needed.
	hasTimes bool
	week     availability.Interval
	client   availability.Set
	weeks    []availability.Week
	weekDone []bool
}

// compile prepares a validated request for routing.
func (ix *Index) compile(now time.Time, req *Request, s settings) *query {
	q := &query{s: s, req: req, now: now, today: availability.DateOf(now), emergency: req.emergency()}
	needsHard := s.hard.Has(ConstraintNeeds)
	for _, n := range req.Needs {
		if n.Must {
			q.must = append(q.must, n.Tag)
			q.mustSets = append(q.mustSets, ix.tags[n.Tag])
		}
		if !needsHard || !n.Must {
			q.scored = append(q.scored, n.Tag)
			q.scoredSets = append(q.scoredSets, ix.tags[n.Tag])
		}
	}
	if len(q.must) > 0 {
		q.applicable |= ConstraintNeeds
	}
	if req.Language != "" {
		q.applicable |= ConstraintLanguage
		q.lang = req.Language
		q.langSet = ix.languages[primaryLanguage(req.Language)]
	}
	if req.Region != "" {
		q.applicable |= ConstraintRegion
		q.region = req.Region
		q.regionSets[0] = ix.regions[req.Region]
		if len(req.Region) > 2 {
			q.regionSets[1] = ix.regions[country(req.Region)]
		}
	}
	q.remoteWays = req.Modalities & place.Remote
	if req.Modalities == 0 {
		q.remoteWays = place.Remote
	}
	q.remoteOK = q.remoteWays != 0
	q.inPersonOK = (req.Modalities == 0 || req.Modalities.Has(place.InPerson)) && req.Location != nil
	if req.Location != nil {
		q.loc = *req.Location
	}
	if req.Location != nil || req.Modalities != 0 {
		q.applicable |= ConstraintReach
	}
	q.within = cmp.Or(req.WithinKm, s.withinKm)
	q.applicable |= ConstraintAccepting
	if req.Budget.IsValid() {
		q.applicable |= ConstraintBudget
		q.budget, q.hasBudget = req.Budget, true
	}
	if req.Insurance != "" {
		q.applicable |= ConstraintInsurance
		q.insurance = req.Insurance
		q.insSet = ix.insurance[req.Insurance]
	}
	q.hard = q.applicable & s.hard
	for _, id := range req.Exclude {
		if slices.Contains(q.excludedIDs, id) {
			continue
		}
		q.excludedIDs = append(q.excludedIDs, id)
		if i, ok := ix.ids[id]; ok {
			q.excluded = append(q.excluded, i)
		}
	}
	slices.Sort(q.excluded)

	if len(req.Preferred) > 0 {
		q.week = availability.IntervalOf(now, 7*24*time.Hour)
		prefs := availability.Schedule{Zone: req.Zone, Hours: req.Preferred}
		if set, err := prefs.Open(q.week); err == nil && !set.IsEmpty() {
			q.hasTimes, q.client = true, set
			q.weeks = make([]availability.Week, len(ix.zones))
			q.weekDone = make([]bool, len(ix.zones))
		}
	}
	apply := [factorCount]bool{
		FactorNeeds:     len(q.scored) > 0,
		FactorLanguage:  q.lang != "",
		FactorDistance:  q.inPersonOK,
		FactorFee:       q.hasBudget,
		FactorInsurance: q.insurance != "",
		FactorTimes:     q.hasTimes,
	}
	for f := range factorCount {
		if apply[f] {
			q.weights[f] = s.weights.of(f)
			q.weightTotal += q.weights[f]
		}
	}
	return q
}

// clientWeek returns the client's preferred times as wall-clock times of
// the week in zone z.
func (q *query) clientWeek(ix *Index, z int32) availability.Week {
	if !q.weekDone[z] {
		q.weeks[z] = availability.WeekIn(q.client, ix.zones[z])
		q.weekDone[z] = true
	}
	return q.weeks[z]
}

// Route finds the best providers in the index for a request at the instant
// now, given the rotation state, and returns them with explanations and
// the new rotation state.
//
// Providers that fail a hard constraint, are excluded by the request, or
// are dropped by the stale policy are left out. The rest are scored by the
// weighted preferences, ranked in bands of near-equal score (see
// Options.Tolerance), and within a band by priority, then rotation, then
// score, then ID. At most Options.MaxPerPractice come from one practice.
//
// An emergency request gets the crisis resources for the client's region
// first, and then only providers with immediate capacity: a fresh
// "accepting" fact and, when the provider tracks capacity, a fresh
// capacity fact with room for a client, and a schedule (when published)
// open within Options.Immediate of now. Its result is never empty.
//
// When nothing matches, Result.Counts and Result.Reasons say how each hard
// constraint narrowed the directory and what relaxing it would give.
//
// Route returns a problem.List when the request or the options do not
// validate.
func (ix *Index) Route(now time.Time, req Request, state Rotation, opt Options) (Result, error) {
	return ix.route(now, req, state, opt, (*Index).selectIndexed)
}

// A selector chooses the top matches for a compiled query.
type selector func(ix *Index, q *query, state *Rotation) selection

// A selection is what a selector found.
type selection struct {
	items      []item // best first
	considered int    // providers not excluded
	eligible   int    // providers that passed every filter
	stale      int    // providers dropped for stale facts
	capped     bool   // the limit per practice left someone out
}

// route is Route with the way of selecting matches as a parameter, so that
// tests can compare the index with a plain scan.
func (ix *Index) route(now time.Time, req Request, state Rotation, opt Options, sel selector) (Result, error) {
	if err := req.Validate(); err != nil {
		return Result{}, err
	}
	if err := opt.Validate(); err != nil {
		return Result{}, err
	}
	q := ix.compile(now, &req, opt.settings())
	var res Result
	if q.emergency {
		res.Crisis, res.Reasons = crisisFor(q.s.crisis, req.Region)
	}
	if n := len(q.excludedIDs); n > 0 {
		res.Reasons = append(res.Reasons, Reason{Code: CodeExcluded, Rule: "exclude",
			Message: prose.Count(n, "provider is", "providers are") + " excluded by the request: " + strings.Join(q.excludedIDs, ", ") + "."})
	}
	got := sel(ix, q, &state)
	res.Considered, res.Eligible = got.considered, got.eligible
	if got.stale > 0 {
		res.Reasons = append(res.Reasons, Reason{Code: CodeStaleDropped, Rule: "stale.action",
			Message: prose.Count(got.stale, "provider was", "providers were") + " left out because their intake facts were not confirmed in the last " + prose.Count(q.s.staleDays, "day", "days") + "."})
	}
	if got.capped {
		if n := ix.cappedCount(q, &state, got.items); n > 0 {
			res.Reasons = append(res.Reasons, Reason{Code: CodeDiversity, Rule: "max_per_practice",
				Message: prose.Count(n, "provider was", "providers were") + " left out to keep at most " + strconv.Itoa(q.s.maxPerPractice) + " per practice."})
		}
	}
	res.Matches = make([]Match, len(got.items))
	if len(got.items) > 0 {
		e := newExplainer(q, len(got.items))
		for k := range got.items {
			res.Matches[k] = ix.explain(e, q, &state, got.items, k)
		}
		e.finish()
	}
	if len(res.Matches) == 0 {
		if q.emergency {
			res.Reasons = append(res.Reasons, Reason{Code: CodeNoImmediate, Rule: "immediate",
				Message: "No colleague has immediate capacity within " + prose.Duration(q.s.immediate) + "; turn to the crisis resources."})
		}
		var alive bitset.Set
		var pass []bitset.Set
		res.Counts, alive, pass = ix.counts(q)
		res.Reasons = append(res.Reasons, ix.whyNone(q, res.Considered, res.Counts, alive, pass)...)
	}
	res.Rotation = ix.recordMatches(q, state, got.items)
	return res, nil
}

// recordMatches returns the rotation state after the referrals the record
// mode counts.
func (ix *Index) recordMatches(q *query, state Rotation, items []item) Rotation {
	n := 0
	switch q.s.record {
	case RecordFirst:
		n = min(1, len(items))
	case RecordAll:
		n = len(items)
	}
	if n == 0 {
		return state
	}
	ids := make([]string, n)
	shares := make([]float64, n)
	for k := range n {
		p := &ix.providers[items[k].i]
		ids[k], shares[k] = p.ID, p.share()
	}
	return state.recordMany(ids, shares, q.now)
}

// An item is a candidate match with its ranking keys.
type item struct {
	band     int                  // score band: floor(score / tolerance)
	priority int                  // the provider's priority
	turn     turn                 // the provider's place in the rotation
	score    float64              // the score
	values   [factorCount]float64 // the value of each factor that applies
	stale    bool                 // the provider's facts are stale
	i        int32                // the provider's position
	practice int32                // the provider's practice number, or -1
}

// compareItems orders items best first: higher band, higher priority,
// earlier turn, higher score, then ID.
func (ix *Index) compareItems(a, b *item) int {
	return cmp.Or(
		cmp.Compare(b.band, a.band),
		cmp.Compare(b.priority, a.priority),
		compareTurns(a.turn, b.turn),
		cmp.Compare(b.score, a.score),
		strings.Compare(ix.providers[a.i].ID, ix.providers[b.i].ID),
	)
}

// bandOf returns the score band of a score.
func (q *query) bandOf(score float64) int { return int(math.Floor(score / q.s.tolerance)) }

// candidates returns, in increasing order, the providers that pass the
// hard constraints that bitsets decide, reach included, less the excluded
// ones.
func (ix *Index) candidates(q *query) []int32 {
	// The bitsets to intersect, and for the region the country's too: a
	// provider licensed for either passes.
	var buf [8]bitset.Set
	sets := append(buf[:0], ix.all)
	var region, country bitset.Set
	if q.hard.Has(ConstraintNeeds) {
		sets = append(sets, q.mustSets...)
	}
	if q.hard.Has(ConstraintLanguage) {
		sets = append(sets, q.langSet)
	}
	if q.hard.Has(ConstraintRegion) {
		region, country = q.regionSets[0], q.regionSets[1]
		if region == nil {
			sets, country = append(sets, country), nil
		} else if country == nil {
			sets, region = append(sets, region), nil
		}
	}
	if q.hard.Has(ConstraintInsurance) {
		sets = append(sets, q.insSet)
	}
	if q.hard.Has(ConstraintAccepting) {
		sets = append(sets, ix.accepting)
	}
	if slices.ContainsFunc(sets, func(b bitset.Set) bool { return b == nil }) {
		return nil // a nil bitset is empty
	}
	reach := q.hard.Has(ConstraintReach)
	remoteOnly := reach && !q.inPersonOK // reach is then a bitset's too
	cand := make([]int32, 0, 256)
	excluded := q.excluded
	for w, x := range ix.all {
		for _, b := range sets[1:] {
			if x &= b[w]; x == 0 {
				break
			}
		}
		if x != 0 && region != nil {
			x &= region[w] | country[w]
		}
		if remoteOnly {
			x &= ix.remoteWord(q, w)
		}
		for ; len(excluded) > 0 && int(excluded[0])>>6 == w; excluded = excluded[1:] {
			x &^= 1 << (excluded[0] & 63)
		}
		for ; x != 0; x &= x - 1 {
			cand = append(cand, int32(w<<6+bits.TrailingZeros64(x)))
		}
	}
	if reach && !remoteOnly {
		cand = ix.reachList(cand, q)
	}
	return cand
}

// andInto intersects dst with b; a nil b is empty.
func andInto(dst, b bitset.Set) {
	if b == nil {
		dst.Clear()
		return
	}
	dst.And(b)
}

// remoteWord returns word w of the set of providers who work remotely in a
// way the client accepts.
func (ix *Index) remoteWord(q *query, w int) uint64 {
	var x uint64
	if q.remoteWays.Has(place.Video) {
		x |= ix.video[w]
	}
	if q.remoteWays.Has(place.Phone) {
		x |= ix.phone[w]
	}
	return x
}

// reachInto keeps in cand the providers who can serve the client: remote
// ones when the client accepts remote, and in-person ones in the grid
// cells near the client within the distance limits.
func (ix *Index) reachInto(cand bitset.Set, q *query) {
	var hits bitset.Set
	if q.inPersonOK {
		hits = ix.nearHits(q, cand)
	}
	for w := range cand {
		x := ix.remoteWord(q, w)
		if hits != nil {
			x |= hits[w]
		}
		cand[w] &= x
	}
}

// reachList is reachInto for a client who may be seen in person, on a
// list of providers in increasing order. When the list is shorter than
// the grid cells near the client, it checks the providers one by one
// rather than searching those cells.
func (ix *Index) reachList(cand []int32, q *query) []int32 {
	var hits bitset.Set
	if len(cand) >= ix.nearCount(q, len(cand)) {
		in := bitset.New(len(ix.providers))
		for _, i := range cand {
			in.Add(int(i))
		}
		hits = ix.nearHits(q, in)
	}
	kept := cand[:0]
	for _, i := range cand {
		switch {
		case ix.remoteWord(q, int(i>>6))&(1<<(i&63)) != 0,
			hits == nil && ix.inPersonReach(i, q),
			hits != nil && hits.Has(int(i)):
			kept = append(kept, i)
		}
	}
	return kept
}

// nearCells calls yield with the grid cells that may hold an in-person
// provider near enough to see the client, until it returns false.
func (ix *Index) nearCells(q *query, yield func([]int32) bool) {
	r0, r1, c0, c1 := cellRange(q.loc, q.within)
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			if !yield(ix.cells[r*gridCols+((c%gridCols)+gridCols)%gridCols]) {
				return
			}
		}
	}
}

// nearCount returns the number of providers in the grid cells near the
// client, or a number above limit once it is clear there are more.
func (ix *Index) nearCount(q *query, limit int) int {
	n := 0
	ix.nearCells(q, func(cell []int32) bool {
		n += len(cell)
		return n <= limit
	})
	return n
}

// nearHits returns the providers of in who can see the client in person,
// found in the grid cells near the client.
func (ix *Index) nearHits(q *query, in bitset.Set) bitset.Set {
	hits := bitset.New(len(ix.providers))
	ix.nearCells(q, func(cell []int32) bool {
		for _, i := range cell {
			if in.Has(int(i)) && ix.inPersonReach(i, q) {
				hits.Add(int(i))
			}
		}
		return true
	})
	return hits
}

// inPersonReach reports whether provider i can see the client in person:
// within the client's distance and the provider's radius.
func (ix *Index) inPersonReach(i int32, q *query) bool {
	_, ok := ix.inPersonKm(i, q)
	return ok
}

// inPersonKm returns the distance to provider i and whether they can see
// the client in person; the distance is 0 when they do not work in person
// or the client is not to be seen in person.
func (ix *Index) inPersonKm(i int32, q *query) (float64, bool) {
	p := &ix.providers[i]
	if !q.inPersonOK || !p.Modalities.Has(place.InPerson) {
		return 0, false
	}
	d := q.loc.DistanceKm(*p.Location)
	return d, q.inPersonAt(p, d)
}

// inPersonAt reports whether provider p, d km from the client, can see
// them in person.
func (q *query) inPersonAt(p *Provider, d float64) bool {
	return q.inPersonOK && p.Modalities.Has(place.InPerson) && d <= q.within && (p.RadiusKm == 0 || d <= p.RadiusKm)
}

// remoteReach reports whether provider i can serve the client remotely, in
// a way the client accepts.
func (ix *Index) remoteReach(i int32, q *query) bool {
	return ix.providers[i].Modalities.Overlaps(q.remoteWays)
}

// fitsBudget reports whether provider i's lowest fee is within the budget,
// or the provider offers a sliding scale; fees not published or in another
// currency do not fit.
func (ix *Index) fitsBudget(i int32, q *query) bool {
	if ix.feeCur[i] != q.budget.Currency() || ix.providers[i].Fees == nil {
		return false
	}
	return ix.feeMin[i] <= q.budget.Minor() || ix.providers[i].SlidingScale
}

// fresh reports whether a fact confirmed on date c is fresh today.
func (q *query) fresh(c availability.Date) bool {
	return !c.IsZero() && c.DaysUntil(q.today) <= q.s.staleDays
}

// stale reports whether provider i's intake facts are stale: "accepting"
// or tracked capacity not confirmed within the policy's days.
func (ix *Index) stale(i int32, q *query) bool {
	p := &ix.providers[i]
	return !q.fresh(p.Accepting.Confirmed) || p.Capacity != nil && !q.fresh(p.Capacity.Confirmed)
}

// immediate reports whether provider i has immediate capacity: accepting
// with fresh facts, room when capacity is tracked, and a schedule (if
// published) open within the policy's time of now.
func (ix *Index) immediate(i int32, q *query) bool {
	p := &ix.providers[i]
	if !p.Accepting.Value || p.Capacity != nil && p.Capacity.Value <= 0 || ix.stale(i, q) {
		return false
	}
	if p.Schedule == nil {
		return true
	}
	open, err := p.Schedule.Open(availability.IntervalOf(q.now, q.s.immediate))
	return err == nil && !open.IsEmpty()
}

// values returns the value of each factor that applies for provider i.
func (ix *Index) values(i int32, q *query) [factorCount]float64 {
	var v [factorCount]float64
	p := &ix.providers[i]
	if q.weights[FactorNeeds] > 0 {
		met := 0
		for _, b := range q.scoredSets {
			if b != nil && b.Has(int(i)) {
				met++
			}
		}
		v[FactorNeeds] = float64(met) / float64(len(q.scoredSets))
	}
	if q.weights[FactorLanguage] > 0 {
		v[FactorLanguage] = languageValue(p.Languages, q.lang)
	}
	if q.weights[FactorDistance] > 0 {
		if d, ok := ix.inPersonKm(i, q); ok {
			v[FactorDistance] = 1 - d/q.within
		}
	}
	if q.weights[FactorFee] > 0 {
		switch {
		case p.Fees == nil:
			v[FactorFee] = 0.5
		case ix.feeCur[i] != q.budget.Currency():
		case ix.feeMin[i] <= q.budget.Minor():
			v[FactorFee] = 1
		case p.SlidingScale:
			v[FactorFee] = 0.5
		}
	}
	if q.weights[FactorInsurance] > 0 && q.insSet != nil && q.insSet.Has(int(i)) {
		v[FactorInsurance] = 1
	}
	if q.weights[FactorTimes] > 0 {
		v[FactorTimes] = ix.timesValue(i, q)
	}
	return v
}

// languageValue is 1 when a provider language equals the client's, 0.5
// when one shares its primary subtag, and 0 otherwise.
func languageValue(langs []string, want string) float64 {
	v := 0.0
	for _, l := range langs {
		if sameLanguage(l, want) {
			return 1
		}
		if samePrimary(l, want) {
			v = 0.5
		}
	}
	return v
}

// samePrimary reports whether two language tags share their primary
// subtag, ignoring case.
func samePrimary(a, b string) bool {
	if i := strings.IndexByte(a, '-'); i >= 0 {
		a = a[:i]
	}
	if i := strings.IndexByte(b, '-'); i >= 0 {
		b = b[:i]
	}
	return strings.EqualFold(a, b)
}

// timesValue is the share of the client's preferred time in the coming
// week during which provider i is open; 0.5 without a schedule.
func (ix *Index) timesValue(i int32, q *query) float64 {
	z := ix.zone[i]
	if z < 0 {
		return 0.5
	}
	if ix.irregular.Has(int(i)) {
		open, err := ix.providers[i].Schedule.Open(q.week)
		if err != nil {
			return 0
		}
		return float64(open.Intersect(q.client).Duration()) / float64(q.client.Duration())
	}
	client := q.clientWeek(ix, z)
	if client.IsEmpty() {
		return 0
	}
	return float64(client.Overlap(ix.week[i])) / float64(client.Duration())
}

// score returns the weighted mean of the factor values, less the stale
// penalty when it applies; 1 when no factor applies.
func (q *query) score(v *[factorCount]float64, stale bool) float64 {
	s := 1.0
	if q.weightTotal > 0 {
		s = 0
		for f := range factorCount {
			s += q.weights[f] * v[f]
		}
		s /= q.weightTotal
	}
	if stale && q.s.staleAction == StalePenalize {
		s = max(0, s-q.s.penalty)
	}
	return s
}

// consider checks the filters that are decided one provider at a time
// (budget, stale facts, immediate capacity) and returns the candidate
// item, or false with whether the stale policy dropped it.
func (ix *Index) consider(i int32, q *query) (it item, ok, droppedStale bool) {
	if q.hard.Has(ConstraintBudget) && !ix.fitsBudget(i, q) {
		return item{}, false, false
	}
	stale := ix.stale(i, q)
	if stale && q.s.staleAction == StaleDrop {
		return item{}, false, true
	}
	if q.emergency && !ix.immediate(i, q) {
		return item{}, false, false
	}
	v := ix.values(i, q)
	sc := q.score(&v, stale)
	return item{band: q.bandOf(sc), priority: ix.providers[i].Priority, score: sc, values: v, stale: stale, i: i, practice: ix.practice[i]}, true, false
}

// selectIndexed selects the top matches with the index: bitsets and the
// grid narrow the directory to the candidates, and a bounded heap keeps
// the best of them.
func (ix *Index) selectIndexed(q *query, state *Rotation) selection {
	sel := selection{considered: len(ix.providers) - len(q.excluded)}
	h := topN{ix: ix, limit: q.s.limit, perPractice: q.s.maxPerPractice, items: make([]item, 0, q.s.limit)}
	for _, i := range ix.candidates(q) {
		it, ok, dropped := ix.consider(i, q)
		if !ok {
			if dropped {
				sel.stale++
			}
			continue
		}
		sel.eligible++
		if h.full() && it.band < h.items[0].band {
			continue // ranks below every kept item, whatever its turn
		}
		it.turn = state.turn(ix.providers[i].ID)
		h.push(it)
	}
	sel.items, sel.capped = h.sorted(), h.capped
	return sel
}

// topN keeps the best items seen, at most limit of them, and at most
// perPractice (when positive) from one practice. items is a heap whose
// root is the worst item kept.
type topN struct {
	ix          *Index
	limit       int
	perPractice int
	items       []item
	capped      bool
}

func (h *topN) full() bool { return len(h.items) >= h.limit }

// worse reports whether item a ranks below item b.
func (h *topN) worse(a, b int) bool { return h.ix.compareItems(&h.items[a], &h.items[b]) > 0 }

// push offers an item. When the item's practice already has perPractice
// items kept, it replaces the worst of them if it is better; otherwise it
// replaces the worst item kept when the heap is full and it is better.
// Either way the kept items are always the best under the practice limit.
func (h *topN) push(it item) {
	if h.perPractice > 0 && it.practice >= 0 {
		n, worst := 0, -1
		for k := range h.items {
			if h.items[k].practice != it.practice {
				continue
			}
			n++
			if worst < 0 || h.ix.compareItems(&h.items[k], &h.items[worst]) > 0 {
				worst = k
			}
		}
		if n >= h.perPractice {
			h.capped = true
			if h.ix.compareItems(&it, &h.items[worst]) < 0 {
				h.items[worst] = it
				h.fix(worst)
			}
			return
		}
	}
	if !h.full() {
		h.items = append(h.items, it)
		h.up(len(h.items) - 1)
		return
	}
	if h.ix.compareItems(&it, &h.items[0]) < 0 {
		h.items[0] = it
		h.down(0)
	}
}

func (h *topN) fix(k int) {
	if !h.down(k) {
		h.up(k)
	}
}

func (h *topN) up(k int) {
	for k > 0 {
		parent := (k - 1) / 2
		if !h.worse(k, parent) {
			break
		}
		h.items[k], h.items[parent] = h.items[parent], h.items[k]
		k = parent
	}
}

func (h *topN) down(k int) bool {
	start := k
	n := len(h.items)
	for {
		l := 2*k + 1
		if l >= n {
			break
		}
		worst := l
		if r := l + 1; r < n && h.worse(r, l) {
			worst = r
		}
		if !h.worse(worst, k) {
			break
		}
		h.items[k], h.items[worst] = h.items[worst], h.items[k]
		k = worst
	}
	return k > start
}

// sorted returns the kept items, best first.
func (h *topN) sorted() []item {
	out := slices.Clone(h.items)
	slices.SortFunc(out, func(a, b item) int { return h.ix.compareItems(&a, &b) })
	return out
}

// cappedCount returns the number of eligible providers that rank above
// the last match but were left out by the limit per practice.
func (ix *Index) cappedCount(q *query, state *Rotation, items []item) int {
	if len(items) == 0 {
		return 0
	}
	last := items[len(items)-1]
	kept := make(map[int32]bool, len(items))
	for _, it := range items {
		kept[it.i] = true
	}
	n := 0
	for _, i := range ix.candidates(q) {
		if kept[i] {
			continue
		}
		it, ok, _ := ix.consider(i, q)
		if !ok {
			continue
		}
		it.turn = state.turn(ix.providers[i].ID)
		if ix.compareItems(&it, &last) < 0 {
			n++
		}
	}
	return n
}
