package web

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"rathaus/internal/browsertest"
)

// miwgPath is the MIWG model the browser test uploads.
const miwgPath = "../../../shared/data/bpmn/miwg-reference/A.2.0.bpmn"

// TestWorkshopModelPagesInBrowser walks the model pages in headless
// Chromium in both languages with axe-core on every page: the list (an
// import without a file first, then A.2.0), the model page, the
// annotation editor filled by keyboard alone (and once with an error),
// discovery from the fixture's log, conformance with the alignments, the
// digitisation check, the deletion's confirmation and the what-if
// simulation. Every form is a plain form that needs no JavaScript.
func TestWorkshopModelPagesInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	miwg(t, "A.2.0.bpmn") // skips without the shared data
	file, err := filepath.Abs(miwgPath)
	if err != nil {
		t.Fatal(err)
	}
	e := newModelEnv(t)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		citizenLogin(t, b, e.owner.Email)
		b.Navigate("/lang?to=" + lang + "&back=/")

		if status := b.Navigate("/amt/prozesse/modelle"); status != 200 {
			t.Fatalf("%s: list status %d", lang, status)
		}
		b.Axe()
		b.ClickAndWait("form#import-form button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-file']") {
			t.Errorf("%s: an import without a file has no error", lang)
		}
		b.Axe()
		b.Upload("#field-file", file)
		b.Fill("#field-name", "A.2.0 "+lang)
		submitByKeyboard(t, b, "form#import-form button[type=submit]")
		if n := b.Count("table#steps tbody tr"); n != 4 {
			t.Fatalf("%s: the imported model shows %d steps at %s, want 4", lang, n, b.URL())
		}
		if !b.Exists(".wm-diagram svg[role=img] g.bpmn-task") {
			t.Errorf("%s: no diagram", lang)
		}
		b.Axe()
		b.Screenshot("workshop-model-" + lang)
		modelPage := b.URL()

		b.ClickAndWait("table#steps tbody tr:first-child a")
		annotateByKeyboard(t, b, lang)
		if !b.Exists("g.wm-obstacle") || !strings.Contains(b.Text("table#steps tbody tr:first-child"), "2") {
			t.Errorf("%s: after saving, the step is not marked: %s", lang, b.URL())
		}
		b.Axe()

		b.ClickAndWait("table#steps tbody tr:nth-child(2) a")
		b.Click("#field-automated")
		b.Click("#field-discretion")
		submitByKeyboard(t, b, "form#step-form button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-automated']") {
			t.Errorf("%s: automated with discretion has no error", lang)
		}
		b.Axe()
		b.Screenshot("workshop-step-error-" + lang)

		b.Navigate(strings.TrimPrefix(modelPage, srv.URL) + "/digitalcheck")
		if !strings.Contains(b.Text("main"), "§ 3a VwVfG") {
			t.Errorf("%s: the check does not name § 3a VwVfG", lang)
		}
		b.Axe()
		b.Screenshot("workshop-check-" + lang)
		b.Navigate(strings.TrimPrefix(modelPage, srv.URL) + "/loeschen")
		b.Axe()

		b.Navigate("/amt/prozesse/modelle")
		b.SetValue("#field-d_source", "case:9")
		submitByKeyboard(t, b, "form#discover-form button[type=submit]")
		if n := b.Count("table#steps tbody tr"); n != 7 {
			t.Fatalf("%s: the discovered model has %d steps, want 7", lang, n)
		}
		b.ClickAndWait("ul.wm-actions a[href$='/konformitaet']")
		if got := b.Text("#fitness"); !strings.HasPrefix(got, "100") {
			t.Errorf("%s: the discovered model's fitness is %q", lang, got)
		}
		b.Axe()
		b.ClickAndWait("#align-link")
		if !b.Exists("#align-summary") {
			t.Errorf("%s: no alignment summary", lang)
		}
		b.Axe()
		b.Screenshot("workshop-conformance-" + lang)

		simulateStart(t, b, e, lang)
	}
}

// annotateByKeyboard fills the editor of the first step with the keyboard
// only: the legal basis typed, the written form chosen with the arrow
// keys, personal appearance ticked with the space bar, the form sent with
// Enter; the model page then has the saved step.
func annotateByKeyboard(t *testing.T, b *browsertest.Browser, lang string) {
	t.Helper()
	b.Axe()
	ctx, cancel := context.WithTimeout(b.Context(), 20*time.Second)
	defer cancel()
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.Focus(chromedp.CSS("#field-legal_basis")), chromedp.KeyEvent("§ 6 BMG"),
		chromedp.Focus(chromedp.CSS("#field-form")), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown),
		chromedp.Focus(chromedp.CSS("#field-personal_appearance")), chromedp.KeyEvent(" "),
	}
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: typing into the editor: %v", lang, err)
	}
	if !b.Exists("#field-form-written:checked") || !b.Exists("#field-personal_appearance:checked") {
		t.Fatalf("%s: the keyboard did not choose the written form and personal appearance", lang)
	}
	submitByKeyboard(t, b, "form#step-form button[type=submit]")
	if !b.Exists("table#steps") {
		t.Fatalf("%s: saving did not return to the model: %s", lang, b.URL())
	}
}

// simulateStart takes "start" out in the simulation form.
func simulateStart(t *testing.T, b *browsertest.Browser, e *workshopEnv, lang string) {
	t.Helper()
	l, _, err := e.ws.Log(context.Background(), workshopActor(e.owner), "case:9")
	if err != nil {
		t.Fatal(err)
	}
	idx := -1
	for i, a := range l.Activities {
		if a == "start" {
			idx = i
		}
	}
	b.Navigate("/amt/prozesse/protokolle/case:9/simulation")
	b.Axe()
	b.SetValue("#field-a"+strconv.Itoa(idx), "remove")
	submitByKeyboard(t, b, "form#sim-form button[type=submit]")
	if b.Count("table#result tbody tr") != 3 || !b.Exists("figure svg[role=img]") {
		t.Errorf("%s: no simulation result at %s", lang, b.URL())
	}
	b.Axe()
	b.Screenshot("workshop-simulation-" + lang)
}

// submitByKeyboard focuses a form's button and presses Enter, waiting for
// the next page; unlike a mouse click it cannot miss a button that a
// focused error summary has just scrolled away.
func submitByKeyboard(t *testing.T, b *browsertest.Browser, button string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Context(), 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(button))); err != nil {
		t.Fatalf("focus %s: %v", button, err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatalf("Enter on %s at %s: %v", button, b.URL(), err)
	}
}
