package metrics

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestExposition(t *testing.T) {
	r := NewRegistry()
	reqs := r.Counter("http_requests_total", "Requests served.", "method", "code")
	reqs.Inc("GET", "200")
	reqs.Inc("GET", "200")
	reqs.Add(0.5, "POST", "500")
	up := r.Gauge("up", "Whether it runs.\nReally.")
	up.Set(1)
	r.GaugeFunc("answer", `Backslash \ in help.`, func() float64 { return 42 })
	h := r.Histogram("latency_seconds", "Latency.", []float64{0.5, 0.1, 1}, "route")
	h.Observe(0.05, "/")
	h.Observe(0.3, "/")
	h.Observe(7, "/")
	esc := r.Counter("escape_total", "Escaping.", "v")
	esc.Inc("a\"b\\c\nd")

	var b strings.Builder
	if _, err := r.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	want := `# HELP answer Backslash \\ in help.
# TYPE answer gauge
answer 42
# HELP escape_total Escaping.
# TYPE escape_total counter
escape_total{v="a\"b\\c\nd"} 1
# HELP http_requests_total Requests served.
# TYPE http_requests_total counter
http_requests_total{method="GET",code="200"} 2
http_requests_total{method="POST",code="500"} 0.5
# HELP latency_seconds Latency.
# TYPE latency_seconds histogram
latency_seconds_bucket{route="/",le="0.1"} 1
latency_seconds_bucket{route="/",le="0.5"} 2
latency_seconds_bucket{route="/",le="1"} 2
latency_seconds_bucket{route="/",le="+Inf"} 3
latency_seconds_sum{route="/"} 7.35
latency_seconds_count{route="/"} 3
# HELP up Whether it runs.\nReally.
# TYPE up gauge
up 1
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("exposition mismatch (-want +got):\n%s", diff)
	}
}

func TestRuntimeAndHandler(t *testing.T) {
	r := NewRegistry()
	r.RegisterRuntime(time.Unix(1700000000, 0))
	rec := httptest.NewRecorder()
	r.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if got, want := rec.Header().Get("Content-Type"), "text/plain; version=0.0.4; charset=utf-8"; got != want {
		t.Errorf("content type: got %q, want %q", got, want)
	}
	body := rec.Body.String()
	for _, want := range []string{"\ngo_goroutines ", "\ngo_memstats_alloc_bytes ", "process_start_time_seconds 1.7e+09", `go_info{version="go`} {
		if !strings.Contains(body, want) {
			t.Errorf("missing %q in:\n%s", want, body)
		}
	}
	checkFormat(t, body)
}

// checkFormat checks every line is a comment or "name{labels} value".
func checkFormat(t *testing.T, body string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSuffix(body, "\n"), "\n") {
		if strings.HasPrefix(line, "# HELP ") || strings.HasPrefix(line, "# TYPE ") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i <= 0 || !validName(strings.SplitN(line[:i], "{", 2)[0]) {
			t.Errorf("malformed line %q", line)
		}
	}
}

func TestMisuse(t *testing.T) {
	r := NewRegistry()
	c := r.Counter("c_total", "C.", "a")
	for name, f := range map[string]func(){
		"wrong label count": func() { c.Inc() },
		"negative add":      func() { c.Add(-1, "x") },
		"duplicate":         func() { r.Counter("c_total", "again") },
		"bad name":          func() { r.Gauge("1bad", "x") },
		"reserved label":    func() { r.Gauge("g", "x", "le") },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("got no panic, want one")
				}
			}()
			f()
		})
	}
}
