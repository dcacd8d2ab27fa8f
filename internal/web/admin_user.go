package web

import (
	"net/http"
	"strconv"

	"rathaus/internal/account"
	"rathaus/internal/audit"
	"rathaus/internal/fault"
)

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

// userPage loads the account of the path's {id} with its roles and, for
// platform admins, its recent audit entries, after checking that the
// actor may see it; the read itself is audited.
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
