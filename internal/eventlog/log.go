// Package eventlog holds event logs in a compact columnar form (Log) and
// reads and writes them: IEEE XES (plain and gzipped, lenient or strict),
// CSV with a column mapping, and OCEL 2.0 (JSON and XML). The process
// workshop (package mining) analyses what it reads.
package eventlog

import (
	"cmp"
	"fmt"
	"slices"
)

// NoTime marks an event without a timestamp.
const NoTime int64 = -1 << 63

// Log is an event log in columnar form. Events are grouped by case, in case
// order, and sorted by time (stably, keeping the file's order for equal or
// missing timestamps) within a case: the events of case i are the positions
// Cases[i].Start up to Cases[i].End.
//
// Every column is indexed by event position. Strings that repeat (activity
// names, resources, attribute values) are stored once.
type Log struct {
	Name string
	// Attrs are log-level attributes (e.g. concept:name of the log).
	Attrs []KV

	Activities []string // activity names; an event's Act indexes them
	Cases      []Case

	Act      []int32 // activity of each event
	Time     []int64 // Unix nanoseconds, NoTime when unknown
	Resource []int32 // index into Values (org:resource), -1 when unknown

	// EventAttrs are further event attributes, one column each;
	// CaseAttrs are trace-level attributes, indexed by case.
	EventAttrs []Column
	CaseAttrs  []Column

	Values []string // the dictionary Column and Resource values index
}

// Case is one trace.
type Case struct {
	ID         string
	Start, End int // event positions [Start, End)
}

// AttrType is the XES type of an attribute value.
type AttrType uint8

const (
	TypeString AttrType = iota
	TypeDate
	TypeInt
	TypeFloat
	TypeBool
	TypeID
)

// XESTag is the element name of the type in XES.
func (t AttrType) XESTag() string {
	return [...]string{"string", "date", "int", "float", "boolean", "id"}[t]
}

// Column is one attribute over all events (or all cases): Val[i] indexes
// Log.Values, -1 when the event has no such attribute. Values keep their
// lexical form from the source (e.g. an xs:dateTime string).
type Column struct {
	Key  string
	Type AttrType
	Val  []int32
}

// KV is one attribute with its value in lexical form.
type KV struct {
	Key   string
	Type  AttrType
	Value string
}

// NumEvents is the number of events.
func (l *Log) NumEvents() int { return len(l.Act) }

// Trace is the activity sequence of case i; it shares l's memory.
func (l *Log) Trace(i int) []int32 { c := l.Cases[i]; return l.Act[c.Start:c.End] }

// Value is the string at dictionary index v, "" for -1.
func (l *Log) Value(v int32) string {
	if v < 0 {
		return ""
	}
	return l.Values[v]
}

// EventAttr is the column of an event attribute key, nil when no event has it.
func (l *Log) EventAttr(key string) *Column {
	for i := range l.EventAttrs {
		if l.EventAttrs[i].Key == key {
			return &l.EventAttrs[i]
		}
	}
	return nil
}

// CaseAttr is the column of a case attribute key, nil when no case has it.
func (l *Log) CaseAttr(key string) *Column {
	for i := range l.CaseAttrs {
		if l.CaseAttrs[i].Key == key {
			return &l.CaseAttrs[i]
		}
	}
	return nil
}

// Builder collects events in any order and makes a Log. Importers call
// Case, then Event (and Attr) for each event; events of one case need not
// be contiguous.
type Builder struct {
	log     Log
	cases   map[string]int32
	acts    map[string]int32
	values  map[string]int32
	caseOf  []int32        // case index of each event, in arrival order
	evAttr  map[string]int // key -> index in log.EventAttrs
	csAttr  map[string]int
	current int // last event, for Attr
}

// NewBuilder starts a log; sizeHint is the expected number of events (0
// when unknown).
func NewBuilder(name string, sizeHint int) *Builder {
	b := &Builder{cases: map[string]int32{}, acts: map[string]int32{}, values: map[string]int32{},
		evAttr: map[string]int{}, csAttr: map[string]int{}, current: -1}
	b.log.Name = name
	b.log.Act = make([]int32, 0, sizeHint)
	b.log.Time = make([]int64, 0, sizeHint)
	b.log.Resource = make([]int32, 0, sizeHint)
	b.caseOf = make([]int32, 0, sizeHint)
	return b
}

// LogAttr adds a log-level attribute.
func (b *Builder) LogAttr(kv KV) { b.log.Attrs = append(b.log.Attrs, kv) }

// Case returns the index of the case with id, creating it when new.
func (b *Builder) Case(id string) int32 {
	if i, ok := b.cases[id]; ok {
		return i
	}
	i := int32(len(b.log.Cases))
	b.cases[id] = i
	b.log.Cases = append(b.log.Cases, Case{ID: id})
	return i
}

// CaseAttr sets a trace-level attribute of case c.
func (b *Builder) CaseAttr(c int32, kv KV) {
	col := b.column(&b.log.CaseAttrs, b.csAttr, kv, len(b.log.Cases))
	col.Val[c] = b.value(kv.Value)
}

// Event appends an event of case c; time is Unix nanoseconds or NoTime,
// resource "" when unknown.
func (b *Builder) Event(c int32, activity string, time int64, resource string) {
	a, ok := b.acts[activity]
	if !ok {
		a = int32(len(b.log.Activities))
		b.acts[activity] = a
		b.log.Activities = append(b.log.Activities, activity)
	}
	r := int32(-1)
	if resource != "" {
		r = b.value(resource)
	}
	b.log.Act = append(b.log.Act, a)
	b.log.Time = append(b.log.Time, time)
	b.log.Resource = append(b.log.Resource, r)
	b.caseOf = append(b.caseOf, c)
	b.current = len(b.log.Act) - 1
}

// Attr sets a further attribute of the last event.
func (b *Builder) Attr(kv KV) {
	col := b.column(&b.log.EventAttrs, b.evAttr, kv, len(b.log.Act))
	col.Val[b.current] = b.value(kv.Value)
}

func (b *Builder) value(s string) int32 {
	if v, ok := b.values[s]; ok {
		return v
	}
	v := int32(len(b.log.Values))
	b.values[s] = v
	b.log.Values = append(b.log.Values, s)
	return v
}

// column finds or adds the column for kv.Key and grows it to n rows.
func (b *Builder) column(cols *[]Column, idx map[string]int, kv KV, n int) *Column {
	i, ok := idx[kv.Key]
	if !ok {
		i = len(*cols)
		idx[kv.Key] = i
		*cols = append(*cols, Column{Key: kv.Key, Type: kv.Type})
	}
	col := &(*cols)[i]
	for len(col.Val) < n {
		col.Val = append(col.Val, -1)
	}
	return col
}

// Log finishes the log: events grouped by case (cases in order of first
// appearance) and sorted stably by time within each case. The Builder must
// not be used afterwards.
func (b *Builder) Log() *Log {
	l := &b.log
	n := len(l.Act)
	for i := range l.EventAttrs {
		for len(l.EventAttrs[i].Val) < n {
			l.EventAttrs[i].Val = append(l.EventAttrs[i].Val, -1)
		}
	}
	for i := range l.CaseAttrs {
		for len(l.CaseAttrs[i].Val) < len(l.Cases) {
			l.CaseAttrs[i].Val = append(l.CaseAttrs[i].Val, -1)
		}
	}
	perm := b.order()
	if perm != nil {
		l.Act = permute(l.Act, perm)
		l.Time = permute(l.Time, perm)
		l.Resource = permute(l.Resource, perm)
		for i := range l.EventAttrs {
			l.EventAttrs[i].Val = permute(l.EventAttrs[i].Val, perm)
		}
	}
	b.cases, b.acts, b.values, b.caseOf = nil, nil, nil, nil
	return l
}

// order sets the case bounds and returns the permutation that groups and
// sorts the events, or nil when they already are in order.
func (b *Builder) order() []int32 {
	l := &b.log
	counts := make([]int, len(l.Cases)+1)
	grouped := true
	for i, c := range b.caseOf {
		counts[c+1]++
		if i > 0 && c < b.caseOf[i-1] {
			grouped = false
		}
	}
	for i := range l.Cases {
		counts[i+1] += counts[i]
		l.Cases[i].Start, l.Cases[i].End = counts[i], counts[i+1]
	}
	var perm []int32
	if !grouped {
		perm = make([]int32, len(b.caseOf))
		next := slices.Clone(counts[:len(l.Cases)])
		for i, c := range b.caseOf {
			perm[next[c]] = int32(i)
			next[c]++
		}
	}
	sorted := true
	for _, c := range l.Cases {
		for j := c.Start + 1; j < c.End && sorted; j++ {
			sorted = at(l.Time, perm, j-1) <= at(l.Time, perm, j)
		}
	}
	if sorted {
		return perm
	}
	if perm == nil {
		perm = make([]int32, len(b.caseOf))
		for i := range perm {
			perm[i] = int32(i)
		}
	}
	for _, c := range l.Cases {
		ev := perm[c.Start:c.End]
		if slices.ContainsFunc(ev, func(e int32) bool { return l.Time[e] == NoTime }) {
			continue // without every timestamp the file's order is the only order
		}
		slices.SortStableFunc(ev, func(x, y int32) int { return cmp.Compare(l.Time[x], l.Time[y]) })
	}
	return perm
}

func at(t []int64, perm []int32, i int) int64 {
	if perm == nil {
		return t[i]
	}
	return t[perm[i]]
}

func permute[T any](s []T, perm []int32) []T {
	out := make([]T, len(s))
	for i, p := range perm {
		out[i] = s[p]
	}
	return out
}

// ImportReport tells what an import read and what it had to pass over.
type ImportReport struct {
	Cases, Events int
	Skipped       int      // events or rows left out (e.g. without a case or activity)
	Warnings      []string // the first problems found, with line or row numbers
}

// maxWarnings bounds ImportReport.Warnings.
const maxWarnings = 20

// Warn records a problem, keeping the first maxWarnings.
func (r *ImportReport) Warn(format string, args ...any) {
	if len(r.Warnings) < maxWarnings {
		r.Warnings = append(r.Warnings, fmt.Sprintf(format, args...))
	}
}
