package web

import (
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"rathaus/internal/fault"
	"rathaus/internal/participation"
)

// The JSON API of participation (participation_api*.go), described in
// openapi.json: spaces, published ideas with filters, proposing, one idea
// with its status and answer, supports (idempotent), threaded comments,
// the public timeline, staff answers with optimistic locking, and
// similar-idea suggestions. Tokens, errors and strict bodies work as in
// api_v1.go; who is behind a pseudonym never leaves the server.

// participationAPIRoutes are the participation API's routes. They answer
// 404 when the server has no participation (Options.Participation), so
// the table and the OpenAPI document stay the same either way.
func (s *Server) participationAPIRoutes() []route {
	p, user := s.participationAPI, s.requireAPIUser
	return []route{
		{"GET /api/v1/spaces", p(s.handleAPISpaces)},
		{"GET /api/v1/ideas", p(s.handleAPIIdeas)},
		{"POST /api/v1/ideas", p(user(s.handleAPIPropose))},
		{"GET /api/v1/ideas/similar", p(s.handleAPISimilar)},
		{"GET /api/v1/ideas/{id}", p(s.handleAPIIdea)},
		{"POST /api/v1/ideas/{id}/support", p(user(s.handleAPISupport))},
		{"DELETE /api/v1/ideas/{id}/support", p(user(s.handleAPIUnsupport))},
		{"GET /api/v1/ideas/{id}/comments", p(s.handleAPIComments)},
		{"POST /api/v1/ideas/{id}/comments", p(user(s.handleAPIComment))},
		{"GET /api/v1/ideas/{id}/statuses", p(s.handleAPIStatuses)},
		{"POST /api/v1/ideas/{id}/status", p(user(s.handleAPIAnswer))},
	}
}

// participationAPI answers 404 when the server has no participation.
func (s *Server) participationAPI(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Participation == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// Paging of the API's idea lists.
const (
	apiIdeasLimit    = 50
	apiIdeasMaxLimit = 200
	apiSimilarLimit  = 5
	// apiSimilarMaxText is as much of the typed text as suggestions use.
	apiSimilarMaxText = 500
)

// apiIdeaSorts are the orders a client may ask for.
var apiIdeaSorts = []string{participation.SortNew, participation.SortSupports, participation.SortComments,
	participation.SortVotes, participation.SortDue}

// handleAPISpaces lists the spaces and processes with their current phase.
func (s *Server) handleAPISpaces(w http.ResponseWriter, r *http.Request) error {
	sps, err := s.opts.Participation.Spaces(r.Context())
	if err != nil {
		return err
	}
	out := []apiSpaceJSON{}
	for _, sp := range sps {
		out = append(out, s.apiSpace(r, sp))
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"spaces": out})
}

// apiSpaceParam resolves the space slug of query or body field "space";
// an unknown one is a field error.
func (s *Server) apiSpaceParam(r *http.Request, fv *fault.Validator, slug string) *participation.Space {
	if slug == "" {
		return nil
	}
	sp, err := s.opts.Participation.Space(r.Context(), slug)
	if err != nil {
		fv.Add("space", "error.participation_api.space")
		return nil
	}
	return sp
}

// apiIdeaFilter reads the idea list's query parameters: space (slug),
// status (repeatable or comma-separated), category, q, sort, limit,
// offset.
func (s *Server) apiIdeaFilter(r *http.Request) (participation.IdeaFilter, error) {
	v := r.URL.Query()
	f := participation.IdeaFilter{Category: strings.TrimSpace(v.Get("category")), Query: strings.TrimSpace(v.Get("q"))}
	var fv fault.Validator
	if sp := s.apiSpaceParam(r, &fv, v.Get("space")); sp != nil {
		f.SpaceID = sp.ID
	}
	for _, raw := range v["status"] {
		for _, st := range strings.Split(raw, ",") {
			if st = strings.TrimSpace(st); st == "" {
				continue
			}
			if !slices.Contains(participation.Statuses, st) {
				fv.Add("status", "error.participation.status")
				break
			}
			f.Statuses = append(f.Statuses, st)
		}
	}
	f.Sort = v.Get("sort")
	fv.Check(f.Sort == "" || slices.Contains(apiIdeaSorts, f.Sort), "sort", "error.participation_api.sort")
	f.Limit = int(queryInt(&fv, v, "limit", 1, apiIdeasMaxLimit, apiIdeasLimit))
	f.Offset = int(queryInt(&fv, v, "offset", 0, 1<<30, 0))
	return f, fv.Err()
}

// handleAPIIdeas lists one page of published ideas and the number of all
// matches.
func (s *Server) handleAPIIdeas(w http.ResponseWriter, r *http.Request) error {
	f, err := s.apiIdeaFilter(r)
	if err != nil {
		return err
	}
	ideas, total, err := s.opts.Participation.Ideas(r.Context(), f)
	if err != nil {
		return err
	}
	l := s.newAPISpaces(r)
	out := []apiIdeaJSON{}
	for _, i := range ideas {
		out = append(out, s.apiIdea(r, i, l.slug(i.SpaceID)))
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"items": out, "total": total})
}

// apiProposal is the body of POST /api/v1/ideas.
type apiProposal struct {
	Space    string               `json:"space"`
	Title    string               `json:"title"`
	Body     string               `json:"body"`
	Category string               `json:"category"`
	Place    *participation.Place `json:"place"`
}

// handleAPIPropose publishes the token user's idea under their pseudonym,
// or holds it for a moderator (moderation "pending" in the answer).
func (s *Server) handleAPIPropose(w http.ResponseWriter, r *http.Request) error {
	var in apiProposal
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	var fv fault.Validator
	sp := s.apiSpaceParam(r, &fv, strings.TrimSpace(in.Space))
	fv.Check(sp != nil || fv.Has("space"), "space", "error.participation_api.space")
	if err := fv.Err(); err != nil {
		return err
	}
	i := &participation.Idea{SpaceID: sp.ID, Title: in.Title, Body: in.Body, Category: in.Category, Place: in.Place}
	if err := s.opts.Participation.Propose(r.Context(), currentUser(r).ID, i); err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusCreated, s.apiIdeaDetail(r, i, sp.Slug, false))
}

// handleAPIIdea returns an idea; a pending one only to its author.
func (s *Server) handleAPIIdea(w http.ResponseWriter, r *http.Request) error {
	i, err := s.apiIdeaFor(r)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, s.apiIdeaDetail(r, i, s.newAPISpaces(r).slug(i.SpaceID), s.apiSupported(r, i.ID)))
}

// apiSupported reports whether the token user supports idea id; false
// for the public and when it cannot be read.
func (s *Server) apiSupported(r *http.Request, id int64) bool {
	u := currentUser(r)
	if u == nil {
		return false
	}
	ok, err := s.opts.Participation.Store.Supported(r.Context(), id, u.ID)
	return err == nil && ok
}

// apiIdeaFor loads idea {id} as the token user (or the public) may see it.
func (s *Server) apiIdeaFor(r *http.Request) (*participation.Idea, error) {
	id, err := apiPathID(r, "id")
	if err != nil {
		return nil, err
	}
	var uid *int64
	if u := currentUser(r); u != nil {
		uid = &u.ID
	}
	return s.opts.Participation.IdeaFor(r.Context(), uid, id)
}

// handleAPISimilar suggests up to five published ideas of a space like
// the text q, best first, for live suggestions while typing a proposal.
func (s *Server) handleAPISimilar(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	var fv fault.Validator
	sp := s.apiSpaceParam(r, &fv, v.Get("space"))
	fv.Check(sp != nil || fv.Has("space"), "space", "error.participation_api.space")
	if err := fv.Err(); err != nil {
		return err
	}
	out := []apiSuggestionJSON{}
	if q := apiTruncate(strings.TrimSpace(v.Get("q")), apiSimilarMaxText); q != "" {
		ideas, err := s.opts.Participation.Similar(r.Context(), sp.ID, q, apiSimilarLimit)
		if err != nil {
			return err
		}
		for _, i := range ideas {
			out = append(out, apiSuggestionJSON{ID: i.ID, Title: i.Title, Status: i.Status,
				StatusLabel: s.apiStatusLabel(r, i.Status), Supports: i.Supports, Href: apiIdeaHref(i.ID)})
		}
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

// apiSpaces caches the slugs of spaces for the ideas of a list.
type apiSpaces struct {
	s     *Server
	r     *http.Request
	slugs map[int64]string
}

func (s *Server) newAPISpaces(r *http.Request) *apiSpaces {
	return &apiSpaces{s: s, r: r, slugs: map[int64]string{}}
}

// slug is the slug of space id; "" when it cannot be read.
func (l *apiSpaces) slug(id int64) string {
	if sl, ok := l.slugs[id]; ok {
		return sl
	}
	sl := ""
	if sp, err := l.s.opts.Participation.Store.FindSpace(l.r.Context(), id); err == nil {
		sl = sp.Slug
	}
	l.slugs[id] = sl
	return sl
}

// apiTruncate cuts s to at most n characters.
func apiTruncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
