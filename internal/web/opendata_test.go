package web

import (
	"context"
	"database/sql"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rathaus/internal/opendata"
	"rathaus/internal/opendata/opendatatest"
	"rathaus/internal/sqlstore"
)

// newOpenDataEnv is a server whose open-data service reads a real SQLite
// database holding opendatatest's history (threshold 5).
func newOpenDataEnv(t testing.TB) *testEnv {
	t.Helper()
	path := filepath.Join(t.TempDir(), "od.db")
	db, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	raw, err := sql.Open("sqlite", "file:"+path+"?_time_format=sqlite&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	opendatatest.Seed(t, raw, false)
	raw.Close()
	od := opendata.NewService(db, opendata.Settings{
		BaseURL: "http://rathaus.test", Publisher: opendata.Agent{Name: "Stadt Jena", URI: "https://www.jena.de"},
		ContactEmail: "opendata@jena.example", AGS: "16053000", ContributorID: "http://dcat-ap.de/def/contributors/stadtJena",
	}, func() time.Time { return testNow })
	return newEnv(t, func(o *Options) { o.OpenData = od })
}

// TestOpenDataCatalogValidates: the catalogue the server builds passes
// the DCAT-AP.de checks, and both documents are served as what they are.
func TestOpenDataCatalogValidates(t *testing.T) {
	e := newOpenDataEnv(t)
	c, err := e.srv.opts.OpenData.Catalog(context.Background(), e.srv.openDataTranslate)
	if err != nil {
		t.Fatal(err)
	}
	if ps := opendata.Validate(c); len(ps) != 0 {
		t.Errorf("catalogue problems: %v", ps)
	}
	if got := c.Datasets[0].Title["en"]; got != "Applications by service, month and channel" {
		t.Errorf("English title: got %q", got)
	}
	res := e.get("/opendata/catalog.rdf")
	wantStatus(t, res, 200)
	if ct := res.Header.Get("Content-Type"); ct != "application/rdf+xml; charset=utf-8" {
		t.Errorf("RDF content type: got %q", ct)
	}
	d := xml.NewDecoder(strings.NewReader(res.body))
	for {
		if _, err := d.Token(); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("RDF/XML is not well-formed: %v", err)
		}
	}
	if !strings.Contains(res.body, `<dct:license rdf:resource="http://dcat-ap.de/def/licenses/dl-by-de/2.0"/>`) {
		t.Error("RDF/XML names no dl-by-de/2.0 licence")
	}
}

// TestOpenDataEveryDistributionDownloads fetches every access and download
// URL the served JSON-LD catalogue lists and expects its media type.
func TestOpenDataEveryDistributionDownloads(t *testing.T) {
	e := newOpenDataEnv(t)
	res := e.get("/opendata/catalog.jsonld")
	wantStatus(t, res, 200)
	if ct := res.Header.Get("Content-Type"); ct != "application/ld+json; charset=utf-8" {
		t.Errorf("JSON-LD content type: got %q", ct)
	}
	var doc struct {
		Datasets []struct {
			Distributions []map[string]any `json:"dcat:distribution"`
		} `json:"dcat:dataset"`
	}
	if err := json.Unmarshal([]byte(res.body), &doc); err != nil {
		t.Fatal(err)
	}
	fetched := 0
	for _, ds := range doc.Datasets {
		for _, dist := range ds.Distributions {
			mt := strings.TrimPrefix(idOf(dist["dcat:mediaType"]), "https://www.iana.org/assignments/media-types/")
			for _, prop := range []string{"dcat:accessURL", "dcat:downloadURL"} {
				u := idOf(dist[prop])
				path, ok := strings.CutPrefix(u, "http://rathaus.test")
				if !ok {
					t.Fatalf("%s %q is not on the server", prop, u)
				}
				res := e.get(path)
				wantStatus(t, res, 200)
				if ct := res.Header.Get("Content-Type"); ct != mt+"; charset=utf-8" {
					t.Errorf("%s: content type %q, want %s", path, ct, mt)
				}
				fetched++
			}
		}
	}
	if fetched != 16 {
		t.Errorf("fetched %d URLs, want 16 (4 datasets, CSV and JSON, access and download)", fetched)
	}
}

func idOf(v any) string {
	m, _ := v.(map[string]any)
	s, _ := m["@id"].(string)
	return s
}

// TestOpenDataSuppressionInDownloads: counts under 5 are empty and flagged
// in the CSV and null in the JSON; larger ones are published.
func TestOpenDataSuppressionInDownloads(t *testing.T) {
	e := newOpenDataEnv(t)
	res := e.get("/opendata/antraege.csv")
	wantStatus(t, res, 200)
	for _, line := range []string{
		"month,service_id,service,channel,applications,suppressed",
		"2026-10,1,Wohnsitz anmelden,online,7,",
		"2026-10,1,Wohnsitz anmelden,paper,,applications",
		"2026-11,2,Hund anmelden,online,,applications",
	} {
		if !strings.Contains(res.body, line+"\n") {
			t.Errorf("CSV lacks the line %q:\n%s", line, res.body)
		}
	}
	res = e.get("/opendata/zufriedenheit.json")
	wantStatus(t, res, 200)
	var doc struct {
		MinCount int              `json:"min_count"`
		Rows     []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal([]byte(res.body), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.MinCount != 5 || len(doc.Rows) != 2 {
		t.Fatalf("got %s", res.body)
	}
	if r := doc.Rows[0]; r["ratings"] != 6.0 || r["mean_rating"] != 4.33 || r["satisfied_share"] != 0.83 {
		t.Errorf("Wohnsitz: got %v, want 6 ratings, mean 4.33, share 0.83", r)
	}
	if r := doc.Rows[1]; r["ratings"] != nil || r["mean_rating"] != nil || len(r["suppressed"].([]any)) != 3 {
		t.Errorf("Hund (2 ratings): got %v, want blanks and three flags", r)
	}
	res = e.get("/opendata/wartezeiten.csv")
	if !strings.Contains(res.body, "2026-11,1,Bürgerservice,5,3,10,\n") {
		t.Errorf("waiting times: got\n%s", res.body)
	}
}

func TestOpenDataNotFound(t *testing.T) {
	e := newOpenDataEnv(t)
	for _, path := range []string{"/opendata/nope.csv", "/opendata/antraege.xml", "/opendata/antraege"} {
		if res := e.get(path); res.StatusCode != 404 {
			t.Errorf("%s: got %d, want 404", path, res.StatusCode)
		}
	}
	plain := newEnv(t)
	for _, path := range []string{"/offene-daten", "/opendata/catalog.jsonld", "/opendata/antraege.csv"} {
		if res := plain.get(path); res.StatusCode != 404 {
			t.Errorf("without open data, %s: got %d, want 404", path, res.StatusCode)
		}
	}
}

// TestOpenDataPage: the page lists every dataset with both downloads, the
// licence and the threshold, in German and English.
func TestOpenDataPage(t *testing.T) {
	e := newOpenDataEnv(t)
	for lang, want := range map[string]string{"de": "Wartezeiten auf Termine", "en": "Waiting times for appointments"} {
		r := httptest.NewRequest("GET", "/offene-daten", nil)
		r.Header.Set("Accept-Language", lang)
		res := e.do(r)
		wantStatus(t, res, 200)
		if got := text(query(res.doc, "#ds-wartezeiten")); got != want {
			t.Errorf("%s: heading %q, want %q", lang, got, want)
		}
		for _, id := range []string{"antraege", "zufriedenheit", "ideen", "wartezeiten"} {
			for _, ext := range []string{"csv", "json"} {
				if query(res.doc, "main a[href='/opendata/"+id+"."+ext+"']") == nil {
					t.Errorf("%s: no link to %s.%s", lang, id, ext)
				}
			}
		}
		if query(res.doc, "main a[href='https://www.govdata.de/dl-de/by-2-0']") == nil {
			t.Errorf("%s: no link to the licence", lang)
		}
		if query(res.doc, "footer a[href='/offene-daten']") == nil {
			t.Errorf("%s: no footer link", lang)
		}
	}
}

// TestOpenDataAPI: the versioned addresses serve the same documents, as
// openapi.json describes them.
func TestOpenDataAPI(t *testing.T) {
	e := newOpenDataEnv(t)
	doc := loadOpenAPI(t)
	v := e.check(doc, apiCall{method: "GET", path: "/api/v1/opendata/ideen.json"}, 200).(map[string]any)
	rows := v["rows"].([]any)
	if len(rows) != 2 || rows[1].(map[string]any)["ideas"] != 6.0 {
		t.Errorf("ideas: got %v, want received 6 (done 2 suppressed)", rows)
	}
	e.check(doc, apiCall{method: "GET", path: "/api/v1/opendata/nope.json"}, 404)
	for path, ct := range map[string]string{"/api/v1/opendata/catalog.jsonld": "application/ld+json", "/api/v1/opendata/catalog.rdf": "application/rdf+xml",
		"/api/v1/opendata/antraege.csv": "text/csv"} {
		res := e.get(path)
		wantStatus(t, res, 200)
		if got := res.Header.Get("Content-Type"); got != ct+"; charset=utf-8" {
			t.Errorf("%s: content type %q, want %s", path, got, ct)
		}
		if _, err := doc.responseSchema("GET", path, 200); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}
