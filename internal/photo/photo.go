// Package photo checks, cleans and blurs the photos citizens attach to
// reports.
//
// A photo's type is told by its content, never by its name or declared
// type: JPEG and PNG are accepted. Check refuses files that are too large
// in bytes or in pixels from the header alone, before anything is decoded,
// so a small file that claims 100,000 × 100,000 pixels costs nothing.
// Strip decodes the photo, turns it upright as its EXIF orientation says,
// scales it down to a bounded edge and encodes it anew: the result carries
// no metadata at all (no EXIF with GPS position or camera, no XMP, IPTC,
// comments, embedded thumbnails or data after the image). Blur pixelates
// and blurs regions that staff mark (faces, number plates) for the public
// copy, while the stripped original stays internal.
//
// WebP is not accepted: the standard library cannot decode it, browsers
// and phones upload JPEG (iOS converts HEIC to JPEG on upload), and a
// second decoder is more code that reads untrusted input.
package photo

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"io"

	"rathaus/internal/fault"
)

// Type is the media type of a photo.
type Type string

// The accepted types.
const (
	JPEG Type = "image/jpeg"
	PNG  Type = "image/png"
)

// Defaults for zero fields of Limits.
const (
	DefaultMaxBytes  = 10 << 20   // 10 MB per photo
	DefaultMaxPixels = 40_000_000 // 40 megapixels
	DefaultMaxEdge   = 2560       // longer edge of a stored photo
)

// Limits bound what Check and Strip accept. Zero fields take the defaults.
// How many photos a report may have is the caller's rule.
type Limits struct {
	MaxBytes  int64 // size of the uploaded file
	MaxPixels int64 // width × height, checked before decoding
	MaxEdge   int   // Strip scales the longer edge down to this
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = DefaultMaxPixels
	}
	if l.MaxEdge <= 0 {
		l.MaxEdge = DefaultMaxEdge
	}
	return l
}

// Info describes a photo.
type Info struct {
	Type   Type
	Width  int   // in pixels, as stored (before orientation)
	Height int   // in pixels, as stored (before orientation)
	Bytes  int64 // size of the file
}

// Translation keys of the errors, all of kind fault.Invalid.
const (
	KeyEmpty      = "error.photo.empty"      // no bytes
	KeyType       = "error.photo.type"       // not JPEG or PNG; arg: allowed types
	KeySize       = "error.photo.size"       // too many bytes; arg: MB allowed
	KeyDimensions = "error.photo.dimensions" // too many pixels; args: width, height, megapixels allowed
	KeyDamaged    = "error.photo.damaged"    // truncated or corrupt
	KeyRegion     = "error.photo.region"     // a blur region outside the photo
)

// allowedNames is the argument of KeyType.
const allowedNames = "JPEG, PNG"

// Field turns an error of this package into a problem with the form field
// named field, for fault.Fields; other errors keep their key.
func Field(field string, err error) fault.FieldError {
	f := fault.As(err)
	return fault.FieldError{Field: field, Key: f.Key, Args: f.Args}
}

// Check reads r to its end, at most l.MaxBytes, and returns the photo's
// type and size from its content and header. It does not decode the image:
// a truncated file may pass Check and fail Strip.
func Check(r io.Reader, l Limits) (*Info, error) {
	_, info, err := read(r, l.withDefaults())
	return info, err
}

// read reads and checks a photo.
func read(r io.Reader, l Limits) ([]byte, *Info, error) {
	data, err := io.ReadAll(io.LimitReader(r, l.MaxBytes+1))
	if err != nil {
		return nil, nil, err
	}
	if int64(len(data)) > l.MaxBytes {
		return nil, nil, fault.New(fault.Invalid, KeySize, (l.MaxBytes+(1<<20)-1)>>20)
	}
	info, err := checkBytes(data, l)
	return data, info, err
}

// sniff returns the type of data from its first bytes, "" when neither.
func sniff(data []byte) Type {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		return JPEG
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG
	}
	return ""
}

// checkBytes checks type and dimensions of data from its header.
func checkBytes(data []byte, l Limits) (*Info, error) {
	if len(data) == 0 {
		return nil, fault.New(fault.Invalid, KeyEmpty)
	}
	t := sniff(data)
	var cfg image.Config
	var err error
	switch t {
	case JPEG:
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	case PNG:
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	default:
		return nil, fault.New(fault.Invalid, KeyType, allowedNames)
	}
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, damaged(err)
	}
	if int64(cfg.Width)*int64(cfg.Height) > l.MaxPixels {
		return nil, fault.New(fault.Invalid, KeyDimensions, cfg.Width, cfg.Height, l.MaxPixels/1_000_000)
	}
	return &Info{Type: t, Width: cfg.Width, Height: cfg.Height, Bytes: int64(len(data))}, nil
}

func damaged(err error) error {
	if err == nil {
		err = errors.New("photo: empty image")
	}
	return fault.Wrap(fault.Invalid, KeyDamaged, err)
}
