package catalog

import (
	"context"
	"fmt"
)

// Export writes the published services of one source ("" for those
// written here) as a bundle, with the offices of that source and those
// its services name, and every life situation. Services and offices are
// keyed by their external id, or "rathaus-<id>" when they have none;
// organisations by slug. Importing the bundle into an empty catalogue
// gives the same content.
func (c *Catalog) Export(ctx context.Context, source string) (*Bundle, error) {
	b := &Bundle{Format: BundleFormat, Source: source}
	x := &exporter{c: c, slugs: map[int64]string{}, keys: map[int64]string{}}
	if err := x.offices(ctx, b, source); err != nil {
		return nil, err
	}
	services, err := c.Store.FindServices(ctx, ServiceFilter{Status: StatusPublished, Source: source})
	if err != nil {
		return nil, err
	}
	for _, s := range services {
		if s.Source != source { // the filter ignores an empty source
			continue
		}
		bs, err := x.service(ctx, b, s)
		if err != nil {
			return nil, fmt.Errorf("service %d: %w", s.ID, err)
		}
		b.Services = append(b.Services, bs)
	}
	lifes, err := c.Store.FindLifeSituations(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range lifes {
		b.LifeSituations = append(b.LifeSituations, BundleLifeSituation{Slug: l.Slug, Name: l.Name, Description: l.Description, Position: l.Position})
	}
	return b, nil
}

// exporter remembers organisation slugs and office keys by id.
type exporter struct {
	c     *Catalog
	slugs map[int64]string
	keys  map[int64]string
}

func (x *exporter) offices(ctx context.Context, b *Bundle, source string) error {
	list, err := x.c.Store.FindOffices(ctx, OfficeFilter{Source: source})
	if err != nil {
		return err
	}
	for _, o := range list {
		if o.Source == source {
			if err := x.addOffice(ctx, b, o); err != nil {
				return err
			}
		}
	}
	return nil
}

func (x *exporter) addOffice(ctx context.Context, b *Bundle, o *Office) error {
	slug, err := x.orgSlug(ctx, o.OrgID)
	if err != nil {
		return err
	}
	key := exportKey(o.ExternalID, o.ID)
	x.keys[o.ID] = key
	b.Offices = append(b.Offices, BundleOffice{Key: key, Name: o.Name, Org: slug, Authority: o.Authority,
		Address: o.Address, Lat: o.Lat, Lon: o.Lon, Phone: o.Phone, Email: o.Email, Website: o.Website,
		Hours: o.Hours, Accessibility: o.Accessibility})
	return nil
}

func (x *exporter) service(ctx context.Context, b *Bundle, s *Service) (BundleService, error) {
	slug, err := x.orgSlug(ctx, s.OrgID)
	if err != nil {
		return BundleService{}, err
	}
	bs := BundleService{Key: exportKey(s.ExternalID, s.ID), Status: StatusPublished, Org: slug, Content: s.Content}
	bs.OrgID, bs.OfficeIDs = nil, nil
	for _, id := range s.OfficeIDs {
		if _, ok := x.keys[id]; !ok { // an office of another source
			o, err := x.c.Store.FindOfficeByID(ctx, id)
			if err != nil {
				return bs, fmt.Errorf("office %d: %w", id, err)
			}
			if err := x.addOffice(ctx, b, o); err != nil {
				return bs, err
			}
		}
		bs.Offices = append(bs.Offices, x.keys[id])
	}
	return bs, nil
}

func (x *exporter) orgSlug(ctx context.Context, id *int64) (string, error) {
	if id == nil {
		return "", nil
	}
	if slug, ok := x.slugs[*id]; ok {
		return slug, nil
	}
	o, err := x.c.Orgs.Store.FindOrgByID(ctx, *id)
	if err != nil {
		return "", fmt.Errorf("organisation %d: %w", *id, err)
	}
	x.slugs[*id] = o.Slug
	return o.Slug, nil
}

// exportKey is an external id, or "rathaus-<id>" for what was written
// here.
func exportKey(externalID string, id int64) string {
	if externalID != "" {
		return externalID
	}
	return fmt.Sprintf("rathaus-%d", id)
}
