package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"rathaus/internal/open311"
	"rathaus/internal/report"
)

// TestGeoReportStatusNotesPerReport: in a list, every request carries its
// own latest public note (none when it has only internal ones), and the
// updates feed lists each report's public notes under its own id.
func TestGeoReportStatusNotesPerReport(t *testing.T) {
	e := newGeoEnv(t)
	ctx := context.Background()
	admin := report.Actor{Admin: true, UserID: &e.admin.ID}
	a := e.submit(e.muell, 50.92, 11.58, "Sperrmüll an der Ecke")
	b := e.submit(e.muell, 50.93, 11.59, "Kühlschrank im Gebüsch")
	c := e.submit(e.schlagloch, 50.94, 11.60, "Loch vor der Schule")
	_, err := e.reports.SetStatus(ctx, admin, a.ID, a.Version, report.StatusInProgress, "Wird abgeholt.", "")
	mustDo(t, err)
	mustDo(t, e.reports.AddNote(ctx, admin, a.ID, "Abholung am Montag.", true))
	mustDo(t, e.reports.AddNote(ctx, admin, b.ID, "intern: Halter ermitteln", false))
	_, err = e.reports.SetStatus(ctx, admin, c.ID, c.Version, report.StatusDone, "Geflickt.", "")
	mustDo(t, err)

	var got []open311.ServiceRequest
	jsonOf(t, e.api("GET", "/georeport/v2/requests.json", nil), &got)
	notes := map[string]string{}
	for _, sr := range got {
		notes[sr.ServiceRequestID] = string(sr.StatusNotes)
	}
	want := map[string]string{a.Reference: "Abholung am Montag.", b.Reference: "", c.Reference: "Geflickt."}
	for ref, w := range want {
		if g, ok := notes[ref]; !ok || g != w {
			t.Errorf("status_notes of %s = %q (listed %v), want %q", ref, g, ok, w)
		}
	}
	var ups []open311.RequestUpdate
	jsonOf(t, e.api("GET", "/georeport/v2/servicerequestupdates.json", nil), &ups)
	per := map[string][]string{}
	for _, u := range ups {
		per[u.ServiceRequestID] = append(per[u.ServiceRequestID], string(u.Description))
	}
	if len(per[a.Reference]) != 2 || len(per[b.Reference]) != 0 || len(per[c.Reference]) != 1 || per[c.Reference][0] != "Geflickt." {
		t.Errorf("updates per report = %v", per)
	}
}

// TestGeoReportServiceNamesInEnglish: service names follow locale, else
// Accept-Language, German by default; a category without an English name
// keeps its German one; attribute descriptions stay as they are.
func TestGeoReportServiceNamesInEnglish(t *testing.T) {
	e := newGeoEnv(t)
	rep := e.submit(e.schlagloch, 50.92, 11.58, "Tiefes Loch")
	cases := []struct {
		query, accept, want string
	}{
		{"", "", "Schlagloch"},
		{"locale=en", "", "Pothole"},
		{"locale=en_GB", "", "Pothole"},
		{"locale=EN-us", "de", "Pothole"},
		{"", "en-GB,en;q=0.9,de;q=0.5", "Pothole"},
		{"", "de,en;q=0.8", "Schlagloch"},
		{"locale=de", "en", "Schlagloch"},
		{"locale=fr", "en", "Pothole"}, // an unsupported locale leaves it to the header
		{"locale=fr", "", "Schlagloch"},
	}
	get := func(path, query, accept string) *response {
		t.Helper()
		r := httptest.NewRequest("GET", path+"?"+query, nil)
		if accept != "" {
			r.Header.Set("Accept-Language", accept)
		}
		res := e.do(r)
		wantStatus(t, res, 200)
		return res
	}
	for _, tc := range cases {
		var svcs []open311.Service
		jsonOf(t, get("/georeport/v2/services.json", tc.query, tc.accept), &svcs)
		names := map[string]string{}
		for _, s := range svcs {
			names[s.ServiceCode] = s.ServiceName
		}
		if names["schlagloch"] != tc.want || names["muell"] != "Illegale Müllablagerung" {
			t.Errorf("services with %q, Accept-Language %q: schlagloch %q, muell %q; want %q and the German name",
				tc.query, tc.accept, names["schlagloch"], names["muell"], tc.want)
		}
		var reqs []open311.ServiceRequest
		jsonOf(t, get("/georeport/v2/requests/"+rep.Reference+".json", tc.query, tc.accept), &reqs)
		if len(reqs) != 1 || reqs[0].ServiceName != tc.want {
			t.Errorf("request with %q, Accept-Language %q: %+v, want service_name %q", tc.query, tc.accept, reqs, tc.want)
		}
	}
	for _, path := range []string{"/georeport/v2/services.xml", "/georeport/v2/requests.xml"} {
		res := get(path, "locale=en", "")
		checkDoc(t, res, "xml")
		if !strings.Contains(res.body, "<service_name>Pothole</service_name>") {
			t.Errorf("%s?locale=en without the English name:\n%.1000s", path, res.body)
		}
		if v := res.Header.Values("Vary"); !strings.Contains(strings.Join(v, ","), "Accept-Language") {
			t.Errorf("%s: Vary %q, want Accept-Language", path, v)
		}
	}
	res := get("/georeport/v2/services/schlagloch.json", "locale=en", "en")
	if !strings.Contains(res.body, "Wie tief ist das Loch (cm)?") {
		t.Errorf("definition in English changed the attribute's description:\n%s", res.body)
	}
}

// TestGeoReportCORS: a page on another site may read every answer, errors
// too, without credentials; its preflight gets 204 with the methods and
// headers; its POST with a key creates a report it can read.
func TestGeoReportCORS(t *testing.T) {
	e := newGeoEnv(t)
	const partner = "https://karte.partner.example"
	send := func(method, path, contentType, body string) *response {
		t.Helper()
		r := httptest.NewRequest(method, path, strings.NewReader(body))
		r.Header.Set("Origin", partner)
		r.Header.Set("Sec-Fetch-Site", "cross-site")
		r.Header.Set("Sec-Fetch-Mode", "cors")
		if contentType != "" {
			r.Header.Set("Content-Type", contentType)
		}
		return e.do(r)
	}
	form := url.Values{"api_key": {e.key}, "service_code": {"muell"}, "lat": {"50.9271"}, "long": {"11.5892"},
		"description": {"Sperrmüll am Radweg"}}
	created := form.Encode()
	form.Set("api_key", "falsch")
	badKey := form.Encode()
	cases := []struct {
		name, method, path, contentType, body string
		status                                int
	}{
		{"services", "GET", "/georeport/v2/services.json", "", "", 200},
		{"requests", "GET", "/georeport/v2/requests.xml", "", "", 200},
		{"unknown service", "GET", "/georeport/v2/services/nichts.json", "", "", 404},
		{"unknown path", "GET", "/georeport/v2/a/b/c.json", "", "", 404},
		{"wrong content type", "POST", "/georeport/v2/requests.json", "text/plain", "x", 415},
		{"bad key", "POST", "/georeport/v2/requests.json", "application/x-www-form-urlencoded", badKey, 403},
		{"created", "POST", "/georeport/v2/requests.json", "application/x-www-form-urlencoded", created, 201},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := send(tc.method, tc.path, tc.contentType, tc.body)
			wantStatus(t, res, tc.status)
			if got := res.Header.Get("Access-Control-Allow-Origin"); got != "*" {
				t.Errorf("Access-Control-Allow-Origin %q, want *", got)
			}
			if got := res.Header.Get("Access-Control-Allow-Credentials"); got != "" {
				t.Errorf("Access-Control-Allow-Credentials %q, want none", got)
			}
		})
	}

	for _, path := range []string{"/georeport/v2/requests.json", "/georeport/v2/services/muell.xml"} {
		r := httptest.NewRequest("OPTIONS", path, nil)
		r.Header.Set("Origin", partner)
		r.Header.Set("Access-Control-Request-Method", "POST")
		r.Header.Set("Access-Control-Request-Headers", "content-type")
		res := e.do(r)
		wantStatus(t, res, http.StatusNoContent)
		h := res.Header
		if h.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(h.Get("Access-Control-Allow-Methods"), "POST") ||
			!strings.Contains(h.Get("Access-Control-Allow-Methods"), "GET") ||
			!strings.Contains(strings.ToLower(h.Get("Access-Control-Allow-Headers")), "content-type") || res.body != "" {
			t.Errorf("preflight of %s: %v %q", path, h, res.body)
		}
	}
	// The site's own pages stay as they were: no CORS outside the API.
	if got := send("GET", "/meldungen", "", "").Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("/meldungen: Access-Control-Allow-Origin %q, want none", got)
	}
}
