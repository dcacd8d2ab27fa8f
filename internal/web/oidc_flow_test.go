package web

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/audit"
	"rathaus/internal/oidc/oidctest"
	"rathaus/internal/org"
)

// startOIDC begins a login without following the redirect and returns
// the state sent to the provider; the flight cookie stays in c's jar.
func startOIDC(t *testing.T, c *http.Client, base string) string {
	t.Helper()
	stop := *c
	stop.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	res, err := stop.Get(base + "/auth/oidc/login")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	to, err := url.Parse(res.Header.Get("Location"))
	if res.StatusCode != http.StatusSeeOther || err != nil || to.Query().Get("state") == "" {
		t.Fatalf("login start: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	return to.Query().Get("state")
}

// callback calls the callback in English and returns status and main text.
func callback(t *testing.T, c *http.Client, base string, q url.Values) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", base+"/auth/oidc/callback?"+q.Encode(), nil)
	req.Header.Set("Accept-Language", "en")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, text(query(parseHTML(t, string(b)), "main"))
}

func TestOIDCCallbackRefusals(t *testing.T) {
	for _, c := range []struct {
		name  string
		query func(state string) url.Values
		want  string
	}{
		{"state mismatch", func(string) url.Values { return url.Values{"code": {"x"}, "state": {"other"}} },
			"The login could not be matched. Please start the login again."},
		{"refused at the provider", func(s string) url.Values { return url.Values{"error": {"access_denied"}, "state": {s}} },
			"The login was cancelled or refused at the login service."},
		{"forged code", func(s string) url.Values { return url.Values{"code": {"forged"}, "state": {s}} },
			"Login with the external service failed. Please try again."},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, _, ts, client := oidcSetup(t)
			state := startOIDC(t, client, ts.URL)
			status, main := callback(t, client, ts.URL, c.query(state))
			if status != http.StatusUnauthorized || !strings.Contains(main, c.want) {
				t.Errorf("got %d %q, want 401 with %q", status, main, c.want)
			}
			// The flight cookie is gone: the right state alone no longer works.
			if status, _ := callback(t, client, ts.URL, url.Values{"code": {"x"}, "state": {state}}); status != http.StatusUnauthorized {
				t.Errorf("replayed callback: %d, want 401", status)
			}
			if us, _ := e.db.FindUsers(context.Background(), account.UserFilter{}); len(us) != 0 {
				t.Errorf("refused callback created %d accounts", len(us))
			}
		})
	}
}

func TestOIDCNextStaysOnSite(t *testing.T) {
	_, _, ts, c := oidcSetup(t)
	for _, next := range []string{"https://evil.example/", "//evil.example/x", "javascript:alert(1)"} {
		res, _ := fetch(t, c, ts.URL+"/auth/oidc/login?next="+url.QueryEscape(next))
		if res.Request.URL.Host != strings.TrimPrefix(ts.URL, "http://") || res.Request.URL.Path != "/account" {
			t.Errorf("next=%s ended at %s", next, res.Request.URL)
		}
	}
}

// TestOIDCRoleSync: each login adds the roles the claims map to, once,
// including the platform admin flag; roles given in rathaus stay.
func TestOIDCRoleSync(t *testing.T) {
	e, idp, ts, c := oidcSetup(t)
	ctx := context.Background()
	fetch(t, c, ts.URL+"/auth/oidc/login")
	u, err := e.db.FindUserByOIDC(ctx, idp.Issuer(), "bund-4711")
	if err != nil || u.PlatformAdmin {
		t.Fatalf("first login: %+v, %v", u, err)
	}
	if res, _ := fetch(t, c, ts.URL+"/admin"); res.StatusCode != http.StatusForbidden {
		t.Errorf("case worker at /admin: %d, want 403", res.StatusCode)
	}
	idp.SetUser(oidctest.User{Subject: "bund-4711", Email: "max@example.org", EmailVerified: true, Name: "Max Muster",
		Claims: map[string]any{"groups": []any{"sachbearbeitung", "presse", "it"}}})
	fetch(t, c, ts.URL+"/auth/oidc/login")
	if u, _ = e.db.FindUserByID(ctx, u.ID); !u.PlatformAdmin {
		t.Error("mapped platform_admin not applied")
	}
	roles, _ := e.srv.opts.Orgs.RolesOf(ctx, u.ID)
	var got []string
	for _, rv := range roles {
		got = append(got, rv.Grant.Role+"@"+rv.Org.Slug)
	}
	if strings.Join(got, ",") != org.RoleCaseWorker+"@stadt,"+org.RoleModerator+"@stadt" {
		t.Errorf("roles = %v, want case_worker@stadt and moderator@stadt once each", got)
	}
	if res, _ := fetch(t, c, ts.URL+"/admin"); res.StatusCode != http.StatusOK {
		t.Errorf("platform admin at /admin: %d", res.StatusCode)
	}
	logins, _ := e.db.FindAuditEntries(ctx, audit.Filter{Action: audit.LoginSuccess, SubjectID: &u.ID})
	if len(logins) != 2 {
		t.Errorf("audited logins: %d, want 2", len(logins))
	}
}
