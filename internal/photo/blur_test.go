package photo

import (
	"bytes"
	"image"
	"testing"
)

// TestBlur makes marked regions of a real photo unreadable and leaves the
// rest as it was.
func TestBlur(t *testing.T) {
	clean, _, err := Strip(bytes.NewReader(readFixture(t, "nikon-d2h-gps.jpg")), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	orig := decodeAny(t, clean)
	kept := bytes.Clone(clean)
	face := image.Rect(200, 100, 320, 240)
	plate := image.Rect(40, 300, 160, 340)
	out, info, err := Blur(clean, []image.Rectangle{face, plate}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if info.Type != JPEG || info.Width != 500 || info.Height != 375 {
		t.Errorf("info = %+v", info)
	}
	assertBareJPEG(t, out)
	blurred := decodeAny(t, out)
	for _, r := range []image.Rectangle{face, plate} {
		before, after := detail(orig, r), detail(blurred, r)
		t.Logf("%v: detail %.2f -> %.2f, changed by %.1f", r, before, after, meanDiff(orig, blurred, r))
		if after > before/5 {
			t.Errorf("%v: fine detail %.2f of %.2f left", r, after, before)
		}
		if d := meanDiff(orig, blurred, r); d < 5 {
			t.Errorf("%v: changed by only %.1f per channel", r, d)
		}
	}
	// Away from the regions (beyond the JPEG blocks they touch), the
	// photo stays as it was.
	for _, r := range []image.Rectangle{image.Rect(0, 0, 500, 80), image.Rect(340, 0, 500, 375), image.Rect(0, 360, 500, 375)} {
		if d := meanDiff(orig, blurred, r); d > 2 {
			t.Errorf("%v outside the regions changed by %.1f per channel", r, d)
		}
	}
	// The original bytes are untouched.
	if !bytes.Equal(clean, kept) {
		t.Error("the original changed")
	}
}

// TestBlurHidesDifferences checks that two pictures differing only in
// fine detail inside a region (like two number plates) become nearly the
// same once blurred.
func TestBlurHidesDifferences(t *testing.T) {
	a, b := gradient(200, 100), gradient(200, 100)
	r := image.Rect(50, 30, 150, 70)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			// Two "texts": stripes in different directions, same share of ink.
			va, vb := uint8(255), uint8(255)
			if (x/4)%2 == 0 {
				va = 0
			}
			if (y/4)%2 == 0 {
				vb = 0
			}
			i := a.PixOffset(x, y)
			copy(a.Pix[i:i+3], []byte{va, va, va})
			copy(b.Pix[i:i+3], []byte{vb, vb, vb})
		}
	}
	pa, pb := encodePNG(t, a), encodePNG(t, b)
	if d := meanDiff(decodeAny(t, pa), decodeAny(t, pb), r); d < 100 {
		t.Fatalf("test pictures differ by only %.1f", d)
	}
	oa, _, err := Blur(pa, []image.Rectangle{r}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	ob, _, err := Blur(pb, []image.Rectangle{r}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	d := meanDiff(decodeAny(t, oa), decodeAny(t, ob), r)
	t.Logf("differ by %.1f per channel after blurring", d)
	if d > 20 {
		t.Errorf("blurred regions still differ by %.1f per channel", d)
	}
}

func TestBlurRegionOutside(t *testing.T) {
	clean := encodeJPEG(t, gradient(100, 100))
	_, _, err := Blur(clean, []image.Rectangle{image.Rect(200, 200, 300, 300)}, Limits{})
	wantKey(t, err, KeyRegion)
	_, _, err = Blur(clean, []image.Rectangle{image.Rect(10, 10, 10, 50)}, Limits{})
	wantKey(t, err, KeyRegion)
	// A region reaching over the edge is clipped.
	if _, _, err := Blur(clean, []image.Rectangle{image.Rect(80, 80, 300, 300)}, Limits{}); err != nil {
		t.Error(err)
	}
	_, _, err = Blur([]byte("GIF89a"), nil, Limits{})
	wantKey(t, err, KeyType)
}
