package web

import (
	"net/http"

	"rathaus/internal/catalog"
)

// handleCatalogAdminPreview renders the submitted text with the public
// service page, without saving anything. The edit form opens it in a new
// window (its button says so), so the form keeps what the editor typed.
// Problems of the input do not stop the preview; saving reports them.
// Under the page it shows the plain-language report of the text fields.
func (s *Server) handleCatalogAdminPreview(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	c, _ := contentFromForm(values)
	c = c.Normalize()
	svc := &catalog.Service{Status: catalog.StatusDraft, Content: c}
	v, err := s.serviceView(r, svc)
	if err != nil {
		return err
	}
	// serviceView lists the offices that offer a published service; a
	// preview shows the ones chosen in the form.
	v.Offices = nil
	f := s.catalogFmt(langOf(r))
	for _, id := range c.OfficeIDs {
		if o, err := s.opts.Services.Office(r.Context(), id); err == nil {
			v.Offices = append(v.Offices, s.officeView(f, o))
		}
	}
	p := servicePage{Page: s.page(r, "catalog_admin.preview.title"), Service: v}
	if c.Name != "" {
		p.Title = c.Name
	}
	p.Flash = &Flash{Kind: "info", Message: s.t(r, "catalog_admin.preview.notice")}
	p.Crumbs = catalogCrumbs{Page: p.Page, Links: []namedLink{{s.t(r, "catalog.search.title"), "/leistungen"}}, ContentLang: true}
	return s.render(w, r, "plainlang_preview", s.withPlainLang(r, p, c)) // plainlang_preview.go
}
