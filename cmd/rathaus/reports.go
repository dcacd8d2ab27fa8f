package main

import (
	"time"

	"rathaus/internal/geo"
	"rathaus/internal/report"
)

// reportAreas are the city's outline and districts for the defect reports'
// map and routing: the hand-drawn schematic Jena in the demo, none
// otherwise (reports then go by category alone and the map has no outline).
func (a *app) reportAreas() (geo.Area, geo.Areas) {
	if !a.cfg.Demo {
		return geo.Area{}, nil
	}
	return geo.JenaSchematic()
}

// reportService takes citizens' defect reports; the district of a point
// is its area for routing.
func (a *app) reportService(districts geo.Areas) *report.Service {
	s := &report.Service{Store: a.db, Now: time.Now}
	if len(districts) > 0 {
		s.AreaOf = func(lat, long float64) string {
			if d, ok := districts.AreaOf(lat, long); ok {
				return d.Key
			}
			return ""
		}
	}
	return s
}
