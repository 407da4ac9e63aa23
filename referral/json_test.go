package referral

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability/contact"
	"github.com/practicekit/boundaries/availability/place"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/jsontest"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// roundTrip encodes v, decodes the result into a new value and encodes it
// again, and returns both encodings.
func roundTrip[T any](t *testing.T, v T) (string, string) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(b, &back))
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	return string(b), string(b2)
}

func scheduledDirectory(t *testing.T) Directory {
	t.Helper()
	la, err := time.LoadLocation("America/Los_Angeles")
	require.NoError(t, err)
	d := storyDirectory()
	d.Providers[1].Schedule = &availability.Schedule{Zone: la,
		Hours:     []availability.Window{{Days: availability.Workweek, Start: availability.ClockOf(9, 0), End: availability.ClockOf(17, 0)}},
		Protected: []availability.Window{{Days: availability.Days(time.Wednesday), Start: availability.ClockOf(12, 0), End: availability.ClockOf(13, 0)}},
		Closures:  []availability.Closure{{Label: "holiday", From: date("2026-12-24"), Through: date("2026-12-26")}},
	}
	d.Providers[1].Practice = "northwest"
	d.Providers[1].Attributes = []string{"lgbtq-affirming"}
	d.Providers[1].Insurance = []string{"aetna"}
	d.Providers[1].SlidingScale = true
	d.Providers[1].Share = 2
	d.Providers[1].Priority = -1
	d.Providers[2].Accepting = Fact[bool]{}
	return d
}

func TestDirectoryJSON(t *testing.T) {
	d := scheduledDirectory(t)
	first, second := roundTrip(t, d)
	require.Equal(t, first, second)
	require.Contains(t, first, `"id":"ben","name":"Ben Okafor","practice":"northwest","professions":["coach"],"specialties":["life_coaching","holistic"],"attributes":["lgbtq-affirming"],"modalities":"remote","languages":["en"],"regions":["US-OR","US-WA"],"fees":{"min":"USD 80.00","max":"USD 120.00"},"sliding_scale":true,"insurance":["aetna"],"accepting":{"value":true,"confirmed":"2026-11-10"},"capacity":{"value":2,"confirmed":"2026-11-20"},"schedule":{"zone":"America/Los_Angeles"`)
	require.Contains(t, first, `"radius_km":40,"regions":["US-OR"]},`)   // not accepting, never confirmed: left out
	require.Contains(t, first, `"accepting":{"confirmed":"2026-11-01"}`) // not accepting, confirmed
	require.Contains(t, first, `"location":{"lat":45.5152,"lon":-122.6784}`)

	var back Directory
	require.NoError(t, json.Unmarshal([]byte(first), &back))
	require.NoError(t, back.Validate())
	require.Equal(t, "America/Los_Angeles", back.Providers[1].Schedule.Zone.String())
	require.Equal(t, d.Providers[0].Fees, back.Providers[0].Fees)
	require.Equal(t, d.Providers[1].Capacity, back.Providers[1].Capacity)
}

func TestDirectoryJSONErrors(t *testing.T) {
	tests := []struct {
		in, path string
		code     problem.Code
		is       error
	}{
		{`{"providers":[{"id":"a","name":"A","modalities":"remote","accepting":{"value":true},"fee":{}}]}`, "providers[0].fee", problem.Unknown, nil},
		{`{"providers":[{"id":"a"},{"id":"b","fees":{"min":"XYZ 10.00","max":"USD 10.00"}}]}`, "providers[1].fees.min", problem.Invalid, money.ErrCurrency},
		{`{"providers":[{"id":"a","modalities":"chat"}]}`, "providers[0].modalities", problem.Invalid, place.ErrModality},
		{`{"providers":[{"id":"a","accepting":{"value":true,"confirmed":"2026-02-30"}}]}`, "providers[0].accepting.confirmed", problem.Invalid, availability.ErrDate},
		{`{"providers":[{"id":"a","schedule":{"zone":"Mars/Olympus"}}]}`, "providers[0].schedule.zone", problem.Invalid, availability.ErrZone},
		{`{"providers":[{"id":"a","capacity":{"value":1.5}}]}`, "providers[0].capacity.value", problem.Mismatch, nil},
		{`{"providers":[{"id":"a","languages":["en", 3]}]}`, "providers[0].languages[1]", problem.Mismatch, nil},
		{`{"providers":[{"id":"a","id":"b"}]}`, "providers[0].id", problem.Duplicate, nil},
		{`{"providers":[`, "providers", problem.Syntax, nil},
	}
	for _, tc := range tests {
		var d Directory
		err := d.UnmarshalJSON([]byte(tc.in))
		require.Error(t, err, tc.in)
		var ps problem.List
		require.True(t, errors.As(err, &ps), "%s: %v", tc.in, err)
		require.Len(t, ps, 1, tc.in)
		require.Equal(t, tc.path, ps[0].Path, tc.in)
		require.Equal(t, tc.code, ps[0].Code, tc.in)
		if tc.is != nil {
			require.ErrorIs(t, err, tc.is, tc.in)
		}
	}
}

func TestRequestJSON(t *testing.T) {
	rome, err := time.LoadLocation("Europe/Rome")
	require.NoError(t, err)
	budget := usd("120.00")
	req := Request{
		Needs: []Need{{Tag: "life_coaching", Must: true}, {Tag: "holistic"}}, Language: "it", Modalities: place.InPerson | place.Remote,
		Location: new(prospect), WithinKm: 40, Region: "US-OR", Budget: budget, Insurance: "aetna",
		Preferred: []availability.Window{{Days: availability.Workweek, Start: availability.ClockOf(18, 0), End: availability.ClockOf(20, 0)}},
		Zone:      rome, Urgency: contact.Urgent, Exclude: []string{"ana"},
	}
	first, second := roundTrip(t, req)
	require.Equal(t, first, second)
	require.Equal(t, `{"needs":[{"tag":"life_coaching","must":true},{"tag":"holistic"}],"language":"it","modalities":"in_person,remote","location":{"lat":45.5229,"lon":-123.1107},"within_km":40,"region":"US-OR","budget":"USD 120.00","insurance":"aetna","preferred":[{"days":"mon-fri","start":"18:00","end":"20:00"}],"zone":"Europe/Rome","urgency":"urgent","exclude":["ana"]}`, first)

	zero, _ := roundTrip(t, Request{})
	require.Equal(t, `{}`, zero)

	var r Request
	err = json.Unmarshal([]byte(`{"zone":"Nowhere/City"}`), &r)
	var ps problem.List
	require.True(t, errors.As(err, &ps))
	require.Equal(t, "zone", ps[0].Path)
	require.ErrorIs(t, err, strictjson.ErrZone)
	err = json.Unmarshal([]byte(`{"urgency":"soon"}`), &r)
	require.ErrorIs(t, err, contact.ErrUrgency)
}

func TestOptionsCrisisHandoffJSON(t *testing.T) {
	o := Options{Hard: ConstraintNeeds | ConstraintBudget, Weights: Weights{Needs: 2, Fee: 1}, Limit: 5, Tolerance: 0.1,
		MaxPerPractice: 1, WithinKm: 30, Stale: Staleness{AfterDays: 60, Action: StaleDrop, Penalty: 0.3},
		Immediate: 2 * time.Hour, Crisis: CrisisExamples(), Record: RecordAll}
	first, second := roundTrip(t, o)
	require.Equal(t, first, second)
	require.Contains(t, first, `{"hard":"needs,budget","weights":{"needs":2,"fee":1},"limit":5,"tolerance":0.1,"max_per_practice":1,"within_km":30,"stale":{"after_days":60,"action":"drop","penalty":0.3},"immediate":"2h","crisis":{"version":"2026-11-24","groups":[{"code":"EU"`)
	var back Options
	require.NoError(t, json.Unmarshal([]byte(first), &back))
	require.Equal(t, o, back)

	c := CrisisExamples()
	first, second = roundTrip(t, c)
	require.Equal(t, first, second)
	require.Contains(t, first, `{"id":"us-988","name":"988 Suicide \u0026 Crisis Lifeline","contact":"call or text 988, chat at 988lifeline.org","region":"US","kind":"crisis_line","hours":"24/7","checked":"2026-11-24"}`)

	h := Handoff{From: "Ana", To: "Ben", Date: testToday, Contact: Contact{Name: "Sam"}, Needs: []string{"holistic"}, Consent: Consent{Contact: true}}
	first, second = roundTrip(t, h)
	require.Equal(t, first, second)
	require.Equal(t, `{"from":"Ana","to":"Ben","date":"2026-11-24","contact":{"name":"Sam"},"needs":["holistic"],"consent":{"contact":true}}`, first)
}

func TestConstraintText(t *testing.T) {
	require.Equal(t, "needs,language,reach,region,accepting", DefaultHard.String())
	c, err := ParseConstraint("insurance,needs")
	require.NoError(t, err)
	require.Equal(t, ConstraintNeeds|ConstraintInsurance, c)
	_, err = ParseConstraint("needs,price")
	require.ErrorIs(t, err, ErrConstraint)
	require.Equal(t, "needs,Constraint(256)", (ConstraintNeeds | 1<<8).String())
	_, err = (Constraint(1 << 8)).MarshalText()
	require.ErrorIs(t, err, ErrConstraint)

	for f := range factorCount {
		b, err := f.MarshalText()
		require.NoError(t, err)
		var g Factor
		require.NoError(t, g.UnmarshalText(b))
		require.Equal(t, f, g)
	}
}

// TestJSONLeavesOutWhatIsNotSet holds the encodings to what a person would
// write: no zero numbers, false flags, empty amounts or empty objects for
// parts that are not set, and durations as "1d12h" or "2d".
func TestJSONLeavesOutWhatIsNotSet(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"zero options", Options{}, `{}`},
		{"options", Options{Limit: 3, Immediate: 36 * time.Hour, Stale: Staleness{Action: StaleDrop}}, `{"limit":3,"stale":{"action":"drop"},"immediate":"36h"}`},
		{"long immediate", Options{Immediate: 48 * time.Hour}, `{"immediate":"2d"}`},
		{"zero request", Request{}, `{}`},
		{"routine request", Request{Urgency: contact.Routine, Needs: []Need{{Tag: "grief"}}}, `{"needs":[{"tag":"grief"}]}`},
		{"plain provider", Provider{ID: "a", Name: "A", Modalities: place.Remote, Fees: &FeeRange{Min: usd("80.00"), Max: usd("80.00")}},
			`{"id":"a","name":"A","modalities":"remote","fees":{"min":"USD 80.00","max":"USD 80.00"}}`},
		{"fact", Fact[int]{Value: 0}, `{}`},
		{"dated fact", Fact[int]{Value: 3, Confirmed: testToday}, `{"value":3,"confirmed":"2026-11-24"}`},
		{"handoff without contact", Handoff{From: "Ana", To: "Ben", Date: testToday}, `{"from":"Ana","to":"Ben","date":"2026-11-24"}`},
		{"zero rotation", Rotation{}, `{}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.v)
			require.NoError(t, err)
			require.Equal(t, tc.want, string(b))
		})
	}
}

// TestJSONReadsReadableDurations decodes the duration forms people write.
func TestJSONReadsReadableDurations(t *testing.T) {
	for in, want := range map[string]time.Duration{
		`"90m"`: 90 * time.Minute, `"1h30m"`: 90 * time.Minute, `"2d"`: 48 * time.Hour, `"1w"`: 7 * 24 * time.Hour, `"24h0m0s"`: 24 * time.Hour,
	} {
		var o Options
		require.NoError(t, json.Unmarshal([]byte(`{"immediate":`+in+`}`), &o), in)
		require.Equal(t, want, o.Immediate, in)
	}
	var o Options
	err := json.Unmarshal([]byte(`{"immediate":"soon"}`), &o)
	var ps problem.List
	require.True(t, errors.As(err, &ps))
	require.Equal(t, "immediate", ps[0].Path)
	require.Equal(t, problem.Invalid, ps[0].Code)
}

// TestFeeRangeJSON decodes fee ranges as written, and what validation says
// of ends that are missing, in two currencies or out of order.
func TestFeeRangeJSON(t *testing.T) {
	tests := []struct {
		fees string
		want [][2]string
	}{
		{`{"min":"USD 80.00","max":"USD 120.00"}`, nil},
		{`{"min":"USD 80.00","max":"USD 80.00"}`, nil},
		{`{"min":"USD 0.00","max":"USD 0.00"}`, nil},
		{`{"min":"USD 80.00"}`, [][2]string{{"providers[0].fees.max", "required"}}},
		{`{}`, [][2]string{{"providers[0].fees.min", "required"}, {"providers[0].fees.max", "required"}}},
		{`{"min":"USD 80.01","max":"USD 80.00"}`, [][2]string{{"providers[0].fees", "order"}}},
		{`{"min":"JPY 8000","max":"USD 80.00"}`, [][2]string{{"providers[0].fees", "mismatch"}}},
		{`{"min":"USD -1.00","max":"USD -2.00"}`, [][2]string{{"providers[0].fees.min", "negative"}, {"providers[0].fees.max", "negative"}}},
	}
	for _, tc := range tests {
		var d Directory
		require.NoError(t, json.Unmarshal([]byte(`{"providers":[{"id":"a","name":"A","modalities":"remote","accepting":{"value":true},"fees":`+tc.fees+`}]}`), &d), tc.fees)
		require.Equal(t, tc.want, problemsOf(t, d.Validate()), tc.fees)
		if tc.want == nil {
			b, err := json.Marshal(d.Providers[0].Fees)
			require.NoError(t, err)
			require.Equal(t, tc.fees, string(b))
		}
	}
}

// TestJSONEncodingDecodesWithinLimits: what decodes encodes, and its
// encoding decodes too, however near the decoder's limits the input was:
// zero values are left out, so the encoding has no more elements than
// the input. Writing them, 50,000 needs without a tag (50,001 elements)
// encoded to 100,001 elements, past a request's limit.
func TestJSONEncodingDecodesWithinLimits(t *testing.T) {
	list := func(prefix, elem, suffix string, n int) []byte {
		return []byte(prefix + strings.TrimSuffix(strings.Repeat(elem+",", n), ",") + suffix)
	}
	cases := []struct {
		name  string
		in    []byte
		model func() any
	}{
		{"needs without tags", list(`{"needs":[`, `{}`, `]}`, 50_000), func() any { return new(Request) }},
		{"empty region groups", list(`{"groups":[`, `{}`, `]}`, 40_000), func() any { return new(Crisis) }},
		{"empty region groups in options", list(`{"crisis":{"groups":[`, `{}`, `]}}`, 40_000), func() any { return new(Options) }},
		{"empty providers", list(`{"providers":[`, `{}`, `]}`, 40_000), func() any { return new(Directory) }},
		{"providers not accepting", list(`{"providers":[`, `{"accepting":{}}`, `]}`, 40_000), func() any { return new(Directory) }},
		{"uses with only an ID", list(`{"uses":[`, `{"id":"a"}`, `]}`, 1), func() any { return new(Rotation) }},
		{"an empty handoff", []byte(`{}`), func() any { return new(Handoff) }},
		{"an empty result", []byte(`{"matches":[{"reasons":[{}]}],"counts":[{"constraint":"needs"}],"rotation":{}}`), func() any { return new(Result) }},
	}
	for _, c := range cases {
		v := c.model()
		require.NoError(t, json.Unmarshal(c.in, v), c.name)
		b, err := json.Marshal(v)
		require.NoError(t, err, c.name)
		require.LessOrEqual(t, jsontest.Elements(b), jsontest.Elements(c.in), "%s: %.200s", c.name, b)
		require.NoError(t, json.Unmarshal(b, c.model()), c.name)
	}
}

// TestJSONKeepsWhatIsGiven: a pointer given as an empty object stays given
// through a round trip, so that validation says the same of it: fees
// without their ends are invalid, and a capacity of zero is tracked.
func TestJSONKeepsWhatIsGiven(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want [][2]string
	}{
		{`{"providers":[{"id":"a","name":"A","modalities":"remote","fees":{}}]}`, [][2]string{{"providers[0].fees.min", "required"}, {"providers[0].fees.max", "required"}}},
		{`{"providers":[{"id":"a","name":"A","modalities":"remote","capacity":{}}]}`, nil},
	} {
		var d Directory
		require.NoError(t, json.Unmarshal([]byte(tc.in), &d), tc.in)
		b, err := json.Marshal(d)
		require.NoError(t, err)
		require.Equal(t, tc.in, string(b))
		var back Directory
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, tc.want, problemsOf(t, back.Validate()), tc.in)
		require.Equal(t, d.Providers[0].Capacity != nil, back.Providers[0].Capacity != nil, tc.in)
	}
}
