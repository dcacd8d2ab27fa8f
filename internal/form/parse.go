package form

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var numberRE = regexp.MustCompile(`^[+-]?(\d+([.,]\d*)?|[.,]\d+)$`)

// parseNumber reads a decimal number written the German way ("12,50",
// "1.234,50") or the English way ("12.50").
func parseNumber(s string) (float64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if strings.Contains(s, ",") {
		// German: dots group thousands, the comma is the decimal mark.
		s = strings.ReplaceAll(s, ".", "")
	}
	if !numberRE.MatchString(s) {
		return 0, errors.New("not a number")
	}
	n, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
		return 0, errors.New("not a number")
	}
	return n, nil
}

// canonicalNumber is how a number answer is stored: "12.5".
func canonicalNumber(n float64) string { return strconv.FormatFloat(n, 'f', -1, 64) }

// displayNumber shows a stored number in lang: "12,5" in German.
func displayNumber(s, lang string) string {
	if lang == "de" {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}

const isoDate = "2006-01-02"

// parseDate reads a date as ISO "2026-03-01" or German "1.3.2026".
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if d, err := time.Parse(isoDate, s); err == nil {
		return d, nil
	}
	return time.Parse("2.1.2006", s)
}

var offsetRE = regexp.MustCompile(`^([+-])(\d{1,3})([dmy])$`)

// ParseDateBound reads a date bound relative to today: an ISO date
// ("2026-01-01"), "today", or a signed offset in days, months or years
// ("-18y": 18 years ago, "+30d": in 30 days, "-6m").
func ParseDateBound(s string, today time.Time) (time.Time, error) {
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	if s == "today" {
		return today, nil
	}
	if m := offsetRE.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[2])
		if m[1] == "-" {
			n = -n
		}
		switch m[3] {
		case "d":
			return today.AddDate(0, 0, n), nil
		case "m":
			return today.AddDate(0, n, 0), nil
		}
		return today.AddDate(n, 0, 0), nil
	}
	return time.Parse(isoDate, s)
}

// displayDate shows a stored ISO date in lang.
func displayDate(s, lang string) string {
	d, err := time.Parse(isoDate, s)
	if err != nil {
		return s
	}
	if lang == "de" {
		return d.Format("02.01.2006")
	}
	return d.Format("2 January 2006")
}
