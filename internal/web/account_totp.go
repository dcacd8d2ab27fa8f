package web

import (
	"encoding/base64"
	"html/template"
	"net/http"

	"rsc.io/qr"

	"rathaus/internal/account"
	"rathaus/internal/fault"
)

// totpSetup is what the person needs to add rathaus to an authenticator app.
type totpSetup struct {
	Secret string
	QR     template.URL // data: URI of a PNG QR code
}

// handleTOTPBegin creates a pending secret and shows it as QR code and as
// text (for people who cannot scan, or use a screen reader).
func (s *Server) handleTOTPBegin(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.parseForm(r); err != nil {
		return err
	}
	secret, uri, err := s.opts.Accounts.BeginTOTP(r.Context(), currentUser(r))
	if err != nil {
		return err
	}
	return s.renderTOTP(w, r, secret, uri, nil)
}

func (s *Server) renderTOTP(w http.ResponseWriter, r *http.Request, secret, uri string, err error) error {
	code, qerr := qr.Encode(uri, qr.M)
	if qerr != nil {
		return qerr
	}
	p, perr := s.accountPage(r, "totp.title")
	if perr != nil {
		return perr
	}
	p.TOTP = &totpSetup{Secret: secret, QR: template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(code.PNG()))}
	if err != nil {
		return s.accountForm(w, r, "account_totp", p, err)
	}
	return s.render(w, r, "account_totp", p)
}

// handleTOTPConfirm turns the second factor on once a code from the app
// matches the pending secret.
func (s *Server) handleTOTPConfirm(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	u := currentUser(r)
	if err := s.opts.Accounts.ConfirmTOTP(r.Context(), u, values.Get("code")); err != nil {
		if !fault.Is(err, fault.Invalid) || u.TOTPSecret == "" {
			return err
		}
		return s.renderTOTP(w, r, u.TOTPSecret, account.TOTPURI(s.opts.Accounts.Issuer, u.Email, u.TOTPSecret), err)
	}
	return s.redirectFlash(w, r, "/account/security", "flash.totp_enabled")
}

func (s *Server) handleTOTPDisable(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	if err := s.opts.Accounts.DisableTOTP(r.Context(), currentUser(r), values.Get("password")); err != nil {
		p, perr := s.securityPage(r)
		if perr != nil {
			return perr
		}
		return s.accountForm(w, r, "account_security", p, err)
	}
	return s.redirectFlash(w, r, "/account/security", "flash.totp_disabled")
}
