package pdf

import (
	"bytes"
	"strings"
)

// wrap breaks text into lines no wider than maxW points, at spaces where
// possible and inside words longer than a line. A newline in text starts a
// new line; an empty text gives one empty line.
func wrap(f font, size, maxW float64, text string) [][]byte {
	var lines [][]byte
	text = strings.ReplaceAll(text, "\r\n", "\n")
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, wrapLine(f, size, maxW, encode(para))...)
	}
	return lines
}

func wrapLine(f font, size, maxW float64, b []byte) [][]byte {
	var lines [][]byte
	var cur []byte
	for _, word := range bytes.Split(b, []byte{' '}) {
		if len(word) == 0 {
			continue
		}
		if len(cur) > 0 {
			joined := append(append(append([]byte(nil), cur...), ' '), word...)
			if width(f, size, joined) <= maxW {
				cur = joined
				continue
			}
			lines = append(lines, cur)
			cur = nil
		}
		for width(f, size, word) > maxW {
			n := fitting(f, size, maxW, word)
			lines = append(lines, word[:n])
			word = word[n:]
		}
		cur = append([]byte(nil), word...)
	}
	return append(lines, cur)
}

// fitting returns how many leading bytes of b fit into maxW, at least one.
func fitting(f font, size, maxW float64, b []byte) int {
	n := 1
	for n < len(b) && width(f, size, b[:n+1]) <= maxW {
		n++
	}
	return n
}
