package web

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"rathaus/internal/org"
	"rathaus/internal/participation"
)

func TestParticipationAPISpaces(t *testing.T) {
	e := newPartAPI(t)
	v := e.as(nil, "GET", "/api/v1/spaces", "", 200)
	spaces := map[string]map[string]any{}
	for _, sp := range v["spaces"].([]any) {
		m := sp.(map[string]any)
		spaces[m["slug"].(string)] = m
	}
	ideen, proc := spaces["ideen"], spaces["naechste-leistung"]
	if len(spaces) != 3 || ideen == nil || proc == nil || spaces["vorab"]["moderation"] != participation.PreModeration {
		t.Fatalf("spaces = %v", v)
	}
	if ideen["current_phase"] != "collecting" || apiNum(ideen["support_threshold"]) != 3 || apiNum(ideen["answer_days"]) != 14 ||
		len(ideen["categories"].([]any)) != 3 || len(ideen["phases"].([]any)) != 0 || ideen["href"] != "/mitmachen/ideen" {
		t.Errorf("ideen = %v", ideen)
	}
	if proc["current_phase"] != "prioritising" || apiNum(proc["votes_per_person"]) != 3 || len(proc["phases"].([]any)) != 4 {
		t.Errorf("process = %v", proc)
	}
	en := e.check(e.doc, apiCall{method: "GET", path: "/api/v1/spaces", lang: "en"}, 200).(map[string]any)
	if !slices.Contains(apiTitles(en, "spaces"), "Which service should go online next?") {
		t.Errorf("English titles = %v", apiTitles(en, "spaces"))
	}
}

func TestParticipationAPIIdeaList(t *testing.T) {
	e := newPartAPI(t)
	list := func(query string, total int) []string {
		t.Helper()
		v := e.as(nil, "GET", "/api/v1/ideas"+query, "", 200)
		if apiNum(v["total"]) != int64(total) {
			t.Errorf("ideas%s: total %v, want %d", query, v["total"], total)
		}
		return apiTitles(v, "items")
	}
	list("", 6)
	list("?space=ideen", 3)
	list("?space=naechste-leistung", 3)
	if got := list("?space=ideen&status=planned", 1); !slices.Equal(got, []string{"Mehr Bäume in der Innenstadt"}) {
		t.Errorf("planned = %v", got)
	}
	list("?space=ideen&status=received,planned", 3)
	list("?space=ideen&status=received&status=done", 2)
	list("?space=ideen&category=Verkehr", 1)
	list("?q=formulare", 1)
	if got := list("?space=ideen&sort=supports", 3); got[0] != "Sicherer Radweg am Löbdergraben" {
		t.Errorf("by supports = %v", got)
	}
	if got := list("?space=ideen&limit=1&offset=1", 3); len(got) != 1 {
		t.Errorf("page = %v", got)
	}
	v := e.as(nil, "GET", "/api/v1/ideas?space=ideen&status=planned", "", 200)
	baeume := v["items"].([]any)[0].(map[string]any)
	if baeume["answer"] != "Im Frühjahr pflanzen wir zwölf Linden am Markt." || baeume["author"] != "Saalenixe" ||
		baeume["status_label"] != "Geplant" || baeume["space"] != "ideen" || apiNum(baeume["version"]) != 2 {
		t.Errorf("answered idea = %v", baeume)
	}
	for _, bad := range []struct{ query, field string }{
		{"?space=nirgends", "space"}, {"?status=vielleicht", "status"}, {"?sort=random", "sort"},
		{"?limit=0", "limit"}, {"?limit=201", "limit"}, {"?offset=-1", "offset"},
	} {
		if got := apiFields(e.as(nil, "GET", "/api/v1/ideas"+bad.query, "", 400)); !slices.Equal(got, []string{bad.field}) {
			t.Errorf("%s: fields %v, want %s", bad.query, got, bad.field)
		}
	}
}

func TestParticipationAPIPropose(t *testing.T) {
	e := newPartAPI(t)
	body := `{"space":"ideen","title":"Trinkbrunnen am Holzmarkt","body":"Im Sommer fehlt in der Innenstadt kostenloses Trinkwasser.","category":"Umwelt","place":{"label":"Holzmarkt"}}`
	v := e.as(e.max, "POST", "/api/v1/ideas", body, 201)
	if v["moderation"] != participation.Published || v["author"] != "Kernberg42" || v["mine"] != true || v["status"] != "received" ||
		v["place"].(map[string]any)["label"] != "Holzmarkt" || v["space"] != "ideen" || apiNum(v["supports"]) != 0 {
		t.Errorf("proposed = %v", v)
	}
	id := strconv.FormatInt(apiNum(v["id"]), 10)
	if got := e.as(nil, "GET", "/api/v1/ideas/"+id, "", 200); got["title"] != "Trinkbrunnen am Holzmarkt" || got["mine"] != false {
		t.Errorf("published idea for the public = %v", got)
	}

	// Pre-moderation: pending, seen by its author only.
	pre := `{"space":"vorab","title":"Längere Öffnungszeiten","body":"Bitte das Bürgerbüro auch samstags öffnen, wenigstens vormittags."}`
	v = e.as(e.max, "POST", "/api/v1/ideas", pre, 201)
	if v["moderation"] != participation.Pending {
		t.Errorf("pre-moderated idea = %v", v)
	}
	pending := "/api/v1/ideas/" + strconv.FormatInt(apiNum(v["id"]), 10)
	e.as(e.max, "GET", pending, "", 200)
	e.as(e.erika, "GET", pending, "", 404)
	e.as(e.answerer, "GET", pending, "", 404)
	e.as(nil, "GET", pending, "", 404)
	e.as(nil, "GET", pending+"/comments", "", 404)
	e.as(e.erika, "GET", pending+"/statuses", "", 404)
	if got := apiTitles(e.as(nil, "GET", "/api/v1/ideas?space=vorab", "", 200), "items"); len(got) != 0 {
		t.Errorf("pending idea listed: %v", got)
	}

	// No pseudonym yet: 409 with the key the client can act on.
	for _, lang := range []string{"de", "en"} {
		res := e.check(e.doc, apiCall{method: "POST", path: "/api/v1/ideas", body: body, token: e.token(e.noname), lang: lang}, 409).(map[string]any)
		if msg := apiErr(res)["message"]; apiErr(res)["code"] != "conflict" || msg != e.srv.tr.T(lang, "error.participation.no_pseudonym") {
			t.Errorf("no pseudonym (%s): %v", lang, res)
		}
	}
	// Not in the collecting phase.
	proc := `{"space":"naechste-leistung","title":"Hundesteuer online","body":"Die Hundesteuer bitte online anmelden und abmelden können."}`
	e.as(e.erika, "POST", "/api/v1/ideas", proc, 409)

	// Validation names the fields.
	for _, bad := range []struct {
		body   string
		fields []string
	}{
		{`{"space":"ideen","title":"kurz","body":"zu kurz","category":"Sport"}`, []string{"title", "body", "category"}},
		{`{"title":"Trinkbrunnen am Holzmarkt","body":"Im Sommer fehlt in der Innenstadt Trinkwasser."}`, []string{"space"}},
		{`{"space":"nirgends","title":"Trinkbrunnen am Holzmarkt","body":"Im Sommer fehlt in der Innenstadt Trinkwasser."}`, []string{"space"}},
		{`{"space":"ideen","title":"Trinkbrunnen am Holzmarkt","body":"Im Sommer fehlt in der Innenstadt Trinkwasser.","place":{"label":"x","lat":91}}`, []string{"place"}},
	} {
		if got := apiFields(e.as(e.erika, "POST", "/api/v1/ideas", bad.body, 400)); !slices.Equal(got, bad.fields) {
			t.Errorf("%s: fields %v, want %v", bad.body, got, bad.fields)
		}
	}
	e.as(e.erika, "POST", "/api/v1/ideas", `{"space":"ideen","title":"x","body":"y","author":"jemand"}`, 400) // strict
	e.as(nil, "POST", "/api/v1/ideas", body, 401)
	e.check(e.doc, apiCall{method: "POST", path: "/api/v1/ideas", body: "space=ideen", contentType: "application/x-www-form-urlencoded", token: e.token(e.erika)}, 415)
	if v := e.as(nil, "GET", "/api/v1/ideas?space=ideen", "", 200); apiNum(v["total"]) != 4 {
		t.Errorf("refused proposals created ideas: total %v", v["total"])
	}

	// Ten ideas a day per account: erika wrote two in the fixture.
	for k := range 8 {
		e.as(e.erika, "POST", "/api/v1/ideas", fmt.Sprintf(`{"space":"ideen","title":"Idee Nummer %d für die Stadt","body":"Eine weitere Idee, damit die Grenze erreicht wird."}`, k), 201)
	}
	e.as(e.erika, "POST", "/api/v1/ideas", body, 429)
}

func TestParticipationAPIIdea(t *testing.T) {
	e := newPartAPI(t)
	v := e.as(nil, "GET", e.idea("radweg", ""), "", 200)
	if apiNum(v["supports"]) != 2 || v["supported"] != false || v["answer_due"] != nil || v["answered_at"] != nil ||
		v["merged_into"] != nil || v["hidden_reason"] != "" || v["category"] != "Verkehr" || v["href"] != "/ideen/"+strconv.FormatInt(e.ideas["radweg"], 10) {
		t.Errorf("radweg for the public = %v", v)
	}
	if v := e.as(e.max, "GET", e.idea("radweg", ""), "", 200); v["supported"] != true || v["mine"] != false {
		t.Errorf("radweg for a supporter = %v", v)
	}
	if v := e.as(e.erika, "GET", e.idea("radweg", ""), "", 200); v["mine"] != true {
		t.Errorf("radweg for its author = %v", v)
	}
	e.as(nil, "GET", "/api/v1/ideas/999999", "", 404)
	e.as(nil, "GET", "/api/v1/ideas/abc", "", 404)

	// Hidden: the public reason instead of the idea; merged: the link.
	mod := org.Actor{UserID: e.moderator.ID}
	mustDo(t, e.part.Moderate(t.Context(), mod, participation.TargetIdea, e.ideas["formulare"], participation.Hidden, "Enthält persönliche Daten."))
	h := e.as(nil, "GET", e.idea("formulare", ""), "", 200)
	if h["moderation"] != participation.Hidden || h["hidden_reason"] != "Enthält persönliche Daten." || h["title"] != "" || h["body"] != "" || h["author"] != "" {
		t.Errorf("hidden idea = %v", h)
	}
	mustDo(t, e.part.Merge(t.Context(), mod, e.ideas["baeume"], e.ideas["radweg"]))
	m := e.as(nil, "GET", e.idea("baeume", ""), "", 200)
	if m["moderation"] != participation.Merged || apiNum(m["merged_into"]) != e.ideas["radweg"] {
		t.Errorf("merged idea = %v", m)
	}
	e.as(e.max, "POST", e.idea("formulare", "/support"), "", 409)
}

func TestParticipationAPISupport(t *testing.T) {
	e := newPartAPI(t)
	support := func(method string, status int) map[string]any {
		t.Helper()
		return e.as(e.answerer, method, e.idea("radweg", "/support"), "", status)
	}
	// The third support reaches the threshold: the answer is due in 14 days.
	v := support("POST", 200)
	if apiNum(v["supports"]) != 3 || v["supported"] != true || v["new"] != true {
		t.Errorf("support = %v", v)
	}
	idea := e.as(nil, "GET", e.idea("radweg", ""), "", 200)
	if due := testNow.Add(14 * 24 * time.Hour).Format(time.RFC3339); idea["answer_due"] != due || idea["threshold_at"] == nil {
		t.Errorf("after the threshold: answer_due %v, want %s", idea["answer_due"], due)
	}
	// Idempotent: the same account again changes nothing.
	if v := support("POST", 200); apiNum(v["supports"]) != 3 || v["new"] != false || v["supported"] != true {
		t.Errorf("repeated support = %v", v)
	}
	if v := e.as(e.answerer, "GET", e.idea("radweg", ""), "", 200); apiNum(v["supports"]) != 3 || v["supported"] != true {
		t.Errorf("after a repeated support = %v", v)
	}
	// Withdrawing, twice.
	if v := support("DELETE", 200); apiNum(v["supports"]) != 2 || v["withdrawn"] != true || v["supported"] != false {
		t.Errorf("withdraw = %v", v)
	}
	if v := support("DELETE", 200); apiNum(v["supports"]) != 2 || v["withdrawn"] != false {
		t.Errorf("withdraw again = %v", v)
	}
	// Once per account from zero.
	for range 2 {
		e.as(e.erika, "POST", e.idea("formulare", "/support"), "", 200)
	}
	if v := e.as(nil, "GET", e.idea("formulare", ""), "", 200); apiNum(v["supports"]) != 1 {
		t.Errorf("one account twice: %v supports", v["supports"])
	}
	// One's own idea, no token, no idea.
	e.as(e.erika, "POST", e.idea("radweg", "/support"), "", 409)
	e.as(nil, "POST", e.idea("radweg", "/support"), "", 401)
	e.as(nil, "DELETE", e.idea("radweg", "/support"), "", 401)
	e.as(e.max, "POST", "/api/v1/ideas/999999/support", "", 404)
	// In the prioritising phase supports still count.
	if v := e.as(e.max, "POST", e.idea("kita", "/support"), "", 200); apiNum(v["supports"]) != 1 {
		t.Errorf("support in the process = %v", v)
	}
}

func TestParticipationAPIWithoutParticipation(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{"/api/v1/spaces", "/api/v1/ideas", "/api/v1/ideas/1"} {
		if status, _, _ := e.api(apiCall{method: "GET", path: path}); status != 404 {
			t.Errorf("GET %s without participation: %d", path, status)
		}
	}
}
