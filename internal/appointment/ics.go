package appointment

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"rathaus/internal/catalog"
)

// Calendar is the iCalendar (RFC 5545) file of a booking, for any
// calendar app. Times are in UTC, so no time zone definition is needed.
func Calendar(b *Booking, o *catalog.Office, summary, description, host string, now time.Time) []byte {
	const stamp = "20060102T150405Z"
	var lines []string
	add := func(s string) { lines = append(lines, s) }
	add("BEGIN:VCALENDAR")
	add("VERSION:2.0")
	add("PRODID:-//rathaus//Termine//DE")
	add("CALSCALE:GREGORIAN")
	add("METHOD:PUBLISH")
	add("BEGIN:VEVENT")
	add("UID:" + b.Code + "-" + b.Start.UTC().Format(stamp) + "@" + host)
	add("DTSTAMP:" + now.UTC().Format(stamp))
	add("DTSTART:" + b.Start.UTC().Format(stamp))
	add("DTEND:" + b.End.UTC().Format(stamp))
	add("SUMMARY:" + icsText(summary))
	add("LOCATION:" + icsText(o.Name+", "+address(o)))
	if o.Lat != nil && o.Lon != nil {
		add(fmt.Sprintf("GEO:%.6f;%.6f", *o.Lat, *o.Lon))
	}
	add("DESCRIPTION:" + icsText(description))
	if b.Status == Cancelled {
		add("STATUS:CANCELLED")
	} else {
		add("STATUS:CONFIRMED")
	}
	add("BEGIN:VALARM")
	add("ACTION:DISPLAY")
	add("DESCRIPTION:" + icsText(summary))
	add("TRIGGER:-PT1H")
	add("END:VALARM")
	add("END:VEVENT")
	add("END:VCALENDAR")
	var sb strings.Builder
	for _, l := range lines {
		sb.WriteString(fold(l))
		sb.WriteString("\r\n")
	}
	return []byte(sb.String())
}

// icsText escapes a TEXT value.
func icsText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`)
	return r.Replace(s)
}

// fold breaks a content line into lines of at most 75 octets, never inside
// a UTF-8 sequence, continuing with a space.
func fold(line string) string {
	var sb strings.Builder
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		sb.WriteString(line[:cut])
		sb.WriteString("\r\n ")
		line = line[cut:]
		limit = 74 // the leading space counts
	}
	sb.WriteString(line)
	return sb.String()
}
