package appointment

import (
	"context"
	"fmt"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// Setup limits.
const (
	maxCounters = 50
	maxDays     = 366
)

// Validate checks a setup and fills defaults.
func (st *Setup) Validate() error {
	if st.SlotMinutes == 0 {
		st.SlotMinutes = 10
	}
	if st.MaxPersons == 0 {
		st.MaxPersons = 4
	}
	var v fault.Validator
	v.Check(st.Counters >= 0 && st.Counters <= maxCounters, "counters", "error.appointment.setup.counters", maxCounters)
	v.Check(st.WalkInCounters >= 0 && st.WalkInCounters <= st.Counters, "walk_in_counters", "error.appointment.setup.walk_in")
	v.Check(st.SlotMinutes >= 5 && st.SlotMinutes <= 120 && 60%st.SlotMinutes == 0 || st.SlotMinutes%60 == 0 && st.SlotMinutes <= 120,
		"slot_minutes", "error.appointment.setup.grid")
	v.Check(st.MinDays >= 0 && st.MaxDays >= st.MinDays && st.MaxDays <= maxDays, "max_days", "error.appointment.setup.horizon", maxDays)
	v.Check(st.ReleaseMinute >= 0 && st.ReleaseMinute < 24*60, "release", "error.appointment.setup.release")
	v.Check(st.MaxPersons >= 1 && st.MaxPersons <= 10, "max_persons", "error.appointment.setup.persons")
	v.Check(st.MaxActivePerEmail >= 0 && st.MaxActivePerEmail <= 20, "max_active", "error.appointment.setup.active")
	seen := map[int64]bool{}
	for i, ss := range st.Services {
		f := fmt.Sprintf("services.%d", i)
		v.Check(!seen[ss.ServiceID], f, "error.appointment.setup.service_twice")
		seen[ss.ServiceID] = true
		v.Check(ss.Minutes >= 5 && ss.Minutes <= 480, f, "error.appointment.setup.minutes")
		v.Check(ss.ExtraMinutes >= 0 && ss.ExtraMinutes <= 480, f, "error.appointment.setup.minutes")
	}
	for i, w := range st.Windows {
		f := fmt.Sprintf("windows.%d", i)
		v.Check(w.From >= 0 && w.To > w.From && w.To <= 24*60, f, "error.appointment.setup.window")
		v.Check(w.Counters >= 0 && w.Counters <= maxCounters, f, "error.appointment.setup.counters", maxCounters)
	}
	return v.Err()
}

// SaveSetup stores an office's booking setup for someone allowed to
// configure the office, and audits it.
func (s *Service) SaveSetup(ctx context.Context, a org.Actor, st *Setup) error {
	if err := s.MayConfigure(ctx, a, st.OfficeID); err != nil {
		return err
	}
	if _, err := s.Catalog.Office(ctx, st.OfficeID); err != nil {
		return err
	}
	if err := st.Validate(); err != nil {
		return err
	}
	for _, ss := range st.Services {
		if _, err := s.Catalog.PublicService(ctx, ss.ServiceID); err != nil {
			return fault.Fields(fault.FieldError{Field: "services", Key: "error.appointment.setup.unknown_service", Args: []any{ss.ServiceID}})
		}
	}
	st.UpdatedAt = s.now()
	if err := s.Store.SaveSetup(ctx, st); err != nil {
		return err
	}
	if s.Audit == nil {
		return nil
	}
	return s.Audit.CreateAuditEntry(ctx, &audit.Entry{At: st.UpdatedAt, ActorID: &a.UserID, Action: audit.AppointmentSetup,
		Detail: fmt.Sprintf("office %d: %d counters, %d services, enabled %v", st.OfficeID, st.Counters, len(st.Services), st.Enabled)})
}

// Setups lists every office's setup.
func (s *Service) Setups(ctx context.Context) ([]*Setup, error) { return s.Store.FindSetups(ctx) }

// Setup returns one office's setup.
func (s *Service) Setup(ctx context.Context, officeID int64) (*Setup, error) {
	return s.Store.FindSetup(ctx, officeID)
}

// Bookable reports whether any enabled office takes bookings for the
// service, for the button on the service page.
func (s *Service) Bookable(ctx context.Context, serviceID int64) (bool, error) {
	setups, err := s.Store.FindSetups(ctx)
	if err != nil {
		return false, err
	}
	for _, st := range setups {
		if st.Offers([]int64{serviceID}) {
			return true, nil
		}
	}
	return false, nil
}
