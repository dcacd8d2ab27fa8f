package web

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestAssistantAPI: ask, follow up and rate through the JSON API, every
// answer checked against openapi.json; bad input is a 400 with the field.
func TestAssistantAPI(t *testing.T) {
	e := newAssistantEnv(t, true)
	doc := loadOpenAPI(t)
	ask := func(body string, status int, lang string) map[string]any {
		t.Helper()
		v := e.check(doc, apiCall{method: "POST", path: "/api/v1/assistant/ask", body: body, lang: lang}, status)
		m, _ := v.(map[string]any)
		return m
	}
	first := ask(`{"question":"Was kostet ein neuer Personalausweis?"}`, 200, "")
	id, _ := first["conversation_id"].(string)
	if id == "" || first["turn"] != 1.0 || first["kind"] != "answer" {
		t.Fatalf("first answer = %v", first)
	}
	if d, _ := first["disclosure"].(string); d == "" {
		t.Error("the first answer does not disclose that an automated assistant answers")
	}
	answer, _ := first["answer"].(string)
	if !strings.Contains(answer, "37,00 Euro [1]") {
		t.Errorf("answer %q does not carry its citation markers", answer)
	}
	cites, _ := first["citations"].([]any)
	if len(cites) == 0 || cites[0].(map[string]any)["url"] != serviceURL(e.ids["perso"])+"#kosten" {
		t.Errorf("citations = %v", cites)
	}
	services, _ := first["services"].([]any)
	if len(services) == 0 || services[0].(map[string]any)["leika"] != "99102013001000" {
		t.Errorf("services = %v", services)
	}

	second := ask(fmt.Sprintf(`{"question":"Welche Unterlagen brauche ich dafür?","conversation_id":%q,"lang":"en"}`, id), 200, "")
	if second["conversation_id"] != id || second["turn"] != 2.0 {
		t.Errorf("the follow-up = %v", second)
	}
	if _, ok := second["disclosure"]; ok {
		t.Error("the disclosure is repeated on the second answer")
	}
	if !strings.Contains(second["answer"].(string), "Passfoto") {
		t.Errorf("the follow-up does not answer about the Personalausweis: %v", second["answer"])
	}

	for _, body := range []string{`{"question":""}`, `{"question":"Ausweis","lang":"fr"}`, `{"frage":"Ausweis"}`,
		`{"question":"` + strings.Repeat("Ausweis ", 80) + `"}`} {
		v := ask(body, 400, "en")
		if body == `{"question":""}` {
			fields, _ := v["error"].(map[string]any)["fields"].([]any)
			if len(fields) != 1 || fields[0].(map[string]any)["field"] != "question" {
				t.Errorf("empty question: fields %v", fields)
			}
		}
	}
	e.check(doc, apiCall{method: "POST", path: "/api/v1/assistant/ask", body: `question=x`, contentType: "application/x-www-form-urlencoded"}, 415)

	fb := func(body string, status int) {
		t.Helper()
		e.check(doc, apiCall{method: "POST", path: "/api/v1/assistant/feedback", body: body}, status)
	}
	fb(fmt.Sprintf(`{"conversation_id":%q,"turn":1,"helpful":true}`, id), 204)
	fb(fmt.Sprintf(`{"conversation_id":%q,"turn":1,"helpful":false}`, id), 204)
	fb(fmt.Sprintf(`{"conversation_id":%q,"turn":1}`, id), 400)
	fb(fmt.Sprintf(`{"conversation_id":%q,"turn":9,"helpful":true}`, id), 404)
	fb(`{"conversation_id":"gibt-es-nicht","turn":1,"helpful":true}`, 404)
	conv, err := e.asst.Conversation(t.Context(), id)
	if err != nil || conv.Answers[0].Helpful == nil || *conv.Answers[0].Helpful {
		t.Errorf("the second rating did not replace the first: %v", err)
	}
}

// TestAssistantLimit: one client cannot ask without end.
func TestAssistantLimit(t *testing.T) {
	e := newAssistantEnv(t, false)
	doc := loadOpenAPI(t)
	for i := 0; i < assistantPerClient; i++ {
		e.check(doc, apiCall{method: "POST", path: "/api/v1/assistant/ask", body: `{"question":"Hund anmelden"}`}, 200)
	}
	e.check(doc, apiCall{method: "POST", path: "/api/v1/assistant/ask", body: `{"question":"Hund anmelden"}`}, 429)
	res := e.ask("Hund anmelden", "")
	wantStatus(t, res, 429)
	if query(res.doc, "#error-summary") == nil || query(res.doc, "textarea#field-question") == nil {
		t.Error("the page does not say why the question was refused")
	}
	e.clock.Set(testNow.Add(assistantWindow + time.Minute))
	e.check(doc, apiCall{method: "POST", path: "/api/v1/assistant/ask", body: `{"question":"Hund anmelden"}`}, 200)
}
