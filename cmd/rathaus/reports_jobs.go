package main

import (
	"context"
	"time"

	"rathaus/internal/report"
	"rathaus/internal/reportroute"
)

// reportSuggesterEvery is how old the category suggester's model may grow
// before it retrains (each instance its own, in the background), so staff
// corrections reach the suggestions within the hour.
const reportSuggesterEvery = time.Hour

// openReports builds the defect reports' category suggester and schedules
// the daily deletion of reporters' contact data past the retention.
func (a *app) openReports() {
	a.reportSuggester = &reportroute.Suggester{Store: a.db, Every: reportSuggesterEvery,
		Orgs: func(ctx context.Context) ([]int64, error) {
			os, err := a.orgs.Store.FindOrgs(ctx)
			ids := make([]int64, 0, len(os))
			for _, o := range os {
				ids = append(ids, o.ID)
			}
			return ids, err
		},
		OnError: func(err error) { a.log.Error("training the report category suggester", "err", err) }}
	a.runner.Every("reports.purge", 24*time.Hour, func(ctx context.Context, _ []byte) error {
		n, err := (&report.Service{Store: a.db}).Purge(ctx, report.DefaultRetention)
		if n > 0 {
			a.log.Info("deleted reporters' contact data past retention", "reports", n)
		}
		return err
	})
}

// withSuggester lets s suggest categories from the report texts.
func (a *app) withSuggester(s *report.Service) *report.Service {
	s.Suggester = a.reportSuggester
	return s
}

// trainReportSuggester trains the suggester at start; a failure only
// leaves reports without suggestions until the next retraining.
func (a *app) trainReportSuggester(ctx context.Context) {
	start := time.Now()
	n, err := a.reportSuggester.Train(ctx)
	if err != nil {
		a.log.Error("training the report category suggester", "err", err)
		return
	}
	a.log.Info("trained the report category suggester", "examples", n, "took", time.Since(start).Round(time.Millisecond))
}
