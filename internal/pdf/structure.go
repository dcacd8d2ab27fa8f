package pdf

import "fmt"

// elem is a node of the logical structure (tagged PDF): a heading,
// paragraph, list, table and so on.
type elem struct {
	tag    string // standard structure type: H1, P, L, LI, Lbl, LBody, Table, TR, TH, TD
	attrs  string // attribute dictionary, or ""
	alt    string // alternative text of a Figure, or ""
	parent int    // index of the parent element, root for the document
	kids   []kid
}

// root is the parent index of top-level elements (the Document element).
const root = -1

// kid is a child element (elem >= 0) or a marked-content sequence.
type kid struct {
	elem       int
	page, mcid int
}

// open adds a structure element below parent and returns its index.
func (l *layouter) open(tag string, parent int) int {
	l.elems = append(l.elems, elem{tag: tag, parent: parent})
	i := len(l.elems) - 1
	if parent == root {
		l.top = append(l.top, i)
	} else {
		l.elems[parent].kids = append(l.elems[parent].kids, kid{elem: i})
	}
	return i
}

// tagged draws one line of text as content of element e.
func (l *layouter) tagged(e int, f font, size, x float64, b []byte) {
	if len(b) == 0 {
		return
	}
	p := len(l.pages) - 1
	mcid := len(l.marks[p])
	l.marks[p] = append(l.marks[p], e)
	l.elems[e].kids = append(l.elems[e].kids, kid{elem: -1, page: p, mcid: mcid})
	fmt.Fprintf(l.page(), "/%s <</MCID %d>> BDC\n", l.elems[e].tag, mcid)
	l.text(f, size, x, b)
	l.page().WriteString("EMC\n")
}

// artifact draws content that is not part of the logical structure, such
// as a repeated table header, into the current page.
func (l *layouter) artifact(draw func()) {
	l.page().WriteString("/Artifact BMC\n")
	draw()
	l.page().WriteString("EMC\n")
}
