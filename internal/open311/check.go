package open311

import (
	"math"
	"net/mail"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkText rejects text that is not UTF-8, has control characters other
// than tab and line breaks, or is longer than max characters.
func checkText(field, s string, max int) (Error, bool) {
	if !utf8.ValidString(s) {
		return BadRequest(field, field+" is not valid UTF-8"), false
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return BadRequest(field, field+" contains control characters"), false
		}
	}
	if n := utf8.RuneCountInString(s); n > max {
		return BadRequest(field, field+" is too long: at most "+strconv.Itoa(max)+" characters, got "+strconv.Itoa(n)), false
	}
	return Error{}, true
}

// htmlTag finds what a browser would read as markup: a start or end tag, a
// comment, a doctype or CDATA, a processing instruction.
var htmlTag = regexp.MustCompile(`<[A-Za-z][A-Za-z0-9-]*(\s|/|>)|<[A-Za-z][A-Za-z0-9-]*$|</[A-Za-z]|<!--|<![A-Za-z\[]|<\?[A-Za-z]`)

func containsHTML(s string) bool { return htmlTag.MatchString(s) }

func validEmail(s string) bool {
	if strings.ContainsAny(s, " \t\r\n<>\"") || strings.Count(s, "@") != 1 {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s {
		return false
	}
	local, domain, _ := strings.Cut(s, "@")
	return local != "" && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

func validPhone(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +-/().", r):
		default:
			return false
		}
	}
	return digits >= 3
}

func validHTTPURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	return scheme == "http" || scheme == "https"
}

// parseCoord reads a decimal degree within ±limit.
func parseCoord(s string, limit float64) (float64, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < -limit || f > limit {
		return 0, false
	}
	return f, true
}
