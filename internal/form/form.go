// Package form holds the application forms staff build for a service: pages
// of questions with validation rules, conditions that show a page only when
// earlier answers call for it, a fee rule, and the JSON exchange format
// "rathaus-form/1". It is pure domain code: no HTTP, no SQL.
//
// Versioning: a form is identified by (ServiceID, Version). A published form
// is immutable; editing it starts a new draft with NextVersion (Version+1).
// A stored case records the version it was filled with (cases.Case.FormVersion),
// and the store keeps every published version, so a case is always shown,
// checked and printed with the questions its applicant actually saw.
package form

import (
	"encoding/json"
	"regexp"
	"time"
)

// Status of a form version.
const (
	StatusDraft     = "draft"
	StatusPublished = "published"
)

// Question types.
const (
	TypeText       = "text"
	TypeTextarea   = "textarea"
	TypeNumber     = "number"
	TypeDate       = "date"
	TypeChoice     = "choice"     // radio buttons: exactly one option
	TypeCheckboxes = "checkboxes" // several options
	TypeAddress    = "address"
	TypeEmail      = "email"
	TypePhone      = "phone"
	TypeIBAN       = "iban"
	TypeFile       = "file"
)

// Types lists the question types in the order the builder offers them.
var Types = []string{TypeText, TypeTextarea, TypeNumber, TypeDate, TypeChoice,
	TypeCheckboxes, TypeAddress, TypeEmail, TypePhone, TypeIBAN, TypeFile}

// Prefill sources: profile data offered (with the applicant's consent) as
// the starting value of a question.
const (
	PrefillName    = "profile.name"
	PrefillEmail   = "profile.email"
	PrefillPhone   = "profile.phone"
	PrefillAddress = "profile.address"
)

// prefillTypes says which question types each prefill source fits.
var prefillTypes = map[string][]string{
	PrefillName:    {TypeText},
	PrefillEmail:   {TypeEmail},
	PrefillPhone:   {TypePhone},
	PrefillAddress: {TypeAddress},
}

// File types a file question may allow.
var FileTypes = []string{"application/pdf", "image/jpeg", "image/png"}

// Text is a text in several languages: "de" is required, "en" optional.
type Text map[string]string

// Get returns the text in lang, falling back to German.
func (t Text) Get(lang string) string {
	if s := t[lang]; s != "" {
		return s
	}
	return t["de"]
}

// Form is one version of a service's application form.
type Form struct {
	ServiceID int64     `json:"service_id"`
	Version   int       `json:"version"`
	Status    string    `json:"status"`
	Title     Text      `json:"title"`
	Intro     Text      `json:"intro,omitempty"`
	Pages     []Page    `json:"pages"`
	Fee       *Fee      `json:"fee,omitempty"`
	Settings  Settings  `json:"settings,omitzero"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Settings say how applications with the form are handled.
type Settings struct {
	// Anonymous: citizens may apply without an account; they follow
	// their case by a secret link.
	Anonymous bool `json:"anonymous,omitempty"`
	// DecisionDays is the promised (or legal) time for a decision in
	// calendar days from submission; 0: no deadline.
	DecisionDays int `json:"decision_days,omitempty"`
	// Workflow is the case workflow of this form's cases (the cases
	// package's JSON); empty: the default procedure.
	Workflow json.RawMessage `json:"workflow,omitempty"`
	// RetentionDays is how long a closed case is kept before it is
	// deleted with its files; 0: the city's default (cases.DefaultRetention).
	RetentionDays int `json:"retention_days,omitempty"`
	// Decisions are the templates of decision documents by outcome
	// ("approved", "rejected"): paragraphs separated by blank lines, with
	// the placeholders {name}, {reference}, {service}, {submitted},
	// {date} and {reason}. Missing: the city's general template.
	Decisions map[string]Text `json:"decisions,omitempty"`
}

// Page is one step of the form: one question or one topic.
type Page struct {
	ID        string     `json:"id"`
	Title     Text       `json:"title"`
	Help      Text       `json:"help,omitempty"`
	Questions []Question `json:"questions"`
	// ShowIf, when set, shows the page only when it holds; otherwise the
	// page is skipped and its answers are dropped on submission.
	ShowIf *Condition `json:"show_if,omitempty"`
}

// Question is one input. The rule fields apply to the types named.
type Question struct {
	ID       string   `json:"id"`
	Type     string   `json:"type"`
	Label    Text     `json:"label"`
	Help     Text     `json:"help,omitempty"`
	Required bool     `json:"required,omitempty"`
	Options  []Option `json:"options,omitempty"` // choice, checkboxes
	// text, textarea: length in characters; a MaxLength of 0 means the
	// default (DefaultMaxText, DefaultMaxTextarea).
	MinLength int    `json:"min_length,omitempty"`
	MaxLength int    `json:"max_length,omitempty"`
	Pattern   string `json:"pattern,omitempty"` // text: Go regexp the whole answer must match
	// number: decimal bounds such as "0" or "12.5"; empty means none.
	Min     string `json:"min,omitempty"`
	Max     string `json:"max,omitempty"`
	Integer bool   `json:"integer,omitempty"`
	// date: bounds as "2026-01-01", "today" or an offset from today such
	// as "-18y", "+30d", "-6m" (see ParseDateBound).
	MinDate string `json:"min_date,omitempty"`
	MaxDate string `json:"max_date,omitempty"`
	// address: whether an address abroad is accepted.
	AllowForeign bool `json:"allow_foreign,omitempty"`
	// file: limits per file and the number of files (default 1).
	MaxBytes     int64    `json:"max_bytes,omitempty"`
	AllowedTypes []string `json:"allowed_types,omitempty"`
	MaxFiles     int      `json:"max_files,omitempty"`
	// Prefill names profile data offered as the starting value, used
	// only with the applicant's consent.
	Prefill string `json:"prefill,omitempty"`
}

// Option is one choice of a choice or checkboxes question.
type Option struct {
	Value string `json:"value"`
	Label Text   `json:"label"`
}

// slugRE is the syntax of page, question and option IDs.
var slugRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// IsSlug reports whether s is a valid page or question ID.
func IsSlug(s string) bool { return slugRE.MatchString(s) }

// Page returns the page with id, or nil.
func (f *Form) Page(id string) *Page {
	for i := range f.Pages {
		if f.Pages[i].ID == id {
			return &f.Pages[i]
		}
	}
	return nil
}

// Question returns the question with id and its page, or nil.
func (f *Form) Question(id string) (*Question, *Page) {
	for i := range f.Pages {
		p := &f.Pages[i]
		for j := range p.Questions {
			if p.Questions[j].ID == id {
				return &p.Questions[j], p
			}
		}
	}
	return nil, nil
}

// Option returns the option with value, or nil.
func (q *Question) Option(value string) *Option {
	for i := range q.Options {
		if q.Options[i].Value == value {
			return &q.Options[i]
		}
	}
	return nil
}

// maxFiles is the number of files a file question accepts.
func (q *Question) maxFiles() int {
	if q.MaxFiles <= 0 {
		return 1
	}
	return q.MaxFiles
}
