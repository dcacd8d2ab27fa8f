package photo

import (
	"bytes"
	"encoding/binary"
	"io"
	"mime/multipart"
	"net/textproto"
	"runtime"
	"testing"
)

func TestCheckRealPhotos(t *testing.T) {
	for _, f := range fixtures {
		in := readFixture(t, f.file)
		info, err := Check(bytes.NewReader(in), Limits{})
		if err != nil {
			t.Fatalf("%s: %v", f.file, err)
		}
		if info.Type != JPEG || info.Bytes != int64(len(in)) || info.Width*info.Height != f.w*f.h {
			t.Errorf("%s: info = %+v", f.file, info)
		}
	}
}

// disguised returns the file part of an upload named photo.jpg and
// declared as image/jpeg, whatever content holds.
func disguised(t *testing.T, content []byte) io.Reader {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="photo"; filename="photo.jpg"`)
	h.Set("Content-Type", "image/jpeg")
	pw, err := w.CreatePart(h)
	if err != nil {
		t.Fatal(err)
	}
	pw.Write(content)
	w.Close()
	part, err := multipart.NewReader(&body, w.Boundary()).NextPart()
	if err != nil || part.FileName() != "photo.jpg" || part.Header.Get("Content-Type") != "image/jpeg" {
		t.Fatalf("building the upload: %v", err)
	}
	return part
}

// TestCheckTypeByContent refuses files that only claim to be photos.
func TestCheckTypeByContent(t *testing.T) {
	for name, content := range map[string][]byte{
		"html":   []byte("<!DOCTYPE html><script>alert(1)</script>"),
		"gif":    []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"),
		"webp":   []byte("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"),
		"pdf":    []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
		"exe":    []byte("MZ\x90\x00\x03\x00\x00\x00"),
		"svg":    []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`),
		"jpg-in": append([]byte("xx"), readFixture(t, "nikon-d2h-gps.jpg")...),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Check(disguised(t, content), Limits{})
			f := wantKey(t, err, KeyType)
			if len(f.Args) != 1 || f.Args[0] != "JPEG, PNG" {
				t.Errorf("args = %v", f.Args)
			}
			_, _, err = Strip(disguised(t, content), Limits{})
			wantKey(t, err, KeyType)
		})
	}
	_, err := Check(bytes.NewReader(nil), Limits{})
	wantKey(t, err, KeyEmpty)
}

// endless yields a JPEG start and then zeros forever, counting what was
// read.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 0
		if e.n+int64(i) < 3 {
			p[i] = []byte{0xff, 0xd8, 0xff}[e.n+int64(i)]
		}
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestCheckSize(t *testing.T) {
	in := readFixture(t, "nikon-d2h-gps.jpg") // 80,603 bytes
	_, err := Check(bytes.NewReader(in), Limits{MaxBytes: 80_000})
	if f := wantKey(t, err, KeySize); f.Args[0] != int64(1) {
		t.Errorf("args = %v; want 1 MB", f.Args)
	}
	if _, err := Check(bytes.NewReader(in), Limits{MaxBytes: int64(len(in))}); err != nil {
		t.Errorf("exactly the limit refused: %v", err)
	}
	r := &endless{}
	_, _, err = Strip(r, Limits{})
	if f := wantKey(t, err, KeySize); f.Args[0] != int64(10) {
		t.Errorf("args = %v; want 10 MB", f.Args)
	}
	if r.n > DefaultMaxBytes+64<<10 {
		t.Errorf("read %d bytes of an endless upload", r.n)
	}
}

// hugeJPEG returns a real small JPEG whose frame header claims w × h.
func hugeJPEG(t *testing.T, w, h uint16) []byte {
	data := encodeJPEG(t, gradient(16, 16))
	for i := 2; i+9 < len(data); {
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if data[i+1] == 0xc0 {
			binary.BigEndian.PutUint16(data[i+5:], h)
			binary.BigEndian.PutUint16(data[i+7:], w)
			return data
		}
		i += 2 + n
	}
	t.Fatal("no frame header")
	return nil
}

// hugePNG returns a PNG whose header claims w × h, with one small IDAT.
func hugePNG(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 2, 0, 0, 0) // 8-bit RGB
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, pngChunk("IHDR", ihdr)...)
	out = append(out, pngChunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(out, pngChunk("IEND", nil)...)
}

// TestCheckDimensionsBeforeDecoding refuses decompression bombs from the
// header, without allocating their pixels.
func TestCheckDimensionsBeforeDecoding(t *testing.T) {
	for name, data := range map[string][]byte{
		"jpeg 65535x65535":  hugeJPEG(t, 65535, 65535),
		"jpeg 8000x6000":    hugeJPEG(t, 8000, 6000),
		"png 100000x100000": hugePNG(100000, 100000),
		"png 1x2000000000":  hugePNG(1, 2_000_000_000),
		"png 2147483647x1":  hugePNG(2147483647, 1),
	} {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, _, err := Strip(bytes.NewReader(data), Limits{})
			runtime.ReadMemStats(&after)
			wantKey(t, err, KeyDimensions)
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
				t.Errorf("allocated %d bytes refusing it", grew)
			}
		})
	}
	_, err := Check(bytes.NewReader(hugePNG(100000, 100000)), Limits{})
	f := wantKey(t, err, KeyDimensions)
	if f.Args[0] != 100000 || f.Args[1] != 100000 || f.Args[2] != int64(40) {
		t.Errorf("args = %v", f.Args)
	}
	// Within a stricter limit, an ordinary photo is refused too.
	_, err = Check(bytes.NewReader(readFixture(t, "nikon-d2h-gps.jpg")), Limits{MaxPixels: 100_000})
	wantKey(t, err, KeyDimensions)
}

// TestTruncated refuses photos cut short in the header or the pixels.
func TestTruncated(t *testing.T) {
	jpg := readFixture(t, "nikon-d2h-gps.jpg")
	pngData := encodePNG(t, gradient(200, 200))
	for name, data := range map[string][]byte{
		"jpeg header": jpg[:300],
		"jpeg pixels": jpg[:len(jpg)*2/3],
		"png header":  pngData[:20],
		"png pixels":  pngData[:len(pngData)/2],
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := Strip(bytes.NewReader(data), Limits{})
			wantKey(t, err, KeyDamaged)
		})
	}
	_, err := Check(bytes.NewReader(jpg[:300]), Limits{})
	wantKey(t, err, KeyDamaged)
}

func TestField(t *testing.T) {
	_, err := Check(bytes.NewReader([]byte("hello")), Limits{})
	f := Field("photos", err)
	if f.Field != "photos" || f.Key != KeyType || len(f.Args) != 1 {
		t.Errorf("Field = %+v", f)
	}
}
