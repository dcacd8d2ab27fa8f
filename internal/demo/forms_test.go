package demo_test

import (
	"slices"
	"testing"

	"rathaus/internal/catalog"
	"rathaus/internal/demo"
	"rathaus/internal/form"
)

// TestForms: every embedded demo form imports cleanly, has an English
// title, and together they show every kind of question, a fee, a file
// upload and conditional pages — what the demo is meant to show off.
func TestForms(t *testing.T) {
	forms, err := demo.Forms()
	if err != nil {
		t.Fatal(err)
	}
	b, err := demo.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	if len(forms) < 6 {
		t.Errorf("%d demo forms, want at least 6", len(forms))
	}
	for _, key := range []string{"bewohnerparkausweis", "hundesteuer", "meldebescheinigung", "uebermittlungssperre", "gewerbe-anmelden", "wohngeld", "sperrmuell"} {
		if forms[key] == nil {
			t.Errorf("no demo form for %s", key)
		}
	}
	types := map[string]bool{}
	var fees, files, conditions, anonymous, prefills int
	for key, f := range forms {
		if !slices.ContainsFunc(b.Services, func(s catalog.BundleService) bool { return s.Key == key }) {
			t.Errorf("%s: no service with this key in the demo catalogue", key)
		}
		if f.Title["en"] == "" || f.Intro["en"] == "" {
			t.Errorf("%s: no English title or intro", key)
		}
		if f.Fee != nil {
			fees++
		}
		if f.Settings.Anonymous {
			anonymous++
		}
		for _, p := range f.Pages {
			if p.Title["en"] == "" {
				t.Errorf("%s: page %s has no English title", key, p.ID)
			}
			if p.ShowIf != nil {
				conditions++
			}
			for _, q := range p.Questions {
				types[q.Type] = true
				if q.Type == form.TypeFile {
					files++
				}
				if q.Prefill != "" {
					prefills++
				}
				if q.Label["en"] == "" {
					t.Errorf("%s: question %s has no English label", key, q.ID)
				}
				for _, o := range q.Options {
					if o.Label["en"] == "" {
						t.Errorf("%s: option %s.%s has no English label", key, q.ID, o.Value)
					}
				}
			}
		}
	}
	for _, typ := range form.Types {
		if !types[typ] {
			t.Errorf("no demo form asks a %s question", typ)
		}
	}
	if fees == 0 || files == 0 || conditions == 0 || anonymous == 0 || prefills == 0 {
		t.Errorf("%d fee forms, %d file questions, %d conditional pages, %d anonymous forms, %d prefills: want each", fees, files, conditions, anonymous, prefills)
	}
}
