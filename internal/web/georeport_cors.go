package web

import (
	"net/http"
	"strings"

	"rathaus/internal/i18n"
)

// The Open311 API is read by browser clients on partner sites (a city's
// map, a neighbourhood portal): every answer allows any origin. Keys are
// parameters, never cookies, so no credentials are allowed and a foreign
// page gains nothing a curl call would not have.

// geoReportCORS sets the cross-origin headers of every API answer.
func geoReportCORS(h http.Header) {
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Expose-Headers", "Retry-After")
}

// handleGeoReportPreflight answers a browser's CORS preflight (OPTIONS)
// for an API path: 204 with the methods and headers a client may use.
func (s *Server) handleGeoReportPreflight(w http.ResponseWriter, r *http.Request) error {
	h := w.Header()
	geoReportCORS(h)
	h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
	h.Set("Access-Control-Allow-Headers", "Content-Type, Accept, Accept-Language")
	h.Set("Access-Control-Max-Age", "86400")
	h.Set("Allow", "GET, POST, OPTIONS")
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// geoReportLang is the language of service names: the locale parameter
// ("en", "en_GB", "de-DE"), as several GeoReport servers take it, when it
// names a supported language, else the best of Accept-Language; German
// by default.
func geoReportLang(r *http.Request) string {
	loc := strings.ToLower(strings.TrimSpace(r.FormValue("locale")))
	if lang, _, _ := strings.Cut(strings.ReplaceAll(loc, "_", "-"), "-"); i18n.Supported(lang) {
		return lang
	}
	return i18n.Negotiate(r.Header.Get("Accept-Language"))
}
