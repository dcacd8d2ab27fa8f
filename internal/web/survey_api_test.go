package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestSurveyAPI: the list of public surveys; results only once public
// (staff with a token earlier), never with free texts; documented.
func TestSurveyAPI(t *testing.T) {
	e := newSurveyEnv(t)
	doc := loadOpenAPI(t)
	staff := e.login(e.staff)
	base := e.build(t, staff, "anonymous")
	id := strings.TrimPrefix(base, "/admin/umfragen/")
	v := e.check(doc, apiCall{method: "GET", path: "/api/v1/surveys"}, 200)
	if n := len(v.(map[string]any)["surveys"].([]any)); n != 0 {
		t.Errorf("a draft is listed: %v", v)
	}
	wantStatus(t, e.postForm(base+"/oeffnen", nil, staff), http.StatusSeeOther)
	wantStatus(t, e.postForm("/umfragen/"+id, url.Values{"q-q1": {"1"}, "q-q3": {"4"}, "q-q4": {"geheim"}, "q-q5-0": {"2"}}), http.StatusSeeOther)
	v = e.check(doc, apiCall{method: "GET", path: "/api/v1/surveys"}, 200)
	list := v.(map[string]any)["surveys"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["state"] != "open" || list[0].(map[string]any)["results_public"] != false {
		t.Errorf("surveys = %v", list)
	}
	results := "/api/v1/surveys/" + id + "/results"
	e.check(doc, apiCall{method: "GET", path: results}, 403)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/surveys/99/results"}, 404)
	raw, _, err := e.acc.CreateAPIToken(context.Background(), e.staff, "Auswertung")
	if err != nil {
		t.Fatal(err)
	}
	e.check(doc, apiCall{method: "GET", path: results, token: raw}, 200)
	wantStatus(t, e.postForm(base+"/schliessen", nil, staff), http.StatusSeeOther)
	v = e.check(doc, apiCall{method: "GET", path: results}, 200)
	body := v.(map[string]any)
	qs := body["questions"].([]any)
	if body["responses"] != 1.0 || len(qs) != 5 {
		t.Fatalf("results = %v", body)
	}
	single := qs[0].(map[string]any)["counts"].([]any)
	if c := single[1].(map[string]any); c["count"] != 1.0 || c["percent"] != 100.0 {
		t.Errorf("single choice counts = %v", single)
	}
	if m := qs[2].(map[string]any)["mean"]; m != 4.0 {
		t.Errorf("scale mean = %v", m)
	}
	if _, _, _ = e.api(apiCall{method: "GET", path: results}); strings.Contains(e.get(results).body, "geheim") {
		t.Error("the API shows a free-text answer")
	}
}
