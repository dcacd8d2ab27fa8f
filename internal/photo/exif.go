package photo

import (
	"bytes"
	"encoding/binary"
)

// segment is one marker segment of a JPEG file's header.
type segment struct {
	Marker byte   // the byte after 0xFF, e.g. 0xE1 for APP1
	Data   []byte // the payload, without marker and length
}

// jpegSegments returns the marker segments of a JPEG file from SOI up to
// and including the start of scan (SOS), whose payload is its header only.
// It stops quietly at the first malformed segment.
func jpegSegments(data []byte) []segment {
	if !bytes.HasPrefix(data, []byte{0xff, 0xd8}) {
		return nil
	}
	var segs []segment
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xff {
			return segs
		}
		m := data[i+1]
		if m == 0xff { // fill byte
			i++
			continue
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return segs
		}
		segs = append(segs, segment{Marker: m, Data: data[i+4 : i+2+n]})
		if m == 0xda { // start of scan: entropy-coded data follows
			return segs
		}
		i += 2 + n
	}
	return segs
}

// exifHeader starts the payload of an APP1 segment that holds EXIF.
var exifHeader = []byte("Exif\x00\x00")

// orientation returns the EXIF orientation (1 to 8) of a JPEG file, 1
// when it has none or a value out of range.
func orientation(data []byte) int {
	for _, s := range jpegSegments(data) {
		if s.Marker == 0xe1 && bytes.HasPrefix(s.Data, exifHeader) {
			if o := tiffOrientation(s.Data[len(exifHeader):]); o >= 1 && o <= 8 {
				return o
			}
			return 1
		}
	}
	return 1
}

// tiffOrientation reads tag 0x0112 (Orientation) from the first IFD of a
// TIFF structure; 0 when it is missing.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return 0
	}
	off := int64(bo.Uint32(t[4:]))
	if off < 8 || off+2 > int64(len(t)) {
		return 0
	}
	n := int64(bo.Uint16(t[off:]))
	for i := int64(0); i < n; i++ {
		e := off + 2 + 12*i
		if e+12 > int64(len(t)) {
			return 0
		}
		if bo.Uint16(t[e:]) == 0x0112 && bo.Uint16(t[e+2:]) == 3 {
			return int(bo.Uint16(t[e+8:]))
		}
	}
	return 0
}
