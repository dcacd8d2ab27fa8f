package open311

import (
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 29, 16, 0, 0, 0, Zone)

func q(raw string) url.Values {
	v, err := url.ParseQuery(raw)
	if err != nil {
		panic(err)
	}
	return v
}

func TestParseQueryDefaults(t *testing.T) {
	got, err := ParseQuery(url.Values{}, now)
	if err != nil {
		t.Fatal(err)
	}
	want := Query{Start: now.Add(-MaxRange), End: now, Limit: 1000}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestParseQuery(t *testing.T) {
	d := func(s string) time.Time {
		t, err := ParseTime(s)
		if err != nil {
			panic(err)
		}
		return t
	}
	cases := []struct {
		name string
		raw  string
		want Query
	}{
		{"service codes and statuses", "service_code=pothole,%20light,pothole&status=open,CLOSED,open&jurisdiction_id=jena.de",
			Query{JurisdictionID: "jena.de", ServiceCodes: []string{"pothole", "light"}, Statuses: []Status{Open, Closed}, Start: now.Add(-MaxRange), End: now, Limit: 1000}},
		{"repeated service_code", "service_code=a&service_code=b",
			Query{ServiceCodes: []string{"a", "b"}, Start: now.Add(-MaxRange), End: now, Limit: 1000}},
		{"dates with offsets", "start_date=2010-04-14T06:37:38-08:00&end_date=2010-05-01T00:00:00Z",
			Query{Start: d("2010-04-14T06:37:38-08:00"), End: d("2010-05-01T00:00:00Z"), Limit: 1000}},
		{"start only: 90 days from it", "start_date=2026-01-01",
			Query{Start: d("2026-01-01"), End: d("2026-01-01").Add(MaxRange), Limit: 1000}},
		{"end only: 90 days up to it", "end_date=2026-06-01T12:00:00%2B02:00",
			Query{Start: d("2026-06-01T12:00:00+02:00").Add(-MaxRange), End: d("2026-06-01T12:00:00+02:00"), Limit: 1000}},
		{"exactly 90 days", "start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:00Z",
			Query{Start: d("2026-01-01T00:00:00Z"), End: d("2026-04-01T00:00:00Z"), Limit: 1000}},
		{"page and page_size", "page=3&page_size=50",
			Query{Start: now.Add(-MaxRange), End: now, Offset: 100, Limit: 50}},
		{"page alone", "page=2",
			Query{Start: now.Add(-MaxRange), End: now, Offset: 1000, Limit: 1000}},
		{"limit and offset", "limit=10&offset=30",
			Query{Start: now.Add(-MaxRange), End: now, Offset: 30, Limit: 10}},
		{"bbox lon,lat,lon,lat", "bbox=11.55,50.90,11.65,50.95",
			Query{BBox: &BBox{MinLon: 11.55, MinLat: 50.90, MaxLon: 11.65, MaxLat: 50.95}, Start: now.Add(-MaxRange), End: now, Limit: 1000}},
		{"bbox corners swapped", "bbox=11.65,50.95,11.55,50.90",
			Query{BBox: &BBox{MinLon: 11.55, MinLat: 50.90, MaxLon: 11.65, MaxLat: 50.95}, Start: now.Add(-MaxRange), End: now, Limit: 1000}},
		{"q trimmed", "q=%20Schlagloch%20Saalbahnhof%20",
			Query{Q: "Schlagloch Saalbahnhof", Start: now.Add(-MaxRange), End: now, Limit: 1000}},
		{"ids override the other filters", "service_request_id=1,2,%202,3&service_code=x&status=nonsense&start_date=bad&bbox=1",
			Query{ServiceRequestIDs: []string{"1", "2", "3"}, Limit: 1000}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseQuery(q(c.raw), now)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestParseQueryErrors(t *testing.T) {
	cases := []struct {
		name   string
		raw    string
		fields []string
		desc   string
	}{
		{"status unknown", "status=pending", []string{"status"}, `status must be open or closed (comma-separated), got "pending"`},
		{"start_date unreadable", "start_date=14.04.2010", []string{"start_date"}, "start_date must be an ISO 8601 date-time"},
		{"end_date unreadable", "end_date=yesterday", []string{"end_date"}, "end_date must be an ISO 8601"},
		{"end before start", "start_date=2026-02-01&end_date=2026-01-01", []string{"end_date"}, "end_date must not be before start_date"},
		{"range over 90 days", "start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:01Z", []string{"end_date"}, "at most 90 days"},
		{"page_size over 1000", "page_size=1001", []string{"page_size"}, "page_size must be a whole number from 1 to 1000"},
		{"page zero", "page=0", []string{"page"}, "page must be a whole number from 1"},
		{"limit not a number", "limit=ten", []string{"limit"}, "limit must be a whole number"},
		{"offset negative", "offset=-1", []string{"offset"}, "offset must be a whole number from 0"},
		{"paging styles mixed", "page=2&limit=10", []string{"page"}, "not both"},
		{"bbox three numbers", "bbox=11.5,50.9,11.6", []string{"bbox"}, "bbox must be lon1,lat1,lon2,lat2"},
		{"bbox latitude out of range", "bbox=11.5,95,11.6,50.9", []string{"bbox"}, "longitude first"},
		{"bbox not numbers", "bbox=a,b,c,d", []string{"bbox"}, "bbox must be"},
		{"q too long", "q=" + strings.Repeat("x", MaxQ+1), []string{"q"}, "at most 200 characters"},
		{"too many ids", "service_request_id=" + manyIDs(1001), []string{"service_request_id"}, "at most 1000 ids"},
		{"several at once", "status=x&bbox=1&limit=0", []string{"status", "bbox", "limit"}, "status must be"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseQuery(q(c.raw), now)
			if err == nil {
				t.Fatal("no error")
			}
			es := AsErrors(err)
			var fields []string
			for _, e := range es {
				fields = append(fields, e.Field)
			}
			if es.Status() != 400 || !reflect.DeepEqual(fields, c.fields) {
				t.Errorf("status %d fields %q, want 400 %q (%v)", es.Status(), fields, c.fields, es)
			}
			if !strings.Contains(es[0].Description, c.desc) {
				t.Errorf("description %q, want %q in it", es[0].Description, c.desc)
			}
		})
	}
}

func manyIDs(n int) string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = "r" + strconv.Itoa(i)
	}
	return strings.Join(ids, ",")
}

func TestBBoxContains(t *testing.T) {
	b := BBox{MinLon: 11.55, MinLat: 50.90, MaxLon: 11.65, MaxLat: 50.95}
	cases := []struct {
		lat, long float64
		want      bool
	}{
		{50.9271, 11.5892, true},  // Jena, Markt
		{50.90, 11.55, true},      // corner
		{11.5892, 50.9271, false}, // lat and long swapped
		{50.96, 11.6, false},
	}
	for _, c := range cases {
		if got := b.Contains(c.lat, c.long); got != c.want {
			t.Errorf("Contains(%v, %v) = %v, want %v", c.lat, c.long, got, c.want)
		}
	}
}

func TestParseUpdatesQuery(t *testing.T) {
	got, err := ParseUpdatesQuery(q("start_date=2026-11-01T00:00:00%2B01:00&jurisdiction_id=jena.de&limit=5"), now)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 1, 0, 0, 0, 0, Zone)
	want := UpdatesQuery{JurisdictionID: "jena.de", Start: start, End: start.Add(MaxRange), Limit: 5}
	if !got.Start.Equal(want.Start) || !got.End.Equal(want.End) || got.Limit != 5 || got.JurisdictionID != "jena.de" {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if _, err := ParseUpdatesQuery(q("end_date=nope"), now); AsErrors(err).Status() != 400 {
		t.Errorf("bad end_date: %v", err)
	}
	def, err := ParseUpdatesQuery(url.Values{}, now)
	if err != nil || !def.End.Equal(now) || !def.Start.Equal(now.Add(-MaxRange)) || def.Limit != MaxResults {
		t.Errorf("defaults %+v, %v", def, err)
	}
}
