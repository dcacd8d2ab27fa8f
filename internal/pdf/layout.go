package pdf

import (
	"bytes"
	"fmt"
	"strconv"
)

// Page geometry in points (1/72 inch): A4 portrait with 20 mm margins.
const (
	mm            = 72 / 25.4
	pageW         = 210 * mm
	pageH         = 297 * mm
	margin        = 20 * mm
	textW         = pageW - 2*margin
	contentTop    = pageH - 22*mm
	contentBottom = 20 * mm
	headerY       = pageH - 14*mm
	footerY       = 12 * mm

	bodySize = 10.0
	leading  = 1.35
)

var headingSizes = [...]float64{1: 18, 2: 14, 3: 12}

// layouter places blocks on pages; each page is a content stream.
type layouter struct {
	pages []*bytes.Buffer
	y     float64 // top of the next line

	elems []elem  // logical structure
	top   []int   // top-level elements in order
	marks [][]int // per page, the element of each marked-content id
}

func (l *layouter) newPage() {
	l.pages = append(l.pages, &bytes.Buffer{})
	l.marks = append(l.marks, nil)
	l.y = contentTop
}

func (l *layouter) page() *bytes.Buffer { return l.pages[len(l.pages)-1] }

func (l *layouter) empty() bool { return l.page().Len() == 0 }

// room starts a new page unless h points fit above the bottom margin or
// the page is still empty.
func (l *layouter) room(h float64) {
	if l.y-h < contentBottom && !l.empty() {
		l.newPage()
	}
}

// skip moves down by h points, to a new page if they do not fit.
func (l *layouter) skip(h float64) {
	l.y -= h
	if l.y < contentBottom {
		l.newPage()
	}
}

// text draws one line whose top is the current position.
func (l *layouter) text(f font, size, x float64, b []byte) {
	if len(b) == 0 {
		return
	}
	showText(l.page(), f, size, x, l.y-size, b)
}

func showText(w *bytes.Buffer, f font, size, x, baseline float64, b []byte) {
	fmt.Fprintf(w, "BT /%s %s Tf %s %s Td (%s) Tj ET\n",
		f.resource(), num(size), num(x), num(baseline), escape(b))
}

func rule(w *bytes.Buffer, x1, x2, y float64) {
	fmt.Fprintf(w, "0.5 w %s %s m %s %s l S\n", num(x1), num(y), num(x2), num(y))
}

// num formats a coordinate with at most two decimals.
func num(v float64) string {
	return strconv.FormatFloat(float64(int64(v*100+0.5))/100, 'f', -1, 64)
}

// escape writes b as the inside of a PDF literal string, with bytes
// outside printable ASCII as octal escapes.
func escape(b []byte) []byte {
	var out []byte
	for _, c := range b {
		switch {
		case c == '(' || c == ')' || c == '\\':
			out = append(out, '\\', c)
		case c < 0x20 || c >= 0x7F:
			out = append(out, '\\', '0'+c>>6, '0'+(c>>3)&7, '0'+c&7)
		default:
			out = append(out, c)
		}
	}
	return out
}
