package open311

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

func TestSplitFormat(t *testing.T) {
	cases := []struct {
		path, base string
		f          Format
		ok         bool
	}{
		{"/georeport/v2/services.xml", "/georeport/v2/services", XML, true},
		{"/georeport/v2/services.json", "/georeport/v2/services", JSON, true},
		{"requests/638344.json", "requests/638344", JSON, true},
		{"services/DMV.66.xml", "services/DMV.66", XML, true},
		{"services", "", XML, false},
		{"services.html", "", XML, false},
		{"services.XML", "", XML, false},
		{"v2.0/services", "", XML, false},
		{"services.", "", XML, false},
	}
	for _, c := range cases {
		base, f, err := SplitFormat(c.path)
		if c.ok {
			if err != nil || base != c.base || f != c.f {
				t.Errorf("%q: %q %q %v, want %q %q", c.path, base, f, err, c.base, c.f)
			}
			continue
		}
		es := AsErrors(err)
		if err == nil || es.Status() != 404 || f != XML {
			t.Errorf("%q: %v (status %d, format %q), want a 404 in XML", c.path, err, es.Status(), f)
		}
	}
}

func TestContentType(t *testing.T) {
	if XML.ContentType() != "text/xml; charset=utf-8" || JSON.ContentType() != "application/json; charset=utf-8" {
		t.Errorf("content types %q %q", XML.ContentType(), JSON.ContentType())
	}
}

func TestTimeWireForm(t *testing.T) {
	cases := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2026, 1, 15, 9, 30, 0, 0, time.UTC), "2026-01-15T10:30:00+01:00"}, // winter
		{time.Date(2026, 7, 15, 9, 30, 0, 0, time.UTC), "2026-07-15T11:30:00+02:00"}, // summer
		{time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC), "2026-03-29T03:00:00+02:00"},  // just after the switch
		{time.Date(2010, 4, 14, 6, 37, 38, 0, time.FixedZone("PDT", -8*3600)), "2010-04-14T16:37:38+02:00"},
		{time.Date(2026, 7, 15, 9, 30, 0, 999, time.UTC), "2026-07-15T11:30:00+02:00"}, // no fractions
	}
	for _, c := range cases {
		if got := At(c.in).String(); got != c.want {
			t.Errorf("%v: %s, want %s", c.in, got, c.want)
		}
		j, _ := json.Marshal(At(c.in))
		if string(j) != `"`+c.want+`"` {
			t.Errorf("JSON %s, want %q", j, c.want)
		}
	}
	if j, _ := json.Marshal(Time{}); string(j) != "null" {
		t.Errorf("zero time JSON %s, want null", j)
	}
	if At(time.Time{}).String() != "" {
		t.Error("zero time not empty")
	}
}

func TestParseTime(t *testing.T) {
	cases := []struct {
		in   string
		want time.Time
	}{
		{"2010-04-14T06:37:38-08:00", time.Date(2010, 4, 14, 14, 37, 38, 0, time.UTC)},
		{"2010-04-14T14:37:38Z", time.Date(2010, 4, 14, 14, 37, 38, 0, time.UTC)},
		{"2010-04-14T14:37:38.250Z", time.Date(2010, 4, 14, 14, 37, 38, 250e6, time.UTC)},
		{"2010-04-14T06:37:38-0800", time.Date(2010, 4, 14, 14, 37, 38, 0, time.UTC)},
		{"2010-04-14T16:37Z", time.Date(2010, 4, 14, 16, 37, 0, 0, time.UTC)},
		{"2026-01-15T10:30:00", time.Date(2026, 1, 15, 9, 30, 0, 0, time.UTC)}, // city zone
		{"2026-07-15", time.Date(2026, 7, 14, 22, 0, 0, 0, time.UTC)},          // midnight, city zone
	}
	for _, c := range cases {
		got, err := ParseTime(c.in)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("%q: %v %v, want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "14.04.2010", "2010-13-01", "2010-04-14 06:37:38", "1271252258", "2010-04-14T25:00:00Z"} {
		if _, err := ParseTime(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// Documents read back into the types (for tests of the wiring and clients).
func TestTimeAndNullStringRoundTrip(t *testing.T) {
	in := ServiceRequest{ServiceRequestID: "1", Status: Open, Description: "x", RequestedDatetime: At(time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC))}
	var b bytes.Buffer
	if err := EncodeRequests(&b, JSON, []ServiceRequest{in}); err != nil {
		t.Fatal(err)
	}
	var out []ServiceRequest
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || !out[0].RequestedDatetime.Equal(in.RequestedDatetime.Time) || out[0].Description != "x" || out[0].StatusNotes != "" || !out[0].UpdatedDatetime.IsZero() {
		t.Errorf("round trip %+v", out)
	}
	var k Keywords
	if err := k.UnmarshalText([]byte(" a, b ,,c")); err != nil || len(k) != 3 || k[2] != "c" {
		t.Errorf("keywords %q %v", k, err)
	}
}

func TestStatusMapping(t *testing.T) {
	cases := []struct {
		in   string
		want Status
		ok   bool
	}{
		{"open", Open, true},
		{"OPEN", Open, true},
		{"investigating", Open, true},
		{"IN_PROGRESS", Open, true},
		{"action_scheduled", Open, true},
		{"closed", Closed, true},
		{"fixed", Closed, true},
		{"duplicate", Closed, true},
		{"not_councils_responsibility", Closed, true},
		{"no_further_action", Closed, true},
		{"internal_referral", Closed, true},
		{"pending", Open, false},
	}
	for _, c := range cases {
		u, ok := ParseUpdateStatus(c.in)
		if ok != c.ok || u.Status() != c.want {
			t.Errorf("%q: %q ok=%v maps to %q, want ok=%v %q", c.in, u, ok, u.Status(), c.ok, c.want)
		}
	}
	for in, want := range map[string]Status{"open": Open, " Closed ": Closed} {
		if got, ok := ParseStatus(in); !ok || got != want {
			t.Errorf("ParseStatus(%q) = %q %v", in, got, ok)
		}
	}
	if _, ok := ParseStatus("fixed"); ok {
		t.Error("ParseStatus accepts fixed; GeoReport v2 has only open and closed")
	}
}
