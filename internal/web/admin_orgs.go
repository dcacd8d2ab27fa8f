package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// orgKinds are the kinds offered in the form, from the top down.
var orgKinds = []string{org.KindGroup, org.KindOrganisation, org.KindDepartment, org.KindUnit}

// handleAdminOrgCreate adds a node to the tree below one the actor
// administers (org.Service.CreateAs decides); bad input re-renders the page.
func (s *Server) handleAdminOrgCreate(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	o := &org.Org{Kind: values.Get("kind"), Slug: strings.TrimSpace(values.Get("slug")), Name: values.Get("name")}
	if p := values.Get("parent"); p != "" {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return s.orgFormFailed(w, r, values, fault.Fields(fault.FieldError{Field: "parent", Key: "error.org.not_found"}))
		}
		o.ParentID = &id
	}
	err = s.opts.Orgs.CreateAs(r.Context(), actorOf(r), o)
	switch {
	case err == nil:
		return s.redirectFlash(w, r, "/admin/orgs", "flash.org_created")
	case fault.Is(err, fault.Conflict):
		return s.orgFormFailed(w, r, values, fault.Fields(fault.FieldError{Field: "slug", Key: "error.org.slug_taken"}))
	case fault.Is(err, fault.NotFound):
		return s.orgFormFailed(w, r, values, fault.Fields(fault.FieldError{Field: "parent", Key: "error.org.not_found"}))
	case fault.Is(err, fault.Invalid):
		return s.orgFormFailed(w, r, values, err)
	}
	return err
}

func (s *Server) orgFormFailed(w http.ResponseWriter, r *http.Request, values url.Values, err error) error {
	p, perr := s.orgsPage(r)
	if perr != nil {
		return perr
	}
	p.Form = s.formFor(r, values, err)
	return s.renderStatus(w, r, statusOf(err), "admin_orgs", p)
}
