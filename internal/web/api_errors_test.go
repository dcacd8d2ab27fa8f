package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"rathaus/internal/account"
)

// TestAPIErrorsAreJSONAndTranslated: every refused call answers the
// documented JSON error in the caller's language and creates nothing.
func TestAPIErrorsAreJSONAndTranslated(t *testing.T) {
	e := newEnv(t, withOrgs)
	doc := loadOpenAPI(t)
	ctx := context.Background()
	if _, err := e.acc.Create(ctx, nil, account.Registration{Email: "erika@example.org", DisplayName: "Erika", Password: "ein langes passwort"}, false); err != nil {
		t.Fatal(err)
	}
	post := func(body, ct string) apiCall {
		return apiCall{method: "POST", path: "/api/v1/tokens", body: body, contentType: ct}
	}
	good := `{"email":"erika@example.org","password":"ein langes passwort","name":"Skript"}`
	wrong := `{"email":"erika@example.org","password":"falsch","name":"Skript"}`
	for _, c := range []struct {
		name   string
		call   apiCall
		status int
		key    string // translation key of the message
		field  string // field named in the error, if any
	}{
		{"form instead of JSON", post("email=erika", "application/x-www-form-urlencoded"), 415, "error.http.media_type_json", ""},
		{"malformed JSON", post(`{"email":`, ""), 400, "error.json.invalid", ""},
		{"unknown field", post(`{"email":"x","password":"y","name":"z","admin":true}`, ""), 400, "error.json.invalid", ""},
		{"trailing data", post(good+`{}`, ""), 400, "error.json.invalid", ""},
		{"array instead of object", post(`[1]`, ""), 400, "error.json.invalid", ""},
		{"oversized body", post(`{"email":"`+strings.Repeat("x", 5000)+`"}`, ""), 413, "error.http.too_large", ""},
		{"no name", post(`{"email":"erika@example.org","password":"ein langes passwort","name":""}`, ""), 400, "", "name"},
		{"unknown token", apiCall{method: "GET", path: "/api/v1/me", token: "x"}, 401, "error.token.invalid", ""},
		{"no token", apiCall{method: "GET", path: "/api/v1/me"}, 401, "error.token.required", ""},
	} {
		for _, lang := range []string{"en", "de"} {
			t.Run(c.name+" "+lang, func(t *testing.T) {
				c.call.lang = lang
				body := e.check(doc, c.call, c.status).(map[string]any)["error"].(map[string]any)
				if c.key != "" && body["message"] != e.srv.tr.T(lang, c.key) {
					t.Errorf("message = %q, want %q", body["message"], e.srv.tr.T(lang, c.key))
				}
				if c.field != "" && !strings.Contains(jsonText(body["fields"]), `"field":"`+c.field+`"`) {
					t.Errorf("fields = %v, want one for %q", body["fields"], c.field)
				}
			})
		}
	}
	// Five wrong passwords throttle the address, even for the right one.
	for range 5 {
		e.check(doc, post(wrong, ""), http.StatusUnauthorized)
	}
	body := e.check(doc, apiCall{method: "POST", path: "/api/v1/tokens", body: good, lang: "en"}, http.StatusTooManyRequests)
	if msg := body.(map[string]any)["error"].(map[string]any)["message"]; msg != e.srv.tr.T("en", "error.login.throttled") {
		t.Errorf("throttled message = %q", msg)
	}
	if ts, _ := e.db.FindAPITokens(ctx, 1); len(ts) != 0 {
		t.Errorf("refused calls created %d tokens", len(ts))
	}
}

// TestAPIIgnoresSessionCookies: a browser session cannot act through the
// API, so a page on another site cannot use it either.
func TestAPIIgnoresSessionCookies(t *testing.T) {
	e := newEnv(t, withOrgs)
	if _, err := e.acc.Create(context.Background(), nil, account.Registration{Email: "erika@example.org", DisplayName: "Erika", Password: "ein langes passwort"}, false); err != nil {
		t.Fatal(err)
	}
	sess := sessionOf(t, e.postForm("/login", url.Values{"email": {"erika@example.org"}, "password": {"ein langes passwort"}}))
	r := httptest.NewRequest("GET", "/api/v1/me", nil)
	r.AddCookie(sess)
	res := e.do(r)
	if res.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Errorf("GET /api/v1/me with a session cookie: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
}

func jsonText(v any) string {
	var b strings.Builder
	if list, ok := v.([]any); ok {
		for _, x := range list {
			if m, ok := x.(map[string]any); ok {
				b.WriteString(`"field":"` + m["field"].(string) + `"`)
			}
		}
	}
	return b.String()
}
