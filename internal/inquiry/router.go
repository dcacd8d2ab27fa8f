package inquiry

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/route"
)

// Catalogue is what the router reads of the service catalogue: the
// published services, the version that changes with them, and the life
// situations, which are the categories.
type Catalogue interface {
	CatalogVersion(ctx context.Context) (int64, error)
	FindServices(ctx context.Context, f catalog.ServiceFilter) ([]*catalog.Service, error)
	FindLifeSituations(ctx context.Context) ([]*catalog.LifeSituation, error)
}

// Defaults of Router.
const (
	DefaultThreshold = 0.6
	// DefaultCorrectionWeight: a correction by staff counts as much as
	// this many catalogue texts, so one correction moves similar messages.
	DefaultCorrectionWeight = 5.0
)

// Router suggests the responsible unit and category of a text. Its
// training data are the published catalogue services — name, summary,
// keywords and description labelled "org:<the service's unit>", and the
// service's first life situation as the category — and every stored
// correction with a higher weight. Categories are therefore the
// catalogue's life situations (their slugs).
//
// The trained models are a cache per process derived only from the
// database: before suggesting, the router compares the catalogue version
// and the corrections' state with those it trained on (at most every
// Freshness; at once after a correction through this process) and
// retrains when they moved. So several instances sharing a database
// agree, and a correction improves routing without a restart.
type Router struct {
	Catalog Catalogue
	Store   Store
	// Threshold is the confidence from which a suggestion is trusted:
	// a message goes straight to the unit's queue. Default DefaultThreshold.
	Threshold float64
	// CorrectionWeight is a correction's weight; default DefaultCorrectionWeight.
	CorrectionWeight float64
	// Freshness is how long the router trusts the state it last read;
	// zero reads it on every suggestion.
	Freshness time.Duration
	// Options tune the classifier.
	Options route.Options

	mu      sync.Mutex
	models  atomic.Pointer[models]
	checked atomic.Int64 // monotonic nanoseconds of the last state read; 0 after a local change
}

// models are the classifiers trained on one state of the database.
type models struct {
	state trainState
	org   *route.Model // nil without training data
	cat   *route.Model
}

// trainState identifies the training data.
type trainState struct {
	catalog     int64
	corrections int
	last        int64
}

// routerEpoch anchors the monotonic clock for Freshness.
var routerEpoch = time.Now()

// threshold is the configured or default threshold.
func (r *Router) threshold() float64 {
	if r.Threshold > 0 {
		return r.Threshold
	}
	return DefaultThreshold
}

// Changed makes the next suggestion check the database, after a
// correction through this process.
func (r *Router) Changed() { r.checked.Store(0) }

// Suggest proposes a unit and category for text; an empty Suggestion when
// there is nothing to learn from yet.
func (r *Router) Suggest(ctx context.Context, text string) (Suggestion, error) {
	m, err := r.current(ctx)
	if err != nil {
		return Suggestion{}, err
	}
	var sg Suggestion
	if m.org != nil {
		if gs := m.org.Predict(text, 1); len(gs) > 0 {
			if id, ok := orgOfLabel(gs[0].Label); ok {
				sg.OrgID, sg.Confidence, sg.Because = &id, gs[0].P, gs[0].Because
			}
		}
	}
	if m.cat != nil {
		if gs := m.cat.Predict(text, 1); len(gs) > 0 {
			sg.Category = gs[0].Label
		}
	}
	return sg, nil
}

// Sure reports whether sg is confident enough to skip triage.
func (r *Router) Sure(sg Suggestion) bool {
	return sg.OrgID != nil && sg.Confidence >= r.threshold()
}

// current returns the models for the database's current state, training
// them when it moved on. While one caller trains, the others keep the
// previous models.
func (r *Router) current(ctx context.Context) (*models, error) {
	m := r.models.Load()
	if m != nil && r.fresh() {
		return m, nil
	}
	st, err := r.readState(ctx)
	if err != nil {
		return nil, err
	}
	if m != nil && m.state == st {
		r.checked.Store(int64(time.Since(routerEpoch)) + 1)
		return m, nil
	}
	if m != nil && !r.mu.TryLock() {
		return m, nil
	}
	if m == nil {
		r.mu.Lock()
	}
	defer r.mu.Unlock()
	if cur := r.models.Load(); cur != nil && cur.state == st {
		return cur, nil
	}
	if m, err = r.train(ctx, st); err != nil {
		return nil, err
	}
	r.models.Store(m)
	r.checked.Store(int64(time.Since(routerEpoch)) + 1)
	return m, nil
}

func (r *Router) fresh() bool {
	at := r.checked.Load()
	return at != 0 && r.Freshness > 0 && time.Since(routerEpoch)-time.Duration(at) < r.Freshness
}

func (r *Router) readState(ctx context.Context) (trainState, error) {
	var st trainState
	var err error
	if st.catalog, err = r.Catalog.CatalogVersion(ctx); err != nil {
		return st, err
	}
	st.corrections, st.last, err = r.Store.CorrectionsState(ctx)
	return st, err
}

// train builds both models from the catalogue and the corrections. The
// state is read before the data, so a change while training only causes
// another training later, never a stale model that looks current.
func (r *Router) train(ctx context.Context, st trainState) (*models, error) {
	services, err := r.Catalog.FindServices(ctx, catalog.ServiceFilter{Status: catalog.StatusPublished})
	if err != nil {
		return nil, err
	}
	corrections, err := r.Store.FindCorrections(ctx)
	if err != nil {
		return nil, err
	}
	orgEx, catEx := serviceExamples(services)
	w := r.CorrectionWeight
	if w <= 0 {
		w = DefaultCorrectionWeight
	}
	for _, c := range corrections {
		orgEx = append(orgEx, route.Example{Text: c.Text, Label: orgLabel(c.OrgID), Weight: w})
		if c.Category != "" {
			catEx = append(catEx, route.Example{Text: c.Text, Label: c.Category, Weight: w})
		}
	}
	m := &models{state: st}
	if len(orgEx) > 0 {
		m.org = route.Train(orgEx, r.Options)
	}
	if len(catEx) > 0 {
		m.cat = route.Train(catEx, r.Options)
	}
	return m, nil
}

// serviceExamples are the training texts of the published services that
// name a responsible unit.
func serviceExamples(services []*catalog.Service) (orgEx, catEx []route.Example) {
	for _, s := range services {
		text := serviceText(s)
		if s.OrgID != nil {
			orgEx = append(orgEx, route.Example{Text: text, Label: orgLabel(*s.OrgID), Weight: 1})
		}
		if len(s.LifeSituations) > 0 {
			catEx = append(catEx, route.Example{Text: text, Label: s.LifeSituations[0], Weight: 1})
		}
	}
	return orgEx, catEx
}

// serviceText is what the model learns of a service.
func serviceText(s *catalog.Service) string {
	return strings.Join([]string{s.Name, s.Summary, strings.Join(s.Keywords, ", "), s.Description}, "\n")
}

func orgLabel(id int64) string { return "org:" + strconv.FormatInt(id, 10) }

func orgOfLabel(l string) (int64, bool) {
	s, ok := strings.CutPrefix(l, "org:")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil
}
