package web

import (
	"net/http"
	"net/url"

	"rathaus/internal/account"
	"rathaus/internal/fault"
)

// authPage is the data of the registration, login and related forms.
type authPage struct {
	Page
	Next        string // local path to return to after login
	OIDCEnabled bool
	OIDCLabel   string
	Unverified  bool // the login failed for an unconfirmed address: offer a new link
}

func (s *Server) authPage(r *http.Request, titleKey string) authPage {
	return authPage{Page: s.page(r, titleKey), Next: localPathOr(r.FormValue("next"), ""),
		OIDCEnabled: s.opts.OIDC != nil, OIDCLabel: s.opts.OIDCLabel}
}

// localPathOr returns p when it is a local path, else def.
func localPathOr(p, def string) string {
	if p == "" {
		return def
	}
	if lp := localPath(p); lp != "/" || p == "/" {
		return lp
	}
	return def
}

// formError re-renders a form page with the problems of err, when err is
// something the person can fix; other errors go to the error adapter.
func (s *Server) formError(w http.ResponseWriter, r *http.Request, tpl string, p authPage, values url.Values, err error) error {
	switch fault.KindOf(err) {
	case fault.Invalid, fault.Unauthenticated, fault.Forbidden, fault.TooMany, fault.Conflict:
	default:
		return err
	}
	p.Form = s.formFor(r, values, err)
	return s.renderStatus(w, r, statusOf(err), tpl, p)
}

func (s *Server) handleRegisterForm(w http.ResponseWriter, r *http.Request) error {
	if currentUser(r) != nil {
		redirect(w, r, "/account")
		return nil
	}
	return s.render(w, r, "account_register", s.authPage(r, "register.title"))
}

// handleRegister opens an account and asks the person to confirm their
// address. The answer is the same whether or not the address was taken.
func (s *Server) handleRegister(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	reg := account.Registration{Email: values.Get("email"), DisplayName: values.Get("display_name"),
		Password: values.Get("password"), Locale: langOf(r)}
	if values.Get("password") != values.Get("password_confirm") {
		err = fault.Fields(fault.FieldError{Field: "password_confirm", Key: "error.password.mismatch"})
	} else if err = s.opts.Accounts.AllowMailFrom(r.Context(), s.clientIP(r)); err == nil {
		err = s.opts.Accounts.Register(r.Context(), reg)
	}
	if err != nil {
		return s.formError(w, r, "account_register", s.authPage(r, "register.title"), values, err)
	}
	return s.redirectFlashKind(w, r, "/register/sent", "info", "flash.register_sent")
}

func (s *Server) handleRegisterSent(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "account_register_sent", s.authPage(r, "register_sent.title"))
}

type verifyPage struct {
	authPage
	Token string
}

// handleVerifyForm shows the mailed link's page: one button that confirms.
// Opening the link changes nothing, so a mail scanner that follows every
// link cannot use it up.
func (s *Server) handleVerifyForm(w http.ResponseWriter, r *http.Request) error {
	token := r.URL.Query().Get("token")
	if err := s.opts.Accounts.CheckVerification(r.Context(), token); err != nil {
		if !fault.Is(err, fault.Invalid) {
			return err
		}
		return s.renderStatus(w, r, http.StatusBadRequest, "account_verify_failed", s.authPage(r, "verify.failed_title"))
	}
	return s.render(w, r, "account_verify", verifyPage{s.authPage(r, "verify.title"), token})
}

// handleVerify confirms an address and logs the person in, so they
// continue where they meant to.
func (s *Server) handleVerify(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	u, err := s.opts.Accounts.Verify(r.Context(), values.Get("token"))
	if fault.Is(err, fault.Invalid) {
		p := s.authPage(r, "verify.failed_title")
		return s.renderStatus(w, r, http.StatusBadRequest, "account_verify_failed", p)
	}
	if err != nil {
		return err
	}
	return s.startSession(w, r, u, "/account", "flash.verified")
}

// handleResendVerification mails a new link; it never reveals whether the
// address has an account.
func (s *Server) handleResendVerification(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	email := account.NormalizeEmail(values.Get("email"))
	if !account.ValidEmail(email) {
		err := fault.Fields(fault.FieldError{Field: "email", Key: "error.email.invalid"})
		return s.formError(w, r, "account_verify_failed", s.authPage(r, "verify.failed_title"), values, err)
	}
	err = s.opts.Accounts.AllowMailFrom(r.Context(), s.clientIP(r))
	if err == nil {
		err = s.opts.Accounts.ResendVerification(r.Context(), email)
	}
	if err != nil {
		return s.formError(w, r, "account_verify_failed", s.authPage(r, "verify.failed_title"), values, err)
	}
	return s.redirectFlashKind(w, r, "/register/sent", "info", "flash.register_sent")
}

// startSession logs u in: a new session (never a reused one), the cookie,
// and a redirect; with a second factor the redirect goes to its form.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, u *account.User, next, flashKey string) error {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		_ = s.opts.Accounts.Store.DeleteSession(r.Context(), account.HashToken(c.Value))
	}
	raw, sess, err := s.opts.Accounts.StartSession(r.Context(), u, s.clientIP(r), r.UserAgent())
	if err != nil {
		return err
	}
	s.setSessionCookie(w, raw, sess.ExpiresAt)
	if sess.PendingSecond {
		redirect(w, r, "/login/code?"+url.Values{"next": {next}}.Encode())
		return nil
	}
	if u.Locale != "" && u.Locale != langOf(r) {
		s.setLangCookie(w, u.Locale)
	}
	return s.redirectFlash(w, r, next, flashKey)
}

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) error {
	if currentUser(r) != nil {
		redirect(w, r, localPathOr(r.URL.Query().Get("next"), "/account"))
		return nil
	}
	return s.render(w, r, "account_login", s.authPage(r, "login.title"))
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	u, err := s.opts.Accounts.Authenticate(r.Context(), account.Login{Email: values.Get("email"),
		Password: values.Get("password"), IP: s.clientIP(r), UserAgent: r.UserAgent()})
	if err != nil {
		p := s.authPage(r, "login.title")
		p.Unverified = fault.As(err).Key == "error.login.unverified"
		return s.formError(w, r, "account_login", p, values, err)
	}
	return s.startSession(w, r, u, localPathOr(values.Get("next"), "/account"), "flash.logged_in")
}

func (s *Server) handleLoginCodeForm(w http.ResponseWriter, r *http.Request) error {
	if sess := currentSession(r); sess == nil || !sess.PendingSecond {
		redirect(w, r, loginPath)
		return nil
	}
	return s.render(w, r, "account_login_code", s.authPage(r, "login_code.title"))
}

func (s *Server) handleLoginCode(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	c, cerr := r.Cookie(sessionCookie)
	if cerr != nil {
		redirect(w, r, loginPath)
		return nil
	}
	u, err := s.opts.Accounts.SecondFactor(r.Context(), c.Value, values.Get("code"), s.clientIP(r))
	if err != nil {
		return s.formError(w, r, "account_login_code", s.authPage(r, "login_code.title"), values, err)
	}
	if u.Locale != "" && u.Locale != langOf(r) {
		s.setLangCookie(w, u.Locale)
	}
	return s.redirectFlash(w, r, localPathOr(values.Get("next"), "/account"), "flash.logged_in")
}

// handleLogout ends the session of this browser.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		var uid int64
		if sess := currentSession(r); sess != nil {
			uid = sess.UserID
		}
		if err := s.opts.Accounts.Logout(r.Context(), c.Value, uid); err != nil {
			return err
		}
	}
	s.clearSessionCookie(w)
	return s.redirectFlash(w, r, "/", "flash.logged_out")
}
