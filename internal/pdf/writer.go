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

// Bytes returns d as a PDF 1.7 file. Equal documents with the same
// CreationDate give equal bytes.
func (d Document) Bytes() ([]byte, error) {
	bodies := lay(d.Blocks)
	created := d.CreationDate
	if created.IsZero() {
		created = time.Now()
	}
	f := &file{}
	f.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

	// Objects 1-5 are fixed; pages and their contents follow in pairs.
	const catalog, pages, font1, font2, info = 1, 2, 3, 4, 5
	n := len(bodies)
	kids := make([]byte, 0, n*8)
	for i := range n {
		kids = fmt.Appendf(kids, "%d 0 R ", 6+2*i)
	}
	lang := ""
	if d.Lang != "" {
		lang = " /Lang " + textString(d.Lang)
	}
	f.object(catalog, "<< /Type /Catalog /Pages 2 0 R%s /ViewerPreferences << /DisplayDocTitle true >> >>", lang)
	f.object(pages, "<< /Type /Pages /Kids [%s] /Count %d >>", bytes.TrimSpace(kids), n)
	f.object(font1, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	f.object(font2, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	f.object(info, "<< /Title %s /Author %s /Subject %s /Producer (rathaus) /CreationDate %s >>",
		textString(d.Title), textString(d.Author), textString(d.Subject), textString(pdfDate(created)))

	for i, body := range bodies {
		content := append(d.decoration(i+1, n), body...)
		f.object(6+2*i, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] "+
			"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>",
			num(pageW), num(pageH), 7+2*i)
		if err := f.stream(7+2*i, content, d.Compress); err != nil {
			return nil, err
		}
	}
	f.trailer(info)
	return f.buf.Bytes(), nil
}

// decoration draws the header line and the footer of page p of n.
func (d Document) decoration(p, n int) []byte {
	var w bytes.Buffer
	if d.Header != "" {
		showText(&w, regular, 9, margin, headerY, encode(d.Header))
		rule(&w, margin, pageW-margin, headerY-2*mm)
	}
	if d.Footer != "" {
		text := encode(fmt.Sprintf(d.Footer, p, n))
		x := pageW - margin - width(regular, 9, text)
		showText(&w, regular, 9, x, footerY, text)
	}
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
