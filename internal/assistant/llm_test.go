package assistant_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"rathaus/internal/assistant"
	"rathaus/internal/storetest"
)

// modelServer is a protocol-level stand-in for an OpenAI-compatible
// chat-completions server: it checks each request as a real server would
// receive it and answers with reply (after delay, with status).
type modelServer struct {
	t      *testing.T
	reply  string
	status int
	delay  time.Duration

	mu       sync.Mutex
	requests []string // request bodies
}

func (m *modelServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	m.mu.Lock()
	m.requests = append(m.requests, string(body))
	m.mu.Unlock()
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" || r.Header.Get("Authorization") != "Bearer secret" {
		m.t.Errorf("request %s %s auth %q, want POST /v1/chat/completions with the key", r.Method, r.URL.Path, r.Header.Get("Authorization"))
	}
	var req struct {
		Model    string
		Messages []struct{ Role, Content string }
	}
	if err := json.Unmarshal(body, &req); err != nil || req.Model != "llama3" || len(req.Messages) != 2 ||
		req.Messages[0].Role != "system" || req.Messages[1].Role != "user" {
		m.t.Errorf("request body %s: want model llama3, a system and a user message (%v)", body, err)
	}
	if !strings.Contains(string(body), `[1] Reisepass`) {
		m.t.Errorf("request %s does not number the passages", body)
	}
	select {
	case <-time.After(m.delay):
	case <-r.Context().Done():
		return
	}
	if m.status != 0 {
		w.WriteHeader(m.status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-1", "object": "chat.completion", "model": "llama3",
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": m.reply}}},
	})
}

const personalQuestion = "Ich heiße Erika Mustermann, erika@example.de, Tel. 0176 12345678: Was kostet ein Reisepass?"

func TestModelPhrasesGroundedAnswers(t *testing.T) {
	for _, tc := range []struct {
		name    string
		reply   string
		status  int
		delay   time.Duration
		byModel bool
	}{
		{"grounded", "Unter 24 Jahren kostet der Reisepass 37,50 € [1]. Ab 24 Jahren sind es 70 Euro [1].", 0, 0, true},
		{"invented amount", "Das kostet 99 Euro [1].", 0, 0, false},
		{"sentence without citation", "Der Reisepass kostet 70 Euro [1]. Bringen Sie ein Foto mit.", 0, 0, false},
		{"citation that does not exist", "Der Reisepass kostet 70 Euro [7].", 0, 0, false},
		{"server error", "", http.StatusInternalServerError, 0, false},
		{"slow server", "Ab 24 Jahren 70 Euro [1].", 0, 2 * time.Second, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := &modelServer{t: t, reply: tc.reply, status: tc.status, delay: tc.delay}
			ts := httptest.NewServer(srv)
			defer ts.Close()
			a, _ := fixture(t, storetest.OpenSQLite(t))
			a.Model = &assistant.LLM{URL: ts.URL, Model: "llama3", APIKey: "secret", Timeout: 300 * time.Millisecond}
			start := time.Now()
			ans := ask(t, a, "", "de", personalQuestion)
			took := time.Since(start)
			if ans.Kind != assistant.KindAnswer || ans.ByModel != tc.byModel {
				t.Fatalf("got %s, by model %v; want an answer, by model %v", ans.Kind, ans.ByModel, tc.byModel)
			}
			if took > time.Second {
				t.Errorf("answer took %v, want the fallback within the timeout", took)
			}
			if len(srv.requests) != 1 {
				t.Fatalf("%d requests to the model, want 1", len(srv.requests))
			}
			for _, personal := range []string{"erika@example.de", "12345678", "Mustermann"} {
				if strings.Contains(srv.requests[0], personal) {
					t.Errorf("personal data %q reached the model: %s", personal, srv.requests[0])
				}
			}
			got := text(ans)
			if tc.byModel {
				if !strings.Contains(got, "37,50 €") || ans.Sentences[0].Quoted || fmt.Sprint(ans.Sentences[0].Cites) != "[1]" {
					t.Errorf("model answer shown as %+v", ans.Sentences)
				}
				return
			}
			if strings.Contains(got, "99") || !strings.Contains(got, "unter 24 Jahren: 37,50 Euro") {
				t.Errorf("fallback answer %q, want the quoted fees", got)
			}
		})
	}
}
