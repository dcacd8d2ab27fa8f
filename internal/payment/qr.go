package payment

import (
	"fmt"
	"html"
	"strings"

	"rsc.io/qr"
)

// maxQRSize is the side of QR version 13 in modules, the largest the EPC
// guideline allows.
const maxQRSize = 17 + 4*13

// QRCode encodes the bill's EPC payload at error correction level M, as the
// guideline demands. It returns the payload too: pages show it (or
// Summary) next to the image as its text alternative.
func QRCode(b Bill) (*qr.Code, string, error) {
	payload, err := EPCPayload(b)
	if err != nil {
		return nil, "", err
	}
	code, err := qr.Encode(payload, qr.M)
	if err != nil {
		return nil, "", fmt.Errorf("payment: encode QR: %w", err)
	}
	if code.Size > maxQRSize {
		return nil, "", fmt.Errorf("payment: QR code of %d modules exceeds version 13", code.Size)
	}
	return code, payload, nil
}

// QRPNG renders the bill's EPC QR code as PNG. The <img> that shows it
// needs an alt text from the caller, e.g. built from Summary.
func QRPNG(b Bill) ([]byte, error) {
	code, _, err := QRCode(b)
	if err != nil {
		return nil, err
	}
	return code.PNG(), nil
}

// QRSVG renders the bill's EPC QR code as an SVG image with a quiet zone of
// four modules. title is its accessible name (role="img", <title>): a text
// such as "GiroCode: 12,50 € an Stadt Jena, Verwendungszweck JENA-2026-000123".
func QRSVG(b Bill, title string) ([]byte, error) {
	code, _, err := QRCode(b)
	if err != nil {
		return nil, err
	}
	return svg(code, title), nil
}

func svg(code *qr.Code, title string) []byte {
	const quiet = 4
	side := code.Size + 2*quiet
	var path strings.Builder
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; x++ {
			if code.Black(x, y) {
				fmt.Fprintf(&path, "M%d %dh1v1h-1z", x+quiet, y+quiet)
			}
		}
	}
	t := html.EscapeString(title)
	return fmt.Appendf(nil, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s" shape-rendering="crispEdges">`+
		`<title>%s</title><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		side, side, t, t, side, side, path.String())
}

// SummaryRow is one line of the human-readable transfer details shown next
// to the QR code, for people who type the transfer by hand or cannot see the
// code. Label is a translation key.
type SummaryRow struct {
	Label string
	Value string
}

// Summary lists what to transfer: recipient, IBAN (in groups of four), BIC
// when known, amount, remittance text and due date.
func Summary(b Bill) []SummaryRow {
	rows := []SummaryRow{
		{"payment.summary.creditor", strings.TrimSpace(b.Creditor)},
		{"payment.summary.iban", GroupIBAN(NormalizeIBAN(b.IBAN))},
	}
	if b.BIC != "" {
		rows = append(rows, SummaryRow{"payment.summary.bic", b.BIC})
	}
	remittance := b.RemittanceText()
	if b.Structured {
		remittance = CreditorReference(b.Reference)
	}
	rows = append(rows,
		SummaryRow{"payment.summary.amount", FormatEuro(b.AmountCents)},
		SummaryRow{"payment.summary.remittance", remittance},
	)
	if !b.DueDate.IsZero() {
		rows = append(rows, SummaryRow{"payment.summary.due", b.DueDate.Format("02.01.2006")})
	}
	return rows
}

// GroupIBAN writes an IBAN in groups of four for reading aloud and typing.
func GroupIBAN(iban string) string {
	var b strings.Builder
	for i, r := range iban {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
