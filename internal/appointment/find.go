package appointment

import (
	"context"
	"slices"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// SlotQuery asks for free slots.
type SlotQuery struct {
	ServiceIDs []int64
	Persons    int     // default 1
	OfficeIDs  []int64 // empty: every office that offers all services
	From, To   hours.Date
}

// MaxQueryDays bounds one slot query.
const MaxQueryDays = 92

// Offer is an office that takes a booking for the services, with its
// free slots.
type Offer struct {
	Office   *catalog.Office
	Setup    *Setup
	Duration time.Duration
	Slots    []Slot
}

// Earliest is the first free slot, or nil.
func (o *Offer) Earliest() *Slot {
	if len(o.Slots) == 0 {
		return nil
	}
	return &o.Slots[0]
}

// FindSlots returns, per office that offers every service, the free slots
// within the query's days and the office's horizon, earliest office first.
// The slots are shared with a cache: callers must not modify them.
func (s *Service) FindSlots(ctx context.Context, q SlotQuery) ([]*Offer, error) {
	if err := q.validate(); err != nil {
		return nil, err
	}
	offers, err := s.offers(ctx, q)
	if err != nil || len(offers) == 0 {
		return offers, err
	}
	now := s.now()
	for _, o := range offers {
		first, last := o.Setup.Horizon(now, s.loc())
		first, last = maxDate(first, q.From), minDate(last, q.To)
		if last.Before(first) {
			continue
		}
		if o.Slots, err = s.officeSlots(ctx, o, first, last, now); err != nil {
			return nil, err
		}
	}
	sortOffers(offers)
	return offers, nil
}

func (q *SlotQuery) validate() error {
	var v fault.Validator
	v.Check(len(q.ServiceIDs) > 0 && len(q.ServiceIDs) <= 5, "service", "error.appointment.services")
	if q.Persons == 0 {
		q.Persons = 1
	}
	v.Check(q.Persons >= 1 && q.Persons <= 10, "persons", "error.appointment.persons")
	v.Check(!q.To.Before(q.From), "to", "error.appointment.range")
	v.Check(!q.From.AddDays(MaxQueryDays).Before(q.To), "to", "error.appointment.range_long", MaxQueryDays)
	return v.Err()
}

// offers lists the enabled offices that offer every service, with the
// visit's duration there.
func (s *Service) offers(ctx context.Context, q SlotQuery) ([]*Offer, error) {
	setups, err := s.Store.FindSetups(ctx)
	if err != nil {
		return nil, err
	}
	var out []*Offer
	for _, st := range setups {
		if !st.Enabled || (len(q.OfficeIDs) > 0 && !slices.Contains(q.OfficeIDs, st.OfficeID)) {
			continue
		}
		if st.MaxPersons > 0 && q.Persons > st.MaxPersons {
			continue
		}
		dur, ok := st.Duration(q.ServiceIDs, q.Persons)
		if !ok {
			continue
		}
		o, err := s.Catalog.Office(ctx, st.OfficeID)
		if fault.Is(err, fault.NotFound) {
			continue
		} else if err != nil {
			return nil, err
		}
		out = append(out, &Offer{Office: o, Setup: st, Duration: dur})
	}
	return out, nil
}

// sortOffers puts offices with the earliest free slot first; offices
// without one go last, by name.
func sortOffers(offers []*Offer) {
	slices.SortStableFunc(offers, func(a, b *Offer) int {
		ea, eb := a.Earliest(), b.Earliest()
		switch {
		case ea == nil && eb == nil:
			return compareNames(a.Office.Name, b.Office.Name)
		case ea == nil:
			return 1
		case eb == nil:
			return -1
		}
		return ea.Start.Compare(eb.Start)
	})
}

func compareNames(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func maxDate(a, b hours.Date) hours.Date {
	if a.Before(b) {
		return b
	}
	return a
}

func minDate(a, b hours.Date) hours.Date {
	if a.Before(b) {
		return a
	}
	return b
}
