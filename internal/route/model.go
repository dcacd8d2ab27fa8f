package route

import (
	"cmp"
	"slices"

	"rathaus/internal/search"
)

// Options tune training; the zero value gives the defaults documented per
// field. They were fixed before the final evaluation (see
// docs/benchmarks.md, "Routing").
type Options struct {
	MinGram, MaxGram int     // character n-grams inside words; default 4 and 4
	CharWeight       float64 // weight of the character block against the word block (1); default 1
	NoBigrams        bool    // leave out pairs of neighbouring stems
	L2               float64 // regularisation strength per example; default 1e-4
	Epochs           int     // passes of gradient descent; default: about 30,000 steps, 3 to 20 passes
	LearningRate     float64 // initial step; default 0.5
	Seed             int64   // order of the examples in gradient descent
}

// stepBudget is the number of gradient steps the default epochs aim at:
// small sets need many passes to converge, large ones few, and training
// 10,000 examples must stay well under a second.
const stepBudget = 30000

func (o Options) withDefaults() Options {
	if o.MinGram <= 0 {
		o.MinGram = 4
	}
	if o.MaxGram < o.MinGram {
		o.MaxGram = o.MinGram
	}
	if o.CharWeight <= 0 {
		o.CharWeight = 1
	}
	if o.L2 <= 0 {
		o.L2 = 1e-4
	}
	if o.LearningRate <= 0 {
		o.LearningRate = 0.5
	}
	return o
}

// epochs returns the passes over n examples.
func (o Options) epochs(n int) int {
	if o.Epochs > 0 {
		return o.Epochs
	}
	return min(20, max(3, (stepBudget+n-1)/max(n, 1)))
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
// text, as written, that pushed most toward it (at most four, strongest
// first; none when no word pushed toward it).
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
	ex = slices.DeleteFunc(slices.Clone(ex), func(e Example) bool { return e.Label == "" })
	m := &Model{opt: opt, labels: labelsOf(ex)}
	words := make([][]word, len(ex))
	for i, e := range ex {
		words[i] = splitWords(e.Text)
	}
	m.an = &analyzer{
		minGram: opt.MinGram, maxGram: opt.MaxGram, bigrams: !opt.NoBigrams,
		compound: search.NewCompounds(vocabulary(words)),
	}
	in := &interner{ids: make(map[string]int32), pairs: make(map[[2]int32]int32)}
	docs := m.countAll(words, in)
	m.space = buildSpace(in, docs)
	xs := make([]sparse, len(docs))
	ys := make([]int, len(ex))
	ws := make([]float64, len(ex))
	for i, e := range ex {
		xs[i] = m.space.vector(docs[i], opt.blockWeights())
		ys[i], _ = slices.BinarySearch(m.labels, e.Label)
		ws[i] = e.weight()
	}
	m.lr = trainLR(xs, ys, ws, len(m.space.block), len(m.labels), opt)
	return m
}

// countAll analyses the training texts, interning their features.
func (m *Model) countAll(words [][]word, in *interner) []counts {
	cache := make(map[string]analyzed)
	docs := make([]counts, len(words))
	var occ []occurrence
	var scratch []float64
	for i, ws := range words {
		occ = m.an.occurrences(ws, in, cache, occ[:0])
		if n := len(in.block); n > len(scratch) {
			scratch = append(scratch, make([]float64, 2*n-len(scratch))...)
		}
		docs[i] = sumOccurrences(occ, scratch)
	}
	return docs
}

// labelsOf returns the distinct labels, sorted.
func labelsOf(ex []Example) []string {
	var out []string
	for _, e := range ex {
		out = append(out, e.Label)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Labels returns the labels the model knows, sorted.
func (m *Model) Labels() []string { return slices.Clone(m.labels) }

// Predict returns the k most probable labels for text, best first (all
// labels when k <= 0). The probabilities over all labels sum to 1; a text
// without any known word gets what the model learnt of the labels' base
// rates.
func (m *Model) Predict(text string, k int) []Guess {
	if len(m.labels) == 0 {
		return nil
	}
	words := splitWords(text)
	occ := m.an.occurrences(words, m.space, nil, nil)
	x := m.space.vector(sumOccurrences(occ, nil), m.opt.blockWeights())
	p := make([]float64, len(m.labels))
	m.lr.scores(x, 1, p, make([]float32, len(p)))
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
