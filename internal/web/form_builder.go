package web

import (
	"context"
	"net/http"
	"strconv"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// The form builder: service owners build their service's application
// form without a developer. Who may build a service's form is who may edit
// the service in the catalogue (catalog.Catalog.CanEdit). Every change is
// made to the current draft, checked whole with form.Form.Check and saved
// only when it passes, so a failed save changes nothing. A published
// version never changes; editing it starts the next draft.

// formBuilderRoutes are the form builder's pages, next to the catalogue
// editing under /admin.
func (s *Server) formBuilderRoutes() []route {
	b := func(h handlerFunc) handlerFunc { return s.withForms(s.requireEditor(h)) }
	return []route{
		{"GET /admin/forms", b(s.handleFormList)},
		{"POST /admin/forms/{service}/create", b(s.handleFormCreate)},
		{"GET /admin/forms/{service}", b(s.handleFormEdit)},
		{"POST /admin/forms/{service}", b(s.handleFormSave)},
		{"POST /admin/forms/{service}/draft", b(s.handleFormNextDraft)},
		{"POST /admin/forms/{service}/pages", b(s.handleFormPageAdd)},
		{"GET /admin/forms/{service}/pages/{page}", b(s.handleFormPage)},
		{"POST /admin/forms/{service}/pages/{page}", b(s.handleFormPageSave)},
		{"POST /admin/forms/{service}/pages/{page}/move", b(s.handleFormPageMove)},
		{"GET /admin/forms/{service}/pages/{page}/delete", b(s.handleFormPageDeleteConfirm)},
		{"POST /admin/forms/{service}/pages/{page}/delete", b(s.handleFormPageDelete)},
		{"POST /admin/forms/{service}/pages/{page}/questions", b(s.handleFormQuestionAdd)},
		{"GET /admin/forms/{service}/questions/{question}", b(s.handleFormQuestion)},
		{"POST /admin/forms/{service}/questions/{question}", b(s.handleFormQuestionSave)},
		{"POST /admin/forms/{service}/questions/{question}/move", b(s.handleFormQuestionMove)},
		{"GET /admin/forms/{service}/questions/{question}/delete", b(s.handleFormQuestionDeleteConfirm)},
		{"POST /admin/forms/{service}/questions/{question}/delete", b(s.handleFormQuestionDelete)},
		{"GET /admin/forms/{service}/preview", b(s.handleFormPreview)},
		{"POST /admin/forms/{service}/preview", b(s.handleFormPreviewCheck)},
		{"GET /admin/forms/{service}/publish", b(s.handleFormPublishConfirm)},
		{"POST /admin/forms/{service}/publish", b(s.handleFormPublish)},
		{"GET /admin/forms/{service}/versions", b(s.handleFormVersions)},
		{"GET /admin/forms/{service}/versions/{version}", b(s.handleFormVersion)},
		{"GET /admin/forms/{service}/export", b(s.handleFormExport)},
		{"POST /admin/forms/{service}/import", b(s.handleFormImport)},
	}
}

// withForms answers 404 when the server keeps no forms.
func (s *Server) withForms(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Forms == nil || s.opts.Services == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// formPath is the builder's page of a service's form.
func formPath(serviceID int64) string { return "/admin/forms/" + strconv.FormatInt(serviceID, 10) }

func formPagePath(serviceID int64, pageID string) string {
	return formPath(serviceID) + "/pages/" + pageID
}

func formQuestionPath(serviceID int64, questionID string) string {
	return formPath(serviceID) + "/questions/" + questionID
}

// builderService loads the path's {service} after checking that the
// actor may edit it (Forbidden otherwise).
func (s *Server) builderService(r *http.Request) (*catalog.Service, error) {
	id, err := pathID(r, "service")
	if err != nil {
		return nil, err
	}
	return s.opts.Services.Service(r.Context(), actorOf(r), id)
}

// builderDraft loads the service and its current draft. A service whose
// latest version is published has no draft: Conflict.
func (s *Server) builderDraft(r *http.Request) (*catalog.Service, *form.Form, error) {
	svc, err := s.builderService(r)
	if err != nil {
		return nil, nil, err
	}
	f, err := s.opts.Forms.LatestForm(r.Context(), svc.ID)
	if err != nil {
		return nil, nil, err
	}
	if err := f.CheckEditable(); err != nil {
		return nil, nil, err
	}
	return svc, f, nil
}

// saveDraft checks the whole form and stores it. Nothing is stored when
// the check fails.
func (s *Server) saveDraft(ctx context.Context, f *form.Form) error {
	if err := f.CheckEditable(); err != nil {
		return err
	}
	if err := f.Check(); err != nil {
		return err
	}
	f.UpdatedAt = s.now()
	return s.opts.Forms.SaveForm(ctx, f)
}

// formListPage lists the services the user may build forms for.
type formListPage struct {
	Page
	Services []formListItem
}

type formListItem struct {
	*catalog.Service
	Status  badge
	EditURL string // empty when the service has no form yet
	Version int
}

// handleFormList lists the editable services with the state of their form.
func (s *Server) handleFormList(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	services, err := s.opts.Services.EditableServices(ctx, actorOf(r))
	if err != nil {
		return err
	}
	infos, err := s.opts.Forms.Forms(ctx)
	if err != nil {
		return err
	}
	latest := map[int64]form.Info{}
	for _, in := range infos {
		latest[in.ServiceID] = in
	}
	p := formListPage{Page: s.page(r, "form_builder.list.title")}
	for _, svc := range services {
		item := formListItem{Service: svc, Status: badge{"info", s.t(r, "form_builder.status.none")}}
		if in, ok := latest[svc.ID]; ok {
			item.EditURL, item.Version = formPath(svc.ID), in.Version
			item.Status = s.formBadge(r, in.Status, in.Version)
		}
		p.Services = append(p.Services, item)
	}
	return s.render(w, r, "form_builder_list", p)
}

// formBadge is the badge of a form version: "Entwurf v2", "veröffentlicht v1".
func (s *Server) formBadge(r *http.Request, status string, version int) badge {
	if status == form.StatusPublished {
		return badge{"success", s.t(r, "form_builder.status.published", version)}
	}
	return badge{"warning", s.t(r, "form_builder.status.draft", version)}
}

// handleFormCreate starts a service's first form: the service's name as
// its title, the catalogue's first fixed fee as its base fee, and one
// page asking for the applicant's name, so that it passes the check from
// the start.
func (s *Server) handleFormCreate(w http.ResponseWriter, r *http.Request) error {
	svc, err := s.builderService(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if _, err := s.opts.Forms.LatestForm(ctx, svc.ID); err == nil {
		return redirectTo(w, r, formPath(svc.ID))
	} else if !fault.Is(err, fault.NotFound) {
		return err
	}
	if err := s.saveDraft(ctx, s.starterForm(svc)); err != nil {
		return err
	}
	return s.redirectFlash(w, r, formPath(svc.ID), "form_builder.flash.created")
}

func redirectTo(w http.ResponseWriter, r *http.Request, to string) error {
	redirect(w, r, to)
	return nil
}

// starterForm is the first draft of a service's form.
func (s *Server) starterForm(svc *catalog.Service) *form.Form {
	tr := func(key string) form.Text {
		return form.Text{"de": s.tr.T("de", key), "en": s.tr.T("en", key)}
	}
	f := &form.Form{ServiceID: svc.ID, Version: 1, Status: form.StatusDraft,
		Title: form.Text{"de": svc.Name},
		Pages: []form.Page{{ID: "antragsteller", Title: tr("form_builder.starter.page"), Questions: []form.Question{
			{ID: "name", Type: form.TypeText, Label: tr("form_builder.starter.name"), Required: true, Prefill: form.PrefillName},
		}}},
	}
	for _, fee := range svc.Fees {
		if fee.Cents > 0 && fee.MaxCents == 0 {
			f.Fee = &form.Fee{BaseCents: fee.Cents}
			break
		}
	}
	return f
}

// handleFormNextDraft starts editing a published form: the next version
// as a draft, a copy of the published one.
func (s *Server) handleFormNextDraft(w http.ResponseWriter, r *http.Request) error {
	svc, err := s.builderService(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	f, err := s.opts.Forms.LatestForm(ctx, svc.ID)
	if err != nil {
		return err
	}
	if f.Editable() {
		return redirectTo(w, r, formPath(svc.ID))
	}
	if err := s.saveDraft(ctx, f.NextVersion(s.now())); err != nil {
		return err
	}
	return s.redirectFlash(w, r, formPath(svc.ID), "form_builder.flash.next_draft")
}
