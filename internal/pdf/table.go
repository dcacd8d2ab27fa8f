package pdf

// table draws a grid; the header row is repeated on every page the table
// continues on.
func (l *layouter) table(t Table) {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	xs, ws := columns(t.Widths, cols)
	cells := func(texts []string, f font) []cell {
		cs := make([]cell, cols)
		for i := range cs {
			text := ""
			if i < len(texts) {
				text = texts[i]
			}
			cs[i] = cell{xs[i], wrap(f, bodySize, ws[i], text)}
		}
		return cs
	}
	header := func() {
		if len(t.Header) == 0 {
			return
		}
		hc := cells(t.Header, bold)
		l.row(hc, bold, bold)
		rule(l.page(), margin, margin+textW, l.y+2)
		l.y -= 3
	}
	header()
	lead := bodySize * leading
	for _, r := range t.Rows {
		rc := cells(r, regular)
		n := 0
		for _, c := range rc {
			n = max(n, len(c.lines))
		}
		page := len(l.pages)
		l.room(float64(n) * lead)
		if len(l.pages) != page {
			header()
		}
		l.row(rc, regular, regular)
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
