package appointment

import (
	"sort"
	"time"

	"rathaus/internal/hours"
)

// Slot is a start time at an office and how many more bookings it takes.
type Slot struct {
	OfficeID   int64
	Start, End time.Time
	Free       int
}

// Duration is how long a visit for services and persons takes at the
// office, rounded up to the slot grid; ok is false when the office does not
// offer every one of the services.
func (s *Setup) Duration(serviceIDs []int64, persons int) (time.Duration, bool) {
	if len(serviceIDs) == 0 || persons < 1 {
		return 0, false
	}
	total := 0
	for _, id := range serviceIDs {
		ss, ok := s.service(id)
		if !ok {
			return 0, false
		}
		extra := ss.ExtraMinutes
		if extra == 0 {
			extra = ss.Minutes
		}
		total += ss.Minutes + (persons-1)*extra
	}
	g := s.grid()
	total = (total + g - 1) / g * g
	return time.Duration(total) * time.Minute, true
}

func (s *Setup) service(id int64) (ServiceSetup, bool) {
	for _, ss := range s.Services {
		if ss.ServiceID == id {
			return ss, true
		}
	}
	return ServiceSetup{}, false
}

// Offers reports whether the office takes bookings for every service.
func (s *Setup) Offers(serviceIDs []int64) bool {
	_, ok := s.Duration(serviceIDs, 1)
	return ok && s.Enabled
}

func (s *Setup) grid() int {
	if s.SlotMinutes <= 0 {
		return 10
	}
	return s.SlotMinutes
}

// counters returns the counters open at minute m of a day with weekday wd.
func (s *Setup) counters(wd time.Weekday, m int) int {
	for _, w := range s.Windows {
		if w.Weekdays[wd] && m >= w.From && m < w.To {
			return w.Counters
		}
	}
	return s.Counters
}

// bookable is the counters open for appointments at minute m.
func (s *Setup) bookable(wd time.Weekday, m int) int {
	n := s.counters(wd, m) - s.WalkInCounters
	if n < 0 {
		return 0
	}
	return n
}

// Horizon returns the first and last day that can be booked at now:
// today+MinDays to today+MaxDays, the last one only after the day's
// release time.
func (s *Setup) Horizon(now time.Time, loc *time.Location) (first, last hours.Date) {
	local := now.In(loc)
	today := hours.DateOf(local)
	first = today.AddDays(s.MinDays)
	last = today.AddDays(s.MaxDays)
	if local.Hour()*60+local.Minute() < s.ReleaseMinute {
		last = last.AddDays(-1)
	}
	return first, last
}

// dayPlan is one office day's capacity on the slot grid.
type dayPlan struct {
	date  hours.Date
	open  []hours.Interval
	start time.Time // local midnight
	grid  int
	free  []int // free places per grid cell of the day
}

func (s *Setup) plan(h hours.Hours, d hours.Date, loc *time.Location) *dayPlan {
	open, _ := h.Day(d)
	g := s.grid()
	p := &dayPlan{date: d, open: open, start: d.Time(loc), grid: g, free: make([]int, (24*60+g-1)/g)}
	wd := d.Weekday()
	for _, iv := range open {
		for m := iv.From - iv.From%g; m < iv.To; m += g {
			if m >= iv.From {
				p.free[m/g] = s.bookable(wd, m)
			}
		}
	}
	return p
}

// at returns the time of minute m of the plan's day. Adding minutes to
// local midnight keeps the wall clock on days that change to or from
// summer time only outside opening hours, which is when clocks change.
func (p *dayPlan) at(m int) time.Time { return p.start.Add(time.Duration(m) * time.Minute) }

// claim subtracts a busy span from the cells it overlaps.
func (p *dayPlan) claim(b Busy) {
	from := int(b.Start.Sub(p.start) / time.Minute)
	to := int(b.End.Sub(p.start) / time.Minute)
	if to <= 0 || from >= 24*60 {
		return
	}
	from = max(from, 0)
	to = min(to, 24*60)
	for c := from / p.grid; c*p.grid < to; c++ {
		p.free[c]--
	}
}

// slots lists the start times where a visit of dur fits into one opening
// interval and every cell it covers has a free place, not before notBefore.
func (p *dayPlan) slots(officeID int64, dur time.Duration, notBefore time.Time) []Slot {
	var out []Slot
	n := int(dur / time.Minute)
	cells := n / p.grid
	for _, iv := range p.open {
		first := (iv.From + p.grid - 1) / p.grid * p.grid
		for m := first; m+n <= iv.To; m += p.grid {
			free := p.minFree(m/p.grid, cells)
			if free <= 0 {
				continue
			}
			start := p.at(m)
			if start.Before(notBefore) {
				continue
			}
			out = append(out, Slot{OfficeID: officeID, Start: start, End: start.Add(dur), Free: free})
		}
	}
	return out
}

func (p *dayPlan) minFree(c, cells int) int {
	free := p.free[c]
	for i := c + 1; i < c+cells; i++ {
		free = min(free, p.free[i])
	}
	return free
}

// FreeSlots computes the free slots of one office on the days from first
// to last for a visit of dur, given the capacity already claimed. Slots
// before notBefore are left out.
func (s *Setup) FreeSlots(h hours.Hours, loc *time.Location, first, last hours.Date, dur time.Duration, busy []Busy, notBefore time.Time) []Slot {
	if dur <= 0 {
		return nil
	}
	byDay := map[hours.Date][]Busy{}
	for _, b := range busy {
		if b.OfficeID != s.OfficeID {
			continue
		}
		d := hours.DateOf(b.Start.In(loc))
		byDay[d] = append(byDay[d], b)
		if e := hours.DateOf(b.End.In(loc)); e != d {
			byDay[e] = append(byDay[e], b)
		}
	}
	var out []Slot
	for d := first; !last.Before(d); d = d.AddDays(1) {
		p := s.plan(h, d, loc)
		if len(p.open) == 0 {
			continue
		}
		for _, b := range byDay[d] {
			p.claim(b)
		}
		out = append(out, p.slots(s.OfficeID, dur, notBefore)...)
	}
	return out
}

// fits reports how many more bookings of the span [start, start+dur) the
// office takes given busy, and whether start lies on the grid inside one
// opening interval.
func (s *Setup) fits(h hours.Hours, loc *time.Location, start time.Time, dur time.Duration, busy []Busy) (free int, onGrid bool) {
	d := hours.DateOf(start.In(loc))
	p := s.plan(h, d, loc)
	for _, b := range busy {
		p.claim(b)
	}
	for _, sl := range p.slots(s.OfficeID, dur, time.Time{}) {
		if sl.Start.Equal(start) {
			return sl.Free, true
		}
	}
	return 0, s.onGrid(p, start, dur)
}

// onGrid reports whether start is a possible start time ignoring capacity.
func (s *Setup) onGrid(p *dayPlan, start time.Time, dur time.Duration) bool {
	full := *p
	full.free = make([]int, len(p.free))
	for i := range full.free {
		full.free[i] = 1
	}
	for _, sl := range full.slots(s.OfficeID, dur, time.Time{}) {
		if sl.Start.Equal(start) {
			return true
		}
	}
	return false
}

// sortSlots orders slots by start, then office.
func sortSlots(slots []Slot) {
	sort.Slice(slots, func(i, j int) bool {
		if !slots[i].Start.Equal(slots[j].Start) {
			return slots[i].Start.Before(slots[j].Start)
		}
		return slots[i].OfficeID < slots[j].OfficeID
	})
}
