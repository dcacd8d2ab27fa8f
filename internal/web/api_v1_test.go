package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/org"
)

// TestOpenAPIMatchesRoutes: every /api/v1 route is documented, and every
// documented operation exists.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	e := newEnv(t)
	var routes, documented []string
	for _, rt := range e.srv.routes() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if strings.HasPrefix(path, "/api/v1/") {
			routes = append(routes, strings.ToLower(method)+" "+path)
		}
	}
	for path, ops := range loadOpenAPI(t).Paths {
		for method := range ops {
			if method != "parameters" {
				documented = append(documented, method+" "+path)
			}
		}
	}
	sort.Strings(routes)
	sort.Strings(documented)
	if strings.Join(routes, "\n") != strings.Join(documented, "\n") {
		t.Errorf("routes and openapi.json differ\nroutes:\n%s\ndocumented:\n%s", strings.Join(routes, "\n"), strings.Join(documented, "\n"))
	}
}

type apiCall struct {
	method, path, body, token, lang, contentType string
}

func (e *testEnv) api(c apiCall) (int, any, http.Header) {
	e.t.Helper()
	r := httptest.NewRequest(c.method, c.path, strings.NewReader(c.body))
	if c.body != "" {
		ct := c.contentType
		if ct == "" {
			ct = "application/json"
		}
		r.Header.Set("Content-Type", ct)
	}
	if c.token != "" {
		r.Header.Set("Authorization", "Bearer "+c.token)
	}
	if c.lang != "" {
		r.Header.Set("Accept-Language", c.lang)
	}
	res := e.do(r)
	var v any
	if res.body != "" {
		if err := json.Unmarshal([]byte(res.body), &v); err != nil {
			e.t.Fatalf("%s %s: body is not JSON: %q", c.method, c.path, res.body)
		}
	}
	return res.StatusCode, v, res.Header
}

// check asserts the status, and that the answer is documented for that
// status and conforms to the documented schema.
func (e *testEnv) check(doc *openAPIDoc, c apiCall, status int) any {
	e.t.Helper()
	got, v, _ := e.api(c)
	if got != status {
		e.t.Fatalf("%s %s: status %d, want %d; body %v", c.method, c.path, got, status, v)
	}
	schema, err := doc.responseSchema(c.method, c.path, got)
	switch {
	case err != nil:
		e.t.Errorf("openapi.json: %v", err)
	case schema == nil && v != nil:
		e.t.Errorf("%s %s: body %v where the document says none", c.method, c.path, v)
	case schema != nil:
		if err := conform(doc, schema, v, "body"); err != nil {
			e.t.Errorf("%s %s %d: %v", c.method, c.path, got, err)
		}
	}
	return v
}

func withOrgs(o *Options) {
	o.Orgs = &org.Service{Store: o.Audit.(org.Store), Audit: o.Audit, Now: o.Now}
}

func TestAPITokensAndMe(t *testing.T) {
	e := newEnv(t, withOrgs)
	doc := loadOpenAPI(t)
	ctx := context.Background()
	if _, err := e.acc.Create(ctx, nil, account.Registration{Email: "erika@example.org", DisplayName: "Erika", Password: "ein langes passwort"}, false); err != nil {
		t.Fatal(err)
	}
	good := `{"email":"erika@example.org","password":"ein langes passwort","name":"Skript"}`
	e.check(doc, apiCall{method: "POST", path: "/api/v1/tokens", body: good, contentType: "text/plain"}, 415)
	e.check(doc, apiCall{method: "POST", path: "/api/v1/tokens", body: `{"email":`}, 400)
	e.check(doc, apiCall{method: "POST", path: "/api/v1/tokens", body: `{"email":"x","password":"y","name":"z","admin":true}`}, 400)
	e.check(doc, apiCall{method: "POST", path: "/api/v1/tokens", body: `{"email":"erika@example.org","password":"ein langes passwort","name":""}`}, 400)
	v := e.check(doc, apiCall{method: "POST", path: "/api/v1/tokens", lang: "en",
		body: `{"email":"erika@example.org","password":"falsch","name":"Skript"}`}, 401)
	if msg := v.(map[string]any)["error"].(map[string]any)["message"].(string); !strings.Contains(msg, "password") {
		t.Errorf("English error message = %q", msg)
	}
	if ts, _ := e.db.FindAPITokens(ctx, 1); len(ts) != 0 {
		t.Fatalf("failed requests created %d tokens", len(ts))
	}
	v = e.check(doc, apiCall{method: "POST", path: "/api/v1/tokens", body: good}, 201)
	tok := v.(map[string]any)["token"].(string)
	id := int64(v.(map[string]any)["id"].(float64))

	me := e.check(doc, apiCall{method: "GET", path: "/api/v1/me", token: tok}, 200)
	if me.(map[string]any)["email"] != "erika@example.org" {
		t.Errorf("me = %v", me)
	}
	e.check(doc, apiCall{method: "GET", path: "/api/v1/tokens", token: tok}, 200)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/me"}, 401)
	_, _, h := e.api(apiCall{method: "GET", path: "/api/v1/me", token: "rh_forged"})
	if h.Get("WWW-Authenticate") == "" {
		t.Error("401 without WWW-Authenticate")
	}
	e.check(doc, apiCall{method: "DELETE", path: "/api/v1/tokens/999", token: tok}, 404)
	e.check(doc, apiCall{method: "DELETE", path: "/api/v1/tokens/abc", token: tok}, 404)
	e.check(doc, apiCall{method: "DELETE", path: fmt.Sprintf("/api/v1/tokens/%d", id), token: tok}, 204)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/me", token: tok}, 401)
}

func TestAPIOrgs(t *testing.T) {
	e := newEnv(t, withOrgs)
	ctx := context.Background()
	orgs := e.srv.opts.Orgs
	root := &org.Org{Kind: org.KindGroup, Slug: "jena", Name: "Stadtverbund Jena"}
	if err := orgs.Create(ctx, root); err != nil {
		t.Fatal(err)
	}
	if err := orgs.Create(ctx, &org.Org{Kind: org.KindOrganisation, Slug: "stadtwerke", Name: "Stadtwerke", ParentID: &root.ID}); err != nil {
		t.Fatal(err)
	}
	doc := loadOpenAPI(t)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/openapi.json"}, 200)
	v := e.check(doc, apiCall{method: "GET", path: "/api/v1/orgs"}, 200)
	top := v.(map[string]any)["organisations"].([]any)
	if len(top) != 1 || len(top[0].(map[string]any)["children"].([]any)) != 1 {
		t.Errorf("tree = %v", v)
	}
}
