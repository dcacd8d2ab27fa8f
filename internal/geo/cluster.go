package geo

import (
	"math"
	"sort"
)

// mark is what the map draws for one grid cell: a single point or a
// cluster of several.
type mark struct {
	x, y    float64
	members []MapPoint
}

// cluster groups the (sorted) points: each alone while there are at most
// ClusterAbove of them, else by grid cell, the cell grown until the grid
// has at most MaxMarks cells, so the drawing stays legible and small
// however many reports there are. A cluster sits at its members' mean.
func cluster(ps []MapPoint, pr projection, o MapOptions) []mark {
	if len(ps) <= o.ClusterAbove {
		out := make([]mark, len(ps))
		for i, p := range ps {
			x, y := pr.xy(p.Point)
			out[i] = mark{x, y, ps[i : i+1]}
		}
		return out
	}
	cell := o.ClusterCell
	for math.Ceil(pr.w/cell)*math.Ceil(pr.h/cell) > float64(o.MaxMarks) {
		cell *= 1.1
	}
	type key struct{ row, col int }
	cells := map[key][]MapPoint{}
	for _, p := range ps {
		x, y := pr.xy(p.Point)
		k := key{int(y / cell), int(x / cell)}
		cells[k] = append(cells[k], p)
	}
	keys := make([]key, 0, len(cells))
	for k := range cells {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].row != keys[j].row {
			return keys[i].row < keys[j].row
		}
		return keys[i].col < keys[j].col
	})
	out := make([]mark, 0, len(keys))
	for _, k := range keys {
		ms := cells[k]
		var sx, sy float64
		for _, p := range ms {
			x, y := pr.xy(p.Point)
			sx, sy = sx+x, sy+y
		}
		n := float64(len(ms))
		out = append(out, mark{sx / n, sy / n, ms})
	}
	return out
}

// box is the members' bounding box.
func (m mark) box() BBox {
	b := EmptyBox()
	for _, p := range m.members {
		b = b.Extend(p.Point)
	}
	return b
}

// labelPoint approximates a polygon's pole of inaccessibility in map
// units (the inside point farthest from its edges), where a name reads
// best: a coarse grid over the outer ring's box, refined three times
// around the best cell. Falls back to the box's centre.
func labelPoint(pg Polygon, pr projection) (float64, float64) {
	rings := make([][][2]float64, 0, 1+len(pg.Holes))
	for _, r := range append([]Ring{pg.Outer}, pg.Holes...) {
		pts := make([][2]float64, len(r))
		for i, q := range r {
			x, y := pr.xy(q)
			pts[i] = [2]float64{x, y}
		}
		rings = append(rings, pts)
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range rings[0] {
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	bx, by, best := (minX+maxX)/2, (minY+maxY)/2, -1.0
	const n = 12
	w, h := maxX-minX, maxY-minY
	cx, cy := bx, by
	for round := 0; round < 4; round++ {
		for i := 0; i <= n; i++ {
			for j := 0; j <= n; j++ {
				x := cx - w/2 + w*float64(j)/n
				y := cy - h/2 + h*float64(i)/n
				if d := insideDistance(rings, x, y); d > best {
					bx, by, best = x, y, d
				}
			}
		}
		cx, cy, w, h = bx, by, w/4, h/4
	}
	return bx, by
}

// insideDistance is the distance from x,y to the nearest edge when the
// point is inside the rings (even-odd), else -1.
func insideDistance(rings [][][2]float64, x, y float64) float64 {
	in, d := false, math.Inf(1)
	for _, r := range rings {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a[1] > y) != (b[1] > y) && x < (b[0]-a[0])*(y-a[1])/(b[1]-a[1])+a[0] {
				in = !in
			}
			d = math.Min(d, segDist(x, y, a, b))
		}
	}
	if !in {
		return -1
	}
	return d
}

func segDist(x, y float64, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, ((x-a[0])*dx+(y-a[1])*dy)/l))
	}
	return math.Hypot(x-a[0]-t*dx, y-a[1]-t*dy)
}
