package web

import (
	"math"
	"net/http"
	"strconv"

	"rathaus/internal/participation"
)

// pcResultsLimit bounds the answered ideas and the vote table.
const pcResultsLimit = 100

// pcBarWidth is the width of the vote bars' drawing, in SVG units.
const pcBarWidth = 200

// pcResultsPage is "what became of your ideas": the space's figures in
// sentences and a table, the answered ideas and a process's votes.
type pcResultsPage struct {
	Page
	Space, SpaceLang, SpaceURL string
	Sentences                  []string
	ByStatus                   []pcStatusCount
	Answered                   []pcAnsweredRow
	VotesNote                  string // when the votes are not public yet
	Votes                      []pcVoteRow
	VotesTotal                 string
}

// pcStatusCount is one row of the status table.
type pcStatusCount struct {
	Status badge
	Count  int
}

// pcAnsweredRow is an answered idea.
type pcAnsweredRow struct {
	URL, Title, Answer string
	Status             badge
}

// pcVoteRow is one idea's votes with its bar.
type pcVoteRow struct {
	URL, Title, Votes string
	Rank, Width       int
	Percent           string
}

// handlePCResults shows the space's results.
func (s *Server) handlePCResults(w http.ResponseWriter, r *http.Request) error {
	sp, err := s.pcSpace(r)
	if err != nil {
		return err
	}
	ctx, part := r.Context(), s.opts.Participation
	st, err := part.Stats(ctx, sp.ID)
	if err != nil {
		return err
	}
	p := &pcResultsPage{Page: s.page(r, "participation_web.results.title"), SpaceURL: pcSpacePath(sp.Slug)}
	p.Space, p.SpaceLang = pcSpaceTitle(p.Lang, sp)
	p.Sentences = s.pcSentences(r, sp, st)
	for _, status := range participation.Statuses {
		p.ByStatus = append(p.ByStatus, pcStatusCount{s.pcStatusBadge(r, status), st.ByStatus[status]})
	}
	answered := []string{}
	for _, status := range participation.Statuses {
		if status != participation.StatusReceived {
			answered = append(answered, status)
		}
	}
	ideas, _, err := part.Ideas(ctx, participation.IdeaFilter{SpaceID: sp.ID, Statuses: answered, Limit: pcResultsLimit})
	if err != nil {
		return err
	}
	for _, i := range ideas {
		p.Answered = append(p.Answered, pcAnsweredRow{URL: pcIdeaPath(i.ID), Title: i.Title, Answer: psExcerpt(i.Answer, 300),
			Status: s.pcStatusBadge(r, i.Status)})
	}
	if err := s.pcVotes(r, sp, p); err != nil {
		return err
	}
	return s.render(w, r, "participation_results", p)
}

// pcSentences says the figures: how many ideas became what, and whether
// the city kept its promise to answer popular ideas in time.
func (s *Server) pcSentences(r *http.Request, sp *participation.Space, st *participation.Stats) []string {
	by := st.ByStatus
	out := []string{s.t(r, "participation_web.results.ideas", s.pcCount(r, "participation_web.count.ideas", st.Ideas),
		s.pcCount(r, "participation_web.count.supports", st.Supports), s.pcCount(r, "participation_web.count.comments", st.Comments))}
	if st.Ideas > 0 {
		out = append(out, s.t(r, "participation_web.results.outcome", st.Ideas, by[participation.StatusDone],
			by[participation.StatusPlanned]+by[participation.StatusInProgress], by[participation.StatusRejected],
			by[participation.StatusReceived]+by[participation.StatusReview]))
	}
	if sp.SupportThreshold == 0 {
		return out
	}
	answered := st.AnsweredInTime + st.AnsweredLate
	switch {
	case st.Due == 0:
		out = append(out, s.t(r, "participation_web.results.none_due", sp.SupportThreshold))
	case answered == st.Due:
		out = append(out, s.t(r, "participation_web.results.all_answered", st.Due, st.AnsweredInTime))
	default:
		out = append(out, s.t(r, "participation_web.results.some_answered", answered, st.Due, st.AnsweredInTime))
	}
	if st.Overdue > 0 {
		out = append(out, s.pcCount(r, "participation_web.results.overdue", st.Overdue))
	}
	if answered > 0 {
		days := strconv.FormatFloat(math.Round(st.MedianAnswerDays*10)/10, 'f', -1, 64)
		if langOf(r) == "de" {
			days = stringsReplaceDot(days)
		}
		out = append(out, s.t(r, "participation_web.results.median", days))
	}
	return out
}

// stringsReplaceDot writes a decimal with the German comma.
func stringsReplaceDot(x string) string {
	b := []byte(x)
	for k, c := range b {
		if c == '.' {
			b[k] = ','
		}
	}
	return string(b)
}

// pcVotes fills a process's vote table once the prioritising phase is
// over; before, it says when the results come.
func (s *Server) pcVotes(r *http.Request, sp *participation.Space, p *pcResultsPage) error {
	var prio *participation.Phase
	for k := range sp.Phases {
		if sp.Phases[k].Kind == participation.PhasePrioritising {
			prio = &sp.Phases[k]
		}
	}
	if prio == nil {
		return nil
	}
	if s.now().Before(prio.To) {
		p.VotesNote = s.t(r, "participation_web.results.votes_later", s.csDate(langOf(r), prio.To))
		return nil
	}
	ideas, _, err := s.opts.Participation.Ideas(r.Context(), participation.IdeaFilter{SpaceID: sp.ID,
		Sort: participation.SortVotes, Limit: pcResultsLimit})
	if err != nil {
		return err
	}
	total, most := 0, 0
	for _, i := range ideas {
		total += i.Votes
		most = max(most, i.Votes)
	}
	p.VotesTotal = s.pcCount(r, "participation_web.count.votes", total)
	for k, i := range ideas {
		row := pcVoteRow{URL: pcIdeaPath(i.ID), Title: i.Title, Votes: s.pcCount(r, "participation_web.count.votes", i.Votes),
			Rank: k + 1, Percent: "0"}
		if most > 0 {
			row.Width = i.Votes * pcBarWidth / most
		}
		if total > 0 {
			row.Percent = strconv.Itoa(int(math.Round(float64(i.Votes) * 100 / float64(total))))
		}
		p.Votes = append(p.Votes, row)
	}
	return nil
}
