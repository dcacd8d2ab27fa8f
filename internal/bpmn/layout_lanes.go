package bpmn

import "math"

const minLaneHeight = 120.0

// lanePlan assigns the nodes of a process to its innermost lanes, which
// are laid out as horizontal bands one below the other.
type lanePlan struct {
	depth  int                  // nesting depth of the lanes, 0 without lanes
	leaves []*Lane              // the innermost lanes in order
	of     []int                // node -> index into leaves
	band   map[*Lane][2]float64 // top and bottom of each innermost lane
}

func planLanes(lanes []*Lane, g *graph) *lanePlan {
	pl := &lanePlan{of: make([]int, len(g.nodes)), band: map[*Lane][2]float64{}}
	var visit func(ls []*Lane, depth int)
	visit = func(ls []*Lane, depth int) {
		for _, l := range ls {
			pl.depth = max(pl.depth, depth)
			first := len(pl.leaves) // this lane's (first) innermost lane
			if len(l.Lanes) == 0 {
				pl.leaves = append(pl.leaves, l)
			}
			for _, ref := range l.FlowNodeRefs { // inner lanes override outer ones
				if v, ok := g.index[ref]; ok && g.nodes[v].ID == ref {
					pl.of[v] = first
				}
			}
			visit(l.Lanes, depth+1)
		}
	}
	visit(lanes, 1)
	return pl
}

// place gives the nodes their vertical position, lane by lane.
func (pl *lanePlan) place(g *graph, layers [][]int, bounds []Bounds, top float64) {
	if len(pl.leaves) == 0 {
		g.placeRows(layers, bounds, func(int) bool { return true })
		shiftRows(bounds, func(int) bool { return true }, top+margin)
		return
	}
	for i, l := range pl.leaves {
		in := func(v int) bool { return pl.of[v] == i }
		g.placeRows(layers, bounds, in)
		height := shiftRows(bounds, in, top+margin)
		bottom := top + max(height+2*margin, minLaneHeight)
		pl.band[l] = [2]float64{top, bottom}
		top = bottom
	}
}

// shiftRows moves the kept nodes so that the highest starts at y and
// returns the height they take.
func shiftRows(bounds []Bounds, keep func(int) bool, y float64) float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for v, b := range bounds {
		if keep(v) {
			lo, hi = min(lo, b.Y), max(hi, b.Y+b.H)
		}
	}
	if math.IsInf(lo, 1) {
		return 0
	}
	for v := range bounds {
		if keep(v) {
			bounds[v].Y += y - lo
		}
	}
	return hi - lo
}

// bottom is the lower edge of the last lane, or -Inf without lanes.
func (pl *lanePlan) bottom() float64 {
	if len(pl.leaves) == 0 {
		return math.Inf(-1)
	}
	return pl.band[pl.leaves[len(pl.leaves)-1]][1]
}

// shapes draws the lanes from left to right; the last lane reaches bottom.
func (pl *lanePlan) shapes(lanes []*Lane, left, right, bottom float64) []*Shape {
	if len(pl.leaves) > 0 {
		last := pl.leaves[len(pl.leaves)-1]
		pl.band[last] = [2]float64{pl.band[last][0], bottom}
	}
	var out []*Shape
	var visit func(ls []*Lane, x float64) (top, bottom float64)
	visit = func(ls []*Lane, x float64) (float64, float64) {
		top, bot := math.Inf(1), math.Inf(-1)
		for _, l := range ls {
			s := &Shape{ID: l.ID + "_di", Element: l.ID, Horizontal: true}
			out = append(out, s)
			t, b := visit(l.Lanes, x+poolBand)
			if len(l.Lanes) == 0 {
				t, b = pl.band[l][0], pl.band[l][1]
			}
			s.Bounds = Bounds{x, t, right - x, b - t}
			top, bot = min(top, t), max(bot, b)
		}
		return top, bot
	}
	visit(lanes, left)
	return out
}
