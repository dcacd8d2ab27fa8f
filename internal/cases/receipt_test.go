package cases_test

import (
	"strings"
	"testing"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/form"
	"rathaus/internal/i18n"
	"rathaus/internal/payment"
	"rathaus/internal/pdf"
	"rathaus/internal/pdf/pdftest"
)

// catalog is the real translation catalog; tests fail on a key it lacks.
type catalog struct {
	t *testing.T
	c *i18n.Catalog
}

func translator(t *testing.T) catalog {
	t.Helper()
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	return catalog{t, c}
}

func (c catalog) T(lang, key string, args ...any) string {
	if !c.c.Has(key) {
		c.t.Errorf("translation key %q is missing", key)
	}
	return c.c.T(lang, key, args...)
}

// submittedAt is 10:30 UTC, 11:30 in Jena.
var submittedAt = time.Date(2026, 11, 29, 10, 30, 0, 0, time.UTC)

// parkingForm is a resident parking permit form: the applicant, the
// vehicle (with a file) and a page shown only for company cars.
func parkingForm() *form.Form {
	de := func(s, en string) form.Text { return form.Text{"de": s, "en": en} }
	return &form.Form{ServiceID: 7, Version: 3, Status: form.StatusPublished,
		Title: de("Bewohnerparkausweis beantragen", "Apply for a resident parking permit"),
		Pages: []form.Page{
			{ID: "person", Title: de("Angaben zur Person", "About you"), Questions: []form.Question{
				{ID: "name", Type: form.TypeText, Label: de("Vor- und Nachname", "Full name"), Required: true, Prefill: form.PrefillName},
				{ID: "born", Type: form.TypeDate, Label: de("Geburtsdatum", "Date of birth")},
				{ID: "address", Type: form.TypeAddress, Label: de("Anschrift", "Address")},
			}},
			{ID: "vehicle", Title: de("Fahrzeug", "Vehicle"), Questions: []form.Question{
				{ID: "plate", Type: form.TypeText, Label: de("Kennzeichen", "Number plate")},
				{ID: "use", Type: form.TypeChoice, Label: de("Nutzung", "Use"), Options: []form.Option{
					{Value: "private", Label: de("Privatwagen", "Private car")},
					{Value: "company", Label: de("Firmenwagen", "Company car")},
				}},
				{ID: "registration", Type: form.TypeFile, Label: de("Fahrzeugschein", "Vehicle registration"), MaxFiles: 2},
				{ID: "remark", Type: form.TypeTextarea, Label: de("Bemerkung", "Remark")},
			}},
			{ID: "company", Title: de("Firmenwagen", "Company car"),
				ShowIf:    &form.Condition{Question: "use", Op: form.OpEquals, Value: "company"},
				Questions: []form.Question{{ID: "employer", Type: form.TypeText, Label: de("Arbeitgeber", "Employer")}}},
		},
	}
}

func parkingAnswers() form.Answers {
	return form.Answers{
		"name":    {Text: "Erika Mustermann"},
		"born":    {Text: "1980-03-14"},
		"address": {Address: &form.Address{Street: "Löbdergraben", HouseNumber: "12", PostalCode: "07743", City: "Jena"}},
		"plate":   {Text: "J-EM 123"},
		"use":     {Text: "private"},
		"registration": {Files: []form.FileRef{
			{ID: "uploads/k1", Name: "schein-vorn.pdf", Type: "application/pdf", Size: 2048},
			{ID: "uploads/k2", Name: "schein-hinten.jpg", Type: "image/jpeg", Size: 4096},
		}},
		"employer": {Text: "Geheim GmbH"}, // on a page the applicant did not see
	}
}

func parkingCase() *cases.Case {
	return &cases.Case{ID: 42, Reference: "JENA-2026-000123", ServiceID: 7, FormVersion: 3,
		Channel: cases.ChannelOnline, State: "received", Version: 1, Name: "Erika Mustermann",
		Email: "erika@example.org", FeeCents: 3050, SubmittedAt: submittedAt, UpdatedAt: submittedAt}
}

func parkingBill() *payment.Bill {
	return &payment.Bill{Reference: "JENA-2026-000123", AmountCents: 3050, Currency: payment.Currency,
		Creditor: "Stadt Jena", IBAN: "DE89370400440532013000", BIC: "COBADEFFXXX",
		Remittance: "Bewohnerparkausweis"}
}

// pdfText renders d and returns the text it shows, one line per shown
// string.
func pdfText(t *testing.T, d pdf.Document) string {
	t.Helper()
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(pdftest.Lines(t, b), "\n")
}

// flat joins the lines of a text with spaces, so that a phrase wrapped
// over two lines is found.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func wantText(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(flat(text), w) {
			t.Errorf("the document lacks %q; it reads:\n%s", w, text)
		}
	}
}

func noText(t *testing.T, text string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(flat(text), w) {
			t.Errorf("the document shows %q but should not", w)
		}
	}
}

func TestReceiptShowsAnswersAndHowToPay(t *testing.T) {
	tr := translator(t)
	d := cases.Receipt(tr, "de", "Stadt Jena", parkingCase(), parkingForm(), parkingAnswers(), parkingBill())
	if d.Lang != "de-DE" || d.Title != "Eingangsbestätigung" || d.Header != "Stadt Jena" {
		t.Errorf("document Lang %q, Title %q, Header %q", d.Lang, d.Title, d.Header)
	}
	if r := d.Unsupported(); len(r) > 0 {
		t.Errorf("the receipt has characters the PDF cannot show: %q", r)
	}
	text := pdfText(t, d)
	wantText(t, text,
		"Eingangsbestätigung", "Stadt Jena", "JENA-2026-000123",
		"Bewohnerparkausweis beantragen", "29.11.2026, 11:30 Uhr", "Online",
		// answers, grouped by page
		"Angaben zur Person", "Vor- und Nachname", "Erika Mustermann", "14.03.1980",
		"Löbdergraben 12, 07743 Jena", "Fahrzeug", "J-EM 123", "Privatwagen",
		"Bemerkung", "nicht angegeben",
		// files by name
		"Beigefügte Dateien", "schein-vorn.pdf", "schein-hinten.jpg",
		// fee and transfer details
		"Gebühr", "30,50 €", "Empfänger", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX",
		"Verwendungszweck", "JENA-2026-000123 Bewohnerparkausweis", "GiroCode",
		"Seite 1 von",
	)
	noText(t, text, "Geheim GmbH", "Arbeitgeber")
	if strings.Index(text, "Angaben zur Person") > strings.Index(text, "Kennzeichen") {
		t.Error("the answers are not in the order of the pages")
	}
}

func TestReceiptOfPaidCaseHasNoTransferDetails(t *testing.T) {
	c := parkingCase()
	c.PaidCents = c.FeeCents
	text := pdfText(t, cases.Receipt(translator(t), "de", "Stadt Jena", c, parkingForm(), parkingAnswers(), parkingBill()))
	wantText(t, text, "30,50 €", "Bereits bezahlt", "Die Gebühr ist bezahlt.")
	noText(t, text, "DE89", "GiroCode", "überweisen")
}

func TestReceiptWithoutFee(t *testing.T) {
	c := parkingCase()
	c.FeeCents = 0
	text := pdfText(t, cases.Receipt(translator(t), "de", "Stadt Jena", c, parkingForm(), parkingAnswers(), nil))
	wantText(t, text, "Für diesen Antrag fällt keine Gebühr an.")
	noText(t, text, "DE89", "GiroCode")
}

func TestReceiptUnpaidWithoutBillPointsToWebsite(t *testing.T) {
	text := pdfText(t, cases.Receipt(translator(t), "de", "Stadt Jena", parkingCase(), parkingForm(), parkingAnswers(), nil))
	wantText(t, text, "30,50 €", "noch nicht bezahlt")
	noText(t, text, "DE89", "Empfänger")
}

func TestReceiptInEnglish(t *testing.T) {
	c := parkingCase()
	c.Channel = cases.ChannelPaper
	d := cases.Receipt(translator(t), "en", "City of Jena", c, parkingForm(), parkingAnswers(), parkingBill())
	if d.Lang != "en-GB" {
		t.Errorf("Lang = %q", d.Lang)
	}
	text := pdfText(t, d)
	wantText(t, text, "Confirmation of receipt", "Reference number", "JENA-2026-000123",
		"Apply for a resident parking permit", "29 November 2026, 11:30", "On paper",
		"About you", "Full name", "14 March 1980", "Private car", "Payee", "30,50 €",
		"GiroCode", "Page 1 of")
	noText(t, text, "Eingangsbestätigung", "Geheim GmbH")
}

func TestReceiptWithoutFormStillConfirms(t *testing.T) {
	text := pdfText(t, cases.Receipt(translator(t), "de", "Stadt Jena", parkingCase(), nil, parkingAnswers(), nil))
	wantText(t, text, "Eingangsbestätigung", "JENA-2026-000123", "30,50 €")
	noText(t, text, "Ihre Angaben", "Erika Mustermann, ")
}
