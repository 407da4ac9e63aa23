package fit

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
)

// Limits on the size of a screening, so that hostile input cannot make
// compiling or evaluating slow.
const (
	MaxQuestions = 256    // questions in a screening
	MaxRules     = 256    // rules in a screening
	MaxBands     = 64     // bands in a screening
	MaxOptions   = 64     // options of one choice question
	MaxDepth     = 16     // nesting of all/any/not in one condition
	MaxNodes     = 4096   // comparisons and all/any/not in all conditions together
	MaxWindows   = 50     // windows in one weekly-times answer
	MaxTextBytes = 10_000 // bytes of one text answer or condition text
	MaxIDBytes   = 100    // bytes of an ID, option code or need tag
	MaxScales    = 16     // scales in a screening
)

// Validate reports every problem with the screening at once, as a
// problem.List: missing and duplicate IDs, unknown references, operators
// and values that do not suit their question's type, unknown options,
// limits passed (the structure); cycles in conditional display (the
// order); and questions that can never be shown, rules and bands that can
// never fire (the analysis). It needs no provider: Compile runs the same
// passes, then checks the provider (a base for distance rules, the
// schedule).
func (s Screening) Validate() error {
	var l problem.List
	check(&s, &l)
	return l.Err()
}

// check runs the passes that need no provider, in order: validate (the
// structure, every problem at once), order (the display order, and its
// cycles) and analyze (what can never be shown or fire). It returns what
// validation resolved, or nil when the screening is too large to look
// into.
func check(s *Screening, l *problem.List) *resolved {
	r := validate(s, l)
	if r == nil {
		return nil
	}
	r.order(l)
	r.analyze(l)
	return r
}

// A resolved screening is what validation learns for the passes after
// it: each question's position and the form its answers are compared in,
// and each condition as nodes over question positions. A part of a
// condition with a problem resolves to the node -1.
type resolved struct {
	s         *Screening
	index     map[string]int32 // question ID → position
	qs        []cquestion      // by position; the compiler adds the display node and the sentences
	nodes     []node
	kids      []int32
	enable    []int32          // per question, the node of its display condition, or -1
	deps      [][]int32        // per question, the questions its display condition reads
	rules     []rrule          // per rule
	topo      []int32          // positions, each after the questions its display reads; see order
	scales    map[string]int32 // scale ID → position
	bandScale []int32          // per band, the scale it reads, or -1

	broken bool // a problem was found before the bands: the scores the rules give are not known
	cyclic bool // the display conditions depend on themselves
}

// rrule is what validation resolved of a rule.
type rrule struct {
	when  int32 // the node of When, or -1
	q     int32 // the question an overlap, distance or item score reads, or -1
	scale int32 // the scale a score rule adds to, or -1
}

// validator checks the structure of a screening and resolves it.
type validator struct {
	l    *problem.List
	r    *resolved
	ids  map[string]int32 // rule ID → rules index; band ID → -1-bands index
	segs []at             // the path of the condition being resolved; see note
}

// validate checks the structure of s, reporting every problem to l, and
// returns what it resolved, or nil when s has more questions, rules or
// bands than allowed.
func validate(s *Screening, l *problem.List) *resolved {
	v := validator{l: l, r: &resolved{s: s, index: make(map[string]int32, len(s.Questions))}}
	if s.ID == "" {
		v.add(nil, "id", problem.Required, "the screening needs an ID")
	}
	if len(s.Questions) == 0 {
		v.add(nil, "questions", problem.Empty, "the screening has no questions")
	}
	if s.ReviewAt < 0 {
		v.add(nil, "review_at", problem.Negative, "review_at is %d; want 0 (the default, %d) or more", s.ReviewAt, DefaultReviewAt)
	}
	tooMany := false
	for _, lim := range []struct {
		path string
		n    int
		max  int
	}{{"questions", len(s.Questions), MaxQuestions}, {"rules", len(s.Rules), MaxRules}, {"bands", len(s.Bands), MaxBands}, {"scales", len(s.Scales), MaxScales}} {
		if lim.n > lim.max {
			v.add(nil, lim.path, problem.TooMany, "%d %s; at most %d are allowed", lim.n, lim.path, lim.max)
			tooMany = true
		}
	}
	if tooMany {
		return nil
	}
	v.ids = make(map[string]int32, len(s.Rules)+len(s.Bands)+len(s.Scales))
	for _, f := range []struct {
		path, value string
		max         int
	}{{"url", s.URL, MaxTextBytes}, {"description", s.Description, MaxTextBytes}, {"copyright", s.Copyright, MaxTextBytes}, {"title", s.Title, MaxTextBytes}, {"version", s.Version, MaxIDBytes}} {
		if len(f.value) > f.max {
			v.add(nil, f.path, problem.TooLong, "the %s is %d bytes long; at most %d are allowed", f.path, len(f.value), f.max)
		}
	}
	nodes, kids := 0, 0
	for i := range s.Questions {
		parts(s.Questions[i].EnableWhen, 1, &nodes, &kids)
	}
	for i := range s.Rules {
		parts(s.Rules[i].When, 1, &nodes, &kids)
	}
	v.r.nodes = make([]node, 0, min(nodes, MaxNodes))
	v.r.kids = make([]int32, 0, min(kids, MaxNodes))
	v.scales()
	v.questions()
	v.rules()
	v.r.broken = len(*l) > 0
	v.bands()
	return v.r
}

// scales checks the scales and resolves their IDs. Scales share their IDs
// with rules and bands, which reasons name in one field.
func (v *validator) scales() {
	s := v.r.s
	v.r.scales = make(map[string]int32, len(s.Scales))
	for i := range s.Scales {
		sc := &s.Scales[i]
		path := &at{parent: &at{name: "scales"}, index: i}
		if v.checkID(path, "id", sc.ID) {
			if _, dup := v.r.scales[sc.ID]; dup {
				v.add(path, "id", problem.Duplicate, "scale ID %s is used twice", prose.Quote(sc.ID))
			} else {
				v.r.scales[sc.ID] = int32(i)
			}
		}
		switch {
		case strings.TrimSpace(sc.Name) == "":
			v.add(path, "name", problem.Required, "the scale needs a name for reasons to cite, such as \"PHQ-9\"")
		case len(sc.Name) > MaxIDBytes:
			v.add(path, "name", problem.TooLong, "the name is %d bytes long; at most %d are allowed", len(sc.Name), MaxIDBytes)
		}
		if len(sc.Source) > MaxTextBytes {
			v.add(path, "source", problem.TooLong, "the source is %d bytes long; at most %d are allowed", len(sc.Source), MaxTextBytes)
		}
	}
}

// scaleRef resolves the scale a rule or band names, or reports it.
func (v *validator) scaleRef(path *at, id string) int32 {
	if id == "" {
		return -1
	}
	k, ok := v.r.scales[id]
	if !ok {
		v.add(path, "scale", problem.Unknown, "no scale has the ID %s", prose.Quote(id))
		return -1
	}
	return k
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
func (v *validator) add(p *at, field string, code problem.Code, format string, args ...any) {
	path := p.String()
	if field != "" {
		path = problem.Join(path, field)
	}
	v.l.Add(path, code, format, args...)
}

// push adds a member name to the path of v.segs.
func (v *validator) push(name string) { v.segs = append(v.segs, at{name: name}) }

// pushIndex adds an index to the path of v.segs.
func (v *validator) pushIndex(i int) { v.segs = append(v.segs, at{index: i}) }

// pop removes the last segment of the path of v.segs.
func (v *validator) pop() { v.segs = v.segs[:len(v.segs)-1] }

// note reports a problem at the path of v.segs, or at its member field
// when field is not empty. Conditions are recursive, so their paths are
// kept on this stack rather than in linked ats, which would escape.
func (v *validator) note(field string, code problem.Code, format string, args ...any) {
	path := ""
	for _, sg := range v.segs {
		if sg.name == "" {
			path = problem.Index(path, sg.index)
		} else {
			path = problem.Join(path, sg.name)
		}
	}
	if field != "" {
		path = problem.Join(path, field)
	}
	v.l.Add(path, code, format, args...)
}

// checkID reports an empty or overlong ID at member field of p.
func (v *validator) checkID(p *at, field, id string) bool {
	switch {
	case id == "":
		v.add(p, field, problem.Required, "an ID is required")
		return false
	case len(id) > MaxIDBytes:
		v.add(p, field, problem.TooLong, "the ID is %d bytes long; at most %d are allowed", len(id), MaxIDBytes)
		return false
	}
	return true
}

// questions checks and resolves every question but its display condition
// first, so that conditions may read any question; then the conditions.
func (v *validator) questions() {
	s, r := v.r.s, v.r
	r.qs = make([]cquestion, len(s.Questions))
	r.enable = make([]int32, len(s.Questions))
	r.deps = make([][]int32, len(s.Questions))
	for i := range s.Questions {
		q := &s.Questions[i]
		path := &at{parent: &at{name: "questions"}, index: i}
		if v.checkID(path, "id", q.ID) {
			if j, dup := r.index[q.ID]; dup {
				v.add(path, "id", problem.Duplicate, "question ID %s is also used by questions[%d]", prose.Quote(q.ID), j)
			} else {
				r.index[q.ID] = int32(i)
			}
		}
		v.question(i, q, path)
	}
	v.groups()
	for i := range s.Questions {
		r.enable[i] = -1
		q := &s.Questions[i]
		if !q.Initial.IsZero() && q.Type.IsValid() && q.Type.answers() {
			ev := Evaluator{qs: r.qs}
			ev.bind(int32(i), q.Initial, problem.Join(problem.Index("questions", i), "initial"), v.l)
		}
		if q.EnableWhen == nil {
			continue
		}
		v.push("questions")
		v.pushIndex(i)
		v.push("enable_when")
		r.enable[i] = v.cond(q.EnableWhen, 1, &r.deps[i])
		v.segs = v.segs[:0]
	}
}

// groups resolves the group each question belongs to: a group item,
// and no group within itself.
func (v *validator) groups() {
	s, r := v.r.s, v.r
	for i := range s.Questions {
		q := &s.Questions[i]
		r.qs[i].parent = -1
		if q.Group == "" {
			continue
		}
		path := &at{parent: &at{name: "questions"}, index: i}
		g, ok := r.index[q.Group]
		switch {
		case !ok:
			v.add(path, "group", problem.Unknown, "no question has the ID %s", prose.Quote(q.Group))
			continue
		case s.Questions[g].Type != TypeGroup:
			v.add(path, "group", problem.Mismatch, "%s is a %s question, not a group", prose.Quote(q.Group), s.Questions[g].Type)
			continue
		}
		r.qs[i].parent = g
	}
	for i := range s.Questions {
		depth := 0
		for p := r.qs[i].parent; p >= 0; p = r.qs[p].parent {
			if depth++; p == int32(i) || depth > MaxDepth {
				path := &at{parent: &at{name: "questions"}, index: i}
				if p == int32(i) {
					v.add(path, "group", problem.Cycle, "group %s is within itself", prose.Quote(s.Questions[i].ID))
				} else {
					v.add(path, "group", problem.TooDeep, "groups nest deeper than %d", MaxDepth)
				}
				r.qs[i].parent = -1
				break
			}
		}
	}
	// A question's display depends on its group's first: its list of
	// dependencies starts with the group, in one block for all of them,
	// each with the capacity of one so that the questions its condition
	// reads are appended elsewhere.
	grouped := 0
	for i := range s.Questions {
		if r.qs[i].parent >= 0 {
			grouped++
		}
	}
	block := make([]int32, 0, grouped)
	for i := range s.Questions {
		if p := r.qs[i].parent; p >= 0 {
			block = append(block, p)
			r.deps[i] = block[len(block)-1 : len(block) : len(block)]
		}
	}
}

// question checks and resolves question i, except its display condition.
func (v *validator) question(i int, q *Question, path *at) {
	cq := &v.r.qs[i]
	*cq = cquestion{id: q.ID, path: problem.Key("", q.ID), typ: q.Type, cls: classOf(q.Type), required: q.Required || q.Crisis, crisis: q.Crisis, enable: -1, parent: -1, open: q.Open}
	if !q.Type.IsValid() {
		v.add(path, "type", problem.Unknown, "unknown question type %s; want yes_no, single_choice, multiple_choice, number, integer, scale, text, short_text, date, time, date_time, location, times, instinct, money, group or display", prose.Quote(string(q.Type)))
	}
	if !q.Type.answers() {
		switch {
		case q.Required:
			v.add(path, "required", problem.Unexpected, "a %s item takes no answer, so it cannot be required; make its questions required", q.Type)
		case q.Crisis:
			v.add(path, "crisis", problem.Unexpected, "a %s item takes no answer, so it cannot be a crisis question", q.Type)
		}
		if !q.Initial.IsZero() {
			v.add(path, "initial", problem.Unexpected, "a %s item takes no answer, so it has no initial answer", q.Type)
		}
		if q.By != "" {
			v.add(path, "by", problem.Unexpected, "a %s item takes no answer, so no one answers it", q.Type)
		}
	}
	if q.Open && q.Type != TypeSingleChoice && q.Type != TypeMultipleChoice {
		v.add(path, "open", problem.Unexpected, "only choice questions take text of the client's own")
	}
	if strings.TrimSpace(q.Text) == "" {
		v.add(path, "text", problem.Required, "the question needs a text")
	} else if len(q.Text) > MaxTextBytes {
		v.add(path, "text", problem.TooLong, "the text is %d bytes long; at most %d are allowed", len(q.Text), MaxTextBytes)
	}
	switch q.By {
	case "", ByClient, ByProvider:
	default:
		v.add(path, "by", problem.Invalid, "unknown respondent %s; want client or provider", prose.Quote(string(q.By)))
	}
	if q.Type == TypeInstinct && q.By == ByClient {
		v.add(path, "by", problem.Invalid, "an instinct question is answered by the provider")
	}
	choice := q.Type == TypeSingleChoice || q.Type == TypeMultipleChoice
	switch {
	case choice && len(q.Options) == 0:
		v.add(path, "options", problem.Empty, "a choice question needs options")
	case !choice && len(q.Options) > 0:
		v.add(path, "options", problem.Unexpected, "only choice questions have options")
	case len(q.Options) > MaxOptions:
		v.add(path, "options", problem.TooMany, "%d options; at most %d are allowed", len(q.Options), MaxOptions)
	case choice:
		cq.codes = make([]string, len(q.Options))
		cq.scores = make([]float64, len(q.Options))
		for j, o := range q.Options {
			op := &at{parent: &at{parent: path, name: "options"}, index: j}
			if v.checkID(op, "code", o.Code) {
				if k := slices.Index(cq.codes[:j], o.Code); k >= 0 {
					v.add(op, "code", problem.Duplicate, "option code %s is also used by options[%d]", prose.Quote(o.Code), k)
				}
			}
			if strings.TrimSpace(o.Label) == "" {
				v.add(op, "label", problem.Required, "the option needs a label")
			}
			if !finite(o.Score) {
				v.add(op, "score", problem.Invalid, "the score %v is not a finite number", o.Score)
			}
			if len(o.System) > MaxTextBytes {
				v.add(op, "system", problem.TooLong, "the system is %d bytes long; at most %d are allowed", len(o.System), MaxTextBytes)
			}
			cq.codes[j], cq.scores[j] = o.Code, o.Score
		}
	}
	switch {
	case q.Range != nil && q.Type != TypeNumber && q.Type != TypeScale && q.Type != TypeInteger:
		v.add(path, "range", problem.Unexpected, "only number, integer and scale questions have a range")
	case q.Range == nil && q.Type == TypeScale:
		v.add(path, "range", problem.Required, "a scale needs a range, such as 0–10")
	case q.Range != nil:
		rg := *q.Range
		switch {
		case !finite(rg.Min) || !finite(rg.Max):
			v.add(path, "range", problem.Invalid, "the range %v–%v has a bound that is not a finite number", rg.Min, rg.Max)
		case rg.Min > rg.Max:
			v.add(path, "range", problem.Order, "the range %v–%v ends before it starts", rg.Min, rg.Max)
		case (q.Type == TypeScale || q.Type == TypeInteger) && (rg.Min != math.Trunc(rg.Min) || rg.Max != math.Trunc(rg.Max)):
			v.add(path, "range", problem.Invalid, "a %s question's bounds are whole numbers, not %v–%v", q.Type, rg.Min, rg.Max)
		}
		cq.rng, cq.hasRange = rg, true
	}
	if q.Type == TypeInstinct {
		cq.rng, cq.hasRange = Range{Min: float64(Calm), Max: float64(Alarmed)}, true
	}
	if q.Type == TypeMoney {
		cq.rng, cq.hasRange = Range{Min: 0, Max: maxMinor}, true
		if q.Unit != "" {
			cur, err := money.ParseCurrency(q.Unit)
			if err != nil {
				v.add(path, "unit", problem.Unknown, "a money question's unit is its currency: %v", err)
			}
			cq.cur = cur
		}
	}
	cq.whole = q.Type == TypeScale || q.Type == TypeInstinct || q.Type == TypeDate || q.Type == TypeMoney || q.Type == TypeInteger
	if q.Unit != "" && q.Type != TypeNumber && q.Type != TypeScale && q.Type != TypeMoney && q.Type != TypeInteger {
		v.add(path, "unit", problem.Unexpected, "only number, integer, scale and money questions have a unit")
	}
	if len(q.Unit) > MaxIDBytes {
		v.add(path, "unit", problem.TooLong, "the unit is %d bytes long; at most %d are allowed", len(q.Unit), MaxIDBytes)
	}
	if len(q.Help) > MaxTextBytes {
		v.add(path, "help", problem.TooLong, "the help is %d bytes long; at most %d are allowed", len(q.Help), MaxTextBytes)
	}
}

// parts adds to nodes and kids the nodes and children cond resolves c
// into, at most, at depth, so that they are allocated once. It stops
// where cond does, at the depth limit and at MaxNodes.
func parts(c *Condition, depth int, nodes, kids *int) {
	if c == nil || depth > MaxDepth || *nodes >= MaxNodes {
		return
	}
	*nodes++
	parts(c.Not, depth+1, nodes, kids)
	for _, list := range [2][]Condition{c.All, c.Any} {
		*kids += len(list)
		for i := range list {
			parts(&list[i], depth+1, nodes, kids)
		}
	}
}

// cond checks and resolves a condition at the path on v.segs and depth,
// appending the questions it reads to deps, when deps is not nil. It
// returns the condition's node, or -1 when it has a problem.
func (v *validator) cond(c *Condition, depth int, deps *[]int32) int32 {
	r := v.r
	if depth > MaxDepth {
		v.note("", problem.TooDeep, "conditions nest deeper than %d", MaxDepth)
		return -1
	}
	if len(r.nodes) >= MaxNodes {
		v.note("", problem.TooMany, "the screening's conditions have more than %d parts", MaxNodes)
		return -1
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
		v.note("", problem.Empty, "the condition is empty; want all, any, not, or a question with an op")
		return -1
	case forms > 1:
		v.note("", problem.Conflict, "the condition has more than one of all, any, not and a comparison")
		return -1
	case c.Not != nil:
		v.push("not")
		child := v.cond(c.Not, depth+1, deps)
		v.pop()
		r.nodes = append(r.nodes, node{op: nNot, a: child})
		return int32(len(r.nodes) - 1)
	case c.All != nil || c.Any != nil:
		op, list, name := nAll, c.All, "all"
		if c.Any != nil {
			op, list, name = nAny, c.Any, "any"
		}
		if len(list) == 0 {
			v.note(name, problem.Empty, "%s needs at least one condition", name)
			return -1
		}
		var buf [8]int32
		children := buf[:0]
		for i := range list {
			v.push(name)
			v.pushIndex(i)
			children = append(children, v.cond(&list[i], depth+1, deps))
			v.pop()
			v.pop()
		}
		start := int32(len(r.kids))
		r.kids = append(r.kids, children...)
		r.nodes = append(r.nodes, node{op: op, a: start, b: int32(len(r.kids))})
		return int32(len(r.nodes) - 1)
	}
	n, ok := v.leaf(c)
	if !ok {
		return -1
	}
	if deps != nil && !slices.Contains(*deps, n.q) {
		*deps = append(*deps, n.q)
	}
	r.nodes = append(r.nodes, n)
	return int32(len(r.nodes) - 1)
}

// leaf checks and resolves a comparison: the question it reads, and its
// value in the form the question's answers are compared in.
func (v *validator) leaf(c *Condition) (node, bool) {
	r := v.r
	ok := true
	qi, found := r.index[c.Question]
	switch {
	case c.Question == "":
		v.note("question", problem.Required, "a comparison names a question")
		ok = false
	case !found:
		v.note("question", problem.Unknown, "no question has the ID %s", prose.Quote(c.Question))
		ok = false
	}
	op, known := leafOp(c.Op)
	switch {
	case c.Op == "":
		v.note("op", problem.Required, "a comparison needs an op")
		ok = false
	case !known:
		v.note("op", problem.Unknown, "unknown op %s; want answered, equals, not_equals, less, less_or_equal, greater, greater_or_equal, in or contains", prose.Quote(string(c.Op)))
		ok = false
	}
	if !ok {
		return node{}, false
	}
	q := &r.s.Questions[qi]
	cq := &r.qs[qi]
	n := node{op: op, cls: cq.cls, q: qi}
	if !q.Type.answers() {
		v.note("question", problem.Mismatch, "%s is a %s item, which takes no answer to compare", prose.Quote(q.ID), q.Type)
		return n, false
	}
	if op == nAnswered {
		if !c.Value.IsZero() {
			v.note("value", problem.Unexpected, "answered takes no value")
			return n, false
		}
		return n, true
	}
	if !allowed(cq.cls, op) {
		v.note("op", problem.Mismatch, "%s does not apply to %s questions", c.Op, q.Type)
		return n, false
	}
	if c.Value.IsZero() {
		v.note("value", problem.Required, "%s needs a value", c.Op)
		return n, false
	}
	val := c.Value
	mismatch := func(want string) (node, bool) {
		v.note("value", problem.Mismatch, "%s on a %s question takes %s, not %s", c.Op, q.Type, want, val.shape())
		return n, false
	}
	switch cq.cls {
	case clsBool:
		if val.kind != valueBool {
			return mismatch("a boolean")
		}
		n.num = boolNum(val.b)
		return n, true
	case clsChoice, clsMulti:
		var codes []string
		switch {
		case val.kind == valueText && (cq.cls == clsChoice && op != nIn || cq.cls == clsMulti && op == nContains):
			codes = []string{val.text}
		case val.kind == valueTexts && (op == nIn || cq.cls == clsMulti):
			codes = val.texts
		case cq.cls == clsChoice && op != nIn:
			return mismatch("an option code")
		default:
			return mismatch("a list of option codes")
		}
		for i, code := range codes {
			bit := slices.Index(cq.codes, code)
			if bit < 0 {
				if val.kind == valueTexts {
					v.push("value")
					v.pushIndex(i)
					v.note("", problem.Unknown, "question %s has no option %s", prose.Quote(q.ID), prose.Quote(code))
					v.pop()
					v.pop()
				} else {
					v.note("value", problem.Unknown, "question %s has no option %s", prose.Quote(q.ID), prose.Quote(code))
				}
				ok = false
				continue
			}
			n.mask |= 1 << bit
		}
		if !ok {
			return n, false
		}
		if op == nContains && len(codes) == 0 {
			v.note("value", problem.Empty, "contains needs at least one option code")
			return n, false
		}
		return n, true
	case clsText:
		if op == nIn {
			if val.kind != valueTexts {
				return mismatch("a list of texts")
			}
			n.texts = make([]string, len(val.texts))
			for i, t := range val.texts {
				n.texts[i] = fold(trimmed(t))
				if len(t) > MaxTextBytes {
					v.push("value")
					v.pushIndex(i)
					v.note("", problem.TooLong, "the text is %d bytes long; at most %d are allowed", len(t), MaxTextBytes)
					v.pop()
					v.pop()
					ok = false
				}
			}
			return n, ok
		}
		if val.kind != valueText {
			return mismatch("a text")
		}
		if len(val.text) > MaxTextBytes {
			v.note("value", problem.TooLong, "the text is %d bytes long; at most %d are allowed", len(val.text), MaxTextBytes)
			return n, false
		}
		n.text = fold(trimmed(val.text))
		return n, true
	case clsNum:
		if op == nIn {
			var list []Value
			switch val.kind {
			case valueNumbers:
				for _, f := range val.nums {
					list = append(list, Number(f))
				}
			case valueTexts:
				if q.Type != TypeInstinct && q.Type != TypeDate && q.Type != TypeMoney && q.Type != TypeTime && q.Type != TypeDateTime {
					return mismatch("a list of numbers")
				}
				for _, t := range val.texts {
					list = append(list, Text(t))
				}
			default:
				return mismatch("a list of numbers")
			}
			for i, e := range list {
				v.push("value")
				v.pushIndex(i)
				f, good := v.number(q, cq, e, "", c.Op)
				v.pop()
				v.pop()
				if !good {
					ok = false
					continue
				}
				n.nums = append(n.nums, f)
			}
			return n, ok
		}
		f, good := v.number(q, cq, val, "value", c.Op)
		if !good {
			return n, false
		}
		n.num = f
		return n, true
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
// for date questions, an unease level for instinct questions, an amount in
// the question's currency for money questions.
func (v *validator) number(q *Question, cq *cquestion, val Value, field string, op Op) (float64, bool) {
	switch {
	case q.Type == TypeMoney && val.kind == valueText:
		m, err := parseMoney(val.text)
		switch {
		case err != nil:
			v.note(field, problem.Invalid, "%s", err)
			return 0, false
		case cq.cur == "":
			v.note(field, problem.Mismatch, "question %s names no currency (its unit), so it is not compared with amounts", prose.Quote(q.ID))
			return 0, false
		case m.Currency() != cq.cur:
			v.note(field, problem.Mismatch, "the amount %s is in %s; question %s takes %s", m, m.Currency(), prose.Quote(q.ID), cq.cur)
			return 0, false
		case m.Minor() > maxMinor || m.Minor() < -maxMinor:
			v.note(field, problem.OutOfRange, "the amount %s is too large to compare exactly", m)
			return 0, false
		}
		return float64(m.Minor()), true
	case q.Type == TypeDate && val.kind == valueText:
		d, err := availability.ParseDate(val.text)
		if err != nil {
			v.note(field, problem.Invalid, "%v", err)
			return 0, false
		}
		return dayNumber(d), true
	case q.Type == TypeTime && val.kind == valueText:
		f, err := parseTime(val.text)
		if err != nil {
			v.note(field, problem.Invalid, "%v", err)
			return 0, false
		}
		return f, true
	case q.Type == TypeDateTime && val.kind == valueText:
		f, err := parseDateTime(val.text)
		if err != nil {
			v.note(field, problem.Invalid, "%v", err)
			return 0, false
		}
		return f, true
	case q.Type == TypeInstinct && val.kind == valueText:
		u, err := ParseUnease(val.text)
		if err != nil {
			v.note(field, problem.Invalid, "%v", err)
			return 0, false
		}
		return float64(u), true
	case q.Type != TypeDate && q.Type != TypeMoney && q.Type != TypeTime && q.Type != TypeDateTime && val.kind == valueNumber:
		if !finite(val.num) {
			v.note(field, problem.Invalid, "%v is not a finite number", val.num)
			return 0, false
		}
		return val.num, true
	}
	want := "a number"
	switch q.Type {
	case TypeDate:
		want = "a date (\"2026-11-24\")"
	case TypeInstinct:
		want = "an unease level or number"
	case TypeMoney:
		want = "an amount (\"EUR 50.00\")"
	case TypeTime:
		want = "a time of day (\"18:30\")"
	case TypeDateTime:
		want = "a date and time (\"2026-11-24T18:30:00+01:00\")"
	}
	v.note(field, problem.Mismatch, "%s on a %s question takes %s, not %s", op, q.Type, want, val.shape())
	return 0, false
}

// rules checks the rules and resolves their triggers.
func (v *validator) rules() {
	s, r := v.r.s, v.r
	r.rules = make([]rrule, len(s.Rules))
	for i := range s.Rules {
		rl := &s.Rules[i]
		path := &at{parent: &at{name: "rules"}, index: i}
		if v.checkID(path, "id", rl.ID) {
			if j, dup := v.ids[rl.ID]; dup {
				v.add(path, "id", problem.Duplicate, "rule ID %s is also used by rules[%d]", prose.Quote(rl.ID), j)
			} else if _, scale := v.r.scales[rl.ID]; scale {
				v.add(path, "id", problem.Duplicate, "rule ID %s is also used by a scale", prose.Quote(rl.ID))
			} else {
				v.ids[rl.ID] = int32(i)
			}
		}
		r.rules[i] = v.rule(rl, i, path)
	}
}

// rule checks one rule and resolves its trigger.
func (v *validator) rule(rl *Rule, i int, path *at) rrule {
	res := rrule{when: -1, q: -1, scale: -1}
	if !rl.Kind.IsValid() {
		v.add(path, "kind", problem.Unknown, "unknown rule kind %s; want red_flag, concern, score, need, condition, urgent or refer", prose.Quote(string(rl.Kind)))
	}
	triggers := 0
	for _, set := range []bool{rl.When != nil, rl.Overlap != nil, rl.Distance != nil, rl.Question != ""} {
		if set {
			triggers++
		}
	}
	if rl.Question != "" && rl.Kind != KindScore {
		v.add(path, "question", problem.Unexpected, "only score rules add up a question's answer")
	}
	switch {
	case triggers > 1:
		v.add(path, "", problem.Conflict, "a rule has one trigger: when, overlap, distance, or (for a score) question")
	case triggers == 0 && rl.Kind != KindNeed && rl.Kind != KindCondition:
		v.add(path, "", problem.Required, "a %s rule needs a trigger: when, overlap or distance", rl.Kind)
	}
	if rl.Kind == KindScore {
		if !finite(rl.Weight) {
			v.add(path, "weight", problem.Invalid, "the weight %v is not a finite number", rl.Weight)
		}
		res.scale = v.scaleRef(path, rl.Scale)
	} else {
		if rl.Weight != 0 {
			v.add(path, "weight", problem.Unexpected, "only score rules have a weight")
		}
		if rl.Scale != "" {
			v.add(path, "scale", problem.Unexpected, "only score rules add to a scale")
		}
	}
	if rl.Kind == KindCondition {
		if strings.TrimSpace(rl.Text) == "" {
			v.add(path, "text", problem.Required, "a condition rule needs the text of its condition")
		}
	} else if rl.Text != "" {
		v.add(path, "text", problem.Unexpected, "only condition rules have a text")
	}
	if rl.Kind == KindNeed && len(rl.Needs) == 0 {
		v.add(path, "needs", problem.Empty, "a need rule needs at least one need tag")
	}
	for j, tag := range rl.Needs {
		v.checkID(&at{parent: &at{parent: path, name: "needs"}, index: j}, "", tag)
	}
	if rl.Kind != KindScore && strings.TrimSpace(rl.Message) == "" {
		v.add(path, "message", problem.Required, "the rule needs a message that explains it to the client")
	}

	switch {
	case rl.When != nil:
		v.push("rules")
		v.pushIndex(i)
		v.push("when")
		res.when = v.cond(rl.When, 1, nil)
		v.segs = v.segs[:0]
	case rl.Overlap != nil:
		where := &at{parent: path, name: "overlap"}
		res.q = v.ref(where, "question", rl.Overlap.Question, TypeTimes)
		if !finite(rl.Overlap.MinHours) {
			v.add(where, "min_hours", problem.Invalid, "min_hours %v is not a finite number", rl.Overlap.MinHours)
		}
	case rl.Distance != nil:
		where := &at{parent: path, name: "distance"}
		res.q = v.ref(where, "question", rl.Distance.Question, TypeLocation)
		switch {
		case !finite(rl.Distance.MaxKm):
			v.add(where, "max_km", problem.Invalid, "max_km %v is not a distance", rl.Distance.MaxKm)
		case rl.Distance.MaxKm < 0:
			v.add(where, "max_km", problem.Negative, "max_km %v is negative", rl.Distance.MaxKm)
		}
	case rl.Question != "" && rl.Kind == KindScore:
		res.q = v.ref(path, "question", rl.Question, "")
		if res.q >= 0 {
			switch typ := v.r.qs[res.q].typ; typ {
			case TypeYesNo, TypeNumber, TypeScale, TypeInteger, TypeInstinct, TypeSingleChoice, TypeMultipleChoice:
			default:
				v.add(path, "question", problem.Mismatch, "a score rule adds up yes_no, choice, number, integer, scale or instinct answers, not %s", typ)
				res.q = -1
			}
		}
	}
	return res
}

// ref resolves a reference from a rule to a question of type want (any
// type when want is empty), or returns -1 after reporting a problem.
func (v *validator) ref(path *at, field, id string, want Type) int32 {
	qi, ok := v.r.index[id]
	switch {
	case id == "":
		v.add(path, field, problem.Required, "the rule names a question")
		return -1
	case !ok:
		v.add(path, field, problem.Unknown, "no question has the ID %s", prose.Quote(id))
		return -1
	case want != "" && v.r.qs[qi].typ != want:
		v.add(path, field, problem.Mismatch, "question %s is a %s question, not %s", prose.Quote(id), v.r.qs[qi].typ, want)
		return -1
	}
	return qi
}

// bands checks the bands.
func (v *validator) bands() {
	s := v.r.s
	for i := range s.Bands {
		bd := &s.Bands[i]
		path := &at{parent: &at{name: "bands"}, index: i}
		if v.checkID(path, "id", bd.ID) {
			if j, dup := v.ids[bd.ID]; dup && j < 0 {
				v.add(path, "id", problem.Duplicate, "band ID %s is also used by bands[%d]", prose.Quote(bd.ID), -1-j)
			} else if dup {
				v.add(path, "id", problem.Duplicate, "band ID %s is also used by a rule", prose.Quote(bd.ID))
			} else if _, scale := v.r.scales[bd.ID]; scale {
				v.add(path, "id", problem.Duplicate, "band ID %s is also used by a scale", prose.Quote(bd.ID))
			} else {
				v.ids[bd.ID] = -1 - int32(i)
			}
		}
		switch {
		case !finite(bd.Min) || !finite(bd.Max):
			v.add(path, "", problem.Invalid, "the band %v–%v has a bound that is not a finite number", bd.Min, bd.Max)
		case bd.Min > bd.Max:
			v.add(path, "", problem.Order, "the band %v–%v ends before it starts", bd.Min, bd.Max)
		}
		v.r.bandScale = append(v.r.bandScale, v.scaleRef(path, bd.Scale))
		switch bd.Outcome {
		case "", NeedsReview, Decline, Refer, Urgent:
		default:
			v.add(path, "outcome", problem.Invalid, "a band's outcome is needs_review, decline, refer or urgent, not %s", prose.Quote(string(bd.Outcome)))
		}
		for j, tag := range bd.Needs {
			v.checkID(&at{parent: &at{parent: path, name: "needs"}, index: j}, "", tag)
		}
		if strings.TrimSpace(bd.Message) == "" {
			v.add(path, "message", problem.Required, "the band needs a message that explains it")
		}
	}
}
