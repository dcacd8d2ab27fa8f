package web

import (
	"fmt"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/report"
)

// A category's attributes (Open311 extra questions) are edited as text,
// one attribute a line, fields split by "|":
//
//	code | datatype | required | description | key=Name; key=Name
//
// The third field is "pflicht"/"required", "optional", or "info" (shown,
// not asked); the values are for the list datatypes. The line's position
// is the attribute's order.

// rsAttributesText writes attributes in the editing format.
func rsAttributesText(attrs []report.Attribute) string {
	var b strings.Builder
	for _, a := range attrs {
		req := "optional"
		switch {
		case !a.Variable:
			req = "info"
		case a.Required:
			req = "pflicht"
		}
		var vals []string
		for _, v := range a.Values {
			vals = append(vals, v.Key+"="+v.Name)
		}
		fmt.Fprintf(&b, "%s | %s | %s | %s", a.Code, a.Datatype, req, a.Description)
		if len(vals) > 0 {
			b.WriteString(" | " + strings.Join(vals, "; "))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// rsParseAttributes reads the editing format; a malformed line is a
// field error on "attributes" naming the line.
func rsParseAttributes(text string) ([]report.Attribute, []fault.FieldError) {
	var out []report.Attribute
	var fe []fault.FieldError
	n := 0
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.Split(line, "|")
		for j := range parts {
			parts[j] = strings.TrimSpace(parts[j])
		}
		if len(parts) < 4 || len(parts) > 5 {
			fe = append(fe, fault.FieldError{Field: "attributes", Key: "reports_staff.error.attribute_line", Args: []any{i + 1}})
			continue
		}
		n++
		a := report.Attribute{Code: parts[0], Datatype: report.Datatype(parts[1]), Description: parts[3], Order: n, Variable: true}
		switch strings.ToLower(parts[2]) {
		case "pflicht", "required":
			a.Required = true
		case "optional":
		case "info":
			a.Variable = false
		default:
			fe = append(fe, fault.FieldError{Field: "attributes", Key: "reports_staff.error.attribute_line", Args: []any{i + 1}})
			continue
		}
		if len(parts) == 5 && parts[4] != "" {
			for _, kv := range strings.Split(parts[4], ";") {
				k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
				if !ok || strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
					fe = append(fe, fault.FieldError{Field: "attributes", Key: "reports_staff.error.attribute_line", Args: []any{i + 1}})
					break
				}
				a.Values = append(a.Values, report.Value{Key: strings.TrimSpace(k), Name: strings.TrimSpace(v)})
			}
		}
		out = append(out, a)
	}
	return out, fe
}
