package storetest

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// newForm is a small form of a service, version and status, titled title.
func newForm(serviceID int64, version int, status, title string, at time.Time) *form.Form {
	return &form.Form{
		ServiceID: serviceID, Version: version, Status: status, UpdatedAt: at,
		Title: form.Text{"de": title, "en": title + " (en)"},
		Intro: form.Text{"de": "Bitte ausfüllen."},
		Pages: []form.Page{{ID: "person", Title: form.Text{"de": "Person"}, Questions: []form.Question{
			{ID: "name", Type: "text", Label: form.Text{"de": "Name"}, Required: true, MaxLength: 100},
			{ID: "art", Type: "choice", Label: form.Text{"de": "Art"}, Options: []form.Option{
				{Value: "neu", Label: form.Text{"de": "Neu"}}, {Value: "verl", Label: form.Text{"de": "Verlängerung"}}}},
		}}},
		Fee:      &form.Fee{BaseCents: 2850},
		Settings: form.Settings{Anonymous: true, DecisionDays: 30, Workflow: json.RawMessage(`{"states":["received"]}`)},
	}
}

// formUS returns f as the store keeps it: the update time to the
// microsecond in UTC.
func formUS(f form.Form) *form.Form {
	f.UpdatedAt = f.UpdatedAt.UTC().Truncate(time.Microsecond)
	return &f
}

func testForms(t *testing.T, s Stores) {
	for name, err := range map[string]error{
		"FindForm":      second(s.FindForm(ctx, 7, 1)),
		"PublishedForm": second(s.PublishedForm(ctx, 7)),
		"LatestForm":    second(s.LatestForm(ctx, 7)),
	} {
		if !fault.Is(err, fault.NotFound) {
			t.Errorf("%s without forms = %v, want NotFound", name, err)
		}
	}
	if got, err := s.Forms(ctx); err != nil || len(got) != 0 {
		t.Errorf("Forms without forms = %v, %v; want none", got, err)
	}

	// A draft is saved and changed again as often as needed.
	v1 := newForm(7, 1, form.StatusDraft, "Anwohnerparkausweis", t0)
	must(t, s.SaveForm(ctx, v1))
	v1.Title["de"], v1.UpdatedAt = "Bewohnerparkausweis", t0.Add(time.Minute)
	must(t, s.SaveForm(ctx, v1))
	got, err := s.FindForm(ctx, 7, 1)
	must(t, err)
	if d := cmp.Diff(formUS(*v1), got); d != "" {
		t.Errorf("FindForm after changing the draft (-want +got):\n%s", d)
	}
	if _, err := s.PublishedForm(ctx, 7); !fault.Is(err, fault.NotFound) {
		t.Errorf("PublishedForm with only a draft = %v, want NotFound", err)
	}

	// Publishing is saving as published; afterwards the version is fixed.
	v1.Status, v1.UpdatedAt = form.StatusPublished, t0.Add(time.Hour)
	must(t, s.SaveForm(ctx, v1))
	for _, status := range []string{form.StatusDraft, form.StatusPublished} {
		changed := newForm(7, 1, status, "Geändert", t0.Add(2*time.Hour))
		if err := s.SaveForm(ctx, changed); errKey(err) != "conflict error.form.published" {
			t.Errorf("saving over the published version as %s = %v, want Conflict error.form.published", status, err)
		}
	}
	got, err = s.PublishedForm(ctx, 7)
	must(t, err)
	if d := cmp.Diff(formUS(*v1), got); d != "" {
		t.Errorf("published form after refused changes (-want +got):\n%s", d)
	}

	// A new draft version does not replace the published one for
	// applicants, but is the latest for the editor.
	v2 := newForm(7, 2, form.StatusDraft, "Bewohnerparkausweis 2027", t0.Add(3*time.Hour))
	must(t, s.SaveForm(ctx, v2))
	pub, err := s.PublishedForm(ctx, 7)
	must(t, err)
	latest, err := s.LatestForm(ctx, 7)
	must(t, err)
	if pub.Version != 1 || latest.Version != 2 || latest.Status != form.StatusDraft {
		t.Errorf("published version %d, latest %d (%s); want 1 and the draft 2", pub.Version, latest.Version, latest.Status)
	}
	must(t, s.SaveForm(ctx, newForm(9, 1, form.StatusDraft, "Hundesteuer", t0)))
	must(t, s.SaveForm(ctx, newForm(3, 1, form.StatusPublished, "Fischereischein", t0)))

	versions, err := s.FormVersions(ctx, 7)
	must(t, err)
	wantVersions := []form.Info{
		{ServiceID: 7, Version: 2, Status: form.StatusDraft, Title: v2.Title, UpdatedAt: t0.Add(3 * time.Hour).Truncate(time.Microsecond)},
		{ServiceID: 7, Version: 1, Status: form.StatusPublished, Title: v1.Title, UpdatedAt: t0.Add(time.Hour).Truncate(time.Microsecond)},
	}
	if d := cmp.Diff(wantVersions, versions); d != "" {
		t.Errorf("FormVersions (-want +got):\n%s", d)
	}
	list, err := s.Forms(ctx)
	must(t, err)
	var summary []string
	for _, i := range list {
		summary = append(summary, fmt.Sprintf("%d v%d %s %s published %d", i.ServiceID, i.Version, i.Status, i.Title["de"], i.Published))
	}
	want := []string{
		"3 v1 published Fischereischein published 1",
		"7 v2 draft Bewohnerparkausweis 2027 published 1",
		"9 v1 draft Hundesteuer published 0",
	}
	if d := cmp.Diff(want, summary); d != "" {
		t.Errorf("Forms (-want +got):\n%s", d)
	}
}

func testFormPublishRace(t *testing.T, s Stores) { RacePublishForm(t, 10, s) }

// RacePublishForm has n editors, spread over stores (several handles on
// one database stand for several instances), publish their own change of
// the same draft at once: exactly one wins, the others get Conflict, and
// the stored form is the winner's.
func RacePublishForm(t *testing.T, n int, stores ...Stores) {
	t.Helper()
	must(t, stores[0].SaveForm(ctx, newForm(7, 1, form.StatusDraft, "Entwurf", t0)))
	errs := make([]error, n)
	ready := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := newForm(7, 1, form.StatusPublished, fmt.Sprintf("Fassung %d", i), t0)
			<-ready
			errs[i] = stores[i%len(stores)].SaveForm(ctx, f)
		}()
	}
	close(ready)
	wg.Wait()
	winner := -1
	for i, err := range errs {
		switch {
		case err == nil && winner < 0:
			winner = i
		case err == nil:
			t.Errorf("editors %d and %d both published version 1", winner, i)
		case errKey(err) != "conflict error.form.published":
			t.Errorf("editor %d: %v, want Conflict error.form.published", i, err)
		}
	}
	got, err := stores[0].PublishedForm(ctx, 7)
	must(t, err)
	if winner < 0 || got.Title["de"] != fmt.Sprintf("Fassung %d", winner) {
		t.Errorf("published title %q, winner %d; want the winner's", got.Title["de"], winner)
	}
}
