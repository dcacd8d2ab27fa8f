// Command xes measures the XES import of the process workshop. It writes a
// synthetic log with eventlog.GenerateXES into a temporary directory and
// measures, in the same run: (a) a bare tokenising pass with the eventlog
// scanner, (b) the same with encoding/xml's RawToken for context, (c)
// eventlog.ReadXESFile and (d) the import plus the full analysis (overview,
// directly-follows graph with performance, variants). It prints wall-clock
// and CPU seconds with their ratio to (a), the peaks of the live heap and
// of the resident set size during each phase (sampled every 5 ms) and the
// process's maximum resident set size. The phases take turns for -runs
// rounds (encoding/xml runs once) and the fastest time of each counts.
//
//	go run ./bench/xes -events 1000000
package main

import (
	"bufio"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"rathaus/internal/eventlog"
	"rathaus/internal/mining"
)

func main() {
	events := flag.Int("events", 1_000_000, "events in the generated log")
	seed := flag.Int64("seed", 1, "generator seed")
	runs := flag.Int("runs", 3, "runs of each measurement; the fastest counts")
	skipStd := flag.Bool("skip-encoding-xml", false, "leave out the encoding/xml pass")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of one more run of (d) to this file")
	flag.Parse()
	log.SetFlags(0)

	dir, err := os.MkdirTemp("", "rathaus-bench-xes-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "permits.xes")
	start := time.Now()
	if err := generate(path, *events, *seed); err != nil {
		log.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("generated %d events, %.1f MB (%d bytes/event) in %.2f s; GOMAXPROCS=%d, %s\n\n",
		*events, float64(fi.Size())/1e6, fi.Size()/int64(*events), time.Since(start).Seconds(),
		runtime.GOMAXPROCS(0), runtime.Version())

	phases := []struct {
		name string
		run  func(string) (string, error)
	}{
		{"(a) scan: eventlog.Scanner tokens only", scanOnly},
		{"(b) encoding/xml RawToken (context)", rawTokens},
		{"(c) ReadXES", importOnly},
		{"(d) ReadXES + Stats + DFG + Variants", importAndAnalyse},
	}
	type result struct {
		secs, cpu, peak, rss float64
		text                 string
	}
	best := make([]result, len(phases))
	for round := range *runs { // the phases take turns, so a busy moment hits all of them
		for i, p := range phases {
			if i == 1 && (*skipStd || round > 0) { // encoding/xml is context: one run
				continue
			}
			runtime.GC()
			sampler := startHeapSampler()
			cpu0, t0 := cpuTime(), time.Now()
			text, err := p.run(path)
			secs, cpu := time.Since(t0).Seconds(), cpuTime()-cpu0
			heap, rss := sampler.stop()
			if err != nil {
				log.Fatalf("%s: %v", p.name, err)
			}
			b := &best[i]
			if b.secs == 0 || secs < b.secs {
				b.secs, b.text = secs, text
			}
			if b.cpu == 0 || cpu < b.cpu {
				b.cpu = cpu
			}
			b.peak, b.rss = max(b.peak, float64(heap)), max(b.rss, float64(rss))
		}
	}
	if *cpuProfile != "" {
		if err := profile(*cpuProfile, path); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("fastest of %d runs each (encoding/xml: 1); load average after: %s\n\n", *runs, loadAverage())
	fmt.Printf("%-42s %8s %7s %8s %7s %9s %8s  %s\n", "phase", "wall s", "ratio", "CPU s", "ratio", "heap MB", "RSS MB", "result")
	defer func() {
		fmt.Printf("\nmaximum resident set size of the process (getrusage): %.0f MB\n", maxRSS()/(1<<20))
	}()
	for i, p := range phases {
		b := best[i]
		if b.secs == 0 {
			continue
		}
		fmt.Printf("%-42s %8.3f %6.2fx %8.3f %6.2fx %9.0f %8.0f  %s\n", p.name, b.secs, b.secs/best[0].secs,
			b.cpu, b.cpu/best[0].cpu, b.peak/(1<<20), b.rss/(1<<20), b.text)
	}
}

// cpuTime is the user and system CPU time of the process in seconds.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// profile writes a CPU profile of import and analysis to file.
func profile(file, path string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return err
	}
	_, err = importAndAnalyse(path)
	pprof.StopCPUProfile()
	return err
}

// loadAverage is the system's load average over 1, 5 and 15 minutes.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func generate(path string, events int, seed int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := eventlog.GenerateXES(f, eventlog.SynthOptions{Events: events, Seed: seed}); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func scanOnly(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	s := eventlog.NewScanner(f)
	tags, attrs := 0, 0
	for s.Next() {
		tags++
		attrs += len(s.Attrs)
	}
	return fmt.Sprintf("%d tags, %d attributes", tags, attrs), s.Err()
}

func rawTokens(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	d := xml.NewDecoder(bufio.NewReaderSize(f, 256<<10))
	n := 0
	for {
		_, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return fmt.Sprintf("%d tokens", n), nil
		}
		if err != nil {
			return "", err
		}
		n++
	}
}

func importOnly(path string) (string, error) {
	l, _, err := eventlog.ReadXESFile(path, eventlog.XESOptions{})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d cases, %d events", len(l.Cases), l.NumEvents()), nil
}

func importAndAnalyse(path string) (string, error) {
	l, _, err := eventlog.ReadXESFile(path, eventlog.XESOptions{})
	if err != nil {
		return "", err
	}
	o := mining.Stats(l)
	g := mining.DFG(l)
	v := mining.Variants(l)
	runtime.KeepAlive(o)
	return fmt.Sprintf("%d cases, %d DFG edges, %d variants", len(l.Cases), len(g.Edges), len(v)), nil
}

// heapSampler records the peaks of live heap objects and of the resident
// set size while a phase runs.
type heapSampler struct {
	peak atomic.Uint64
	rss  atomic.Uint64
	done chan struct{}
	quit chan struct{}
}

func startHeapSampler() *heapSampler {
	h := &heapSampler{done: make(chan struct{}), quit: make(chan struct{})}
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > h.peak.Load() {
			h.peak.Store(v)
		}
		if v := residentBytes(); v > h.rss.Load() {
			h.rss.Store(v)
		}
	}
	go func() {
		defer close(h.done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			read()
			select {
			case <-h.quit:
				read()
				return
			case <-t.C:
			}
		}
	}()
	return h
}

// stop ends the sampling and returns the peaks of heap and RSS.
func (h *heapSampler) stop() (heap, rss uint64) {
	close(h.quit)
	<-h.done
	return h.peak.Load(), h.rss.Load()
}

// residentBytes is the process's current resident set size.
func residentBytes() uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseUint(f[1], 10, 64)
	return pages * uint64(os.Getpagesize())
}

// maxRSS is the process's maximum resident set size in bytes so far.
func maxRSS() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) * 1024 // kilobytes on Linux
}
