package web

import (
	"net/http"
	"net/url"
	"strconv"

	"rathaus/internal/fault"
	fb "rathaus/internal/feedback"
)

// The satisfaction question: a widget on the confirmation pages of an
// application and of an appointment posts here; this page shows the
// answer given, which the citizen may change. Only who may see the
// subject may answer about it: the applicant of a case (account or the
// status link's secret), the holder of an appointment's management link.

// satisfactionSlugs map the German path segment to the subject kind.
// Reports have no pages yet; their kind is ready in the domain.
var satisfactionSlugs = map[string]string{"antrag": fb.KindCase, "termin": fb.KindAppointment}

// satisfactionSubject is a subject the visitor may answer about.
type satisfactionSubject struct {
	fb.Answer
	Label   string // translated: what the question is about
	BackURL string // the subject's page
	URL     string // this page, with the appointment's token
}

// satisfactionURL is the page of the answer about a case or (with the
// management token) an appointment.
func satisfactionURL(slug string, id int64, token string) string {
	u := "/feedback/zufriedenheit/" + slug + "/" + strconv.FormatInt(id, 10)
	if token != "" {
		u += "?t=" + url.QueryEscape(token)
	}
	return u
}

// satisfactionSubjectOf resolves the path to a subject the visitor may
// answer about; 404 for everything else.
func (s *Server) satisfactionSubjectOf(r *http.Request) (*satisfactionSubject, error) {
	slug := r.PathValue("kind")
	kind := satisfactionSlugs[slug]
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if kind == "" || err != nil {
		return nil, errNotFound
	}
	sub := &satisfactionSubject{Answer: fb.Answer{Subject: fb.Subject{Kind: kind, ID: id}}}
	switch kind {
	case fb.KindCase:
		if s.opts.Cases == nil {
			return nil, errNotFound
		}
		v, err := s.opts.Cases.CitizenView(r.Context(), s.citizenOf(r, id), id)
		if err != nil {
			return nil, err
		}
		sub.ServiceID, sub.OrgID = v.Case.ServiceID, v.Case.OrgID
		sub.Label = s.t(r, "feedback.satisfaction.about_case", v.Case.Reference)
		sub.BackURL, sub.URL = myCaseURL(id), satisfactionURL(slug, id, "")
	case fb.KindAppointment:
		if s.opts.Appointments == nil {
			return nil, errNotFound
		}
		token := r.FormValue("t")
		b, err := s.opts.Appointments.ByManage(r.Context(), token)
		if err != nil || b.ID != id {
			return nil, errNotFound
		}
		if len(b.ServiceIDs) > 0 {
			sub.ServiceID = b.ServiceIDs[0]
		}
		if s.opts.Services != nil {
			if o, err := s.opts.Services.Office(r.Context(), b.OfficeID); err == nil {
				sub.OrgID = o.OrgID
			}
		}
		sub.Label = s.t(r, "feedback.satisfaction.about_appointment", b.Code)
		sub.BackURL, sub.URL = "/termine/verwalten?t="+url.QueryEscape(token), satisfactionURL(slug, id, token)
	}
	return sub, nil
}

// satisfactionPage asks, or shows and changes, the one answer.
type satisfactionPage struct {
	Page
	Subject  *satisfactionSubject
	Answered bool
	Action   string
	Token    string // the appointment's management token, posted back
}

func (s *Server) satisfactionPageOf(r *http.Request, sub *satisfactionSubject) (satisfactionPage, error) {
	p := satisfactionPage{Page: s.page(r, "feedback.satisfaction.title"), Subject: sub, Action: sub.URL,
		Token: r.FormValue("t")}
	got, err := s.opts.Feedback.Store.FindSatisfaction(r.Context(), sub.Subject)
	switch {
	case err == nil:
		p.Answered = true
		p.Form = s.newForm(r, url.Values{"rating": {strconv.Itoa(got.Rating)}, "comment": {got.Comment}})
	case !fault.Is(err, fault.NotFound):
		return p, err
	}
	return p, nil
}

// handleSatisfactionForm shows the question with the answer given so far.
func (s *Server) handleSatisfactionForm(w http.ResponseWriter, r *http.Request) error {
	sub, err := s.satisfactionSubjectOf(r)
	if err != nil {
		return err
	}
	p, err := s.satisfactionPageOf(r, sub)
	if err != nil {
		return err
	}
	return s.render(w, r, "feedback_satisfaction", p)
}

// handleSatisfaction stores the answer, or changes the one given.
func (s *Server) handleSatisfaction(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	sub, err := s.satisfactionSubjectOf(r)
	if err != nil {
		return err
	}
	a := sub.Answer
	a.Rating, _ = strconv.Atoi(values.Get("rating"))
	a.Comment = values.Get("comment")
	_, changed, err := s.opts.Feedback.Answer(r.Context(), a)
	if fault.Is(err, fault.Invalid) {
		p, perr := s.satisfactionPageOf(r, sub)
		if perr != nil {
			return perr
		}
		p.Form = s.formFor(r, values, err)
		return s.renderStatus(w, r, statusOf(err), "feedback_satisfaction", p)
	}
	if err != nil {
		return err
	}
	key := "feedback.flash.saved"
	if changed {
		key = "feedback.flash.changed"
	}
	return s.redirectFlash(w, r, sub.URL, key)
}
