package web

import (
	"net/http"

	"rathaus/internal/fault"
)

func (s *Server) handleForgotForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "account_forgot", s.authPage(r, "forgot.title"))
}

// handleForgot mails a reset link; the answer is the same for unknown
// addresses, so the form cannot be used to probe for accounts.
func (s *Server) handleForgot(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	err = s.opts.Accounts.AllowMailFrom(r.Context(), s.clientIP(r))
	if err == nil {
		err = s.opts.Accounts.RequestReset(r.Context(), values.Get("email"))
	}
	if err != nil {
		return s.formError(w, r, "account_forgot", s.authPage(r, "forgot.title"), values, err)
	}
	return s.redirectFlashKind(w, r, "/login", "info", "flash.reset_sent")
}

type resetPage struct {
	authPage
	Token string
}

func (s *Server) handleResetForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "account_reset", resetPage{s.authPage(r, "reset.title"), r.URL.Query().Get("token")})
}

// handleReset sets the new password; the token comes in the form body, so
// it does not end up in logs or the Referer header of the next page.
func (s *Server) handleReset(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	p := resetPage{s.authPage(r, "reset.title"), values.Get("token")}
	if values.Get("password") != values.Get("password_confirm") {
		err = fault.Fields(fault.FieldError{Field: "password_confirm", Key: "error.password.mismatch"})
	} else {
		err = s.opts.Accounts.ResetPassword(r.Context(), values.Get("token"), values.Get("password"))
	}
	if err != nil {
		if !fault.Is(err, fault.Invalid) {
			return err
		}
		p.Form = s.formFor(r, values, err)
		return s.renderStatus(w, r, statusOf(err), "account_reset", p)
	}
	s.clearSessionCookie(w)
	return s.redirectFlash(w, r, "/login", "flash.password_reset")
}
