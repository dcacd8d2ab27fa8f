package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"fmt"
	"io"
	"time"
	"unicode/utf16"
)

// Render lays out d and writes it as a PDF 1.7 file to w.
func Render(w io.Writer, d Document) error {
	b, err := d.Bytes()
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Fixed object numbers; structure elements, then pages and their
// contents in pairs follow.
const (
	catalogObj = iota + 1
	pagesObj
	font1Obj
	font2Obj
	infoObj
	structRootObj
	parentTreeObj
	documentObj
	firstElemObj
)

// Bytes returns d as a PDF 1.7 file. Equal documents with the same
// CreationDate give equal bytes.
func (d Document) Bytes() ([]byte, error) {
	return d.assemble(lay(d.Blocks), pageW, pageH, d.decoration)
}

// writeStructure writes the structure tree root, the parent tree, the
// Document element and one object per structure element.
func writeStructure(f *file, l *layouter, pageObj func(int) int) {
	ref := func(e int) string { return fmt.Sprintf("%d 0 R", firstElemObj+e) }
	f.object(structRootObj, "<< /Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d >>",
		documentObj, parentTreeObj, len(l.pages))
	var nums bytes.Buffer
	for p, marks := range l.marks {
		fmt.Fprintf(&nums, "%d [", p)
		for i, e := range marks {
			if i > 0 {
				nums.WriteByte(' ')
			}
			nums.WriteString(ref(e))
		}
		nums.WriteString("] ")
	}
	f.object(parentTreeObj, "<< /Nums [%s] >>", bytes.TrimSpace(nums.Bytes()))
	var top bytes.Buffer
	for _, e := range l.top {
		top.WriteString(" " + ref(e))
	}
	f.object(documentObj, "<< /Type /StructElem /S /Document /P %d 0 R /K [%s] >>",
		structRootObj, bytes.TrimSpace(top.Bytes()))
	for i, e := range l.elems {
		parent := fmt.Sprintf("%d 0 R", documentObj)
		if e.parent != root {
			parent = ref(e.parent)
		}
		var k bytes.Buffer
		for _, c := range e.kids {
			if c.elem >= 0 {
				k.WriteString(" " + ref(c.elem))
			} else {
				fmt.Fprintf(&k, " << /Type /MCR /Pg %d 0 R /MCID %d >>", pageObj(c.page), c.mcid)
			}
		}
		attrs := ""
		if e.attrs != "" {
			attrs = " /A " + e.attrs
		}
		if e.alt != "" {
			attrs += " /Alt " + textString(e.alt)
		}
		f.object(firstElemObj+i, "<< /Type /StructElem /S /%s /P %s%s /K [%s] >>",
			e.tag, parent, attrs, bytes.TrimSpace(k.Bytes()))
	}
}

// decoration draws the header line and the footer of page p of n as
// pagination artifacts.
func (d Document) decoration(p, n int) []byte {
	var w bytes.Buffer
	if d.Header == "" && d.Footer == "" {
		return nil
	}
	w.WriteString("/Artifact << /Type /Pagination >> BDC\n")
	if d.Header != "" {
		showText(&w, regular, 9, margin, headerY, encode(d.Header))
		rule(&w, margin, pageW-margin, headerY-2*mm)
	}
	if d.Footer != "" {
		text := encode(fmt.Sprintf(d.Footer, p, n))
		x := pageW - margin - width(regular, 9, text)
		showText(&w, regular, 9, x, footerY, text)
	}
	w.WriteString("EMC\n")
	return w.Bytes()
}

// file collects numbered objects and their byte offsets.
type file struct {
	buf     bytes.Buffer
	offsets []int // offsets[i] is where object i+1 starts
}

func (f *file) object(id int, format string, args ...any) {
	f.begin(id)
	fmt.Fprintf(&f.buf, format, args...)
	f.buf.WriteString("\nendobj\n")
}

func (f *file) begin(id int) {
	for len(f.offsets) < id {
		f.offsets = append(f.offsets, 0)
	}
	f.offsets[id-1] = f.buf.Len()
	fmt.Fprintf(&f.buf, "%d 0 obj\n", id)
}

func (f *file) stream(id int, data []byte, compress bool) error {
	filter := ""
	if compress {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		if _, err := zw.Write(data); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		data, filter = z.Bytes(), " /Filter /FlateDecode"
	}
	f.begin(id)
	fmt.Fprintf(&f.buf, "<< /Length %d%s >>\nstream\n", len(data), filter)
	f.buf.Write(data)
	f.buf.WriteString("\nendstream\nendobj\n")
	return nil
}

// trailer writes the cross-reference table and the trailer. The file
// identifier is a hash of everything before it, so it is reproducible.
func (f *file) trailer(info int) {
	id := fmt.Sprintf("%x", md5.Sum(f.buf.Bytes()))
	start := f.buf.Len()
	fmt.Fprintf(&f.buf, "xref\n0 %d\n0000000000 65535 f \n", len(f.offsets)+1)
	for _, off := range f.offsets {
		fmt.Fprintf(&f.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&f.buf, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(f.offsets)+1, info, id, id, start)
}

// textString encodes s as a PDF text string: a literal string when it is
// printable ASCII, otherwise UTF-16BE with byte order mark in hex.
func textString(s string) string {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r >= 0x7F {
			ascii = false
			break
		}
	}
	if ascii {
		return "(" + string(escape([]byte(s))) + ")"
	}
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfDate formats t as a PDF date: D:YYYYMMDDHHmmSS+HH'mm'.
func pdfDate(t time.Time) string {
	s := t.Format("D:20060102150405")
	_, off := t.Zone()
	if off == 0 {
		return s + "Z"
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%s%c%02d'%02d'", s, sign, off/3600, off/60%60)
}
