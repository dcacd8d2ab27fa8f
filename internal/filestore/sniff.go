package filestore

import (
	"bytes"
	"mime"
	"net/http"
	"strings"

	"rathaus/internal/fault"
)

// sniffLen is how many leading bytes Sniff looks at.
const sniffLen = 512

// Executable is the type Sniff reports for programs and scripts.
const Executable = "application/x-executable"

// executableMagic are the leading bytes of programs and scripts that no
// upload should be, whatever its name: Windows PE, ELF, Mach-O (32, 64 bit,
// both byte orders, and fat binaries, which share Java class files' magic)
// and "#!" scripts.
var executableMagic = [][]byte{
	[]byte("MZ"),
	[]byte("\x7fELF"),
	{0xfe, 0xed, 0xfa, 0xce}, {0xce, 0xfa, 0xed, 0xfe},
	{0xfe, 0xed, 0xfa, 0xcf}, {0xcf, 0xfa, 0xed, 0xfe},
	{0xca, 0xfe, 0xba, 0xbe},
	[]byte("#!"),
}

// Sniff returns the media type of content from its first bytes (at most 512
// are used), without parameters: "application/pdf", "image/png",
// "image/jpeg", "text/html", Executable, … and "application/octet-stream"
// when nothing matches. It follows net/http.DetectContentType and adds
// programs and scripts.
func Sniff(head []byte) string {
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	for _, m := range executableMagic {
		if bytes.HasPrefix(head, m) {
			return Executable
		}
	}
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "application/pdf"
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(head, []byte{0xff, 0xd8, 0xff}):
		return "image/jpeg"
	}
	t, _, err := mime.ParseMediaType(http.DetectContentType(head))
	if err != nil {
		return "application/octet-stream"
	}
	return t
}

// CheckType sniffs the type of data (its first bytes suffice) and returns
// it when it is one of allowed (media types such as "application/pdf" or
// "image/png"; "image/*" allows every image), else a fault.Invalid that
// names the allowed types. Executables are never allowed. A file's name
// and declared type play no part: an HTML page named "photo.png" is HTML.
func CheckType(data []byte, allowed []string) (string, error) {
	t := Sniff(data)
	if t != Executable {
		for _, a := range allowed {
			if a == t || strings.HasSuffix(a, "/*") && strings.HasPrefix(t, a[:len(a)-1]) {
				return t, nil
			}
		}
	}
	return t, fault.New(fault.Invalid, "error.files.type", strings.Join(allowed, ", "))
}
