package place

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDistanceKm(t *testing.T) {
	for _, c := range []struct {
		name string
		p, q Point
		want float64 // km
	}{
		{"same place", Point{40.7128, -74.0060}, Point{40.7128, -74.0060}, 0},
		{"New York to London", Point{40.7128, -74.0060}, Point{51.5074, -0.1278}, 5570.2},
		{"Sydney to Lord Howe Island", Point{-33.8688, 151.2093}, Point{-31.5553, 159.0821}, 780.0},
		{"antipodes", Point{0, 0}, Point{0, 180}, math.Pi * earthRadiusKm},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.InDelta(t, c.want, c.p.DistanceKm(c.q), c.want*0.005+0.01)
			require.InDelta(t, c.p.DistanceKm(c.q), c.q.DistanceKm(c.p), 1e-9)
		})
	}
	require.True(t, Point{90, 180}.IsValid())
	require.False(t, Point{91, 0}.IsValid())
	require.False(t, Point{math.NaN(), 0}.IsValid())
}
