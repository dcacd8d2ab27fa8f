package web

import (
	"net/http"
	"net/url"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/i18n"
)

const langCookie = "lang"

// detectLang sets the request's language: the lang cookie when it names a
// supported language, else the best match of Accept-Language.
func (s *Server) detectLang(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := state(r)
		if c, err := r.Cookie(langCookie); err == nil && i18n.Supported(c.Value) {
			st.lang = c.Value
		} else {
			st.lang = i18n.Negotiate(r.Header.Get("Accept-Language"))
		}
		next.ServeHTTP(w, r)
	})
}

// handleLanguage switches the language without JavaScript:
// GET /lang?to=en&back=/impressum sets the cookie and returns to back,
// which must be a path on this site.
func (s *Server) handleLanguage(w http.ResponseWriter, r *http.Request) error {
	to := r.URL.Query().Get("to")
	if !i18n.Supported(to) {
		return fault.New(fault.Invalid, "error.lang.unsupported")
	}
	s.setLangCookie(w, to)
	redirect(w, r, localPath(r.URL.Query().Get("back")))
	return nil
}

// setLangCookie remembers the chosen language for a year.
func (s *Server) setLangCookie(w http.ResponseWriter, lang string) {
	http.SetCookie(w, &http.Cookie{
		Name: langCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, Secure: s.opts.SecureCookies, SameSite: http.SameSiteLaxMode,
	})
}

// localPath returns p when it is a path on this site, else "/". It
// refuses anything a browser could read as another host: "//evil",
// "/\evil", "https://evil", control characters.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return "/"
	}
	if strings.ContainsFunc(p, func(c rune) bool { return c < 0x20 || c == 0x7f || c == '\\' }) {
		return "/"
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return p
}
