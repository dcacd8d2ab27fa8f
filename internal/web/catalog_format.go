package web

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/hours"
	"rathaus/internal/i18n"
)

// catalogFmt formats the catalogue's amounts, times and opening hours in
// one language, at one instant in the city's time zone.
type catalogFmt struct {
	tr   *i18n.Catalog
	lang string
	now  time.Time // in the city's zone
}

func (s *Server) catalogFmt(lang string) catalogFmt {
	return catalogFmt{tr: s.tr, lang: lang, now: s.now().In(s.opts.Location)}
}

func (f catalogFmt) t(key string, args ...any) string { return f.tr.T(f.lang, key, args...) }

// euro formats an amount of cents: "1.234,50 €" in German, "€1,234.50" in
// English.
func euro(lang string, cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	whole, frac := groupThousands(cents/100, "."), cents%100
	if lang == "en" {
		return fmt.Sprintf("%s€%s.%02d", sign, strings.ReplaceAll(whole, ".", ","), frac)
	}
	return fmt.Sprintf("%s%s,%02d €", sign, whole, frac)
}

// groupThousands writes n with sep between groups of three digits.
func groupThousands(n int64, sep string) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}

// feeAmount is a fee's amount as text: free, one amount or a range.
func (f catalogFmt) feeAmount(fee catalog.Fee) string {
	switch {
	case fee.MaxCents > fee.Cents:
		return f.t("catalog.fee.range", euro(f.lang, fee.Cents), euro(f.lang, fee.MaxCents))
	case fee.Cents == 0:
		return f.t("catalog.fee.free")
	}
	return euro(f.lang, fee.Cents)
}

// clock formats minutes after midnight as "08:00".
func clock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// intervals formats a day's opening spans, or "closed".
func (f catalogFmt) intervals(ivs []hours.Interval) string {
	if len(ivs) == 0 {
		return f.t("catalog.hours.closed")
	}
	parts := make([]string, len(ivs))
	for i, iv := range ivs {
		parts[i] = f.t("catalog.hours.span", clock(iv.From), clock(iv.To))
	}
	return strings.Join(parts, ", ")
}

var weekdayKeys = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

func (f catalogFmt) weekday(d time.Weekday) string { return f.t("catalog.weekday." + weekdayKeys[d]) }

func (f catalogFmt) weekdayShort(d time.Weekday) string {
	return f.t("catalog.weekday_short." + weekdayKeys[d])
}

// date formats a calendar date briefly: "Fr, 25.12." or "Fri 25 Dec".
func (f catalogFmt) date(d hours.Date) string {
	if f.lang == "en" {
		return fmt.Sprintf("%s %d %s", f.weekdayShort(d.Weekday()), d.Day, d.Month.String()[:3])
	}
	return fmt.Sprintf("%s, %d.%d.", f.weekdayShort(d.Weekday()), d.Day, int(d.Month))
}

// openState is whether an office is open now, as a sentence.
type openState struct {
	Known  bool   // the office has opening hours at all
	Open   bool   // open now
	Text   string // "Jetzt geöffnet bis 18:00"
	Reason string // today's holiday or exception, in German as the data has it
}

// openState describes st, the office's status at f.now.
func (f catalogFmt) openState(h hours.Hours, st hours.Status) openState {
	if h.IsZero() {
		return openState{Text: f.t("catalog.open.unknown")}
	}
	o := openState{Known: true, Open: st.Open, Reason: st.Reason}
	switch {
	case st.Open:
		o.Text = f.t("catalog.open.until", clock(minuteOf(st.Until)))
	case st.NextOpen.IsZero():
		o.Text = f.t("catalog.open.closed")
	default:
		o.Text = f.t("catalog.open.closed_opens", f.when(st.NextOpen))
	}
	return o
}

// when names the day and time of t relative to f.now: "heute 13:00",
// "morgen 08:00", "Mo, 28.12. 08:00".
func (f catalogFmt) when(t time.Time) string {
	today := hours.DateOf(f.now)
	day := hours.DateOf(t.In(f.now.Location()))
	hm := clock(minuteOf(t))
	switch day {
	case today:
		return f.t("catalog.open.today", hm)
	case today.AddDays(1):
		return f.t("catalog.open.tomorrow", hm)
	}
	return f.t("catalog.open.on", f.date(day), hm)
}

func minuteOf(t time.Time) int { return t.Hour()*60 + t.Minute() }

// paragraphs splits plain text at blank lines.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
