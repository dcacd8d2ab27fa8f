package web

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"rathaus/internal/georeport"
	"rathaus/internal/open311"
)

// TestReportsWebAndAPI: the web pages and the Open311 API show the same
// reports. A report sent by an app through the API is in the unit's queue
// at /amt/meldungen and on the public list; the case worker changes its
// status on the office page, and the API and the public page show the new
// status with the same note; the reports of the web are in the API.
func TestReportsWebAndAPI(t *testing.T) {
	e := newRSEnv(t)
	ctx := context.Background()
	keys := &georeport.Service{Store: any(e.db).(georeport.Store), Now: e.clock.Now}
	key, err := keys.Issue(ctx, &georeport.Client{Name: "Jena-App", Contact: "app@example.org"}, nil)
	mustDo(t, err)
	e.srv.opts.Open311Clients = keys
	api := func(method, path string, form url.Values) *response {
		t.Helper()
		var r = httptest.NewRequest(method, path, nil)
		if form != nil {
			r = httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		return e.do(r)
	}

	res := api("POST", "/georeport/v2/requests.json", url.Values{"api_key": {key}, "service_code": {"licht"},
		"address_string": {"Johannisplatz 3, Jena"}, "description": {"Laterne flackert seit Tagen."}, "email": {"app-nutzer@example.org"}})
	wantStatus(t, res, 201)
	var posted []open311.PostResponse
	jsonOf(t, res, &posted)
	if len(posted) != 1 || posted[0].ServiceRequestID == "" {
		t.Fatalf("POST answer %s", res.body)
	}
	ref := posted[0].ServiceRequestID

	// The office queue of the street-light unit lists it; the report's page
	// shows the app as its source.
	worker := e.login(e.worker)
	queue := e.get("/amt/meldungen", worker)
	wantStatus(t, queue, 200)
	if query(queue.doc, "main a[href='"+rsPath(ref)+"']") == nil {
		t.Fatalf("the queue does not list %s:\n%s", ref, texts(queue.doc, "main table"))
	}
	if list := e.get("/meldungen"); query(list.doc, "main a[href='/meldungen/"+ref+"']") == nil {
		t.Errorf("the public list does not show %s", ref)
	}

	// The case worker closes it on the office page.
	rep, err := e.reports.Store.FindDefectReportByReference(ctx, ref)
	mustDo(t, err)
	done := e.rsPost(t, rep, "/status", url.Values{"status": {"done"}, "status_note": {"Leuchtmittel getauscht."}}, rep.Version)
	wantStatus(t, done, 303)

	var got []open311.ServiceRequest
	jsonOf(t, api("GET", "/georeport/v2/requests/"+ref+".json", nil), &got)
	if len(got) != 1 || got[0].Status != open311.Closed || got[0].StatusNotes != "Leuchtmittel getauscht." {
		t.Errorf("the API after the office's change: %+v", got)
	}
	page := e.get("/meldungen/" + ref)
	wantStatus(t, page, 200)
	if !strings.Contains(page.body, "Leuchtmittel getauscht.") || strings.Contains(page.body, "app-nutzer@example.org") {
		t.Errorf("the public page lacks the note or shows the e-mail:\n%s", texts(page.doc, "main"))
	}

	// A report filed through the service the web form uses is in the
	// API's list (TestReportFlow follows one through the form itself).
	var all []open311.ServiceRequest
	jsonOf(t, api("GET", "/georeport/v2/requests.json?status=open", nil), &all)
	found := false
	for _, sr := range all {
		found = found || sr.ServiceRequestID == e.light2.Reference && sr.ServiceCode == "licht"
	}
	if !found {
		t.Errorf("the API's open requests lack the web report %s: %+v", e.light2.Reference, all)
	}
}
