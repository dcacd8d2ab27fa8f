package web

import (
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/browsertest"
)

// TestReportsInBrowser walks the report flow in headless Chromium in both
// languages with axe-core on every state: step 1 empty and with errors,
// step 2 offering the report nearby and with an error, the confirmation,
// the list with its map, and a report's page.
func TestReportsInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newReportsEnv(t)
	first := e.submit(t, "schlagloch", marktLat, marktLong, "Tiefes Loch am Markt")
	e.submit(t, "muell", 50.94, 11.60, "Sperrmüll")
	photo, err := filepath.Abs("../photo/testdata/nikon-d2h-gps.jpg")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	pothole := "#field-category-" + strconv.FormatInt(e.cats["schlagloch"].ID, 10)

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/lang?to=" + lang + "&back=/melden")
		if !b.Exists(pothole) {
			t.Fatalf("%s: /melden offers no pothole category", lang)
		}
		b.Axe()
		b.ClickAndWait("main form[action='/melden/ort'] button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-category']") || !b.Exists("#error-summary a[href='#field-location']") {
			t.Fatalf("%s: empty step 1 shows no errors", lang)
		}
		b.Axe()
		b.Check(pothole)
		b.Fill("#field-location", "50.92795")
		b.Fill("#field-long", "11.59008")
		b.ClickAndWait("main form[action='/melden/ort'] button[type=submit]")
		if !b.Exists("main form[action='/meldungen/" + first.Reference + "/unterstuetzen']") {
			t.Fatalf("%s: step 2 does not offer the report nearby: %s", lang, b.Text("main"))
		}
		b.Axe()
		b.Fill("#field-description", "Noch ein Loch")
		b.Fill("#field-email", "kein-at")
		b.ClickAndWait("main form[action='/melden'] button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-email']") {
			t.Fatalf("%s: a bad e-mail address shows no error", lang)
		}
		b.Axe()
		b.Fill("#field-email", "erika@example.org")
		b.Upload("#field-photos", photo)
		b.ClickAndWait("main form[action='/melden'] button[type=submit]")
		if !strings.Contains(b.URL(), "/melden/fertig/M-2026-") {
			t.Fatalf("%s: not confirmed, at %s: %s", lang, b.URL(), b.Text("main"))
		}
		b.Axe()

		b.Navigate("/meldungen")
		if !b.Exists("main svg a[href='/meldungen/" + first.Reference + "']") {
			t.Fatalf("%s: the map has no link to %s", lang, first.Reference)
		}
		b.Axe()
		b.ClickAndWait("main table a[href='/meldungen/" + first.Reference + "']")
		b.Axe()
		b.ClickAndWait("main form[action='/meldungen/" + first.Reference + "/unterstuetzen'] button[type=submit]")
		b.Axe() // with the flash
	}
}
