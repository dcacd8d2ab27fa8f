package route

import (
	"math"
	"math/rand"
	"runtime"
	"slices"
	"sync"
)

// Metrics are the results of a cross-validation.
type Metrics struct {
	Accuracy float64        `json:"accuracy"`
	MacroF1  float64        `json:"macro_f1"`
	N        int            `json:"n"`
	Labels   int            `json:"labels"`
	Folds    int            `json:"folds"`
	ECE      float64        `json:"ece"` // expected calibration error of the top guess (10 bins)
	PerLabel []LabelMetrics `json:"per_label"`
}

// LabelMetrics are one label's figures; Support is its number of examples.
type LabelMetrics struct {
	Label     string  `json:"label"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"`
}

// CrossValidate trains on all folds but one and predicts the held-out one,
// for each fold. Folds are stratified: each label's examples, shuffled by
// seed, are dealt to the folds in turn, so every fold holds each label's
// share. Examples with an empty label are ignored. The same examples, folds
// and seed give the same figures.
func CrossValidate(ex []Example, folds int, seed int64, opt Options) Metrics {
	var data []Example
	for _, e := range ex {
		if e.Label != "" {
			data = append(data, e)
		}
	}
	folds = max(2, min(folds, len(data)))
	fold := assignFolds(data, folds, seed)
	pred := make([]Guess, len(data))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for k := 0; k < folds; k++ {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			var train []Example
			for i, e := range data {
				if fold[i] != k {
					train = append(train, e)
				}
			}
			m := Train(train, opt)
			for i, e := range data {
				if fold[i] == k {
					pred[i] = m.Predict(e.Text, 1)[0]
				}
			}
		}()
	}
	wg.Wait()
	return score(data, pred, folds)
}

// assignFolds deals each label's examples, shuffled, to the folds in turn,
// continuing where the previous label stopped so folds stay even in size.
func assignFolds(data []Example, folds int, seed int64) []int {
	byLabel := map[string][]int{}
	var labels []string
	for i, e := range data {
		if _, ok := byLabel[e.Label]; !ok {
			labels = append(labels, e.Label)
		}
		byLabel[e.Label] = append(byLabel[e.Label], i)
	}
	slices.Sort(labels)
	rng := rand.New(rand.NewSource(seed))
	fold := make([]int, len(data))
	next := 0
	for _, l := range labels {
		idx := byLabel[l]
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for _, i := range idx {
			fold[i] = next % folds
			next++
		}
	}
	return fold
}

// score compares predictions with the true labels.
func score(data []Example, pred []Guess, folds int) Metrics {
	tp, fp, fn, sup := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	var labels []string
	correct := 0
	var bins [10]struct {
		n, hit int
		p      float64
	}
	for i, e := range data {
		if sup[e.Label] == 0 {
			labels = append(labels, e.Label)
		}
		sup[e.Label]++
		g := pred[i]
		hit := g.Label == e.Label
		if hit {
			correct++
			tp[e.Label]++
		} else {
			fp[g.Label]++
			fn[e.Label]++
		}
		b := &bins[min(int(g.P*10), 9)]
		b.n++
		b.p += g.P
		if hit {
			b.hit++
		}
	}
	slices.Sort(labels)
	m := Metrics{N: len(data), Labels: len(labels), Folds: folds}
	if len(data) == 0 {
		return m
	}
	m.Accuracy = float64(correct) / float64(len(data))
	for _, b := range bins {
		if b.n > 0 {
			m.ECE += math.Abs(b.p-float64(b.hit)) / float64(len(data))
		}
	}
	for _, l := range labels {
		lm := LabelMetrics{Label: l, Support: sup[l]}
		lm.Precision = ratio(tp[l], tp[l]+fp[l])
		lm.Recall = ratio(tp[l], tp[l]+fn[l])
		if lm.Precision+lm.Recall > 0 {
			lm.F1 = 2 * lm.Precision * lm.Recall / (lm.Precision + lm.Recall)
		}
		m.MacroF1 += lm.F1 / float64(len(labels))
		m.PerLabel = append(m.PerLabel, lm)
	}
	return m
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
