package route

import (
	"math"
	"math/rand"
)

// logreg is a multinomial logistic regression: w holds one row of label
// weights per feature (w[f*labels+c]), so an example reads contiguous
// memory; float32 halves the memory traffic that dominates training.
type logreg struct {
	labels int
	w      []float32
	bias   []float64
}

// minGrad is the smallest per-label gradient a step applies: labels the
// model already rules out for an example cost nothing to update.
const minGrad = 1e-4

// trainLR minimises the mean weighted cross-entropy plus L2/2 |w|^2 by
// stochastic gradient descent in a seeded order, with the learning rate
// eta0/(1+eta0*L2*t) (Bottou 2012) and the weight decay kept as one scale
// factor so that a step touches only the example's features.
func trainLR(xs []sparse, ys []int, ws []float64, features, labels int, opt Options) *logreg {
	m := &logreg{labels: labels, w: make([]float32, features*labels), bias: make([]float64, labels)}
	rng := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	scale, t := 1.0, 0.0
	p := make([]float64, labels)
	acc := make([]float32, labels)
	var active []int
	for range opt.epochs(len(xs)) {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			eta := opt.LearningRate / (1 + opt.LearningRate*opt.L2*t)
			t++
			m.scores(xs[i], scale, p, acc)
			softmax(p)
			p[ys[i]]--
			scale *= 1 - eta*opt.L2
			step := eta * ws[i]
			active = active[:0]
			for c, g := range p {
				if math.Abs(g) >= minGrad {
					active = append(active, c)
					m.bias[c] -= step * g
				}
			}
			m.step(xs[i], active, p, step/scale)
			if scale < 1e-4 {
				m.rescale(scale)
				scale = 1
			}
		}
	}
	m.rescale(scale)
	return m
}

// step subtracts s times the gradient p (of the active labels) times x.
func (m *logreg) step(x sparse, active []int, p []float64, s float64) {
	for k, f := range x.idx {
		v := s * float64(x.val[k])
		row := m.w[int(f)*m.labels : int(f+1)*m.labels]
		for _, c := range active {
			row[c] -= float32(v * p[c])
		}
	}
}

func (m *logreg) rescale(s float64) {
	for i := range m.w {
		m.w[i] = float32(float64(m.w[i]) * s)
	}
}

// scores writes the linear score of each label into out; scale multiplies
// the weights (the decay not yet applied during training, 1 after).
// The sums run in float32, the weights' precision, in acc (len labels).
func (m *logreg) scores(x sparse, scale float64, out []float64, acc []float32) {
	clear(acc)
	for k, f := range x.idx {
		v := x.val[k]
		row := m.w[int(f)*m.labels : int(f+1)*m.labels]
		row = row[:len(acc)]
		for c, wc := range row {
			acc[c] += v * wc
		}
	}
	for c, a := range acc {
		out[c] = m.bias[c] + float64(a)*scale
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
