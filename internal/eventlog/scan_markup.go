package eventlog

import (
	"bytes"
	"errors"
)

var errSyntax = errors.New("syntax error")

// nameEnd marks the bytes that end a tag or attribute name.
var nameEnd = func() (t [256]bool) {
	for _, c := range []byte(" \t\r\n/>=<\"'") {
		t[c] = true
	}
	return t
}()

// attrSpecial marks the bytes of an attribute value that need a closer look.
var attrSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['&'], t['<'] = true, true
	return t
}()

// markup reads the markup starting at buf[pos] ('<'); it returns its
// length and the line breaks in it.
func (s *Scanner) markup() (n, lines int, err error) {
	b := s.buf[s.pos:s.end]
	if len(b) < 2 {
		return 0, 0, errNeedMore
	}
	switch b[1] {
	case '/':
		return s.endTag(b)
	case '?':
		return s.instruction(b)
	case '!':
		switch {
		case len(b) < 4:
			return 0, 0, errNeedMore
		case bytes.HasPrefix(b, []byte("<!--")):
			return s.skipTo(b, 4, "-->", "comment")
		case len(b) < 9:
			return 0, 0, errNeedMore
		case bytes.HasPrefix(b, []byte("<![CDATA[")):
			if len(s.stackOff) == 0 {
				return 0, 0, s.syntax(0, "CDATA section outside the root element")
			}
			return s.skipTo(b, 9, "]]>", "CDATA section")
		case bytes.HasPrefix(b, []byte("<!DOCTYPE")):
			return s.doctype(b)
		}
		return 0, 0, s.syntax(0, "unknown markup declaration")
	}
	return s.startTag(b)
}

func (s *Scanner) syntax(lines int, msg string, args ...any) error {
	s.fail(s.line+lines, msg, args...)
	return errSyntax
}

// skipTo passes over markup that ends with term.
func (s *Scanner) skipTo(b []byte, from int, term, what string) (int, int, error) {
	i := bytes.Index(b[from:], []byte(term))
	if i < 0 {
		if s.eof {
			return 0, 0, s.syntax(0, "unclosed %s", what)
		}
		return 0, 0, errNeedMore
	}
	n := from + i + len(term)
	return n, bytes.Count(b[:n], []byte{'\n'}), nil
}

// instruction passes over a processing instruction, rejecting an XML
// declaration that names an encoding other than UTF-8.
func (s *Scanner) instruction(b []byte) (int, int, error) {
	n, lines, err := s.skipTo(b, 2, "?>", "processing instruction")
	if err != nil || !bytes.HasPrefix(b, []byte("<?xml ")) {
		return n, lines, err
	}
	decl := b[:n]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return n, lines, nil
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n=")
	if len(rest) > 0 && (rest[0] == '"' || rest[0] == '\'') {
		if j := bytes.IndexByte(rest[1:], rest[0]); j >= 0 {
			enc := rest[1 : 1+j]
			if !bytes.EqualFold(enc, []byte("utf-8")) && !bytes.EqualFold(enc, []byte("us-ascii")) {
				return 0, 0, s.syntax(0, "encoding %q is not supported (convert the file to UTF-8)", enc)
			}
		}
	}
	return n, lines, nil
}

// doctype passes over a document type declaration with its internal
// subset, minding quoted strings.
func (s *Scanner) doctype(b []byte) (int, int, error) {
	depth := 0
	var quote byte
	for p := 9; p < len(b); p++ {
		c := b[p]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '>' && depth <= 0:
			return p + 1, bytes.Count(b[:p], []byte{'\n'}), nil
		}
	}
	if s.eof {
		return 0, 0, s.syntax(0, "unclosed DOCTYPE")
	}
	return 0, 0, errNeedMore
}

func (s *Scanner) endTag(b []byte) (int, int, error) {
	p := 2
	for p < len(b) && !nameEnd[b[p]] {
		p++
	}
	name := b[2:p]
	lines := 0
	for p < len(b) && isSpace(b[p]) {
		if b[p] == '\n' {
			lines++
		}
		p++
	}
	if p == len(b) {
		return 0, 0, errNeedMore
	}
	if b[p] != '>' || len(name) == 0 {
		return 0, 0, s.syntax(lines, "malformed end tag")
	}
	d := len(s.stackOff)
	if d == 0 {
		return 0, 0, s.syntax(0, "end tag </%s> without start tag", name)
	}
	if open := s.stack[s.stackOff[d-1]:]; !bytes.Equal(open, name) {
		return 0, 0, s.syntax(0, "end tag </%s> does not match <%s>", name, open)
	}
	s.pop()
	s.Kind, s.Name, s.SelfClosing = EndTag, name, false
	return p + 1, lines, nil
}

func (s *Scanner) startTag(b []byte) (int, int, error) {
	s.Attrs = s.Attrs[:0]
	p := 1
	for p < len(b) && !nameEnd[b[p]] {
		p++
	}
	if p == len(b) {
		return 0, 0, errNeedMore
	}
	name := b[1:p]
	if len(name) == 0 || !isNameStart(name[0]) {
		return 0, 0, s.syntax(0, "invalid tag name")
	}
	lines, self, decode := 0, false, false
	for {
		sp := p
		for p < len(b) && isSpace(b[p]) {
			if b[p] == '\n' {
				lines++
			}
			p++
		}
		if p == len(b) {
			return 0, 0, errNeedMore
		}
		if c := b[p]; c == '>' || c == '/' {
			if c == '/' {
				if p+1 == len(b) {
					return 0, 0, errNeedMore
				}
				if b[p+1] != '>' {
					return 0, 0, s.syntax(lines, "malformed tag <%s>", name)
				}
				self = true
				p++
			}
			p++
			break
		}
		if p == sp {
			return 0, 0, s.syntax(lines, "missing space before an attribute in <%s>", name)
		}
		attr, q, special, err := s.attribute(b, p, name, &lines)
		if err != nil {
			return 0, 0, err
		}
		decode = decode || special
		s.Attrs = append(s.Attrs, attr)
		p = q
	}
	if decode {
		for i := range s.Attrs {
			v, err := decodeAttr(s.Attrs[i].Value)
			if err != nil {
				return 0, 0, s.syntax(0, "attribute %s of <%s>: %v", s.Attrs[i].Name, name, err)
			}
			s.Attrs[i].Value = v
		}
	}
	if len(s.stackOff) == 0 {
		if s.roots++; s.roots > 1 {
			return 0, 0, s.syntax(0, "more than one root element")
		}
	}
	if !self {
		s.push(name)
	}
	s.Kind, s.Name, s.SelfClosing = StartTag, name, self
	return p, lines, nil
}

// attribute reads name="value" at b[p:]; it returns the position after it
// and whether the value has references or line breaks to replace.
func (s *Scanner) attribute(b []byte, p int, tag []byte, lines *int) (ScanAttr, int, bool, error) {
	start := p
	for p < len(b) && !nameEnd[b[p]] {
		p++
	}
	name := b[start:p]
	for p < len(b) && isSpace(b[p]) {
		if b[p] == '\n' {
			*lines++
		}
		p++
	}
	if p == len(b) {
		return ScanAttr{}, 0, false, errNeedMore
	}
	if len(name) == 0 || b[p] != '=' {
		return ScanAttr{}, 0, false, s.syntax(*lines, "malformed attribute in <%s>", tag)
	}
	p++
	for p < len(b) && isSpace(b[p]) {
		if b[p] == '\n' {
			*lines++
		}
		p++
	}
	if p == len(b) {
		return ScanAttr{}, 0, false, errNeedMore
	}
	q := b[p]
	if q != '"' && q != '\'' {
		return ScanAttr{}, 0, false, s.syntax(*lines, "attribute %s of <%s> is not quoted", name, tag)
	}
	p++
	j := bytes.IndexByte(b[p:], q)
	if j < 0 {
		return ScanAttr{}, 0, false, errNeedMore
	}
	v := b[p : p+j]
	special := false
	for _, c := range v {
		if attrSpecial[c] {
			switch c {
			case '<':
				return ScanAttr{}, 0, false, s.syntax(*lines, "'<' in the value of attribute %s", name)
			case '\n':
				*lines++
			}
			special = true
		}
	}
	return ScanAttr{Name: name, Value: v}, p + j + 1, special, nil
}

func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0x80
}
