package pdf

// lay places the blocks of a document on pages, without header and
// footer, and builds their logical structure.
func lay(blocks []Block) *layouter {
	l := &layouter{}
	l.newPage()
	for _, b := range blocks {
		switch b := b.(type) {
		case Heading:
			l.heading(b)
		case Paragraph:
			l.paragraph(b)
		case KeyValue:
			l.keyValue(b)
		case Table:
			l.table(b)
		case Spacer:
			l.skip(b.Height * mm)
		case PageBreak:
			if !l.empty() {
				l.newPage()
			}
		}
	}
	// A page break at the end leaves no empty page.
	if len(l.pages) > 1 && l.empty() {
		l.pages = l.pages[:len(l.pages)-1]
		l.marks = l.marks[:len(l.marks)-1]
	}
	return l
}

func (l *layouter) heading(h Heading) {
	level := min(max(h.Level, 1), 3)
	size := headingSizes[level]
	lead := size * leading
	lines := wrap(bold, size, textW, h.Text)
	if !l.empty() {
		l.y -= size / 2
	}
	// Keep the heading together with two lines of what follows.
	l.room(float64(len(lines))*lead + 2*bodySize*leading)
	e := l.open("H"+string(rune('0'+level)), root)
	for _, line := range lines {
		l.room(lead)
		l.tagged(e, bold, size, margin, line)
		l.y -= lead
	}
	l.y -= 2
}

func (l *layouter) paragraph(p Paragraph) {
	lead := bodySize * leading
	e := l.open("P", root)
	for _, line := range wrap(regular, bodySize, textW, p.Text) {
		l.room(lead)
		l.tagged(e, regular, bodySize, margin, line)
		l.y -= lead
	}
	l.y -= 6
}

const (
	labelShare = 0.38 // part of the text width for labels
	gap        = 8.0  // points between columns of a row
)

// keyValue draws the rows as a list whose items have a label and a body.
func (l *layouter) keyValue(kv KeyValue) {
	labelW := textW*labelShare - gap
	list := l.open("L", root)
	for _, r := range kv.Rows {
		item := l.open("LI", list)
		l.row([]cell{
			{l.open("Lbl", item), bold, margin, wrap(bold, bodySize, labelW, r.Label)},
			{l.open("LBody", item), regular, margin + labelW + gap, wrap(regular, bodySize, textW-labelW-gap, r.Value)},
		})
		l.y -= 3
	}
	l.y -= 3
}

// cell is the wrapped text of one column at its left edge x, content of
// structure element e.
type cell struct {
	e     int
	font  font
	x     float64
	lines [][]byte
}

// height returns the height of the tallest cell in points.
func height(cells []cell) float64 {
	n := 0
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	return float64(n) * bodySize * leading
}

// row draws cells side by side. A row that fits on a page is not split.
// Cells with e < 0 are drawn untagged; the caller marks them as artifacts.
func (l *layouter) row(cells []cell) {
	lead := bodySize * leading
	l.room(height(cells))
	for i := 0; float64(i)*lead < height(cells); i++ {
		l.room(lead)
		for _, c := range cells {
			if i >= len(c.lines) {
				continue
			}
			if c.e < 0 {
				l.text(c.font, bodySize, c.x, c.lines[i])
			} else {
				l.tagged(c.e, c.font, bodySize, c.x, c.lines[i])
			}
		}
		l.y -= lead
	}
}
