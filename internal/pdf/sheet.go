package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"time"
)

// Sheet is a one-page document of centred blocks on a page of any size,
// such as a poster or a flyer. Unlike Document it has no header, footer or
// page breaks: the caller chooses sizes that fit.
type Sheet struct {
	Title   string
	Author  string
	Subject string
	Lang    string // BCP 47 language tag such as "de-DE"

	// Width and Height are the page size in millimetres, e.g. 210 × 297
	// for A4. Margin is the white border on every side in millimetres.
	Width, Height, Margin float64

	CreationDate time.Time
	Compress     bool

	Items []Item
}

// Item is one block of a Sheet, placed below the previous one.
type Item interface{ item() }

// Line is centred, wrapped text of Size points. Level 1-3 tags it as a
// heading, 0 as a paragraph.
type Line struct {
	Text  string
	Size  float64
	Bold  bool
	Level int
}

// Matrix is a square grid of modules (such as a QR code) drawn as filled
// black rectangles, centred, Side millimetres wide including a white
// border of Quiet modules on every side. Alt is its text alternative.
type Matrix struct {
	Modules [][]bool // Modules[y][x] is true for a black module
	Quiet   int
	Side    float64
	Alt     string
}

// Gap is vertical space of Height millimetres.
type Gap struct{ Height float64 }

func (Line) item()   {}
func (Matrix) item() {}
func (Gap) item()    {}

// ErrOverflow is returned by Sheet.Bytes when the items do not fit above
// the bottom margin; the caller makes them smaller.
var ErrOverflow = errors.New("pdf: the sheet's content runs past its bottom margin")

// Bytes returns s as a one-page PDF 1.7 file, or ErrOverflow.
func (s Sheet) Bytes() ([]byte, error) {
	w, h := s.Width*mm, s.Height*mm
	l := &layouter{}
	l.newPage()
	l.y = h - s.Margin*mm
	left, textWidth := s.Margin*mm, w-2*s.Margin*mm
	for _, it := range s.Items {
		switch it := it.(type) {
		case Line:
			l.centred(it, left, textWidth)
		case Matrix:
			l.matrix(it, left+textWidth/2)
		case Gap:
			l.y -= it.Height * mm
		}
	}
	if l.y < s.Margin*mm {
		return nil, ErrOverflow
	}
	meta := Document{Title: s.Title, Author: s.Author, Subject: s.Subject, Lang: s.Lang,
		CreationDate: s.CreationDate, Compress: s.Compress}
	return meta.assemble(l, w, h, func(int, int) []byte { return nil })
}

func (l *layouter) centred(t Line, left, textWidth float64) {
	f, tag := regular, "P"
	if t.Bold {
		f = bold
	}
	if t.Level >= 1 && t.Level <= 3 {
		tag = "H" + string(rune('0'+t.Level))
	}
	e := l.open(tag, root)
	for _, line := range wrap(f, t.Size, textWidth, t.Text) {
		x := left + (textWidth-width(f, t.Size, line))/2
		l.tagged(e, f, t.Size, x, line)
		l.y -= t.Size * 1.2
	}
}

// matrix draws m centred on x, with its top at the current position, as
// a Figure with alternative text. Runs of black modules in a row become
// one rectangle.
func (l *layouter) matrix(m Matrix, centre float64) {
	n := len(m.Modules)
	side := m.Side * mm
	if n == 0 {
		return
	}
	cell := side / float64(n+2*m.Quiet)
	x0, top := centre-side/2+float64(m.Quiet)*cell, l.y-float64(m.Quiet)*cell
	e := l.open("Figure", root)
	l.elems[e].alt = m.Alt
	p := len(l.pages) - 1
	mcid := len(l.marks[p])
	l.marks[p] = append(l.marks[p], e)
	l.elems[e].kids = append(l.elems[e].kids, kid{elem: -1, page: p, mcid: mcid})
	w := l.page()
	fmt.Fprintf(w, "/Figure <</MCID %d>> BDC\n0 g\n", mcid)
	for y, row := range m.Modules {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			run := x
			for run < len(row) && row[run] {
				run++
			}
			fmt.Fprintf(w, "%s %s %s %s re\n", num4(x0+float64(x)*cell), num4(top-float64(y+1)*cell),
				num4(float64(run-x)*cell), num4(cell))
			x = run
		}
	}
	w.WriteString("f\nEMC\n")
	l.y -= side
}

// num4 formats a coordinate with four decimals, so that adjacent modules
// meet without hairline gaps.
func num4(v float64) string {
	return fmt.Sprintf("%.4f", v)
}

// assemble writes the laid-out pages of size w × h points, each with the
// decoration of page p of n in front of its content.
func (d Document) assemble(l *layouter, w, h float64, decoration func(p, n int) []byte) ([]byte, error) {
	created := d.CreationDate
	if created.IsZero() {
		created = time.Now()
	}
	f := &file{}
	f.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	n := len(l.pages)
	pageObj := func(i int) int { return firstElemObj + len(l.elems) + 2*i }

	var kids []byte
	for i := range n {
		kids = fmt.Appendf(kids, " %d 0 R", pageObj(i))
	}
	lang := ""
	if d.Lang != "" {
		lang = " /Lang " + textString(d.Lang)
	}
	f.object(catalogObj, "<< /Type /Catalog /Pages %d 0 R%s /MarkInfo << /Marked true >> /StructTreeRoot %d 0 R "+
		"/ViewerPreferences << /DisplayDocTitle true >> >>", pagesObj, lang, structRootObj)
	f.object(pagesObj, "<< /Type /Pages /Kids [%s] /Count %d >>", bytes.TrimSpace(kids), n)
	f.object(font1Obj, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	f.object(font2Obj, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	f.object(infoObj, "<< /Title %s /Author %s /Subject %s /Producer (rathaus) /CreationDate %s >>",
		textString(d.Title), textString(d.Author), textString(d.Subject), textString(pdfDate(created)))
	writeStructure(f, l, pageObj)

	for i, body := range l.pages {
		content := append(decoration(i+1, n), body.Bytes()...)
		f.object(pageObj(i), "<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] "+
			"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R /StructParents %d /Tabs /S >>",
			pagesObj, num(w), num(h), font1Obj, font2Obj, pageObj(i)+1, i)
		if err := f.stream(pageObj(i)+1, content, d.Compress); err != nil {
			return nil, err
		}
	}
	f.trailer(infoObj)
	return f.buf.Bytes(), nil
}
