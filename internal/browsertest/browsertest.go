// Package browsertest drives a real headless Chromium from Go tests, with
// helpers for the steps a user takes (open a page, fill a field, click,
// read text) and an axe-core accessibility check.
//
// A test that needs a browser starts with New. Without Chromium on the
// machine the test is skipped with a message saying so, unless
// RATHAUS_REQUIRE_BROWSER=1 is set (as `make test` and CI do), which turns
// the skip into a failure:
//
//	b := browsertest.New(t)
//	b.BaseURL = srv.URL
//	b.Navigate("/login")
//	b.Fill("#email", "ada@example.org")
//	b.ClickAndWait("button[type=submit]")
//	b.Axe()
//
// Every helper fails the test with a readable message when its step fails,
// so a test reads as the list of steps. For anything else, Context gives the
// chromedp context of the tab.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Environment variables that change how browser tests run.
const (
	// EnvRequire set to 1 makes a missing Chromium or axe-core fail the
	// test instead of skipping it.
	EnvRequire = "RATHAUS_REQUIRE_BROWSER"
	// EnvChromium names the Chromium binary; by default /usr/bin/chromium or
	// the first of chromium, chromium-browser, google-chrome on PATH.
	EnvChromium = "RATHAUS_CHROMIUM"
)

// DefaultTimeout bounds every single step of a Browser.
const DefaultTimeout = 15 * time.Second

// Browser is one headless Chromium process with one tab, owned by one test.
// It has its own profile, so its cookies are its own: two Browsers in one
// test are two users.
type Browser struct {
	// BaseURL is put in front of URLs passed to Navigate that start with "/".
	BaseURL string
	// Timeout bounds every step; New sets DefaultTimeout.
	Timeout time.Duration

	t       testing.TB
	ctx     context.Context
	console *consoleLog
}

// Option changes how New starts the browser.
type Option func(*settings)

type settings struct {
	lang          string
	width, height int
}

// WithLanguage sets the browser's languages (its Accept-Language header),
// e.g. "de-DE,de" or "en-US,en".
func WithLanguage(lang string) Option {
	return func(s *settings) { s.lang = lang }
}

// WithWindowSize sets the size of the browser window in CSS pixels; the
// default is 1280×900.
func WithWindowSize(width, height int) Option {
	return func(s *settings) { s.width, s.height = width, height }
}

// New starts a headless Chromium with a new, empty profile and opens a
// blank tab. The browser stops when the test ends; if the test failed, a
// screenshot of the last page is saved first (see ScreenshotDir).
func New(t testing.TB, opts ...Option) *Browser {
	t.Helper()
	s := settings{lang: "de-DE,de", width: 1280, height: 900}
	for _, o := range opts {
		o(&s)
	}
	path := chromiumPath()
	if path == "" {
		unavailable(t, "no Chromium found (install Debian's chromium package or set "+EnvChromium+")")
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), allocatorOptions(path, s)...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		acancel()
	})
	b := &Browser{Timeout: DefaultTimeout, t: t, ctx: ctx}
	b.start()
	b.console = watchConsole(ctx)
	t.Cleanup(b.screenshotOnFailure)
	return b
}

func allocatorOptions(path string, s settings) []chromedp.ExecAllocatorOption {
	// The flags beyond chromedp's defaults keep Chromium from reaching out
	// to the network, which is closed on CI machines.
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", s.lang),
		chromedp.Flag("accept-lang", s.lang),
		chromedp.WindowSize(s.width, s.height),
	)
}

// start launches the browser. Its lifetime is bound to the context of this
// first call, so it gets no timeout; a watchdog fails the test instead.
func (b *Browser) start() {
	b.t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- chromedp.Do(b.ctx) }()
	select {
	case err := <-errc:
		if err != nil {
			b.t.Fatalf("browsertest: Chromium did not start: %v", err)
		}
	case <-time.After(60 * time.Second):
		b.t.Fatalf("browsertest: Chromium did not start within 60s")
	}
}

// For returns a copy of b that reports failures to t, for use in subtests:
//
//	t.Run("login", func(t *testing.T) { b := b.For(t); ... })
func (b *Browser) For(t testing.TB) *Browser {
	c := *b
	c.t = t
	return &c
}

// Context returns the chromedp context of the browser's tab, for steps the
// helpers do not cover. Bound it with context.WithTimeout per step.
func (b *Browser) Context() context.Context { return b.ctx }

var pathOnce = sync.OnceValue(func() string {
	if p := os.Getenv(EnvChromium); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
})

func chromiumPath() string { return pathOnce() }

// unavailable skips the test because something it needs is missing, or
// fails it when EnvRequire says the suite must run.
func unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv(EnvRequire) == "1" {
		t.Fatalf("browsertest: %s; %s=1 requires the browser suites to run", why, EnvRequire)
		return
	}
	t.Skip(fmt.Sprintf("browsertest: %s; skipping the browser test (`make test` installs it; set %s=1 to fail instead)", why, EnvRequire))
}
