package helppoint

import (
	"testing"
	"time"

	"rathaus/internal/fault"
)

func validPoint() *Point {
	return &Point{Name: "ProbierLaden", Kind: KindFixed, Street: "Holzmarkt 8", Postcode: "07743", City: "Jena",
		Lat: 50.92745, Lon: 11.58815, Phone: "+49 3641 49-5555", Email: "probierladen@jena.example"}
}

// TestValidateNamesTheField: each bad value is an Invalid fault naming
// the form field it came from.
func TestValidateNamesTheField(t *testing.T) {
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		change func(*Point)
		field  string
	}{
		{"no name", func(p *Point) { p.Name = " " }, "name"},
		{"unknown kind", func(p *Point) { p.Kind = "boat" }, "kind"},
		{"four-digit postcode", func(p *Point) { p.Postcode = "0774" }, "postcode"},
		{"latitude and longitude swapped", func(p *Point) { p.Lat, p.Lon = p.Lon, p.Lat }, "lat"},
		{"longitude of nowhere", func(p *Point) { p.Lon = 181 }, "lon"},
		{"phone with letters", func(p *Point) { p.Phone = "call us" }, "phone"},
		{"e-mail without domain", func(p *Point) { p.Email = "probierladen@" }, "email"},
		{"stops at a fixed place", func(p *Point) { p.Stops = []Stop{{Place: "Lobeda", Start: at, End: at.Add(time.Hour)}} }, "kind"},
		{"stop without a place", func(p *Point) {
			p.Kind, p.Stops = KindMobile, []Stop{{Start: at, End: at.Add(time.Hour)}}
		}, "stop-0-place"},
		{"stop ending before it starts", func(p *Point) {
			p.Kind, p.Stops = KindMobile, []Stop{{Place: "Winzerla", Start: at, End: at.Add(-time.Hour)}}
		}, "stop-0-end"},
		{"stop without a start", func(p *Point) {
			p.Kind, p.Stops = KindMobile, []Stop{{Place: "Nord", End: at}}
		}, "stop-0-start"},
	}
	for _, c := range cases {
		p := validPoint()
		c.change(p)
		Normalize(p)
		err := Validate(p)
		if !fault.Is(err, fault.Invalid) {
			t.Errorf("%s: %v, want Invalid", c.name, err)
			continue
		}
		found := false
		for _, f := range fault.As(err).Fields {
			found = found || f.Field == c.field
		}
		if !found {
			t.Errorf("%s: fields %+v, want %s", c.name, fault.As(err).Fields, c.field)
		}
	}
	p := validPoint()
	p.Languages = []string{" Deutsch", "", "Deutsch", "English "}
	Normalize(p)
	if err := Validate(p); err != nil || len(p.Languages) != 2 || p.Languages[1] != "English" {
		t.Errorf("a valid point: %v, languages %q", err, p.Languages)
	}
}

// TestNextStops: stops that have ended are dropped, the rest come by
// start, at most n.
func TestNextStops(t *testing.T) {
	at := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	p := &Point{Kind: KindMobile, Stops: []Stop{
		{Place: "c", Start: at.Add(48 * time.Hour), End: at.Add(50 * time.Hour)},
		{Place: "past", Start: at.Add(-5 * time.Hour), End: at.Add(-2 * time.Hour)},
		{Place: "now", Start: at.Add(-time.Hour), End: at.Add(time.Hour)},
		{Place: "b", Start: at.Add(24 * time.Hour), End: at.Add(26 * time.Hour)},
	}}
	got := p.NextStops(at, 2)
	if len(got) != 2 || got[0].Place != "now" || got[1].Place != "b" {
		t.Errorf("NextStops = %+v", got)
	}
}
