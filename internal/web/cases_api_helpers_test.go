package web

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/cases"
)

// Helpers of the application API's tests (cases_api*_test.go).

// apiToken creates a personal API token for u.
func (e *casesEnv) apiToken(u *account.User) string {
	e.t.Helper()
	raw, _, err := e.acc.CreateAPIToken(context.Background(), u, "test")
	if err != nil {
		e.t.Fatal(err)
	}
	return raw
}

// apiReq is an API request with optional headers; a body is JSON unless
// contentType says otherwise.
type apiReq struct {
	method, path, body, token, contentType, lang string
	header                                       map[string]string
}

// apiResult is an API answer: the status, the raw body and its JSON.
type apiResult struct {
	status int
	header http.Header
	raw    []byte
	v      any
}

func (e *casesEnv) apiSend(q apiReq) apiResult {
	e.t.Helper()
	r := httptest.NewRequest(q.method, q.path, strings.NewReader(q.body))
	if q.body != "" {
		ct := q.contentType
		if ct == "" {
			ct = "application/json"
		}
		r.Header.Set("Content-Type", ct)
	}
	if q.token != "" {
		r.Header.Set("Authorization", "Bearer "+q.token)
	}
	if q.lang != "" {
		r.Header.Set("Accept-Language", q.lang)
	}
	for k, v := range q.header {
		r.Header.Set(k, v)
	}
	res := e.do(r)
	out := apiResult{status: res.StatusCode, header: res.Header, raw: []byte(res.body)}
	if strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") && res.body != "" {
		if err := json.Unmarshal(out.raw, &out.v); err != nil {
			e.t.Fatalf("%s %s: body is not JSON: %q", q.method, q.path, res.body)
		}
	}
	return out
}

// apiCheck sends q, asserts the status and checks a JSON answer against the
// document's schema for that status; it returns the JSON as a map (nil
// for other bodies).
func (e *casesEnv) apiCheck(doc *openAPIDoc, q apiReq, status int) map[string]any {
	e.t.Helper()
	res := e.apiSend(q)
	if res.status != status {
		e.t.Fatalf("%s %s: status %d, want %d; body %.1000s", q.method, q.path, res.status, status, res.raw)
	}
	schema, err := doc.responseSchema(q.method, q.path, status)
	switch {
	case err != nil:
		e.t.Errorf("openapi.json: %v", err)
	case schema == nil && res.v != nil:
		e.t.Errorf("%s %s: JSON body %v where the document says none", q.method, q.path, res.v)
	case schema != nil:
		if err := conform(doc, schema, res.v, "body"); err != nil {
			e.t.Errorf("%s %s %d: %v", q.method, q.path, status, err)
		}
	}
	m, _ := res.v.(map[string]any)
	return m
}

// apiMultipart is a multipart form with one file in field.
func apiMultipart(t testing.TB, field, name string, data []byte) (body, contentType string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, err := mw.CreateFormFile(field, name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	return b.String(), mw.FormDataContentType()
}

// apiUpload uploads data for a question through the API.
func (e *casesEnv) apiUpload(doc *openAPIDoc, token, service, question, name string, data []byte, status int) map[string]any {
	e.t.Helper()
	body, ct := apiMultipart(e.t, "file", name, data)
	return e.apiCheck(doc, apiReq{method: "POST", path: "/api/v1/uploads?service_id=" + e.apiSvc(service) + "&question=" + question,
		body: body, contentType: ct, token: token}, status)
}

func (e *casesEnv) apiSvc(service string) string { return strconv.FormatInt(e.svc[service], 10) }

// apiFields names the fields of an error body.
func apiFields(v map[string]any) []string {
	var out []string
	errBody, _ := v["error"].(map[string]any)
	fs, _ := errBody["fields"].([]any)
	for _, f := range fs {
		out = append(out, f.(map[string]any)["field"].(string))
	}
	return out
}

// apiMine lists the cases of an account.
func (e *casesEnv) apiMine(u *account.User) []*cases.Case {
	e.t.Helper()
	cs, err := e.cases.Mine(context.Background(), u.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return cs
}

// apiNum reads a JSON number as int64.
func apiNum(v any) int64 {
	f, _ := v.(float64)
	return int64(f)
}
