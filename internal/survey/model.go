// Package survey holds surveys: staff build them from single and
// multiple choice, scale, free-text and matrix questions, open them for a
// time, and publish the results as figures. A survey is anonymous (no
// account, a cookie against double submits) or wants an account (one
// response per account). Responses never carry who gave them: for account
// surveys only the fact that an account took part is kept, apart from the
// answers.
package survey

import "time"

// Statuses of a survey: a draft is built, an open survey takes responses
// between its dates, a closed one is over.
const (
	StatusDraft  = "draft"
	StatusOpen   = "open"
	StatusClosed = "closed"
)

// States a visitor sees: a survey that is open but not started yet is
// scheduled; one past its close date is closed even before staff close it.
const (
	StateDraft     = "draft"
	StateScheduled = "scheduled"
	StateOpen      = "open"
	StateClosed    = "closed"
)

// Question types.
const (
	TypeSingle   = "single"   // one of the options
	TypeMultiple = "multiple" // any of the options
	TypeScale    = "scale"    // a number from ScaleMin to ScaleMax
	TypeText     = "text"     // free text (personal data risk)
	TypeMatrix   = "matrix"   // rows, each rated on the scale
)

// Types lists the question types in display order.
var Types = []string{TypeSingle, TypeMultiple, TypeScale, TypeText, TypeMatrix}

// Text is a text in German ("de", required) and English ("en", optional).
type Text map[string]string

// In returns the text in lang, falling back to German.
func (t Text) In(lang string) string {
	if v := t[lang]; v != "" {
		return v
	}
	return t["de"]
}

// Lang returns the language In(lang) actually answers in.
func (t Text) Lang(lang string) string {
	if t[lang] != "" {
		return lang
	}
	return "de"
}

// Question is one question of a survey.
type Question struct {
	ID       string `json:"id"` // stable within the survey, e.g. "q3"
	Type     string `json:"type"`
	Label    Text   `json:"label"`
	Hint     Text   `json:"hint,omitempty"`
	Required bool   `json:"required,omitempty"`
	// Options of single and multiple choice; the rows of a matrix.
	Options []Text `json:"options,omitempty"`
	// ScaleMin..ScaleMax are the points of a scale and the columns of a
	// matrix, with labels of both ends.
	ScaleMin int  `json:"scale_min,omitempty"`
	ScaleMax int  `json:"scale_max,omitempty"`
	MinLabel Text `json:"min_label,omitempty"`
	MaxLabel Text `json:"max_label,omitempty"`
}

// Points returns the scale's values in order.
func (q *Question) Points() []int {
	var out []int
	for v := q.ScaleMin; v <= q.ScaleMax; v++ {
		out = append(out, v)
	}
	return out
}

// Survey is a survey with its questions.
type Survey struct {
	ID        int64
	OrgID     int64 // the responsible unit; its staff build and close it
	Title     Text
	Intro     Text
	Questions []Question
	// Anonymous surveys need no account; the others take one response
	// per account.
	Anonymous bool
	// ResultsLive publishes results while the survey is open; otherwise
	// they are public after closing.
	ResultsLive bool
	Status      string
	OpensAt     *time.Time // nil: as soon as it is opened
	ClosesAt    *time.Time // nil: until staff close it
	CreatedBy   *int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Responses   int // number of responses, filled by the store
}

// State is the survey's state at now, taking its dates into account.
func (s *Survey) State(now time.Time) string {
	switch {
	case s.Status == StatusDraft:
		return StateDraft
	case s.Status == StatusClosed:
		return StateClosed
	case s.ClosesAt != nil && !now.Before(*s.ClosesAt):
		return StateClosed
	case s.OpensAt != nil && now.Before(*s.OpensAt):
		return StateScheduled
	}
	return StateOpen
}

// ResultsPublic reports whether everybody may see the results at now.
func (s *Survey) ResultsPublic(now time.Time) bool {
	st := s.State(now)
	return st == StateClosed || (st == StateOpen && s.ResultsLive)
}

// HasText reports whether the survey asks for free text.
func (s *Survey) HasText() bool {
	for _, q := range s.Questions {
		if q.Type == TypeText {
			return true
		}
	}
	return false
}

// Question returns the question with id, or nil.
func (s *Survey) Question(id string) *Question {
	for i := range s.Questions {
		if s.Questions[i].ID == id {
			return &s.Questions[i]
		}
	}
	return nil
}

// Answer is the answer to one question.
type Answer struct {
	Choices []int  `json:"c,omitempty"` // option indexes (single: one)
	Value   int    `json:"v,omitempty"` // scale point
	Text    string `json:"t,omitempty"` // free text
	Rows    []int  `json:"r,omitempty"` // matrix: a scale point per row, 0: none
}

// Response is one person's answers, without who they are.
type Response struct {
	ID       int64
	SurveyID int64
	Answers  map[string]Answer // by question ID; unanswered questions are missing
	At       time.Time
}
