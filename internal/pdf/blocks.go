package pdf

// lay places the blocks of a document on pages and returns the page
// contents without header and footer.
func lay(blocks []Block) [][]byte {
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
	}
	out := make([][]byte, len(l.pages))
	for i, p := range l.pages {
		out[i] = p.Bytes()
	}
	return out
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
	for _, line := range lines {
		l.room(lead)
		l.text(bold, size, margin, line)
		l.y -= lead
	}
	l.y -= 2
}

func (l *layouter) paragraph(p Paragraph) {
	lead := bodySize * leading
	for _, line := range wrap(regular, bodySize, textW, p.Text) {
		l.room(lead)
		l.text(regular, bodySize, margin, line)
		l.y -= lead
	}
	l.y -= 6
}

const (
	labelShare = 0.38 // part of the text width for labels
	gap        = 8.0  // points between columns of a row
)

func (l *layouter) keyValue(kv KeyValue) {
	labelW := textW*labelShare - gap
	for _, r := range kv.Rows {
		l.row([]cell{
			{margin, wrap(bold, bodySize, labelW, r.Label)},
			{margin + labelW + gap, wrap(regular, bodySize, textW-labelW-gap, r.Value)},
		}, bold, regular)
		l.y -= 3
	}
	l.y -= 3
}

// cell is the wrapped text of one column at its left edge x.
type cell struct {
	x     float64
	lines [][]byte
}

// row draws cells side by side, the first in font first, the rest in font
// rest. A row that fits on a page is not split.
func (l *layouter) row(cells []cell, first, rest font) {
	lead := bodySize * leading
	n := 0
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	l.room(float64(n) * lead)
	for i := range n {
		l.room(lead)
		for j, c := range cells {
			if i < len(c.lines) {
				f := rest
				if j == 0 {
					f = first
				}
				l.text(f, bodySize, c.x, c.lines[i])
			}
		}
		l.y -= lead
	}
}
