package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/cases"
	"rathaus/internal/org"
)

// csPageSize is how many cases one queue page lists.
const csPageSize = 25

// csQueuePage is the work queue: the cases of the user's units that
// match the filters, one page at a time.
type csQueuePage struct {
	Page
	Query    csQuery
	Rows     []csRow
	Total    int
	From, To int // the rows shown, counting from 1
	PrevURL  string
	NextURL  string
	Quick    []csQuick
	States   []csStateGroup
	Services []csOption
	Units    []csOption
	Channels []csOption
	Assign   []csOption
	Due      []csOption
}

// csRow is one case in the queue.
type csRow struct {
	URL, Reference, Service, Applicant string
	Submitted, State, Channel          string
	Assignee, Deadline                 string
	Due, Fee                           *badge
	Unread                             string // "2 neue Nachrichten", "" when none
}

// csQuick is a tab of the queue: a common filter as a link.
type csQuick struct {
	Label, URL string
	Current    bool
}

// csStateGroup is the states of one kind, for an optgroup.
type csStateGroup struct {
	Label   string
	Options []csOption
}

// csQuery is the queue's filter as the GET form sends it.
type csQuery struct {
	State   string // a state ID or "kind:<kind>"
	Service string
	Unit    string
	Assign  string // "mir" or "niemand"
	Channel string
	Due     string // "bald" (soon or overdue) or "ueberschritten"
	Unpaid  bool
	Search  string
	Page    int // from 1
}

func csQueryOf(v url.Values) csQuery {
	q := csQuery{State: v.Get("status"), Service: v.Get("leistung"), Unit: v.Get("einheit"), Assign: v.Get("zuweisung"),
		Channel: v.Get("kanal"), Due: v.Get("frist"), Unpaid: v.Get("offen") == "1", Search: strings.TrimSpace(v.Get("suche"))}
	if len([]rune(q.Search)) > 100 {
		q.Search = string([]rune(q.Search)[:100])
	}
	q.Page, _ = strconv.Atoi(v.Get("seite"))
	if q.Page < 1 {
		q.Page = 1
	}
	return q
}

// values are the query's non-empty parameters.
func (q csQuery) values() url.Values {
	v := url.Values{}
	set := func(k, x string) {
		if x != "" {
			v.Set(k, x)
		}
	}
	set("status", q.State)
	set("leistung", q.Service)
	set("einheit", q.Unit)
	set("zuweisung", q.Assign)
	set("kanal", q.Channel)
	set("frist", q.Due)
	set("suche", q.Search)
	if q.Unpaid {
		v.Set("offen", "1")
	}
	if q.Page > 1 {
		v.Set("seite", strconv.Itoa(q.Page))
	}
	return v
}

// URL is the queue with this filter.
func (q csQuery) URL() string {
	if v := q.values(); len(v) > 0 {
		return "/amt/antraege?" + v.Encode()
	}
	return "/amt/antraege"
}

// Filtered reports whether any filter is set.
func (q csQuery) Filtered() bool { q.Page = 1; return len(q.values()) > 0 }

// handleCSQueue lists the cases of the user's units.
func (s *Server) handleCSQueue(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actorOf(r)
	q := csQueryOf(r.URL.Query())
	services, err := s.csServices(ctx, a)
	if err != nil {
		return err
	}
	workflows := []*cases.Workflow{cases.Default()}
	for _, sv := range services {
		if wf, err := cases.WorkflowOf(sv.Form); err == nil {
			workflows = append(workflows, wf)
		}
	}
	f := s.csFilter(r, q, workflows)
	list, total, err := s.opts.Cases.Queue(ctx, a, f)
	if err != nil {
		return err
	}
	p := csQueuePage{Page: s.page(r, "cases_staff.queue.title"), Query: q, Total: total}
	l := s.csLookup(ctx)
	unread, err := s.opts.Cases.UnreadFromApplicants(ctx, list)
	if err != nil {
		return err
	}
	for _, c := range list {
		row := s.csRow(r, l, c)
		if n := unread[c.ID]; n > 0 {
			row.Unread = s.t(r, "cases_staff.queue.unread", n)
		}
		p.Rows = append(p.Rows, row)
	}
	if len(list) > 0 {
		p.From, p.To = f.Offset+1, f.Offset+len(list)
	}
	if q.Page > 1 {
		prev := q
		prev.Page--
		p.PrevURL = prev.URL()
	}
	if f.Offset+len(list) < total {
		next := q
		next.Page++
		p.NextURL = next.URL()
	}
	p.Quick = s.csQuick(r, q)
	p.States = s.csStateGroups(r, workflows, q.State)
	for _, sv := range services {
		id := strconv.FormatInt(sv.ID, 10)
		p.Services = append(p.Services, csOption{id, sv.Name, id == q.Service})
	}
	units, err := s.csUnits(ctx, a)
	if err != nil {
		return err
	}
	p.Units = csUnitOptions(units, q.Unit)
	for _, ch := range cases.Channels {
		p.Channels = append(p.Channels, csOption{ch, csChannelLabel(r, s, ch), ch == q.Channel})
	}
	p.Assign = []csOption{{"mir", s.t(r, "cases_staff.filter.assign_me"), q.Assign == "mir"},
		{"niemand", s.t(r, "cases_staff.filter.assign_none"), q.Assign == "niemand"}}
	p.Due = []csOption{{"bald", s.t(r, "cases_staff.filter.due_soon"), q.Due == "bald"},
		{"ueberschritten", s.t(r, "cases_staff.filter.due_overdue"), q.Due == "ueberschritten"}}
	return s.render(w, r, "cases_staff_queue", p)
}

func csUnitOptions(units []*org.Org, selected string) []csOption {
	var out []csOption
	for _, u := range units {
		id := strconv.FormatInt(u.ID, 10)
		out = append(out, csOption{id, u.Name, id == selected})
	}
	return out
}

// csFilter turns the query into the domain's filter. Deadline filters
// leave decided and closed cases out, whose deadlines no longer count.
func (s *Server) csFilter(r *http.Request, q csQuery, workflows []*cases.Workflow) cases.Filter {
	f := cases.Filter{Limit: csPageSize, Offset: (q.Page - 1) * csPageSize, Unpaid: q.Unpaid, Query: q.Search}
	if kind, ok := strings.CutPrefix(q.State, "kind:"); ok {
		f.States = csStatesOfKinds(workflows, kind)
	} else if q.State == "" {
		// The work queue: what is still to do, unless asked for more.
		f.States = csStatesOfKinds(workflows, cases.KindReceived, cases.KindOpen, cases.KindWaiting)
	} else if q.State != csAllStates {
		f.States = []string{q.State}
	}
	if id, err := strconv.ParseInt(q.Service, 10, 64); err == nil {
		f.ServiceID = id
	}
	if id, err := strconv.ParseInt(q.Unit, 10, 64); err == nil {
		f.OrgIDs = []int64{id}
	}
	switch q.Assign {
	case "mir":
		uid := currentUser(r).ID
		f.AssigneeID = &uid
	case "niemand":
		f.Unassigned = true
	}
	if slices.Contains(cases.Channels, q.Channel) {
		f.Channel = q.Channel
	}
	now := s.now()
	switch q.Due {
	case "ueberschritten":
		f.DueBefore = &now
	case "bald":
		soon := now.Add(s.opts.Cases.WarnPeriod())
		f.DueBefore = &soon
	}
	if f.DueBefore != nil && q.State == "" {
		f.States = csStatesOfKinds(workflows, cases.KindReceived, cases.KindOpen, cases.KindWaiting)
	}
	return f
}

// csStatesOfKinds lists the IDs of the states of these kinds in any of the
// workflows.
func csStatesOfKinds(workflows []*cases.Workflow, kinds ...string) []string {
	var out []string
	for _, w := range workflows {
		for _, st := range w.States {
			if slices.Contains(kinds, st.Kind) && !slices.Contains(out, st.ID) {
				out = append(out, st.ID)
			}
		}
	}
	if len(out) == 0 {
		out = []string{"-"} // matches nothing, rather than everything
	}
	return out
}

// csKinds are the kinds of state in the order a case passes them.
var csKinds = []string{cases.KindReceived, cases.KindOpen, cases.KindWaiting, cases.KindDecided, cases.KindClosed}

// csStateGroups are the state filter's choices, grouped by kind; each
// group starts with all states of its kind.
func (s *Server) csStateGroups(r *http.Request, workflows []*cases.Workflow, selected string) []csStateGroup {
	lang := langOf(r)
	var out []csStateGroup
	for _, kind := range csKinds {
		label := s.t(r, "cases_staff.kind."+kind)
		g := csStateGroup{Label: label, Options: []csOption{{"kind:" + kind, s.t(r, "cases_staff.filter.kind_all", label), selected == "kind:"+kind}}}
		seen := map[string]bool{}
		for _, w := range workflows {
			for _, st := range w.States {
				if st.Kind == kind && !seen[st.ID] {
					seen[st.ID] = true
					g.Options = append(g.Options, csOption{st.ID, csStateLabel(lang, st), selected == st.ID})
				}
			}
		}
		out = append(out, g)
	}
	return out
}

// csAllStates is the state filter that shows decided and closed cases
// too; without a state filter the queue shows the cases still to do.
const csAllStates = "alle"

// csQuick are the queue's tabs.
func (s *Server) csQuick(r *http.Request, q csQuery) []csQuick {
	tabs := []struct {
		key string
		q   csQuery
	}{
		{"cases_staff.quick.open", csQuery{}},
		{"cases_staff.quick.mine", csQuery{Assign: "mir"}},
		{"cases_staff.quick.unassigned", csQuery{Assign: "niemand"}},
		{"cases_staff.quick.due", csQuery{Due: "bald"}},
		{"cases_staff.quick.waiting", csQuery{State: "kind:" + cases.KindWaiting}},
		{"cases_staff.quick.all", csQuery{State: csAllStates}},
	}
	cur := q
	cur.Page = 1
	var out []csQuick
	for _, t := range tabs {
		t.q.Page = 1
		out = append(out, csQuick{Label: s.t(r, t.key), URL: t.q.URL(), Current: t.q == cur})
	}
	return out
}

// csRow prepares one case for the queue.
func (s *Server) csRow(r *http.Request, l *csLookup, c *cases.Case) csRow {
	lang := langOf(r)
	w := l.workflow(c)
	st, _ := w.State(c.State)
	row := csRow{URL: csPath(c.ID), Reference: c.Reference, Service: l.service(c.ServiceID).Name, Applicant: c.Name,
		Submitted: s.csDate(lang, c.SubmittedAt), State: csStateLabel(lang, st), Channel: csChannelLabel(r, s, c.Channel),
		Assignee: l.person(c.AssigneeID), Due: csDueBadge(r, s, s.opts.Cases.Due(c, w)), Fee: csFeeBadge(r, s, c)}
	if c.Deadline != nil {
		row.Deadline = s.csDate(lang, *c.Deadline)
	}
	return row
}

// csSelect is one select of the filter form ("cs-select").
type csSelect struct {
	Name, Label, Any string
	Options          []csOption
}

// Select prepares a select of the filter form with a translated label.
func (p csQueuePage) Select(name, label string, options []csOption) csSelect {
	return csSelect{Name: name, Label: label, Any: p.T("cases_staff.filter.any"), Options: options}
}
