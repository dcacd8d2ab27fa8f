package web

import (
	"context"
	"net/http/httptest"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"rathaus/internal/browsertest"
)

// TestReportLocateInBrowser: "Meinen Standort verwenden" on /melden fills
// the coordinates from the device's position once the citizen allows it
// (the site's Permissions-Policy must allow geolocation for itself), and
// the report goes on with them.
func TestReportLocateInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newReportsEnv(t)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	b := browsertest.New(t)
	b.BaseURL = srv.URL
	lat, long, acc := 50.9301234, 11.5887654, 8.0
	err := chromedp.Do(b.Context(), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, chromedp.FromContext(ctx).Browser, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: "geolocation"}, Setting: cdpbrowser.PermissionSettingGranted}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, emulation.SetGeolocationOverride,
			emulation.SetGeolocationOverrideParams{Latitude: &lat, Longitude: &long, Accuracy: &acc})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	b.Navigate("/melden")
	if !b.Exists("#reports-locate:not([hidden]) [data-locate]") {
		t.Fatal("no position button with JavaScript on")
	}
	b.Click("[data-locate]")
	waitFor(t, b, "position filled in", `document.getElementById("field-location").value !== ""`)
	if got := browsertest.Eval[string](b, `document.getElementById("field-location").value + " " + document.getElementById("field-long").value`); got != "50.930123 11.588765" {
		t.Errorf("coordinates %q, want the device's 50.930123 11.588765", got)
	}
	if got := b.Text("#reports-locate-status"); got == "" || got == "Ihr Standort konnte nicht bestimmt werden." {
		t.Errorf("status %q", got)
	}
}
