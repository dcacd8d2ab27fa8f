package feedback

import (
	"context"

	"rathaus/internal/processlog"
)

// HistorySeeder is a store that writes simulated satisfaction answers in
// bulk, for a demo's history only: the answers skip the service's checks.
type HistorySeeder interface {
	// SeedSatisfactionHistory inserts the answers (setting their IDs) and
	// the events in one transaction: all or nothing. A subject answered
	// before (in the store or twice in ss) fails it as a whole (Conflict).
	SeedSatisfactionHistory(ctx context.Context, ss []*Satisfaction, evs []processlog.Event) error
}
