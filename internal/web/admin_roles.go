package web

import (
	"net/http"
	"net/url"
	"strconv"

	"rathaus/internal/fault"
)

// userURL is the account page of id; with the address an organisation
// admin keeps seeing a person who holds no role in their organisations.
func userURL(id int64, email string) string {
	u := "/admin/users/" + strconv.FormatInt(id, 10)
	if email != "" {
		u += "?" + url.Values{"email": {email}}.Encode()
	}
	return u
}

// handleAdminGrant gives the user a role on a node the actor administers
// (org.Service.GrantAs decides). Invalid input re-renders the page.
func (s *Server) handleAdminGrant(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.opts.Accounts.Store.FindUserByID(r.Context(), id); err != nil {
		return err
	}
	orgID, err := strconv.ParseInt(values.Get("org"), 10, 64)
	if err != nil {
		return s.grantFailed(w, r, values, errNoSuchOrg)
	}
	_, err = s.opts.Orgs.GrantAs(r.Context(), actorOf(r), id, values.Get("role"), orgID)
	switch {
	case err == nil:
		return s.redirectFlash(w, r, userURL(id, values.Get("email")), "flash.role_granted")
	case fault.Is(err, fault.NotFound):
		return s.grantFailed(w, r, values, errNoSuchOrg)
	case fault.Is(err, fault.Invalid), fault.Is(err, fault.Conflict):
		return s.grantFailed(w, r, values, err)
	}
	return err
}

// errNoSuchOrg is the grant form's error for a node that does not exist.
var errNoSuchOrg = fault.Fields(fault.FieldError{Field: "org", Key: "error.org.not_found"})

// grantFailed shows the account page again with the form's errors.
func (s *Server) grantFailed(w http.ResponseWriter, r *http.Request, values url.Values, err error) error {
	r.URL.RawQuery = url.Values{"email": {values.Get("email")}}.Encode()
	p, perr := s.userPage(r)
	if perr != nil {
		return perr
	}
	p.Form = s.formFor(r, values, err)
	return s.renderStatus(w, r, statusOf(err), "admin_user", p)
}

// handleAdminRevoke removes a grant on a node the actor administers.
func (s *Server) handleAdminRevoke(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	gid, err := pathID(r, "gid")
	if err != nil {
		return err
	}
	g, err := s.opts.Orgs.RevokeAs(r.Context(), actorOf(r), gid)
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, userURL(g.UserID, values.Get("email")), "flash.role_revoked")
}

// handleAdminDisable locks or unlocks an account (platform admins only).
// The form says which with disabled=true or disabled=false; anything
// else is refused, so a broken form never unlocks by accident.
func (s *Server) handleAdminDisable(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	disable, err := strconv.ParseBool(values.Get("disabled"))
	if err != nil {
		return errBadRequest
	}
	if id == currentUser(r).ID {
		return fault.New(fault.Conflict, "error.admin.self_disable")
	}
	actor := currentUser(r).ID
	if err := s.opts.Accounts.SetDisabled(r.Context(), &actor, id, disable); err != nil {
		return err
	}
	key := "flash.user_enabled"
	if disable {
		key = "flash.user_disabled"
	}
	return s.redirectFlash(w, r, userURL(id, ""), key)
}
