package referral

import (
	"slices"
	"strings"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Fact is something a provider said that goes stale, with the date it was
// last confirmed: "accepting new clients" and open capacity. A zero
// Confirmed means the fact was never confirmed, and routing treats it as
// stale. In JSON a Fact is {"value": …, "confirmed": "2026-11-24"}, each
// left out when zero: {"confirmed": "2026-11-24"} is "no", confirmed.
type Fact[T comparable] struct {
	// Value is what the provider said.
	Value T `json:"value,omitzero"`
	// Confirmed is the date the provider last confirmed Value.
	Confirmed availability.Date `json:"confirmed,omitzero"`
}

// Known reports whether the fact was ever confirmed.
func (f Fact[T]) Known() bool { return !f.Confirmed.IsZero() }

// AgeDays returns the number of days from the confirmation to today, and
// false when the fact was never confirmed.
func (f Fact[T]) AgeDays(today availability.Date) (int, bool) {
	if !f.Known() {
		return 0, false
	}
	return f.Confirmed.DaysUntil(today), true
}

// plainFact is a Fact without its JSON methods.
type plainFact[T comparable] Fact[T]

// MarshalJSON encodes the fact as {"value", "confirmed"}.
func (f Fact[T]) MarshalJSON() ([]byte, error) {
	return strictjson.Marshal(plainFact[T](f))
}

// UnmarshalJSON decodes {"value", "confirmed"} strictly.
func (f *Fact[T]) UnmarshalJSON(b []byte) error {
	return strictjson.Unmarshal(b, (*plainFact[T])(f), strictjson.Limits{})
}

// A FeeRange is what a provider charges per session, from Min to Max in one
// currency; Min may equal Max. Both are required: a zero FeeRange is
// invalid, and a Provider without published fees has a nil *FeeRange.
type FeeRange struct {
	Min money.Amount `json:"min,omitempty"`
	Max money.Amount `json:"max,omitempty"`
}

// validate reports problems of the range at path: a missing or negative
// end, ends in two currencies, or Min above Max.
func (r FeeRange) validate(ps *problem.List, path string) {
	n := len(*ps)
	checkMoney(ps, path, "min", r.Min)
	checkMoney(ps, path, "max", r.Max)
	if len(*ps) > n {
		return
	}
	switch c, err := r.Min.Cmp(r.Max); {
	case err != nil:
		ps.Add(path, problem.Mismatch, "min is in %s and max in %s", r.Min.Currency(), r.Max.Currency())
	case c > 0:
		ps.Add(path, problem.Order, "min %s is above max %s", r.Min, r.Max)
	}
}

// A Provider is one entry of a Directory: a colleague a client may be
// referred to, with what they offer, where and to whom, what they charge,
// and whether they take new clients.
//
// Needs in a Request are matched against Professions, Specialties and
// Attributes together, exactly as written: use one vocabulary of lower-case
// tags such as "life_coaching" across the directory and the screening that
// produces the needs (fit's Need constants). A provider with SlidingScale
// also meets the need "sliding_scale" (fit.NeedSlidingScale).
//
// The zero Provider is invalid: it needs an ID, a name and a modality.
type Provider struct {
	// ID identifies the provider in the directory, in rotation state and in
	// a request's exclusions.
	ID string `json:"id,omitempty"`
	// Name is the provider's name as a client sees it.
	Name string `json:"name,omitempty"`
	// Practice groups providers who work together; Options.MaxPerPractice
	// limits how many matches come from one practice. Empty means a solo
	// practice.
	Practice string `json:"practice,omitempty"`
	// Professions are tags such as "coach" or "psychotherapist".
	Professions []string `json:"professions,omitempty"`
	// Specialties are tags such as "life_coaching" or "grief".
	Specialties []string `json:"specialties,omitempty"`
	// Attributes are identity or other tags a client may ask for, such as
	// "woman" or "lgbtq-affirming", given only with the provider's consent.
	Attributes []string `json:"attributes,omitempty"`
	// Modalities are how the provider works; at least one is required.
	Modalities place.Modality `json:"modalities,omitempty"`
	// Languages are BCP 47 tags of the languages the provider works in,
	// such as "en" or "pt-BR".
	Languages []string `json:"languages,omitempty"`
	// Location is where the provider sees clients in person; required when
	// Modalities has place.InPerson.
	Location *place.Point `json:"location,omitzero"`
	// RadiusKm is how far from Location the provider serves in-person
	// clients; zero means no limit of the provider's own.
	RadiusKm float64 `json:"radius_km,omitzero"`
	// Regions are where the provider may practise (licensing), as region
	// codes: "US-NY" is one state, "US" the whole country.
	Regions []string `json:"regions,omitempty"`
	// Fees is the range of fees per session; nil means not published.
	Fees *FeeRange `json:"fees,omitzero"`
	// SlidingScale says the provider may charge less than Fees.Min to a
	// client who cannot afford it. Such a provider meets the need
	// "sliding_scale" without listing it as a tag.
	SlidingScale bool `json:"sliding_scale,omitzero"`
	// Insurance are the insurance networks the provider is in, as tags.
	Insurance []string `json:"insurance,omitempty"`
	// Accepting says whether the provider takes new clients, and when that
	// was confirmed. The zero value is "not accepting, never confirmed".
	Accepting Fact[bool] `json:"accepting,omitzero"`
	// Capacity is how many new clients the provider can still take, and
	// when that was confirmed; nil means capacity is not tracked and
	// Accepting alone decides, for routine and emergency requests alike.
	Capacity *Fact[int] `json:"capacity,omitzero"`
	// Schedule is the provider's availability, used to score a client's
	// preferred times and to find immediate capacity in an emergency; nil
	// means not published.
	Schedule *availability.Schedule `json:"schedule,omitzero"`
	// Share is the provider's target share of referrals relative to
	// near-equal colleagues: a provider with Share 2 is offered twice as
	// often as one with Share 1. Zero means 1; any other value is between
	// MinShare and MaxShare.
	Share float64 `json:"share,omitzero"`
	// Priority orders near-equal matches before rotation does: among
	// matches of near-equal score, a higher priority comes first. Zero is
	// the usual priority.
	Priority int `json:"priority,omitzero"`
}

// The range of a provider's Share. Each referral moves the provider's
// rotation pass on by 1/Share, so the bounds keep that step between 0.01
// and 100: a pass stays a finite number that each referral visibly moves
// (a share of 5e-324 made it +Inf, and a huge share would leave it where
// it was, so that the provider got every referral), and the shares of two
// colleagues differ by at most a factor of 10,000, more than any practice
// splits its referrals by.
const (
	MinShare = 0.01
	MaxShare = 100.0
)

// share returns the provider's target share, 1 when unset.
func (p *Provider) share() float64 {
	if p.Share > 0 {
		return p.Share
	}
	return 1
}

// needSlidingScale is the need a provider with a sliding scale meets, as
// fit spells it (fit.NeedSlidingScale; a test holds the two together).
const needSlidingScale = "sliding_scale"

// hasTag reports whether a need's tag is among the provider's professions,
// specialties or attributes, or is the sliding scale the provider offers.
func (p *Provider) hasTag(tag string) bool {
	if tag == needSlidingScale && p.SlidingScale {
		return true
	}
	for _, list := range [...][]string{p.Professions, p.Specialties, p.Attributes} {
		if slices.Contains(list, tag) {
			return true
		}
	}
	return false
}

// MarshalJSON encodes the provider with snake_case members, leaving out
// the optional ones that are not set.
func (p Provider) MarshalJSON() ([]byte, error) {
	type plain Provider
	return strictjson.Marshal(plain(p))
}

// UnmarshalJSON decodes a provider strictly: unknown members are errors.
func (p *Provider) UnmarshalJSON(b []byte) error {
	type plain Provider
	return strictjson.Unmarshal(b, (*plain)(p), strictjson.Limits{})
}

// validate reports the provider's problems at path.
func (p *Provider) validate(ps *problem.List, path string) {
	at := func(field string) string { return problem.Join(path, field) }
	if p.ID == "" {
		ps.Add(at("id"), problem.Required, "a provider needs an ID")
	} else {
		checkTag(ps, at("id"), "ID", p.ID)
	}
	if strings.TrimSpace(p.Name) == "" {
		ps.Add(at("name"), problem.Required, "a provider needs a name")
	}
	if p.Practice != "" {
		checkTag(ps, at("practice"), "practice", p.Practice)
	}
	checkTags(ps, path, "professions", p.Professions)
	checkTags(ps, path, "specialties", p.Specialties)
	checkTags(ps, path, "attributes", p.Attributes)
	switch {
	case !p.Modalities.IsValid():
		ps.Add(at("modalities"), problem.Invalid, "modalities %d hold unknown values", uint8(p.Modalities))
	case p.Modalities == 0:
		ps.Add(at("modalities"), problem.Required, "a provider works in person, remotely or both")
	}
	for i, l := range p.Languages {
		if !validLanguage(l) {
			ps.Add(problem.Index(at("languages"), i), problem.Syntax, "%s is not a BCP 47 language tag such as \"en\" or \"pt-BR\"", prose.Quote(l))
		}
	}
	switch {
	case p.Location != nil:
		checkPoint(ps, at("location"), *p.Location)
	case p.Modalities.Has(place.InPerson):
		ps.Add(at("location"), problem.Required, "a provider who works in person needs a location")
	}
	checkNonNegative(ps, path, "radius_km", p.RadiusKm)
	for i, r := range p.Regions {
		if !validRegion(r) {
			ps.Add(problem.Index(at("regions"), i), problem.Syntax, "%s is not a region code such as \"US\" or \"US-NY\"", prose.Quote(r))
		}
	}
	if p.Fees != nil {
		p.Fees.validate(ps, at("fees"))
	}
	checkTags(ps, path, "insurance", p.Insurance)
	checkDate(ps, at("accepting.confirmed"), p.Accepting.Confirmed)
	if c := p.Capacity; c != nil {
		if c.Value < 0 {
			ps.Add(at("capacity.value"), problem.Negative, "capacity %d is negative", c.Value)
		}
		checkDate(ps, at("capacity.confirmed"), c.Confirmed)
	}
	if p.Schedule != nil {
		addNested(ps, at("schedule"), p.Schedule.Validate())
	}
	checkNonNegative(ps, path, "share", p.Share)
	if finite(p.Share) && p.Share > 0 && (p.Share < MinShare || p.Share > MaxShare) {
		ps.Add(at("share"), problem.OutOfRange, "share %v is not between %v and %v", p.Share, MinShare, MaxShare)
	}
}

// checkPoint reports a location at path whose latitude or longitude is not
// a finite number, or is outside [-90, 90] or [-180, 180].
func checkPoint(ps *problem.List, path string, pt place.Point) {
	switch {
	case !finite(pt.Lat) || !finite(pt.Lon):
		ps.Add(path, problem.Invalid, "%s is not a latitude,longitude of finite numbers", pt)
	case !pt.IsValid():
		ps.Add(path, problem.OutOfRange, "%s is not a valid latitude,longitude", pt)
	}
}

// checkDate reports a confirmation date at path that does not exist; the
// zero Date means never confirmed.
func checkDate(ps *problem.List, path string, d availability.Date) {
	if !d.IsZero() && !d.IsValid() {
		ps.Add(path, problem.Invalid, "%s is not a valid date", d)
	}
}

// A Directory is the providers a practice or network refers clients to.
// The zero Directory is valid and empty.
type Directory struct {
	// Version names this edition of the directory, for the host's records.
	Version string `json:"version,omitempty"`
	// Providers are the entries; IDs are unique.
	Providers []Provider `json:"providers,omitempty"`
}

// Validate returns nil or a problem.List of every problem of every entry,
// with paths such as "providers[3].fees.min": missing or repeated IDs, bad
// coordinates, malformed tags, missing or negative fees.
func (d Directory) Validate() error {
	var ps, one problem.List
	seen := make(map[string]int, len(d.Providers))
	for i := range d.Providers {
		p := &d.Providers[i]
		// Validate with relative paths, and make them absolute only for
		// the entries that have problems.
		one = one[:0]
		p.validate(&one, "")
		if j, dup := seen[p.ID]; dup && p.ID != "" {
			one.Add("id", problem.Duplicate, "ID %s is also used by providers[%d]", prose.Quote(p.ID), j)
		} else if p.ID != "" {
			seen[p.ID] = i
		}
		if len(one) > 0 {
			ps = append(ps, one.Under(problem.Index("providers", i))...)
		}
	}
	return ps.Err()
}

// MarshalJSON encodes the directory as {"version", "providers"}.
func (d Directory) MarshalJSON() ([]byte, error) {
	type plain Directory
	return strictjson.Marshal(plain(d))
}

// The bounds on decoding a directory and a rotation state: large enough
// for a few hundred thousand entries, small enough to keep memory in
// check.
const (
	maxDirectoryBytes    = 256 << 20
	maxDirectoryElements = 20_000_000
)

// UnmarshalJSON decodes a directory strictly, up to 256 MiB of input. It
// does not validate; call Validate or NewIndex.
func (d *Directory) UnmarshalJSON(b []byte) error {
	type plain Directory
	return strictjson.Unmarshal(b, (*plain)(d), strictjson.Limits{MaxBytes: maxDirectoryBytes, MaxElements: maxDirectoryElements})
}
