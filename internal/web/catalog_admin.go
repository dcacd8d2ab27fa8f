package web

import (
	"net/http"
	"slices"
	"strings"

	"rathaus/internal/account"
	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// Catalogue editing: service owners and platform admins keep the texts of
// the service catalogue current. Every save is a revision; with four-eyes
// on (catalog.Catalog.FourEyes) a second editor approves it before the
// public sees it. Which services an editor may touch, and who may
// approve, is catalog.Catalog's decision; these pages only ask.

// requireEditor lets catalogue editors in (catalog.Catalog.IsEditor:
// platform admins and everyone holding the editor role somewhere).
func (s *Server) requireEditor(h handlerFunc) handlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) error {
		ok, err := s.editorAccess(r, currentUser(r))
		if err != nil {
			return err
		}
		if !ok {
			return fault.New(fault.Forbidden, "error.forbidden")
		}
		return h(w, r)
	})
}

// isEditor reports whether u may edit the catalogue, for the navigation
// links; an error only hides them, the pages check again.
func (s *Server) isEditor(r *http.Request, u *account.User) bool {
	ok, _ := s.editorAccess(r, u)
	return ok
}

// editorAccess decides once per request whether u is a catalogue editor.
func (s *Server) editorAccess(r *http.Request, u *account.User) (bool, error) {
	st := state(r)
	if st.editor != nil {
		return *st.editor, nil
	}
	ok := false
	if u != nil && s.opts.Services != nil {
		var err error
		if ok, err = s.opts.Services.IsEditor(r.Context(), org.Actor{UserID: u.ID, PlatformAdmin: u.PlatformAdmin}); err != nil {
			return false, err
		}
	}
	st.editor = &ok
	return ok, nil
}

// catalogListPage lists the services an editor may change.
type catalogListPage struct {
	Page
	Query    string
	Services []catalogListItem
	Total    int // editable services before the filter
}

type catalogListItem struct {
	*catalog.Service
	URL     string
	Status  badge
	Pending int // revisions waiting for review
}

// badge is a short coloured label with its text (partial "badge").
type badge struct{ Kind, Label string }

// statusBadges are the kinds and texts of service states and revision
// states (the two share "published").
var statusBadges = map[string]badge{
	catalog.StatusDraft:        {"info", "catalog_admin.status.draft"},
	catalog.StatusPublished:    {"success", "catalog_admin.status.published"},
	catalog.StatusArchived:     {"warning", "catalog_admin.status.archived"},
	catalog.RevisionPending:    {"warning", "catalog_admin.state.pending"},
	catalog.RevisionSuperseded: {"info", "catalog_admin.state.superseded"},
	catalog.RevisionRejected:   {"danger", "catalog_admin.state.rejected"},
}

// stateBadge returns the translated badge of a service or revision state.
func (s *Server) stateBadge(r *http.Request, state string) badge {
	b, ok := statusBadges[state]
	if !ok {
		return badge{"info", state}
	}
	return badge{b.Kind, s.t(r, b.Label)}
}

// handleCatalogAdminList lists the services the actor may edit, filtered
// by a text in the name, the summary or a LeiKa key.
func (s *Server) handleCatalogAdminList(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actorOf(r)
	all, err := s.opts.Services.EditableServices(ctx, a)
	if err != nil {
		return err
	}
	pending, err := s.opts.Services.Pending(ctx, a)
	if err != nil {
		return err
	}
	waiting := map[int64]int{}
	for _, rev := range pending {
		waiting[rev.ServiceID]++
	}
	p := catalogListPage{Page: s.page(r, "catalog_admin.title"), Query: strings.TrimSpace(r.URL.Query().Get("q")), Total: len(all)}
	for _, svc := range all {
		if matchesService(svc, p.Query) {
			p.Services = append(p.Services, catalogListItem{svc, serviceEditPath(svc.ID), s.stateBadge(r, svc.Status), waiting[svc.ID]})
		}
	}
	return s.render(w, r, "catalog_admin_list", p)
}

// matchesService reports whether q occurs in the service's name, summary
// or LeiKa keys, ignoring case.
func matchesService(svc *catalog.Service, q string) bool {
	if q == "" {
		return true
	}
	q = strings.ToLower(q)
	if strings.Contains(strings.ToLower(svc.Name), q) || strings.Contains(strings.ToLower(svc.Summary), q) {
		return true
	}
	return slices.ContainsFunc(svc.LeiKa, func(k string) bool { return strings.Contains(k, q) })
}

// handleCatalogAdminStatus archives a service or offers it again.
func (s *Server) handleCatalogAdminStatus(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	archive, flash := true, "catalog_admin.flash.archived"
	switch values.Get("status") {
	case "archive":
	case "restore":
		archive, flash = false, "catalog_admin.flash.restored"
	default:
		return errBadRequest
	}
	if err := s.opts.Services.SetStatus(r.Context(), actorOf(r), id, archive); err != nil {
		return err
	}
	return s.redirectFlash(w, r, serviceEditPath(id), flash)
}

// catalogMissesPage shows what citizens searched for in vain.
type catalogMissesPage struct {
	Page
	Misses []missView
}

type missView struct {
	*catalog.SearchMiss
	At string
}

// missLimit is how many recent misses the page shows.
const missLimit = 200

func (s *Server) handleCatalogAdminMisses(w http.ResponseWriter, r *http.Request) error {
	misses, err := s.opts.Services.Misses(r.Context(), actorOf(r), missLimit)
	if err != nil {
		return err
	}
	p := catalogMissesPage{Page: s.page(r, "catalog_admin.misses.title")}
	for _, m := range misses {
		p.Misses = append(p.Misses, missView{m, s.catalogTime(r, m.CreatedAt)})
	}
	return s.render(w, r, "catalog_admin_misses", p)
}

// PendingBadge marks a service with changes waiting for review.
func (p catalogListPage) PendingBadge(n int) badge {
	return badge{"warning", p.T("catalog_admin.pending_count", n)}
}
