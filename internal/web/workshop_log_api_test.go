package web

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/eventlog"
)

// Tests of the workshop's log JSON API against openapi.json.

func (e *workshopEnv) token(t *testing.T, u *account.User) string {
	t.Helper()
	raw, _, err := e.acc.CreateAPIToken(context.Background(), u, "test")
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// TestWorkshopAPIRoutesDocumented: every workshop route of the API under
// /api/v1/workshop/sources is in openapi.json and every documented one is
// a route (the general TestOpenAPIMatchesRoutes runs without a workshop).
func TestWorkshopAPIRoutesDocumented(t *testing.T) {
	e := newWorkshopEnv(t)
	var routes, documented []string
	for _, rt := range e.srv.workshopRoutes() {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if strings.HasPrefix(path, "/api/v1/workshop/sources") {
			routes = append(routes, strings.ToLower(method)+" "+path)
		}
	}
	for path, ops := range loadOpenAPI(t).Paths {
		if !strings.HasPrefix(path, "/api/v1/workshop/sources") {
			continue
		}
		for method := range ops {
			documented = append(documented, method+" "+path)
		}
	}
	sort.Strings(routes)
	sort.Strings(documented)
	if strings.Join(routes, "\n") != strings.Join(documented, "\n") {
		t.Errorf("routes:\n%s\ndocumented:\n%s", strings.Join(routes, "\n"), strings.Join(documented, "\n"))
	}
}

func TestWorkshopAPIAnalyses(t *testing.T) {
	e := newWorkshopEnv(t)
	doc := loadOpenAPI(t)
	tok := e.token(t, e.owner)
	v := e.check(doc, apiCall{method: "GET", path: "/api/v1/workshop/sources", token: tok}, 200).(map[string]any)
	keys := map[string]bool{}
	for _, s := range v["sources"].([]any) {
		keys[s.(map[string]any)["key"].(string)] = true
	}
	if !keys["case"] || !keys["case:9"] {
		t.Errorf("sources %v lack the applications", keys)
	}
	base := "/api/v1/workshop/sources/case:9/"
	ov := e.check(doc, apiCall{method: "GET", path: base + "overview", token: tok}, 200).(map[string]any)
	if ov["cases"] != 60.0 || ov["variants"] != 2.0 {
		t.Errorf("overview: %v cases, %v variants; want 60 and 2", ov["cases"], ov["variants"])
	}
	g := e.check(doc, apiCall{method: "GET", path: base + "dfg", token: tok}, 200).(map[string]any)
	names := map[float64]string{}
	for _, n := range g["nodes"].([]any) {
		m := n.(map[string]any)
		names[m["id"].(float64)] = m["activity"].(string)
	}
	best, edge := -1.0, ""
	for _, x := range g["edges"].([]any) {
		m := x.(map[string]any)
		if m["median_s"].(float64) > best {
			best, edge = m["median_s"].(float64), names[m["from"].(float64)]+"→"+names[m["to"].(float64)]
		}
	}
	if edge != "submitted→start" {
		t.Errorf("longest median wait on %s, want submitted→start", edge)
	}
	vs := e.check(doc, apiCall{method: "GET", path: base + "variants?limit=1", token: tok}, 200).(map[string]any)
	if vs["total"] != 2.0 || len(vs["variants"].([]any)) != 1 {
		t.Errorf("variants with limit 1: total %v, listed %d", vs["total"], len(vs["variants"].([]any)))
	}
	filtered := e.check(doc, apiCall{method: "GET", path: base + "overview?aktivitaet=ask", token: tok}, 200).(map[string]any)
	if filtered["cases"] != float64(fixtureAskCases()) {
		t.Errorf("filtered overview: %v cases, want %d", filtered["cases"], fixtureAskCases())
	}
	for _, a := range []string{"activities", "bottlenecks", "rework", "deadlines?frist=10", "workload?nach=resource", "dfg?aktivitaeten=50&pfade=0"} {
		e.check(doc, apiCall{method: "GET", path: base + a, token: tok}, 200)
	}
	// A filter that leaves nothing still answers with the documented shape.
	for _, a := range []string{"overview", "dfg", "variants", "activities", "bottlenecks", "rework", "deadlines", "workload"} {
		e.check(doc, apiCall{method: "GET", path: base + a + "?max_tage=0.0001", token: tok}, 200)
	}
}

func TestWorkshopAPIErrors(t *testing.T) {
	e := newWorkshopEnv(t)
	doc := loadOpenAPI(t)
	owner := e.token(t, e.owner)
	base := "/api/v1/workshop/sources/case:9/"
	e.check(doc, apiCall{method: "GET", path: base + "overview"}, 401)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/workshop/sources"}, 401)
	e.check(doc, apiCall{method: "GET", path: base + "overview", token: e.token(t, e.outsider)}, 403)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/workshop/sources", token: e.token(t, e.outsider)}, 403)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/workshop/sources/unknown/overview", token: owner}, 404)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/workshop/sources/log:99/variants", token: owner}, 404)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/workshop/sources/log:x/variants", token: owner}, 400)
	v := e.check(doc, apiCall{method: "GET", path: base + "overview?von=gestern", token: owner, lang: "en"}, 400).(map[string]any)
	fields := v["error"].(map[string]any)["fields"].([]any)
	if len(fields) != 1 || fields[0].(map[string]any)["field"] != "von" {
		t.Errorf("bad date: fields %v", fields)
	}
	e.check(doc, apiCall{method: "GET", path: base + "deadlines?frist=-3", token: owner}, 400)
	e.check(doc, apiCall{method: "GET", path: base + "dfg?pfade=200", token: owner}, 400)
	e.check(doc, apiCall{method: "GET", path: base + "export?format=pdf", token: owner}, 400)
	e.check(doc, apiCall{method: "DELETE", path: "/api/v1/workshop/sources/case:9", token: owner}, 404)
	e.check(doc, apiCall{method: "DELETE", path: "/api/v1/workshop/sources/log:5", token: e.token(t, e.outsider)}, 403)
}

func TestWorkshopAPIExportAndDelete(t *testing.T) {
	e := newWorkshopEnv(t)
	doc := loadOpenAPI(t)
	key := importedKey(t, e.importLog(t, e.login(e.owner), "running-example.xes", readRunningExample(t), nil))
	owner := e.token(t, e.owner)
	if res := e.get("/api/v1/workshop/sources/" + key + "/export?format=xes"); res.StatusCode != 401 {
		t.Errorf("export without token: %d", res.StatusCode)
	}
	r := apiCall{method: "GET", path: "/api/v1/workshop/sources/" + key + "/export?" + url.Values{"format": {"xes"}}.Encode(), token: owner}
	req := e.apiRaw(r)
	if req.StatusCode != 200 {
		t.Fatalf("export: status %d", req.StatusCode)
	}
	l, _, err := eventlog.ReadXES(strings.NewReader(req.body), eventlog.XESOptions{})
	if err != nil || len(l.Cases) != 6 {
		t.Fatalf("exported XES: %v cases, %v", len(l.Cases), err)
	}
	e.check(doc, apiCall{method: "DELETE", path: "/api/v1/workshop/sources/" + key, token: e.token(t, e.stranger)}, 404)
	e.check(doc, apiCall{method: "DELETE", path: "/api/v1/workshop/sources/" + key, token: owner}, 204)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/workshop/sources/" + key + "/overview", token: owner}, 404)
}

// apiRaw sends an API call and returns the raw response (for files).
func (e *workshopEnv) apiRaw(c apiCall) *response {
	e.t.Helper()
	r := httptest.NewRequest(c.method, c.path, nil)
	r.Header.Set("Authorization", "Bearer "+c.token)
	return e.do(r)
}

// apiImport posts a log file to the API's import as the token's user.
func (e *workshopEnv) apiImport(t *testing.T, doc *openAPIDoc, token, fileName string, data []byte, status int) map[string]any {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", fileName)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	r := httptest.NewRequest("POST", workshopAPIUpload, &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set("Authorization", "Bearer "+token)
	res := e.do(r)
	if res.StatusCode != status {
		t.Fatalf("import %s: status %d, want %d; %s", fileName, res.StatusCode, status, res.body)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(res.body), &v); err != nil {
		t.Fatal(err)
	}
	schema, err := doc.responseSchema("POST", workshopAPIUpload, status)
	if err != nil {
		t.Fatal(err)
	}
	if err := conform(doc, schema, any(v), "body"); err != nil {
		t.Error(err)
	}
	return v
}

func TestWorkshopAPIImport(t *testing.T) {
	e := newWorkshopEnv(t)
	doc := loadOpenAPI(t)
	owner := e.token(t, e.owner)
	v := e.apiImport(t, doc, owner, "running-example.xes", readRunningExample(t), 201)
	src := v["source"].(map[string]any)
	if src["cases"] != 6.0 || !strings.HasPrefix(src["key"].(string), "log:") {
		t.Errorf("imported source %v", src)
	}
	e.check(doc, apiCall{method: "GET", path: "/api/v1/workshop/sources/" + src["key"].(string) + "/overview", token: owner}, 200)
	v = e.apiImport(t, doc, owner, "kaputt.csv", []byte("Wann;Was\n2026-01-01;a\n"), 400)
	if msg := v["error"].(map[string]any)["message"].(string); !strings.Contains(msg, "Spalte") {
		t.Errorf("broken CSV: message %q", msg)
	}
	e.apiImport(t, doc, e.token(t, e.outsider), "running-example.xes", readRunningExample(t), 403)
}
