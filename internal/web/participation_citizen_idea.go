package web

import (
	"context"
	"net/http"
	"strconv"

	"rathaus/internal/participation"
)

// pcIdeaPage is an idea as the public and its author see it.
type pcIdeaPage struct {
	Page
	Idea                 *participation.Idea
	URL, SpaceURL        string
	Space, SpaceLang     string
	Unit                 string
	Status               badge
	Author, Date         string
	Pending              bool   // the author's own idea, waiting for a moderator
	Hidden               string // the public reason
	MergedURL            string
	Supports, Comments   string
	Due                  string // the promise of an answer, in a sentence
	Timeline             []pcTimelineRow
	Thread               []*pcComment
	Open                 bool // published: supports, votes and comments
	CanSupport           bool // the phase allows supports
	Own                  bool
	Supported, Following bool
	Voting               bool
	Voted                bool
	VotesLeft            string
	LoginURL             string // for the public: log in and come back
	NameURL              string // logged in without a public name
	ReplyTo              int64
	ReportURL            string
	CommentBody          Field
}

// pcTimelineRow is one public answer of the timeline.
type pcTimelineRow struct {
	When, To, Answer, Unit string
}

// pcComment is a comment with its replies.
type pcComment struct {
	ID                  int64
	Author, Date, Body  string
	Official, Hidden    bool
	Pending             bool // the viewer's own, waiting for a moderator
	Reason              string
	ReplyURL, ReportURL string
	Replying            bool
	ReplyField          Field
	Replies             []*pcComment
}

// handlePCIdea shows an idea.
func (s *Server) handlePCIdea(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcIdea(r, nil)
	if err != nil {
		return err
	}
	return s.render(w, r, "participation_idea", p)
}

// pcIdea prepares the idea page; form is a comment that came back with
// errors (nil: a fresh page).
func (s *Server) pcIdea(r *http.Request, form *Form) (*pcIdeaPage, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	ctx, part, lang := r.Context(), s.opts.Participation, langOf(r)
	uid := pcUserID(r)
	i, err := part.IdeaFor(ctx, uid, id)
	if err != nil {
		return nil, err
	}
	sp, err := part.Store.FindSpace(ctx, i.SpaceID)
	if err != nil {
		return nil, err
	}
	p := &pcIdeaPage{Page: s.page(r, "participation_web.idea.title"), Idea: i, URL: pcIdeaPath(i.ID), SpaceURL: pcSpacePath(sp.Slug),
		Unit: s.pcUnitName(ctx, sp), Status: s.pcStatusBadge(r, i.Status), Author: pcAuthor(r, s, i.AuthorName),
		Date: s.csDate(lang, i.CreatedAt), Supports: s.pcCount(r, "participation_web.count.supports", i.Supports),
		Comments: s.pcCount(r, "participation_web.count.comments", i.Comments), ReportURL: pcIdeaPath(i.ID) + "/melden"}
	p.Title = i.Title
	p.Space, p.SpaceLang = pcSpaceTitle(lang, sp)
	if form != nil {
		p.Form = form
	}
	switch i.Moderation {
	case participation.Pending:
		p.Pending = true
	case participation.Hidden: // only the public reason: not the title, text, place or author
		p.Hidden = i.HiddenReason
		p.Title = s.t(r, "participation_web.idea.hidden_title")
	case participation.Merged:
		if i.MergedInto != nil {
			p.MergedURL = pcIdeaPath(*i.MergedInto)
		}
	case participation.Published:
		p.Open = true
	}
	p.Due = s.pcDue(r, sp, i)
	phase := participation.CurrentPhase(sp, s.now())
	p.CanSupport = p.Open && (phase == participation.PhaseCollecting || phase == participation.PhasePrioritising)
	p.Voting = p.Open && phase == participation.PhasePrioritising && sp.VotesPerPerson > 0
	p.ReplyTo = pcFormID(r.URL.Query(), "antwort")
	if v := p.Form.Get("antwort_auf"); v != "" {
		p.ReplyTo, _ = strconv.ParseInt(v, 10, 64)
	}
	if err := s.pcViewer(ctx, r, p, sp); err != nil {
		return nil, err
	}
	if err := s.pcTimeline(ctx, r, p); err != nil {
		return nil, err
	}
	if err := s.pcThread(ctx, r, p); err != nil {
		return nil, err
	}
	p.CommentBody = s.pcCommentField(p.Form, 0, p.ReplyTo == 0)
	return p, nil
}

// pcDue says the promise of an answer: due by, answered, or overdue.
func (s *Server) pcDue(r *http.Request, sp *participation.Space, i *participation.Idea) string {
	lang := langOf(r)
	switch {
	case i.AnswerDue == nil && sp.SupportThreshold > 0 && i.Moderation == participation.Published:
		return s.t(r, "participation_web.idea.threshold", sp.SupportThreshold, sp.AnswerDays)
	case i.AnswerDue == nil:
		return ""
	case i.AnsweredAt != nil:
		return s.t(r, "participation_web.idea.answered", s.csDate(lang, *i.AnsweredAt))
	case i.AnswerDue.Before(s.now()):
		return s.t(r, "participation_web.idea.overdue", s.csDate(lang, *i.AnswerDue))
	}
	return s.t(r, "participation_web.idea.due", s.csDate(lang, *i.AnswerDue))
}

// pcViewer sets what the viewer may do: log in, choose a name, support,
// follow, vote.
func (s *Server) pcViewer(ctx context.Context, r *http.Request, p *pcIdeaPage, sp *participation.Space) error {
	u := currentUser(r)
	if u == nil {
		p.LoginURL = pcLoginURL(p.URL)
		return nil
	}
	store := s.opts.Participation.Store
	i := p.Idea
	p.Own = i.AuthorID != nil && *i.AuthorID == u.ID
	var err error
	if p.Supported, err = store.Supported(ctx, i.ID, u.ID); err != nil {
		return err
	}
	if p.Following, err = store.Following(ctx, i.ID, u.ID); err != nil {
		return err
	}
	named, err := s.pcHasName(ctx, u.ID)
	if err != nil {
		return err
	}
	if !named {
		p.NameURL = pcNameURL(p.URL + "#kommentieren")
	}
	if p.Voting {
		ids, err := store.VotesOf(ctx, sp.ID, u.ID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			p.Voted = p.Voted || id == i.ID
		}
		p.VotesLeft = s.t(r, "participation_web.vote.left", sp.VotesPerPerson-len(ids), sp.VotesPerPerson)
	}
	return nil
}

// pcTimeline lists the public answers, oldest first, each as the unit's.
func (s *Server) pcTimeline(ctx context.Context, r *http.Request, p *pcIdeaPage) error {
	tl, err := s.opts.Participation.Timeline(ctx, p.Idea.ID)
	if err != nil {
		return err
	}
	for _, ch := range tl {
		p.Timeline = append(p.Timeline, pcTimelineRow{When: s.csDate(langOf(r), ch.At), To: s.pcStatusLabel(r, ch.To),
			Answer: ch.Answer, Unit: p.Unit})
	}
	return nil
}

// pcThread builds the comment tree: the visible comments (hidden ones
// with their public reason) and the viewer's own pending ones.
func (s *Server) pcThread(ctx context.Context, r *http.Request, p *pcIdeaPage) error {
	all, err := s.opts.Participation.Store.FindComments(ctx, p.Idea.ID, true)
	if err != nil {
		return err
	}
	uid := pcUserID(r)
	byID := map[int64]*pcComment{}
	for _, c := range all {
		own := uid != nil && c.AuthorID != nil && *c.AuthorID == *uid
		if c.Moderation == participation.Pending && !own {
			continue
		}
		pc := &pcComment{ID: c.ID, Author: pcAuthor(r, s, c.AuthorName), Date: s.csTime(r, c.CreatedAt), Body: c.Body,
			Official: c.Official, Hidden: c.Moderation == participation.Hidden, Pending: c.Moderation == participation.Pending,
			Reason: c.HiddenReason}
		if pc.Hidden {
			pc.Body = ""
		}
		if p.Open && !pc.Hidden && !pc.Pending {
			pc.ReplyURL = p.URL + "?antwort=" + strconv.FormatInt(c.ID, 10) + "#antworten"
			pc.ReportURL = p.ReportURL + "?kommentar=" + strconv.FormatInt(c.ID, 10)
			if c.ID == p.ReplyTo {
				pc.Replying = true
				pc.ReplyField = s.pcCommentField(p.Form, c.ID, true)
			}
		}
		byID[c.ID] = pc
		if c.ParentID != nil && byID[*c.ParentID] != nil {
			parent := byID[*c.ParentID]
			parent.Replies = append(parent.Replies, pc)
			continue
		}
		p.Thread = append(p.Thread, pc)
	}
	return nil
}

// pcCommentField is the textarea of a comment (parent 0) or a reply;
// only the form that came back keeps its text and error.
func (s *Server) pcCommentField(f *Form, parent int64, mine bool) Field {
	id := "field-kommentar"
	label := "participation_web.comment.label"
	if parent != 0 {
		id = "field-antwort"
		label = "participation_web.comment.reply_label"
	}
	fd := Field{Form: f, ID: id, Name: "text", Label: f.T(label), Hint: f.T("participation_web.comment.hint"), Rows: 4}
	if mine && f.Get("antwort_auf") == strconv.FormatInt(parent, 10) {
		fd.Value, fd.Error = f.Get("text"), f.Error("text")
	}
	return fd
}

// pcLevel is one level of the comment tree for the recursive partial.
type pcLevel struct {
	P        *pcIdeaPage
	Comments []*pcComment
	Nested   bool // replies, indented under their comment
}

// Level wraps the top level of the comment tree with the page.
func (p *pcIdeaPage) Level(cs []*pcComment) pcLevel { return pcLevel{p, cs, false} }

// Replies wraps the replies to a comment with the page.
func (p *pcIdeaPage) Replies(cs []*pcComment) pcLevel { return pcLevel{p, cs, true} }
