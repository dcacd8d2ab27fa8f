package assistant

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// LLM is an OpenAI-compatible chat-completions server (a local Ollama or
// llama.cpp server, for example) that may phrase answers from the
// retrieved passages. The request goes to URL + "/v1/chat/completions";
// a URL that already ends in "/chat/completions" is used as it is.
type LLM struct {
	URL     string
	Model   string
	APIKey  string        // sent as a bearer token when set
	Timeout time.Duration // 0: DefaultModelTimeout
	HTTP    *http.Client  // nil: http.DefaultClient
}

// DefaultModelTimeout bounds a model call when LLM.Timeout is zero.
const DefaultModelTimeout = 10 * time.Second

// maxModelReply bounds the model's response body.
const maxModelReply = 1 << 20

// ChatMessage is one message of a chat-completions request.
type ChatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatRequest struct {
	Model       string        `json:"model"`
	Messages    []ChatMessage `json:"messages"`
	Temperature float64       `json:"temperature"`
	Stream      bool          `json:"stream"`
}

type chatResponse struct {
	Choices []struct {
		Message ChatMessage `json:"message"`
	} `json:"choices"`
}

func (m *LLM) endpoint() string {
	u := strings.TrimRight(m.URL, "/")
	if strings.HasSuffix(u, "/chat/completions") {
		return u
	}
	return u + "/v1/chat/completions"
}

// Complete sends messages and returns the first choice's text. It gives
// up after the timeout.
func (m *LLM) Complete(ctx context.Context, messages []ChatMessage) (string, error) {
	timeout := m.Timeout
	if timeout <= 0 {
		timeout = DefaultModelTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	body, err := json.Marshal(chatRequest{Model: m.Model, Messages: messages})
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.endpoint(), bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	if m.APIKey != "" {
		req.Header.Set("Authorization", "Bearer "+m.APIKey)
	}
	client := m.HTTP
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("model server: %s", resp.Status)
	}
	var out chatResponse
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxModelReply)).Decode(&out); err != nil {
		return "", fmt.Errorf("model server: %w", err)
	}
	if len(out.Choices) == 0 {
		return "", fmt.Errorf("model server: no choices")
	}
	return out.Choices[0].Message.Content, nil
}

// phrase lets the model rephrase a quoted answer from its citations. The
// model's answer replaces the quoted sentences only when the grounding
// checker finds no problem; on any error, timeout or problem the quoted
// answer stays.
func (a *Assistant) phrase(ctx context.Context, q Question, ans *Answer) {
	if len(ans.Citations) == 0 {
		return
	}
	text, err := a.Model.Complete(ctx, prompt(q, ans.Citations))
	if err != nil {
		slog.Warn("assistant: model call failed, quoted answer shown", "err", err)
		return
	}
	if problems := Check(text, ans.Citations); len(problems) > 0 {
		slog.Info("assistant: model answer rejected, quoted answer shown", "problems", fmt.Sprint(problems))
		return
	}
	ans.Sentences = parseCited(text)
	ans.ByModel = true
}

// prompt numbers the passages [1]..[n] and asks for an answer from them
// only, with the question scrubbed of personal data.
func prompt(q Question, sources []Citation) []ChatMessage {
	lang := "Deutsch"
	if q.Lang == "en" {
		lang = "English"
	}
	system := "Du bist der Auskunftsassistent einer Stadtverwaltung. Antworte nur mit dem, was in den nummerierten " +
		"Auszügen aus den offiziellen Leistungsbeschreibungen steht; erfinde nichts, keine Beträge, Daten, Fristen " +
		"oder Zahlen, die dort nicht stehen. Setze hinter jeden Satz die Nummer des Auszugs, auf den er sich stützt, " +
		"in eckigen Klammern, z. B. [1]. Gib keine Rechtsberatung und entscheide nicht über Ansprüche. " +
		"Antworte kurz, in einfacher Sprache, auf " + lang + "."
	var b strings.Builder
	b.WriteString("Auszüge:\n")
	for _, c := range sources {
		fmt.Fprintf(&b, "[%d] %s – %s: %s\n", c.N, c.Service, c.Section, c.Quote)
	}
	b.WriteString("\nFrage: " + Scrub(q.Text))
	return []ChatMessage{{Role: "system", Content: system}, {Role: "user", Content: b.String()}}
}
