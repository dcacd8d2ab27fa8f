package web

import (
	"net/http"

	"rathaus/internal/fault"
)

// The actions of the participation API: supporting (idempotent) and
// withdrawing, comments, the public timeline and staff answers.

// handleAPISupport records the token user's support once; a repeat
// changes nothing and answers new=false with the same count.
func (s *Server) handleAPISupport(w http.ResponseWriter, r *http.Request) error {
	id, err := apiPathID(r, "id")
	if err != nil {
		return err
	}
	i, isNew, err := s.opts.Participation.Support(r.Context(), currentUser(r).ID, id)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, apiSupportJSON{Supports: i.Supports, Supported: true, New: isNew})
}

// handleAPIUnsupport takes the token user's support back; withdrawn=false
// when there was none.
func (s *Server) handleAPIUnsupport(w http.ResponseWriter, r *http.Request) error {
	id, err := apiPathID(r, "id")
	if err != nil {
		return err
	}
	i, withdrawn, err := s.opts.Participation.Unsupport(r.Context(), currentUser(r).ID, id)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, apiUnsupportJSON{Supports: i.Supports, Supported: false, Withdrawn: withdrawn})
}

// handleAPIComments lists an idea's comments in order of writing; replies
// name their parent_id. Hidden ones keep their place with the reason.
func (s *Server) handleAPIComments(w http.ResponseWriter, r *http.Request) error {
	i, err := s.apiIdeaFor(r)
	if err != nil {
		return err
	}
	cs, err := s.opts.Participation.Comments(r.Context(), i.ID)
	if err != nil {
		return err
	}
	out := []apiCommentJSON{}
	for _, c := range cs {
		out = append(out, apiComment(c))
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"comments": out})
}

// apiCommentRequest is the body of POST /api/v1/ideas/{id}/comments.
type apiCommentRequest struct {
	Body     string `json:"body"`
	ParentID *int64 `json:"parent_id"`
}

// handleAPIComment writes the token user's comment or reply under their
// pseudonym; staff of the responsible unit write official ones.
func (s *Server) handleAPIComment(w http.ResponseWriter, r *http.Request) error {
	id, err := apiPathID(r, "id")
	if err != nil {
		return err
	}
	var in apiCommentRequest
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	c, err := s.opts.Participation.Comment(r.Context(), actorOf(r), id, in.ParentID, in.Body, langOf(r))
	if err != nil {
		return apiRenameField(err, "parent", "parent_id")
	}
	return s.writeJSON(w, http.StatusCreated, apiComment(c))
}

// apiRenameField names a domain field error by the request's field.
func apiRenameField(err error, from, to string) error {
	f := fault.As(err)
	if f == nil || len(f.Fields) == 0 {
		return err
	}
	fs := make([]fault.FieldError, len(f.Fields))
	for k, fe := range f.Fields {
		if fe.Field == from {
			fe.Field = to
		}
		fs[k] = fe
	}
	out := *f
	out.Fields = fs
	return &out
}

// handleAPIStatuses is an idea's public timeline of answers, oldest
// first; it names no staff person.
func (s *Server) handleAPIStatuses(w http.ResponseWriter, r *http.Request) error {
	i, err := s.apiIdeaFor(r)
	if err != nil {
		return err
	}
	tl, err := s.opts.Participation.Timeline(r.Context(), i.ID)
	if err != nil {
		return err
	}
	out := []apiStatusChangeJSON{}
	for _, ch := range tl {
		out = append(out, apiStatusChangeJSON{From: ch.From, To: ch.To, ToLabel: s.apiStatusLabel(r, ch.To),
			Answer: ch.Answer, At: ch.At.UTC()})
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"statuses": out})
}

// apiAnswerRequest is the body of POST /api/v1/ideas/{id}/status.
type apiAnswerRequest struct {
	Status  string `json:"status"`
	Answer  string `json:"answer"`
	Version int    `json:"version"`
	Lang    string `json:"lang"`
}

// handleAPIAnswer gives an idea a status with a public answer (staff of
// the responsible unit); a version other than the stored one is a 409.
func (s *Server) handleAPIAnswer(w http.ResponseWriter, r *http.Request) error {
	id, err := apiPathID(r, "id")
	if err != nil {
		return err
	}
	var in apiAnswerRequest
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if in.Lang == "" {
		in.Lang = "de"
	}
	var fv fault.Validator
	fv.Check(in.Version > 0, "version", "error.participation_api.version")
	fv.Check(in.Lang == "de" || in.Lang == "en", "lang", "error.participation_api.lang")
	if err := fv.Err(); err != nil {
		return err
	}
	i, err := s.opts.Participation.Answer(r.Context(), actorOf(r), id, in.Version, in.Status, in.Answer, in.Lang)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, s.apiIdeaDetail(r, i, s.newAPISpaces(r).slug(i.SpaceID), s.apiSupported(r, i.ID)))
}
