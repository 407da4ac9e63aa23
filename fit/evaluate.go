package fit

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// set is a set of small integers (question or rule positions) below
// MaxQuestions and MaxRules, kept on the stack during evaluation.
type set [4]uint64

func (s *set) add(i int32)      { s[i>>6] |= 1 << (i & 63) }
func (s *set) has(i int32) bool { return s[i>>6]&(1<<(i&63)) != 0 }
func (s *set) count() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// Evaluate binds the answers (as Bind does, treating invalid answers as
// unanswered and naming them in the Decision's Invalid list) and evaluates
// them. Use Bind or ValidateAnswers to see the problems with the answers.
func (sc *Screener) Evaluate(a Answers, o Options) Decision {
	f, _ := sc.Bind(a)
	return f.Evaluate(o)
}

// visible computes which questions are shown and which shown questions
// have a valid answer, in an order where every question comes after those
// its display reads.
func (f *Form) visible(shown, ans *set) {
	sc := f.sc
	for _, i := range sc.topo {
		q := &sc.qs[i]
		if q.enable >= 0 && !sc.holds(q.enable, f.slots, ans) {
			continue
		}
		shown.add(i)
		if f.slots[i].state == slotSet {
			ans.add(i)
		}
	}
}

// holds evaluates node k over the answers of shown questions (ans).
func (sc *Screener) holds(k int32, slots []slot, ans *set) bool {
	n := &sc.nodes[k]
	switch n.op {
	case nAll:
		for _, c := range sc.kids[n.a:n.b] {
			if !sc.holds(c, slots, ans) {
				return false
			}
		}
		return true
	case nAny:
		for _, c := range sc.kids[n.a:n.b] {
			if sc.holds(c, slots, ans) {
				return true
			}
		}
		return false
	case nNot:
		return !sc.holds(n.a, slots, ans)
	}
	if !ans.has(n.q) {
		return false
	}
	if n.op == nAnswered {
		return true
	}
	s := &slots[n.q]
	switch n.cls {
	case clsBool, clsNum:
		switch n.op {
		case nEq:
			return s.num == n.num
		case nNe:
			return s.num != n.num
		case nLt:
			return s.num < n.num
		case nLe:
			return s.num <= n.num
		case nGt:
			return s.num > n.num
		case nGe:
			return s.num >= n.num
		case nIn:
			return slices.Contains(n.nums, s.num)
		}
	case clsChoice, clsMulti:
		switch n.op {
		case nEq:
			return s.mask == n.mask
		case nNe:
			return s.mask != n.mask
		case nIn:
			return s.mask&n.mask != 0
		case nContains:
			return s.mask&n.mask == n.mask
		}
	case clsText:
		switch n.op {
		case nEq:
			return strings.EqualFold(s.text, n.text)
		case nNe:
			return !strings.EqualFold(s.text, n.text)
		case nContains:
			return containsFold(s.text, n.text)
		case nIn:
			for _, t := range n.texts {
				if strings.EqualFold(s.text, t) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// containsFold reports whether sub is within s under simple Unicode case
// folding, the equivalence strings.EqualFold uses.
func containsFold(s, sub string) bool {
	if sub == "" {
		return true
	}
	for i := 0; i < len(s); {
		if hasPrefixFold(s[i:], sub) {
			return true
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return false
}

// hasPrefixFold reports whether s begins with prefix under simple Unicode
// case folding.
func hasPrefixFold(s, prefix string) bool {
	for prefix != "" {
		if s == "" {
			return false
		}
		r, w := utf8.DecodeRuneInString(s)
		p, pw := utf8.DecodeRuneInString(prefix)
		if r != p && !foldEqual(r, p) {
			return false
		}
		s, prefix = s[w:], prefix[pw:]
	}
	return true
}

// foldEqual reports whether r and p are the same letter in another case.
func foldEqual(r, p rune) bool {
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f == p {
			return true
		}
	}
	return false
}

// Evaluate evaluates the form's answers into a decision. It never fails:
// missing, invalid and hidden answers are part of the decision. It reads
// the answers without maps and allocates only the decision's lists.
//
// The outcome is the first that applies:
//
//  1. urgent: an urgent rule fired, or a band says urgent;
//  2. needs_review: a shown crisis question has no valid answer;
//  3. decline: a red flag fired and the provider did not override it, or a
//     band says decline;
//  4. refer: a refer rule fired, or a band says refer;
//  5. needs_review: a shown required question has no answer, or a shown
//     question's answer is invalid;
//  6. needs_review: ReviewAt or more concerns fired, or a band says
//     needs_review;
//  7. accept_with_conditions: a condition rule fired;
//  8. accept.
func (f *Form) Evaluate(o Options) Decision {
	sc := f.sc
	var shown, ans set
	f.visible(&shown, &ans)

	var nMissing, nInvalid, nIgnored, nCrisis int
	for i := range int32(len(sc.qs)) {
		q := &sc.qs[i]
		st := f.slots[i].state
		switch {
		case !shown.has(i):
			if st != slotEmpty {
				nIgnored++
			}
		case st == slotInvalid:
			nInvalid++
			if q.crisis {
				nCrisis++
			}
		case st == slotEmpty && q.required:
			nMissing++
			if q.crisis {
				nCrisis++
			}
		}
	}

	var fired, overridden set
	var score float64
	var nUrgent, nRed, nRefer, nConcern, nCond, nNeeds int
	for i := range sc.rules {
		r := &sc.rules[i]
		hit := false
		switch r.trig {
		case trigAlways:
			hit = true
		case trigWhen:
			hit = sc.holds(r.when, f.slots, &ans)
		case trigOverlap:
			hit = ans.has(r.q) && f.slots[r.q].num < r.limit
		case trigDistance:
			s := &f.slots[r.q]
			hit = ans.has(r.q) && (s.remote && !r.remote || !s.remote && s.num > r.limit)
		case trigItem:
			if ans.has(r.q) {
				score += r.weight * f.slots[r.q].num
			}
			continue
		}
		if !hit {
			continue
		}
		if r.kind == KindScore {
			score += r.weight
			continue
		}
		if r.kind == KindRedFlag && slices.Contains(o.Overrides, r.id) {
			overridden.add(int32(i))
			continue
		}
		fired.add(int32(i))
		nNeeds += len(r.needs)
		switch r.kind {
		case KindUrgent:
			nUrgent++
		case KindRedFlag:
			nRed++
		case KindRefer:
			nRefer++
		case KindConcern:
			nConcern++
		case KindCondition:
			nCond++
		}
	}

	var bandFired uint64
	var bandOutcomes [6]bool // by outcomeRank
	for j := range sc.bands {
		b := &sc.bands[j]
		if score >= b.min && score <= b.max {
			bandFired |= 1 << j
			nNeeds += len(b.needs)
			bandOutcomes[outcomeRank(b.outcome)] = true
		}
	}

	nBadOverride := 0
	for _, id := range o.Overrides {
		if !sc.isRedFlag(id) {
			nBadOverride++
		}
	}

	d := Decision{Score: score}
	switch {
	case nUrgent > 0 || bandOutcomes[rankUrgent]:
		d.Outcome = Urgent
	case nCrisis > 0:
		d.Outcome = NeedsReview
	case nRed > 0 || bandOutcomes[rankDecline]:
		d.Outcome = Decline
	case nRefer > 0 || bandOutcomes[rankRefer]:
		d.Outcome = Refer
	case nMissing > 0 || nInvalid > 0:
		d.Outcome = NeedsReview
	case nConcern >= sc.reviewAt || bandOutcomes[rankReview]:
		d.Outcome = NeedsReview
	case nCond > 0:
		d.Outcome = AcceptWithConditions
	default:
		d.Outcome = Accept
	}

	// The string lists share one allocation, each capped so that appending
	// to one never writes into the next.
	if n := nMissing + nInvalid + nIgnored + nNeeds; n > 0 {
		strs := make([]string, 0, n)
		mark := 0
		cut := func() []string {
			if len(strs) == mark {
				return nil
			}
			l := strs[mark:len(strs):len(strs)]
			mark = len(strs)
			return l
		}
		for _, i := range sc.byID {
			if shown.has(i) && f.slots[i].state == slotEmpty && sc.qs[i].required {
				strs = append(strs, sc.qs[i].id)
			}
		}
		d.Missing = cut()
		for _, i := range sc.byID {
			if shown.has(i) && f.slots[i].state == slotInvalid {
				strs = append(strs, sc.qs[i].id)
			}
		}
		d.Invalid = cut()
		for _, i := range sc.byID {
			if !shown.has(i) && f.slots[i].state != slotEmpty {
				strs = append(strs, sc.qs[i].id)
			}
		}
		d.Ignored = cut()
		for i := range sc.rules {
			if fired.has(int32(i)) {
				strs = append(strs, sc.rules[i].needs...)
			}
		}
		for j := range sc.bands {
			if bandFired&(1<<j) != 0 {
				strs = append(strs, sc.bands[j].needs...)
			}
		}
		needs := strs[mark:]
		slices.Sort(needs)
		needs = slices.Compact(needs)
		if len(needs) > 0 {
			d.Needs = needs[:len(needs):len(needs)]
		}
	}

	if nCond > 0 {
		d.Conditions = make([]Requirement, 0, nCond)
		for i := range sc.rules {
			if r := &sc.rules[i]; r.kind == KindCondition && fired.has(int32(i)) {
				d.Conditions = append(d.Conditions, Requirement{Rule: r.id, Text: r.text})
			}
		}
	}

	reasons := make([]Reason, 0, fired.count()+overridden.count()+bits.OnesCount64(bandFired)+
		nMissing+nInvalid+nIgnored+nBadOverride+2)
	rules := func(kind Kind, code Code) {
		for i := range sc.rules {
			if r := &sc.rules[i]; r.kind == kind && fired.has(int32(i)) {
				reasons = append(reasons, Reason{Code: code, Rule: r.id, Question: r.reasonQuest, Message: r.message})
			}
		}
	}
	bands := func(o Outcome) {
		for j := range sc.bands {
			if b := &sc.bands[j]; b.outcome == o && bandFired&(1<<j) != 0 {
				reasons = append(reasons, Reason{Code: CodeBand, Rule: b.id, Message: b.message})
			}
		}
	}
	questions := func(code Code, match func(*cquestion, slotState) bool, msg func(*cquestion) string) {
		for _, i := range sc.byID {
			q := &sc.qs[i]
			if match(q, f.slots[i].state) && shown.has(i) == (code != CodeIgnored) {
				reasons = append(reasons, Reason{Code: code, Question: q.id, Message: msg(q)})
			}
		}
	}
	rules(KindUrgent, CodeUrgent)
	bands(Urgent)
	questions(CodeCrisisUnanswered,
		func(q *cquestion, st slotState) bool { return q.crisis && st != slotSet },
		func(q *cquestion) string { return q.crisisMsg })
	rules(KindRedFlag, CodeRedFlag)
	bands(Decline)
	for i := range sc.rules {
		if r := &sc.rules[i]; overridden.has(int32(i)) {
			reasons = append(reasons, Reason{Code: CodeOverridden, Rule: r.id, Question: r.reasonQuest, Message: r.overridden})
		}
	}
	rules(KindRefer, CodeRefer)
	bands(Refer)
	questions(CodeMissing,
		func(q *cquestion, st slotState) bool { return !q.crisis && q.required && st == slotEmpty },
		func(q *cquestion) string { return q.missingMsg })
	questions(CodeInvalidAnswer,
		func(q *cquestion, st slotState) bool { return !q.crisis && st == slotInvalid },
		func(q *cquestion) string { return q.invalidMsg })
	rules(KindConcern, CodeConcern)
	if nConcern >= sc.reviewAt {
		reasons = append(reasons, Reason{Code: CodeConcerns, Message: "Several concerns together need the provider's review."})
	}
	bands(NeedsReview)
	bands("")
	rules(KindCondition, CodeCondition)
	rules(KindNeed, CodeNeed)
	for _, id := range o.Overrides {
		if !sc.isRedFlag(id) {
			reasons = append(reasons, Reason{Code: CodeOverrideUnknown, Rule: id,
				Message: "The override “" + id + "” names no red-flag rule of this screening, so it changed nothing."})
		}
	}
	questions(CodeIgnored,
		func(_ *cquestion, st slotState) bool { return st != slotEmpty },
		func(q *cquestion) string { return q.ignoredMsg })
	if len(reasons) == 0 {
		reasons = append(reasons, Reason{Code: CodeFit, Message: "Every answer fits the service; no rule stood in the way."})
	}
	d.Reasons = reasons

	if d.Outcome == Urgent && len(o.Resources) > 0 {
		d.Resources = slices.Clone(o.Resources)
	}
	return d
}

// isRedFlag reports whether id names a red-flag rule.
func (sc *Screener) isRedFlag(id string) bool {
	i, ok := sc.ruleIdx[id]
	return ok && i >= 0 && sc.rules[i].kind == KindRedFlag
}

// Ranks of band outcomes, for bandOutcomes.
const (
	rankNone = iota
	rankReview
	rankRefer
	rankDecline
	rankUrgent
	rankOther
)

// outcomeRank returns the rank of a band's outcome.
func outcomeRank(o Outcome) int {
	switch o {
	case "":
		return rankNone
	case NeedsReview:
		return rankReview
	case Refer:
		return rankRefer
	case Decline:
		return rankDecline
	case Urgent:
		return rankUrgent
	}
	return rankOther
}
