package web

import (
	"encoding/json"
	"net/http"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/report"
)

// exportFile is the data export (GDPR Art. 15 and 20): everything rathaus
// holds about the account, without secrets (hashes are not the person's
// data and would only help an attacker).
type exportFile struct {
	ExportedAt time.Time     `json:"exported_at"`
	Account    exportAccount `json:"account"`
	Roles      []exportRole  `json:"roles"`
	Sessions   []exportSess  `json:"sessions"`
	Tokens     []exportToken `json:"api_tokens"`
	Audit      []exportAudit `json:"security_log"`
	Mails      []exportMail  `json:"mails"`
	// Reports are the defect reports sent while logged in, with what the
	// city keeps of the reporter.
	Reports []exportReport `json:"defect_reports,omitempty"`
}

type exportReport struct {
	Reference   string    `json:"reference"`
	RequestedAt time.Time `json:"requested_at"`
	Status      string    `json:"status"`
	Description string    `json:"description"`
	Address     string    `json:"address,omitempty"`
	Lat         *float64  `json:"lat,omitempty"`
	Long        *float64  `json:"long,omitempty"`
	Email       string    `json:"email,omitempty"`
	Name        string    `json:"name,omitempty"`
	Phone       string    `json:"phone,omitempty"`
	Photos      int       `json:"photos"`
}

type exportAccount struct {
	ID              int64      `json:"id"`
	Email           string     `json:"email"`
	DisplayName     string     `json:"display_name"`
	Locale          string     `json:"locale"`
	CreatedAt       time.Time  `json:"created_at"`
	EmailVerifiedAt *time.Time `json:"email_verified_at"`
	LastLoginAt     *time.Time `json:"last_login_at"`
	SecondFactor    bool       `json:"second_factor"`
	OpenIDIssuer    string     `json:"openid_issuer,omitempty"`
	OpenIDSubject   string     `json:"openid_subject,omitempty"`
}

type exportRole struct {
	Role string `json:"role"`
	Org  string `json:"organisation"`
}

type exportSess struct {
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	UserAgent  string    `json:"user_agent"`
}

type exportToken struct {
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
}

type exportAudit struct {
	At     time.Time `json:"at"`
	Action string    `json:"action"`
	IP     string    `json:"ip,omitempty"`
}

type exportMail struct {
	CreatedAt time.Time  `json:"created_at"`
	SentAt    *time.Time `json:"sent_at"`
	Subject   string     `json:"subject"`
	Text      string     `json:"text"`
}

// handleExport sends the data export as a JSON download.
func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	x, err := s.opts.Accounts.Export(r.Context(), u, s.opts.Mail)
	if err != nil {
		return err
	}
	f := exportFile{ExportedAt: s.now().UTC(), Account: exportAccount{ID: u.ID, Email: u.Email, DisplayName: u.DisplayName,
		Locale: u.Locale, CreatedAt: u.CreatedAt, EmailVerifiedAt: u.EmailVerifiedAt, LastLoginAt: u.LastLoginAt,
		SecondFactor: u.TOTPEnabled, OpenIDIssuer: u.OIDCIssuer, OpenIDSubject: u.OIDCSubject}}
	if s.opts.Orgs != nil {
		roles, err := s.opts.Orgs.RolesOf(r.Context(), u.ID)
		if err != nil {
			return err
		}
		for _, rv := range roles {
			f.Roles = append(f.Roles, exportRole{Role: rv.Grant.Role, Org: rv.Org.Name})
		}
	}
	fillExport(&f, x)
	if f.Reports, err = s.exportReports(r, u.ID); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="rathaus-daten.json"`)
	w.Header().Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

func fillExport(f *exportFile, x *account.Export) {
	f.Roles = nonNil(f.Roles)
	f.Sessions, f.Tokens, f.Audit, f.Mails = []exportSess{}, []exportToken{}, []exportAudit{}, []exportMail{}
	for _, s := range x.Sessions {
		f.Sessions = append(f.Sessions, exportSess{s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.UserAgent})
	}
	for _, t := range x.Tokens {
		f.Tokens = append(f.Tokens, exportToken{t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt})
	}
	for _, e := range x.Audit {
		f.Audit = append(f.Audit, exportAudit{e.At, e.Action, e.IP})
	}
	for _, m := range x.Mails {
		f.Mails = append(f.Mails, exportMail{m.CreatedAt, m.SentAt, m.Subject, m.Text})
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (s *Server) handleDeleteForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.accountPage(r, "delete.title")
	if err != nil {
		return err
	}
	return s.render(w, r, "account_delete", p)
}

// handleDelete removes the account after the person confirms with their
// password (or, without one, their address).
func (s *Server) handleDelete(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	if err := s.opts.Accounts.Delete(r.Context(), currentUser(r), values.Get("confirm")); err != nil {
		if !fault.Is(err, fault.Invalid) {
			return err
		}
		p, perr := s.accountPage(r, "delete.title")
		if perr != nil {
			return perr
		}
		return s.accountForm(w, r, "account_delete", p, err)
	}
	s.clearSessionCookie(w)
	return s.redirectFlash(w, r, "/", "flash.account_deleted")
}

// exportReports lists the defect reports of account id for its export.
func (s *Server) exportReports(r *http.Request, id int64) ([]exportReport, error) {
	if s.opts.Reports == nil {
		return nil, nil
	}
	reps, _, err := s.opts.Reports.Store.FindDefectReports(r.Context(), report.Filter{AccountID: &id, Limit: 1000})
	if err != nil {
		return nil, err
	}
	out := make([]exportReport, 0, len(reps))
	for _, rep := range reps {
		out = append(out, exportReport{Reference: rep.Reference, RequestedAt: rep.RequestedAt, Status: string(rep.Status),
			Description: rep.Description, Address: rep.Location.Address, Lat: rep.Location.Lat, Long: rep.Location.Long,
			Email: rep.Contact.Email, Name: rep.Contact.Name, Phone: rep.Contact.Phone, Photos: len(rep.Photos)})
	}
	return out, nil
}
