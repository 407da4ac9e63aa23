package referral

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
)

// A city is a centre around which generated providers and clients live.
type city struct {
	region string
	zone   string
	at     place.Point
}

var testCities = []city{
	{"US-NY", "America/New_York", place.Point{Lat: 40.71, Lon: -74.01}},
	{"US-CA", "America/Los_Angeles", place.Point{Lat: 34.05, Lon: -118.24}},
	{"US-IL", "America/Chicago", place.Point{Lat: 41.88, Lon: -87.63}},
	{"US-TX", "America/Chicago", place.Point{Lat: 29.76, Lon: -95.37}},
	{"US-AZ", "America/Phoenix", place.Point{Lat: 33.45, Lon: -112.07}},
	{"US-PA", "America/New_York", place.Point{Lat: 39.95, Lon: -75.17}},
	{"US-WA", "America/Los_Angeles", place.Point{Lat: 47.61, Lon: -122.33}},
	{"US-MA", "America/New_York", place.Point{Lat: 42.36, Lon: -71.06}},
	{"US-CO", "America/Denver", place.Point{Lat: 39.74, Lon: -104.99}},
	{"US-GA", "America/New_York", place.Point{Lat: 33.75, Lon: -84.39}},
}

var (
	testProfessions = []string{"coach", "psychotherapist", "counselor", "consultant", "trainer"}
	testLanguages   = []string{"es", "it", "fr", "de", "pt-BR", "pt-PT", "zh", "ko", "vi", "ar"}
	testAttributes  = []string{"woman", "man", "lgbtq-affirming", "bipoc", "faith-based"}
)

func testSpecialty(k int) string { return fmt.Sprintf("specialty-%02d", k) }
func testNetwork(k int) string   { return fmt.Sprintf("network-%02d", k) }

// pick returns k distinct elements of list, in list order.
func pick(r *rand.Rand, list []string, k int) []string {
	idx := r.Perm(len(list))[:k]
	out := make([]string, 0, k)
	for i, s := range list {
		for _, j := range idx {
			if i == j {
				out = append(out, s)
			}
		}
	}
	return out
}

// near returns a point about sd degrees around p.
func near(r *rand.Rand, p place.Point, sd float64) place.Point {
	return place.Point{Lat: p.Lat + r.NormFloat64()*sd, Lon: p.Lon + r.NormFloat64()*sd}
}

var testToday = availability.Date{Year: 2026, Month: time.November, Day: 24}

// genDirectory returns a directory of n generated providers.
func genDirectory(r *rand.Rand, n int) Directory {
	specialties := make([]string, 40)
	for k := range specialties {
		specialties[k] = testSpecialty(k)
	}
	networks := make([]string, 15)
	for k := range networks {
		networks[k] = testNetwork(k)
	}
	zones := map[string]*time.Location{}
	for _, c := range testCities {
		loc, err := time.LoadLocation(c.zone)
		if err != nil {
			panic(err)
		}
		zones[c.zone] = loc
	}
	d := Directory{Version: "test", Providers: make([]Provider, n)}
	for i := range d.Providers {
		c := testCities[r.IntN(len(testCities))]
		p := Provider{
			ID:          fmt.Sprintf("p%06d", i),
			Name:        fmt.Sprintf("Provider %d", i),
			Professions: pick(r, testProfessions, 1),
			Specialties: pick(r, specialties, 1+r.IntN(4)),
			Languages:   append([]string{"en"}, pick(r, testLanguages, r.IntN(3))...),
			Regions:     []string{c.region},
			Insurance:   pick(r, networks, r.IntN(4)),
		}
		if r.IntN(10) < 3 {
			p.Practice = fmt.Sprintf("practice-%d", r.IntN(max(1, n/5)))
		}
		if r.IntN(3) == 0 {
			p.Attributes = pick(r, testAttributes, 1)
		}
		switch k := r.IntN(10); {
		case k < 4:
			p.Modalities = place.Remote
		case k < 7:
			p.Modalities = place.InPerson
		default:
			p.Modalities = place.InPerson | place.Remote
		}
		if p.Modalities.Has(place.InPerson) || r.IntN(2) == 0 {
			at := near(r, c.at, 0.3)
			p.Location = &at
		}
		if r.IntN(2) == 0 {
			p.RadiusKm = float64(10 + r.IntN(70))
		}
		if r.IntN(10) == 0 {
			p.Regions = []string{"US"}
		}
		if r.IntN(10) < 8 {
			lo := int64(6000 + 500*r.IntN(30))
			p.Fees = &FeeRange{Min: money.New(lo, "USD"), Max: money.New(lo+int64(500*r.IntN(20)), "USD")}
		}
		p.SlidingScale = r.IntN(5) == 0
		p.Accepting = Fact[bool]{Value: r.IntN(10) < 8, Confirmed: testToday.AddDays(-r.IntN(200))}
		if r.IntN(20) == 0 {
			p.Accepting.Confirmed = availability.Date{}
		}
		if r.IntN(10) < 7 {
			p.Capacity = &Fact[int]{Value: r.IntN(6), Confirmed: testToday.AddDays(-r.IntN(150))}
		}
		if r.IntN(10) < 6 {
			p.Schedule = genSchedule(r, zones[c.zone])
		}
		if r.IntN(10) == 0 {
			p.Share = 2
		}
		if r.IntN(20) == 0 {
			p.Priority = 1
		}
		d.Providers[i] = p
	}
	return d
}

// genSchedule returns a weekly schedule, sometimes with a closure.
func genSchedule(r *rand.Rand, loc *time.Location) *availability.Schedule {
	s := &availability.Schedule{Zone: loc}
	switch r.IntN(3) {
	case 0:
		s.Hours = []availability.Window{{Days: availability.Workweek, Start: availability.ClockOf(9, 0), End: availability.ClockOf(17, 0)}}
	case 1:
		s.Hours = []availability.Window{{Days: availability.Workweek, Start: availability.ClockOf(12, 0), End: availability.ClockOf(20, 0)}}
	default:
		s.Hours = []availability.Window{
			{Days: availability.Days(time.Tuesday, time.Thursday), Start: availability.ClockOf(17, 0), End: availability.ClockOf(21, 0)},
			{Days: availability.Days(time.Saturday), Start: availability.ClockOf(9, 0), End: availability.ClockOf(13, 0)},
		}
	}
	if r.IntN(4) == 0 {
		s.Protected = []availability.Window{{Days: availability.Days(time.Wednesday), Start: availability.ClockOf(12, 0), End: availability.ClockOf(14, 0)}}
	}
	if r.IntN(20) == 0 {
		from := testToday.AddDays(r.IntN(10))
		s.Closures = []availability.Closure{{Label: "away", From: from, Through: from.AddDays(r.IntN(5))}}
	}
	return s
}

// genRequest returns a request for a client near one of the cities.
func genRequest(r *rand.Rand, d *Directory) Request {
	c := testCities[r.IntN(len(testCities))]
	var req Request
	for _, t := range pick(r, []string{testSpecialty(r.IntN(40)), testSpecialty(r.IntN(40)), testSpecialty(r.IntN(40))}, 1+r.IntN(3)) {
		if !containsNeed(req.Needs, t) {
			req.Needs = append(req.Needs, Need{Tag: t, Must: r.IntN(3) == 0})
		}
	}
	if r.IntN(2) == 0 {
		req.Language = []string{"en", "es", "it", "pt-BR", "pt", "de"}[r.IntN(6)]
	}
	if r.IntN(4) > 0 {
		at := near(r, c.at, 0.2)
		req.Location = &at
	}
	switch r.IntN(4) {
	case 0:
		req.Modalities = place.Remote
	case 1:
		if req.Location != nil {
			req.Modalities = place.InPerson
		}
	}
	if r.IntN(3) == 0 {
		req.WithinKm = float64(5 + r.IntN(60))
	}
	if r.IntN(2) == 0 {
		req.Region = c.region
	}
	if r.IntN(2) == 0 {
		req.Budget = money.New(int64(5000+500*r.IntN(30)), "USD")
	}
	if r.IntN(3) == 0 {
		req.Insurance = testNetwork(r.IntN(15))
	}
	if r.IntN(2) == 0 {
		loc, _ := time.LoadLocation(c.zone)
		req.Zone = loc
		req.Preferred = []availability.Window{{Days: availability.Workweek, Start: availability.ClockOf(17, 0), End: availability.ClockOf(20, 0)}}
	}
	if r.IntN(8) == 0 {
		req.Urgency = contact.Emergency
	}
	for range r.IntN(4) {
		if len(d.Providers) > 0 {
			req.Exclude = append(req.Exclude, d.Providers[r.IntN(len(d.Providers))].ID)
		}
	}
	return req
}

func containsNeed(ns []Need, tag string) bool {
	for _, n := range ns {
		if n.Tag == tag {
			return true
		}
	}
	return false
}

// genOptions returns routing options.
func genOptions(r *rand.Rand) Options {
	var o Options
	if r.IntN(2) == 0 {
		o.Hard = Constraint(r.IntN(int(constraintEnd)))
	}
	if r.IntN(3) == 0 {
		o.Weights = Weights{Needs: float64(r.IntN(4)), Language: float64(r.IntN(3)), Distance: float64(r.IntN(3)), Fee: float64(r.IntN(3)), Insurance: float64(r.IntN(3)), Times: float64(r.IntN(3))}
	}
	o.Limit = r.IntN(15)
	if r.IntN(2) == 0 {
		o.Tolerance = []float64{0.01, 0.1, 0.2}[r.IntN(3)]
	}
	if r.IntN(3) == 0 {
		o.MaxPerPractice = 1 + r.IntN(2)
	}
	o.Stale.Action = []StaleAction{"", StalePenalize, StaleDrop, StaleIgnore}[r.IntN(4)]
	if r.IntN(2) == 0 {
		o.Crisis = CrisisExamples()
	}
	o.Record = []RecordMode{"", RecordAll, RecordNone}[r.IntN(3)]
	return o
}

// testNow is the instant tests route at: Tuesday 24 November 2026, 10:00 UTC.
var testNow = time.Date(2026, time.November, 24, 10, 0, 0, 0, time.UTC)
