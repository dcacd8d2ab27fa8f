package cases_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/audit"
	"rathaus/internal/cases"
	catalogpkg "rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/filestore"
	"rathaus/internal/filestore/filestoretest"
	"rathaus/internal/form"
	"rathaus/internal/i18n"
	"rathaus/internal/mail"
	"rathaus/internal/org"
	"rathaus/internal/payment"
	"rathaus/internal/processlog"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

// svcEnv is a cases.Service on a fresh database of one engine, with a
// local file store, two units and three services with published forms:
// parking (account required, fee 30,60 EUR, a file, 14 days to decide),
// dog (anonymous allowed, computed fee) and wedding (the other unit).
type svcEnv struct {
	db                    *sqlstore.DB
	svc                   *cases.Service
	now                   time.Time
	unit, other           *org.Org
	citizen, neighbour    int64
	worker, stranger      org.Actor
	parking, dog, wedding int64
}

var svcNow = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

func newSvcEnv(t testing.TB, open storetest.Opener) *svcEnv {
	t.Helper()
	ctx := context.Background()
	db := open(t)
	e := &svcEnv{db: db, now: svcNow}
	clock := func() time.Time { return e.now }
	orgs := &org.Service{Store: db, Audit: db, Now: clock}
	cat := &catalogpkg.Catalog{Store: db, Orgs: orgs, Audit: db, Now: clock}
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	e.svc = &cases.Service{Store: db, Forms: db, Files: &filestore.Local{Dir: t.TempDir()}, Catalog: cat, Orgs: orgs,
		Audit: db, T: tr, Now: clock, BaseURL: "https://rathaus.test", CityName: "Stadt Jena",
		Creditor: payment.Bill{Creditor: "Stadtkasse Jena", IBAN: "DE02120300000000202051", BIC: "BYLADEM1001"}}
	group := &org.Org{Slug: "jena", Name: "Stadtverbund", Kind: org.KindGroup}
	must(t, orgs.Create(ctx, group))
	city := &org.Org{Slug: "stadt", Name: "Stadt", Kind: org.KindOrganisation, ParentID: &group.ID}
	must(t, orgs.Create(ctx, city))
	e.unit = &org.Org{Slug: "buergerservice", Name: "Bürgerservice", Kind: org.KindUnit, ParentID: &city.ID}
	must(t, orgs.Create(ctx, e.unit))
	e.other = &org.Org{Slug: "standesamt", Name: "Standesamt", Kind: org.KindUnit, ParentID: &city.ID}
	must(t, orgs.Create(ctx, e.other))
	user := func(email string) int64 {
		u := &account.User{Email: email, DisplayName: email, CreatedAt: svcNow}
		must(t, db.CreateUser(ctx, u, nil, nil))
		return u.ID
	}
	e.citizen, e.neighbour = user("erika@example.org"), user("max@example.org")
	e.worker, e.stranger = org.Actor{UserID: user("jonas@example.org")}, org.Actor{UserID: user("paula@example.org")}
	_, err = orgs.Grant(ctx, nil, e.worker.UserID, org.RoleCaseWorker, e.unit.ID)
	must(t, err)
	_, err = orgs.Grant(ctx, nil, e.stranger.UserID, org.RoleCaseWorker, e.other.ID)
	must(t, err)
	admin := org.Actor{UserID: user("admin@example.org"), PlatformAdmin: true}
	service := func(name string, unit *org.Org) int64 {
		s, _, err := cat.CreateService(ctx, admin, catalogpkg.Content{Name: name, OrgID: &unit.ID}, "test")
		must(t, err)
		return s.ID
	}
	e.parking = e.publish(t, "anwohnerparken.json", service("Bewohnerparkausweis", e.unit), func(f *form.Form) { f.Settings.DecisionDays = 14 })
	e.dog = e.publish(t, "hund.json", service("Hund anmelden", e.unit), func(f *form.Form) { f.Settings.Anonymous = true })
	e.wedding = e.publish(t, "hund.json", service("Trauung", e.other), func(*form.Form) {})
	return e
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func (e *svcEnv) publish(t testing.TB, file string, id int64, adjust func(*form.Form)) int64 {
	t.Helper()
	b, err := os.ReadFile("../form/testdata/" + file)
	must(t, err)
	f, err := form.Import(b)
	must(t, err)
	f.ServiceID, f.Version, f.Status = id, 1, form.StatusPublished
	adjust(f)
	must(t, e.db.SaveForm(context.Background(), f))
	return id
}

var svcPDF = []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

func (e *svcEnv) parkingAnswers(t testing.TB) form.Answers {
	t.Helper()
	ref, err := e.svc.Upload(context.Background(), "fahrzeugschein.pdf", bytes.NewReader(svcPDF), form.FileTypes, 0)
	must(t, err)
	return form.Answers{
		"plate":        {Text: "J-AB 123"},
		"address":      {Address: &form.Address{Street: "Am Anger", HouseNumber: "15", PostalCode: "07743", City: "Jena"}},
		"zone":         {Text: "a"},
		"registration": {Files: []form.FileRef{ref}},
		"pay_by":       {Text: "transfer"},
		"email":        {Text: "erika@example.org"},
	}
}

func (e *svcEnv) apply(t *testing.T, key string) *cases.Submitted {
	t.Helper()
	uid := e.citizen
	out, err := e.svc.Submit(context.Background(), cases.Application{ServiceID: e.parking, Lang: "de", IdempotencyKey: key,
		Answers: e.parkingAnswers(t), Applicant: cases.Applicant{UserID: &uid, Name: "Erika Mustermann", Email: "erika@example.org"}})
	must(t, err)
	return out
}

func eachEngine(t *testing.T, fn func(t *testing.T, e *svcEnv)) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) { fn(t, newSvcEnv(t, open)) })
	}
}

func TestSubmitWritesTheWholeCase(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		out := e.apply(t, "k1")
		c := out.Case
		if !out.Created || !cases.ValidReference(c.Reference) || !strings.HasPrefix(c.Reference, "JENA-2026-") {
			t.Fatalf("submitted %+v", out)
		}
		if c.State != "received" || c.FeeCents != 3060 || c.Deadline == nil || !c.Deadline.Equal(svcNow.AddDate(0, 0, 14)) || *c.OrgID != e.unit.ID {
			t.Errorf("case = %+v", c)
		}
		v, err := e.svc.CitizenView(ctx, cases.Citizen{UserID: &e.citizen}, c.ID)
		must(t, err)
		if len(v.Attachments()) != 1 || v.Attachments()[0].ContentType != "application/pdf" || v.Answers["plate"].Text != "J-AB 123" {
			t.Errorf("view: files %+v answers %+v", v.Files, v.Answers)
		}
		if len(v.History) == 0 {
			t.Error("no history entry for the submission")
		}
		mails, _ := e.db.FindMessages(ctx, mail.Filter{To: "erika@example.org"})
		if len(mails) != 1 || !strings.Contains(mails[0].Subject, c.Reference) || strings.Contains(mails[0].Text, "J-AB 123") {
			t.Errorf("confirmation mails = %+v (want one naming the reference, without answers)", mails)
		}
		evs, _ := e.db.FindEvents(ctx, processlog.Filter{Process: cases.Process, CaseID: c.Reference})
		if len(evs) != 1 || evs[0].Activity != "submitted" {
			t.Errorf("process events = %+v", evs)
		}
		// The receipt is a PDF naming the reference; the bill pays the rest.
		pdf, err := e.svc.ReceiptPDF(v, "de")
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("receipt: %v", err)
		}
		if b := e.svc.Bill(v); b == nil || b.AmountCents != 3060 || b.Reference != c.Reference {
			t.Errorf("bill = %+v", b)
		}
	})
}

func TestDoubleSubmitMakesOneCase(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		first, second := e.apply(t, "same-key"), e.apply(t, "same-key")
		if second.Created || second.Case.ID != first.Case.ID {
			t.Fatalf("second submission with the same key: created=%v id=%d, first id %d", second.Created, second.Case.ID, first.Case.ID)
		}
		_, total, err := e.db.FindCases(context.Background(), cases.Filter{ApplicantID: &e.citizen, Limit: 10})
		must(t, err)
		if total != 1 {
			t.Errorf("%d cases after a double click, want 1", total)
		}
		if third := e.apply(t, "other-key"); !third.Created {
			t.Error("a new key made no new case")
		}
	})
}

func TestBadApplicationChangesNothing(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		a := e.parkingAnswers(t)
		a["plate"] = form.Value{Text: "kein kennzeichen"}
		delete(a, "registration")
		uid := e.citizen
		_, err := e.svc.Submit(ctx, cases.Application{ServiceID: e.parking, Lang: "en", Answers: a, Applicant: cases.Applicant{UserID: &uid}})
		fe := fault.As(err)
		if fe == nil || fe.Kind != fault.Invalid || len(fe.Fields) < 2 {
			t.Fatalf("invalid application: %v", err)
		}
		// Without an account where the form wants one.
		if _, err := e.svc.Submit(ctx, cases.Application{ServiceID: e.parking, Answers: e.parkingAnswers(t)}); !fault.Is(err, fault.Unauthenticated) {
			t.Errorf("anonymous parking application: %v", err)
		}
		// A file the store does not hold.
		a = e.parkingAnswers(t)
		a["registration"] = form.Value{Files: []form.FileRef{{ID: "uploads/doesnotexist", Name: "x.pdf", Type: "application/pdf", Size: 10}}}
		if _, err := e.svc.Submit(ctx, cases.Application{ServiceID: e.parking, Answers: a, Applicant: cases.Applicant{UserID: &uid}}); !fault.Is(err, fault.Invalid) {
			t.Errorf("unknown upload: %v", err)
		}
		if _, total, _ := e.db.FindCases(ctx, cases.Filter{Limit: 1}); total != 0 {
			t.Errorf("%d cases after failed submissions", total)
		}
	})
}

func TestUploadChecksContentNotName(t *testing.T) {
	e := newSvcEnv(t, storetest.OpenSQLite)
	ctx := context.Background()
	_, err := e.svc.Upload(ctx, "scan.pdf", strings.NewReader("<html><script>alert(1)</script></html>"), form.FileTypes, 0)
	if !fault.Is(err, fault.Invalid) {
		t.Errorf("HTML named .pdf: %v", err)
	}
	big := append(append([]byte{}, svcPDF...), bytes.Repeat([]byte("x"), 2<<20)...)
	if _, err := e.svc.Upload(ctx, "big.pdf", bytes.NewReader(big), form.FileTypes, 1<<20); !fault.Is(err, fault.Invalid) {
		t.Errorf("2 MiB over a 1 MiB limit: %v", err)
	}
	ref, err := e.svc.Upload(ctx, `..\..\etc/passwd.pdf`, bytes.NewReader(svcPDF), form.FileTypes, 0)
	if err != nil || ref.Name != "passwd.pdf" || ref.Type != "application/pdf" || !strings.HasPrefix(ref.ID, "uploads/") {
		t.Errorf("upload = %+v, %v", ref, err)
	}
}

func TestAnonymousApplicationBySecretLink(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		a := form.Answers{
			"name": {Text: "Max Muster"}, "birth_date": {Text: "1980-05-01"},
			"address": {Address: &form.Address{Street: "Markt", HouseNumber: "1", PostalCode: "07743", City: "Jena"}},
			"dogs":    {Text: "1"}, "dog_name": {Text: "Bello"}, "since": {Text: "2026-10-01"}, "listed": {Text: "no"},
			"email": {Text: "max@example.net"},
		}
		out, err := e.svc.Submit(ctx, cases.Application{ServiceID: e.dog, Lang: "de", Answers: a})
		must(t, err)
		if out.Secret == "" || out.Case.ApplicantID != nil || out.Case.Email != "max@example.net" || out.Case.Name != "Max Muster" {
			t.Fatalf("anonymous submission = %+v", out)
		}
		if out.Case.FeeCents != 1500 {
			t.Errorf("fee = %d, want 5 + 10 EUR", out.Case.FeeCents)
		}
		v, err := e.svc.CitizenView(ctx, cases.Citizen{Secret: out.Secret}, 0)
		if err != nil || v.Case.ID != out.Case.ID {
			t.Fatalf("view by secret: %v", err)
		}
		if _, err := e.svc.CitizenView(ctx, cases.Citizen{Secret: out.Secret + "x"}, 0); !fault.Is(err, fault.NotFound) {
			t.Errorf("wrong secret: %v", err)
		}
		mails, _ := e.db.FindMessages(ctx, mail.Filter{To: "max@example.net"})
		if len(mails) != 1 || !strings.Contains(mails[0].Text, out.Secret) {
			t.Errorf("the confirmation mail carries the status link: %+v", mails)
		}
	})
}

func TestEveryRoleSeesOnlyItsCases(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		c := e.apply(t, "").Case
		if _, err := e.svc.CitizenView(ctx, cases.Citizen{UserID: &e.neighbour}, c.ID); !fault.Is(err, fault.NotFound) {
			t.Errorf("another citizen: %v, want NotFound", err)
		}
		if _, err := e.svc.CitizenView(ctx, cases.Citizen{}, c.ID); err == nil {
			t.Error("nobody may open a case without login or secret")
		}
		if _, err := e.svc.StaffView(ctx, e.stranger, c.ID); !fault.Is(err, fault.NotFound) {
			t.Errorf("worker of another unit: %v, want NotFound", err)
		}
		if cs, _, err := e.svc.Queue(ctx, e.stranger, cases.Filter{Limit: 10}); err != nil || len(cs) != 0 {
			t.Errorf("other unit's queue = %d cases, %v", len(cs), err)
		}
		if _, _, err := e.svc.Queue(ctx, org.Actor{UserID: e.citizen}, cases.Filter{}); !fault.Is(err, fault.Forbidden) {
			t.Errorf("citizen's queue: %v, want Forbidden", err)
		}
		if cs, total, err := e.svc.Queue(ctx, e.worker, cases.Filter{Limit: 10}); err != nil || total != 1 || cs[0].ID != c.ID {
			t.Errorf("worker's queue = %d, %v", total, err)
		}
		if _, err := e.svc.StaffView(ctx, e.worker, c.ID); err != nil {
			t.Fatal(err)
		}
		entries, _ := e.db.FindAuditEntries(ctx, auditFilter())
		if !readLogged(entries, e.worker.UserID, c.Reference) {
			t.Error("reading the case is not in the audit log")
		}
	})
}

func TestWorkerAsksDecidesCloses(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		c := e.apply(t, "").Case
		step := func(action, note string, version int) (*cases.Case, error) {
			e.now = e.now.Add(time.Hour)
			return e.svc.Transition(ctx, e.worker, cases.Step{CaseID: c.ID, Version: version, Action: action, Note: note, Lang: "de"})
		}
		c, err := step("start", "", 1)
		must(t, err)
		if _, err := step("ask", "", c.Version); !fault.Is(err, fault.Invalid) {
			t.Errorf("asking without a question: %v", err)
		}
		c, err = step("ask", "Bitte laden Sie den Fahrzeugschein in besserer Qualität hoch.", c.Version)
		must(t, err)
		if _, err := step("resume", "", c.Version-1); !fault.Is(err, fault.Conflict) {
			t.Errorf("a stale version: %v, want Conflict", err)
		}
		who := cases.Citizen{UserID: &e.citizen}
		f, err := e.svc.MessageFile(ctx, "neu.pdf", bytes.NewReader(svcPDF))
		must(t, err)
		_, err = e.svc.CitizenMessage(ctx, who, cases.Reply{CaseID: c.ID, Body: "Anbei der Fahrzeugschein.", Files: []cases.File{f}})
		must(t, err)
		c, err = step("resume", "", c.Version)
		must(t, err)
		c, err = step("approve", "", c.Version)
		must(t, err)
		c, err = step("close", "", c.Version)
		must(t, err)
		v, err := e.svc.CitizenView(ctx, who, c.ID)
		must(t, err)
		if v.State().Kind != cases.KindClosed || c.ClosedAt == nil {
			t.Errorf("state %q closed %v", c.State, c.ClosedAt)
		}
		if len(v.Decisions()) != 1 || len(v.Notes) != 0 {
			t.Fatalf("decisions %d, notes shown to citizen %d", len(v.Decisions()), len(v.Notes))
		}
		rc, file, err := e.svc.CitizenFile(ctx, who, c.ID, v.Decisions()[0].ID)
		must(t, err)
		head := make([]byte, 5)
		_, _ = rc.Read(head)
		rc.Close()
		if string(head) != "%PDF-" || file.ContentType != "application/pdf" {
			t.Errorf("decision file %q %+v", head, file)
		}
		if len(v.Messages) != 1 || len(v.Messages[0].Files) != 1 {
			t.Errorf("mailbox = %+v", v.Messages)
		}
		evs, _ := e.db.FindEvents(ctx, processlog.Filter{Process: cases.Process, CaseID: c.Reference})
		var acts []string
		for _, ev := range evs {
			acts = append(acts, ev.Activity)
		}
		if got := strings.Join(acts, ","); got != "submitted,start,ask,citizen_replied,resume,approve,close" {
			t.Errorf("process events = %s", got)
		}
		// Mails: the confirmation, news of the request, news of the decision;
		// none carries the request's text.
		mails, _ := e.db.FindMessages(ctx, mail.Filter{To: "erika@example.org"})
		if len(mails) != 3 {
			t.Errorf("%d mails, want 3", len(mails))
		}
		for _, m := range mails {
			if strings.Contains(m.Text, "Qualität") {
				t.Errorf("a mail carries the message: %q", m.Text)
			}
		}
	})
}

func TestBankStatementPaysOnce(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		c := e.apply(t, "").Case
		camt := camtPaying(c.Reference, "30.60")
		rep, err := e.svc.ImportStatement(ctx, e.worker, strings.NewReader(camt))
		must(t, err)
		if rep.Booked != 1 {
			t.Fatalf("report = %+v", rep)
		}
		rep, err = e.svc.ImportStatement(ctx, e.worker, strings.NewReader(camt))
		must(t, err)
		if rep.Booked != 0 {
			t.Errorf("second import booked %d again", rep.Booked)
		}
		got, err := e.db.FindCase(ctx, c.ID)
		must(t, err)
		if got.PaidCents != 3060 {
			t.Errorf("paid = %d, want 3060", got.PaidCents)
		}
		v, _ := e.svc.CitizenView(ctx, cases.Citizen{UserID: &e.citizen}, c.ID)
		if e.svc.Bill(v) != nil {
			t.Error("a paid case still shows a bill")
		}
	})
}

func TestRecordedPaperCase(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		a := e.parkingAnswers(t)
		arrived := svcNow.Add(-48 * time.Hour)
		out, err := e.svc.Record(ctx, e.worker, cases.Application{ServiceID: e.parking, Answers: a, Channel: cases.ChannelPaper, ReceivedAt: arrived})
		must(t, err)
		if out.Case.Channel != cases.ChannelPaper || !out.Case.SubmittedAt.Equal(arrived) {
			t.Errorf("recorded case = %+v", out.Case)
		}
		if _, err := e.svc.Record(ctx, e.stranger, cases.Application{ServiceID: e.parking, Answers: a, Channel: cases.ChannelPhone}); !fault.Is(err, fault.Forbidden) {
			t.Errorf("recording for another unit: %v", err)
		}
		cs, _, _ := e.svc.Queue(ctx, e.worker, cases.Filter{Channel: cases.ChannelPaper, Limit: 10})
		if len(cs) != 1 {
			t.Errorf("paper filter found %d", len(cs))
		}
	})
}

func TestDraftsBelongToTheirOwner(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		mine := cases.Citizen{UserID: &e.citizen}
		d, err := e.svc.SaveDraft(ctx, mine, 0, e.parking, 1, form.Answers{"plate": {Text: "J-AB 1"}}, "vehicle")
		must(t, err)
		if _, err := e.svc.OpenDraft(ctx, cases.Citizen{UserID: &e.neighbour}, d.Draft.ID); !fault.Is(err, fault.NotFound) {
			t.Errorf("someone else's draft: %v", err)
		}
		anon, err := e.svc.SaveDraft(ctx, cases.Citizen{}, 0, e.dog, 1, form.Answers{"dogs": {Text: "2"}}, "dog")
		must(t, err)
		got, err := e.svc.OpenDraft(ctx, cases.Citizen{Secret: anon.Secret}, 0)
		if err != nil || got.Answers["dogs"].Text != "2" {
			t.Fatalf("draft by secret: %+v %v", got, err)
		}
		e.now = e.now.Add(31 * 24 * time.Hour)
		if _, err := e.svc.OpenDraft(ctx, mine, d.Draft.ID); !fault.Is(err, fault.NotFound) {
			t.Errorf("expired draft: %v", err)
		}
	})
}

func auditFilter() audit.Filter { return audit.Filter{Limit: 50} }

func readLogged(entries []*audit.Entry, actor int64, ref string) bool {
	for _, en := range entries {
		if en.Action == audit.PersonalDataRead && en.ActorID != nil && *en.ActorID == actor && strings.Contains(en.Detail, ref) {
			return true
		}
	}
	return false
}

// camtPaying is a camt.053.001.08 statement with one booked credit that
// names ref in its remittance text.
func camtPaying(ref, amount string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-12-01T08:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">` + amount + `</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-12-01</Dt></BookgDt><ValDt><Dt>2026-12-01</Dt></ValDt><AcctSvcrRef>E-1</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><Amt Ccy="EUR">` + amount + `</Amt>
<RltdPties><Dbtr><Pty><Nm>Erika Mustermann</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Ustrd>` + ref + ` Bewohnerparkausweis</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>`
}

// TestFilesOnEveryStore runs an application with an attachment, a
// message file and a decision on the local directory and on S3.
func TestFilesOnEveryStore(t *testing.T) {
	for name, openFiles := range filestoretest.Stores(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			e := newSvcEnv(t, storetest.OpenSQLite)
			e.svc.Files = openFiles(t, 0)
			c := e.apply(t, "").Case
			who := cases.Citizen{UserID: &e.citizen}
			f, err := e.svc.MessageFile(ctx, "foto.png", bytes.NewReader(svcPNG))
			must(t, err)
			_, err = e.svc.CitizenMessage(ctx, who, cases.Reply{CaseID: c.ID, Body: "Foto", Files: []cases.File{f}})
			must(t, err)
			for _, action := range []string{"start", "approve"} {
				c, err = e.svc.Transition(ctx, e.worker, cases.Step{CaseID: c.ID, Version: c.Version, Action: action, Lang: "de"})
				must(t, err)
			}
			v, err := e.svc.CitizenView(ctx, who, c.ID)
			must(t, err)
			want := map[string]string{cases.FileAttachment: "%PDF-", cases.FileMessage: "\x89PNG", cases.FileDecision: "%PDF-"}
			for _, file := range v.Files {
				rc, got, err := e.svc.CitizenFile(ctx, who, c.ID, file.ID)
				must(t, err)
				head := make([]byte, 5)
				n, _ := io.ReadFull(rc, head)
				rc.Close()
				if !strings.HasPrefix(string(head[:n]), want[got.Kind]) {
					t.Errorf("%s file starts %q", got.Kind, head[:n])
				}
				delete(want, got.Kind)
			}
			if len(want) != 0 {
				t.Errorf("files missing: %v", want)
			}
		})
	}
}

var svcPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00")

func TestAssignOnlyToStaffOfTheUnit(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		c := e.apply(t, "").Case
		stranger := e.stranger.UserID
		if _, err := e.svc.Update(ctx, e.worker, cases.Edit{CaseID: c.ID, Version: c.Version, Assignee: &stranger}); !fault.Is(err, fault.Invalid) {
			t.Errorf("assigning to a worker of another unit: %v, want Invalid", err)
		}
		me := e.worker.UserID
		got, err := e.svc.Update(ctx, e.worker, cases.Edit{CaseID: c.ID, Version: c.Version, Assignee: &me})
		if err != nil || got.AssigneeID == nil || *got.AssigneeID != me {
			t.Fatalf("assigning to myself: %+v, %v", got, err)
		}
		if cs, _, _ := e.svc.Queue(ctx, e.worker, cases.Filter{AssigneeID: &me, Limit: 5}); len(cs) != 1 {
			t.Errorf("my queue has %d cases", len(cs))
		}
	})
}

func TestDeadlinePausesWhileWaitingForTheCitizen(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		c := e.apply(t, "").Case
		due := *c.Deadline
		move := func(action, note string, after time.Duration) {
			t.Helper()
			e.now = e.now.Add(after)
			var err error
			c, err = e.svc.Transition(ctx, e.worker, cases.Step{CaseID: c.ID, Version: c.Version, Action: action, Note: note, Lang: "de"})
			must(t, err)
		}
		move("start", "", time.Hour)
		move("ask", "Bitte den Fahrzeugschein nachreichen.", time.Hour)
		move("resume", "", 5*24*time.Hour)
		if want := due.Add(5 * 24 * time.Hour); c.Deadline == nil || !c.Deadline.Equal(want) {
			t.Errorf("deadline after 5 days of waiting = %v, want %v", c.Deadline, want)
		}
		got, _ := e.db.FindCase(ctx, c.ID)
		if !got.Deadline.Equal(*c.Deadline) {
			t.Errorf("stored deadline %v", got.Deadline)
		}
	})
}

func TestUploadsNobodySubmittedAreDeleted(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		submitted := e.parkingAnswers(t)
		uid := e.citizen
		_, err := e.svc.Submit(ctx, cases.Application{ServiceID: e.parking, Answers: submitted, Applicant: cases.Applicant{UserID: &uid}})
		must(t, err)
		inDraft, err := e.svc.Upload(ctx, "entwurf.pdf", bytes.NewReader(svcPDF), form.FileTypes, 0)
		must(t, err)
		_, err = e.svc.SaveDraft(ctx, cases.Citizen{UserID: &uid}, 0, e.parking, 1, form.Answers{"registration": {Files: []form.FileRef{inDraft}}}, "documents")
		must(t, err)
		forgotten, err := e.svc.Upload(ctx, "vergessen.pdf", bytes.NewReader(svcPDF), form.FileTypes, 0)
		must(t, err)
		if n, _ := e.svc.PurgeUploads(ctx); n != 0 {
			t.Errorf("purged %d fresh uploads", n)
		}
		e.now = e.now.Add(cases.StaleUploadAfter + time.Minute)
		if n, err := e.svc.PurgeUploads(ctx); err != nil || n != 1 {
			t.Fatalf("purged %d, %v; want the one nobody holds", n, err)
		}
		if _, err := e.svc.Files.Stat(ctx, forgotten.ID); !fault.Is(err, fault.NotFound) {
			t.Errorf("the forgotten upload is still stored: %v", err)
		}
		for _, kept := range []string{inDraft.ID, submitted["registration"].Files[0].ID} {
			if _, err := e.svc.Files.Stat(ctx, kept); err != nil {
				t.Errorf("%s was deleted: %v", kept, err)
			}
		}
	})
}

func TestClosedCasesGoAfterTheirRetention(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		old, young := e.apply(t, "").Case, e.apply(t, "").Case
		for _, c := range []*cases.Case{old, young} {
			for _, a := range []string{"start", "approve", "close"} {
				var err error
				c, err = e.svc.Transition(ctx, e.worker, cases.Step{CaseID: c.ID, Version: c.Version, Action: a, Lang: "de"})
				must(t, err)
			}
			e.now = e.now.Add(365 * 24 * time.Hour)
		}
		files, _ := e.db.CaseFiles(ctx, old.ID)
		e.now = svcNow.Add(cases.DefaultRetention + 200*24*time.Hour) // the first closed over six years ago
		if n, err := e.svc.PurgeClosed(ctx); err != nil || n != 1 {
			t.Fatalf("purged %d, %v; want the one past its retention", n, err)
		}
		if _, err := e.db.FindCase(ctx, old.ID); !fault.Is(err, fault.NotFound) {
			t.Errorf("the old case is still there: %v", err)
		}
		for _, f := range files {
			if _, err := e.svc.Files.Stat(ctx, f.Key); !fault.Is(err, fault.NotFound) {
				t.Errorf("file %s of the deleted case is still stored", f.Key)
			}
		}
		if _, err := e.db.FindCase(ctx, young.ID); err != nil {
			t.Errorf("the younger case went too: %v", err)
		}
	})
}
