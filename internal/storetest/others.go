package storetest

import (
	"testing"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/org"
)

func testDeleteUser(t *testing.T, s Stores) {
	u := newUser(t, s, "d@example.org")
	must(t, s.CreateAuditEntry(ctx, &audit.Entry{At: t0, SubjectID: &u.ID, Action: audit.LoginFailure, Detail: "d@example.org", IP: "192.0.2.1"}))
	must(t, s.EnqueueMessages(ctx, []mail.Message{{To: u.Email, Subject: "S", Text: "T", UserID: &u.ID, CreatedAt: t0}}))
	must(t, s.DeleteUser(ctx, u.ID))
	if _, err := s.FindUserByID(ctx, u.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("user after delete: %v", err)
	}
	es, err := s.FindAuditEntries(ctx, audit.Filter{SubjectID: &u.ID})
	must(t, err)
	if len(es) != 1 || es[0].Detail != "" || es[0].IP != "" {
		t.Errorf("audit after delete = %+v, want one entry without address", es)
	}
	if ms, _ := s.FindMessages(ctx, mail.Filter{UserID: &u.ID}); len(ms) != 0 {
		t.Errorf("mails after delete = %d, want 0", len(ms))
	}
}

func testOrgs(t *testing.T, s Stores) {
	root := &org.Org{Kind: org.KindGroup, Slug: "jena", Name: "Stadtverbund Jena", CreatedAt: t0}
	must(t, s.CreateOrg(ctx, root))
	city := &org.Org{ParentID: &root.ID, Kind: org.KindOrganisation, Slug: "stadt-jena", Name: "Stadt Jena", CreatedAt: t0}
	must(t, s.CreateOrg(ctx, city))
	if err := s.CreateOrg(ctx, &org.Org{Kind: org.KindGroup, Slug: "jena", Name: "X", CreatedAt: t0}); !fault.Is(err, fault.Conflict) {
		t.Errorf("duplicate slug = %v, want Conflict", err)
	}
	got, err := s.FindOrgBySlug(ctx, "stadt-jena")
	must(t, err)
	if got.ParentID == nil || *got.ParentID != root.ID {
		t.Errorf("parent = %v, want %d", got.ParentID, root.ID)
	}
	all, err := s.FindOrgs(ctx)
	must(t, err)
	if len(all) != 2 {
		t.Errorf("FindOrgs = %d, want 2", len(all))
	}
	u := newUser(t, s, "g@example.org")
	g := &org.Grant{UserID: u.ID, OrgID: root.ID, Role: org.RoleCaseWorker, CreatedAt: t0}
	must(t, s.CreateGrant(ctx, g))
	if err := s.CreateGrant(ctx, &org.Grant{UserID: u.ID, OrgID: root.ID, Role: org.RoleCaseWorker, CreatedAt: t0}); !fault.Is(err, fault.Conflict) {
		t.Errorf("duplicate grant = %v, want Conflict", err)
	}
	gs, err := s.FindGrants(ctx, org.GrantFilter{UserID: &u.ID})
	must(t, err)
	if len(gs) != 1 || gs[0].Role != org.RoleCaseWorker {
		t.Errorf("grants = %v", gs)
	}
	if byID, _ := s.FindGrants(ctx, org.GrantFilter{ID: &g.ID}); len(byID) != 1 || byID[0].ID != g.ID {
		t.Errorf("grant by id = %v", byID)
	}
	must(t, s.DeleteGrant(ctx, g.ID))
}

func testAudit(t *testing.T, s Stores) {
	a, b := int64(1), int64(2)
	for i, e := range []audit.Entry{
		{ActorID: &a, SubjectID: &a, Action: audit.LoginSuccess},
		{ActorID: &a, SubjectID: &b, Action: audit.PersonalDataRead},
		{SubjectID: &b, Action: audit.LoginFailure},
	} {
		e.At = t0.Add(time.Duration(i) * time.Second)
		must(t, s.CreateAuditEntry(ctx, &e))
	}
	es, err := s.FindAuditEntries(ctx, audit.Filter{SubjectID: &b})
	must(t, err)
	if len(es) != 2 || es[0].Action != audit.LoginFailure {
		t.Errorf("entries about b = %v, want 2 newest first", es)
	}
	es, _ = s.FindAuditEntries(ctx, audit.Filter{Action: audit.PersonalDataRead})
	if len(es) != 1 || *es[0].ActorID != a {
		t.Errorf("personal data reads = %v", es)
	}
}

func testOutbox(t *testing.T, s Stores) {
	must(t, s.EnqueueMessages(ctx, []mail.Message{
		{To: "a@example.org", Subject: "Grüße", Text: "Hallo ä", CreatedAt: t0},
		{To: "b@example.org", Subject: "Zwei", Text: "…", CreatedAt: t0},
	}))
	js, err := s.FindJobs(ctx, jobsFilter(mail.JobKind))
	must(t, err)
	if len(js) != 2 {
		t.Fatalf("delivery jobs = %d, want one per message", len(js))
	}
	ms, err := s.FindMessages(ctx, mail.Filter{To: "a@example.org"})
	must(t, err)
	if len(ms) != 1 || ms[0].Text != "Hallo ä" || ms[0].SentAt != nil {
		t.Fatalf("messages = %v", ms)
	}
	must(t, s.MarkMessageFailed(ctx, ms[0].ID, "connection refused"))
	must(t, s.MarkMessageSent(ctx, ms[0].ID, t0))
	m, err := s.FindMessageByID(ctx, ms[0].ID)
	must(t, err)
	if m.SentAt == nil || m.Attempts != 2 || m.LastError != "" {
		t.Errorf("after send = %+v", m)
	}
}

func testRetention(t *testing.T, s Stores) {
	old, recent := t0.Add(-400*24*time.Hour), t0.Add(-time.Hour)
	for _, at := range []time.Time{old, recent} {
		must(t, s.CreateAuditEntry(ctx, &audit.Entry{At: at, Action: audit.LoginSuccess}))
		must(t, s.EnqueueMessages(ctx, []mail.Message{{To: "r@example.org", Subject: "S", Text: "T", CreatedAt: at}}))
	}
	n, err := s.DeleteAuditEntriesBefore(ctx, t0.Add(-audit.Retention))
	must(t, err)
	if es, _ := s.FindAuditEntries(ctx, audit.Filter{}); n != 1 || len(es) != 1 {
		t.Errorf("audit purge deleted %d, left %d; want 1 and 1", n, len(es))
	}
	n, err = s.DeleteMessagesBefore(ctx, t0.Add(-mail.Retention))
	must(t, err)
	if ms, _ := s.FindMessages(ctx, mail.Filter{}); n != 1 || len(ms) != 1 {
		t.Errorf("mail purge deleted %d, left %d; want 1 and 1", n, len(ms))
	}
}
