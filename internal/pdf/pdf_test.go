package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var created = time.Date(2026, 11, 29, 10, 30, 0, 0, time.FixedZone("CET", 3600))

func sample(blocks ...Block) Document {
	return Document{
		Title: "Eingangsbestätigung", Author: "Stadt Jena", Subject: "Antrag",
		Lang: "de-DE", Header: "Stadt Jena", Footer: "Seite %d von %d",
		CreationDate: created, Blocks: blocks,
	}
}

func render(t *testing.T, d Document) []byte {
	t.Helper()
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const lorem = "Die Stadtverwaltung bestätigt den Eingang Ihres Antrags. Bitte bewahren Sie diese Bestätigung auf, " +
	"bis über Ihren Antrag entschieden ist. Änderungen teilen Sie uns bitte über das Bürgerkonto mit; " +
	"Rückfragen beantwortet das Bürgerbüro während der Öffnungszeiten."

func TestStructureWithEveryBlock(t *testing.T) {
	for _, compress := range []bool{false, true} {
		t.Run(fmt.Sprint("compress=", compress), func(t *testing.T) {
			d := sample(
				Heading{1, "Eingangsbestätigung"}, Paragraph{lorem},
				Heading{2, "Ihre Angaben"}, KeyValue{[]Row{{"Name", "Erika Mustermann"}, {"Straße", "Löbdergraben 12"}}},
				Spacer{10}, PageBreak{},
				Heading{3, "Gebühren"},
				Table{Header: []string{"Posten", "Betrag"}, Rows: [][]string{{"Gebühr", "25,00 €"}}, Widths: []float64{3, 1}},
				PageBreak{}, Paragraph{"Ende"},
			)
			d.Compress = compress
			b := render(t, d)
			objects := checkXref(t, b)
			if got := pageCount(t, b); got != 3 {
				t.Errorf("/Count = %d, want 3", got)
			}
			// 8 fixed objects, 19 structure elements, 3 pages with their contents.
			if pages := len(contents(t, b)); pages != 3 || objects != 8+19+2*pages {
				t.Errorf("%d content streams and %d objects, want 3 and 33", pages, objects)
			}
			for _, want := range []string{
				"/Lang (de-DE)", "/Producer (rathaus)", "/CreationDate (D:20261129103000+01'00')",
				"/Author (Stadt Jena)", "/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding", "/ID [<",
			} {
				if !bytes.Contains(b, []byte(want)) {
					t.Errorf("output lacks %s", want)
				}
			}
			if !bytes.Contains(b, []byte("/Title "+textString("Eingangsbestätigung"))) {
				t.Error("title with umlaut not written as UTF-16 text string")
			}
		})
	}
}

func TestPageBreakOnEmptyPageAddsNoPage(t *testing.T) {
	b := render(t, sample(PageBreak{}, Paragraph{"eins"}, PageBreak{}, PageBreak{}, Paragraph{"zwei"}, PageBreak{}))
	checkXref(t, b)
	if got := pageCount(t, b); got != 2 {
		t.Errorf("/Count = %d, want 2", got)
	}
}

func TestLongDocumentPageCount(t *testing.T) {
	var blocks []Block
	for i := range 5 {
		blocks = append(blocks, Heading{1, fmt.Sprintf("Teil %d", i+1)})
		for range 30 {
			blocks = append(blocks, Paragraph{lorem})
		}
		blocks = append(blocks, PageBreak{})
	}
	b := render(t, sample(blocks...))
	checkXref(t, b)
	pages := contents(t, b)
	if got := pageCount(t, b); got != len(pages) || got < 10 {
		t.Fatalf("/Count = %d with %d content streams, want equal and at least 10", got, len(pages))
	}
	// Each part starts on a new page, so five pages begin (after header
	// and footer) with a part heading.
	starts := 0
	for _, p := range pages {
		if lines := texts(p); len(lines) > 2 && bytes.HasPrefix(lines[2].text, []byte("Teil ")) {
			starts++
		}
	}
	if starts != 5 {
		t.Errorf("%d pages start with a part heading, want 5", starts)
	}
	last := texts(pages[len(pages)-1])
	want := fmt.Sprintf("Seite %d von %d", len(pages), len(pages))
	if got := string(last[1].text); got != want {
		t.Errorf("last footer = %q, want %q", got, want)
	}
}

func TestGermanCharactersAreWinAnsi(t *testing.T) {
	b := render(t, sample(Paragraph{"ä ö ü Ä Ö Ü ß € „Zitat“ – …"}))
	content := contents(t, b)[0]
	want := `(\344 \366 \374 \304 \326 \334 \337 \200 \204Zitat\223 \226 \205) Tj`
	if !strings.Contains(content, want) {
		t.Errorf("content stream lacks %s:\n%s", want, content)
	}
}

func TestUnsupportedCharacters(t *testing.T) {
	d := sample(Heading{1, "Łódź"}, KeyValue{[]Row{{"Zeichen", "✓ Łeba"}}}, Paragraph{"Zeile\nzwei\tTab"})
	if got, want := d.Unsupported(), []rune{'Ł', 'ź', '✓'}; !slices.Equal(got, want) {
		t.Errorf("Unsupported() = %q, want %q", got, want)
	}
	content := contents(t, render(t, d))[0]
	if !strings.Contains(content, `(?\363d?) Tj`) {
		t.Errorf("unsupported characters not shown as '?':\n%s", content)
	}
	if got := Unsupported("Grüße, 5 € – „gut“"); got != nil {
		t.Errorf("Unsupported of German text = %q, want none", got)
	}
}

func TestParagraphWrapsWithinMargins(t *testing.T) {
	long := strings.Repeat(lorem+" ", 3) + strings.Repeat("Donaudampfschifffahrtsgesellschaft", 6)
	b := render(t, sample(Paragraph{long}, KeyValue{[]Row{{strings.Repeat("Bezeichnung ", 8), long}}},
		Table{Header: []string{"A", "B", "C"}, Rows: [][]string{{long, long, long}}}))
	var body []shown
	for _, l := range texts(contents(t, b)[0]) {
		if l.size == bodySize {
			body = append(body, l)
		}
		if right := l.x + width(l.font, l.size, l.text); right > pageW-margin+0.01 {
			t.Errorf("line %q ends at %.2f, beyond the right margin %.2f", l.text, right, pageW-margin)
		}
	}
	if len(body) < 20 {
		t.Fatalf("%d body lines, want the long texts wrapped into many", len(body))
	}
	first := body[0]
	if width(regular, bodySize, first.text) < textW*0.8 {
		t.Errorf("first line %q fills less than 80%% of the text width", first.text)
	}
	broken := false
	for _, l := range body {
		broken = broken || string(l.text) == strings.Repeat("Donaudampfschifffahrtsgesellschaft", 6)[:len(l.text)] && len(l.text) > 40
	}
	if !broken {
		t.Error("no line holds a piece of the over-long word")
	}
}

func TestWrapBreaksAtSpacesAndInsideLongWords(t *testing.T) {
	lines := wrap(regular, 10, 100, "aaa bbb ccc\n\n"+strings.Repeat("x", 60))
	var got []string
	for _, l := range lines {
		got = append(got, string(l))
		if w := width(regular, 10, l); w > 100 {
			t.Errorf("line %q is %.1f wide, more than 100", l, w)
		}
	}
	// x is 500/1000 wide: 20 fit into 100 points at size 10.
	want := []string{"aaa bbb ccc", "", strings.Repeat("x", 20), strings.Repeat("x", 20), strings.Repeat("x", 20)}
	if !slices.Equal(got, want) {
		t.Errorf("wrap = %q, want %q", got, want)
	}
}

func TestWidthsFromAFM(t *testing.T) {
	for _, c := range []struct {
		f    font
		text string
		want float64
	}{
		{regular, "Hallo", 722 + 556 + 222 + 222 + 556},
		{regular, "ä€ß„“–…", 556 + 556 + 611 + 333 + 333 + 556 + 1000},
		{bold, "ÄÖÜäöüß", 722 + 778 + 722 + 556 + 611 + 611 + 611},
		{bold, "W@", 944 + 975},
	} {
		if got := width(c.f, 1000, encode(c.text)); got != c.want {
			t.Errorf("width(%d, %q) = %v, want %v", c.f, c.text, got, c.want)
		}
	}
}

// receipt is a receipt with 40 answers, some long enough to wrap.
func receipt() Document {
	rows := make([]Row, 40)
	for i := range rows {
		rows[i] = Row{fmt.Sprintf("Frage %d", i+1), fmt.Sprintf("Antwort %d", i+1)}
		if i%2 == 0 {
			rows[i].Value += " – Löbdergraben 12, 07743 Jena; Begründung mit so viel Text, dass die Zeile umbricht"
		}
	}
	return sample(Heading{1, "Eingangsbestätigung"}, Paragraph{lorem}, Heading{2, "Ihre Angaben"}, KeyValue{rows})
}

func TestReceiptWithFortyAnswersSpansTwoPages(t *testing.T) {
	b := render(t, receipt())
	checkXref(t, b)
	pages := contents(t, b)
	if got := pageCount(t, b); got != 2 || len(pages) != 2 {
		t.Fatalf("/Count = %d with %d pages, want 2", got, len(pages))
	}
	for i, p := range pages {
		lines := texts(p)
		if head := string(lines[0].text); head != "Stadt Jena" {
			t.Errorf("page %d header = %q", i+1, head)
		}
		want := fmt.Sprintf("Seite %d von 2", i+1)
		if foot := string(lines[1].text); foot != want {
			t.Errorf("page %d footer = %q, want %q", i+1, foot, want)
		}
		for _, l := range lines[2:] {
			if l.y < contentBottom-0.01 {
				t.Errorf("page %d: %q at y %.2f runs into the footer", i+1, l.text, l.y)
			}
		}
	}
	for _, q := range []string{"(Frage 1) Tj", "(Frage 40) Tj"} {
		if !strings.Contains(strings.Join(pages, ""), q) {
			t.Errorf("receipt lacks %s", q)
		}
	}
	golden := filepath.Join("testdata", "receipt.pdf")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(golden, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("receipt differs from %s (UPDATE_GOLDEN=1 to rewrite after a deliberate change)", golden)
	}
}

func TestOutputIsDeterministic(t *testing.T) {
	d := receipt()
	d.Compress = true
	if a, b := render(t, d), render(t, d); !bytes.Equal(a, b) {
		t.Error("two renderings of the same document differ")
	}
	other := d
	other.CreationDate = created.Add(time.Second)
	if bytes.Equal(render(t, d), render(t, other)) {
		t.Error("a different creation date gives the same file")
	}
}

func TestPDFDate(t *testing.T) {
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), "D:20260102030405Z"},
		{time.Date(2026, 7, 1, 12, 0, 0, 0, time.FixedZone("CEST", 7200)), "D:20260701120000+02'00'"},
		{time.Date(2026, 7, 1, 12, 0, 0, 0, time.FixedZone("", -(3*3600+1800))), "D:20260701120000-03'30'"},
	} {
		if got := pdfDate(c.t); got != c.want {
			t.Errorf("pdfDate = %q, want %q", got, c.want)
		}
	}
}

// TestExternalTools checks the output with qpdf and pdftotext when they
// are installed.
func TestExternalTools(t *testing.T) {
	d := receipt()
	d.Compress = true
	path := filepath.Join(t.TempDir(), "receipt.pdf")
	if err := os.WriteFile(path, render(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	ran := false
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		ran = true
		if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		ran = true
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").CombinedOutput()
		if err != nil {
			t.Fatalf("pdftotext: %v\n%s", err, out)
		}
		for _, want := range []string{"Eingangsbestätigung", "Löbdergraben", "Seite 2 von 2", "Antwort 40"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("pdftotext output lacks %q", want)
			}
		}
	}
	if !ran {
		t.Skip("neither qpdf nor pdftotext installed")
	}
}

func TestEmptyDocumentHasOnePage(t *testing.T) {
	b := render(t, Document{CreationDate: created})
	checkXref(t, b)
	if got := pageCount(t, b); got != 1 {
		t.Errorf("/Count = %d, want 1", got)
	}
	if bytes.Contains(b, []byte("/Lang")) {
		t.Error("/Lang written without a language")
	}
}

func TestRenderWritesBytes(t *testing.T) {
	var w bytes.Buffer
	d := receipt()
	if err := Render(&w, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Bytes(), render(t, d)) {
		t.Error("Render and Bytes differ")
	}
}
