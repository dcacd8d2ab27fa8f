package web

import (
	"context"
	"net/url"
	"testing"

	"rathaus/internal/demo"
	"rathaus/internal/georeport"
	"rathaus/internal/open311"
)

// TestGeoReportDemoKey: on the seeded demo city, the printed key creates a
// report through POST /georeport/v2/requests.json at once, and the report
// is there to read, with its English service name when asked.
func TestGeoReportDemoKey(t *testing.T) {
	e := newEnv(t, withNow(testNow), withOrgs)
	ctx := context.Background()
	if _, err := demo.Seed(ctx, e.acc, e.srv.opts.Orgs); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.SeedReports(ctx, demo.ReportSeed{Store: e.db, Orgs: e.srv.opts.Orgs, Accounts: e.db, Open311: e.db,
		Now: testNow, N: 20}); err != nil {
		t.Fatal(err)
	}
	e.srv.opts.Reports = demo.ReportService(e.db, e.srv.opts.Now)
	e.srv.opts.Open311Clients = &georeport.Service{Store: e.db, Now: e.srv.opts.Now}
	geo := &geoEnv{testEnv: e}

	form := url.Values{"api_key": {demo.Open311Key}, "service_code": {"schlagloch"}, "lat": {"50.9271"}, "long": {"11.5892"},
		"description": {"Loch im Radweg"}}
	res := geo.api("POST", "/georeport/v2/requests.json", form)
	wantStatus(t, res, 201)
	var created []open311.PostResponse
	jsonOf(t, res, &created)
	if len(created) != 1 || created[0].ServiceRequestID == "" {
		t.Fatalf("POST answer %s", res.body)
	}
	var got []open311.ServiceRequest
	jsonOf(t, geo.api("GET", "/georeport/v2/requests/"+created[0].ServiceRequestID+".json?locale=en", nil), &got)
	if len(got) != 1 || got[0].ServiceName != "Pothole or road damage" || got[0].Description != "Loch im Radweg" ||
		got[0].Status != open311.Open {
		t.Errorf("the demo key's report: %+v", got)
	}
	form.Set("api_key", "o311_falsch")
	wantError(t, geo.api("POST", "/georeport/v2/requests.json", form), "json", 403, "api_key")
}
