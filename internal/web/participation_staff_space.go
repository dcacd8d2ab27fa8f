package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/participation"
)

// psPhaseRows is how many phase rows the space form has at least; empty
// rows are ignored.
const psPhaseRows = 4

// psSpacePage is the settings form of a new or existing space.
type psSpacePage struct {
	Page
	New         bool
	Action      string
	Slug        string // of an existing space
	Units       []psOption
	Moderations []psOption
	Phases      []psPhaseRow
}

// psPhaseRow is one row of the phases table; N counts from 1.
type psPhaseRow struct {
	N     int
	Kinds []psOption
}

// psModeratedUnits are the units whose spaces the user may set up: those
// where they moderate (or are organisation admin), every unit for a
// platform admin.
func (s *Server) psModeratedUnits(r *http.Request) ([]*org.Org, error) {
	if s.opts.Orgs == nil {
		return nil, nil
	}
	ctx, u := r.Context(), currentUser(r)
	orgs, err := s.opts.Orgs.Store.FindOrgs(ctx)
	if err != nil {
		return nil, err
	}
	var ids []int64
	if !u.PlatformAdmin {
		if ids, err = s.opts.Orgs.Units(ctx, u.ID, psModeratorRoles...); err != nil {
			return nil, err
		}
	}
	return slices.DeleteFunc(orgs, func(o *org.Org) bool {
		if u.PlatformAdmin {
			return o.Kind != org.KindUnit
		}
		return !slices.Contains(ids, o.ID)
	}), nil
}

// handlePSSpaceNew shows the empty form for a new space.
func (s *Server) handlePSSpaceNew(w http.ResponseWriter, r *http.Request) error {
	units, err := s.psModeratedUnits(r)
	if err != nil {
		return err
	}
	if len(units) == 0 {
		return fault.New(fault.Forbidden, "error.participation.not_staff")
	}
	v := url.Values{"moderation": {participation.PostModeration}}
	p, err := s.psSpaceForm(r, nil, s.newForm(r, v))
	if err != nil {
		return err
	}
	return s.render(w, r, "participation_staff_space", p)
}

// handlePSSpaceEdit shows an existing space's settings.
func (s *Server) handlePSSpaceEdit(w http.ResponseWriter, r *http.Request) error {
	sp, err := s.psSpace(r, true)
	if err != nil {
		return err
	}
	p, err := s.psSpaceForm(r, sp, s.newForm(r, s.psSpaceValues(sp)))
	if err != nil {
		return err
	}
	return s.render(w, r, "participation_staff_space", p)
}

// handlePSSpaceCreate creates a space from the form.
func (s *Server) handlePSSpaceCreate(w http.ResponseWriter, r *http.Request) error {
	return s.psSpaceSave(w, r, nil)
}

// handlePSSpaceSave changes an existing space.
func (s *Server) handlePSSpaceSave(w http.ResponseWriter, r *http.Request) error {
	sp, err := s.psSpace(r, true)
	if err != nil {
		return err
	}
	return s.psSpaceSave(w, r, sp)
}

func (s *Server) psSpaceSave(w http.ResponseWriter, r *http.Request, old *participation.Space) error {
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	units, err := s.psModeratedUnits(r)
	if err != nil {
		return err
	}
	if old == nil && len(units) == 0 {
		return fault.New(fault.Forbidden, "error.participation.not_staff")
	}
	sp, err := s.psSpaceOf(v, old, units)
	if err == nil {
		err = s.opts.Participation.SaveSpace(r.Context(), actorOf(r), sp)
	}
	if err != nil {
		if !psShown(err) {
			return err
		}
		p, perr := s.psSpaceForm(r, old, s.formFor(r, v, err))
		if perr != nil {
			return perr
		}
		return s.renderStatus(w, r, statusOf(err), "participation_staff_space", p)
	}
	return s.redirectFlash(w, r, "/amt/beteiligung", "participation_staff.flash.space_saved")
}

// psSpaceOf reads the form into a space (a copy of old when it exists).
// Numbers, dates and the unit are checked here; the rest by the domain.
func (s *Server) psSpaceOf(v url.Values, old *participation.Space, units []*org.Org) (*participation.Space, error) {
	sp := &participation.Space{}
	if old != nil {
		cp := *old
		sp = &cp
	} else {
		sp.Slug = strings.TrimSpace(v.Get("slug"))
	}
	sp.Title, sp.TitleEN = strings.TrimSpace(v.Get("title")), strings.TrimSpace(v.Get("title_en"))
	sp.Description, sp.Moderation = strings.TrimSpace(v.Get("description")), v.Get("moderation")
	var fv fault.Validator
	unit := psFormID(v, "unit")
	fv.Check(slices.ContainsFunc(units, func(o *org.Org) bool { return o.ID == unit }), "unit", "error.participation_staff.unit")
	sp.OrgID = &unit
	num := func(name string) int {
		x := strings.TrimSpace(v.Get(name))
		if x == "" {
			return 0
		}
		n, err := strconv.Atoi(x)
		fv.Check(err == nil && n >= 0, name, "error.participation_staff.number")
		return n
	}
	sp.SupportThreshold, sp.AnswerDays, sp.VotesPerPerson = num("threshold"), num("answer_days"), num("votes")
	sp.Categories = nil
	for _, c := range strings.Split(v.Get("categories"), "\n") {
		if c = strings.TrimSpace(c); c != "" && !slices.Contains(sp.Categories, c) {
			sp.Categories = append(sp.Categories, c)
		}
	}
	sp.Phases = nil
	for n := 1; n <= psPhaseCount(v); n++ {
		if ph, ok := s.psPhaseOf(v, n, &fv); ok {
			sp.Phases = append(sp.Phases, ph)
		}
	}
	return sp, fv.Err()
}

// psPhaseOf reads phase row n; false for an empty row or one with errors.
func (s *Server) psPhaseOf(v url.Values, n int, fv *fault.Validator) (participation.Phase, bool) {
	name := func(f string) string { return fmt.Sprintf("phase_%d_%s", n, f) }
	kind, note := v.Get(name("kind")), strings.TrimSpace(v.Get(name("note")))
	from, to := strings.TrimSpace(v.Get(name("from"))), strings.TrimSpace(v.Get(name("to")))
	if kind == "" && from == "" && to == "" && note == "" {
		return participation.Phase{}, false
	}
	ph := participation.Phase{Kind: kind, Note: note}
	fv.Check(slices.Contains(participation.Phases, kind), name("kind"), "error.participation_staff.phase_kind")
	day := func(field, x string) time.Time {
		t, err := time.ParseInLocation("2006-01-02", x, s.opts.Location)
		fv.Check(err == nil, name(field), "error.participation_staff.date")
		return t
	}
	ph.From = day("from", from)
	ph.To = day("to", to).AddDate(0, 0, 1) // the form names the last day; the phase ends the day after
	return ph, !fv.Has(name("kind")) && !fv.Has(name("from")) && !fv.Has(name("to"))
}

// psPhaseCount is how many phase rows a form has.
func psPhaseCount(v url.Values) int {
	n := psPhaseRows
	for v.Has(fmt.Sprintf("phase_%d_kind", n+1)) {
		n++
	}
	return n
}

// psSpaceValues are an existing space's settings as the form's values.
func (s *Server) psSpaceValues(sp *participation.Space) url.Values {
	v := url.Values{"slug": {sp.Slug}, "title": {sp.Title}, "title_en": {sp.TitleEN}, "description": {sp.Description},
		"moderation": {sp.Moderation}, "categories": {strings.Join(sp.Categories, "\n")}}
	if sp.OrgID != nil {
		v.Set("unit", strconv.FormatInt(*sp.OrgID, 10))
	}
	itoa := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	v.Set("threshold", itoa(sp.SupportThreshold))
	v.Set("answer_days", itoa(sp.AnswerDays))
	v.Set("votes", itoa(sp.VotesPerPerson))
	for k, ph := range sp.Phases {
		name := func(f string) string { return fmt.Sprintf("phase_%d_%s", k+1, f) }
		v.Set(name("kind"), ph.Kind)
		v.Set(name("from"), ph.From.In(s.opts.Location).Format("2006-01-02"))
		v.Set(name("to"), ph.To.In(s.opts.Location).AddDate(0, 0, -1).Format("2006-01-02"))
		v.Set(name("note"), ph.Note)
	}
	return v
}

// psSpaceForm prepares the settings form with f's values and errors.
func (s *Server) psSpaceForm(r *http.Request, sp *participation.Space, f *Form) (*psSpacePage, error) {
	p := &psSpacePage{Page: s.page(r, "participation_staff.space.new_title"), New: sp == nil, Action: "/amt/beteiligung/neu"}
	p.Form = f
	if sp != nil {
		p.Slug, p.Action = sp.Slug, psSpacePath(sp.Slug, "bearbeiten")
		p.Title = s.t(r, "participation_staff.space.edit_title", psSpaceTitle(langOf(r), sp))
	}
	units, err := s.psModeratedUnits(r)
	if err != nil {
		return nil, err
	}
	if sp != nil && sp.OrgID != nil && !slices.ContainsFunc(units, func(o *org.Org) bool { return o.ID == *sp.OrgID }) {
		if o, err := s.opts.Orgs.Store.FindOrgByID(r.Context(), *sp.OrgID); err == nil {
			units = append(units, o)
		}
	}
	for _, u := range units {
		id := strconv.FormatInt(u.ID, 10)
		p.Units = append(p.Units, psOption{id, u.Name, id == f.Get("unit") || len(units) == 1})
	}
	for _, m := range []struct{ mode, key string }{{participation.PostModeration, "participation_staff.space.moderation_post"},
		{participation.PreModeration, "participation_staff.space.moderation_pre"}} {
		p.Moderations = append(p.Moderations, psOption{m.mode, s.t(r, m.key), f.Get("moderation") == m.mode})
	}
	for n := 1; n <= psPhaseCount(f.Values); n++ {
		kind := f.Get(fmt.Sprintf("phase_%d_kind", n))
		row := psPhaseRow{N: n, Kinds: []psOption{{"", s.t(r, "participation_staff.space.phase_none"), kind == ""}}}
		for _, k := range participation.Phases {
			row.Kinds = append(row.Kinds, psOption{k, s.t(r, "participation_staff.phase."+k), kind == k})
		}
		p.Phases = append(p.Phases, row)
	}
	return p, nil
}

// psPhaseLabels name the inputs of a phase row.
var psPhaseLabels = map[string]string{"from": "participation_staff.space.phase_from", "to": "participation_staff.space.phase_to",
	"note": "participation_staff.space.phase_note"}

// PhaseField is one input of phase row n: "from", "to" or "note".
func (p *psSpacePage) PhaseField(n int, field string) Field {
	name := fmt.Sprintf("phase_%d_%s", n, field)
	fd := Field{Form: p.Form, ID: fieldID(name), Name: name, Label: p.T(psPhaseLabels[field]),
		Type: "date", Value: p.Form.Get(name), Error: p.Form.Error(name), Optional: true}
	if field == "note" {
		fd.Type = "text"
	}
	return fd
}

// PhaseKind is the kind select of phase row n.
func (p *psSpacePage) PhaseKind(row psPhaseRow) psSelectField {
	name := fmt.Sprintf("phase_%d_kind", row.N)
	return psSelectField{ID: fieldID(name), Name: name, Label: p.T("participation_staff.space.phase_kind"),
		Error: p.Form.Error(name), ErrorPrefix: p.T("form.error_prefix"), Options: row.Kinds}
}

// UnitSelect is the select of the responsible unit.
func (p *psSpacePage) UnitSelect() psSelectField {
	return psSelectField{ID: fieldID("unit"), Name: "unit", Label: p.T("participation_staff.space.unit"),
		Hint: p.T("participation_staff.space.unit_hint"), Error: p.Form.Error("unit"), ErrorPrefix: p.T("form.error_prefix"),
		Options: p.Units}
}
