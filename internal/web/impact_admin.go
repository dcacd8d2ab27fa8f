package web

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/impact"
)

// impactBlankOverrides is how many empty override rows the form offers.
const impactBlankOverrides = 3

// impactAdminPage is the form for the assumptions.
type impactAdminPage struct {
	Page
	Modes     []impactModeField
	Overrides []impactRow // the override rows
	Services  []*catalog.Service
	Version   string
}

// impactRow is one override row: I counts from 0 (field names), N from 1.
type impactRow struct{ I, N int }

// impactModeField names the inputs of one mode.
type impactModeField struct{ Mode, Name string }

// handleImpactAdmin shows the assumptions in the form.
func (s *Server) handleImpactAdmin(w http.ResponseWriter, r *http.Request) error {
	a, err := s.opts.Impact.Assumptions(r.Context())
	if err != nil {
		return err
	}
	return s.renderImpactAdmin(w, r, http.StatusOK, impactValues(a), nil)
}

// handleImpactSave saves the submitted assumptions; bad input or a stale
// version re-render the form with an error summary and change nothing.
func (s *Server) handleImpactSave(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	a, rows, err := parseImpact(values)
	if err == nil {
		err = renumberOverrides(s.opts.Impact.Save(r.Context(), a, currentUser(r).Email), rows)
	} else {
		// Unreadable numbers, and whatever else is wrong, at once.
		err = mergeFieldErrors(err, renumberOverrides(impact.Validate(a), rows))
	}
	switch {
	case err == nil:
		return s.redirectFlash(w, r, "/admin/wirkung", "impact.admin.saved")
	case fault.Is(err, fault.Invalid), fault.Is(err, fault.Conflict):
		return s.renderImpactAdmin(w, r, statusOf(err), values, err)
	}
	return err
}

func (s *Server) renderImpactAdmin(w http.ResponseWriter, r *http.Request, status int, values url.Values, formErr error) error {
	p := impactAdminPage{Page: s.page(r, "impact.admin.title"), Version: values.Get("version")}
	p.Form = s.newForm(r, values)
	if formErr != nil {
		p.Form = s.formFor(r, values, formErr)
	}
	for _, m := range impact.Modes {
		p.Modes = append(p.Modes, impactModeField{m, p.T("impact.mode." + m)})
	}
	for i := range overrideRows(values) {
		p.Overrides = append(p.Overrides, impactRow{i, i + 1})
	}
	if s.opts.Services != nil {
		svcs, err := s.opts.Services.AZ(r.Context())
		if err != nil {
			return err
		}
		p.Services = svcs
	}
	return s.renderStatus(w, r, status, "impact_admin", p)
}

// overrideRows is how many override rows the form has: the submitted
// ones plus blank rows, or the saved ones plus blank rows.
func overrideRows(values url.Values) int {
	n := 0
	for values.Has(fmt.Sprintf("service-%d-id", n)) {
		n++
	}
	if v, err := strconv.Atoi(values.Get("rows")); err == nil && v > n && v < 1000 {
		n = v
	}
	return n
}

// impactValues writes a into form values; shares as percentages.
func impactValues(a *impact.Assumptions) url.Values {
	v := url.Values{}
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	v.Set("version", strconv.FormatInt(a.Version, 10))
	v.Set("visits_per_case", f(a.VisitsPerCase))
	v.Set("visits_per_appointment", f(a.VisitsPerAppointment))
	v.Set("distance_km", f(a.DistanceKm))
	v.Set("wait_minutes", f(a.WaitMinutes))
	v.Set("wait_source", a.WaitSource)
	v.Set("sheets", f(a.Sheets))
	v.Set("grams_per_sheet", f(a.GramsPerSheet))
	v.Set("paper_source", a.PaperSource)
	for _, m := range a.Modes {
		v.Set("share-"+m.Mode, f(math.Round(m.Share*1e6)/1e4))
		v.Set("speed-"+m.Mode, f(m.Speed))
		v.Set("grams-"+m.Mode, f(m.Grams))
		v.Set("source-"+m.Mode, m.Source)
	}
	opt := func(p *float64) string {
		if p == nil {
			return ""
		}
		return f(*p)
	}
	for i, o := range a.Services {
		k := fmt.Sprintf("service-%d-", i)
		v.Set(k+"id", strconv.FormatInt(o.ServiceID, 10))
		v.Set(k+"visits", opt(o.VisitsPerCase))
		v.Set(k+"distance", opt(o.DistanceKm))
		v.Set(k+"wait", opt(o.WaitMinutes))
		v.Set(k+"sheets", opt(o.Sheets))
	}
	v.Set("rows", strconv.Itoa(len(a.Services)+impactBlankOverrides))
	return v
}

// parseImpact reads the form; unreadable numbers are field errors (a is
// filled as far as it could be read, for further checks). rows
// maps each override to its row in the form (blank rows are skipped).
func parseImpact(v url.Values) (*impact.Assumptions, []int, error) {
	var bad fault.Validator
	num := func(field string) float64 {
		x, err := parseDecimal(v.Get(field))
		if err != nil {
			bad.Add(field, "error.impact.number")
		}
		return x
	}
	a := &impact.Assumptions{
		VisitsPerCase: num("visits_per_case"), VisitsPerAppointment: num("visits_per_appointment"),
		DistanceKm: num("distance_km"), WaitMinutes: num("wait_minutes"), Sheets: num("sheets"),
		GramsPerSheet: num("grams_per_sheet"),
		WaitSource:    strings.TrimSpace(v.Get("wait_source")), PaperSource: strings.TrimSpace(v.Get("paper_source")),
	}
	a.Version, _ = strconv.ParseInt(v.Get("version"), 10, 64)
	for _, m := range impact.Modes {
		a.Modes = append(a.Modes, impact.ModeAssumption{Mode: m, Share: num("share-"+m) / 100,
			Speed: num("speed-" + m), Grams: num("grams-" + m), Source: strings.TrimSpace(v.Get("source-" + m))})
	}
	var rows []int
	for i := range overrideRows(v) {
		k := fmt.Sprintf("service-%d-", i)
		if v.Get(k+"id") == "" {
			continue
		}
		id, err := strconv.ParseInt(v.Get(k+"id"), 10, 64)
		if err != nil {
			bad.Add(k+"id", "error.impact.service")
		}
		opt := func(name string) *float64 {
			if strings.TrimSpace(v.Get(k+name)) == "" {
				return nil
			}
			x := num(k + name)
			return &x
		}
		rows = append(rows, i)
		a.Services = append(a.Services, impact.Override{ServiceID: id, VisitsPerCase: opt("visits"),
			DistanceKm: opt("distance"), WaitMinutes: opt("wait"), Sheets: opt("sheets")})
	}
	return a, rows, bad.Err()
}

// mergeFieldErrors adds the field errors of more to those of err, except
// for fields err already complains about.
func mergeFieldErrors(err, more error) error {
	if more == nil {
		return err
	}
	out := *fault.As(err)
	seen := map[string]bool{}
	for _, f := range out.Fields {
		seen[f.Field] = true
	}
	for _, f := range fault.As(more).Fields {
		if !seen[f.Field] {
			out.Fields = append(out.Fields, f)
		}
	}
	return &out
}

// renumberOverrides names the override fields of err by their form rows.
func renumberOverrides(err error, rows []int) error {
	fe := fault.As(err)
	if err == nil || fe.Kind != fault.Invalid {
		return err
	}
	out := *fe
	out.Fields = nil
	for _, f := range fe.Fields {
		var j int
		var rest string
		if n, _ := fmt.Sscanf(f.Field, "service-%d-%s", &j, &rest); n == 2 && j < len(rows) {
			f.Field = fmt.Sprintf("service-%d-%s", rows[j], rest)
		}
		out.Fields = append(out.Fields, f)
	}
	return &out
}

// parseDecimal reads a number written with a decimal point or comma.
func parseDecimal(s string) (float64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	x, err := strconv.ParseFloat(s, 64)
	if err == nil && (math.IsNaN(x) || math.IsInf(x, 0)) {
		return 0, strconv.ErrSyntax
	}
	return x, err
}
