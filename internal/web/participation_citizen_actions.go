package web

import (
	"net/http"
	"strconv"

	"rathaus/internal/fault"
)

// The actions on an idea: each a form post that redirects back to the
// page it came from (post/redirect/get), with a message that says what
// happened. A refusal the person cannot fix by typing (the phase is
// over, no votes left) comes back as a message, too.

// handlePCSupport supports the idea (POST an=1) or takes the support
// back (an=0); a second support changes nothing.
func (s *Server) handlePCSupport(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.psPost(r)
	if err != nil {
		return err
	}
	ctx, uid, part := r.Context(), currentUser(r).ID, s.opts.Participation
	key := "participation_web.flash.supported"
	if v.Get("an") == "0" {
		_, _, err = part.Unsupport(ctx, uid, id)
		key = "participation_web.flash.unsupported"
	} else {
		_, _, err = part.Support(ctx, uid, id)
	}
	return s.pcDone(w, r, pcBack(v, pcIdeaPath(id)+"#unterstuetzen"), key, err)
}

// handlePCFollow starts (an=1) or ends (an=0) following the idea.
func (s *Server) handlePCFollow(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.psPost(r)
	if err != nil {
		return err
	}
	on := v.Get("an") != "0"
	key := "participation_web.flash.followed"
	if !on {
		key = "participation_web.flash.unfollowed"
	}
	err = s.opts.Participation.Follow(r.Context(), currentUser(r).ID, id, on)
	return s.pcDone(w, r, pcBack(v, pcIdeaPath(id)+"#folgen"), key, err)
}

// handlePCVote gives (an=1) or takes back (an=0) a vote in the
// prioritising phase and returns to the page it came from (zurueck).
func (s *Server) handlePCVote(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.psPost(r)
	if err != nil {
		return err
	}
	on := v.Get("an") != "0"
	key := "participation_web.flash.voted"
	if !on {
		key = "participation_web.flash.unvoted"
	}
	_, err = s.opts.Participation.Vote(r.Context(), currentUser(r).ID, id, on)
	return s.pcDone(w, r, pcBack(v, pcIdeaPath(id)+"#abstimmen"), key, err)
}

// pcDone redirects after an action: with the success message, or with
// the refusal as a message when it is one the page can tell.
func (s *Server) pcDone(w http.ResponseWriter, r *http.Request, to, key string, err error) error {
	if err == nil {
		return s.redirectFlash(w, r, to, key)
	}
	if pcShown(err) {
		return s.redirectFlashKind(w, r, to, "info", fault.As(err).Key)
	}
	return err
}

// handlePCComment writes a comment (POST text) or a reply (antwort_auf);
// without a public name the person chooses one first.
func (s *Server) handlePCComment(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.psPost(r)
	if err != nil {
		return err
	}
	var parent *int64
	if pid := pcFormID(v, "antwort_auf"); pid != 0 {
		parent = &pid
	}
	c, err := s.opts.Participation.Comment(r.Context(), actorOf(r), id, parent, v.Get("text"), langOf(r))
	if fault.Is(err, fault.Conflict) && fault.As(err).Key == "error.participation.no_pseudonym" {
		redirect(w, r, pcNameURL(pcIdeaPath(id)+"#kommentieren"))
		return nil
	}
	if fault.Is(err, fault.Invalid) {
		f := s.formFor(r, v, err)
		target := "field-kommentar"
		if parent != nil {
			target = "field-antwort"
		}
		for k := range f.Errors {
			f.Errors[k].Field, f.Errors[k].ID = "text", target
		}
		p, lerr := s.pcIdea(r, f)
		if lerr != nil {
			return lerr
		}
		return s.renderStatus(w, r, http.StatusBadRequest, "participation_idea", p)
	}
	if err != nil {
		return s.pcDone(w, r, pcIdeaPath(id)+"#kommentare", "", err)
	}
	key := "participation_web.flash.commented"
	if c.Moderation != "published" {
		key = "participation_web.flash.comment_pending"
	}
	return s.redirectFlash(w, r, pcIdeaPath(id)+"#kommentar-"+strconv.FormatInt(c.ID, 10), key)
}
