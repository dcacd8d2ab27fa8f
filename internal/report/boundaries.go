package report

import (
	"context"
	"sync"
	"time"

	"rathaus/internal/geo"
)

// Boundaries are the city's imported outline and districts, kept as the
// GeoJSON text that was checked on import, with the property names that
// hold each district's key and name. Every import is a new Version.
type Boundaries struct {
	Version        int64
	Outline        string // GeoJSON: one Polygon or MultiPolygon feature
	Districts      string // GeoJSON FeatureCollection
	KeyProperty    string
	NameProperty   string
	DistrictCount  int
	ImportedBy     *int64
	ImportedByName string
	ImportedAt     time.Time
}

// BoundaryStore keeps the latest imported boundaries.
type BoundaryStore interface {
	// SaveReportBoundaries replaces the stored boundaries with b and
	// sets b.Version (always greater than any before).
	SaveReportBoundaries(ctx context.Context, b *Boundaries) error
	// FindReportBoundaries returns the latest boundaries or NotFound.
	FindReportBoundaries(ctx context.Context) (*Boundaries, error)
	// ReportBoundariesVersion is the latest version, 0 when none.
	ReportBoundariesVersion(ctx context.Context) (int64, error)
}

// ParseBoundaries reads stored or uploaded boundaries into areas.
func ParseBoundaries(b *Boundaries, extent *geo.BBox) (outline geo.Area, districts geo.Areas, err error) {
	o := geo.Options{KeyProperty: b.KeyProperty, NameProperty: b.NameProperty, Extent: extent}
	out, err := geo.Parse([]byte(b.Outline), o)
	if err != nil {
		return geo.Area{}, nil, err
	}
	if len(out.Areas) != 1 {
		return geo.Area{}, nil, &geo.Error{Feature: -1, Code: "outline_count", Msg: "the outline file must hold exactly one area"}
	}
	if extent != nil {
		box := out.Areas[0].Box
		o.Extent = &geo.BBox{MinLat: box.MinLat - 0.05, MinLon: box.MinLon - 0.05, MaxLat: box.MaxLat + 0.05, MaxLon: box.MaxLon + 0.05}
	}
	ds, err := geo.Parse([]byte(b.Districts), o)
	if err != nil {
		return geo.Area{}, nil, err
	}
	if len(ds.Areas) == 0 {
		return geo.Area{}, nil, &geo.Error{Feature: -1, Code: "no_districts", Msg: "the districts file holds no area"}
	}
	return out.Areas[0], ds.Areas, nil
}

// AreaSource gives the city's outline and districts: the latest imported
// boundaries when there are any, else Fallback (the demo's schematic map
// or nothing). Each call asks the store for the latest version only and
// parses the boundaries again only when it changed, so that every
// instance sharing the database sees an import at once.
type AreaSource struct {
	Store    BoundaryStore
	Fallback func() (geo.Area, geo.Areas)

	mu        sync.Mutex
	version   int64
	outline   geo.Area
	districts geo.Areas
}

// ReportAreas returns the outline and districts in effect.
func (s *AreaSource) ReportAreas() (geo.Area, geo.Areas) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if s.Store != nil {
		if v, err := s.Store.ReportBoundariesVersion(ctx); err == nil && v > 0 {
			if o, d, ok := s.load(ctx, v); ok {
				return o, d
			}
		}
	}
	if s.Fallback == nil {
		return geo.Area{}, nil
	}
	return s.Fallback()
}

// load returns the areas of version v, parsing them when not cached.
func (s *AreaSource) load(ctx context.Context, v int64) (geo.Area, geo.Areas, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.version == v {
		return s.outline, s.districts, true
	}
	b, err := s.Store.FindReportBoundaries(ctx)
	if err != nil {
		return geo.Area{}, nil, false
	}
	o, d, err := ParseBoundaries(b, nil)
	if err != nil {
		return geo.Area{}, nil, false
	}
	s.version, s.outline, s.districts = b.Version, o, d
	return o, d, true
}
