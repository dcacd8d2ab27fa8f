package open311

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func mustTime(s string) Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return At(t)
}

const notice = "The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code"

// specDocuments are the standard's examples as values of this package; each
// is encoded in both formats and compared with testdata/spec/<name>.{xml,json}.
var specDocuments = []struct {
	name   string
	encode func(*bytes.Buffer, Format) error
}{
	{"services", func(b *bytes.Buffer, f Format) error {
		kw := Keywords{"lorem", "ipsum", "dolor"}
		return EncodeServices(b, f, []Service{
			{ServiceCode: "001", ServiceName: "Cans left out 24x7", Description: "Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.", Metadata: true, Type: Realtime, Keywords: kw, Group: "sanitation"},
			{ServiceCode: "002", ServiceName: "Construction plate shifted", Description: "Metal construction plate covering the street or sidewalk has been moved.", Metadata: true, Type: Realtime, Keywords: kw, Group: "street"},
			{ServiceCode: "003", ServiceName: "Curb or curb ramp defect", Description: "Sidewalk curb or ramp has problems such as cracking, missing pieces, holes, and/or chipped curb.", Metadata: true, Type: Realtime, Keywords: kw, Group: "street"},
		})
	}},
	{"service_definition", func(b *bytes.Buffer, f Format) error {
		return EncodeServiceDefinition(b, f, ServiceDefinition{ServiceCode: "DMV66", Attributes: []Attribute{{
			Variable: true, Code: "WHISHETN", Datatype: SingleValueList, Required: true, Order: 1,
			Description: "What is the ticket/tag/DL number?",
			Values:      []Value{{Key: "123", Name: "Ford"}, {Key: "124", Name: "Chrysler"}},
		}}})
	}},
	{"post_response", func(b *bytes.Buffer, f Format) error {
		return EncodePostResponse(b, f, PostResponse{ServiceRequestID: "293944", ServiceNotice: notice})
	}},
	{"post_response_token", func(b *bytes.Buffer, f Format) error {
		return EncodePostResponse(b, f, PostResponse{Token: "12345", ServiceNotice: notice})
	}},
	{"token", func(b *bytes.Buffer, f Format) error {
		return EncodeTokens(b, f, TokenResponse{ServiceRequestID: "638344", Token: "12345"})
	}},
	{"errors", func(b *bytes.Buffer, f Format) error {
		return EncodeErrors(b, f, Errors{Forbidden("Invalid api_key received -- can't proceed with create_request.")})
	}},
	{"requests", func(b *bytes.Buffer, f Format) error {
		r := ServiceRequest{
			ServiceRequestID: "638344", Status: Closed, StatusNotes: "Duplicate request.",
			ServiceName: "Sidewalk and Curb Issues", ServiceCode: "006",
			RequestedDatetime: mustTime("2010-04-14T06:37:38-08:00"),
			UpdatedDatetime:   mustTime("2010-04-14T06:37:38-08:00"),
			ExpectedDatetime:  mustTime("2010-04-15T06:37:38-08:00"),
			Address:           "8TH AVE and JUDAH ST", AddressID: "545483", Zipcode: "94122",
			MediaURL: "http://city.gov.s3.amazonaws.com/requests/media/638344.jpg",
		}
		r.Lat, r.Long = Point(37.762221815, -122.4651145)
		r2 := r
		r2.ServiceRequestID, r2.Status, r2.StatusNotes = "638349", Open, ""
		r2.RequestedDatetime = mustTime("2010-04-19T06:37:38-08:00")
		r2.UpdatedDatetime, r2.ExpectedDatetime = r2.RequestedDatetime, r2.RequestedDatetime
		r2.MediaURL = "http://city.gov.s3.amazonaws.com/requests/media/638349.jpg"
		return EncodeRequests(b, f, []ServiceRequest{r, r2})
	}},
	{"discovery", func(b *bytes.Buffer, f Format) error {
		return EncodeDiscovery(b, f, Discovery{
			Changeset:  mustTime("2011-04-05T17:48:34Z"),
			Contact:    "Please email ( content.311@nyc.gov )  or call ( 311 ) for assistance.",
			KeyService: "Get an api key from http://www.nyc.gov/open311/",
			Endpoints: []Endpoint{
				{Specification: Specification, URL: "https://api.city.gov/dev/v2", Changeset: mustTime("2011-04-20T17:48:34Z"), Type: "test", Formats: []string{"text/xml"}},
				{Specification: Specification, URL: "https://api.city.gov/v2", Changeset: mustTime("2011-04-05T17:48:34Z"), Type: "production", Formats: []string{"text/xml", "application/json"}},
			},
		})
	}},
	{"servicerequestupdates", func(b *bytes.Buffer, f Format) error {
		return EncodeUpdates(b, f, []RequestUpdate{
			{UpdateID: "20474", ServiceRequestID: "2934", Status: UpdateOpen, UpdatedDatetime: mustTime("2010-04-14T10:37:38-01:00"), Description: "This problem has been scheduled for inspection"},
			{UpdateID: "20475", ServiceRequestID: "2934", Status: UpdateFixed, UpdatedDatetime: mustTime("2010-04-20T09:00:00Z"), Description: "Repaired.", MediaURL: "http://city.example/media/20475.jpg"},
		})
	}},
}

func TestEncodeMatchesSpecExamplesXML(t *testing.T) {
	for _, doc := range specDocuments {
		t.Run(doc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := doc.encode(&b, XML); err != nil {
				t.Fatal(err)
			}
			out := b.Bytes()
			if !bytes.HasPrefix(out, []byte(`<?xml version="1.0" encoding="utf-8"?>`+"\n")) {
				t.Errorf("no XML declaration with UTF-8 at the start:\n%s", out)
			}
			want := parseXML(t, readFixture(t, doc.name+".xml"))
			got := parseXML(t, out)
			for _, d := range diffXML("/"+want.Name, want, got) {
				t.Error(d)
			}
			xmllint(t, out)
		})
	}
}

func TestEncodeMatchesSpecExamplesJSON(t *testing.T) {
	for _, doc := range specDocuments {
		t.Run(doc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := doc.encode(&b, JSON); err != nil {
				t.Fatal(err)
			}
			want := decodeJSON(t, readFixture(t, doc.name+".json"))
			got := decodeJSON(t, b.Bytes())
			for _, d := range diffJSON("$", want, got) {
				t.Error(d)
			}
			checkIDsAreStrings(t, "$", got)
			_, wantList := want.([]any)
			if _, isList := got.([]any); isList != wantList {
				t.Errorf("top-level array = %v, want %v", isList, wantList)
			}
		})
	}
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "spec", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Empty lists are an empty root in XML and [] (not null) in JSON.
func TestEncodeEmptyLists(t *testing.T) {
	cases := []struct {
		name, root string
		encode     func(*bytes.Buffer, Format) error
	}{
		{"services", "services", func(b *bytes.Buffer, f Format) error { return EncodeServices(b, f, nil) }},
		{"requests", "service_requests", func(b *bytes.Buffer, f Format) error { return EncodeRequests(b, f, nil) }},
		{"updates", "service_request_updates", func(b *bytes.Buffer, f Format) error { return EncodeUpdates(b, f, nil) }},
		{"errors", "errors", func(b *bytes.Buffer, f Format) error { return EncodeErrors(b, f, nil) }},
		{"tokens", "service_requests", func(b *bytes.Buffer, f Format) error { return EncodeTokens(b, f) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var x, j bytes.Buffer
			if err := c.encode(&x, XML); err != nil {
				t.Fatal(err)
			}
			if n := parseXML(t, x.Bytes()); n.Name != c.root || len(n.Children) != 0 {
				t.Errorf("XML root %q with %d children, want empty <%s>", n.Name, len(n.Children), c.root)
			}
			if err := c.encode(&j, JSON); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(j.String()); got != "[]" {
				t.Errorf("JSON %s, want []", got)
			}
		})
	}
	var j bytes.Buffer
	if err := EncodeServiceDefinition(&j, JSON, ServiceDefinition{ServiceCode: "X"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(j.String(), `"attributes":[]`) {
		t.Errorf("definition without attributes: %s, want \"attributes\":[]", j.String())
	}
}

// Text that needs escaping, non-ASCII and characters XML cannot carry still
// give well-formed documents that read back to the text.
func TestEncodeEscapes(t *testing.T) {
	desc := `Schlagloch <groß> & "tief" – Ecke Löbdergraben/Saalstraße ü€ 😀`
	r := ServiceRequest{ServiceRequestID: "1", Status: Open, ServiceCode: "pothole", Description: NullString(desc + "\x01")}
	var x, j bytes.Buffer
	if err := EncodeRequests(&x, XML, []ServiceRequest{r}); err != nil {
		t.Fatal(err)
	}
	n := parseXML(t, x.Bytes())
	got := n.Children[0]
	var text string
	for _, c := range got.Children {
		if c.Name == "description" {
			text = c.Text
		}
	}
	if text != desc+"\uFFFD" {
		t.Errorf("description read back %q, want %q (control character replaced)", text, desc+"\uFFFD")
	}
	xmllint(t, x.Bytes())
	if err := EncodeRequests(&j, JSON, []ServiceRequest{r}); err != nil {
		t.Fatal(err)
	}
	v := decodeJSON(t, j.Bytes()).([]any)[0].(map[string]any)
	if v["description"] != desc+"\x01" {
		t.Errorf("JSON description %q", v["description"])
	}
	if strings.Contains(j.String(), `\u003c`) {
		t.Errorf("JSON escapes < as \\u003c; plain UTF-8 is expected: %s", j.String())
	}
}

// A request without a point has no <lat>/<long> in XML and null in JSON;
// missing date-times are empty elements and null.
func TestEncodeRequestWithoutPoint(t *testing.T) {
	r := ServiceRequest{ServiceRequestID: "7", Status: Open, ServiceCode: "light", AddressID: "A-12", RequestedDatetime: mustTime("2026-01-15T10:00:00Z")}
	var x, j bytes.Buffer
	if err := EncodeRequests(&x, XML, []ServiceRequest{r}); err != nil {
		t.Fatal(err)
	}
	req := parseXML(t, x.Bytes()).Children[0]
	seen := map[string]string{}
	for _, c := range req.Children {
		seen[c.Name] = c.Text
	}
	if _, ok := seen["lat"]; ok {
		t.Errorf("<lat> present without a point")
	}
	if v, ok := seen["expected_datetime"]; !ok || v != "" {
		t.Errorf("expected_datetime = %q, %v; want an empty element", v, ok)
	}
	if seen["requested_datetime"] != "2026-01-15T11:00:00+01:00" {
		t.Errorf("requested_datetime = %q, want 2026-01-15T11:00:00+01:00 (Berlin, winter)", seen["requested_datetime"])
	}
	if err := EncodeRequests(&j, JSON, []ServiceRequest{r}); err != nil {
		t.Fatal(err)
	}
	v := decodeJSON(t, j.Bytes()).([]any)[0].(map[string]any)
	for _, k := range []string{"lat", "long", "expected_datetime", "updated_datetime", "media_url"} {
		if val, ok := v[k]; !ok || val != nil {
			t.Errorf("%s = %v (present %v), want null", k, val, ok)
		}
	}
}

// Coordinates never use exponent notation.
func TestEncodeCoordinates(t *testing.T) {
	r := ServiceRequest{ServiceRequestID: "1", Status: Open}
	r.Lat, r.Long = Point(0.00001, -0.0000005)
	for _, f := range []Format{XML, JSON} {
		var b bytes.Buffer
		if err := EncodeRequests(&b, f, []ServiceRequest{r}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "0.00001") || !strings.Contains(b.String(), "-0.0000005") || strings.Contains(b.String(), "e-") {
			t.Errorf("%s: %s", f, b.String())
		}
	}
}

// A failing writer gets one write (the whole document) or none.
func TestEncodeWritesOnce(t *testing.T) {
	w := &countWriter{}
	if err := EncodeServices(w, XML, []Service{{ServiceCode: "a"}, {ServiceCode: "b"}}); err != nil {
		t.Fatal(err)
	}
	if w.n != 1 {
		t.Errorf("%d writes, want 1", w.n)
	}
}

type countWriter struct{ n int }

func (w *countWriter) Write(p []byte) (int, error) { w.n++; return len(p), nil }
