package route

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"strings"
	"testing"
)

// synthetic returns n messages over labels topics: each draws most words
// from its topic's made-up vocabulary and some from a shared one, so the
// feature count and sparsity resemble real messages of 8 to 20 words.
func synthetic(n, labels int, seed int64) []Example {
	rng := rand.New(rand.NewSource(seed))
	syllables := strings.Fields("ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu")
	wordOf := func() string {
		var b strings.Builder
		for k := 2 + rng.Intn(4); k > 0; k-- {
			b.WriteString(syllables[rng.Intn(len(syllables))])
		}
		return b.String()
	}
	vocab := func(size int) []string {
		out := make([]string, size)
		for i := range out {
			out[i] = wordOf()
		}
		return out
	}
	shared := vocab(2000)
	topic := make([][]string, labels)
	for i := range topic {
		topic[i] = vocab(300)
	}
	ex := make([]Example, n)
	for i := range ex {
		c := rng.Intn(labels)
		words := make([]string, 8+rng.Intn(13))
		for j := range words {
			if rng.Float64() < 0.5 {
				words[j] = topic[c][int(float64(len(topic[c]))*rng.Float64()*rng.Float64())]
			} else {
				words[j] = shared[rng.Intn(len(shared))]
			}
		}
		ex[i] = Example{Text: strings.Join(words, " "), Label: fmt.Sprintf("unit%02d", c)}
	}
	return ex
}

// munichCatalogue is Munich's 287 services with their full texts (name,
// keywords, description) labelled by authority: what the inquiry router
// trains on, or skips when the shared data are absent.
func munichCatalogue(tb testing.TB) []Example {
	f, err := os.Open("../../../shared/data/services/muenchen_services_plain.jsonl")
	if err != nil {
		tb.Skipf("skipping: the Munich catalogue is absent (%v)", err)
	}
	defer f.Close()
	var ex []Example
	dec := json.NewDecoder(f)
	for {
		var s struct {
			Name, Keywords, Text string
			Authority            []string
		}
		if err := dec.Decode(&s); err == io.EOF {
			return ex
		} else if err != nil {
			tb.Fatal(err)
		}
		ex = append(ex, Example{Text: s.Name + "\n" + s.Keywords + "\n" + s.Text, Label: strings.Join(s.Authority, "; ")})
	}
}

func BenchmarkTrain(b *testing.B) {
	for _, tc := range []struct {
		name string
		ex   func(testing.TB) []Example
	}{
		{"berlin", berlin},
		{"munich-catalogue", munichCatalogue},
		{"synthetic10k", func(testing.TB) []Example { return synthetic(10000, 20, 1) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			ex := tc.ex(b)
			cpu := cpuTime()
			for b.Loop() {
				Train(ex, Options{})
			}
			// CPU time is steadier than wall time on a shared machine.
			b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}

func BenchmarkPredict(b *testing.B) {
	m := Train(berlin(b), Options{})
	b.ResetTimer()
	for b.Loop() {
		m.Predict("Mein Hund muss angemeldet werden, wie zahle ich die Hundesteuer?", 3)
	}
}
