package web

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"rathaus/internal/catalog"
	"rathaus/internal/pdf/pdftest"
	"rathaus/internal/promo"
)

// promoEnv is the catalogue editing fixture with campaigns and one
// published online service of "stadt".
type promoEnv struct {
	*editEnv
	online *catalog.Service
}

func newPromoEnv(t *testing.T) *promoEnv {
	t.Helper()
	e := &promoEnv{editEnv: newEditEnv(t, false)}
	e.srv.opts.Promo = e.db
	e.srv.opts.BaseURL = "https://rathaus.jena.example"
	stadt := e.orgs["stadt"].ID
	svc, _, err := e.cat.CreateService(context.Background(), e.root, catalog.Content{
		Name: "Hund anmelden", Summary: "Wer einen Hund hält, meldet ihn bei der Stadt an.",
		EasyLanguage: "Sie haben einen Hund? Dann melden Sie ihn an.", OrgID: &stadt, OZGLevel: 4,
		TargetGroups: []string{catalog.TargetPeople},
	}, "Erste Fassung")
	if err != nil {
		t.Fatal(err)
	}
	e.online = svc
	return e
}

// createCampaign creates a campaign through the form and returns its code.
func (e *promoEnv) createCampaign(name, medium string) string {
	e.t.Helper()
	res := e.postForm(promoServicePath(e.online.ID), url.Values{"name": {name}, "medium": {medium}}, e.editor)
	wantStatus(e.t, res, 303)
	code := strings.TrimPrefix(res.Header.Get("Location"), "/amt/werbung/kampagnen/")
	if !promo.ValidCode(code) {
		e.t.Fatalf("created campaign redirects to %q", res.Header.Get("Location"))
	}
	return code
}

func TestPromoListShowsOnlineServicesOfTheEditor(t *testing.T) {
	e := newPromoEnv(t)
	res := e.get("/amt/werbung", e.editor)
	wantStatus(t, res, 200)
	if !strings.Contains(res.body, "Hund anmelden") || strings.Contains(res.body, "Personalausweis beantragen") {
		t.Errorf("list should show the online service only:\n%.3000s", res.body)
	}
	wantStatus(t, e.get("/amt/werbung", e.clerk), 403)
	if res := e.get("/amt/werbung", e.outsider); strings.Contains(res.body, "Hund anmelden") {
		t.Error("an editor of another unit sees the service")
	}
	wantStatus(t, e.get(promoServicePath(e.online.ID), e.outsider), 403)
	wantStatus(t, e.get(promoServicePath(e.service.ID), e.editor), 404) // not online
}

func TestPromoCreateCampaign(t *testing.T) {
	e := newPromoEnv(t)
	res := e.postForm(promoServicePath(e.online.ID), url.Values{"name": {" "}, "medium": {"radio"}}, e.editor)
	wantStatus(t, res, 400)
	for _, field := range []string{"#field-name", "#field-medium"} {
		if !strings.Contains(res.body, `href="`+field+`"`) {
			t.Errorf("error summary lacks a link to %s", field)
		}
	}
	if sums, _ := e.db.FindCampaigns(context.Background(), nil); len(sums) != 0 {
		t.Fatalf("bad input stored %d campaigns", len(sums))
	}
	wantStatus(t, e.postForm(promoServicePath(e.online.ID), url.Values{"name": {"x"}, "medium": {"poster"}}, e.outsider), 403)
	code := e.createCampaign("Plakate Lobeda", promo.MediumPoster)
	page := e.get(promoServicePath(e.online.ID), e.editor)
	if !strings.Contains(page.body, "Plakate Lobeda") || !strings.Contains(page.body, "https://rathaus.jena.example/q/"+code) {
		t.Errorf("service page lacks the campaign:\n%.3000s", page.body)
	}
}

func TestScanCountsAndRedirectsWithoutCookie(t *testing.T) {
	e := newPromoEnv(t)
	code := e.createCampaign("Handzettel Markt", promo.MediumFlyer)
	for range 3 {
		res := e.get("/q/" + code)
		wantStatus(t, res, 303)
		if got, want := res.Header.Get("Location"), promo.Landing(e.online.ID, code); got != want {
			t.Errorf("scan redirects to %q, want %q", got, want)
		}
		if c := res.Header.Values("Set-Cookie"); len(c) > 0 {
			t.Errorf("scan sets cookies %q", c)
		}
	}
	wantStatus(t, e.get("/q/zzzzzzzz"), 404)
	wantStatus(t, e.get("/q/AB"), 404)
	report := e.get("/amt/werbung/kampagnen/"+code, e.editor)
	wantStatus(t, report, 200)
	day := testNow.In(e.srv.opts.Location).Format("2006-01-02")
	if !strings.Contains(report.body, day+"</th><td class=\"kern-table__cell\">3</td>") {
		t.Errorf("report lacks 3 scans on %s:\n%.4000s", day, report.body)
	}
	if got := e.apiCampaign(t, code, "eins@example.org", 200); got["scans"] != float64(3) {
		t.Errorf("API report: %v, want 3 scans", got)
	}
	e.apiCampaign(t, code, "werke@example.org", 403)
}

// apiCampaign asks GET /api/v1/campaigns/{code} with a token of email's
// account, checks status and schema, and returns the body.
func (e *promoEnv) apiCampaign(t *testing.T, code, email string, want int) map[string]any {
	e.t.Helper()
	ctx := context.Background()
	u, err := e.db.FindUserByEmail(ctx, email)
	if err != nil {
		e.t.Fatal(err)
	}
	raw, _, err := e.acc.CreateAPIToken(ctx, u, "test")
	if err != nil {
		e.t.Fatal(err)
	}
	r := httptest.NewRequest("GET", "/api/v1/campaigns/"+code, nil)
	r.Header.Set("Authorization", "Bearer "+raw)
	res := e.do(r)
	if res.StatusCode != want {
		e.t.Fatalf("status %d, want %d: %.1000s", res.StatusCode, want, res.body)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(res.body), &v); err != nil {
		e.t.Fatalf("not JSON: %q", res.body)
	}
	doc := loadOpenAPI(t)
	schema, err := doc.responseSchema("GET", "/api/v1/campaigns/"+code, want)
	if err != nil {
		e.t.Errorf("openapi.json: %v", err)
	} else if err := conform(doc, schema, v, "body"); err != nil {
		e.t.Errorf("schema: %v", err)
	}
	return v
}

// TestPosterDownloadDecodes downloads a campaign's poster as its editor
// and reads its QR code with real tools (pdftoppm, zbarimg).
func TestPosterDownloadDecodes(t *testing.T) {
	e := newPromoEnv(t)
	code := e.createCampaign("Plakate Rathaus", promo.MediumPoster)
	wantStatus(t, e.get("/amt/werbung/kampagnen/"+code+"/a4"), 303) // to the login
	wantStatus(t, e.get("/amt/werbung/kampagnen/"+code+"/a4", e.outsider), 403)
	wantStatus(t, e.get("/amt/werbung/kampagnen/"+code+"/a5", e.editor), 404)
	for _, lang := range []string{"de", "en"} {
		req := httptest.NewRequest("GET", "/amt/werbung/kampagnen/"+code+"/a4", nil)
		req.Header.Set("Accept-Language", lang)
		req.AddCookie(e.editor)
		r := e.do(req)
		wantStatus(t, r, 200)
		if r.Header.Get("Content-Type") != "application/pdf" {
			t.Fatalf("poster is %s", r.Header.Get("Content-Type"))
		}
		text := pdftest.Text(t, []byte(r.body))
		cta := map[string]string{"de": "Jetzt online erledigen", "en": "Do it online now"}[lang]
		if !strings.Contains(text, cta) || !strings.Contains(text, "rathaus.jena.example/q/"+code) {
			t.Errorf("%s poster text:\n%s", lang, text)
		}
		if got, want := pdftest.DecodeQR(t, []byte(r.body)), "https://rathaus.jena.example/q/"+code; got != want {
			t.Errorf("%s poster QR code reads %q, want %q", lang, got, want)
		}
	}
}
