package dldb

import (
	"strings"
	"unicode/utf8"
)

// maxSummary is the longest summary taken from a description, in
// characters.
const maxSummary = 300

// summary takes the first paragraph of a plain-text description as the
// service's summary, shortened to whole sentences when it is long; "" when
// the description starts with a list.
func summary(desc string) string {
	first, _, _ := strings.Cut(desc, "\n\n")
	first = strings.Join(strings.Fields(first), " ")
	if first == "" || strings.HasPrefix(first, "- ") {
		return ""
	}
	if utf8.RuneCountInString(first) <= maxSummary {
		return first
	}
	cut := string([]rune(first)[:maxSummary])
	if i := strings.LastIndexAny(cut, ".!?"); i > maxSummary/3 {
		return cut[:i+1]
	}
	return shorten(first, maxSummary)
}

// shorten cuts s after at most max-2 characters at a word boundary and
// marks the cut with " …"; s itself when it is short enough.
func shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut := string([]rune(s)[:max-2])
	if i := strings.LastIndex(cut, " "); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + " …"
}
