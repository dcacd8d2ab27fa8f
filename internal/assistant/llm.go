package assistant

import (
	"context"
	"net/http"
	"time"
)

// LLM is an OpenAI-compatible chat-completions server (a local Ollama or
// llama.cpp server, for example) that may phrase answers from the
// retrieved passages.
type LLM struct {
	URL     string // base URL; the request goes to URL + "/v1/chat/completions"
	Model   string
	APIKey  string        // sent as a bearer token when set
	Timeout time.Duration // 0: DefaultModelTimeout
	HTTP    *http.Client  // nil: http.DefaultClient
}

// DefaultModelTimeout bounds a model call when LLM.Timeout is zero.
const DefaultModelTimeout = 10 * time.Second

// phrase lets the model rephrase a quoted answer; on any failure the
// quoted answer stays.
func (a *Assistant) phrase(ctx context.Context, q Question, ans *Answer) {}
