package open311

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// form builds url.Values from key, value pairs (keys may repeat).
func form(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

// valid is a complete POST to which the cases add or change one thing.
func valid(kv ...string) url.Values {
	v := form("api_key", "k-123", "service_code", "pothole", "lat", "50.9271", "long", "11.5892")
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "\x00delete" {
			v.Del(kv[i])
			continue
		}
		v.Set(kv[i], kv[i+1])
	}
	return v
}

func TestParsePostRequestValid(t *testing.T) {
	v := valid("jurisdiction_id", "jena.de", "email", "anna@example.org", "device_id", "dev-1", "account_id", "acc-9",
		"first_name", "Anna", "last_name", "Schmidt", "phone", "+49 3641 49-0", "description", "  Tiefes Schlagloch, a < b  ",
		"media_url", "https://example.org/p.jpg")
	v.Add("attribute[DEPTH]", "12")
	v.Add("attribute[SIDES][]", "left")
	v.Add("attribute[SIDES][]", "right")
	v.Add("attribute[EMPTY]", "")
	p, err := ParsePostRequest(v)
	if err != nil {
		t.Fatal(err)
	}
	want := PostRequest{
		JurisdictionID: "jena.de", APIKey: "k-123", ServiceCode: "pothole",
		Location:   Location{Lat: 50.9271, Long: 11.5892, HasPoint: true},
		Attributes: map[string][]string{"DEPTH": {"12"}, "SIDES": {"left", "right"}},
		Email:      "anna@example.org", DeviceID: "dev-1", AccountID: "acc-9", FirstName: "Anna", LastName: "Schmidt",
		Phone: "+49 3641 49-0", Description: "Tiefes Schlagloch, a < b", MediaURL: "https://example.org/p.jpg",
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("got  %+v\nwant %+v", p, want)
	}
}

func TestParsePostRequestLocations(t *testing.T) {
	cases := []struct {
		name string
		v    url.Values
		want Location
	}{
		{"point", valid(), Location{Lat: 50.9271, Long: 11.5892, HasPoint: true}},
		{"point at the limits", valid("lat", "-90", "long", "180"), Location{Lat: -90, Long: 180, HasPoint: true}},
		{"address_string", valid("lat", "\x00delete", "long", "\x00delete", "address_string", "Löbdergraben 12, 07743 Jena"), Location{AddressString: "Löbdergraben 12, 07743 Jena"}},
		{"address_id", valid("lat", "\x00delete", "long", "\x00delete", "address_id", "A-4711"), Location{AddressID: "A-4711"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := ParsePostRequest(c.v)
			if err != nil {
				t.Fatal(err)
			}
			if p.Location != c.want {
				t.Errorf("location %+v, want %+v", p.Location, c.want)
			}
		})
	}
}

func TestParsePostRequestErrors(t *testing.T) {
	long := strings.Repeat("x", MaxDescription+1)
	cases := []struct {
		name   string
		v      url.Values
		status int
		fields []string // the fields of the errors, in order
		desc   string   // part of the first description
	}{
		{"no api_key", valid("api_key", "\x00delete", "service_code", "\x00delete"), 403, []string{"api_key"}, "api_key is required"},
		{"blank api_key", valid("api_key", "  "), 403, []string{"api_key"}, "api_key is required"},
		{"no service_code", valid("service_code", "\x00delete"), 400, []string{"service_code"}, "service_code is required"},
		{"no location", valid("lat", "\x00delete", "long", "\x00delete"), 400, []string{"location"}, "a location is required"},
		{"point and address", valid("address_string", "Markt 1"), 400, []string{"location"}, "exactly one location"},
		{"address and address_id", valid("lat", "\x00delete", "long", "\x00delete", "address_string", "Markt 1", "address_id", "A1"), 400, []string{"location"}, "exactly one location"},
		{"all three", valid("address_string", "Markt 1", "address_id", "A1"), 400, []string{"location"}, "exactly one location"},
		{"lat without long", valid("long", "\x00delete"), 400, []string{"location"}, "lat and long must be given together"},
		{"long without lat", valid("lat", "\x00delete"), 400, []string{"location"}, "lat and long must be given together"},
		{"lat not a number", valid("lat", "north"), 400, []string{"lat"}, "lat must be a decimal latitude"},
		{"lat out of range", valid("lat", "90.0001"), 400, []string{"lat"}, "between -90 and 90"},
		{"long out of range", valid("long", "-180.5"), 400, []string{"long"}, "between -180 and 180"},
		{"lat NaN", valid("lat", "NaN"), 400, []string{"lat"}, "lat must be"},
		{"long Inf", valid("long", "Inf"), 400, []string{"long"}, "long must be"},
		{"both out of range", valid("lat", "91", "long", "181"), 400, []string{"lat", "long"}, "lat must be"},
		{"description too long", valid("description", long), 400, []string{"description"}, "at most 4000 characters, got 4001"},
		{"description with a tag", valid("description", "Loch <b>hier</b>"), 400, []string{"description"}, "plain text without HTML"},
		{"description with a script", valid("description", "<script>alert(1)</script>"), 400, []string{"description"}, "without HTML"},
		{"description with an open tag", valid("description", "see <img src=x onerror=alert(1)"), 400, []string{"description"}, "without HTML"},
		{"description with a comment", valid("description", "a <!-- b -->"), 400, []string{"description"}, "without HTML"},
		{"description with a control character", valid("description", "a\x07b"), 400, []string{"description"}, "control characters"},
		{"description not UTF-8", valid("description", "caf\xe9"), 400, []string{"description"}, "not valid UTF-8"},
		{"email without @", valid("email", "anna.example.org"), 400, []string{"email"}, "not a valid e-mail address"},
		{"email with a name", valid("email", "Anna <anna@example.org>"), 400, []string{"email"}, "not a valid e-mail address"},
		{"email without a dot in the domain", valid("email", "anna@localhost"), 400, []string{"email"}, "not a valid e-mail"},
		{"email with two @", valid("email", "a@b@example.org"), 400, []string{"email"}, "not a valid e-mail"},
		{"email too long", valid("email", strings.Repeat("a", 250)+"@example.org"), 400, []string{"email"}, "too long"},
		{"media_url ftp", valid("media_url", "ftp://example.org/p.jpg"), 400, []string{"media_url"}, "http or https URL"},
		{"media_url relative", valid("media_url", "/p.jpg"), 400, []string{"media_url"}, "http or https URL"},
		{"media_url javascript", valid("media_url", "javascript:alert(1)"), 400, []string{"media_url"}, "http or https URL"},
		{"phone with letters", valid("phone", "call me"), 400, []string{"phone"}, "phone may only contain"},
		{"first_name too long", valid("first_name", strings.Repeat("A", 201)), 400, []string{"first_name"}, "too long"},
		{"malformed attribute", valid("attribute[X", "1"), 400, []string{"attribute[X"}, "malformed attribute parameter"},
		{"attribute with empty code", valid("attribute[]", "1"), 400, []string{"attribute[]"}, "malformed attribute"},
		{"attribute with an index", valid("attribute[X][0]", "1"), 400, []string{"attribute[X][0]"}, "malformed attribute"},
		{"several problems at once", valid("service_code", "\x00delete", "lat", "x", "email", "no"), 400, []string{"service_code", "lat", "email"}, "service_code is required"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParsePostRequest(c.v)
			if err == nil {
				t.Fatal("no error")
			}
			es := AsErrors(err)
			if es.Status() != c.status {
				t.Errorf("status %d, want %d (%v)", es.Status(), c.status, es)
			}
			var fields []string
			for _, e := range es {
				fields = append(fields, e.Field)
				if e.Code != e.Status {
					t.Errorf("code %d differs from status %d", e.Code, e.Status)
				}
			}
			if !reflect.DeepEqual(fields, c.fields) {
				t.Errorf("fields %q, want %q (%v)", fields, c.fields, es)
			}
			if !strings.Contains(es[0].Description, c.desc) {
				t.Errorf("description %q, want it to contain %q", es[0].Description, c.desc)
			}
		})
	}
}

func TestParsePostRequestAcceptsPlainText(t *testing.T) {
	for _, d := range []string{
		"a < b and c > d", "Höhe <5m", "Loch<Straße", "5 <= 6", "<3", "Tom & Jerry", "&lt;b&gt;",
		strings.Repeat("ä", MaxDescription), "Zeile 1\nZeile 2\tEnde",
	} {
		if _, err := ParsePostRequest(valid("description", d)); err != nil {
			t.Errorf("%.40q: %v", d, err)
		}
	}
	for _, e := range []string{"anna@example.org", "a.b+tag@sub.example.de", "x_y@jena.de"} {
		if _, err := ParsePostRequest(valid("email", e)); err != nil {
			t.Errorf("%q: %v", e, err)
		}
	}
	for _, u := range []string{"http://example.org/a.jpg", "HTTPS://example.org/a?b=c"} {
		if _, err := ParsePostRequest(valid("media_url", u)); err != nil {
			t.Errorf("%q: %v", u, err)
		}
	}
}

func TestErrorsStatusPrecedence(t *testing.T) {
	cases := []struct {
		es   Errors
		want int
	}{
		{nil, 400},
		{Errors{BadRequest("a", "x")}, 400},
		{Errors{BadRequest("a", "x"), NotFound("y")}, 404},
		{Errors{NotFound("y"), ErrAPIKeyInvalid, BadRequest("a", "x")}, 403},
	}
	for _, c := range cases {
		if got := c.es.Status(); got != c.want {
			t.Errorf("%v: status %d, want %d", c.es, got, c.want)
		}
	}
	if got := AsErrors(ErrServiceNotFound("x")); len(got) != 1 || got.Status() != 404 || got[0].Field != "service_code" {
		t.Errorf("AsErrors(Error) = %+v", got)
	}
	if got := AsErrors(errTime); got.Status() != 400 || got[0].Description != errTime.Error() {
		t.Errorf("AsErrors(other) = %+v", got)
	}
	if AsErrors(nil) != nil {
		t.Error("AsErrors(nil) is not nil")
	}
}

// FixMyStreet sends lat, long and address_string together; with
// CombinedLocation that is accepted, the point being the location.
func TestParsePostRequestCombinedLocation(t *testing.T) {
	fms := form("jurisdiction_id", "dummy", "api_key", "test", "service_code", "ABC_DEF", "address_string", "22 Acacia Avenue",
		"first_name", "Bob", "last_name", "Mould", "email", "test@example.com", "description", "This is the details",
		"lat", "50", "long", "0.1", "attribute[easting]", "100", "attribute[fixmystreet_id]", "1001")
	if _, err := ParsePostRequest(fms); AsErrors(err).Status() != 400 || AsErrors(err)[0].Field != "location" {
		t.Errorf("strict: %v, want 400 about the location", err)
	}
	p, err := ParsePostRequestWith(fms, PostOptions{CombinedLocation: true})
	if err != nil {
		t.Fatal(err)
	}
	want := Location{Lat: 50, Long: 0.1, HasPoint: true, AddressString: "22 Acacia Avenue"}
	if p.Location != want {
		t.Errorf("location %+v, want %+v", p.Location, want)
	}
	cases := []struct {
		name   string
		v      url.Values
		fields []string
	}{
		{"half a point", valid("long", "\x00delete", "address_string", "Markt 1"), []string{"location"}},
		{"bad lat beside an address", valid("lat", "x", "address_id", "A1"), []string{"lat"}},
		{"address with a control character", valid("address_string", "Markt\x001"), []string{"address_string"}},
		{"no location at all", valid("lat", "\x00delete", "long", "\x00delete"), []string{"location"}},
		{"address and address_id without a point", valid("lat", "\x00delete", "long", "\x00delete", "address_string", "M", "address_id", "A"), []string{"location"}},
	}
	for _, c := range cases {
		_, err := ParsePostRequestWith(c.v, PostOptions{CombinedLocation: true})
		var fields []string
		for _, e := range AsErrors(err) {
			fields = append(fields, e.Field)
		}
		if !reflect.DeepEqual(fields, c.fields) {
			t.Errorf("%s: fields %q, want %q (%v)", c.name, fields, c.fields, err)
		}
	}
	if p, err := ParsePostRequestWith(valid("address_id", "A1", "address_string", "Markt 1"), PostOptions{CombinedLocation: true}); err != nil || p.Location.AddressID != "A1" || !p.Location.HasPoint {
		t.Errorf("point with both address fields: %+v %v", p.Location, err)
	}
}
