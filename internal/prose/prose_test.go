package prose

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestDuration(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0 minutes"},
		{time.Minute, "1 minute"},
		{15 * time.Minute, "15 minutes"},
		{90 * time.Minute, "1 hour 30 minutes"},
		{24 * time.Hour, "24 hours"},
		{36 * time.Hour, "36 hours"},
		{48 * time.Hour, "2 days"},
		{14*24*time.Hour + 12*time.Hour, "14 days 12 hours"},
		{14 * 24 * time.Hour, "14 days"},
		{73 * time.Hour, "3 days 1 hour"},
		{45 * time.Second, "45 seconds"},
		{61 * time.Second, "1 minute 1 second"},
		{-15 * time.Minute, "-15 minutes"},
		{1500 * time.Millisecond, "1.5s"},
		{math.MinInt64, time.Duration(math.MinInt64).String()},
	} {
		require.Equal(t, c.want, Duration(c.d), "%d", int64(c.d))
	}
	require.Zero(t, testing.AllocsPerRun(100, func() {
		var buf [48]byte
		AppendDuration(buf[:0], 90*time.Minute)
	}))
}

func TestHours(t *testing.T) {
	require.Equal(t, "80 hours", Hours(80*time.Hour))
	require.Equal(t, "1 hour 30 minutes", Hours(90*time.Minute))
	require.Equal(t, "0 minutes", Hours(0))
	require.Equal(t, "336 hours", Hours(14*24*time.Hour))
}

func TestCount(t *testing.T) {
	require.Equal(t, "1 session", Count(1, "session", "sessions"))
	require.Equal(t, "0 sessions", Count(0, "session", "sessions"))
	require.Equal(t, "3 providers are", Count(3, "provider is", "providers are"))
}

func TestBasisPoints(t *testing.T) {
	for bp, want := range map[int64]string{10000: "100%", 2550: "25.5%", 5: "0.05%", 0: "0%", -2500: "-25%", 1234: "12.34%", math.MinInt64: "-92233720368547758.08%"} {
		require.Equal(t, want, BasisPoints(bp))
	}
}

func TestRatio(t *testing.T) {
	require.Equal(t, "40%", Ratio(0.4))
	require.Equal(t, "12.5%", Ratio(0.125))
	require.Equal(t, "0%", Ratio(0))
}

func TestQuote(t *testing.T) {
	require.Equal(t, `"mon-fri"`, Quote("mon-fri"))
	long := strings.Repeat("é", 100)
	q := Quote(long)
	require.True(t, strings.HasSuffix(q, `"…`))
	require.Less(t, len(q), 80)
	require.Equal(t, `"`+strings.Repeat("é", 32)+`"…`, q)
}

func TestCapitalize(t *testing.T) {
	require.Equal(t, "Hello", Capitalize("hello"))
	require.Equal(t, "", Capitalize(""))
	require.Equal(t, "9am", Capitalize("9am"))
}

func TestTime(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	for _, tm := range []time.Time{
		time.Date(2026, 11, 24, 18, 40, 0, 0, ny),
		time.Date(2026, 3, 8, 3, 30, 0, 0, ny),
		time.Date(2026, 3, 8, 3, 30, 0, 0, time.FixedZone("", -3*3600-30*60)),
		time.Date(2026, 3, 8, 3, 30, 0, 0, time.FixedZone("", 5*3600+45*60)),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		require.Equal(t, tm.Format(TimeLayout), Time(tm))
	}
}
