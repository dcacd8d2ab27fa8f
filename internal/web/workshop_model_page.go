package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/bpmn"
	"rathaus/internal/digitalcheck"
	"rathaus/internal/fault"
	"rathaus/internal/workshop"
)

// One model: its diagram with the digitisation check's obstacles marked
// (a class for the colour and a badge with the count, so colour never
// carries the meaning alone), its steps, its settings (name and log,
// saved with the version read, so that two people cannot overwrite each
// other unnoticed), the BPMN download and deletion.

// modelPage is the model's page.
type modelPage struct {
	workshopPage
	modelForms
	Model   *workshop.Model
	URL     string
	Steps   []modelStepRow
	Sources []modelOption
	SimURL  string // the what-if simulation of the model's log, "" without one
	Diagram modelDiagram
}

// modelStepRow is one step in the table.
type modelStepRow struct {
	modelStep
	EditURL   string
	Obstacles int // findings of medium or high severity
	Findings  int
}

// handleModelView shows a model, or downloads it as {id}.bpmn.
func (s *Server) handleModelView(w http.ResponseWriter, r *http.Request) error {
	if id, ok := strings.CutSuffix(r.PathValue("id"), ".bpmn"); ok {
		r.SetPathValue("id", id)
		return s.handleModelDownload(w, r)
	}
	m, pm, err := s.loadModel(r)
	if err != nil {
		return err
	}
	p, err := s.modelPage(r, m, pm, nil)
	if err != nil {
		return err
	}
	return s.render(w, r, "workshop_model_view", p)
}

func (s *Server) modelPage(r *http.Request, m *workshop.Model, pm *bpmn.Model, form *Form) (*modelPage, error) {
	sources, err := s.opts.Workshop.Sources(r.Context(), workshopUser(r))
	if err != nil {
		return nil, err
	}
	p := &modelPage{workshopPage: s.modelWorkshopPage(r, m, m.Name), Model: m, URL: modelURL(m.ID)}
	if form == nil {
		form = s.newForm(r, url.Values{"name": {m.Name}, "source": {m.Source}, "version": {strconv.Itoa(m.Version)}})
	}
	p.Form = form
	p.Sources = sourceOptions(p.Page, sources, m.Source)
	if m.Source != "" {
		p.SimURL = workshopSourcePath(m.Source, "simulation")
	}
	labels, marks := map[string]string{}, map[string]string{}
	for _, st := range modelSteps(pm) {
		row := modelStepRow{modelStep: st, EditURL: stepURL(m.ID, st.ID)}
		if st.Annotated {
			for _, f := range digitalcheck.Check([]digitalcheck.Step{{ID: st.ID, Name: st.Name, Annotation: st.Annotation}}, nil).Findings() {
				row.Findings++
				if f.Severity >= digitalcheck.Medium {
					row.Obstacles++
				}
			}
		}
		if row.Obstacles > 0 {
			marks[st.ID] = "wm-obstacle"
			labels[st.ID] = p.T("workshop_models.badge.obstacles", row.Obstacles)
		}
		p.Steps = append(p.Steps, row)
	}
	p.Diagram = newModelDiagram(p.workshopPage, pm, m.Name, "obstacle", marks, labels)
	return p, nil
}

// modelWorkshopPage is the workshop page data of a model's pages: the
// platform process of its log names the activities.
func (s *Server) modelWorkshopPage(r *http.Request, m *workshop.Model, titleArg string) workshopPage {
	p := workshopPage{Page: s.page(r, "workshop_models.view.title")}
	p.Title = titleArg
	if process, _, _, err := workshop.ParseSourceKey(m.Source); err == nil {
		p.Process = process
	}
	return p
}

// handleModelSettings saves the name and log of a model.
func (s *Server) handleModelSettings(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	id, err := modelID(r)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(values.Get("version"))
	_, err = s.opts.Workshop.SetModel(r.Context(), workshopUser(r), id, version, values.Get("name"), values.Get("source"))
	if err == nil {
		return s.redirectFlash(w, r, modelURL(id), "workshop_models.flash.saved")
	}
	if !fault.Is(err, fault.Invalid) && !fault.Is(err, fault.Conflict) {
		return err
	}
	m, pm, lerr := s.opts.Workshop.Model(r.Context(), workshopUser(r), id)
	if lerr != nil {
		return lerr
	}
	if fault.Is(err, fault.Conflict) { // show what is stored now, keep what was typed
		values.Set("version", strconv.Itoa(m.Version))
	}
	p, perr := s.modelPage(r, m, pm, s.formFor(r, values, err))
	if perr != nil {
		return perr
	}
	return s.renderStatus(w, r, statusOf(err), "workshop_model_view", p)
}

// handleModelDownload sends the model as a BPMN 2.0 file.
func (s *Server) handleModelDownload(w http.ResponseWriter, r *http.Request) error {
	m, _, err := s.loadModel(r)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/xml; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, modelFileName(m)))
	_, err = w.Write(m.BPMN)
	return err
}

// modelFileName is a safe file name for a model's download.
func modelFileName(m *workshop.Model) string {
	var b strings.Builder
	for _, c := range strings.ToLower(m.Name) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
		case c == 'ä':
			b.WriteString("ae")
		case c == 'ö':
			b.WriteString("oe")
		case c == 'ü':
			b.WriteString("ue")
		case c == 'ß':
			b.WriteString("ss")
		default:
			if s := b.String(); s != "" && !strings.HasSuffix(s, "-") {
				b.WriteByte('-')
			}
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		name = "modell"
	}
	return fmt.Sprintf("%s-%d.bpmn", name, m.ID)
}

// modelDeletePage asks before deleting.
type modelDeletePage struct {
	workshopPage
	Model *workshop.Model
	URL   string
}

func (s *Server) handleModelDeleteForm(w http.ResponseWriter, r *http.Request) error {
	m, _, err := s.loadModel(r)
	if err != nil {
		return err
	}
	p := modelDeletePage{workshopPage: s.modelWorkshopPage(r, m, ""), Model: m, URL: modelURL(m.ID)}
	p.Title = p.T("workshop_models.delete.title", m.Name)
	return s.render(w, r, "workshop_model_delete", p)
}

func (s *Server) handleModelDelete(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.parseForm(r); err != nil {
		return err
	}
	id, err := modelID(r)
	if err != nil {
		return err
	}
	if err := s.opts.Workshop.DeleteModel(r.Context(), workshopUser(r), id); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/amt/prozesse/modelle", "workshop_models.flash.deleted")
}
