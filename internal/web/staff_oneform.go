package web

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/form"
)

// oneForm is a service's whole online form on one page, as staff fill it
// in: recording a case that came on paper, or applying with a citizen at
// a help point. First the service is chosen (a GET form to Action), then
// its form's pages are sections of one page. The templates in
// partials/oneform.html draw it with the page's own texts.
type oneForm struct {
	Action   string
	Text     oneFormText
	Services []csOption
	Service  *csService // chosen
	Pages    []csRecordSection
	Key      string // idempotency key of this submission
	Uploads  []csUpload
}

// csRecordSection is one page of the service's form.
type csRecordSection struct {
	ID, Title   string
	Conditional bool // shown to applicants only under a condition
	Fields      []QuestionField
}

// csUpload is a file uploaded with an earlier, failed attempt, kept in
// hidden fields so it need not be chosen again.
type csUpload struct {
	Question, Key, Name string
}

// oneFormText are the translation keys of a oneForm page's texts.
type oneFormText struct {
	Intro, Service, Next, NoServices string // the service choice
	For, Other                       string // "Application for: X · choose another service"
	Conditional, Submit              string
}

// newOneForm starts the page with v's idempotency key, making one (and
// putting it into v) on the first showing.
func newOneForm(action string, text oneFormText, v url.Values) oneForm {
	o := oneForm{Action: action, Text: text, Key: v.Get("key")}
	if o.Key == "" {
		o.Key = csRecordKey()
		v.Set("key", o.Key)
	}
	return o
}

func csRecordKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return "staff-" + hex.EncodeToString(b)
}

// choose offers services, picks the one v names (errNotFound when it is
// not among them) and lays out its form with the answers so far.
func (o *oneForm) choose(f *Form, lang string, services []csService, v url.Values, answers form.Answers) error {
	chosen := v.Get("service")
	for i, sv := range services {
		id := strconv.FormatInt(sv.ID, 10)
		o.Services = append(o.Services, csOption{id, sv.Name, id == chosen})
		if id == chosen {
			o.Service = &services[i]
		}
	}
	if chosen != "" && o.Service == nil {
		return errNotFound
	}
	if o.Service == nil {
		return nil
	}
	for i := range o.Service.Form.Pages {
		pg := &o.Service.Form.Pages[i]
		sec := csRecordSection{ID: pg.ID, Title: pg.Title.Get(lang), Conditional: pg.ShowIf != nil,
			Fields: questionFields(f, pg, lang, answers)}
		if sec.Conditional {
			for j := range sec.Fields {
				sec.Fields[j].Optional = true // the applicant's answers decide
			}
		}
		o.Pages = append(o.Pages, sec)
	}
	for qid, a := range answers {
		for _, file := range a.Files {
			o.Uploads = append(o.Uploads, csUpload{qid, file.ID, file.Name})
		}
	}
	slices.SortFunc(o.Uploads, func(a, b csUpload) int { return strings.Compare(a.Question+a.Key, b.Question+b.Key) })
	return nil
}
