package web

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/cases"
	"rathaus/internal/form"
	"rathaus/internal/helppoint"
	"rathaus/internal/processlog"
)

// TestHelpPointsPublicPage: the listing shows address, today's state,
// the coming stops (not past ones), coordinates with a geo: link and no
// third-party map; the city's map only when configured; in English too;
// the footer and online service pages link to it.
func TestHelpPointsPublicPage(t *testing.T) {
	e := newHPEnv(t)
	res := e.get("/hilfe-vor-ort")
	wantStatus(t, res, 200)
	shop := text(query(res.doc, "#hilfepunkt-"+strconv.FormatInt(e.shop.ID, 10)))
	for _, want := range []string{"ProbierLaden", "Markt 16", "07743 Jena", "Jetzt geöffnet bis 14:00 Uhr", "50,92795° N, 11,58923° O",
		"Stufenloser Eingang", "Deutsch, English", "probierladen@jena.example", "Fester Standort"} {
		if !strings.Contains(shop, want) {
			t.Errorf("the ProbierLaden's section lacks %q:\n%s", want, shop)
		}
	}
	bus := text(query(res.doc, "#hilfepunkt-"+strconv.FormatInt(e.bus.ID, 10)))
	for _, want := range []string{"Lobeda-West, Stadtteilbüro", "Karl-Marx-Allee 28", "Mo, 30.11., 10:00 bis 13:00 Uhr", "Winzerla", "Mobil"} {
		if !strings.Contains(bus, want) {
			t.Errorf("the ProbierMobil's section lacks %q:\n%s", want, bus)
		}
	}
	if strings.Contains(bus, "Jena-Nord") {
		t.Error("a past stop is listed")
	}
	if query(res.doc, "a[href='geo:50.927950,11.589230']") == nil {
		t.Error("no geo: link")
	}
	if strings.Contains(res.body, "openstreetmap") || strings.Contains(res.body, "google") || strings.Contains(res.body, "Stadtplan") {
		t.Error("a map link without a configured city map")
	}
	if query(res.doc, "footer a[href='/hilfe-vor-ort']") == nil {
		t.Error("the footer does not link to the help points")
	}
	e.hp.MapURL = "https://stadtplan.jena.example/?lat={lat}&lon={lon}"
	res = e.get("/hilfe-vor-ort")
	if query(res.doc, "a[href='https://stadtplan.jena.example/?lat=50.927950&lon=11.589230']") == nil {
		t.Error("no link to the configured city map")
	}

	en := e.do(newRequest("GET", "/hilfe-vor-ort", "en"))
	wantStatus(t, en, 200)
	for _, want := range []string{"Help in person", "Open now until 14:00", "Mon 30 Nov, 10:00 to 13:00", "Fixed location"} {
		if !strings.Contains(en.body, want) {
			t.Errorf("the English page lacks %q", want)
		}
	}

	svc := e.get("/leistungen/" + strconv.FormatInt(e.ids["anmeldung"], 10))
	wantStatus(t, svc, 200)
	if a := query(svc.doc, "#hilfe-vor-ort a[href='/hilfe-vor-ort']"); a == nil || text(a) != "Hilfe beim Ausfüllen vor Ort" {
		t.Error("the online service's page does not offer help in person")
	}
	offline := e.get("/leistungen/" + strconv.FormatInt(e.ids["gewerbe"], 10))
	if query(offline.doc, "#hilfe-vor-ort") != nil {
		t.Error("a service without online application offers help with filling in")
	}
	// Staff at a help point find their way to the assisted application.
	if query(e.get("/hilfe-vor-ort", e.login(e.helper)).doc, "a#assist-link") == nil {
		t.Error("the help-point worker gets no link to the assisted application")
	}
	if query(res.doc, "a#assist-link") != nil {
		t.Error("an anonymous visitor gets the staff link")
	}
}

// TestHelpPointsAPI: GET /api/v1/helppoints lists the points with hours,
// the open state and the coming stops.
func TestHelpPointsAPI(t *testing.T) {
	e := newHPEnv(t)
	e.check(loadOpenAPI(t), apiCall{method: "GET", path: "/api/v1/helppoints"}, 200)
	res := e.get("/api/v1/helppoints")
	wantStatus(t, res, 200)
	var got struct {
		HelpPoints []struct {
			Name      string          `json:"name"`
			Kind      string          `json:"kind"`
			Lat       float64         `json:"lat"`
			OpenNow   *bool           `json:"open_now"`
			Hours     json.RawMessage `json:"hours"`
			Languages []string        `json:"languages"`
			NextStops []struct {
				Place string `json:"place"`
				Start string `json:"start"`
			} `json:"next_stops"`
		} `json:"helppoints"`
	}
	if err := json.Unmarshal([]byte(res.body), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.HelpPoints) != 2 {
		t.Fatalf("got %d points", len(got.HelpPoints))
	}
	shop, bus := got.HelpPoints[0], got.HelpPoints[1]
	if shop.Name != "ProbierLaden" || shop.OpenNow == nil || !*shop.OpenNow || !strings.Contains(string(shop.Hours), `"sat":["10:00-14:00"]`) ||
		shop.Lat != 50.92795 || len(shop.Languages) != 2 {
		t.Errorf("ProbierLaden = %+v (hours %s)", shop, shop.Hours)
	}
	if bus.Kind != "mobile" || bus.OpenNow != nil || len(bus.NextStops) != 2 || bus.NextStops[0].Place != "Lobeda-West, Stadtteilbüro" ||
		bus.NextStops[0].Start != "2026-11-30T09:00:00Z" {
		t.Errorf("ProbierMobil = %+v", bus)
	}
}

// TestHelpPointsAdmin: bad input names every problem and stores nothing;
// good input creates and changes a point with hours and stops; an
// organisation admin manages only the points of their units; delete.
func TestHelpPointsAdmin(t *testing.T) {
	e := newHPEnv(t)
	ctx := context.Background()
	admin := e.login(e.admin)
	wantStatus(t, e.get("/admin/hilfepunkte", e.login(e.citizen)), 403)
	res := e.get("/admin/hilfepunkte", admin)
	wantStatus(t, res, 200)
	if rows := texts(res.doc, "#helppoints tbody th"); len(rows) != 2 {
		t.Errorf("admin list rows: %v", rows)
	}
	wantStatus(t, e.get("/admin/hilfepunkte/neu", admin), 200)

	bad := url.Values{"name": {""}, "kind": {"fixed"}, "street": {"Holzmarkt 1"}, "postcode": {"0774"}, "city": {"Jena"},
		"lat": {"abc"}, "lon": {"111,6"}, "hours-mon": {"25:00-26:00"}, "email": {"kein-at"}, "rows": {"3"},
		"stop-1-place": {"Lobeda"}, "stop-1-start": {""}}
	res = e.postForm("/admin/hilfepunkte/neu", bad, admin)
	wantStatus(t, res, 400)
	for _, f := range []string{"name", "postcode", "lat", "lon", "hours-mon", "email", "stop-1-start", "kind"} {
		if query(res.doc, "#error-summary a[href='#field-"+f+"']") == nil {
			t.Errorf("bad input: no error for %s in the summary", f)
		}
	}
	if all, _ := e.hp.Points(ctx); len(all) != 2 {
		t.Errorf("bad input stored a point: %d points", len(all))
	}

	good := url.Values{"name": {"Hilfe im Stadtteilzentrum"}, "kind": {"mobile"}, "street": {"Holzmarkt 1"},
		"postcode": {"07743"}, "city": {"Jena"}, "lat": {"50,9270"}, "lon": {"11,5880"}, "languages": {"Deutsch, Українська"},
		"org": {strconv.FormatInt(e.unit.ID, 10)}, "rows": {"3"},
		"stop-2-place": {"Winzerla"}, "stop-2-start": {"2026-12-04T09:00"}, "stop-2-end": {"2026-12-04T12:00"}}
	res = e.postForm("/admin/hilfepunkte/neu", good, admin)
	wantStatus(t, res, 303)
	all, _ := e.hp.Points(ctx)
	var id int64
	for _, p := range all {
		if p.Name == "Hilfe im Stadtteilzentrum" {
			id = p.ID
			if len(p.Stops) != 1 || p.Stops[0].Start.In(berlin).Hour() != 9 || p.OrgID == nil || *p.OrgID != e.unit.ID ||
				len(p.Languages) != 2 || p.Lat != 50.927 {
				t.Errorf("created point = %+v", p)
			}
		}
	}
	if id == 0 {
		t.Fatal("the point was not created")
	}
	path := "/admin/hilfepunkte/" + strconv.FormatInt(id, 10)
	res = e.get(path, admin)
	wantStatus(t, res, 200)
	if in := query(res.doc, "input#field-stop-0-start"); in == nil || attrOf(in, "value") != "2026-12-04T09:00" {
		t.Errorf("the edit form does not show the stop")
	}

	// The organisation admin of the unit changes it, not the ProbierLaden.
	oa := e.login(e.orgAdmin)
	res = e.get("/admin/hilfepunkte", oa)
	if rows := texts(res.doc, "#helppoints tbody th"); len(rows) != 1 {
		t.Errorf("org admin sees %v", rows)
	}
	wantStatus(t, e.get("/admin/hilfepunkte/"+strconv.FormatInt(e.shop.ID, 10), oa), 403)
	fixed := url.Values{}
	for k, v := range good {
		fixed[k] = v
	}
	fixed.Set("kind", "fixed")
	fixed.Set("hours-sat", "09:00-12:00")
	fixed.Del("stop-2-place")
	fixed.Del("stop-2-start")
	fixed.Del("stop-2-end")
	wantStatus(t, e.postForm(path, fixed, oa), 303)
	p, err := e.hp.Point(ctx, id)
	mustDo(t, err)
	if p.Kind != "fixed" || len(p.Stops) != 0 || len(p.Hours.Weekly[6]) != 1 {
		t.Errorf("after the change: %+v", p)
	}
	wantStatus(t, e.postForm("/admin/hilfepunkte/"+strconv.FormatInt(e.shop.ID, 10)+"/loeschen", nil, oa), 403)
	wantStatus(t, e.postForm(path+"/loeschen", nil, oa), 303)
	if _, err := e.hp.Point(ctx, id); err == nil {
		t.Error("the deleted point is still there")
	}
}

// TestHelpPointsAssisted: a help-point worker files an application with
// and for a citizen, for a service of any unit: without consent nothing
// is filed and every problem is named; with it the case arrives with
// channel "assisted", the submitted event names the help point, the
// citizen gets the confirmation with a link that opens the case, and the
// unit's case worker sees the channel.
func TestHelpPointsAssisted(t *testing.T) {
	e := newHPEnv(t)
	ctx := context.Background()
	wantStatus(t, e.get("/amt/hilfe-vor-ort/antrag", e.login(e.citizen)), 403)
	h := e.login(e.helper)
	res := e.get("/amt/hilfe-vor-ort/antrag", h)
	wantStatus(t, res, 200)
	labels := texts(res.doc, "fieldset label")
	if !contains(labels, "Trauung anmelden") || !contains(labels, "Bewohnerparkausweis beantragen") {
		t.Errorf("services offered: %v", labels)
	}
	svc := strconv.FormatInt(e.svc["trauung"], 10)
	res = e.get("/amt/hilfe-vor-ort/antrag?leistung="+svc, h)
	wantStatus(t, res, 200)
	if query(res.doc, "input#field-datum") == nil || query(res.doc, "input#consent-yes") == nil {
		t.Fatalf("the form lacks its questions or the consent:\n%.3000s", res.body)
	}
	// The helper works at the ProbierLaden only (the ProbierMobil has no
	// unit, so anyone with the role may use it).
	if p := query(res.doc, "input#helppoint-"+strconv.FormatInt(e.shop.ID, 10)); p == nil {
		t.Error("the helper's help point is not offered")
	}

	fields := url.Values{"service": {svc}, "key": {"assist-1"}, "helppoint": {strconv.FormatInt(e.shop.ID, 10)},
		"applicant_email": {"otto@example.org"}, "name": {"Otto Hilfe"}}
	res = e.csMultipart("/amt/hilfe-vor-ort/antrag", fields, nil, h)
	wantStatus(t, res, 400)
	for _, f := range []string{"consent", "datum"} {
		if query(res.doc, "#error-summary a[href='#field-"+f+"']") == nil {
			t.Errorf("no error for %s in the summary:\n%.2000s", f, res.body)
		}
	}
	if cs, _, _ := e.cases.Store.FindCases(ctx, cases.Filter{Limit: 10}); len(cs) != 0 {
		t.Fatalf("a case was filed without consent: %d", len(cs))
	}
	if in := query(res.doc, "input#field-name"); in == nil || attrOf(in, "value") != "Otto Hilfe" {
		t.Error("the answers were not kept")
	}

	fields.Set("consent", "yes")
	fields.Set("datum", "2027-05-14")
	res = e.csMultipart("/amt/hilfe-vor-ort/antrag", fields, nil, h)
	wantStatus(t, res, 303)
	loc := res.Header.Get("Location")
	if !strings.HasPrefix(loc, "/amt/hilfe-vor-ort/antrag/eingereicht?") || strings.Contains(loc, "otto") {
		t.Fatalf("redirect to %q", loc)
	}
	done := e.get(loc, h)
	wantStatus(t, done, 200)
	cs, _, err := e.cases.Store.FindCases(ctx, cases.Filter{Limit: 10})
	mustDo(t, err)
	if len(cs) != 1 {
		t.Fatalf("%d cases", len(cs))
	}
	c := cs[0]
	if c.Channel != cases.ChannelAssisted || c.Name != "Otto Hilfe" || c.Email != "otto@example.org" || c.ApplicantID != nil {
		t.Errorf("assisted case = %+v", c)
	}
	if !strings.Contains(text(query(done.doc, "#assist-reference")), c.Reference) {
		t.Error("the confirmation does not show the reference")
	}
	evs, err := any(e.db).(processlog.Store).FindEvents(ctx, processlog.Filter{Process: cases.Process, CaseID: c.Reference})
	mustDo(t, err)
	if len(evs) != 1 || evs[0].Attrs["helppoint"] != strconv.FormatInt(e.shop.ID, 10) || evs[0].Attrs["channel"] != "assisted" ||
		evs[0].Resource != "staff:"+strconv.FormatInt(e.helper.ID, 10) {
		t.Errorf("submitted event = %+v", evs)
	}
	mails := e.csMails(t, "otto@example.org")
	if len(mails) != 1 || !strings.Contains(mails[0].Text, c.Reference) {
		t.Fatalf("confirmation mails: %+v", mails)
	}
	i := strings.Index(mails[0].Text, "http://rathaus.test/antraege/status?s=")
	if i < 0 {
		t.Fatalf("the confirmation has no link to follow the case:\n%s", mails[0].Text)
	}
	link := strings.Fields(mails[0].Text[i:])[0]
	fresh := e.browser(t, nil)
	status := fresh.get(follow(t, fresh.get(strings.TrimPrefix(link, "http://rathaus.test"))))
	wantStatus(t, status, 200)
	if !strings.Contains(text(query(status.doc, "h1")), c.Reference) {
		t.Error("the citizen's link does not show the case")
	}
	// The same submission again files nothing new.
	again := e.csMultipart("/amt/hilfe-vor-ort/antrag", fields, nil, h)
	wantStatus(t, again, 303)
	if cs, _, _ := e.cases.Store.FindCases(ctx, cases.Filter{Limit: 10}); len(cs) != 1 {
		t.Errorf("a repeated submission made %d cases", len(cs))
	}
	// The unit's case worker sees the channel.
	q := e.get("/amt/antraege?kanal=assisted", e.login(e.stranger))
	if got := csRefs(q); len(got) != 1 || got[0] != c.Reference || !strings.Contains(text(query(q.doc, "table tbody tr")), "Mit Hilfe vor Ort") {
		t.Errorf("assisted channel in the queue: %v", got)
	}
	// A help point the worker does not belong to is refused.
	if _, err := e.hp.Apply(ctx, actorOfUser(e.worker), helpAssisted(e.shop.ID, e.svc["trauung"])); err == nil {
		t.Error("a case worker without the help-point role filed an assisted application")
	}
}

func helpAssisted(point, service int64) helppoint.Assisted {
	return helppoint.Assisted{PointID: point, Consent: true, Application: cases.Application{ServiceID: service, Lang: "de",
		Answers: form.Answers{"name": {Text: "Max"}, "datum": {Text: "2027-05-14"}}}}
}
