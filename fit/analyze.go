package fit

import (
	"math"
	"slices"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
)

// analyze reports what no answers can bring about, with the code
// unreachable: questions whose display condition can never hold, rules
// that can never fire, and bands outside every score the rules can give.
// It reads the conditions as validation resolved them; a part with a
// problem counts as possible, so that only what is certain is reported.
func (r *resolved) analyze(l *problem.List) {
	start := len(*l)
	for i := range r.s.Questions {
		if r.enable[i] >= 0 {
			if possible, _ := r.reach(r.enable[i]); !possible {
				l.Add(problem.Join(problem.Index("questions", i), "enable_when"), problem.Unreachable,
					"the condition can never hold, so question %s is never shown", prose.Quote(r.s.Questions[i].ID))
			}
		}
	}
	for i := range r.s.Rules {
		r.analyzeRule(i, l)
	}
	// The scores the rules give are known only when every rule is sound.
	if r.broken || r.cyclic || len(*l) > start {
		return
	}
	for i := range r.s.Bands {
		bd := &r.s.Bands[i]
		if !finite(bd.Min) || !finite(bd.Max) || bd.Min > bd.Max {
			continue // reported by validate
		}
		smin, smax := r.scoreRange(r.bandScale[i])
		if bd.Max < smin || bd.Min > smax {
			l.Add(problem.Index("bands", i), problem.Unreachable,
				"the score is always between %v and %v, outside the band %v–%v", smin, smax, bd.Min, bd.Max)
		}
	}
}

// analyzeRule reports rule i when no answers can fire it.
func (r *resolved) analyzeRule(i int, l *problem.List) {
	rl, res := &r.s.Rules[i], r.rules[i]
	if rl.Kind == KindScore && rl.Weight == 0 {
		l.Add(problem.Join(problem.Index("rules", i), "weight"), problem.Unreachable, "a score rule with weight 0 never changes the score")
	}
	possible := true
	switch {
	case rl.When != nil:
		possible, _ = r.reach(res.when)
	case rl.Overlap != nil:
		possible = !(finite(rl.Overlap.MinHours) && rl.Overlap.MinHours <= 0)
	case rl.Distance != nil:
		// Every place on Earth lies within half the circumference.
		possible = !(rl.Distance.Remote && rl.Distance.MaxKm >= math.Pi*6371.0088)
	case rl.Question != "" && rl.Kind == KindScore && res.q >= 0:
		if cq := &r.qs[res.q]; cq.cls == clsChoice || cq.cls == clsMulti {
			possible = slices.ContainsFunc(cq.scores, func(f float64) bool { return f != 0 })
		}
	}
	if !possible {
		l.Add(problem.Index("rules", i), problem.Unreachable, "no answers can fire rule %s", prose.Quote(rl.ID))
	}
}

// reach reports whether some answers make node k hold (possible) and
// whether all answers do (always). A part with a problem (-1) is possible
// and not always.
func (r *resolved) reach(k int32) (possible, always bool) {
	if k < 0 {
		return true, false
	}
	n := &r.nodes[k]
	switch n.op {
	case nNot:
		p, a := r.reach(n.a)
		return !a, !p
	case nAll, nAny:
		children := r.kids[n.a:n.b]
		possible, always = n.op == nAll, n.op == nAll
		for _, c := range children {
			p, a := r.reach(c)
			if n.op == nAll {
				possible, always = possible && p, always && a
			} else {
				possible, always = possible || p, always || a
			}
		}
		if n.op == nAll && possible && !r.jointlyPossible(children) {
			possible = false
		}
		return possible, always
	}
	return r.leafPossible(n), false
}

// leafPossible reports whether some answer makes comparison n hold.
func (r *resolved) leafPossible(n *node) bool {
	cq := &r.qs[n.q]
	switch {
	case n.op == nAnswered:
		return true
	case n.cls == clsChoice || n.cls == clsMulti:
		return n.op != nIn || n.mask != 0
	case n.cls == clsText && n.op == nIn:
		// Blank text is no answer, so no answer equals it.
		return slices.ContainsFunc(n.texts, func(t string) bool { return t != "" })
	case n.cls == clsText:
		return n.op != nEq || n.text != ""
	case n.cls == clsNum && n.op == nIn:
		return slices.ContainsFunc(n.nums, func(f float64) bool { return numPossible(nEq, f, cq) })
	case n.cls == clsNum:
		return numPossible(n.op, n.num, cq)
	}
	return true
}

// numPossible reports whether some answer to cq satisfies "answer op f".
func numPossible(op nodeOp, f float64, cq *cquestion) bool {
	lo, hi := math.Inf(-1), math.Inf(1)
	if cq.hasRange {
		lo, hi = cq.rng.Min, cq.rng.Max
	}
	switch op {
	case nEq:
		return f >= lo && f <= hi && (!cq.whole || f == math.Trunc(f))
	case nNe:
		return !(lo == hi && f == lo)
	case nLt:
		return f > lo
	case nLe:
		return f >= lo
	case nGt:
		return f < hi
	case nGe:
		return f <= hi
	}
	return true
}

// jointlyPossible reports whether the comparisons among children (of an
// all) can hold together: numeric bounds on one question must leave some
// number, and choices on one single-choice question some option.
func (r *resolved) jointlyPossible(children []int32) bool {
	type bound struct {
		q              int32
		lo, hi         float64
		loOpen, hiOpen bool
		mask           uint64
		choice         bool
	}
	var bounds []bound
	get := func(n *node) *bound {
		for i := range bounds {
			if bounds[i].q == n.q {
				return &bounds[i]
			}
		}
		cq := &r.qs[n.q]
		bounds = append(bounds, bound{q: n.q, lo: math.Inf(-1), hi: math.Inf(1), mask: 1<<len(cq.codes) - 1, choice: n.cls == clsChoice})
		if len(cq.codes) == 64 {
			bounds[len(bounds)-1].mask = math.MaxUint64
		}
		return &bounds[len(bounds)-1]
	}
	lower := func(bd *bound, f float64, open bool) {
		if f > bd.lo || f == bd.lo && open {
			bd.lo, bd.loOpen = f, open
		}
	}
	upper := func(bd *bound, f float64, open bool) {
		if f < bd.hi || f == bd.hi && open {
			bd.hi, bd.hiOpen = f, open
		}
	}
	for _, k := range children {
		if k < 0 {
			continue
		}
		n := &r.nodes[k]
		switch {
		case n.op < nEq:
		case n.cls == clsNum:
			bd := get(n)
			switch n.op {
			case nEq:
				lower(bd, n.num, false)
				upper(bd, n.num, false)
			case nLt:
				upper(bd, n.num, true)
			case nLe:
				upper(bd, n.num, false)
			case nGt:
				lower(bd, n.num, true)
			case nGe:
				lower(bd, n.num, false)
			}
		case n.cls == clsChoice:
			bd := get(n)
			switch n.op {
			case nEq, nIn:
				bd.mask &= n.mask
			case nNe:
				bd.mask &^= n.mask
			}
		}
	}
	for _, bd := range bounds {
		if bd.choice && bd.mask == 0 {
			return false
		}
		if !bd.choice && (bd.lo > bd.hi || bd.lo == bd.hi && (bd.loOpen || bd.hiOpen)) {
			return false
		}
	}
	return true
}

// scoreRange returns the least and the greatest score the score rules of
// a scale (-1: the screening's score) can give together.
func (r *resolved) scoreRange(scale int32) (smin, smax float64) {
	for i := range r.s.Rules {
		if rl := &r.s.Rules[i]; rl.Kind == KindScore && r.rules[i].scale == scale {
			lo, hi := r.itemRange(rl, r.rules[i])
			smin += min(0, lo)
			smax += max(0, hi)
		}
	}
	return smin, smax
}

// itemRange returns the least and greatest amounts a score rule adds.
func (r *resolved) itemRange(rl *Rule, res rrule) (lo, hi float64) {
	w := rl.Weight
	if rl.When != nil || rl.Overlap != nil || rl.Distance != nil || res.q < 0 {
		return min(0, w), max(0, w)
	}
	cq := &r.qs[res.q]
	vlo, vhi := 0.0, 0.0
	switch cq.typ {
	case TypeYesNo:
		vhi = 1
	case TypeSingleChoice:
		for _, f := range cq.scores {
			vlo, vhi = min(vlo, f), max(vhi, f)
		}
	case TypeMultipleChoice:
		for _, f := range cq.scores {
			vlo, vhi = vlo+min(0, f), vhi+max(0, f)
		}
	default:
		if cq.hasRange {
			vlo, vhi = min(0, cq.rng.Min), max(0, cq.rng.Max)
		} else {
			vlo, vhi = math.Inf(-1), math.Inf(1)
		}
	}
	a, c := w*vlo, w*vhi
	if math.IsNaN(a) {
		a = 0
	}
	if math.IsNaN(c) {
		c = 0
	}
	return min(a, c), max(a, c)
}
