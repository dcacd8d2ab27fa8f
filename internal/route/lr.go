package route

import (
	"math"
	"math/rand"
)

// logreg is a multinomial logistic regression: w holds one row of label
// weights per feature (w[f*labels+c]), so an example reads contiguous
// memory.
type logreg struct {
	labels int
	w      []float64
	bias   []float64
}

// trainLR minimises the mean weighted cross-entropy plus L2/2 |w|^2 by
// stochastic gradient descent in a seeded order, with the learning rate
// eta0/(1+eta0*lambda*t) (Bottou) and the weight decay kept as one scale
// factor so that a step touches only the example's features.
func trainLR(xs []sparse, ys []int, ws []float64, features, labels int, opt Options) *logreg {
	m := &logreg{labels: labels, w: make([]float64, features*labels), bias: make([]float64, labels)}
	rng := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	scale, t := 1.0, 0.0
	p := make([]float64, labels)
	lambda := opt.L2
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			eta := opt.LearningRate / (1 + opt.LearningRate*lambda*t)
			t++
			m.scores(xs[i], scale, p)
			softmax(p)
			p[ys[i]]--
			scale *= 1 - eta*lambda
			step := eta * ws[i]
			for k, f := range xs[i].idx {
				g := step * float64(xs[i].val[k]) / scale
				row := m.w[int(f)*labels : int(f+1)*labels]
				for c := range row {
					row[c] -= g * p[c]
				}
			}
			for c := range m.bias {
				m.bias[c] -= step * p[c]
			}
			if scale < 1e-6 {
				m.rescale(scale)
				scale = 1
			}
		}
	}
	m.rescale(scale)
	return m
}

func (m *logreg) rescale(s float64) {
	for i := range m.w {
		m.w[i] *= s
	}
}

// scores writes the linear score of each label into out.
func (m *logreg) scores(x sparse, scale float64, out []float64) {
	copy(out, m.bias)
	for k, f := range x.idx {
		v := float64(x.val[k]) * scale
		row := m.w[int(f)*m.labels : int(f+1)*m.labels]
		for c, wc := range row {
			out[c] += v * wc
		}
	}
}

// softmax turns scores into probabilities in place.
func softmax(z []float64) {
	hi := math.Inf(-1)
	for _, v := range z {
		hi = math.Max(hi, v)
	}
	sum := 0.0
	for i, v := range z {
		z[i] = math.Exp(v - hi)
		sum += z[i]
	}
	for i := range z {
		z[i] /= sum
	}
}
