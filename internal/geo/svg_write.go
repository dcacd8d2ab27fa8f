package geo

import (
	"math"
	"strconv"
	"strings"
)

type svgWriter struct {
	o      MapOptions
	pr     projection
	colors map[string]string
	b      strings.Builder
}

func (w *svgWriter) p(parts ...string) {
	for _, s := range parts {
		w.b.WriteString(s)
	}
}

func (w *svgWriter) write(outline, districts Areas, marks []mark, m *Map) string {
	id, o := w.o.ID, w.o
	links := false
	for _, mk := range marks {
		if len(mk.members) == 1 && safeHref(mk.members[0].Href) != "" || len(mk.members) > 1 && o.ClusterHref != nil {
			links = true
		}
	}
	role := "img"
	if links {
		role = "group"
	}
	w.p(`<svg xmlns="http://www.w3.org/2000/svg" id="`, id, `" class="geo-map" viewBox="0 0 `, num(w.pr.w), " ", num(w.pr.h),
		`" role="`, role, `" aria-labelledby="`, id, `-title"`)
	if o.Desc != "" {
		w.p(` aria-describedby="`, id, `-desc"`)
	}
	w.p(`><title id="`, id, `-title">`, esc(o.Title), `</title>`)
	if o.Desc != "" {
		w.p(`<desc id="`, id, `-desc">`, esc(o.Desc), `</desc>`)
	}
	w.defs(marks)
	if len(outline) > 0 {
		w.p(`<g class="geo-outline" fill="#f3f3f1" stroke="#4d4d4d" stroke-width="2">`)
		for _, a := range outline {
			w.p(`<path fill-rule="evenodd" d="`, w.path(a.Shape), `"/>`)
		}
		w.p(`</g>`)
	}
	w.areas(districts, len(outline) == 0)
	w.marks(marks, m)
	w.labels(districts)
	w.p(`</svg>`)
	return w.b.String()
}

// defs holds one path per marker shape in use.
func (w *svgWriter) defs(marks []mark) {
	used := map[string]bool{}
	for _, mk := range marks {
		if len(mk.members) == 1 {
			used[string(symbolOf(mk.members[0].Status, w.o))] = true
		}
	}
	if len(used) == 0 {
		return
	}
	w.p(`<defs>`)
	for _, s := range sortedKeys(used) {
		w.p(`<path id="`, w.o.ID, `-`, s, `" d="`, symbolPaths[Symbol(s)], `"/>`)
	}
	w.p(`</defs>`)
}

// areas draws the district boundaries with a <title> each.
func (w *svgWriter) areas(as Areas, fill bool) {
	if len(as) == 0 {
		return
	}
	f := "none"
	if fill {
		f = "#f3f3f1"
	}
	w.p(`<g class="geo-districts" fill="`, f, `" stroke="#8c8c8c" stroke-width="1" stroke-linejoin="round">`)
	for _, a := range as {
		w.p(`<path fill-rule="evenodd" d="`, w.path(a.Shape), `"><title>`, esc(a.Name), `</title></path>`)
	}
	w.p(`</g>`)
}

// labels writes the districts' names at each one's largest polygon's
// label point, above the markers (clicks pass through to them).
func (w *svgWriter) labels(as Areas) {
	if len(as) == 0 {
		return
	}
	w.p(`<g class="geo-labels" aria-hidden="true" pointer-events="none" font-family="sans-serif" font-size="`, num(math.Max(11, w.pr.w/60)),
		`" text-anchor="middle" dominant-baseline="middle" fill="#1a1a1a" stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">`)
	for _, a := range as {
		big, best := -1, -1.0
		for i, pg := range a.Shape {
			if ar := pg.Outer.planarArea(); ar > best {
				big, best = i, ar
			}
		}
		if big < 0 {
			continue
		}
		x, y := labelPoint(a.Shape[big], w.pr)
		w.p(`<text x="`, num(x), `" y="`, num(y), `">`, esc(a.Name), `</text>`)
	}
	w.p(`</g>`)
}

// path writes the shape's rings, dropping positions that round onto the
// previous one.
func (w *svgWriter) path(s Shape) string {
	var b strings.Builder
	ring := func(r Ring) {
		last := ""
		n := 0
		for _, q := range r[:len(r)-1] {
			x, y := w.pr.xy(q)
			xy := num(x) + " " + num(y)
			if xy == last {
				continue
			}
			if n == 0 {
				b.WriteString("M")
			} else {
				b.WriteString("L")
			}
			b.WriteString(xy)
			last = xy
			n++
		}
		b.WriteString("Z")
	}
	for _, pg := range s {
		ring(pg.Outer)
		for _, h := range pg.Holes {
			ring(h)
		}
	}
	return b.String()
}

func (w *svgWriter) marks(marks []mark, m *Map) {
	if len(marks) == 0 {
		return
	}
	w.p(`<g class="geo-points" stroke="#1a1a1a" stroke-width="1">`)
	for _, mk := range marks {
		x, y := num(mk.x), num(mk.y)
		if len(mk.members) == 1 {
			p := mk.members[0]
			m.Points++
			label := clip(p.Label, 200)
			w.open(safeHref(p.Href), label)
			w.p(`<use href="#`, w.o.ID, `-`, string(symbolOf(p.Status, w.o)), `" x="`, x, `" y="`, y, `" fill="`, w.colors[p.Category], `"/>`)
			w.close(safeHref(p.Href))
			continue
		}
		m.Clusters++
		label := clip(w.o.ClusterLabel(mk.members), 200)
		href := ""
		if w.o.ClusterHref != nil {
			href = safeHref(w.o.ClusterHref(mk.box(), mk.members))
		}
		n := len(mk.members)
		r := math.Min(16, 8+2*math.Log2(float64(n)))
		w.open(href, label)
		w.p(`<circle class="geo-cluster" cx="`, x, `" cy="`, y, `" r="`, num(r), `" fill="#fff" stroke-width="2"/><text x="`, x, `" y="`, y,
			`" aria-hidden="true" stroke="none" fill="#1a1a1a" font-family="sans-serif" font-size="10" font-weight="bold" text-anchor="middle" dominant-baseline="central">`,
			strconv.Itoa(n), `</text>`)
		w.close(href)
	}
	w.p(`</g>`)
}

// open starts a marker: a link when it has somewhere to go, else a
// group; either way named by a <title>.
func (w *svgWriter) open(href, label string) {
	if href != "" {
		w.p(`<a href="`, esc(href), `" aria-label="`, esc(label), `"><title>`, esc(label), `</title>`)
		return
	}
	w.p(`<g><title>`, esc(label), `</title>`)
}

func (w *svgWriter) close(href string) {
	if href != "" {
		w.p(`</a>`)
		return
	}
	w.p(`</g>`)
}
