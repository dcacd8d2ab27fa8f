package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/report"
)

// rsCategoriesPage lists the organisation's report categories.
type rsCategoriesPage struct {
	Page
	Rows []rsCategoryRow
}

type rsCategoryRow struct {
	URL, Code, NameDE, NameEN, Parent, Unit, Group string
	Active                                         bool
}

// rsCategoryPage is the form of one category, new or existing.
type rsCategoryPage struct {
	Page
	Action  string
	New     bool
	Values  url.Values
	Parents []csOption
	Units   []csOption
}

// Get returns a value of the form.
func (p rsCategoryPage) Get(name string) string { return p.Values.Get(name) }

// handleRSCategories lists the categories with their units.
func (s *Server) handleRSCategories(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	_, tree, err := s.rsOrg(ctx)
	if err != nil {
		return err
	}
	units, err := s.rsUnits(ctx)
	if err != nil {
		return err
	}
	p := rsCategoriesPage{Page: s.page(r, "reports_staff.categories.title")}
	all, _ := s.rsCategoryList(r)
	for _, c := range all {
		row := rsCategoryRow{URL: "/amt/meldekategorien/" + strconv.FormatInt(c.ID, 10), Code: c.Code, NameDE: c.NameDE,
			NameEN: c.NameEN, Unit: rsUnitName(units, c.UnitID), Group: c.Group, Active: c.Active}
		if c.ParentID != nil {
			row.Parent = reportCategoryName(tree, *c.ParentID, langOf(r))
		}
		p.Rows = append(p.Rows, row)
	}
	return s.render(w, r, "reports_staff_categories", p)
}

// rsCategoryList is every category of the organisation, inactive too.
func (s *Server) rsCategoryList(r *http.Request) ([]*report.Category, int64) {
	id, _, err := s.rsOrg(r.Context())
	if err != nil {
		return nil, id
	}
	cats, _ := s.opts.Reports.Store.FindDefectCategories(r.Context(), id)
	return cats, id
}

// rsCategoryFind is the path's category of the organisation; nil for "neu".
func (s *Server) rsCategoryFind(r *http.Request, orgID int64) (*report.Category, error) {
	if r.PathValue("id") == "" {
		return nil, nil
	}
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	c, err := s.opts.Reports.Store.FindDefectCategory(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if c.OrgID != orgID {
		return nil, errNotFound
	}
	return c, nil
}

// rsCategoryValues are a category's fields as the form sends them.
func rsCategoryValues(c *report.Category) url.Values {
	v := url.Values{"code": {c.Code}, "name_de": {c.NameDE}, "name_en": {c.NameEN}, "description": {c.Description},
		"group": {c.Group}, "keywords": {strings.Join(c.Keywords, ", ")}, "position": {strconv.Itoa(c.Position)},
		"attributes": {rsAttributesText(c.Attributes)}}
	if c.ParentID != nil {
		v.Set("parent", strconv.FormatInt(*c.ParentID, 10))
	}
	if c.UnitID != nil {
		v.Set("unit", strconv.FormatInt(*c.UnitID, 10))
	}
	if c.Active {
		v.Set("active", "1")
	}
	return v
}

// rsCategoryPageFor prepares the form with values.
func (s *Server) rsCategoryPageFor(r *http.Request, c *report.Category, v url.Values) (rsCategoryPage, error) {
	p := rsCategoryPage{Page: s.page(r, "reports_staff.category.new"), Action: "/amt/meldekategorien/neu", New: c == nil, Values: v}
	p.Form = s.newForm(r, v)
	if c != nil {
		p.Title = s.t(r, "reports_staff.category.edit", c.Code)
		p.Action = "/amt/meldekategorien/" + strconv.FormatInt(c.ID, 10)
	}
	cats, _ := s.rsCategoryList(r)
	for _, o := range cats {
		if c != nil && o.ID == c.ID {
			continue
		}
		id := strconv.FormatInt(o.ID, 10)
		p.Parents = append(p.Parents, csOption{id, o.Name(langOf(r)), id == v.Get("parent")})
	}
	units, err := s.rsUnits(r.Context())
	for _, u := range units {
		id := strconv.FormatInt(u.ID, 10)
		p.Units = append(p.Units, csOption{id, u.Name, id == v.Get("unit")})
	}
	return p, err
}

// handleRSCategoryForm shows the form of a new or existing category.
func (s *Server) handleRSCategoryForm(w http.ResponseWriter, r *http.Request) error {
	_, orgID := s.rsCategoryList(r)
	c, err := s.rsCategoryFind(r, orgID)
	if err != nil {
		return err
	}
	v := url.Values{"active": {"1"}}
	if c != nil {
		v = rsCategoryValues(c)
	}
	p, err := s.rsCategoryPageFor(r, c, v)
	if err != nil {
		return err
	}
	return s.render(w, r, "reports_staff_category", p)
}

// handleRSCategorySave creates or changes a category; on bad input the
// form comes back with an error summary and nothing is saved.
func (s *Server) handleRSCategorySave(w http.ResponseWriter, r *http.Request) error {
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	_, orgID := s.rsCategoryList(r)
	if orgID == 0 {
		return errNotFound
	}
	old, err := s.rsCategoryFind(r, orgID)
	if err != nil {
		return err
	}
	c := &report.Category{OrgID: orgID}
	if old != nil {
		cp := *old
		c = &cp
	}
	c.Code, c.NameDE, c.NameEN = strings.TrimSpace(v.Get("code")), strings.TrimSpace(v.Get("name_de")), strings.TrimSpace(v.Get("name_en"))
	c.Description, c.Group = strings.TrimSpace(v.Get("description")), strings.TrimSpace(v.Get("group"))
	c.Active = v.Get("active") == "1"
	c.Keywords = nil
	for _, k := range strings.Split(v.Get("keywords"), ",") {
		if k = strings.TrimSpace(k); k != "" {
			c.Keywords = append(c.Keywords, k)
		}
	}
	var fe []fault.FieldError
	c.Position, err = strconv.Atoi(strings.TrimSpace(v.Get("position")))
	if err != nil && strings.TrimSpace(v.Get("position")) != "" {
		fe = append(fe, fault.FieldError{Field: "position", Key: "reports_staff.error.position"})
	}
	c.ParentID, c.UnitID = nil, nil
	if x := v.Get("parent"); x != "" {
		id, err := strconv.ParseInt(x, 10, 64)
		if p, ferr := s.opts.Reports.Store.FindDefectCategory(r.Context(), id); err != nil || ferr != nil || p.OrgID != orgID {
			fe = append(fe, fault.FieldError{Field: "parent", Key: "error.reports.category_parent"})
		} else {
			c.ParentID = &id
		}
	}
	if x := v.Get("unit"); x != "" {
		id, err := strconv.ParseInt(x, 10, 64)
		if _, ferr := s.opts.Orgs.Store.FindOrgByID(r.Context(), id); err != nil || ferr != nil {
			fe = append(fe, fault.FieldError{Field: "unit", Key: "reports_staff.error.unit"})
		} else {
			c.UnitID = &id
		}
	}
	attrs, afe := rsParseAttributes(v.Get("attributes"))
	fe = append(fe, afe...)
	if len(afe) == 0 {
		c.Attributes = attrs
	}
	if err := report.ValidateCategory(c); err != nil {
		for _, x := range fault.As(err).Fields {
			if strings.HasPrefix(x.Field, "attribute-") {
				i, _ := strconv.Atoi(strings.TrimPrefix(x.Field, "attribute-"))
				msg := s.t(r, x.Key, x.Args...)
				x = fault.FieldError{Field: "attributes", Key: "reports_staff.error.attribute", Args: []any{i + 1, msg}}
			}
			fe = append(fe, x)
		}
	}
	if len(fe) == 0 {
		if old == nil {
			err = s.opts.Reports.Store.CreateDefectCategory(r.Context(), c)
		} else {
			err = s.opts.Reports.Store.UpdateDefectCategory(r.Context(), c)
		}
		if fault.KindOf(err) == fault.Conflict {
			fe = append(fe, fault.FieldError{Field: "code", Key: "reports_staff.error.code_taken"})
		} else if err != nil {
			return err
		}
	}
	if len(fe) > 0 {
		p, perr := s.rsCategoryPageFor(r, old, v)
		if perr != nil {
			return perr
		}
		ferr := fault.Fields(fe...)
		p.Form = s.formFor(r, v, ferr)
		return s.renderStatus(w, r, statusOf(ferr), "reports_staff_category", p)
	}
	return s.redirectFlash(w, r, "/amt/meldekategorien", "reports_staff.flash.category_saved")
}
