// Command xes measures the XES import of the process workshop: it writes a
// synthetic log with eventlog.GenerateXES into a temporary directory and
// times, in the same run, a bare tokenising pass with the eventlog scanner,
// the same with encoding/xml's RawToken, eventlog.ReadXESFile, and the import
// plus the full analysis (overview, directly-follows graph with performance,
// variants). It prints seconds, the ratio to the bare pass, the peak heap
// and the process's maximum resident set size.
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
	"sync/atomic"
	"syscall"
	"time"

	"rathaus/internal/eventlog"
	"rathaus/internal/mining"
)

func main() {
	events := flag.Int("events", 1_000_000, "events in the generated log")
	seed := flag.Int64("seed", 1, "generator seed")
	runs := flag.Int("runs", 1, "runs of each measurement; the fastest counts")
	skipStd := flag.Bool("skip-encoding-xml", false, "leave out the encoding/xml pass")
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
	fmt.Printf("%-42s %8s %8s %12s %12s  %s\n", "phase", "seconds", "ratio", "peak heap MB", "max RSS MB", "result")
	var base float64
	for _, p := range phases {
		if *skipStd && p.name[1] == 'b' {
			continue
		}
		best, peak, result := 0.0, uint64(0), ""
		for range *runs {
			runtime.GC()
			sampler := startHeapSampler()
			t0 := time.Now()
			res, err := p.run(path)
			secs := time.Since(t0).Seconds()
			pk := sampler.stop()
			if err != nil {
				log.Fatalf("%s: %v", p.name, err)
			}
			if best == 0 || secs < best {
				best, result = secs, res
			}
			peak = max(peak, pk)
		}
		if base == 0 {
			base = best
		}
		fmt.Printf("%-42s %8.3f %7.2fx %12.0f %12.0f  %s\n", p.name, best, best/base,
			float64(peak)/(1<<20), maxRSS()/(1<<20), result)
	}
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

// heapSampler records the peak of live heap objects while a phase runs.
type heapSampler struct {
	peak atomic.Uint64
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

func (h *heapSampler) stop() uint64 {
	close(h.quit)
	<-h.done
	return h.peak.Load()
}

// maxRSS is the process's maximum resident set size in bytes so far.
func maxRSS() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) * 1024 // kilobytes on Linux
}
