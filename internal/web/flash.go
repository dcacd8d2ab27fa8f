package web

import (
	"net/http"
	"strings"
)

// Flash is a one-shot message shown on the page after a redirect.
type Flash struct {
	Kind    string // "success" or "info": the KERN alert variant
	Message string // translated
}

const flashCookie = "rathaus_flash"

// redirect answers with 303 See Other, the redirect of post/redirect/get.
func redirect(w http.ResponseWriter, r *http.Request, to string) {
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// redirectFlash redirects and leaves a success message (a translation
// key) for the next page. The cookie is signed and holds only the key,
// and only known keys are shown, so nobody can plant text through it.
func (s *Server) redirectFlash(w http.ResponseWriter, r *http.Request, to, key string) error {
	return s.redirectFlashKind(w, r, to, "success", key)
}

// redirectFlashKind is redirectFlash with the alert kind: "success" or "info".
func (s *Server) redirectFlashKind(w http.ResponseWriter, r *http.Request, to, kind, key string) error {
	s.setSignedCookie(w, flashCookie, kind+":"+key, 60)
	redirect(w, r, to)
	return nil
}

// takeFlash moves a flash from its cookie into the request state and
// deletes the cookie. Only page views (GET) consume it, so a flash set by
// a POST survives until the page it redirects to.
func (s *Server) takeFlash(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, err := r.Cookie(flashCookie)
		if err == nil && r.Method == http.MethodGet && !isAPI(r) && !strings.HasPrefix(r.URL.Path, "/static/") {
			v, _ := s.signedCookie(r, flashCookie)
			kind, key, _ := strings.Cut(v, ":")
			if (kind == "success" || kind == "info") && s.tr.Has(key) {
				st := state(r)
				st.flash = &Flash{Kind: kind, Message: s.tr.T(st.lang, key)}
			}
			s.deleteCookie(w, flashCookie)
		}
		next.ServeHTTP(w, r)
	})
}
