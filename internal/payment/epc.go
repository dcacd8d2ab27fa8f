package payment

import (
	"fmt"
	"strings"

	"rathaus/internal/fault"
)

// The EPC QR code ("GiroCode") follows the European Payments Council's
// "Quick Response Code: Guidelines to Enable Data Capture for the Initiation
// of a SEPA Credit Transfer" (EPC069-12, version 002). The payload is up to
// twelve elements separated by line feeds, in this order, with nothing after
// the last element given:
//
//	 1 service tag        "BCD"
//	 2 version            "002"
//	 3 character set      "1" (UTF-8)
//	 4 identification     "SCT"
//	 5 BIC                8 or 11 characters, may be empty in version 002
//	 6 beneficiary name   1..70 characters (AT-21)
//	 7 IBAN               (AT-20)
//	 8 amount             "EUR" + 0.01..999999999.99 (AT-04), optional
//	 9 purpose            up to 4 characters, optional
//	10 structured ref.    up to 35 characters (ISO 11649 RF), or
//	11 unstructured text  up to 140 characters (AT-05); never both
//	12 information        up to 70 characters for the payer, optional
//
// The whole payload is at most 331 bytes, encoded at error correction level
// M (QR version 13 at most). Sources: the guideline itself; its summaries in
// bwipp/postscriptbarcode's "EPC QR Code" wiki page and the segno and
// sepa-payment-qr-code documentation.

// EPCPayload returns the text of the EPC QR code for the bill, or a fault
// when the bill breaks a rule of the guideline.
func EPCPayload(b Bill) (string, error) {
	if err := b.Validate(); err != nil {
		return "", err
	}
	var structured, text string
	if b.Structured {
		structured = CreditorReference(b.Reference)
	} else {
		text = b.RemittanceText()
	}
	lines := []string{
		"BCD", "002", "1", "SCT",
		b.BIC,
		strings.TrimSpace(b.Creditor),
		NormalizeIBAN(b.IBAN),
		FormatAmount(b.AmountCents),
		b.Purpose,
		structured,
		text,
		b.Hint,
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	payload := strings.Join(lines, "\n")
	if len(payload) > maxPayloadBytes {
		return "", fault.New(fault.Invalid, "error.payment.too_long", maxPayloadBytes)
	}
	return payload, nil
}

// FormatAmount writes cents in the EPC amount format: "EUR", then euros, a
// point and always two decimals ("EUR12.50", "EUR0.01"). The guideline allows
// fewer decimals; two are what every banking app reads the same way.
func FormatAmount(cents int64) string {
	return fmt.Sprintf("EUR%d.%02d", cents/100, cents%100)
}

// FormatEuro writes cents for people in German notation, e.g. "1.234,50 €".
func FormatEuro(cents int64) string {
	euros := fmt.Sprintf("%d", cents/100)
	var b strings.Builder
	for i, r := range euros {
		if i > 0 && (len(euros)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("%s,%02d €", b.String(), cents%100)
}
