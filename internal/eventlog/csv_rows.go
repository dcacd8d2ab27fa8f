package eventlog

import (
	"encoding/csv"
	"io"
	"strings"
)

// csvColumns are the positions of the mapped columns (-1 when unmapped)
// and the attribute columns.
type csvColumns struct {
	caseIdx, actIdx, timeIdx, resIdx int
	timeName                         string
	attrs                            []csvAttr
}

type csvAttr struct {
	idx      int
	key      string
	caseAttr bool
	set      []bool // per case: value already taken (case attributes only)
}

// planColumns resolves the mapping against the header.
func planColumns(header []string, m CSVMapping, report *ImportReport) (*csvColumns, error) {
	if m.Case == "" {
		return nil, importErr(KeyCSVMappingMissing, 0, "case")
	}
	if m.Activity == "" {
		return nil, importErr(KeyCSVMappingMissing, 0, "activity")
	}
	cols := &csvColumns{timeName: m.Timestamp}
	var err error
	for _, p := range []struct {
		name string
		idx  *int
	}{{m.Case, &cols.caseIdx}, {m.Activity, &cols.actIdx}, {m.Timestamp, &cols.timeIdx}, {m.Resource, &cols.resIdx}} {
		if *p.idx, err = findColumn(header, p.name); err != nil {
			return nil, err
		}
	}
	seen := map[string]bool{}
	for i, name := range header {
		switch {
		case i == cols.caseIdx || i == cols.actIdx || i == cols.timeIdx || i == cols.resIdx:
		case name == "":
			report.Warn("column %d has no name and was left out", i+1)
		case seen[name]:
			report.Warn("column %d repeats the name %q and was left out", i+1, name)
		case strings.HasPrefix(name, "case:"):
			cols.attrs = append(cols.attrs, csvAttr{idx: i, key: name[len("case:"):], caseAttr: true})
		default:
			cols.attrs = append(cols.attrs, csvAttr{idx: i, key: name})
		}
		seen[name] = true
	}
	return cols, nil
}

// findColumn is the index of name in header (exact, else ignoring case);
// -1 for "".
func findColumn(header []string, name string) (int, error) {
	if name == "" {
		return -1, nil
	}
	for i, h := range header {
		if h == name {
			return i, nil
		}
	}
	for i, h := range header {
		if strings.EqualFold(h, strings.TrimSpace(name)) {
			return i, nil
		}
	}
	return -1, importErr(KeyCSVUnknownColumn, 1, name)
}

// readRows adds one event per data row.
func readRows(cr *csv.Reader, b *Builder, cols *csvColumns, m CSVMapping, report *ImportReport) error {
	tp := newTimeParser(m.TimeLayout, m.Location)
	parsed, noTime := 0, 0
	firstBad := ""
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return csvError(err)
		}
		cs, act := field(rec, cols.caseIdx), field(rec, cols.actIdx)
		if cs == "" || act == "" {
			report.Skipped++
			report.Warn("line %d: no case or activity, row skipped", line(cr))
			continue
		}
		ts := NoTime
		if v := field(rec, cols.timeIdx); v != "" {
			t, ok := tp.parse(v)
			if !ok {
				if firstBad == "" {
					firstBad = v
				}
				report.Skipped++
				report.Warn("line %d: timestamp %q cannot be read, row skipped", line(cr), v)
				continue
			}
			ts = t.UnixNano()
			parsed++
		} else if cols.timeIdx >= 0 {
			noTime++
		}
		c := b.Case(own(b.cases, cs))
		b.Event(c, own(b.acts, act), ts, own(b.values, field(rec, cols.resIdx)))
		addAttrs(b, c, rec, cols.attrs)
	}
	if parsed == 0 && firstBad != "" {
		return importErr(KeyCSVTimeFormat, 0, cols.timeName, firstBad)
	}
	if noTime > 0 {
		report.Warn("%d events have no timestamp", noTime)
	}
	return nil
}

func addAttrs(b *Builder, c int32, rec []string, attrs []csvAttr) {
	for i := range attrs {
		a := &attrs[i]
		v := field(rec, a.idx)
		if v == "" {
			continue
		}
		if !a.caseAttr {
			col := b.column(&b.log.EventAttrs, b.evAttr, KV{Key: a.key}, len(b.log.Act))
			col.Val[b.current] = ownValue(b, v)
			continue
		}
		for int(c) >= len(a.set) {
			a.set = append(a.set, false)
		}
		if !a.set[c] { // the first value of a case counts
			a.set[c] = true
			b.CaseAttr(c, KV{Key: a.key, Value: own(b.values, v)})
		}
	}
}

func field(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return rec[i]
}

func line(cr *csv.Reader) int {
	l, _ := cr.FieldPos(0)
	return l
}

// ownValue is Builder.value with one map lookup, cloning s when new (see
// own). The CSV reader calls it for every attribute cell.
func ownValue(b *Builder, s string) int32 {
	if v, ok := b.values[s]; ok {
		return v
	}
	return b.value(strings.Clone(s))
}

// own returns s, cloned when the dictionary m does not hold it yet: the
// fields of a CSV row share one string, and a dictionary entry must not
// keep the whole row alive.
func own(m map[string]int32, s string) string {
	if _, ok := m[s]; ok || s == "" {
		return s
	}
	return strings.Clone(s)
}
