package dldb

import (
	"strings"
	"testing"
)

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", ""},
		{"plain text kept", "Die Beratung ist kostenlos.", "Die Beratung ist kostenlos."},
		{"plain text lines", "Für ein Jahr: 150 Euro\r\n\r\nunbefristet:  270 Euro", "Für ein Jahr: 150 Euro\n\nunbefristet: 270 Euro"},
		{"paragraphs", "<p>Erster  Absatz.</p>\n<p>Zweiter\nAbsatz.</p>", "Erster Absatz.\n\nZweiter Absatz."},
		{"zero-width space and nbsp", "<p>\u200bSie haben&nbsp;ein Gewerbe.</p>", "Sie haben ein Gewerbe."},
		{"inline markup", "<p>vor <strong>oder spätestens</strong> mit Aufnahme</p>", "vor oder spätestens mit Aufnahme"},
		{"link text kept", `<p>ein breites <a href="https://x.example/">Beratungs- und Informationsangebot</a>.</p>`, "ein breites Beratungs- und Informationsangebot."},
		{"entities", "<p>Kfz &amp; Anh&auml;nger &lt;3,5 t</p>", "Kfz & Anhänger <3,5 t"},
		{"line break", "<p>Zeile eins<br>Zeile zwei<br></p>", "Zeile eins\nZeile zwei"},
		{"two breaks start a paragraph", "<p>29 Euro<br><br>Darin enthalten ist die Beglaubigung.</p>", "29 Euro\n\nDarin enthalten ist die Beglaubigung."},
		{"list", "<p>Bitte mitbringen:</p><ul><li>Ausweis</li>\n <li>Foto</li></ul><p>Danach</p>", "Bitte mitbringen:\n\n- Ausweis\n- Foto\n\nDanach"},
		{"ordered list", "<ol><li><strong>Anmeldung starten</strong></li><li>Online zahlen</li></ol>", "- Anmeldung starten\n- Online zahlen"},
		{"break inside item", "<ul><li><strong>Mit BayernID anmelden</strong>\n  <br>\n  Wenn Sie noch keine haben.</li></ul>", "- Mit BayernID anmelden\n  Wenn Sie noch keine haben."},
		{"paragraph inside item", "<ul><li><p>Eins</p></li><li><p>Zwei</p></li></ul>", "- Eins\n- Zwei"},
		{"nested list", "<ul><li>Fahrschulerlaubnis:<ul><li>natürliche Personen</li><li>juristische Personen</li></ul></li><li>Zweigstelle</li></ul>",
			"- Fahrschulerlaubnis:\n  - natürliche Personen\n  - juristische Personen\n- Zweigstelle"},
		{"text after nested list continues the item", "<ul><li>A<ul><li>a1</li></ul>weiter</li></ul>", "- A\n  - a1\n  weiter"},
		{"empty items and paragraphs dropped", "<p></p><ul><li> </li><li>x</li></ul><p><br></p>", "- x"},
		{"script dropped", "<p>Text</p><script>alert(1)</script><style>p{}</style>", "Text"},
		{"heading", "<h3>Unterlagen</h3><p>Pass</p>", "Unterlagen\n\nPass"},
		{"div soup", "<div>A<div>B</div>C</div>", "A\n\nB\n\nC"},
		{"unclosed tags", "<p>A<p>B<li>C", "A\n\nB\n\n- C"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := PlainText(tc.in); got != tc.want {
				t.Errorf("PlainText(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	long := "Dies ist ein langer erster Satz über die Anmeldung eines Gewerbes in der Stadt, der viele Einzelheiten nennt. " +
		"Der zweite Satz erklärt, wer die Anmeldung vornehmen muss und bis wann das geschehen sollte, damit keine Nachteile entstehen. " +
		"Der dritte Satz ist zu viel, denn er spricht noch über Gebühren, Unterlagen und alles Weitere."
	for _, tc := range []struct{ name, in, want string }{
		{"first paragraph", "Kurz.\n\nMehr.", "Kurz."},
		{"list first", "- Punkt\n- Punkt", ""},
		{"long cut at sentence", long, long[:strings.Index(long, "Der dritte")-1]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := summary(tc.in); got != tc.want {
				t.Errorf("summary:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}
