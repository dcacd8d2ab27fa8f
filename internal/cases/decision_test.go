package cases_test

import (
	"strings"
	"testing"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/form"
)

var decidedAt = time.Date(2026, 12, 14, 8, 0, 0, 0, time.UTC)

func TestDecisionFromFormTemplate(t *testing.T) {
	tmpl := form.Text{"de": "Guten Tag {name},\n\nIhr Antrag {reference} auf {service} vom {submitted} ist am {date} bewilligt.\n" +
		"Hinweis: {reason}\n\n   \n\nDer Ausweis gilt ein Jahr. {unbekannt} und {} bleiben stehen."}
	reason := "Alle Unterlagen lagen vor; {name} steht hier wörtlich."
	d := cases.Decision(translator(t), "de", "Stadt Jena", parkingCase(), "Bewohnerparkausweis",
		cases.OutcomeApproved, reason, tmpl, decidedAt)
	if d.Title != "Bescheid: Ihr Antrag ist bewilligt" || d.Header != "Stadt Jena" || d.Subject != "JENA-2026-000123" {
		t.Errorf("Title %q, Header %q, Subject %q", d.Title, d.Header, d.Subject)
	}
	text := pdfText(t, d)
	wantText(t, text,
		"Bescheid: Ihr Antrag ist bewilligt",
		"Aktenzeichen", "Datum des Bescheids", "14.12.2026", "Antrag vom",
		"Guten Tag Erika Mustermann,",
		"Ihr Antrag JENA-2026-000123 auf Bewohnerparkausweis vom 29.11.2026 ist am 14.12.2026 bewilligt.",
		"Hinweis: Alle Unterlagen lagen vor; {name} steht hier wörtlich.",
		"Der Ausweis gilt ein Jahr. {unbekannt} und {} bleiben stehen.",
	)
	// the applicant's name stands in the address block and the salutation
	if n := strings.Count(text, "Erika Mustermann"); n != 2 {
		t.Errorf("the name appears %d times, want 2 (address and salutation)", n)
	}
	noText(t, text, "{reference}", "{service}", "{date}", "Widerspruch")
}

func TestDecisionGeneralRejectionHasRightToObject(t *testing.T) {
	d := cases.Decision(translator(t), "de", "Stadt Jena", parkingCase(), "Bewohnerparkausweis",
		cases.OutcomeRejected, "Sie wohnen nicht in der Parkzone.", nil, decidedAt)
	text := pdfText(t, d)
	wantText(t, text,
		"Bescheid: Ihr Antrag ist abgelehnt",
		"Guten Tag Erika Mustermann,",
		"Ihren Antrag „Bewohnerparkausweis“ vom 29.11.2026 (Aktenzeichen JENA-2026-000123)",
		"Begründung: Sie wohnen nicht in der Parkzone.",
		"Rechtsbehelfsbelehrung", "innerhalb eines Monats", "Widerspruch",
		"schriftlich oder zur Niederschrift bei der Stadt Jena",
		"Mit freundlichen Grüßen Stadt Jena",
	)
	noText(t, text, "{", "}")
}

func TestDecisionGeneralApprovalInEnglish(t *testing.T) {
	// a blank template counts as none: the city's general text is used
	d := cases.Decision(translator(t), "en", "City of Jena", parkingCase(), "Resident parking permit",
		cases.OutcomeApproved, "", form.Text{"en": "  "}, decidedAt)
	if d.Lang != "en-GB" {
		t.Errorf("Lang = %q", d.Lang)
	}
	text := pdfText(t, d)
	wantText(t, text,
		"Decision: your application is approved",
		"Date of decision", "14 December 2026", "29 November 2026",
		"Dear Erika Mustermann,",
		"We grant your application “Resident parking permit” of 29 November 2026 (reference number JENA-2026-000123)",
		"within one month", "in writing or for the record at City of Jena",
	)
	noText(t, text, "{", "Widerspruch")
}

func TestDecisionTemplateFallsBackToGerman(t *testing.T) {
	tmpl := form.Text{"de": "Bewilligt: {reference}."}
	text := pdfText(t, cases.Decision(translator(t), "en", "City of Jena", parkingCase(), "Parking",
		cases.OutcomeApproved, "", tmpl, decidedAt))
	wantText(t, text, "Bewilligt: JENA-2026-000123.")
	noText(t, text, "We grant")
}

func TestFillPlaceholders(t *testing.T) {
	values := map[string]string{"name": "{reason}", "reason": "x", "empty": ""}
	for in, want := range map[string]string{
		"{name}":                 "{reason}", // a value is not read again
		"{reason}{reason}":       "xx",
		"{empty}!":               "!",
		"{Name} {na me} {}":      "{Name} {na me} {}",
		"{other} stays":          "{other} stays",
		"{{reason}}":             "{x}",
		"no placeholders at all": "no placeholders at all",
	} {
		if got := cases.FillPlaceholders(in, values); got != want {
			t.Errorf("FillPlaceholders(%q) = %q, want %q", in, got, want)
		}
	}
}
