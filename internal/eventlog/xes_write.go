package eventlog

import (
	"bufio"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// WriteXES writes l as XES that is valid against the IEEE 1849-2016
// schema: it declares the concept, time, org and lifecycle extensions it
// uses and a concept:name classifier, keeps the attribute types, writes
// times in RFC 3339 (UTC, milliseconds or finer) and date attributes in
// their original form. The schema has no target namespace, so neither has
// the output. A value that is not valid for its column's type is written
// as a string; keys that are not XML names get '_' for the characters
// that make them invalid.
func WriteXES(w io.Writer, l *Log) error {
	x := &xesWriter{w: bufio.NewWriterSize(w, 256<<10), l: l}
	x.header()
	for i := range l.Cases {
		x.trace(i)
	}
	x.raw("</log>\n")
	return x.w.Flush()
}

type xesWriter struct {
	w   *bufio.Writer
	l   *Log
	buf []byte
}

var xesExtensions = []struct{ name, prefix string }{
	{"Concept", "concept"}, {"Time", "time"}, {"Organizational", "org"}, {"Lifecycle", "lifecycle"},
}

func (x *xesWriter) raw(s string) { x.w.WriteString(s) }

func (x *xesWriter) header() {
	l := x.l
	x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1849.2016\">\n")
	used := map[string]bool{"concept": true}
	used["time"] = slices.ContainsFunc(l.Time, func(t int64) bool { return t != NoTime })
	used["org"] = slices.ContainsFunc(l.Resource, func(r int32) bool { return r >= 0 })
	for _, cols := range [][]Column{l.EventAttrs, l.CaseAttrs} {
		for _, c := range cols {
			if p, _, ok := strings.Cut(c.Key, ":"); ok {
				used[p] = true
			}
		}
	}
	for _, kv := range l.Attrs {
		if p, _, ok := strings.Cut(kv.Key, ":"); ok {
			used[p] = true
		}
	}
	for _, e := range xesExtensions {
		if used[e.prefix] {
			x.raw("\t<extension name=\"" + e.name + "\" prefix=\"" + e.prefix +
				"\" uri=\"http://www.xes-standard.org/" + e.prefix + ".xesext\"/>\n")
		}
	}
	x.raw("\t<classifier name=\"Activity\" keys=\"concept:name\"/>\n")
	named := false
	for _, kv := range l.Attrs {
		named = named || kv.Key == "concept:name"
		x.attr(1, kv.Type, kv.Key, kv.Value)
	}
	if !named && l.Name != "" {
		x.attr(1, TypeString, "concept:name", l.Name)
	}
}

func (x *xesWriter) trace(i int) {
	l := x.l
	c := l.Cases[i]
	x.raw("\t<trace>\n")
	x.attr(2, TypeString, "concept:name", c.ID)
	for _, col := range l.CaseAttrs {
		if v := col.Val[i]; v >= 0 && col.Key != "concept:name" {
			x.attr(2, col.Type, col.Key, l.Values[v])
		}
	}
	for e := c.Start; e < c.End; e++ {
		x.raw("\t\t<event>\n")
		x.attr(3, TypeString, "concept:name", l.Activities[l.Act[e]])
		if r := l.Resource[e]; r >= 0 {
			x.attr(3, TypeString, "org:resource", l.Values[r])
		}
		if t := l.Time[e]; t != NoTime {
			x.buf = appendDateTime(x.buf[:0], t)
			x.attr(3, TypeDate, "time:timestamp", string(x.buf))
		}
		for _, col := range l.EventAttrs {
			if v := col.Val[e]; v >= 0 && !reservedKey(col.Key) {
				x.attr(3, col.Type, col.Key, l.Values[v])
			}
		}
		x.raw("\t\t</event>\n")
	}
	x.raw("\t</trace>\n")
}

func reservedKey(k string) bool {
	return k == "concept:name" || k == "org:resource" || k == "time:timestamp"
}

// attr writes one attribute element at the given indentation.
func (x *xesWriter) attr(indent int, t AttrType, key, value string) {
	if t != TypeString && !validLexical(t, []byte(value)) {
		t = TypeString
	}
	tag := t.XESTag()
	b := x.buf[:0]
	for range indent {
		b = append(b, '\t')
	}
	b = append(b, '<')
	b = append(b, tag...)
	b = append(b, ` key="`...)
	b = appendName(b, key)
	b = append(b, `" value="`...)
	b = appendEscaped(b, value)
	b = append(b, "\"/>\n"...)
	x.w.Write(b)
	x.buf = b
}

// appendName appends key as an XML name, replacing what a name cannot hold.
func appendName(b []byte, key string) []byte {
	if validName(key) {
		return append(b, key...)
	}
	if key == "" || !isNameStart(key[0]) {
		b = append(b, '_')
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if isNameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.' {
			b = append(b, c)
		} else {
			b = append(b, '_')
		}
	}
	return b
}

// appendEscaped appends s escaped for a double-quoted attribute value;
// characters XML cannot hold become U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || !isXMLChar(r) {
				b = append(b, "\uFFFD"...)
			} else {
				b = append(b, s[i:i+n]...)
			}
			i += n
			continue
		}
		switch c {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '"':
			b = append(b, "&quot;"...)
		case '\t':
			b = append(b, "&#9;"...)
		case '\n':
			b = append(b, "&#10;"...)
		case '\r':
			b = append(b, "&#13;"...)
		default:
			if c < 0x20 {
				b = append(b, "\uFFFD"...)
			} else {
				b = append(b, c)
			}
		}
		i++
	}
	return b
}
