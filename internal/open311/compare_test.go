package open311

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"
	"time"
)

// node is an XML element as the tests compare it: name, trimmed text, children.
type node struct {
	Name     string
	Text     string
	Children []*node
}

// parseXML reads a whole document strictly; it fails on anything that is not
// well-formed.
func parseXML(t *testing.T, doc []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	var stack []*node
	var root *node
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, doc)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &node{Name: tk.Name.Local}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, n)
			} else if root != nil {
				t.Fatalf("two root elements in\n%s", doc)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(tk)
			}
		}
	}
	if root == nil {
		t.Fatalf("no root element in\n%s", doc)
	}
	trim(root)
	return root
}

func trim(n *node) {
	n.Text = strings.TrimSpace(n.Text)
	for _, c := range n.Children {
		trim(c)
	}
}

// diffXML compares got (at path, which names it) against want: the same element names, and per name
// the same children in the same order (the order between different names,
// which the standard's own examples vary, does not count). Date-times are
// compared as instants, and got's must carry the city's offset.
func diffXML(path string, want, got *node) []string {
	var diffs []string
	if want.Name != got.Name {
		return []string{fmt.Sprintf("%s: element %q, want %q", path, got.Name, want.Name)}
	}
	if len(want.Children) == 0 && len(got.Children) == 0 {
		if d := diffScalar(path, want.Text, got.Text); d != "" {
			diffs = append(diffs, d)
		}
		return diffs
	}
	wg, gg := groups(want), groups(got)
	for _, name := range names(wg, gg) {
		w, g := wg[name], gg[name]
		if len(w) != len(g) {
			diffs = append(diffs, fmt.Sprintf("%s: %d <%s>, want %d", path, len(g), name, len(w)))
			continue
		}
		for i := range w {
			diffs = append(diffs, diffXML(fmt.Sprintf("%s/%s[%d]", path, name, i), w[i], g[i])...)
		}
	}
	return diffs
}

func groups(n *node) map[string][]*node {
	m := map[string][]*node{}
	for _, c := range n.Children {
		m[c.Name] = append(m[c.Name], c)
	}
	return m
}

func names(a, b map[string][]*node) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range []map[string][]*node{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

func diffScalar(path, want, got string) string {
	if wt, err := time.Parse(time.RFC3339, want); err == nil && strings.Contains(want, "T") {
		gt, err := time.Parse(time.RFC3339, got)
		if err != nil {
			return fmt.Sprintf("%s: %q is not an ISO 8601 date-time with offset (want %s)", path, got, want)
		}
		if !gt.Equal(wt) {
			return fmt.Sprintf("%s: %s, want the instant %s", path, got, want)
		}
		if _, off := gt.Zone(); off != berlinOffset(gt) {
			return fmt.Sprintf("%s: %s is not in Europe/Berlin's offset", path, got)
		}
		return ""
	}
	if want != got {
		return fmt.Sprintf("%s: %q, want %q", path, got, want)
	}
	return ""
}

func berlinOffset(t time.Time) int {
	_, off := t.In(Zone).Zone()
	return off
}

// diffJSON compares decoded JSON values; objects by key, arrays in order,
// date-time strings as instants in the city's offset.
func diffJSON(path string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: %T, want an object", path, got)}
		}
		var diffs []string
		for _, k := range keys(w, g) {
			wv, wok := w[k]
			gv, gok := g[k]
			switch {
			case !gok:
				diffs = append(diffs, fmt.Sprintf("%s.%s: missing", path, k))
			case !wok:
				diffs = append(diffs, fmt.Sprintf("%s.%s: unexpected (%v)", path, k, gv))
			default:
				diffs = append(diffs, diffJSON(path+"."+k, wv, gv)...)
			}
		}
		return diffs
	case []any:
		g, ok := got.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s: %T, want an array", path, got)}
		}
		if len(g) != len(w) {
			return []string{fmt.Sprintf("%s: %d items, want %d", path, len(g), len(w))}
		}
		var diffs []string
		for i := range w {
			diffs = append(diffs, diffJSON(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])...)
		}
		return diffs
	case string:
		g, ok := got.(string)
		if !ok {
			return []string{fmt.Sprintf("%s: %v (%T), want the string %q", path, got, got, w)}
		}
		if d := diffScalar(path, w, g); d != "" {
			return []string{d}
		}
		return nil
	default:
		if fmt.Sprint(want) != fmt.Sprint(got) {
			return []string{fmt.Sprintf("%s: %v (%T), want %v (%T)", path, got, got, want, want)}
		}
		return nil
	}
}

func keys(a, b map[string]any) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range []map[string]any{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

func decodeJSON(t *testing.T, doc []byte) any {
	t.Helper()
	if !json.Valid(doc) {
		t.Fatalf("invalid JSON:\n%s", doc)
	}
	var v any
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		t.Fatalf("decode JSON: %v\n%s", err, doc)
	}
	return normNumbers(v)
}

// normNumbers turns json.Number into float64 so 1 and 1.0 compare equal.
func normNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = normNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normNumbers(e)
		}
	}
	return v
}

// idFields are the ids the API promises as strings (or null) in JSON.
var idFields = map[string]bool{
	"service_request_id": true, "service_code": true, "token": true,
	"account_id": true, "update_id": true, "key": true, "address_id": true,
}

func checkIDsAreStrings(t *testing.T, path string, v any) {
	t.Helper()
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if idFields[k] {
				if _, ok := e.(string); !ok && e != nil {
					t.Errorf("%s.%s = %v (%T), want a string", path, k, e, e)
				}
			}
			checkIDsAreStrings(t, path+"."+k, e)
		}
	case []any:
		for i, e := range x {
			checkIDsAreStrings(t, fmt.Sprintf("%s[%d]", path, i), e)
		}
	}
}

// xmllint checks well-formedness with libxml2 when it is installed; it is
// required when RATHAUS_REQUIRE_XMLLINT=1.
func xmllint(t *testing.T, doc []byte) {
	t.Helper()
	path, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("RATHAUS_REQUIRE_XMLLINT") == "1" {
			t.Fatal("xmllint not found and RATHAUS_REQUIRE_XMLLINT=1")
		}
		return
	}
	cmd := exec.Command(path, "--noout", "-")
	cmd.Stdin = bytes.NewReader(doc)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s\n%s", err, out, doc)
	}
}
