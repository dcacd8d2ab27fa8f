package bpmn

import (
	"cmp"
	"slices"
)

// Layout sizes.
const (
	layerGap = 60.0 // horizontal space between layers
	rowGap   = 40.0 // vertical space between nodes of a layer
	bandGap  = 80.0 // vertical space between processes
	poolBand = 30.0 // the name band of a pool
	loopDrop = 30.0 // how far below the nodes back flows run
	dataGap  = 60.0 // space between the flow and the data row
	margin   = 20.0 // space inside a pool
)

// size is the default size of an element kind on the diagram.
func size(kind string) (w, h float64) {
	switch {
	case IsEvent(kind):
		return 36, 36
	case IsGateway(kind):
		return 50, 50
	case kind == "dataObject", kind == "dataObjectReference":
		return 36, 50
	case kind == "dataStoreReference":
		return 50, 50
	case kind == "textAnnotation":
		return 120, 40
	}
	return 100, 80
}

// Layout replaces the diagram with a layered left-to-right layout of
// every process: longest-path layering of the sequence flow graph (back
// flows of loops reversed and routed underneath), barycentre ordering
// within layers and orthogonal waypoints. Processes are stacked, inside
// their pools when the model has a collaboration. Sub-processes are drawn
// collapsed, boundary events on their activity's lower edge, data and
// annotations in a row below the flow. Each lane is a band of its own;
// nested lanes are drawn inside their parent.
func (m *Model) Layout() {
	d := &Diagram{ID: cmp.Or(m.ID, "model") + "_diagram"}
	if m.Collaboration != nil {
		d.Plane = m.Collaboration.ID
	} else if len(m.Processes) > 0 {
		d.Plane = m.Processes[0].ID
	}
	pools := map[string]*Participant{}
	if m.Collaboration != nil {
		for _, p := range m.Collaboration.Participants {
			if p.ProcessRef != "" {
				pools[p.ProcessRef] = p
			}
		}
	}
	y := 0.0
	for _, p := range m.Processes {
		left := 0.0
		pool := pools[p.ID]
		if pool != nil {
			left = poolBand
		}
		l := layoutProcess(p, left, y)
		if pool != nil {
			d.Shapes = append(d.Shapes, &Shape{ID: pool.ID + "_di", Element: pool.ID, Horizontal: true,
				Bounds: Bounds{0, y, l.right, l.bottom - y}})
		}
		d.Shapes = append(d.Shapes, l.shapes...)
		d.Edges = append(d.Edges, l.edges...)
		y = l.bottom + bandGap
	}
	if m.Collaboration != nil {
		d.Edges = append(d.Edges, messageEdges(m.Collaboration.MessageFlows, d)...)
	}
	m.Diagram = d
}

// messageEdges routes message flows vertically between the pools.
func messageEdges(flows []*Flow, d *Diagram) []*Edge {
	shapes := d.index()
	var out []*Edge
	for _, f := range flows {
		s, t := shapes[f.Source], shapes[f.Target]
		if s == nil || t == nil {
			continue
		}
		a, b := s.Bounds, t.Bounds
		sx, tx := a.X+a.W/2, b.X+b.W/2
		sy, ty := a.Y+a.H, b.Y
		if b.Y+b.H <= a.Y { // target above the source
			sy, ty = a.Y, b.Y+b.H
		}
		mid := (sy + ty) / 2
		out = append(out, &Edge{ID: f.ID + "_di", Element: f.ID,
			Waypoints: []Point{{sx, sy}, {sx, mid}, {tx, mid}, {tx, ty}}})
	}
	return out
}

// procLayout is the result of laying out one process.
type procLayout struct {
	shapes        []*Shape
	edges         []*Edge
	right, bottom float64
}

// graph is a process's flow graph over node indices.
type graph struct {
	nodes []*Element
	index map[string]int
	succ  [][]int
	pred  [][]int
	back  map[*Flow]bool
}

func newGraph(p *Process) *graph {
	g := &graph{index: map[string]int{}, back: map[*Flow]bool{}}
	for _, e := range p.Elements {
		if IsFlowNode(e.Kind) && e.Kind != "boundaryEvent" {
			g.index[e.ID] = len(g.nodes)
			g.nodes = append(g.nodes, e)
		}
	}
	for _, e := range p.Elements { // a boundary event stands for its activity
		if host, ok := g.index[e.AttachedTo]; ok && e.Kind == "boundaryEvent" {
			g.index[e.ID] = host
		}
	}
	g.succ, g.pred = make([][]int, len(g.nodes)), make([][]int, len(g.nodes))
	g.findBackFlows(p.Flows)
	for _, f := range p.Flows {
		s, okS := g.index[f.Source]
		t, okT := g.index[f.Target]
		if !okS || !okT || s == t {
			continue
		}
		if g.back[f] {
			s, t = t, s
		}
		g.succ[s] = append(g.succ[s], t)
		g.pred[t] = append(g.pred[t], s)
	}
	return g
}

// findBackFlows marks the flows that close a cycle in a depth-first search
// from the nodes without incoming flows, in document order.
func (g *graph) findBackFlows(flows []*Flow) {
	out := make([][]*Flow, len(g.nodes))
	hasIn := make([]bool, len(g.nodes))
	for _, f := range flows {
		s, okS := g.index[f.Source]
		t, okT := g.index[f.Target]
		if okS && okT && s != t {
			out[s] = append(out[s], f)
			hasIn[t] = true
		}
	}
	state := make([]uint8, len(g.nodes)) // 0 new, 1 on stack, 2 done
	var visit func(v int)
	visit = func(v int) {
		state[v] = 1
		for _, f := range out[v] {
			t := g.index[f.Target]
			switch state[t] {
			case 0:
				visit(t)
			case 1:
				g.back[f] = true
			}
		}
		state[v] = 2
	}
	for v := range g.nodes {
		if !hasIn[v] && state[v] == 0 {
			visit(v)
		}
	}
	for v := range g.nodes {
		if state[v] == 0 {
			visit(v)
		}
	}
}

// layers assigns each node the length of the longest path reaching it.
func (g *graph) layers() [][]int {
	layer := make([]int, len(g.nodes))
	indeg := make([]int, len(g.nodes))
	for v := range g.nodes {
		indeg[v] = len(g.pred[v])
	}
	var queue []int
	for v := range g.nodes {
		if indeg[v] == 0 {
			queue = append(queue, v)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, t := range g.succ[v] {
			layer[t] = max(layer[t], layer[v]+1)
			if indeg[t]--; indeg[t] == 0 {
				queue = append(queue, t)
			}
		}
	}
	var out [][]int
	for v, l := range layer {
		for len(out) <= l {
			out = append(out, nil)
		}
		out[l] = append(out[l], v)
	}
	return out
}

// order sorts each layer by the barycentre of its neighbours' positions,
// sweeping forwards and backwards a few times.
func (g *graph) order(layers [][]int) {
	pos := make([]float64, len(g.nodes))
	setPos := func(l []int) {
		for i, v := range l {
			pos[v] = float64(i)
		}
	}
	for _, l := range layers {
		setPos(l)
	}
	sweep := func(l []int, nb [][]int) {
		bary := make(map[int]float64, len(l))
		for _, v := range l {
			if len(nb[v]) == 0 {
				bary[v] = pos[v]
				continue
			}
			sum := 0.0
			for _, u := range nb[v] {
				sum += pos[u]
			}
			bary[v] = sum / float64(len(nb[v]))
		}
		slices.SortStableFunc(l, func(a, b int) int { return cmp.Compare(bary[a], bary[b]) })
		setPos(l)
	}
	for range 4 {
		for i := 1; i < len(layers); i++ {
			sweep(layers[i], g.pred)
		}
		for i := len(layers) - 2; i >= 0; i-- {
			sweep(layers[i], g.succ)
		}
	}
}
