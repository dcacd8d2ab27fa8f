package cases

import (
	"slices"
	"time"
	_ "time/tzdata" // the city's zone must resolve even without a zone database

	"rathaus/internal/form"
	"rathaus/internal/payment"
	"rathaus/internal/pdf"
)

// docZone is the city's time zone, in which documents show times.
var docZone = func() *time.Location {
	if loc, err := time.LoadLocation("Europe/Berlin"); err == nil {
		return loc
	}
	return time.UTC
}()

// docLangTag is the BCP 47 tag of a document in lang.
func docLangTag(lang string) string {
	if lang == "en" {
		return "en-GB"
	}
	return "de-DE"
}

// docDateTime writes t in the city's zone: "29.11.2026, 10:30 Uhr" in
// German, "29 November 2026, 10:30" in English.
func docDateTime(lang string, t time.Time) string {
	t = t.In(docZone)
	if lang == "en" {
		return t.Format("2 January 2006, 15:04")
	}
	return t.Format("02.01.2006, 15:04") + " Uhr"
}

// docDate writes the day of t in the city's zone: "29.11.2026" or
// "29 November 2026".
func docDate(lang string, t time.Time) string {
	t = t.In(docZone)
	if lang == "en" {
		return t.Format("2 January 2006")
	}
	return t.Format("02.01.2006")
}

// docBase is a document of the city in lang with its translated footer.
func docBase(t Translator, lang, city, title, subject string, at time.Time) pdf.Document {
	return pdf.Document{Title: title, Author: city, Subject: subject, Lang: docLangTag(lang),
		Header: city, Footer: t.T(lang, "cases.pdf.footer"), CreationDate: at, Compress: true}
}

// Receipt is the confirmation of receipt ("Eingangsbestätigung") of a
// submitted case in lang: the case's data, every answer grouped by the
// pages the applicant saw, the attached files, the fee and, when bill is
// given and the fee is not paid yet, the transfer details. f must be the
// form version the case was filled with; without it (nil) the receipt
// has no answers.
func Receipt(t Translator, lang, city string, c *Case, f *form.Form, a form.Answers, bill *payment.Bill) pdf.Document {
	title := t.T(lang, "cases.receipt.title")
	d := docBase(t, lang, city, title, c.Reference, c.SubmittedAt)
	d.Blocks = append(d.Blocks,
		pdf.Heading{Level: 1, Text: title},
		pdf.Paragraph{Text: t.T(lang, "cases.receipt.intro", city)},
		pdf.KeyValue{Rows: receiptCaseRows(t, lang, city, c, f)},
	)
	if f != nil {
		rows := f.Summary(a, lang)
		d.Blocks = append(d.Blocks, receiptAnswers(t, lang, rows)...)
		d.Blocks = append(d.Blocks, receiptFiles(t, lang, f, a, rows)...)
	}
	d.Blocks = append(d.Blocks, receiptFee(t, lang, c, bill)...)
	return d
}

// receiptCaseRows are the case's data at the top of a receipt.
func receiptCaseRows(t Translator, lang, city string, c *Case, f *form.Form) []pdf.Row {
	rows := []pdf.Row{
		{Label: t.T(lang, "cases.receipt.reference"), Value: c.Reference},
		{Label: t.T(lang, "cases.receipt.submitted"), Value: docDateTime(lang, c.SubmittedAt)},
		{Label: t.T(lang, "cases.receipt.channel"), Value: t.T(lang, "cases.receipt.channel."+c.Channel)},
		{Label: t.T(lang, "cases.receipt.authority"), Value: city},
	}
	if f != nil {
		rows = slices.Insert(rows, 1, pdf.Row{Label: t.T(lang, "cases.receipt.service"), Value: f.Title.Get(lang)})
	}
	if c.Name != "" {
		rows = append(rows, pdf.Row{Label: t.T(lang, "cases.receipt.applicant"), Value: c.Name})
	}
	return rows
}

// receiptAnswers lists the answers under a heading per page.
func receiptAnswers(t Translator, lang string, rows []form.SummaryRow) []pdf.Block {
	out := []pdf.Block{pdf.Heading{Level: 2, Text: t.T(lang, "cases.receipt.answers")}}
	var kv *pdf.KeyValue
	for i, r := range rows {
		if i == 0 || r.PageID != rows[i-1].PageID {
			if kv != nil {
				out = append(out, *kv)
			}
			out = append(out, pdf.Heading{Level: 3, Text: r.PageTitle})
			kv = &pdf.KeyValue{}
		}
		v := r.Value
		if v == "" {
			v = t.T(lang, "cases.receipt.not_answered")
		}
		kv.Rows = append(kv.Rows, pdf.Row{Label: r.Label, Value: v})
	}
	if kv != nil {
		out = append(out, *kv)
	}
	return out
}

// receiptFiles lists the files attached to the questions shown.
func receiptFiles(t Translator, lang string, f *form.Form, a form.Answers, rows []form.SummaryRow) []pdf.Block {
	var kv pdf.KeyValue
	for _, r := range rows {
		q, _ := f.Question(r.QuestionID)
		if q == nil || q.Type != form.TypeFile {
			continue
		}
		for _, ref := range a[q.ID].Files {
			kv.Rows = append(kv.Rows, pdf.Row{Label: r.Label, Value: ref.Name})
		}
	}
	if len(kv.Rows) == 0 {
		return nil
	}
	return []pdf.Block{pdf.Heading{Level: 2, Text: t.T(lang, "cases.receipt.files")}, kv}
}

// receiptFee states the fee and, while it is unpaid and bill is given,
// how to pay it.
func receiptFee(t Translator, lang string, c *Case, bill *payment.Bill) []pdf.Block {
	out := []pdf.Block{pdf.Heading{Level: 2, Text: t.T(lang, "cases.receipt.fee")}}
	if c.FeeCents <= 0 {
		return append(out, pdf.Paragraph{Text: t.T(lang, "cases.receipt.no_fee")})
	}
	rows := []pdf.Row{{Label: t.T(lang, "cases.receipt.fee_amount"), Value: payment.FormatEuro(c.FeeCents)}}
	if c.PaidCents > 0 {
		rows = append(rows, pdf.Row{Label: t.T(lang, "cases.receipt.paid"), Value: payment.FormatEuro(c.PaidCents)})
	}
	out = append(out, pdf.KeyValue{Rows: rows})
	if c.PaidCents >= c.FeeCents {
		return append(out, pdf.Paragraph{Text: t.T(lang, "cases.receipt.fee_paid")})
	}
	if bill == nil {
		return append(out, pdf.Paragraph{Text: t.T(lang, "cases.receipt.fee_open")})
	}
	var transfer pdf.KeyValue
	for _, r := range payment.Summary(*bill) {
		transfer.Rows = append(transfer.Rows, pdf.Row{Label: t.T(lang, r.Label), Value: r.Value})
	}
	return append(out,
		pdf.Paragraph{Text: t.T(lang, "cases.receipt.transfer")},
		transfer,
		pdf.Paragraph{Text: t.T(lang, "cases.receipt.girocode")},
	)
}
