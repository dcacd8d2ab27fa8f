package web

import (
	"net/http"

	"rathaus/internal/account"
	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// deskListPage lists the offices a member of staff works at.
type deskListPage struct {
	Page
	Offices []deskListItem
}

type deskListItem struct {
	deskOffice
	Status badge // takes bookings, paused, not set up
}

// handleDeskList shows the offices the user may serve, with links to
// their day, display, statistics and (for those who may) settings.
func (s *Server) handleDeskList(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actorOf(r)
	if !a.PlatformAdmin && !s.hasAnyGrant(r, a) {
		return fault.New(fault.Forbidden, "error.appointment.not_staff")
	}
	offices, err := s.opts.Services.Offices(ctx)
	if err != nil {
		return err
	}
	setups, err := s.opts.Appointments.Setups(ctx)
	if err != nil {
		return err
	}
	byOffice := map[int64]*appointment.Setup{}
	for _, st := range setups {
		byOffice[st.OfficeID] = st
	}
	p := deskListPage{Page: s.page(r, "office.list.title")}
	for _, o := range offices {
		if s.opts.Appointments.MayServe(ctx, a, o.ID) != nil {
			continue
		}
		do := newDeskOffice(o, s.opts.Appointments.MayConfigure(ctx, a, o.ID) == nil)
		p.Offices = append(p.Offices, deskListItem{do, s.setupBadge(r, byOffice[o.ID])})
	}
	if len(p.Offices) == 0 {
		return fault.New(fault.Forbidden, "error.appointment.not_staff")
	}
	return s.render(w, r, "office_list", p)
}

// hasAnyGrant reports whether a holds any role at all: without one
// nobody works at an office, and the office checks need not run.
func (s *Server) hasAnyGrant(r *http.Request, a org.Actor) bool {
	if s.opts.Orgs == nil {
		return false
	}
	gs, err := s.opts.Orgs.Store.FindGrants(r.Context(), org.GrantFilter{UserID: &a.UserID})
	return err == nil && len(gs) > 0
}

// setupBadge says whether an office takes bookings.
func (s *Server) setupBadge(r *http.Request, st *appointment.Setup) badge {
	switch {
	case st == nil:
		return badge{"info", s.t(r, "office.list.not_set_up")}
	case st.Enabled:
		return badge{"success", s.t(r, "office.list.enabled")}
	}
	return badge{"warning", s.t(r, "office.list.disabled")}
}

// isOfficeStaff reports whether u holds a staff role anywhere, for the
// navigation link to the office pages; the pages check per office.
func (s *Server) isOfficeStaff(r *http.Request, u *account.User) bool {
	if u == nil || s.opts.Appointments == nil {
		return false
	}
	if u.PlatformAdmin {
		return true
	}
	if s.opts.Orgs == nil {
		return false
	}
	grants, err := s.userGrants(r, u)
	if err != nil {
		return false
	}
	for _, g := range grants {
		switch g.Role {
		case org.RoleCaseWorker, org.RoleServiceOwner, org.RoleOrgAdmin:
			return true
		}
	}
	return false
}
