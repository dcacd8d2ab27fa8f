package catalog

import (
	"encoding/json"
	"fmt"
	"strings"
)

// DiffLine is one line of a text difference.
type DiffLine struct {
	Op   byte // ' ' unchanged, '-' removed, '+' added
	Text string
}

// FieldDiff is the change of one field between two versions.
type FieldDiff struct {
	Field string // JSON name of the field, e.g. "description"
	Lines []DiffLine
}

// Diff compares two versions field by field, in the order of Content's
// fields; unchanged fields are left out. Text is compared line by line,
// lists item by item.
func Diff(old, new Content) []FieldDiff {
	a, b := fieldLines(old), fieldLines(new)
	var out []FieldDiff
	for _, f := range contentFields {
		if strings.Join(a[f], "\n") == strings.Join(b[f], "\n") {
			continue
		}
		out = append(out, FieldDiff{Field: f, Lines: diffLines(a[f], b[f])})
	}
	return out
}

// contentFields are Content's JSON names in display order.
var contentFields = []string{
	"name", "summary", "description", "prerequisites", "documents", "fees", "fees_text",
	"deadlines", "processing_time", "legal_bases", "org_id", "authority", "office_ids", "links",
	"keywords", "life_situations", "target_groups", "ozg_level", "online_url", "appointment_url",
	"easy_language", "duration_minutes", "leika",
}

// fieldLines renders each field as lines: text split at line ends, lists
// one item per line, structured items as one readable line each.
func fieldLines(c Content) map[string][]string {
	m := map[string][]string{
		"name": {c.Name}, "summary": lines(c.Summary), "description": lines(c.Description),
		"prerequisites": c.Prerequisites, "documents": c.Documents, "fees_text": lines(c.FeesText),
		"deadlines": lines(c.Deadlines), "processing_time": lines(c.ProcessingTime),
		"authority": lines(c.Authority), "keywords": c.Keywords, "life_situations": c.LifeSituations,
		"target_groups": c.TargetGroups, "ozg_level": {fmt.Sprint(c.OZGLevel)},
		"online_url": lines(c.OnlineURL), "appointment_url": lines(c.AppointmentURL),
		"easy_language": lines(c.EasyLanguage), "leika": c.LeiKa,
	}
	if c.Duration > 0 {
		m["duration_minutes"] = []string{fmt.Sprint(c.Duration)}
	}
	if c.OrgID != nil {
		m["org_id"] = []string{fmt.Sprint(*c.OrgID)}
	}
	for _, id := range c.OfficeIDs {
		m["office_ids"] = append(m["office_ids"], fmt.Sprint(id))
	}
	for _, f := range c.Fees {
		m["fees"] = append(m["fees"], jsonLine(f))
	}
	for _, l := range c.LegalBases {
		m["legal_bases"] = append(m["legal_bases"], strings.TrimSpace(l.Citation+" "+l.URL))
	}
	for _, l := range c.Links {
		m["links"] = append(m["links"], l.Kind+": "+l.Title+" "+l.URL)
	}
	return m
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func jsonLine(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// diffLines is a longest-common-subsequence line diff. Service texts are
// short (tens of lines), so the quadratic table is cheap.
func diffLines(a, b []string) []DiffLine {
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []DiffLine
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			out = append(out, DiffLine{' ', a[i]})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, DiffLine{'-', a[i]})
			i++
		default:
			out = append(out, DiffLine{'+', b[j]})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, DiffLine{'-', a[i]})
	}
	for ; j < m; j++ {
		out = append(out, DiffLine{'+', b[j]})
	}
	return out
}
