package survey

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"rathaus/internal/fault"
)

// Field names of answers in a submitted form: FieldName(q) for a
// question, RowField(q, i) for row i of a matrix. Values are option
// indexes (choice), scale points (scale, matrix rows) or text.

// FieldName is the form field of question q.
func FieldName(q *Question) string { return "q-" + q.ID }

// RowField is the form field of row i of matrix q.
func RowField(q *Question, i int) string { return "q-" + q.ID + "-" + strconv.Itoa(i) }

// Parse reads a submitted form into answers, checking each against its
// question. Problems come back as field errors named by FieldName (one
// per question, in question order).
func (s *Survey) Parse(in map[string][]string) (map[string]Answer, error) {
	out := map[string]Answer{}
	var v fault.Validator
	for i := range s.Questions {
		q := &s.Questions[i]
		a, key := q.parse(in)
		if key != "" {
			v.Add(FieldName(q), key)
			continue
		}
		if a.empty() {
			if q.Required {
				v.Add(FieldName(q), "error.survey.answer_required")
			}
			continue
		}
		out[q.ID] = a
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func (a Answer) empty() bool {
	for _, r := range a.Rows {
		if r != 0 {
			return false
		}
	}
	return len(a.Choices) == 0 && a.Value == 0 && a.Text == ""
}

// parse returns the answer to q, or the translation key of its problem.
func (q *Question) parse(in map[string][]string) (Answer, string) {
	var a Answer
	vals := in[FieldName(q)]
	switch q.Type {
	case TypeSingle, TypeMultiple:
		seen := map[int]bool{}
		for _, s := range vals {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 || n >= len(q.Options) {
				return a, "error.survey.answer_invalid"
			}
			if !seen[n] {
				seen[n] = true
				a.Choices = append(a.Choices, n)
			}
		}
		if q.Type == TypeSingle && len(a.Choices) > 1 {
			return a, "error.survey.answer_one"
		}
	case TypeScale:
		n, ok := q.point(first(vals))
		if !ok {
			return a, "error.survey.answer_invalid"
		}
		a.Value = n
	case TypeText:
		a.Text = strings.TrimSpace(strings.ReplaceAll(first(vals), "\r\n", "\n"))
		if utf8.RuneCountInString(a.Text) > MaxAnswer {
			return a, "error.survey.answer_long"
		}
	case TypeMatrix:
		a.Rows = make([]int, len(q.Options))
		missing := false
		for i := range q.Options {
			n, ok := q.point(first(in[RowField(q, i)]))
			if !ok {
				return a, "error.survey.answer_invalid"
			}
			a.Rows[i] = n
			missing = missing || n == 0
		}
		if a.empty() {
			a.Rows = nil
		} else if missing && q.Required {
			return a, "error.survey.answer_rows"
		}
	}
	return a, ""
}

// point parses a scale point; "" is no answer (0).
func (q *Question) point(s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= q.ScaleMin && n <= q.ScaleMax
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}
