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
	Accuracy float64 `json:"accuracy"`
	MacroF1  float64 `json:"macro_f1"` // mean F1 over the labels of the data
	N        int     `json:"n"`
	Labels   int     `json:"labels"`
	Folds    int     `json:"folds"`
	// ECE is the expected calibration error of the top guess: the mean
	// gap between its probability and its accuracy over ten bins.
	ECE        float64        `json:"ece"`
	Confidence []Confidence   `json:"confidence"`
	PerLabel   []LabelMetrics `json:"per_label"`
}

// Confidence says what a threshold on the top guess's probability does:
// the share of texts routed automatically and how many of those are right.
// The rest would go to a person.
type Confidence struct {
	Threshold float64 `json:"threshold"`
	Share     float64 `json:"share"`
	Accuracy  float64 `json:"accuracy"`
}

// LabelMetrics are one label's figures; Support is its number of examples.
type LabelMetrics struct {
	Label     string  `json:"label"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"`
}

// thresholds are the confidence levels CrossValidate reports.
var thresholds = []float64{0.5, 0.7, 0.9}

// CrossValidate trains on all folds but one and predicts the held-out one,
// for each fold (at least 2). Folds are stratified: each label's examples,
// shuffled by seed, are dealt to the folds in turn, so every fold holds
// each label's share. Examples with an empty label are ignored. The same
// examples, folds, seed and options give the same figures.
func CrossValidate(ex []Example, folds int, seed int64, opt Options) Metrics {
	data := slices.DeleteFunc(slices.Clone(ex), func(e Example) bool { return e.Label == "" })
	folds = max(2, folds)
	if len(data) == 0 {
		return Metrics{Folds: folds}
	}
	fold := assignFolds(data, folds, seed)
	pred := make([]Guess, len(data))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for k := range folds {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			predictFold(data, fold, k, opt, pred)
		})
	}
	wg.Wait()
	return score(data, pred, folds)
}

// predictFold trains on the examples outside fold k and writes its
// predictions for those inside.
func predictFold(data []Example, fold []int, k int, opt Options, pred []Guess) {
	var train []Example
	for i, e := range data {
		if fold[i] != k {
			train = append(train, e)
		}
	}
	m := Train(train, opt)
	for i, e := range data {
		if fold[i] != k {
			continue
		}
		if gs := m.Predict(e.Text, 1); len(gs) > 0 {
			pred[i] = gs[0]
		}
	}
}

// assignFolds deals each label's examples, shuffled, to the folds in turn,
// continuing where the previous label stopped so folds stay even in size.
func assignFolds(data []Example, folds int, seed int64) []int {
	byLabel := map[string][]int{}
	for i, e := range data {
		byLabel[e.Label] = append(byLabel[e.Label], i)
	}
	rng := rand.New(rand.NewSource(seed))
	fold := make([]int, len(data))
	next := 0
	for _, l := range labelsOf(data) {
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
	labels := labelsOf(data)
	m := Metrics{N: len(data), Labels: len(labels), Folds: folds}
	tp, fp, fn, sup := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	correct := 0
	for i, e := range data {
		sup[e.Label]++
		if g := pred[i].Label; g == e.Label {
			correct++
			tp[g]++
		} else {
			fp[g]++
			fn[e.Label]++
		}
	}
	m.Accuracy = ratio(correct, len(data))
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
	m.ECE = calibrationError(data, pred)
	m.Confidence = confidence(data, pred)
	return m
}

// calibrationError bins the top guesses by probability (tenths) and sums
// each bin's gap between mean probability and accuracy, weighted by size.
func calibrationError(data []Example, pred []Guess) float64 {
	var n, hit [10]int
	var p [10]float64
	for i, g := range pred {
		b := min(int(g.P*10), 9)
		n[b]++
		p[b] += g.P
		if g.Label == data[i].Label {
			hit[b]++
		}
	}
	ece := 0.0
	for b := range n {
		ece += math.Abs(p[b]-float64(hit[b])) / float64(len(data))
	}
	return ece
}

func confidence(data []Example, pred []Guess) []Confidence {
	var out []Confidence
	for _, th := range thresholds {
		n, hit := 0, 0
		for i, g := range pred {
			if g.P >= th {
				n++
				if g.Label == data[i].Label {
					hit++
				}
			}
		}
		out = append(out, Confidence{Threshold: th, Share: ratio(n, len(data)), Accuracy: ratio(hit, n)})
	}
	return out
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
