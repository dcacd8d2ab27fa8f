package web

import (
	"net/http"

	"rathaus/internal/fault"
	"rathaus/internal/impact"
)

// impactRoutes are the effect pages: the public summary and methodology,
// the admin form for the assumptions and the JSON figures.
func (s *Server) impactRoutes() []route {
	i := s.withImpact
	return []route{
		{"GET /wirkung", i(s.handleImpactSummary)},
		{"GET /wirkung/methodik", i(s.handleImpactMethod)},
		{"GET /admin/wirkung", i(s.requireStaff(s.handleImpactAdmin))},
		{"POST /admin/wirkung", i(s.requireStaff(s.handleImpactSave))},
		{"GET /api/v1/impact", i(s.handleAPIImpact)},
	}
}

// withImpact answers 404 when the server computes no effect.
func (s *Server) withImpact(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Impact == nil {
			return fault.New(fault.NotFound, "error.not_found")
		}
		return h(w, r)
	}
}

// impactPage is the data of the three effect pages.
type impactPage struct {
	Page
	Result      *impact.Result
	Assumptions *impact.Assumptions
	View        impactView
}

func (s *Server) impactPage(r *http.Request, titleKey string) (*impactPage, error) {
	res, a, err := s.opts.Impact.Effect(r.Context())
	if err != nil {
		return nil, err
	}
	p := &impactPage{Page: s.page(r, titleKey), Result: res, Assumptions: a}
	p.View = s.impactView(r, p.Lang, res, a)
	return p, nil
}

// handleImpactSummary shows the city-wide effect of its digital services.
func (s *Server) handleImpactSummary(w http.ResponseWriter, r *http.Request) error {
	p, err := s.impactPage(r, "impact.summary.title")
	if err != nil {
		return err
	}
	return s.render(w, r, "impact_summary", p)
}

// handleImpactMethod lists every assumption with its source, the formulas
// and the worked example with the city's own numbers.
func (s *Server) handleImpactMethod(w http.ResponseWriter, r *http.Request) error {
	p, err := s.impactPage(r, "impact.method.title")
	if err != nil {
		return err
	}
	mp := impactMethodPage{impactPage: p}
	t := func(key string, args ...any) string { return s.tr.T(p.Lang, key, args...) }
	// The worked example: one online application and one appointment
	// under the city-wide assumptions.
	ex := impact.Compute(p.Assumptions, impact.Counts{Cases: map[int64]int64{0: 1}, Appointments: 1})
	for _, st := range ex.Steps {
		label := impactStepLabel(t, st)
		mp.Example = append(mp.Example, impactStepRow{label, impactFormula(p.Lang, t, st)})
	}
	dash := func(x *float64) string {
		if x == nil {
			return "–"
		}
		return impactNumber(p.Lang, *x)
	}
	for _, o := range p.Assumptions.Services {
		mp.Overrides = append(mp.Overrides, impactServiceRow{Name: s.impactServiceName(r, o.ServiceID),
			VisitsPerCase: dash(o.VisitsPerCase), Distance: dash(o.DistanceKm), Wait: dash(o.WaitMinutes), Sheets: dash(o.Sheets)})
	}
	return s.render(w, r, "impact_method", mp)
}

// impactMethodPage adds the worked example and the overrides.
type impactMethodPage struct {
	*impactPage
	Example   []impactStepRow
	Overrides []impactServiceRow
}

// handleAPIImpact answers the effect figures with the assumptions.
func (s *Server) handleAPIImpact(w http.ResponseWriter, r *http.Request) error {
	res, a, err := s.opts.Impact.Effect(r.Context())
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, struct {
		Effect      *impact.Result      `json:"effect"`
		Assumptions *impact.Assumptions `json:"assumptions"`
	}{res, a})
}
