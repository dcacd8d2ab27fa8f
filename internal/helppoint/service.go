package helppoint

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// Service is the help points' rules: who manages them, who assists at
// them, and the assisted application.
type Service struct {
	Store Store
	Orgs  *org.Service
	Cases *cases.Service // for Apply; nil: no assisted applications
	// MapURL is the city's own map, with {lat} and {lon} replaced by a
	// point's coordinates; "" shows none. No third-party map is used.
	MapURL string
	Now    func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

// Points lists every help point by name (public).
func (s *Service) Points(ctx context.Context) ([]*Point, error) { return s.Store.FindHelpPoints(ctx) }

// Point returns one help point (public).
func (s *Service) Point(ctx context.Context, id int64) (*Point, error) {
	return s.Store.FindHelpPoint(ctx, id)
}

// Map is the address of p on the city's map, "" without one.
func (s *Service) Map(p *Point) string {
	if s.MapURL == "" {
		return ""
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 6, 64) }
	return strings.NewReplacer("{lat}", f(p.Lat), "{lon}", f(p.Lon)).Replace(s.MapURL)
}

// mayManage reports whether a may create, change or delete a point of
// unit orgID: platform admins any, organisation admins those of their
// nodes (a point without a unit only platform admins).
func (s *Service) mayManage(ctx context.Context, a org.Actor, orgID *int64) (bool, error) {
	if a.PlatformAdmin {
		return true, nil
	}
	if orgID == nil {
		return false, nil
	}
	return s.Orgs.CanAdminister(ctx, a, *orgID)
}

// Managed lists the points a may manage, by name.
func (s *Service) Managed(ctx context.Context, a org.Actor) ([]*Point, error) {
	all, err := s.Store.FindHelpPoints(ctx)
	if err != nil {
		return nil, err
	}
	var out []*Point
	for _, p := range all {
		ok, err := s.mayManage(ctx, a, p.OrgID)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// Save creates p (ID 0) or replaces the stored point, after checking it
// and that a may manage the point's unit (before and after the change).
// Nothing is stored when it fails.
func (s *Service) Save(ctx context.Context, a org.Actor, p *Point) error {
	Normalize(p)
	if err := Validate(p); err != nil {
		return err
	}
	if ok, err := s.mayManage(ctx, a, p.OrgID); err != nil || !ok {
		return forbidden(err)
	}
	p.UpdatedAt = s.now()
	if p.ID == 0 {
		return s.Store.CreateHelpPoint(ctx, p)
	}
	old, err := s.Store.FindHelpPoint(ctx, p.ID)
	if err != nil {
		return err
	}
	if ok, err := s.mayManage(ctx, a, old.OrgID); err != nil || !ok {
		return forbidden(err)
	}
	p.Demo = old.Demo
	return s.Store.UpdateHelpPoint(ctx, p)
}

// Delete removes a point a may manage.
func (s *Service) Delete(ctx context.Context, a org.Actor, id int64) error {
	old, err := s.Store.FindHelpPoint(ctx, id)
	if err != nil {
		return err
	}
	if ok, err := s.mayManage(ctx, a, old.OrgID); err != nil || !ok {
		return forbidden(err)
	}
	return s.Store.DeleteHelpPoint(ctx, id)
}

func forbidden(err error) error {
	if err != nil {
		return err
	}
	return fault.New(fault.Forbidden, "error.helppoints.forbidden")
}

// AssistPoints lists the points where a may file applications with
// citizens: those of the units where a holds the help-point role
// (inherited downwards), and points without a unit for anyone holding
// the role; platform admins every point.
func (s *Service) AssistPoints(ctx context.Context, a org.Actor) ([]*Point, error) {
	all, err := s.Store.FindHelpPoints(ctx)
	if err != nil || a.PlatformAdmin {
		return all, err
	}
	units, err := s.Orgs.Units(ctx, a.UserID, org.RoleHelpPoint)
	if err != nil || len(units) == 0 {
		return nil, err
	}
	var out []*Point
	for _, p := range all {
		if p.OrgID == nil || slices.Contains(units, *p.OrgID) {
			out = append(out, p)
		}
	}
	return out, nil
}

// MayAssist reports whether a works at some help point.
func (s *Service) MayAssist(ctx context.Context, a org.Actor) (bool, error) {
	if a.PlatformAdmin {
		return true, nil
	}
	units, err := s.Orgs.Units(ctx, a.UserID, org.RoleHelpPoint)
	return len(units) > 0, err
}

// Assisted is an application filed at a help point with and for a
// citizen.
type Assisted struct {
	PointID int64
	// Consent: the citizen agreed to be helped and to the worker
	// entering their data. Without it nothing is filed.
	Consent bool
	cases.Application
}

// Apply files the application with channel "assisted" for the citizen,
// recorded by a, after checking that a works at the help point and that
// the citizen consented. The submitted event names the help point
// ("helppoint" attribute); the citizen's e-mail, when given, gets the
// usual confirmation with a link to follow the case.
func (s *Service) Apply(ctx context.Context, a org.Actor, in Assisted) (*cases.Submitted, error) {
	var v fault.Validator
	points, err := s.AssistPoints(ctx, a)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(points, func(p *Point) bool { return p.ID == in.PointID })
	v.Check(in.PointID != 0 && i >= 0, "helppoint", "error.helppoints.assist_point")
	v.Check(in.Consent, "consent", "error.helppoints.consent")
	if err := v.Err(); err != nil {
		return nil, err
	}
	if s.Cases == nil {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	app := in.Application
	uid := a.UserID
	app.Channel, app.RecordedBy, app.Applicant.UserID = cases.ChannelAssisted, &uid, nil
	app.ReceivedAt = time.Time{}
	app.EventAttrs = map[string]string{"helppoint": strconv.FormatInt(in.PointID, 10), "helppoint_name": points[i].Name}
	return s.Cases.Submit(ctx, app)
}
