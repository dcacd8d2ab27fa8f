// Package impact estimates the effect of digital services: the visits to
// the office that online applications and booked appointments made
// unnecessary, and from them the trips, kilometres, travel and waiting
// time, greenhouse gases and paper saved. The assumptions behind every
// figure (visits avoided per case, distance, modal split, emission factors
// with their source, speeds, waiting time, paper) are configurable per city
// with overrides per service, and Compute keeps every intermediate step so
// a methodology page can show the arithmetic. No HTTP, no SQL.
package impact

import (
	"context"
	"time"
)

// Modes of transport to the office, in display order.
const (
	Walk    = "walk"
	Bike    = "bike"
	Transit = "transit" // bus, tram, train
	Car     = "car"
)

// Modes lists the modes in display order.
var Modes = []string{Walk, Bike, Transit, Car}

// ModeAssumption is what the city assumes about one mode of transport.
type ModeAssumption struct {
	Mode  string  `json:"mode"`
	Share float64 `json:"share"` // of trips to the office, 0..1; the shares sum to 1
	Speed float64 `json:"speed_kmh"`
	// Grams of CO2 equivalents per passenger-kilometre, and where the
	// figure comes from (publisher, reference year, address).
	Grams  float64 `json:"grams_co2e_per_pkm"`
	Source string  `json:"source"`
}

// Override replaces some city-wide assumptions for one service; nil
// fields keep the city's value.
type Override struct {
	ServiceID     int64    `json:"service_id"`
	VisitsPerCase *float64 `json:"visits_per_case,omitempty"`
	DistanceKm    *float64 `json:"distance_km,omitempty"`
	WaitMinutes   *float64 `json:"wait_minutes,omitempty"`
	Sheets        *float64 `json:"sheets_per_application,omitempty"`
}

// Assumptions are a city's assumptions with the per-service overrides.
type Assumptions struct {
	// VisitsPerCase is how many visits to the office one online
	// application avoids: 1, or 2 where the paper way needs handing in
	// and picking up.
	VisitsPerCase float64 `json:"visits_per_case"`
	// VisitsPerAppointment is how many visits one appointment booked
	// online avoids: usually 0 (it still is a visit), but the waiting at
	// the counter is saved.
	VisitsPerAppointment float64          `json:"visits_per_appointment"`
	DistanceKm           float64          `json:"distance_km"` // mean one-way distance to the office
	Modes                []ModeAssumption `json:"modes"`
	WaitMinutes          float64          `json:"wait_minutes"` // mean waiting at the counter without appointment
	WaitSource           string           `json:"wait_source"`
	Sheets               float64          `json:"sheets_per_application"` // paper sheets of one paper application
	GramsPerSheet        float64          `json:"grams_co2e_per_sheet"`
	PaperSource          string           `json:"paper_source"`
	Services             []Override       `json:"services"`

	// Kept by the store: Version counts saves (0: never saved, the
	// defaults), for optimistic locking.
	Version   int64     `json:"version"`
	UpdatedBy string    `json:"updated_by,omitempty"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// Mode returns the assumption for mode m, zero when missing.
func (a *Assumptions) Mode(m string) ModeAssumption {
	for _, x := range a.Modes {
		if x.Mode == m {
			return x
		}
	}
	return ModeAssumption{Mode: m}
}

// Override returns the override for a service, nil when it has none.
func (a *Assumptions) Override(serviceID int64) *Override {
	for i := range a.Services {
		if a.Services[i].ServiceID == serviceID {
			return &a.Services[i]
		}
	}
	return nil
}

// Counts are the real numbers the effect is computed from.
type Counts struct {
	// Cases are the online applications submitted, per service id.
	Cases map[int64]int64 `json:"cases"`
	// Appointments are the appointments booked online that were not
	// cancelled or left to expire.
	Appointments int64 `json:"appointments"`
}

// Store keeps the assumptions and counts what happened.
type Store interface {
	// FindImpactAssumptions returns the saved assumptions; fault.NotFound
	// when none were saved yet.
	FindImpactAssumptions(ctx context.Context) (*Assumptions, error)
	// SaveImpactAssumptions replaces the saved assumptions (city default
	// and every override) if a.Version is still the stored version (0 for
	// none), else fault.Conflict; on success a.Version is the new one.
	SaveImpactAssumptions(ctx context.Context, a *Assumptions) error
	// CountImpact counts online applications per service and appointments
	// booked online.
	CountImpact(ctx context.Context) (Counts, error)
}
