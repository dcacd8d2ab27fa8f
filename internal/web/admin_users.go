package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/account"
	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/org"
)

// adminPage is the data of the admin area's pages.
type adminPage struct {
	Page
	Users     []*account.User
	Subject   *account.User
	Roles     []org.RoleView
	Scope     []*org.Org
	Tree      []*org.Tree
	Audit     []*audit.Entry
	Mails     []*mail.Message
	Mail      *mail.Message
	Jobs      []*jobs.Job
	BaseURL   string
	Query     string
	Action    string
	NextPage  string
	RoleNames []string
}

func actorOf(r *http.Request) org.Actor {
	u := currentUser(r)
	return org.Actor{UserID: u.ID, PlatformAdmin: u.PlatformAdmin}
}

// requireStaff lets platform admins and organisation admins in.
func (s *Server) requireStaff(h handlerFunc) handlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) error {
		scope, err := s.opts.Orgs.Scope(r.Context(), actorOf(r))
		if err != nil {
			return err
		}
		if len(scope) == 0 && !currentUser(r).PlatformAdmin {
			return fault.New(fault.Forbidden, "error.forbidden")
		}
		return h(w, r)
	})
}

func (s *Server) adminPage(r *http.Request, titleKey string) (adminPage, error) {
	p := adminPage{Page: s.page(r, titleKey), RoleNames: org.Roles, BaseURL: s.opts.BaseURL}
	var err error
	p.Scope, err = s.opts.Orgs.Scope(r.Context(), actorOf(r))
	return p, err
}

func (s *Server) handleAdminHome(w http.ResponseWriter, r *http.Request) error {
	p, err := s.adminPage(r, "admin.title")
	if err != nil {
		return err
	}
	return s.render(w, r, "admin_home", p)
}

// handleAdminUsers lists accounts. Platform admins search freely; an
// organisation admin finds a person only by their exact address, and
// otherwise sees the staff of their organisations.
func (s *Server) handleAdminUsers(w http.ResponseWriter, r *http.Request) error {
	p, err := s.adminPage(r, "admin.users.title")
	if err != nil {
		return err
	}
	p.Query = strings.TrimSpace(r.URL.Query().Get("q"))
	if currentUser(r).PlatformAdmin {
		p.Users, err = s.opts.Accounts.Store.FindUsers(r.Context(), account.UserFilter{Query: p.Query, Limit: 200})
	} else {
		p.Users, err = s.scopedUsers(r.Context(), p.Scope, p.Query)
	}
	if err != nil {
		return err
	}
	return s.render(w, r, "admin_users", p)
}

func (s *Server) scopedUsers(ctx context.Context, scope []*org.Org, q string) ([]*account.User, error) {
	if q != "" {
		u, err := s.opts.Accounts.Store.FindUserByEmail(ctx, account.NormalizeEmail(q))
		if fault.Is(err, fault.NotFound) {
			return nil, nil
		}
		return []*account.User{u}, err
	}
	seen := map[int64]bool{}
	var out []*account.User
	for _, o := range scope {
		grants, err := s.opts.Orgs.Store.FindGrants(ctx, org.GrantFilter{OrgID: &o.ID})
		if err != nil {
			return nil, err
		}
		for _, g := range grants {
			if seen[g.UserID] {
				continue
			}
			seen[g.UserID] = true
			u, err := s.opts.Accounts.Store.FindUserByID(ctx, g.UserID)
			if err != nil {
				return nil, err
			}
			out = append(out, u)
		}
	}
	return out, nil
}

func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil {
		return 0, errNotFound
	}
	return id, nil
}

// handleAdminUser shows one account. Reading another person's data is
// recorded in the audit log.
func (s *Server) handleAdminUser(w http.ResponseWriter, r *http.Request) error {
	p, err := s.userPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "admin_user", p)
}

func (s *Server) userPage(r *http.Request) (adminPage, error) {
	p, err := s.adminPage(r, "admin.user.title")
	if err != nil {
		return p, err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return p, err
	}
	ctx := r.Context()
	if p.Subject, err = s.opts.Accounts.Store.FindUserByID(ctx, id); err != nil {
		return p, err
	}
	if p.Roles, err = s.opts.Orgs.RolesOf(ctx, id); err != nil {
		return p, err
	}
	actor := currentUser(r)
	if !actor.PlatformAdmin && !mayView(p, r.URL.Query().Get("email")) {
		return p, fault.New(fault.Forbidden, "error.forbidden")
	}
	if actor.PlatformAdmin {
		if p.Audit, err = s.opts.Audit.FindAuditEntries(ctx, audit.Filter{SubjectID: &id, Limit: 20}); err != nil {
			return p, err
		}
	}
	if actor.ID != id {
		err = s.opts.Audit.CreateAuditEntry(ctx, &audit.Entry{At: s.now(), ActorID: &actor.ID, SubjectID: &id,
			Action: audit.PersonalDataRead, Detail: "admin user page", IP: s.clientIP(r)})
	}
	return p, err
}

// mayView reports whether an organisation admin may see the subject: a
// member of their organisations, or a person whose exact address they
// know (that is how they find someone to grant a first role to).
func mayView(p adminPage, email string) bool {
	if email != "" && account.NormalizeEmail(email) == p.Subject.Email {
		return true
	}
	for _, rv := range p.Roles {
		for _, o := range p.Scope {
			if rv.Org.ID == o.ID {
				return true
			}
		}
	}
	return false
}

// handleAdminGrant gives the user a role on a node the actor administers.
func (s *Server) handleAdminGrant(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(values.Get("org"), 10, 64)
	if _, err := s.opts.Accounts.Store.FindUserByID(r.Context(), id); err != nil {
		return err
	}
	_, err = s.opts.Orgs.GrantAs(r.Context(), actorOf(r), id, values.Get("role"), orgID)
	r.URL.RawQuery = "email=" + url.QueryEscape(values.Get("email"))
	if fault.Is(err, fault.Invalid) || fault.Is(err, fault.NotFound) || fault.Is(err, fault.Conflict) {
		p, perr := s.userPage(r)
		if perr != nil {
			return perr
		}
		if fault.Is(err, fault.NotFound) {
			err = fault.Fields(fault.FieldError{Field: "org", Key: "error.org.not_found"})
		}
		p.Form = s.formFor(r, values, err)
		return s.renderStatus(w, r, statusOf(err), "admin_user", p)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/admin/users/"+r.PathValue("id"), "flash.role_granted")
}

func (s *Server) handleAdminRevoke(w http.ResponseWriter, r *http.Request) error {
	gid, err := pathID(r, "gid")
	if err != nil {
		return err
	}
	g, err := s.opts.Orgs.RevokeAs(r.Context(), actorOf(r), gid)
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/admin/users/"+strconv.FormatInt(g.UserID, 10), "flash.role_revoked")
}

// handleAdminDisable locks or unlocks an account (platform admins only).
func (s *Server) handleAdminDisable(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if id == currentUser(r).ID {
		return fault.New(fault.Conflict, "error.admin.self_disable")
	}
	disable := values.Get("disabled") == "true"
	actor := currentUser(r).ID
	if err := s.opts.Accounts.SetDisabled(r.Context(), &actor, id, disable); err != nil {
		return err
	}
	key := "flash.user_enabled"
	if disable {
		key = "flash.user_disabled"
	}
	return s.redirectFlash(w, r, "/admin/users/"+r.PathValue("id"), key)
}
