package demo

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand"

	"rathaus/internal/filestore"
	"rathaus/internal/report"
)

// The demo's report photos: drawn, not photographed (a pile by the
// kerb, a pothole, a dark street light), so that the office can try
// blurring and publishing and the public pages show photos. Every fifth
// report of the three categories gets one; those already done are
// published (the public copy is the same drawing: nothing to blur).

// demoPhotoCategories are the categories whose reports get a drawing.
var demoPhotoCategories = map[string]func(*image.RGBA, *rand.Rand){
	"illegale-ablagerung": drawDumping,
	"schlagloch":          drawPothole,
	"strassenbeleuchtung": drawStreetLight,
}

const demoPhotoW, demoPhotoH = 640, 480

// demoPhoto draws the category's picture for report i and stores it in
// files; public also stores the public copy. ok is false for categories
// without a drawing.
func demoPhoto(ctx context.Context, files filestore.Store, code string, i int, public bool) (report.Photo, bool, error) {
	draw := demoPhotoCategories[code]
	if files == nil || draw == nil || i%5 != 0 {
		return report.Photo{}, false, nil
	}
	img := image.NewRGBA(image.Rect(0, 0, demoPhotoW, demoPhotoH))
	draw(img, rand.New(rand.NewSource(int64(i))))
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
		return report.Photo{}, false, err
	}
	p := report.Photo{Key: fmt.Sprintf("reports/demo-%04d.jpg", i), ContentType: "image/jpeg", Size: int64(b.Len()),
		Width: demoPhotoW, Height: demoPhotoH, Public: public}
	keys := []string{p.Key}
	if public {
		keys = append(keys, p.PublicKey())
	}
	for _, k := range keys {
		if _, err := files.Put(ctx, k, bytes.NewReader(b.Bytes()), filestore.Meta{ContentType: "image/jpeg"}); err != nil {
			return report.Photo{}, false, err
		}
	}
	return p, true, nil
}

// paint paints the rows [y0, y1) with c plus grain of up to ±grain.
func paint(img *image.RGBA, r *rand.Rand, y0, y1 int, c color.RGBA, grain int) {
	for y := y0; y < y1; y++ {
		for x := 0; x < demoPhotoW; x++ {
			d := r.Intn(2*grain+1) - grain
			img.SetRGBA(x, y, color.RGBA{clamp(int(c.R) + d), clamp(int(c.G) + d), clamp(int(c.B) + d), 255})
		}
	}
}

// blob paints an ellipse at (cx, cy) with radii rx, ry and ragged edges.
func blob(img *image.RGBA, r *rand.Rand, cx, cy, rx, ry float64, c color.RGBA) {
	rag := make([]float64, 36)
	for i := range rag {
		rag[i] = 0.85 + 0.3*r.Float64()
	}
	for y := int(cy - ry*1.2); y < int(cy+ry*1.2); y++ {
		for x := int(cx - rx*1.2); x < int(cx+rx*1.2); x++ {
			dx, dy := (float64(x)-cx)/rx, (float64(y)-cy)/ry
			a := math.Atan2(dy, dx)
			k := int((a + math.Pi) / (2 * math.Pi) * 36)
			if math.Hypot(dx, dy) <= rag[k%36] && image.Pt(x, y).In(img.Rect) {
				d := r.Intn(13) - 6
				img.SetRGBA(x, y, color.RGBA{clamp(int(c.R) + d), clamp(int(c.G) + d), clamp(int(c.B) + d), 255})
			}
		}
	}
}

// box paints the rectangle [x0, x1) × [y0, y1).
func box(img *image.RGBA, x0, y0, x1, y1 int, c color.RGBA) {
	for y := max(y0, 0); y < min(y1, demoPhotoH); y++ {
		for x := max(x0, 0); x < min(x1, demoPhotoW); x++ {
			img.SetRGBA(x, y, c)
		}
	}
}

func clamp(v int) uint8 { return uint8(max(0, min(255, v))) }

// drawDumping: a wall, the pavement, a mattress, boxes and bin bags.
func drawDumping(img *image.RGBA, r *rand.Rand) {
	paint(img, r, 0, 200, color.RGBA{176, 164, 150, 255}, 8)
	paint(img, r, 200, demoPhotoH, color.RGBA{128, 128, 124, 255}, 14)
	box(img, 60+r.Intn(40), 250, 330, 330, color.RGBA{214, 206, 190, 255}) // mattress
	for k := 0; k < 3; k++ {
		x := 300 + k*90 + r.Intn(20)
		box(img, x, 300-r.Intn(60), x+80, 400, color.RGBA{150, 112, 70, 255}) // boxes
	}
	for k := 0; k < 4; k++ {
		blob(img, r, 120+float64(k)*70+r.Float64()*20, 410, 38, 30, color.RGBA{30, 30, 34, 255}) // bags
	}
}

// drawPothole: asphalt with a lane marking and a broken-out hole.
func drawPothole(img *image.RGBA, r *rand.Rand) {
	paint(img, r, 0, demoPhotoH, color.RGBA{92, 92, 96, 255}, 22)
	box(img, 300, 0, 330, demoPhotoH, color.RGBA{225, 225, 220, 255})
	blob(img, r, 200+r.Float64()*240, 300, 120, 60, color.RGBA{40, 38, 36, 255})
	blob(img, r, 200+r.Float64()*240, 330, 50, 22, color.RGBA{70, 90, 110, 255}) // a puddle in it
}

// drawStreetLight: a dusky sky, a pole, a dark lamp head.
func drawStreetLight(img *image.RGBA, r *rand.Rand) {
	for y := 0; y < 380; y++ {
		t := float64(y) / 380
		c := color.RGBA{uint8(20 + 60*t), uint8(30 + 50*t), uint8(70 + 60*t), 255}
		for x := 0; x < demoPhotoW; x++ {
			img.SetRGBA(x, y, c)
		}
	}
	paint(img, r, 380, demoPhotoH, color.RGBA{60, 60, 62, 255}, 10)
	x := 260 + r.Intn(120)
	box(img, x, 90, x+16, 400, color.RGBA{70, 74, 78, 255})
	box(img, x-70, 80, x+16, 96, color.RGBA{70, 74, 78, 255})
	blob(img, r, float64(x-70), 100, 34, 14, color.RGBA{45, 45, 48, 255})
}
