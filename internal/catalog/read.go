package catalog

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// PublicService returns a published service; NotFound for drafts and
// archived services, which the public must not see.
func (c *Catalog) PublicService(ctx context.Context, id int64) (*Service, error) {
	st, err := c.currentIndex(ctx)
	if err != nil {
		return nil, err
	}
	if s := st.byID[id]; s != nil {
		return s, nil
	}
	return nil, fault.New(fault.NotFound, "error.catalog.service_not_found")
}

// Offices lists every office by name.
func (c *Catalog) Offices(ctx context.Context) ([]*Office, error) {
	st, err := c.currentIndex(ctx)
	if err != nil {
		return nil, err
	}
	return st.offices, nil
}

// Office returns one office.
func (c *Catalog) Office(ctx context.Context, id int64) (*Office, error) {
	st, err := c.currentIndex(ctx)
	if err != nil {
		return nil, err
	}
	if o := st.officeByID[id]; o != nil {
		return o, nil
	}
	return nil, fault.New(fault.NotFound, "error.not_found")
}

// ServiceOffices returns the offices a service names, in its order;
// offices deleted since are skipped.
func (c *Catalog) ServiceOffices(ctx context.Context, s *Service) ([]*Office, error) {
	st, err := c.currentIndex(ctx)
	if err != nil {
		return nil, err
	}
	var out []*Office
	for _, id := range s.OfficeIDs {
		if o := st.officeByID[id]; o != nil {
			out = append(out, o)
		}
	}
	return out, nil
}

// OfficeServices returns the published services offered at an office.
func (c *Catalog) OfficeServices(ctx context.Context, officeID int64) ([]*Service, error) {
	st, err := c.currentIndex(ctx)
	if err != nil {
		return nil, err
	}
	return st.atOffice[officeID], nil
}

// LifeSituations lists the life situations in display order.
func (c *Catalog) LifeSituations(ctx context.Context) ([]*LifeSituation, error) {
	st, err := c.currentIndex(ctx)
	if err != nil {
		return nil, err
	}
	return st.situations, nil
}

// LifeSituation returns one life situation by slug.
func (c *Catalog) LifeSituation(ctx context.Context, slug string) (*LifeSituation, error) {
	st, err := c.currentIndex(ctx)
	if err != nil {
		return nil, err
	}
	if l := st.bySlug[slug]; l != nil {
		return l, nil
	}
	return nil, fault.New(fault.NotFound, "error.not_found")
}

// AZ lists every published service by name, for the A-Z index.
func (c *Catalog) AZ(ctx context.Context) ([]*Service, error) {
	ix, err := c.currentIndex(ctx)
	if err != nil {
		return nil, err
	}
	return ix.byName, nil
}

// OpenNow tells whether an office is open at t in the city's zone loc.
func (c *Catalog) OpenNow(o *Office, t time.Time, loc *time.Location) hours.Status {
	return o.Hours.At(t.In(loc))
}

// Limits of the "tell us what was missing" form.
const (
	maxMissQuery   = 200
	maxMissMessage = 1000
)

// RecordMiss keeps a search that found nothing, with what the citizen
// says was missing. It stores no personal data: no account, no address.
func (c *Catalog) RecordMiss(ctx context.Context, query, message string) error {
	query, message = strings.TrimSpace(query), strings.TrimSpace(message)
	var v fault.Validator
	v.Check(query != "" || message != "", "message", "error.catalog.miss_empty")
	v.Check(utf8.RuneCountInString(query) <= maxMissQuery, "q", "error.catalog.miss_query_long", maxMissQuery)
	v.Check(utf8.RuneCountInString(message) <= maxMissMessage, "message", "error.catalog.miss_message_long", maxMissMessage)
	if err := v.Err(); err != nil {
		return err
	}
	return c.Store.CreateSearchMiss(ctx, &SearchMiss{Query: query, Message: message, CreatedAt: c.Now()})
}

// MissRetention is how long search misses are kept.
const MissRetention = 365 * 24 * time.Hour

// PurgeMisses deletes search misses older than MissRetention.
func (c *Catalog) PurgeMisses(ctx context.Context) (int64, error) {
	return c.Store.DeleteSearchMissesBefore(ctx, c.Now().Add(-MissRetention))
}

// Version is the catalogue version the public pages currently show; pages
// rendered for one version stay valid until it changes.
func (c *Catalog) Version(ctx context.Context) (int64, error) {
	st, err := c.currentIndex(ctx)
	if err != nil {
		return 0, err
	}
	return st.version, nil
}
