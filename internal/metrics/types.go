package metrics

import (
	"sort"
)

// Counter is a monotonically increasing value per label-value tuple.
type Counter struct{ f *family }

// Counter registers a counter. Names of counters end in _total by convention.
func (r *Registry) Counter(name, help string, labels ...string) *Counter {
	return &Counter{r.register(&family{name: name, help: help, typ: "counter", labels: labels})}
}

// Inc adds one.
func (c *Counter) Inc(values ...string) { c.Add(1, values...) }

// Add adds v, which must not be negative.
func (c *Counter) Add(v float64, values ...string) {
	if v < 0 {
		panic("metrics: counter " + c.f.name + " cannot decrease")
	}
	c.f.mu.Lock()
	c.f.get(values).value += v
	c.f.mu.Unlock()
}

// Gauge is a value that goes up and down per label-value tuple.
type Gauge struct{ f *family }

// Gauge registers a gauge.
func (r *Registry) Gauge(name, help string, labels ...string) *Gauge {
	return &Gauge{r.register(&family{name: name, help: help, typ: "gauge", labels: labels})}
}

// Set sets the value.
func (g *Gauge) Set(v float64, values ...string) {
	g.f.mu.Lock()
	g.f.get(values).value = v
	g.f.mu.Unlock()
}

// Add adds v (negative to subtract).
func (g *Gauge) Add(v float64, values ...string) {
	g.f.mu.Lock()
	g.f.get(values).value += v
	g.f.mu.Unlock()
}

// GaugeFunc registers an unlabelled gauge whose value fn reports at each
// scrape, for values owned elsewhere (goroutines, pool sizes).
func (r *Registry) GaugeFunc(name, help string, fn func() float64) {
	r.register(&family{name: name, help: help, typ: "gauge", fn: fn})
}

// Histogram counts observations into buckets per label-value tuple.
type Histogram struct{ f *family }

// DefBuckets suit request durations in seconds.
var DefBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// Histogram registers a histogram with the given upper bucket bounds; the
// +Inf bucket is implicit.
func (r *Registry) Histogram(name, help string, buckets []float64, labels ...string) *Histogram {
	b := append([]float64(nil), buckets...)
	sort.Float64s(b)
	if len(b) == 0 {
		b = DefBuckets
	}
	return &Histogram{r.register(&family{name: name, help: help, typ: "histogram", labels: labels, buckets: b})}
}

// Observe records one observation.
func (h *Histogram) Observe(v float64, values ...string) {
	h.f.mu.Lock()
	defer h.f.mu.Unlock()
	s := h.f.get(values)
	for i, le := range h.f.buckets {
		if v <= le {
			s.counts[i]++
			break
		}
	}
	s.sum += v
	s.count++
}
