package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"rathaus/internal/appointment"
)

func (e *deskEnv) setupPath() string { return e.dayPath("buergerbuero") + "/einstellungen" }

func (e *deskEnv) storedSetup(t *testing.T) *appointment.Setup {
	t.Helper()
	st, err := e.store.FindSetup(context.Background(), e.ids["buergerbuero"])
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// setupForm is a complete, valid settings form for the Bürgerbüro.
func (e *deskEnv) setupForm() url.Values {
	perso := itoaID(e.ids["perso"])
	return url.Values{
		"enabled": {"1"}, "counters": {"3"}, "walk_in_counters": {"1"}, "slot_minutes": {"10"},
		"min_days": {"1"}, "max_days": {"28"}, "release": {"07:00"}, "max_persons": {"4"}, "max_active": {"2"},
		"svc": {perso}, "svc" + perso + "_minutes": {"25"}, "svc" + perso + "_extra": {"10"},
		"svc" + itoaID(e.ids["anmeldung"]) + "_minutes": {"10"},
		"win_rows": {"3"}, "win0_day": {"4"}, "win0_from": {"14:00"}, "win0_to": {"18:00"}, "win0_counters": {"4"},
	}
}

func TestOfficeSetupShowsAndSaves(t *testing.T) {
	e := newDeskEnv(t)
	res := e.get(e.setupPath(), e.owner)
	wantStatus(t, res, http.StatusOK)
	perso := "svc" + itoaID(e.ids["perso"])
	for sel, want := range map[string]string{
		"#field-counters": "2", "#field-max_days": "28", "#field-release": "00:00",
		"#field-" + perso: "20", "#" + perso + "-extra": "10",
	} {
		if got := attrOf(query(res.doc, sel), "value"); got != want {
			t.Errorf("%s: got %q, want %q", sel, got, want)
		}
	}
	if _, ok := attr(query(res.doc, "#"+perso+"-on"), "checked"); !ok {
		t.Error("a bookable service is not checked")
	}
	if n := len(queryAll(res.doc, "fieldset.app-setup__window")); n != emptyWindows {
		t.Errorf("window rows: got %d, want %d empty ones", n, emptyWindows)
	}

	res = e.postForm(e.setupPath(), e.setupForm(), e.owner)
	wantStatus(t, res, http.StatusSeeOther)
	st := e.storedSetup(t)
	want := &appointment.Setup{OfficeID: e.ids["buergerbuero"], Enabled: true, Counters: 3, WalkInCounters: 1, SlotMinutes: 10,
		MinDays: 1, MaxDays: 28, ReleaseMinute: 7 * 60, MaxPersons: 4, MaxActivePerEmail: 2,
		Services: []appointment.ServiceSetup{{ServiceID: e.ids["perso"], Minutes: 25, ExtraMinutes: 10}},
		Windows:  []appointment.Window{{Weekdays: [7]bool{4: true}, From: 14 * 60, To: 18 * 60, Counters: 4}}}
	if diff := cmp.Diff(want, st, cmpopts.IgnoreFields(appointment.Setup{}, "UpdatedAt")); diff != "" {
		t.Errorf("saved setup (-want +got):\n%s", diff)
	}
	res = e.get(e.setupPath(), e.owner)
	if got := len(queryAll(res.doc, "fieldset.app-setup__window")); got != 1+emptyWindows {
		t.Errorf("window rows after saving one: got %d, want %d", got, 1+emptyWindows)
	}
	if got := attrOf(query(res.doc, "#win0-from"), "value"); got != "14:00" {
		t.Errorf("saved window from: got %q, want 14:00", got)
	}

	wantStatus(t, e.get(e.setupPath(), e.clerk), http.StatusForbidden)
	wantStatus(t, e.postForm(e.setupPath(), e.setupForm(), e.clerk), http.StatusForbidden)
}

func TestOfficeSetupErrorsChangeNothing(t *testing.T) {
	e := newDeskEnv(t)
	before := e.storedSetup(t)
	perso := "svc" + itoaID(e.ids["perso"])
	for name, c := range map[string]struct {
		change func(url.Values)
		fields []string // the summary links to these
	}{
		"rules": {func(v url.Values) {
			v.Set("walk_in_counters", "5")
			v.Set(perso+"_minutes", "2")
			v.Set("slot_minutes", "7")
		}, []string{"walk_in_counters", perso, "slot_minutes"}},
		"input": {func(v url.Values) {
			v.Set("counters", "drei")
			v.Set("release", "7 Uhr")
			v["win1_from"], v["win1_to"] = []string{"08:00"}, []string{"09:00"}
			v["win2_day"] = []string{"1"}
		}, []string{"counters", "release", "win1", "win2"}},
	} {
		v := e.setupForm()
		c.change(v)
		res := e.postForm(e.setupPath(), v, e.owner)
		wantStatus(t, res, http.StatusBadRequest)
		for _, f := range c.fields {
			if query(res.doc, "#error-summary a[href=#field-"+f+"]") == nil {
				t.Errorf("%s: the summary does not link to %s", name, f)
			}
			if query(res.doc, "#field-"+f) == nil {
				t.Errorf("%s: no element #field-%s for the summary's link", name, f)
			}
		}
		if got := attrOf(query(res.doc, "#field-max_days"), "value"); got != "28" {
			t.Errorf("%s: submitted values not kept: max_days %q", name, got)
		}
		if diff := cmp.Diff(before, e.storedSetup(t)); diff != "" {
			t.Errorf("%s: setup changed (-before +after):\n%s", name, diff)
		}
	}
}
