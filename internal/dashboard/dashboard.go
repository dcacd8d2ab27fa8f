// Package dashboard holds the performance figures of the city's services,
// after GOV.UK's service performance indicators: digital take-up by
// channel, completion rate with the drop-off per form page, the online
// share of appointments, waiting times, processing times (median and 90th
// percentile), deadline compliance, satisfaction and volumes over time,
// for the whole city, one organisation unit or one service.
//
// The figures come from rollups: per month, service and organisation
// unit, counts and duration histograms that the store keeps up to date
// from what happened (cases, tickets, ratings, form progress), so a
// dashboard reads a few thousand rows however many cases there are.
// Everything here is aggregated; nothing names a person. No HTTP, no SQL.
package dashboard

import (
	"context"
	"time"
)

// Location is where months begin and end: the city's local time.
var Location = mustLoad("Europe/Berlin")

func mustLoad(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

// Scope selects what a dashboard covers; zero fields select everything.
type Scope struct {
	ServiceID int64 // one catalogue service
	OrgID     int64 // one organisation unit (the unit a case or office belongs to)
}

// Range is a span of whole months, From and To inclusive, each "2006-01"
// in Location.
type Range struct {
	From, To string
}

// Bounds are the upper bounds of the duration histograms' buckets, from
// one minute to a year, each about a quarter above the last; a duration
// above the last bound falls into one more bucket. Percentiles read from
// the buckets are exact to within that step.
var Bounds = bounds()

func bounds() []time.Duration {
	var out []time.Duration
	for d := time.Minute; d <= 366*24*time.Hour; d = d * 5 / 4 {
		out = append(out, d)
	}
	return out
}

// Histogram counts durations in the buckets of Bounds; Counts has
// len(Bounds)+1 entries (the last for longer durations).
type Histogram struct {
	Counts []int64
	N      int64
	// Sum is the total of all durations, for the mean.
	Sum time.Duration
}

// Month holds what happened in one month within a scope.
type Month struct {
	Month string // "2006-01"

	// Cases submitted in the month per channel (cases.Channel*, plus
	// "assisted": filed by staff at a help point with and for a citizen).
	Cases map[string]int64
	// Processing is submitted → closed of the cases closed in the month.
	Processing Histogram
	// Of the cases closed in the month that had a deadline, Due counts
	// them and Met those closed by it.
	DeadlineDue, DeadlineMet int64

	// Visits at the offices' counters in the month: with an appointment
	// booked online, and walk-ins with a ticket.
	VisitsBooked, VisitsWalkIn int64
	// Wait is a ticket's issue → call at the counter, for all visits.
	Wait Histogram
	// LeadTime is booking → appointment of the visits with appointment:
	// how long people wait for a free slot.
	LeadTime Histogram

	// Ratings counts the satisfaction answers given in the month, by
	// rating 1..5 (index 0 is rating 1).
	Ratings [5]int64

	// Reports counts the citizens' defect reports received in the month
	// (merged duplicates not counted). Reports are no catalogue service:
	// a scope with a ServiceID has none.
	Reports int64
	// ReportAnswer is received → first public answer, of the reports
	// first answered in the month; ReportFix received → done, of the
	// reports done in the month.
	ReportAnswer, ReportFix Histogram
}

// FunnelStep is one page of an online form: how many applications that
// were started in the range got past it.
type FunnelStep struct {
	PageID string
	Index  int // 0 for the first page
	Passed int64
}

// Funnel is the online form's progress within a scope and range.
type Funnel struct {
	Started   int64 // applications begun (the first page shown)
	Steps     []FunnelStep
	Submitted int64 // applications submitted online
}

// Store reads the rollups and keeps them up to date.
type Store interface {
	// DashboardMonths returns one Month per month of r within scope, in
	// order, every month present (zero figures where nothing happened).
	DashboardMonths(ctx context.Context, s Scope, r Range) ([]Month, error)
	// DashboardFunnel sums the form progress of applications started in
	// r. With s.ServiceID zero it sums every form (Steps then empty, as
	// different forms have different pages).
	DashboardFunnel(ctx context.Context, s Scope, r Range) (*Funnel, error)
	// RefreshDashboard brings the rollups up to date with everything
	// that changed since the last refresh and returns how many months it
	// recomputed. Safe to run on several instances at once.
	RefreshDashboard(ctx context.Context) (int, error)
}
