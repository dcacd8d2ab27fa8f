package web

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/bpmn"
	"rathaus/internal/digitalcheck"
	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/workshop"
)

// The list of process models with the two ways to add one: importing a
// BPMN file (multipart) and discovering a model from a log with the
// Inductive Miner (its noise threshold set with a slider that works
// without JavaScript: the value shows in an <output> and the form is sent
// with a button).

// modelUploadBytes bounds a BPMN upload (the service reads at most 8 MiB
// of it; the rest is the form around the file).
const modelUploadBytes = 8<<20 + 64<<10

// modelListPage is the list with both forms.
type modelListPage struct {
	workshopPage
	modelForms
	Models  []modelRow
	Sources []modelOption // for discovery
	// ImportSources are the same for the import form, with its choice.
	ImportSources []modelOption
	Units         []modelOption
	Noise         string // the slider's value, "0.2"
	Discover      *Form  // the discovery form's values and errors (Page.Form is the import's)
	Warnings      []string
}

// modelRow is one model in the list.
type modelRow struct {
	URL, Name, Origin, Source string
	Steps, Annotated          int
	Score                     int
	HasScore                  bool
	Updated                   string
	Invalid                   bool // the stored file cannot be read
}

func (s *Server) handleModelList(w http.ResponseWriter, r *http.Request) error {
	p, err := s.modelListPage(r, nil, nil)
	if err != nil {
		return err
	}
	return s.render(w, r, "workshop_model_list", p)
}

// modelListPage builds the page; importForm and discover carry values
// and errors of a form that came back.
func (s *Server) modelListPage(r *http.Request, importForm, discover *Form) (*modelListPage, error) {
	ctx, a := r.Context(), workshopUser(r)
	ws, err := s.workshopService()
	if err != nil {
		return nil, err
	}
	models, err := ws.Models(ctx, a)
	if err != nil {
		return nil, err
	}
	sources, err := ws.Sources(ctx, a)
	if err != nil {
		return nil, err
	}
	p := &modelListPage{workshopPage: workshopPage{Page: s.page(r, "workshop_models.list.title")}, Noise: "0.2"}
	if importForm != nil {
		p.Form = importForm
	}
	p.Discover = discover
	if p.Discover == nil {
		p.Discover = s.newForm(r, url.Values{"d_noise": {"0.2"}})
	}
	if v := p.Discover.Get("d_noise"); v != "" {
		p.Noise = v
	}
	names := map[string]string{}
	for i := range sources {
		names[sources[i].Key] = workshopSourceName(p.Page, &sources[i])
	}
	for _, m := range models {
		p.Models = append(p.Models, s.modelRow(p.Page, m, names))
	}
	p.Sources = sourceOptions(p.Page, sources, p.Discover.Get("d_source"))
	p.ImportSources = sourceOptions(p.Page, sources, p.Form.Get("source"))
	p.Units, err = s.unitOptions(r, p.Form.Get("unit"))
	return p, err
}

// modelRow summarises a stored model: its steps and, when any is
// annotated, the readiness score of its annotations.
func (s *Server) modelRow(p Page, m *workshop.Model, sourceNames map[string]string) modelRow {
	row := modelRow{URL: modelURL(m.ID), Name: m.Name, Origin: p.T("workshop_models.origin." + m.Origin),
		Source: sourceNames[m.Source], Updated: p.Date(m.UpdatedAt.In(s.opts.Location))}
	if row.Source == "" && m.Source != "" {
		row.Source = m.Source
	}
	pm, _, err := bpmn.Parse(bytes.NewReader(m.BPMN))
	if err != nil {
		row.Invalid = true
		return row
	}
	var steps []digitalcheck.Step
	for _, st := range modelSteps(pm) {
		row.Steps++
		if st.Annotated {
			row.Annotated++
		}
		steps = append(steps, digitalcheck.Step{ID: st.ID, Name: st.Name, Annotation: st.Annotation})
	}
	if row.Annotated > 0 {
		row.Score, row.HasScore = digitalcheck.Check(steps, nil).Score, true
	}
	return row
}

// sourceOptions lists the logs to choose from; "" is "none".
func sourceOptions(p Page, sources []workshop.Source, selected string) []modelOption {
	out := []modelOption{{"", p.T("workshop_models.source_none"), selected == ""}}
	for i := range sources {
		src := &sources[i]
		label := workshopSourceName(p, src) + " (" + p.T("workshop_models.source_cases", formatInt(p.Lang, src.Cases)) + ")"
		out = append(out, modelOption{src.Key, label, src.Key == selected})
	}
	return out
}

// unitOptions lists the units the user may put a model in; none when
// there is only one (it is then taken).
func (s *Server) unitOptions(r *http.Request, selected string) ([]modelOption, error) {
	scope, err := s.opts.Workshop.Scope(r.Context(), workshopUser(r))
	if err != nil {
		return nil, err
	}
	if scope != nil && len(scope) < 2 {
		return nil, nil
	}
	orgs, err := s.opts.Orgs.Store.FindOrgs(r.Context())
	if err != nil {
		return nil, err
	}
	var out []modelOption
	for _, o := range orgs {
		if o.Kind == org.KindUnit && (scope == nil || slices.Contains(scope, o.ID)) {
			id := strconv.FormatInt(o.ID, 10)
			out = append(out, modelOption{id, o.Name, id == selected})
		}
	}
	if len(out) < 2 {
		return nil, nil
	}
	return out, nil
}

// handleModelImport stores an uploaded BPMN file and opens it.
func (s *Server) handleModelImport(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, modelUploadBytes)
	if err := r.ParseMultipartForm(maxMemory); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return errTooLarge
		}
		return s.modelListError(w, r, r.PostForm, nil, fault.Fields(fault.FieldError{Field: "file", Key: "workshop_models.error.file"}))
	}
	values := r.PostForm
	f, fh, err := r.FormFile("file")
	if err != nil {
		return s.modelListError(w, r, values, nil, fault.Fields(fault.FieldError{Field: "file", Key: "workshop_models.error.file"}))
	}
	defer f.Close()
	nm := workshop.NewModel{Name: values.Get("name"), Source: values.Get("source")}
	if nm.Name == "" {
		nm.Name = strings.TrimSuffix(fh.Filename, ".bpmn")
	}
	if nm.OrgID, err = formUnit(values.Get("unit")); err != nil {
		return s.modelListError(w, r, values, nil, err)
	}
	m, rep, err := s.opts.Workshop.ImportModel(r.Context(), workshopUser(r), nm, io.Reader(f))
	if err = s.bpmnFault(r, err); err != nil {
		return s.modelListError(w, r, values, nil, err)
	}
	if rep != nil && len(rep.Warnings) > 0 {
		return s.redirectFlashKind(w, r, modelURL(m.ID), "info", "workshop_models.flash.imported_warnings")
	}
	return s.redirectFlash(w, r, modelURL(m.ID), "workshop_models.flash.imported")
}

// formUnit reads the unit select; "" lets the service choose.
func formUnit(v string) (*int64, error) {
	if v == "" {
		return nil, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return nil, fault.Fields(fault.FieldError{Field: "unit", Key: "workshop_models.error.unit"})
	}
	return &id, nil
}

// handleModelDiscover discovers a model from a log and opens it.
func (s *Server) handleModelDiscover(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	noise, err := parseNoise(values.Get("d_noise"))
	if err != nil {
		return s.modelListError(w, r, nil, values, err)
	}
	nm := workshop.NewModel{Name: values.Get("d_name"), Source: values.Get("d_source")}
	if nm.Source == "" {
		return s.modelListError(w, r, nil, values, fault.Fields(fault.FieldError{Field: "source", Key: "workshop_models.error.source"}))
	}
	m, err := s.opts.Workshop.DiscoverModel(r.Context(), workshopUser(r), nm, noise)
	if err != nil {
		return s.modelListError(w, r, nil, values, err)
	}
	return s.redirectFlash(w, r, modelURL(m.ID), "workshop_models.flash.discovered")
}

// parseNoise reads the noise threshold, 0 to 1.
func parseNoise(v string) (float64, error) {
	if v == "" {
		return 0.2, nil
	}
	x, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
	if err != nil || x < 0 || x > 1 {
		return 0, fault.Fields(fault.FieldError{Field: "noise", Key: "error.workshop.noise"})
	}
	return x, nil
}

// modelListError shows the list again with a form's errors; other
// errors go to the error page.
func (s *Server) modelListError(w http.ResponseWriter, r *http.Request, importValues, discoverValues url.Values, err error) error {
	if !fault.Is(err, fault.Invalid) {
		if fault.Is(err, fault.NotFound) && discoverValues != nil {
			err = fault.Fields(fault.FieldError{Field: "source", Key: "workshop_models.error.source"})
		} else {
			return err
		}
	}
	var imp, disc *Form
	if importValues != nil {
		imp = s.formFor(r, importValues, fileError(err))
	} else {
		disc = s.formFor(r, discoverValues, prefixFields(err, "d_"))
	}
	p, perr := s.modelListPage(r, imp, disc)
	if perr != nil {
		return perr
	}
	return s.renderStatus(w, r, statusOf(err), "workshop_model_list", p)
}

// fileError ties an import error without fields (an unreadable file) to
// the file field, so the message shows next to it.
func fileError(err error) error {
	f := fault.As(err)
	if len(f.Fields) > 0 {
		return err
	}
	c := *f
	c.Fields = []fault.FieldError{{Field: "file", Key: f.Key, Args: f.Args}}
	return &c
}

// prefixFields renames the fields of an Invalid error for a form whose
// fields carry a prefix (two forms on one page need distinct ids).
func prefixFields(err error, prefix string) error {
	f := fault.As(err)
	c := *f
	c.Fields = make([]fault.FieldError, len(f.Fields))
	for i, fe := range f.Fields {
		fe.Field = prefix + fe.Field
		c.Fields[i] = fe
	}
	return &c
}
