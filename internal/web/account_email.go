package web

import (
	"net/http"

	"rathaus/internal/fault"
)

// handleEmailChange asks for a new address; the change happens when the
// link mailed to it is confirmed.
func (s *Server) handleEmailChange(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	err = s.opts.Accounts.AllowMailFrom(r.Context(), s.clientIP(r))
	if err == nil {
		err = s.opts.Accounts.RequestEmailChange(r.Context(), currentUser(r), values.Get("new_email"), values.Get("password"))
	}
	if err != nil {
		p, perr := s.accountPage(r, "account.title")
		if perr != nil {
			return perr
		}
		p.Form = s.formFor(r, values, err)
		p.Form.Values.Set("display_name", p.User.DisplayName)
		p.Form.Values.Set("locale", p.User.Locale)
		if !fault.Is(err, fault.Invalid) && !fault.Is(err, fault.TooMany) {
			return err
		}
		return s.renderStatus(w, r, statusOf(err), "account_overview", p)
	}
	return s.redirectFlashKind(w, r, "/account", "info", "flash.email_change_sent")
}

// handleEmailConfirmForm shows the mailed link's page with one button, so
// that a mail scanner opening the link changes nothing.
func (s *Server) handleEmailConfirmForm(w http.ResponseWriter, r *http.Request) error {
	token := r.URL.Query().Get("token")
	if err := s.opts.Accounts.CheckEmailChange(r.Context(), token); err != nil {
		if !fault.Is(err, fault.Invalid) {
			return err
		}
		return s.renderStatus(w, r, http.StatusBadRequest, "account_email_failed", s.authPage(r, "email_confirm.failed_title"))
	}
	return s.render(w, r, "account_email_confirm", verifyPage{s.authPage(r, "email_confirm.title"), token})
}

func (s *Server) handleEmailConfirm(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	if _, err := s.opts.Accounts.ConfirmEmailChange(r.Context(), values.Get("token")); err != nil {
		if !fault.Is(err, fault.Invalid) && !fault.Is(err, fault.Conflict) {
			return err
		}
		p := s.authPage(r, "email_confirm.failed_title")
		p.Form = s.formFor(r, values, err)
		return s.renderStatus(w, r, statusOf(err), "account_email_failed", p)
	}
	to := "/login"
	if currentUser(r) != nil {
		to = "/account"
	}
	return s.redirectFlash(w, r, to, "flash.email_changed")
}
