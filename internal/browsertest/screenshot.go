package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/chromedp/chromedp"
)

// EnvScreenshotDir names the folder screenshots are written to; by default
// the folder screenshots/ at the repository root (ignored by git).
const EnvScreenshotDir = "RATHAUS_SCREENSHOT_DIR"

// Screenshot saves a PNG of the whole current page as
// <ScreenshotDir>/<test name>-<name>.png and returns its path.
func (b *Browser) Screenshot(name string) string {
	b.t.Helper()
	png := value(b, "take a screenshot", chromedp.FullScreenshot(100))
	path := filepath.Join(ScreenshotDir(), fileName(b.t.Name()+"-"+name)+".png")
	if err := writeFile(path, png); err != nil {
		b.t.Fatalf("browsertest: save screenshot: %v", err)
	}
	return path
}

// ScreenshotDir returns the folder screenshots are written to.
func ScreenshotDir() string {
	if d := os.Getenv(EnvScreenshotDir); d != "" {
		return d
	}
	if root := repoRoot(); root != "" {
		return filepath.Join(root, "screenshots")
	}
	return filepath.Join(os.TempDir(), "rathaus-screenshots")
}

// screenshotOnFailure keeps the last page of a failed test for the person
// who reads the failure.
func (b *Browser) screenshotOnFailure() {
	if !b.t.Failed() || b.ctx.Err() != nil {
		return
	}
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return
	}
	path := filepath.Join(ScreenshotDir(), fileName(b.t.Name()+"-failure")+".png")
	if writeFile(path, png) == nil {
		b.t.Logf("browsertest: screenshot of the last page: %s", path)
	}
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

func fileName(s string) string { return unsafeChars.ReplaceAllString(s, "_") }
