package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// csRecordLimit bounds a recorded case with its files: a few attachments
// of the usual size.
const csRecordLimit = 8*form.DefaultMaxBytes + 1<<20

// csRecordPage records a case that arrived on paper, by phone, in person
// or by e-mail: first the service, then the whole form on one page.
type csRecordPage struct {
	Page
	oneForm
	Channels []csOption
}

// handleCSRecordForm shows the service choice, or with ?leistung= the
// form of that service.
func (s *Server) handleCSRecordForm(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	v := url.Values{"received": {s.now().In(s.opts.Location).Format("2006-01-02")}, "service": {q.Get("leistung")}}
	p, err := s.csRecord(r, v, nil, form.Answers{})
	if err != nil {
		return err
	}
	return s.render(w, r, "cases_staff_record", p)
}

// csRecord prepares the recording page with the values and answers so
// far and the problems of err.
func (s *Server) csRecord(r *http.Request, v url.Values, err error, answers form.Answers) (*csRecordPage, error) {
	services, lerr := s.csServices(r.Context(), actorOf(r))
	if lerr != nil {
		return nil, lerr
	}
	p := &csRecordPage{Page: s.page(r, "cases_staff.record.title"),
		oneForm: newOneForm("/amt/antraege/erfassen", csRecordText, v)}
	p.Form = s.newForm(r, v)
	if err != nil {
		p.Form = s.formFor(r, v, err)
	}
	if err := p.choose(p.Form, langOf(r), services, v, answers); err != nil || p.Service == nil {
		return p, err
	}
	for _, ch := range cases.RecordedChannels {
		p.Channels = append(p.Channels, csOption{ch, csChannelLabel(r, s, ch), v.Get("channel") == ch})
	}
	return p, nil
}

// handleCSRecord writes the recorded case and opens it.
func (s *Server) handleCSRecord(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, csRecordLimit)
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	p, err := s.csRecord(r, v, nil, nil)
	if err != nil {
		return err
	}
	if p.Service == nil {
		return s.csRecordFailed(w, r, v, fault.Fields(fault.FieldError{Field: "service", Key: "error.cases_staff.service"}), nil)
	}
	answers, err := s.csRecordAnswers(r, p.Service.Form, v)
	if err != nil {
		return s.csRecordFailed(w, r, v, err, answers)
	}
	app := cases.Application{ServiceID: p.Service.ID, Answers: answers, Lang: "de", IdempotencyKey: v.Get("key"),
		Channel: v.Get("channel"), Applicant: cases.Applicant{Name: strings.TrimSpace(v.Get("applicant_name")),
			Email: strings.TrimSpace(v.Get("applicant_email"))}}
	var fv fault.Validator
	fv.Check(slices.Contains(cases.RecordedChannels, app.Channel), "channel", "error.cases.channel")
	app.ReceivedAt, err = s.csReceived(v.Get("received"))
	fv.Check(err == nil, "received", "error.cases_staff.received")
	fv.Check(app.Applicant.Email == "" || strings.Contains(app.Applicant.Email, "@"), "applicant_email", "error.cases_staff.email")
	if err := fv.Err(); err != nil {
		// Also name the form's problems, so one round shows them all.
		fields := fault.As(err).Fields
		if _, ferr := p.Service.Form.Validate(answers, "de"); fault.Is(ferr, fault.Invalid) {
			fields = append(fields, fault.As(ferr).Fields...)
		}
		return s.csRecordFailed(w, r, v, fault.Fields(fields...), answers)
	}
	out, err := s.opts.Cases.Record(r.Context(), actorOf(r), app)
	if err != nil {
		return s.csRecordFailed(w, r, v, err, answers)
	}
	return s.redirectFlash(w, r, csPath(out.Case.ID), "cases_staff.flash.recorded")
}

// csReceived reads the day a case arrived: not in the future; today
// means now.
func (s *Server) csReceived(d string) (time.Time, error) {
	now := s.now().In(s.opts.Location)
	t, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(d), s.opts.Location)
	if err != nil || t.After(now) {
		return time.Time{}, fault.New(fault.Invalid, "error.cases_staff.received")
	}
	if t.Format("2006-01-02") == now.Format("2006-01-02") {
		return time.Time{}, nil
	}
	return t.Add(12 * time.Hour), nil
}

// csRecordAnswers reads the answers of every page, storing uploaded files
// and keeping those of an earlier attempt.
func (s *Server) csRecordAnswers(r *http.Request, f *form.Form, v url.Values) (form.Answers, error) {
	answers := form.Answers{}
	for i := range f.Pages {
		for k, a := range answersOf(&f.Pages[i], v) {
			answers[k] = a
		}
	}
	for i := range f.Pages {
		for j := range f.Pages[i].Questions {
			q := &f.Pages[i].Questions[j]
			if q.Type != form.TypeFile {
				continue
			}
			refs := s.csKeptUploads(r, v, q.ID)
			if r.MultipartForm != nil {
				for _, fh := range r.MultipartForm.File[q.ID] {
					if fh.Size == 0 && fh.Filename == "" {
						continue
					}
					fd, err := fh.Open()
					if err != nil {
						return answers, err
					}
					ref, err := s.opts.Cases.Upload(r.Context(), fh.Filename, fd, q.AllowedTypes, q.MaxBytes)
					fd.Close()
					if err != nil {
						return answers, csAsField(err, q.ID)
					}
					refs = append(refs, ref)
				}
			}
			if len(refs) > 0 {
				answers[q.ID] = form.Value{Files: refs}
			}
		}
	}
	return answers, nil
}

// csKeptUploads are the files of question qid uploaded with an earlier
// attempt ("upload.<qid>" with the key, "upload_name.<qid>" the name).
// Files no longer stored are left out.
func (s *Server) csKeptUploads(r *http.Request, v url.Values, qid string) []form.FileRef {
	keys, names := v["upload."+qid], v["upload_name."+qid]
	var out []form.FileRef
	for i, k := range keys {
		if i >= len(names) {
			break
		}
		rc, info, err := s.opts.Cases.UploadedFile(r.Context(), k)
		if err != nil {
			continue
		}
		rc.Close()
		out = append(out, form.FileRef{ID: k, Name: names[i], Type: info.ContentType, Size: info.Size})
	}
	return out
}

// csRecordFailed shows the recording page again with the problems.
func (s *Server) csRecordFailed(w http.ResponseWriter, r *http.Request, v url.Values, err error, answers form.Answers) error {
	if !fault.Is(err, fault.Invalid) {
		return err
	}
	if answers == nil {
		answers = form.Answers{}
	}
	p, lerr := s.csRecord(r, v, err, answers)
	if lerr != nil {
		return lerr
	}
	return s.renderStatus(w, r, http.StatusBadRequest, "cases_staff_record", p)
}

// csRecordText are the texts of the one-page form.
var csRecordText = oneFormText{
	Intro:       "cases_staff.record.intro",
	Service:     "cases_staff.record.service",
	Next:        "cases_staff.record.next",
	NoServices:  "cases_staff.record.no_services",
	For:         "cases_staff.record.for",
	Other:       "cases_staff.record.other",
	Conditional: "cases_staff.record.conditional",
	Submit:      "cases_staff.record.submit",
}
