package promo_test

import (
	"strings"
	"testing"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/pdf/pdftest"
	"rathaus/internal/promo"
)

var texts = promo.Texts{Lang: "de-DE", City: "Stadt Jena", CallToAction: "Jetzt online erledigen",
	ScanHint: "QR-Code scannen oder Adresse eingeben:", QRAlt: "QR-Code zur Adresse %s"}

func service() *catalog.Service {
	return &catalog.Service{ID: 7, Content: catalog.Content{Name: "Hund anmelden",
		Summary:      "Wer einen Hund hält, meldet ihn an. Die Steuer kommt danach.",
		EasyLanguage: "Sie haben einen Hund? Dann melden Sie ihn bei der Stadt an.", OZGLevel: 4}}
}

func TestPosterQRDecodesToCampaignAddress(t *testing.T) {
	address := promo.ScanAddress("https://rathaus.jena.de/", "ab3k9x2m")
	for _, f := range promo.Formats {
		t.Run(f.Name, func(t *testing.T) {
			b, err := promo.Poster(service(), address, f, texts, time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC))
			if err != nil {
				t.Fatal(err)
			}
			if got := pdftest.DecodeQR(t, b); got != address {
				t.Errorf("QR code reads %q, want %q", got, address)
			}
		})
	}
}

func TestPosterText(t *testing.T) {
	f, _ := promo.FormatByName("a4")
	b, err := promo.Poster(service(), "https://rathaus.jena.de/q/ab3k9x2m", f, texts, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	text := pdftest.Text(t, b)
	for _, want := range []string{"Stadt Jena", "Hund anmelden", "Sie haben einen Hund?", "Jetzt online erledigen",
		"rathaus.jena.de/q/ab3k9x2m"} {
		if !strings.Contains(text, want) {
			t.Errorf("poster lacks %q; text:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Dann melden") {
		t.Errorf("poster has more than the first sentence of the easy-language text:\n%s", text)
	}
}

func TestPlainLineFallsBackToSummary(t *testing.T) {
	s := service()
	s.EasyLanguage = ""
	if got := promo.PlainLine(s); got != "Wer einen Hund hält, meldet ihn an." {
		t.Errorf("PlainLine = %q", got)
	}
}

func TestNewCampaign(t *testing.T) {
	c, err := promo.New(7, "  Plakate Lobeda  ", promo.MediumPoster, nil, time.Now())
	if err != nil || c.Name != "Plakate Lobeda" || !promo.ValidCode(c.Code) {
		t.Fatalf("New = %+v, %v", c, err)
	}
	if c2, _ := promo.New(7, "x", promo.MediumFlyer, nil, time.Now()); c2.Code == c.Code {
		t.Error("two campaigns got the same code")
	}
	for _, bad := range []struct{ name, medium string }{{"", promo.MediumPoster}, {strings.Repeat("x", 121), promo.MediumFlyer}, {"ok", "radio"}} {
		if _, err := promo.New(7, bad.name, bad.medium, nil, time.Now()); err == nil {
			t.Errorf("New(%q, %q) accepted", bad.name, bad.medium)
		}
	}
	if promo.ValidCode("ab3k9x2") || promo.ValidCode("AB3K9X2M") || promo.ValidCode("ab3k9x2/") {
		t.Error("ValidCode accepts malformed codes")
	}
	if got := promo.Landing(7, "ab3k9x2m"); got != "/leistungen/7?kampagne=ab3k9x2m" {
		t.Errorf("Landing = %q", got)
	}
}

// TestPosterWithLongTextsStillDecodes gives a service a long name and a
// long plain-language line: the QR code shrinks so that everything fits,
// and still decodes.
func TestPosterWithLongTextsStillDecodes(t *testing.T) {
	s := service()
	s.Name = "Anmeldung einer Nebenwohnung und Zweitwohnungsteuer-Erklärung für Studierende mit Hauptwohnung bei den Eltern"
	s.EasyLanguage = strings.Repeat("Sie wohnen in zwei Wohnungen und eine davon ist in Jena, dann melden Sie das hier an, ", 3) + "."
	address := promo.ScanAddress("https://rathaus.jena.de", "ab3k9x2m")
	for _, f := range promo.Formats {
		b, err := promo.Poster(s, address, f, texts, time.Time{})
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if got := pdftest.DecodeQR(t, b); got != address {
			t.Errorf("%s: QR code reads %q, want %q", f.Name, got, address)
		}
	}
}
