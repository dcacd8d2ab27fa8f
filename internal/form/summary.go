package form

import "strings"

// SummaryRow is one answer on the "check your answers" page and the
// receipt. PageID is where a "change" link leads.
type SummaryRow struct {
	PageID     string
	PageTitle  string
	QuestionID string
	Label      string
	Value      string // the answer written for people; "" when not answered
}

// Summary lists the questions of the visible pages with their answers in
// lang, in the order the applicant saw them.
func (f *Form) Summary(a Answers, lang string) []SummaryRow {
	var rows []SummaryRow
	f.walk(a, func(p *Page) {
		for i := range p.Questions {
			q := &p.Questions[i]
			rows = append(rows, SummaryRow{
				PageID: p.ID, PageTitle: p.Title.Get(lang),
				QuestionID: q.ID, Label: q.Label.Get(lang),
				Value: q.Display(a[q.ID], lang),
			})
		}
	})
	return rows
}

// Display writes an answer to q for people in lang.
func (q *Question) Display(v Value, lang string) string {
	switch q.Type {
	case TypeNumber:
		return displayNumber(v.Text, lang)
	case TypeDate:
		return displayDate(v.Text, lang)
	case TypeChoice:
		if o := q.Option(v.Text); o != nil {
			return o.Label.Get(lang)
		}
	case TypeCheckboxes:
		labels := make([]string, 0, len(v.List))
		for _, s := range v.List {
			if o := q.Option(s); o != nil {
				s = o.Label.Get(lang)
			}
			labels = append(labels, s)
		}
		return strings.Join(labels, ", ")
	case TypeIBAN:
		return FormatIBAN(v.Text)
	case TypeAddress:
		if v.Address != nil {
			return v.Address.String()
		}
	case TypeFile:
		names := make([]string, 0, len(v.Files))
		for _, f := range v.Files {
			names = append(names, f.Name)
		}
		return strings.Join(names, ", ")
	}
	return v.Text
}

// String writes the address on one line: "Markt 1, 07743 Jena".
func (a Address) String() string {
	s := strings.TrimSpace(a.Street + " " + a.HouseNumber)
	s += ", " + strings.TrimSpace(a.PostalCode+" "+a.City)
	if a.Country != "" {
		s += ", " + a.Country
	}
	return s
}
