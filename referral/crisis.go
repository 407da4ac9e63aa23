package referral

import (
	"strings"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// A Crisis is a dated, versioned list of crisis resources, such as
// emergency numbers and crisis lines, that the host passes to Route. An
// emergency request gets the resources for the client's region first, in
// the order listed here: they are never scored or rotated.
//
// Each resource's Region is a region code ("US", "GB-ENG"), the code of one
// of the Groups ("EU"), or empty for a resource that serves anywhere.
// Numbers change: every resource carries the date it was last checked, and
// Version names the edition as a whole.
//
// The zero Crisis is valid and empty; Route then falls back to
// CrisisExamples for emergencies, so that an emergency never ends with an
// empty answer.
type Crisis struct {
	// Version names this edition, such as "2026-11-24".
	Version string `json:"version,omitempty"`
	// Groups name sets of regions that a resource may serve as a whole.
	Groups []RegionGroup `json:"groups,omitempty"`
	// Resources are listed in the order a client in a region should see
	// them: emergency services first, then crisis lines.
	Resources []contact.Resource `json:"resources,omitempty"`
}

// A RegionGroup names a set of regions, such as the member states of the
// European Union for the number 112.
type RegionGroup struct {
	// Code is the group's code, in the form of a region code ("EU").
	Code string `json:"code,omitempty"`
	// Name describes the group.
	Name string `json:"name,omitempty"`
	// Members are region codes: countries ("DE") or subdivisions
	// ("GB-ENG"). A country includes its subdivisions.
	Members []string `json:"members,omitempty"`
}

// serves reports whether a resource for region r serves a client in region
// client.
func (c *Crisis) serves(r, client string) bool {
	if r == "" || licensedFor(r, client) {
		return true
	}
	for i := range c.Groups {
		g := &c.Groups[i]
		if g.Code != r {
			continue
		}
		for _, m := range g.Members {
			if licensedFor(m, client) {
				return true
			}
		}
	}
	return false
}

// For returns the resources that serve a client in region, in the listed
// order: those for the region itself, for its country, for a group holding
// either, and those that serve anywhere. For an empty region it returns
// only the resources that serve anywhere.
func (c Crisis) For(region string) []contact.Resource {
	var out []contact.Resource
	for _, r := range c.Resources {
		if region == "" && r.Region != "" {
			continue
		}
		if c.serves(r.Region, region) {
			out = append(out, r)
		}
	}
	return out
}

// Validate returns nil or a problem.List of every problem, with paths such
// as "resources[2].checked": a resource without an ID, name, contact or
// check date, an ID given twice, a region that is neither a region code
// nor a group.
func (c Crisis) Validate() error {
	var ps problem.List
	groups := make(map[string]bool, len(c.Groups))
	for i, g := range c.Groups {
		path := problem.Index("groups", i)
		switch {
		case !validRegion(g.Code):
			ps.Add(problem.Join(path, "code"), problem.Syntax, "%s is not a code such as \"EU\"", prose.Quote(g.Code))
		case groups[g.Code]:
			ps.Add(problem.Join(path, "code"), problem.Duplicate, "group %s is defined twice", prose.Quote(g.Code))
		}
		groups[g.Code] = true
		if len(g.Members) == 0 {
			ps.Add(problem.Join(path, "members"), problem.Required, "group %s has no members", prose.Quote(g.Code))
		}
		for j, m := range g.Members {
			if !validRegion(m) {
				ps.Add(problem.Index(problem.Join(path, "members"), j), problem.Syntax, "%s is not a region code such as \"DE\" or \"GB-ENG\"", prose.Quote(m))
			}
		}
	}
	ids := make(map[string]bool, len(c.Resources))
	for i, r := range c.Resources {
		path := problem.Index("resources", i)
		at := func(f string) string { return problem.Join(path, f) }
		switch {
		case r.ID == "":
			ps.Add(at("id"), problem.Required, "a resource needs an ID")
		case ids[r.ID]:
			ps.Add(at("id"), problem.Duplicate, "resource %s is listed twice", prose.Quote(r.ID))
		}
		ids[r.ID] = true
		if strings.TrimSpace(r.Name) == "" {
			ps.Add(at("name"), problem.Required, "a resource needs a name")
		}
		if strings.TrimSpace(r.Contact) == "" {
			ps.Add(at("contact"), problem.Required, "a resource needs a contact: a number or an address")
		}
		if r.Region != "" && !validRegion(r.Region) {
			ps.Add(at("region"), problem.Syntax, "%s is not a region code such as \"US\" or \"GB-ENG\"", prose.Quote(r.Region))
		}
		switch {
		case r.Checked.IsZero():
			ps.Add(at("checked"), problem.Required, "a resource needs the date its details were last checked")
		case !r.Checked.IsValid():
			ps.Add(at("checked"), problem.Invalid, "%s is not a valid date", r.Checked)
		}
	}
	return ps.Err()
}

// MarshalJSON encodes the crisis list as {"version", "groups", "resources"}.
func (c Crisis) MarshalJSON() ([]byte, error) {
	type plain Crisis
	return strictjson.Marshal(plain(c))
}

// UnmarshalJSON decodes a crisis list strictly.
func (c *Crisis) UnmarshalJSON(b []byte) error {
	type plain Crisis
	return strictjson.Unmarshal(b, (*plain)(c), strictjson.Limits{})
}

// CrisisExamples returns documented examples of crisis resources, checked
// against published descriptions of the services on 2026-11-24:
//
//   - United States: 911 for emergency services, and the 988 Suicide &
//     Crisis Lifeline (call or text 988, chat at 988lifeline.org), 24/7.
//   - European Union: 112, the single European emergency number, free in
//     every member state.
//   - United Kingdom: 999 for emergency services; NHS 111 for urgent
//     medical help that is not a 999 emergency, in England, Scotland and
//     Wales; Samaritans on 116 123, free, 24/7.
//   - Ireland: Samaritans on 116 123, free, 24/7 (and 112 as an EU
//     member state).
//
// They are examples, not a maintained list: a host should keep its own
// Crisis, check it regularly and set each resource's Checked date. Each
// call returns a fresh value.
func CrisisExamples() Crisis {
	checked := availability.Date{Year: 2026, Month: 11, Day: 24}
	res := func(id, name, phone, region, kind string) contact.Resource {
		return contact.Resource{ID: id, Name: name, Contact: phone, Region: region, Kind: kind, Hours: "24/7", Checked: checked}
	}
	return Crisis{
		Version: "2026-11-24",
		Groups: []RegionGroup{
			{Code: "EU", Name: "European Union member states", Members: []string{
				"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
				"IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
			}},
			{Code: "GB-GBN", Name: "Great Britain: England, Scotland and Wales", Members: []string{"GB-ENG", "GB-SCT", "GB-WLS"}},
		},
		Resources: []contact.Resource{
			res("us-911", "Emergency services", "911", "US", "emergency"),
			res("us-988", "988 Suicide & Crisis Lifeline", "call or text 988, chat at 988lifeline.org", "US", "crisis_line"),
			res("eu-112", "European emergency number", "112", "EU", "emergency"),
			res("gb-999", "Emergency services", "999", "GB", "emergency"),
			res("gb-nhs-111", "NHS 111, urgent medical help that is not a 999 emergency", "111", "GB-GBN", "urgent_care"),
			res("gb-samaritans", "Samaritans", "116 123", "GB", "crisis_line"),
			res("ie-samaritans", "Samaritans Ireland", "116 123", "IE", "crisis_line"),
		},
	}
}
