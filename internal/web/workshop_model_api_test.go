package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"rathaus/internal/account"
)

// apiTokenFor creates a personal API token for a fixture user.
func (e *workshopEnv) apiTokenFor(t testing.TB, u *account.User) string {
	t.Helper()
	raw, _, err := e.acc.CreateAPIToken(context.Background(), u, "test")
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// importJSON is the body of an import through the API.
func importJSON(name, source, xml string) string {
	b, _ := json.Marshal(map[string]string{"name": name, "source": source, "bpmn": xml})
	return string(b)
}

// TestWorkshopModelAPI walks the models' JSON API: import, list, one
// model, annotation (also stale and invalid), conformance, the check and
// deletion, each answer checked against openapi.json.
func TestWorkshopModelAPI(t *testing.T) {
	e := newModelEnv(t)
	doc := loadOpenAPI(t)
	tok := e.apiTokenFor(t, e.owner)

	created := e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/models", token: tok,
		body: importJSON("Ohne Rückfrage", "case:9", handModelWithoutAsk)}, http.StatusCreated).(map[string]any)
	id := int64(created["id"].(float64))
	if created["steps"].(float64) != 4 || created["origin"] != "imported" {
		t.Errorf("created = %v", created)
	}
	path := fmt.Sprintf("/api/v1/workshop/models/%d", id)

	list := e.check(doc, apiCall{method: "GET", path: "/api/v1/workshop/models", token: tok}, http.StatusOK).(map[string]any)
	if n := len(list["models"].([]any)); n != 1 {
		t.Errorf("%d models listed, want 1", n)
	}

	detail := e.check(doc, apiCall{method: "GET", path: path, token: tok}, http.StatusOK).(map[string]any)
	var names []string
	for _, s := range detail["step_list"].([]any) {
		names = append(names, s.(map[string]any)["activity"].(string))
	}
	if !slices.Equal(names, []string{"submitted", "start", "approve", "close"}) {
		t.Errorf("steps = %q", names)
	}
	version := int(detail["version"].(float64))

	body := fmt.Sprintf(`{"version": %d, "annotation": {"legal_basis": "§ 18 BMG", "form": "written", "personal_appearance": true, "handwritten_signature": false, "paper_originals": false, "media_break": "none", "manual_reentry": false, "payment": "cash_only", "once_only": "", "discretion": false, "automated": false, "note": ""}}`, version)
	annotated := e.check(doc, apiCall{method: "PUT", path: path + "/steps/t1", token: tok, body: body}, http.StatusOK).(map[string]any)
	if annotated["annotated"].(float64) != 1 || annotated["score"] == nil {
		t.Errorf("after annotating: %v", annotated)
	}
	e.check(doc, apiCall{method: "PUT", path: path + "/steps/t2", token: tok, body: body}, http.StatusConflict) // the old version
	invalid := e.check(doc, apiCall{method: "PUT", path: path + "/steps/t2", token: tok,
		body: fmt.Sprintf(`{"version": %d, "annotation": {"automated": true, "discretion": true}}`, version+1)}, http.StatusBadRequest).(map[string]any)
	if f := invalid["error"].(map[string]any)["fields"].([]any); f[0].(map[string]any)["field"] != "annotation.automated" {
		t.Errorf("invalid annotation fields = %v", f)
	}
	e.check(doc, apiCall{method: "PUT", path: path + "/steps/nope", token: tok, body: body}, http.StatusNotFound)

	conf := e.check(doc, apiCall{method: "GET", path: path + "/conformance", token: tok}, http.StatusOK).(map[string]any)
	if conf["fitness"].(float64) >= 1 || conf["cases"].(float64) != 60 {
		t.Errorf("conformance = %v", conf)
	}
	var ask map[string]any
	for _, d := range conf["deviations"].([]any) {
		if d.(map[string]any)["activity"] == "ask" {
			ask = d.(map[string]any)
		}
	}
	if ask == nil || ask["kind"] != "not-in-model" || ask["cases"].(float64) != 12 {
		t.Errorf("deviation at ask = %v", ask)
	}

	check := e.check(doc, apiCall{method: "GET", path: path + "/check", token: tok}, http.StatusOK).(map[string]any)
	report := check["report"].(map[string]any)
	first := report["steps"].([]any)[0].(map[string]any)
	var obstacles []string
	for _, f := range first["findings"].([]any) {
		obstacles = append(obstacles, f.(map[string]any)["obstacle"].(string))
	}
	for _, want := range []string{"written_form", "personal_appearance", "payment_offline"} {
		if !slices.Contains(obstacles, want) {
			t.Errorf("findings of the first step %q lack %s", obstacles, want)
		}
	}
	if check["source"] != "case:9" {
		t.Errorf("check measured on %v", check["source"])
	}

	e.check(doc, apiCall{method: "DELETE", path: path, token: tok}, http.StatusNoContent)
	e.check(doc, apiCall{method: "GET", path: path, token: tok}, http.StatusNotFound)
}

// TestWorkshopModelAPIDiscoverAndSimulate discovers a model from the
// fixture's log and simulates taking out the wait before "start".
func TestWorkshopModelAPIDiscoverAndSimulate(t *testing.T) {
	e := newModelEnv(t)
	doc := loadOpenAPI(t)
	tok := e.apiTokenFor(t, e.owner)
	m := e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/models/discover", token: tok,
		body: `{"source": "case:9", "noise": 0}`}, http.StatusCreated).(map[string]any)
	if m["origin"] != "discovered" || m["steps"].(float64) != 7 || m["source"] != "case:9" {
		t.Errorf("discovered = %v", m)
	}
	conf := e.check(doc, apiCall{method: "GET", path: fmt.Sprintf("/api/v1/workshop/models/%d/conformance?source=case:9", int64(m["id"].(float64))), token: tok}, http.StatusOK).(map[string]any)
	if conf["fitness"].(float64) != 1 || conf["fit_cases"].(float64) != 60 {
		t.Errorf("discovered model's fitness %v with %v fitting cases", conf["fitness"], conf["fit_cases"])
	}
	e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/models/discover", token: tok, body: `{"source": "case:9", "noise": 2}`}, http.StatusBadRequest)
	e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/models/discover", token: tok, body: `{"noise": 0.2}`}, http.StatusBadRequest)
	e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/models/discover", token: tok, body: `{"source": "log:404"}`}, http.StatusNotFound)

	sim := e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/sources/case:9/simulate", token: tok,
		body: `{"remove": ["start"], "replicates": 100}`}, http.StatusOK).(map[string]any)
	base := sim["baseline"].(map[string]any)["median"].(float64)
	proj := sim["projected"].(map[string]any)["median"].(float64)
	if !(proj < base) || sim["affected"].(float64) != 60 {
		t.Errorf("removing start: baseline median %v s, projected %v s, %v cases affected", base, proj, sim["affected"])
	}
	if base < 86400 || base-proj < 86400 {
		t.Errorf("the wait before start (1–20 days) should dominate: baseline %v s, projected %v s", base, proj)
	}
	e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/sources/case:9/simulate", token: tok, body: `{"remove": ["fly"]}`}, http.StatusBadRequest)
	e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/sources/case:9/simulate", token: tok, body: `{"replicates": 5}`}, http.StatusBadRequest)
	e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/sources/case:9/simulate", token: tok, body: `{"automate": {"start": -1}}`}, http.StatusBadRequest)
}

// TestWorkshopModelAPIErrors: no token, a case worker, a stranger, a
// wrong content type, bad JSON and a file that is not BPMN.
func TestWorkshopModelAPIErrors(t *testing.T) {
	e := newModelEnv(t)
	doc := loadOpenAPI(t)
	owner := e.apiTokenFor(t, e.owner)
	created := e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/models", token: owner,
		body: importJSON("", "", handModelWithoutAsk)}, http.StatusCreated).(map[string]any)
	if created["name"] != "Meldebescheinigung ohne Rückfrage" {
		t.Errorf("an import without a name is named %v, want the process's name", created["name"])
	}
	path := fmt.Sprintf("/api/v1/workshop/models/%d", int64(created["id"].(float64)))

	e.check(doc, apiCall{method: "GET", path: "/api/v1/workshop/models"}, http.StatusUnauthorized)
	worker := e.apiTokenFor(t, e.outsider)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/workshop/models", token: worker}, http.StatusForbidden)
	e.check(doc, apiCall{method: "GET", path: path, token: worker}, http.StatusForbidden)
	stranger := e.apiTokenFor(t, e.stranger)
	list := e.check(doc, apiCall{method: "GET", path: "/api/v1/workshop/models", token: stranger}, http.StatusOK).(map[string]any)
	if n := len(list["models"].([]any)); n != 0 {
		t.Errorf("the stranger sees %d models", n)
	}
	e.check(doc, apiCall{method: "GET", path: path, token: stranger}, http.StatusNotFound)
	e.check(doc, apiCall{method: "DELETE", path: path, token: stranger}, http.StatusNotFound)
	e.check(doc, apiCall{method: "GET", path: path + "/check", token: stranger}, http.StatusNotFound)
	e.check(doc, apiCall{method: "GET", path: path + "/conformance?source=case:9", token: stranger}, http.StatusNotFound)
	other := e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/sources/case:9/simulate", token: stranger, body: `{}`}, http.StatusOK).(map[string]any)
	if other["cases"].(float64) != 0 {
		t.Errorf("the stranger simulates %v cases of another unit", other["cases"])
	}

	e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/models", token: owner, body: handModelWithoutAsk, contentType: "application/xml"}, http.StatusUnsupportedMediaType)
	e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/models", token: owner, body: `{"bpmn": `}, http.StatusBadRequest)
	bad := e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/models", token: owner, body: importJSON("x", "", "<html/>")}, http.StatusBadRequest).(map[string]any)
	if msg := bad["error"].(map[string]any)["message"].(string); !strings.Contains(msg, "kein BPMN-2.0-Modell") {
		t.Errorf("message for HTML = %q", msg)
	}
	e.check(doc, apiCall{method: "POST", path: "/api/v1/workshop/models", token: owner, body: `{"name": "leer"}`}, http.StatusBadRequest)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/workshop/models/abc", token: owner}, http.StatusNotFound)
	e.check(doc, apiCall{method: "GET", path: path + "/conformance?source=log:99", token: owner}, http.StatusNotFound)
	e.check(doc, apiCall{method: "GET", path: path + "/conformance", token: owner}, http.StatusBadRequest) // the model names no log
}
