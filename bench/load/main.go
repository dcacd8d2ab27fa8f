// Command load is a closed-loop HTTP load generator for rathaus'
// benchmarks: N clients send requests back to back for a duration, and it
// reports requests per second and latency percentiles. With -bare it also
// serves the bytes of the first target from a bare net/http handler on the
// same machine and measures that the same way, so every figure has its
// baseline from the same run.
//
//	go run ./bench/load -c 100 -d 10s -bare http://127.0.0.1:8080/leistungen/1
//	go run ./bench/load -c 100 -d 10s -urls queries.txt
//	go run ./bench/load -c 100 -d 10s -rate 2000 -urls queries.txt
//
// Without -rate the clients send back to back (closed loop): the figure is
// the throughput at saturation, and latency then follows from it (100
// clients at 5,000 req/s wait 20 ms on average, whatever the server does).
// With -rate, requests arrive on a fixed schedule (open loop) and latency
// is measured from each request's scheduled start, so queueing behind a
// slow request counts too (no coordinated omission).
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	clients := flag.Int("c", 100, "concurrent clients")
	duration := flag.Duration("d", 10*time.Second, "duration of each run")
	urlFile := flag.String("urls", "", "file with one URL per line, requested round-robin")
	bare := flag.Bool("bare", false, "also measure a bare net/http handler serving the first URL's bytes")
	label := flag.String("label", "rathaus", "name of the measured target in the output")
	rate := flag.Float64("rate", 0, "requests per second in all (open loop); 0 sends back to back")
	flag.Parse()
	urls := flag.Args()
	if *urlFile != "" {
		more, err := readLines(*urlFile)
		if err != nil {
			fail(err)
		}
		urls = append(urls, more...)
	}
	if len(urls) == 0 {
		fail(fmt.Errorf("no URLs: pass them as arguments or with -urls"))
	}
	client := newClient(*clients)
	fmt.Printf("%-12s %8s %10s %10s %10s %10s %8s\n", "target", "clients", "req/s", "p50", "p99", "max", "errors")
	measure := func(urls []string) result {
		if *rate > 0 {
			return runAtRate(client, urls, *clients, *rate, *duration)
		}
		return run(client, urls, *clients, *duration)
	}
	report(*label, *clients, measure(urls))
	if *bare {
		body, ctype, err := fetch(client, urls[0])
		if err != nil {
			fail(err)
		}
		addr, stop, err := serveBare(body, ctype)
		if err != nil {
			fail(err)
		}
		defer stop()
		report("bare", *clients, measure([]string{"http://" + addr + "/"}))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "load:", err)
	os.Exit(1)
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" {
			out = append(out, line)
		}
	}
	return out, sc.Err()
}

func newClient(conns int) *http.Client {
	tr := &http.Transport{MaxIdleConns: conns * 2, MaxIdleConnsPerHost: conns * 2, IdleConnTimeout: time.Minute}
	return &http.Client{Transport: tr, Timeout: 30 * time.Second}
}

// result is one run's latencies.
type result struct {
	latencies []time.Duration
	errors    int64
	elapsed   time.Duration
}

// run keeps n clients busy for d and collects every latency.
func run(client *http.Client, urls []string, n int, d time.Duration) result {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var (
		mu     sync.Mutex
		all    []time.Duration
		errs   atomic.Int64
		next   atomic.Uint64
		wg     sync.WaitGroup
		starts = time.Now()
	)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for ctx.Err() == nil {
				u := urls[next.Add(1)%uint64(len(urls))]
				t := time.Now()
				if err := get(client, u); err != nil {
					if ctx.Err() == nil {
						errs.Add(1)
					}
					continue
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			all = append(all, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return result{latencies: all, errors: errs.Load(), elapsed: time.Since(starts)}
}

// runAtRate sends requests on a fixed schedule of rate per second, served
// by up to n clients; a request's latency counts from its scheduled start.
func runAtRate(client *http.Client, urls []string, n int, rate float64, d time.Duration) result {
	total := int(rate * d.Seconds())
	due := make(chan time.Time, total)
	var (
		mu   sync.Mutex
		all  []time.Duration
		errs atomic.Int64
		next atomic.Uint64
		wg   sync.WaitGroup
	)
	start := time.Now()
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for at := range due {
				u := urls[next.Add(1)%uint64(len(urls))]
				if err := get(client, u); err != nil {
					errs.Add(1)
					continue
				}
				mine = append(mine, time.Since(at))
			}
			mu.Lock()
			all = append(all, mine...)
			mu.Unlock()
		}()
	}
	interval := time.Duration(float64(time.Second) / rate)
	for i := range total {
		at := start.Add(time.Duration(i) * interval)
		time.Sleep(time.Until(at))
		due <- at
	}
	close(due)
	wg.Wait()
	return result{latencies: all, errors: errs.Load(), elapsed: time.Since(start)}
}

func get(client *http.Client, u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", u, resp.Status)
	}
	return nil
}

func report(label string, clients int, r result) {
	slices.Sort(r.latencies)
	pct := func(p float64) time.Duration {
		if len(r.latencies) == 0 {
			return 0
		}
		return r.latencies[min(len(r.latencies)-1, int(p*float64(len(r.latencies))))]
	}
	rps := float64(len(r.latencies)) / r.elapsed.Seconds()
	fmt.Printf("%-12s %8d %10.0f %10s %10s %10s %8d\n", label, clients, rps,
		round(pct(0.50)), round(pct(0.99)), round(pct(1)), r.errors)
}

func round(d time.Duration) time.Duration { return d.Round(10 * time.Microsecond) }

func fetch(client *http.Client, u string) ([]byte, string, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return body, resp.Header.Get("Content-Type"), err
}

// serveBare serves body from the simplest possible handler.
func serveBare(body []byte, ctype string) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Write(body)
	})}
	go srv.Serve(ln)
	return ln.Addr().String(), func() { srv.Close() }, nil
}
