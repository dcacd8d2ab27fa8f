package bpmn

// router draws orthogonal waypoints between placed shapes.
type router struct {
	shapes map[string]*Shape
	kind   map[string]string
	low    float64 // where back flows run below the nodes
	loops  int
}

// flow routes one sequence flow; nil when an end has no shape.
func (r *router) flow(f *Flow, back bool) *Edge {
	src, tgt := r.shapes[f.Source], r.shapes[f.Target]
	if src == nil || tgt == nil {
		return nil
	}
	a, b := src.Bounds, tgt.Bounds
	acx, acy := a.X+a.W/2, a.Y+a.H/2
	bcy := b.Y + b.H/2
	var pts []Point
	switch {
	case back || b.X+b.W <= a.X:
		// out to the right, back underneath all nodes, in from the left:
		// the vertical parts run in the free space between layers
		y := r.low + float64(r.loops)*10
		dx := 12 + float64(r.loops%4)*6
		r.loops++
		pts = []Point{{a.X + a.W, acy}, {a.X + a.W + dx, acy}, {a.X + a.W + dx, y},
			{b.X - dx, y}, {b.X - dx, bcy}, {b.X, bcy}}
	case abs(acy-bcy) < 1:
		pts = []Point{{a.X + a.W, acy}, {b.X, bcy}}
	case r.isBoundary(f.Source):
		pts = []Point{{acx, edgeY(a, bcy)}, {acx, bcy}, {b.X, bcy}}
	default: // bend right after a split, otherwise just before the target
		mx := b.X - layerGap/2
		if r.isGateway(f.Source) {
			mx = a.X + a.W + layerGap/2
		}
		pts = []Point{{a.X + a.W, acy}, {mx, acy}, {mx, bcy}, {b.X, bcy}}
	}
	return &Edge{ID: f.ID + "_di", Element: f.ID, Waypoints: pts}
}

// edgeY is the top or bottom edge of b, whichever faces y.
func edgeY(b Bounds, y float64) float64 {
	if y < b.Y+b.H/2 {
		return b.Y
	}
	return b.Y + b.H
}

func (r *router) isGateway(id string) bool {
	return r.kinds(id, IsGateway)
}

func (r *router) isBoundary(id string) bool {
	return r.kinds(id, func(k string) bool { return k == "boundaryEvent" })
}

func (r *router) kinds(id string, is func(string) bool) bool {
	k, ok := r.kind[id]
	return ok && is(k)
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
