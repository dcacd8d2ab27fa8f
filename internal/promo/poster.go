package promo

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"rsc.io/qr"

	"rathaus/internal/catalog"
	"rathaus/internal/pdf"
)

// Format is a print format: a page size in millimetres and the scale of
// its type.
type Format struct {
	Name          string // "a4", "a3", "a6"
	Width, Height float64
	Margin        float64
	Scale         float64 // type sizes relative to A4
}

// Formats are the print formats offered: A4 and A3 posters, A6 flyer.
var Formats = []Format{
	{Name: "a4", Width: 210, Height: 297, Margin: 18, Scale: 1},
	{Name: "a3", Width: 297, Height: 420, Margin: 25, Scale: 1.414},
	{Name: "a6", Width: 105, Height: 148, Margin: 8, Scale: 0.5},
}

// FormatByName returns the format called name.
func FormatByName(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Texts are the translated words of a poster.
type Texts struct {
	Lang         string // BCP 47, e.g. "de-DE"
	City         string
	CallToAction string // "Jetzt online erledigen"
	ScanHint     string // "QR-Code scannen oder Adresse eingeben:"
	QRAlt        string // text alternative of the QR code, with a %s for the address
}

// QuietZone is the white border around the QR code, in modules, as ISO/IEC
// 18004 demands.
const QuietZone = 4

// Poster returns the PDF poster or flyer for s in format f whose QR code
// points to address (a campaign's ScanAddress). The QR code takes up to
// 62 % of the text width, less when long texts need the room.
func Poster(s *catalog.Service, address string, f Format, t Texts, created time.Time) ([]byte, error) {
	code, err := qr.Encode(address, qr.Q)
	if err != nil {
		return nil, fmt.Errorf("promo: encode QR: %w", err)
	}
	for share := 0.62; ; share -= 0.06 {
		b, err := posterSheet(s, address, f, t, created, modules(code), share).Bytes()
		if !errors.Is(err, pdf.ErrOverflow) || share < 0.3 {
			return b, err
		}
	}
}

func posterSheet(s *catalog.Service, address string, f Format, t Texts, created time.Time, m [][]bool, share float64) pdf.Sheet {
	k := f.Scale
	items := []pdf.Item{
		pdf.Line{Text: t.City, Size: 16 * k},
		pdf.Gap{Height: 8 * k},
		pdf.Line{Text: s.Name, Size: 34 * k, Bold: true, Level: 1},
		pdf.Gap{Height: 4 * k},
		pdf.Line{Text: PlainLine(s), Size: 18 * k},
		pdf.Gap{Height: 8 * k},
		pdf.Line{Text: t.CallToAction, Size: 26 * k, Bold: true, Level: 2},
		pdf.Gap{Height: 4 * k},
		pdf.Matrix{Modules: m, Quiet: QuietZone, Side: (f.Width - 2*f.Margin) * share,
			Alt: fmt.Sprintf(t.QRAlt, ShortAddress(address))},
		pdf.Gap{Height: 4 * k},
		pdf.Line{Text: t.ScanHint, Size: 13 * k},
		pdf.Line{Text: ShortAddress(address), Size: 20 * k, Bold: true},
	}
	return pdf.Sheet{Title: s.Name + " – " + t.City, Author: t.City, Subject: t.CallToAction, Lang: t.Lang,
		Width: f.Width, Height: f.Height, Margin: f.Margin, CreationDate: created, Compress: true, Items: items}
}

func modules(c *qr.Code) [][]bool {
	m := make([][]bool, c.Size)
	for y := range m {
		m[y] = make([]bool, c.Size)
		for x := range m[y] {
			m[y][x] = c.Black(x, y)
		}
	}
	return m
}

// PlainLine is the poster's one line in plain language: the first sentence
// of the service's easy-language text, else its summary's.
func PlainLine(s *catalog.Service) string {
	if t := firstSentence(s.EasyLanguage); t != "" {
		return t
	}
	return firstSentence(s.Summary)
}

func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for i, r := range s {
		if (r == '.' || r == '!' || r == '?') && (i+1 == len(s) || s[i+1] == ' ') {
			return s[:i+1]
		}
	}
	return s
}

// ShortAddress is address without its scheme, as printed under the code
// for people who type it.
func ShortAddress(address string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(address, "https://"), "http://")
	return strings.TrimPrefix(s, "www.")
}
