package web

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/browsertest"
	"rathaus/internal/geo"
	"rathaus/internal/report"
)

// areasEnv is a city without built-in districts (no demo map): reports,
// the imported boundaries in the same SQLite database, read per request.
type areasEnv struct {
	*casesEnv
	store   report.BoundaryStore
	reports *report.Service
	admin   *http.Cookie
}

func newAreasEnv(t testing.TB) *areasEnv {
	t.Helper()
	var src *report.AreaSource
	var svc *report.Service
	ce := newCasesEnv(t, func(o *Options) {
		bs := any(o.Audit).(report.BoundaryStore)
		src = &report.AreaSource{Store: bs}
		svc = &report.Service{Store: any(o.Audit).(report.Store), AreaOf: func(lat, long float64) string {
			_, d := src.ReportAreas()
			a, _ := d.AreaOf(lat, long)
			return a.Key
		}}
		o.Reports, o.ReportAreasSource, o.ReportBoundaries = svc, src, bs
	})
	svc.Now = ce.clock.Now
	city := *ce.unit.ParentID
	c := report.Category{OrgID: city, Code: "muell", NameDE: "Wilder Müll", NameEN: "Illegal dumping", Active: true}
	mustDo(t, svc.Store.CreateDefectCategory(context.Background(), &c))
	return &areasEnv{casesEnv: ce, store: src.Store, reports: svc}
}

// jenaFiles splits the schematic Jena into an outline file and a
// districts file, as a city would upload them.
func jenaFiles(t testing.TB) (outline, districts []byte) {
	t.Helper()
	var doc struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
	}
	mustDo(t, json.Unmarshal(geo.JenaSchematicGeoJSON(), &doc))
	var city, rest []json.RawMessage
	for _, f := range doc.Features {
		if strings.Contains(string(f), `"level": "city"`) || strings.Contains(string(f), `"level":"city"`) {
			city = append(city, f)
		} else {
			rest = append(rest, f)
		}
	}
	if len(city) != 1 || len(rest) != 10 {
		t.Fatalf("split: %d outline, %d districts", len(city), len(rest))
	}
	outline = city[0]
	doc.Features = rest
	districts, err := json.Marshal(doc)
	mustDo(t, err)
	return outline, districts
}

// swapped writes every position latitude first.
func swapped(t testing.TB, data []byte) []byte {
	t.Helper()
	var v any
	mustDo(t, json.Unmarshal(data, &v))
	var walk func(any) any
	walk = func(x any) any {
		switch y := x.(type) {
		case map[string]any:
			for k, c := range y {
				y[k] = walk(c)
			}
		case []any:
			if len(y) == 2 {
				if a, ok := y[0].(float64); ok {
					return []any{y[1], a}
				}
			}
			for i, c := range y {
				y[i] = walk(c)
			}
		}
		return x
	}
	out, err := json.Marshal(walk(v))
	mustDo(t, err)
	return out
}

// upload posts the two files as a browser's multipart form would.
func (e *areasEnv) upload(t testing.TB, outline, districts []byte, fields map[string]string) *response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for name, data := range map[string][]byte{"outline": outline, "districts": districts} {
		if data == nil {
			continue
		}
		w, err := mw.CreateFormFile(name, name+".geojson")
		mustDo(t, err)
		_, _ = w.Write(data)
	}
	for k, v := range fields {
		mustDo(t, mw.WriteField(k, v))
	}
	mustDo(t, mw.Close())
	r := httptest.NewRequest("POST", "/admin/gebiete", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	r.AddCookie(e.admin)
	return e.do(r)
}

// TestAreasImport: an admin imports Jena's outline and districts; bad
// files (broken JSON, latitude first, a point) come back with translated
// errors and save nothing; afterwards the public map and its area filter
// use the imported districts and a new report is routed by them.
func TestAreasImport(t *testing.T) {
	e := newAreasEnv(t)
	admin := e.login(e.user("admin-gebiete@example.org", true))
	e.admin = admin
	res := e.get("/admin/gebiete", admin)
	if res.StatusCode != 200 {
		t.Log(e.logs.String())
	}
	wantStatus(t, res, 200)
	if query(res.doc, "#areas-none") == nil {
		t.Error("no 'nothing imported' notice")
	}
	if list := e.get("/meldungen"); strings.Contains(list.body, "Lobeda") || query(list.doc, "select[name=gebiet]") != nil {
		t.Fatal("districts on the map before any import")
	}
	outline, districts := jenaFiles(t)
	point := []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Markt"},"geometry":{"type":"Point","coordinates":[11.589,50.928]}}]}`)
	for _, c := range []struct {
		name              string
		outline, district []byte
		field, want       string
	}{
		{"broken JSON", outline, []byte(`{"type": "FeatureCollection", "features": [`), "districts", "kein gültiges JSON"},
		{"latitude first", swapped(t, outline), districts, "outline", "falschen Reihenfolge"},
		{"districts latitude first", outline, swapped(t, districts), "districts", "falschen Reihenfolge"},
		{"a point", outline, point, "districts", "Fläche 1: Die Geometrie ist kein Polygon"},
		{"districts as outline", districts, districts, "outline", "genau eine Fläche"},
		{"missing file", outline, nil, "districts", "Wählen Sie eine GeoJSON-Datei"},
	} {
		res := e.upload(t, c.outline, c.district, nil)
		wantStatus(t, res, 422)
		if query(res.doc, "#error-summary a[href='#field-"+c.field+"']") == nil || !strings.Contains(res.body, c.want) {
			t.Errorf("%s: no error %q at %s:\n%s", c.name, c.want, c.field, texts(res.doc, "#error-summary"))
		}
		if v, err := e.store.ReportBoundariesVersion(context.Background()); err != nil || v != 0 {
			t.Fatalf("%s: saved version %d (%v)", c.name, v, err)
		}
	}
	res = e.upload(t, outline, districts, map[string]string{"action": "check"})
	wantStatus(t, res, 200)
	if query(res.doc, "#areas-checked") == nil || query(res.doc, "#areas-preview svg") == nil || !strings.Contains(res.body, "Lobeda") {
		t.Error("check: no preview map")
	}
	if v, _ := e.store.ReportBoundariesVersion(context.Background()); v != 0 {
		t.Fatal("check saved")
	}

	// The checked files are taken over without a second upload, once.
	token, ok := attr(query(res.doc, "#areas-take-over input[name=token]"), "value")
	if !ok || token == "" {
		t.Fatal("check: no form to take the checked files over")
	}
	take := url.Values{"token": {token}}
	wantStatus(t, e.postForm("/admin/gebiete/uebernehmen", take, admin), 303)
	if v, _ := e.store.ReportBoundariesVersion(context.Background()); v == 0 {
		t.Fatal("take-over saved nothing")
	}
	again := e.postForm("/admin/gebiete/uebernehmen", take, admin)
	wantStatus(t, again, 409)
	if !strings.Contains(again.body, "nicht mehr bereit") {
		t.Errorf("second take-over: %s", texts(again.doc, "main"))
	}
	res = e.upload(t, outline, districts, map[string]string{"action": "save", "key_property": "key", "name_property": "name"})
	wantStatus(t, res, 303)
	imports, err := e.db.FindAuditEntries(context.Background(), audit.Filter{Action: auditBoundariesImported})
	mustDo(t, err)
	if len(imports) != 2 || imports[0].ActorID == nil || !strings.Contains(imports[0].Detail, "10 districts") {
		t.Errorf("audit of imports: %+v", imports)
	}
	res = e.get("/admin/gebiete", admin)
	cur := strings.Join(texts(res.doc, "#areas-current dd"), "|")
	if !strings.HasPrefix(cur, "10|") || query(res.doc, "#areas-preview svg") == nil {
		t.Errorf("current state %q, or no map", cur)
	}
	list := e.get("/meldungen")
	wantStatus(t, list, 200)
	if !strings.Contains(strings.Join(texts(list.doc, "select[name=gebiet] option"), "|"), "Lobeda") ||
		!strings.Contains(strings.Join(texts(list.doc, "#reports-map"), " "), "Lobeda") {
		t.Error("/meldungen does not use the imported districts")
	}
	lat, long := 50.92795, 11.58923 // the Markt
	r := &report.Report{OrgID: *e.unit.ParentID, CategoryID: mustCategory(t, e), Description: "Sperrmüll am Markt",
		Location: report.Location{Lat: &lat, Long: &long}}
	mustDo(t, e.reports.Submit(context.Background(), r))
	if r.Location.AreaID == "" {
		t.Error("a new report is not placed in an imported district")
	}

	other := e.login(e.user("buerger-gebiete@example.org", false))
	wantStatus(t, e.get("/admin/gebiete", other), 403)
}

func mustCategory(t testing.TB, e *areasEnv) int64 {
	t.Helper()
	tree, err := e.reports.Store.FindDefectCategories(context.Background(), *e.unit.ParentID)
	mustDo(t, err)
	return tree[0].ID
}

// TestAreasAdminInBrowser runs axe-core over /admin/gebiete in both
// languages: empty, with an error summary, and with imported boundaries.
func TestAreasAdminInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newAreasEnv(t)
	u := e.user("admin-axe@example.org", true)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	outline, districts := jenaFiles(t)
	outlinePath, districtsPath := filepath.Join(t.TempDir(), "stadt.geojson"), filepath.Join(t.TempDir(), "bezirke.geojson")
	mustDo(t, os.WriteFile(outlinePath, outline, 0o600))
	mustDo(t, os.WriteFile(districtsPath, districts, 0o600))
	for i, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/login")
		b.Fill("#field-email", u.Email)
		b.Fill("#field-password", "ein-langes-passwort")
		b.ClickAndWait("main form[action='/login'] button[type=submit]")
		b.Navigate("/lang?to=" + lang + "&back=/admin")
		b.ClickAndWait("main nav a[href='/admin/gebiete']")
		b.Axe()
		b.ClickAndWait("main form[action='/admin/gebiete'] button[value=save]")
		if !b.Exists("#error-summary a[href='#field-outline']") {
			t.Errorf("%s: errors not summarised", lang)
		}
		b.Axe()
		if i == 0 {
			// Check the files, then take them over without choosing them again.
			b.Upload("#field-outline", outlinePath)
			b.Upload("#field-districts", districtsPath)
			b.ClickAndWait("main form[action='/admin/gebiete'] button[value=check]")
			if !b.Exists("#areas-checked") || !b.Exists("#areas-take-over button") {
				t.Fatalf("%s: no preview to take over: %s", lang, b.Text("main"))
			}
			b.Axe()
			b.ClickAndWait("#areas-take-over button")
			if v, _ := e.store.ReportBoundariesVersion(context.Background()); v == 0 {
				t.Fatal("the checked files were not taken over")
			}
		}
		b.Navigate("/admin/gebiete")
		if !b.Exists("#areas-preview svg") {
			t.Errorf("%s: no map of the imported districts", lang)
		}
		b.Axe()
	}
}

// TestAreasSharedByInstances: another instance's source (same database)
// sees an import within report's recheck interval, and keeps the demo
// fallback until then.
func TestAreasSharedByInstances(t *testing.T) {
	e := newAreasEnv(t)
	calls := 0
	other := &report.AreaSource{Store: e.store, Fallback: func() (geo.Area, geo.Areas) { calls++; return geo.Area{}, nil }}
	if _, d := other.ReportAreas(); len(d) != 0 || calls != 1 {
		t.Fatalf("before the import: %d districts, fallback called %d times", len(d), calls)
	}
	outline, districts := jenaFiles(t)
	mustDo(t, e.store.SaveReportBoundaries(context.Background(), &report.Boundaries{Outline: string(outline),
		Districts: string(districts), KeyProperty: "key", NameProperty: "name", DistrictCount: 10,
		ImportedByName: "Anna Admin", ImportedAt: testNow}))
	time.Sleep(1100 * time.Millisecond)
	o, d := other.ReportAreas()
	if len(d) != 10 || len(o.Shape) == 0 {
		t.Fatalf("after the import: %d districts", len(d))
	}
	if _, ok := d.ByKey("lobeda"); !ok {
		t.Errorf("keys %v", d)
	}
}
