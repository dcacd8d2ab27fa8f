package demo

import (
	"context"
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// formFiles are the demo city's online application forms in the exchange
// format "rathaus-form/1", one file per service named by its key in the
// demo catalogue. Their service_id is a placeholder: SeedForms puts in the
// catalogue's ID.
//
//go:embed forms/*.json
var formFiles embed.FS

// Forms decodes the embedded demo forms by catalogue service key. Every
// file goes through form.Import, which checks the definition.
func Forms() (map[string]*form.Form, error) {
	entries, err := formFiles.ReadDir("forms")
	if err != nil {
		return nil, err
	}
	out := map[string]*form.Form{}
	for _, e := range entries {
		b, err := formFiles.ReadFile(path.Join("forms", e.Name()))
		if err != nil {
			return nil, err
		}
		f, err := form.Import(b)
		if err != nil {
			return nil, fmt.Errorf("demo form %s: %w", e.Name(), err)
		}
		out[strings.TrimSuffix(e.Name(), ".json")] = f
	}
	return out, nil
}

// FormKeys lists the keys of the demo forms in order.
func FormKeys() ([]string, error) {
	fs, err := Forms()
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(fs))
	for k := range fs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}

// SeedForms gives each demo service with a form its published version 1,
// unless the service has a form already (staff may have changed it since).
// It runs on every demo start, so a newer binary brings new forms.
func SeedForms(ctx context.Context, store form.Store, c *catalog.Catalog, now time.Time) error {
	forms, err := Forms()
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(forms))
	for k := range forms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	services, err := demoServices(ctx, c, keys)
	if err != nil {
		return err
	}
	for _, key := range keys {
		s := services[key]
		if s == nil {
			return fmt.Errorf("demo forms: service %q is not in the catalogue", key)
		}
		if _, err := store.LatestForm(ctx, s.ID); err == nil {
			continue
		} else if !fault.Is(err, fault.NotFound) {
			return err
		}
		f := forms[key]
		f.ServiceID, f.Version, f.Status, f.UpdatedAt = s.ID, 1, form.StatusPublished, now.UTC()
		if err := store.SaveForm(ctx, f); err != nil {
			return fmt.Errorf("demo forms: %s: %w", key, err)
		}
	}
	return nil
}

// demoServices returns the services of the demo catalogue with the given
// keys; a key not (yet) imported is missing from the map.
func demoServices(ctx context.Context, c *catalog.Catalog, keys []string) (map[string]*catalog.Service, error) {
	bundle, err := Catalog()
	if err != nil {
		return nil, err
	}
	out := map[string]*catalog.Service{}
	for _, key := range keys {
		s, err := c.Store.FindServiceByExternalID(ctx, bundle.Source, key)
		if fault.Is(err, fault.NotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[key] = s
	}
	return out, nil
}
