package fit

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
)

func TestValueAccessors(t *testing.T) {
	b, ok := Bool(true).Bool()
	require.True(t, ok)
	require.True(t, b)
	_, ok = Number(3).Bool()
	require.False(t, ok)

	n, ok := Number(2.5).Number()
	require.True(t, ok)
	require.Equal(t, 2.5, n)

	s, ok := Choice("romantic_interest").Text()
	require.True(t, ok)
	require.Equal(t, "romantic_interest", s)

	codes, ok := Choices("a", "b").Choices()
	require.True(t, ok)
	require.Equal(t, []string{"a", "b"}, codes)
	codes[0] = "changed"
	again, _ := Choices("a", "b").Choices()
	require.Equal(t, "a", again[0], "the accessor returns a copy")

	nums, ok := Numbers(1, 2).Numbers()
	require.True(t, ok)
	require.Equal(t, []float64{1, 2}, nums)

	bologna := place.Point{Lat: 44.4949, Lon: 11.3426}
	p, ok := Location(bologna).Location()
	require.True(t, ok)
	require.Equal(t, bologna, p)
	_, ok = Remote().Location()
	require.False(t, ok)
	require.True(t, Remote().IsRemote())
	require.False(t, Text("remote work").IsRemote())

	w := availability.Window{Days: availability.Workweek, Start: availability.ClockOf(18, 0), End: availability.ClockOf(20, 0)}
	ws, ok := Times(w).Times()
	require.True(t, ok)
	require.Equal(t, []availability.Window{w}, ws)

	d, ok := DateValue(availability.MustParseDate("2026-06-07")).Date()
	require.True(t, ok)
	require.Equal(t, "2026-06-07", d.String())
	_, ok = Text("next Sunday").Date()
	require.False(t, ok)

	// A value decoded from JSON reads back the same way.
	var v Value
	require.NoError(t, json.Unmarshal([]byte(`{"lat": 44.4949, "lon": 11.3426}`), &v))
	p, ok = v.Location()
	require.True(t, ok)
	require.Equal(t, bologna, p)

	m, ok := Money(money.MustParse("EUR 80.00")).Money()
	require.True(t, ok)
	require.Equal(t, money.MustParse("EUR 80.00"), m)
	_, ok = Text("80").Money()
	require.False(t, ok)
	_, ok = Money(money.Amount{}).Money()
	require.False(t, ok, "the zero Amount is no amount")

	var zero Value
	_, ok = zero.Text()
	require.False(t, ok)
}
