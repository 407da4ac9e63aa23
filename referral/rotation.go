package referral

import (
	"cmp"
	"errors"
	"iter"
	"maps"
	"slices"
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
	uses  map[string]Use // never modified after the Rotation is made
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
func (r Rotation) Len() int { return len(r.uses) }

// Clock returns the rotation's virtual clock.
func (r Rotation) Clock() float64 { return r.clock }

// Use returns the state of the provider with the given ID, and false when
// the provider has never been referred.
func (r Rotation) Use(id string) (Use, bool) {
	u, ok := r.uses[id]
	return u, ok
}

// All returns the state of every referred provider, by ID.
func (r Rotation) All() iter.Seq[Use] {
	return func(yield func(Use) bool) {
		for _, id := range slices.Sorted(maps.Keys(r.uses)) {
			if !yield(r.uses[id]) {
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
	u, ok := r.uses[id]
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
	next := Rotation{clock: r.clock, uses: make(map[string]Use, len(r.uses)+1)}
	maps.Copy(next.uses, r.uses)
	u, ok := r.uses[id]
	start := r.clock
	if ok {
		start = max(u.Pass, r.clock)
	}
	next.uses[id] = Use{ID: id, Count: u.Count + 1, Last: at, Pass: start + 1/share}
	next.clock = max(r.clock, start)
	return next
}

// recordMany returns the state after referrals of several providers at
// the same instant, copying the state once.
func (r Rotation) recordMany(ids []string, shares []float64, at time.Time) Rotation {
	if len(ids) == 0 {
		return r
	}
	next := Rotation{clock: r.clock, uses: make(map[string]Use, len(r.uses)+len(ids))}
	maps.Copy(next.uses, r.uses)
	clock := r.clock
	for i, id := range ids {
		u, ok := next.uses[id]
		start := r.clock
		if ok {
			start = max(u.Pass, r.clock)
		}
		next.uses[id] = Use{ID: id, Count: u.Count + 1, Last: at, Pass: start + 1/shares[i]}
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
	next := Rotation{clock: j.Clock, uses: make(map[string]Use, len(j.Uses))}
	for i, u := range j.Uses {
		if _, dup := next.uses[u.ID]; dup {
			var ps problem.List
			ps.Add(problem.Join(problem.Index("uses", i), "id"), problem.Duplicate, "provider %s is listed twice", prose.Quote(u.ID))
			return ps
		}
		next.uses[u.ID] = u
	}
	*r = next
	return nil
}
