package catalog_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

var ctx = context.Background()

var now = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

// world is a catalogue on a real store with two organisations and editors.
type world struct {
	db                      *sqlstore.DB
	cat                     *catalog.Catalog
	city, works             *org.Org
	anna, ben, other, plain org.Actor
}

func newWorld(t *testing.T, db *sqlstore.DB, fourEyes bool) *world {
	t.Helper()
	clock := func() time.Time { return now }
	orgs := &org.Service{Store: db, Audit: db, Now: clock}
	w := &world{db: db}
	w.cat = &catalog.Catalog{Store: db, Orgs: orgs, Audit: db, Now: clock, FourEyes: fourEyes}
	group := &org.Org{Kind: org.KindGroup, Slug: "verbund", Name: "Verbund"}
	must(t, orgs.Create(ctx, group))
	w.city = &org.Org{Kind: org.KindOrganisation, Slug: "stadt", Name: "Stadt", ParentID: &group.ID}
	must(t, orgs.Create(ctx, w.city))
	w.works = &org.Org{Kind: org.KindOrganisation, Slug: "werke", Name: "Stadtwerke", ParentID: &group.ID}
	must(t, orgs.Create(ctx, w.works))
	w.anna = w.user(t, orgs, "anna@example.org", w.city)
	w.ben = w.user(t, orgs, "ben@example.org", w.city)
	w.other = w.user(t, orgs, "otto@example.org", w.works)
	w.plain = w.user(t, orgs, "paul@example.org", nil)
	return w
}

func (w *world) user(t *testing.T, orgs *org.Service, email string, editorOf *org.Org) org.Actor {
	t.Helper()
	u := &account.User{Email: email, DisplayName: email, PasswordHash: "x", Locale: "de", CreatedAt: now}
	must(t, w.db.CreateUser(ctx, u, nil, nil))
	if editorOf != nil {
		if _, err := orgs.Grant(ctx, nil, u.ID, org.RoleServiceOwner, editorOf.ID); err != nil {
			t.Fatal(err)
		}
	}
	return org.Actor{UserID: u.ID}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func content(name string, orgID int64) catalog.Content {
	return catalog.Content{Name: name, Summary: "Kurz erklärt.", LeiKa: []string{"99115001001000"},
		Description: "Erster Absatz.\n\nZweiter Absatz.", OrgID: &orgID, TargetGroups: []string{catalog.TargetPeople}, OZGLevel: 2}
}

func TestFourEyes(t *testing.T) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			w := newWorld(t, open(t), true)
			s, rev, err := w.cat.CreateService(ctx, w.anna, content("Personalausweis beantragen", w.city.ID), "neu")
			must(t, err)
			if s.Status != catalog.StatusDraft || rev.State != catalog.RevisionPending {
				t.Fatalf("new service: status %q, revision %q; want draft and pending", s.Status, rev.State)
			}
			if _, err := w.cat.PublicService(ctx, s.ID); !fault.Is(err, fault.NotFound) {
				t.Errorf("draft visible to the public: err %v", err)
			}
			if err := w.cat.Approve(ctx, w.anna, rev.ID, ""); !fault.Is(err, fault.Forbidden) {
				t.Errorf("author approved own change: err %v, want Forbidden", err)
			}
			if err := w.cat.Approve(ctx, w.other, rev.ID, ""); !fault.Is(err, fault.Forbidden) {
				t.Errorf("editor of another organisation approved: err %v, want Forbidden", err)
			}
			must(t, w.cat.Approve(ctx, w.ben, rev.ID, "passt"))
			if err := w.cat.Approve(ctx, w.ben, rev.ID, ""); !fault.Is(err, fault.Conflict) {
				t.Errorf("approving twice: err %v, want Conflict", err)
			}
			pub, err := w.cat.PublicService(ctx, s.ID)
			must(t, err)
			if pub.Name != "Personalausweis beantragen" || pub.Version != 1 {
				t.Errorf("published %q version %d", pub.Name, pub.Version)
			}

			// A change waits; the public keeps the old text until approval.
			c := pub.Content
			c.Summary = "Neu erklärt."
			rev2, err := w.cat.Propose(ctx, w.ben, s.ID, c, "Kurztext")
			must(t, err)
			if got, _ := w.cat.PublicService(ctx, s.ID); got.Summary != "Kurz erklärt." {
				t.Errorf("pending change already public: %q", got.Summary)
			}
			if err := w.cat.Reject(ctx, w.anna, rev2.ID, " "); !fault.Is(err, fault.Invalid) {
				t.Errorf("reject without note: err %v, want Invalid", err)
			}
			must(t, w.cat.Reject(ctx, w.anna, rev2.ID, "bitte mit Quelle"))
			hist, err := w.cat.History(ctx, w.anna, s.ID)
			must(t, err)
			var states []string
			for _, h := range hist {
				states = append(states, h.State)
			}
			if strings.Join(states, ",") != "rejected,published" {
				t.Errorf("history states %v, want [rejected published]", states)
			}
		})
	}
}

func TestDirectPublishWithoutFourEyes(t *testing.T) {
	w := newWorld(t, storetest.OpenSQLite(t), false)
	s, rev, err := w.cat.CreateService(ctx, w.anna, content("Hund anmelden", w.city.ID), "")
	must(t, err)
	if s.Status != catalog.StatusPublished || rev.State != catalog.RevisionPublished {
		t.Fatalf("status %q revision %q, want published at once", s.Status, rev.State)
	}
	res, err := w.cat.Search(ctx, catalog.SearchQuery{Text: "hund"})
	must(t, err)
	if res.Total != 1 || res.Items[0].Service.ID != s.ID {
		t.Errorf("search for the new service: %+v", res)
	}
	c := s.Content
	c.Name = "Hundesteuer: Hund anmelden"
	_, err = w.cat.Propose(ctx, w.anna, s.ID, c, "")
	must(t, err)
	res, err = w.cat.Search(ctx, catalog.SearchQuery{Text: "Hundesteuer"})
	must(t, err)
	if res.Total != 1 || res.Items[0].Service.Name != "Hundesteuer: Hund anmelden" {
		t.Errorf("search does not see the published edit: %+v", res)
	}
}

func TestEditRules(t *testing.T) {
	w := newWorld(t, storetest.OpenSQLite(t), false)
	s, _, err := w.cat.CreateService(ctx, w.anna, content("Gewerbe anmelden", w.city.ID), "")
	must(t, err)
	if _, err := w.cat.Propose(ctx, w.other, s.ID, s.Content, ""); !fault.Is(err, fault.Forbidden) {
		t.Errorf("editor of another organisation edited: err %v", err)
	}
	if _, err := w.cat.Propose(ctx, w.plain, s.ID, s.Content, ""); !fault.Is(err, fault.Forbidden) {
		t.Errorf("user without role edited: err %v", err)
	}
	moved := s.Content
	moved.OrgID = &w.works.ID
	if _, err := w.cat.Propose(ctx, w.anna, s.ID, moved, ""); !fault.Is(err, fault.Forbidden) {
		t.Errorf("editor handed the service to an organisation they do not edit: err %v", err)
	}
	bad := s.Content
	bad.Name = ""
	bad.LeiKa = []string{"123"}
	_, err = w.cat.Propose(ctx, w.anna, s.ID, bad, "")
	fe := fault.As(err)
	if fe == nil || fe.Kind != fault.Invalid || len(fe.Fields) < 2 {
		t.Fatalf("invalid content: err %v, want Invalid with name and leika fields", err)
	}
	hist, _ := w.cat.History(ctx, w.anna, s.ID)
	if len(hist) != 1 {
		t.Errorf("a refused change left %d revisions, want 1", len(hist))
	}
	list, err := w.cat.EditableServices(ctx, w.other)
	must(t, err)
	if len(list) != 0 {
		t.Errorf("other organisation's editor sees %d services to edit, want 0", len(list))
	}
	must(t, w.cat.SetStatus(ctx, w.anna, s.ID, true))
	if _, err := w.cat.PublicService(ctx, s.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("archived service still public: %v", err)
	}
	if res, _ := w.cat.Search(ctx, catalog.SearchQuery{Text: "Gewerbe"}); res.Total != 0 {
		t.Errorf("archived service still found")
	}
	must(t, w.cat.SetStatus(ctx, w.anna, s.ID, false))
	if _, err := w.cat.PublicService(ctx, s.ID); err != nil {
		t.Errorf("restored service not public: %v", err)
	}
}

func TestRecordMiss(t *testing.T) {
	w := newWorld(t, storetest.OpenSQLite(t), false)
	if err := w.cat.RecordMiss(ctx, "  ", ""); !fault.Is(err, fault.Invalid) {
		t.Errorf("empty miss: err %v, want Invalid", err)
	}
	if err := w.cat.RecordMiss(ctx, strings.Repeat("x", 201), ""); !fault.Is(err, fault.Invalid) {
		t.Errorf("overlong query: err %v, want Invalid", err)
	}
	must(t, w.cat.RecordMiss(ctx, "Angelschein Kinder", "Gibt es den Jugendfischereischein?"))
	if _, err := w.cat.Misses(ctx, w.plain, 10); !fault.Is(err, fault.Forbidden) {
		t.Errorf("non-editor read misses: err %v", err)
	}
	ms, err := w.cat.Misses(ctx, w.anna, 10)
	must(t, err)
	if len(ms) != 1 || ms[0].Query != "Angelschein Kinder" {
		t.Errorf("misses = %+v", ms)
	}
}

func TestDiff(t *testing.T) {
	a := catalog.Content{Name: "Ausweis", Description: "Eins.\nZwei.\nDrei.", Documents: []string{"Foto"}}
	b := catalog.Content{Name: "Ausweis", Description: "Eins.\nZwei neu.\nDrei.", Documents: []string{"Foto", "Alter Ausweis"}}
	d := catalog.Diff(a, b)
	if len(d) != 2 || d[0].Field != "description" || d[1].Field != "documents" {
		t.Fatalf("diff fields = %+v, want description and documents", d)
	}
	var got []string
	for _, l := range d[0].Lines {
		got = append(got, string(l.Op)+l.Text)
	}
	if strings.Join(got, "|") != " Eins.|-Zwei.|+Zwei neu.| Drei." {
		t.Errorf("description diff = %q", got)
	}
	if last := d[1].Lines[len(d[1].Lines)-1]; last.Op != '+' || last.Text != "Alter Ausweis" {
		t.Errorf("documents diff ends with %+v", last)
	}
	if len(catalog.Diff(a, a)) != 0 {
		t.Error("diff of equal content is not empty")
	}
}

func TestNormalize(t *testing.T) {
	c := catalog.Content{Name: "  Pass ", Keywords: []string{"Pass", " pass", "", "Reisepass"},
		Description: "  a  \r\n\r\n\r\n b ", Fees: []catalog.Fee{{}, {Label: "Gebühr", Cents: 7000}}}.Normalize()
	if c.Name != "Pass" || len(c.Keywords) != 2 || c.Description != "a\n\nb" || len(c.Fees) != 1 {
		t.Errorf("Normalize = %+v", c)
	}
}

func TestActionURLs(t *testing.T) {
	for u, want := range map[string]bool{
		"/termine?leistung=ausweis": true, "https://jena.de/antrag": true,
		"//evil.example/x": false, "javascript:alert(1)": false, "/a b": false, "ftp://x.de/": false,
	} {
		c := catalog.Content{Name: "X", AppointmentURL: u}
		if got := c.Validate() == nil; got != want {
			t.Errorf("appointment URL %q accepted = %v, want %v", u, got, want)
		}
	}
}
