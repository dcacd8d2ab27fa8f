package assistant

import (
	"fmt"
	"strings"
	"testing"
)

var checkSources = []Citation{
	{N: 1, ServiceID: 7, Service: "Reisepass", Section: SectionFees, Quote: "unter 24 Jahren: 37,50 Euro\nab 24 Jahren: 70 Euro\nExpress: Aufpreis von 32 Euro"},
	{N: 2, ServiceID: 7, Service: "Reisepass", Section: SectionDescription, Quote: "Die Bearbeitungszeit beträgt etwa drei bis sechs Arbeitstage."},
	{N: 3, ServiceID: 7, Service: "Reisepass", Section: SectionDeadlines, Quote: "Anträge bis 31.12.2026 werden nach altem Recht bearbeitet."},
}

func TestCheckAccepts(t *testing.T) {
	for _, answer := range []string{
		"Ab 24 Jahren kostet der Reisepass 70,00 € [1]. Jüngere zahlen EUR 37,50 [1].",
		"Ein Reisepass kostet 70 Euro [1], mit Express 32 Euro mehr [1].",
		"The passport costs €70.00 for those over 24 [1]. It takes 3 to 6 working days [2].",
		"Die Bearbeitung dauert drei bis sechs Arbeitstage. [2]",
		"Anträge bis zum 31. Dezember 2026 gelten nach altem Recht [3].",
		"Der Reisepass kostet 70 Euro und ist nach 6 Arbeitstagen fertig [1, 2].",
		"Sie können den Pass im Bürgerbüro beantragen [2].",
	} {
		if p := Check(answer, checkSources); len(p) > 0 {
			t.Errorf("Check(%q) = %v, want no problems", answer, p)
		}
	}
}

func TestCheckRejects(t *testing.T) {
	tests := []struct{ answer, reason, detail string }{
		{"Das kostet 99 Euro [1].", ProblemUnsupported, "amount:9900"},
		{"Der Reisepass kostet 70 Euro.", ProblemNoCitation, ""},
		{"Der Reisepass kostet 70 Euro [1]. Sie brauchen ein Foto.", ProblemNoCitation, ""},
		{"Der Reisepass kostet 70 Euro [4].", ProblemBadCitation, "[4]"},
		{"Die Bearbeitung dauert 2 Wochen [2].", ProblemUnsupported, "duration:2 woche"},
		{"Die Bearbeitung dauert drei Wochen [2].", ProblemUnsupported, "duration:3 woche"},
		{"Anträge bis 30.11.2026 gelten nach altem Recht [3].", ProblemUnsupported, "date:2026-11-30"},
		{"Es kostet 70 Euro [2].", ProblemUnsupported, "amount:7000"}, // in a source, but not the cited one
		{"Das dauert 45 Minuten [1].", ProblemUnsupported, "duration:45 minute"},
		{"", ProblemEmpty, ""},
	}
	for _, tt := range tests {
		problems := Check(tt.answer, checkSources)
		found := false
		for _, p := range problems {
			if p.Reason == tt.reason && (tt.detail == "" || p.Detail == tt.detail) {
				found = true
			}
		}
		if !found {
			t.Errorf("Check(%q) = %v, want %s %s", tt.answer, problems, tt.reason, tt.detail)
		}
	}
}

func TestParseCited(t *testing.T) {
	got := parseCited("Das kostet 37,50 Euro [1]. Es dauert drei Tage. [2][3] Fertig [1,2]!")
	var parts []string
	for _, s := range got {
		parts = append(parts, fmt.Sprint(s.Text, s.Cites))
	}
	want := "Das kostet 37,50 Euro.[1]|Es dauert drei Tage.[2 3]|Fertig![1 2]"
	if g := strings.Join(parts, "|"); g != want {
		t.Errorf("parseCited = %q, want %q", g, want)
	}
}
