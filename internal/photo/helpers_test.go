package photo

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"testing"

	"rathaus/internal/fault"
)

// fixtures are real camera photos with EXIF GPS positions; see
// testdata/README.md for where they come from. want is the upright size.
var fixtures = []struct {
	file, camera string
	w, h         int
}{
	{"nikon-d2h-gps.jpg", "NIKON", 500, 375},
	{"htc-one-m8-gps.jpg", "HTC", 205, 102},
	{"iphone-4s-gps-rotated.jpg", "iPhone", 102, 205}, // stored 205×102, orientation 6
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// exifTIFF returns the TIFF structure of the first EXIF APP1 segment.
func exifTIFF(data []byte) []byte {
	for _, s := range jpegSegments(data) {
		if s.Marker == 0xe1 && bytes.HasPrefix(s.Data, exifHeader) {
			return s.Data[len(exifHeader):]
		}
	}
	return nil
}

// ifdTags returns the tags of the IFD at off in TIFF t with their raw
// 4-byte value fields.
func ifdTags(t []byte, off uint32) (map[uint16][]byte, binary.ByteOrder) {
	var bo binary.ByteOrder = binary.BigEndian
	if bytes.HasPrefix(t, []byte("II")) {
		bo = binary.LittleEndian
	}
	if off == 0 {
		off = bo.Uint32(t[4:])
	}
	tags := map[uint16][]byte{}
	if int(off)+2 > len(t) {
		return tags, bo
	}
	n := int(bo.Uint16(t[off:]))
	for i := 0; i < n; i++ {
		e := int(off) + 2 + 12*i
		if e+12 > len(t) {
			break
		}
		tags[bo.Uint16(t[e:])] = t[e+8 : e+12]
	}
	return tags, bo
}

// gpsPosition reports whether data has an EXIF GPS IFD holding latitude
// (tag 2) and longitude (tag 4).
func gpsPosition(data []byte) bool {
	t := exifTIFF(data)
	if t == nil {
		return false
	}
	ifd0, bo := ifdTags(t, 0)
	ptr, ok := ifd0[0x8825]
	if !ok {
		return false
	}
	gps, _ := ifdTags(t, bo.Uint32(ptr))
	_, lat := gps[2]
	_, long := gps[4]
	return lat && long
}

// withOrientation returns JPEG data with an EXIF APP1 segment holding
// only the orientation tag inserted after SOI.
func withOrientation(jpg []byte, o int) []byte {
	tiff := []byte("MM\x00*\x00\x00\x00\x08" + // header, IFD0 at 8
		"\x00\x01" + // one entry
		"\x01\x12\x00\x03\x00\x00\x00\x01") // Orientation, SHORT, count 1
	tiff = append(tiff, 0, byte(o), 0, 0, 0, 0, 0, 0) // value, next IFD 0
	payload := append(append([]byte{}, exifHeader...), tiff...)
	seg := []byte{0xff, 0xe1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	out := append([]byte{}, jpg[:2]...)
	out = append(append(out, seg...), payload...)
	return append(out, jpg[2:]...)
}

// pngChunk returns one PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(append(b, typ...), data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[4:]))
}

// pngChunkTypes lists the chunk types of a PNG file.
func pngChunkTypes(data []byte) []string {
	var types []string
	for i := 8; i+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		types = append(types, string(data[i+4:i+8]))
		i += 12 + n
	}
	return types
}

// gradient is a test picture with detail everywhere.
func gradient(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8((x ^ y) & 0xff), 255})
		}
	}
	return img
}

func encodeJPEG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodePNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func decodeAny(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("result does not decode: %v", err)
	}
	return img
}

// wantKey fails unless err is an Invalid fault with key.
func wantKey(t *testing.T, err error, key string) *fault.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("accepted; want %s", key)
	}
	f := fault.As(err)
	if f.Kind != fault.Invalid || f.Key != key {
		t.Fatalf("err = %v; want invalid %s", err, key)
	}
	return f
}

// meanDiff is the mean absolute difference of the RGB channels of a and
// b over r.
func meanDiff(a, b image.Image, r image.Rectangle) float64 {
	var sum, n float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			sum += absDiff(r1, r2) + absDiff(g1, g2) + absDiff(b1, b2)
			n += 3
		}
	}
	return sum / n / 257
}

// detail is the mean absolute difference between horizontally adjacent
// pixels over r: how much fine structure there is.
func detail(img image.Image, r image.Rectangle) float64 {
	var sum, n float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x+1 < r.Max.X; x++ {
			r1, g1, b1, _ := img.At(x, y).RGBA()
			r2, g2, b2, _ := img.At(x+1, y).RGBA()
			sum += absDiff(r1, r2) + absDiff(g1, g2) + absDiff(b1, b2)
			n += 3
		}
	}
	return sum / n / 257
}

func absDiff(a, b uint32) float64 {
	if a > b {
		return float64(a - b)
	}
	return float64(b - a)
}
