package opendata

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strconv"
)

// Kind says what a column holds and so whether suppression touches it.
type Kind int

const (
	// Dimension columns describe a row (month, service, channel).
	Dimension Kind = iota
	// Count columns count people (applications, ratings, ideas): a small
	// count could identify someone and is suppressed.
	Count
	// Measure columns are figures computed from a count (mean rating,
	// median waiting days) and are suppressed with it.
	Measure
)

// Column describes one column of a table.
type Column struct {
	Name    string // machine name, the CSV header and JSON key
	Kind    Kind
	CountOf string // for a Measure: the Count column it is computed from
}

// Table is one dataset's figures. Cells are string, int or float64; a
// suppressed cell is nil and its column is named in the row's flags.
type Table struct {
	Columns []Column
	Rows    [][]any
	// Suppressed holds, per row, the names of the columns that were
	// blanked because they counted fewer people than the threshold.
	Suppressed [][]string
	// MinCount is the threshold Suppress applied (0: not applied).
	MinCount int
}

// SuppressedColumn is the name of the last column of the CSV, which lists
// a row's blanked cells (separated by ";").
const SuppressedColumn = "suppressed"

// DefaultMinCount is the smallest count published when none is configured.
const DefaultMinCount = 5

// Suppress blanks every count from 1 to minCount-1 (a zero reveals no
// one) and the measures computed from it, and flags them. It returns the
// number of rows touched. minCount <= 0 takes DefaultMinCount.
func (t *Table) Suppress(minCount int) int {
	if minCount <= 0 {
		minCount = DefaultMinCount
	}
	t.MinCount = minCount
	t.Suppressed = make([][]string, len(t.Rows))
	touched := 0
	for r, row := range t.Rows {
		small := map[string]bool{}
		for i, c := range t.Columns {
			if n, ok := row[i].(int); ok && c.Kind == Count && n > 0 && n < minCount {
				small[c.Name] = true
			}
		}
		for i, c := range t.Columns {
			if small[c.Name] || (c.Kind == Measure && small[c.CountOf]) {
				row[i] = nil
				t.Suppressed[r] = append(t.Suppressed[r], c.Name)
			}
		}
		if len(small) > 0 {
			touched++
		}
	}
	return touched
}

// WriteCSV writes the table as UTF-8 CSV with a header row and a last
// column that names the suppressed cells.
func (t *Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	header := make([]string, 0, len(t.Columns)+1)
	for _, c := range t.Columns {
		header = append(header, c.Name)
	}
	if err := cw.Write(append(header, SuppressedColumn)); err != nil {
		return err
	}
	for r, row := range t.Rows {
		rec := make([]string, 0, len(row)+1)
		for _, v := range row {
			rec = append(rec, cellString(v))
		}
		if err := cw.Write(append(rec, joinFlags(t.flags(r)))); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes the table as {"columns": [...], "min_count": n,
// "rows": [{column: value, ..., "suppressed": [...]}]}; suppressed cells
// are null.
func (t *Table) WriteJSON(w io.Writer) error {
	type column struct {
		Name string `json:"name"`
		Type string `json:"type"`
	}
	doc := struct {
		Columns  []column         `json:"columns"`
		MinCount int              `json:"min_count"`
		Rows     []map[string]any `json:"rows"`
	}{MinCount: t.MinCount, Rows: make([]map[string]any, 0, len(t.Rows))}
	for _, c := range t.Columns {
		doc.Columns = append(doc.Columns, column{c.Name, kindName(c.Kind)})
	}
	for r, row := range t.Rows {
		m := make(map[string]any, len(row)+1)
		for i, v := range row {
			m[t.Columns[i].Name] = v
		}
		m[SuppressedColumn] = append([]string{}, t.flags(r)...)
		doc.Rows = append(doc.Rows, m)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func (t *Table) flags(r int) []string {
	if r < len(t.Suppressed) {
		return t.Suppressed[r]
	}
	return nil
}

func kindName(k Kind) string {
	switch k {
	case Count:
		return "count"
	case Measure:
		return "measure"
	}
	return "dimension"
}

func cellString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return ""
}

func joinFlags(fs []string) string {
	s := ""
	for i, f := range fs {
		if i > 0 {
			s += ";"
		}
		s += f
	}
	return s
}

// round2 rounds to two decimals, for measures.
func round2(f float64) float64 { return math.Round(f*100) / 100 }
