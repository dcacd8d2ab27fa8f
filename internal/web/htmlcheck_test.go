package web

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Small CSS-like selectors for asserting HTML, after pkgsite's htmlcheck:
// "main h1", "a[href='#main']", "#field-message[aria-invalid=true]",
// "div.kern-alert.kern-alert--danger". Supported: tag, #id, .class,
// [attr], [attr=value] (quotes optional), and the descendant combinator.

func parseHTML(t testing.TB, body string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	return doc
}

// queryAll returns the elements under n matching sel.
func queryAll(n *html.Node, sel string) []*html.Node {
	parts := strings.Fields(sel)
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && matches(n, parts) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// query returns the first match or nil.
func query(n *html.Node, sel string) *html.Node {
	if all := queryAll(n, sel); len(all) > 0 {
		return all[0]
	}
	return nil
}

// matches checks n against the last compound selector and its ancestors
// against the ones before.
func matches(n *html.Node, parts []string) bool {
	if !matchCompound(n, parts[len(parts)-1]) {
		return false
	}
	rest := parts[:len(parts)-1]
	for p := n.Parent; p != nil && len(rest) > 0; p = p.Parent {
		if p.Type == html.ElementNode && matchCompound(p, rest[len(rest)-1]) {
			rest = rest[:len(rest)-1]
		}
	}
	return len(rest) == 0
}

func matchCompound(n *html.Node, sel string) bool {
	for sel != "" {
		var tok string
		switch sel[0] {
		case '[':
			end := strings.IndexByte(sel, ']')
			tok, sel = sel[1:end], sel[end+1:]
			name, want, hasValue := strings.Cut(tok, "=")
			got, ok := attr(n, name)
			if !ok || (hasValue && got != strings.Trim(want, `'"`)) {
				return false
			}
			continue
		case '#', '.':
			end := strings.IndexAny(sel[1:], "#.[")
			if end < 0 {
				tok, sel = sel, ""
			} else {
				tok, sel = sel[:end+1], sel[end+1:]
			}
		default:
			end := strings.IndexAny(sel, "#.[")
			if end < 0 {
				tok, sel = sel, ""
			} else {
				tok, sel = sel[:end], sel[end:]
			}
		}
		switch tok[0] {
		case '#':
			if id, _ := attr(n, "id"); id != tok[1:] {
				return false
			}
		case '.':
			cls, _ := attr(n, "class")
			if !contains(strings.Fields(cls), tok[1:]) {
				return false
			}
		default:
			if n.Data != tok {
				return false
			}
		}
	}
	return true
}

func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// text returns the whitespace-normalised text content of n.
func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestSelectors(t *testing.T) {
	doc := parseHTML(t, `<html><body><main id="main"><div class="a b"><p data-x='1'>Hi <b>you</b></p></div></main><p>out</p></body></html>`)
	for sel, want := range map[string]int{
		"p":                 2,
		"main p":            1,
		"#main .a p":        1,
		"div.a.b":           1,
		"div.a.c":           0,
		"p[data-x]":         1,
		"p[data-x='1']":     1,
		"p[data-x=2]":       0,
		"body main div p b": 1,
		"main main":         0,
	} {
		if got := len(queryAll(doc, sel)); got != want {
			t.Errorf("%q: got %d matches, want %d", sel, got, want)
		}
	}
	if got := text(query(doc, "main p")); got != "Hi you" {
		t.Errorf("text: got %q, want %q", got, "Hi you")
	}
}
