package web

import (
	"net/http"

	"rathaus/internal/catalog"
	"rathaus/internal/plainlang"
)

// plainPreviewPage is the catalogue editor's preview with the
// plain-language report of its text fields under the service page, so
// that writers without JavaScript see it too.
type plainPreviewPage struct {
	servicePage
	PlainLang []plainFieldReport
}

// plainFieldReport is the report of one text field of a service.
type plainFieldReport struct {
	ID     string // of the section
	Label  string
	Report *plainReport
}

// withPlainLang adds the reports of the summary, description and
// Leichte Sprache fields that are filled in.
func (s *Server) withPlainLang(r *http.Request, p servicePage, c catalog.Content) plainPreviewPage {
	out := plainPreviewPage{servicePage: p}
	lang := langOf(r)
	for _, f := range []struct {
		id, label, text string
		easy            bool
	}{
		{"summary", "catalog_admin.field.summary", c.Summary, false},
		{"description", "catalog_admin.field.description", c.Description, false},
		{"easy_language", "catalog_admin.field.easy_language", c.EasyLanguage, true},
	} {
		if f.text == "" || len(f.text) > maxPlainText {
			continue
		}
		rep := plainlang.Check(f.text, plainlang.Options{Easy: f.easy})
		out.PlainLang = append(out.PlainLang, plainFieldReport{ID: "plainlang-" + f.id, Label: s.t(r, f.label),
			Report: s.plainReportOf(lang, f.text, rep)})
	}
	return out
}
