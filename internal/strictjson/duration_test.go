package strictjson

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestFormatDuration(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0s"},
		{50 * time.Minute, "50m"},
		{90 * time.Minute, "1h30m"},
		{24 * time.Hour, "1d"},
		{14 * 24 * time.Hour, "14d"},
		{36 * time.Hour, "36h"},
		{80 * time.Hour, "80h"},
		{7 * 24 * time.Hour, "7d"},
		{90 * time.Second, "1m30s"},
		{1500 * time.Millisecond, "1s500ms"},
		{time.Nanosecond, "1ns"},
		{1001 * time.Microsecond, "1ms1us"},
		{-15 * time.Minute, "-15m"},
		{math.MaxInt64, "2562047h47m16s854ms775us807ns"},
		{math.MinInt64, "-2562047h47m16s854ms775us808ns"},
	} {
		require.Equal(t, c.want, FormatDuration(c.d), "%d", int64(c.d))
		got, err := ParseDuration(c.want)
		require.NoError(t, err, c.want)
		require.Equal(t, c.d, got, c.want)
	}
}

func TestParseDuration(t *testing.T) {
	for _, c := range []struct {
		s    string
		want time.Duration
	}{
		{"0", 0},
		{"-0", 0},
		{"50m0s", 50 * time.Minute},
		{"1.5h", 90 * time.Minute},
		{"2w", 14 * 24 * time.Hour},
		{"1w2d", 9 * 24 * time.Hour},
		{"+3h", 3 * time.Hour},
		{"30m1h", 90 * time.Minute},
		{"1µs", time.Microsecond},
		{".5s", 500 * time.Millisecond},
		{"0.000000001s", time.Nanosecond},
		{"1.0000000019s", time.Second + time.Nanosecond},
	} {
		got, err := ParseDuration(c.s)
		require.NoError(t, err, c.s)
		require.Equal(t, c.want, got, c.s)
	}
	for _, s := range []string{"", "-", "50", "m", "5 minutes", "1y", "1.h2", "1..5h", "106752d", "999999999999999999999h", "-106751d23h47m16s854ms775us809ns", "1e3s"} {
		_, err := ParseDuration(s)
		require.ErrorIs(t, err, ErrDuration, s)
	}
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"50m", "1h30m", "14d", "2w", "1.5h", "-15m", "0", "1s500ms", "106751d23h47m16s854ms775us807ns"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			return
		}
		// What parses formats to a text that parses to the same duration.
		back, err := ParseDuration(FormatDuration(d))
		if err != nil || back != d {
			t.Fatalf("%q → %d → %q → %d, %v", s, d, FormatDuration(d), back, err)
		}
		// Go's own duration text means the same here.
		if want, err := time.ParseDuration(s); err == nil && want != d {
			t.Fatalf("%q: %d here, %d in package time", s, d, want)
		}
	})
}
