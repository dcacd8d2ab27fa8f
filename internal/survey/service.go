package survey

import (
	"context"
	"strconv"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// Audit actions of surveys.
const (
	AuditOpened = "survey.opened"
	AuditClosed = "survey.closed"
)

// StaffRoles may build, open and close the surveys of their unit (and the
// units below); platform admins may do so everywhere.
var StaffRoles = []string{org.RoleServiceOwner, org.RoleModerator}

// Service applies the rules of surveys.
type Service struct {
	Store Store
	Orgs  *org.Service
	Audit audit.Store // nil: no audit entries
	Now   func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

// MayManage reports whether a builds and closes surveys of unit orgID.
func (s *Service) MayManage(ctx context.Context, a org.Actor, orgID int64) (bool, error) {
	if a.PlatformAdmin {
		return true, nil
	}
	if a.UserID == 0 || s.Orgs == nil || orgID == 0 {
		return false, nil
	}
	for _, r := range StaffRoles {
		if ok, err := s.Orgs.HasRole(ctx, a.UserID, r, orgID); err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// Units lists the units a may build surveys for: every node for a
// platform admin, else the nodes where a holds a staff role and those
// below them.
func (s *Service) Units(ctx context.Context, a org.Actor) ([]*org.Org, error) {
	if s.Orgs == nil {
		return nil, nil
	}
	all, err := s.Orgs.Store.FindOrgs(ctx)
	if err != nil {
		return nil, err
	}
	var out []*org.Org
	for _, o := range all {
		ok, err := s.MayManage(ctx, a, o.ID)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, o)
		}
	}
	return out, nil
}

// IsStaff reports whether a may build surveys anywhere.
func (s *Service) IsStaff(ctx context.Context, a org.Actor) (bool, error) {
	if a.PlatformAdmin {
		return true, nil
	}
	units, err := s.Units(ctx, a)
	return len(units) > 0, err
}

// Manageable returns the surveys a may manage, newest first.
func (s *Service) Manageable(ctx context.Context, a org.Actor) ([]*Survey, error) {
	f := Filter{}
	if !a.PlatformAdmin {
		units, err := s.Units(ctx, a)
		if err != nil || len(units) == 0 {
			return nil, err
		}
		for _, u := range units {
			f.OrgIDs = append(f.OrgIDs, u.ID)
		}
	}
	return s.Store.FindSurveys(ctx, f)
}

// Manage loads a survey that a may manage; Forbidden otherwise.
func (s *Service) Manage(ctx context.Context, a org.Actor, id int64) (*Survey, error) {
	sv, err := s.Store.FindSurvey(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.mayManage(ctx, a, sv.OrgID); err != nil {
		return nil, err
	}
	return sv, nil
}

func (s *Service) mayManage(ctx context.Context, a org.Actor, orgID int64) error {
	ok, err := s.MayManage(ctx, a, orgID)
	if err != nil {
		return err
	}
	if !ok {
		return fault.New(fault.Forbidden, "error.survey.not_staff")
	}
	return nil
}

// Create stores a new draft survey of a's unit.
func (s *Service) Create(ctx context.Context, a org.Actor, sv *Survey) error {
	if err := sv.Check(); err != nil {
		return err
	}
	if err := s.mayManage(ctx, a, sv.OrgID); err != nil {
		return err
	}
	by := a.UserID
	sv.Status, sv.CreatedBy, sv.CreatedAt, sv.UpdatedAt = StatusDraft, &by, s.now(), s.now()
	return s.Store.CreateSurvey(ctx, sv)
}

// Update saves a changed draft. Once opened, a survey's questions are
// fixed, so answers keep their meaning; only the close date may move.
func (s *Service) Update(ctx context.Context, a org.Actor, sv *Survey) error {
	old, err := s.Manage(ctx, a, sv.ID)
	if err != nil {
		return err
	}
	if old.OrgID != sv.OrgID {
		if err := s.mayManage(ctx, a, sv.OrgID); err != nil {
			return err
		}
	}
	if old.Status != StatusDraft {
		return fault.New(fault.Conflict, "error.survey.not_draft")
	}
	if err := sv.Check(); err != nil {
		return err
	}
	sv.Status, sv.CreatedBy, sv.CreatedAt, sv.UpdatedAt = old.Status, old.CreatedBy, old.CreatedAt, s.now()
	return s.Store.UpdateSurvey(ctx, sv)
}

// Open publishes a draft: from its open date on, it takes responses.
func (s *Service) Open(ctx context.Context, a org.Actor, id int64) (*Survey, error) {
	sv, err := s.Manage(ctx, a, id)
	if err != nil {
		return nil, err
	}
	if sv.Status != StatusDraft {
		return nil, fault.New(fault.Conflict, "error.survey.not_draft")
	}
	if err := sv.CheckOpenable(s.now()); err != nil {
		return nil, err
	}
	sv.Status, sv.UpdatedAt = StatusOpen, s.now()
	if err := s.Store.UpdateSurvey(ctx, sv); err != nil {
		return nil, err
	}
	return sv, s.audit(ctx, a, AuditOpened, sv)
}

// Close ends an open survey at once.
func (s *Service) Close(ctx context.Context, a org.Actor, id int64) (*Survey, error) {
	sv, err := s.Manage(ctx, a, id)
	if err != nil {
		return nil, err
	}
	if sv.Status != StatusOpen {
		return nil, fault.New(fault.Conflict, "error.survey.not_open")
	}
	now := s.now()
	sv.Status, sv.UpdatedAt = StatusClosed, now
	if sv.ClosesAt == nil || sv.ClosesAt.After(now) {
		sv.ClosesAt = &now
	}
	if err := s.Store.UpdateSurvey(ctx, sv); err != nil {
		return nil, err
	}
	return sv, s.audit(ctx, a, AuditClosed, sv)
}

func (s *Service) audit(ctx context.Context, a org.Actor, action string, sv *Survey) error {
	if s.Audit == nil {
		return nil
	}
	by := a.UserID
	return s.Audit.CreateAuditEntry(ctx, &audit.Entry{At: s.now(), ActorID: &by, Action: action,
		Detail: "survey " + strconv.FormatInt(sv.ID, 10)})
}

// Public returns a survey the public may see: open, scheduled or closed,
// never a draft (NotFound).
func (s *Service) Public(ctx context.Context, id int64) (*Survey, error) {
	sv, err := s.Store.FindSurvey(ctx, id)
	if err != nil {
		return nil, err
	}
	if sv.Status == StatusDraft {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	return sv, nil
}

// Listed returns the surveys shown to the public: open ones (and those
// scheduled) first, then closed ones with public results, newest first.
func (s *Service) Listed(ctx context.Context) (open, closed []*Survey, err error) {
	all, err := s.Store.FindSurveys(ctx, Filter{Statuses: []string{StatusOpen, StatusClosed}})
	if err != nil {
		return nil, nil, err
	}
	now := s.now()
	for _, sv := range all {
		switch sv.State(now) {
		case StateOpen, StateScheduled:
			open = append(open, sv)
		case StateClosed:
			closed = append(closed, sv)
		}
	}
	return open, closed, nil
}

// Submit checks and stores a response. An account survey needs userID
// and takes one response per account; for an anonymous survey userID is
// ignored, so nothing ties the response to a person.
func (s *Service) Submit(ctx context.Context, id int64, userID *int64, in map[string][]string) (*Response, error) {
	sv, err := s.Public(ctx, id)
	if err != nil {
		return nil, err
	}
	if sv.State(s.now()) != StateOpen {
		return nil, fault.New(fault.Conflict, "error.survey.not_open")
	}
	if sv.Anonymous {
		userID = nil
	} else if userID == nil {
		return nil, fault.New(fault.Unauthenticated, "error.login.required")
	}
	answers, err := sv.Parse(in)
	if err != nil {
		return nil, err
	}
	r := &Response{SurveyID: sv.ID, Answers: answers, At: s.now().Truncate(time.Hour)}
	return r, s.Store.AddResponse(ctx, r, userID)
}

// Results tallies a survey for a viewer: staff see them always, with the
// free texts; the public only when ResultsPublic, without free texts.
func (s *Service) Results(ctx context.Context, a *org.Actor, id int64) (*Survey, *Results, error) {
	sv, err := s.Store.FindSurvey(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	staff := false
	if a != nil {
		if staff, err = s.MayManage(ctx, *a, sv.OrgID); err != nil {
			return nil, nil, err
		}
	}
	if !staff && (sv.Status == StatusDraft || !sv.ResultsPublic(s.now())) {
		if sv.Status == StatusDraft {
			return nil, nil, fault.New(fault.NotFound, "error.not_found")
		}
		return nil, nil, fault.New(fault.Forbidden, "error.survey.results_later")
	}
	rs, err := s.Store.Responses(ctx, sv.ID)
	if err != nil {
		return nil, nil, err
	}
	res := Tally(sv, rs)
	if !staff {
		for i := range res.Questions {
			res.Questions[i].Texts = nil
		}
	}
	return sv, res, nil
}

// Export returns a survey with all its responses, for staff (CSV).
func (s *Service) Export(ctx context.Context, a org.Actor, id int64) (*Survey, []*Response, error) {
	sv, err := s.Manage(ctx, a, id)
	if err != nil {
		return nil, nil, err
	}
	rs, err := s.Store.Responses(ctx, id)
	return sv, rs, err
}
