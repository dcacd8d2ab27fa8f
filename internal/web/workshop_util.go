package web

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/eventlog"
	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/workshop"
)

// Helpers shared by the workshop's pages: the actor, source lookups,
// numbers and durations in words, activity names, and the page data
// every workshop page embeds (workshopPage).

// workshopBase is the workshop's home.
const workshopBase = "/amt/prozesse"

// workshopUser is the actor of a workshop request; the routes are behind
// requireUser (pages) or requireAPIUser (JSON).
func workshopUser(r *http.Request) org.Actor { return workshopActor(currentUser(r)) }

// workshopService is the service, or NotFound when the server has none.
func (s *Server) workshopService() (*workshop.Service, error) {
	if s.opts.Workshop == nil {
		return nil, errNotFound
	}
	return s.opts.Workshop, nil
}

// workshopSourcePath is the page of a source's analysis: base plus the
// path-escaped key plus an optional sub-page ("dfg", "varianten").
func workshopSourcePath(key, sub string) string {
	p := workshopBase + "/protokolle/" + url.PathEscape(key)
	if sub != "" {
		p += "/" + sub
	}
	return p
}

// workshopLog loads the log of the source named in the path ({key}).
func (s *Server) workshopLog(r *http.Request) (*eventlog.Log, *workshop.Source, error) {
	ws, err := s.workshopService()
	if err != nil {
		return nil, nil, err
	}
	key := r.PathValue("key")
	if key == "" {
		return nil, nil, fault.New(fault.NotFound, "error.workshop.source")
	}
	return ws.Log(r.Context(), workshopUser(r), key)
}

// workshopPage is the data every workshop page embeds: the page, and the
// helpers its templates use for activities, durations and numbers.
type workshopPage struct {
	Page
	Process string // the platform process of the source, "" for imported logs
}

// Act names an activity: the translation of a platform activity
// ("workshop.activity.case.submitted") when there is one, else the name.
func (p workshopPage) Act(name string) string {
	if p.Process != "" {
		if key := "workshop.activity." + p.Process + "." + name; p.tr.Has(key) {
			return p.T(key)
		}
	}
	if name == "" {
		return p.T("workshop_logs.none")
	}
	return name
}

// Res names a resource or unit: platform logs show staff by role
// ("staff/case_worker"), citizens and the system, each translated; other
// names as they are.
func (p workshopPage) Res(name string) string {
	if p.Process != "" {
		if key := "workshop_logs.resource." + name; p.tr.Has(key) {
			return p.T(key)
		}
	}
	if name == "" {
		return p.T("workshop_logs.none")
	}
	return name
}

// Dur writes a duration in seconds in words for people: "3 Tage 4 Std.".
func (p workshopPage) Dur(seconds float64) string { return formatDuration(p.Lang, seconds) }

// Num writes a whole number with thousands separators.
func (p workshopPage) Num(n int) string { return formatInt(p.Lang, n) }

// Pct writes a share (0..1) as a percentage with one decimal.
func (p workshopPage) Pct(share float64) string {
	s := strconv.FormatFloat(share*100, 'f', 1, 64)
	if p.Lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + " %"
}

// formatDuration writes seconds as the two largest units that matter:
// days and hours, hours and minutes, minutes, or seconds.
func formatDuration(lang string, sec float64) string {
	if math.IsNaN(sec) || sec < 0 {
		sec = 0
	}
	u := durationUnits[lang]
	if u == nil {
		u = durationUnits["de"]
	}
	s := int64(math.Round(sec))
	days, hours, mins := s/86400, s%86400/3600, s%3600/60
	switch {
	case days >= 10:
		return fmt.Sprintf("%s %s", formatInt(lang, int(math.Round(sec/86400))), u[0])
	case days > 0 && hours == 0:
		return fmt.Sprintf("%d %s", days, u[0])
	case days > 0:
		return fmt.Sprintf("%d %s %d %s", days, u[0], hours, u[1])
	case hours > 0 && mins == 0:
		return fmt.Sprintf("%d %s", hours, u[1])
	case hours > 0:
		return fmt.Sprintf("%d %s %d %s", hours, u[1], mins, u[2])
	case mins > 0:
		return fmt.Sprintf("%d %s", mins, u[2])
	}
	return fmt.Sprintf("%d %s", s, u[3])
}

// durationUnits are the short units of formatDuration per language.
var durationUnits = map[string][]string{
	"de": {"Tg.", "Std.", "Min.", "Sek."},
	"en": {"d", "h", "min", "s"},
}

// formatInt writes n with a thousands separator: "1.234" in German,
// "1,234" in English.
func formatInt(lang string, n int) string {
	sep := "."
	if lang == "en" {
		sep = ","
	}
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// formatDays writes a number of days with up to one decimal.
func formatDays(lang string, d float64) string {
	s := strconv.FormatFloat(math.Round(d*10)/10, 'f', -1, 64)
	if lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// workshopSourceName is the name of a source for headings: the imported
// log's or service's name, else the platform process's translated name.
func workshopSourceName(p Page, src *workshop.Source) string {
	if src.Name != "" {
		return src.Name
	}
	return p.T(workshop.ProcessNameKey(src.Process))
}

// maxRows bounds every table of the workshop's pages.
const maxRows = 50
