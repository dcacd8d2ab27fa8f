package web

import (
	"fmt"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/org"
	"rathaus/internal/participation"
)

func TestParticipationAPIComments(t *testing.T) {
	e := newPartAPI(t)
	path := e.idea("radweg", "/comments")
	if v := e.as(nil, "GET", path, "", 200); len(v["comments"].([]any)) != 0 {
		t.Fatalf("comments before any = %v", v)
	}
	first := e.as(e.max, "POST", path, `{"body":"Gute Idee, der Abschnitt ist wirklich gefährlich."}`, 201)
	if first["author"] != "Kernberg42" || first["official"] != false || first["parent_id"] != nil || first["moderation"] != participation.Published {
		t.Errorf("comment = %v", first)
	}
	reply := e.as(e.erika, "POST", path, fmt.Sprintf(`{"body":"Danke! Besonders abends.","parent_id":%d}`, apiNum(first["id"])), 201)
	if apiNum(reply["parent_id"]) != apiNum(first["id"]) {
		t.Errorf("reply = %v", reply)
	}
	official := e.as(e.answerer, "POST", path, `{"body":"Wir prüfen die Markierung mit dem Tiefbauamt.","parent_id":null}`, 201)
	if official["official"] != true {
		t.Errorf("staff comment = %v", official)
	}

	// Validation names the request's fields.
	other := e.as(e.max, "POST", e.idea("baeume", "/comments"), `{"body":"Linden sind schön."}`, 201)
	for _, bad := range []struct{ body, field string }{
		{`{"body":" "}`, "body"},
		{fmt.Sprintf(`{"body":"Antwort an anderer Stelle","parent_id":%d}`, apiNum(other["id"])), "parent_id"},
		{`{"body":"Antwort ins Leere","parent_id":999999}`, "parent_id"},
	} {
		if got := apiFields(e.as(e.max, "POST", path, bad.body, 400)); !slices.Equal(got, []string{bad.field}) {
			t.Errorf("%s: fields %v, want %s", bad.body, got, bad.field)
		}
	}
	e.as(e.max, "POST", path, `{"text":"falsches Feld"}`, 400)
	e.as(e.noname, "POST", path, `{"body":"Ohne Namen geht es nicht."}`, 409)
	e.as(nil, "POST", path, `{"body":"Ohne Konto geht es nicht."}`, 401)
	e.as(e.max, "POST", "/api/v1/ideas/999999/comments", `{"body":"Niemand da."}`, 404)

	// A hidden comment keeps its place with the reason, without its text.
	mustDo(t, e.part.Moderate(t.Context(), org.Actor{UserID: e.moderator.ID}, participation.TargetComment, apiNum(first["id"]),
		participation.Hidden, "Bitte sachlich bleiben."))
	v := e.as(nil, "GET", path, "", 200)
	cs := v["comments"].([]any)
	if len(cs) != 3 {
		t.Fatalf("comments = %v", v)
	}
	hidden, replyGot := cs[0].(map[string]any), cs[1].(map[string]any)
	if hidden["moderation"] != participation.Hidden || hidden["hidden_reason"] != "Bitte sachlich bleiben." || hidden["body"] != "" {
		t.Errorf("hidden comment = %v", hidden)
	}
	if replyGot["body"] != "Danke! Besonders abends." || apiNum(replyGot["parent_id"]) != apiNum(first["id"]) {
		t.Errorf("reply in the list = %v", replyGot)
	}
	if cs[2].(map[string]any)["official"] != true {
		t.Errorf("official comment in the list = %v", cs[2])
	}
	// No comments on a hidden idea.
	mustDo(t, e.part.Moderate(t.Context(), org.Actor{UserID: e.moderator.ID}, participation.TargetIdea, e.ideas["formulare"],
		participation.Hidden, "Doppelt."))
	e.as(e.erika, "POST", e.idea("formulare", "/comments"), `{"body":"Noch da?"}`, 409)
}

func TestParticipationAPIStatus(t *testing.T) {
	e := newPartAPI(t)
	path := e.idea("radweg", "/status")
	answer := func(u *account.User, body string, status int) map[string]any {
		t.Helper()
		return e.as(u, "POST", path, body, status)
	}
	review := `{"status":"review","answer":"Wir prüfen das mit dem Tiefbauamt.","version":1}`
	// Only staff of the space's unit answer.
	for _, u := range []*account.User{e.erika, e.outsider} {
		if v := answer(u, review, 403); apiErr(v)["code"] != "forbidden" {
			t.Errorf("not responsible: %v", v)
		}
	}
	answer(nil, review, 401)
	v := answer(e.answerer, review, 200)
	if v["status"] != "review" || v["answer"] != "Wir prüfen das mit dem Tiefbauamt." || apiNum(v["version"]) != 2 || v["status_label"] != "In Prüfung" {
		t.Errorf("answered = %v", v)
	}
	// The moderator answering on the version they saw is too late.
	stale := answer(e.moderator, `{"status":"planned","answer":"Kommt im Frühjahr.","version":1,"lang":"en"}`, 409)
	if apiErr(stale)["message"] != e.srv.tr.T("de", "error.participation.stale") {
		t.Errorf("stale = %v", stale)
	}
	answer(e.moderator, `{"status":"planned","answer":"Kommt im Frühjahr.","version":2,"lang":"en"}`, 200)

	for _, bad := range []struct{ body, field string }{
		{`{"status":"vielleicht","answer":"x","version":3}`, "status"},
		{`{"status":"rejected","answer":"","version":3}`, "answer"},
		{`{"status":"done","answer":"Fertig."}`, "version"},
		{`{"status":"done","answer":"Fertig.","version":3,"lang":"fr"}`, "lang"},
	} {
		if got := apiFields(answer(e.answerer, bad.body, 400)); !slices.Equal(got, []string{bad.field}) {
			t.Errorf("%s: fields %v, want %s", bad.body, got, bad.field)
		}
	}
	answer(e.answerer, `{"status":"done","version":3,"who":"Arne"}`, 400)
	e.as(e.answerer, "POST", "/api/v1/ideas/999999/status", review, 404)

	// The public timeline: both answers, oldest first, no staff person.
	tl := e.as(nil, "GET", e.idea("radweg", "/statuses"), "", 200)["statuses"].([]any)
	if len(tl) != 2 {
		t.Fatalf("timeline = %v", tl)
	}
	first, second := tl[0].(map[string]any), tl[1].(map[string]any)
	if first["from"] != "received" || first["to"] != "review" || first["answer"] != "Wir prüfen das mit dem Tiefbauamt." ||
		second["from"] != "review" || second["to"] != "planned" || second["to_label"] != "Geplant" || first["at"] == nil {
		t.Errorf("timeline = %v", tl)
	}
	raw := e.check(e.doc, apiCall{method: "GET", path: e.idea("radweg", "/statuses")}, 200)
	if s := fmt.Sprint(raw); strings.Contains(s, "Arne") || strings.Contains(s, "Mona") || strings.Contains(s, "actor") {
		t.Errorf("timeline names staff: %s", s)
	}
	if v := e.as(nil, "GET", e.idea("radweg", ""), "", 200); v["status"] != "planned" || v["answer"] != "Kommt im Frühjahr." {
		t.Errorf("idea after the answers = %v", v)
	}
	e.as(nil, "GET", "/api/v1/ideas/999999/statuses", "", 404)
}

func TestParticipationAPISimilar(t *testing.T) {
	e := newPartAPI(t)
	author := e.max.ID
	for k := range 6 {
		i := &participation.Idea{SpaceID: e.space.ID, Title: "Radweg Nummer " + strconv.Itoa(k+1) + " ausbauen",
			Body: "Noch ein Radweg, der durchgehend markiert werden sollte.", AuthorID: &author, AuthorName: "Kernberg42",
			Status: participation.StatusReceived, Moderation: participation.Published, Version: 1, CreatedAt: testNow, UpdatedAt: testNow}
		mustDo(t, e.part.Store.CreateIdea(t.Context(), i, participation.Effects{}))
	}
	v := e.as(nil, "GET", "/api/v1/ideas/similar?space=ideen&q=Radweg+L%C3%B6bdergraben", "", 200)
	items := v["items"].([]any)
	if len(items) != 5 {
		t.Fatalf("suggestions = %v; want at most 5", v)
	}
	best := items[0].(map[string]any)
	if best["title"] != "Sicherer Radweg am Löbdergraben" || apiNum(best["supports"]) != 2 || best["href"] != "/ideen/"+strconv.FormatInt(e.ideas["radweg"], 10) {
		t.Errorf("best suggestion = %v", best)
	}
	if got := apiTitles(e.as(nil, "GET", "/api/v1/ideas/similar?space=ideen&q=Linden+B%C3%A4ume+Schatten", "", 200), "items"); len(got) == 0 || got[0] != "Mehr Bäume in der Innenstadt" {
		t.Errorf("trees: %v", got)
	}
	// Other spaces' ideas are not suggested; no text, no suggestions.
	if got := apiTitles(e.as(nil, "GET", "/api/v1/ideas/similar?space=naechste-leistung&q=Radweg", "", 200), "items"); len(got) != 0 {
		t.Errorf("process suggestions for Radweg: %v", got)
	}
	if got := apiTitles(e.as(nil, "GET", "/api/v1/ideas/similar?space=ideen&q=+", "", 200), "items"); len(got) != 0 {
		t.Errorf("empty q: %v", got)
	}
	for _, q := range []string{"?q=Radweg", "?space=nirgends&q=Radweg"} {
		if got := apiFields(e.as(nil, "GET", "/api/v1/ideas/similar"+q, "", 400)); !slices.Equal(got, []string{"space"}) {
			t.Errorf("%s: fields %v", q, got)
		}
	}
}

// TestParticipationAPISupportRace: supports through the HTTP API stay
// exact under concurrency — 30 accounts at once count 30, one account
// ten times at once counts once.
func TestParticipationAPISupportRace(t *testing.T) {
	e := newPartAPI(t)
	var toks []string
	for k := range 30 {
		toks = append(toks, e.token(e.user(fmt.Sprintf("unterstuetzer%d@example.org", k), false)))
	}
	path := e.idea("formulare", "/support")
	h := e.srv.Handler()
	post := func(tok string) (int, string) {
		r := httptest.NewRequest("POST", path, nil)
		r.Header.Set("Authorization", "Bearer "+tok)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Code, rec.Body.String()
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	news := 0
	run := func(tok string) {
		defer wg.Done()
		code, body := post(tok)
		if code != 200 {
			t.Errorf("support: %d %s", code, body)
			return
		}
		if strings.Contains(body, `"new":true`) {
			mu.Lock()
			news++
			mu.Unlock()
		}
	}
	for _, tok := range toks {
		wg.Add(1)
		go run(tok)
	}
	erika := e.token(e.erika)
	for range 10 {
		wg.Add(1)
		go run(erika)
	}
	wg.Wait()
	if news != 31 {
		t.Errorf("%d supports reported new, want 31", news)
	}
	v := e.as(nil, "GET", e.idea("formulare", ""), "", 200)
	if apiNum(v["supports"]) != 31 {
		t.Errorf("supports = %v, want 31", v["supports"])
	}
	// The threshold (3) was crossed once: one answer promise.
	if v["threshold_at"] == nil || v["answer_due"] == nil {
		t.Errorf("no answer promise after 31 supports: %v", v)
	}
}
