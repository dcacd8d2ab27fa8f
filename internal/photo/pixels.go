package photo

import (
	"image"
	"image/draw"
)

// toRGBA copies img into a new RGBA image whose longer edge is at most
// maxEdge, averaging the source pixels that fall into each target pixel.
// Rows are converted one at a time, so a large photo is never held twice.
func toRGBA(img image.Image, maxEdge int) *image.RGBA {
	b := img.Bounds()
	sw, sh := b.Dx(), b.Dy()
	dw, dh := fit(sw, sh, maxEdge)
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	if dw == sw && dh == sh {
		draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
		return dst
	}
	row := image.NewRGBA(image.Rect(0, 0, sw, 1))
	sum := make([]uint32, 4*dw)
	cnt := make([]uint32, dw)
	col := make([]int, sw)
	for x := range col {
		col[x] = x * dw / sw
	}
	flush := func(dy int) {
		p := dst.Pix[dy*dst.Stride:]
		for x := 0; x < dw; x++ {
			for c := 0; c < 4; c++ {
				p[4*x+c] = uint8((sum[4*x+c] + cnt[x]/2) / cnt[x])
				sum[4*x+c] = 0
			}
			cnt[x] = 0
		}
	}
	cur := 0
	for y := 0; y < sh; y++ {
		if dy := y * dh / sh; dy != cur {
			flush(cur)
			cur = dy
		}
		draw.Draw(row, row.Bounds(), img, image.Pt(b.Min.X, b.Min.Y+y), draw.Src)
		for x := 0; x < sw; x++ {
			d := col[x]
			for c := 0; c < 4; c++ {
				sum[4*d+c] += uint32(row.Pix[4*x+c])
			}
			cnt[d]++
		}
	}
	flush(cur)
	return dst
}

// fit returns w × h scaled so that the longer edge is at most max.
func fit(w, h, max int) (int, int) {
	if w <= max && h <= max {
		return w, h
	}
	if w >= h {
		return max, maxInt(1, (h*max+w/2)/w)
	}
	return maxInt(1, (w*max+h/2)/h), max
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// orient returns src turned upright as EXIF orientation o (1 to 8) says.
func orient(src *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return src
	}
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2: // mirrored horizontally
				dx, dy = w-1-x, y
			case 3: // rotated 180°
				dx, dy = w-1-x, h-1-y
			case 4: // mirrored vertically
				dx, dy = x, h-1-y
			case 5: // transposed
				dx, dy = y, x
			case 6: // rotate 90° clockwise to view
				dx, dy = h-1-y, x
			case 7: // transversed
				dx, dy = h-1-y, w-1-x
			case 8: // rotate 90° counter-clockwise to view
				dx, dy = y, w-1-x
			}
			copy(dst.Pix[dy*dst.Stride+4*dx:dy*dst.Stride+4*dx+4], src.Pix[y*src.Stride+4*x:])
		}
	}
	return dst
}
