package photo

import (
	"bytes"
	"image"
	"image/color"
	"strings"
	"testing"
)

// TestStripRealGPSPhotos strips real camera photos that carry GPS
// positions and checks that nothing but pixels is left.
func TestStripRealGPSPhotos(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.file, func(t *testing.T) {
			in := readFixture(t, f.file)
			if !gpsPosition(in) || !bytes.Contains(in, []byte(f.camera)) {
				t.Fatal("fixture has no GPS position or camera name; wrong file?")
			}
			out, info, err := Strip(bytes.NewReader(in), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			assertBareJPEG(t, out)
			for _, s := range []string{"Exif\x00\x00", "GPS", "http://ns.adobe.com", "Photoshop", "ICC_PROFILE", f.camera} {
				if bytes.Contains(out, []byte(s)) {
					t.Errorf("result still contains %q", s)
				}
			}
			if gpsPosition(out) {
				t.Error("result still has a GPS position")
			}
			img := decodeAny(t, out)
			if b := img.Bounds(); b.Dx() != f.w || b.Dy() != f.h {
				t.Errorf("result is %dx%d; want upright %dx%d", b.Dx(), b.Dy(), f.w, f.h)
			}
			if info.Type != JPEG || info.Width != f.w || info.Height != f.h || info.Bytes != int64(len(out)) {
				t.Errorf("info = %+v", info)
			}
			// The picture is the same picture.
			orig := decodeAny(t, in)
			if o := orientation(in); o == 1 {
				if d := meanDiff(orig, img, img.Bounds()); d > 6 {
					t.Errorf("result differs from the original by %.1f per channel", d)
				}
			}
			// Stripping again changes nothing that matters.
			again, _, err := Strip(bytes.NewReader(out), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if b := decodeAny(t, again).Bounds(); b != img.Bounds() {
				t.Errorf("stripping twice turned the photo to %v", b)
			}
		})
	}
}

// assertBareJPEG checks that data has only the segments an image needs
// and nothing after its end.
func assertBareJPEG(t *testing.T, data []byte) {
	t.Helper()
	segs := jpegSegments(data)
	if len(segs) == 0 || segs[len(segs)-1].Marker != 0xda {
		t.Fatal("result is not a well-formed JPEG")
	}
	for _, s := range segs {
		switch s.Marker {
		case 0xdb, 0xc4, 0xc0, 0xc2, 0xdd, 0xda: // tables, frame, restart interval, scan
		default:
			t.Errorf("result has segment FF%02X (%d bytes)", s.Marker, len(s.Data))
		}
	}
	if !bytes.HasSuffix(data, []byte{0xff, 0xd9}) {
		t.Error("result does not end with the end-of-image marker")
	}
	if i := bytes.Index(data, []byte{0xff, 0xd9}); i != len(data)-2 {
		t.Errorf("end-of-image marker at %d of %d: data follows the image", i, len(data))
	}
}

// TestStripOrientation checks all eight EXIF orientations against the
// standard's meaning: where the stored top-left and top-right corners
// must appear on screen.
func TestStripOrientation(t *testing.T) {
	const w, h = 64, 32
	src := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			src.Set(x, y, color.RGBA{128, 128, 128, 255})
		}
	}
	red, green := color.RGBA{255, 0, 0, 255}, color.RGBA{0, 255, 0, 255}
	for y := 0; y < 8; y++ {
		for x := 0; x < 8; x++ {
			src.Set(x, y, red)
			src.Set(w-1-x, y, green)
		}
	}
	plain := encodeJPEG(t, src)
	// Corners: TL, TR, BR, BL on screen.
	want := map[int][2]string{ // orientation -> where stored TL (red) and TR (green) show
		1: {"TL", "TR"}, 2: {"TR", "TL"}, 3: {"BR", "BL"}, 4: {"BL", "BR"},
		5: {"TL", "BL"}, 6: {"TR", "BR"}, 7: {"BR", "TR"}, 8: {"BL", "TL"},
	}
	for o := 1; o <= 8; o++ {
		out, info, err := Strip(bytes.NewReader(withOrientation(plain, o)), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		img := decodeAny(t, out)
		b := img.Bounds()
		if o >= 5 && (b.Dx() != h || b.Dy() != w) || o < 5 && (b.Dx() != w || b.Dy() != h) {
			t.Errorf("orientation %d: size %v", o, b)
		}
		if info.Width != b.Dx() || info.Height != b.Dy() {
			t.Errorf("orientation %d: info %+v, image %v", o, info, b)
		}
		corner := map[string]image.Point{
			"TL": {3, 3}, "TR": {b.Dx() - 4, 3}, "BR": {b.Dx() - 4, b.Dy() - 4}, "BL": {3, b.Dy() - 4},
		}
		for i, c := range []color.RGBA{red, green} {
			p := corner[want[o][i]]
			r, g, _, _ := img.At(p.X, p.Y).RGBA()
			if got := (r>>8 > 200 && g>>8 < 60) == (c == red) && (g>>8 > 200 && r>>8 < 60) == (c == green); !got {
				t.Errorf("orientation %d: %s corner is %v; want %v", o, want[o][i], img.At(p.X, p.Y), c)
			}
		}
		if bytes.Contains(out, exifHeader) {
			t.Errorf("orientation %d: EXIF kept", o)
		}
	}
}

// TestStripHiddenData checks that comments, XMP, IPTC, ICC and data
// appended after the image do not survive.
func TestStripHiddenData(t *testing.T) {
	in := readFixture(t, "nikon-d2h-gps.jpg")
	var segs []byte
	for _, s := range []struct {
		marker byte
		data   string
	}{
		{0xfe, "COMMENT secret comment"},
		{0xed, "Photoshop 3.0\x00IPTC secret caption"},
		{0xe2, "ICC_PROFILE\x00\x01\x01secret profile"},
		{0xe1, "http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>secret xmp</x:xmpmeta>"},
	} {
		segs = append(segs, 0xff, s.marker, 0, byte(len(s.data)+2))
		segs = append(segs, s.data...)
	}
	data := append(append(append([]byte{}, in[:2]...), segs...), in[2:]...)
	data = append(data, "PK\x03\x04secret archive"...)
	out, _, err := Strip(bytes.NewReader(data), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("secret")) {
		t.Error("hidden data survived")
	}
	assertBareJPEG(t, out)
}

// TestStripPNG checks that PNG text, EXIF and time chunks are dropped and
// a PNG stays a PNG.
func TestStripPNG(t *testing.T) {
	raw := encodePNG(t, gradient(40, 30))
	iend := bytes.LastIndex(raw, []byte("IEND")) - 4
	var extra []byte
	extra = append(extra, pngChunk("tEXt", []byte("Author\x00secret name"))...)
	extra = append(extra, pngChunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00secret xmp"))...)
	extra = append(extra, pngChunk("eXIf", append([]byte("MM\x00*\x00\x00\x00\x08"), "secret"...))...)
	extra = append(extra, pngChunk("tIME", []byte{0x07, 0xea, 11, 29, 12, 0, 0})...)
	in := append(append(append([]byte{}, raw[:iend]...), extra...), raw[iend:]...)
	if img := decodeAny(t, in); img.Bounds().Dx() != 40 {
		t.Fatal("test PNG does not decode")
	}
	out, info, err := Strip(bytes.NewReader(in), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if info.Type != PNG || info.Width != 40 || info.Height != 30 {
		t.Errorf("info = %+v", info)
	}
	if bytes.Contains(out, []byte("secret")) {
		t.Error("metadata survived")
	}
	for _, c := range pngChunkTypes(out) {
		if c != "IHDR" && c != "IDAT" && c != "IEND" {
			t.Errorf("result has chunk %s", c)
		}
	}
	if d := meanDiff(decodeAny(t, in), decodeAny(t, out), image.Rect(0, 0, 40, 30)); d != 0 {
		t.Errorf("PNG pixels changed by %.2f", d)
	}
}

// TestStripDownscales checks that a large photo is stored with its
// longer edge bounded and its content kept.
func TestStripDownscales(t *testing.T) {
	in := encodeJPEG(t, gradient(3000, 1200))
	out, info, err := Strip(bytes.NewReader(in), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if info.Width != 2560 || info.Height != 1024 {
		t.Fatalf("stored %dx%d; want 2560x1024", info.Width, info.Height)
	}
	img := decodeAny(t, out)
	orig := decodeAny(t, in)
	// The smooth channels stay where they were.
	for _, p := range []image.Point{{100, 100}, {1280, 512}, {2400, 900}} {
		r1, g1, _, _ := img.At(p.X, p.Y).RGBA()
		r2, g2, _, _ := orig.At(p.X*3000/2560, p.Y*1200/1024).RGBA()
		if absDiff(r1, r2)/257 > 8 || absDiff(g1, g2)/257 > 8 {
			t.Errorf("at %v: got %d,%d want about %d,%d", p, r1>>8, g1>>8, r2>>8, g2>>8)
		}
	}
	if _, info, _ := Strip(bytes.NewReader(in), Limits{MaxEdge: 300}); info.Width != 300 || info.Height != 120 {
		t.Errorf("MaxEdge 300: %+v", info)
	}
	if strings.Contains(string(out), "JFIF") {
		t.Error("unexpected APP0")
	}
}
