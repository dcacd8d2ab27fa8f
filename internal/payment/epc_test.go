package payment

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"rathaus/internal/fault"
)

func jenaBill() Bill {
	return Bill{
		Reference:   "JENA-2026-000123",
		AmountCents: 1250,
		Currency:    "EUR",
		Creditor:    "Stadt Jena",
		IBAN:        "DE89 3704 0044 0532 0130 00",
		Remittance:  "Gebühr Anwohnerparken",
	}
}

// The example of the EPC guideline (EPC069-12, version 002): a payment to
// Franz Mustermänn with an RF creditor reference. The guideline writes the
// amount as EUR12.3; rathaus always writes two decimals.
func TestEPCPayloadGuidelineExample(t *testing.T) {
	b := Bill{
		Reference:   "539007547034",
		AmountCents: 1230,
		Currency:    "EUR",
		Creditor:    "Franz Mustermänn",
		IBAN:        "DE71110220330123456789",
		BIC:         "BHBLDEHHXXX",
		Purpose:     "GDDS",
		Structured:  true,
	}
	got, err := EPCPayload(b)
	if err != nil {
		t.Fatal(err)
	}
	want := "BCD\n002\n1\nSCT\nBHBLDEHHXXX\nFranz Mustermänn\nDE71110220330123456789\nEUR12.30\nGDDS\nRF18539007547034"
	if got != want {
		t.Errorf("payload\n%q\nwant\n%q", got, want)
	}
}

func TestEPCPayloadUnstructured(t *testing.T) {
	got, err := EPCPayload(jenaBill())
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(got, "\n")
	want := []string{"BCD", "002", "1", "SCT", "", "Stadt Jena", "DE89370400440532013000", "EUR12.50", "", "", "JENA-2026-000123 Gebühr Anwohnerparken"}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("lines %q, want %q", lines, want)
	}
	b := jenaBill()
	b.Hint = "Danke!"
	got, _ = EPCPayload(b)
	if !strings.HasSuffix(got, "\nJENA-2026-000123 Gebühr Anwohnerparken\nDanke!") {
		t.Errorf("hint is not the twelfth line: %q", got)
	}
	b = jenaBill()
	b.Remittance = "Parkausweis JENA-2026-000123"
	if got, _ = EPCPayload(b); !strings.HasSuffix(got, "\n\n\nParkausweis JENA-2026-000123") {
		t.Errorf("reference repeated although the text names it: %q", got)
	}
}

func TestFormatAmount(t *testing.T) {
	for cents, want := range map[int64]string{1: "EUR0.01", 1250: "EUR12.50", 1205: "EUR12.05", 100: "EUR1.00", MaxAmountCents: "EUR999999999.99"} {
		if got := FormatAmount(cents); got != want {
			t.Errorf("FormatAmount(%d) = %q, want %q", cents, got, want)
		}
	}
	if got := FormatEuro(123450); got != "1.234,50 €" {
		t.Errorf("FormatEuro = %q", got)
	}
}

func TestBillRejected(t *testing.T) {
	cases := map[string]struct {
		change func(*Bill)
		field  string
	}{
		"zero amount":       {func(b *Bill) { b.AmountCents = 0 }, "amount"},
		"too much":          {func(b *Bill) { b.AmountCents = MaxAmountCents + 1 }, "amount"},
		"dollars":           {func(b *Bill) { b.Currency = "USD" }, "currency"},
		"iban checksum":     {func(b *Bill) { b.IBAN = "DE89370400440532013001" }, "iban"},
		"iban shape":        {func(b *Bill) { b.IBAN = "89DE370400440532013000" }, "iban"},
		"bic":               {func(b *Bill) { b.BIC = "HELA1" }, "bic"},
		"no name":           {func(b *Bill) { b.Creditor = " " }, "creditor"},
		"long name":         {func(b *Bill) { b.Creditor = strings.Repeat("ä", 71) }, "creditor"},
		"newline in name":   {func(b *Bill) { b.Creditor = "Stadt\nJena" }, "creditor"},
		"no reference":      {func(b *Bill) { b.Reference = "" }, "reference"},
		"long remittance":   {func(b *Bill) { b.Remittance = strings.Repeat("x", 124) }, "remittance"},
		"rf too long":       {func(b *Bill) { b.Structured, b.Reference = true, strings.Repeat("A", 22) }, "reference"},
		"purpose lowercase": {func(b *Bill) { b.Purpose = "govt" }, "purpose"},
		"long hint":         {func(b *Bill) { b.Hint = strings.Repeat("x", 71) }, "hint"},
	}
	for name, c := range cases {
		b := jenaBill()
		c.change(&b)
		_, err := EPCPayload(b)
		f := fault.As(err)
		if f.Kind != fault.Invalid || len(f.Fields) == 0 || f.Fields[0].Field != c.field {
			t.Errorf("%s: got %v (%+v), want field %s", name, err, f.Fields, c.field)
		}
	}
	// At the limits: 70 characters of name, 140 of remittance are fine.
	b := jenaBill()
	b.Creditor = strings.Repeat("ä", 70)
	b.Remittance = strings.Repeat("x", 140-len("JENA-2026-000123 "))
	if _, err := EPCPayload(b); err != nil {
		t.Errorf("at the limits: %v", err)
	}
}

func TestEPCPayloadTooLong(t *testing.T) {
	b := jenaBill()
	b.BIC = "HELADEF1JEN"
	b.Purpose = "GOVT"
	b.Creditor = strings.Repeat("ü", 70)                             // 140 bytes
	b.Remittance = strings.Repeat("x", 140-len("JENA-2026-000123 ")) // 140 bytes
	b.Hint = strings.Repeat("x", 70)
	_, err := EPCPayload(b)
	if f := fault.As(err); f.Key != "error.payment.too_long" {
		t.Fatalf("got %v, want too_long", err)
	}
}

func TestQR(t *testing.T) {
	b := jenaBill()
	code, payload, err := QRCode(b)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := EPCPayload(b)
	if payload != want {
		t.Errorf("encoded %q, want %q", payload, want)
	}
	if code.Size > maxQRSize {
		t.Errorf("size %d exceeds version 13", code.Size)
	}
	data, err := QRPNG(b)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if w := img.Bounds().Dx(); w != (code.Size+8)*code.Scale {
		t.Errorf("PNG width %d, want %d", w, (code.Size+8)*code.Scale)
	}
	svg, err := QRSVG(b, `GiroCode: 12,50 € an "Stadt Jena"`)
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	for _, part := range []string{`role="img"`, `aria-label="GiroCode: 12,50 € an &#34;Stadt Jena&#34;"`, `<title>GiroCode: 12,50 € an &#34;Stadt Jena&#34;</title>`, "<path"} {
		if !strings.Contains(s, part) {
			t.Errorf("SVG lacks %s", part)
		}
	}
	if strings.Count(s, "h1v1h-1z") != blackModules(code.Size, code.Black) {
		t.Error("SVG does not draw every dark module")
	}
}

func blackModules(size int, black func(x, y int) bool) int {
	n := 0
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			if black(x, y) {
				n++
			}
		}
	}
	return n
}

func TestSummary(t *testing.T) {
	b := jenaBill()
	b.BIC = "HELADEF1JEN"
	got := Summary(b)
	want := []SummaryRow{
		{"payment.summary.creditor", "Stadt Jena"},
		{"payment.summary.iban", "DE89 3704 0044 0532 0130 00"},
		{"payment.summary.bic", "HELADEF1JEN"},
		{"payment.summary.amount", "12,50 €"},
		{"payment.summary.remittance", "JENA-2026-000123 Gebühr Anwohnerparken"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d = %v, want %v", i, got[i], want[i])
		}
	}
}
