package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/report"
)

// rsRulesPage lists the area rules (category × area → unit) with a form
// to add one.
type rsRulesPage struct {
	Page
	Rows       []rsRuleRow
	Categories []csOption
	Areas      []csOption // empty: the area key is typed
	Units      []csOption
}

type rsRuleRow struct {
	ID                   int64
	Category, Area, Unit string
}

// handleRSRules shows the area rules.
func (s *Server) handleRSRules(w http.ResponseWriter, r *http.Request) error {
	p, err := s.rsRulesPage(r, url.Values{})
	if err != nil {
		return err
	}
	return s.render(w, r, "reports_staff_rules", p)
}

func (s *Server) rsRulesPage(r *http.Request, v url.Values) (*rsRulesPage, error) {
	ctx, lang := r.Context(), langOf(r)
	orgID, tree, err := s.rsOrg(ctx)
	if err != nil {
		return nil, err
	}
	rules, err := s.opts.Reports.Store.FindDefectAreaRules(ctx, orgID)
	if err != nil {
		return nil, err
	}
	units, err := s.rsUnits(ctx)
	if err != nil {
		return nil, err
	}
	p := &rsRulesPage{Page: s.page(r, "reports_staff.rules.title")}
	p.Form = s.newForm(r, v)
	for _, ru := range rules {
		u := ru.UnitID
		p.Rows = append(p.Rows, rsRuleRow{ID: ru.ID, Category: reportCategoryName(tree, ru.CategoryID, lang),
			Area: s.rsArea(ru.AreaID), Unit: rsUnitName(units, &u)})
	}
	for _, c := range tree.Active() {
		id := strconv.FormatInt(c.ID, 10)
		p.Categories = append(p.Categories, csOption{id, c.Name(lang), id == v.Get("category")})
	}
	for _, a := range s.reportDistricts() {
		p.Areas = append(p.Areas, csOption{a.Key, a.Name, a.Key == v.Get("area")})
	}
	for _, u := range units {
		id := strconv.FormatInt(u.ID, 10)
		p.Units = append(p.Units, csOption{id, u.Name, id == v.Get("unit")})
	}
	return p, nil
}

// handleRSRuleAdd adds a rule; a rule for the same category and area is
// replaced. Bad input comes back with an error summary, nothing saved.
func (s *Server) handleRSRuleAdd(w http.ResponseWriter, r *http.Request) error {
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	orgID, tree, err := s.rsOrg(ctx)
	if err != nil {
		return err
	}
	if orgID == 0 {
		return errNotFound
	}
	var fe []fault.FieldError
	rule := report.AreaRule{OrgID: orgID, AreaID: strings.TrimSpace(v.Get("area"))}
	rule.CategoryID, _ = strconv.ParseInt(v.Get("category"), 10, 64)
	if tree.ByID(rule.CategoryID) == nil {
		fe = append(fe, fault.FieldError{Field: "category", Key: "error.reports.category"})
	}
	_, known := s.reportDistricts().ByKey(rule.AreaID)
	if rule.AreaID == "" || len(s.reportDistricts()) > 0 && !known || len(rule.AreaID) > 100 {
		fe = append(fe, fault.FieldError{Field: "area", Key: "reports_staff.error.area"})
	}
	uid, perr := strconv.ParseInt(v.Get("unit"), 10, 64)
	if perr == nil {
		_, perr = s.opts.Orgs.Store.FindOrgByID(ctx, uid)
	}
	if perr != nil {
		fe = append(fe, fault.FieldError{Field: "unit", Key: "reports_staff.error.unit"})
	}
	if len(fe) > 0 {
		p, err := s.rsRulesPage(r, v)
		if err != nil {
			return err
		}
		ferr := fault.Fields(fe...)
		p.Form = s.formFor(r, v, ferr)
		return s.renderStatus(w, r, statusOf(ferr), "reports_staff_rules", p)
	}
	rule.UnitID = uid
	rules, err := s.opts.Reports.Store.FindDefectAreaRules(ctx, orgID)
	if err != nil {
		return err
	}
	out := []report.AreaRule{rule}
	for _, ru := range rules {
		if ru.CategoryID != rule.CategoryID || ru.AreaID != rule.AreaID {
			out = append(out, ru)
		}
	}
	if err := s.opts.Reports.Store.SetDefectAreaRules(ctx, orgID, out); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/amt/meldekategorien/gebiete", "reports_staff.flash.rule_saved")
}

// handleRSRuleRemove removes one rule.
func (s *Server) handleRSRuleRemove(w http.ResponseWriter, r *http.Request) error {
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	orgID, _, err := s.rsOrg(ctx)
	if err != nil {
		return err
	}
	id, _ := strconv.ParseInt(v.Get("rule"), 10, 64)
	rules, err := s.opts.Reports.Store.FindDefectAreaRules(ctx, orgID)
	if err != nil {
		return err
	}
	var out []report.AreaRule
	for _, ru := range rules {
		if ru.ID != id {
			out = append(out, ru)
		}
	}
	if len(out) == len(rules) {
		return errNotFound
	}
	if err := s.opts.Reports.Store.SetDefectAreaRules(ctx, orgID, out); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/amt/meldekategorien/gebiete", "reports_staff.flash.rule_removed")
}

// rsSelect is one select of the rule form.
type rsSelect struct {
	Name, Label string
	Options     []csOption
}

// Selects are the rule form's selects: category, area (when the city's
// areas are known) and unit.
func (p *rsRulesPage) Selects() []rsSelect {
	out := []rsSelect{{"category", p.T("reports_staff.col.category"), p.Categories}}
	if len(p.Areas) > 0 {
		out = append(out, rsSelect{"area", p.T("reports_staff.filter.area"), p.Areas})
	}
	return append(out, rsSelect{"unit", p.T("reports_staff.col.unit"), p.Units})
}
