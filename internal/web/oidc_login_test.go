package web

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strings"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/oidc"
	"rathaus/internal/oidc/oidctest"
	"rathaus/internal/org"
)

// oidcSetup runs rathaus behind a real HTTP server with a real OpenID
// provider (oidctest) and returns a browser-like client.
func oidcSetup(t *testing.T) (*testEnv, *oidctest.Provider, *httptest.Server, *http.Client) {
	var h http.Handler
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) }))
	t.Cleanup(ts.Close)
	idp := oidctest.Start(t, oidctest.Options{RedirectURLs: []string{ts.URL + "/auth/oidc/callback"},
		User: oidctest.User{Subject: "bund-4711", Email: "max@example.org", EmailVerified: true, Name: "Max Muster",
			Claims: map[string]any{"groups": []any{"sachbearbeitung", "unbekannt"}}}})
	p, err := oidc.New(context.Background(), oidc.Config{Issuer: idp.Issuer(), ClientID: idp.ClientID(), ClientSecret: idp.ClientSecret(),
		RedirectURL: ts.URL + "/auth/oidc/callback", RoleClaim: "groups",
		RoleMap: map[string]string{"sachbearbeitung": "case_worker@stadt", "unbekannt": "moderator@nirgendwo",
			"it": "platform_admin", "presse": "moderator@stadt"}})
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, withOrgs, func(o *Options) { o.OIDC, o.OIDCLabel, o.BaseURL = p, "BundID", ts.URL })
	h = e.srv.Handler()
	ctx := context.Background()
	root := &org.Org{Slug: "jena", Name: "Jena", Kind: org.KindGroup}
	e.srv.opts.Orgs.Create(ctx, root)
	e.srv.opts.Orgs.Create(ctx, &org.Org{Slug: "stadt", Name: "Stadt Jena", Kind: org.KindOrganisation, ParentID: &root.ID})
	jar, _ := cookiejar.New(nil)
	return e, idp, ts, &http.Client{Jar: jar}
}

func fetch(t *testing.T, c *http.Client, u string) (*http.Response, string) {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func TestOIDCLogin(t *testing.T) {
	e, idp, ts, c := oidcSetup(t)
	login, body := fetch(t, c, ts.URL+"/login")
	if login.StatusCode != 200 || !strings.Contains(body, `href="/auth/oidc/login"`) || !strings.Contains(body, "BundID") {
		t.Fatal("login page has no button for the OpenID provider")
	}
	res, body := fetch(t, c, ts.URL+"/auth/oidc/login?next=/account/security")
	if res.StatusCode != 200 || res.Request.URL.Path != "/account/security" || !strings.Contains(body, "Sicherheit") {
		t.Fatalf("after the provider: %d at %s", res.StatusCode, res.Request.URL)
	}
	ctx := context.Background()
	u, err := e.db.FindUserByOIDC(ctx, idp.Issuer(), "bund-4711")
	if err != nil || u.Email != "max@example.org" || !u.Verified() {
		t.Fatalf("account = %+v, %v", u, err)
	}
	roles, _ := e.srv.opts.Orgs.RolesOf(ctx, u.ID)
	if len(roles) != 1 || roles[0].Grant.Role != org.RoleCaseWorker || roles[0].Org.Slug != "stadt" {
		t.Errorf("roles from the claims = %v, want case_worker@stadt only", roles)
	}
	// A second login (new browser) finds the same account.
	jar, _ := cookiejar.New(nil)
	c2 := &http.Client{Jar: jar}
	if res, _ := fetch(t, c2, ts.URL+"/auth/oidc/login"); res.Request.URL.Path != "/account" {
		t.Fatalf("second login ended at %s", res.Request.URL)
	}
	if us, _ := e.db.FindUsers(ctx, account.UserFilter{}); len(us) != 1 {
		t.Errorf("second login made %d accounts", len(us))
	}
}

func TestOIDCCallbackWithoutLoginIsRefused(t *testing.T) {
	e, _, ts, c := oidcSetup(t)
	req, _ := http.NewRequest("GET", ts.URL+"/auth/oidc/callback?code=stolen&state=guessed", nil)
	req.Header.Set("Accept-Language", "en")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized || !strings.Contains(string(b), `id="error-summary"`) {
		t.Errorf("forged callback: %d %.300s", res.StatusCode, b)
	}
	if us, _ := e.db.FindUsers(context.Background(), account.UserFilter{}); len(us) != 0 {
		t.Errorf("forged callback created %d accounts", len(us))
	}
}
