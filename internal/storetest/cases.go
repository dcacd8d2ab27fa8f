package storetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
)

// submission is a minimal online application for service 7 by the
// address, submitted at at.
func submission(email string, at time.Time) *cases.Submission {
	return &cases.Submission{
		Case: &cases.Case{ServiceID: 7, FormVersion: 3, Channel: cases.ChannelOnline, State: "received",
			Name: "Erika Mustermann", Email: email, SubmittedAt: at},
		Answers: json.RawMessage(`{"name":"Erika"}`),
		Prefix:  "JENA",
	}
}

// submit creates a case that must be new.
func submit(t *testing.T, s Stores, sub *cases.Submission) *cases.Case {
	t.Helper()
	c, created, err := s.CreateCase(ctx, sub)
	if err != nil || !created {
		t.Fatalf("CreateCase = %v, created %v", err, created)
	}
	return c
}

// caseEffects is one of each effect of a submission to address to, the
// mail and the event naming the case's reference.
func caseEffects(to string, at time.Time) func(*cases.Case) cases.Effects {
	return func(c *cases.Case) cases.Effects {
		return cases.Effects{
			Mails:  []mail.Message{{To: to, Subject: "Ihr Antrag " + c.Reference, Text: "Eingegangen", CreatedAt: at}},
			Jobs:   []jobs.Job{{Kind: "case.deliver", Payload: []byte(`{}`), RunAt: at}},
			Events: []processlog.Event{{Process: cases.Process, CaseID: c.Reference, Activity: "submitted", At: at, Resource: "citizen"}},
		}
	}
}

func newOrg(t *testing.T, s Stores, slug string) int64 {
	t.Helper()
	o := &org.Org{Kind: org.KindOrganisation, Slug: slug, Name: slug, CreatedAt: t0}
	must(t, s.CreateOrg(ctx, o))
	return o.ID
}

func utcUS(p *time.Time) *time.Time {
	if p == nil {
		return nil
	}
	v := p.UTC().Truncate(time.Microsecond)
	return &v
}

// caseUS returns c as the store keeps it: times to the microsecond in UTC.
func caseUS(c cases.Case) *cases.Case {
	c.SubmittedAt, c.UpdatedAt = *utcUS(&c.SubmittedAt), *utcUS(&c.UpdatedAt)
	c.Deadline, c.ClosedAt = utcUS(c.Deadline), utcUS(c.ClosedAt)
	return &c
}

func errKey(err error) string {
	var e *fault.Error
	if errors.As(err, &e) {
		return e.Kind.String() + " " + e.Key
	}
	return fmt.Sprint(err)
}

func testCaseRoundTrip(t *testing.T, s Stores) {
	applicant, staff := newUser(t, s, "erika@example.org"), newUser(t, s, "sb@jena.de")
	unit := newOrg(t, s, "buergeramt")
	deadline, closed := t0.Add(14*24*time.Hour), t0.Add(48*time.Hour)
	sub := submission("Erika@Example.org", t0)
	sub.Case.OrgID, sub.Case.ApplicantID, sub.Case.AssigneeID = &unit, &applicant.ID, &staff.ID
	sub.Case.FeeCents, sub.Case.PaidCents, sub.Case.Deadline, sub.Case.ClosedAt = 2850, 1000, &deadline, &closed
	sub.Case.UpdatedAt, sub.Case.Channel = t0.Add(time.Minute), cases.ChannelPaper
	sub.IdempotencyKey, sub.AccessHash = "key-1", []byte{0, 1, 0xfe}
	sub.Files = []cases.File{
		{Kind: "attachment", Question: "passfoto", Key: "ab/cd1", Name: "foto.jpg", ContentType: "image/jpeg", Size: 1234, SHA256: "aa", CreatedAt: t0},
		{Kind: "receipt", Key: "ab/cd2", Name: "Eingangsbestätigung.pdf", ContentType: "application/pdf", Size: 99, SHA256: "bb", CreatedAt: t0},
	}
	sub.Effects = caseEffects("erika@example.org", t0)
	c := submit(t, s, sub)
	if c.ID == 0 || c.Reference != "JENA-2026-000001" || c.Version != 1 || sub.Case.ID != c.ID {
		t.Fatalf("created case = %+v, want an ID, reference JENA-2026-000001 and version 1", c)
	}
	want := caseUS(*c)
	for name, find := range map[string]func() (*cases.Case, error){
		"FindCase":             func() (*cases.Case, error) { return s.FindCase(ctx, c.ID) },
		"FindCaseByReference":  func() (*cases.Case, error) { return s.FindCaseByReference(ctx, c.Reference) },
		"FindCaseByAccessHash": func() (*cases.Case, error) { return s.FindCaseByAccessHash(ctx, []byte{0, 1, 0xfe}) },
	} {
		got, err := find()
		must(t, err)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", name, d)
		}
	}
	answers, err := s.CaseAnswers(ctx, c.ID)
	must(t, err)
	if string(answers) != `{"name":"Erika"}` {
		t.Errorf("answers = %s", answers)
	}
	files, err := s.CaseFiles(ctx, c.ID)
	must(t, err)
	wantFiles := append([]cases.File(nil), sub.Files...)
	for i := range wantFiles {
		wantFiles[i].CreatedAt = t0us
	}
	if wantFiles[0].ID == 0 || wantFiles[0].CaseID != c.ID {
		t.Errorf("file IDs not set: %+v", wantFiles[0])
	}
	if d := cmp.Diff(wantFiles, files); d != "" {
		t.Errorf("files (-want +got):\n%s", d)
	}
	hs, err := s.History(ctx, c.ID)
	must(t, err)
	if len(hs) != 1 || hs[0].Action != "submitted" || hs[0].ToState != "received" || !hs[0].At.Equal(t0us) {
		t.Errorf("history = %+v, want the submission", hs)
	}
	ms, _ := s.FindMessages(ctx, mail.Filter{To: "erika@example.org"})
	js, _ := s.FindJobs(ctx, jobs.Filter{Kind: "case.deliver"})
	evs, _ := s.FindEvents(ctx, processlog.Filter{Process: cases.Process})
	if len(ms) != 1 || len(js) != 1 || len(evs) != 1 || evs[0].CaseID != c.Reference || ms[0].Subject != "Ihr Antrag "+c.Reference {
		t.Errorf("effects: %d mails, %d jobs, events %+v; want one each, the mail and the event naming the reference", len(ms), len(js), evs)
	}

	for name, err := range map[string]error{
		"FindCase":             second(s.FindCase(ctx, c.ID+100)),
		"FindCaseByReference":  second(s.FindCaseByReference(ctx, "JENA-2026-000002")),
		"FindCaseByAccessHash": second(s.FindCaseByAccessHash(ctx, nil)),
		"CaseAnswers":          second(s.CaseAnswers(ctx, c.ID+100)),
	} {
		if !fault.Is(err, fault.NotFound) {
			t.Errorf("%s of a missing case = %v, want NotFound", name, err)
		}
	}

	// Deleting the applicant's account keeps the case.
	must(t, s.DeleteUser(ctx, applicant.ID))
	got, err := s.FindCase(ctx, c.ID)
	if err != nil || got.ApplicantID != nil || got.Reference != c.Reference {
		t.Errorf("case after the applicant's deletion = %+v, %v", got, err)
	}
}

func testCaseReferences(t *testing.T, s Stores) {
	ref := func(prefix string, at time.Time) string {
		sub := submission("a@example.org", at)
		sub.Prefix = prefix
		return submit(t, s, sub).Reference
	}
	nextYear := time.Date(2027, 1, 1, 0, 0, 1, 0, time.UTC)
	got := []string{ref("JENA", t0), ref("JENA", t0), ref("APO", t0), ref("JENA", nextYear), ref("JENA", t0)}
	want := []string{"JENA-2026-000001", "JENA-2026-000002", "APO-2026-000001", "JENA-2027-000001", "JENA-2026-000003"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("references (-want +got):\n%s", d)
	}
	// The year is the submission's in its own location: New Year's Eve in
	// Berlin after 23:00 UTC is already the next year.
	berlin := time.FixedZone("CET", 3600)
	if r := ref("JENA", time.Date(2027, 1, 1, 0, 30, 0, 0, berlin)); r != "JENA-2027-000002" {
		t.Errorf("reference of a submission at 00:30 local on 1 January = %s, want JENA-2027-000002", r)
	}
}

func testCaseReferenceRace(t *testing.T, s Stores) { RaceCaseNumbers(t, 20, s) }
