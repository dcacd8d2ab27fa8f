package eventlog

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"time"
)

// CSVMapping tells which columns of a CSV file hold what. Case and
// Activity are required; Timestamp and Resource may be "" (events then
// have no time or no resource). Columns not mapped become event attributes,
// or case attributes when their name starts with "case:" (the prefix is
// dropped, as in pm4py's CSV form of XES).
type CSVMapping struct {
	Case, Activity, Timestamp, Resource string // column names

	// TimeLayout is a Go time layout for the timestamp column; "" detects
	// it (see ReadCSV).
	TimeLayout string
	// Location interprets times without a UTC offset; nil means UTC.
	Location *time.Location
	// Comma is the field separator; 0 detects it from the header line
	// (one of , ; tab |).
	Comma rune
}

// ReadCSVHeader reads the header line of a CSV file (after an optional
// UTF-8 byte order mark) and the detected field separator, so that a
// caller can suggest a mapping with DetectCSVMapping.
func ReadCSVHeader(r io.Reader) (header []string, comma rune, err error) {
	cr, comma := newCSVReader(r, 0)
	header, err = readHeader(cr)
	return header, comma, err
}

// ReadCSV reads an event log from CSV: one row per event. It accepts a
// UTF-8 byte order mark, quoted fields (also with bare quotes inside) and
// CRLF line ends. Without a TimeLayout, timestamps may be RFC 3339 (with or
// without fraction), "2006-01-02 15:04:05" (optionally with fraction or
// offset), "2006-01-02T15:04:05" without zone, German "02.01.2006 15:04"
// (optionally with seconds), "2006/01/02 15:04:05", a date alone, or Unix
// seconds or milliseconds.
//
// Rows without case or activity, or with a timestamp that cannot be read,
// are skipped and reported with their line numbers in the ImportReport.
// Attribute columns are typed int, float, bool or date when all their
// values read as such (dates are then stored as RFC 3339), else string.
// Errors are *ImportError.
func ReadCSV(r io.Reader, m CSVMapping) (*Log, *ImportReport, error) {
	cr, _ := newCSVReader(r, m.Comma)
	header, err := readHeader(cr)
	if err != nil {
		return nil, nil, err
	}
	report := &ImportReport{}
	cols, err := planColumns(header, m, report)
	if err != nil {
		return nil, nil, err
	}
	b := NewBuilder("", 0)
	if err := readRows(cr, b, cols, m, report); err != nil {
		return nil, nil, err
	}
	typeColumns(b, m.Location)
	l := b.Log()
	report.Cases, report.Events = len(l.Cases), l.NumEvents()
	return l, report, nil
}

// newCSVReader strips a byte order mark and detects the separator when
// comma is 0.
func newCSVReader(r io.Reader, comma rune) (*csv.Reader, rune) {
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\ufeff")) {
		br.Discard(3)
	}
	if comma == 0 {
		first, _ := br.Peek(br.Size())
		comma = detectComma(first)
	}
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return cr, comma
}

func readHeader(cr *csv.Reader) ([]string, error) {
	rec, err := cr.Read()
	if err == io.EOF {
		return nil, importErr(KeyEmpty, 0)
	}
	if err != nil {
		return nil, csvError(err)
	}
	header := make([]string, len(rec))
	for i, h := range rec {
		header[i] = strings.TrimSpace(h)
	}
	return header, nil
}

func csvError(err error) error {
	ie := importErr(KeyCSVSyntax, 0, err.Error())
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		ie.Line = pe.Line
		ie.Args = []any{pe.Err.Error()}
	}
	ie.Err = err
	return ie
}

// detectComma picks the separator that occurs most often outside quotes in
// the first line of data; ',' when none occurs.
func detectComma(data []byte) rune {
	var counts [4]int
	seps := [4]byte{',', ';', '\t', '|'}
	quoted := false
	for _, c := range data {
		if c == '"' {
			quoted = !quoted
		}
		if quoted {
			continue
		}
		if c == '\n' {
			break
		}
		for i, s := range seps {
			if c == s {
				counts[i]++
			}
		}
	}
	best := 0
	for i := range counts {
		if counts[i] > counts[best] {
			best = i
		}
	}
	return rune(seps[best])
}
