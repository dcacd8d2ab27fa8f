package demo

import (
	"context"
	"fmt"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/catalog"
	"rathaus/internal/fault"
)

// bookable is how a demo office takes appointments. Capacities follow what
// a city of 110,000 people staffs: the central citizens' office with six
// counters (two more on its long afternoons), one of them for walk-ins.
type bookable struct {
	office         string
	counters       int
	walkIn         int
	longAfternoons int // counters on Tuesday and Thursday afternoons; 0: as counters
	maxDays        int
}

var bookables = []bookable{
	{office: "buergerservice-mitte", counters: 6, walkIn: 1, longAfternoons: 8, maxDays: 56},
	{office: "buergerservice-lobeda", counters: 3, walkIn: 1, maxDays: 56},
	{office: "kfz-zulassungsstelle", counters: 5, walkIn: 1, longAfternoons: 6, maxDays: 42},
	{office: "standesamt", counters: 2, maxDays: 84},
	{office: "auslaenderbehoerde", counters: 3, maxDays: 56},
}

// SeedAppointments gives the demo offices their booking setup unless they
// have one: every service the catalogue lists at the office, with the
// service's usual duration. Slots open from tomorrow; each morning at
// 07:00 a new day at the end of the horizon opens.
func SeedAppointments(ctx context.Context, store appointment.Store, c *catalog.Catalog) error {
	bundle, err := Catalog()
	if err != nil {
		return err
	}
	offices, err := c.Offices(ctx)
	if err != nil {
		return err
	}
	byKey := map[string]*catalog.Office{}
	for _, o := range offices {
		if o.Source == bundle.Source {
			byKey[o.ExternalID] = o
		}
	}
	for _, b := range bookables {
		o := byKey[b.office]
		if o == nil {
			return fmt.Errorf("demo appointments: office %q is not in the catalogue", b.office)
		}
		if _, err := store.FindSetup(ctx, o.ID); err == nil {
			continue
		} else if !fault.Is(err, fault.NotFound) {
			return err
		}
		st, err := b.setup(ctx, c, o)
		if err != nil {
			return err
		}
		if err := store.SaveSetup(ctx, st); err != nil {
			return fmt.Errorf("demo appointments: %s: %w", b.office, err)
		}
	}
	return nil
}

func (b bookable) setup(ctx context.Context, c *catalog.Catalog, o *catalog.Office) (*appointment.Setup, error) {
	services, err := c.OfficeServices(ctx, o.ID)
	if err != nil {
		return nil, err
	}
	st := &appointment.Setup{OfficeID: o.ID, Enabled: true, Counters: b.counters, WalkInCounters: b.walkIn,
		SlotMinutes: 10, MinDays: 1, MaxDays: b.maxDays, ReleaseMinute: 7 * 60, MaxPersons: 4,
		MaxActivePerEmail: 2, UpdatedAt: time.Now().UTC()}
	if b.longAfternoons > 0 {
		var days [7]bool
		days[time.Tuesday], days[time.Thursday] = true, true
		st.Windows = []appointment.Window{{Weekdays: days, From: 13 * 60, To: 18 * 60, Counters: b.longAfternoons}}
	}
	for _, s := range services {
		minutes := s.Content.Duration
		if minutes <= 0 {
			minutes = 15
		}
		st.Services = append(st.Services, appointment.ServiceSetup{ServiceID: s.ID, Minutes: minutes, ExtraMinutes: (minutes + 1) / 2})
	}
	return st, st.Validate()
}
