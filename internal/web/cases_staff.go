package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/form"
	"rathaus/internal/org"
)

// casesStaffRoutes are the staff side of online applications: the work
// queue, a case with its transitions, assignment, notes and mailbox,
// recording cases that arrived on paper, by phone or in person, and the
// bank statement import. cases.Service decides who may see which case;
// these pages only ask. They answer 404 when the server takes no
// applications, 403 to users who work no cases.
func (s *Server) casesStaffRoutes() []route {
	w := func(h handlerFunc) handlerFunc { return s.withCaseWork(s.requireUser(s.requireCaseStaff(h))) }
	return []route{
		{"GET /amt/antraege", w(s.handleCSQueue)},
		{"GET /amt/antraege/erfassen", w(s.handleCSRecordForm)},
		{"POST /amt/antraege/erfassen", w(s.handleCSRecord)},
		{"GET /amt/antraege/{id}", w(s.handleCSCase)},
		{"POST /amt/antraege/{id}/schritt", w(s.handleCSStep)},
		{"POST /amt/antraege/{id}/bearbeitung", w(s.handleCSEdit)},
		{"POST /amt/antraege/{id}/notizen", w(s.handleCSNote)},
		{"POST /amt/antraege/{id}/nachrichten", w(s.handleCSMessage)},
		{"GET /amt/antraege/{id}/dateien/{file}", w(s.handleCSFile)},
		{"GET /amt/antraege/{id}/quittung.pdf", w(s.handleCSReceipt)},
		{"GET /amt/zahlungen", w(s.handleCSPaymentsForm)},
		{"POST /amt/zahlungen", w(s.handleCSPayments)},
	}
}

// withCaseWork answers 404 when the server takes no applications.
func (s *Server) withCaseWork(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Cases == nil || s.opts.Forms == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// requireCaseStaff lets in users who work the cases of some unit.
func (s *Server) requireCaseStaff(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ok, err := s.opts.Cases.IsStaff(r.Context(), actorOf(r))
		if err != nil {
			return err
		}
		if !ok {
			return fault.New(fault.Forbidden, "error.cases.not_staff")
		}
		return h(w, r)
	}
}

// csPath is the staff page of a case.
func csPath(id int64) string { return "/amt/antraege/" + strconv.FormatInt(id, 10) }

// csOption is one choice of a select or a set of radio buttons.
type csOption struct {
	Value, Label string
	Selected     bool
}

// csLookup names what the staff pages show by ID, reading each once per
// request: services, workflows of form versions, people and units.
type csLookup struct {
	s         *Server
	ctx       context.Context
	services  map[int64]*catalog.Service
	workflows map[[2]int64]*cases.Workflow
	people    map[int64]string
	units     map[int64]string
}

func (s *Server) csLookup(ctx context.Context) *csLookup {
	return &csLookup{s: s, ctx: ctx, services: map[int64]*catalog.Service{}, workflows: map[[2]int64]*cases.Workflow{},
		people: map[int64]string{}, units: map[int64]string{}}
}

// service returns a service by ID; a withdrawn one gets its number as name.
func (l *csLookup) service(id int64) *catalog.Service {
	if sv, ok := l.services[id]; ok {
		return sv
	}
	sv, err := l.s.opts.Services.PublicService(l.ctx, id)
	if err != nil {
		sv = &catalog.Service{ID: id}
		sv.Name = "#" + strconv.FormatInt(id, 10)
	}
	l.services[id] = sv
	return sv
}

// workflow returns the workflow of the form version c was filled with.
func (l *csLookup) workflow(c *cases.Case) *cases.Workflow {
	k := [2]int64{c.ServiceID, int64(c.FormVersion)}
	if w, ok := l.workflows[k]; ok {
		return w
	}
	var f *form.Form
	if c.FormVersion > 0 {
		f, _ = l.s.opts.Forms.FindForm(l.ctx, c.ServiceID, c.FormVersion)
	}
	w, err := cases.WorkflowOf(f)
	if err != nil {
		w = cases.Default()
	}
	l.workflows[k] = w
	return w
}

// person returns an account's display name, or its e-mail address.
func (l *csLookup) person(id *int64) string {
	if id == nil {
		return ""
	}
	if n, ok := l.people[*id]; ok {
		return n
	}
	n := "#" + strconv.FormatInt(*id, 10)
	if l.s.opts.Accounts != nil {
		if u, err := l.s.opts.Accounts.Store.FindUserByID(l.ctx, *id); err == nil {
			n = u.DisplayName
			if n == "" {
				n = u.Email
			}
		}
	}
	l.people[*id] = n
	return n
}

// unit returns an organisation unit's name.
func (l *csLookup) unit(id *int64) string {
	if id == nil {
		return ""
	}
	if n, ok := l.units[*id]; ok {
		return n
	}
	n := "#" + strconv.FormatInt(*id, 10)
	if o, err := l.s.opts.Orgs.Store.FindOrgByID(l.ctx, *id); err == nil {
		n = o.Name
	}
	l.units[*id] = n
	return n
}

// csStateLabel is a state's label in lang.
func csStateLabel(lang string, st cases.State) string {
	if lang == "en" && st.LabelEN != "" {
		return st.LabelEN
	}
	if st.LabelDE == "" {
		return st.ID
	}
	return st.LabelDE
}

// csTransitionLabel is an action's label in lang.
func csTransitionLabel(lang string, t cases.Transition) string {
	if lang == "en" && t.LabelEN != "" {
		return t.LabelEN
	}
	return t.LabelDE
}

// csUnits are the units a may pick from: its own, or every unit for a
// platform admin.
func (s *Server) csUnits(ctx context.Context, a org.Actor) ([]*org.Org, error) {
	ids, all, err := s.opts.Cases.Units(ctx, a)
	if err != nil {
		return nil, err
	}
	orgs, err := s.opts.Orgs.Store.FindOrgs(ctx)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(orgs, func(o *org.Org) bool {
		if all {
			return o.Kind != org.KindUnit
		}
		return !slices.Contains(ids, o.ID)
	}), nil
}

// csService is a service of a's units that takes applications.
type csService struct {
	*catalog.Service
	Form *form.Form // the published version
}

// csServices lists the services of a's units with a published form, by
// name.
func (s *Server) csServices(ctx context.Context, a org.Actor) ([]csService, error) {
	ids, all, err := s.opts.Cases.Units(ctx, a)
	if err != nil {
		return nil, err
	}
	return s.formServices(ctx, func(sv *catalog.Service) bool {
		return all || sv.OrgID != nil && slices.Contains(ids, *sv.OrgID)
	})
}

// formServices lists the services with a published form that keep
// says yes to, by name.
func (s *Server) formServices(ctx context.Context, keep func(*catalog.Service) bool) ([]csService, error) {
	infos, err := s.opts.Forms.Forms(ctx)
	if err != nil {
		return nil, err
	}
	var out []csService
	for _, in := range infos {
		if in.Published == 0 {
			continue
		}
		f, sv, err := s.opts.Cases.Form(ctx, in.ServiceID)
		if err != nil {
			continue // withdrawn from the catalogue meanwhile
		}
		if keep(sv) {
			out = append(out, csService{sv, f})
		}
	}
	slices.SortFunc(out, func(a, b csService) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// csDate writes a day in the city's zone: "30.11.2026" or "30 Nov 2026".
func (s *Server) csDate(lang string, t time.Time) string {
	t = t.In(s.opts.Location)
	if lang == "en" {
		return t.Format("2 Jan 2006")
	}
	return t.Format("02.01.2006")
}

// csTime writes an instant in the city's zone.
func (s *Server) csTime(r *http.Request, t time.Time) string { return s.catalogTime(r, t) }

// csDueBadge is the deadline warning of a case: text, not only colour.
func csDueBadge(r *http.Request, s *Server, due string) *badge {
	switch due {
	case cases.DueOverdue:
		return &badge{"danger", s.t(r, "cases_staff.due.overdue")}
	case cases.DueSoon:
		return &badge{"warning", s.t(r, "cases_staff.due.soon")}
	}
	return nil
}

// csFeeBadge says whether a case's fee is paid.
func csFeeBadge(r *http.Request, s *Server, c *cases.Case) *badge {
	switch {
	case c.FeeCents <= 0:
		return nil
	case c.PaidCents >= c.FeeCents:
		return &badge{"success", s.t(r, "cases_staff.fee.paid")}
	}
	return &badge{"warning", s.t(r, "cases_staff.fee.open", euro(langOf(r), c.FeeCents-c.PaidCents))}
}

// csChannelLabel names how a case arrived.
func csChannelLabel(r *http.Request, s *Server, ch string) string {
	return s.t(r, "cases.receipt.channel."+ch)
}
