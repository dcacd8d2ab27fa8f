package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/bpmn"
	"rathaus/internal/digitalcheck"
	"rathaus/internal/fault"
	"rathaus/internal/workshop"
)

// The annotation editor of one step: the legal and technical facts the
// digitisation check needs (see digitalcheck.Annotation), saved with the
// model version read, with links to the previous and next step.

// stepPage is the editor of one step.
type stepPage struct {
	workshopPage
	modelForms
	Model      *workshop.Model
	ModelURL   string
	StepURL    string
	Step       modelStep
	Position   int // 1-based
	Steps      int
	Prev, Next *stepLink
	Forms      []modelOption
	Breaks     []modelOption
	Payments   []modelOption
	Checks     []stepCheck
}

// stepLink points to a neighbouring step.
type stepLink struct{ URL, Name, ID string }

// stepCheck is one yes/no fact of a step, a checkbox.
type stepCheck struct {
	Name, Label, Hint string
	Checked           bool
}

// stepFlags are the checkbox fields in the order of the form.
var stepFlags = []string{"personal_appearance", "handwritten_signature", "paper_originals",
	"manual_reentry", "discretion", "automated"}

func (s *Server) handleModelStepForm(w http.ResponseWriter, r *http.Request) error {
	m, pm, err := s.loadModel(r)
	if err != nil {
		return err
	}
	p, err := s.stepPage(r, m, pm, nil)
	if err != nil {
		return err
	}
	return s.render(w, r, "workshop_model_step", p)
}

// stepPage builds the editor; form carries submitted values and errors.
func (s *Server) stepPage(r *http.Request, m *workshop.Model, pm *bpmn.Model, form *Form) (*stepPage, error) {
	steps := modelSteps(pm)
	at := -1
	for i, st := range steps {
		if st.ID == r.PathValue("element") {
			at = i
		}
	}
	if at < 0 {
		return nil, errNotFound
	}
	st := steps[at]
	p := &stepPage{workshopPage: s.modelWorkshopPage(r, m, ""), Model: m, ModelURL: modelURL(m.ID),
		StepURL: stepURL(m.ID, st.ID), Step: st,
		Position: at + 1, Steps: len(steps)}
	p.Title = p.T("workshop_models.step.title", p.Act(st.Name))
	if at > 0 {
		p.Prev = &stepLink{stepURL(m.ID, steps[at-1].ID), p.Act(steps[at-1].Name), steps[at-1].ID}
	}
	if at+1 < len(steps) {
		p.Next = &stepLink{stepURL(m.ID, steps[at+1].ID), p.Act(steps[at+1].Name), steps[at+1].ID}
	}
	if form == nil {
		form = s.newForm(r, annotationValues(st.Annotation))
		form.Values.Set("version", strconv.Itoa(m.Version))
	}
	p.Form = form
	for _, f := range digitalcheck.Forms() {
		p.Forms = append(p.Forms, modelOption{f.String(), p.T("digitalcheck.form." + f.String()), form.Get("form") == f.String()})
	}
	for _, b := range digitalcheck.MediaBreaks() {
		p.Breaks = append(p.Breaks, modelOption{b.String(), p.T("digitalcheck.media_break." + b.String()), form.Get("media_break") == b.String()})
	}
	for _, pay := range digitalcheck.Payments() {
		p.Payments = append(p.Payments, modelOption{pay.String(), p.T("digitalcheck.payment." + pay.String()), form.Get("payment") == pay.String()})
	}
	for _, name := range stepFlags {
		p.Checks = append(p.Checks, stepCheck{Name: name, Label: p.T("digitalcheck.field." + name),
			Hint: p.T("workshop_models.step.hint." + name), Checked: form.Get(name) == "1"})
	}
	return p, nil
}

// annotationValues are the form values of an annotation.
func annotationValues(a digitalcheck.Annotation) url.Values {
	v := url.Values{"legal_basis": {a.LegalBasis}, "form": {a.Form.String()}, "media_break": {a.MediaBreak.String()},
		"payment": {a.Payment.String()}, "once_only": {a.OnceOnly}, "note": {a.Note}}
	for name, on := range map[string]bool{"personal_appearance": a.PersonalAppearance,
		"handwritten_signature": a.HandwrittenSignature, "paper_originals": a.PaperOriginals,
		"manual_reentry": a.ManualReentry, "discretion": a.Discretion, "automated": a.Automated} {
		if on {
			v.Set(name, "1")
		}
	}
	return v
}

// formAnnotation reads an annotation from form values; unknown choices
// are field errors.
func formAnnotation(v url.Values) (digitalcheck.Annotation, error) {
	a := digitalcheck.Annotation{LegalBasis: strings.TrimSpace(v.Get("legal_basis")),
		OnceOnly: strings.TrimSpace(v.Get("once_only")), Note: strings.TrimSpace(v.Get("note")),
		PersonalAppearance: v.Get("personal_appearance") == "1", HandwrittenSignature: v.Get("handwritten_signature") == "1",
		PaperOriginals: v.Get("paper_originals") == "1", ManualReentry: v.Get("manual_reentry") == "1",
		Discretion: v.Get("discretion") == "1", Automated: v.Get("automated") == "1"}
	var bad fault.Validator
	bad.Check(a.Form.UnmarshalText([]byte(v.Get("form"))) == nil, "form", "error.digitalcheck.form")
	bad.Check(a.MediaBreak.UnmarshalText([]byte(v.Get("media_break"))) == nil, "media_break", "error.digitalcheck.media_break")
	bad.Check(a.Payment.UnmarshalText([]byte(v.Get("payment"))) == nil, "payment", "error.digitalcheck.payment")
	if err := bad.Err(); err != nil {
		return a, err
	}
	return a, fieldNames(a.Validate())
}

// fieldNames renames the property keys of an annotation's field errors
// ("dc.form") to the form's field names ("form").
func fieldNames(err error) error {
	if err == nil || !fault.Is(err, fault.Invalid) {
		return err
	}
	f := *fault.As(err)
	fields := make([]fault.FieldError, len(f.Fields))
	for i, fe := range f.Fields {
		fe.Field = strings.TrimPrefix(fe.Field, digitalcheck.Prefix)
		fields[i] = fe
	}
	f.Fields = fields
	return &f
}

// handleModelStepSave stores a step's annotation and returns to the
// model, or goes on to the next step ("save and next").
func (s *Server) handleModelStepSave(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	id, err := modelID(r)
	if err != nil {
		return err
	}
	element := r.PathValue("element")
	version, _ := strconv.Atoi(values.Get("version"))
	ann, err := formAnnotation(values)
	if err == nil {
		_, err = s.opts.Workshop.Annotate(r.Context(), workshopUser(r), id, version, element, ann)
		err = fieldNames(err)
	}
	if err == nil {
		to := modelURL(id)
		if next := values.Get("next"); next != "" {
			to = stepURL(id, next)
		}
		return s.redirectFlash(w, r, to, "workshop_models.flash.annotated")
	}
	if !fault.Is(err, fault.Invalid) && !fault.Is(err, fault.Conflict) {
		return err
	}
	m, pm, lerr := s.opts.Workshop.Model(r.Context(), workshopUser(r), id)
	if lerr != nil {
		return lerr
	}
	if fault.Is(err, fault.Conflict) {
		values.Set("version", strconv.Itoa(m.Version))
	}
	p, perr := s.stepPage(r, m, pm, s.formFor(r, values, err))
	if perr != nil {
		return perr
	}
	return s.renderStatus(w, r, statusOf(err), "workshop_model_step", p)
}
