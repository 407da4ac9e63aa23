package fit

import (
	"slices"
	"strings"

	"github.com/practicekit/boundaries/availability/problem"
)

// order finds the order in which evaluation decides which questions are
// shown: every question after the questions its display condition reads
// (r.topo). Display that depends on itself has no such order; order
// reports each cycle, with the code cycle, at the question that closes it.
func (r *resolved) order(l *problem.List) {
	n := len(r.s.Questions)
	const (
		white = iota
		grey
		black
	)
	color := make([]uint8, n)
	r.topo = make([]int32, 0, n)
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
				ids = append(ids, r.s.Questions[j].ID)
			}
			ids = append(ids, r.s.Questions[i].ID)
			l.Add(problem.Join(problem.Index("questions", int(i)), "enable_when"), problem.Cycle,
				"conditional display depends on itself: %s", strings.Join(ids, " → "))
			r.cyclic = true
			return false
		}
		color[i] = grey
		stack = append(stack, i)
		ok := true
		for _, d := range r.deps[i] {
			if !visit(d) {
				ok = false
				break
			}
		}
		stack = stack[:len(stack)-1]
		color[i] = black
		r.topo = append(r.topo, i)
		return ok
	}
	for i := range int32(n) {
		visit(i)
	}
}
