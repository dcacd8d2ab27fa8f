package eventlog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// TokenKind is the kind of token a Scanner stopped at.
type TokenKind uint8

const (
	// StartTag is a start tag or, when Scanner.SelfClosing, an empty-element tag.
	StartTag TokenKind = iota + 1
	// EndTag is an end tag.
	EndTag
)

// ScanAttr is one XML attribute of a start tag. Name and Value alias the
// scanner's buffer: they are valid until the next call of Next. Value has
// its entity and character references replaced.
type ScanAttr struct {
	Name, Value []byte
}

// SyntaxError is malformed XML, with the line it was found on.
type SyntaxError struct {
	Line int
	Msg  string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Scanner is a streaming, allocation-light XML tokenizer for XES files. It
// reports start and end tags with their attributes and passes over text,
// comments, processing instructions, CDATA sections and the DOCTYPE. It
// checks that the document is well-formed as far as tags and references
// go (matching end tags, one root, closed quotes and comments) and reads
// UTF-8 only.
type Scanner struct {
	r        io.Reader
	buf      []byte
	pos, end int   // unread bytes are buf[pos:end]
	eof      bool  // r returned io.EOF
	err      error // first error, sticky
	line     int   // line of buf[pos]
	stack    []byte
	stackOff []int // start of each open element's name in stack
	roots    int   // top-level elements seen
	started  bool

	// The current token.
	Kind        TokenKind
	Name        []byte // qualified name, e.g. "xes:log"
	Attrs       []ScanAttr
	SelfClosing bool
	Line        int // line the token starts on
}

const (
	scanBufSize = 256 << 10
	maxTokenLen = 64 << 20 // a longer tag or comment is an error
)

// NewScanner returns a Scanner reading r.
func NewScanner(r io.Reader) *Scanner {
	return &Scanner{r: r, buf: make([]byte, scanBufSize), line: 1}
}

// Depth is the number of open elements; after a StartTag it includes the
// element just opened (unless it is self-closing).
func (s *Scanner) Depth() int { return len(s.stackOff) }

// Err is the first error met, nil at a clean end of input.
func (s *Scanner) Err() error { return s.err }

// LocalName is the part of the token's name after a namespace prefix.
func (s *Scanner) LocalName() []byte { return localName(s.Name) }

func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// Attr is the value of the attribute with the given name, nil when absent.
func (s *Scanner) Attr(name string) []byte {
	for i := range s.Attrs {
		if string(s.Attrs[i].Name) == name {
			return s.Attrs[i].Value
		}
	}
	return nil
}

// errNeedMore tells that a token runs past the buffered bytes.
var errNeedMore = errors.New("need more input")

func (s *Scanner) fail(line int, format string, args ...any) bool {
	if s.err == nil {
		s.err = &SyntaxError{Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	return false
}

// Next advances to the next start or end tag. It returns false at the end
// of input or on an error (see Err).
func (s *Scanner) Next() bool {
	if s.err != nil {
		return false
	}
	if !s.started && !s.start() {
		return false
	}
	s.Kind, s.Attrs = 0, s.Attrs[:0]
	for {
		i := bytes.IndexByte(s.buf[s.pos:s.end], '<')
		if i < 0 {
			s.text(s.buf[s.pos:s.end])
			s.pos = s.end
			if !s.more(s.pos) {
				return s.finish()
			}
			continue
		}
		s.text(s.buf[s.pos : s.pos+i])
		s.pos += i
		n, lines, err := s.markup()
		for err == errNeedMore {
			if !s.more(s.pos) {
				return s.fail(s.line, "unexpected end of input inside markup")
			}
			n, lines, err = s.markup()
		}
		if err != nil {
			return false
		}
		s.Line = s.line
		s.line += lines
		s.pos += n
		if s.Kind != 0 {
			return true
		}
	}
}

// text passes over character data, counting lines and rejecting text
// outside the root element.
func (s *Scanner) text(b []byte) {
	s.line += bytes.Count(b, []byte{'\n'})
	if len(s.stackOff) == 0 && s.err == nil {
		for _, c := range b {
			if !isSpace(c) {
				lines := bytes.Count(b, []byte{'\n'})
				s.fail(s.line-lines, "text outside the root element")
				return
			}
		}
	}
}

func (s *Scanner) finish() bool {
	if s.err != nil {
		return false
	}
	if n := len(s.stackOff); n > 0 {
		return s.fail(s.line, "unexpected end of input: <%s> is not closed", s.stack[s.stackOff[n-1]:])
	}
	if s.roots == 0 {
		return s.fail(s.line, "no root element")
	}
	return false
}

// start skips a byte order mark and rejects UTF-16.
func (s *Scanner) start() bool {
	s.started = true
	for s.end-s.pos < 3 && !s.eof {
		if !s.more(s.pos) {
			break
		}
	}
	if s.err != nil {
		return false
	}
	b := s.buf[s.pos:s.end]
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		s.pos += 3
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}), bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return s.fail(1, "UTF-16 input is not supported (convert the file to UTF-8)")
	}
	return true
}

// more keeps buf[from:end], moving it to the front or growing the buffer,
// and reads more input. It returns false at the end of input or on a read
// error.
func (s *Scanner) more(from int) bool {
	if s.eof || s.err != nil {
		return false
	}
	keep := s.end - from
	if from > 0 {
		copy(s.buf, s.buf[from:s.end])
	} else if keep == len(s.buf) {
		if len(s.buf) >= maxTokenLen {
			return s.fail(s.line, "markup longer than %d bytes", maxTokenLen)
		}
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:keep])
		s.buf = nb
	}
	s.pos, s.end = s.pos-from, keep
	// Fill at least a quarter of the free space: a token is parsed again
	// from its start after each read, so tiny reads would be quadratic.
	want := keep + (len(s.buf)-keep)/4 + 1
	for s.end < want {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err == io.EOF {
			s.eof = true
			break
		}
		if err != nil {
			s.err = err
			return false
		}
	}
	return s.end > keep
}

func (s *Scanner) push(name []byte) {
	s.stackOff = append(s.stackOff, len(s.stack))
	s.stack = append(s.stack, name...)
}

func (s *Scanner) pop() {
	n := len(s.stackOff) - 1
	s.stack = s.stack[:s.stackOff[n]]
	s.stackOff = s.stackOff[:n]
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
