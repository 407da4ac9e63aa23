package availability

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/jsontest"
)

// TestDateArithmetic holds day counts, weekdays and day arithmetic to the
// time package across the proleptic Gregorian calendar, years before 1
// included: they are the local dates of instants before 0001-01-01.
func TestDateArithmetic(t *testing.T) {
	epoch := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	for y := -1201; y <= 10401; y++ {
		for m := time.January; m <= time.December; m++ {
			for _, day := range []int{1, 15, DaysIn(y, m)} {
				d := Date{y, m, day}
				std := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
				n := int((std.Unix() - epoch) / 86400)
				if got := d.days(); got != n {
					t.Fatalf("%s: days() = %d, want %d", d, got, n)
				}
				if got := dateFromDays(n); got != d {
					t.Fatalf("dateFromDays(%d) = %s, want %s", n, got, d)
				}
				if got := d.Weekday(); got != std.Weekday() {
					t.Fatalf("%s: Weekday() = %s, want %s", d, got, std.Weekday())
				}
				for _, k := range []int{-146097, -366, -29, -1, 1, 13, 400} {
					want := DateOf(std.AddDate(0, 0, k))
					if got := d.AddDays(k); got != want {
						t.Fatalf("%s.AddDays(%d) = %s, want %s", d, k, got, want)
					}
					if got := d.DaysUntil(want); got != k {
						t.Fatalf("%s.DaysUntil(%s) = %d, want %d", d, want, got, k)
					}
				}
			}
		}
	}
}

func TestDateCompare(t *testing.T) {
	dates := []Date{{-1, 12, 31}, {0, 1, 1}, {2026, 2, 28}, {2026, 3, 1}, {2026, 3, 2}, {2027, 1, 1}}
	for i, a := range dates {
		for j, b := range dates {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got := a.Compare(b); got != want {
				t.Errorf("%s.Compare(%s) = %d, want %d", a, b, got, want)
			}
			if a.Before(b) != (want < 0) || a.After(b) != (want > 0) {
				t.Errorf("%s.Before/After(%s) disagree with Compare", a, b)
			}
		}
	}
}

// TestDateZeroText checks that the zero Date, which a model decoded without
// a date it needs holds, encodes as "" and decodes back, while other invalid
// dates do not encode.
func TestDateZeroText(t *testing.T) {
	b, err := Date{}.MarshalText()
	require.NoError(t, err)
	require.Empty(t, b)
	d := MustParseDate("2026-11-24")
	require.NoError(t, d.UnmarshalText(nil))
	require.True(t, d.IsZero())
	_, err = Date{2026, 2, 30}.MarshalText()
	require.ErrorIs(t, err, ErrDate)
	_, err = ParseDate("")
	require.ErrorIs(t, err, ErrDate)

	var s Schedule
	require.NoError(t, json.Unmarshal([]byte(`{"zone":"UTC","overrides":[{"closed":true}]}`), &s))
	encoded, _ := jsontest.Reencodes(t, s)
	require.Equal(t, `{"zone":"UTC","overrides":[{"date":"","closed":true}]}`, string(encoded))
	require.Equal(t, []pathCode{{"overrides[0].date", problem.Required}}, pathCodes(t, s.Validate()))
}
