// Package helppoint describes the places where people get help with the
// city's digital services ("assisted digital"): fixed help points such as
// Jena's ProbierLaden, with address, coordinates and opening hours, and
// mobile ones such as the ProbierMobil, which stop in the districts on
// dated days. Staff of a help point may file an application with and for
// a citizen (the "assisted" channel of internal/cases).
//
// It is a package of its own rather than part of internal/promo: help
// points are places with hours, stops and an organisation unit, read by
// the public listing, the assisted application and the demo, while promo
// is about posters and campaign counters.
package helppoint

import (
	"context"
	"slices"
	"time"

	"rathaus/internal/hours"
)

// Kinds of help points.
const (
	KindFixed  = "fixed"  // a place with opening hours
	KindMobile = "mobile" // a bus or stand with dated stops
)

// Kinds lists the kinds in the order forms offer them.
var Kinds = []string{KindFixed, KindMobile}

// Limits of the free-text fields, in characters.
const (
	MaxName  = 120
	MaxLine  = 200  // street, city, place, address, phone, e-mail
	MaxText  = 2000 // offers, accessibility
	MaxLangs = 20
	MaxStops = 100
)

// Point is one help point.
type Point struct {
	ID       int64
	Name     string // e.g. "ProbierLaden"
	Kind     string
	Street   string // "Markt 16"
	Postcode string // five digits
	City     string
	// Lat and Lon are WGS 84 degrees of the entrance (of the base, for
	// a mobile point).
	Lat, Lon float64
	// Hours are the opening hours of a fixed point; a mobile point's
	// times are its stops.
	Hours hours.Hours
	Stops []Stop // mobile points only, by start
	// Phone and Email reach the help point as an organisation, never a
	// person.
	Phone, Email string
	Offers       string   // what help is offered
	Access       string   // accessibility: step-free access, hearing loop, ...
	Languages    []string // spoken there, e.g. "Deutsch", "English"
	OrgID        *int64   // the responsible unit; its help-point staff may assist
	Demo         bool     // seeded demo data
	UpdatedAt    time.Time
}

// Stop is one visit of a mobile help point.
type Stop struct {
	Place   string // "Lobeda-West, vor dem Stadtteilbüro"
	Address string // "Karl-Marx-Allee 28, 07747 Jena"
	Start   time.Time
	End     time.Time
}

// Mobile reports whether p travels.
func (p *Point) Mobile() bool { return p.Kind == KindMobile }

// NextStops returns up to n stops that have not ended at now, by start.
func (p *Point) NextStops(now time.Time, n int) []Stop {
	var out []Stop
	for _, s := range p.Stops {
		if s.End.After(now) {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b Stop) int { return a.Start.Compare(b.Start) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// Store keeps help points with their stops.
type Store interface {
	// CreateHelpPoint stores p with its stops and sets its ID.
	CreateHelpPoint(ctx context.Context, p *Point) error
	// UpdateHelpPoint replaces the point with p's ID and its stops;
	// NotFound when there is none.
	UpdateHelpPoint(ctx context.Context, p *Point) error
	// DeleteHelpPoint removes the point and its stops; NotFound when
	// there is none.
	DeleteHelpPoint(ctx context.Context, id int64) error
	// FindHelpPoint returns the point with its stops, or NotFound.
	FindHelpPoint(ctx context.Context, id int64) (*Point, error)
	// FindHelpPoints lists every point with its stops, by name.
	FindHelpPoints(ctx context.Context) ([]*Point, error)
}
