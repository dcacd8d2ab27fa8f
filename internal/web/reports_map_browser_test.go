package web

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"rathaus/internal/browsertest"
)

// tileServer is the city's tile server in a test: it draws a 256×256 PNG
// for any /{z}/{x}/{y}.png and remembers what was asked.
type tileServer struct {
	*httptest.Server
	mu    sync.Mutex
	paths []string
}

func newTileServer(t testing.TB) *tileServer {
	ts := &tileServer{}
	ts.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		parts := strings.Split(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".png"), "/")
		if len(parts) != 3 {
			http.NotFound(w, r)
			return
		}
		ts.mu.Lock()
		ts.paths = append(ts.paths, r.URL.Path)
		ts.mu.Unlock()
		z, _ := strconv.Atoi(parts[0])
		img := image.NewRGBA(image.Rect(0, 0, 256, 256))
		for y := range 256 {
			for x := range 256 {
				c := color.RGBA{230, 230, 220, 255}
				if x == 0 || y == 0 {
					c = color.RGBA{uint8(40 * z % 256), 120, 80, 255}
				}
				img.Set(x, y, c)
			}
		}
		var buf bytes.Buffer
		_ = png.Encode(&buf, img)
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write(buf.Bytes())
	}))
	t.Cleanup(ts.Close)
	return ts
}

// requests returns the tile paths asked for so far.
func (ts *tileServer) requests() []string {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]string(nil), ts.paths...)
}

// waitFor polls a JavaScript condition until it is true.
func waitFor(t testing.TB, b *browsertest.Browser, what, cond string) {
	t.Helper()
	for range 100 {
		if browsertest.Eval[bool](b, cond) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: still not after 5 s (%s)", what, cond)
}

// tilesLoaded is true when the map shows tiles and every one has loaded.
const tilesLoaded = `(() => { const ts = [...document.querySelectorAll("#reports-slippy img.app-slippy__tile")];
	return ts.length > 0 && ts.every(i => i.complete && i.naturalWidth === 256); })()`

// foreignOrigins lists the origins of the page's requests other than the
// page's own.
const foreignOrigins = `[...new Set(performance.getEntriesByType("resource").map(e => new URL(e.name).origin))]
	.filter(o => o !== location.origin)`

// coords reads the latitude and longitude fields.
func coords(t testing.TB, b *browsertest.Browser) (float64, float64) {
	t.Helper()
	v := browsertest.Eval[[]string](b, `[document.getElementById("field-location").value, document.getElementById("field-long").value]`)
	lat, err1 := strconv.ParseFloat(v[0], 64)
	long, err2 := strconv.ParseFloat(v[1], 64)
	if err1 != nil || err2 != nil || len(strings.SplitN(v[0], ".", 2)[1]) != 6 || len(strings.SplitN(v[1], ".", 2)[1]) != 6 {
		t.Fatalf("fields %q, want two numbers with 6 decimals", v)
	}
	return lat, long
}

func keys(t testing.TB, b *browsertest.Browser, sel string, ks ...string) {
	t.Helper()
	steps := []chromedp.Action[chromedp.Void]{chromedp.Focus(chromedp.CSS(sel))}
	for _, k := range ks {
		steps = append(steps, chromedp.KeyEvent(k))
	}
	if err := chromedp.Do(b.Context(), steps...); err != nil {
		t.Fatalf("keys %q on %s: %v", ks, sel, err)
	}
}

// TestReportMapInBrowser: with the city's tile server, /melden shows a
// map that loads its tiles from there (and from nowhere else); a click
// on the map and Enter on the focused map (at the crosshair, after
// panning with the arrow keys) fill the coordinates and say so; typed
// coordinates move the pin; the report is stored with the coordinates
// the map gave. /meldungen shows the listed reports as links on the map.
// axe-core finds nothing in both languages. Without a tile server no page
// asks any other host for anything.
func TestReportMapInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newReportsEnv(t)
	first := e.submit(t, "muell", marktLat, marktLong, "Sperrmüll am Markt")
	tiles := newTileServer(t)
	withTileServer(t, e, tiles.URL+"/{z}/{x}/{y}.png", "© Test-Kacheln")
	// The server's handler as it is now: withTileServer replaces it.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { e.srv.Handler().ServeHTTP(w, r) }))
	defer srv.Close()
	pothole := "#field-category-" + strconv.FormatInt(e.cats["schlagloch"].ID, 10)

	b := browsertest.New(t)
	b.BaseURL = srv.URL
	b.Navigate("/melden")
	waitFor(t, b, "/melden: the map's tiles", tilesLoaded)
	if n := len(tiles.requests()); n == 0 {
		t.Fatal("/melden: no tile asked from the tile server")
	}
	if got := browsertest.Eval[[]string](b, foreignOrigins); len(got) != 1 || got[0] != tiles.URL {
		t.Errorf("/melden: requests to %q, want only the tile server %s", got, tiles.URL)
	}
	if got := b.Text(".app-slippy__attribution"); !strings.Contains(got, "© Test-Kacheln") {
		t.Errorf("attribution %q", got)
	}
	b.Axe()

	// A click 60 px right of and 40 px above the centre places the pin there.
	view := browsertest.Eval[[]float64](b, `(() => { const v = document.querySelector(".app-slippy__view");
		v.scrollIntoView({block: "center", behavior: "instant"}); const r = v.getBoundingClientRect();
		return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	if err := chromedp.Do(b.Context(), chromedp.MouseClickXY(view[0]+60, view[1]-40)); err != nil {
		t.Fatal(err)
	}
	clickLat, clickLong := coords(t, b)
	if !(clickLat > 50.85 && clickLat < 51.0 && clickLong > 11.5 && clickLong < 11.7) {
		t.Fatalf("click: %.6f, %.6f is not in Jena", clickLat, clickLong)
	}
	want := "Ort gesetzt: " + strconv.FormatFloat(clickLat, 'f', 5, 64) + ", " + strconv.FormatFloat(clickLong, 'f', 5, 64)
	if got := b.Text("#reports-slippy-status"); got != want {
		t.Errorf("live region %q, want %q", got, want)
	}
	if !browsertest.Eval[bool](b, `!document.querySelector(".app-slippy__marker").hidden`) {
		t.Error("no pin on the map after the click")
	}

	// Enter at the crosshair: the centre, west of and below the click.
	keys(t, b, ".app-slippy__view", kb.Enter)
	centreLat, centreLong := coords(t, b)
	if !(centreLong < clickLong && centreLat < clickLat) {
		t.Errorf("Enter: %.6f, %.6f, want south-west of the click at %.6f, %.6f", centreLat, centreLong, clickLat, clickLong)
	}
	// The arrow keys pan: → then Enter sets a place east of it.
	keys(t, b, ".app-slippy__view", kb.ArrowRight, kb.ArrowRight, kb.Enter)
	panLat, panLong := coords(t, b)
	if !(panLong > centreLong && math.Abs(panLat-centreLat) < 1e-5) {
		t.Errorf("→→ Enter: %.6f, %.6f, want east of %.6f, %.6f", panLat, panLong, centreLat, centreLong)
	}
	// A drag pans too: dragging the map 100 px to the left moves the centre east.
	if err := chromedp.Do(b.Context(),
		chromedp.MouseEvent(chromedp.MousePressed, view[0], view[1], chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseMoved, view[0]-50, view[1], chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseMoved, view[0]-100, view[1], chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseReleased, view[0]-100, view[1], chromedp.ButtonLeft)); err != nil {
		t.Fatal(err)
	}
	if lat, long := coords(t, b); lat != panLat || long != panLong {
		t.Errorf("a drag placed the pin at %.6f, %.6f", lat, long)
	}
	keys(t, b, ".app-slippy__view", kb.Enter)
	if _, long := coords(t, b); !(long > panLong) {
		t.Errorf("after dragging left: %.6f, want east of %.6f", long, panLong)
	}
	// Typed coordinates move the pin, and the map follows (the pin at the
	// centre, so Enter keeps the place).
	b.Fill("#field-location", "50.930000")
	b.Fill("#field-long", "11.600000")
	waitFor(t, b, "the pin at the typed place", `(() => { const m = document.querySelector(".app-slippy__marker").getBoundingClientRect(),
		v = document.querySelector(".app-slippy__view").getBoundingClientRect();
		return Math.abs(m.left + m.width / 2 - (v.left + v.width / 2)) < 24 && Math.abs(m.bottom - (v.top + v.height / 2)) < 24; })()`)
	keys(t, b, ".app-slippy__view", kb.Enter)
	if lat, long := coords(t, b); math.Abs(lat-50.93) > 1e-5 || math.Abs(long-11.6) > 1e-5 {
		t.Errorf("Enter after typing: %.6f, %.6f, want 50.930000, 11.600000", lat, long)
	}
	// The place the report is sent with: ↓ and Enter.
	keys(t, b, ".app-slippy__view", kb.ArrowDown, kb.Enter)
	mapLat, mapLong := coords(t, b)
	if !(mapLat < 50.93) {
		t.Errorf("↓ Enter: %.6f, want south of 50.93", mapLat)
	}

	// + zooms in: tiles of the next level come from the tile server.
	zoomed := func(z int) bool {
		for _, p := range tiles.requests() {
			if strings.HasPrefix(p, "/"+strconv.Itoa(z)+"/") {
				return true
			}
		}
		return false
	}
	z0 := browsertest.Eval[int](b, `+document.querySelector("#reports-slippy img.app-slippy__tile").src.split("/").at(-3)`)
	keys(t, b, ".app-slippy__view", "+")
	waitFor(t, b, "tiles after +", tilesLoaded)
	if !zoomed(z0 + 1) {
		t.Errorf("+ on the map asked no tile of zoom %d: %q", z0+1, tiles.requests())
	}
	b.Click(".app-slippy__button[data-zoom='-1']")
	b.Click(".app-slippy__button[data-zoom='-1']")
	waitFor(t, b, "tiles after the zoom-out button", tilesLoaded)
	if !zoomed(z0 - 1) {
		t.Errorf("the zoom-out button asked no tile of zoom %d", z0-1)
	}
	if lat, long := coords(t, b); lat != mapLat || long != mapLong {
		t.Errorf("zooming moved the place to %.6f, %.6f", lat, long)
	}
	b.Axe()

	b.NoConsoleErrors() // no CSP violation by the map, no script error

	// The whole report, with the place from the map.
	b.Check(pothole)
	b.ClickAndWait("main form[action='/melden/ort'] button[type=submit]")
	b.Fill("#field-description", "Loch, per Karte gesetzt")
	b.ClickAndWait("main form[action='/melden'] button[type=submit]")
	ref := b.URL()[strings.LastIndex(b.URL(), "/")+1:]
	if !strings.HasPrefix(ref, "M-2026-") {
		t.Fatalf("not confirmed, at %s: %s", b.URL(), b.Text("main"))
	}
	b.Navigate("/meldungen/" + ref)
	wantPlace := strconv.FormatFloat(mapLat, 'f', 5, 64) + ", " + strconv.FormatFloat(mapLong, 'f', 5, 64)
	if got := b.Text("main"); !strings.Contains(got, wantPlace) {
		t.Errorf("the report page does not show the map's place %s: %s", wantPlace, got)
	}
	if r := e.report(t, ref); r.Location.Lat == nil || math.Abs(*r.Location.Lat-mapLat) > 1e-6 || math.Abs(*r.Location.Long-mapLong) > 1e-6 {
		t.Errorf("stored location %+v, want %.6f, %.6f", r.Location, mapLat, mapLong)
	}

	// The list: both reports are links on the map.
	for _, lang := range []string{"de", "en"} {
		b.Navigate("/lang?to=" + lang + "&back=/meldungen")
		waitFor(t, b, lang+" /meldungen: the map's tiles", tilesLoaded)
		for _, r := range []string{first.Reference, ref} {
			sel := ".app-slippy__pin[href='/meldungen/" + r + "']"
			if !b.Exists(sel) || !strings.HasPrefix(b.Attr(sel, "title"), r+": ") {
				t.Fatalf("%s: no pin linking %s", lang, r)
			}
		}
		b.Axe()
		b.Navigate("/melden")
		waitFor(t, b, lang+" /melden: the map's tiles", tilesLoaded)
		b.Axe()
	}
	b.Navigate("/lang?to=de&back=/meldungen")
	b.ClickAndWait(".app-slippy__pin[href='/meldungen/" + first.Reference + "']")
	if !strings.HasSuffix(b.URL(), "/meldungen/"+first.Reference) {
		t.Errorf("the pin led to %s", b.URL())
	}
	b.NoConsoleErrors() // no CSP violation (the SVG map's focus style is in app.css), no script error

	// Without a tile server: no map, and no request to any other host.
	withTileServer(t, e, "", "")
	asked := len(tiles.requests())
	for _, path := range []string{"/melden", "/meldungen"} {
		b.Navigate(path)
		if b.Exists("#reports-slippy") {
			t.Errorf("%s: a map without a tile server", path)
		}
		if got := browsertest.Eval[[]string](b, foreignOrigins); len(got) != 0 {
			t.Errorf("%s without a tile server: requests to %q", path, got)
		}
	}
	if n := len(tiles.requests()); n != asked {
		t.Errorf("without a tile server: %d more tile requests", n-asked)
	}
	b.NoConsoleErrors() // no CSP violation (the SVG map's focus style is in app.css), no script error
}
