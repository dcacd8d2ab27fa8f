package eventlog

import (
	"bufio"
	"io"
	"time"
	"unicode/utf8"
)

// ocelWriter writes OCEL text without reflection: logs have millions of
// events.
type ocelWriter struct {
	*bufio.Writer
	buf []byte
}

func newOCELWriter(w io.Writer) *ocelWriter {
	return &ocelWriter{Writer: bufio.NewWriterSize(w, 64<<10)}
}

// time writes t as RFC 3339 in UTC.
func (w *ocelWriter) time(t time.Time) {
	w.buf = t.UTC().AppendFormat(w.buf[:0], time.RFC3339Nano)
	w.Write(w.buf)
}

// jsonString writes s as a JSON string; invalid UTF-8 becomes U+FFFD.
func (w *ocelWriter) jsonString(s string) {
	const hex = "0123456789abcdef"
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			if r, size = utf8.DecodeRuneInString(s[i:]); r != utf8.RuneError || size != 1 {
				i += size
				continue
			}
		}
		w.WriteString(s[start:i])
		switch {
		case r == utf8.RuneError:
			w.WriteString(`\ufffd`)
		case c == '"' || c == '\\':
			w.WriteByte('\\')
			w.WriteByte(c)
		case c == '\n':
			w.WriteString(`\n`)
		case c == '\t':
			w.WriteString(`\t`)
		case c == '\r':
			w.WriteString(`\r`)
		default:
			w.WriteString(`\u00`)
			w.WriteByte(hex[c>>4])
			w.WriteByte(hex[c&0xf])
		}
		i += size
		start = i
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}

// xmlText writes s escaped for XML attribute values and text; characters
// XML does not allow become U+FFFD.
func (w *ocelWriter) xmlText(s string) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '"':
			esc = "&#34;"
		case c == '\'':
			esc = "&#39;"
		case c == '\t':
			esc = "&#x9;"
		case c == '\n':
			esc = "&#xA;"
		case c == '\r':
			esc = "&#xD;"
		case c < 0x20 || (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF:
			esc = "\uFFFD"
		default:
			i += size
			continue
		}
		w.WriteString(s[start:i])
		w.WriteString(esc)
		i += size
		start = i
	}
	w.WriteString(s[start:])
}

// xmlAttr writes ` name="value"`.
func (w *ocelWriter) xmlAttr(name, value string) {
	w.WriteByte(' ')
	w.WriteString(name)
	w.WriteString(`="`)
	w.xmlText(value)
	w.WriteByte('"')
}
