package web

import (
	"net/http"
	"strconv"
	"time"

	"rathaus/internal/participation"
)

// JSON shapes of the participation API; openapi.json names them (Space,
// IdeaItem, Idea, Comment, StatusChange, …). Times are RFC 3339 in UTC.
// People appear by pseudonym only; account IDs stay on the server.

type apiSpaceJSON struct {
	ID               int64                 `json:"id"`
	Slug             string                `json:"slug"`
	Title            string                `json:"title"`
	Description      string                `json:"description"`
	Moderation       string                `json:"moderation"`
	SupportThreshold int                   `json:"support_threshold"`
	AnswerDays       int                   `json:"answer_days"`
	Categories       []string              `json:"categories"`
	Phases           []participation.Phase `json:"phases"`
	CurrentPhase     string                `json:"current_phase"`
	VotesPerPerson   int                   `json:"votes_per_person"`
	Href             string                `json:"href"`
}

// apiIdeaJSON is an idea in a list.
type apiIdeaJSON struct {
	ID           int64                `json:"id"`
	Space        string               `json:"space"`
	Title        string               `json:"title"`
	Body         string               `json:"body"`
	Category     string               `json:"category"`
	Place        *participation.Place `json:"place"`
	Author       string               `json:"author"`
	Status       string               `json:"status"`
	StatusLabel  string               `json:"status_label"`
	Answer       string               `json:"answer"`
	Moderation   string               `json:"moderation"`
	HiddenReason string               `json:"hidden_reason"`
	MergedInto   *int64               `json:"merged_into"`
	Supports     int                  `json:"supports"`
	Comments     int                  `json:"comments"`
	Votes        int                  `json:"votes"`
	ThresholdAt  *time.Time           `json:"threshold_at"`
	AnswerDue    *time.Time           `json:"answer_due"`
	AnsweredAt   *time.Time           `json:"answered_at"`
	CreatedAt    time.Time            `json:"created_at"`
	UpdatedAt    time.Time            `json:"updated_at"`
	Version      int                  `json:"version"`
	Href         string               `json:"href"`
}

// apiIdeaDetailJSON is one idea with what concerns the token user.
type apiIdeaDetailJSON struct {
	apiIdeaJSON
	Mine      bool `json:"mine"`
	Supported bool `json:"supported"`
}

// apiSuggestionJSON is a similar idea, small enough for suggestions while
// typing.
type apiSuggestionJSON struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	Status      string `json:"status"`
	StatusLabel string `json:"status_label"`
	Supports    int    `json:"supports"`
	Href        string `json:"href"`
}

// apiSupportJSON is an idea's supports after a support or its withdrawal.
type apiSupportJSON struct {
	Supports  int  `json:"supports"`
	Supported bool `json:"supported"`
	New       bool `json:"new"`
}

// apiUnsupportJSON is an idea's supports after withdrawing one.
type apiUnsupportJSON struct {
	Supports  int  `json:"supports"`
	Supported bool `json:"supported"`
	Withdrawn bool `json:"withdrawn"`
}

type apiCommentJSON struct {
	ID           int64     `json:"id"`
	ParentID     *int64    `json:"parent_id"`
	Author       string    `json:"author"`
	Official     bool      `json:"official"`
	Body         string    `json:"body"`
	Moderation   string    `json:"moderation"`
	HiddenReason string    `json:"hidden_reason"`
	CreatedAt    time.Time `json:"created_at"`
}

// apiStatusChangeJSON is a timeline entry; the staff person is never
// named.
type apiStatusChangeJSON struct {
	From    string    `json:"from"`
	To      string    `json:"to"`
	ToLabel string    `json:"to_label"`
	Answer  string    `json:"answer"`
	At      time.Time `json:"at"`
}

func apiIdeaHref(id int64) string { return "/ideen/" + strconv.FormatInt(id, 10) }

func (s *Server) apiSpace(r *http.Request, sp *participation.Space) apiSpaceJSON {
	phases := []participation.Phase{}
	for _, p := range sp.Phases {
		p.From, p.To = p.From.UTC(), p.To.UTC()
		phases = append(phases, p)
	}
	cats := sp.Categories
	if cats == nil {
		cats = []string{}
	}
	return apiSpaceJSON{ID: sp.ID, Slug: sp.Slug, Title: apiLabel(r, sp.Title, sp.TitleEN), Description: sp.Description,
		Moderation: sp.Moderation, SupportThreshold: sp.SupportThreshold, AnswerDays: sp.AnswerDays, Categories: cats,
		Phases: phases, CurrentPhase: participation.CurrentPhase(sp, s.now()), VotesPerPerson: sp.VotesPerPerson,
		Href: "/mitmachen/" + sp.Slug}
}

// apiStatusLabel names a status in the request's language.
func (s *Server) apiStatusLabel(r *http.Request, status string) string {
	return s.t(r, "participation_api.status."+status)
}

// apiIdea is i as the public sees it: a hidden idea shows only its
// public reason, not what was hidden.
func (s *Server) apiIdea(r *http.Request, i *participation.Idea, space string) apiIdeaJSON {
	out := apiIdeaJSON{ID: i.ID, Space: space, Title: i.Title, Body: i.Body, Category: i.Category, Place: i.Place,
		Author: i.AuthorName, Status: i.Status, StatusLabel: s.apiStatusLabel(r, i.Status), Answer: i.Answer,
		Moderation: i.Moderation, HiddenReason: i.HiddenReason, MergedInto: i.MergedInto,
		Supports: i.Supports, Comments: i.Comments, Votes: i.Votes, ThresholdAt: apiUTC(i.ThresholdAt),
		AnswerDue: apiUTC(i.AnswerDue), AnsweredAt: apiUTC(i.AnsweredAt), CreatedAt: i.CreatedAt.UTC(),
		UpdatedAt: i.UpdatedAt.UTC(), Version: i.Version, Href: apiIdeaHref(i.ID)}
	if i.Moderation == participation.Hidden {
		out.Title, out.Body, out.Place, out.Author = "", "", nil, ""
	}
	return out
}

// apiIdeaDetail is i for the token user (none: r has no user).
func (s *Server) apiIdeaDetail(r *http.Request, i *participation.Idea, space string, supported bool) apiIdeaDetailJSON {
	u := currentUser(r)
	mine := u != nil && i.AuthorID != nil && *i.AuthorID == u.ID
	return apiIdeaDetailJSON{apiIdeaJSON: s.apiIdea(r, i, space), Mine: mine, Supported: supported}
}

// apiComment is c as the public sees it: a hidden comment keeps its
// place with the public reason, without its text.
func apiComment(c *participation.Comment) apiCommentJSON {
	out := apiCommentJSON{ID: c.ID, ParentID: c.ParentID, Author: c.AuthorName, Official: c.Official, Body: c.Body,
		Moderation: c.Moderation, HiddenReason: c.HiddenReason, CreatedAt: c.CreatedAt.UTC()}
	if c.Moderation == participation.Hidden {
		out.Body = ""
	}
	return out
}
