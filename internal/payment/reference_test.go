package payment

import "testing"

func TestIBAN(t *testing.T) {
	for _, s := range []string{"DE89370400440532013000", "DE71110220330123456789", "GB82WEST12345698765432", "NL91ABNA0417164300"} {
		if !ValidIBAN(s) {
			t.Errorf("%s should be valid", s)
		}
	}
	for _, s := range []string{"DE89370400440532013001", "DE8937040044053201300", "de89370400440532013000", "DE89-3704-0044-0532-0130-00", ""} {
		if ValidIBAN(s) {
			t.Errorf("%s should be invalid", s)
		}
	}
	if got := NormalizeIBAN(" de89 3704 0044 0532 0130 00 "); got != "DE89370400440532013000" {
		t.Errorf("NormalizeIBAN = %q", got)
	}
}

func TestCreditorReference(t *testing.T) {
	if got := CreditorReference("539007547034"); got != "RF18539007547034" {
		t.Errorf("CreditorReference = %q, want RF18539007547034", got)
	}
	rf := CreditorReference("JENA-2026-000123")
	if !ValidCreditorReference(rf) || rf[4:] != "JENA2026000123" {
		t.Errorf("CreditorReference(JENA-2026-000123) = %q", rf)
	}
	for _, s := range []string{"RF18539007547034", "RF18 5390 0754 7034", "rf18539007547034", rf} {
		if !ValidCreditorReference(s) {
			t.Errorf("%s should be valid", s)
		}
	}
	for _, s := range []string{"RF19539007547034", "RF18539007547035", "XX18539007547034", "RF", "RF1A539007547034", "RF18" + "1234567890123456789012"} {
		if ValidCreditorReference(s) {
			t.Errorf("%s should be invalid", s)
		}
	}
	if CreditorReference("") != "" || CreditorReference("--") != "" || CreditorReference("1234567890123456789012") != "" {
		t.Error("empty or too long bodies must give no reference")
	}
}
