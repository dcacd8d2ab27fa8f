package payment

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"rathaus/internal/fault"
)

// Currency is the only currency a SEPA credit transfer (and so a bill) uses.
const Currency = "EUR"

// Limits of the EPC QR code guideline (EPC069-12, version 002, section 3.4)
// that a bill must meet to be printed as a code.
const (
	MinAmountCents     = 1                // EUR 0.01
	MaxAmountCents     = 99999999999      // EUR 999999999.99
	maxNameLen         = 70               // AT-21 name of the beneficiary
	maxStructuredLen   = 35               // AT-05 structured creditor reference
	maxRemittanceLen   = 140              // AT-05 unstructured remittance information
	maxHintLen         = 70               // beneficiary to originator information
	maxPayloadBytes    = 331              // whole payload, QR version 13 at level M
	maxReferenceLength = maxStructuredLen // a bill reference fits the structured field
)

// Bill is what a citizen owes for an application: paid by SEPA transfer
// (with the EPC QR code) or through an e-payment provider.
type Bill struct {
	Reference   string // case reference, e.g. "JENA-2026-000123"; always carried in the remittance
	AmountCents int64
	Currency    string // "EUR"
	Creditor    string // beneficiary name, up to 70 characters
	IBAN        string
	BIC         string // optional since EPC QR version 002 (inside the EEA)
	Remittance  string // text after the reference, e.g. "Gebühr Anwohnerparken"
	DueDate     time.Time

	// Structured puts the ISO 11649 creditor reference built from Reference
	// in the structured field of the QR code instead of remittance text.
	Structured bool
	Purpose    string // optional ISO 20022 purpose code of four letters, e.g. "GOVT"
	Hint       string // optional beneficiary to originator information, up to 70 characters
}

// RemittanceText is the unstructured remittance information: the reference
// first (so that reconciliation finds it even when a bank cuts the text),
// then the bill's text unless it already names the reference.
func (b Bill) RemittanceText() string {
	text := strings.TrimSpace(b.Remittance)
	if text == "" || b.Reference == "" {
		return b.Reference + text
	}
	if normalizeRef(text) != "" && strings.Contains(normalizeRef(text), normalizeRef(b.Reference)) {
		return text
	}
	return b.Reference + " " + text
}

// Validate checks the bill against the EPC rules. Every problem is a field
// error with a translation key; nil when the bill can be printed and paid.
func (b Bill) Validate() error {
	var v fault.Validator
	v.Check(strings.TrimSpace(b.Reference) != "" && utf8.RuneCountInString(b.Reference) <= maxReferenceLength && plain(b.Reference),
		"reference", "error.payment.reference")
	v.Check(b.AmountCents >= MinAmountCents && b.AmountCents <= MaxAmountCents,
		"amount", "error.payment.amount_range")
	v.Check(b.Currency == Currency, "currency", "error.payment.currency")
	v.Check(strings.TrimSpace(b.Creditor) != "" && utf8.RuneCountInString(b.Creditor) <= maxNameLen && plain(b.Creditor),
		"creditor", "error.payment.creditor", maxNameLen)
	v.Check(ValidIBAN(NormalizeIBAN(b.IBAN)), "iban", "error.payment.iban")
	v.Check(b.BIC == "" || ValidBIC(b.BIC), "bic", "error.payment.bic")
	if b.Structured {
		v.Check(CreditorReference(b.Reference) != "", "reference", "error.payment.creditor_reference")
	} else {
		text := b.RemittanceText()
		v.Check(utf8.RuneCountInString(text) <= maxRemittanceLen && plain(text),
			"remittance", "error.payment.remittance", maxRemittanceLen)
	}
	v.Check(b.Purpose == "" || validPurpose(b.Purpose), "purpose", "error.payment.purpose")
	v.Check(utf8.RuneCountInString(b.Hint) <= maxHintLen && plain(b.Hint), "hint", "error.payment.hint", maxHintLen)
	return v.Err()
}

// ValidBIC reports whether s has the shape of a BIC (ISO 9362): four letters
// for the bank, two for the country, two letters or digits for the location
// and optionally three for the branch.
func ValidBIC(s string) bool {
	if len(s) != 8 && len(s) != 11 {
		return false
	}
	for i, r := range s {
		letter := r >= 'A' && r <= 'Z'
		digit := r >= '0' && r <= '9'
		if (i < 6 && !letter) || (!letter && !digit) {
			return false
		}
	}
	return true
}

func validPurpose(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// plain reports whether s is valid UTF-8 without control characters, which
// would break the line layout of the QR payload.
func plain(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return false
		}
	}
	return true
}
