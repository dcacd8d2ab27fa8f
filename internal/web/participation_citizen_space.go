package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/participation"
)

// pcPageSize is the number of ideas per page of a space.
const pcPageSize = 20

// pcSpacesPage lists the spaces and processes.
type pcSpacesPage struct {
	Page
	Spaces []pcSpaceRow
}

// pcSpaceRow is one space in the list.
type pcSpaceRow struct {
	URL, Title, TitleLang, Description, Kind, Phase string
}

// handlePCSpaces lists the spaces and processes with their current phase.
func (s *Server) handlePCSpaces(w http.ResponseWriter, r *http.Request) error {
	sps, err := s.opts.Participation.Spaces(r.Context())
	if err != nil {
		return err
	}
	p := &pcSpacesPage{Page: s.page(r, "participation_web.spaces.title")}
	for _, sp := range sps {
		title, lang := pcSpaceTitle(langOf(r), sp)
		row := pcSpaceRow{URL: pcSpacePath(sp.Slug), Title: title, TitleLang: lang, Description: sp.Description,
			Kind: s.t(r, "participation_web.spaces.kind_space")}
		if len(sp.Phases) > 0 {
			row.Kind = s.t(r, "participation_web.spaces.kind_process")
			if ph := participation.CurrentPhase(sp, s.now()); ph != "" {
				row.Phase = s.t(r, "participation_web.spaces.now", s.t(r, "participation_web.phase."+ph))
			}
		}
		p.Spaces = append(p.Spaces, row)
	}
	return s.render(w, r, "participation_spaces", p)
}

// pcSpaceTitle is a space's title in lang and the language it is in.
func pcSpaceTitle(lang string, sp *participation.Space) (string, string) {
	if lang == "en" && sp.TitleEN != "" {
		return sp.TitleEN, "en"
	}
	return sp.Title, "de"
}

// pcSpacePage is a space: its ideas with filters, or a process with its
// phases and votes.
type pcSpacePage struct {
	Page
	Space            *participation.Space
	TitleLang        string
	URL, FeedURL     string
	ProposeURL       string // when ideas are collected
	ResultsURL       string
	Promise          string
	Phases           []pcPhaseRow
	Phase            string // the current phase's name
	Voting           bool   // the prioritising phase: vote buttons
	VotesLeft        string
	VoteLoginURL     string
	Filter           pcFilter
	Statuses         []psOption
	Categories       []psOption
	Sorts            []psOption
	Count            string
	List             []pcIdeaRow // Ideas is the page's staff flag
	PrevURL, NextURL string
	PageInfo         string
}

// pcPhaseRow is one phase of a process.
type pcPhaseRow struct {
	Name, Dates, Note string
	Current, Past     bool
}

// pcFilter is what the idea list's GET form asks for.
type pcFilter struct {
	Query, Status, Category, Sort string
	Page                          int
}

// pcIdeaRow is one idea of a list.
type pcIdeaRow struct {
	ID                                 int64
	URL, Title, Author, Date, Category string
	Status                             badge
	Supports, Comments, Votes          string
	Voted                              bool
}

// handlePCSpace shows a space's ideas, filtered, sorted and paged.
func (s *Server) handlePCSpace(w http.ResponseWriter, r *http.Request) error {
	sp, err := s.pcSpace(r)
	if err != nil {
		return err
	}
	p := &pcSpacePage{Page: s.page(r, "participation_web.spaces.title"), Space: sp, URL: pcSpacePath(sp.Slug),
		FeedURL: pcSpacePath(sp.Slug, "feed.atom"), ResultsURL: pcSpacePath(sp.Slug, "ergebnisse")}
	p.Title, p.TitleLang = pcSpaceTitle(p.Lang, sp)
	now := s.now()
	phase := participation.CurrentPhase(sp, now)
	if phase == participation.PhaseCollecting {
		p.ProposeURL = pcSpacePath(sp.Slug, "neu")
	}
	if sp.SupportThreshold > 0 {
		p.Promise = s.t(r, "participation_web.space.promise", sp.SupportThreshold, sp.AnswerDays)
	}
	p.Phases = s.pcPhases(r, sp, now)
	if phase != "" && len(sp.Phases) > 0 {
		p.Phase = s.t(r, "participation_web.phase."+phase)
	}
	p.Voting = phase == participation.PhasePrioritising && sp.VotesPerPerson > 0
	if err := s.pcList(r, p); err != nil {
		return err
	}
	return s.render(w, r, "participation_space", p)
}

// pcPhases lists a process's phases with their dates, marking the
// current one and the past ones.
func (s *Server) pcPhases(r *http.Request, sp *participation.Space, now time.Time) []pcPhaseRow {
	var out []pcPhaseRow
	lang := langOf(r)
	for _, ph := range sp.Phases {
		to := ph.To.Add(-time.Second) // To is exclusive: the last day is the one before
		out = append(out, pcPhaseRow{Name: s.t(r, "participation_web.phase."+ph.Kind),
			Dates: s.t(r, "participation_web.phase.dates", s.csDate(lang, ph.From), s.csDate(lang, to)), Note: ph.Note,
			Current: !now.Before(ph.From) && now.Before(ph.To), Past: !now.Before(ph.To)})
	}
	return out
}

// pcList fills the filter form, the page of ideas, the count and the
// pager from the query (q, status, kategorie, sortierung, seite).
func (s *Server) pcList(r *http.Request, p *pcSpacePage) error {
	ctx, q := r.Context(), r.URL.Query()
	sp := p.Space
	fl := pcFilter{Query: strings.TrimSpace(q.Get("q")), Status: q.Get("status"), Category: q.Get("kategorie"), Sort: q.Get("sortierung")}
	fl.Page, _ = strconv.Atoi(q.Get("seite"))
	fl.Page = max(fl.Page, 1)
	if !slices.Contains(participation.Statuses, fl.Status) {
		fl.Status = ""
	}
	if !slices.Contains(sp.Categories, fl.Category) {
		fl.Category = ""
	}
	sorts := []string{participation.SortNew, participation.SortSupports, participation.SortComments}
	if p.Voting || participation.CurrentPhase(sp, s.now()) == participation.PhaseResults && sp.VotesPerPerson > 0 {
		sorts = append(sorts, participation.SortVotes)
	}
	if !slices.Contains(sorts, fl.Sort) {
		fl.Sort = participation.SortNew
	}
	p.Filter = fl
	p.Statuses = []psOption{{"", s.t(r, "participation_web.filter.any_status"), fl.Status == ""}}
	for _, st := range participation.Statuses {
		p.Statuses = append(p.Statuses, psOption{st, s.pcStatusLabel(r, st), st == fl.Status})
	}
	if len(sp.Categories) > 0 {
		p.Categories = []psOption{{"", s.t(r, "participation_web.filter.any_category"), fl.Category == ""}}
		for _, c := range sp.Categories {
			p.Categories = append(p.Categories, psOption{c, c, c == fl.Category})
		}
	}
	for _, so := range sorts {
		p.Sorts = append(p.Sorts, psOption{so, s.t(r, "participation_web.sort."+so), so == fl.Sort})
	}
	f := participation.IdeaFilter{SpaceID: sp.ID, Category: fl.Category, Query: fl.Query, Sort: fl.Sort,
		Limit: pcPageSize, Offset: (fl.Page - 1) * pcPageSize}
	if fl.Status != "" {
		f.Statuses = []string{fl.Status}
	}
	ideas, total, err := s.opts.Participation.Ideas(ctx, f)
	if err != nil {
		return err
	}
	p.Count = s.pcCount(r, "participation_web.count.ideas", total)
	voted, err := s.pcVoted(ctx, r, sp, p)
	if err != nil {
		return err
	}
	for _, i := range ideas {
		p.List = append(p.List, s.pcIdeaRow(r, i, voted[i.ID]))
	}
	pages := (total + pcPageSize - 1) / pcPageSize
	if pages > 1 {
		p.PageInfo = s.t(r, "participation_web.pager.info", fl.Page, pages)
	}
	if fl.Page > 1 {
		p.PrevURL = pcPageURL(p.URL, q, fl.Page-1)
	}
	if fl.Page < pages {
		p.NextURL = pcPageURL(p.URL, q, fl.Page+1)
	}
	return nil
}

// pcPageURL is the list's address for page n with the same filters.
func pcPageURL(base string, q url.Values, n int) string {
	v := url.Values{}
	for k, x := range q {
		if k != "seite" {
			v[k] = x
		}
	}
	if n > 1 {
		v.Set("seite", strconv.Itoa(n))
	}
	if len(v) == 0 {
		return base
	}
	return base + "?" + v.Encode()
}

// pcVoted is the set of ideas the user voted for in a prioritising
// phase, and the remaining votes on the page.
func (s *Server) pcVoted(ctx context.Context, r *http.Request, sp *participation.Space, p *pcSpacePage) (map[int64]bool, error) {
	voted := map[int64]bool{}
	if !p.Voting {
		return voted, nil
	}
	u := currentUser(r)
	if u == nil {
		p.VoteLoginURL = pcLoginURL(r.URL.RequestURI())
		p.VotesLeft = s.t(r, "participation_web.vote.per_person", sp.VotesPerPerson)
		return voted, nil
	}
	ids, err := s.opts.Participation.Store.VotesOf(ctx, sp.ID, u.ID)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		voted[id] = true
	}
	p.VotesLeft = s.t(r, "participation_web.vote.left", sp.VotesPerPerson-len(ids), sp.VotesPerPerson)
	return voted, nil
}

// pcIdeaRow is an idea for a list.
func (s *Server) pcIdeaRow(r *http.Request, i *participation.Idea, voted bool) pcIdeaRow {
	return pcIdeaRow{ID: i.ID, URL: pcIdeaPath(i.ID), Title: i.Title, Author: pcAuthor(r, s, i.AuthorName),
		Date: s.csDate(langOf(r), i.CreatedAt), Category: i.Category, Status: s.pcStatusBadge(r, i.Status),
		Supports: s.pcCount(r, "participation_web.count.supports", i.Supports),
		Comments: s.pcCount(r, "participation_web.count.comments", i.Comments),
		Votes:    s.pcCount(r, "participation_web.count.votes", i.Votes), Voted: voted}
}

// pcAuthor is a contribution's public name; "deleted account" when the
// account is gone.
func pcAuthor(r *http.Request, s *Server, name string) string {
	if name == "" {
		return s.t(r, "participation_web.author.deleted")
	}
	return name
}
