package web

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func reportStep1(cat int64, lat, long string) url.Values {
	return url.Values{"category": {strconv.FormatInt(cat, 10)}, "lat": {lat}, "long": {long}, "address": {""}}
}

// TestReportFlow walks the report flow as a citizen without JavaScript:
// errors change nothing, a photo's GPS data is gone before it is
// stored, the confirmation names the reference, and a second citizen
// nearby is offered the first report to support instead.
func TestReportFlow(t *testing.T) {
	e := newReportsEnv(t)
	b := e.browser(t, nil)

	res := b.get("/melden")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /melden: %d\n%.2000s", res.StatusCode, res.body)
	}
	labels := texts(res.doc, "#field-category-group label")
	if len(labels) != 4 || !containsText(labels, "Straße und Verkehr: Schlagloch") || !containsText(labels, "Ich weiß es nicht") {
		t.Fatalf("category choices %q", labels)
	}

	// Step 1 without anything: both fields named, nothing stored.
	res = b.post("/melden/ort", url.Values{"category": {""}, "lat": {""}, "long": {""}, "address": {""}})
	if res.StatusCode != http.StatusBadRequest {
		t.Fatalf("empty step 1: %d", res.StatusCode)
	}
	if got := errorLinks(res); !slices.Equal(got, []string{"#field-category", "#field-location"}) {
		t.Errorf("empty step 1: error links %q", got)
	}
	res = b.post("/melden/ort", reportStep1(e.cats["schlagloch"].ID, "fünfzig", "11,589"))
	if got := errorLinks(res); !slices.Equal(got, []string{"#field-location"}) {
		t.Errorf("bad coordinates: error links %q", got)
	}

	// Step 2 with a comma as the decimal mark; no report nearby yet.
	step1 := reportStep1(e.cats["schlagloch"].ID, "50,92795", "11,58923")
	res = b.post("/melden/ort", step1)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.body, `enctype="multipart/form-data"`) {
		t.Fatalf("step 2: %d\n%.2000s", res.StatusCode, res.body)
	}
	if strings.Contains(res.body, "Ist es eine dieser Meldungen?") {
		t.Error("step 2 offers nearby reports although there are none")
	}
	if !strings.Contains(res.body, "Zentrum") {
		t.Error("step 2 does not name the district of the point")
	}
	// "Change category or place" goes back to step 1 with the answers.
	back := reportStep1(e.cats["schlagloch"].ID, "50,92795", "11,58923")
	back.Set("change", "1")
	res = b.post("/melden/ort", back)
	pothole := "field-category-" + strconv.FormatInt(e.cats["schlagloch"].ID, 10)
	if res.StatusCode != http.StatusOK || len(queryAll(res.doc, "#"+pothole+"[checked]")) != 1 ||
		len(queryAll(res.doc, `#field-location[value="50,92795"]`)) != 1 {
		t.Errorf("changing step 1 lost the answers:\n%.3000s", res.body)
	}

	gps, err := os.ReadFile("../photo/testdata/nikon-d2h-gps.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(gps, []byte("Exif")) {
		t.Fatal("the sample has no Exif data to strip")
	}
	values := func(extra map[string]string) url.Values {
		v := url.Values{}
		for k, vs := range step1 {
			v[k] = vs
		}
		for k, s := range extra {
			v.Set(k, s)
		}
		return v
	}

	// Bad input in step 2: HTML, a bad address, a text file as photo.
	res = b.postFiles("/melden", values(map[string]string{"description": "<b>Loch</b>", "email": "kein-at"}),
		testFile{"photos", "loch.jpg", gps}, testFile{"photos", "notiz.txt", []byte("kein Foto")})
	if res.StatusCode != http.StatusBadRequest {
		t.Fatalf("bad step 2: %d", res.StatusCode)
	}
	if got := errorLinks(res); !slices.Equal(got, []string{"#field-description", "#field-email", "#field-photos"}) {
		t.Errorf("bad step 2: error links %q", got)
	}
	if !strings.Contains(res.body, "notiz.txt") {
		t.Error("the refused photo is not named")
	}
	if n := e.count(t); n != 0 {
		t.Fatalf("bad input stored %d reports", n)
	}
	if ents, _ := os.ReadDir(e.reportFiles.Dir + "/reports"); len(ents) != 0 {
		t.Fatalf("bad input stored %d photos", len(ents))
	}

	// Too many photos.
	var six []testFile
	for range 6 {
		six = append(six, testFile{"photos", "loch.jpg", gps})
	}
	res = b.postFiles("/melden", values(nil), six...)
	if got := errorLinks(res); !slices.Equal(got, []string{"#field-photos"}) {
		t.Errorf("six photos: error links %q", got)
	}

	// The report goes in.
	res = b.postFiles("/melden", values(map[string]string{"description": "Tiefes Loch vor dem Rathaus.", "email": "erika@example.org"}),
		testFile{"photos", "loch.jpg", gps})
	loc := follow(t, res)
	if loc != "/melden/fertig/M-2026-00001" {
		t.Fatalf("redirect to %q", loc)
	}
	res = b.get(loc)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.body, "M-2026-00001") ||
		!strings.Contains(res.body, `href="/meldungen/M-2026-00001"`) {
		t.Fatalf("confirmation: %d\n%.2000s", res.StatusCode, res.body)
	}
	rep := e.report(t, "M-2026-00001")
	if rep.Contact.Email != "erika@example.org" || rep.Location.AreaID != "zentrum" || rep.UnitID == nil || *rep.UnitID != e.unit.ID {
		t.Errorf("stored report: contact %q, area %q, unit %v", rep.Contact.Email, rep.Location.AreaID, rep.UnitID)
	}
	if len(rep.Photos) != 1 {
		t.Fatalf("stored %d photos", len(rep.Photos))
	}
	f, _, err := e.reportFiles.Get(context.Background(), rep.Photos[0].Key)
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := io.ReadAll(f)
	f.Close()
	if bytes.Contains(stored, []byte("Exif")) || bytes.Equal(stored, gps) || len(stored) == 0 {
		t.Errorf("the stored photo keeps its Exif data (%d bytes)", len(stored))
	}
	// The public page shows no e-mail address and no unpublished photo.
	res = b.get("/meldungen/M-2026-00001")
	if strings.Contains(res.body, "erika@example.org") || strings.Contains(res.body, "/fotos/") {
		t.Error("the public page shows personal data or an unpublished photo")
	}
	res = b.get("/meldungen/M-2026-00001/fotos/" + strconv.FormatInt(rep.Photos[0].ID, 10))
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("unpublished photo: %d, want 404", res.StatusCode)
	}
	// The Open311 API shows the same report, without the e-mail address.
	res = b.get("/georeport/v2/requests/M-2026-00001.json")
	if res.StatusCode != http.StatusOK || !strings.Contains(res.body, `"service_code":"schlagloch"`) ||
		!strings.Contains(res.body, "Tiefes Loch vor dem Rathaus.") || strings.Contains(res.body, "erika@example.org") {
		t.Errorf("the API's view of the web report: %d %s", res.StatusCode, res.body)
	}

	// Another citizen 60 m away is offered the report and supports it.
	other := e.browser(t, nil)
	res = other.post("/melden/ort", reportStep1(e.cats["schlagloch"].ID, "50.92795", "11.59008"))
	if !strings.Contains(res.body, "Ist es eine dieser Meldungen?") ||
		len(queryAll(res.doc, `form[action="/meldungen/M-2026-00001/unterstuetzen"]`)) != 1 {
		t.Fatalf("nearby report not offered:\n%.3000s", res.body)
	}
	// A different category nearby is not offered.
	res = other.post("/melden/ort", reportStep1(e.cats["muell"].ID, "50.92795", "11.59008"))
	if strings.Contains(res.body, "Ist es eine dieser Meldungen?") {
		t.Error("a report of another category is offered")
	}
	before := rep.Supporters
	loc = follow(t, other.post("/meldungen/M-2026-00001/unterstuetzen", url.Values{}))
	if loc != "/meldungen/M-2026-00001" {
		t.Fatalf("support redirects to %q", loc)
	}
	res = other.get(loc)
	if got := texts(res.doc, "#report-supporters"); len(got) != 1 || got[0] != strconv.Itoa(before+1) {
		t.Errorf("supporters shown %q, want %d", got, before+1)
	}
	follow(t, other.post("/meldungen/M-2026-00001/unterstuetzen", url.Values{}))
	if got := e.report(t, "M-2026-00001").Supporters; got != before+1 {
		t.Errorf("the same browser counted twice: %d", got)
	}
	if n := e.count(t); n != 1 {
		t.Errorf("%d reports after supporting, want 1", n)
	}
}

// TestReportListMapFeed checks the public list with its filters, the map,
// a report's page and the Atom feed.
func TestReportListMapFeed(t *testing.T) {
	e := newReportsEnv(t)
	a := e.submit(t, "schlagloch", marktLat, marktLong, "Loch am Markt")
	e.submit(t, "schlagloch", 50.90, 11.59, "Loch im Süden")
	m := e.submit(t, "muell", 50.94, 11.60, "Sperrmüll an der Ecke")
	b := e.browser(t, nil)

	res := b.get("/meldungen")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /meldungen: %d\n%.2000s", res.StatusCode, res.body)
	}
	if rows := queryAll(res.doc, "main table tbody tr"); len(rows) != 3 {
		t.Errorf("%d rows, want 3", len(rows))
	}
	if links := queryAll(res.doc, `main svg a[href="/meldungen/`+a.Reference+`"]`); len(links) != 1 {
		t.Errorf("the map has %d links to %s", len(links), a.Reference)
	}
	if got := texts(res.doc, ".app-report-legend li"); !slices.Contains(got, " Wilder Müll") && !containsText(got, "Wilder Müll") {
		t.Errorf("legend %q", got)
	}
	res = b.get("/meldungen?kategorie=" + strconv.FormatInt(e.cats["muell"].ID, 10))
	if got := texts(res.doc, "main table tbody tr td a"); !slices.Equal(got, []string{m.Reference}) {
		t.Errorf("category filter: %q", got)
	}
	res = b.get("/meldungen?q=S%C3%BCden")
	if got := texts(res.doc, "main table tbody tr td a"); len(got) != 1 {
		t.Errorf("text filter: %q", got)
	}
	res = b.get("/meldungen?gebiet=zentrum")
	if got := texts(res.doc, "main table tbody tr td a"); !slices.Equal(got, []string{a.Reference}) {
		t.Errorf("area filter: %q", got)
	}
	res = b.get("/meldungen?status=done")
	if rows := queryAll(res.doc, "main table tbody tr"); len(rows) != 0 {
		t.Errorf("status filter: %d rows", len(rows))
	}

	res = b.get("/meldungen/" + a.Reference)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.body, "Schlagloch") || !strings.Contains(res.body, "Loch am Markt") {
		t.Fatalf("report page: %d\n%.2000s", res.StatusCode, res.body)
	}
	if res = b.get("/meldungen/M-2026-99999"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown reference: %d", res.StatusCode)
	}

	res = b.get("/meldungen.atom")
	if ct := res.Header.Get("Content-Type"); ct != "application/atom+xml; charset=utf-8" {
		t.Errorf("feed content type %q", ct)
	}
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Entries []struct {
			ID    string `xml:"id"`
			Title string `xml:"title"`
			Link  struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(res.body), &feed); err != nil {
		t.Fatalf("feed: %v\n%s", err, res.body)
	}
	if len(feed.Entries) != 3 {
		t.Fatalf("feed has %d entries", len(feed.Entries))
	}
	var hrefs []string
	for _, en := range feed.Entries {
		hrefs = append(hrefs, en.Link.Href)
	}
	if !slices.Contains(hrefs, "http://rathaus.test/meldungen/"+a.Reference) {
		t.Errorf("feed links %q", hrefs)
	}
}

func containsText(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}
