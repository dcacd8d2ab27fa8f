package web

import (
	"net/http"
)

// handleHome shows what rathaus offers and, in demo mode, the demo accounts.
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "home", s.page(r, "home.title"))
}

// handleImprint shows the imprint (Impressum, § 5 DDG).
func (s *Server) handleImprint(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "imprint", s.page(r, "imprint.title"))
}

// handlePrivacy shows the privacy notice (Art. 13 GDPR).
func (s *Server) handlePrivacy(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "privacy", s.page(r, "privacy.title"))
}

// handleEasyLanguage explains the home page in Leichte Sprache.
func (s *Server) handleEasyLanguage(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "easy", s.page(r, "easy.title"))
}
