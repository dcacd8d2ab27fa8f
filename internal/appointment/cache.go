package appointment

import (
	"context"
	"sort"
	"sync"
	"time"

	"rathaus/internal/hours"
)

// slotCache keeps computed free slots per office, visit length and days.
// An entry is keyed by the office's bookings version (which the database
// bumps on every change to its bookings), its setup and its catalogue
// entry, so a booking through any instance makes the next search compute
// afresh; a held claim's expiry ends the entry too. Searches between two
// changes, the common case, cost one small query and a lookup.
type slotCache struct {
	mu      sync.Mutex
	entries map[slotKey]*slotEntry
}

type slotKey struct {
	office, version   int64
	setupAt, officeAt int64 // UnixNano of the setup's and the office's last change
	dur               time.Duration
	first, last       hours.Date
}

type slotEntry struct {
	slots      []Slot    // by start; shared, never modified
	validUntil time.Time // the first hold in them to expire; zero: none
}

// slotCacheSize bounds the entries; a full cache starts over.
const slotCacheSize = 4096

func (c *slotCache) get(k slotKey, now time.Time) *slotEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entries[k]
	if e == nil || (!e.validUntil.IsZero() && !now.Before(e.validUntil)) {
		return nil
	}
	return e
}

func (c *slotCache) put(k slotKey, e *slotEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= slotCacheSize {
		c.entries = map[slotKey]*slotEntry{}
	}
	c.entries[k] = e
}

// officeSlots returns the free slots of an offer's office on the days
// first..last that start after now. The result is shared: do not modify.
func (s *Service) officeSlots(ctx context.Context, o *Offer, first, last hours.Date, now time.Time) ([]Slot, error) {
	k := slotKey{office: o.Office.ID, version: o.Setup.Version, setupAt: o.Setup.UpdatedAt.UnixNano(),
		officeAt: o.Office.UpdatedAt.UnixNano(), dur: o.Duration, first: first, last: last}
	if e := s.slots.get(k, now); e != nil {
		return startingAfter(e.slots, now), nil
	}
	claims, err := s.Store.FindBusy(ctx, []int64{o.Office.ID}, first.Time(s.loc()), last.AddDays(1).Time(s.loc()), time.Time{})
	if err != nil {
		return nil, err
	}
	active, validUntil := activeClaims(claims, now)
	e := &slotEntry{slots: o.Setup.FreeSlots(o.Office.Hours, s.loc(), first, last, o.Duration, active, time.Time{}), validUntil: validUntil}
	s.slots.put(k, e)
	return startingAfter(e.slots, now), nil
}

// activeClaims keeps the claims that hold at now and says when the first
// remaining hold ends.
func activeClaims(claims []Busy, now time.Time) ([]Busy, time.Time) {
	var until time.Time
	active := claims[:0:0]
	for _, c := range claims {
		if c.HoldUntil.IsZero() {
			active = append(active, c)
			continue
		}
		if !c.HoldUntil.After(now) {
			continue
		}
		active = append(active, c)
		if until.IsZero() || c.HoldUntil.Before(until) {
			until = c.HoldUntil
		}
	}
	return active, until
}

// startingAfter is the tail of slots (sorted by start) not before now.
func startingAfter(slots []Slot, now time.Time) []Slot {
	i := sort.Search(len(slots), func(i int) bool { return !slots[i].Start.Before(now) })
	return slots[i:len(slots):len(slots)]
}
