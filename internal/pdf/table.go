package pdf

// table draws a grid with a bold header row that is repeated, as an
// artifact, on every further page the table runs onto.
func (l *layouter) table(t Table) {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	xs, ws := columns(t.Widths, cols)
	tbl := l.open("Table", root)
	cells := func(texts []string, tag string, f font) []cell {
		tr := -1
		if tag != "" {
			tr = l.open("TR", tbl)
		}
		cs := make([]cell, cols)
		for i := range cs {
			text := ""
			if i < len(texts) {
				text = texts[i]
			}
			e := -1
			if tr >= 0 {
				e = l.open(tag, tr)
				if tag == "TH" {
					l.elems[e].attrs = "<< /O /Table /Scope /Column >>"
				}
			}
			cs[i] = cell{e, f, xs[i], wrap(f, bodySize, ws[i], text)}
		}
		return cs
	}
	line := func() {
		rule(l.page(), margin, margin+textW, l.y+2)
		l.y -= 3
	}
	if len(t.Header) > 0 {
		l.row(cells(t.Header, "TH", bold))
		l.artifact(line)
	}
	for _, r := range t.Rows {
		rc := cells(r, "TD", regular)
		page := len(l.pages)
		l.room(height(rc))
		if len(l.pages) != page && len(t.Header) > 0 {
			l.artifact(func() {
				l.row(cells(t.Header, "", bold))
				line()
			})
		}
		l.row(rc)
		l.y -= 2
	}
	l.y -= 6
}

// columns returns the left edges and text widths of cols columns with the
// given relative widths (equal when missing or not positive).
func columns(rel []float64, cols int) (xs, ws []float64) {
	weights := make([]float64, cols)
	var sum float64
	for i := range weights {
		weights[i] = 1
		if i < len(rel) && rel[i] > 0 {
			weights[i] = rel[i]
		}
		sum += weights[i]
	}
	x := margin
	for _, w := range weights {
		full := textW * w / sum
		xs = append(xs, x)
		ws = append(ws, max(full-gap, 1))
		x += full
	}
	return xs, ws
}
