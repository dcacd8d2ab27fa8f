package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"rathaus/internal/catalog"
)

func TestEuro(t *testing.T) {
	for _, c := range []struct {
		lang  string
		cents int64
		want  string
	}{
		{"de", 3700, "37,00 €"},
		{"en", 3700, "€37.00"},
		{"de", 5, "0,05 €"},
		{"de", 123456, "1.234,56 €"},
		{"en", 123456789, "€1,234,567.89"},
		{"de", -250, "-2,50 €"},
	} {
		if got := euro(c.lang, c.cents); got != c.want {
			t.Errorf("euro(%s, %d) = %q, want %q", c.lang, c.cents, got, c.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	got := paragraphs("Eins\nnoch eins\r\n\r\n\n  Zwei  \n\n")
	if !slices.Equal(got, []string{"Eins\nnoch eins", "Zwei"}) {
		t.Errorf("paragraphs = %q", got)
	}
}

func TestServicePage(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	res := e.get(fmt.Sprintf("/leistungen/%d", e.ids["perso"]))
	wantStatus(t, res, http.StatusOK)
	doc := res.doc
	if got := texts(doc, "main h1"); !slices.Equal(got, []string{"Personalausweis beantragen"}) {
		t.Errorf("h1 = %q", got)
	}
	for _, h := range []string{"Was ist das?", "Wer kann das beantragen?", "Was brauche ich?", "Was kostet das?",
		"Wie lange dauert es?", "Wo?", "Rechtsgrundlage", "Leichte Sprache", "Jetzt erledigen"} {
		if !slices.Contains(texts(doc, "main h2"), h) {
			t.Errorf("no section %q; sections: %q", h, texts(doc, "main h2"))
		}
	}
	if got := texts(doc, "main .app-documents li"); !slices.Equal(got, []string{"Biometrisches Passfoto", "Bisheriger Ausweis"}) {
		t.Errorf("documents = %q", got)
	}
	if got := texts(doc, "main .app-fees dd"); !slices.Equal(got, []string{"37,00 €", "22,80 €"}) {
		t.Errorf("fees = %q", got)
	}
	office := query(doc, fmt.Sprintf("main a[href='/standorte/%d']", e.ids["buergerbuero"]))
	if office == nil || text(office) != "Bürgerbüro Jena" {
		t.Errorf("no link to the office")
	}
	if got := text(query(doc, "main .app-offices .app-open")); got != "Jetzt geöffnet bis 18:00 Uhr" {
		t.Errorf("open now = %q", got)
	}
	if query(doc, "main a.kern-btn[href='https://termine.jena.example/ausweis']") == nil {
		t.Error("no appointment button")
	}
	if query(doc, "main a.kern-btn[href^='https://online']") != nil {
		t.Error("an online button for a service without online application")
	}
	if query(doc, "main a[href='https://www.gesetze-im-internet.de/pauswg/__9.html']") == nil {
		t.Error("legal basis without its link")
	}
	easy := query(doc, "details.app-details")
	if easy == nil || query(easy, "summary") == nil || query(easy, "[lang=de]") == nil {
		t.Error("Leichte Sprache is not a details/summary with lang=de")
	}
	if query(doc, fmt.Sprintf("main a[href='/leistungen/%d/druck']", e.ids["perso"])) == nil {
		t.Error("no link to the print view")
	}
	if got := texts(doc, "nav.app-breadcrumb li"); !slices.Equal(got, []string{"Startseite", "Leistungen finden", "Personalausweis beantragen"}) {
		t.Errorf("breadcrumb = %q", got)
	}
}

func TestServicePageOnlineAndEnglish(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	res := e.do(newRequest("GET", fmt.Sprintf("/leistungen/%d", e.ids["anmeldung"]), "en"))
	wantStatus(t, res, http.StatusOK)
	if query(res.doc, "main a.kern-btn[href='https://online.jena.example/anmeldung']") == nil {
		t.Error("no online button")
	}
	if got := texts(res.doc, "main .app-fees dd"); !slices.Equal(got, []string{"free of charge"}) {
		t.Errorf("fees = %q", got)
	}
	if !strings.Contains(text(query(res.doc, "main")), "available online") {
		t.Error("no online badge")
	}
	hund := e.do(newRequest("GET", fmt.Sprintf("/leistungen/%d", e.ids["hund"]), "en"))
	if got := texts(hund.doc, "main .app-fees dd"); !slices.Equal(got, []string{"€90.00 to €600.00"}) {
		t.Errorf("fee range = %q", got)
	}
}

func TestServicePageNotFound(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	for _, path := range []string{
		fmt.Sprintf("/leistungen/%d", e.ids["archiviert"]),
		fmt.Sprintf("/leistungen/%d/druck", e.ids["archiviert"]),
		"/leistungen/999999",
		"/leistungen/abc",
	} {
		if res := e.get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
}

func TestServicePrintView(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	res := e.get(fmt.Sprintf("/leistungen/%d/druck", e.ids["perso"]))
	wantStatus(t, res, http.StatusOK)
	if query(res.doc, "nav") != nil || query(res.doc, "header") != nil || query(res.doc, "footer") != nil {
		t.Error("the print view has navigation, header or footer")
	}
	if got := texts(res.doc, "main h1"); !slices.Equal(got, []string{"Personalausweis beantragen"}) {
		t.Errorf("h1 = %q", got)
	}
	if got := texts(res.doc, "main .app-documents li"); len(got) != 2 {
		t.Errorf("documents = %q", got)
	}
	if query(res.doc, "details[open]") == nil {
		t.Error("Leichte Sprache is folded in the print view")
	}
	want := fmt.Sprintf("http://rathaus.test/leistungen/%d", e.ids["perso"])
	if !strings.Contains(text(query(res.doc, ".app-print-source")), want) {
		t.Errorf("print view does not name its address %s", want)
	}
	if lang := attrOf(query(res.doc, "html"), "lang"); lang != "de" {
		t.Errorf("html lang = %q", lang)
	}
}

func TestAZ(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	res := e.get("/leistungen/a-z")
	wantStatus(t, res, http.StatusOK)
	a := query(res.doc, "#buchstabe-a")
	if a == nil {
		t.Fatal("no group A")
	}
	groupA := texts(a.Parent, "li a")
	if want := []string{"Änderung der Fahrzeugdaten", "Anwohnerparkausweis beantragen"}; !slices.Equal(groupA, want) {
		t.Errorf("A = %q, want %q (Ä sorted under A)", groupA, want)
	}
	if query(res.doc, "nav.app-az a[href='#buchstabe-a']") == nil {
		t.Error("letter A is not a link")
	}
	if query(res.doc, "nav.app-az a[href='#buchstabe-q']") != nil {
		t.Error("letter Q links to nothing")
	}
	if got := len(queryAll(res.doc, "nav.app-az li")); got != 26 {
		t.Errorf("%d letters, want 26", got)
	}
	if strings.Contains(text(query(res.doc, "main")), "Geheimer Ausweis") {
		t.Error("archived service in the A-Z")
	}
}

func TestAZInitial(t *testing.T) {
	for name, want := range map[string]string{"Änderung": "A", "Übersicht": "U", "ökologisch": "O", "§ 34": "#", "1. Hilfe": "#", "": "#", "zebra": "Z"} {
		if got := azInitial(name); got != want {
			t.Errorf("azInitial(%q) = %q, want %q", name, got, want)
		}
	}
	groups := azGroups([]*catalog.Service{{Content: catalog.Content{Name: "1. Hilfe"}}, {Content: catalog.Content{Name: "Amt"}}})
	if len(groups) != 2 || groups[0].Letter != "A" || groups[1].Letter != "#" {
		t.Errorf("groups = %+v, want A then #", groups)
	}
}

func TestLifeSituations(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	res := e.get("/lebenslagen")
	wantStatus(t, res, http.StatusOK)
	if got := texts(res.doc, "main .app-cards h2 a"); !slices.Equal(got, []string{"Umzug", "Familie und Kinder"}) {
		t.Errorf("life situations = %q", got)
	}
	one := e.get("/lebenslagen/umzug")
	wantStatus(t, one, http.StatusOK)
	if got := resultNames(one); !slices.Equal(got, []string{"Anwohnerparkausweis beantragen", "Wohnsitz anmelden"}) {
		t.Errorf("services of Umzug = %q", got)
	}
	if got := texts(one.doc, "main h1"); !slices.Equal(got, []string{"Umzug"}) {
		t.Errorf("h1 = %q", got)
	}
	if res := e.get("/lebenslagen/gibt-es-nicht"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown life situation: status %d", res.StatusCode)
	}
}
