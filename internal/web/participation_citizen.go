package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"rathaus/internal/fault"
	"rathaus/internal/participation"
)

// The citizen pages of participation (participation_citizen*.go): the
// spaces and processes, a space's ideas with filters, proposing with the
// similar-ideas step, an idea with its answer, supports, followers,
// votes and threaded comments, reports, the results ("what became of
// your ideas"), the Atom feed and the choice of a public name. Every
// page works without JavaScript (forms post and redirect); people appear
// only under their pseudonym, staff only as their unit.

// participationCitizenRoutes are the citizen pages of participation.
// They answer 404 when the server has no participation.
func (s *Server) participationCitizenRoutes() []route {
	p, user := s.withParticipation, s.requireUser
	return []route{
		{"GET /mitmachen", p(s.handlePCSpaces)},
		{"GET /mitmachen/vorschlagen", p(s.handlePCProposeForService)},
		{"GET /mitmachen/{slug}", p(s.handlePCSpace)},
		{"GET /mitmachen/{slug}/neu", p(user(s.handlePCProposeForm))},
		{"POST /mitmachen/{slug}/neu", p(user(s.handlePCPropose))},
		{"GET /mitmachen/{slug}/ergebnisse", p(s.handlePCResults)},
		{"GET /mitmachen/{slug}/feed.atom", p(s.handlePCFeed)},
		{"GET /ideen/{id}", p(s.handlePCIdea)},
		{"POST /ideen/{id}/unterstuetzung", p(user(s.handlePCSupport))},
		{"POST /ideen/{id}/folgen", p(user(s.handlePCFollow))},
		{"POST /ideen/{id}/stimme", p(user(s.handlePCVote))},
		{"POST /ideen/{id}/kommentare", p(user(s.handlePCComment))},
		{"GET /ideen/{id}/melden", p(user(s.handlePCReportForm))},
		{"POST /ideen/{id}/melden", p(user(s.handlePCReport))},
		{"GET /konto/name", p(user(s.handlePCNameForm))},
		{"POST /konto/name", p(user(s.handlePCName))},
	}
}

// withParticipation answers 404 when the server has no participation.
func (s *Server) withParticipation(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Participation == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// pcSpacePath is a space's public page, with an optional sub-page
// ("neu", "ergebnisse", "feed.atom").
func pcSpacePath(slug string, sub ...string) string {
	p := "/mitmachen/" + slug
	for _, x := range sub {
		p += "/" + x
	}
	return p
}

// pcIdeaPath is an idea's public page.
func pcIdeaPath(id int64) string { return "/ideen/" + strconv.FormatInt(id, 10) }

// pcLoginURL is the login page that returns to back.
func pcLoginURL(back string) string { return loginPath + "?" + url.Values{"next": {back}}.Encode() }

// pcNameURL is the page to choose a public name that returns to back.
func pcNameURL(back string) string { return "/konto/name?" + url.Values{"weiter": {back}}.Encode() }

// pcCount says a number in words with the right plural: key+".one" for
// one, key (the plural) otherwise ("1 Unterstützung", "12
// Unterstützungen").
func (s *Server) pcCount(r *http.Request, key string, n int) string {
	if n == 1 {
		return s.t(r, key+".one", n)
	}
	return s.t(r, key, n)
}

// pcStatusLabel names an idea's public status.
func (s *Server) pcStatusLabel(r *http.Request, status string) string {
	return s.t(r, "participation_web.status."+status)
}

// pcStatusBadge is an idea's status as a badge: words, and a colour that
// only repeats them.
func (s *Server) pcStatusBadge(r *http.Request, status string) badge {
	kind := "info"
	switch status {
	case participation.StatusDone:
		kind = "success"
	case participation.StatusRejected:
		kind = "danger"
	case participation.StatusPlanned, participation.StatusInProgress:
		kind = "warning"
	}
	return badge{kind, s.pcStatusLabel(r, status)}
}

// pcSpace loads the path's space.
func (s *Server) pcSpace(r *http.Request) (*participation.Space, error) {
	return s.opts.Participation.Space(r.Context(), r.PathValue("slug"))
}

// pcUnitName is the name of a space's responsible unit: the answers are
// the unit's, never a staff person's.
func (s *Server) pcUnitName(ctx context.Context, sp *participation.Space) string {
	if sp.OrgID == nil || s.opts.Orgs == nil {
		return s.opts.City.Name
	}
	o, err := s.opts.Orgs.Store.FindOrgByID(ctx, *sp.OrgID)
	if err != nil {
		return s.opts.City.Name
	}
	return o.Name
}

// pcHasName reports whether the user chose a public name.
func (s *Server) pcHasName(ctx context.Context, userID int64) (bool, error) {
	_, err := s.opts.Participation.Pseudonym(ctx, userID)
	if fault.Is(err, fault.NotFound) {
		return false, nil
	}
	return err == nil, err
}

// pcUserID is the current user's id, nil for the public.
func pcUserID(r *http.Request) *int64 {
	if u := currentUser(r); u != nil {
		id := u.ID
		return &id
	}
	return nil
}

// pcBack is the local page a form wants to return to (field "zurueck"),
// or def.
func pcBack(v url.Values, def string) string { return localPathOr(v.Get("zurueck"), def) }

// pcFormID reads an id from a form or query; 0 when there is none.
func pcFormID(v url.Values, name string) int64 {
	id, _ := strconv.ParseInt(v.Get(name), 10, 64)
	return id
}

// pcShown reports whether a refused action is told on the page it came
// from (a conflict such as "voting is over", too many votes) rather than
// as an error page.
func pcShown(err error) bool {
	k := fault.KindOf(err)
	return k == fault.Conflict || k == fault.TooMany
}
