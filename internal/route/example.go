package route

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Example is one text with the label a person gave it. Weight 0 means 1;
// corrections by staff carry a higher weight so that they count more than
// the examples the model started with.
type Example struct {
	Text   string
	Label  string
	Weight float64
}

func (e Example) weight() float64 {
	if e.Weight <= 0 {
		return 1
	}
	return e.Weight
}

// ReadTSV reads examples from tab-separated values: the first line is a
// header, textCol and labelCol count columns from 1. Rows whose text or
// label is empty carry nothing to learn from and are skipped; a row with
// too few columns is an error that names its line.
func ReadTSV(r io.Reader, textCol, labelCol int) ([]Example, error) {
	if textCol < 1 || labelCol < 1 {
		return nil, fmt.Errorf("route: columns count from 1 (text column %d, label column %d)", textCol, labelCol)
	}
	if textCol == labelCol {
		return nil, fmt.Errorf("route: text and label are the same column %d", textCol)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	need := max(textCol, labelCol)
	var out []Example
	line := 0
	for sc.Scan() {
		line++
		row := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			if n := len(strings.Split(row, "\t")); n < need {
				return nil, fmt.Errorf("route: line 1 (header): %d columns, want at least %d", n, need)
			}
			continue
		}
		if strings.TrimSpace(row) == "" {
			continue
		}
		cols := strings.Split(row, "\t")
		if len(cols) < need {
			return nil, fmt.Errorf("route: line %d: %d columns, want at least %d", line, len(cols), need)
		}
		text, label := strings.TrimSpace(cols[textCol-1]), strings.TrimSpace(cols[labelCol-1])
		if text == "" || label == "" {
			continue
		}
		out = append(out, Example{Text: text, Label: label})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("route: line %d: %w", line+1, err)
	}
	if line == 0 {
		return nil, errors.New("route: empty input, want a header line")
	}
	return out, nil
}
