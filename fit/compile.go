package fit

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
)

// A Screener is a compiled, validated screening bound to one provider: it
// evaluates answers into decisions. Questions are indexed by position,
// option codes by bit, conditions flattened into arrays and rules sorted by
// ID, so that evaluation reads answers without maps and allocates only the
// decision's lists. A Screener is immutable and safe for concurrent use.
type Screener struct {
	qs       []cquestion
	index    map[string]int32 // question ID → position
	byID     []int32          // positions in question ID order
	topo     []int32          // positions, each after the questions its display reads
	nodes    []node
	kids     []int32
	rules    []crule         // by kind (as kindRank orders them), then ID
	kindEnd  [numKinds]int32 // kindEnd[k] is the end of the rules of kind rank k
	bands    []cband         // in band ID order
	ruleIdx  map[string]int32
	reviewAt int
	gated    bool // some crisis question is shown on a condition

	zone    *time.Location
	week    availability.Interval
	open    availability.Set // the provider's open hours in week
	base    place.Point
	hasBase bool
}

// class is how a question's answers are compared.
type class uint8

const (
	clsNone   class = iota // location and weekly times: only "answered"
	clsBool                // yes/no, as 1 or 0
	clsChoice              // single choice, as one bit of a mask
	clsMulti               // multiple choice, as a mask
	clsNum                 // number, scale, instinct, date (days)
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
	case TypeNumber, TypeScale, TypeInstinct, TypeDate:
		return clsNum
	case TypeText:
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
	min, max float64
	outcome  Outcome
	needs    []string
	message  string
}

// usualWeek returns the Monday of the week the usual schedule is read on:
// a week in mid-January, clear of DST changes.
func usualWeek() availability.Date {
	return availability.Date{Year: 2025, Month: time.January, Day: 13}
}

// Compile validates the screening together with the provider and returns a
// Screener, or a problem.List of what it found (the screening's, as Validate reports
// them, and the provider's: its schedule under "provider.schedule", its
// week and base, and a distance rule without a base).
//
// The provider's open hours are materialized once here, over one week in
// the schedule's zone (see Provider.Week), for Overlap rules.
func Compile(s Screening, p Provider) (*Screener, error) {
	b := builder{messages: true}
	sc := b.build(&s, &p)
	if err := b.problems.Err(); err != nil {
		return nil, err
	}
	return sc, nil
}

// MustCompile is Compile for screenings known to be valid, such as the
// standard bank in tests; it panics on error.
func MustCompile(s Screening, p Provider) *Screener {
	sc, err := Compile(s, p)
	if err != nil {
		panic(err)
	}
	return sc
}

// builder validates a screening and compiles it at the same time.
type builder struct {
	problems problem.List
	s        *Screening
	sc       *Screener
	deps     [][]int32 // per question, the questions its display reads
	smin     float64   // the least score the rules can give
	smax     float64   // the greatest
	messages bool      // whether to write the sentences of reasons
	segs     []at      // the path of the condition being compiled; see note
}

// An at is a problem path built only when a problem is found: the path of
// a parent, then a member name, or an index when the name is empty. The
// zero at is the root. Validation of a valid screening formats no path.
type at struct {
	parent *at
	name   string
	index  int
}

// String formats the path, such as "rules[2].when.any[0].op".
func (p *at) String() string {
	s := ""
	for q := p; q != nil && !q.root(); q = q.parent {
		switch {
		case q.name == "":
			s = "[" + strconv.Itoa(q.index) + "]" + s
		case q.parent == nil || q.parent.root():
			s = q.name + s
		default:
			s = "." + q.name + s
		}
	}
	return s
}

// root reports whether p is the root, the zero at.
func (p *at) root() bool { return p.parent == nil && p.name == "" }

// add reports a problem at path p, or at its member field when field is
// not empty.
func (b *builder) add(p *at, field string, code problem.Code, format string, args ...any) {
	path := p.String()
	if field != "" {
		path = problem.Join(path, field)
	}
	b.problems.Add(path, code, format, args...)
}

// push adds a member name to the path of b.segs.
func (b *builder) push(name string) { b.segs = append(b.segs, at{name: name}) }

// pushIndex adds an index to the path of b.segs.
func (b *builder) pushIndex(i int) { b.segs = append(b.segs, at{index: i}) }

// pop removes the last segment of the path of b.segs.
func (b *builder) pop() { b.segs = b.segs[:len(b.segs)-1] }

// note reports a problem at the path of b.segs, or at its member field
// when field is not empty. Conditions are recursive, so their paths are
// kept on this stack rather than in linked ats, which would escape.
func (b *builder) note(field string, code problem.Code, format string, args ...any) {
	path := ""
	for _, sg := range b.segs {
		if sg.name == "" {
			path = problem.Index(path, sg.index)
		} else {
			path = problem.Join(path, sg.name)
		}
	}
	if field != "" {
		path = problem.Join(path, field)
	}
	b.problems.Add(path, code, format, args...)
}

// checkID reports an empty or overlong ID at member field of p.
func (b *builder) checkID(p *at, field, id string) bool {
	switch {
	case id == "":
		b.add(p, field, problem.Required, "an ID is required")
		return false
	case len(id) > MaxIDBytes:
		b.add(p, field, problem.TooLong, "the ID is %d bytes long; at most %d are allowed", len(id), MaxIDBytes)
		return false
	}
	return true
}

// build validates s (and p when it is not nil) and compiles them. The
// Screener is complete only when no problems were found.
func (b *builder) build(s *Screening, p *Provider) *Screener {
	b.s = s
	b.sc = &Screener{index: make(map[string]int32, len(s.Questions)), ruleIdx: make(map[string]int32, len(s.Rules)+len(s.Bands))}
	if s.ID == "" {
		b.add(nil, "id", problem.Required, "the screening needs an ID")
	}
	if len(s.Questions) == 0 {
		b.add(nil, "questions", problem.Empty, "the screening has no questions")
	}
	if s.ReviewAt < 0 {
		b.add(nil, "review_at", problem.Negative, "review_at is %d; want 0 (the default, %d) or more", s.ReviewAt, DefaultReviewAt)
	}
	tooMany := false
	for _, lim := range []struct {
		path string
		n    int
		max  int
	}{{"questions", len(s.Questions), MaxQuestions}, {"rules", len(s.Rules), MaxRules}, {"bands", len(s.Bands), MaxBands}} {
		if lim.n > lim.max {
			b.add(nil, lim.path, problem.TooMany, "%d %s; at most %d are allowed", lim.n, lim.path, lim.max)
			tooMany = true
		}
	}
	if tooMany {
		return b.sc
	}
	b.sc.reviewAt = s.reviewAt()
	b.questions()
	b.order()
	b.rules()
	b.bands()
	if p != nil {
		b.provider(p)
	}
	return b.sc
}

// questions checks and compiles every question but its display condition
// first, so that conditions may read any question; then the conditions.
func (b *builder) questions() {
	s, sc := b.s, b.sc
	sc.qs = make([]cquestion, len(s.Questions))
	b.deps = make([][]int32, len(s.Questions))
	for i := range s.Questions {
		q := &s.Questions[i]
		path := &at{parent: &at{name: "questions"}, index: i}
		if b.checkID(path, "id", q.ID) {
			if j, dup := sc.index[q.ID]; dup {
				b.add(path, "id", problem.Duplicate, "question ID %s is also used by questions[%d]", prose.Quote(q.ID), j)
			} else {
				sc.index[q.ID] = int32(i)
			}
		}
		b.question(i, q, path)
	}
	for i := range s.Questions {
		q := &s.Questions[i]
		if q.EnableWhen == nil {
			continue
		}
		b.push("questions")
		b.pushIndex(i)
		b.push("enable_when")
		idx, possible, _ := b.cond(q.EnableWhen, 1, &b.deps[i])
		sc.qs[i].enable = idx
		sc.gated = sc.gated || q.Crisis
		if !possible {
			b.note("", problem.Unreachable, "the condition can never hold, so question %s is never shown", prose.Quote(q.ID))
		}
		b.segs = b.segs[:0]
	}
	sc.byID = make([]int32, len(s.Questions))
	for i := range sc.byID {
		sc.byID[i] = int32(i)
	}
	slices.SortFunc(sc.byID, func(x, y int32) int { return cmp.Compare(sc.qs[x].id, sc.qs[y].id) })
}

// question checks and compiles question i, except its display condition.
func (b *builder) question(i int, q *Question, path *at) {
	cq := &b.sc.qs[i]
	*cq = cquestion{id: q.ID, typ: q.Type, cls: classOf(q.Type), required: q.Required || q.Crisis, crisis: q.Crisis, enable: -1}
	if !q.Type.IsValid() {
		b.add(path, "type", problem.Unknown, "unknown question type %s; want yes_no, single_choice, multiple_choice, number, scale, text, date, location, times or instinct", prose.Quote(string(q.Type)))
	}
	if strings.TrimSpace(q.Text) == "" {
		b.add(path, "text", problem.Required, "the question needs a text")
	} else if len(q.Text) > MaxTextBytes {
		b.add(path, "text", problem.TooLong, "the text is %d bytes long; at most %d are allowed", len(q.Text), MaxTextBytes)
	}
	switch q.By {
	case "", ByClient, ByProvider:
	default:
		b.add(path, "by", problem.Invalid, "unknown respondent %s; want client or provider", prose.Quote(string(q.By)))
	}
	if q.Type == TypeInstinct && q.By == ByClient {
		b.add(path, "by", problem.Invalid, "an instinct question is answered by the provider")
	}
	choice := q.Type == TypeSingleChoice || q.Type == TypeMultipleChoice
	switch {
	case choice && len(q.Options) == 0:
		b.add(path, "options", problem.Empty, "a choice question needs options")
	case !choice && len(q.Options) > 0:
		b.add(path, "options", problem.Unexpected, "only choice questions have options")
	case len(q.Options) > MaxOptions:
		b.add(path, "options", problem.TooMany, "%d options; at most %d are allowed", len(q.Options), MaxOptions)
	case choice:
		cq.codes = make([]string, len(q.Options))
		cq.scores = make([]float64, len(q.Options))
		for j, o := range q.Options {
			op := &at{parent: &at{parent: path, name: "options"}, index: j}
			if b.checkID(op, "code", o.Code) {
				if k := slices.Index(cq.codes[:j], o.Code); k >= 0 {
					b.add(op, "code", problem.Duplicate, "option code %s is also used by options[%d]", prose.Quote(o.Code), k)
				}
			}
			if strings.TrimSpace(o.Label) == "" {
				b.add(op, "label", problem.Required, "the option needs a label")
			}
			if !finite(o.Score) {
				b.add(op, "score", problem.Invalid, "the score %v is not a finite number", o.Score)
			}
			cq.codes[j], cq.scores[j] = o.Code, o.Score
		}
	}
	switch {
	case q.Range != nil && q.Type != TypeNumber && q.Type != TypeScale:
		b.add(path, "range", problem.Unexpected, "only number and scale questions have a range")
	case q.Range == nil && q.Type == TypeScale:
		b.add(path, "range", problem.Required, "a scale needs a range, such as 0–10")
	case q.Range != nil:
		r := *q.Range
		switch {
		case !finite(r.Min) || !finite(r.Max):
			b.add(path, "range", problem.Invalid, "the range %v–%v has a bound that is not a finite number", r.Min, r.Max)
		case r.Min > r.Max:
			b.add(path, "range", problem.Order, "the range %v–%v ends before it starts", r.Min, r.Max)
		case q.Type == TypeScale && (r.Min != math.Trunc(r.Min) || r.Max != math.Trunc(r.Max)):
			b.add(path, "range", problem.Invalid, "a scale's bounds are whole numbers, not %v–%v", r.Min, r.Max)
		}
		cq.rng, cq.hasRange = r, true
	}
	if q.Type == TypeInstinct {
		cq.rng, cq.hasRange = Range{Min: float64(Calm), Max: float64(Alarmed)}, true
	}
	cq.whole = q.Type == TypeScale || q.Type == TypeInstinct || q.Type == TypeDate
	if q.Unit != "" && q.Type != TypeNumber && q.Type != TypeScale {
		b.add(path, "unit", problem.Unexpected, "only number and scale questions have a unit")
	}
	if b.messages {
		cq.setMessages(q.Text)
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

// order finds an order in which every question comes after the questions
// its display reads, and reports cycles.
func (b *builder) order() {
	n := len(b.s.Questions)
	const (
		white = iota
		grey
		black
	)
	color := make([]uint8, n)
	b.sc.topo = make([]int32, 0, n)
	var stack []int32
	var visit func(i int32) bool
	visit = func(i int32) bool {
		switch color[i] {
		case black:
			return true
		case grey:
			k := slices.Index(stack, i)
			ids := make([]string, 0, len(stack)-k+1)
			for _, j := range stack[k:] {
				ids = append(ids, b.s.Questions[j].ID)
			}
			ids = append(ids, b.s.Questions[i].ID)
			b.add(&at{parent: &at{parent: &at{name: "questions"}, index: int(i)}, name: "enable_when"}, "", problem.Cycle,
				"conditional display depends on itself: %s", strings.Join(ids, " → "))
			return false
		}
		color[i] = grey
		stack = append(stack, i)
		ok := true
		for _, d := range b.deps[i] {
			if !visit(d) {
				ok = false
				break
			}
		}
		stack = stack[:len(stack)-1]
		color[i] = black
		b.sc.topo = append(b.sc.topo, i)
		return ok
	}
	for i := range int32(n) {
		visit(i)
	}
}

// cond checks and compiles a condition at the path on b.segs and depth, appending the
// questions it reads to deps. It returns the node's index, whether some
// answers can make it hold, and whether every answer does.
func (b *builder) cond(c *Condition, depth int, deps *[]int32) (idx int32, possible, always bool) {
	if depth > MaxDepth {
		b.note("", problem.TooDeep, "conditions nest deeper than %d", MaxDepth)
		return -1, true, false
	}
	if len(b.sc.nodes) >= MaxNodes {
		b.note("", problem.TooMany, "the screening's conditions have more than %d parts", MaxNodes)
		return -1, true, false
	}
	isLeaf := c.Question != "" || c.Op != "" || !c.Value.IsZero()
	forms := 0
	for _, set := range []bool{c.All != nil, c.Any != nil, c.Not != nil, isLeaf} {
		if set {
			forms++
		}
	}
	switch {
	case forms == 0:
		b.note("", problem.Empty, "the condition is empty; want all, any, not, or a question with an op")
		return -1, true, false
	case forms > 1:
		b.note("", problem.Conflict, "the condition has more than one of all, any, not and a comparison")
		return -1, true, false
	case c.Not != nil:
		b.push("not")
		child, p, a := b.cond(c.Not, depth+1, deps)
		b.pop()
		b.sc.nodes = append(b.sc.nodes, node{op: nNot, a: child})
		return int32(len(b.sc.nodes) - 1), !a, !p
	case c.All != nil || c.Any != nil:
		op, list, name := nAll, c.All, "all"
		if c.Any != nil {
			op, list, name = nAny, c.Any, "any"
		}
		if len(list) == 0 {
			b.note(name, problem.Empty, "%s needs at least one condition", name)
			return -1, true, false
		}
		var buf [8]int32
		children := buf[:0]
		possible, always = op == nAll, op == nAll
		for i := range list {
			b.push(name)
			b.pushIndex(i)
			k, p, a := b.cond(&list[i], depth+1, deps)
			b.pop()
			b.pop()
			children = append(children, k)
			if op == nAll {
				possible, always = possible && p, always && a
			} else {
				possible, always = possible || p, always || a
			}
		}
		if op == nAll && possible && !b.jointlyPossible(children) {
			possible = false
		}
		start := int32(len(b.sc.kids))
		b.sc.kids = append(b.sc.kids, children...)
		b.sc.nodes = append(b.sc.nodes, node{op: op, a: start, b: int32(len(b.sc.kids))})
		return int32(len(b.sc.nodes) - 1), possible, always
	}
	n, possible, ok := b.leaf(c)
	if !ok {
		return -1, true, false
	}
	if !slices.Contains(*deps, n.q) {
		*deps = append(*deps, n.q)
	}
	b.sc.nodes = append(b.sc.nodes, n)
	return int32(len(b.sc.nodes) - 1), possible, false
}

// leaf checks and compiles a comparison. It returns the node, whether some
// answer can make it hold, and whether it compiled.
func (b *builder) leaf(c *Condition) (node, bool, bool) {
	ok := true
	qi, found := b.sc.index[c.Question]
	switch {
	case c.Question == "":
		b.note("question", problem.Required, "a comparison names a question")
		ok = false
	case !found:
		b.note("question", problem.Unknown, "no question has the ID %s", prose.Quote(c.Question))
		ok = false
	}
	op, known := leafOp(c.Op)
	switch {
	case c.Op == "":
		b.note("op", problem.Required, "a comparison needs an op")
		ok = false
	case !known:
		b.note("op", problem.Unknown, "unknown op %s; want answered, equals, not_equals, less, less_or_equal, greater, greater_or_equal, in or contains", prose.Quote(string(c.Op)))
		ok = false
	}
	if !ok {
		return node{}, true, false
	}
	q := &b.s.Questions[qi]
	cq := &b.sc.qs[qi]
	n := node{op: op, cls: cq.cls, q: qi}
	if op == nAnswered {
		if !c.Value.IsZero() {
			b.note("value", problem.Unexpected, "answered takes no value")
			return n, true, false
		}
		return n, true, true
	}
	if !allowed(cq.cls, op) {
		b.note("op", problem.Mismatch, "%s does not apply to %s questions", c.Op, q.Type)
		return n, true, false
	}
	if c.Value.IsZero() {
		b.note("value", problem.Required, "%s needs a value", c.Op)
		return n, true, false
	}
	v := c.Value
	mismatch := func(want string) (node, bool, bool) {
		b.note("value", problem.Mismatch, "%s on a %s question takes %s, not %s", c.Op, q.Type, want, v.shape())
		return n, true, false
	}
	switch cq.cls {
	case clsBool:
		if v.kind != valueBool {
			return mismatch("a boolean")
		}
		n.num = boolNum(v.b)
		return n, true, true
	case clsChoice, clsMulti:
		var codes []string
		switch {
		case v.kind == valueText && (cq.cls == clsChoice && op != nIn || cq.cls == clsMulti && op == nContains):
			codes = []string{v.text}
		case v.kind == valueTexts && (op == nIn || cq.cls == clsMulti):
			codes = v.texts
		case cq.cls == clsChoice && op != nIn:
			return mismatch("an option code")
		default:
			return mismatch("a list of option codes")
		}
		for i, code := range codes {
			bit := slices.Index(cq.codes, code)
			if bit < 0 {
				if v.kind == valueTexts {
					b.push("value")
					b.pushIndex(i)
					b.note("", problem.Unknown, "question %s has no option %s", prose.Quote(q.ID), prose.Quote(code))
					b.pop()
					b.pop()
				} else {
					b.note("value", problem.Unknown, "question %s has no option %s", prose.Quote(q.ID), prose.Quote(code))
				}
				ok = false
				continue
			}
			n.mask |= 1 << bit
		}
		if !ok {
			return n, true, false
		}
		if op == nContains && len(codes) == 0 {
			b.note("value", problem.Empty, "contains needs at least one option code")
			return n, true, false
		}
		return n, op != nIn || n.mask != 0, true
	case clsText:
		if op == nIn {
			if v.kind != valueTexts {
				return mismatch("a list of texts")
			}
			n.texts = make([]string, len(v.texts))
			possible := false
			for i, t := range v.texts {
				n.texts[i] = fold(trimmed(t))
				possible = possible || n.texts[i] != ""
				if len(t) > MaxTextBytes {
					b.push("value")
					b.pushIndex(i)
					b.note("", problem.TooLong, "the text is %d bytes long; at most %d are allowed", len(t), MaxTextBytes)
					b.pop()
					b.pop()
					ok = false
				}
			}
			// Blank text is no answer, so no answer equals it.
			return n, possible, ok
		}
		if v.kind != valueText {
			return mismatch("a text")
		}
		if len(v.text) > MaxTextBytes {
			b.note("value", problem.TooLong, "the text is %d bytes long; at most %d are allowed", len(v.text), MaxTextBytes)
			return n, true, false
		}
		n.text = fold(trimmed(v.text))
		return n, op != nEq || n.text != "", true
	case clsNum:
		if op == nIn {
			var list []Value
			switch v.kind {
			case valueNumbers:
				for _, f := range v.nums {
					list = append(list, Number(f))
				}
			case valueTexts:
				if q.Type != TypeInstinct && q.Type != TypeDate {
					return mismatch("a list of numbers")
				}
				for _, t := range v.texts {
					list = append(list, Text(t))
				}
			default:
				return mismatch("a list of numbers")
			}
			possible := false
			for i, e := range list {
				b.push("value")
				b.pushIndex(i)
				f, good := b.number(q, e, "", c.Op)
				b.pop()
				b.pop()
				if !good {
					ok = false
					continue
				}
				n.nums = append(n.nums, f)
				possible = possible || numPossible(nEq, f, cq)
			}
			return n, possible, ok
		}
		f, good := b.number(q, v, "value", c.Op)
		if !good {
			return n, true, false
		}
		n.num = f
		return n, numPossible(op, f, cq), true
	}
	return mismatch("no value")
}

// allowed reports whether op applies to answers of class cls.
func allowed(cls class, op nodeOp) bool {
	switch cls {
	case clsBool:
		return op == nEq || op == nNe
	case clsChoice:
		return op == nEq || op == nNe || op == nIn
	case clsMulti:
		return op == nEq || op == nNe || op == nIn || op == nContains
	case clsNum:
		return op != nContains
	case clsText:
		return op == nEq || op == nNe || op == nIn || op == nContains
	}
	return false
}

// number reads a condition value for a numeric question: a number, a date
// for date questions, an unease level for instinct questions.
func (b *builder) number(q *Question, v Value, field string, op Op) (float64, bool) {
	switch {
	case q.Type == TypeDate && v.kind == valueText:
		d, err := availability.ParseDate(v.text)
		if err != nil {
			b.note(field, problem.Invalid, "%v", err)
			return 0, false
		}
		return dayNumber(d), true
	case q.Type == TypeInstinct && v.kind == valueText:
		u, err := ParseUnease(v.text)
		if err != nil {
			b.note(field, problem.Invalid, "%v", err)
			return 0, false
		}
		return float64(u), true
	case q.Type != TypeDate && v.kind == valueNumber:
		if !finite(v.num) {
			b.note(field, problem.Invalid, "%v is not a finite number", v.num)
			return 0, false
		}
		return v.num, true
	}
	want := "a number"
	switch q.Type {
	case TypeDate:
		want = "a date (\"2026-11-24\")"
	case TypeInstinct:
		want = "an unease level or number"
	}
	b.note(field, problem.Mismatch, "%s on a %s question takes %s, not %s", op, q.Type, want, v.shape())
	return 0, false
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
func (b *builder) jointlyPossible(children []int32) bool {
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
		cq := &b.sc.qs[n.q]
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
		n := &b.sc.nodes[k]
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

// rules checks and compiles the rules, in ID order, and computes the range
// of scores they can give.
func (b *builder) rules() {
	s, sc := b.s, b.sc
	for i := range s.Rules {
		r := &s.Rules[i]
		path := &at{parent: &at{name: "rules"}, index: i}
		if b.checkID(path, "id", r.ID) {
			if j, dup := sc.ruleIdx[r.ID]; dup {
				b.add(path, "id", problem.Duplicate, "rule ID %s is also used by rules[%d]", prose.Quote(r.ID), j)
			} else {
				sc.ruleIdx[r.ID] = int32(i)
			}
		}
		if cr, ok := b.rule(r, i, path); ok {
			sc.rules = append(sc.rules, cr)
		}
	}
	slices.SortFunc(sc.rules, func(x, y crule) int {
		return cmp.Or(cmp.Compare(kindRank(x.kind), kindRank(y.kind)), cmp.Compare(x.id, y.id))
	})
	for i := range sc.rules {
		sc.ruleIdx[sc.rules[i].id] = int32(i)
	}
	for k := range sc.kindEnd {
		sc.kindEnd[k] = int32(len(sc.rules))
	}
	for i := len(sc.rules) - 1; i >= 0; i-- {
		for k := range kindRank(sc.rules[i].kind) {
			sc.kindEnd[k] = int32(i)
		}
	}
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
func (sc *Screener) kindRules(k Kind) (start, end int) {
	r := kindRank(k)
	if r > 0 {
		start = int(sc.kindEnd[r-1])
	}
	return start, int(sc.kindEnd[r])
}

// rule checks and compiles one rule.
func (b *builder) rule(r *Rule, i int, path *at) (crule, bool) {
	sc := b.sc
	cr := crule{id: r.ID, kind: r.Kind, when: -1, q: -1, weight: r.Weight, needs: slices.Clone(r.Needs), text: r.Text, message: r.Message}
	start := len(b.problems)
	if !r.Kind.IsValid() {
		b.add(path, "kind", problem.Unknown, "unknown rule kind %s; want red_flag, concern, score, need, condition, urgent or refer", prose.Quote(string(r.Kind)))
	}
	triggers := 0
	for _, set := range []bool{r.When != nil, r.Overlap != nil, r.Distance != nil, r.Question != ""} {
		if set {
			triggers++
		}
	}
	if r.Question != "" && r.Kind != KindScore {
		b.add(path, "question", problem.Unexpected, "only score rules add up a question's answer")
	}
	switch {
	case triggers > 1:
		b.add(path, "", problem.Conflict, "a rule has one trigger: when, overlap, distance, or (for a score) question")
	case triggers == 0 && r.Kind != KindNeed && r.Kind != KindCondition:
		b.add(path, "", problem.Required, "a %s rule needs a trigger: when, overlap or distance", r.Kind)
	}
	if r.Kind == KindScore {
		if r.Weight == 0 {
			b.add(path, "weight", problem.Unreachable, "a score rule with weight 0 never changes the score")
		}
		if !finite(r.Weight) {
			b.add(path, "weight", problem.Invalid, "the weight %v is not a finite number", r.Weight)
		}
	} else if r.Weight != 0 {
		b.add(path, "weight", problem.Unexpected, "only score rules have a weight")
	}
	if r.Kind == KindCondition {
		if strings.TrimSpace(r.Text) == "" {
			b.add(path, "text", problem.Required, "a condition rule needs the text of its condition")
		}
	} else if r.Text != "" {
		b.add(path, "text", problem.Unexpected, "only condition rules have a text")
	}
	if r.Kind == KindNeed && len(r.Needs) == 0 {
		b.add(path, "needs", problem.Empty, "a need rule needs at least one need tag")
	}
	for j, tag := range r.Needs {
		b.checkID(&at{parent: &at{parent: path, name: "needs"}, index: j}, "", tag)
	}
	if r.Kind != KindScore && strings.TrimSpace(r.Message) == "" {
		b.add(path, "message", problem.Required, "the rule needs a message that explains it to the client")
	}
	if b.messages && r.Kind == KindRedFlag {
		cr.overridden = r.Message + " (The provider overrode this red flag.)"
	}

	var possible = true
	switch {
	case r.When != nil:
		cr.trig = trigWhen
		var deps []int32
		b.push("rules")
		b.pushIndex(i)
		b.push("when")
		idx, p, _ := b.cond(r.When, 1, &deps)
		b.segs = b.segs[:0]
		cr.when, possible = idx, p
		if len(deps) > 0 {
			cr.reasonQuest = b.s.Questions[deps[0]].ID
		}
	case r.Overlap != nil:
		cr.trig = trigOverlap
		where := &at{parent: path, name: "overlap"}
		cr.q = b.ref(where, "question", r.Overlap.Question, TypeTimes)
		cr.limit = r.Overlap.MinHours
		switch {
		case !finite(r.Overlap.MinHours):
			b.add(where, "min_hours", problem.Invalid, "min_hours %v is not a finite number", r.Overlap.MinHours)
		case r.Overlap.MinHours <= 0:
			possible = false
		}
	case r.Distance != nil:
		cr.trig = trigDistance
		where := &at{parent: path, name: "distance"}
		cr.q = b.ref(where, "question", r.Distance.Question, TypeLocation)
		cr.limit, cr.remote = r.Distance.MaxKm, r.Distance.Remote
		switch {
		case !finite(r.Distance.MaxKm):
			b.add(where, "max_km", problem.Invalid, "max_km %v is not a distance", r.Distance.MaxKm)
		case r.Distance.MaxKm < 0:
			b.add(where, "max_km", problem.Negative, "max_km %v is negative", r.Distance.MaxKm)
		case r.Distance.Remote && r.Distance.MaxKm >= math.Pi*6371.0088:
			possible = false
		}
	case r.Question != "" && r.Kind == KindScore:
		cr.trig = trigItem
		cr.q = b.ref(path, "question", r.Question, "")
		if cr.q >= 0 {
			cq := &sc.qs[cr.q]
			switch cq.typ {
			case TypeYesNo, TypeNumber, TypeScale, TypeInstinct:
			case TypeSingleChoice, TypeMultipleChoice:
				possible = slices.ContainsFunc(cq.scores, func(f float64) bool { return f != 0 })
			default:
				b.add(path, "question", problem.Mismatch, "a score rule adds up yes_no, choice, number, scale or instinct answers, not %s", cq.typ)
			}
		}
		cr.reasonQuest = r.Question
	default:
		cr.trig = trigAlways
	}
	if cr.q >= 0 && cr.reasonQuest == "" {
		cr.reasonQuest = sc.qs[cr.q].id
	}
	if !possible {
		b.add(path, "", problem.Unreachable, "no answers can fire rule %s", prose.Quote(r.ID))
	}
	if len(b.problems) > start {
		return cr, false
	}
	if r.Kind == KindScore {
		lo, hi := b.itemRange(&cr)
		b.smin += min(0, lo)
		b.smax += max(0, hi)
	}
	return cr, true
}

// ref resolves a reference from a rule to a question of type want (any
// type when want is empty), or returns -1 after reporting a problem.
func (b *builder) ref(path *at, field, id string, want Type) int32 {
	qi, ok := b.sc.index[id]
	switch {
	case id == "":
		b.add(path, field, problem.Required, "the rule names a question")
		return -1
	case !ok:
		b.add(path, field, problem.Unknown, "no question has the ID %s", prose.Quote(id))
		return -1
	case want != "" && b.sc.qs[qi].typ != want:
		b.add(path, field, problem.Mismatch, "question %s is a %s question, not %s", prose.Quote(id), b.sc.qs[qi].typ, want)
		return -1
	}
	return qi
}

// itemRange returns the least and greatest amounts a score rule adds.
func (b *builder) itemRange(cr *crule) (lo, hi float64) {
	w := cr.weight
	if cr.trig != trigItem {
		return min(0, w), max(0, w)
	}
	cq := &b.sc.qs[cr.q]
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

// bands checks and compiles the bands, in ID order.
func (b *builder) bands() {
	s, sc := b.s, b.sc
	// The reach of the score is known only when every rule compiled.
	reach := len(b.problems) == 0
	for i := range s.Bands {
		bd := &s.Bands[i]
		path := &at{parent: &at{name: "bands"}, index: i}
		start := len(b.problems)
		if b.checkID(path, "id", bd.ID) {
			if j, dup := sc.ruleIdx[bd.ID]; dup && j < 0 {
				b.add(path, "id", problem.Duplicate, "band ID %s is also used by bands[%d]", prose.Quote(bd.ID), -1-j)
			} else if dup {
				b.add(path, "id", problem.Duplicate, "band ID %s is also used by a rule", prose.Quote(bd.ID))
			} else {
				sc.ruleIdx[bd.ID] = -1 - int32(i)
			}
		}
		switch {
		case !finite(bd.Min) || !finite(bd.Max):
			b.add(path, "", problem.Invalid, "the band %v–%v has a bound that is not a finite number", bd.Min, bd.Max)
		case bd.Min > bd.Max:
			b.add(path, "", problem.Order, "the band %v–%v ends before it starts", bd.Min, bd.Max)
		case reach && (bd.Max < b.smin || bd.Min > b.smax):
			b.add(path, "", problem.Unreachable, "the score is always between %v and %v, outside the band %v–%v", b.smin, b.smax, bd.Min, bd.Max)
		}
		switch bd.Outcome {
		case "", NeedsReview, Decline, Refer, Urgent:
		default:
			b.add(path, "outcome", problem.Invalid, "a band's outcome is needs_review, decline, refer or urgent, not %s", prose.Quote(string(bd.Outcome)))
		}
		for j, tag := range bd.Needs {
			b.checkID(&at{parent: &at{parent: path, name: "needs"}, index: j}, "", tag)
		}
		if strings.TrimSpace(bd.Message) == "" {
			b.add(path, "message", problem.Required, "the band needs a message that explains it")
		}
		if len(b.problems) == start {
			sc.bands = append(sc.bands, cband{id: bd.ID, min: bd.Min, max: bd.Max, outcome: bd.Outcome, needs: slices.Clone(bd.Needs), message: bd.Message})
		}
	}
	slices.SortFunc(sc.bands, func(x, y cband) int { return cmp.Compare(x.id, y.id) })
}

// provider checks the provider and materializes its open hours.
func (b *builder) provider(p *Provider) {
	sc := b.sc
	if err := p.Schedule.Validate(); err != nil {
		if l, ok := scheduleProblems(err); ok {
			b.problems = append(b.problems, l.Under("provider.schedule")...)
		} else {
			b.problems.Add("provider.schedule", problem.Invalid, "%v", err)
		}
	}
	if p.Week != nil && !p.Week.IsValid() {
		b.problems.Add("provider.week", problem.Invalid, "the week's first date %s is not a valid date", p.Week)
	}
	if p.Base != nil {
		if !p.Base.IsValid() {
			b.problems.Add("provider.base", problem.Invalid, "the base %s is not a place on Earth", p.Base)
		}
		sc.base, sc.hasBase = *p.Base, true
	}
	for i := range b.s.Rules {
		if b.s.Rules[i].Distance != nil && p.Base == nil {
			b.problems.Add(problem.Join(problem.Index("rules", i), "distance"), problem.Required, "a distance rule needs the provider's base")
		}
	}
	if len(b.problems) > 0 {
		return
	}
	sched, first := p.Schedule, usualWeek()
	if p.Week != nil {
		first = *p.Week
	} else {
		sched = availability.Schedule{Zone: p.Schedule.Zone, Hours: p.Schedule.Hours, Protected: p.Schedule.Protected}
	}
	sc.zone = p.Schedule.Zone
	if sc.zone == nil {
		sc.zone = time.UTC
	}
	sc.week = availability.Interval{Start: availability.At(first, availability.Midnight, sc.zone), End: availability.At(first.AddDays(7), availability.Midnight, sc.zone)}
	open, err := sched.Open(sc.week)
	if err != nil {
		b.problems.Add("provider.schedule", problem.Invalid, "%v", err)
		return
	}
	sc.open = open
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

// String describes the screener: its questions, rules and bands.
func (sc *Screener) String() string {
	return fmt.Sprintf("fit.Screener{%d questions, %d rules, %d bands}", len(sc.qs), len(sc.rules), len(sc.bands))
}
