package e2e

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"rathaus/internal/browsertest"
)

var update = flag.Bool("update", false, "write the home page screenshot to docs/screenshot.png")

const city = "Stadt Jena"

// TestShell checks what every visitor meets first: the language switch,
// the skip link, the pages on a phone, and takes the screenshots.
func TestShell(t *testing.T) {
	a := start(t, filepath.Join(t.TempDir(), "shell.db"), true)
	b := browsertest.New(t)
	b.BaseURL = a.URL

	// Screenshots first, before any link is visited.
	t.Run("screenshots", func(t *testing.T) { screenshots(t, b.For(t)) })
	t.Run("language switch", func(t *testing.T) { languageSwitch(t, b.For(t)) })
	t.Run("skip link", func(t *testing.T) { skipLink(t, b.For(t)) })
	t.Run("phone", func(t *testing.T) {
		phone := browsertest.New(t, browsertest.WithWindowSize(375, 812))
		phone.BaseURL = a.URL
		emulate(t, phone, 375, 812, true)
		for _, p := range []struct{ path, name string }{{"/", "home"}, {"/login", "login"}} {
			phone.Navigate(p.path)
			if w := eval[int](phone, "window.innerWidth"); w != 375 {
				t.Fatalf("viewport is %dpx wide, want 375", w)
			}
			if w := eval[[2]int](phone, `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`); w[0] > w[1] {
				t.Errorf("%s on a 375px wide screen scrolls sideways: content %dpx wide", p.path, w[0])
			}
			phone.Screenshot(p.name)
		}
	})
	b.For(t).NoConsoleErrors()
}

// languageSwitch switches a German page to English and back with the
// links in the navigation; the choice holds on the next page.
func languageSwitch(t *testing.T, b *browsertest.Browser) {
	b.Navigate("/")
	wantPage(t, b, "de", tr("de", "home.heading", city))
	if got := b.Text("a.app-lang[hreflang=en]"); got != "English" {
		t.Errorf("language link = %q, want English", got)
	}
	b.ClickAndWait("a.app-lang[hreflang=en]")
	wantPage(t, b, "en", tr("en", "home.heading", city))

	b.Navigate("/impressum")
	wantPage(t, b, "en", tr("en", "imprint.title"))

	if got := b.Text("a.app-lang[hreflang=de]"); got != "Deutsch" {
		t.Errorf("language link = %q, want Deutsch", got)
	}
	b.ClickAndWait("a.app-lang[hreflang=de]")
	wantPage(t, b, "de", tr("de", "imprint.title"))
	if got := path(b, b.BaseURL); got != "/impressum" {
		t.Errorf("after switching back the page is %s, want /impressum", got)
	}
	b.Navigate("/")
	wantPage(t, b, "de", tr("de", "home.heading", city))
}

// wantPage checks the language of the page and its heading.
func wantPage(t *testing.T, b *browsertest.Browser, lang, h1 string) {
	t.Helper()
	if got := htmlLang(b); got != lang {
		t.Errorf("%s: html lang = %q, want %q", path(b, b.BaseURL), got, lang)
	}
	if got := b.Text("h1"); got != h1 {
		t.Errorf("%s: h1 = %q, want %q", path(b, b.BaseURL), got, h1)
	}
}

// skipLink presses Tab on a fresh page: the skip link comes first and is
// visible; Enter on it moves the focus to the main content.
func skipLink(t *testing.T, b *browsertest.Browser) {
	b.Navigate("/")
	press(t, b, kb.Tab)
	if got := focused(b); got != "a.app-skip-link" {
		t.Fatalf("first Tab focuses %q, want the skip link", got)
	}
	if got, want := b.Text("a.app-skip-link"), tr("de", "layout.skip"); got != want {
		t.Errorf("skip link text = %q, want %q", got, want)
	}
	if !eval[bool](b, `(r => r.width > 1 && r.height > 1 && r.top >= 0 && r.left >= 0)(document.activeElement.getBoundingClientRect())`) {
		t.Errorf("the focused skip link is not visible on screen")
	}
	press(t, b, kb.Enter)
	if got := focused(b); got != "main" {
		t.Errorf("after following the skip link the focus is on %q, want main", got)
	}
}

// press types one key into the page.
func press(t *testing.T, b *browsertest.Browser, key string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Context(), 5*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
		t.Fatalf("press %q: %v", key, err)
	}
}

// screenshots saves the German home and login pages (the account page is
// taken in TestAccountFlow); with -update the home page at 1280×900 also
// becomes docs/screenshot.png, the picture in the README.
func screenshots(t *testing.T, b *browsertest.Browser) {
	b.Navigate("/")
	b.Screenshot("home-de")
	if *update {
		updateReadmeScreenshot(t, b)
	}
	b.Navigate("/login")
	b.Screenshot("login-de")
}

// emulate makes the viewport exactly width×height CSS pixels, as on a
// phone when mobile is set. The window size alone does not do: a headless
// window gets no narrower than about 500 pixels, and the scroll bar takes
// its share.
func emulate(t *testing.T, b *browsertest.Browser, width, height int64, mobile bool) {
	t.Helper()
	scale := 1.0
	if mobile {
		scale = 2
	}
	ctx, cancel := context.WithTimeout(b.Context(), 5*time.Second)
	defer cancel()
	_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride,
		emulation.SetDeviceMetricsOverrideParams{Width: width, Height: height, DeviceScaleFactor: scale, Mobile: mobile})
	if err != nil {
		t.Fatalf("emulate a %dx%d screen: %v", width, height, err)
	}
}

// updateReadmeScreenshot writes what the first 1280×900 pixels of the
// current page show to docs/screenshot.png.
func updateReadmeScreenshot(t *testing.T, b *browsertest.Browser) {
	emulate(t, b, 1280, 900, false)
	ctx, cancel := context.WithTimeout(b.Context(), 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if _, err := chromedp.Call(ctx, emulation.ClearDeviceMetricsOverride, cdp.Empty{}); err != nil {
		t.Fatalf("end the 1280x900 screen: %v", err)
	}
	if err := os.WriteFile(filepath.Join("..", "..", "docs", "screenshot.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Log("wrote docs/screenshot.png")
}
