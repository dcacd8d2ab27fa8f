package web

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"rathaus/internal/open311"
	"rathaus/internal/org"
	"rathaus/internal/report"
)

var geoFormats = []string{"xml", "json"}

// errorsOf decodes a JSON error list.
func errorsOf(t testing.TB, res *response) []open311.Error {
	t.Helper()
	var es []open311.Error
	jsonOf(t, res, &es)
	if len(es) == 0 {
		t.Fatalf("no errors in %s", res.body)
	}
	return es
}

// wantError checks status, format and that one error's description says want.
func wantError(t testing.TB, res *response, format string, status int, want string) {
	t.Helper()
	wantStatus(t, res, status)
	checkDoc(t, res, format)
	if !strings.Contains(res.body, want) {
		t.Errorf("error %d does not say %q:\n%s", status, want, res.body)
	}
	if format == "json" {
		if es := errorsOf(t, res); es[0].Code != status {
			t.Errorf("code %d, want %d", es[0].Code, status)
		}
	} else if !strings.Contains(res.body, "<errors>") || !strings.Contains(res.body, "<code>") {
		t.Errorf("no <errors><error><code> in\n%s", res.body)
	}
}

func TestGeoReportDiscoveryAndServices(t *testing.T) {
	e := newGeoEnv(t)
	for _, f := range geoFormats {
		res := e.api("GET", "/georeport/v2/discovery."+f, nil)
		wantStatus(t, res, 200)
		checkDoc(t, res, f)
		if !strings.Contains(res.body, "http://rathaus.test/georeport/v2/") || !strings.Contains(res.body, open311.Specification) {
			t.Errorf("discovery without the endpoint:\n%s", res.body)
		}
		res = e.api("GET", "/georeport/v2/services."+f+"?jurisdiction_id=jena.de", nil)
		wantStatus(t, res, 200)
		checkDoc(t, res, f)
		if !strings.Contains(res.body, "schlagloch") || strings.Contains(res.body, "Alte Kategorie") {
			t.Errorf("services list wrong (active only):\n%s", res.body)
		}
		res = e.api("GET", "/georeport/v2/services/schlagloch."+f, nil)
		wantStatus(t, res, 200)
		checkDoc(t, res, f)
		if !strings.Contains(res.body, "TIEFE") || !strings.Contains(res.body, "number") {
			t.Errorf("definition without its attribute:\n%s", res.body)
		}
		wantError(t, e.api("GET", "/georeport/v2/services/gibtsnicht."+f, nil), f, 404, "service_code")
		wantError(t, e.api("GET", "/georeport/v2/services/alt."+f, nil), f, 404, "service_code")
		wantError(t, e.api("GET", "/georeport/v2/services."+f+"?jurisdiction_id=berlin.de", nil), f, 404, "jurisdiction_id")
		wantError(t, e.api("GET", "/georeport/v2/unbekannt."+f, nil), f, 404, "unknown document")
	}
	var list []open311.Service
	jsonOf(t, e.api("GET", "/georeport/v2/services.json", nil), &list)
	byCode := map[string]open311.Service{}
	for _, sv := range list {
		byCode[sv.ServiceCode] = sv
	}
	if sl := byCode["schlagloch"]; len(list) != 4 || !sl.Metadata || byCode["muell"].Metadata ||
		sl.Type != open311.Realtime || sl.Group != "Straße" || sl.ServiceName != "Schlagloch" || len(sl.Keywords) != 2 {
		t.Errorf("services = %+v", list)
	}
	// Unsupported formats: 404 in XML, the mandatory format.
	for _, p := range []string{"/georeport/v2/services.csv", "/georeport/v2/services", "/georeport/v2/requests/M-2026-00001.html"} {
		wantError(t, e.api("GET", p, nil), "xml", 404, "format")
	}
}

// TestGeoReportSpecExamples: the standard's example service and service
// definition come out as the standard writes them.
func TestGeoReportSpecExamples(t *testing.T) {
	e := newGeoEnv(t)
	var want, got any
	mustDo(t, json.Unmarshal(specDoc(t, "service_definition.json"), &want))
	res := e.api("GET", "/georeport/v2/services/DMV66.json", nil)
	wantStatus(t, res, 200)
	jsonOf(t, res, &got)
	if !reflect.DeepEqual(want, got) {
		t.Errorf("service definition\n got %s\nwant %s", res.body, specDoc(t, "service_definition.json"))
	}
	var wantList, gotList []map[string]any
	mustDo(t, json.Unmarshal(specDoc(t, "services.json"), &wantList))
	jsonOf(t, e.api("GET", "/georeport/v2/services.json", nil), &gotList)
	var cans map[string]any
	for _, s := range gotList {
		if s["service_code"] == "001" {
			cans = s
		}
	}
	if !reflect.DeepEqual(wantList[0], cans) {
		t.Errorf("service 001\n got %v\nwant %v", cans, wantList[0])
	}
	res = e.api("GET", "/georeport/v2/services/DMV66.xml", nil)
	checkDoc(t, res, "xml")
	for _, s := range []string{"<service_definition>", "<code>WHISHETN</code>", "<datatype_description></datatype_description>",
		"<key>124</key>", "<name>Chrysler</name>"} {
		if !strings.Contains(res.body, s) {
			t.Errorf("XML definition lacks %s:\n%s", s, res.body)
		}
	}
	// The standard's example POST (its coordinates, a combined location
	// like FixMyStreet's, every optional field) with our key and jurisdiction.
	form := url.Values{"api_key": {e.key}, "jurisdiction_id": {"jena.de"}, "service_code": {"DMV66"},
		"attribute[WHISHETN]": {"123"}, "lat": {"37.76524078"}, "long": {"-122.4212043"},
		"address_string": {"1234 5th street"}, "email": {"smit222@sfgov.edu"}, "device_id": {"tt222111"},
		"account_id": {"123456"}, "first_name": {"john"}, "last_name": {"smith"}, "phone": {"111111111"},
		"description": {"A large sinkhole is destroying the street"}, "media_url": {"http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg"}}
	res = e.api("POST", "/georeport/v2/requests.xml", form)
	wantStatus(t, res, 201)
	checkDoc(t, res, "xml")
	if !strings.Contains(res.body, "<service_request_id>M-2026-") {
		t.Errorf("POST answer:\n%s", res.body)
	}
	form.Set("jurisdiction_id", "city.gov")
	wantError(t, e.api("POST", "/georeport/v2/requests.xml", form), "xml", 404, "jurisdiction_id")
}

func TestGeoReportPostErrors(t *testing.T) {
	e := newGeoEnv(t)
	ok := url.Values{"api_key": {e.key}, "service_code": {"muell"}, "lat": {"50.9271"}, "long": {"11.5892"},
		"description": {"Sperrmüll am Straßenrand"}}
	with := func(change func(v url.Values)) url.Values {
		v := url.Values{}
		for k, vs := range ok {
			v[k] = append([]string(nil), vs...)
		}
		change(v)
		return v
	}
	cases := []struct {
		name   string
		form   url.Values
		status int
		says   string
	}{
		{"missing api_key", with(func(v url.Values) { v.Del("api_key") }), 403, "api_key is required"},
		{"unknown key", with(func(v url.Values) { v.Set("api_key", "o311_falsch") }), 403, "invalid api_key"},
		{"revoked key", with(func(v url.Values) { v.Set("api_key", e.revokedKey) }), 403, "invalid api_key"},
		{"unknown service_code", with(func(v url.Values) { v.Set("service_code", "ufo") }), 400, "service_code"},
		{"inactive service_code", with(func(v url.Values) { v.Set("service_code", "alt") }), 400, "service_code"},
		{"no location", with(func(v url.Values) { v.Del("lat"); v.Del("long") }), 400, "location is required"},
		{"multiple locations", with(func(v url.Values) {
			v.Del("lat")
			v.Del("long")
			v.Set("address_string", "Markt 1")
			v.Set("address_id", "4711")
		}), 400, "exactly one location"},
		{"bad lat", with(func(v url.Values) { v.Set("lat", "91") }), 400, "lat must be"},
		{"lat without long", with(func(v url.Values) { v.Del("long") }), 400, "together"},
		{"too-long description", with(func(v url.Values) { v.Set("description", strings.Repeat("x", 4001)) }), 400, "description"},
		{"HTML description", with(func(v url.Values) { v.Set("description", "<b>Müll</b>") }), 400, "without HTML"},
		{"missing attribute", with(func(v url.Values) { v.Set("service_code", "schlagloch") }), 400, "TIEFE"},
		{"bad attribute", with(func(v url.Values) {
			v.Set("service_code", "schlagloch")
			v.Set("attribute[TIEFE]", "tief")
		}), 400, "TIEFE"},
		{"bad email", with(func(v url.Values) { v.Set("email", "kein-at") }), 400, "email"},
		{"unknown jurisdiction", with(func(v url.Values) { v.Set("jurisdiction_id", "berlin.de") }), 404, "jurisdiction_id"},
	}
	for _, tc := range cases {
		for _, f := range geoFormats {
			t.Run(tc.name+"/"+f, func(t *testing.T) {
				wantError(t, e.api("POST", "/georeport/v2/requests."+f, tc.form), f, tc.status, tc.says)
			})
		}
	}
	wantError(t, e.api("POST", "/georeport/v2/services.json", ok), "json", 404, "only requests")
	// Nothing was stored by any of them.
	_, n, err := e.db.FindDefectReports(context.Background(), report.Filter{OrgID: e.city.ID})
	mustDo(t, err)
	if n != 0 {
		t.Errorf("%d reports stored from bad requests", n)
	}
}

// TestGeoReportPostToQueue: a report through Open311 is in the office's
// data with its client as source; a status change shows in the API and
// its updates feed; GET answers carry no personal data.
func TestGeoReportPostToQueue(t *testing.T) {
	e := newGeoEnv(t)
	ctx := context.Background()
	var ids []string
	for _, f := range geoFormats {
		res := e.api("POST", "/georeport/v2/requests."+f, url.Values{"api_key": {e.key}, "service_code": {"schlagloch"},
			"lat": {"50.9271"}, "long": {"11.5892"}, "attribute[TIEFE]": {"12"}, "description": {"Tiefes Loch vor Hausnummer 3"},
			"email": {"erika@example.org"}, "first_name": {"Erika"}, "last_name": {"Mustermann"}, "phone": {"+49 3641 123456"}})
		wantStatus(t, res, 201)
		checkDoc(t, res, f)
		var id string
		if f == "json" {
			var pr []open311.PostResponse
			jsonOf(t, res, &pr)
			if len(pr) != 1 || pr[0].Token != "" {
				t.Fatalf("POST answer %s", res.body)
			}
			id = pr[0].ServiceRequestID
		} else {
			id = between(res.body, "<service_request_id>", "</service_request_id>")
		}
		ids = append(ids, id)
	}
	reps, n, err := e.db.FindDefectReports(ctx, report.Filter{OrgID: e.city.ID, UnitIDs: []int64{e.unit.ID}})
	mustDo(t, err)
	if n != 2 {
		t.Fatalf("the unit's queue has %d reports, want 2", n)
	}
	rep := reps[0]
	if rep.Source != report.SourceOpen311 || rep.ClientID == "" || rep.Contact.Email != "erika@example.org" ||
		rep.Contact.Name != "Erika Mustermann" || rep.Answers["TIEFE"][0] != "12" || rep.Status != report.StatusReceived {
		t.Errorf("stored report %+v", rep)
	}
	for _, f := range geoFormats {
		res := e.api("GET", "/georeport/v2/requests/"+ids[0]+"."+f, nil)
		wantStatus(t, res, 200)
		checkDoc(t, res, f)
		for _, private := range []string{"erika@example.org", "Mustermann", "123456"} {
			if strings.Contains(res.body, private) {
				t.Errorf("GET /requests/{id} shows %q:\n%s", private, res.body)
			}
		}
		if !strings.Contains(res.body, "Tiefbauamt") || !strings.Contains(res.body, "open") {
			t.Errorf("request without agency or status:\n%s", res.body)
		}
	}
	// Staff work on it: in progress with a note, an internal note, done.
	first, err := e.db.FindDefectReportByReference(ctx, ids[0])
	mustDo(t, err)
	admin := report.Actor{Admin: true, UserID: &e.admin.ID}
	first, err = e.reports.SetStatus(ctx, admin, first.ID, first.Version, report.StatusInProgress, "Wir sehen uns das an.", "")
	mustDo(t, err)
	mustDo(t, e.reports.AddNote(ctx, admin, first.ID, "intern: Kolonne 3 schicken", false))
	first, err = e.db.FindDefectReport(ctx, first.ID)
	mustDo(t, err)
	_, err = e.reports.SetStatus(ctx, admin, first.ID, first.Version, report.StatusDone, "Das Loch ist geflickt.", "")
	mustDo(t, err)

	var got []open311.ServiceRequest
	jsonOf(t, e.api("GET", "/georeport/v2/requests/"+ids[0]+".json", nil), &got)
	if len(got) != 1 || got[0].Status != open311.Closed || got[0].StatusNotes != "Das Loch ist geflickt." ||
		got[0].ServiceCode != "schlagloch" || got[0].Lat == nil || float64(*got[0].Lat) != 50.9271 {
		t.Errorf("after the status change: %+v", got)
	}
	for _, f := range geoFormats {
		res := e.api("GET", "/georeport/v2/servicerequestupdates."+f, nil)
		wantStatus(t, res, 200)
		checkDoc(t, res, f)
		if strings.Contains(res.body, "Kolonne") {
			t.Errorf("internal note in the updates feed:\n%s", res.body)
		}
	}
	var ups []open311.RequestUpdate
	jsonOf(t, e.api("GET", "/georeport/v2/servicerequestupdates.json", nil), &ups)
	var mine []open311.RequestUpdate
	for _, u := range ups {
		if u.ServiceRequestID == ids[0] {
			mine = append(mine, u)
		}
	}
	if len(mine) != 2 || mine[0].Status != open311.UpdateInProgress || mine[1].Status != open311.UpdateFixed ||
		mine[1].Description != "Das Loch ist geflickt." {
		t.Errorf("updates of %s = %+v", ids[0], mine)
	}
	wantError(t, e.api("GET", "/georeport/v2/servicerequestupdates.json?start_date=2026-01-01&end_date=2026-06-01", nil),
		"json", 400, "90 days")
	wantError(t, e.api("GET", "/georeport/v2/requests/M-2026-99999.json", nil), "json", 404, "service_request_id")
	wantError(t, e.api("GET", "/georeport/v2/requests/M-2026-99999.xml", nil), "xml", 404, "service_request_id")
}

func between(s, a, b string) string {
	_, rest, _ := strings.Cut(s, a)
	v, _, _ := strings.Cut(rest, b)
	return v
}

func TestGeoReportRequestsFilters(t *testing.T) {
	e := newGeoEnv(t)
	ctx := context.Background()
	old := &report.Service{Store: e.db, Now: func() time.Time { return testNow.AddDate(0, 0, -100) }}
	lat, long := 50.93, 11.59
	mustDo(t, old.Submit(ctx, &report.Report{OrgID: e.city.ID, CategoryID: e.muell.ID, Description: "Alter Müll",
		Location: report.Location{Lat: &lat, Long: &long}}))
	hole := e.submit(e.schlagloch, 50.9271, 11.5892, "Loch am Markt")
	trash := e.submit(e.muell, 50.8900, 11.6000, "Sperrmüll in Lobeda")
	admin := report.Actor{Admin: true}
	_, err := e.reports.SetStatus(ctx, admin, trash.ID, trash.Version, report.StatusDone, "Abgeholt.", "")
	mustDo(t, err)

	refs := func(query string) []string {
		t.Helper()
		res := e.api("GET", "/georeport/v2/requests.json"+query, nil)
		wantStatus(t, res, 200)
		checkDoc(t, res, "json")
		var got []open311.ServiceRequest
		jsonOf(t, res, &got)
		var out []string
		for _, r := range got {
			out = append(out, r.ServiceRequestID)
		}
		return out
	}
	eq := func(name string, got []string, want ...string) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
	eq("default (last 90 days)", refs(""), trash.Reference, hole.Reference)
	eq("status=open", refs("?status=open"), hole.Reference)
	eq("status=closed", refs("?status=closed"), trash.Reference)
	eq("service_code", refs("?service_code=schlagloch"), hole.Reference)
	eq("bbox", refs("?bbox=11.58,50.92,11.60,50.93"), hole.Reference)
	eq("q", refs("?q=Lobeda"), trash.Reference)
	eq("page_size", refs("?page=2&page_size=1"), hole.Reference)
	eq("limit/offset", refs("?limit=1&offset=0"), trash.Reference)
	eq("old range", refs("?start_date=2026-08-01T00:00:00%2B02:00&end_date=2026-09-01T00:00:00%2B02:00"), "M-2026-00001")
	eq("empty range", refs("?start_date=2026-10-01&end_date=2026-11-01"))
	eq("ids override", refs("?service_request_id="+hole.Reference+","+trash.Reference+"&status=closed"),
		hole.Reference, trash.Reference)
	for _, f := range geoFormats {
		res := e.api("GET", "/georeport/v2/requests."+f, nil)
		wantStatus(t, res, 200)
		checkDoc(t, res, f)
		for _, private := range []string{"erika@example.org", "Mustermann", "123456"} {
			if strings.Contains(res.body, private) {
				t.Errorf("GET /requests shows %q", private)
			}
		}
		wantError(t, e.api("GET", "/georeport/v2/requests."+f+"?start_date=gestern", nil), f, 400, "start_date")
		wantError(t, e.api("GET", "/georeport/v2/requests."+f+"?start_date=2026-01-01&end_date=2026-06-01", nil), f, 400, "90 days")
		wantError(t, e.api("GET", "/georeport/v2/requests."+f+"?end_date=2026-01-01&start_date=2026-02-01", nil), f, 400, "end_date")
		wantError(t, e.api("GET", "/georeport/v2/requests."+f+"?page_size=1001", nil), f, 400, "page_size")
		wantError(t, e.api("GET", "/georeport/v2/requests."+f+"?status=kaputt", nil), f, 400, "status")
		wantError(t, e.api("GET", "/georeport/v2/requests."+f+"?bbox=1,2,3", nil), f, 400, "bbox")
		wantError(t, e.api("GET", "/georeport/v2/requests."+f+"?service_code=ufo", nil), f, 404, "service_code")
		wantError(t, e.api("GET", "/georeport/v2/requests."+f+"?service_request_id=M-1999-00001", nil), f, 404, "service_request_id")
		wantError(t, e.api("GET", "/georeport/v2/requests."+f+"?jurisdiction_id=berlin.de", nil), f, 404, "jurisdiction_id")
		wantError(t, e.api("GET", "/georeport/v2/tokens/abc."+f, nil), f, 404, "token")
	}
}

func TestGeoReportRateLimit(t *testing.T) {
	e := newGeoEnv(t)
	form := url.Values{"api_key": {e.key}, "service_code": {"muell"}, "address_string": {"Markt 1, Jena"}}
	for i := 0; i < 5; i++ {
		wantStatus(t, e.api("POST", "/georeport/v2/requests.json", form), 201)
	}
	res := e.api("POST", "/georeport/v2/requests.json", form)
	wantError(t, res, "json", 429, "5 service requests per hour")
	// The clock stands at 10:00 sharp: the next hour starts in 3,600 seconds.
	if got := res.Header.Get("Retry-After"); got != "3600" {
		t.Errorf("Retry-After %q, want 3600 (seconds)", got)
	}
	wantError(t, e.api("POST", "/georeport/v2/requests.xml", form), "xml", 429, "rate limit")
	// Reading is not limited.
	wantStatus(t, e.api("GET", "/georeport/v2/requests.json", nil), 200)
}

// TestGeoReportFromOtherSites: a partner site's page may post a report
// with its key from the citizen's browser (the cross-origin check that
// guards cookie sessions does not apply), and a body the API cannot read
// gets the standard's error list, not an HTML page, and stores nothing.
func TestGeoReportFromOtherSites(t *testing.T) {
	e := newGeoEnv(t)
	form := url.Values{"api_key": {e.key}, "service_code": {"muell"}, "address_string": {"Markt 1, Jena"},
		"description": {"Sperrmüll vor dem Rathaus"}}
	r := httptest.NewRequest("POST", "/georeport/v2/requests.json", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Origin", "https://maengelmelder.example")
	r.Header.Set("Sec-Fetch-Site", "cross-site")
	res := e.do(r)
	wantStatus(t, res, 201)
	if !strings.Contains(res.body, "service_request_id") {
		t.Errorf("cross-site POST answered %s", res.body)
	}
	for _, f := range geoFormats {
		r := httptest.NewRequest("POST", "/georeport/v2/requests."+f, strings.NewReader(`{"service_code":"muell"}`))
		r.Header.Set("Content-Type", "application/json")
		wantError(t, e.do(r), f, 415, "x-www-form-urlencoded")
	}
	_, n, err := e.db.FindDefectReports(context.Background(), report.Filter{OrgID: e.city.ID})
	mustDo(t, err)
	if n != 1 {
		t.Errorf("%d reports stored, want only the cross-site one", n)
	}
}

// TestGeoReportToken: GET /tokens/{token} finds the request created under
// a token (as a queued submission would be) in the standard's shape, in
// both formats; another organisation's token is not found.
func TestGeoReportToken(t *testing.T) {
	e := newGeoEnv(t)
	ctx := context.Background()
	rep := &report.Report{OrgID: e.city.ID, CategoryID: e.muell.ID, UnitID: &e.unit.ID, Status: report.StatusReceived,
		Location: report.Location{Address: "Markt 1"}, Description: "Sperrmüll", Source: report.SourceOpen311,
		RequestedAt: testNow, Token: "12345"}
	mustDo(t, e.db.CreateDefectReport(ctx, rep, nil))
	var got []map[string]any
	jsonOf(t, e.api("GET", "/georeport/v2/tokens/12345.json", nil), &got)
	if len(got) != 1 || got[0]["token"] != "12345" || got[0]["service_request_id"] != rep.Reference || len(got[0]) != 2 {
		t.Errorf("token answer %v, want the standard's two fields with %s", got, rep.Reference)
	}
	res := e.api("GET", "/georeport/v2/tokens/12345.xml", nil)
	wantStatus(t, res, 200)
	checkDoc(t, res, "xml")
	want := "<service_requests><request><service_request_id>" + rep.Reference + "</service_request_id><token>12345</token></request></service_requests>"
	if !strings.Contains(strings.Join(strings.Fields(res.body), ""), want) {
		t.Errorf("XML token answer:\n%s\nwant %s", res.body, want)
	}
	other := &org.Org{Kind: org.KindOrganisation, Slug: "weimar", Name: "Weimar", CreatedAt: testNow}
	mustDo(t, e.db.CreateOrg(ctx, other))
	cat := &report.Category{OrgID: other.ID, Code: "muell", NameDE: "Müll", Active: true}
	mustDo(t, e.db.CreateDefectCategory(ctx, cat))
	mustDo(t, e.db.CreateDefectReport(ctx, &report.Report{OrgID: other.ID, CategoryID: cat.ID, Status: report.StatusReceived,
		Location: report.Location{Address: "Markt 1"}, Description: "Müll", Source: report.SourceOpen311, RequestedAt: testNow,
		Token: "weimar-1"}, nil))
	wantError(t, e.api("GET", "/georeport/v2/tokens/weimar-1.json", nil), "json", 404, "token")
}
