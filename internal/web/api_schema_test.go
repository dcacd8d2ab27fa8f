package web

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// A small checker of JSON values against the OpenAPI document's schemas:
// enough of JSON Schema (type, required, properties, items, enum, $ref)
// to keep the document true without a new module.

type openAPIDoc struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas   map[string]map[string]any  `json:"schemas"`
		Responses map[string]openAPIResponse `json:"responses"`
	} `json:"components"`
}

type openAPIResponse struct {
	Ref     string `json:"$ref"`
	Content map[string]struct {
		Schema map[string]any `json:"schema"`
	} `json:"content"`
}

func loadOpenAPI(t *testing.T) *openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return &doc
}

// responseSchema returns the documented JSON schema of the answer with
// status to method on path, a concrete path such as /api/v1/tokens/7; nil
// when that answer has no body. An undocumented operation or status is an
// error.
func (d *openAPIDoc) responseSchema(method, path string, status int) (map[string]any, error) {
	tmpl, ok := d.template(path)
	if !ok {
		return nil, fmt.Errorf("%s is not documented", path)
	}
	var op struct {
		Responses map[string]openAPIResponse `json:"responses"`
	}
	raw, ok := d.Paths[tmpl][strings.ToLower(method)]
	if !ok || json.Unmarshal(raw, &op) != nil {
		return nil, fmt.Errorf("%s %s is not documented", method, tmpl)
	}
	resp, ok := op.Responses[strconv.Itoa(status)]
	if !ok {
		return nil, fmt.Errorf("%s %s: status %d is not documented", method, tmpl, status)
	}
	if resp.Ref != "" {
		resp = d.Components.Responses[strings.TrimPrefix(resp.Ref, "#/components/responses/")]
	}
	if c, ok := resp.Content["application/json"]; ok {
		return c.Schema, nil
	}
	return nil, nil
}

// template finds the documented path that path is an instance of; a
// literal segment wins over a wildcard, as in ServeMux
// (/services/suggest before /services/{id}).
func (d *openAPIDoc) template(path string) (string, bool) {
	path, _, _ = strings.Cut(path, "?") // the query is no part of the template
	got := strings.Split(path, "/")
	best, bestLiterals := "", -1
	for tmpl := range d.Paths {
		want := strings.Split(tmpl, "/")
		if len(want) != len(got) {
			continue
		}
		match, literals := true, 0
		for i, w := range want {
			match = match && (w == got[i] || strings.HasPrefix(w, "{") && got[i] != "")
			if w == got[i] {
				literals++
			}
		}
		if match && literals > bestLiterals {
			best, bestLiterals = tmpl, literals
		}
	}
	return best, bestLiterals >= 0
}

// conform checks v against a schema of the document: types, required
// properties (others only with additionalProperties: true), enums and
// referenced schemas, recursively.
func conform(doc *openAPIDoc, schema map[string]any, v any, at string) error {
	if ref, ok := schema["$ref"].(string); ok {
		return conform(doc, doc.Components.Schemas[strings.TrimPrefix(ref, "#/components/schemas/")], v, at)
	}
	if enum, ok := schema["enum"].([]any); ok {
		found := false
		for _, x := range enum {
			found = found || x == v
		}
		if !found {
			return fmt.Errorf("%s: %v not in %v", at, v, enum)
		}
	}
	switch typ := schema["type"].(type) {
	case string:
		return conformType(doc, schema, typ, v, at)
	case []any:
		for _, x := range typ {
			if conformType(doc, schema, x.(string), v, at) == nil {
				return nil
			}
		}
		return fmt.Errorf("%s: %v matches none of %v", at, v, typ)
	}
	return nil
}

func conformType(doc *openAPIDoc, schema map[string]any, typ string, v any, at string) error {
	switch typ {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want object, got %T", at, v)
		}
		for _, r := range asList(schema["required"]) {
			if _, ok := m[r.(string)]; !ok {
				return fmt.Errorf("%s: missing required %q", at, r)
			}
		}
		props, _ := schema["properties"].(map[string]any)
		for k, x := range m {
			if ps, ok := props[k].(map[string]any); ok {
				if err := conform(doc, ps, x, at+"."+k); err != nil {
					return err
				}
			} else if schema["additionalProperties"] != true {
				return fmt.Errorf("%s: undocumented property %q", at, k)
			}
		}
	case "array":
		list, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: want array, got %T", at, v)
		}
		items, _ := schema["items"].(map[string]any)
		for i, x := range list {
			if err := conform(doc, items, x, fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
	case "string":
		if _, ok := v.(string); !ok {
			return fmt.Errorf("%s: want string, got %T", at, v)
		}
	case "integer":
		if f, ok := v.(float64); !ok || f != float64(int64(f)) {
			return fmt.Errorf("%s: want integer, got %v", at, v)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s: want boolean, got %T", at, v)
		}
	case "null":
		if v != nil {
			return fmt.Errorf("%s: want null", at)
		}
	}
	return nil
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// TestSchemaCheckerCatchesDrift: the checker itself fails on the drift it
// is there to find, so the API tests cannot pass vacuously.
func TestSchemaCheckerCatchesDrift(t *testing.T) {
	doc := loadOpenAPI(t)
	ref := func(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }
	token := map[string]any{"id": 1.0, "name": "n", "prefix": "rh_", "created_at": "2026-11-28T10:00:00Z", "token": "rh_x"}
	if err := conform(doc, ref("NewToken"), token, "body"); err != nil {
		t.Fatalf("valid token refused: %v", err)
	}
	bad := []map[string]any{
		{"id": 1.0, "name": "n", "prefix": "rh_", "created_at": "x"},                       // token missing
		{"id": 1.5, "name": "n", "prefix": "rh_", "created_at": "x", "token": "t"},         // id no integer
		{"id": 1.0, "name": "n", "prefix": "rh_", "created_at": "x", "token": "t", "x": 1}, // undocumented
	}
	for _, v := range bad {
		if conform(doc, ref("NewToken"), v, "body") == nil {
			t.Errorf("accepted %v", v)
		}
	}
	if _, err := doc.responseSchema("GET", "/api/v1/me", 418); err == nil {
		t.Error("undocumented status accepted")
	}
	if _, err := doc.responseSchema("GET", "/api/v1/nowhere", 200); err == nil {
		t.Error("undocumented path accepted")
	}
	if s, err := doc.responseSchema("DELETE", "/api/v1/tokens/7", 204); err != nil || s != nil {
		t.Errorf("DELETE /api/v1/tokens/7 204: %v, %v; want no body", s, err)
	}
}
