package bpmn

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Limits on what Parse accepts.
const (
	MaxSize     = 16 << 20 // bytes of XML
	MaxElements = 200_000  // XML elements
)

// Error is a problem with a BPMN file. Key identifies it for translation
// (for example "bpmn.not_bpmn"); Line is the line in the file, 0 when unknown.
type Error struct {
	Key    string
	Line   int
	Detail string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s (line %d): %s", e.Key, e.Line, e.Detail)
	}
	return e.Key + ": " + e.Detail
}

// node is one XML element of the file.
type node struct {
	name     xml.Name
	attrs    []xml.Attr
	children []*node
	text     strings.Builder
	line     int
}

func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local && (a.Name.Space == "" || a.Name.Space == NSModel) {
			return a.Value
		}
	}
	return ""
}

func (n *node) has(local string) bool {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return true
		}
	}
	return false
}

// readTree reads the XML into a tree, bounded in size and element count.
func readTree(r io.Reader) (*node, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, &Error{Key: "bpmn.read", Detail: err.Error()}
	}
	if len(data) > MaxSize {
		return nil, &Error{Key: "bpmn.too_large", Detail: fmt.Sprintf("more than %d bytes", MaxSize)}
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charsetReader
	var root *node
	var stack []*node
	count := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return nil, &Error{Key: "bpmn.not_xml", Line: line, Detail: err.Error()}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if count++; count > MaxElements {
				return nil, &Error{Key: "bpmn.too_many_elements", Detail: fmt.Sprintf("more than %d elements", MaxElements)}
			}
			line, _ := d.InputPos()
			n := &node{name: t.Name, attrs: t.Attr, line: line}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		}
	}
	if root == nil {
		return nil, &Error{Key: "bpmn.not_xml", Detail: "no root element"}
	}
	return root, nil
}

// charsetReader decodes ISO-8859-1 (and, approximately, windows-1252),
// which some modelling tools still write.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii":
		b, err := io.ReadAll(input)
		if err != nil {
			return nil, err
		}
		out := make([]byte, 0, len(b)+len(b)/8)
		for _, c := range b {
			out = utf8.AppendRune(out, rune(c))
		}
		return bytes.NewReader(out), nil
	}
	return nil, fmt.Errorf("unsupported encoding %q", label)
}
