package bpmn

import "math"

// layoutProcess places the nodes of one process, its lanes starting at
// left and its top at top; the result's right and bottom are absolute.
func layoutProcess(p *Process, left, top float64) procLayout {
	g := newGraph(p)
	layers := g.layers()
	g.order(layers)
	lanes := planLanes(p.Lanes, g)
	x0 := left + float64(lanes.depth)*poolBand + margin
	bounds := make([]Bounds, len(g.nodes))
	x := x0
	for _, l := range layers {
		lw := 0.0
		for _, v := range l {
			w, _ := size(g.nodes[v].Kind)
			lw = max(lw, w)
		}
		for _, v := range l {
			w, h := size(g.nodes[v].Kind)
			bounds[v] = Bounds{X: x + (lw-w)/2, W: w, H: h}
		}
		x += lw + layerGap
	}
	lanes.place(g, layers, bounds, top)
	shapes := map[string]*Shape{}
	var out procLayout
	bottom, right := top+margin, x0
	for v, e := range g.nodes {
		b := bounds[v]
		s := &Shape{ID: e.ID + "_di", Element: e.ID, Bounds: b}
		shapes[e.ID] = s
		out.shapes = append(out.shapes, s)
		bottom, right = max(bottom, b.Y+b.H), max(right, b.X+b.W)
	}
	out.shapes = append(out.shapes, placeBoundary(p, shapes)...)
	r := router{shapes: shapes, kind: map[string]string{}, low: bottom + loopDrop}
	for _, e := range p.Elements {
		r.kind[e.ID] = e.Kind
	}
	for _, f := range p.Flows {
		if e := r.flow(f, g.back[f]); e != nil {
			out.edges = append(out.edges, e)
		}
	}
	bottom = max(bottom, r.low-loopDrop+float64(r.loops)*10)
	data := placeData(p, shapes, x0, bottom+dataGap)
	if len(data) > 0 {
		out.shapes = append(out.shapes, data...)
		for _, s := range data {
			bottom, right = max(bottom, s.Bounds.Y+s.Bounds.H), max(right, s.Bounds.X+s.Bounds.W)
		}
	}
	for _, e := range p.Elements {
		if e.Kind == "association" && shapes[e.Source] != nil && shapes[e.Target] != nil {
			a, b := shapes[e.Source].Bounds, shapes[e.Target].Bounds
			out.edges = append(out.edges, &Edge{ID: e.ID + "_di", Element: e.ID,
				Waypoints: []Point{{a.X + a.W/2, a.Y + a.H/2}, {b.X + b.W/2, b.Y}}})
		}
	}
	out.right, out.bottom = right+margin, max(bottom+margin, lanes.bottom())
	out.shapes = append(lanes.shapes(p.Lanes, left, out.right, out.bottom), out.shapes...)
	return out
}

// placeRows gives the nodes of each layer their vertical position: a node
// lines up with the mean of its predecessors, nodes of a layer keep their
// order and at least rowGap apart.
func (g *graph) placeRows(layers [][]int, bounds []Bounds, keep func(v int) bool) {
	centre := make([]float64, len(g.nodes))
	for _, l := range layers {
		cur := math.Inf(-1)
		i := 0
		for _, v := range l {
			if !keep(v) {
				continue
			}
			want := float64(i) * (80 + rowGap)
			i++
			sum, n := 0.0, 0
			for _, u := range g.pred[v] {
				if keep(u) {
					sum += centre[u]
					n++
				}
			}
			if n > 0 {
				want = sum / float64(n)
			}
			y := want - bounds[v].H/2
			if !math.IsInf(cur, -1) && y < cur+rowGap {
				y = cur + rowGap
			}
			bounds[v].Y = y
			centre[v] = y + bounds[v].H/2
			cur = y + bounds[v].H
		}
	}
}

// placeBoundary puts boundary events on the lower edge of their activity.
func placeBoundary(p *Process, shapes map[string]*Shape) []*Shape {
	var out []*Shape
	count := map[string]int{}
	for _, e := range p.Elements {
		host := shapes[e.AttachedTo]
		if e.Kind != "boundaryEvent" || host == nil {
			continue
		}
		hb := host.Bounds
		k := float64(count[e.AttachedTo])
		count[e.AttachedTo]++
		s := &Shape{ID: e.ID + "_di", Element: e.ID,
			Bounds: Bounds{hb.X + hb.W - 46 - k*40, hb.Y + hb.H - 18, 36, 36}}
		shapes[e.ID] = s
		out = append(out, s)
	}
	return out
}

// placeData puts data, annotations and nodes outside the flow graph in a row.
func placeData(p *Process, shapes map[string]*Shape, x, y float64) []*Shape {
	var out []*Shape
	for _, e := range p.Elements {
		if shapes[e.ID] != nil || e.Kind == "association" || e.Kind == "group" || e.Kind == "dataObject" {
			continue
		}
		w, h := size(e.Kind)
		s := &Shape{ID: e.ID + "_di", Element: e.ID, Bounds: Bounds{x, y, w, h}}
		shapes[e.ID] = s
		out = append(out, s)
		x += w + layerGap
	}
	return out
}
