package web

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// Audit actions of the form builder.
const (
	auditFormPublished = "forms.published" // detail: "service <id> version <n>"
	auditFormImported  = "forms.imported"
)

// formConfirmPage asks before a change that cannot be undone.
type formConfirmPage struct {
	Page
	Heading, Text  string
	Action, Button string
	Back           string
	Danger         bool
	Upload         string // the import form's action, to try another file
	Problems       *Form  // problems that forbid the change, if any
}

func (s *Server) renderFormConfirm(w http.ResponseWriter, r *http.Request, p formConfirmPage) error {
	return s.renderFormConfirmStatus(w, r, p, http.StatusOK)
}

// handleFormPublishConfirm asks before publishing and shows what would
// stop it.
func (s *Server) handleFormPublishConfirm(w http.ResponseWriter, r *http.Request) error {
	svc, f, err := s.builderDraft(r)
	if err != nil {
		return err
	}
	p := formConfirmPage{Heading: s.t(r, "form_builder.publish.title", f.Version),
		Text:   s.t(r, "form_builder.publish.text", svc.Name),
		Action: formPath(svc.ID) + "/publish", Button: s.t(r, "form_builder.publish.button"),
		Back: formPath(svc.ID)}
	if err := f.Check(); err != nil {
		p.Problems = s.builderForm(r, f, nil, err, noLocal)
		p.Action = ""
	}
	return s.renderFormConfirm(w, r, p)
}

// handleFormPublish publishes the draft; from then on it never changes.
func (s *Server) handleFormPublish(w http.ResponseWriter, r *http.Request) error {
	svc, f, err := s.builderDraft(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if err := f.Publish(s.now()); err != nil {
		return err
	}
	if err := s.opts.Forms.SaveForm(ctx, f); err != nil {
		return err
	}
	s.auditForm(r, auditFormPublished, svc.ID, f.Version)
	return s.redirectFlash(w, r, formPath(svc.ID), "form_builder.flash.published")
}

// auditForm records who published or imported which version.
func (s *Server) auditForm(r *http.Request, action string, serviceID int64, version int) {
	if s.opts.Audit == nil {
		return
	}
	u := currentUser(r)
	_ = s.opts.Audit.CreateAuditEntry(r.Context(), &audit.Entry{At: s.now(), ActorID: audit.Ptr(u.ID), Action: action,
		Detail: formAuditDetail(serviceID, version), IP: s.clientIP(r)})
}

func formAuditDetail(serviceID int64, version int) string {
	return fmt.Sprintf("service %d version %d", serviceID, version)
}

// formVersionsPage lists the versions of a service's form.
type formVersionsPage struct {
	Page
	Service  *catalog.Service
	Base     string
	Versions []formVersionRow
}

type formVersionRow struct {
	Version          int
	Status           badge
	Updated          string
	By               string // who published it, when the log knows
	ViewURL, Preview string
	Export           string
}

func (s *Server) handleFormVersions(w http.ResponseWriter, r *http.Request) error {
	svc, err := s.builderService(r)
	if err != nil {
		return err
	}
	infos, err := s.opts.Forms.FormVersions(r.Context(), svc.ID)
	if err != nil {
		return err
	}
	by := s.formPublishers(r, svc.ID)
	p := formVersionsPage{Page: s.page(r, "form_builder.versions.title"), Service: svc, Base: formPath(svc.ID)}
	p.Title = s.t(r, "form_builder.versions.title", svc.Name)
	for _, in := range infos {
		v := strconv.Itoa(in.Version)
		p.Versions = append(p.Versions, formVersionRow{Version: in.Version, Status: s.formBadge(r, in.Status, in.Version),
			Updated: s.builderTime(r, in.UpdatedAt), By: by[in.Version],
			ViewURL: formPath(svc.ID) + "/versions/" + v, Preview: formPath(svc.ID) + "/preview?version=" + v,
			Export: formPath(svc.ID) + "/export?version=" + v})
	}
	return s.render(w, r, "form_builder_versions", p)
}

// formPublishers finds in the audit log who published each version.
// The log is a help, not a record the page depends on: errors leave the
// names out.
func (s *Server) formPublishers(r *http.Request, serviceID int64) map[int]string {
	out := map[int]string{}
	if s.opts.Audit == nil || s.opts.Accounts == nil {
		return out
	}
	entries, err := s.opts.Audit.FindAuditEntries(r.Context(), audit.Filter{Action: auditFormPublished, Limit: 1000})
	if err != nil {
		return out
	}
	prefix := fmt.Sprintf("service %d version ", serviceID)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Detail, prefix)
		v, err := strconv.Atoi(rest)
		if !ok || err != nil || e.ActorID == nil || out[v] != "" {
			continue
		}
		if u, err := s.opts.Accounts.Store.FindUserByID(r.Context(), *e.ActorID); err == nil {
			out[v] = u.DisplayName
		}
	}
	return out
}

// builderTime writes an instant in the city's time: "29.11.2026, 06:10".
func (s *Server) builderTime(r *http.Request, t time.Time) string {
	t = t.In(s.opts.Location)
	if langOf(r) == "en" {
		return t.Format("2 Jan 2006, 15:04")
	}
	return t.Format("02.01.2006, 15:04")
}

// formViewPage shows a version read-only: the published form, or any
// version from the list. F is nil for a service without a form.
type formViewPage struct {
	Page
	Service  *catalog.Service
	F        *form.Form
	Status   badge
	Base     string
	Latest   bool // the latest version, which "edit" continues
	Fee      string
	Pages    []formViewPageRow
	Settings []string
}

type formViewPageRow struct {
	Number                 int
	Title, Help, Condition string
	Questions              []formViewQuestion
}

type formViewQuestion struct {
	ID, Label, Type, Rules string
	Required               bool
}

// renderFormView renders f read-only.
func (s *Server) renderFormView(w http.ResponseWriter, r *http.Request, svc *catalog.Service, f *form.Form) error {
	p := formViewPage{Page: s.page(r, "form_builder.view.title"), Service: svc, F: f, Base: formPath(svc.ID)}
	p.Title = s.t(r, "form_builder.view.title", svc.Name)
	if f == nil {
		return s.render(w, r, "form_builder_view", p)
	}
	latest, err := s.opts.Forms.LatestForm(r.Context(), svc.ID)
	if err != nil {
		return err
	}
	p.Latest = latest.Version == f.Version
	p.Status = s.formBadge(r, f.Status, f.Version)
	p.Fee = s.feeText(r, f)
	if f.Settings.Anonymous {
		p.Settings = append(p.Settings, s.t(r, "form_builder.settings.anonymous_on"))
	}
	if d := f.Settings.DecisionDays; d > 0 {
		p.Settings = append(p.Settings, s.t(r, "form_builder.settings.days_text", d))
	}
	for i := range f.Pages {
		pg := &f.Pages[i]
		row := formViewPageRow{Number: i + 1, Title: pg.Title.Get(p.Lang), Help: pg.Help.Get(p.Lang), Condition: s.conditionText(r, f, pg.ShowIf)}
		for _, q := range pg.Questions {
			row.Questions = append(row.Questions, formViewQuestion{ID: q.ID, Label: q.Label.Get(p.Lang),
				Type: s.t(r, "form_builder.type."+q.Type), Rules: s.rulesText(r, &q), Required: q.Required})
		}
		p.Pages = append(p.Pages, row)
	}
	return s.render(w, r, "form_builder_view", p)
}

// feeText describes the fee rule for people.
func (s *Server) feeText(r *http.Request, f *form.Form) string {
	if f.Fee == nil {
		return s.t(r, "form_builder.fee.none")
	}
	lang := langOf(r)
	parts := []string{euro(lang, f.Fee.BaseCents)}
	if u := f.Fee.PerUnit; u != nil {
		parts = append(parts, s.t(r, "form_builder.fee.per_unit_text", euro(lang, u.Cents), u.Question))
	}
	for i := range f.Fee.Surcharges {
		sc := &f.Fee.Surcharges[i]
		parts = append(parts, s.t(r, "form_builder.fee.surcharge_text", euro(lang, sc.Cents), s.conditionText(r, f, &sc.If)))
	}
	return strings.Join(parts, "; ")
}

// rulesText lists a question's rules for people.
func (s *Server) rulesText(r *http.Request, q *form.Question) string {
	var out []string
	add := func(ok bool, key string, args ...any) {
		if ok {
			out = append(out, s.t(r, key, args...))
		}
	}
	add(len(q.Options) > 0, "form_builder.rules.options", len(q.Options))
	add(q.MinLength > 0, "form_builder.rules.min_length", q.MinLength)
	add(q.MaxLength > 0, "form_builder.rules.max_length", q.MaxLength)
	add(q.Pattern != "", "form_builder.rules.pattern", q.Pattern)
	add(q.Min != "", "form_builder.rules.min", q.Min)
	add(q.Max != "", "form_builder.rules.max", q.Max)
	add(q.Integer, "form_builder.rules.integer")
	add(q.MinDate != "", "form_builder.rules.min_date", q.MinDate)
	add(q.MaxDate != "", "form_builder.rules.max_date", q.MaxDate)
	add(q.AllowForeign, "form_builder.rules.foreign")
	add(q.MaxFiles > 1, "form_builder.rules.max_files", q.MaxFiles)
	add(q.Prefill != "", "form_builder.rules.prefill")
	return strings.Join(out, "; ")
}

// handleFormVersion shows one version read-only.
func (s *Server) handleFormVersion(w http.ResponseWriter, r *http.Request) error {
	svc, err := s.builderService(r)
	if err != nil {
		return err
	}
	v, err := strconv.Atoi(r.PathValue("version"))
	if err != nil || v < 1 {
		return errNotFound
	}
	f, err := s.opts.Forms.FindForm(r.Context(), svc.ID, v)
	if err != nil {
		return err
	}
	return s.renderFormView(w, r, svc, f)
}

// builderVersion loads the version named by ?version=, or the latest.
func (s *Server) builderVersion(r *http.Request, svc *catalog.Service) (*form.Form, error) {
	q := r.URL.Query().Get("version")
	if q == "" {
		return s.opts.Forms.LatestForm(r.Context(), svc.ID)
	}
	v, err := strconv.Atoi(q)
	if err != nil || v < 1 {
		return nil, errNotFound
	}
	return s.opts.Forms.FindForm(r.Context(), svc.ID, v)
}

// handleFormExport downloads a version in the exchange format.
func (s *Server) handleFormExport(w http.ResponseWriter, r *http.Request) error {
	svc, err := s.builderService(r)
	if err != nil {
		return err
	}
	f, err := s.builderVersion(r, svc)
	if err != nil {
		return err
	}
	b, err := form.Export(f)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="formular-%d-v%d.json"`, svc.ID, f.Version))
	h.Set("Cache-Control", "no-store")
	_, _ = w.Write(b)
	return nil
}

// handleFormImport makes an uploaded exchange file the service's draft:
// it replaces the current draft, or becomes the next version after a
// published one. The file's service is replaced by this one.
func (s *Server) handleFormImport(w http.ResponseWriter, r *http.Request) error {
	svc, err := s.builderService(r)
	if err != nil {
		return err
	}
	if _, err := s.parseForm(r); err != nil {
		return err
	}
	ctx := r.Context()
	f, err := s.importedForm(r)
	if err == nil {
		f.ServiceID, f.Status, f.Version = svc.ID, form.StatusDraft, 1
		latest, lerr := s.opts.Forms.LatestForm(ctx, svc.ID)
		switch {
		case lerr == nil && latest.Editable():
			f.Version = latest.Version
		case lerr == nil:
			f.Version = latest.Version + 1
		case !fault.Is(lerr, fault.NotFound):
			return lerr
		}
		err = s.saveDraft(ctx, f)
	}
	if fault.Is(err, fault.Invalid) {
		if f == nil {
			f = &form.Form{}
		}
		fileField := func(path, _ string) string {
			if path == "file" {
				return "file"
			}
			return ""
		}
		p := formConfirmPage{Heading: s.t(r, "form_builder.import.failed"), Back: formPath(svc.ID),
			Upload: formPath(svc.ID) + "/import", Problems: s.builderForm(r, f, nil, err, fileField)}
		return s.renderFormConfirmStatus(w, r, p, statusOf(err))
	}
	if err != nil {
		return err
	}
	s.auditForm(r, auditFormImported, svc.ID, f.Version)
	return s.redirectFlash(w, r, formPath(svc.ID), "form_builder.flash.imported")
}

// importedForm reads the uploaded file of the import form.
func (s *Server) importedForm(r *http.Request) (*form.Form, error) {
	file, _, err := r.FormFile("file")
	if err != nil {
		return nil, fault.Fields(fault.FieldError{Field: "file", Key: "error.form_builder.no_file"})
	}
	defer file.Close()
	b, err := io.ReadAll(file)
	if err != nil {
		return nil, errBadRequest
	}
	return form.Import(b)
}

// renderFormConfirmStatus is renderFormConfirm with a status.
func (s *Server) renderFormConfirmStatus(w http.ResponseWriter, r *http.Request, p formConfirmPage, status int) error {
	p.Page = s.page(r, "form_builder.confirm.title")
	p.Title = p.Heading
	if p.Problems != nil {
		p.Form = p.Problems
	}
	return s.renderStatus(w, r, status, "form_builder_confirm", p)
}
