package bpmn

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	fontSize  = 11.0
	labelSize = 10.0            // labels outside shapes
	charWidth = fontSize * 0.56 // average width of a sans-serif character
	lineH     = fontSize * 1.25
)

// f formats a coordinate with at most one decimal.
func f(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

func esc(b *bytes.Buffer, s string) { xml.EscapeText(b, []byte(s)) }

// wrap breaks text into lines of at most width pixels and at most maxLines
// lines (0: no limit); the last line ends with an ellipsis when text is cut.
func wrap(text string, width float64, maxLines int) []string {
	maxChars := max(int(width/charWidth), 3)
	var lines []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		line := ""
		for _, w := range words(para, maxChars) {
			for utf8.RuneCountInString(w) > maxChars {
				if line != "" {
					lines = append(lines, line)
					line = ""
				}
				r := []rune(w)
				lines = append(lines, string(r[:maxChars-1])+"-")
				w = string(r[maxChars-1:])
			}
			switch {
			case line == "":
				line = w
			case strings.HasSuffix(line, "-") && utf8.RuneCountInString(line)+utf8.RuneCountInString(w) <= maxChars:
				line += w
			case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= maxChars:
				line += " " + w
			default:
				lines = append(lines, line)
				line = w
			}
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		last := []rune(lines[maxLines-1])
		if len(last) >= maxChars {
			last = last[:maxChars-1]
		}
		lines[maxLines-1] = string(last) + "…"
	}
	return lines
}

// text writes wrapped text centred on cx with its block vertically
// centred on cy (anchor "middle"), or starting at cx (anchor "start").
func (c *svgCtx) text(cx, cy, width float64, maxLines int, anchor, class, s string) {
	size := fontSize
	if class == "bpmn-label" {
		size = labelSize
	}
	lines := wrap(s, width*fontSize/size, maxLines)
	if len(lines) == 0 {
		return
	}
	lh := lineH * size / fontSize
	y := cy - float64(len(lines))*lh/2 + size*0.85
	c.b.WriteString(`<text class="` + class + `" x="` + f(cx) + `" y="` + f(y) + `" text-anchor="` + anchor + `" font-size="` + f(size) + `" fill="#000">`)
	for i, l := range lines {
		c.b.WriteString(`<tspan x="` + f(cx) + `" y="` + f(y+float64(i)*lh) + `">`)
		esc(c.b, l)
		c.b.WriteString(`</tspan>`)
	}
	c.b.WriteString("</text>\n")
}

// textTop writes wrapped text whose first line starts at y.
func (c *svgCtx) textTop(x, y, width float64, maxLines int, anchor, class, s string) {
	n := len(wrap(s, width, maxLines))
	c.text(x, y+float64(n)*lineH/2, width, maxLines, anchor, class, s)
}

// label places an element's name in its label bounds, or below the shape.
func (c *svgCtx) label(s *Shape, name string) {
	if strings.TrimSpace(name) == "" {
		return
	}
	if l := s.Label; l != nil && l.W > 0 {
		c.text(l.X+l.W/2, l.Y+l.H/2, max(l.W, 60), 0, "middle", "bpmn-label", name)
		return
	}
	b := s.Bounds
	c.textTop(b.X+b.W/2, b.Y+b.H+4, max(b.W*2.5, 90), 4, "middle", "bpmn-label", name)
}

// words splits a paragraph into words, and words longer than a line after
// their hyphens.
func words(para string, maxChars int) []string {
	var out []string
	for _, w := range strings.Fields(para) {
		for utf8.RuneCountInString(w) > maxChars {
			i := strings.IndexByte(w, '-')
			if i <= 0 || i == len(w)-1 {
				break
			}
			out = append(out, w[:i+1])
			w = w[i+1:]
		}
		out = append(out, w)
	}
	return out
}
