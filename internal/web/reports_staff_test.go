package web

import (
	"bytes"
	"context"
	"io"
	"net/url"
	"strings"
	"testing"

	"rathaus/internal/audit"
	"rathaus/internal/report"
)

// TestReportsStaffQueueScoped: each unit's staff see their unit's reports
// only; a report of another unit is not found; citizens are turned away.
func TestReportsStaffQueueScoped(t *testing.T) {
	e := newRSEnv(t)
	res := e.get("/amt/meldungen", e.login(e.worker))
	wantStatus(t, res, 200)
	if !strings.Contains(res.body, e.light.Reference) || !strings.Contains(res.body, e.light2.Reference) ||
		strings.Contains(res.body, e.dump.Reference) {
		t.Errorf("worker's queue shows the wrong reports:\n%.2000s", res.body)
	}
	if !strings.Contains(res.body, "eingegangen: 2") {
		t.Errorf("queue counts no 2 received reports")
	}
	res = e.get("/amt/meldungen?suche=Anger+17", e.login(e.worker))
	if !strings.Contains(res.body, e.light2.Reference) || strings.Contains(res.body, e.light.Reference) {
		t.Errorf("search finds the wrong reports")
	}
	res = e.get("/amt/meldungen", e.login(e.stranger))
	if !strings.Contains(res.body, e.dump.Reference) || strings.Contains(res.body, e.light.Reference) {
		t.Errorf("stranger's queue shows the wrong reports")
	}
	wantStatus(t, e.get(rsPath(e.light.Reference), e.login(e.stranger)), 404)
	wantStatus(t, e.get("/amt/meldungen", e.login(e.citizen)), 403)
}

// TestReportsStaffStatus: a status change writes the public note, queues
// the reporter's mail with the note and the link, and a stale form
// changes nothing; reading the contact is audited.
func TestReportsStaffStatus(t *testing.T) {
	e := newRSEnv(t)
	ctx := context.Background()
	res := e.get(rsPath(e.light.Reference), e.login(e.worker))
	wantStatus(t, res, 200)
	if !strings.Contains(res.body, "melder@example.org") {
		t.Error("staff do not see the reporter's contact")
	}
	entries, err := e.db.FindAuditEntries(ctx, audit.Filter{Action: audit.PersonalDataRead})
	mustDo(t, err)
	if len(entries) == 0 || !strings.Contains(entries[0].Detail, e.light.Reference) {
		t.Errorf("reading the contact is not audited: %+v", entries)
	}
	bad := e.rsPost(t, e.light, "/status", url.Values{"status": {"not_responsible"}, "status_note": {"Nicht unser Gebiet."}}, 1)
	wantStatus(t, bad, 400)
	if !strings.Contains(bad.body, `href="#field-forwarded_to"`) {
		t.Errorf("no error summary for the missing forwarding:\n%.3000s", bad.body)
	}
	ok := e.rsPost(t, e.light, "/status", url.Values{"status": {"in_progress"}, "status_note": {"Der Bauhof ist informiert."}}, 1)
	wantStatus(t, ok, 303)
	stale := e.rsPost(t, e.light, "/status", url.Values{"status": {"done"}, "status_note": {"Erledigt."}}, 1)
	wantStatus(t, stale, 409)
	if alert := query(stale.doc, "#conflict[role=alert]"); alert == nil || query(alert, "a[href='"+rsPath(e.light.Reference)+"']") == nil {
		t.Errorf("the stale form shows no conflict alert with a reload link:\n%.2000s", stale.body)
	}
	r := e.rsReport(t, e.light.ID)
	if r.Status != report.StatusInProgress || r.Version != 2 {
		t.Errorf("after the stale form: status %s version %d", r.Status, r.Version)
	}
	notes, err := e.reports.Store.FindDefectNotes(ctx, r.ID, true)
	mustDo(t, err)
	if len(notes) != 1 || notes[0].Text != "Der Bauhof ist informiert." {
		t.Errorf("public notes = %+v", notes)
	}
	ms := e.csMails(t, "melder@example.org")
	if len(ms) != 1 || !strings.Contains(ms[0].Text, "Der Bauhof ist informiert.") ||
		!strings.Contains(ms[0].Text, "http://rathaus.test/meldungen/"+r.Reference) || !strings.Contains(ms[0].Subject, r.Reference) {
		t.Fatalf("reporter's mails = %+v", ms)
	}
}

// TestReportsStaffMergeHide: merging closes the duplicate into the
// original by reference; an unknown reference is an error; hiding
// personal data marks the report.
func TestReportsStaffMergeHide(t *testing.T) {
	e := newRSEnv(t)
	res := e.rsPost(t, e.light2, "/zusammenfuehren", url.Values{"merge_into": {"M-1999-00001"}}, 1)
	wantStatus(t, res, 400)
	if !strings.Contains(res.body, `href="#field-merge_into"`) {
		t.Errorf("no error summary for an unknown reference")
	}
	wantStatus(t, e.rsPost(t, e.light2, "/zusammenfuehren", url.Values{"merge_into": {strings.ToLower(e.light.Reference)}}, 1), 303)
	dup := e.rsReport(t, e.light2.ID)
	if dup.Status != report.StatusMerged || dup.DuplicateOf == nil || *dup.DuplicateOf != e.light.ID {
		t.Errorf("merged: status %s, duplicate of %v", dup.Status, dup.DuplicateOf)
	}
	wantStatus(t, e.rsPost(t, e.light, "/verbergen", nil, 1), 303)
	if r := e.rsReport(t, e.light.ID); !r.PersonalHidden {
		t.Error("personal data not hidden")
	}
}

// TestReportsStaffBlur: the blur form makes a public copy that differs
// from the original, which stays; bad regions change nothing; the copy
// can be published and withdrawn.
func TestReportsStaffBlur(t *testing.T) {
	e := newRSEnv(t)
	ctx := context.Background()
	p := e.light.Photos[0]
	pre := rsPhotoPrefix(p.ID)
	wantStatus(t, e.rsPost(t, e.light, "/fotos/"+itoa(p.ID)+"/freigabe", url.Values{"public": {"1"}}, 1), 400)
	res := e.rsPost(t, e.light, "/fotos/"+itoa(p.ID)+"/schwaerzen", url.Values{pre + "x1": {"10"}, pre + "y1": {"5"}}, 1)
	wantStatus(t, res, 400)
	if !strings.Contains(res.body, `href="#field-`+pre+`w1"`) {
		t.Errorf("no error for the half-filled region:\n%.3000s", res.body)
	}
	if _, err := e.files.Stat(ctx, p.PublicKey()); err == nil {
		t.Fatal("a bad region made a copy")
	}
	wantStatus(t, e.rsPost(t, e.light, "/fotos/"+itoa(p.ID)+"/schwaerzen",
		url.Values{pre + "x1": {"8"}, pre + "y1": {"8"}, pre + "w1": {"30"}, pre + "h1": {"20"}}, 1), 303)
	orig, copy := e.rsFile(t, p.Key), e.rsFile(t, p.PublicKey())
	if bytes.Equal(orig, copy) || len(copy) == 0 {
		t.Error("the public copy equals the original")
	}
	if !bytes.Equal(orig, rsTestJPEG(t)) {
		t.Error("the original changed")
	}
	wantStatus(t, e.rsPost(t, e.light, "/fotos/"+itoa(p.ID)+"/freigabe", url.Values{"public": {"1"}}, 1), 303)
	if r := e.rsReport(t, e.light.ID); !r.Photos[0].Public {
		t.Error("photo not published")
	}
}

func (e *rsEnv) rsFile(t testing.TB, key string) []byte {
	t.Helper()
	rc, _, err := e.files.Get(context.Background(), key)
	mustDo(t, err)
	defer rc.Close()
	b, err := io.ReadAll(rc)
	mustDo(t, err)
	return b
}

// TestReportsStaffCategories: an organisation admin creates a category;
// a bad code comes back with an error summary and nothing is saved.
func TestReportsStaffCategories(t *testing.T) {
	e := newRSEnv(t)
	admin := e.user("chef@example.org", true)
	c := e.login(admin)
	wantStatus(t, e.get("/amt/meldekategorien", c), 200)
	wantStatus(t, e.get("/amt/meldekategorien", e.login(e.worker)), 403)
	res := e.postForm("/amt/meldekategorien/neu", url.Values{"code": {"Bad Code"}, "name_de": {""}}, c)
	wantStatus(t, res, 400)
	if !strings.Contains(res.body, `href="#field-code"`) || !strings.Contains(res.body, `href="#field-name_de"`) {
		t.Errorf("no error summary:\n%.3000s", res.body)
	}
	wantStatus(t, e.postForm("/amt/meldekategorien/neu", url.Values{"code": {"ampel"}, "name_de": {"Ampel defekt"},
		"name_en": {"Traffic light defect"}, "unit": {itoa(e.unit.ID)}, "keywords": {"Ampel, Signal"}, "active": {"1"}}, c), 303)
	cats, err := e.reports.Store.FindDefectCategories(context.Background(), *e.unit.ParentID)
	mustDo(t, err)
	if len(cats) != 3 {
		t.Fatalf("categories = %d, want 3", len(cats))
	}
	edit := "/amt/meldekategorien/" + itoa(e.licht.ID)
	res = e.postForm(edit, url.Values{"code": {"licht"}, "name_de": {"Licht"}, "attributes": {"mast | number\nart | singlevaluelist | pflicht | Was ist kaputt? |"}}, c)
	wantStatus(t, res, 400)
	if !strings.Contains(res.body, `href="#field-attributes"`) {
		t.Errorf("no error for the bad attribute lines:\n%.3000s", res.body)
	}
	if got, _ := e.reports.Store.FindDefectCategory(context.Background(), e.licht.ID); got.NameDE != e.licht.NameDE {
		t.Errorf("bad input saved: %q", got.NameDE)
	}
	wantStatus(t, e.postForm(edit, url.Values{"code": {"licht"}, "name_de": {"Licht"}, "unit": {itoa(e.unit.ID)}, "active": {"1"},
		"attributes": {"mast | string | optional | Nummer am Mast\nart | singlevaluelist | pflicht | Was ist kaputt? | aus=Lampe aus; flackert=Lampe flackert"}}, c), 303)
	got, err := e.reports.Store.FindDefectCategory(context.Background(), e.licht.ID)
	mustDo(t, err)
	if len(got.Attributes) != 2 || !got.Attributes[1].Required || len(got.Attributes[1].Values) != 2 || got.Attributes[1].Order != 2 {
		t.Errorf("attributes = %+v", got.Attributes)
	}
	res = e.get(edit, c)
	if !strings.Contains(res.body, "aus=Lampe aus; flackert=Lampe flackert") {
		t.Error("the form does not show the attributes")
	}
}

// TestReportsStaffAreaRules: an admin adds a rule (category × area →
// unit), bad input comes back with an error summary and nothing saved,
// and the rule can be removed.
func TestReportsStaffAreaRules(t *testing.T) {
	e := newRSEnv(t)
	c := e.login(e.user("chef@example.org", true))
	ctx := context.Background()
	city := *e.unit.ParentID
	res := e.postForm("/amt/meldekategorien/gebiete", url.Values{"category": {"0"}, "area": {""}, "unit": {"x"}}, c)
	wantStatus(t, res, 400)
	for _, f := range []string{"category", "area", "unit"} {
		if !strings.Contains(res.body, `href="#field-`+f+`"`) {
			t.Errorf("no error for %s", f)
		}
	}
	wantStatus(t, e.postForm("/amt/meldekategorien/gebiete", url.Values{"category": {itoa(e.licht.ID)}, "area": {"lobeda"},
		"unit": {itoa(e.other.ID)}}, c), 303)
	rules, err := e.reports.Store.FindDefectAreaRules(ctx, city)
	mustDo(t, err)
	if len(rules) != 1 || rules[0].AreaID != "lobeda" || rules[0].UnitID != e.other.ID || rules[0].CategoryID != e.licht.ID {
		t.Fatalf("rules = %+v", rules)
	}
	res = e.get("/amt/meldekategorien/gebiete", c)
	wantStatus(t, res, 200)
	if !strings.Contains(res.body, "Team Standesamt") {
		t.Error("the rule is not listed")
	}
	wantStatus(t, e.postForm("/amt/meldekategorien/gebiete/entfernen", url.Values{"rule": {itoa(rules[0].ID)}}, c), 303)
	if rules, _ := e.reports.Store.FindDefectAreaRules(ctx, city); len(rules) != 0 {
		t.Errorf("rule not removed: %+v", rules)
	}
}
