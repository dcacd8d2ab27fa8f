// Package metrics keeps counters, gauges and histograms and writes them in
// the Prometheus text exposition format (version 0.0.4), with the standard
// library only.
//
//	reg := metrics.NewRegistry()
//	reqs := reg.Counter("http_requests_total", "Requests served.", "method", "code")
//	reqs.Inc("GET", "200")
//	reg.Handler() // serves /metrics
//
// A metric's label values are given positionally, in the order of its label
// names. Passing the wrong number of values is a programming error and
// panics. Keep label values bounded (route patterns, not raw paths).
package metrics

import (
	"fmt"
	"io"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Registry holds metric families and writes them sorted by name.
type Registry struct {
	mu       sync.Mutex
	families map[string]*family
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{families: map[string]*family{}}
}

// family is one metric name with its series, one per label-value tuple.
type family struct {
	name, help, typ string
	labels          []string
	buckets         []float64      // histograms only
	fn              func() float64 // gauge funcs only
	mu              sync.Mutex
	series          map[string]*series // key: label values joined by \xff
}

type series struct {
	values []string
	value  float64  // counter, gauge
	counts []uint64 // histogram: per bucket, not cumulative
	sum    float64  // histogram
	count  uint64   // histogram
}

func (r *Registry) register(f *family) *family {
	if !validName(f.name) {
		panic("metrics: invalid metric name " + strconv.Quote(f.name))
	}
	for _, l := range f.labels {
		if !validName(l) || l == "le" || strings.HasPrefix(l, "__") {
			panic("metrics: invalid label name " + strconv.Quote(l))
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.families[f.name]; dup {
		panic("metrics: duplicate metric " + f.name)
	}
	f.series = map[string]*series{}
	r.families[f.name] = f
	return f
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		letter := c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// get returns the series for values, creating it; f.mu must be held.
func (f *family) get(values []string) *series {
	if len(values) != len(f.labels) {
		panic(fmt.Sprintf("metrics: %s wants %d label values, got %d", f.name, len(f.labels), len(values)))
	}
	key := strings.Join(values, "\xff")
	s, ok := f.series[key]
	if !ok {
		s = &series{values: append([]string(nil), values...)}
		if f.buckets != nil {
			s.counts = make([]uint64, len(f.buckets))
		}
		f.series[key] = s
	}
	return s
}

// WriteTo writes every metric in the text exposition format.
func (r *Registry) WriteTo(w io.Writer) (int64, error) {
	r.mu.Lock()
	names := make([]string, 0, len(r.families))
	for n := range r.families {
		names = append(names, n)
	}
	fams := r.families
	r.mu.Unlock()
	sort.Strings(names)

	var b strings.Builder
	for _, n := range names {
		fams[n].write(&b)
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// Handler serves the registry over HTTP.
func (r *Registry) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		_, _ = r.WriteTo(w)
	})
}

func (f *family) write(b *strings.Builder) {
	fmt.Fprintf(b, "# HELP %s %s\n# TYPE %s %s\n", f.name, escapeHelp(f.help), f.name, f.typ)
	if f.fn != nil {
		fmt.Fprintf(b, "%s %s\n", f.name, formatFloat(f.fn()))
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	keys := make([]string, 0, len(f.series))
	for k := range f.series {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s := f.series[k]
		if f.buckets == nil {
			fmt.Fprintf(b, "%s%s %s\n", f.name, labelString(f.labels, s.values, "", ""), formatFloat(s.value))
			continue
		}
		f.writeHistogram(b, s)
	}
}

func (f *family) writeHistogram(b *strings.Builder, s *series) {
	var cum uint64
	for i, le := range f.buckets {
		cum += s.counts[i]
		fmt.Fprintf(b, "%s_bucket%s %d\n", f.name, labelString(f.labels, s.values, "le", formatFloat(le)), cum)
	}
	fmt.Fprintf(b, "%s_bucket%s %d\n", f.name, labelString(f.labels, s.values, "le", "+Inf"), s.count)
	fmt.Fprintf(b, "%s_sum%s %s\n", f.name, labelString(f.labels, s.values, "", ""), formatFloat(s.sum))
	fmt.Fprintf(b, "%s_count%s %d\n", f.name, labelString(f.labels, s.values, "", ""), s.count)
}

// labelString renders {a="x",b="y"} plus an optional extra label; empty
// when there are no labels at all.
func labelString(names, values []string, extraName, extraValue string) string {
	if len(names) == 0 && extraName == "" {
		return ""
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, n := range names {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%s=\"%s\"", n, escapeLabel(values[i]))
	}
	if extraName != "" {
		if len(names) > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%s=\"%s\"", extraName, escapeLabel(extraValue))
	}
	b.WriteByte('}')
	return b.String()
}

var (
	labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	helpEscaper  = strings.NewReplacer(`\`, `\\`, "\n", `\n`)
)

func escapeLabel(s string) string { return labelEscaper.Replace(s) }
func escapeHelp(s string) string  { return helpEscaper.Replace(s) }

func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
