package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"rathaus/internal/participation"
)

// An idea may concern a service of the catalogue: the service page links
// to /mitmachen/vorschlagen?leistung={id}, which opens the proposal form
// of the permanent ideas space with the service named.

// handlePCProposeForService leads to the proposal form of the first space
// without phases that collects ideas, carrying the service.
func (s *Server) handlePCProposeForService(w http.ResponseWriter, r *http.Request) error {
	spaces, err := s.opts.Participation.Spaces(r.Context())
	if err != nil {
		return err
	}
	for _, sp := range spaces {
		if len(sp.Phases) == 0 && participation.CurrentPhase(sp, s.now()) == participation.PhaseCollecting {
			target := pcSpacePath(sp.Slug, "neu")
			if id := pcServiceParam(r.URL.Query().Get("leistung")); id != 0 {
				target += "?leistung=" + strconv.FormatInt(id, 10)
			}
			redirect(w, r, target)
			return nil
		}
	}
	return errNotFound
}

func pcServiceParam(v string) int64 {
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}

// pcService resolves the service a proposal concerns from its form or
// query value: its ID and name, or 0 when none or not a public service.
func (s *Server) pcService(ctx context.Context, v url.Values) (int64, string) {
	id := pcServiceParam(v.Get("leistung"))
	if id == 0 || s.opts.Services == nil {
		return 0, ""
	}
	svc, err := s.opts.Services.PublicService(ctx, id)
	if err != nil {
		return 0, ""
	}
	return svc.ID, svc.Name
}

// ideaURLFor is the service page's link to propose an improvement.
func (s *Server) ideaURLFor(id int64) string {
	if s.opts.Participation == nil {
		return ""
	}
	return "/mitmachen/vorschlagen?leistung=" + strconv.FormatInt(id, 10)
}
