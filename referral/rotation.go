package referral

import (
	"cmp"
	"errors"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// Rotation is the state of fair rotation: for each provider who has been
// referred, how often and when, and a virtual clock. It is a value: Route
// and Index.Record take one and return a new one, and never change the one
// passed in, so the same inputs always give the same output.
//
// Rotation follows stride scheduling. Each provider has a pass that grows
// by 1/share with every referral; among matches of near-equal score, the
// lowest pass goes first, so referrals spread evenly, or in proportion to
// the providers' shares. A provider's pass never counts as lower than the
// clock, the pass at which the latest referral was made: a newcomer joins
// at the clock instead of at zero, and is not flooded with referrals until
// they catch up; a colleague back from a long absence likewise rejoins
// the rotation at the clock, neither flooded nor starved because of the
// referrals others got meanwhile. Ties go to the provider referred least
// recently, then by ID.
//
// The zero Rotation is the empty state: nobody has been referred.
type Rotation struct {
	clock float64
	uses  *useNode // by ID; nil when nobody has been referred
	n     int      // the number of uses
}

// A Use is the rotation state of one provider.
type Use struct {
	// ID is the provider's ID.
	ID string `json:"id,omitempty"`
	// Count is how many referrals the provider has had.
	Count int `json:"count,omitzero"`
	// Last is when the provider was last referred.
	Last time.Time `json:"last,omitzero"`
	// Pass is the provider's stride-scheduling pass.
	Pass float64 `json:"pass,omitzero"`
}

// ErrUnknownProvider is returned when an ID names no provider of the index.
var ErrUnknownProvider = errors.New("unknown provider")

// Len returns the number of providers with a referral.
func (r Rotation) Len() int { return r.n }

// Clock returns the rotation's virtual clock.
func (r Rotation) Clock() float64 { return r.clock }

// Use returns the state of the provider with the given ID, and false when
// the provider has never been referred.
func (r Rotation) Use(id string) (Use, bool) {
	return r.uses.get(id)
}

// All returns the state of every referred provider, by ID.
func (r Rotation) All() iter.Seq[Use] {
	return func(yield func(Use) bool) {
		uses := r.uses.appendAll(make([]Use, 0, r.n))
		slices.SortFunc(uses, func(a, b Use) int { return strings.Compare(a.ID, b.ID) })
		for _, u := range uses {
			if !yield(u) {
				return
			}
		}
	}
}

// turn is where a provider stands in the rotation: their effective pass
// and when they were last referred (the zero time if never).
type turn struct {
	pass float64
	last time.Time
}

// turn returns the provider's place in the rotation.
func (r *Rotation) turn(id string) turn {
	u, ok := r.uses.get(id)
	if !ok {
		return turn{pass: r.clock}
	}
	return turn{pass: max(u.Pass, r.clock), last: u.Last}
}

// compareTurns orders turns: lower pass first, then referred less recently.
func compareTurns(a, b turn) int {
	return cmp.Or(cmp.Compare(a.pass, b.pass), a.last.Compare(b.last))
}

// record returns the state after a referral of the provider with the given
// ID and share at the instant at.
func (r Rotation) record(id string, share float64, at time.Time) Rotation {
	return r.recordMany([]string{id}, []float64{share}, at)
}

// recordMany returns the state after referrals of several providers at
// the same instant. The new state shares all but a few nodes with r.
func (r Rotation) recordMany(ids []string, shares []float64, at time.Time) Rotation {
	if len(ids) == 0 {
		return r
	}
	next := r
	clock := r.clock
	for i, id := range ids {
		u, ok := next.uses.get(id)
		start := r.clock
		if ok {
			start = max(u.Pass, r.clock)
		} else {
			next.n++
		}
		next.uses = next.uses.with(hashID(id), 0, Use{ID: id, Count: u.Count + 1, Last: at, Pass: start + 1/shares[i]}, false)
		clock = max(clock, start)
	}
	next.clock = clock
	return next
}

// Validate returns nil or a problem.List: a negative or non-finite clock or
// pass, a negative count, a missing ID. Paths index the uses in ID order,
// the order MarshalJSON writes them in.
func (r Rotation) Validate() error {
	return validateRotation(r.clock, r.All())
}

// validateRotation reports the problems of a clock and uses, indexing the
// uses in the order given.
func validateRotation(clock float64, uses iter.Seq[Use]) error {
	var ps problem.List
	checkNonNegative(&ps, "", "clock", clock)
	i := 0
	for u := range uses {
		path := problem.Index("uses", i)
		i++
		if u.ID == "" {
			ps.Add(problem.Join(path, "id"), problem.Required, "a use needs the provider's ID")
		}
		if u.Count < 0 {
			ps.Add(problem.Join(path, "count"), problem.Negative, "count %d is negative", u.Count)
		}
		checkNonNegative(&ps, path, "pass", u.Pass)
	}
	return ps.Err()
}

// rotationJSON is the JSON form of a Rotation.
type rotationJSON struct {
	Clock float64 `json:"clock,omitzero"`
	Uses  []Use   `json:"uses,omitempty"`
}

// MarshalJSON encodes the state as {"clock", "uses"}, uses sorted by ID,
// leaving out zero values: the zero Rotation is {}.
func (r Rotation) MarshalJSON() ([]byte, error) {
	return strictjson.Marshal(rotationJSON{Clock: r.clock, Uses: slices.Collect(r.All())})
}

// UnmarshalJSON decodes {"clock", "uses"} strictly; an ID given twice is
// an error, as is a state that does not validate.
func (r *Rotation) UnmarshalJSON(b []byte) error {
	var j rotationJSON
	if err := strictjson.Unmarshal(b, &j, strictjson.Limits{MaxBytes: maxDirectoryBytes, MaxElements: maxDirectoryElements}); err != nil {
		return err
	}
	// Validate in the order of the input, so that paths point into it.
	if err := validateRotation(j.Clock, slices.Values(j.Uses)); err != nil {
		return err
	}
	next := Rotation{clock: j.Clock, n: len(j.Uses)}
	for i, u := range j.Uses {
		if _, dup := next.uses.get(u.ID); dup {
			var ps problem.List
			ps.Add(problem.Join(problem.Index("uses", i), "id"), problem.Duplicate, "provider %s is listed twice", prose.Quote(u.ID))
			return ps
		}
		next.uses = next.uses.with(hashID(u.ID), 0, u, true)
	}
	*r = next
	return nil
}

// A useNode is a node of a persistent hash trie of uses by ID, the uses of
// a Rotation. An inner node has a child for each group of useBits bits of
// an ID's hash, from the lowest up; a leaf holds the uses whose IDs hash
// alike (almost always one), in ID order, and sits at the first level
// where its hash differs from every other's, so that the same uses make
// the same trie in any order. Recording a referral copies the nodes on one
// path and shares the others: no node changes once a Rotation holds it,
// and routing never copies the whole state.
type useNode struct {
	kids [1 << useBits]*useNode // an inner node's children
	hash uint64                 // a leaf's hash
	uses []Use                  // a leaf's uses; empty in an inner node
}

const useBits = 4

// hashID returns the 64-bit FNV-1a hash of an ID.
func hashID(id string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	return h
}

// slot returns the child of an inner node at level shift for hash h.
func slot(h uint64, shift uint) uint64 { return h >> shift & (1<<useBits - 1) }

// get returns the use with the given ID in the trie of inner node n, nil
// for the empty trie.
func (n *useNode) get(id string) (Use, bool) { return n.find(hashID(id), id) }

// find is get for an ID whose hash is h.
func (n *useNode) find(h uint64, id string) (Use, bool) {
	for shift := uint(0); n != nil; shift += useBits {
		if len(n.uses) > 0 {
			if n.hash == h {
				for _, u := range n.uses {
					if u.ID == id {
						return u, true
					}
				}
			}
			return Use{}, false
		}
		n = n.kids[slot(h, shift)]
	}
	return Use{}, false
}

// with returns the trie of inner node n (nil for the empty trie), at level
// shift, with u set under its ID's hash h. It copies the nodes on u's
// path, or changes them in place when owned says the caller made them and
// no Rotation holds them yet.
func (n *useNode) with(h uint64, shift uint, u Use, owned bool) *useNode {
	next := n
	switch {
	case n == nil:
		next = new(useNode)
	case !owned:
		next = &useNode{kids: n.kids}
	}
	k := slot(h, shift)
	switch c := next.kids[k]; {
	case c == nil:
		next.kids[k] = &useNode{hash: h, uses: []Use{u}}
	case len(c.uses) == 0:
		next.kids[k] = c.with(h, shift+useBits, u, owned)
	case c.hash == h:
		i, found := slices.BinarySearchFunc(c.uses, u.ID, func(v Use, id string) int { return strings.Compare(v.ID, id) })
		uses := c.uses
		if !owned {
			uses = slices.Clone(uses)
		}
		if found {
			uses[i] = u
		} else {
			uses = slices.Insert(uses, i, u)
		}
		if owned {
			c.uses = uses
		} else {
			next.kids[k] = &useNode{hash: h, uses: uses}
		}
	default:
		// Another hash: move that leaf a level down, where u joins it.
		down := new(useNode)
		down.kids[slot(c.hash, shift+useBits)] = c
		next.kids[k] = down.with(h, shift+useBits, u, true)
	}
	return next
}

// appendAll appends the uses in the trie of n to list, in no set order.
func (n *useNode) appendAll(list []Use) []Use {
	if n == nil {
		return list
	}
	list = append(list, n.uses...)
	for _, c := range n.kids {
		list = c.appendAll(list)
	}
	return list
}
