package web

import (
	"net/http"
	"strings"
	"time"

	"rathaus/internal/fault"
)

// sessionCookie holds the raw session token; the database keeps its hash.
const sessionCookie = "rathaus_session"

// loadUser resolves the current user: from an "Authorization: Bearer"
// token under /api/, from the session cookie everywhere else. The API
// ignores cookies, so a browser session can never act through it by
// accident. A bad token is an error (401); a stale cookie is removed and
// the visitor continues anonymously.
func (s *Server) loadUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.opts.Accounts == nil || strings.HasPrefix(r.URL.Path, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		var err error
		if isAPI(r) {
			err = s.loadTokenUser(r)
		} else {
			err = s.loadSessionUser(w, r)
		}
		if err != nil {
			s.serveError(w, r, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) loadTokenUser(r *http.Request) error {
	h := r.Header.Get("Authorization")
	if h == "" {
		return nil
	}
	raw, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		return fault.New(fault.Unauthenticated, "error.token.invalid")
	}
	u, err := s.opts.Accounts.TokenUser(r.Context(), strings.TrimSpace(raw))
	if err != nil {
		return err
	}
	state(r).user = u
	return nil
}

func (s *Server) loadSessionUser(w http.ResponseWriter, r *http.Request) error {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil
	}
	u, sess, err := s.opts.Accounts.SessionUser(r.Context(), c.Value)
	st := state(r)
	switch {
	case err == nil:
		st.user, st.session = u, sess
	case sess != nil && sess.PendingSecond:
		st.session = sess // password checked, second factor due: not logged in yet
	case fault.Is(err, fault.Unauthenticated), fault.Is(err, fault.Forbidden):
		s.clearSessionCookie(w)
	default:
		return err
	}
	return nil
}

// setSessionCookie stores a new session's raw token in the browser.
func (s *Server) setSessionCookie(w http.ResponseWriter, raw string, expires time.Time) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: raw, Path: "/", Expires: expires,
		HttpOnly: true, Secure: s.opts.SecureCookies, SameSite: http.SameSiteLaxMode,
	})
}

// clearSessionCookie removes the session cookie.
func (s *Server) clearSessionCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.opts.SecureCookies, SameSite: http.SameSiteLaxMode,
	})
}

// requireUser lets only logged-in users through; anonymous HTML visitors
// are redirected to the login page, API clients get 401.
func (s *Server) requireUser(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if currentUser(r) == nil {
			return fault.New(fault.Unauthenticated, "error.login.required")
		}
		return h(w, r)
	}
}

// requireAdmin lets only platform admins through.
func (s *Server) requireAdmin(h handlerFunc) handlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) error {
		if !currentUser(r).PlatformAdmin {
			return fault.New(fault.Forbidden, "error.forbidden")
		}
		return h(w, r)
	})
}
