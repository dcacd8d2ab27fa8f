package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/inquiry"
	"rathaus/internal/org"
)

// inquiryZone is the city's zone, for the times staff see.
var inquiryZone = cityLocation()

// inquiryWhen is a date and time in the page's language.
func (s *Server) inquiryWhen(p Page, t time.Time) string {
	t = t.In(inquiryZone)
	return p.Date(t) + ", " + t.Format("15:04")
}

// inquiryOption is an option of the unit or category select.
type inquiryOption struct {
	Value, Label string
	Selected     bool
}

// inquiryReplyRow is a reply as staff see it.
type inquiryReplyRow struct {
	Body, Meta string
}

// inquiryViewPage is one message for staff.
type inquiryViewPage struct {
	Page
	Q          *inquiry.Inquiry
	Received   string
	Source     string
	Status     badge
	Queue      string
	Suggestion string
	Because    string
	Category   string
	Units      []inquiryOption
	Categories []inquiryOption
	Replies    []inquiryReplyRow
	Services   []inquiryOption // catalogue services the message concerns: URL in Value, name in Label
	Closed     bool
	Base       string // the message's URL
}

// handleInquiryView shows a message; the read is recorded in the audit log.
func (s *Server) handleInquiryView(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.inquiryView(r, id)
	if err != nil {
		return err
	}
	return s.render(w, r, "inquiry_staff_view", p)
}

func (s *Server) inquiryView(r *http.Request, id int64) (inquiryViewPage, error) {
	ctx := r.Context()
	v, err := s.opts.Inquiries.Open(ctx, actorOf(r), id)
	if err != nil {
		return inquiryViewPage{}, err
	}
	q := v.Inquiry
	names, err := s.orgNames(ctx)
	if err != nil {
		return inquiryViewPage{}, err
	}
	p := inquiryViewPage{Page: s.page(r, "inquiry.staff.title"), Q: q, Source: s.t(r, "inquiry.source."+q.Source),
		Status: s.inquiryStatusBadge(r, q), Suggestion: s.suggestionText(r, q.Suggested, names),
		Because: s.becauseText(r, q.Suggested), Closed: q.Status == inquiry.StatusClosed, Base: inquiryStaffURL(q.ID)}
	p.Title = s.t(r, "inquiry.view.title", q.Reference)
	p.Received = s.inquiryWhen(p.Page, q.CreatedAt)
	if q.Status == inquiry.StatusTriage {
		p.Queue = s.t(r, "inquiry.staff.triage")
	} else if q.OrgID != nil && names[*q.OrgID] != nil {
		p.Queue = names[*q.OrgID].Name
	}
	if err := s.inquiryChoices(r, &p, names); err != nil {
		return p, err
	}
	p.Services = s.inquiryServices(r, q.ServiceIDs)
	for _, rp := range v.Replies {
		p.Replies = append(p.Replies, inquiryReplyRow{Body: rp.Body,
			Meta: s.t(r, "inquiry.replies.meta", s.inquiryWhen(p.Page, rp.At), s.t(r, "role."+rp.Role))})
	}
	return p, nil
}

// inquiryChoices fills the unit and category selects: the current unit
// (else the suggestion) and category (else the suggested one) preselected.
func (s *Server) inquiryChoices(r *http.Request, p *inquiryViewPage, names map[int64]*org.Org) error {
	q := p.Q
	unit := q.Suggested.OrgID
	cat := q.Suggested.Category
	if q.Status != inquiry.StatusTriage {
		unit, cat = q.OrgID, q.Category
	}
	for _, o := range sortedOrgs(names) {
		p.Units = append(p.Units, inquiryOption{Value: strconv.FormatInt(o.ID, 10), Label: o.Name,
			Selected: unit != nil && *unit == o.ID})
	}
	cats, err := s.opts.Inquiries.Categories(r.Context())
	if err != nil {
		return err
	}
	p.Categories = append(p.Categories, inquiryOption{Value: "", Label: s.t(r, "inquiry.assign.no_category"), Selected: cat == ""})
	for _, c := range cats {
		p.Categories = append(p.Categories, inquiryOption{Value: c.Slug, Label: c.Name, Selected: c.Slug == cat})
		if c.Slug == q.Category {
			p.Category = c.Name
		}
	}
	return nil
}

// sortedOrgs are the organisations by name.
func sortedOrgs(m map[int64]*org.Org) []*org.Org {
	out := make([]*org.Org, 0, len(m))
	for _, o := range m {
		out = append(out, o)
	}
	slices.SortFunc(out, func(a, b *org.Org) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// inquiryServices links the published services a message concerns (from
// the assistant's conversation); unknown or archived ones are left out.
func (s *Server) inquiryServices(r *http.Request, ids []int64) []inquiryOption {
	if s.opts.Services == nil {
		return nil
	}
	var out []inquiryOption
	for _, id := range ids {
		if sv, err := s.opts.Services.PublicService(r.Context(), id); err == nil {
			out = append(out, inquiryOption{Value: serviceURL(id), Label: sv.Name})
		}
	}
	return out
}
