package opendata

import "context"

// ApplicationCount is the number of applications for one service in one
// month (the city's time, Europe/Berlin, "2026-03") through one channel
// (online, paper, ...).
type ApplicationCount struct {
	Month     string
	ServiceID int64
	Service   string
	Channel   string
	Count     int
}

// RatingCount is the number of satisfaction answers with one rating (1-5)
// for one service.
type RatingCount struct {
	ServiceID int64
	Service   string
	Rating    int
	Count     int
}

// IdeaCount is the number of published ideas with one status in one
// participation space.
type IdeaCount struct {
	Space  string
	Status string
	Count  int
}

// WaitTime is how long people waited for their appointment at one office,
// by the month of the appointment: days from booking to the visit.
type WaitTime struct {
	Month      string
	OfficeID   int64
	Office     string
	Bookings   int
	MedianDays float64
	P90Days    float64
}

// Store gives the aggregates the datasets publish; it never returns
// anything about a single person.
type Store interface {
	OpenDataApplications(ctx context.Context) ([]ApplicationCount, error)
	OpenDataRatings(ctx context.Context) ([]RatingCount, error)
	OpenDataIdeas(ctx context.Context) ([]IdeaCount, error)
	OpenDataWaits(ctx context.Context) ([]WaitTime, error)
}
