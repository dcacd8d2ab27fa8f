package assistant

import (
	"strings"
	"testing"
)

func TestScrub(t *testing.T) {
	tests := []struct {
		in, want string
		gone     []string // personal data that must not survive
	}{
		{"Meine E-Mail ist erika.mustermann@example.de, bitte antworten.", "Meine E-Mail ist [E-Mail], bitte antworten.", []string{"mustermann"}},
		{"Rufen Sie mich an: 0176 12345678 oder +49 (89) 233-96000", "Rufen Sie mich an: [Telefon] oder [Telefon]", []string{"12345678", "96000"}},
		{"Meine IBAN ist DE89 3704 0044 0532 0130 00.", "Meine IBAN ist [IBAN].", []string{"3704"}},
		{"Ich bin am 12.03.1985 geboren und brauche einen Pass.", "Ich bin am [Datum] geboren und brauche einen Pass.", []string{"1985"}},
		{"Geboren am 3. März 1990", "Geboren am [Datum]", []string{"1990"}},
		{"Ich wohne in der Leopoldstraße 12a, 80802 München.", "Ich wohne in der [Adresse], [Ort].", []string{"Leopold", "80802"}},
		{"Ich heiße Erika Mustermann und habe meinen Ausweis verloren.", "[Name] und habe meinen Ausweis verloren.", []string{"Erika", "Mustermann"}},
		{"Mein Name ist Ali Yılmaz.", "[Name].", []string{"Yılmaz"}},
		{"My name is John Smith, where do I register?", "[Name], where do I register?", []string{"Smith"}},
		{"Meine Steuer-ID: 12 345 678 901", "Meine [Nummer]", []string{"678"}},
		{"Steuernummer 143/123/45678 für das Gewerbe", "[Nummer] für das Gewerbe", []string{"45678"}},
		{"Ausweisnummer L01X00T47 verloren", "[Nummer] verloren", []string{"L01X00T47"}},
		// nothing personal: unchanged
		{"Was kostet ein Reisepass, 37,00 Euro oder 70 Euro?", "Was kostet ein Reisepass, 37,00 Euro oder 70 Euro?", nil},
		{"Wie lange dauert es, 3 Wochen?", "Wie lange dauert es, 3 Wochen?", nil},
	}
	for _, tt := range tests {
		got := Scrub(tt.in)
		if got != tt.want {
			t.Errorf("Scrub(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
		for _, g := range tt.gone {
			if strings.Contains(got, g) {
				t.Errorf("Scrub(%q) kept %q", tt.in, g)
			}
		}
	}
}
