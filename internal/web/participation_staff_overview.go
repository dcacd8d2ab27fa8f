package web

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"time"

	"rathaus/internal/participation"
)

// psListLimit bounds the ideas one staff list shows.
const psListLimit = 500

// psOverviewPage lists the spaces the user answers or moderates, those
// with overdue answers first.
type psOverviewPage struct {
	Page
	Rows   []psSpaceRow
	Create bool // the user may create a space
}

// psSpaceRow is one space with its figures; the moderation figures only
// for moderators.
type psSpaceRow struct {
	Title, AnswersURL, QueueURL, EditURL string
	Process                              bool
	ToAnswer, DueSoon, Overdue           int
	Reports, Pending                     int
	Moderator                            bool
}

// handlePSOverview shows the overview.
func (s *Server) handlePSOverview(w http.ResponseWriter, r *http.Request) error {
	ctx, a, lang := r.Context(), actorOf(r), langOf(r)
	spaces, err := s.opts.Participation.Spaces(ctx)
	if err != nil {
		return err
	}
	p := psOverviewPage{Page: s.page(r, "participation_staff.overview.title")}
	for _, sp := range spaces {
		if !s.opts.Participation.MayAnswer(ctx, a, sp) {
			continue
		}
		row := psSpaceRow{Title: psSpaceTitle(lang, sp), AnswersURL: psSpacePath(sp.Slug, "antworten"), Process: len(sp.Phases) > 0,
			Moderator: s.opts.Participation.MayModerate(ctx, a, sp)}
		if err := s.psCountAnswers(ctx, sp, &row); err != nil {
			return err
		}
		if row.Moderator {
			row.QueueURL, row.EditURL = psSpacePath(sp.Slug, "moderation"), psSpacePath(sp.Slug, "bearbeiten")
			if err := s.psCountQueue(ctx, sp, &row); err != nil {
				return err
			}
		}
		p.Rows = append(p.Rows, row)
	}
	slices.SortStableFunc(p.Rows, func(x, y psSpaceRow) int {
		if x.Overdue != y.Overdue {
			return y.Overdue - x.Overdue
		}
		return strings.Compare(x.Title, y.Title)
	})
	units, err := s.psModeratedUnits(r)
	if err != nil {
		return err
	}
	p.Create = len(units) > 0
	return s.render(w, r, "participation_staff_overview", p)
}

// psCountAnswers counts a space's ideas nobody answered yet, and the
// promised answers due soon and overdue.
func (s *Server) psCountAnswers(ctx context.Context, sp *participation.Space, row *psSpaceRow) error {
	part, now := s.opts.Participation, s.now()
	var err error
	count := func(f participation.IdeaFilter) int {
		if err != nil {
			return 0
		}
		f.SpaceID, f.Limit = sp.ID, 1
		var n int
		_, n, err = part.Ideas(ctx, f)
		return n
	}
	soon := now.Add(psDueSoon)
	row.ToAnswer = count(participation.IdeaFilter{Statuses: []string{participation.StatusReceived}})
	row.Overdue = count(participation.IdeaFilter{AnswerOverdue: &now})
	row.DueSoon = count(participation.IdeaFilter{AnswerOverdue: &soon}) - row.Overdue
	return err
}

// psCountQueue counts a space's open reports and pending contributions.
func (s *Server) psCountQueue(ctx context.Context, sp *participation.Space, row *psSpaceRow) error {
	store := s.opts.Participation.Store
	reports, err := store.FindReports(ctx, participation.ReportFilter{SpaceID: sp.ID, Open: true, Limit: psListLimit})
	if err != nil {
		return err
	}
	row.Reports = len(psGroupReports(reports))
	_, ideas, err := store.FindIdeas(ctx, participation.IdeaFilter{SpaceID: sp.ID, Moderation: []string{participation.Pending}, Limit: 1})
	if err != nil {
		return err
	}
	comments, err := s.psPendingComments(ctx, sp.ID)
	row.Pending = ideas + len(comments)
	return err
}

// psPendingComments lists the comments waiting for a moderator on the
// space's published ideas, oldest first. The store has no query across a
// space's comments, so it reads each idea's (bounded by psListLimit).
func (s *Server) psPendingComments(ctx context.Context, spaceID int64) ([]*participation.Comment, error) {
	store := s.opts.Participation.Store
	ideas, _, err := store.FindIdeas(ctx, participation.IdeaFilter{SpaceID: spaceID, Limit: psListLimit})
	if err != nil {
		return nil, err
	}
	var out []*participation.Comment
	for _, i := range ideas {
		cs, err := store.FindComments(ctx, i.ID, true)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			if c.Moderation == participation.Pending {
				out = append(out, c)
			}
		}
	}
	slices.SortStableFunc(out, func(x, y *participation.Comment) int { return x.CreatedAt.Compare(y.CreatedAt) })
	return out, nil
}

// psAnswersPage lists a space's ideas to answer: by due date, then by
// supports.
type psAnswersPage struct {
	Page
	Space             string
	Slug              string
	Tabs              []psTab
	Rows              []psIdeaRow
	Moderator         bool
	Threshold, InDays int
}

// psTab is a view of the answer list as a link.
type psTab struct {
	Label, URL string
	Current    bool
}

// psIdeaRow is one idea of the answer list.
type psIdeaRow struct {
	URL, Title, Category, Status, Received, Due string
	Supports, Comments                          int
	DueBadge                                    *badge
}

// psViews are the answer list's views: nobody answered yet (default),
// answer promised and not given, overdue, all.
var psViews = []string{"offen", "zugesagt", "ueberfaellig", "alle"}

// handlePSAnswers shows the answer list of a space.
func (s *Server) handlePSAnswers(w http.ResponseWriter, r *http.Request) error {
	sp, err := s.psSpace(r, false)
	if err != nil {
		return err
	}
	ctx, lang := r.Context(), langOf(r)
	view := r.URL.Query().Get("ansicht")
	if !slices.Contains(psViews, view) {
		view = psViews[0]
	}
	f := participation.IdeaFilter{SpaceID: sp.ID, Sort: participation.SortDue, Limit: psListLimit}
	now := s.now()
	switch view {
	case "offen":
		f.Statuses = []string{participation.StatusReceived}
	case "zugesagt":
		far := now.AddDate(100, 0, 0)
		f.AnswerOverdue = &far
	case "ueberfaellig":
		f.AnswerOverdue = &now
	}
	ideas, _, err := s.opts.Participation.Ideas(ctx, f)
	if err != nil {
		return err
	}
	psSortByDue(ideas)
	p := psAnswersPage{Page: s.page(r, "participation_staff.answers.title"), Space: psSpaceTitle(lang, sp), Slug: sp.Slug,
		Moderator: s.opts.Participation.MayModerate(ctx, actorOf(r), sp), Threshold: sp.SupportThreshold, InDays: sp.AnswerDays}
	p.Title = s.t(r, "participation_staff.answers.title", p.Space)
	base := psSpacePath(sp.Slug, "antworten")
	for _, v := range psViews {
		u := base
		if v != psViews[0] {
			u += "?ansicht=" + v
		}
		p.Tabs = append(p.Tabs, psTab{Label: s.t(r, "participation_staff.view."+v), URL: u, Current: v == view})
	}
	for _, i := range ideas {
		row := psIdeaRow{URL: psIdeaPath(i.ID), Title: i.Title, Category: i.Category, Status: s.psStatusLabel(r, i.Status),
			Received: s.csDate(lang, i.CreatedAt), Supports: i.Supports, Comments: i.Comments, DueBadge: s.psDueBadge(r, i)}
		if i.AnswerDue != nil {
			row.Due = s.csDate(lang, *i.AnswerDue)
		}
		p.Rows = append(p.Rows, row)
	}
	return s.render(w, r, "participation_staff_answers", p)
}

// psSortByDue orders ideas by answer due date (ideas without one last),
// then by supports, most first, then oldest first.
func psSortByDue(ideas []*participation.Idea) {
	due := func(i *participation.Idea) time.Time {
		if i.AnswerDue == nil || i.AnsweredAt != nil {
			return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		return *i.AnswerDue
	}
	slices.SortStableFunc(ideas, func(x, y *participation.Idea) int {
		if c := due(x).Compare(due(y)); c != 0 {
			return c
		}
		if x.Supports != y.Supports {
			return y.Supports - x.Supports
		}
		return x.CreatedAt.Compare(y.CreatedAt)
	})
}
