package referral

import (
	"fmt"
	"iter"
	"math"
	"slices"
	"time"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/internal/bitset"
	"github.com/practicekit/boundaries/internal/prose"
)

// An Index is a directory prepared for fast routing: a bitset per tag,
// language, region and insurance network, a grid of in-person providers by
// place, and each provider's usual weekly times. Build it once with NewIndex and
// route many requests with it; it is immutable and safe for concurrent
// use.
type Index struct {
	providers []Provider
	ids       map[string]int32

	// Bitsets by tag, primary language subtag, region and network; absent
	// keys have no provider.
	tags      map[string]bitset.Set
	languages map[string]bitset.Set
	regions   map[string]bitset.Set
	insurance map[string]bitset.Set
	video     bitset.Set // providers who work by video
	phone     bitset.Set // providers who work by phone
	accepting bitset.Set // providers who said they accept, with room if tracked
	all       bitset.Set // every provider

	// cells maps a grid cell to the in-person providers located in it, in
	// increasing order.
	cells map[int32][]int32

	// Per provider, by position.
	feeMin   []int64             // lowest fee in minor units, when fees are published
	feeCur   []money.Currency    // currency of the fees; zero when not published
	practice []int32             // practice number, or -1 for a solo practice
	zone     []int32             // index into zones, or -1 without a schedule
	week     []availability.Week // usual weekly times, for regular schedules

	zones     []*time.Location // distinct schedule zones
	irregular bitset.Set       // schedules with overrides, closures or an effective period
}

// gridDegrees is the size of a grid cell in degrees of latitude and
// longitude.
const (
	gridDegrees = 0.5
	gridCols    = int32(360 / gridDegrees)
	gridRows    = int32(180 / gridDegrees)
	kmPerRadian = 6371.0088
)

// cellOf returns the grid cell holding p.
func cellOf(p place.Point) int32 {
	return rowOf(p.Lat)*gridCols + colOf(p.Lon)
}

func rowOf(lat float64) int32 {
	return min(max(int32(math.Floor((lat+90)/gridDegrees)), 0), gridRows-1)
}

func colOf(lon float64) int32 {
	c := int32(math.Floor((lon + 180) / gridDegrees))
	return ((c % gridCols) + gridCols) % gridCols
}

// NewIndex validates the directory and indexes it. It returns the
// directory's problem.List when it does not validate. The index keeps the
// directory's providers; the caller must not change them afterwards.
func NewIndex(d Directory) (*Index, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	n := len(d.Providers)
	ix := &Index{
		providers: slices.Clone(d.Providers),
		ids:       make(map[string]int32, n),
		tags:      make(map[string]bitset.Set),
		languages: make(map[string]bitset.Set),
		regions:   make(map[string]bitset.Set),
		insurance: make(map[string]bitset.Set),
		video:     bitset.New(n),
		phone:     bitset.New(n),
		accepting: bitset.New(n),
		all:       bitset.New(n),
		cells:     make(map[int32][]int32),
		feeMin:    make([]int64, n),
		feeCur:    make([]money.Currency, n),
		practice:  make([]int32, n),
		zone:      make([]int32, n),
		week:      make([]availability.Week, n),
		irregular: bitset.New(n),
	}
	ix.all.Fill(n)
	add := func(m map[string]bitset.Set, key string, i int32) {
		b, ok := m[key]
		if !ok {
			b = bitset.New(n)
			m[key] = b
		}
		b.Add(int(i))
	}
	practices := make(map[string]int32)
	zones := make(map[*time.Location]int32)
	for k := range ix.providers {
		i := int32(k)
		p := &ix.providers[k]
		ix.ids[p.ID] = i
		for _, list := range [...][]string{p.Professions, p.Specialties, p.Attributes} {
			for _, t := range list {
				add(ix.tags, t, i)
			}
		}
		if p.SlidingScale {
			add(ix.tags, needSlidingScale, i)
		}
		for _, l := range p.Languages {
			add(ix.languages, primaryLanguage(l), i)
		}
		for _, r := range p.Regions {
			add(ix.regions, r, i)
		}
		for _, t := range p.Insurance {
			add(ix.insurance, t, i)
		}
		if p.Modalities.Has(place.Video) {
			ix.video.Add(int(i))
		}
		if p.Modalities.Has(place.Phone) {
			ix.phone.Add(int(i))
		}
		if p.Modalities.Has(place.InPerson) {
			c := cellOf(*p.Location)
			ix.cells[c] = append(ix.cells[c], i)
		}
		if p.Accepting.Value && (p.Capacity == nil || p.Capacity.Value > 0) {
			ix.accepting.Add(int(i))
		}
		if p.Fees != nil {
			ix.feeMin[k] = p.Fees.Min.Minor()
			ix.feeCur[k] = p.Fees.Min.Currency()
		}
		ix.practice[k] = -1
		if p.Practice != "" {
			num, ok := practices[p.Practice]
			if !ok {
				num = int32(len(practices))
				practices[p.Practice] = num
			}
			ix.practice[k] = num
		}
		ix.zone[k] = -1
		if s := p.Schedule; s != nil {
			loc := s.Zone
			if loc == nil {
				loc = time.UTC
			}
			z, ok := zones[loc]
			if !ok {
				z = int32(len(ix.zones))
				zones[loc] = z
				ix.zones = append(ix.zones, loc)
			}
			ix.zone[k] = z
			if regularSchedule(s) {
				ix.week[k] = s.Week()
			} else {
				ix.irregular.Add(int(i))
			}
		}
	}
	return ix, nil
}

// Len returns the number of providers.
func (ix *Index) Len() int { return len(ix.providers) }

// Provider returns the provider with the given ID, and whether there is
// one. The provider shares its slices and pointers with the index: treat
// it as read-only.
func (ix *Index) Provider(id string) (Provider, bool) {
	i, ok := ix.ids[id]
	if !ok {
		return Provider{}, false
	}
	return ix.providers[i], true
}

// All returns the providers in directory order, read-only as for
// Provider.
func (ix *Index) All() iter.Seq[Provider] {
	return func(yield func(Provider) bool) {
		for _, p := range ix.providers {
			if !yield(p) {
				return
			}
		}
	}
}

// Record returns the rotation state after a referral of the provider with
// the given ID at the instant at, such as the colleague the client chose
// among the matches. It returns ErrUnknownProvider for an ID the index
// does not hold.
func (ix *Index) Record(r Rotation, id string, at time.Time) (Rotation, error) {
	i, ok := ix.ids[id]
	if !ok {
		return r, &ProviderError{ID: id, Err: ErrUnknownProvider}
	}
	return r.record(id, ix.providers[i].share(), at), nil
}

// A ProviderError is an error about one provider, by ID.
type ProviderError struct {
	ID  string
	Err error
}

// Error returns the ID and the cause.
func (e *ProviderError) Error() string {
	return fmt.Sprintf("provider %s: %v", prose.Quote(e.ID), e.Err)
}

// Unwrap returns the cause.
func (e *ProviderError) Unwrap() error { return e.Err }

// cellRange returns the rows r0 to r1 and the columns c0 to c1 of the
// grid cells that may hold a point within km of p: the rows within km of
// p's latitude, and the columns within the widest longitude a circle of
// that radius spans. Columns may run past the last one and wrap around;
// reduce them modulo gridCols.
func cellRange(p place.Point, km float64) (r0, r1, c0, c1 int32) {
	d := km / kmPerRadian * (1 + 1e-9) // angular radius, with a margin for rounding
	lo, hi := p.Lat-d*180/math.Pi, p.Lat+d*180/math.Pi
	r0, r1 = rowOf(lo), rowOf(hi)
	c0, c1 = 0, gridCols-1
	if lo <= -90 || hi >= 90 {
		return r0, r1, c0, c1
	}
	s := math.Sin(d) / math.Cos(p.Lat*math.Pi/180)
	if s >= 1 {
		return r0, r1, c0, c1
	}
	dLon := math.Asin(s) * 180 / math.Pi
	a := int32(math.Floor((p.Lon - dLon + 180) / gridDegrees))
	b := int32(math.Floor((p.Lon + dLon + 180) / gridDegrees))
	if b-a >= gridCols {
		return r0, r1, c0, c1
	}
	return r0, r1, a, b
}

// regularSchedule reports whether a schedule's open time repeats every week:
// no overrides, no closures and no effective period. Such a schedule is
// indexed as a weekly mask; any other is resolved per request.
func regularSchedule(s *availability.Schedule) bool {
	return len(s.Overrides) == 0 && len(s.Closures) == 0 && s.Effective == (availability.DateRange{})
}
