package main

import (
	"time"

	"rathaus/internal/geo"
	"rathaus/internal/report"
)

// reportAreas are the fallback outline and districts for the defect
// reports' map and routing when the city has imported none (at
// /admin/gebiete): the hand-drawn schematic Jena in the demo, none
// otherwise (reports then go by category alone and the map has no outline).
func (a *app) reportAreas() (geo.Area, geo.Areas) {
	if !a.cfg.Demo {
		return geo.Area{}, nil
	}
	return geo.JenaSchematic()
}

// reportAreaSource gives the latest imported boundaries from the database
// (every instance sees an import at its next request), else reportAreas.
func (a *app) reportAreaSource() *report.AreaSource {
	return &report.AreaSource{Store: a.db, Fallback: a.reportAreas}
}

// reportService takes citizens' defect reports; the district of a point
// (in the boundaries in effect at the time) is its area for routing.
func (a *app) reportService(areas *report.AreaSource) *report.Service {
	s := &report.Service{Store: a.db, Now: time.Now}
	s.AreaOf = func(lat, long float64) string {
		_, districts := areas.ReportAreas()
		if d, ok := districts.AreaOf(lat, long); ok {
			return d.Key
		}
		return ""
	}
	return s
}
