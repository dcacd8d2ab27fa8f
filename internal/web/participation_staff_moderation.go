package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/participation"
)

// psExcerptLen is how much of a reported text the queue shows.
const psExcerptLen = 280

// psQueuePage is a space's moderation queue: open reports, grouped by
// what they report, and contributions waiting for approval.
type psQueuePage struct {
	Page
	Space, Slug, URL string
	Reports          []psQueueItem
	Pending          []psQueueItem
}

// psQueueItem is one idea or comment to decide on.
type psQueueItem struct {
	Target, Kind        string
	ID                  int64
	Title, Excerpt      string
	IdeaURL             string
	Author, When, State string
	Reports             []psReportLine
	ReasonField         Field
}

// psReportLine is one report of an item: why and by whom (a pseudonym,
// never an account's name or address).
type psReportLine struct {
	Reason, Note, Reporter, When string
}

// handlePSQueue shows the moderation queue.
func (s *Server) handlePSQueue(w http.ResponseWriter, r *http.Request) error {
	p, err := s.psQueue(r, nil)
	if err != nil {
		return err
	}
	return s.render(w, r, "participation_staff_queue", p)
}

// psQueue loads the path's space's queue; form is what came back with
// errors (nil: a fresh page).
func (s *Server) psQueue(r *http.Request, form *Form) (*psQueuePage, error) {
	sp, err := s.psSpace(r, true)
	if err != nil {
		return nil, err
	}
	ctx, part := r.Context(), s.opts.Participation
	reports, pending, err := part.Queue(ctx, actorOf(r), sp.ID)
	if err != nil {
		return nil, err
	}
	p := &psQueuePage{Page: s.page(r, "participation_staff.queue.title"), Space: psSpaceTitle(langOf(r), sp), Slug: sp.Slug,
		URL: psSpacePath(sp.Slug, "moderation")}
	p.Title = s.t(r, "participation_staff.queue.title", p.Space)
	if form != nil {
		p.Form = form
	}
	for _, g := range psGroupReports(reports) {
		it, err := s.psItem(r, p.Form, g[0].Target, g[0].TargetID)
		if err != nil {
			continue // the reported contribution is gone
		}
		for _, rep := range g {
			it.Reports = append(it.Reports, psReportLine{Reason: s.psReasonLabel(r, rep.Reason), Note: rep.Note,
				Reporter: s.psPseudonym(r, rep.ReporterID), When: s.csTime(r, rep.At)})
		}
		p.Reports = append(p.Reports, it)
	}
	for _, i := range pending {
		p.Pending = append(p.Pending, s.psIdeaItem(r, p.Form, i))
	}
	comments, err := s.psPendingComments(ctx, sp.ID)
	if err != nil {
		return nil, err
	}
	for _, c := range comments {
		i, err := part.Store.FindIdea(ctx, c.IdeaID)
		if err != nil {
			return nil, err
		}
		p.Pending = append(p.Pending, s.psCommentItem(r, p.Form, c, i))
	}
	return p, nil
}

// psGroupReports groups open reports by what they report, in the order
// of each group's first report.
func psGroupReports(reports []*participation.Report) [][]*participation.Report {
	var out [][]*participation.Report
	at := map[string]int{}
	for _, rep := range reports {
		k := rep.Target + ":" + strconv.FormatInt(rep.TargetID, 10)
		if n, ok := at[k]; ok {
			out[n] = append(out[n], rep)
			continue
		}
		at[k] = len(out)
		out = append(out, []*participation.Report{rep})
	}
	return out
}

// psItem prepares a reported idea or comment.
func (s *Server) psItem(r *http.Request, f *Form, target string, id int64) (psQueueItem, error) {
	store := s.opts.Participation.Store
	if target == participation.TargetIdea {
		i, err := store.FindIdea(r.Context(), id)
		if err != nil {
			return psQueueItem{}, err
		}
		return s.psIdeaItem(r, f, i), nil
	}
	c, err := store.FindComment(r.Context(), id)
	if err != nil {
		return psQueueItem{}, err
	}
	i, err := store.FindIdea(r.Context(), c.IdeaID)
	if err != nil {
		return psQueueItem{}, err
	}
	return s.psCommentItem(r, f, c, i), nil
}

func (s *Server) psIdeaItem(r *http.Request, f *Form, i *participation.Idea) psQueueItem {
	it := psQueueItem{Target: participation.TargetIdea, Kind: s.t(r, "participation_staff.queue.kind_idea"), ID: i.ID,
		Title: i.Title, Excerpt: psExcerpt(i.Body, psExcerptLen), IdeaURL: psIdeaPath(i.ID), Author: i.AuthorName,
		When: s.csTime(r, i.CreatedAt), ReasonField: psReasonField(f, participation.TargetIdea, i.ID)}
	if i.Moderation != participation.Published {
		it.State = s.t(r, "participation_staff.moderation."+i.Moderation)
	}
	return it
}

func (s *Server) psCommentItem(r *http.Request, f *Form, c *participation.Comment, i *participation.Idea) psQueueItem {
	it := psQueueItem{Target: participation.TargetComment, Kind: s.t(r, "participation_staff.queue.kind_comment"), ID: c.ID,
		Title: s.t(r, "participation_staff.queue.comment_on", i.Title), Excerpt: psExcerpt(c.Body, psExcerptLen),
		IdeaURL: psIdeaPath(i.ID), Author: c.AuthorName, When: s.csTime(r, c.CreatedAt),
		ReasonField: psReasonField(f, participation.TargetComment, c.ID)}
	if c.Moderation != participation.Published {
		it.State = s.t(r, "participation_staff.moderation."+c.Moderation)
	}
	return it
}

// psAutoReasons name the rules of automatic flags.
var psAutoReasons = map[string]string{"offensive": "participation_staff.reason.auto_offensive", "links": "participation_staff.reason.auto_links"}

// psReasonLabel names the reason of a report; automatic flags say so.
func (s *Server) psReasonLabel(r *http.Request, reason string) string {
	if rule, ok := strings.CutPrefix(reason, "auto:"); ok {
		if key, ok := psAutoReasons[rule]; ok {
			return s.t(r, key)
		}
		return s.t(r, "participation_staff.reason.auto")
	}
	if slices.Contains(participation.ReportReasons, reason) {
		return s.t(r, "participation_staff.reason."+reason)
	}
	return reason
}

// handlePSQueueModerate publishes or hides an item of the queue (POST
// target, item, state, reason); hiding needs a public reason, shown at
// the item's field when missing.
func (s *Server) handlePSQueueModerate(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.psSpace(r, true); err != nil {
		return err
	}
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	target, item := v.Get("target"), psFormID(v, "item")
	if target != participation.TargetIdea && target != participation.TargetComment {
		return errNotFound
	}
	err = s.opts.Participation.Moderate(r.Context(), actorOf(r), target, item, v.Get("state"), v.Get("reason"))
	if err != nil {
		return s.psQueueFailed(w, r, v, err, map[string]string{"reason": psReasonKey(target, item)})
	}
	key := "participation_staff.flash.published"
	if v.Get("state") == participation.Hidden {
		key = "participation_staff.flash.hidden"
	}
	return s.redirectFlash(w, r, psSpacePath(r.PathValue("slug"), "moderation"), key)
}

func (s *Server) psQueueFailed(w http.ResponseWriter, r *http.Request, v url.Values, err error, rename map[string]string) error {
	if !psShown(err) {
		return err
	}
	p, lerr := s.psQueue(r, psRenamed(s.formFor(r, v, err), rename))
	if lerr != nil {
		return lerr
	}
	return s.renderStatus(w, r, statusOf(err), "participation_staff_queue", p)
}

// psItemView is a queue item with its page, for the "ps-item" template.
type psItemView struct {
	P *psQueuePage
	psQueueItem
}

// Item prepares an item for the "ps-item" template.
func (p *psQueuePage) Item(it psQueueItem) psItemView { return psItemView{p, it} }
