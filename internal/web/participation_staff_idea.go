package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/participation"
)

// psIdeaPage is an idea for staff: what was proposed, the answer form,
// the public timeline, the comments with the official comment form and,
// for moderators, hiding and merging.
type psIdeaPage struct {
	Page
	Idea       *participation.Idea
	URL        string // this page
	PublicURL  string
	Space      string
	AnswersURL string
	QueueURL   string // for moderators
	Status     string
	Moderation string // the moderation state when not published
	Due        string
	DueBadge   *badge
	Created    string
	MergedURL  string // the idea this one went into
	Statuses   []psOption
	Answer     string // the answer textarea's value
	Timeline   []psTimelineRow
	Comments   []psCommentRow
	Moderator  bool
	Merge      []psOption
	// Merged is the result of merging another idea into this one.
	Merged string
	// Conflict is the message when someone else answered meanwhile;
	// Typed is what the user wrote, so it is not lost.
	Conflict, Typed string
}

// psTimelineRow is one answer of the timeline.
type psTimelineRow struct {
	When, From, To, Answer string
}

// psCommentRow is one comment for staff, with its moderation state.
type psCommentRow struct {
	ID                 int64
	Author, When, Body string
	Official, Reply    bool
	State, Reason      string // State: "" when published
	Pending, Hidden    bool
	ReasonField        Field // the moderator's public reason
	Target             string
}

// handlePSIdea shows an idea to staff who answer its space.
func (s *Server) handlePSIdea(w http.ResponseWriter, r *http.Request) error {
	p, err := s.psIdea(r, nil)
	if err != nil {
		return err
	}
	return s.render(w, r, "participation_staff_idea", p)
}

// psIdea loads the path's idea and prepares its page; form is what came
// back with errors (nil: a fresh page).
func (s *Server) psIdea(r *http.Request, form *Form) (*psIdeaPage, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	ctx, a, lang, part := r.Context(), actorOf(r), langOf(r), s.opts.Participation
	i, err := part.Store.FindIdea(ctx, id)
	if err != nil {
		return nil, err
	}
	sp, err := part.Store.FindSpace(ctx, i.SpaceID)
	if err != nil {
		return nil, err
	}
	if !part.MayAnswer(ctx, a, sp) {
		return nil, fault.New(fault.Forbidden, "error.participation.not_staff")
	}
	p := &psIdeaPage{Page: s.page(r, "participation_staff.idea.title"), Idea: i, URL: psIdeaPath(i.ID),
		PublicURL: "/ideen/" + strconv.FormatInt(i.ID, 10), Space: psSpaceTitle(lang, sp), AnswersURL: psSpacePath(sp.Slug, "antworten"),
		Status: s.psStatusLabel(r, i.Status), DueBadge: s.psDueBadge(r, i), Created: s.csTime(r, i.CreatedAt),
		Moderator: part.MayModerate(ctx, a, sp), Answer: i.Answer}
	p.Title = i.Title
	if form != nil {
		p.Form = form
		if v, ok := form.Values["answer"]; ok {
			p.Answer = strings.Join(v, "")
		}
	}
	if i.Moderation != participation.Published {
		p.Moderation = s.t(r, "participation_staff.moderation."+i.Moderation)
	}
	if i.AnswerDue != nil {
		p.Due = s.csDate(lang, *i.AnswerDue)
	}
	if i.MergedInto != nil {
		p.MergedURL = psIdeaPath(*i.MergedInto)
	}
	status := i.Status
	if v := p.Form.Get("status"); v != "" {
		status = v
	}
	for _, st := range participation.Statuses {
		p.Statuses = append(p.Statuses, psOption{st, s.psStatusLabel(r, st), st == status})
	}
	tl, err := part.Timeline(ctx, i.ID)
	if err != nil {
		return nil, err
	}
	for k := len(tl) - 1; k >= 0; k-- { // newest first
		ch := tl[k]
		p.Timeline = append(p.Timeline, psTimelineRow{When: s.csTime(r, ch.At), From: s.psStatusLabel(r, ch.From),
			To: s.psStatusLabel(r, ch.To), Answer: ch.Answer})
	}
	if err := s.psCommentsOf(r, p); err != nil {
		return nil, err
	}
	if p.Moderator {
		p.QueueURL = psSpacePath(sp.Slug, "moderation")
		if err := s.psMergeChoices(r, p); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// psCommentsOf lists all of the idea's comments, pending and hidden ones
// too, with their state.
func (s *Server) psCommentsOf(r *http.Request, p *psIdeaPage) error {
	cs, err := s.opts.Participation.Store.FindComments(r.Context(), p.Idea.ID, true)
	if err != nil {
		return err
	}
	for _, c := range cs {
		row := psCommentRow{ID: c.ID, Author: c.AuthorName, When: s.csTime(r, c.CreatedAt), Body: c.Body, Official: c.Official,
			Reply: c.ParentID != nil, Reason: c.HiddenReason, Pending: c.Moderation == participation.Pending,
			Hidden: c.Moderation == participation.Hidden, Target: participation.TargetComment}
		if c.Moderation != participation.Published {
			row.State = s.t(r, "participation_staff.moderation."+c.Moderation)
		}
		row.ReasonField = p.reasonField(participation.TargetComment, c.ID)
		p.Comments = append(p.Comments, row)
	}
	return nil
}

// psMergeChoices are the ideas of the same space this one can be merged
// into, and the result of a merge into this one (?aus=ID).
func (s *Server) psMergeChoices(r *http.Request, p *psIdeaPage) error {
	ctx := r.Context()
	ideas, _, err := s.opts.Participation.Ideas(ctx, participation.IdeaFilter{SpaceID: p.Idea.SpaceID, Limit: psListLimit})
	if err != nil {
		return err
	}
	slices.SortFunc(ideas, func(x, y *participation.Idea) int { return strings.Compare(x.Title, y.Title) })
	sel := p.Form.Get("into")
	for _, i := range ideas {
		if i.ID != p.Idea.ID {
			id := strconv.FormatInt(i.ID, 10)
			p.Merge = append(p.Merge, psOption{id, s.t(r, "participation_staff.merge.option", i.ID, i.Title, i.Supports), id == sel})
		}
	}
	if from, err := strconv.ParseInt(r.URL.Query().Get("aus"), 10, 64); err == nil {
		f, err := s.opts.Participation.Store.FindIdea(ctx, from)
		if err == nil && f.MergedInto != nil && *f.MergedInto == p.Idea.ID {
			p.Merged = s.t(r, "participation_staff.merge.done", f.ID, f.Title, p.Idea.Supports, p.Idea.Comments)
		}
	}
	return nil
}

// reasonField is the public reason textarea of one moderation form;
// each has its own id, and only the form that came back keeps its text.
func (p *psIdeaPage) reasonField(target string, id int64) Field {
	return psReasonField(p.Form, target, id)
}

func psReasonField(f *Form, target string, id int64) Field {
	key := psReasonKey(target, id)
	fd := Field{Form: f, ID: fieldID(key), Name: "reason", Label: f.T("participation_staff.moderate.reason"),
		Hint: f.T("participation_staff.moderate.reason_hint"), Error: f.Error(key), Rows: 2, Optional: true}
	if f.Get("target") == target && f.Get("item") == strconv.FormatInt(id, 10) {
		fd.Value = f.Get("reason")
	}
	return fd
}

// psReasonKey names the reason field of one target in error lists.
func psReasonKey(target string, id int64) string {
	return "reason-" + target + "-" + strconv.FormatInt(id, 10)
}

// IdeaReason is the reason field of the idea's own moderation form.
func (p *psIdeaPage) IdeaReason() Field { return p.reasonField(participation.TargetIdea, p.Idea.ID) }

// AnswerField is the public answer textarea.
func (p *psIdeaPage) AnswerField() Field {
	return Field{Form: p.Form, ID: fieldID("answer"), Name: "answer", Label: p.T("participation_staff.answer.answer"),
		Hint: p.T("participation_staff.answer.answer_hint"), Value: p.Answer, Error: p.Form.Error("answer"), Rows: 6, Optional: true}
}

// CommentField is the official comment textarea.
func (p *psIdeaPage) CommentField() Field {
	return Field{Form: p.Form, ID: fieldID("comment_body"), Name: "comment_body", Label: p.T("participation_staff.comment.label"),
		Hint: p.T("participation_staff.comment.hint"), Value: p.Form.Get("comment_body"), Error: p.Form.Error("comment_body"), Rows: 4}
}

// handlePSAnswer gives the idea a status and a public answer (POST
// version, status, answer).
func (s *Server) handlePSAnswer(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.psPost(r)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(v.Get("version"))
	_, err = s.opts.Participation.Answer(r.Context(), actorOf(r), id, version, v.Get("status"), v.Get("answer"), langOf(r))
	if err != nil {
		return s.psIdeaFailed(w, r, v, err, nil)
	}
	return s.redirectFlash(w, r, psIdeaPath(id), "participation_staff.flash.answered")
}

// handlePSComment writes an official comment (POST comment_body).
func (s *Server) handlePSComment(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.psPost(r)
	if err != nil {
		return err
	}
	_, err = s.opts.Participation.Comment(r.Context(), actorOf(r), id, nil, v.Get("comment_body"), langOf(r))
	if fault.Is(err, fault.Conflict) { // no pseudonym yet: shown at the field, with the way to choose one
		fe := fault.As(err)
		err = fault.Fields(fault.FieldError{Field: "body", Key: fe.Key, Args: fe.Args})
	}
	if err != nil {
		return s.psIdeaFailed(w, r, v, err, map[string]string{"body": "comment_body"})
	}
	return s.redirectFlash(w, r, psIdeaPath(id)+"#comments-heading", "participation_staff.flash.commented")
}

// handlePSIdeaModerate publishes or hides the idea or one of its
// comments (POST target, item, state, reason).
func (s *Server) handlePSIdeaModerate(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.psPost(r)
	if err != nil {
		return err
	}
	target, item := v.Get("target"), psFormID(v, "item")
	if target == participation.TargetComment {
		c, err := s.opts.Participation.Store.FindComment(r.Context(), item)
		if err != nil || c.IdeaID != id {
			return errNotFound
		}
	} else if target != participation.TargetIdea || item != id {
		return errNotFound
	}
	if err := s.opts.Participation.Moderate(r.Context(), actorOf(r), target, item, v.Get("state"), v.Get("reason")); err != nil {
		return s.psIdeaFailed(w, r, v, err, map[string]string{"reason": psReasonKey(target, item)})
	}
	key := "participation_staff.flash.published"
	if v.Get("state") == participation.Hidden {
		key = "participation_staff.flash.hidden"
	}
	return s.redirectFlash(w, r, psIdeaPath(id), key)
}

// handlePSMerge merges this idea into another (POST into) and shows the
// other with the result.
func (s *Server) handlePSMerge(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.psPost(r)
	if err != nil {
		return err
	}
	into := psFormID(v, "into")
	if err := s.opts.Participation.Merge(r.Context(), actorOf(r), id, into); err != nil {
		return s.psIdeaFailed(w, r, v, err, nil)
	}
	redirect(w, r, psIdeaPath(into)+"?"+url.Values{"aus": {strconv.FormatInt(id, 10)}}.Encode())
	return nil
}

// psFormID reads an ID from a form; 0 when there is none.
func psFormID(v url.Values, name string) int64 {
	id, _ := strconv.ParseInt(v.Get(name), 10, 64)
	return id
}

// psPost reads the path's ID and the posted form.
func (s *Server) psPost(r *http.Request) (int64, url.Values, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, nil, err
	}
	v, err := s.parseForm(r)
	return id, v, err
}

// psIdeaFailed shows the idea again after a change failed: a stale
// version as a message with a link to reload, invalid input next to its
// field (rename maps the domain's field names to the page's).
func (s *Server) psIdeaFailed(w http.ResponseWriter, r *http.Request, v url.Values, err error, rename map[string]string) error {
	if !psShown(err) {
		return err
	}
	if fault.Is(err, fault.Conflict) {
		p, lerr := s.psIdea(r, nil)
		if lerr != nil {
			return lerr
		}
		fe := fault.As(err)
		p.Conflict, p.Typed = s.t(r, fe.Key, fe.Args...), strings.TrimSpace(v.Get("answer"))
		return s.renderStatus(w, r, http.StatusConflict, "participation_staff_idea", p)
	}
	p, lerr := s.psIdea(r, psRenamed(s.formFor(r, v, err), rename))
	if lerr != nil {
		return lerr
	}
	return s.renderStatus(w, r, statusOf(err), "participation_staff_idea", p)
}

// psRenamed moves errors of the domain's field names to the page's.
func psRenamed(f *Form, rename map[string]string) *Form {
	for i, e := range f.Errors {
		if to, ok := rename[e.Field]; ok {
			f.Errors[i].Field, f.Errors[i].ID = to, fieldID(to)
		}
	}
	return f
}
