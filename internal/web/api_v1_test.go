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

type openAPIDoc struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]map[string]any `json:"schemas"`
	} `json:"components"`
}

func loadOpenAPI(t *testing.T) *openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return &doc
}

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

// conform checks v against a schema of the document: types, required
// properties, enums and referenced schemas, recursively.
func conform(doc *openAPIDoc, schema map[string]any, v any, at string) error {
	if ref, ok := schema["$ref"].(string); ok {
		return conform(doc, doc.Components.Schemas[strings.TrimPrefix(ref, "#/components/schemas/")], v, at)
	}
	if enum, ok := schema["enum"].([]any); ok {
		found := false
		for _, x := range enum {
			found = found || x == v
		}
		if !found {
			return fmt.Errorf("%s: %v not in %v", at, v, enum)
		}
	}
	switch typ := schema["type"].(type) {
	case string:
		return conformType(doc, schema, typ, v, at)
	case []any:
		for _, x := range typ {
			if conformType(doc, schema, x.(string), v, at) == nil {
				return nil
			}
		}
		return fmt.Errorf("%s: %v matches none of %v", at, v, typ)
	}
	return nil
}

func conformType(doc *openAPIDoc, schema map[string]any, typ string, v any, at string) error {
	switch typ {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want object, got %T", at, v)
		}
		for _, r := range asList(schema["required"]) {
			if _, ok := m[r.(string)]; !ok {
				return fmt.Errorf("%s: missing required %q", at, r)
			}
		}
		props, _ := schema["properties"].(map[string]any)
		for k, x := range m {
			if ps, ok := props[k].(map[string]any); ok {
				if err := conform(doc, ps, x, at+"."+k); err != nil {
					return err
				}
			} else {
				return fmt.Errorf("%s: undocumented property %q", at, k)
			}
		}
	case "array":
		list, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: want array, got %T", at, v)
		}
		items, _ := schema["items"].(map[string]any)
		for i, x := range list {
			if err := conform(doc, items, x, fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
	case "string":
		if _, ok := v.(string); !ok {
			return fmt.Errorf("%s: want string, got %T", at, v)
		}
	case "integer":
		if f, ok := v.(float64); !ok || f != float64(int64(f)) {
			return fmt.Errorf("%s: want integer, got %v", at, v)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s: want boolean, got %T", at, v)
		}
	case "null":
		if v != nil {
			return fmt.Errorf("%s: want null", at)
		}
	}
	return nil
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
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

// check asserts status and that the body conforms to the schema named.
func (e *testEnv) check(doc *openAPIDoc, c apiCall, status int, schema string) any {
	e.t.Helper()
	got, v, _ := e.api(c)
	if got != status {
		e.t.Fatalf("%s %s: status %d, want %d; body %v", c.method, c.path, got, status, v)
	}
	if schema != "" {
		if err := conform(doc, map[string]any{"$ref": "#/components/schemas/" + schema}, v, schema); err != nil {
			e.t.Errorf("%s %s: %v", c.method, c.path, err)
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
	e.check(doc, apiCall{method: "POST", path: "/api/v1/tokens", body: good, contentType: "text/plain"}, 415, "Error")
	e.check(doc, apiCall{method: "POST", path: "/api/v1/tokens", body: `{"email":`}, 400, "Error")
	e.check(doc, apiCall{method: "POST", path: "/api/v1/tokens", body: `{"email":"x","password":"y","name":"z","admin":true}`}, 400, "Error")
	e.check(doc, apiCall{method: "POST", path: "/api/v1/tokens", body: `{"email":"erika@example.org","password":"ein langes passwort","name":""}`}, 400, "Error")
	v := e.check(doc, apiCall{method: "POST", path: "/api/v1/tokens", lang: "en",
		body: `{"email":"erika@example.org","password":"falsch","name":"Skript"}`}, 401, "Error")
	if msg := v.(map[string]any)["error"].(map[string]any)["message"].(string); !strings.Contains(msg, "password") {
		t.Errorf("English error message = %q", msg)
	}
	if ts, _ := e.db.FindAPITokens(ctx, 1); len(ts) != 0 {
		t.Fatalf("failed requests created %d tokens", len(ts))
	}
	v = e.check(doc, apiCall{method: "POST", path: "/api/v1/tokens", body: good}, 201, "Token")
	tok := v.(map[string]any)["token"].(string)
	id := int64(v.(map[string]any)["id"].(float64))

	me := e.check(doc, apiCall{method: "GET", path: "/api/v1/me", token: tok}, 200, "Me")
	if me.(map[string]any)["email"] != "erika@example.org" {
		t.Errorf("me = %v", me)
	}
	e.check(doc, apiCall{method: "GET", path: "/api/v1/tokens", token: tok}, 200, "TokenList")
	e.check(doc, apiCall{method: "GET", path: "/api/v1/me"}, 401, "Error")
	_, _, h := e.api(apiCall{method: "GET", path: "/api/v1/me", token: "rh_forged"})
	if h.Get("WWW-Authenticate") == "" {
		t.Error("401 without WWW-Authenticate")
	}
	e.check(doc, apiCall{method: "DELETE", path: "/api/v1/tokens/999", token: tok}, 404, "Error")
	if got, _, _ := e.api(apiCall{method: "DELETE", path: fmt.Sprintf("/api/v1/tokens/%d", id), token: tok}); got != 204 {
		t.Fatalf("DELETE token: %d", got)
	}
	e.check(doc, apiCall{method: "GET", path: "/api/v1/me", token: tok}, 401, "Error")
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
	v := e.check(loadOpenAPI(t), apiCall{method: "GET", path: "/api/v1/orgs"}, 200, "OrgTree")
	top := v.(map[string]any)["organisations"].([]any)
	if len(top) != 1 || len(top[0].(map[string]any)["children"].([]any)) != 1 {
		t.Errorf("tree = %v", v)
	}
}
