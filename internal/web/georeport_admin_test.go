package web

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"rathaus/internal/audit"
	"rathaus/internal/browsertest"
)

// TestGeoReportAdminKeys: an admin issues a key (shown once, only its
// hash stored), it works for POST, revoking it ends that; bad input is a
// summarised error and issues nothing; other users are refused.
func TestGeoReportAdminKeys(t *testing.T) {
	e := newGeoEnv(t)
	c := e.login(e.admin)
	res := e.get("/admin/open311", c)
	wantStatus(t, res, 200)
	if !strings.Contains(res.body, "FixMyStreet Jena") || !strings.Contains(res.body, "Alte App") {
		t.Errorf("clients missing from the list")
	}
	res = e.postForm("/admin/open311", url.Values{"name": {""}, "contact": {""}, "limit": {"0"}}, c)
	wantStatus(t, res, 422)
	for _, f := range []string{"name", "contact", "limit"} {
		if query(res.doc, "#error-summary a[href='#field-"+f+"']") == nil {
			t.Errorf("no summary link to %s", f)
		}
	}
	res = e.postForm("/admin/open311", url.Values{"name": {"Jena-App"}, "contact": {"app@jena.example"}, "limit": {"50"}}, c)
	wantStatus(t, res, 200)
	key := strings.TrimSpace(texts(res.doc, "#api-key")[0])
	if !strings.HasPrefix(key, "o311_") || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("new key %q, Cache-Control %q", key, res.Header.Get("Cache-Control"))
	}
	if again := e.get("/admin/open311", c); strings.Contains(again.body, key) {
		t.Error("the key is shown a second time")
	}
	clients, err := e.keys.List(t.Context())
	mustDo(t, err)
	if len(clients) != 3 || clients[0].Name != "Jena-App" || clients[0].HourlyLimit != 50 || clients[0].KeyHash == key ||
		clients[0].CreatedBy == nil || *clients[0].CreatedBy != e.admin.ID {
		t.Fatalf("stored clients %+v", clients[0])
	}
	form := url.Values{"api_key": {key}, "service_code": {"muell"}, "address_string": {"Markt 1"}}
	wantStatus(t, e.api("POST", "/georeport/v2/requests.json", form), 201)
	res = e.postForm("/admin/open311/"+itoa(clients[0].ID)+"/revoke", nil, c)
	wantStatus(t, res, 303)
	res = e.get(res.Header.Get("Location"), c)
	if !strings.Contains(res.body, "Widerrufen am") {
		t.Errorf("revoked key not shown as revoked")
	}
	wantError(t, e.api("POST", "/georeport/v2/requests.json", form), "json", 403, "invalid api_key")
	for _, action := range []string{auditOpen311KeyIssued, auditOpen311KeyRevoked} {
		entries, err := e.db.FindAuditEntries(context.Background(), audit.Filter{Action: action})
		mustDo(t, err)
		if len(entries) != 1 || entries[0].ActorID == nil || *entries[0].ActorID != e.admin.ID ||
			!strings.Contains(entries[0].Detail, "client "+itoa(clients[0].ID)) {
			t.Errorf("audit %s: %+v", action, entries)
		}
	}

	citizen := e.login(e.user("buerger@example.org", false))
	wantStatus(t, e.get("/admin/open311", citizen), 403)
	wantStatus(t, e.postForm("/admin/open311", url.Values{"name": {"x"}, "contact": {"y"}, "limit": {"1"}}, citizen), 403)
}

// TestGeoReportAdminInBrowser runs axe-core over the key page in both
// languages: the list, the error summary, the new key.
func TestGeoReportAdminInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newGeoEnv(t)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/login")
		b.Fill("#field-email", e.admin.Email)
		b.Fill("#field-password", "ein-langes-passwort")
		b.ClickAndWait("main form[action='/login'] button[type=submit]")
		b.Navigate("/lang?to=" + lang + "&back=/admin")
		b.ClickAndWait("main nav a[href='/admin/open311']")
		b.Axe()
		b.Fill("#field-limit", "")
		b.ClickAndWait("main form[action='/admin/open311'] button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-name']") {
			t.Errorf("%s: errors not summarised", lang)
		}
		b.Axe()
		b.Fill("#field-name", "Stadt-App "+lang)
		b.Fill("#field-contact", "app@jena.example")
		b.Fill("#field-limit", "20")
		b.ClickAndWait("main form[action='/admin/open311'] button[type=submit]")
		if !b.Exists("#api-key") {
			t.Errorf("%s: no key shown", lang)
		}
		b.Axe()
	}
}
