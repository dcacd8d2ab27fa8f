package dldb

import (
	"net/url"
	"regexp"
	"strings"

	"rathaus/internal/catalog"
)

type rawLink struct {
	Name        text `json:"name"`
	Link        text `json:"link"`
	Description text `json:"description"`
}

// links turns a service's forms and links into rathaus links, each URL
// once. Entries only in "forms" are forms and entries only in "links"
// information; Munich's export repeats every entry in both lists, so an
// entry in both is a form when it looks like one (a document or a form
// server, or "Antrag"/"Formular" in its name) and information otherwise.
func links(forms, infos []rawLink) []catalog.Link {
	inForms, inInfos := urlSet(forms), urlSet(infos)
	var out []catalog.Link
	seen := map[string]bool{}
	for _, l := range append(append([]rawLink{}, forms...), infos...) {
		u := cleanURL(l.Link.String())
		if u == "" || seen[u] {
			continue
		}
		seen[u] = true
		title := oneLine(l.Name.String())
		if title == "" {
			title = hostOf(u)
		}
		kind := catalog.LinkInfo
		if inForms[u] && (!inInfos[u] || looksLikeForm(title, u)) {
			kind = catalog.LinkForm
		}
		out = append(out, catalog.Link{Kind: kind, Title: title, URL: u})
	}
	return out
}

func urlSet(ls []rawLink) map[string]bool {
	m := map[string]bool{}
	for _, l := range ls {
		m[cleanURL(l.Link.String())] = true
	}
	return m
}

var (
	documentFile = regexp.MustCompile(`(?i)\.(pdf|docx?|odt|rtf|xlsx?)$|/(dms|dam)/`)
	bookingURL   = regexp.MustCompile(`(?i)termin`)
	formServer   = regexp.MustCompile(`(?i)/intelliform/|/form/`)
	formName     = regexp.MustCompile(`(?i)antrag|formular|formblatt|vollmacht|erklärung|bescheinigung|bestätigung|mandat`)
	infoName     = regexp.MustCompile(`(?i)information|merkblatt|flyer|brosch(ü|ue)re|hinweis|übersicht|liste`)
)

// looksLikeForm: a form by name or by its server, or a document that does
// not call itself information ("Information zum biometrischen Passfoto").
func looksLikeForm(title, u string) bool {
	p := pathOf(u)
	return formName.MatchString(title) || formServer.MatchString(p) ||
		(documentFile.MatchString(p) && !infoName.MatchString(title) && !infoName.MatchString(p))
}

// onlineName matches link titles that promise to do the service online.
var onlineName = regexp.MustCompile(`(?i)(^online[- ]?antrag|^antragstellung$|online[- ]?(zulassung|beantrag|anmeld|abmeld|melden)|online\b.*\b(beantragen|anmelden|abmelden|melden|stellen)$|antrag.*\bonline\b)`)

// onlineURL picks, conservatively, the link that is the service's online
// application: its title must say so (“Online-Antrag”, “Antragstellung”,
// “… online beantragen”) and it must lead to a page, not a document to
// print, nor to the appointment booking. DLDB has no field for it; in the
// Munich export the locations' "onlineprocessing" links all lead to the
// appointment booking, so those count only when they lead elsewhere.
func onlineURL(ls []catalog.Link, processing []string, appointment string) string {
	for _, l := range ls {
		if onlineName.MatchString(l.Title) && isOnlinePage(l.URL, appointment) {
			return l.URL
		}
	}
	for _, u := range processing {
		if u = cleanURL(u); u != "" && isOnlinePage(u, appointment) && !isBooking(u) {
			return u
		}
	}
	return ""
}

func isOnlinePage(u, appointment string) bool {
	p := pathOf(u)
	return !documentFile.MatchString(p) &&
		!isBooking(u) && (appointment == "" || withoutFragment(u) != withoutFragment(appointment))
}

// isBooking reports whether u leads to an appointment booking system.
func isBooking(u string) bool {
	return bookingURL.MatchString(withoutFragment(u))
}

func withoutFragment(u string) string {
	before, _, _ := strings.Cut(u, "#")
	return strings.TrimSuffix(before, "/")
}

// cleanURL returns s when it is an absolute http(s) URL, else ""; a
// scheme-relative URL ("//service.berlin.de/...") gets https.
func cleanURL(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "//") {
		s = "https:" + s
	}
	if !catalog.ValidURL(s) {
		return ""
	}
	return s
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	return p.Host
}

func pathOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	return p.Path
}

// oneLine collapses whitespace, for titles and names.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u200b", "")), " ")
}
