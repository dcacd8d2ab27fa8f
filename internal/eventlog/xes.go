package eventlog

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// XESOptions tell ReadXES how to read a file.
type XESOptions struct {
	// Strict checks the file against the rules of the IEEE 1849-2016 XES
	// schema and fails, listing the first problems with their lines,
	// instead of passing over them with warnings.
	Strict bool
	// Classifier names the event attributes whose values, joined with
	// "+", make an event's activity; empty means concept:name.
	Classifier []string
	// Name names the log; empty means the log's concept:name.
	Name string
}

// SchemaError lists the ways a file breaks the XES schema (strict mode).
type SchemaError struct {
	Problems []string // the first problems, each with its line
}

func (e *SchemaError) Error() string {
	return "xes: the file does not follow the XES schema:\n\t" + strings.Join(e.Problems, "\n\t")
}

// maxProblems bounds SchemaError.Problems.
const maxProblems = 10

// ReadXES reads an XES log, plain or gzipped (told by its first bytes).
//
// The activity of an event is its concept:name (or the Classifier's
// keys), its resource org:resource and its time time:timestamp; its other
// attributes become EventAttrs. A trace's concept:name is the case ID, its
// other attributes become CaseAttrs; log-level attributes go to Log.Attrs.
// Unless opt.Strict, the reader is lenient with what real files get wrong:
// missing namespace or version, elements out of order, unknown elements,
// nested attributes (only the top-level one is kept), invalid values (kept
// as strings, or NoTime for a timestamp); the report warns about them.
func ReadXES(r io.Reader, opt XESOptions) (*Log, *ImportReport, error) {
	return readXES(r, opt, 0)
}

// ReadXESFile reads the XES file at path (plain or gzipped).
func ReadXESFile(path string, opt XESOptions) (*Log, *ImportReport, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	hint := 0
	if fi, err := f.Stat(); err == nil {
		hint = int(fi.Size() / 220) // XES takes 250 bytes or more per event
	}
	return readXES(f, opt, hint)
}

func readXES(r io.Reader, opt XESOptions, hint int) (*Log, *ImportReport, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, nil, fmt.Errorf("xes: %w", err)
		}
		defer zr.Close()
		r, hint = zr, hint*8
	} else {
		r = br
	}
	x := newXESReader(r, opt, hint)
	if err := x.run(); err != nil {
		return nil, nil, err
	}
	if len(x.problems) > 0 {
		return nil, x.rep, &SchemaError{Problems: x.problems}
	}
	l := x.b.Log()
	if l.Name == "" {
		l.Name = x.logName
	}
	x.rep.Cases, x.rep.Events = len(l.Cases), len(l.Act)
	return l, x.rep, nil
}

// run reads the document: the root, then the log's children.
func (x *xesReader) run() error {
	s := x.s
	if !s.Next() {
		if err := s.Err(); err != nil {
			return fmt.Errorf("xes: %w", err)
		}
		return errors.New("xes: no root element")
	}
	if s.Kind != StartTag || string(s.LocalName()) != "log" {
		return fmt.Errorf("xes: line %d: the root element is <%s>, not <log>: not an XES file", s.Line, s.Name)
	}
	x.root()
	if !s.SelfClosing {
		x.body()
	}
	for len(x.problems) < maxProblems && s.Next() {
	}
	if err := s.Err(); err != nil {
		return fmt.Errorf("xes: %w", err)
	}
	return nil
}

// body reads the children of log until its end tag.
func (x *xesReader) body() {
	s := x.s
	for len(x.problems) < maxProblems && s.Next() {
		if s.Kind == EndTag {
			switch x.ctx {
			case ctxEvent:
				x.endEvent()
				x.ctx, x.phase = ctxTrace, 1
			case ctxTrace:
				x.endTrace()
				x.ctx, x.phase = ctxLog, 4
			default:
				return
			}
			continue
		}
		x.element()
	}
}

// element handles a start tag in the current context.
func (x *xesReader) element() {
	s := x.s
	ln := s.LocalName()
	typ, isAttr := xesAttrType(ln)
	switch {
	case isAttr:
		x.attribute(typ)
	case string(ln) == "event" && x.ctx == ctxTrace:
		x.order(1, "event")
		x.startEvent()
	case string(ln) == "trace" && x.ctx == ctxLog:
		x.order(4, "trace")
		x.startTrace()
	case x.ctx == ctxLog && (string(ln) == "extension" || string(ln) == "global" || string(ln) == "classifier"):
		x.header(string(ln))
	case string(ln) == "event" && x.ctx == ctxLog:
		x.order(5, "event")
		x.rep.Skipped++
		x.warnOnce("log-event", "line %d: events outside a trace are left out", s.Line)
		x.skip(skipAny)
	default:
		x.violation("elem:"+string(ln), s.Line, "unknown element <%s> in <%s> is ignored", s.Name, x.ctx)
		x.skip(skipAny)
	}
}

// xesAttrType is the type of an XES attribute element; list and container
// attributes have no value of their own (attrList).
func xesAttrType(name []byte) (AttrType, bool) {
	switch string(name) {
	case "string":
		return TypeString, true
	case "date":
		return TypeDate, true
	case "int":
		return TypeInt, true
	case "float":
		return TypeFloat, true
	case "boolean":
		return TypeBool, true
	case "id":
		return TypeID, true
	case "list", "container":
		return attrList, true
	}
	return 0, false
}

const attrList AttrType = 255

// What skip checks in the children it passes over.
const (
	skipAny    = iota // unknown elements: anything goes
	skipNested        // nested attributes: checked in strict mode
	skipEmpty         // declarations that must be empty
	skipGlobal        // the attributes of a global: checked in strict mode
)

// skip passes over the children of the current element (none when it is
// self-closing).
func (x *xesReader) skip(mode int) {
	s := x.s
	if s.SelfClosing {
		return
	}
	depth := s.Depth()
	for s.Next() && s.Depth() >= depth {
		if s.Kind != StartTag {
			continue
		}
		switch {
		case mode == skipEmpty:
			x.violation("", s.Line, "unexpected <%s>: the element must be empty", s.Name)
		case (mode == skipNested || mode == skipGlobal) && x.strict:
			x.nestedAttribute()
		case mode == skipNested:
			x.warnOnce("nested", "line %d: nested attributes are ignored (only top-level attributes are kept)", s.Line)
		}
	}
}
