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
	// SaveCheckedReportBoundaries keeps checked files under token for
	// b.ImportedBy to take over later, and forgets those checked more
	// than a day before b.ImportedAt.
	SaveCheckedReportBoundaries(ctx context.Context, token string, b *Boundaries) error
	// TakeCheckedReportBoundaries saves the files checked under token by
	// b.ImportedBy as the new latest version (with b's importer and
	// time), fills b and forgets them, in one step; NotFound when there
	// are none (taken already, expired, or someone else's).
	TakeCheckedReportBoundaries(ctx context.Context, token string, b *Boundaries) error
}

// FileError is a problem of the outline or the districts file.
type FileError struct {
	File string // "outline" or "districts"
	Err  *geo.Error
}

func (e *FileError) Error() string { return e.File + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

func fileError(file string, err error) error {
	if ge, ok := err.(*geo.Error); ok {
		return &FileError{file, ge}
	}
	return err
}

// ParseBoundaries reads stored or uploaded boundaries into areas; with
// extent, the outline must lie in it and the districts near the outline.
// Errors are *FileError with the geo.Error's code ("outline_count" and
// "no_districts" besides geo's).
func ParseBoundaries(b *Boundaries, extent *geo.BBox) (outline geo.Area, districts geo.Areas, err error) {
	o := geo.Options{KeyProperty: b.KeyProperty, NameProperty: b.NameProperty, Extent: extent}
	out, err := geo.Parse([]byte(b.Outline), o)
	if err != nil {
		return geo.Area{}, nil, fileError("outline", err)
	}
	if len(out.Areas) != 1 {
		return geo.Area{}, nil, fileError("outline", &geo.Error{Feature: -1, Code: "outline_count", Msg: "the outline file must hold exactly one area"})
	}
	if extent != nil {
		box := out.Areas[0].Box
		o.Extent = &geo.BBox{MinLat: box.MinLat - 0.05, MinLon: box.MinLon - 0.05, MaxLat: box.MaxLat + 0.05, MaxLon: box.MaxLon + 0.05}
	}
	ds, err := geo.Parse([]byte(b.Districts), o)
	if err != nil {
		return geo.Area{}, nil, fileError("districts", err)
	}
	if len(ds.Areas) == 0 {
		return geo.Area{}, nil, fileError("districts", &geo.Error{Feature: -1, Code: "no_districts", Msg: "the districts file holds no area"})
	}
	return out.Areas[0], ds.Areas, nil
}

// AreaSource gives the city's outline and districts: the latest imported
// boundaries when there are any, else Fallback (the demo's schematic map
// or nothing). Each call asks the store for the latest version only and
// parses the boundaries again only when it changed (at most once per
// recheck), so that every instance sharing the database sees an import.
type AreaSource struct {
	Store    BoundaryStore
	Fallback func() (geo.Area, geo.Areas)

	mu        sync.Mutex
	checked   time.Time // when the version was last asked for
	version   int64
	outline   geo.Area
	districts geo.Areas
}

// recheck is how long a version read stays fresh: a page that names many
// areas asks the database once, another instance's import shows within it.
const recheck = time.Second

// ReportAreas returns the outline and districts in effect.
func (s *AreaSource) ReportAreas() (geo.Area, geo.Areas) {
	if s.Store != nil {
		if o, d, ok := s.latest(); ok {
			return o, d
		}
	}
	if s.Fallback == nil {
		return geo.Area{}, nil
	}
	return s.Fallback()
}

// Refresh makes the next call ask for the latest version (after an import).
func (s *AreaSource) Refresh() {
	s.mu.Lock()
	s.checked = time.Time{}
	s.mu.Unlock()
}

// latest returns the areas of the latest version, parsing them when the
// version changed; false when none were imported (or they do not read).
func (s *AreaSource) latest() (geo.Area, geo.Areas, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if time.Since(s.checked) < recheck {
		return s.outline, s.districts, s.version > 0
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	v, err := s.Store.ReportBoundariesVersion(ctx)
	if err != nil {
		return s.outline, s.districts, s.version > 0
	}
	s.checked = time.Now()
	if v == s.version {
		return s.outline, s.districts, v > 0
	}
	if v == 0 {
		s.version, s.outline, s.districts = 0, geo.Area{}, nil
		return s.outline, s.districts, false
	}
	b, err := s.Store.FindReportBoundaries(ctx)
	if err != nil {
		return s.outline, s.districts, s.version > 0
	}
	o, d, err := ParseBoundaries(b, nil)
	if err != nil {
		return s.outline, s.districts, s.version > 0
	}
	s.version, s.outline, s.districts = b.Version, o, d
	return o, d, true
}
