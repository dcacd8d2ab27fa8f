package pdf

import (
	"regexp"
	"strings"
	"testing"
)

// TestSheet checks a one-page sheet: its page size, centred text tagged
// as heading and paragraph, and the matrix as a Figure with alternative
// text whose black modules are filled rectangles, a run per row.
func TestSheet(t *testing.T) {
	m := [][]bool{{true, true, false}, {false, false, false}, {true, false, true}}
	s := Sheet{Title: "Plakat", Lang: "de-DE", Width: 105, Height: 148, Margin: 8, Items: []Item{
		Line{Text: "Hund anmelden", Size: 20, Bold: true, Level: 1},
		Gap{Height: 5},
		Matrix{Modules: m, Quiet: 4, Side: 40, Alt: "QR-Code zur Adresse rathaus.example/q/x"},
		Line{Text: "Jetzt online", Size: 12},
	}}
	b, err := s.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	checkXref(t, b)
	out := string(b)
	if !strings.Contains(out, "/MediaBox [0 0 297.64 419.53]") {
		t.Errorf("no A6 media box in\n%s", out)
	}
	for _, want := range []string{"/S /H1", "/S /P", "/S /Figure", "/Alt (QR-Code zur Adresse rathaus.example/q/x)"} {
		if !strings.Contains(out, want) {
			t.Errorf("sheet lacks %s", want)
		}
	}
	pages := contents(t, b)
	if len(pages) != 1 {
		t.Fatalf("%d pages, want 1", len(pages))
	}
	rects := regexp.MustCompile(`(?m)^[\d.]+ [\d.]+ ([\d.]+) ([\d.]+) re$`).FindAllStringSubmatch(pages[0], -1)
	if len(rects) != 3 {
		t.Fatalf("%d rectangles, want 3 (a run of two, two single modules):\n%s", len(rects), pages[0])
	}
	if rects[0][1] != "20.6156" || rects[1][1] != "10.3078" {
		t.Errorf("rectangle widths %s and %s, want two modules and one of 40 mm / 11", rects[0][1], rects[1][1])
	}
	if !strings.Contains(pages[0], "re\nf\nEMC") {
		t.Error("the modules are not filled")
	}
}
