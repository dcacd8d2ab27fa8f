package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"rathaus/internal/impact"
	"rathaus/internal/org"
)

// withImpactService gives the server the effect model on its database.
func withImpactService(o *Options) {
	o.Impact = &impact.Service{Store: any(o.Audit).(impact.Store), Now: func() time.Time { return o.Now() }}
}

// impactForm is the admin form as the page fills it, with changes.
func impactForm(t *testing.T, e *casesEnv, c *http.Cookie, change map[string]string) url.Values {
	t.Helper()
	res := e.get("/admin/wirkung", c)
	wantStatus(t, res, http.StatusOK)
	a, err := e.srv.opts.Impact.Assumptions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	v := impactValues(a)
	for k, x := range change {
		v.Set(k, x)
	}
	return v
}

func TestImpactPages(t *testing.T) {
	e := newCasesEnv(t, withImpactService)
	e.submitParking(t)

	res := e.get("/wirkung")
	wantStatus(t, res, http.StatusOK)
	// One online application under the defaults: 1 visit, 2 trips of
	// 5 km, 20 minutes of waiting, 4 sheets.
	for _, want := range []string{"Vermiedene Besuche im Amt", ">10<", "Gesparte Wartezeit", "0,33", "Bewohnerparkausweis"} {
		if !strings.Contains(res.body, want) {
			t.Errorf("/wirkung lacks %q", want)
		}
	}
	if query(res.doc, "a[href='/wirkung/methodik']") == nil || query(res.doc, "footer a[href='/wirkung']") == nil {
		t.Error("/wirkung links neither the methodology nor is in the footer")
	}

	res = e.get("/wirkung/methodik")
	wantStatus(t, res, http.StatusOK)
	for _, want := range []string{"Umweltbundesamt", "https://www.umweltbundesamt.de/themen/verkehr/emissionsdaten",
		"166", "Rechenbeispiel", "1 Besuche × 2 = 2 Wege"} {
		if !strings.Contains(res.body, want) {
			t.Errorf("/wirkung/methodik lacks %q", want)
		}
	}

	doc := loadOpenAPI(t)
	e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/impact"}, http.StatusOK)
	res = e.get("/api/v1/impact")
	wantStatus(t, res, http.StatusOK)
	var body struct {
		Effect      impact.Result      `json:"effect"`
		Assumptions impact.Assumptions `json:"assumptions"`
	}
	if err := json.Unmarshal([]byte(res.body), &body); err != nil {
		t.Fatal(err)
	}
	if body.Effect.Visits != 1 || body.Effect.Km != 10 || body.Assumptions.DistanceKm != 5 || len(body.Effect.Steps) == 0 {
		t.Errorf("API: visits %v, km %v, distance %v, %d steps", body.Effect.Visits, body.Effect.Km,
			body.Assumptions.DistanceKm, len(body.Effect.Steps))
	}
}

func TestImpactAdmin(t *testing.T) {
	e := newCasesEnv(t, withImpactService)
	if res := e.get("/admin/wirkung", e.login(e.citizen)); res.StatusCode != http.StatusForbidden {
		t.Errorf("a citizen gets %d on the admin form, want 403", res.StatusCode)
	}
	admin := e.login(e.user("wirkung@example.org", true))

	bad := impactForm(t, e, admin, map[string]string{"share-car": "50", "distance_km": "-3", "service-0-id": "x"})
	res := e.postForm("/admin/wirkung", bad, admin)
	wantStatus(t, res, http.StatusBadRequest)
	for _, f := range []string{"share-walk", "distance_km", "service-0-id"} {
		if query(res.doc, "#error-summary a[href='#field-"+f+"']") == nil {
			t.Errorf("no error summary link to %s", f)
		}
	}
	if a, _ := e.srv.opts.Impact.Assumptions(context.Background()); a.Version != 0 {
		t.Fatalf("bad input saved: version %d", a.Version)
	}

	good := impactForm(t, e, admin, map[string]string{"distance_km": "3,5",
		"service-0-id": "", "service-1-id": "4711", "service-1-visits": "2"})
	res = e.postForm("/admin/wirkung", good, admin)
	wantStatus(t, res, http.StatusSeeOther)
	e.apiCheck(loadOpenAPI(t), apiReq{method: "GET", path: "/api/v1/impact"}, http.StatusOK) // with an override
	a, err := e.srv.opts.Impact.Assumptions(context.Background())
	if err != nil || a.Version != 1 || a.DistanceKm != 3.5 || len(a.Services) != 1 ||
		a.Services[0].ServiceID != 4711 || *a.Services[0].VisitsPerCase != 2 || a.Services[0].DistanceKm != nil {
		t.Fatalf("saved: %+v, %v", a, err)
	}
	if a.UpdatedBy != "wirkung@example.org" || a.Mode(impact.Car).Share != 0.4 {
		t.Errorf("saved by %q, car share %v", a.UpdatedBy, a.Mode(impact.Car).Share)
	}

	// An organisation's admin may change them too.
	orgAdmin := e.user("orga@example.org", false)
	if _, err := e.srv.opts.Orgs.Grant(context.Background(), nil, orgAdmin.ID, org.RoleOrgAdmin, e.unit.ID); err != nil {
		t.Fatal(err)
	}
	res = e.postForm("/admin/wirkung", impactForm(t, e, e.login(orgAdmin), map[string]string{"wait_minutes": "25"}), e.login(orgAdmin))
	wantStatus(t, res, http.StatusSeeOther)
	good.Set("version", "1")

	// A second save over the old version is refused and changes nothing.
	res = e.postForm("/admin/wirkung", good, admin)
	wantStatus(t, res, http.StatusConflict)
	if query(res.doc, "#error-summary") == nil {
		t.Error("a stale save shows no error summary")
	}
	if a, _ := e.srv.opts.Impact.Assumptions(context.Background()); a.Version != 2 || a.WaitMinutes != 25 || a.UpdatedBy != "orga@example.org" {
		t.Errorf("after the stale save: version %d, wait %v, by %s", a.Version, a.WaitMinutes, a.UpdatedBy)
	}
	res = e.get("/wirkung/methodik")
	if !strings.Contains(res.body, "3,5") || !strings.Contains(res.body, "orga@example.org") {
		t.Error("the methodology does not show the saved distance and who saved it")
	}
}

func TestImpactNumber(t *testing.T) {
	for _, tc := range []struct {
		lang string
		f    float64
		want string
	}{{"de", 1234567.4, "1.234.567"}, {"en", 1234567.4, "1,234,567"}, {"de", 12.34, "12,3"},
		{"de", 0.333, "0,33"}, {"en", 2, "2"}, {"de", -1500, "-1.500"}, {"de", 0.5, "0,5"}} {
		if got := impactNumber(tc.lang, tc.f); got != tc.want {
			t.Errorf("impactNumber(%s, %v) = %q, want %q", tc.lang, tc.f, got, tc.want)
		}
	}
}
