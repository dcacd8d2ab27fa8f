package catalog

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/fault"
)

// ImportReport counts what an import did. Life situations count when
// created or changed.
type ImportReport struct {
	ServicesCreated   int `json:"services_created"`
	ServicesUpdated   int `json:"services_updated"`
	ServicesUnchanged int `json:"services_unchanged"`
	OfficesCreated    int `json:"offices_created"`
	OfficesUpdated    int `json:"offices_updated"`
	OfficesUnchanged  int `json:"offices_unchanged"`
	LifeSituations    int `json:"life_situations"`
}

// Import brings a bundle into the catalogue: life situations by slug,
// offices and services by the bundle's Source and their Key, so that
// importing the same bundle again changes nothing and never duplicates.
//
// The whole bundle is checked first (format, keys, content, hours, the
// organisations, offices and life situations it names); if anything is
// wrong nothing is written and the error lists the first problems. A new
// service is published at once with a revision of origin "import". An
// existing one gets a new published revision only when its content
// differs from the bundle's; when it differs only because an editor
// changed the text here since the last import of the same content, the
// editor's text stays. A service archived here stays archived.
func (c *Catalog) Import(ctx context.Context, b *Bundle) (ImportReport, error) {
	var rep ImportReport
	if b == nil {
		return rep, fault.New(fault.Invalid, "error.catalog.import", "empty bundle")
	}
	k, err := c.check(ctx, b)
	if err != nil {
		return rep, err
	}
	defer c.changed()
	if rep.LifeSituations, err = c.importLifeSituations(ctx, b.LifeSituations); err != nil {
		return rep, err
	}
	offices, err := c.importOffices(ctx, b, k, &rep)
	if err != nil {
		return rep, err
	}
	for _, s := range b.Services {
		if err := c.importService(ctx, b.Source, s, k, offices, &rep); err != nil {
			return rep, fmt.Errorf("service %q: %w", s.Key, err)
		}
	}
	return rep, nil
}

func (c *Catalog) importLifeSituations(ctx context.Context, ls []BundleLifeSituation) (int, error) {
	n := 0
	for _, bl := range ls {
		l := &LifeSituation{Slug: bl.Slug, Name: strings.TrimSpace(bl.Name), Description: strings.TrimSpace(bl.Description), Position: bl.Position}
		old, err := c.Store.FindLifeSituationBySlug(ctx, l.Slug)
		if err != nil && !fault.Is(err, fault.NotFound) {
			return n, err
		}
		if old != nil && old.Name == l.Name && old.Description == l.Description && old.Position == l.Position {
			continue
		}
		if err := c.Store.SaveLifeSituation(ctx, l); err != nil {
			return n, fmt.Errorf("life situation %q: %w", l.Slug, err)
		}
		n++
	}
	return n, nil
}

// importOffices creates or updates the bundle's offices and returns the
// ids of all offices by key.
func (c *Catalog) importOffices(ctx context.Context, b *Bundle, k *checker, rep *ImportReport) (map[string]int64, error) {
	ids := map[string]int64{}
	for _, bo := range b.Offices {
		o := officeFromBundle(bo, b.Source, k.orgs[bo.Org])
		old, err := c.findOffice(ctx, b.Source, bo.Key)
		switch {
		case err != nil && !fault.Is(err, fault.NotFound):
			return nil, err
		case old == nil:
			o.CreatedAt, o.UpdatedAt = c.Now(), c.Now()
			err = c.Store.CreateOffice(ctx, o)
			rep.OfficesCreated++
		case sameOffice(old, o):
			o.ID = old.ID
			rep.OfficesUnchanged++
		default:
			o.ID, o.ExternalID, o.CreatedAt, o.UpdatedAt = old.ID, old.ExternalID, old.CreatedAt, c.Now()
			err = c.Store.UpdateOffice(ctx, o)
			rep.OfficesUpdated++
		}
		if err != nil {
			return nil, fmt.Errorf("office %q: %w", bo.Key, err)
		}
		ids[bo.Key] = o.ID
	}
	return ids, nil
}

func officeFromBundle(bo BundleOffice, source string, orgID *int64) *Office {
	return &Office{Source: source, ExternalID: bo.Key, Name: strings.TrimSpace(bo.Name), OrgID: orgID,
		Authority: strings.TrimSpace(bo.Authority), Address: bo.Address, Lat: bo.Lat, Lon: bo.Lon,
		Phone: strings.TrimSpace(bo.Phone), Email: strings.TrimSpace(bo.Email), Website: strings.TrimSpace(bo.Website),
		Hours: bo.Hours, Accessibility: bo.Accessibility}
}

// sameOffice compares what an import sets, in JSON form: hours read back
// from the database may hold empty lists where the bundle has none.
func sameOffice(a, b *Office) bool {
	view := func(o *Office) string {
		j, _ := json.Marshal(officeFields{o.Name, o.Authority, o.Phone, o.Email, o.Website,
			o.OrgID, o.Address, o.Lat, o.Lon, o.Hours, o.Accessibility})
		return string(j)
	}
	return view(a) == view(b)
}

type officeFields struct {
	Name, Authority, Phone, Email, Website string
	OrgID                                  *int64
	Address                                Address
	Lat, Lon                               *float64
	Hours                                  any
	Accessibility                          Accessibility
}

func (c *Catalog) importService(ctx context.Context, source string, bs BundleService, k *checker, offices map[string]int64, rep *ImportReport) error {
	content, err := c.resolve(ctx, source, bs, k, offices)
	if err != nil {
		return err
	}
	now := c.Now()
	rev := &Revision{Content: content, Origin: OriginImport, State: RevisionPublished, CreatedAt: now}
	old, err := c.findService(ctx, source, bs.Key)
	switch {
	case err != nil && !fault.Is(err, fault.NotFound):
		return err
	case old == nil:
		rep.ServicesCreated++
		s := &Service{Source: source, ExternalID: bs.Key, CreatedAt: now, UpdatedAt: now}
		return c.Store.CreateService(ctx, s, rev)
	case sameContent(old.Content, content):
		rep.ServicesUnchanged++
		return nil
	}
	kept, err := c.editedSinceImport(ctx, old.ID, content)
	if err != nil || kept {
		rep.ServicesUnchanged++
		return err
	}
	rep.ServicesUpdated++
	rev.ServiceID = old.ID
	return c.Store.CreateRevision(ctx, rev)
}

// resolve turns a bundle service's content into the catalogue's: the
// organisation by id, the offices by id, tidied.
func (c *Catalog) resolve(ctx context.Context, source string, bs BundleService, k *checker, offices map[string]int64) (Content, error) {
	content := bs.Content
	content.OrgID = k.orgs[bs.Org]
	content.OfficeIDs = nil
	for _, key := range bs.Offices {
		id, ok := offices[key]
		if !ok {
			o, err := c.findOffice(ctx, source, key)
			if err != nil {
				return content, fmt.Errorf("office %q: %w", key, err)
			}
			id, offices[key] = o.ID, o.ID
		}
		content.OfficeIDs = append(content.OfficeIDs, id)
	}
	return content.Normalize(), nil
}

// editedSinceImport reports whether the latest imported revision of a
// service already has content: then the source has not changed and the
// difference is an editor's work, which an import must not undo.
func (c *Catalog) editedSinceImport(ctx context.Context, serviceID int64, content Content) (bool, error) {
	revs, err := c.Store.FindRevisions(ctx, RevisionFilter{ServiceID: &serviceID})
	if err != nil {
		return false, err
	}
	for _, r := range revs { // newest first
		if r.Origin == OriginImport {
			return sameContent(r.Content, content), nil
		}
	}
	return false, nil
}

// sameContent compares two contents after normalising, with office ids
// in any order.
func sameContent(a, b Content) bool {
	a, b = a.Normalize(), b.Normalize()
	a.OfficeIDs, b.OfficeIDs = slices.Sorted(slices.Values(a.OfficeIDs)), slices.Sorted(slices.Values(b.OfficeIDs))
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

// localKey parses the key an export gives a service or office written
// here without an external id ("rathaus-12").
func localKey(key string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimPrefix(key, "rathaus-"), 10, 64)
	return n, err == nil && strings.HasPrefix(key, "rathaus-")
}

// findService finds a service by source and key; for a bundle without a
// source, a key like "rathaus-12" also finds service 12 written here, so
// that exporting and importing in one installation does not duplicate.
// NotFound (with a nil service) when there is none.
func (c *Catalog) findService(ctx context.Context, source, key string) (*Service, error) {
	s, err := c.Store.FindServiceByExternalID(ctx, source, key)
	if !fault.Is(err, fault.NotFound) {
		return s, err
	}
	if id, ok := localKey(key); ok && source == "" {
		if s, err2 := c.Store.FindServiceByID(ctx, id); err2 == nil && s.Source == "" && s.ExternalID == "" {
			return s, nil
		}
	}
	return nil, err
}

// findOffice is findService for offices.
func (c *Catalog) findOffice(ctx context.Context, source, key string) (*Office, error) {
	o, err := c.Store.FindOfficeByExternalID(ctx, source, key)
	if !fault.Is(err, fault.NotFound) {
		return o, err
	}
	if id, ok := localKey(key); ok && source == "" {
		if o, err2 := c.Store.FindOfficeByID(ctx, id); err2 == nil && o.Source == "" && o.ExternalID == "" {
			return o, nil
		}
	}
	return nil, err
}
