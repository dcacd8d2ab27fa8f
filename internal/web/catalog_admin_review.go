package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
)

// revisionView is a revision with the names and times a page shows.
type revisionView struct {
	*catalog.Revision
	URL          string
	ServiceName  string
	Author       string
	Reviewer     string
	At, Reviewed string
	State        badge
	Own          bool // written by the viewer, who therefore cannot approve it
}

// catalogRevisionPage shows one revision with its differences.
type catalogRevisionPage struct {
	Page
	Service  *catalog.Service
	Rev      revisionView
	Base     *revisionView // the version compared against; nil: the current text or nothing
	Diff     []diffField
	EditURL  string
	History  string
	Pending  bool
	FourEyes bool
}

// catalogRevisionsPage lists revisions: the review queue or a history.
type catalogRevisionsPage struct {
	Page
	Service   *catalog.Service // the service of a history, nil in the queue
	EditURL   string
	Revisions []revisionView
}

func revisionPath(id int64) string { return "/admin/catalog/revisions/" + strconv.FormatInt(id, 10) }

func serviceHistoryPath(id int64) string { return serviceEditPath(id) + "/history" }

// handleCatalogAdminReviews lists the changes waiting for approval.
func (s *Server) handleCatalogAdminReviews(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actorOf(r)
	pending, err := s.opts.Services.Pending(ctx, a)
	if err != nil {
		return err
	}
	p := catalogRevisionsPage{Page: s.page(r, "catalog_admin.reviews.title")}
	names := s.newNameCache()
	services := map[int64]string{}
	for _, rev := range pending {
		if _, ok := services[rev.ServiceID]; !ok {
			svc, err := s.opts.Services.Service(ctx, a, rev.ServiceID)
			if err != nil {
				return err
			}
			services[rev.ServiceID] = svc.Name
		}
		v, err := s.revisionView(r, names, rev)
		if err != nil {
			return err
		}
		v.ServiceName = services[rev.ServiceID]
		p.Revisions = append(p.Revisions, v)
	}
	return s.render(w, r, "catalog_admin_reviews", p)
}

// handleCatalogAdminHistory lists every revision of a service, newest first.
func (s *Server) handleCatalogAdminHistory(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx, a := r.Context(), actorOf(r)
	svc, err := s.opts.Services.Service(ctx, a, id)
	if err != nil {
		return err
	}
	revs, err := s.opts.Services.History(ctx, a, id)
	if err != nil {
		return err
	}
	p := catalogRevisionsPage{Page: s.page(r, "catalog_admin.history.title"), Service: svc, EditURL: serviceEditPath(id)}
	p.Title = s.t(r, "catalog_admin.history.title", svc.Name)
	names := s.newNameCache()
	for _, rev := range revs {
		v, err := s.revisionView(r, names, rev)
		if err != nil {
			return err
		}
		p.Revisions = append(p.Revisions, v)
	}
	return s.render(w, r, "catalog_admin_history", p)
}

// handleCatalogAdminRevision shows a revision and what it changes: a
// pending one against the text the public sees now, any other against
// the version published before it.
func (s *Server) handleCatalogAdminRevision(w http.ResponseWriter, r *http.Request) error {
	return s.renderRevision(w, r, nil, nil)
}

// handleCatalogAdminApprove publishes a pending revision.
func (s *Server) handleCatalogAdminApprove(w http.ResponseWriter, r *http.Request) error {
	id, values, err := s.reviewForm(r)
	if err != nil {
		return err
	}
	if err := s.opts.Services.Approve(r.Context(), actorOf(r), id, values.Get("approve_note")); err != nil {
		return err
	}
	return s.redirectFlash(w, r, revisionPath(id), "catalog_admin.flash.approved")
}

// handleCatalogAdminReject closes a pending revision; the reason is
// required, since the author needs to know what to change.
func (s *Server) handleCatalogAdminReject(w http.ResponseWriter, r *http.Request) error {
	id, values, err := s.reviewForm(r)
	if err != nil {
		return err
	}
	err = s.opts.Services.Reject(r.Context(), actorOf(r), id, values.Get("reject_note"))
	if fault.Is(err, fault.Invalid) {
		return s.renderRevision(w, r, values, fault.Fields(fault.FieldError{Field: "reject_note", Key: "error.catalog.reject_note"}))
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, revisionPath(id), "catalog_admin.flash.rejected")
}

func (s *Server) reviewForm(r *http.Request) (int64, url.Values, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, nil, err
	}
	values, err := s.parseForm(r)
	return id, values, err
}

// renderRevision renders the revision page, with the review forms'
// values and problems after a failed review.
func (s *Server) renderRevision(w http.ResponseWriter, r *http.Request, values url.Values, formErr error) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx, a := r.Context(), actorOf(r)
	rev, svc, err := s.opts.Services.Revision(ctx, a, id)
	if err != nil {
		return err
	}
	names := s.newNameCache()
	p := catalogRevisionPage{Page: s.page(r, "catalog_admin.revision.title"), Service: svc,
		EditURL: serviceEditPath(svc.ID), History: serviceHistoryPath(svc.ID),
		Pending: rev.State == catalog.RevisionPending, FourEyes: s.opts.Services.FourEyes}
	p.Title = s.t(r, "catalog_admin.revision.title", rev.Number, svc.Name)
	if p.Rev, err = s.revisionView(r, names, rev); err != nil {
		return err
	}
	base, err := s.diffBase(ctx, r, names, svc, rev)
	if err != nil {
		return err
	}
	var old catalog.Content
	if base != nil {
		old, p.Base = base.Content, base
	} else if p.Pending && svc.Version > 0 {
		old = svc.Content
	}
	if p.Diff, err = s.diffView(ctx, r, old, rev.Content); err != nil {
		return err
	}
	status := http.StatusOK
	if formErr != nil {
		p.Form, status = s.formFor(r, values, formErr), statusOf(formErr)
	}
	return s.renderStatus(w, r, status, "catalog_admin_revision", p)
}

// diffBase finds the version a revision is compared with: for a pending
// one the current text (nil here), else the nearest earlier revision that
// was published, or nil for the first.
func (s *Server) diffBase(ctx context.Context, r *http.Request, names nameCache, svc *catalog.Service, rev *catalog.Revision) (*revisionView, error) {
	if rev.State == catalog.RevisionPending {
		return nil, nil
	}
	history, err := s.opts.Services.History(ctx, actorOf(r), svc.ID)
	if err != nil {
		return nil, err
	}
	for _, h := range history { // newest first
		if h.Number < rev.Number && (h.State == catalog.RevisionPublished || h.State == catalog.RevisionSuperseded) {
			v, err := s.revisionView(r, names, h)
			return &v, err
		}
	}
	return nil, nil
}

func (s *Server) revisionView(r *http.Request, names nameCache, rev *catalog.Revision) (revisionView, error) {
	v := revisionView{Revision: rev, URL: revisionPath(rev.ID), At: s.catalogTime(r, rev.CreatedAt)}
	v.State = s.stateBadge(r, rev.State)
	u := currentUser(r)
	v.Own = rev.AuthorID != nil && u != nil && *rev.AuthorID == u.ID
	var err error
	if rev.AuthorID == nil {
		v.Author = s.t(r, "catalog_admin.origin."+originKey(rev.Origin))
	} else if v.Author, err = names.name(r, *rev.AuthorID); err != nil {
		return v, err
	}
	if rev.ReviewerID != nil {
		if v.Reviewer, err = names.name(r, *rev.ReviewerID); err != nil {
			return v, err
		}
	}
	if rev.ReviewedAt != nil {
		v.Reviewed = s.catalogTime(r, *rev.ReviewedAt)
	}
	return v, nil
}

// originKey names the origin of a revision without an author.
func originKey(origin string) string {
	if origin == catalog.OriginImport {
		return "import"
	}
	return "system"
}

// nameCache looks up display names once per page.
type nameCache struct {
	s     *Server
	names map[int64]string
}

func (s *Server) newNameCache() nameCache { return nameCache{s, map[int64]string{}} }

func (c nameCache) name(r *http.Request, id int64) (string, error) {
	if n, ok := c.names[id]; ok {
		return n, nil
	}
	u, err := c.s.opts.Accounts.Store.FindUserByID(r.Context(), id)
	switch {
	case fault.Is(err, fault.NotFound):
		c.names[id] = c.s.t(r, "catalog_admin.deleted_account")
	case err != nil:
		return "", err
	default:
		c.names[id] = u.DisplayName
	}
	return c.names[id], nil
}

// catalogTime formats a time of the catalogue's history in the city's
// time zone: "28.11.2026, 11:00".
func (s *Server) catalogTime(r *http.Request, t time.Time) string {
	t = t.In(s.opts.Location)
	if langOf(r) == "en" {
		return t.Format("2 Jan 2006, 15:04")
	}
	return t.Format("02.01.2006, 15:04")
}
