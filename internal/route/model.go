package route

import (
	"cmp"
	"slices"

	"rathaus/internal/search"
)

// Options tune training; the zero value gives the defaults documented per
// field, chosen once by cross-validation (see docs/benchmarks.md).
type Options struct {
	MinGram, MaxGram int     // character n-grams inside words; default 3 to 5
	CharWeight       float64 // weight of the character block against the word block (1); default 1
	NoBigrams        bool    // leave out pairs of neighbouring stems
	L2               float64 // regularisation strength; default 1e-4
	Epochs           int     // passes of gradient descent; default 30
	LearningRate     float64 // initial step; default 0.5
	Seed             int64   // order of the examples in gradient descent
}

func (o Options) withDefaults() Options {
	if o.MinGram <= 0 {
		o.MinGram = 3
	}
	if o.MaxGram < o.MinGram {
		o.MaxGram = max(5, o.MinGram)
	}
	if o.CharWeight <= 0 {
		o.CharWeight = 1
	}
	if o.L2 <= 0 {
		o.L2 = 1e-4
	}
	if o.Epochs <= 0 {
		o.Epochs = 30
	}
	if o.LearningRate <= 0 {
		o.LearningRate = 0.5
	}
	return o
}

func (o Options) blockWeights() [numBlocks]float64 {
	return [numBlocks]float64{blockWords: 1, blockChars: o.CharWeight}
}

// Model is a trained classifier. It is immutable and safe for concurrent
// use; retrain to learn from corrections.
type Model struct {
	opt    Options
	labels []string
	an     *analyzer
	space  *featureSpace
	lr     *logreg
}

// Guess is one label for a text with its probability and the words of the
// text, as written, that pushed most toward it.
type Guess struct {
	Label   string
	P       float64
	Because []string
}

// Train fits a model to the examples; the same examples and options give
// the same model. Examples with an empty label are ignored. Labels are
// sorted, so Labels and tie-breaking do not depend on example order.
func Train(ex []Example, opt Options) *Model {
	opt = opt.withDefaults()
	m := &Model{opt: opt}
	index := map[string]int{}
	var texts []string
	for _, e := range ex {
		if e.Label == "" {
			continue
		}
		if _, ok := index[e.Label]; !ok {
			index[e.Label] = 0
			m.labels = append(m.labels, e.Label)
		}
		texts = append(texts, e.Text)
	}
	slices.Sort(m.labels)
	for i, l := range m.labels {
		index[l] = i
	}
	m.an = &analyzer{opt: opt, compound: search.NewCompounds(vocabulary(texts))}
	cache := map[string][]wordFeature{}
	docs := make([][]occurrence, 0, len(texts))
	var ys []int
	var ws []float64
	for _, e := range ex {
		if e.Label == "" {
			continue
		}
		_, occ := m.an.analyze(e.Text, cache)
		docs = append(docs, occ)
		ys = append(ys, index[e.Label])
		ws = append(ws, e.weight())
	}
	m.space = buildSpace(docs)
	xs := make([]sparse, len(docs))
	for i, occ := range docs {
		xs[i] = m.space.vector(occ, opt.blockWeights())
	}
	m.lr = trainLR(xs, ys, ws, len(m.space.block), len(m.labels), opt)
	return m
}

// Labels returns the labels the model knows, sorted.
func (m *Model) Labels() []string { return slices.Clone(m.labels) }

// Predict returns the k most probable labels for text, best first (all
// labels when k <= 0). The probabilities over all labels sum to 1; a text
// without any known word gets the labels' base rates.
func (m *Model) Predict(text string, k int) []Guess {
	if len(m.labels) == 0 {
		return nil
	}
	words, occ := m.an.analyze(text, nil)
	x := m.space.vector(occ, m.opt.blockWeights())
	p := make([]float64, len(m.labels))
	m.lr.scores(x, 1, p)
	softmax(p)
	order := make([]int, len(p))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(p[b], p[a]) })
	if k <= 0 || k > len(order) {
		k = len(order)
	}
	out := make([]Guess, k)
	for i, c := range order[:k] {
		out[i] = Guess{Label: m.labels[c], P: p[c], Because: m.because(words, occ, x, c)}
	}
	return out
}
