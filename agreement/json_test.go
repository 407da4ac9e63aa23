package agreement_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement"
	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/jsontest"
)

// TestAgreementJSONOmitsZeroValues: what the package writes is what a
// person would write: no empty clauses, no zero durations, counts or
// amounts, and durations as text.
func TestAgreementJSONOmitsZeroValues(t *testing.T) {
	a := agreement.Agreement{
		ID: "small", Version: 1,
		Parties:      []agreement.Party{{Role: agreement.RoleProvider, Name: "P"}, {Role: agreement.RoleClient, Name: "C"}},
		Sessions:     agreement.Sessions{Length: 50 * time.Minute},
		Fees:         agreement.Fees{Session: usd("USD 120.00")},
		Cancellation: agreement.Cancellation{Tiers: []agreement.Tier{{Before: 24 * time.Hour, Share: 10000}}},
		Obligations: agreement.Obligations{Ladder: agreement.Ladder{
			{Consequence: agreement.ConsequenceNote},
			{Consequence: agreement.ConsequenceFee, Fee: usd("USD 30.00")},
		}},
		Termination: agreement.Termination{Notice: agreement.Notice{Provider: 14 * 24 * time.Hour}},
	}
	b, err := json.Marshal(a)
	require.NoError(t, err)
	require.Equal(t, `{"id":"small","version":1,`+
		`"parties":[{"role":"provider","name":"P"},{"role":"client","name":"C"}],`+
		`"sessions":{"length":"50m"},`+
		`"fees":{"session":"USD 120.00"},`+
		`"cancellation":{"tiers":[{"before":"1d","share":10000}]},`+
		`"termination":{"notice":{"provider":"14d"}},`+
		`"obligations":{"ladder":[{"consequence":"note"},{"consequence":"fee","fee":"USD 30.00"}]}}`, string(b))

	// A zero amount of a currency is an amount, and is written.
	a.Fees.Deposit = money.Zero("USD")
	b, err = json.Marshal(a.Fees)
	require.NoError(t, err)
	require.JSONEq(t, `{"session":"USD 120.00","deposit":"USD 0.00"}`, string(b))

	b, err = json.Marshal(agreement.Agreement{})
	require.NoError(t, err)
	require.Equal(t, `{}`, string(b))
}

// TestAgreementJSONDecodedRoundTrip: an agreement decoded from what a
// person wrote, zero values and empty lists included, encodes and decodes
// back to an equal value.
func TestAgreementJSONDecodedRoundTrip(t *testing.T) {
	inputs := []string{
		`{}`,
		`{"id":"x","version":1,"parties":[],"scope":{"in":[]},"fees":{"session":"","deposit":"USD 0.00"}}`,
		`{"sessions":{"length":"0s","modalities":"video"},"lateness":{"grace":"0m","ends_on_time":false}}`,
		`{"cancellation":{"tiers":[{"before":"0s","share":0}],"limit":{"count":0,"within":"2w"}}}`,
		`{"boundaries":[{"kind":"gifts","text":"t","ladder":[{},{"consequence":"fee","fee":""}]}],"obligations":{"ladder":null}}`,
		`{"fees":{"sliding_scale":{}},"wait":{"provider":{}},"termination":{"notice":{"client":"1.5h"}}}`,
	}
	files, err := filepath.Glob("../examples/stories/data/*/agreement.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		inputs = append(inputs, string(b))
	}
	for _, a := range []agreement.Agreement{therapyTerms(), consultingTerms(), coachingTerms()} {
		b, err := json.Marshal(a)
		require.NoError(t, err)
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		var first agreement.Agreement
		require.NoError(t, json.Unmarshal([]byte(in), &first), in)
		b, err := json.Marshal(first)
		require.NoError(t, err, in)
		var second agreement.Agreement
		require.NoError(t, json.Unmarshal(b, &second), string(b))
		require.Equal(t, first, second, "%s\n%s", in, b)
		again, err := json.Marshal(second)
		require.NoError(t, err)
		require.Equal(t, string(b), string(again))
	}
}

// TestAgreementJSONErrors: decoding errors are one problem with a path, a
// code and the cause. (encoding/json checks the syntax itself before it
// calls UnmarshalJSON, so the cases call it directly.)
func TestAgreementJSONErrors(t *testing.T) {
	cases := []struct {
		in, path string
		code     problem.Code
		cause    error
	}{
		{`{"cancellation":{"tiers":[{"before":"1d"},{"befor":"2d"}]}}`, "cancellation.tiers[1].befor", problem.Unknown, nil},
		{`{"boundaries":[{"kind":"romantic","severity":"extreme"}]}`, "boundaries[0].severity", problem.Invalid, agreement.ErrSeverity},
		{`{"obligations":{"ladder":[{"consequence":"scolding"}]}}`, "obligations.ladder[0].consequence", problem.Invalid, agreement.ErrConsequence},
		{`{"fees":{"session":"USD 1.0"}}`, "fees.session", problem.Invalid, money.ErrParse},
		{`{"lateness":{"grace":"10 minutes"}}`, "lateness.grace", problem.Invalid, nil},
		{`{"version":"1"}`, "version", problem.Mismatch, nil},
		{`{"id":"a","id":"b"}`, "id", problem.Duplicate, nil},
		{`{"parties":[`, "parties", problem.Syntax, nil},
	}
	for _, c := range cases {
		var a agreement.Agreement
		err := a.UnmarshalJSON([]byte(c.in))
		require.ErrorIs(t, err, problem.ErrInvalid, c.in)
		var ps problem.List
		require.True(t, errors.As(err, &ps), c.in)
		require.Len(t, ps, 1, c.in)
		require.Equal(t, c.path, ps[0].Path, c.in)
		require.Equal(t, c.code, ps[0].Code, "%s: %v", c.in, err)
		if c.cause != nil {
			require.ErrorIs(t, err, c.cause, c.in)
		}
	}
}

// TestJSONEncodingDecodesWithinLimits: what decodes encodes, and its
// encoding decodes too, however near the decoder's limit of 100,000
// elements the input was: zero values are left out, so the encoding has
// no more elements than the input. Writing them, 34,000 boundaries that
// give only their kind (68,001 elements) encoded to 102,001 elements, which
// no longer decoded.
func TestJSONEncodingDecodesWithinLimits(t *testing.T) {
	list := func(prefix, elem, suffix string, n int) []byte {
		return []byte(prefix + strings.TrimSuffix(strings.Repeat(elem+",", n), ",") + suffix)
	}
	cases := []struct {
		name  string
		in    []byte
		model func() any
	}{
		{"boundaries of one kind", list(`{"boundaries":[`, `{"kind":"romantic"}`, `]}`, 34_000), func() any { return new(agreement.Agreement) }},
		{"empty boundaries", list(`{"boundaries":[`, `{}`, `]}`, 40_000), func() any { return new(agreement.Agreement) }},
		{"empty tiers", list(`{"cancellation":{"tiers":[`, `{}`, `]}}`, 40_000), func() any { return new(agreement.Agreement) }},
		{"empty packages", list(`{"fees":{"packages":[`, `{}`, `]}}`, 40_000), func() any { return new(agreement.Agreement) }},
		{"empty obligations", list(`{"obligations":{"client":[`, `{}`, `]}}`, 40_000), func() any { return new(agreement.Agreement) }},
		{"empty grounds", list(`{"termination":{"grounds":[`, `{}`, `]}}`, 40_000), func() any { return new(agreement.Agreement) }},
		{"empty parties", list(`{"parties":[`, `{}`, `]}`, 40_000), func() any { return new(agreement.Agreement) }},
		{"empty charges", list(`{"charges":[`, `{}`, `]}`, 40_000), func() any { return new(agreement.Outcome) }},
		{"empty breaches", list(`{"breaches":[`, `{}`, `]}`, 40_000), func() any { return new(agreement.Outcome) }},
		{"empty actions and reasons", list(`{"actions":[`, `{}`, `],"reasons":[`+strings.Repeat(`{},`, 20_000)+`{}]}`, 20_000), func() any { return new(agreement.Outcome) }},
		{"empty standing reasons", list(`{"reasons":[`, `{}`, `]}`, 40_000), func() any { return new(agreement.Standing) }},
	}
	for _, c := range cases {
		v := c.model()
		require.NoError(t, json.Unmarshal(c.in, v), c.name)
		b, err := json.Marshal(v)
		require.NoError(t, err, c.name)
		require.LessOrEqual(t, jsontest.Elements(b), jsontest.Elements(c.in), c.name)
		require.NoError(t, json.Unmarshal(b, c.model()), c.name)
	}
}
