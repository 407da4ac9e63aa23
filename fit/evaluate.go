package fit

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/practicekit/boundaries/internal/bitset"
	"github.com/practicekit/boundaries/internal/prose"
)

// setWords is the length, in words, of the sets of questions and rules an
// evaluation keeps: arrays on the stack, used as bitset.Sets.
const setWords = (max(MaxQuestions, MaxRules) + 63) / 64

// Evaluate binds the answers (as Bind does, treating invalid answers as
// unanswered and naming them in the Decision's Invalid list) and evaluates
// them. Use Bind or ValidateAnswers to see the problems with the answers.
func (ev *Evaluator) Evaluate(a Answers, o Options) Decision {
	sh := ev.sheet()
	_ = sh.bindAll(a)
	return sh.Evaluate(o)
}

// visible computes which questions are shown and which shown questions
// have a valid answer, in an order where every question comes after those
// its display reads. When some crisis question is shown on a condition, it
// also computes which hidden questions might be shown once the answers
// still missing are given (maybe), so that a crisis question cannot hide
// behind a missing answer.
func (sh *AnswerSheet) visible(shown, ans, maybe bitset.Set) {
	ev := sh.ev
	for _, i := range ev.topo {
		q := &ev.qs[i]
		if q.parent >= 0 && !shown.Has(int(q.parent)) {
			// A group that is hidden hides its items; one that missing
			// answers might show might show them.
			if ev.gated && maybe.Has(int(q.parent)) && (q.enable < 0 || ev.decide(q.enable, sh, shown, ans, maybe) != no) {
				maybe.Add(int(i))
			}
			continue
		}
		if q.enable >= 0 && !ev.holds(q.enable, sh, ans) {
			if ev.gated && ev.decide(q.enable, sh, shown, ans, maybe) == unknown {
				maybe.Add(int(i))
			}
			continue
		}
		shown.Add(int(i))
		if sh.slots[i].state == slotSet {
			ans.Add(int(i))
		}
	}
}

// A truth is the value of a condition when some answers are not known.
type truth uint8

const (
	no truth = iota
	yes
	unknown
)

// decide evaluates node k taking missing answers as unknown rather than
// false: a comparison on a shown question without a valid answer, or on a
// hidden question that might be shown (maybe), is unknown, and on a
// question that cannot be shown false; all is false when a part is false,
// any true when a part is true, and not inverts what is known. It tells
// whether answers still missing could show a question.
func (ev *Evaluator) decide(k int32, sh *AnswerSheet, shown, ans, maybe bitset.Set) truth {
	n := &ev.nodes[k]
	switch n.op {
	case nAll, nAny:
		stop, r := no, yes // all stops at the first no
		if n.op == nAny {
			stop, r = yes, no
		}
		for _, c := range ev.kids[n.a:n.b] {
			switch v := ev.decide(c, sh, shown, ans, maybe); v {
			case stop:
				return v
			case unknown:
				r = unknown
			}
		}
		return r
	case nNot:
		switch ev.decide(n.a, sh, shown, ans, maybe) {
		case yes:
			return no
		case no:
			return yes
		}
		return unknown
	}
	switch {
	case ans.Has(int(n.q)):
		if ev.holds(k, sh, ans) {
			return yes
		}
		return no
	case shown.Has(int(n.q)) || maybe.Has(int(n.q)):
		return unknown
	}
	return no
}

// holds evaluates node k over the answers of shown questions (ans).
func (ev *Evaluator) holds(k int32, sh *AnswerSheet, ans bitset.Set) bool {
	n := &ev.nodes[k]
	switch n.op {
	case nAll:
		for _, c := range ev.kids[n.a:n.b] {
			if !ev.holds(c, sh, ans) {
				return false
			}
		}
		return true
	case nAny:
		for _, c := range ev.kids[n.a:n.b] {
			if ev.holds(c, sh, ans) {
				return true
			}
		}
		return false
	case nNot:
		return !ev.holds(n.a, sh, ans)
	}
	if !ans.Has(int(n.q)) {
		return false
	}
	if n.op == nAnswered {
		return true
	}
	s := &sh.slots[n.q]
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
		text := sh.texts[ev.qs[n.q].text]
		switch n.op {
		case nEq:
			return text == n.text
		case nNe:
			return text != n.text
		case nContains:
			return strings.Contains(text, n.text)
		case nIn:
			return slices.Contains(n.texts, text)
		}
	}
	return false
}

// fold returns s with every rune replaced by the least rune of its simple
// case-folding orbit, so that fold(a) == fold(b) exactly when
// strings.EqualFold(a, b), and substrings fold to substrings.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		// Among ASCII letters the upper case is the least of its orbit
		// (k and s have non-ASCII orbit members, K and S still least).
		return strings.ToUpper(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldRune returns the least rune of r's simple case-folding orbit.
func foldRune(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// Evaluate evaluates the sheet's answers into a decision. It never fails:
// missing, invalid and hidden answers are part of the decision. It reads
// the answers without maps and allocates only the decision's lists.
//
// The outcome is the first that applies:
//
//  1. urgent: an urgent rule fired, or a band says urgent;
//  2. needs_review: a crisis question has no valid answer while it is
//     shown, or might be shown once missing answers are given;
//  3. decline: a red flag fired and the provider did not override it, or a
//     band says decline;
//  4. refer: a refer rule fired, or a band says refer;
//  5. needs_review: a shown required question has no answer, a shown
//     question's answer is invalid, or a scale is incomplete;
//  6. needs_review: ReviewAt or more concerns fired, or a band says
//     needs_review;
//  7. accept_with_conditions: a condition rule fired;
//  8. accept.
func (sh *AnswerSheet) Evaluate(o Options) Decision {
	var sets [5][setWords]uint64
	t := tally{shown: sets[0][:], ans: sets[1][:], maybe: sets[2][:], fired: sets[3][:], overridden: sets[4][:]}
	sh.tally(&t, o)
	d := Decision{Outcome: sh.ev.outcome(&t), Score: t.score}
	sh.lists(&d, &t)
	d.Reasons = sh.reasons(&t, o)
	if d.Outcome == Urgent && len(o.Resources) > 0 {
		d.Resources = slices.Clone(o.Resources)
	}
	return d
}

// A tally is what one evaluation found, before the decision is written.
type tally struct {
	shown, ans        bitset.Set // shown questions; shown questions with a valid answer
	maybe             bitset.Set // hidden questions that missing answers might show
	fired, overridden bitset.Set // rules that fired (score rules aside); red flags overridden
	bands             uint64
	bandOutcome       [rankOther + 1]bool
	score             float64
	scales            [MaxScales]scaleTally
	incomplete        int // scales with an item shown and without a valid answer
	missing, invalid  int // required questions unanswered (see Decision.Missing); shown questions answered invalidly
	ignored           int // hidden questions answered
	crisis            int // crisis questions without a valid answer, shown or maybe shown
	kinds             [numKinds]int
	needs             int // needs of fired rules and bands, repeats included
	badOverrides      int
}

// A scaleTally is what one evaluation found of a scale.
type scaleTally struct {
	score             float64
	answered, unshown int // items with a valid answer; items not shown
}

// complete reports whether every item of the scale that is shown has a
// valid answer.
func (st *scaleTally) complete(sc *cscale) bool { return st.answered+st.unshown == sc.items }

// tally evaluates display, rules and bands.
func (sh *AnswerSheet) tally(t *tally, o Options) {
	ev := sh.ev
	sh.visible(t.shown, t.ans, t.maybe)
	for i := range int32(len(ev.qs)) {
		q := &ev.qs[i]
		st := sh.slots[i].state
		switch {
		case !t.shown.Has(int(i)):
			if st != slotEmpty {
				t.ignored++
			}
			if q.crisis && t.maybe.Has(int(i)) {
				t.crisis++
				if st == slotEmpty {
					t.missing++
				}
			}
		case st == slotInvalid:
			t.invalid++
			if q.crisis {
				t.crisis++
			}
		case st == slotEmpty && q.required:
			t.missing++
			if q.crisis {
				t.crisis++
			}
		}
	}
	for i := range ev.rules {
		r := &ev.rules[i]
		hit := false
		switch r.trig {
		case trigAlways:
			hit = true
		case trigWhen:
			hit = ev.holds(r.when, sh, t.ans)
		case trigOverlap:
			hit = t.ans.Has(int(r.q)) && sh.slots[r.q].num < r.limit
		case trigDistance:
			s := &sh.slots[r.q]
			hit = t.ans.Has(int(r.q)) && (s.remote && !r.remote || !s.remote && s.num > r.limit)
		case trigItem:
			switch {
			case r.scale < 0:
				if t.ans.Has(int(r.q)) {
					t.score += r.weight * sh.slots[r.q].num
				}
			case t.ans.Has(int(r.q)):
				st := &t.scales[r.scale]
				st.score += r.weight * sh.slots[r.q].num
				st.answered++
			case !t.shown.Has(int(r.q)) && !t.maybe.Has(int(r.q)):
				t.scales[r.scale].unshown++
			}
			continue
		}
		switch {
		case !hit:
		case r.kind == KindScore && r.scale >= 0:
			t.scales[r.scale].score += r.weight
		case r.kind == KindScore:
			t.score += r.weight
		case r.kind == KindRedFlag && slices.Contains(o.Overrides, r.id):
			t.overridden.Add(i)
		default:
			t.fired.Add(i)
			t.kinds[kindRank(r.kind)]++
			t.needs += len(r.needs)
		}
	}
	for k := range ev.scales {
		if !t.scales[k].complete(&ev.scales[k]) {
			t.incomplete++
		}
	}
	for j := range ev.bands {
		b := &ev.bands[j]
		score := t.score
		if b.scale >= 0 {
			st := &t.scales[b.scale]
			if !st.complete(&ev.scales[b.scale]) {
				continue
			}
			score = st.score
		}
		if score >= b.min && score <= b.max {
			t.bands |= 1 << j
			t.needs += len(b.needs)
			t.bandOutcome[outcomeRank(b.outcome)] = true
		}
	}
	for _, id := range o.Overrides {
		if !ev.isRedFlag(id) {
			t.badOverrides++
		}
	}
}

// outcome decides, in the order AnswerSheet.Evaluate documents.
func (ev *Evaluator) outcome(t *tally) Outcome {
	switch {
	case t.kinds[kindRank(KindUrgent)] > 0 || t.bandOutcome[rankUrgent]:
		return Urgent
	case t.crisis > 0:
		return NeedsReview
	case t.kinds[kindRank(KindRedFlag)] > 0 || t.bandOutcome[rankDecline]:
		return Decline
	case t.kinds[kindRank(KindRefer)] > 0 || t.bandOutcome[rankRefer]:
		return Refer
	case t.missing > 0 || t.invalid > 0 || t.incomplete > 0:
		return NeedsReview
	case t.kinds[kindRank(KindConcern)] >= ev.reviewAt || t.bandOutcome[rankReview]:
		return NeedsReview
	case t.kinds[kindRank(KindCondition)] > 0:
		return AcceptWithConditions
	}
	return Accept
}

// lists writes the decision's lists. The string lists share one
// allocation, each capped so that appending to one never writes into the
// next.
func (sh *AnswerSheet) lists(d *Decision, t *tally) {
	ev := sh.ev
	if n := t.missing + t.invalid + t.ignored + t.needs; n > 0 {
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
		for _, i := range ev.byID {
			if sh.slots[i].state == slotEmpty && ev.qs[i].required && (t.shown.Has(int(i)) || ev.qs[i].crisis && t.maybe.Has(int(i))) {
				strs = append(strs, ev.qs[i].id)
			}
		}
		d.Missing = cut()
		for _, i := range ev.byID {
			if t.shown.Has(int(i)) && sh.slots[i].state == slotInvalid {
				strs = append(strs, ev.qs[i].id)
			}
		}
		d.Invalid = cut()
		for _, i := range ev.byID {
			if !t.shown.Has(int(i)) && sh.slots[i].state != slotEmpty {
				strs = append(strs, ev.qs[i].id)
			}
		}
		d.Ignored = cut()
		for i := range ev.rules {
			if t.fired.Has(i) {
				strs = append(strs, ev.rules[i].needs...)
			}
		}
		for j := range ev.bands {
			if t.bands&(1<<j) != 0 {
				strs = append(strs, ev.bands[j].needs...)
			}
		}
		needs := strs[mark:]
		slices.Sort(needs)
		if needs = slices.Compact(needs); len(needs) > 0 {
			d.Needs = needs[:len(needs):len(needs)]
		}
	}
	if len(ev.scales) > 0 {
		d.Totals = make([]Total, len(ev.scales))
		for k := range ev.scales {
			sc, st := &ev.scales[k], &t.scales[k]
			d.Totals[k] = Total{Scale: sc.id, Score: st.score, Items: sc.items, Answered: st.answered, Complete: st.complete(sc)}
		}
	}
	if n := t.kinds[kindRank(KindCondition)]; n > 0 {
		d.Conditions = make([]Requirement, 0, n)
		start, end := ev.kindRules(KindCondition)
		for i := start; i < end; i++ {
			if r := &ev.rules[i]; t.fired.Has(i) {
				d.Conditions = append(d.Conditions, Requirement{Rule: r.id, Text: r.text})
			}
		}
	}
}

// reasons writes the decision's reasons, most important first.
func (sh *AnswerSheet) reasons(t *tally, o Options) []Reason {
	ev := sh.ev
	rs := make([]Reason, 0, t.fired.Count()+t.overridden.Count()+bits.OnesCount64(t.bands)+
		t.missing+t.invalid+t.incomplete+t.ignored+t.crisis+t.badOverrides+1)
	rs = sh.ruleReasons(rs, t, KindUrgent, CodeUrgent)
	rs = sh.bandReasons(rs, t, Urgent)
	if t.crisis > 0 {
		rs = sh.questionReasons(rs, t, CodeCrisisUnanswered)
	}
	rs = sh.ruleReasons(rs, t, KindRedFlag, CodeRedFlag)
	rs = sh.bandReasons(rs, t, Decline)
	if !t.overridden.IsEmpty() {
		start, end := ev.kindRules(KindRedFlag)
		for i := start; i < end; i++ {
			if r := &ev.rules[i]; t.overridden.Has(i) {
				rs = append(rs, Reason{Code: CodeOverridden, Rule: r.id, Question: r.reasonQuest, Message: r.overridden})
			}
		}
	}
	rs = sh.ruleReasons(rs, t, KindRefer, CodeRefer)
	rs = sh.bandReasons(rs, t, Refer)
	if t.missing+t.invalid > 0 {
		rs = sh.questionReasons(rs, t, CodeMissing)
		rs = sh.questionReasons(rs, t, CodeInvalidAnswer)
	}
	if t.incomplete > 0 {
		for k := range ev.scales {
			if sc, st := &ev.scales[k], &t.scales[k]; !st.complete(sc) {
				missing := sc.items - st.answered - st.unshown
				rs = append(rs, Reason{Code: CodeIncomplete, Rule: sc.id,
					Message: sc.name + " cannot be scored: " + prose.Count(missing, "item has", "items have") + " no valid answer, and a total without them would not be the " + sc.name + " total."})
			}
		}
	}
	rs = sh.ruleReasons(rs, t, KindConcern, CodeConcern)
	if t.kinds[kindRank(KindConcern)] >= ev.reviewAt {
		rs = append(rs, Reason{Code: CodeConcerns, Message: "Several concerns together need the provider's review."})
	}
	rs = sh.bandReasons(rs, t, NeedsReview)
	rs = sh.bandReasons(rs, t, "")
	rs = sh.ruleReasons(rs, t, KindCondition, CodeCondition)
	rs = sh.ruleReasons(rs, t, KindNeed, CodeNeed)
	if t.badOverrides > 0 {
		// By ID and once each, like every other reason: the order of
		// Options.Overrides does not matter.
		bad := make([]string, 0, t.badOverrides)
		for _, id := range o.Overrides {
			if !ev.isRedFlag(id) {
				bad = append(bad, id)
			}
		}
		slices.Sort(bad)
		for _, id := range slices.Compact(bad) {
			rs = append(rs, Reason{Code: CodeOverrideUnknown, Rule: id,
				Message: "The override “" + id + "” names no red-flag rule of this screening, so it changed nothing."})
		}
	}
	if t.ignored > 0 {
		rs = sh.questionReasons(rs, t, CodeIgnored)
	}
	if len(rs) == 0 {
		rs = append(rs, Reason{Code: CodeFit, Message: "Every answer fits the service; no rule stood in the way."})
	}
	return rs
}

// ruleReasons appends a reason for each fired rule of kind.
func (sh *AnswerSheet) ruleReasons(rs []Reason, t *tally, kind Kind, code Code) []Reason {
	if t.kinds[kindRank(kind)] == 0 {
		return rs
	}
	start, end := sh.ev.kindRules(kind)
	for i := start; i < end; i++ {
		if r := &sh.ev.rules[i]; t.fired.Has(i) {
			rs = append(rs, Reason{Code: code, Rule: r.id, Question: r.reasonQuest, Message: r.message})
		}
	}
	return rs
}

// bandReasons appends a reason for each fired band with outcome o.
func (sh *AnswerSheet) bandReasons(rs []Reason, t *tally, o Outcome) []Reason {
	if t.bands == 0 {
		return rs
	}
	for j := range sh.ev.bands {
		if b := &sh.ev.bands[j]; b.outcome == o && t.bands&(1<<j) != 0 {
			msg := b.message
			if b.scale >= 0 {
				msg = sh.ev.scales[b.scale].name + " total " + strconv.FormatFloat(t.scales[b.scale].score, 'f', -1, 64) + ": " + b.message
			}
			rs = append(rs, Reason{Code: CodeBand, Rule: b.id, Message: msg})
		}
	}
	return rs
}

// questionReasons appends a reason with code for each question it
// applies to, in question ID order.
func (sh *AnswerSheet) questionReasons(rs []Reason, t *tally, code Code) []Reason {
	for _, i := range sh.ev.byID {
		q := &sh.ev.qs[i]
		st := sh.slots[i].state
		shown := t.shown.Has(int(i))
		var msg string
		switch {
		case code == CodeCrisisUnanswered && q.crisis && (shown && st != slotSet || t.maybe.Has(int(i))):
			msg = q.crisisMsg
		case code == CodeMissing && shown && !q.crisis && q.required && st == slotEmpty:
			msg = q.missingMsg
		case code == CodeInvalidAnswer && shown && !q.crisis && st == slotInvalid:
			msg = q.invalidMsg
		case code == CodeIgnored && !shown && st != slotEmpty:
			msg = q.ignoredMsg
		default:
			continue
		}
		rs = append(rs, Reason{Code: code, Question: q.id, Message: msg})
	}
	return rs
}

// isRedFlag reports whether id names a red-flag rule.
func (ev *Evaluator) isRedFlag(id string) bool {
	i, ok := ev.ruleIdx[id]
	return ok && i >= 0 && ev.rules[i].kind == KindRedFlag
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
