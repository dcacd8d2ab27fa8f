package pdf

import "time"

// Document is what Render turns into a PDF file.
type Document struct {
	Title   string
	Author  string
	Subject string
	Lang    string // BCP 47 language tag such as "de-DE"

	// Header is printed at the top of every page, usually the city name.
	Header string
	// Footer is a format string with two %d verbs, the page number and the
	// page count, taken from the translation files: "Seite %d von %d".
	// Empty means no footer.
	Footer string

	// CreationDate is written to the document information. A zero value
	// means now; set it for reproducible output.
	CreationDate time.Time
	// Compress Flate-compresses the page content streams.
	Compress bool

	Blocks []Block
}

// Block is one element of a document's body.
type Block interface{ block() }

// Heading is a title of level 1 (largest) to 3.
type Heading struct {
	Level int
	Text  string
}

// Paragraph is running text, wrapped at word boundaries. A newline starts
// a new line.
type Paragraph struct {
	Text string
}

// KeyValue is a list of label/value rows, such as the answers of a form.
type KeyValue struct {
	Rows []Row
}

// Row is one label and its value.
type Row struct {
	Label string
	Value string
}

// Table is a grid with a bold header row. Widths are the relative widths of
// the columns; nil means equal widths.
type Table struct {
	Header []string
	Rows   [][]string
	Widths []float64
}

// Spacer is vertical space of Height millimetres.
type Spacer struct {
	Height float64
}

// PageBreak starts a new page.
type PageBreak struct{}

func (Heading) block()   {}
func (Paragraph) block() {}
func (KeyValue) block()  {}
func (Table) block()     {}
func (Spacer) block()    {}
func (PageBreak) block() {}
