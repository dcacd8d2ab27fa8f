package catalog

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// maxProblems is how many problems an invalid bundle's error lists.
const maxProblems = 10

var slugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checker collects what is wrong with a bundle before anything is written,
// and resolves the organisation slugs it names.
type checker struct {
	c        *Catalog
	source   string
	problems []string
	orgs     map[string]*int64 // slug -> id; nil id when unknown
	offices  map[string]bool   // keys the bundle defines
	lifes    map[string]bool   // slugs the bundle defines
}

func (k *checker) problem(format string, args ...any) {
	k.problems = append(k.problems, fmt.Sprintf(format, args...))
}

// err returns an Invalid fault listing the first problems, or nil.
func (k *checker) err() error {
	if len(k.problems) == 0 {
		return nil
	}
	list := k.problems
	if len(list) > maxProblems {
		list = append(list[:maxProblems:maxProblems], fmt.Sprintf("and %d more", len(k.problems)-maxProblems))
	}
	msg := strings.Join(list, "; ")
	return &fault.Error{Kind: fault.Invalid, Key: "error.catalog.import", Args: []any{msg}, Err: errors.New(msg)}
}

// check validates the whole bundle; it reads the database (organisations,
// offices and life situations the bundle refers to but does not define)
// and writes nothing.
func (c *Catalog) check(ctx context.Context, b *Bundle) (*checker, error) {
	k := &checker{c: c, source: b.Source, orgs: map[string]*int64{}, offices: map[string]bool{}, lifes: map[string]bool{}}
	if b.Format != BundleFormat {
		k.problem("format is %q, want %q", b.Format, BundleFormat)
		return k, k.err()
	}
	k.lifeSituations(b.LifeSituations)
	if err := k.officeList(ctx, b.Offices); err != nil {
		return nil, err
	}
	if err := k.serviceList(ctx, b.Services); err != nil {
		return nil, err
	}
	return k, k.err()
}

func (k *checker) lifeSituations(ls []BundleLifeSituation) {
	for _, l := range ls {
		switch {
		case !slugRe.MatchString(l.Slug):
			k.problem("life situation %q: slug must be lower-case letters, digits and dashes", l.Slug)
		case k.lifes[l.Slug]:
			k.problem("life situation %q: slug appears twice", l.Slug)
		case strings.TrimSpace(l.Name) == "":
			k.problem("life situation %q: name missing", l.Slug)
		}
		k.lifes[l.Slug] = true
	}
}

func (k *checker) officeList(ctx context.Context, list []BundleOffice) error {
	for _, o := range list {
		what := fmt.Sprintf("office %q", o.Key)
		switch {
		case strings.TrimSpace(o.Key) == "":
			k.problem("office %q: key missing", o.Name)
		case k.offices[o.Key]:
			k.problem("%s: key appears twice", what)
		case strings.TrimSpace(o.Name) == "":
			k.problem("%s: name missing", what)
		case o.Website != "" && !ValidURL(o.Website):
			k.problem("%s: website is no http(s) URL", what)
		case (o.Lat == nil) != (o.Lon == nil) || (o.Lat != nil && (*o.Lat < -90 || *o.Lat > 90 || *o.Lon < -180 || *o.Lon > 180)):
			k.problem("%s: coordinates out of range or incomplete", what)
		default:
			if err := checkHours(o.Hours); err != nil {
				k.problem("%s: hours: %v", what, err)
			}
		}
		k.offices[o.Key] = true
		if _, err := k.org(ctx, what, o.Org); err != nil {
			return err
		}
	}
	return nil
}

func (k *checker) serviceList(ctx context.Context, list []BundleService) error {
	keys := map[string]bool{}
	for _, s := range list {
		what := fmt.Sprintf("service %q", s.Key)
		switch {
		case strings.TrimSpace(s.Key) == "":
			k.problem("service %q: key missing", s.Name)
		case keys[s.Key]:
			k.problem("%s: key appears twice", what)
		case s.Status != "" && s.Status != StatusPublished:
			k.problem("%s: status %q, an import only publishes", what, s.Status)
		}
		keys[s.Key] = true
		if err := s.Content.Normalize().Validate(); err != nil {
			k.problem("%s: invalid %s", what, fieldNames(err))
		}
		if _, err := k.org(ctx, what, s.Org); err != nil {
			return err
		}
		if err := k.refs(ctx, what, s); err != nil {
			return err
		}
	}
	return nil
}

// refs checks that a service's offices and life situations exist, in the
// bundle or already in the database.
func (k *checker) refs(ctx context.Context, what string, s BundleService) error {
	for _, key := range s.Offices {
		if k.offices[key] {
			continue
		}
		o, err := k.c.findOffice(ctx, k.source, key)
		if err != nil && !fault.Is(err, fault.NotFound) {
			return err
		}
		if o == nil {
			k.problem("%s: office %q is neither in the bundle nor in the catalogue", what, key)
		}
	}
	for _, slug := range s.LifeSituations {
		if k.lifes[slug] {
			continue
		}
		_, err := k.c.Store.FindLifeSituationBySlug(ctx, slug)
		if fault.Is(err, fault.NotFound) {
			k.problem("%s: life situation %q is neither in the bundle nor in the catalogue", what, slug)
		} else if err != nil {
			return err
		}
	}
	return nil
}

// org resolves an organisation slug (nil for ""), noting a problem when
// there is no such organisation.
func (k *checker) org(ctx context.Context, what, slug string) (*int64, error) {
	if slug == "" {
		return nil, nil
	}
	if id, seen := k.orgs[slug]; seen {
		if id == nil {
			k.problem("%s: no organisation with slug %q", what, slug)
		}
		return id, nil
	}
	if k.c.Orgs == nil {
		k.orgs[slug] = nil
		k.problem("%s: no organisation with slug %q", what, slug)
		return nil, nil
	}
	o, err := k.c.Orgs.Store.FindOrgBySlug(ctx, slug)
	if fault.Is(err, fault.NotFound) {
		k.orgs[slug] = nil
		k.problem("%s: no organisation with slug %q", what, slug)
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	k.orgs[slug] = &o.ID
	return &o.ID, nil
}

// fieldNames lists the fields of an Invalid fault, e.g. "name, leika".
func fieldNames(err error) string {
	var names []string
	for _, f := range fault.As(err).Fields {
		names = append(names, f.Field)
	}
	if len(names) == 0 {
		return err.Error()
	}
	return strings.Join(names, ", ")
}

// checkHours checks what the JSON form of hours checks when it is read,
// for bundles built in code: spans inside the day, ordered, not
// overlapping, and a known holiday region.
func checkHours(h hours.Hours) error {
	for d, ivs := range h.Weekly {
		if err := checkIntervals(ivs); err != nil {
			return fmt.Errorf("weekday %d: %w", d, err)
		}
	}
	for _, e := range h.Exceptions {
		if err := checkIntervals(e.Intervals); err != nil {
			return fmt.Errorf("%s: %w", e.Date, err)
		}
	}
	if !hours.KnownRegion(h.Holidays) {
		return fmt.Errorf("unknown holiday region %q", h.Holidays)
	}
	return nil
}

func checkIntervals(ivs []hours.Interval) error {
	for i, iv := range ivs {
		if iv.From < 0 || iv.To > 24*60 || iv.From >= iv.To || (i > 0 && iv.From < ivs[i-1].To) {
			return fmt.Errorf("span %s is empty, outside the day, out of order or overlapping", iv)
		}
	}
	return nil
}
