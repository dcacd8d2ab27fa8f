package open311

import (
	"bytes"
	"encoding/json"
	"net/url"
	"testing"
	"unicode/utf8"
)

// Whatever a client sends, parsing answers with nil or errors carrying a
// status of 400, 403 or 404 and a description — never a panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"api_key=k&service_code=a&lat=50.9&long=11.5",
		"api_key=k&service_code=a&address_string=Markt%201&attribute[X][]=1&attribute[X][]=2",
		"api_key=k&lat=1e400&long=-0&attribute[=1",
		"service_request_id=1,2&status=open,closed&bbox=11,50,12,51&page=2&page_size=10",
		"start_date=2026-01-01&end_date=2025-01-01&limit=0&offset=-1&q=%00",
		"description=%3Cb%3E&email=a@b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		_, e1 := ParsePostRequest(v)
		_, e2 := ParseQuery(v, now)
		_, e3 := ParseUpdatesQuery(v, now)
		_, e4 := ParsePostRequestWith(v, PostOptions{CombinedLocation: true})
		for _, err := range []error{e1, e2, e3, e4} {
			if err == nil {
				continue
			}
			es := AsErrors(err)
			if len(es) == 0 {
				t.Fatalf("empty error list for %q", raw)
			}
			for _, e := range es {
				if (e.Status != 400 && e.Status != 403 && e.Status != 404) || e.Code != e.Status || e.Description == "" {
					t.Fatalf("bad error %+v for %q", e, raw)
				}
			}
		}
	})
}

// Any text in any field gives a well-formed XML document and valid JSON.
func FuzzEncode(f *testing.F) {
	for _, s := range []string{"", "a & b < c", "\x00\x01\ufffe", "]]>", "\xff\xfe", "😀 Straße"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := ServiceRequest{ServiceRequestID: s, Status: Status(s), StatusNotes: NullString(s), ServiceName: s, ServiceCode: s,
			Description: NullString(s), Address: NullString(s), MediaURL: NullString(s)}
		var x, j bytes.Buffer
		if err := EncodeRequests(&x, XML, []ServiceRequest{r}); err != nil {
			t.Fatal(err)
		}
		parseXML(t, x.Bytes())
		if err := EncodeRequests(&j, JSON, []ServiceRequest{r}); err != nil {
			t.Fatal(err)
		}
		if !json.Valid(j.Bytes()) || !utf8.Valid(j.Bytes()) {
			t.Fatalf("invalid JSON for %q: %s", s, j.Bytes())
		}
	})
}
