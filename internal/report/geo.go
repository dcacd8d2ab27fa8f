package report

import (
	"math"
	"sort"
	"time"
)

const earthRadius = 6371000.0 // metres, mean

// Distance is the great-circle distance in metres (haversine).
func Distance(lat1, long1, lat2, long2 float64) float64 {
	rad := math.Pi / 180
	dLat, dLong := (lat2-lat1)*rad, (long2-long1)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLong/2)*math.Sin(dLong/2)
	return 2 * earthRadius * math.Asin(math.Min(1, math.Sqrt(h)))
}

// BBox is a rectangle of WGS 84 coordinates.
type BBox struct{ MinLat, MinLong, MaxLat, MaxLong float64 }

// Around returns a box that contains every point within metres of the
// point (a prefilter for the exact Distance).
func Around(lat, long, metres float64) BBox {
	dLat := metres / earthRadius * 180 / math.Pi
	c := math.Cos(lat * math.Pi / 180)
	dLong := 180.0
	if c > 1e-6 {
		dLong = math.Min(180, dLat/c)
	}
	return BBox{lat - dLat, long - dLong, lat + dLat, long + dLong}
}

// Nearby asks for open reports close to a point: same category, within
// Radius metres, requested since Since. The defaults are 150 m and 30
// days, at most 10 reports.
type Nearby struct {
	OrgID      int64
	CategoryID int64 // 0 for any category
	Lat, Long  float64
	Radius     float64
	Since      time.Time
	Limit      int
	ExcludeID  int64
}

// Default nearby parameters.
const (
	DefaultRadius = 150.0
	DefaultDays   = 30
	DefaultNearby = 10
)

// WithDefaults fills unset parameters relative to now.
func (n Nearby) WithDefaults(now time.Time) Nearby {
	if n.Radius <= 0 {
		n.Radius = DefaultRadius
	}
	if n.Since.IsZero() {
		n.Since = now.AddDate(0, 0, -DefaultDays)
	}
	if n.Limit <= 0 {
		n.Limit = DefaultNearby
	}
	return n
}

// Close keeps the reports of rs within n's radius, nearest first, at most
// n.Limit; the store calls it after its bounding-box prefilter.
func (n Nearby) Close(rs []*Report) []*Report {
	type hit struct {
		r *Report
		d float64
	}
	var hits []hit
	for _, r := range rs {
		if !r.Location.HasPoint() || r.ID == n.ExcludeID {
			continue
		}
		if d := Distance(n.Lat, n.Long, *r.Location.Lat, *r.Location.Long); d <= n.Radius {
			hits = append(hits, hit{r, d})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].d < hits[j].d })
	out := make([]*Report, 0, len(hits))
	for i, h := range hits {
		if n.Limit > 0 && i >= n.Limit {
			break
		}
		out = append(out, h.r)
	}
	return out
}
