package assistant

import "regexp"

// scrubRule replaces what re matches with a placeholder.
type scrubRule struct {
	re   *regexp.Regexp
	with string
}

const months = `januar|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|` +
	`january|february|march|may|june|july|october|december`

// scrubRules remove personal data, most specific first: an e-mail address
// holds digits a phone rule would take, an IBAN digits of an ID number.
var scrubRules = []scrubRule{
	{regexp.MustCompile(`(?i)[\p{L}0-9._%+-]+@[\p{L}0-9-]+(?:\.[\p{L}0-9-]+)*\.\p{L}{2,}`), "[E-Mail]"},
	{regexp.MustCompile(`(?i)\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b`), "[IBAN]"},
	{regexp.MustCompile(`\b(?i:ich heiße|ich heisse|mein name ist|my name is|i am called|ich bin (?:herr|frau)|name:)\s+` +
		`\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,2}`), "[Name]"},
	{regexp.MustCompile(`\b(?:Herr|Frau|Hr\.|Fr\.|Mr\.?|Mrs\.?|Ms\.?)\s+\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?`), "[Name]"},
	{regexp.MustCompile(`(?i)\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|` +
		`\b\d{1,2}\.?\s+(?:` + months + `)\s+(?:19|20)\d{2}\b|\b(?:` + months + `)\s+\d{1,2},?\s+(?:19|20)\d{2}\b`), "[Datum]"},
	{regexp.MustCompile(`\b(?i:steuer-?id|steueridentifikationsnummer|steuernummer|steuer-nr\.?|identifikationsnummer|` +
		`ausweisnummer|personalausweisnummer|passnummer|versicherungsnummer|sozialversicherungsnummer|rentenversicherungsnummer|` +
		`kundennummer|aktenzeichen|tax id|passport number|id number)\s*:?\s*(?:\d{2}(?: \d{3}){3}|[A-Z0-9][A-Z0-9/.-]{3,}[A-Z0-9])`), "[Nummer]"},
	{regexp.MustCompile(`\b\d{2,3}/\d{3,4}/\d{4,5}\b`), "[Nummer]"}, // Steuernummer
	{regexp.MustCompile(`(?:\+|\b00)\d{1,3}[\s/().-]*(?:\d[\s/().-]*){6,13}\d\b|\b0\d{2,5}[\s/.-]*\d(?:[\s.-]?\d){3,10}\b`), "[Telefon]"},
	{regexp.MustCompile(`\b\d{8,}\b|\b\d{2} \d{3} \d{3} \d{3}\b`), "[Nummer]"}, // Steuer-ID and other long numbers
	{regexp.MustCompile(`\b\p{Lu}[\p{L}.-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|steig|chaussee|berg|hof)` +
		`\s*\d{1,4}\s?[a-zA-Z]?\b`), "[Adresse]"},
	{regexp.MustCompile(`\b(?:Am|An der|Auf dem|Im|In der|Zum|Zur)\s+\p{Lu}[\p{L}-]+\s+\d{1,4}\s?[a-zA-Z]?\b`), "[Adresse]"},
	{regexp.MustCompile(`\b\d{5}\s+\p{Lu}\p{L}+`), "[Ort]"},
}

// Scrub removes personal data from a text before it leaves the city's
// systems: e-mail addresses, IBANs, names after "ich heiße" or "mein Name
// ist" (and after Herr/Frau), dates (of birth), tax and ID numbers, phone
// numbers, street addresses with house numbers and postal codes with
// town. Each becomes a placeholder such as "[E-Mail]", so the question
// still reads as a sentence.
func Scrub(text string) string {
	for _, r := range scrubRules {
		text = r.re.ReplaceAllString(text, r.with)
	}
	return text
}
