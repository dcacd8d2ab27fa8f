package dldb

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PlainText converts the HTML of a DLDB text to rathaus' plain text:
// paragraphs separated by a blank line, list items as "- " lines (ordered
// lists too; a line break inside an item continues it on a line indented
// by two spaces), links reduced to their text, markup and scripts
// dropped, whitespace collapsed. Text without markup passes through with
// its whitespace tidied.
func PlainText(src string) string {
	if !strings.Contains(src, "<") {
		return tidyPlain(html.UnescapeString(src))
	}
	c := &converter{}
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		c.token(tt, z.Token())
	}
	c.flush()
	return c.String()
}

// block is one paragraph or one list item's text.
type block struct {
	item bool
	text string
}

type converter struct {
	blocks []block
	cur    strings.Builder
	space  bool   // whitespace seen since the last written character
	items  []bool // open list items: whether the "- " line was written
	skip   int    // depth inside script or style
}

func (c *converter) token(tt html.TokenType, t html.Token) {
	switch tt {
	case html.TextToken:
		if c.skip == 0 {
			c.text(t.Data)
		}
	case html.StartTagToken, html.SelfClosingTagToken:
		c.start(t.DataAtom, tt == html.SelfClosingTagToken)
	case html.EndTagToken:
		c.end(t.DataAtom)
	}
}

func (c *converter) start(a atom.Atom, selfClosing bool) {
	switch {
	case a == atom.Script || a == atom.Style:
		if !selfClosing {
			c.skip++
		}
	case a == atom.Br:
		c.cur.WriteByte('\n')
		c.space = false
	case a == atom.Li:
		c.flush()
		c.items = append(c.items, false)
	case a == atom.Td || a == atom.Th:
		c.space = true
	case isBlock(a):
		c.flush()
	}
}

func (c *converter) end(a atom.Atom) {
	switch {
	case a == atom.Script || a == atom.Style:
		if c.skip > 0 {
			c.skip--
		}
	case a == atom.Li:
		c.flush()
		if len(c.items) > 0 {
			c.items = c.items[:len(c.items)-1]
		}
	case isBlock(a):
		c.flush()
	}
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Table, atom.Tr,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Pre,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Hr:
		return true
	}
	return false
}

// text appends character data with whitespace collapsed; zero-width
// characters and soft hyphens, frequent in pasted CMS text, are dropped.
func (c *converter) text(s string) {
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsSpace(r):
			c.space = true
			continue
		}
		if c.space && c.cur.Len() > 0 && !strings.HasSuffix(c.cur.String(), "\n") {
			c.cur.WriteByte(' ')
		}
		c.space = false
		c.cur.WriteRune(r)
	}
}

// flush ends the current paragraph or item text. Inside a list item the
// first text becomes the "- " line and later text (after a nested list)
// continues it; in a paragraph, two line breaks in a row start a new one.
func (c *converter) flush() {
	raw := c.cur.String()
	c.cur.Reset()
	c.space = false
	if len(c.items) == 0 {
		for _, para := range splitParagraphs(raw) {
			c.blocks = append(c.blocks, block{text: para})
		}
		return
	}
	var lines []string
	for _, l := range strings.Split(raw, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return
	}
	indent := strings.Repeat("  ", len(c.items)-1)
	top := len(c.items) - 1
	for i, l := range lines {
		if i == 0 && !c.items[top] {
			lines[i] = indent + "- " + l
			c.items[top] = true
		} else {
			lines[i] = indent + "  " + l
		}
	}
	c.blocks = append(c.blocks, block{item: true, text: strings.Join(lines, "\n")})
}

// splitParagraphs trims the lines of raw and splits it at blank lines.
func splitParagraphs(raw string) []string {
	var paras, cur []string
	for _, l := range strings.Split(raw, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			if len(cur) > 0 {
				paras = append(paras, strings.Join(cur, "\n"))
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, "\n"))
	}
	return paras
}

// String joins the blocks: list items of one run on consecutive lines,
// everything else separated by a blank line.
func (c *converter) String() string {
	var b strings.Builder
	for i, bl := range c.blocks {
		if i > 0 {
			if bl.item && c.blocks[i-1].item {
				b.WriteByte('\n')
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(bl.text)
	}
	return b.String()
}

// tidyPlain collapses the whitespace inside the lines of a text without
// markup and keeps its line breaks and paragraphs.
func tidyPlain(s string) string {
	c := &converter{}
	for i, l := range strings.Split(s, "\n") {
		if i > 0 {
			c.cur.WriteByte('\n')
		}
		c.space = false
		c.text(l)
	}
	c.flush()
	return c.String()
}
