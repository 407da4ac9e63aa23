package referral

import (
	"strings"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Need is something the client needs from a provider, as a tag matched
// against the provider's professions, specialties and attributes: a must
// have, or a preference.
type Need struct {
	// Tag is the need, such as "life_coaching" or "holistic".
	Tag string `json:"tag,omitempty"`
	// Must makes the need a must-have: with ConstraintNeeds hard, only
	// providers who meet every must-have match.
	Must bool `json:"must,omitzero"`
}

// A Request describes the client to be referred: what they need, the
// language they speak, where and how they want to be seen, the region they
// live in, what they can pay, when they would like to meet, how urgent it
// is, and who must not be suggested.
//
// The zero Request is valid: it asks for any provider who is accepting new
// clients.
type Request struct {
	// Needs are the client's needs, such as those a screening produced.
	Needs []Need `json:"needs,omitempty"`
	// Language is a BCP 47 tag of the language the client wants to be
	// served in; empty means any. Languages match on their primary
	// subtag ("pt" matches "pt-BR"); an exact match scores higher.
	Language string `json:"language,omitempty"`
	// Modalities are the ways the client accepts to be served; zero means
	// either: remote, or in person when Location is given.
	Modalities place.Modality `json:"modalities,omitempty"`
	// Location is where the client is, for in-person matches; nil means
	// unknown. With Modalities set, an unknown location leaves only
	// remote providers able to reach the client; with neither set, reach
	// is not checked at all (see ConstraintReach).
	Location *place.Point `json:"location,omitzero"`
	// WithinKm is how far the client will travel for in-person sessions;
	// zero means Options.WithinKm.
	WithinKm float64 `json:"within_km,omitzero"`
	// Region is the region code where the client lives ("US-NY"), for
	// licensing and crisis resources; empty means unknown.
	Region string `json:"region,omitempty"`
	// Budget is the most the client can pay per session; the zero Amount
	// means not given.
	Budget money.Amount `json:"budget,omitempty"`
	// Insurance is the client's insurance network, as a tag; empty means
	// none or not given.
	Insurance string `json:"insurance,omitempty"`
	// Preferred are the weekly times the client would like to meet, read
	// in Zone.
	Preferred []availability.Window `json:"preferred,omitempty"`
	// Zone is the client's time zone for Preferred; nil means UTC. In JSON
	// it is the IANA name, such as "Europe/Rome".
	Zone *time.Location `json:"zone,omitempty"`
	// Urgency is how urgent the request is. An Emergency puts crisis
	// resources first and keeps only providers with immediate capacity.
	Urgency contact.Urgency `json:"urgency,omitzero"`
	// Exclude are IDs of providers never to suggest: the referring
	// provider, conflicts of interest, providers the client declined.
	Exclude []string `json:"exclude,omitempty"`
}

// MarshalJSON encodes the request, with Zone as its IANA name, leaving out
// what is not given.
func (r Request) MarshalJSON() ([]byte, error) {
	type plain Request
	return strictjson.Marshal(plain(r))
}

// UnmarshalJSON decodes a request strictly, loading Zone by its IANA name.
func (r *Request) UnmarshalJSON(b []byte) error {
	type plain Request
	return strictjson.Unmarshal(b, (*plain)(r), strictjson.Limits{})
}

// Validate returns nil or a problem.List of every problem of the request,
// with paths such as "needs[1].tag" or "budget".
func (r Request) Validate() error {
	var ps problem.List
	for i, n := range r.Needs {
		path := problem.Join(problem.Index("needs", i), "tag")
		if !checkTag(&ps, path, "tag", n.Tag) {
			continue
		}
		for _, m := range r.Needs[:i] {
			if m.Tag == n.Tag {
				ps.Add(path, problem.Duplicate, "need %s is listed twice", prose.Quote(n.Tag))
				break
			}
		}
	}
	if r.Language != "" && !validLanguage(r.Language) {
		ps.Add("language", problem.Syntax, "%s is not a BCP 47 language tag such as \"en\" or \"pt-BR\"", prose.Quote(r.Language))
	}
	if !r.Modalities.IsValid() {
		ps.Add("modalities", problem.Invalid, "modalities %d hold unknown values", uint8(r.Modalities))
	}
	switch {
	case r.Location != nil:
		checkPoint(&ps, "location", *r.Location)
	case r.Modalities == place.InPerson:
		ps.Add("location", problem.Required, "an in-person request needs the client's location")
	}
	checkNonNegative(&ps, "", "within_km", r.WithinKm)
	if r.Region != "" && !validRegion(r.Region) {
		ps.Add("region", problem.Syntax, "%s is not a region code such as \"US\" or \"US-NY\"", prose.Quote(r.Region))
	}
	if r.Budget.IsValid() {
		checkMoney(&ps, "", "budget", r.Budget)
	}
	if r.Insurance != "" {
		checkTag(&ps, "insurance", "tag", r.Insurance)
	}
	if len(r.Preferred) > 0 {
		// The preferred times are weekly windows: validate them as the
		// working hours of a schedule, and report them at "preferred".
		var hours problem.List
		addNested(&hours, "", availability.Schedule{Zone: r.Zone, Hours: r.Preferred}.Validate())
		for _, p := range hours {
			if rest, ok := strings.CutPrefix(p.Path, "hours"); ok {
				p.Path = "preferred" + rest
			} else {
				p.Path = problem.Join("preferred", p.Path)
			}
			ps = append(ps, p)
		}
	}
	if !r.Urgency.IsValid() {
		ps.Add("urgency", problem.Invalid, "urgency %d is not a level", int(r.Urgency))
	}
	for i, id := range r.Exclude {
		if id == "" {
			ps.Add(problem.Index("exclude", i), problem.Required, "an excluded ID is empty")
		}
	}
	return ps.Err()
}

// emergency reports whether the request is an emergency.
func (r *Request) emergency() bool { return r.Urgency >= contact.Emergency }
