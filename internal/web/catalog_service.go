package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"rathaus/internal/catalog"
)

func serviceURL(id int64) string { return "/leistungen/" + strconv.FormatInt(id, 10) }

// servicePage is a published service, on screen or in the print view.
type servicePage struct {
	Page
	Service serviceView
	Crumbs  catalogCrumbs
	Print   bool
	AbsURL  string // the service page's full address, printed in the print view
}

// catalogCrumbs is the breadcrumb of a catalogue page: the links above it,
// then the page's title (German when ContentLang, as catalogue names are).
type catalogCrumbs struct {
	Page        Page
	Links       []namedLink
	ContentLang bool
}

// serviceView is a service prepared for its page: paragraphs split, fees
// formatted, offices with today's hours, names for ids.
type serviceView struct {
	*catalog.Service
	URL, PrintURL string
	Paragraphs    []string
	Easy          []string // Leichte Sprache, in paragraphs
	Fees          []feeRow
	Offices       []officeView
	Org           string // the responsible organisation or authority
	Situations    []namedLink
	Forms, Info   []catalog.Link
	Online        bool
	BookURL       string // booking at the city's offices, when some office takes it
	ApplyURL      string // the online application here, when the service has a published form
	IdeaURL       string // propose an improvement of the service
}

type feeRow struct{ Label, Amount, Note string }

// namedLink is a link with its text.
type namedLink struct{ Name, URL string }

// handleServiceView shows a published service; drafts and archived
// services are not found.
func (s *Server) handleServiceView(w http.ResponseWriter, r *http.Request) error {
	p, err := s.servicePage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "catalog_service", p)
}

// handleServicePrint shows the same content in a print layout without
// navigation.
func (s *Server) handleServicePrint(w http.ResponseWriter, r *http.Request) error {
	p, err := s.servicePage(r)
	if err != nil {
		return err
	}
	p.Print = true
	return s.renderDocument(w, r, "catalog_print", "print-document", p)
}

func (s *Server) servicePage(r *http.Request) (servicePage, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return servicePage{}, errNotFound
	}
	sv, err := s.opts.Services.PublicService(r.Context(), id)
	if err != nil {
		return servicePage{}, err
	}
	v, err := s.serviceView(r, sv)
	if err != nil {
		return servicePage{}, err
	}
	p := servicePage{Page: s.page(r, "catalog.service.title"), Service: v}
	p.Title = sv.Name
	p.AbsURL = s.absURL(v.URL)
	p.Crumbs = catalogCrumbs{Page: p.Page, Links: []namedLink{{s.t(r, "catalog.search.title"), "/leistungen"}}, ContentLang: true}
	return p, nil
}

func (s *Server) serviceView(r *http.Request, sv *catalog.Service) (serviceView, error) {
	ctx := r.Context()
	f := s.catalogFmt(langOf(r))
	v := serviceView{Service: sv, URL: serviceURL(sv.ID), PrintURL: serviceURL(sv.ID) + "/druck",
		Paragraphs: paragraphs(sv.Description), Easy: paragraphs(sv.EasyLanguage), Online: sv.Online(), Org: sv.Authority}
	for _, fee := range sv.Fees {
		v.Fees = append(v.Fees, feeRow{Label: fee.Label, Amount: f.feeAmount(fee), Note: fee.Note})
	}
	for _, l := range sv.Links {
		if l.Kind == catalog.LinkForm {
			v.Forms = append(v.Forms, l)
		} else {
			v.Info = append(v.Info, l)
		}
	}
	offices, err := s.opts.Services.ServiceOffices(ctx, sv)
	if err != nil {
		return v, err
	}
	for _, o := range offices {
		v.Offices = append(v.Offices, s.officeView(f, o))
	}
	if v.Situations, err = s.namedLinks(r, sv.LifeSituations); err != nil {
		return v, err
	}
	if v.BookURL, err = s.bookURL(r, sv.ID); err != nil {
		return v, err
	}
	v.ApplyURL = s.withCampaign(r, sv.ID, s.applyHereURL(r, sv.ID))
	v.IdeaURL = s.ideaURLFor(sv.ID)
	if sv.OrgID != nil && s.opts.Orgs != nil {
		if o, err := s.opts.Orgs.Store.FindOrgByID(ctx, *sv.OrgID); err == nil {
			v.Org = o.Name
		}
	}
	return v, nil
}

// bookURL is the start of the booking for a service some office takes
// bookings for, else "". The service page is in the page cache, so a
// changed office setup shows there by the next minute.
func (s *Server) bookURL(r *http.Request, id int64) (string, error) {
	if s.opts.Appointments == nil {
		return "", nil
	}
	ok, err := s.opts.Appointments.Bookable(r.Context(), id)
	if err != nil || !ok {
		return "", err
	}
	return "/termine/buchen?service=" + strconv.FormatInt(id, 10), nil
}

// namedLinks names the life situations a service belongs to.
func (s *Server) namedLinks(r *http.Request, slugs []string) ([]namedLink, error) {
	if len(slugs) == 0 {
		return nil, nil
	}
	all, err := s.opts.Services.LifeSituations(r.Context())
	if err != nil {
		return nil, err
	}
	var out []namedLink
	for _, slug := range slugs {
		for _, l := range all {
			if l.Slug == slug {
				out = append(out, namedLink{l.Name, situationURL(l.Slug)})
			}
		}
	}
	return out, nil
}

// renderDocument is render for a page with its own document frame (root
// names a template defined by the page) instead of the common layout.
func (s *Server) renderDocument(w http.ResponseWriter, r *http.Request, name, root string, data any) error {
	set, ok := s.templates[name]
	if !ok {
		return fmt.Errorf("render: no template %q", name)
	}
	var buf bytes.Buffer
	if err := set.t.ExecuteTemplate(&buf, root, data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Language", langOf(r))
	h.Add("Vary", "Accept-Language, Cookie")
	_, _ = w.Write(buf.Bytes()) // a failed write means the client left
	return nil
}
