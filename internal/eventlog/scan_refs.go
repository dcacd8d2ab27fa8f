package eventlog

import (
	"bytes"
	"errors"
	"unicode/utf8"
)

// decodeAttr replaces references and normalises white space in an
// attribute value, in place: the result is never longer than v.
func decodeAttr(v []byte) ([]byte, error) {
	w := 0
	for r := 0; r < len(v); {
		c := v[r]
		switch {
		case c == '&':
			end := bytes.IndexByte(v[r:], ';')
			if end < 0 {
				return nil, errors.New("'&' without ';'")
			}
			ch, ok := reference(v[r+1 : r+end])
			if !ok {
				return nil, errors.New("unknown reference &" + string(v[r+1:r+end]) + ";")
			}
			w += utf8.EncodeRune(v[w:], ch)
			r += end + 1
			continue
		case c == '\r' && r+1 < len(v) && v[r+1] == '\n':
			r++
			continue
		case c == '\r' || c == '\n' || c == '\t':
			c = ' '
		case c < 0x20:
			return nil, errors.New("control character in value")
		}
		v[w] = c
		w++
		r++
	}
	return v[:w], nil
}

// reference is the character an entity or character reference (without
// '&' and ';') stands for.
func reference(ref []byte) (rune, bool) {
	switch string(ref) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	base, digits := rune(10), ref[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	var ch rune
	for _, d := range digits {
		var x rune
		switch {
		case d >= '0' && d <= '9':
			x = rune(d - '0')
		case base == 16 && d >= 'a' && d <= 'f':
			x = rune(d-'a') + 10
		case base == 16 && d >= 'A' && d <= 'F':
			x = rune(d-'A') + 10
		default:
			return 0, false
		}
		ch = ch*base + x
	}
	return ch, isXMLChar(ch)
}

func isXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
