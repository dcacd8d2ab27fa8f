package web

import (
	"fmt"
	"math"
	"net/http"
	"strings"

	"rathaus/internal/bpmn"
	"rathaus/internal/digitalcheck"
	"rathaus/internal/workshop"
)

// The digitisation check of a model for its process owner: the
// readiness score, what remedies would save per case and per year (from
// the times measured in the model's log), every obstacle per step with
// the Digitalcheck principle it touches, why it is one, the usual remedy
// and its legal reference, and the assumptions; the same as a PDF.

// checkPage is the digitisation check's page.
type checkPage struct {
	workshopPage
	Model         *workshop.Model
	ModelURL      string
	PDFURL        string
	Report        digitalcheck.Report
	SourceName    string // "" when the model names no log
	SavingPerCase string
	SavingPerYear string
	CasesPerYear  string
	Findings      int
	Steps         []checkStep
	Principles    []checkPrinciple
	Assumptions   []string
	Diagram       modelDiagram
}

// checkStep is one step with its findings.
type checkStep struct {
	Name, EditURL, LegalBasis, Note string
	Score                           int
	HasData                         bool
	Wait, Saving                    string
	Findings                        []checkFinding
}

// checkFinding is one obstacle, ready to show.
type checkFinding struct {
	Obstacle, Severity, SeverityKey, Principle   string
	Explanation, Remedy, Law, Saving, Assumption string
}

// checkPrinciple counts the findings touching a principle.
type checkPrinciple struct {
	Name  string
	Count int
}

func (s *Server) handleModelCheck(w http.ResponseWriter, r *http.Request) error {
	id, res, err := s.modelCheck(r)
	if err != nil {
		return err
	}
	p := &checkPage{workshopPage: s.modelWorkshopPage(r, res.Model, ""), Model: res.Model, ModelURL: modelURL(id),
		PDFURL: modelURL(id, "digitalcheck") + ".pdf", Report: res.Report}
	p.Title = p.T("workshop_models.check.title", res.Model.Name)
	if res.Source != nil {
		p.SourceName = workshopSourceName(p.Page, res.Source)
	}
	rep := actReport(p.workshopPage, res.Report)
	p.Report = rep
	p.SavingPerCase = checkDuration(p.Page, rep.SavingPerCaseS)
	p.SavingPerYear = p.T("digitalcheck.unit.hours", digitalcheck.Number(p.Lang, math.Round(rep.SavingPerYearS/3600), 0))
	p.CasesPerYear = digitalcheck.Number(p.Lang, math.Round(rep.CasesPerYear), 0)
	p.Findings = len(rep.Findings())
	s.fillCheckSteps(p, res.BPMN, rep)
	var count [6]int
	for _, f := range rep.Findings() {
		count[f.Principle]++
	}
	for i := 1; i <= 5; i++ {
		p.Principles = append(p.Principles, checkPrinciple{principleName(p.Page, i), count[i]})
	}
	o := rep.Options
	p.Assumptions = []string{p.T("digitalcheck.pdf.assume_score"), p.T("digitalcheck.pdf.assume_measured"),
		p.T("digitalcheck.pdf.assume_figures", checkDuration(p.Page, o.VisitS), checkDuration(p.Page, o.PostS),
			checkDuration(p.Page, o.TransferS), checkDuration(p.Page, o.HandoverS), checkDuration(p.Page, o.ReentryS)),
		p.T("digitalcheck.pdf.assume_cap"), p.T("digitalcheck.pdf.assume_land_law")}
	return s.render(w, r, "workshop_model_check", p)
}

// fillCheckSteps lists the steps with their findings and marks the steps
// with obstacles on the diagram.
func (s *Server) fillCheckSteps(p *checkPage, pm *bpmn.Model, rep digitalcheck.Report) {
	marks, labels := map[string]string{}, map[string]string{}
	for _, sr := range rep.Steps {
		st := checkStep{Name: sr.Step.Name, EditURL: stepURL(p.Model.ID, sr.Step.ID), LegalBasis: sr.Step.LegalBasis,
			Note: sr.Step.Note, Score: sr.Score, HasData: sr.HasData,
			Wait: checkDuration(p.Page, sr.Measured.WaitMedianS), Saving: checkDuration(p.Page, sr.SavingPerCaseS)}
		obstacles := 0
		for _, f := range sr.Findings {
			st.Findings = append(st.Findings, checkFindingView(p.Page, f))
			if f.Severity >= digitalcheck.Medium {
				obstacles++
			}
		}
		if obstacles > 0 {
			marks[sr.Step.ID] = "wm-obstacle"
			labels[sr.Step.ID] = p.T("workshop_models.badge.obstacles", obstacles)
		}
		p.Steps = append(p.Steps, st)
	}
	p.Diagram = newModelDiagram(p.workshopPage, pm, p.Model.Name, "obstacle", marks, labels)
}

func checkFindingView(p Page, f digitalcheck.Finding) checkFinding {
	args := make([]any, len(f.AssumptionArgs))
	for i, a := range f.AssumptionArgs {
		args[i] = checkDuration(p, a)
	}
	sev := strings.TrimPrefix(f.Severity.Key(), "digitalcheck.severity.")
	return checkFinding{Obstacle: p.T("digitalcheck.obstacle." + string(f.Obstacle)), Severity: p.T(f.Severity.Key()),
		SeverityKey: sev, Principle: principleName(p, f.Principle), Explanation: p.T(f.Explanation),
		Remedy: p.T(f.Remedy), Law: f.RemedyLaw, Saving: checkDuration(p, f.SavingPerCaseS), Assumption: p.T(f.Assumption, args...)}
}

// principleName is "1: Digitale Angebote für alle nutzbar gestalten".
func principleName(p Page, n int) string {
	return p.T("digitalcheck.pdf.principle_value", n, p.T(fmt.Sprintf("digitalcheck.principle.%d", n)))
}

// checkDuration writes seconds as the report does: the largest fitting
// unit in words ("45 Minuten", "1,5 Stunden", "2 Tage").
func checkDuration(p Page, seconds float64) string {
	return digitalcheck.Duration(p.tr, p.Lang, seconds)
}

// modelCheck runs the digitisation check of the request's model.
func (s *Server) modelCheck(r *http.Request) (int64, *workshop.CheckResult, error) {
	id, err := modelID(r)
	if err != nil {
		return 0, nil, err
	}
	res, err := s.opts.Workshop.Check(r.Context(), workshopUser(r), id)
	return id, res, err
}

// handleModelCheckPDF sends the check as a PDF report.
func (s *Server) handleModelCheckPDF(w http.ResponseWriter, r *http.Request) error {
	_, res, err := s.modelCheck(r)
	if err != nil {
		return err
	}
	p := s.modelWorkshopPage(r, res.Model, "")
	b, err := actReport(p, res.Report).PDF(s.tr, p.Lang, p.T("workshop_models.check.title", res.Model.Name))
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`,
		strings.TrimSuffix(modelFileName(res.Model), ".bpmn")+"-digitalcheck.pdf"))
	_, err = w.Write(b)
	return err
}

// actReport names the report's steps as the pages do (platform
// activities translated); the report itself is left unchanged.
func actReport(p workshopPage, rep digitalcheck.Report) digitalcheck.Report {
	steps := make([]digitalcheck.StepResult, len(rep.Steps))
	for i, sr := range rep.Steps {
		sr.Step.Name = p.Act(sr.Step.Name)
		fs := make([]digitalcheck.Finding, len(sr.Findings))
		for j, f := range sr.Findings {
			f.StepName = sr.Step.Name
			fs[j] = f
		}
		sr.Findings = fs
		steps[i] = sr
	}
	rep.Steps = steps
	return rep
}
