package photo

import (
	"image"

	"rathaus/internal/fault"
)

// Blur returns a copy of the photo data (as Strip made it, or any photo
// within l) in which every region of rects, in pixel coordinates of the
// upright photo, is made unreadable: coarsely pixelated, at most about
// eight blocks across, and then blurred, so a face or number plate cannot
// be recovered from the copy. It is meant for the public copy; the
// original stays internal. The copy is encoded anew like Strip's result.
// A region that does not overlap the photo is an error.
func Blur(data []byte, rects []image.Rectangle, l Limits) ([]byte, *Info, error) {
	l = l.withDefaults()
	if int64(len(data)) > l.MaxBytes {
		return nil, nil, fault.New(fault.Invalid, KeySize, (l.MaxBytes+(1<<20)-1)>>20)
	}
	info, err := checkBytes(data, l)
	if err != nil {
		return nil, nil, err
	}
	img, err := decode(data, info.Type, l.MaxEdge)
	if err != nil {
		return nil, nil, err
	}
	for _, r := range rects {
		c := r.Canon().Intersect(img.Rect)
		if c.Empty() {
			return nil, nil, fault.New(fault.Invalid, KeyRegion)
		}
		obscure(img, c)
	}
	return encode(img, info.Type)
}

// obscure pixelates region r of img and blurs it. Each block is replaced
// by its average colour, which destroys the detail for good; the blur
// then hides the block edges, from which shapes could be guessed.
func obscure(img *image.RGBA, r image.Rectangle) {
	block := maxInt(8, (maxInt(r.Dx(), r.Dy())+7)/8)
	for by := r.Min.Y; by < r.Max.Y; by += block {
		for bx := r.Min.X; bx < r.Max.X; bx += block {
			fill(img, image.Rect(bx, by, bx+block, by+block).Intersect(r))
		}
	}
	radius := block / 2
	for pass := 0; pass < 3; pass++ {
		boxBlur(img, r, radius, 1, 0)
		boxBlur(img, r, radius, 0, 1)
	}
}

// fill paints r with its average colour.
func fill(img *image.RGBA, r image.Rectangle) {
	var sum [4]uint64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		p := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
		for i := 0; i < len(p); i += 4 {
			for c := 0; c < 4; c++ {
				sum[c] += uint64(p[i+c])
			}
		}
	}
	n := uint64(r.Dx() * r.Dy())
	var avg [4]uint8
	for c := range avg {
		avg[c] = uint8((sum[c] + n/2) / n)
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		p := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
		for i := 0; i < len(p); i += 4 {
			copy(p[i:i+4], avg[:])
		}
	}
}

// boxBlur averages each pixel of r with its neighbours within radius along
// the direction (dx, dy), using only pixels inside r.
func boxBlur(img *image.RGBA, r image.Rectangle, radius, dx, dy int) {
	if radius < 1 {
		return
	}
	n := r.Dx()
	lines := r.Dy()
	if dy == 1 {
		n, lines = r.Dy(), r.Dx()
	}
	line := make([][4]uint32, n)
	for l := 0; l < lines; l++ {
		at := func(i int) int {
			if dx == 1 {
				return img.PixOffset(r.Min.X+i, r.Min.Y+l)
			}
			return img.PixOffset(r.Min.X+l, r.Min.Y+i)
		}
		for i := 0; i < n; i++ {
			o := at(i)
			for c := 0; c < 4; c++ {
				line[i][c] = uint32(img.Pix[o+c])
			}
		}
		var sum [4]uint32
		cnt := uint32(0)
		for i := 0; i < radius && i < n; i++ {
			for c := 0; c < 4; c++ {
				sum[c] += line[i][c]
			}
			cnt++
		}
		for i := 0; i < n; i++ {
			if j := i + radius; j < n {
				for c := 0; c < 4; c++ {
					sum[c] += line[j][c]
				}
				cnt++
			}
			if j := i - radius - 1; j >= 0 {
				for c := 0; c < 4; c++ {
					sum[c] -= line[j][c]
				}
				cnt--
			}
			o := at(i)
			for c := 0; c < 4; c++ {
				img.Pix[o+c] = uint8((sum[c] + cnt/2) / cnt)
			}
		}
	}
}
