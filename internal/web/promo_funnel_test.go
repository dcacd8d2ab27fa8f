package web

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/dashboard"
	"rathaus/internal/promo"
)

// newFunnelEnv is the applications fixture with campaigns, and a
// campaign (a flyer) for the dog registration.
func newFunnelEnv(t *testing.T) (*casesEnv, *promo.Campaign) {
	t.Helper()
	e := newCasesEnv(t)
	e.srv.opts.Promo = e.db
	c := &promo.Campaign{Code: "ab3k9x2m", ServiceID: e.svc["hund"], Name: "Handzettel ProbierLaden",
		Medium: promo.MediumFlyer, CreatedAt: testNow}
	mustDo(t, e.db.CreateCampaign(context.Background(), c))
	return e, c
}

// applyDog walks the anonymous dog registration from the page at start
// to its submission; with reload, the first page is sent twice.
func applyDog(t *testing.T, b *browser, base, first string, reload bool) {
	t.Helper()
	owner := url.Values{"name": {"Max Muster"}, "birth_date": {"1980-05-01"},
		"address.street": {"Markt"}, "address.house_number": {"1"}, "address.postal_code": {"07743"}, "address.city": {"Jena"}}
	if got := follow(t, b.post(first, owner)); got != base+"/dog" {
		t.Fatalf("after the first page: %s", got)
	}
	if reload {
		follow(t, b.post(base+"/owner", owner))
	}
	follow(t, b.post(base+"/dog", url.Values{"dogs": {"1"}, "dog_name": {"Bello"}, "since": {"2026-01-01"}, "listed": {"no"}}))
	if got := follow(t, b.post(base+"/payment", url.Values{"email": {"max@example.org"}})); got != base+"/pruefen" {
		t.Fatalf("after payment: %s", got)
	}
	res := b.get(base + "/pruefen")
	key := attrOf(query(res.doc, "input[name=schluessel]"), "value")
	follow(t, b.post(base+"/absenden", url.Values{"schluessel": {key}, "erklaerung": {"ja"}}))
}

// A visitor who scans a campaign's QR code keeps its tag from the service
// page through the application (no cookie of its own); the report shows
// scan → started → submitted, and the form funnel counts every page once.
func TestApplyFromCampaignCountsFunnel(t *testing.T) {
	e, c := newFunnelEnv(t)
	base := "/antrag/" + sid(e, "hund")
	tagged := base + "?kampagne=" + c.Code

	b := e.browser(t, nil)
	landing := follow(t, b.get("/q/"+c.Code))
	res := b.get(landing)
	wantStatus(t, res, 200)
	if query(res.doc, "a[href='"+tagged+"']") == nil {
		t.Fatalf("service page from the campaign lacks the tagged apply link %s:\n%.4000s", tagged, res.body)
	}
	res = b.get(tagged)
	wantStatus(t, res, 200)
	first := base + "/owner?kampagne=" + c.Code
	if query(res.doc, "a[href='"+first+"']") == nil {
		t.Fatalf("start page lacks %s", first)
	}
	res = b.get(first)
	if got := attrOf(query(res.doc, "form[method=post]"), "action"); got != first {
		t.Errorf("first page posts to %q, want %q", got, first)
	}
	for name := range b.cookies {
		if strings.Contains(name, "kampagne") || strings.Contains(b.cookies[name].Value, c.Code) {
			t.Errorf("the campaign went into cookie %s", name)
		}
	}
	applyDog(t, b, base, first, true)

	// Unknown and foreign tags are ignored: no tag in links, nothing counted.
	other := e.browser(t, nil)
	res = other.get("/leistungen/" + sid(e, "hund") + "?kampagne=zzzzzzzz")
	if query(res.doc, "a[href='"+base+"']") == nil {
		t.Errorf("an unknown tag should leave the plain apply link")
	}
	res = other.get("/leistungen/" + sid(e, "parken") + "?kampagne=" + c.Code)
	if strings.Contains(res.body, "kampagne="+c.Code) {
		t.Errorf("another service's page carries the dog campaign's tag")
	}
	applyDog(t, other, base, base+"/owner?kampagne=zzzzzzzz", false)
	// A third visitor from the campaign stops after the first page.
	third := e.browser(t, nil)
	follow(t, third.post(first, url.Values{"name": {"Eva"}, "birth_date": {"1990-01-01"},
		"address.street": {"Markt"}, "address.house_number": {"2"}, "address.postal_code": {"07743"}, "address.city": {"Jena"}}))

	month := testNow.In(dashboard.Location).Format("2006-01")
	f, err := e.db.DashboardFunnel(context.Background(), dashboard.Scope{ServiceID: e.svc["hund"]}, dashboard.Range{From: month, To: month})
	mustDo(t, err)
	want := &dashboard.Funnel{Started: 3, Submitted: 2, Steps: []dashboard.FunnelStep{
		{PageID: "owner", Index: 0, Passed: 3}, {PageID: "dog", Index: 1, Passed: 2}, {PageID: "payment", Index: 3, Passed: 2}}}
	if d := cmp.Diff(want, f); d != "" {
		t.Errorf("form funnel (-want +got):\n%s", d)
	}

	// The report: 1 scan, 2 started (the third visitor came by the tagged
	// link without scanning), 1 submitted.
	staff := e.user("werbung@example.org", true)
	admin := e.login(staff)
	report := e.browser(t, admin).get(promoCampaignPath(c.Code))
	wantStatus(t, report, 200)
	day := testNow.In(e.srv.opts.Location).Format("2006-01-02")
	row := text(query(report.doc, "#kampagne-tage tbody tr"))
	for _, w := range []string{day, "1", "2", "200,0", "50,0"} {
		if !strings.Contains(row, w) {
			t.Errorf("report row %q lacks %q", row, w)
		}
	}
	if foot := text(query(report.doc, "#kampagne-tage tfoot tr")); !strings.Contains(foot, "Gesamt") {
		t.Errorf("report lacks the total row: %q", foot)
	}

	raw, _, err := e.acc.CreateAPIToken(context.Background(), staff, "test")
	mustDo(t, err)
	r := httptest.NewRequest("GET", "/api/v1/campaigns/"+c.Code, nil)
	r.Header.Set("Authorization", "Bearer "+raw)
	api := e.do(r)
	wantStatus(t, api, 200)
	var body any
	mustDo(t, json.Unmarshal([]byte(api.body), &body))
	doc := loadOpenAPI(t)
	schema, err := doc.responseSchema("GET", "/api/v1/campaigns/"+c.Code, 200)
	mustDo(t, err)
	if err := conform(doc, schema, body, "body"); err != nil {
		t.Errorf("schema: %v", err)
	}
	var got struct {
		Scans, Started, Submitted int
		Conversion                struct {
			StartedPerScan      *float64 `json:"started_per_scan"`
			SubmittedPerStarted *float64 `json:"submitted_per_started"`
		}
		Days []struct{ Day string }
	}
	mustDo(t, json.Unmarshal([]byte(api.body), &got))
	if got.Scans != 1 || got.Started != 2 || got.Submitted != 1 || len(got.Days) != 1 ||
		got.Conversion.StartedPerScan == nil || *got.Conversion.StartedPerScan != 2 || *got.Conversion.SubmittedPerStarted != 0.5 {
		t.Errorf("API report = %s", api.body)
	}
}
