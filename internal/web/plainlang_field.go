package web

// WithPlainLang returns the field marked for the live plain-language
// check (static/plainlang.js), for templates:
//
//	{{template "textarea" (.Form.Field "summary" "label.key").WithPlainLang}}
func (f Field) WithPlainLang() Field {
	f.PlainLang = "plain"
	return f
}

// WithEasyLanguage is WithPlainLang with the rules of Leichte Sprache.
func (f Field) WithEasyLanguage() Field {
	f.PlainLang = "easy"
	return f
}

// plainReportView is the data of the "plainlang-report" partial.
type plainReportView struct {
	Page   Page
	R      *plainReport
	ID     string // prefix of the ids in the report
	Marked bool   // show the text with the findings marked
}

// PlainReport prepares a report for the "plainlang-report" partial.
func (p Page) PlainReport(r *plainReport, id string, marked bool) plainReportView {
	return plainReportView{Page: p, R: r, ID: id, Marked: marked}
}

// plainButton is the data of the "plainlang-check-button" partial.
type plainButton struct {
	Page  Page
	Field string // the form field with the text, ":easy" for Leichte Sprache
}

// PlainButton prepares the button that checks field on /amt/sprache.
func (p Page) PlainButton(field string) plainButton { return plainButton{Page: p, Field: field} }
