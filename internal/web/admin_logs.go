package web

import (
	"net/http"
	"strconv"

	"rathaus/internal/audit"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
)

const auditPageSize = 50

func (s *Server) handleAdminOrgs(w http.ResponseWriter, r *http.Request) error {
	p, err := s.orgsPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "admin_orgs", p)
}

func (s *Server) orgsPage(r *http.Request) (adminPage, error) {
	p, err := s.adminPage(r, "admin.orgs.title")
	if err != nil {
		return p, err
	}
	p.Kinds = orgKinds
	p.Tree, err = s.opts.Orgs.Tree(r.Context())
	return p, err
}

// handleAdminAudit pages through the security log, newest first.
func (s *Server) handleAdminAudit(w http.ResponseWriter, r *http.Request) error {
	p, err := s.adminPage(r, "admin.audit.title")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	p.Action = q.Get("action")
	before, _ := strconv.ParseInt(q.Get("before"), 10, 64)
	p.Audit, err = s.opts.Audit.FindAuditEntries(r.Context(), audit.Filter{Action: p.Action, BeforeID: before, Limit: auditPageSize})
	if err != nil {
		return err
	}
	if len(p.Audit) == auditPageSize {
		next := q
		next.Set("before", strconv.FormatInt(p.Audit[len(p.Audit)-1].ID, 10))
		p.NextPage = "/admin/audit?" + next.Encode()
	}
	return s.render(w, r, "admin_audit", p)
}

// handleAdminMails lists the outbox: in the demo, the mailbox where the
// verification links can be followed.
func (s *Server) handleAdminMails(w http.ResponseWriter, r *http.Request) error {
	p, err := s.adminPage(r, "admin.mails.title")
	if err != nil {
		return err
	}
	if p.Mails, err = s.opts.Mail.FindMessages(r.Context(), mail.Filter{Limit: 100}); err != nil {
		return err
	}
	return s.render(w, r, "admin_mails", p)
}

func (s *Server) handleAdminMail(w http.ResponseWriter, r *http.Request) error {
	p, err := s.adminPage(r, "admin.mail.title")
	if err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if p.Mail, err = s.opts.Mail.FindMessageByID(r.Context(), id); err != nil {
		return err
	}
	actor := currentUser(r).ID
	if p.Mail.UserID != nil && *p.Mail.UserID != actor {
		err = s.opts.Audit.CreateAuditEntry(r.Context(), &audit.Entry{At: s.now(), ActorID: &actor, SubjectID: p.Mail.UserID,
			Action: audit.PersonalDataRead, Detail: "outgoing mail", IP: s.clientIP(r)})
	}
	if err != nil {
		return err
	}
	return s.render(w, r, "admin_mail", p)
}

func (s *Server) handleAdminJobs(w http.ResponseWriter, r *http.Request) error {
	p, err := s.adminPage(r, "admin.jobs.title")
	if err != nil {
		return err
	}
	if p.Jobs, err = s.opts.Jobs.FindJobs(r.Context(), jobs.Filter{Status: r.URL.Query().Get("status"), Limit: 100}); err != nil {
		return err
	}
	return s.render(w, r, "admin_jobs", p)
}
