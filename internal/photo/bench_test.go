package photo

import (
	"bytes"
	"image"
	"testing"
)

// BenchmarkStrip12MP strips a 4000×3000 phone-sized JPEG (scaled down to
// 2560×1920 on the way).
func BenchmarkStrip12MP(b *testing.B) {
	t := &testing.T{}
	in := encodeJPEG(t, gradient(4000, 3000))
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Strip(bytes.NewReader(in), Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBlur blurs two regions of a stored 2560×1920 photo.
func BenchmarkBlur(b *testing.B) {
	t := &testing.T{}
	in := encodeJPEG(t, gradient(2560, 1920))
	rects := []image.Rectangle{image.Rect(100, 100, 600, 700), image.Rect(1000, 1500, 1600, 1650)}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Blur(in, rects, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}
