package web

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"rathaus/internal/browsertest"
)

// TestWorkshopLogPagesInBrowser walks the workshop's log pages in
// headless Chromium in both languages with axe-core on every page: the
// home, the import (an error first, then the running example), the
// overview, the process map (its sliders worked by keyboard), variants,
// activities, bottlenecks, rework, deadlines and workload, and the filter
// without JavaScript's help (a plain GET form).
func TestWorkshopLogPagesInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newWorkshopEnv(t)
	readRunningExample(t)
	xes, err := filepath.Abs(runningExampleXES)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	base := "/amt/prozesse/protokolle/case:9"

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		citizenLogin(t, b, e.owner.Email)
		b.Navigate("/lang?to=" + lang + "&back=/")

		if status := b.Navigate("/amt/prozesse"); status != 200 {
			t.Fatalf("%s: home status %d", lang, status)
		}
		if b.Count("table#sources tbody tr") < 2 {
			t.Errorf("%s: the home lists %d sources", lang, b.Count("table#sources tbody tr"))
		}
		b.Axe()
		b.Screenshot("workshop-home-" + lang)

		b.Navigate("/amt/prozesse/import")
		b.Axe()
		b.ClickAndWait("main form[action='/amt/prozesse/import'] button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-file']") {
			t.Errorf("%s: an import without a file has no error", lang)
		}
		b.Axe()
		b.Upload("#field-file", xes)
		b.Fill("#field-name", "Laufbeispiel "+lang)
		b.ClickAndWait("main form[action='/amt/prozesse/import'] button[type=submit]")
		if !strings.Contains(b.URL(), "/amt/prozesse/protokolle/log:") || b.Text("[data-figure=cases]") != "6" {
			t.Errorf("%s: after the import at %s with %q cases", lang, b.URL(), b.Text("[data-figure=cases]"))
		}
		b.Axe() // with the flash

		b.Navigate(base)
		b.Axe()
		b.Click("section[aria-labelledby=hist-heading] details summary")
		b.Axe() // the histogram's table open
		b.Screenshot("workshop-overview-" + lang)

		workshopMapByKeyboard(t, b, base+"/dfg", lang)

		for _, sub := range []string{"varianten", "aktivitaeten", "engpaesse", "schleifen", "fristen?frist=10", "auslastung"} {
			if status := b.Navigate(base + "/" + sub); status != 200 {
				t.Errorf("%s: %s status %d", lang, sub, status)
				continue
			}
			b.Axe()
		}
		b.Screenshot("workshop-workload-" + lang)

		// The filter: a plain GET form inside <details>.
		b.Navigate(base + "/varianten")
		b.Click("details.app-ws-filter summary")
		b.SetValue("#field-aktivitaet", "ask")
		b.ClickAndWait("details.app-ws-filter form button[type=submit]")
		if !b.Exists("#filter-note") || b.Count("table#variants tbody tr") != 1 {
			t.Errorf("%s: filtered variants at %s: %d rows", lang, b.URL(), b.Count("table#variants tbody tr"))
		}
		b.Axe()
		b.Screenshot("workshop-variants-" + lang)
		b.ClickAndWait("nav.app-ws-sections a[href*='engpaesse']")
		if !strings.Contains(b.URL(), "aktivitaet=ask") {
			t.Errorf("%s: the filter is lost on the way to %s", lang, b.URL())
		}
		b.Axe()
	}
	workshopMapWithoutScript(t, srv.URL, e.owner.Email, base+"/dfg")
}

// workshopMapWithoutScript works the process map with JavaScript off: the
// slider moves by keyboard (its value beside it stays until the form is
// sent) and the button, pressed by keyboard, redraws the map. Scripts are
// switched on only to read the page (the test's own reading needs them).
func workshopMapWithoutScript(t *testing.T, baseURL, email, path string) {
	t.Helper()
	b := browsertest.New(t)
	b.BaseURL = baseURL
	citizenLogin(t, b, email)
	b.Navigate(path)
	before := b.Count("table#dfg-edges tbody tr")
	ctx, cancel := context.WithTimeout(b.Context(), 30*time.Second)
	defer cancel()
	scripts := func(off bool) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off})
			return chromedp.Void{}, err
		}
	}
	if err := chromedp.Do(ctx, scripts(true)); err != nil {
		t.Fatalf("switch scripts off: %v", err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Navigate(b.BaseURL+path)); err != nil {
		t.Fatalf("open the map without scripts: %v", err)
	}
	keys := []chromedp.Action[chromedp.Void]{chromedp.Focus(chromedp.CSS("#field-aktivitaeten"))}
	for range 10 {
		keys = append(keys, chromedp.KeyEvent(kb.ArrowLeft))
	}
	if err := chromedp.Do(ctx, keys...); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, scripts(false)); err != nil {
		t.Fatal(err)
	}
	if got := b.Text("#out-aktivitaeten"); got != "100 %" {
		t.Errorf("without JavaScript the value beside the slider changed to %q: were the scripts off?", got)
	}
	if got := b.Attr("#field-aktivitaeten", "value"); got != "100" {
		t.Logf("slider attribute %q (the property holds the moved value)", got)
	}
	if err := chromedp.Do(ctx, scripts(true), chromedp.Focus(chromedp.CSS("#dfg-show"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatalf("Enter on the map's button without scripts: %v", err)
	}
	if err := chromedp.Do(ctx, scripts(false)); err != nil {
		t.Fatal(err)
	}
	if got := b.Text("#out-aktivitaeten"); got != "50 %" || b.Count("table#dfg-edges tbody tr") >= before {
		t.Errorf("without JavaScript: slider %q, paths %d → %d", got, before, b.Count("table#dfg-edges tbody tr"))
	}
	// axe-core needs scripts; the same page was checked with them above.
}

// workshopMapByKeyboard opens the process map, moves the activity slider
// by keyboard from 100 % to 50 % and applies it with the keyboard: the map
// then shows fewer paths.
func workshopMapByKeyboard(t *testing.T, b *browsertest.Browser, path, lang string) {
	t.Helper()
	b.Navigate(path)
	b.Axe()
	before := b.Count("table#dfg-edges tbody tr")
	ctx, cancel := context.WithTimeout(b.Context(), 20*time.Second)
	defer cancel()
	keys := []chromedp.Action[chromedp.Void]{chromedp.Focus(chromedp.CSS("#field-aktivitaeten"))}
	for range 10 {
		keys = append(keys, chromedp.KeyEvent(kb.ArrowLeft))
	}
	if err := chromedp.Do(ctx, keys...); err != nil {
		t.Fatalf("%s: keys on the slider: %v", lang, err)
	}
	if got := b.Text("#out-aktivitaeten"); got != "50 %" {
		t.Errorf("%s: the slider's value shows %q after ten steps left, want 50 %%", lang, got)
	}
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#dfg-show"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatalf("%s: Enter on the map's button: %v", lang, err)
	}
	if !strings.Contains(b.URL(), "aktivitaeten=50") {
		t.Errorf("%s: the map's form sent %s", lang, b.URL())
	}
	if after := b.Count("table#dfg-edges tbody tr"); after >= before || b.Count("svg#dfg g.app-ws-node") != 6 {
		t.Errorf("%s: paths %d → %d, drawn nodes %d (want 4 activities with start and end)", lang, before, after, b.Count("svg#dfg g.app-ws-node"))
	}
	b.Axe()
	b.Screenshot("workshop-dfg-" + lang)
}
