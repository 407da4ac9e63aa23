package fit

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/availability/problem"
)

// An Evaluator is a screening compiled and bound to one provider: it
// evaluates answers into decisions. Make one with Compile. Questions are
// indexed by position, option codes by bit, conditions flattened into
// arrays and rules sorted by ID, so that evaluation reads answers without
// maps and allocates only the decision's lists. An Evaluator is immutable
// and safe for concurrent use.
type Evaluator struct {
	qs       []cquestion
	index    map[string]int32 // question ID → position
	byID     []int32          // positions in question ID order
	topo     []int32          // positions, each after the questions its display reads
	nodes    []node
	kids     []int32
	rules    []crule         // by kind (as kindRank orders them), then ID
	kindEnd  [numKinds]int32 // kindEnd[k] is the end of the rules of kind rank k
	bands    []cband         // in band ID order
	scales   []cscale        // in scale ID order
	ruleIdx  map[string]int32
	reviewAt int
	gated    bool // some crisis question is shown on a condition
	texts    int  // the number of text questions

	open     availability.Week // the provider's weekly times, for Overlap rules
	openBits *weekBits         // the minutes of open; nil when there are none
	base     place.Point
	hasBase  bool
}

// class is how a question's answers are compared.
type class uint8

const (
	clsNone   class = iota // location and weekly times: only "answered"
	clsBool                // yes/no, as 1 or 0
	clsChoice              // single choice, as one bit of a mask
	clsMulti               // multiple choice, as a mask
	clsNum                 // number, scale, instinct, date (days), money (minor units)
	clsText                // free text
)

func classOf(t Type) class {
	switch t {
	case TypeYesNo:
		return clsBool
	case TypeSingleChoice:
		return clsChoice
	case TypeMultipleChoice:
		return clsMulti
	case TypeNumber, TypeScale, TypeInstinct, TypeDate, TypeMoney, TypeInteger, TypeTime, TypeDateTime:
		return clsNum
	case TypeText, TypeShortText:
		return clsText
	}
	return clsNone
}

// nodeOp is the operation of a compiled condition node.
type nodeOp uint8

const (
	nAll nodeOp = iota
	nAny
	nNot
	nAnswered
	nEq
	nNe
	nLt
	nLe
	nGt
	nGe
	nIn
	nContains
)

// leafOp returns the node operation of a comparison operator.
func leafOp(op Op) (nodeOp, bool) {
	switch op {
	case Answered:
		return nAnswered, true
	case Equals:
		return nEq, true
	case NotEquals:
		return nNe, true
	case Less:
		return nLt, true
	case LessOrEqual:
		return nLe, true
	case Greater:
		return nGt, true
	case GreaterOrEqual:
		return nGe, true
	case In:
		return nIn, true
	case Contains:
		return nContains, true
	}
	return 0, false
}

// A node is one compiled condition: all/any over kids[a:b], not of node a,
// or a comparison of question q's answer.
type node struct {
	op    nodeOp
	cls   class
	q     int32
	a, b  int32
	num   float64
	mask  uint64
	text  string
	texts []string
	nums  []float64
}

// cquestion is a compiled question.
type cquestion struct {
	id       string
	path     string // the problem path of its answers: the ID, quoted when it is not an identifier
	typ      Type
	cls      class
	required bool
	crisis   bool
	enable   int32 // node, or -1 when always shown
	rng      Range
	hasRange bool
	whole    bool
	codes    []string
	scores   []float64
	cur      money.Currency // a money question's currency, or ""
	text     int32          // a text question's position among them (AnswerSheet.texts), or -1
	parent   int32          // the group it belongs to, or -1
	open     bool           // a choice question that also takes text of the client's own

	missingMsg, crisisMsg, invalidMsg, ignoredMsg string
}

// trigger is what fires a compiled rule.
type trigger uint8

const (
	trigAlways trigger = iota
	trigWhen
	trigOverlap
	trigDistance
	trigItem
)

// crule is a compiled rule.
type crule struct {
	id          string
	kind        Kind
	trig        trigger
	when        int32
	q           int32
	scale       int32 // a score rule's scale (position in Evaluator.scales), or -1
	limit       float64
	remote      bool
	weight      float64
	needs       []string
	text        string
	message     string
	overridden  string
	reasonQuest string
}

// cband is a compiled band.
type cband struct {
	id       string
	scale    int32 // the scale it reads (position in Evaluator.scales), or -1
	min, max float64
	outcome  Outcome
	needs    []string
	message  string // for a band of a scale, what follows "PHQ-9 total 17: "
}

// cscale is a compiled scale.
type cscale struct {
	id    string
	name  string
	items int // the item-score rules that add to it
}

// Compile checks the screening with the passes of Validate, checks the
// provider, and compiles the two into an Evaluator; or it returns a
// problem.List of every problem found: the screening's, as Validate
// reports them, and the provider's (its schedule under
// "provider.schedule", its week and base, and a distance rule without a
// base).
//
// The provider's weekly times are worked out once here, on the wall clock
// of the schedule's zone (see Provider.Week), for Overlap rules.
func Compile(s Screening, p Provider) (*Evaluator, error) {
	var l problem.List
	r := check(&s, &l)
	if r == nil {
		return nil, l.Err()
	}
	checkProvider(&s, &p, &l)
	if len(l) > 0 {
		return nil, l
	}
	ev := r.compile()
	if err := ev.bindProvider(&p); err != nil {
		return nil, err
	}
	return ev, nil
}

// MustCompile is Compile for screenings known to be valid, such as the
// standard bank in tests; it panics on error.
func MustCompile(s Screening, p Provider) *Evaluator {
	ev, err := Compile(s, p)
	if err != nil {
		panic(err)
	}
	return ev
}

// compile lays out the Evaluator of a screening validation found no
// problem with: the questions with their display nodes and sentences, in
// position, display and ID order; the conditions' nodes as resolved; the
// rules by kind and ID, with their sentences; the bands by ID.
func (r *resolved) compile() *Evaluator {
	s := r.s
	ev := &Evaluator{
		qs:       r.qs,
		index:    r.index,
		topo:     r.topo,
		nodes:    r.nodes,
		kids:     r.kids,
		reviewAt: s.reviewAt(),
	}
	for i := range s.Questions {
		q, cq := &s.Questions[i], &ev.qs[i]
		cq.enable = r.enable[i]
		cq.setMessages(q.Text)
		cq.text = -1
		if cq.cls == clsText {
			cq.text = int32(ev.texts)
			ev.texts++
		}
		ev.gated = ev.gated || q.Crisis && (q.EnableWhen != nil || q.Group != "")
	}
	ev.byID = make([]int32, len(s.Questions))
	for i := range ev.byID {
		ev.byID[i] = int32(i)
	}
	slices.SortFunc(ev.byID, func(x, y int32) int { return cmp.Compare(ev.qs[x].id, ev.qs[y].id) })

	// Scales by ID; scalePos maps a scale's position in the screening to
	// its position here.
	ev.scales = make([]cscale, len(s.Scales))
	order := make([]int32, len(s.Scales))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return cmp.Compare(s.Scales[x].ID, s.Scales[y].ID) })
	scalePos := make([]int32, len(s.Scales))
	for to, from := range order {
		ev.scales[to] = cscale{id: s.Scales[from].ID, name: s.Scales[from].Name}
		scalePos[from] = int32(to)
	}
	at := func(k int32) int32 {
		if k < 0 {
			return -1
		}
		return scalePos[k]
	}

	ev.rules = make([]crule, len(s.Rules))
	for i := range s.Rules {
		ev.rules[i] = ev.rule(&s.Rules[i], r.rules[i])
		ev.rules[i].scale = at(r.rules[i].scale)
		if ev.rules[i].scale >= 0 && ev.rules[i].trig == trigItem {
			ev.scales[ev.rules[i].scale].items++
		}
	}
	slices.SortFunc(ev.rules, func(x, y crule) int {
		return cmp.Or(cmp.Compare(kindRank(x.kind), kindRank(y.kind)), cmp.Compare(x.id, y.id))
	})
	ev.ruleIdx = make(map[string]int32, len(ev.rules))
	for i := range ev.rules {
		ev.ruleIdx[ev.rules[i].id] = int32(i)
	}
	for k := range ev.kindEnd {
		ev.kindEnd[k] = int32(len(ev.rules))
	}
	for i := len(ev.rules) - 1; i >= 0; i-- {
		for k := range kindRank(ev.rules[i].kind) {
			ev.kindEnd[k] = int32(i)
		}
	}

	ev.bands = make([]cband, len(s.Bands))
	for i, bd := range s.Bands {
		ev.bands[i] = cband{id: bd.ID, scale: at(r.bandScale[i]), min: bd.Min, max: bd.Max, outcome: bd.Outcome, needs: slices.Clone(bd.Needs), message: bd.Message}
	}
	slices.SortFunc(ev.bands, func(x, y cband) int { return cmp.Compare(x.id, y.id) })
	return ev
}

// rule compiles one rule, whose trigger validation resolved.
func (ev *Evaluator) rule(rl *Rule, res rrule) crule {
	cr := crule{id: rl.ID, kind: rl.Kind, when: res.when, q: res.q, weight: rl.Weight,
		needs: slices.Clone(rl.Needs), text: rl.Text, message: rl.Message}
	if rl.Kind == KindRedFlag {
		cr.overridden = rl.Message + " (The provider overrode this red flag.)"
	}
	switch {
	case rl.When != nil:
		cr.trig = trigWhen
		cr.reasonQuest = ev.qs[ev.firstRead(res.when)].id
	case rl.Overlap != nil:
		cr.trig, cr.limit = trigOverlap, rl.Overlap.MinHours
	case rl.Distance != nil:
		cr.trig, cr.limit, cr.remote = trigDistance, rl.Distance.MaxKm, rl.Distance.Remote
	case rl.Question != "":
		cr.trig = trigItem
	default:
		cr.trig = trigAlways
	}
	if cr.q >= 0 && cr.reasonQuest == "" {
		cr.reasonQuest = ev.qs[cr.q].id
	}
	return cr
}

// firstRead returns the first question node k reads, depth first: the
// question a rule's reasons name.
func (ev *Evaluator) firstRead(k int32) int32 {
	for {
		switch n := &ev.nodes[k]; n.op {
		case nAll, nAny:
			k = ev.kids[n.a]
		case nNot:
			k = n.a
		default:
			return n.q
		}
	}
}

// setMessages writes the question's reason sentences into one string and
// slices them out of it.
func (cq *cquestion) setMessages(text string) {
	parts := [...]string{
		"No answer to “", text, "”, which is required.",
		"No answer to the safety question “", text, "”; a person must review before going further.",
		"The answer to “", text, "” is not valid, so it was left out.",
		"The answer to “", text, "” was ignored because the question was not shown.",
	}
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	var sb strings.Builder
	sb.Grow(n)
	for _, p := range parts {
		sb.WriteString(p)
	}
	all := sb.String()
	var msgs [4]string
	for i := range msgs {
		l := len(parts[3*i]) + len(parts[3*i+1]) + len(parts[3*i+2])
		msgs[i], all = all[:l], all[l:]
	}
	cq.missingMsg, cq.crisisMsg, cq.invalidMsg, cq.ignoredMsg = msgs[0], msgs[1], msgs[2], msgs[3]
}

// kindRank orders rule kinds the way reasons list them.
func kindRank(k Kind) int {
	switch k {
	case KindUrgent:
		return 0
	case KindRedFlag:
		return 1
	case KindRefer:
		return 2
	case KindConcern:
		return 3
	case KindCondition:
		return 4
	case KindNeed:
		return 5
	}
	return 6
}

// numKinds is the number of rule kinds.
const numKinds = 7

// kindRules returns the positions of the rules of kind k.
func (ev *Evaluator) kindRules(k Kind) (start, end int) {
	r := kindRank(k)
	if r > 0 {
		start = int(ev.kindEnd[r-1])
	}
	return start, int(ev.kindEnd[r])
}

// dayNumber returns the days from 1970-01-01 to d.
func dayNumber(d availability.Date) float64 {
	epoch := availability.Date{Year: 1970, Month: time.January, Day: 1}
	return float64(epoch.DaysUntil(d))
}

// boolNum returns 1 for true and 0 for false.
func boolNum(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// String describes the evaluator: its questions, rules and bands.
func (ev *Evaluator) String() string {
	return fmt.Sprintf("fit.Evaluator{%d questions, %d rules, %d bands}", len(ev.qs), len(ev.rules), len(ev.bands))
}
