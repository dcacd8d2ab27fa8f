package route

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

// small is a hand-written set of messages to the city and the unit that
// handles them.
var small = []Example{
	{Text: "Hundesteuer anmelden", Label: "Steueramt"},
	{Text: "Ich habe einen Hund und will die Hundesteuer bezahlen", Label: "Steueramt"},
	{Text: "Steuerbescheid für die Grundsteuer ist falsch", Label: "Steueramt"},
	{Text: "Zweitwohnungsteuer Erklärung abgeben", Label: "Steueramt"},
	{Text: "Gewerbesteuer Vorauszahlung ändern", Label: "Steueramt"},
	{Text: "Wohnsitz anmelden nach dem Umzug", Label: "Bürgeramt"},
	{Text: "Personalausweis beantragen, der alte ist abgelaufen", Label: "Bürgeramt"},
	{Text: "Reisepass verloren, was tun?", Label: "Bürgeramt"},
	{Text: "Meldebescheinigung für den Arbeitgeber", Label: "Bürgeramt"},
	{Text: "Ummeldung der Wohnung in Berlin", Label: "Bürgeramt"},
	{Text: "Schlagloch in der Straße vor meinem Haus", Label: "Straßenbau"},
	{Text: "Die Ampel an der Kreuzung ist kaputt", Label: "Straßenbau"},
	{Text: "Gehweg ist seit Wochen gesperrt", Label: "Straßenbau"},
	{Text: "Straßenlaterne defekt, es ist nachts dunkel", Label: "Straßenbau"},
	{Text: "Sperrmüll abholen lassen", Label: "Abfall"},
	{Text: "Die Mülltonne wurde nicht geleert", Label: "Abfall"},
	{Text: "Wilder Müll im Park, jemand hat Sofas abgestellt", Label: "Abfall"},
	{Text: "Biotonne bestellen", Label: "Abfall"},
	{Text: "Streunende Katze im Hinterhof", Label: "Veterinäramt"},
	{Text: "Der Hund des Nachbarn bellt ständig und wird schlecht gehalten", Label: "Veterinäramt"},
}

func TestPredictRoutesDogTax(t *testing.T) {
	m := Train(small, Options{})
	gs := m.Predict("Mein Hund muss angemeldet werden, wie zahle ich die Steuer?", 3)
	if len(gs) != 3 {
		t.Fatalf("got %d guesses, want 3", len(gs))
	}
	if gs[0].Label != "Steueramt" {
		t.Fatalf("got %q (%.2f), want Steueramt; all %+v", gs[0].Label, gs[0].P, gs)
	}
	for _, w := range []string{"Hund", "Steuer"} {
		if !slices.Contains(gs[0].Because, w) {
			t.Errorf("because %q, want it to contain %q as written", gs[0].Because, w)
		}
	}
	if n := len(gs[0].Because); n > 4 {
		t.Errorf("because names %d words, want at most 4", n)
	}
}

func TestPredictProbabilitiesSumToOne(t *testing.T) {
	m := Train(small, Options{})
	gs := m.Predict("Mülltonne ist kaputt", 0)
	if len(gs) != len(m.Labels()) {
		t.Fatalf("got %d guesses for k=0, want all %d labels", len(gs), len(m.Labels()))
	}
	sum := 0.0
	for i, g := range gs {
		sum += g.P
		if i > 0 && g.P > gs[i-1].P {
			t.Errorf("guess %d (%.3f) above guess %d (%.3f): want best first", i, g.P, i-1, gs[i-1].P)
		}
	}
	if sum < 0.999 || sum > 1.001 {
		t.Errorf("probabilities sum to %.4f, want 1", sum)
	}
	if gs[0].Label != "Abfall" {
		t.Errorf("got %q, want Abfall", gs[0].Label)
	}
}

func TestCorrectionChangesPrediction(t *testing.T) {
	const msg = "Der Hund bellt die ganze Nacht"
	before := Train(small, Options{}).Predict(msg, 1)[0]
	if before.Label != "Veterinäramt" {
		t.Fatalf("before the correction got %q, want Veterinäramt", before.Label)
	}
	corrected := append(slices.Clone(small), Example{Text: "Nachbarshund bellt nachts, Ruhestörung", Label: "Ordnungsamt", Weight: 5})
	after := Train(corrected, Options{}).Predict(msg, 1)[0]
	if after.Label != "Ordnungsamt" {
		t.Errorf("after a weighted correction got %q (%.2f), want Ordnungsamt", after.Label, after.P)
	}
}

func TestTrainDeterministic(t *testing.T) {
	a := Train(small, Options{}).Predict("Straßenlaterne kaputt", 0)
	b := Train(small, Options{}).Predict("Straßenlaterne kaputt", 0)
	for i := range a {
		if a[i].Label != b[i].Label || a[i].P != b[i].P || strings.Join(a[i].Because, ",") != strings.Join(b[i].Because, ",") {
			t.Fatalf("guess %d differs between two trainings: %+v and %+v", i, a[i], b[i])
		}
	}
}

func TestPredictToleratesTyposAndCompounds(t *testing.T) {
	m := Train(small, Options{})
	for text, want := range map[string]string{
		"Hundesteur bezahlen":                 "Steueramt", // typo
		"Wann kommt die Sperrmüllabholung?":   "Abfall",    // unseen compound
		"STRASSENLATERNE KAPUTT":              "Straßenbau",
		"Mein Personalausweis ist abgelaufen": "Bürgeramt",
	} {
		if g := m.Predict(text, 1)[0]; g.Label != want {
			t.Errorf("%q: got %q (%.2f, because %q), want %q", text, g.Label, g.P, g.Because, want)
		}
	}
}

func TestTrainWithoutExamples(t *testing.T) {
	m := Train([]Example{{Text: "ohne Etikett"}}, Options{})
	if got := m.Predict("Hund", 3); got != nil {
		t.Errorf("got %+v from a model without labels, want nil", got)
	}
	if got := m.Labels(); len(got) != 0 {
		t.Errorf("got labels %q, want none", got)
	}
}

func TestPredictConcurrently(t *testing.T) {
	m := Train(small, Options{})
	want := m.Predict("Schlagloch auf dem Gehweg", 0)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got := m.Predict("Schlagloch auf dem Gehweg", 0)
			for i := range want {
				if got[i].Label != want[i].Label || got[i].P != want[i].P {
					t.Errorf("concurrent guess %d: %+v, want %+v", i, got[i], want[i])
				}
			}
		})
	}
	wg.Wait()
}
