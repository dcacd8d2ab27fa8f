package web

import (
	"context"
	"net/http"
	"strconv"

	"rathaus/internal/fault"
	"rathaus/internal/inquiry"
	"rathaus/internal/org"
)

// Messages to the city (inquiry_*.go): the citizens' form /anliegen with
// its confirmation, the staff queues under /amt/anliegen (the service
// office's triage queue and each unit's queue) with assigning — which
// teaches the routing —, replying and closing, and the JSON API under
// /api/v1/inquiries. The routes exist without the service too (404), so
// the table and the API document agree either way.
func (s *Server) inquiryRoutes() []route {
	q := s.withInquiries
	st := func(h handlerFunc) handlerFunc { return q(s.requireUser(s.requireInquiryStaff(h))) }
	return []route{
		{"GET /anliegen", q(s.handleInquiryForm)},
		{"POST /anliegen", q(s.handleInquirySubmit)},
		{"GET /anliegen/eingegangen", q(s.handleInquiryThanks)},
		{"GET /amt/anliegen", st(s.handleInquiryQueue)},
		{"GET /amt/anliegen/{id}", st(s.handleInquiryView)},
		{"POST /amt/anliegen/{id}/zuordnen", st(s.handleInquiryAssign)},
		{"POST /amt/anliegen/{id}/antworten", st(s.handleInquiryReply)},
		{"POST /amt/anliegen/{id}/abschliessen", st(s.handleInquiryClose)},
		{"POST /api/v1/inquiries", q(s.handleAPIInquirySubmit)},
		{"GET /api/v1/inquiries", q(s.requireAPIUser(s.handleAPIInquiries))},
		{"POST /api/v1/inquiries/{id}/assign", q(s.requireAPIUser(s.handleAPIInquiryAssign))},
	}
}

// withInquiries answers 404 when the server takes no messages.
func (s *Server) withInquiries(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Inquiries == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// requireInquiryStaff lets in who works some queue of messages.
func (s *Server) requireInquiryStaff(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ok, err := s.opts.Inquiries.IsStaff(r.Context(), actorOf(r))
		if err != nil {
			return err
		}
		if !ok {
			return fault.New(fault.Forbidden, "error.inquiry.not_staff")
		}
		return h(w, r)
	}
}

func inquiryStaffURL(id int64) string { return "/amt/anliegen/" + strconv.FormatInt(id, 10) }

// orgNames maps every organisation's ID to its name.
func (s *Server) orgNames(ctx context.Context) (map[int64]*org.Org, error) {
	orgs, err := s.opts.Orgs.Store.FindOrgs(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[int64]*org.Org, len(orgs))
	for _, o := range orgs {
		m[o.ID] = o
	}
	return m, nil
}

// inquiryStatusBadge is the badge of a message's status.
func (s *Server) inquiryStatusBadge(r *http.Request, q *inquiry.Inquiry) badge {
	kind := map[string]string{inquiry.StatusTriage: "warning", inquiry.StatusOpen: "info",
		inquiry.StatusAnswered: "success", inquiry.StatusClosed: "info"}[q.Status]
	return badge{Kind: kind, Label: s.t(r, "inquiry.status."+q.Status)}
}
