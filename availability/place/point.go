package place

import (
	"fmt"
	"math"
)

// A Point is a place on Earth in decimal degrees (WGS 84). The zero Point is
// a valid place (0°, 0°); use IsValid to check ranges.
type Point struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// earthRadiusKm is the mean radius of the Earth (IUGG), in kilometres.
const earthRadiusKm = 6371.0088

// IsValid reports whether the latitude is in [−90, 90] and the longitude in
// [−180, 180] (and neither is NaN).
func (p Point) IsValid() bool {
	return p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180
}

// DistanceKm returns the great-circle distance between p and q in
// kilometres, by the haversine formula on a sphere of the Earth's mean
// radius (within about 0.5% of the ellipsoidal distance).
func (p Point) DistanceKm(q Point) float64 {
	const rad = math.Pi / 180
	dLat := (q.Lat - p.Lat) * rad
	dLon := (q.Lon - p.Lon) * rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(p.Lat*rad)*math.Cos(q.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(a)))
}

// String formats the point as "lat,lon".
func (p Point) String() string { return fmt.Sprintf("%g,%g", p.Lat, p.Lon) }

// KmPerMile converts miles to kilometres.
const KmPerMile = 1.609344
