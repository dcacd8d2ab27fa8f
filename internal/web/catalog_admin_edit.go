package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// catalogEditPage is the edit form of a service, or of a new one.
type catalogEditPage struct {
	Page
	Service     *catalog.Service // nil for a new service
	StatusBadge badge
	Action      string // where the form posts
	HistoryURL  string
	Public      string // the public page, when the service is published
	FourEyes    bool
	Pending     []revisionView // changes of this service waiting for review

	Fees           []editFeeRow
	LegalBases     []editLegalRow
	Links          []editLinkRow
	LifeSituations editGroup
	TargetGroups   editGroup
	Offices        editGroup
	OZGLevel       editGroup
	Org            editGroup
}

// editGroup is a group of checkboxes or radio buttons (partial
// "choice-group") or a select (partial "select").
type editGroup struct {
	Form                            *Form
	Name, Type, Legend, Hint, Error string
	Optional                        bool
	Choices                         []editChoice
}

// editChoice is one checkbox, radio button or select option.
type editChoice struct {
	ID, Value, Label, Hint string
	Checked                bool
}

type editFeeRow struct {
	Legend                   string
	Label, Amount, Max, Note Field
}

type editLegalRow struct {
	Legend        string
	Citation, URL Field
}

type editLinkRow struct {
	Legend     string
	Kind       editGroup
	Title, URL Field
}

func serviceEditPath(id int64) string { return "/admin/catalog/services/" + strconv.FormatInt(id, 10) }

// handleCatalogAdminEdit shows the form with the service's current text.
func (s *Server) handleCatalogAdminEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	svc, err := s.opts.Services.Service(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	return s.renderEditForm(w, r, svc, contentValues(svc.Content), nil)
}

// handleCatalogAdminNew shows an empty form for a new service.
func (s *Server) handleCatalogAdminNew(w http.ResponseWriter, r *http.Request) error {
	return s.renderEditForm(w, r, nil, url.Values{"ozg_level": {"0"}}, nil)
}

// handleCatalogAdminSave records the submitted text as a new revision:
// published at once, or waiting for a second person under four-eyes.
func (s *Server) handleCatalogAdminSave(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx, a := r.Context(), actorOf(r)
	svc, err := s.opts.Services.Service(ctx, a, id)
	if err != nil {
		return err
	}
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	c, err := checkedContent(values)
	if err != nil {
		return s.renderEditForm(w, r, svc, values, err)
	}
	keepOrder(&c, svc.Content)
	rev, err := s.opts.Services.Propose(ctx, a, id, c, values.Get("comment"))
	if err = orgRefused(err); fault.Is(err, fault.Invalid) {
		return s.renderEditForm(w, r, svc, values, err)
	}
	if err != nil {
		return err
	}
	if rev.State == catalog.RevisionPending {
		return s.redirectFlash(w, r, revisionPath(rev.ID), "catalog_admin.flash.pending")
	}
	return s.redirectFlash(w, r, serviceEditPath(id), "catalog_admin.flash.published")
}

// handleCatalogAdminCreate adds a new service from the empty form.
func (s *Server) handleCatalogAdminCreate(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	c, err := checkedContent(values)
	if err != nil {
		return s.renderEditForm(w, r, nil, values, err)
	}
	svc, _, err := s.opts.Services.CreateService(r.Context(), actorOf(r), c, values.Get("comment"))
	if err = orgRefused(err); fault.Is(err, fault.Invalid) {
		return s.renderEditForm(w, r, nil, values, err)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, serviceEditPath(svc.ID), "catalog_admin.flash.created")
}

// keepOrder keeps the stored order of the choices the form lists in its
// own order (checkboxes), so that saving without touching them changes
// nothing: the order of offices is the order the public page shows.
func keepOrder(c *catalog.Content, old catalog.Content) {
	c.TargetGroups = stableOrder(old.TargetGroups, c.TargetGroups)
	c.LifeSituations = stableOrder(old.LifeSituations, c.LifeSituations)
	c.OfficeIDs = stableOrder(old.OfficeIDs, c.OfficeIDs)
}

// stableOrder returns chosen with the entries of old first, in old's
// order, then the new ones in the order given.
func stableOrder[T comparable](old, chosen []T) []T {
	var out []T
	for _, x := range old {
		if slices.Contains(chosen, x) {
			out = append(out, x)
		}
	}
	for _, x := range chosen {
		if !slices.Contains(old, x) {
			out = append(out, x)
		}
	}
	return out
}

// orgRefused turns a refusal of the content into a problem of the
// organisation field: the actor may edit the service but not assign it to
// the organisation chosen (catalog.Catalog checks both).
func orgRefused(err error) error {
	if fault.Is(err, fault.Forbidden) {
		return fault.Fields(fault.FieldError{Field: "org_id", Key: "error.catalog_admin.org_refused"})
	}
	return err
}

// checkedContent reads the form and reports the form's own problems
// together with those of Content.Validate, so the editor sees them all
// at once.
func checkedContent(values url.Values) (catalog.Content, error) {
	c, bad := contentFromForm(values)
	if len(bad) == 0 {
		return c, nil
	}
	if err := c.Validate(); err != nil {
		for _, fe := range fault.As(err).Fields {
			if !slices.ContainsFunc(bad, func(b fault.FieldError) bool { return strings.HasPrefix(b.Field, fe.Field) }) {
				bad = append(bad, fe)
			}
		}
	}
	return c, fault.Fields(bad...)
}

// renderEditForm renders the form with values; with err (Invalid) it
// shows the error summary and answers 400.
func (s *Server) renderEditForm(w http.ResponseWriter, r *http.Request, svc *catalog.Service, values url.Values, err error) error {
	titleKey := "catalog_admin.new.title"
	if svc != nil {
		titleKey = "catalog_admin.edit.title"
	}
	p := catalogEditPage{Page: s.page(r, titleKey), Service: svc, Action: "/admin/catalog/new", FourEyes: s.opts.Services.FourEyes}
	if svc != nil {
		p.Title = s.t(r, titleKey, svc.Name)
		p.Action = serviceEditPath(svc.ID)
		p.HistoryURL = serviceHistoryPath(svc.ID)
		p.StatusBadge = s.stateBadge(r, svc.Status)
		if svc.Status == catalog.StatusPublished {
			p.Public = serviceURL(svc.ID)
		}
	}
	status := http.StatusOK
	if err != nil {
		p.Form, status = s.formFor(r, values, err), statusOf(err)
	} else {
		p.Form = s.newForm(r, values)
	}
	if perr := s.fillEditChoices(r.Context(), &p, values); perr != nil {
		return perr
	}
	if perr := p.fillRows(values, err == nil); perr != nil {
		return perr
	}
	if svc != nil {
		if perr := s.fillPending(r, &p); perr != nil {
			return perr
		}
	}
	return s.renderStatus(w, r, status, "catalog_admin_edit", p)
}

func (s *Server) fillPending(r *http.Request, p *catalogEditPage) error {
	pending, err := s.opts.Services.Pending(r.Context(), actorOf(r))
	if err != nil {
		return err
	}
	names := s.newNameCache()
	for _, rev := range pending {
		if rev.ServiceID == p.Service.ID {
			v, err := s.revisionView(r, names, rev)
			if err != nil {
				return err
			}
			p.Pending = append(p.Pending, v)
		}
	}
	return nil
}

// fillRows builds the repeated rows: the submitted ones after a failed
// save, else the service's entries and extraFormRows empty ones.
func (p *catalogEditPage) fillRows(v url.Values, fresh bool) error {
	count := func(group string) int {
		n := formRowCount(v, group)
		if fresh {
			n += extraFormRows
		}
		return max(n, 1)
	}
	f := p.Form
	var err error
	field := func(name, key string, opts ...string) Field {
		fd, ferr := f.Field(name, key, append(opts, "optional")...)
		if ferr != nil {
			err = ferr
		}
		return fd
	}
	for i := range count("fees") {
		k := formRowKey("fees", i)
		p.Fees = append(p.Fees, editFeeRow{Legend: p.T("catalog_admin.fee.legend", i+1),
			Label: field(k+"label", "catalog_admin.fee.label"), Amount: field(k+"amount", "catalog_admin.fee.amount"),
			Max: field(k+"max", "catalog_admin.fee.max"), Note: field(k+"note", "catalog_admin.fee.note")})
	}
	for i := range count("legal_bases") {
		k := formRowKey("legal_bases", i)
		p.LegalBases = append(p.LegalBases, editLegalRow{Legend: p.T("catalog_admin.legal.legend", i+1),
			Citation: field(k+"citation", "catalog_admin.legal.citation"), URL: field(k+"url", "catalog_admin.legal.url", "type=url")})
	}
	for i := range count("links") {
		k := formRowKey("links", i)
		kind := v.Get(k + "kind")
		p.Links = append(p.Links, editLinkRow{Legend: p.T("catalog_admin.link.legend", i+1),
			Kind: p.group(k+"kind", "", "catalog_admin.link.kind", []editChoice{
				{Value: catalog.LinkInfo, Label: p.T("catalog_admin.link.kind_info"), Checked: kind == catalog.LinkInfo},
				{Value: catalog.LinkForm, Label: p.T("catalog_admin.link.kind_form"), Checked: kind == catalog.LinkForm},
			}),
			Title: field(k+"title", "catalog_admin.link.title"), URL: field(k+"url", "catalog_admin.link.url", "type=url")})
	}
	return err
}

// fillEditChoices builds the checkboxes, radio buttons and options, the
// submitted ones checked.
func (s *Server) fillEditChoices(ctx context.Context, p *catalogEditPage, v url.Values) error {
	situations, err := s.opts.Services.LifeSituations(ctx)
	if err != nil {
		return err
	}
	var choices []editChoice
	for _, l := range situations {
		choices = append(choices, editChoice{Value: l.Slug, Label: l.Name})
	}
	p.LifeSituations = p.group("life_situations", "checkbox", "catalog_admin.field.life_situations", checkChoices("life_situations", choices, v["life_situations"]))
	p.TargetGroups = p.group("target_groups", "checkbox", "catalog_admin.field.target_groups", checkChoices("target_groups", []editChoice{
		{Value: catalog.TargetPeople, Label: p.T("catalog_admin.target.people")},
		{Value: catalog.TargetCompanies, Label: p.T("catalog_admin.target.companies")},
	}, v["target_groups"]))
	choices = nil
	for i, hint := range ozgHints {
		choices = append(choices, editChoice{Value: strconv.Itoa(i), Label: p.T("catalog_admin.ozg.level", i), Hint: p.T(hint)})
	}
	p.OZGLevel = p.group("ozg_level", "radio", "catalog_admin.field.ozg_level", checkChoices("ozg_level", choices, v["ozg_level"]))
	p.OZGLevel.Optional = false
	offices, err := s.opts.Services.Offices(ctx)
	if err != nil {
		return err
	}
	choices = nil
	for _, o := range offices {
		choices = append(choices, editChoice{Value: strconv.FormatInt(o.ID, 10), Label: o.Name})
	}
	p.Offices = p.group("office_ids", "checkbox", "catalog_admin.field.office_ids", checkChoices("office_ids", choices, v["office_ids"]))
	return s.fillOrgChoices(ctx, p, v.Get("org_id"))
}

// group makes an optional group of choices with the form's error for name.
func (p *catalogEditPage) group(name, typ, legendKey string, choices []editChoice) editGroup {
	return editGroup{Form: p.Form, Name: name, Type: typ, Legend: p.T(legendKey), Error: p.Form.Error(name),
		Optional: true, Choices: choices}
}

// ozgHints explain the OZG maturity levels 0 to 4.
var ozgHints = []string{"catalog_admin.ozg.hint_0", "catalog_admin.ozg.hint_1", "catalog_admin.ozg.hint_2",
	"catalog_admin.ozg.hint_3", "catalog_admin.ozg.hint_4"}

// fillOrgChoices lists the organisation tree as indented options.
func (s *Server) fillOrgChoices(ctx context.Context, p *catalogEditPage, selected string) error {
	if s.opts.Orgs == nil {
		return nil
	}
	tree, err := s.opts.Orgs.Tree(ctx)
	if err != nil {
		return err
	}
	choices := []editChoice{{Value: "", Label: p.T("catalog_admin.field.org_none"), Checked: selected == ""}}
	var walk func(nodes []*org.Tree, depth int)
	walk = func(nodes []*org.Tree, depth int) {
		for _, n := range nodes {
			id := strconv.FormatInt(n.Org.ID, 10)
			choices = append(choices, editChoice{Value: id, Label: strings.Repeat("\u00a0\u00a0", depth) + n.Org.Name, Checked: id == selected})
			walk(n.Children, depth+1)
		}
	}
	walk(tree, 0)
	p.Org = p.group("org_id", "", "catalog_admin.field.org_id", choices)
	p.Org.Hint = p.T("catalog_admin.hint.org_id")
	return nil
}

// checkChoices marks the chosen values and gives every choice an id; the
// first gets the group's field id, the target of the error summary link.
func checkChoices(group string, list []editChoice, chosen []string) []editChoice {
	for i := range list {
		list[i].Checked = slices.Contains(chosen, list[i].Value)
		list[i].ID = fieldID(group) + "-" + strconv.Itoa(i)
		if i == 0 {
			list[i].ID = fieldID(group)
		}
	}
	return list
}
