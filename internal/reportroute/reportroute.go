// Package reportroute suggests the category of a citizen's defect report
// from its text (report.Suggester) with the routing classifier of
// internal/route, the way Rostock's Klarschiff learns from staff.
//
// It lives apart from internal/report so the domain package stays free of
// the classifier and its text analysis; this adapter reads the report
// store, trains and keeps the model.
//
// Training data: per category its names, keywords, group and
// description; the descriptions of the latest reports (at most
// MaxReports, personal-data-hidden ones left out) labelled with their
// current category; a report whose category staff corrected counts
// CorrectionWeight times. Train on start; with Every set, a suggestion
// on an older model retrains it in the background.
package reportroute

import (
	"context"
	"strings"
	"sync/atomic"
	"time"

	"rathaus/internal/report"
	"rathaus/internal/route"
)

// Defaults of Suggester.
const (
	DefaultCorrectionWeight = 5.0
	DefaultMaxReports       = 5000
)

// Suggester is a report.Suggester over a model trained from the store.
// Before its first Train it suggests nothing.
type Suggester struct {
	Store report.Store
	// Orgs lists the organisations whose categories and reports it learns.
	Orgs             func(ctx context.Context) ([]int64, error)
	CorrectionWeight float64 // 0: DefaultCorrectionWeight
	MaxReports       int     // per organisation; 0: DefaultMaxReports
	Options          route.Options
	// Every is how old the model may grow before a suggestion starts a
	// retraining in the background (each instance keeps its own model);
	// 0: only Train retrains.
	Every time.Duration
	// OnError is told when a background retraining fails; optional.
	OnError func(error)

	model    atomic.Pointer[route.Model]
	trained  atomic.Int64 // unix nanoseconds of the last training
	training atomic.Bool
}

var _ report.Suggester = (*Suggester)(nil)

// Suggest returns the likeliest category code and its probability.
func (s *Suggester) Suggest(text string) (string, float64) {
	s.refresh()
	m := s.model.Load()
	if m == nil || strings.TrimSpace(text) == "" {
		return "", 0
	}
	gs := m.Predict(text, 1)
	if len(gs) == 0 {
		return "", 0
	}
	return gs[0].Label, gs[0].P
}

// refresh retrains in the background when the model is older than Every.
func (s *Suggester) refresh() {
	if s.Every <= 0 || time.Since(time.Unix(0, s.trained.Load())) < s.Every || !s.training.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer s.training.Store(false)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := s.Train(ctx); err != nil && s.OnError != nil {
			s.OnError(err)
		}
	}()
}

// Train reads the examples and replaces the model; it returns their number.
func (s *Suggester) Train(ctx context.Context) (int, error) {
	orgs, err := s.Orgs(ctx)
	if err != nil {
		return 0, err
	}
	var ex []route.Example
	for _, id := range orgs {
		e, err := Examples(ctx, s.Store, id, s.CorrectionWeight, s.MaxReports)
		if err != nil {
			return 0, err
		}
		ex = append(ex, e...)
	}
	s.trained.Store(time.Now().UnixNano())
	if len(ex) == 0 {
		s.model.Store(nil)
		return 0, nil
	}
	s.model.Store(route.Train(ex, s.Options))
	return len(ex), nil
}

// Examples are the training texts of one organisation, labelled with the
// category code: the active categories' own texts and the reports'.
func Examples(ctx context.Context, store report.Store, orgID int64, weight float64, maxReports int) ([]route.Example, error) {
	if weight <= 0 {
		weight = DefaultCorrectionWeight
	}
	if maxReports <= 0 {
		maxReports = DefaultMaxReports
	}
	cats, err := store.FindDefectCategories(ctx, orgID)
	if err != nil {
		return nil, err
	}
	active := map[int64]string{}
	var ex []route.Example
	for _, c := range cats {
		if !c.Active {
			continue
		}
		active[c.ID] = c.Code
		ex = append(ex, route.Example{Label: c.Code, Text: c.NameDE + ". " + c.NameEN + ". " + strings.Join(c.Keywords, ", ") + ". " + c.Description})
		ex = append(ex, route.Example{Label: c.Code, Text: c.NameDE + " " + strings.Join(c.Keywords, " ")})
	}
	if len(active) == 0 {
		return nil, nil
	}
	rs, err := ReportExamples(ctx, store, orgID, active, weight, maxReports)
	return append(ex, rs...), err
}

// ReportExamples are the latest reports' descriptions labelled with
// their (active) category; corrected ones weigh weight (0 means 1),
// at most maxReports (0: DefaultMaxReports).
func ReportExamples(ctx context.Context, store report.Store, orgID int64, active map[int64]string, weight float64, maxReports int) ([]route.Example, error) {
	if maxReports <= 0 {
		maxReports = DefaultMaxReports
	}
	var ex []route.Example
	for off := 0; off < maxReports; off += 1000 {
		rs, _, err := store.FindDefectReports(ctx, report.Filter{OrgID: orgID, Limit: min(1000, maxReports-off), Offset: off})
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			code, ok := active[r.CategoryID]
			if !ok || r.PersonalHidden || strings.TrimSpace(r.Description) == "" {
				continue
			}
			e := route.Example{Text: r.Description, Label: code}
			if corrected, err := categoryCorrected(ctx, store, r.ID); err != nil {
				return nil, err
			} else if corrected {
				e.Weight = weight
			}
			ex = append(ex, e)
		}
		if len(rs) < 1000 {
			break
		}
	}
	return ex, nil
}

func categoryCorrected(ctx context.Context, store report.Store, id int64) (bool, error) {
	cs, err := store.FindDefectCorrections(ctx, id)
	if err != nil {
		return false, err
	}
	for _, c := range cs {
		if c.Field == report.FieldCategory {
			return true, nil
		}
	}
	return false, nil
}
