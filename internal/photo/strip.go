package photo

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"io"
)

// Quality is the JPEG quality of stored photos.
const Quality = 90

// Strip reads a photo from r, checks it against l, and returns it encoded
// anew in its own type (JPEG stays JPEG, PNG stays PNG): upright as its
// EXIF orientation said, its longer edge at most l.MaxEdge, and without
// any metadata. Info describes the result. Since only the decoded pixels
// are encoded, nothing else of the upload survives: no EXIF (GPS position,
// camera, time, thumbnail), XMP, IPTC, ICC profile, comment or PNG text
// chunk, and no data hidden after the image.
func Strip(r io.Reader, l Limits) ([]byte, *Info, error) {
	l = l.withDefaults()
	data, info, err := read(r, l)
	if err != nil {
		return nil, nil, err
	}
	img, err := decode(data, info.Type, l.MaxEdge)
	if err != nil {
		return nil, nil, err
	}
	return encode(img, info.Type)
}

// decode decodes checked data of type t into an upright RGBA image whose
// longer edge is at most maxEdge.
func decode(data []byte, t Type, maxEdge int) (*image.RGBA, error) {
	var img image.Image
	var err error
	switch t {
	case JPEG:
		img, err = jpeg.Decode(bytes.NewReader(data))
	default:
		img, err = png.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil, damaged(err)
	}
	rgba := toRGBA(img, maxEdge)
	if t == JPEG {
		rgba = orient(rgba, orientation(data))
	}
	return rgba, nil
}

// encode encodes img as type t.
func encode(img *image.RGBA, t Type) ([]byte, *Info, error) {
	var buf bytes.Buffer
	var err error
	if t == JPEG {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: Quality})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img)
	}
	if err != nil {
		return nil, nil, err
	}
	b := img.Bounds()
	return buf.Bytes(), &Info{Type: t, Width: b.Dx(), Height: b.Dy(), Bytes: int64(buf.Len())}, nil
}
