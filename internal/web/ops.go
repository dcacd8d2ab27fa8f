package web

import (
	"context"
	"crypto/subtle"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/metrics"
)

// handleHealth reports that the process serves requests at all.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = io.WriteString(w, "ok\n")
	return nil
}

// handleReady reports whether the instance can do its work: the database
// answers within two seconds. Load balancers take it out of rotation on 503.
func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if s.opts.Ping != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := s.opts.Ping(ctx); err != nil {
			state(r).err = err
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, "database unreachable\n")
			return nil
		}
	}
	_, _ = io.WriteString(w, "ready\n")
	return nil
}

// handleMetrics serves the Prometheus exposition.
func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) error {
	if want := s.opts.MetricsToken; want != "" {
		got, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
			http.Error(w, "metrics need a token", http.StatusUnauthorized)
			return nil
		}
	}
	s.opts.Metrics.Handler().ServeHTTP(w, r)
	return nil
}

// httpMetrics are the request metrics.
type httpMetrics struct {
	requests *metrics.Counter
	duration *metrics.Histogram
}

func newHTTPMetrics(reg *metrics.Registry) *httpMetrics {
	return &httpMetrics{
		requests: reg.Counter("http_requests_total", "HTTP requests by method, route pattern and status code.",
			"method", "route", "code"),
		duration: reg.Histogram("http_request_duration_seconds", "Time to answer HTTP requests.",
			metrics.DefBuckets, "method", "route"),
	}
}

func (m *httpMetrics) observe(method, route string, status int, d time.Duration) {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions:
	default:
		method = "other" // keep the label set bounded
	}
	m.requests.Inc(method, route, strconv.Itoa(status))
	m.duration.Observe(d.Seconds(), method, route)
}
