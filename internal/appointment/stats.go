package appointment

import (
	"context"
	"slices"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/hours"
	"rathaus/internal/org"
)

// Stats are an office's figures over some days.
type Stats struct {
	From, To    hours.Date
	Booked      int // appointments that were due (confirmed, checked in, served, no-show)
	Served      int
	NoShows     int
	Cancelled   int
	WalkIns     int
	NoShowRate  float64       // no-shows among due appointments in the past
	WaitMedian  time.Duration // from arrival (or the booked start, if later) to the call
	WaitP90     time.Duration
	ServiceMean time.Duration // from the call to the end
	// Utilisation is booked time over bookable counter time.
	Utilisation float64
}

// StatsFor computes an office's statistics for the days from..to.
func (s *Service) StatsFor(ctx context.Context, a org.Actor, officeID int64, from, to hours.Date) (*Stats, error) {
	if err := s.MayServe(ctx, a, officeID); err != nil {
		return nil, err
	}
	if to.Before(from) || from.AddDays(MaxQueryDays).Before(to) {
		return nil, fault.Fields(fault.FieldError{Field: "to", Key: "error.appointment.range_long", Args: []any{MaxQueryDays}})
	}
	o, st, err := s.servedOffice(ctx, officeID)
	if err != nil {
		return nil, err
	}
	bs, err := s.Store.FindBookings(ctx, BookingFilter{OfficeID: &officeID, From: from.Time(s.loc()), To: to.AddDays(1).Time(s.loc()), Limit: 100000})
	if err != nil {
		return nil, err
	}
	r := &Stats{From: from, To: to}
	var bookedMinutes float64
	for _, b := range bs {
		switch b.Status {
		case Cancelled:
			r.Cancelled++
		case Confirmed, CheckedIn, Served, NoShow:
			r.Booked++
			bookedMinutes += b.End.Sub(b.Start).Minutes()
			switch b.Status {
			case NoShow:
				r.NoShows++
			case Served:
				r.Served++
			}
		}
	}
	if err := s.ticketStats(ctx, r, officeID); err != nil {
		return nil, err
	}
	past := r.Served + r.NoShows
	if past > 0 {
		r.NoShowRate = float64(r.NoShows) / float64(past)
	}
	if capMin := capacityMinutes(st, o.Hours, s.loc(), from, to); capMin > 0 {
		r.Utilisation = bookedMinutes / capMin
	}
	return r, nil
}

// ticketStats adds the waiting-room figures of every day.
func (s *Service) ticketStats(ctx context.Context, r *Stats, officeID int64) error {
	var waits []time.Duration
	var serviceSum time.Duration
	var serviced int
	for d := r.From; !r.To.Before(d); d = d.AddDays(1) {
		ts, err := s.Store.FindTickets(ctx, officeID, d)
		if err != nil {
			return err
		}
		for _, t := range ts {
			if t.Kind == KindWalkIn {
				r.WalkIns++
			}
			if t.CalledAt == nil {
				continue
			}
			since := t.IssuedAt
			if t.Start != nil && t.Start.After(since) {
				since = *t.Start
			}
			waits = append(waits, max(t.CalledAt.Sub(since), 0))
			if t.Status == TicketDone && t.FinishedAt != nil {
				serviceSum += t.FinishedAt.Sub(*t.CalledAt)
				serviced++
			}
		}
	}
	if len(waits) > 0 {
		slices.Sort(waits)
		r.WaitMedian = waits[len(waits)/2]
		r.WaitP90 = waits[min(len(waits)-1, len(waits)*9/10)]
	}
	if serviced > 0 {
		r.ServiceMean = serviceSum / time.Duration(serviced)
	}
	return nil
}

// capacityMinutes is the bookable counter time of the days from..to.
func capacityMinutes(st *Setup, h hours.Hours, loc *time.Location, from, to hours.Date) float64 {
	var total float64
	for d := from; !to.Before(d); d = d.AddDays(1) {
		p := st.plan(h, d, loc)
		for _, f := range p.free {
			total += float64(f * p.grid)
		}
	}
	return total
}
