package open311

import "strings"

// Format is a response format, chosen by the path's suffix.
type Format string

// The two formats of GeoReport v2.
const (
	XML  Format = "xml"
	JSON Format = "json"
)

// Content types of the two formats.
const (
	ContentTypeXML  = "text/xml; charset=utf-8"
	ContentTypeJSON = "application/json; charset=utf-8"
)

// ContentType is the Content-Type header value for the format.
func (f Format) ContentType() string {
	if f == JSON {
		return ContentTypeJSON
	}
	return ContentTypeXML
}

// SplitFormat splits "requests/123.json" into "requests/123" and JSON. A path
// without ".xml" or ".json" at its end is a 404 error (reported in XML, the
// mandatory format).
func SplitFormat(path string) (string, Format, error) {
	i := strings.LastIndexByte(path, '.')
	if i < 0 || strings.ContainsRune(path[i:], '/') {
		return path, XML, NotFound("unknown format: the path must end in .xml or .json")
	}
	switch f := Format(path[i+1:]); f {
	case XML, JSON:
		return path[:i], f, nil
	}
	return path, XML, NotFound("unknown format " + quote(path[i+1:]) + ": the path must end in .xml or .json")
}
