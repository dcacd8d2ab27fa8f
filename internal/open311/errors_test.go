package open311

import (
	"bytes"
	"strings"
	"testing"
)

// The errors only the wiring can detect: status, field and description, and
// how they look on the wire.
func TestWiringErrors(t *testing.T) {
	cases := []struct {
		err    Error
		status int
		field  string
		desc   string
	}{
		{ErrAPIKeyMissing, 403, "api_key", "api_key is required to create a service request"},
		{ErrAPIKeyInvalid, 403, "api_key", "invalid api_key: it is unknown or has been revoked"},
		{ErrJurisdictionNotFound("bonn.de"), 404, "jurisdiction_id", `jurisdiction_id "bonn.de" not found`},
		{ErrServiceNotFound("DMV66"), 404, "service_code", `service_code "DMV66" not found`},
		{ErrServiceCodeUnknown("DMV66"), 400, "service_code", `service_code "DMV66" is not a known service`},
		{ErrRequestNotFound("638344"), 404, "service_request_id", `service_request_id "638344" not found`},
		{ErrTokenNotFound("12345"), 404, "token", `token "12345" not found`},
		{ErrRequestNotFound(strings.Repeat("9", 100)), 404, "service_request_id", strings.Repeat("9", 64) + "…"},
	}
	for _, c := range cases {
		if c.err.Status != c.status || c.err.Code != c.status || c.err.Field != c.field || !strings.Contains(c.err.Description, c.desc) {
			t.Errorf("%+v, want status/code %d field %q description with %q", c.err, c.status, c.field, c.desc)
		}
		if c.err.Error() == "" {
			t.Error("empty Error()")
		}
		var x, j bytes.Buffer
		if err := EncodeErrors(&x, XML, Errors{c.err}); err != nil {
			t.Fatal(err)
		}
		root := parseXML(t, x.Bytes())
		if root.Name != "errors" || len(root.Children) != 1 || root.Children[0].Name != "error" ||
			len(root.Children[0].Children) != 2 || root.Children[0].Children[0].Name != "code" || root.Children[0].Children[1].Name != "description" {
			t.Errorf("XML %s", x.String())
		}
		if err := EncodeErrors(&j, JSON, Errors{c.err}); err != nil {
			t.Fatal(err)
		}
		v := decodeJSON(t, j.Bytes()).([]any)
		if m := v[0].(map[string]any); len(m) != 2 || m["code"] != float64(c.status) {
			t.Errorf("JSON %s", j.String())
		}
	}
	es := Errors{BadRequest("lat", "a"), BadRequest("long", "b")}
	if es.Error() != "400 a; 400 b" {
		t.Errorf("Errors.Error() = %q", es.Error())
	}
}
