package web

import (
	"net/http"
	"strconv"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// accountPage is the data of the account pages.
type accountPage struct {
	Page
	Roles       []org.RoleView
	Sessions    []*account.Session
	ThisSession int64 // the session of this browser
	Tokens      []*account.APIToken
	NewToken    string // shown once, right after creation
	TOTP        *totpSetup
	Bookings    bool // the server takes bookings: link "my appointments"
	Cases       bool // the server takes online applications: link "my applications"
	Reports     bool // the server takes defect reports: link "my reports"
}

func (s *Server) accountPage(r *http.Request, titleKey string) (accountPage, error) {
	p := accountPage{Page: s.page(r, titleKey), Bookings: s.opts.Appointments != nil, Cases: s.opts.Cases != nil,
		Reports: s.opts.Reports != nil}
	if s.opts.Orgs != nil {
		roles, err := s.opts.Orgs.RolesOf(r.Context(), p.User.ID)
		if err != nil {
			return p, err
		}
		p.Roles = roles
	}
	return p, nil
}

// accountForm re-renders an account page with the problems of err.
func (s *Server) accountForm(w http.ResponseWriter, r *http.Request, tpl string, p accountPage, err error) error {
	if !fault.Is(err, fault.Invalid) && !fault.Is(err, fault.Conflict) {
		return err
	}
	p.Form = s.formFor(r, r.PostForm, err)
	return s.renderStatus(w, r, statusOf(err), tpl, p)
}

func (s *Server) handleAccount(w http.ResponseWriter, r *http.Request) error {
	p, err := s.accountPage(r, "account.title")
	if err != nil {
		return err
	}
	p.Form.Values.Set("display_name", p.User.DisplayName)
	p.Form.Values.Set("locale", p.User.Locale)
	return s.render(w, r, "account_overview", p)
}

func (s *Server) handleProfileUpdate(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	u := currentUser(r)
	prof := account.Profile{DisplayName: values.Get("display_name"), Locale: values.Get("locale")}
	if err := s.opts.Accounts.UpdateProfile(r.Context(), u, prof); err != nil {
		p, perr := s.accountPage(r, "account.title")
		if perr != nil {
			return perr
		}
		return s.accountForm(w, r, "account_overview", p, err)
	}
	s.setLangCookie(w, prof.Locale)
	return s.redirectFlash(w, r, "/account", "flash.profile_saved")
}

func (s *Server) securityPage(r *http.Request) (accountPage, error) {
	p, err := s.accountPage(r, "security.title")
	if err != nil {
		return p, err
	}
	if p.Sessions, err = s.opts.Accounts.Store.FindSessions(r.Context(), p.User.ID); err != nil {
		return p, err
	}
	if sess := currentSession(r); sess != nil {
		p.ThisSession = sess.ID
	}
	return p, nil
}

func (s *Server) handleSecurity(w http.ResponseWriter, r *http.Request) error {
	p, err := s.securityPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "account_security", p)
}

// handlePasswordChange sets a new password; every session ends, and this
// browser gets a fresh one.
func (s *Server) handlePasswordChange(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	u := currentUser(r)
	var raw string
	var sess *account.Session
	if values.Get("new_password") != values.Get("new_password_confirm") {
		err = fault.Fields(fault.FieldError{Field: "new_password_confirm", Key: "error.password.mismatch"})
	} else {
		raw, sess, err = s.opts.Accounts.ChangePassword(r.Context(), u, values.Get("current_password"),
			values.Get("new_password"), s.clientIP(r), r.UserAgent())
	}
	if err != nil {
		p, perr := s.securityPage(r)
		if perr != nil {
			return perr
		}
		return s.accountForm(w, r, "account_security", p, err)
	}
	s.setSessionCookie(w, raw, sess.ExpiresAt)
	return s.redirectFlash(w, r, "/account/security", "flash.password_changed")
}

// handleSessionEnd ends one session, e.g. of a lost phone.
func (s *Server) handleSessionEnd(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	if err := s.opts.Accounts.EndSession(r.Context(), currentUser(r).ID, id); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/account/security", "flash.session_ended")
}

// handleLogoutEverywhere ends every session of the user, on all devices.
func (s *Server) handleLogoutEverywhere(w http.ResponseWriter, r *http.Request) error {
	if err := s.opts.Accounts.LogoutEverywhere(r.Context(), currentUser(r).ID); err != nil {
		return err
	}
	s.clearSessionCookie(w)
	return s.redirectFlash(w, r, "/login", "flash.logged_out_everywhere")
}

func (s *Server) tokensPage(r *http.Request) (accountPage, error) {
	p, err := s.accountPage(r, "tokens.title")
	if err != nil {
		return p, err
	}
	p.Tokens, err = s.opts.Accounts.Store.FindAPITokens(r.Context(), p.User.ID)
	return p, err
}

func (s *Server) handleTokens(w http.ResponseWriter, r *http.Request) error {
	p, err := s.tokensPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "account_tokens", p)
}

// handleTokenCreate shows the new token once, in the response itself:
// it is never stored in a readable form.
func (s *Server) handleTokenCreate(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	raw, _, err := s.opts.Accounts.CreateAPIToken(r.Context(), currentUser(r), values.Get("name"))
	p, perr := s.tokensPage(r)
	if perr != nil {
		return perr
	}
	if err != nil {
		return s.accountForm(w, r, "account_tokens", p, err)
	}
	p.NewToken = raw
	return s.renderStatus(w, r, http.StatusCreated, "account_tokens", p)
}

func (s *Server) handleTokenDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return fault.New(fault.NotFound, "error.not_found")
	}
	if err := s.opts.Accounts.DeleteAPIToken(r.Context(), currentUser(r), id); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/account/tokens", "flash.token_deleted")
}
