package eventlog

import (
	"strconv"
	"strings"
	"time"
)

// timeLayouts are the layouts tried, in order, when a CSV mapping has no
// TimeLayout. Fractional seconds after the seconds field are accepted by
// every layout with seconds (time.Parse allows them).
var timeLayouts = []string{
	time.RFC3339,
	"2006-01-02 15:04:05Z07:00", // pandas/pm4py: 2011-10-11 13:45:40.276000+02:00
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"02.01.2006 15:04:05",
	"02.01.2006 15:04",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006-01-02",
	"02.01.2006",
}

// Pseudo-layouts for Unix times.
const (
	layoutUnixSeconds = "unix"
	layoutUnixMillis  = "unixms"
)

// timeParser reads timestamps of one column: it remembers the layout that
// last worked, so detection runs once for a column of uniform values.
type timeParser struct {
	layout string // current layout; "" until detected
	fixed  bool   // the mapping prescribed the layout
	loc    *time.Location
}

func newTimeParser(layout string, loc *time.Location) *timeParser {
	if loc == nil {
		loc = time.UTC
	}
	return &timeParser{layout: layout, fixed: layout != "", loc: loc}
}

// parse reads s; ok is false when no layout fits.
func (p *timeParser) parse(s string) (t time.Time, ok bool) {
	if p.layout != "" {
		if t, ok = parseLayout(p.layout, s, p.loc); ok || p.fixed {
			return t, ok
		}
	}
	layout := detectLayout(s, p.loc)
	if layout == "" {
		return time.Time{}, false
	}
	p.layout = layout
	return parseLayout(layout, s, p.loc)
}

// detectLayout is the first layout that reads s, "" when none does.
func detectLayout(s string, loc *time.Location) string {
	if isDigits(s) {
		if len(s) >= 12 {
			return layoutUnixMillis
		}
		return layoutUnixSeconds
	}
	for _, l := range timeLayouts {
		if _, ok := parseLayout(l, s, loc); ok {
			return l
		}
	}
	return ""
}

func parseLayout(layout, s string, loc *time.Location) (time.Time, bool) {
	switch layout {
	case layoutUnixSeconds, layoutUnixMillis:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, false
		}
		if layout == layoutUnixMillis {
			return time.UnixMilli(n).UTC(), true
		}
		return time.Unix(n, 0).UTC(), true
	}
	t, err := time.ParseInLocation(layout, strings.TrimSpace(s), loc)
	return t, err == nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
