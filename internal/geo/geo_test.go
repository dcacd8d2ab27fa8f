package geo

import (
	"errors"
	"math"
	"testing"
)

func TestDistanceKnown(t *testing.T) {
	cases := []struct {
		name string
		a, b Point
		want float64 // metres
		tol  float64
	}{
		// Berlin Brandenburger Tor to München Marienplatz: about 504 km.
		{"Berlin–München", Point{52.5163, 13.3777}, Point{48.1374, 11.5755}, 504200, 2000},
		// One degree of latitude on the mean sphere.
		{"one degree north", Point{50, 11}, Point{51, 11}, EarthRadius * math.Pi / 180, 0.01},
		// Jena Markt to Lobeda-West: about 3.5 km.
		{"Markt–Lobeda", Point{50.9280, 11.5890}, Point{50.898, 11.603}, 3477, 40},
		{"same point", Point{50.93, 11.59}, Point{50.93, 11.59}, 0, 0},
	}
	for _, c := range cases {
		got := Distance(c.a, c.b)
		if math.Abs(got-c.want) > c.tol {
			t.Errorf("%s: %.1f m, want %.1f ± %.1f", c.name, got, c.want, c.tol)
		}
		if back := Distance(c.b, c.a); math.Abs(back-got) > 1e-6 {
			t.Errorf("%s: not symmetric: %f vs %f", c.name, got, back)
		}
	}
}

func TestBoxAroundHoldsTheCircle(t *testing.T) {
	c := Point{50.93, 11.59}
	b := BoxAround(c, 500)
	for deg := 0; deg < 360; deg += 15 {
		// a point 499 m away in direction deg
		r := 499 / EarthRadius
		th := float64(deg) * math.Pi / 180
		la1, lo1 := rad(c.Lat), rad(c.Lon)
		la2 := math.Asin(math.Sin(la1)*math.Cos(r) + math.Cos(la1)*math.Sin(r)*math.Cos(th))
		lo2 := lo1 + math.Atan2(math.Sin(th)*math.Sin(r)*math.Cos(la1), math.Cos(r)-math.Sin(la1)*math.Sin(la2))
		p := Point{la2 * 180 / math.Pi, lo2 * 180 / math.Pi}
		if d := Distance(c, p); math.Abs(d-499) > 1 {
			t.Fatalf("test point %d° is %.1f m away", deg, d)
		}
		if !b.Contains(p) {
			t.Errorf("box %v misses a point 499 m away at %d°", b, deg)
		}
	}
	// and is not much larger: corners within 500·√2 m plus a little
	if d := Distance(c, Point{b.MaxLat, b.MaxLon}); d > 500*math.Sqrt2*1.01 {
		t.Errorf("box corner %.0f m away, too loose", d)
	}
	if p := BoxAround(Point{89.999, 0}, 1000); p.MinLon != -180 || p.MaxLon != 180 || p.MaxLat != 90 {
		t.Errorf("near the pole: %v", p)
	}
}

func TestParseBBox(t *testing.T) {
	b, err := ParseBBox(" 11.60,50.95, 11.55 ,50.90")
	if err != nil {
		t.Fatal(err)
	}
	if want := (BBox{11.55, 50.90, 11.60, 50.95}); b != want {
		t.Errorf("got %v, want %v", b, want)
	}
	if !b.Contains(Point{50.928, 11.589}) || b.Contains(Point{50.89, 11.589}) {
		t.Error("Contains wrong")
	}
	if b.String() != "11.55,50.9,11.6,50.95" {
		t.Errorf("String %q", b.String())
	}
	if again, _ := ParseBBox(b.String()); again != b {
		t.Errorf("round trip %v", again)
	}
	for _, bad := range []string{"", "1,2,3", "1,2,3,4,5", "a,50,11,51", "11,50,11,NaN", "11,50,,51", "11,50,12,Inf"} {
		if _, err := ParseBBox(bad); !errors.Is(err, ErrBBoxFormat) {
			t.Errorf("%q: %v, want ErrBBoxFormat", bad, err)
		}
	}
	for _, bad := range []string{"11,95,12,96", "190,50,191,51", "11,-91,12,50"} {
		if _, err := ParseBBox(bad); !errors.Is(err, ErrBBoxRange) {
			t.Errorf("%q: %v, want ErrBBoxRange", bad, err)
		}
	}
}

func TestBBoxOps(t *testing.T) {
	a := BBox{0, 0, 1, 1}
	if !a.Intersects(BBox{1, 1, 2, 2}) || a.Intersects(BBox{1.1, 0, 2, 1}) {
		t.Error("Intersects")
	}
	if !EmptyBox().Empty() || a.Empty() {
		t.Error("Empty")
	}
	if u := a.Union(BBox{2, -1, 3, 0.5}); u != (BBox{0, -1, 3, 1}) {
		t.Errorf("Union %v", u)
	}
	if c := a.Center(); c != (Point{0.5, 0.5}) {
		t.Errorf("Center %v", c)
	}
}
