package web

import (
	"context"
	"strconv"
	"testing"

	"rathaus/internal/account"
)

// Helpers of the participation API's tests (participation_api*_test.go),
// on the shared fixture (participation_fixture_test.go). Requests go
// through e.check (api_v1_test.go), which holds every answer against
// openapi.json.

// partAPI is the fixture with the OpenAPI document and a token per person.
type partAPI struct {
	*participationEnv
	doc    *openAPIDoc
	tokens map[int64]string
}

func newPartAPI(t *testing.T) *partAPI {
	t.Helper()
	return &partAPI{participationEnv: newParticipationEnv(t), doc: loadOpenAPI(t), tokens: map[int64]string{}}
}

// token is a personal API token of u, made once.
func (e *partAPI) token(u *account.User) string {
	e.t.Helper()
	if tok, ok := e.tokens[u.ID]; ok {
		return tok
	}
	raw, _, err := e.acc.CreateAPIToken(context.Background(), u, "test")
	if err != nil {
		e.t.Fatal(err)
	}
	e.tokens[u.ID] = raw
	return raw
}

// as sends a call as u (nil: anonymous), asserts the status and the
// documented schema, and returns the JSON object.
func (e *partAPI) as(u *account.User, method, path, body string, status int) map[string]any {
	e.t.Helper()
	c := apiCall{method: method, path: path, body: body}
	if u != nil {
		c.token = e.token(u)
	}
	m, _ := e.check(e.doc, c, status).(map[string]any)
	return m
}

// idea is the API path of a seeded idea, plus suffix.
func (e *partAPI) idea(key, suffix string) string {
	id, ok := e.ideas[key]
	if !ok {
		e.t.Fatalf("no seeded idea %q", key)
	}
	return "/api/v1/ideas/" + strconv.FormatInt(id, 10) + suffix
}

// apiErr is the error object of an error answer.
func apiErr(v map[string]any) map[string]any {
	m, _ := v["error"].(map[string]any)
	return m
}

// apiTitles are the titles of a list's items.
func apiTitles(v map[string]any, list string) []string {
	var out []string
	items, _ := v[list].([]any)
	for _, it := range items {
		out = append(out, it.(map[string]any)["title"].(string))
	}
	return out
}
