package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// The staff side of the application API: the queue of the token user's
// units, one case with answers and notes, workflow transitions with
// optimistic locking, and the export rathaus-case/1. A case outside the
// user's units is 404, as if it did not exist.

// Paging of the API queue.
const (
	apiQueueLimit    = 50
	apiQueueMaxLimit = 200
)

// apiQueueFilter reads the queue's query parameters:
// state (repeatable or comma-separated), service_id, assigned=me|none,
// overdue=true, unpaid=true, q, limit, offset.
func (s *Server) apiQueueFilter(r *http.Request) (cases.Filter, error) {
	v := r.URL.Query()
	f := cases.Filter{Limit: apiQueueLimit, Query: strings.TrimSpace(v.Get("q"))}
	var fv fault.Validator
	for _, st := range v["state"] {
		for _, id := range strings.Split(st, ",") {
			if id = strings.TrimSpace(id); id != "" {
				f.States = append(f.States, id)
			}
		}
	}
	if raw := v.Get("service_id"); raw != "" {
		id, err := strconv.ParseInt(raw, 10, 64)
		fv.Check(err == nil && id > 0, "service_id", "error.cases_api.service_id")
		f.ServiceID = max(id, 0)
	}
	f.Limit = int(queryInt(&fv, v, "limit", 1, apiQueueMaxLimit, apiQueueLimit))
	f.Offset = int(queryInt(&fv, v, "offset", 0, 1<<30, 0))
	switch v.Get("assigned") {
	case "":
	case "me":
		uid := currentUser(r).ID
		f.AssigneeID = &uid
	case "none":
		f.Unassigned = true
	default:
		fv.Add("assigned", "error.cases_api.assigned")
	}
	f.Unpaid = queryBool(&fv, v, "unpaid")
	if queryBool(&fv, v, "overdue") {
		now := s.now().UTC()
		f.DueBefore = &now
		if len(f.States) == 0 {
			f.States = s.undecidedStates(r, f.ServiceID)
		}
	}
	return f, fv.Err()
}

// undecidedStates are the states in which a deadline counts (not decided
// or closed) in the workflows of the published forms: of the service when
// the queue is narrowed to one, else of all, and of the default workflow.
// A state ID decided in one workflow but not in another counts.
func (s *Server) undecidedStates(r *http.Request, serviceID int64) []string {
	ctx := r.Context()
	forms := s.opts.Cases.Forms
	flows := []*cases.Workflow{cases.Default()}
	var versions []form.Info
	if serviceID != 0 {
		versions = []form.Info{{ServiceID: serviceID}}
	} else if all, err := forms.Forms(ctx); err == nil {
		versions = all
	}
	for _, info := range versions {
		f, err := forms.PublishedForm(ctx, info.ServiceID)
		if err != nil {
			continue
		}
		if w, err := cases.WorkflowOf(f); err == nil {
			flows = append(flows, w)
		}
	}
	var out []string
	for _, w := range flows {
		for _, st := range w.States {
			if st.Kind != cases.KindDecided && st.Kind != cases.KindClosed && !slices.Contains(out, st.ID) {
				out = append(out, st.ID)
			}
		}
	}
	return out
}

// queryInt reads an integer parameter within [lo, hi]; def when absent.
func queryInt(fv *fault.Validator, v url.Values, name string, lo, hi, def int64) int64 {
	raw := v.Get(name)
	if raw == "" {
		return def
	}
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || n < lo || n > hi {
		fv.Add(name, "error.cases_api.number", lo, hi)
		return def
	}
	return n
}

// queryBool reads true or false; absent is false.
func queryBool(fv *fault.Validator, v url.Values, name string) bool {
	switch v.Get(name) {
	case "", "false":
		return false
	case "true":
		return true
	}
	fv.Add(name, "error.cases_api.bool")
	return false
}

// handleAPIQueue lists one page of the cases of the token user's units,
// deadline first, with the number of all matches.
func (s *Server) handleAPIQueue(w http.ResponseWriter, r *http.Request) error {
	f, err := s.apiQueueFilter(r)
	if err != nil {
		return err
	}
	cs, total, err := s.opts.Cases.Queue(r.Context(), actorOf(r), f)
	if err != nil {
		return err
	}
	l := s.newAPILookup(r)
	out := []apiStaffItemJSON{}
	for _, c := range cs {
		out = append(out, s.apiStaffItem(c, l.workflow(c), l.item(c)))
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"items": out, "total": total})
}

func (s *Server) apiStaffItem(c *cases.Case, wf *cases.Workflow, item apiCaseItemJSON) apiStaffItemJSON {
	return apiStaffItemJSON{apiCaseItemJSON: item, Due: s.opts.Cases.Due(c, wf), Channel: c.Channel,
		OrgID: c.OrgID, AssigneeID: c.AssigneeID, Name: c.Name}
}

// staffCaseView opens case {id} for the token user; the read of personal
// data is audited.
func (s *Server) staffCaseView(r *http.Request, id int64) (*cases.View, error) {
	return s.opts.Cases.StaffView(r.Context(), actorOf(r), id)
}

func (s *Server) handleAPIStaffCase(w http.ResponseWriter, r *http.Request) error {
	id, err := apiPathID(r, "id")
	if err != nil {
		return err
	}
	v, err := s.staffCaseView(r, id)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, s.apiStaffCase(r, v))
}

func (s *Server) apiStaffCase(r *http.Request, v *cases.View) apiStaffCaseJSON {
	c := v.Case
	out := apiStaffCaseJSON{
		apiStaffItemJSON: s.apiStaffItem(c, v.Workflow, apiCaseItem(r, c, v.Workflow, v.Service.Name)),
		Applicant:        apiApplicantJSON{Name: c.Name, Email: c.Email, AccountID: c.ApplicantID},
		Answers:          apiAnswers(v.Answers),
		Labelled:         []apiSummaryJSON{},
		History:          apiHistory(r, v.Workflow, v.History),
		Files:            apiFiles(apiCaseFiles(v)),
		Payments:         apiPayments(v.Payments),
		Messages:         apiMessages(c.ID, v.Messages),
		Notes:            []apiNoteJSON{},
		Actions:          apiActions(r, v.Workflow.Actions(c.State)),
	}
	if v.Form != nil {
		for _, row := range v.Form.Summary(v.Answers, langOf(r)) {
			out.Labelled = append(out.Labelled, apiSummaryJSON{Page: row.PageID, Question: row.QuestionID, Label: row.Label, Value: row.Value})
		}
	}
	for _, n := range v.Notes {
		out.Notes = append(out.Notes, apiNoteJSON{ID: n.ID, AuthorID: n.AuthorID, Body: n.Body, At: n.At.UTC()})
	}
	return out
}

// apiTransitionRequest is the body of POST …/transitions.
type apiTransitionRequest struct {
	Action  string `json:"action"`
	Version int    `json:"version"`
	Note    string `json:"note"`
	Lang    string `json:"lang"` // of the applicant's mail and documents; default de
}

// handleAPITransition moves a case by a workflow action, made on the
// version the worker saw (another version: 409), and answers with the
// case as it is now.
func (s *Server) handleAPITransition(w http.ResponseWriter, r *http.Request) error {
	id, err := apiPathID(r, "id")
	if err != nil {
		return err
	}
	var in apiTransitionRequest
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if in.Lang == "" {
		in.Lang = "de"
	}
	var fv fault.Validator
	fv.Check(strings.TrimSpace(in.Action) != "", "action", "error.cases_api.action")
	fv.Check(in.Version > 0, "version", "error.cases_api.version")
	fv.Check(in.Lang == "de" || in.Lang == "en", "lang", "error.cases_api.lang")
	if err := fv.Err(); err != nil {
		return err
	}
	a := actorOf(r)
	if _, err := s.opts.Cases.Transition(r.Context(), a, cases.Step{CaseID: id, Version: in.Version,
		Action: strings.TrimSpace(in.Action), Note: in.Note, Lang: in.Lang}); err != nil {
		return err
	}
	v, err := s.staffCaseView(r, id)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, s.apiStaffCase(r, v))
}

// handleAPIExport returns the case in the documented exchange format
// rathaus-case/1 (docs/case-export.md), as the delivery webhook sends it.
func (s *Server) handleAPIExport(w http.ResponseWriter, r *http.Request) error {
	id, err := apiPathID(r, "id")
	if err != nil {
		return err
	}
	v, err := s.staffCaseView(r, id)
	if err != nil {
		return err
	}
	if v.Form == nil {
		return errNotFound
	}
	return s.writeJSON(w, http.StatusOK, cases.ExportCase(v.Case, v.Form, v.Answers, v.Files, v.History, v.Payments))
}
