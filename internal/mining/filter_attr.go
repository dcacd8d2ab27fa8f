package mining

import (
	"rathaus/internal/eventlog"
)

// byAttrs keeps the cases matching every attribute key of f.Attr.
func (f Filter) byAttrs(l *eventlog.Log, keep []bool) {
	if len(f.Attr) == 0 {
		return
	}
	type group struct {
		key    string
		isCase bool
		values map[int32]bool
	}
	var groups []group
	for _, a := range f.Attr {
		g := -1
		for i := range groups {
			if groups[i].key == a.Key && groups[i].isCase == a.Case {
				g = i
			}
		}
		if g < 0 {
			g = len(groups)
			groups = append(groups, group{key: a.Key, isCase: a.Case, values: map[int32]bool{}})
		}
		// The dictionary may hold a string more than once; any copy matches.
		for v, s := range l.Values {
			if s == a.Value {
				groups[g].values[int32(v)] = true
			}
		}
	}
	for _, g := range groups {
		match := attrMatcher(l, g.key, g.isCase, g.values)
		for i := range keep {
			keep[i] = keep[i] && match(i)
		}
	}
}

// attrMatcher tells whether case i has one of values for key.
func attrMatcher(l *eventlog.Log, key string, isCase bool, values map[int32]bool) func(i int) bool {
	if isCase {
		col := l.CaseAttr(key)
		return func(i int) bool { return col != nil && values[col.Val[i]] }
	}
	var vals []int32
	if key == "resource" || key == "org:resource" {
		vals = l.Resource
	} else if col := l.EventAttr(key); col != nil {
		vals = col.Val
	}
	// A flag per dictionary value keeps the scan over events map-free.
	wanted := make([]bool, len(l.Values))
	for v := range values {
		wanted[v] = true
	}
	return func(i int) bool {
		if vals == nil {
			return false
		}
		c := l.Cases[i]
		for _, v := range vals[c.Start:c.End] {
			if v >= 0 && wanted[v] {
				return true
			}
		}
		return false
	}
}

// project copies the kept cases of l, and of them only the kept events
// when events is not nil, into a new log sharing l's dictionaries. Cases
// left without events are dropped.
func project(l *eventlog.Log, keep, events []bool) *eventlog.Log {
	out := &eventlog.Log{Name: l.Name, Attrs: l.Attrs, Activities: l.Activities, Values: l.Values}
	n := 0
	for i, c := range l.Cases {
		if keep[i] {
			n += c.End - c.Start
		}
	}
	rows := make([]int32, 0, n) // kept event positions
	var caseRows []int32
	for i, c := range l.Cases {
		if !keep[i] {
			continue
		}
		start := len(rows)
		for e := c.Start; e < c.End; e++ {
			if events == nil || events[e] {
				rows = append(rows, int32(e))
			}
		}
		if len(rows) == start && c.End > c.Start {
			continue // all its events were filtered out
		}
		out.Cases = append(out.Cases, eventlog.Case{ID: c.ID, Start: start, End: len(rows)})
		caseRows = append(caseRows, int32(i))
	}
	out.Act = pick(l.Act, rows)
	out.Time = pick(l.Time, rows)
	out.Resource = pick(l.Resource, rows)
	for _, col := range l.EventAttrs {
		out.EventAttrs = append(out.EventAttrs, eventlog.Column{Key: col.Key, Type: col.Type, Val: pick(col.Val, rows)})
	}
	for _, col := range l.CaseAttrs {
		out.CaseAttrs = append(out.CaseAttrs, eventlog.Column{Key: col.Key, Type: col.Type, Val: pick(col.Val, caseRows)})
	}
	return out
}

// pick copies the rows of s.
func pick[T any](s []T, rows []int32) []T {
	out := make([]T, len(rows))
	for i, r := range rows {
		out[i] = s[r]
	}
	return out
}
