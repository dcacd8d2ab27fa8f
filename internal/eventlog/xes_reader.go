package eventlog

import (
	"fmt"
	"io"
	"slices"
)

// xesContext is the element the reader is in.
type xesContext uint8

const (
	ctxLog xesContext = iota
	ctxTrace
	ctxEvent
)

func (c xesContext) String() string { return [...]string{"log", "trace", "event"}[c] }

// xesReader turns the scanner's tokens into a Builder's log.
type xesReader struct {
	s        *Scanner
	b        *Builder
	rep      *ImportReport
	strict   bool
	problems []string        // strict mode: schema violations
	warned   map[string]bool // warnings given once
	logName  string
	hint     int // expected number of events

	// classifier keys when the activity is not just concept:name
	classifier [][]byte
	parts      [][]byte // the current event's classifier values
	joined     []byte

	ctx   xesContext
	phase int // element order within the current log or trace

	// the current trace
	traces    int
	caseIdx   int32 // -1 until the case exists
	traceID   string
	hasID     bool
	traceLine int
	caseAttrs []pendingAttr

	// the current event
	act       int32
	time      int64
	res       int32
	eventLine int
	attrs     []pendingAttr
	keyCache  []cachedKey   // the keys of the last events, by place
	lastValue []cachedValue // the last value of each event column
}

// pendingAttr is an attribute value waiting for its event or case.
type pendingAttr struct {
	col int
	val int32
}

func newXESReader(r io.Reader, opt XESOptions, hint int) *xesReader {
	x := &xesReader{
		s: NewScanner(r), b: NewBuilder(opt.Name, hint), rep: &ImportReport{},
		strict: opt.Strict, warned: map[string]bool{}, hint: hint,
	}
	if len(opt.Classifier) > 0 && !slices.Equal(opt.Classifier, []string{"concept:name"}) {
		for _, k := range opt.Classifier {
			x.classifier = append(x.classifier, []byte(k))
		}
		x.parts = make([][]byte, len(opt.Classifier))
	}
	return x
}

// violation is a break of the schema: an error in strict mode, otherwise
// a warning (once per kind when once is not empty).
func (x *xesReader) violation(once string, line int, format string, args ...any) {
	if x.strict {
		if len(x.problems) < maxProblems {
			x.problems = append(x.problems, fmt.Sprintf("line %d: ", line)+fmt.Sprintf(format, args...))
		}
		return
	}
	x.warnOnce(once, "line %d: "+format, append([]any{line}, args...)...)
}

// warnOnce warns unless a warning of the same kind was given.
func (x *xesReader) warnOnce(once, format string, args ...any) {
	if once != "" {
		if x.warned[once] {
			return
		}
		x.warned[once] = true
	}
	x.rep.Warn(format, args...)
}

// order checks the schema's element order (extension, global, classifier,
// attributes, trace, event in a log; attributes, event in a trace).
func (x *xesReader) order(phase int, name string) {
	if phase < x.phase {
		x.violation("order:"+name, x.s.Line, "<%s> is out of order in <%s>", name, x.ctx)
		return
	}
	x.phase = phase
}

// root reads the attributes of <log>.
func (x *xesReader) root() {
	s := x.s
	prefix := ""
	if i := len(s.Name) - len(s.LocalName()); i > 0 {
		prefix = string(s.Name[:i-1])
	}
	version, ns, hasNS := []byte(nil), "", false
	for _, a := range s.Attrs {
		name := string(a.Name)
		switch {
		case name == "xes.version":
			version = a.Value
		case name == "xes.features":
		case prefix == "" && name == "xmlns", prefix != "" && name == "xmlns:"+prefix:
			ns, hasNS = string(a.Value), true
		case len(name) > 5 && name[:6] == "xmlns:", name == "xmlns":
		default:
			x.violation("", s.Line, "<log> has an attribute %s the schema does not know", name)
		}
	}
	switch {
	case version == nil:
		x.violation("", s.Line, "<log> has no xes.version")
	case !validDecimal(version):
		x.violation("", s.Line, "xes.version %q is not a decimal number", version)
	}
	if hasNS && ns != xesNamespace && ns != "" {
		x.violation("", s.Line, "<log> is in the namespace %q, not %s", ns, xesNamespace)
	}
}

const xesNamespace = "http://www.xes-standard.org/"

// header reads an extension, global or classifier declaration; only their
// form is checked, they do not change what is read.
func (x *xesReader) header(name string) {
	s := x.s
	required := map[string][]string{
		"extension": {"name", "prefix", "uri"}, "global": nil, "classifier": {"name", "keys"},
	}[name]
	x.order(map[string]int{"extension": 0, "global": 1, "classifier": 2}[name], name)
	if x.strict {
		for _, key := range required {
			if s.Attr(key) == nil {
				x.violation("", s.Line, "<%s> has no %s", name, key)
			}
		}
		allowed := append(required, "scope")
		for _, a := range s.Attrs {
			if !slices.Contains(allowed, string(a.Name)) {
				x.violation("", s.Line, "<%s> has an attribute %s the schema does not know", name, a.Name)
			}
		}
		if name != "global" {
			x.skip(skipEmpty)
			return
		}
	}
	x.skip(skipGlobal)
}
