package ical

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
)

// collect runs All to its end and returns the occurrences and the error
// that ended it.
func collect(r Recur, start time.Time, opts ExpandOptions) ([]time.Time, error) {
	var out []time.Time
	for t, err := range r.All(start, opts) {
		if err != nil {
			return out, err
		}
		out = append(out, t)
	}
	return out, nil
}

// A rule with COUNT or UNTIL ends by itself: the horizon bounds only rules
// without either, and a finite rule expands to its end, centuries on.
func TestFiniteRulesIgnoreTheHorizon(t *testing.T) {
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		rule  string
		n     int
		last  string
		opts  ExpandOptions
		until time.Time // the end of the window asked of Between
	}{
		{rule: "FREQ=YEARLY;COUNT=12", n: 12, last: "2037-01-01T09:00:00Z"},
		{rule: "FREQ=YEARLY;UNTIL=20451231T000000Z", n: 20, last: "2045-01-01T09:00:00Z"},
		{rule: "FREQ=YEARLY;UNTIL=20451231", n: 20, last: "2045-01-01T09:00:00Z"},
		{rule: "FREQ=MONTHLY;INTERVAL=12;COUNT=400", n: 400, last: "2425-01-01T09:00:00Z"}, // past the 292 years a time.Duration spans
		{rule: "FREQ=YEARLY;COUNT=3", n: 3, last: "2028-01-01T09:00:00Z", opts: ExpandOptions{MaxHorizon: time.Hour}},
	} {
		t.Run(c.rule, func(t *testing.T) {
			r := MustParseRecur(c.rule)
			got, err := collect(r, start, c.opts)
			require.NoError(t, err)
			require.Len(t, got, c.n)
			require.Equal(t, c.last, got[len(got)-1].Format(time.RFC3339))

			between, err := r.Between(start, start, time.Date(2600, 1, 1, 0, 0, 0, 0, time.UTC), c.opts)
			require.NoError(t, err)
			require.Len(t, between, c.n)
			require.True(t, between[c.n-1].Equal(got[c.n-1]))

			ev := Recurrence{Start: DateTimeOf(start), Duration: Duration{Exact: time.Hour}, Rule: r}
			occ, err := ev.Occurrences(iv(start, time.Date(2600, 1, 1, 0, 0, 0, 0, time.UTC)), c.opts)
			require.NoError(t, err)
			require.Len(t, occ, c.n)
		})
	}

	// A rule without COUNT or UNTIL stops at the horizon, named as the
	// docs name it, in hours.
	_, err := collect(MustParseRecur("FREQ=YEARLY"), start, ExpandOptions{})
	var le *LimitError
	require.ErrorAs(t, err, &le)
	require.Equal(t, "horizon", le.Limit)
	require.Equal(t, int64(DefaultMaxHorizon/time.Hour), le.Max)
	require.ErrorContains(t, err, "more than 87840 hours")
	for _, err := range []error{
		func() error {
			_, err := MustParseRecur("FREQ=DAILY").Between(start, start, start.AddDate(11, 0, 0), ExpandOptions{})
			return err
		}(),
		func() error {
			_, err := Recurrence{Start: DateTimeOf(start), Rule: MustParseRecur("FREQ=DAILY")}.Occurrences(iv(start, start.AddDate(11, 0, 0)), ExpandOptions{})
			return err
		}(),
	} {
		require.ErrorAs(t, err, &le)
		require.Equal(t, "horizon", le.Limit)
		require.ErrorContains(t, err, "hours")
	}
}

// SkipUnmatchedStart leaves out a DTSTART the rule does not generate, as
// python-dateutil's rrule and rrule-go do; the expected values are theirs.
func TestSkipUnmatchedStart(t *testing.T) {
	ber := mustZone(t, "Europe/Berlin")
	for _, c := range []struct {
		rule, start string
		rfc, ported []string
	}{
		{ // DTSTART is a Tuesday; the rule gives Mondays
			rule: "FREQ=WEEKLY;BYDAY=MO;COUNT=3", start: "2026-01-06T09:00:00+01:00",
			rfc:    []string{"2026-01-06T09:00:00+01:00", "2026-01-12T09:00:00+01:00", "2026-01-19T09:00:00+01:00"},
			ported: []string{"2026-01-12T09:00:00+01:00", "2026-01-19T09:00:00+01:00", "2026-01-26T09:00:00+01:00"},
		},
		{
			rule: "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=2", start: "2026-01-20T10:30:00+01:00",
			rfc:    []string{"2026-01-20T10:30:00+01:00", "2026-02-15T10:30:00+01:00"},
			ported: []string{"2026-02-15T10:30:00+01:00", "2026-03-15T10:30:00+01:00"},
		},
		{
			rule: "FREQ=DAILY;BYHOUR=8,12;BYMINUTE=0;UNTIL=20260102T120000", start: "2026-01-01T10:00:00+01:00",
			rfc:    []string{"2026-01-01T10:00:00+01:00", "2026-01-01T12:00:00+01:00", "2026-01-02T08:00:00+01:00", "2026-01-02T12:00:00+01:00"},
			ported: []string{"2026-01-01T12:00:00+01:00", "2026-01-02T08:00:00+01:00", "2026-01-02T12:00:00+01:00"},
		},
		{ // a DTSTART the rule does generate is kept and counted either way
			rule: "FREQ=WEEKLY;BYDAY=MO,TU;COUNT=3", start: "2026-01-05T09:00:00+01:00",
			rfc:    []string{"2026-01-05T09:00:00+01:00", "2026-01-06T09:00:00+01:00", "2026-01-12T09:00:00+01:00"},
			ported: []string{"2026-01-05T09:00:00+01:00", "2026-01-06T09:00:00+01:00", "2026-01-12T09:00:00+01:00"},
		},
	} {
		t.Run(c.rule, func(t *testing.T) {
			r := MustParseRecur(c.rule)
			st, err := time.Parse(time.RFC3339, c.start)
			require.NoError(t, err)
			st = st.In(ber)
			for _, skip := range []bool{false, true} {
				want := c.rfc
				if skip {
					want = c.ported
				}
				opts := ExpandOptions{SkipUnmatchedStart: skip}
				got, err := collect(r, st, opts)
				require.NoError(t, err)
				requireInstants(t, want, got)
				got, err = r.Between(st, st, st.AddDate(1, 0, 0), opts)
				require.NoError(t, err)
				requireInstants(t, want, got)
				occ, err := Recurrence{Start: DateTimeOf(st), Rule: r}.Starts(iv(st, st.AddDate(1, 0, 0)), opts)
				require.NoError(t, err)
				requireInstants(t, want, occ)
			}
		})
	}
	// Without a rule, DTSTART is the one occurrence either way.
	st := time.Date(2026, 1, 6, 9, 0, 0, 0, ber)
	occ, err := Recurrence{Start: DateTimeOf(st)}.Starts(availability.Interval{Start: st, End: st.Add(time.Hour)}, ExpandOptions{SkipUnmatchedStart: true})
	require.NoError(t, err)
	require.Len(t, occ, 1)
}
