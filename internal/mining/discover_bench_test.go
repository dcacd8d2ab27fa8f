package mining

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"rathaus/internal/eventlog"
)

// permitLog is a synthetic log of about a million events: register, then
// check and fee in any order, approve or reject, any number of rounds of
// amend and review, an optional notice and archive; one case in fifty
// has a stray event.
var permitLog = sync.OnceValue(func() *eventlog.Log {
	rng := rand.New(rand.NewPCG(3, 5))
	b := eventlog.NewBuilder("permits", 1_100_000)
	stray := []string{"phone call", "reminder", "escalate", "reopen", "scan"}
	for i := range 120_000 {
		c := b.Case(fmt.Sprint(i))
		var tr []string
		tr = append(tr, "register")
		if rng.IntN(2) == 0 {
			tr = append(tr, "check", "fee")
		} else {
			tr = append(tr, "fee", "check")
		}
		tr = append(tr, []string{"approve", "reject"}[rng.IntN(2)])
		for rng.IntN(3) == 0 {
			tr = append(tr, "amend", "review")
		}
		if rng.IntN(2) == 0 {
			tr = append(tr, "notice")
		}
		tr = append(tr, "archive")
		if rng.IntN(50) == 0 {
			at := rng.IntN(len(tr))
			tr = append(tr[:at], append([]string{stray[rng.IntN(len(stray))]}, tr[at:]...)...)
		}
		for _, a := range tr {
			b.Event(c, a, eventlog.NoTime, "")
		}
	}
	return b.Log()
})

func BenchmarkDiscover(b *testing.B) {
	receipt := sharedLog(b, "08_receipt.xes.gz")
	for _, c := range []struct {
		name  string
		log   *eventlog.Log
		noise float64
	}{
		{"receipt/noise0", receipt, 0}, {"receipt/noise0.2", receipt, 0.2},
		{"synthetic1M/noise0", permitLog(), 0}, {"synthetic1M/noise0.2", permitLog(), 0.2},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				Discover(c.log, c.noise)
			}
		})
	}
}

func BenchmarkReplay(b *testing.B) {
	receipt := sharedLog(b, "08_receipt.xes.gz")
	for _, c := range []struct {
		name string
		log  *eventlog.Log
	}{{"receipt", receipt}, {"synthetic1M", permitLog()}} {
		net := Discover(c.log, 0.2).Net()
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				Replay(net, c.log)
			}
		})
	}
}

func BenchmarkAlign(b *testing.B) {
	receipt := sharedLog(b, "08_receipt.xes.gz")
	for _, c := range []struct {
		name string
		log  *eventlog.Log
	}{{"receipt", receipt}, {"synthetic1M", permitLog()}} {
		for _, noise := range []float64{0, 0.2} {
			net := Discover(c.log, noise).Net()
			b.Run(fmt.Sprintf("%s/noise%v", c.name, noise), func(b *testing.B) {
				for b.Loop() {
					Align(net, c.log, AlignOptions{})
				}
			})
		}
	}
}
