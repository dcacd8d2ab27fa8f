package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/participation"
)

// participationStaffRoutes are the staff side of participation: the
// overview of the spaces a user answers or moderates, the ideas to
// answer with the answer promise, an idea with the answer form, the
// moderation queue and the space settings. participation.Service
// decides who may do what; these pages only ask. They answer 404 when
// the server has no participation, 403 to users who neither answer nor
// moderate.
func (s *Server) participationStaffRoutes() []route {
	w := func(h handlerFunc) handlerFunc { return s.withParticipationStaff(h) }
	return []route{
		{"GET /amt/beteiligung", w(s.handlePSOverview)},
		{"GET /amt/beteiligung/neu", w(s.handlePSSpaceNew)},
		{"POST /amt/beteiligung/neu", w(s.handlePSSpaceCreate)},
		{"GET /amt/beteiligung/{slug}/antworten", w(s.handlePSAnswers)},
		{"GET /amt/beteiligung/{slug}/moderation", w(s.handlePSQueue)},
		{"POST /amt/beteiligung/{slug}/moderation", w(s.handlePSQueueModerate)},
		{"GET /amt/beteiligung/{slug}/bearbeiten", w(s.handlePSSpaceEdit)},
		{"POST /amt/beteiligung/{slug}/bearbeiten", w(s.handlePSSpaceSave)},
		{"GET /amt/ideen/{id}", w(s.handlePSIdea)},
		{"POST /amt/ideen/{id}/antwort", w(s.handlePSAnswer)},
		{"POST /amt/ideen/{id}/kommentar", w(s.handlePSComment)},
		{"POST /amt/ideen/{id}/moderation", w(s.handlePSIdeaModerate)},
		{"POST /amt/ideen/{id}/zusammenfuehren", w(s.handlePSMerge)},
	}
}

// withParticipationStaff answers 404 without participation, sends
// anonymous visitors to the login and lets in only users who answer or
// moderate some space, or moderate some unit (who may create a space).
func (s *Server) withParticipationStaff(h handlerFunc) handlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Participation == nil {
			return errNotFound
		}
		ok, err := s.psAnyStaff(r.Context(), currentUser(r))
		if err != nil {
			return err
		}
		if !ok {
			return fault.New(fault.Forbidden, "error.participation.not_staff")
		}
		return h(w, r)
	})
}

// psStaffRoles are the roles that may answer ideas of a unit's spaces
// (moderators and organisation admins may also moderate). The service
// decides for each space; this list only saves queries for citizens.
var psStaffRoles = []string{org.RoleCaseWorker, org.RoleServiceOwner, org.RoleModerator, org.RoleOrgAdmin}

// psModeratorRoles may moderate a unit's spaces and create new ones.
var psModeratorRoles = []string{org.RoleModerator, org.RoleOrgAdmin}

// isParticipationStaff reports whether u answers or moderates some
// participation space (or may create one), for the navigation link. An
// error only hides the link; the pages check again.
func (s *Server) isParticipationStaff(r *http.Request, u *account.User) bool {
	if u == nil || s.opts.Participation == nil {
		return false
	}
	ok, _ := s.psAnyStaff(r.Context(), u)
	return ok
}

// psAnyStaff reports whether u answers or moderates some space, or
// moderates some unit.
func (s *Server) psAnyStaff(ctx context.Context, u *account.User) (bool, error) {
	if u.PlatformAdmin {
		return true, nil
	}
	if s.opts.Orgs == nil {
		return false, nil
	}
	grants, err := s.opts.Orgs.Store.FindGrants(ctx, org.GrantFilter{UserID: &u.ID})
	if err != nil {
		return false, err
	}
	staff := false
	for _, g := range grants {
		if slices.Contains(psModeratorRoles, g.Role) {
			return true, nil
		}
		staff = staff || slices.Contains(psStaffRoles, g.Role)
	}
	if !staff {
		return false, nil
	}
	spaces, err := s.opts.Participation.Spaces(ctx)
	if err != nil {
		return false, err
	}
	a := org.Actor{UserID: u.ID}
	for _, sp := range spaces {
		if s.opts.Participation.MayAnswer(ctx, a, sp) {
			return true, nil
		}
	}
	return false, nil
}

// psSpace loads the path's space and checks that the user answers its
// ideas (answer) or moderates it (moderate): Forbidden otherwise.
func (s *Server) psSpace(r *http.Request, moderate bool) (*participation.Space, error) {
	ctx := r.Context()
	sp, err := s.opts.Participation.Space(ctx, r.PathValue("slug"))
	if err != nil {
		return nil, err
	}
	a := actorOf(r)
	if moderate && !s.opts.Participation.MayModerate(ctx, a, sp) || !s.opts.Participation.MayAnswer(ctx, a, sp) {
		return nil, fault.New(fault.Forbidden, "error.participation.not_staff")
	}
	return sp, nil
}

// psIdeaPath is the staff page of an idea; psSpacePath a space's staff
// pages ("antworten", "moderation", "bearbeiten").
func psIdeaPath(id int64) string { return "/amt/ideen/" + strconv.FormatInt(id, 10) }

func psSpacePath(slug, page string) string { return "/amt/beteiligung/" + slug + "/" + page }

// psSpaceTitle is a space's title in lang.
func psSpaceTitle(lang string, sp *participation.Space) string {
	if lang == "en" && sp.TitleEN != "" {
		return sp.TitleEN
	}
	return sp.Title
}

// psDueSoon is how long before its due date an answer counts as due soon.
const psDueSoon = 3 * 24 * time.Hour

// psDueBadge says whether an idea's answer is overdue or due soon, in
// text, not only colour; nil when nothing is due.
func (s *Server) psDueBadge(r *http.Request, i *participation.Idea) *badge {
	if i.AnswerDue == nil || i.AnsweredAt != nil {
		return nil
	}
	now := s.now()
	switch {
	case i.AnswerDue.Before(now):
		return &badge{"danger", s.t(r, "participation_staff.due.overdue")}
	case i.AnswerDue.Before(now.Add(psDueSoon)):
		return &badge{"warning", s.t(r, "participation_staff.due.soon")}
	}
	return &badge{"info", s.t(r, "participation_staff.due.promised")}
}

// psStatusLabel names an idea's public status.
func (s *Server) psStatusLabel(r *http.Request, status string) string {
	return s.t(r, "participation_staff.status."+status)
}

// psExcerpt shortens a text to about n characters at a word boundary.
func psExcerpt(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	rs := []rune(text)
	if len(rs) <= n {
		return text
	}
	cut := string(rs[:n])
	if k := strings.LastIndexByte(cut, ' '); k > n/2 {
		cut = cut[:k]
	}
	return cut + " …"
}

// psPseudonym is the public name of an account for moderators: never
// its e-mail address or real name.
func (s *Server) psPseudonym(r *http.Request, id *int64) string {
	if id == nil {
		return s.t(r, "participation_staff.reporter.auto")
	}
	name, err := s.opts.Participation.Pseudonym(r.Context(), *id)
	if err != nil || name == "" {
		return s.t(r, "participation_staff.reporter.no_name")
	}
	return name
}

// psOption is one choice of a select or a set of radio buttons.
type psOption struct {
	Value, Label string
	Selected     bool
}

// psSelectField is a select with label, hint and error.
type psSelectField struct {
	ID, Name, Label, Hint, Error, ErrorPrefix string
	Options                                   []psOption
}

// psShown reports whether a failed change is shown on the page it came
// from: a conflict as a message, invalid input next to its fields;
// anything else becomes an error page.
func psShown(err error) bool {
	k := fault.KindOf(err)
	return k == fault.Conflict || k == fault.Invalid
}
