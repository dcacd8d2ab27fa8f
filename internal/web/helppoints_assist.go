package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/form"
	"rathaus/internal/helppoint"
)

// The assisted application: staff at a help point fill in a service's
// online form together with a citizen, on one page (as staff record
// paper cases), name the help point and confirm the citizen's consent.
// The case arrives with channel "assisted"; the submitted event names
// the help point; the citizen's e-mail gets the usual confirmation with a
// link to follow the case.

const hpAssistPath = "/amt/hilfe-vor-ort/antrag"

// hpAssistPage is the service choice, or the chosen service's form.
type hpAssistPage struct {
	Page
	oneForm
	Points []csOption
}

// hpServices lists every service with a published form, by name: a help
// point helps with any of the city's online services.
func (s *Server) hpServices(ctx context.Context) ([]csService, error) {
	return s.formServices(ctx, func(*catalog.Service) bool { return true })
}

// handleHPAssistForm shows the service choice, or with ?leistung= the
// service's form.
func (s *Server) handleHPAssistForm(w http.ResponseWriter, r *http.Request) error {
	v := url.Values{"service": {r.URL.Query().Get("leistung")}}
	p, err := s.hpAssist(r, v, nil, form.Answers{})
	if err != nil {
		return err
	}
	return s.render(w, r, "helppoints_assist", p)
}

// hpAssist prepares the page with the values and answers so far and the
// problems of err.
func (s *Server) hpAssist(r *http.Request, v url.Values, err error, answers form.Answers) (*hpAssistPage, error) {
	services, lerr := s.hpServices(r.Context())
	if lerr != nil {
		return nil, lerr
	}
	points, lerr := s.opts.HelpPoints.AssistPoints(r.Context(), actorOf(r))
	if lerr != nil {
		return nil, lerr
	}
	p := &hpAssistPage{Page: s.page(r, "helppoints.assist.title"), oneForm: newOneForm(hpAssistPath, hpAssistText, v)}
	if len(points) == 1 && v.Get("helppoint") == "" {
		v.Set("helppoint", strconv.FormatInt(points[0].ID, 10))
	}
	p.Form = s.newForm(r, v)
	if err != nil {
		p.Form = s.formFor(r, v, err)
	}
	for _, pt := range points {
		id := strconv.FormatInt(pt.ID, 10)
		p.Points = append(p.Points, csOption{id, pt.Name, v.Get("helppoint") == id})
	}
	if err := p.choose(p.Form, langOf(r), services, v, answers); err != nil {
		return nil, err
	}
	return p, nil
}

// handleHPAssist files the application and shows its reference.
func (s *Server) handleHPAssist(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, csRecordLimit)
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	p, err := s.hpAssist(r, v, nil, nil)
	if err != nil {
		return err
	}
	if p.Service == nil {
		return s.hpAssistFailed(w, r, v, fault.Fields(fault.FieldError{Field: "service", Key: "error.cases_staff.service"}), nil)
	}
	answers, err := s.csRecordAnswers(r, p.Service.Form, v)
	if err != nil {
		return s.hpAssistFailed(w, r, v, err, answers)
	}
	lang := langOf(r)
	pointID, _ := strconv.ParseInt(v.Get("helppoint"), 10, 64)
	in := helppoint.Assisted{PointID: pointID, Consent: v.Get("consent") == "yes", Application: cases.Application{
		ServiceID: p.Service.ID, Answers: answers, Lang: lang, IdempotencyKey: v.Get("key"),
		Applicant: cases.Applicant{Name: strings.TrimSpace(v.Get("applicant_name")),
			Email: strings.TrimSpace(v.Get("applicant_email"))}}}
	var fv fault.Validator
	fv.Check(in.Applicant.Email == "" || strings.Contains(in.Applicant.Email, "@"), "applicant_email", "error.helppoints.email_applicant")
	var out *cases.Submitted
	if err = fv.Err(); err == nil {
		out, err = s.opts.HelpPoints.Apply(r.Context(), actorOf(r), in)
	}
	if err != nil {
		if fault.Is(err, fault.Invalid) {
			// Also name the form's problems, so one round shows them all.
			fields := fault.As(err).Fields
			if _, ferr := p.Service.Form.Validate(answers, lang); fault.Is(ferr, fault.Invalid) {
				err = mergeFieldErrors(err, ferr)
			} else if len(fields) == 0 {
				err = fault.As(err)
			}
		}
		return s.hpAssistFailed(w, r, v, err, answers)
	}
	q := url.Values{"az": {out.Case.Reference}, "leistung": {p.Service.Name}}
	if out.Case.Email != "" {
		q.Set("mail", "1") // never the address itself: addresses stay out of logs
	}
	redirect(w, r, hpAssistPath+"/eingereicht?"+q.Encode())
	return nil
}

// hpAssistFailed shows the page again with the problems; nothing was
// filed.
func (s *Server) hpAssistFailed(w http.ResponseWriter, r *http.Request, v url.Values, err error, answers form.Answers) error {
	if !fault.Is(err, fault.Invalid) {
		return err
	}
	if answers == nil {
		answers = form.Answers{}
	}
	p, lerr := s.hpAssist(r, v, err, answers)
	if lerr != nil {
		return lerr
	}
	return s.renderStatus(w, r, http.StatusBadRequest, "helppoints_assist", p)
}

// hpAssistDonePage confirms a filed application with its reference.
type hpAssistDonePage struct {
	Page
	Reference, Service string
	Mailed             bool
}

// handleHPAssistDone shows the reference to give to the citizen. It shows
// only what its address holds.
func (s *Server) handleHPAssistDone(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if !cases.ValidReference(q.Get("az")) {
		return errNotFound
	}
	p := hpAssistDonePage{Page: s.page(r, "helppoints.assist.done"), Reference: q.Get("az"), Service: q.Get("leistung"),
		Mailed: q.Get("mail") == "1"}
	return s.render(w, r, "helppoints_assist_done", p)
}

// hpAssistText are the texts of the one-page form.
var hpAssistText = oneFormText{
	Intro:       "helppoints.assist.intro",
	Service:     "helppoints.assist.service",
	Next:        "helppoints.assist.next",
	NoServices:  "helppoints.assist.no_services",
	For:         "helppoints.assist.for",
	Other:       "helppoints.assist.other",
	Conditional: "helppoints.assist.conditional",
	Submit:      "helppoints.assist.submit",
}
