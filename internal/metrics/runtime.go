package metrics

import (
	"runtime"
	"sync"
	"time"
)

// RegisterRuntime adds the basic Go runtime and process metrics. Memory
// statistics are read at most once per scrape burst (one second), because
// runtime.ReadMemStats stops the world briefly.
func (r *Registry) RegisterRuntime(start time.Time) {
	var (
		mu   sync.Mutex
		ms   runtime.MemStats
		read time.Time
	)
	mem := func(get func(*runtime.MemStats) float64) func() float64 {
		return func() float64 {
			mu.Lock()
			defer mu.Unlock()
			if time.Since(read) > time.Second {
				runtime.ReadMemStats(&ms)
				read = time.Now()
			}
			return get(&ms)
		}
	}
	r.GaugeFunc("go_goroutines", "Number of goroutines that currently exist.",
		func() float64 { return float64(runtime.NumGoroutine()) })
	r.GaugeFunc("go_memstats_alloc_bytes", "Number of bytes allocated and still in use.",
		mem(func(m *runtime.MemStats) float64 { return float64(m.Alloc) }))
	r.GaugeFunc("go_memstats_sys_bytes", "Number of bytes obtained from the system.",
		mem(func(m *runtime.MemStats) float64 { return float64(m.Sys) }))
	r.GaugeFunc("go_memstats_heap_objects", "Number of allocated heap objects.",
		mem(func(m *runtime.MemStats) float64 { return float64(m.HeapObjects) }))
	r.GaugeFunc("go_memstats_num_gc", "Number of completed GC cycles.",
		mem(func(m *runtime.MemStats) float64 { return float64(m.NumGC) }))
	r.GaugeFunc("process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
		func() float64 { return float64(start.UnixNano()) / 1e9 })
	info := r.Gauge("go_info", "Information about the Go environment.", "version")
	info.Set(1, runtime.Version())
}
