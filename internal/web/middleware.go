package web

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"runtime/debug"
	"time"
)

// buildHandler wraps the router in the middleware, outermost first.
func (s *Server) buildHandler() (http.Handler, error) {
	m, err := s.mux()
	if err != nil {
		return nil, err
	}
	cop, err := s.crossOrigin()
	if err != nil {
		return nil, err
	}
	chain := []func(http.Handler) http.Handler{
		s.requestState, // request ID, state in the context
		s.detectLang,   // so every later error page is translated
		s.observe,      // one log line and the metrics per request
		s.recoverPanic, // a panic becomes a 500 page
		securityHeaders(s.opts.SecureCookies, contentPolicy(s.opts.ReportTileURL)),
		cop.Handler, // no state change from other sites
		s.limitBody, // size and content type of bodies
		s.takeFlash,
		s.loadUser,
	}
	h := s.route(m)
	for i := len(chain) - 1; i >= 0; i-- {
		h = chain[i](h)
	}
	return h, nil
}

// requestState puts a fresh reqState with the request ID into the context
// and echoes the ID in X-Request-ID. A sane incoming ID (from a proxy) is
// kept so log lines can be joined across hops.
func (s *Server) requestState(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if !saneID(id) {
			id = newID()
		}
		w.Header().Set("X-Request-ID", id)
		next.ServeHTTP(w, withState(r, &reqState{id: id, lang: "de"}))
	})
}

func saneID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// route runs the router and records the matched pattern. When nothing
// matches, ServeMux would write a plain-text 404 or 405; those become
// translated error pages (or JSON under /api/) instead.
func (s *Server) route(m *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := m.Handler(r)
		if pattern == "" {
			rec := &statusRecorder{header: http.Header{}}
			h.ServeHTTP(rec, r) // learn whether it is 404, 405 or a redirect
			s.unmatched(w, r, rec)
			return
		}
		state(r).route = pattern
		m.ServeHTTP(w, r)
	})
}

// unmatched renders what ServeMux decided for a request without a route.
func (s *Server) unmatched(w http.ResponseWriter, r *http.Request, rec *statusRecorder) {
	state(r).route = "unmatched"
	switch rec.status {
	case http.StatusMethodNotAllowed:
		w.Header().Set("Allow", rec.header.Get("Allow"))
		s.serveError(w, r, errMethodNotAllowed)
	case http.StatusMovedPermanently, http.StatusPermanentRedirect, http.StatusTemporaryRedirect, http.StatusFound:
		// Path cleaning ("/a//b" -> "/a/b"): follow ServeMux.
		http.Redirect(w, r, rec.header.Get("Location"), rec.status)
	default:
		s.serveError(w, r, errNotFound)
	}
}

// statusRecorder captures a status and headers without writing anything.
type statusRecorder struct {
	header http.Header
	status int
}

func (s *statusRecorder) Header() http.Header         { return s.header }
func (s *statusRecorder) Write(b []byte) (int, error) { return len(b), nil }
func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
}

// observe logs one line per request, the only place requests are logged,
// and feeds the request metrics.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rw := &responseWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rw, r)
		d := time.Since(start)
		st := state(r)
		route := st.route
		if route == "" {
			route = "middleware" // answered before routing, e.g. 413 or 403
		}
		s.metrics.observe(r.Method, route, rw.status, d)
		attrs := []any{
			slog.String("id", st.id), slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.String("route", route), slog.Int("status", rw.status), slog.Int64("bytes", rw.bytes),
			slog.Duration("duration", d),
		}
		if st.user != nil {
			attrs = append(attrs, slog.Int64("user", st.user.ID))
		}
		level := slog.LevelInfo
		if st.err != nil {
			attrs = append(attrs, slog.String("error", st.err.Error()))
		}
		switch {
		case rw.status >= 500:
			level = slog.LevelError
		case quietRoutes[route]:
			level = slog.LevelDebug // probes and scrapes every few seconds
		}
		s.log.Log(r.Context(), level, "request", attrs...)
	})
}

// quietRoutes are logged at debug level unless they fail.
var quietRoutes = map[string]bool{"GET /healthz": true, "GET /readyz": true, "GET /metrics": true, "GET /static/{path...}": true}

// responseWriter records the status and size of a response.
type responseWriter struct {
	http.ResponseWriter
	status      int
	bytes       int64
	wroteHeader bool
}

func (w *responseWriter) WriteHeader(code int) {
	if !w.wroteHeader {
		w.status, w.wroteHeader = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *responseWriter) Write(b []byte) (int, error) {
	w.wroteHeader = true
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *responseWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// recoverPanic turns a panic in a handler into a logged 500 page.
func (s *Server) recoverPanic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			p := recover()
			if p == nil {
				return
			}
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.log.Error("panic", "id", requestID(r), "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			s.serveError(w, r, fmt.Errorf("panic: %v", p))
		}()
		next.ServeHTTP(w, r)
	})
}

// csp allows only this origin's own styles, scripts, images and forms:
// no inline script or style, no plugins, no framing. contentPolicy adds
// the city's tile server to img-src when one is set.
const csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries; policy is the
// Content-Security-Policy.
func securityHeaders(https bool, policy string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			h.Set("Content-Security-Policy", policy)
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "same-origin")
			h.Set("X-Frame-Options", "DENY")
			h.Set("Cross-Origin-Opener-Policy", "same-origin")
			h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()")
			if https {
				h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
			}
			next.ServeHTTP(w, r)
		})
	}
}

// crossOrigin rejects state-changing requests that a browser sends on
// behalf of another site (Sec-Fetch-Site, else Origin against Host).
// Requests without those headers (curl, API clients) pass; the session
// cookie is SameSite=Lax besides. POSTs to the Open311 API are exempt.
func (s *Server) crossOrigin() (*http.CrossOriginProtection, error) {
	cop := http.NewCrossOriginProtection()
	if u, err := url.Parse(s.opts.BaseURL); err == nil && u.Scheme != "" && u.Host != "" {
		if err := cop.AddTrustedOrigin(u.Scheme + "://" + u.Host); err != nil {
			return nil, err
		}
	}
	// Open311 clients authenticate with an api_key, not a cookie, and a
	// city's partner sites may post from their own pages (the standard's
	// "cross-site" clients); the check would only turn them away.
	cop.AddInsecureBypassPattern("POST " + geoReportBase + "{doc}")
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.serveError(w, r, errCrossOrigin)
	}))
	return cop, nil
}

// limitBody caps request bodies at MaxBodyBytes and checks their content
// type: the JSON API takes application/json, every other path takes
// urlencoded or multipart forms. Empty bodies need no content type.
func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hasBody(r) {
			next.ServeHTTP(w, r)
			return
		}
		limit := s.bodyLimit(r) // larger for file uploads (cases_citizen_routes.go)
		if r.ContentLength > limit {
			s.serveError(w, r, errTooLarge)
			return
		}
		if err := checkContentType(r); err != nil {
			s.serveError(w, r, err)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		next.ServeHTTP(w, r)
	})
}

func hasBody(r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace:
		return false
	}
	return r.ContentLength != 0 || r.Header.Get("Content-Type") != "" || len(r.TransferEncoding) > 0
}

func checkContentType(r *http.Request) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if isAPI(r) {
		if err != nil || mt != "application/json" && !(mt == "multipart/form-data" && apiTakesMultipart(r)) {
			return errMediaTypeJSON
		}
		return nil
	}
	if err != nil || (mt != "application/x-www-form-urlencoded" && mt != "multipart/form-data") {
		return errMediaType
	}
	return nil
}
