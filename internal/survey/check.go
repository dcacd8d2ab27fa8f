package survey

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rathaus/internal/fault"
)

// Limits of a survey's definition and answers.
const (
	MaxTitle     = 200
	MaxIntro     = 5000
	MaxLabel     = 500
	MaxQuestions = 50
	MaxOptions   = 20
	MaxScale     = 10   // highest scale point; the lowest is at least 1
	MaxAnswer    = 2000 // characters of a free-text answer
)

// Check reports every problem of the survey's definition as field errors
// named like the builder's fields ("title", "q3.options", ...).
func (s *Survey) Check() error {
	var v fault.Validator
	checkText(&v, "title", s.Title, MaxTitle, true)
	checkText(&v, "intro", s.Intro, MaxIntro, false)
	v.Check(s.OrgID > 0, "org", "error.survey.org")
	v.Check(len(s.Questions) <= MaxQuestions, "questions", "error.survey.too_many", MaxQuestions)
	if s.OpensAt != nil && s.ClosesAt != nil {
		v.Check(s.ClosesAt.After(*s.OpensAt), "closes", "error.survey.dates")
	}
	seen := map[string]bool{}
	for i := range s.Questions {
		q := &s.Questions[i]
		v.Check(q.ID != "" && !seen[q.ID], q.ID+".id", "error.survey.question_id")
		seen[q.ID] = true
		q.check(&v)
	}
	return v.Err()
}

// CheckOpenable adds what opening needs: at least one question.
func (s *Survey) CheckOpenable(now time.Time) error {
	if err := s.Check(); err != nil {
		return err
	}
	if len(s.Questions) == 0 {
		return fault.New(fault.Invalid, "error.survey.no_questions")
	}
	if s.ClosesAt != nil && !s.ClosesAt.After(now) {
		return fault.Fields(fault.FieldError{Field: "closes", Key: "error.survey.closes_past"})
	}
	return nil
}

func (q *Question) check(v *fault.Validator) {
	p := q.ID + "."
	checkText(v, p+"label", q.Label, MaxLabel, true)
	checkText(v, p+"hint", q.Hint, MaxLabel, false)
	switch q.Type {
	case TypeSingle, TypeMultiple, TypeMatrix:
		v.Check(len(q.Options) >= 2 || (q.Type == TypeMatrix && len(q.Options) >= 1), p+"options", "error.survey.options_few")
		v.Check(len(q.Options) <= MaxOptions, p+"options", "error.survey.options_many", MaxOptions)
		for _, o := range q.Options {
			if !v.Has(p + "options") {
				checkText(v, p+"options", o, MaxLabel, true)
			}
		}
	case TypeScale, TypeText:
		v.Check(len(q.Options) == 0, p+"options", "error.survey.options_unused")
	default:
		v.Add(p+"type", "error.survey.type")
	}
	if q.Type == TypeScale || q.Type == TypeMatrix {
		v.Check(q.ScaleMin >= 1 && q.ScaleMax <= MaxScale && q.ScaleMax > q.ScaleMin, p+"scale", "error.survey.scale", MaxScale)
		checkText(v, p+"min_label", q.MinLabel, MaxLabel, false)
		checkText(v, p+"max_label", q.MaxLabel, MaxLabel, false)
	} else {
		v.Check(q.ScaleMin == 0 && q.ScaleMax == 0, p+"scale", "error.survey.scale_unused")
	}
}

// checkText checks a text's length in both languages; required wants the
// German one.
func checkText(v *fault.Validator, field string, t Text, max int, required bool) {
	if required && strings.TrimSpace(t["de"]) == "" {
		v.Add(field, "error.survey.required_de")
		return
	}
	for lang, s := range t {
		if lang != "de" && lang != "en" {
			v.Add(field, "error.survey.lang")
			return
		}
		if utf8.RuneCountInString(s) > max {
			v.Add(field, "error.survey.too_long", max)
			return
		}
	}
}

// NextQuestionID returns an ID no question of s has: "q" and a number.
func (s *Survey) NextQuestionID() string {
	n := 0
	for _, q := range s.Questions {
		if x, err := strconv.Atoi(strings.TrimPrefix(q.ID, "q")); err == nil && x > n {
			n = x
		}
	}
	return "q" + strconv.Itoa(n+1)
}
