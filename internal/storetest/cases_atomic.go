package storetest

import (
	"testing"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

func testCaseIdempotency(t *testing.T, s Stores) {
	erika, max := newUser(t, s, "erika@example.org"), newUser(t, s, "max@example.org")
	withKey := func(user *int64, email, key string) (*cases.Case, bool) {
		sub := submission(email, t0)
		sub.Case.ApplicantID, sub.IdempotencyKey = user, key
		sub.Effects = caseEffects("idem@example.org", t0)
		c, created, err := s.CreateCase(ctx, sub)
		must(t, err)
		return c, created
	}
	first, _ := withKey(&erika.ID, "erika@example.org", "k1")
	again, created := withKey(&erika.ID, "other@example.org", "k1")
	if created || again.ID != first.ID || again.Reference != first.Reference {
		t.Errorf("same key, same account: created %v, case %d; want case %d again", created, again.ID, first.ID)
	}
	if other, created := withKey(&max.ID, "erika@example.org", "k1"); !created || other.ID == first.ID {
		t.Errorf("same key, other account: created %v, case %d; want a new case", created, other.ID)
	}
	// Without an account the address decides, case-insensitively.
	anon, _ := withKey(nil, "Anna@Example.org", "k1")
	if again, created := withKey(nil, "anna@example.org", "k1"); created || again.ID != anon.ID {
		t.Errorf("same key, same address: created %v, case %d; want case %d", created, again.ID, anon.ID)
	}
	// Without a key every submission is new.
	a, _ := withKey(&erika.ID, "erika@example.org", "")
	if b, created := withKey(&erika.ID, "erika@example.org", ""); !created || b.ID == a.ID {
		t.Errorf("two submissions without key: created %v, same case %v", created, b.ID == a.ID)
	}
	_, total, err := s.FindCases(ctx, cases.Filter{})
	must(t, err)
	ms, _ := s.FindMessages(ctx, mail.Filter{To: "idem@example.org"})
	if total != 5 || len(ms) != 5 {
		t.Errorf("%d cases and %d mails, want 5 each", total, len(ms))
	}
}

// testCaseAtomic: a submission that fails half-way leaves nothing behind,
// not even a used number.
func testCaseAtomic(t *testing.T, s Stores) {
	draft := &cases.Draft{ServiceID: 7, Answers: []byte(`{}`), UpdatedAt: t0, ExpiresAt: t0.Add(time.Hour), AccessHash: []byte{9}}
	must(t, s.SaveDraft(ctx, draft))
	bad := submission("fail@example.org", t0)
	bad.IdempotencyKey, bad.AccessHash, bad.DraftID = "k", []byte{1, 2}, draft.ID
	file := cases.File{Kind: "attachment", Key: "same/key", Name: "a.pdf", ContentType: "application/pdf", Size: 1, SHA256: "x", CreatedAt: t0}
	bad.Files = []cases.File{file, file} // the second file row violates the unique key
	bad.Effects = caseEffects("fail@example.org", t0)
	if _, _, err := s.CreateCase(ctx, bad); !fault.Is(err, fault.Conflict) {
		t.Fatalf("CreateCase with a duplicate file = %v, want Conflict", err)
	}
	if bad.Case.ID != 0 || bad.Case.Reference != "" || bad.Files[0].ID != 0 {
		t.Errorf("failed submission kept IDs: case %+v, file %+v", bad.Case, bad.Files[0])
	}
	_, total, _ := s.FindCases(ctx, cases.Filter{})
	ms, _ := s.FindMessages(ctx, mail.Filter{To: "fail@example.org"})
	evs, _ := s.FindEvents(ctx, processlog.Filter{Process: cases.Process})
	_, caseErr := s.FindCaseByAccessHash(ctx, []byte{1, 2})
	_, draftErr := s.FindDraft(ctx, draft.ID)
	if total != 0 || len(ms) != 0 || len(evs) != 0 || !fault.Is(caseErr, fault.NotFound) || draftErr != nil {
		t.Errorf("after a failed submission: %d cases, %d mails, %d events, case by link %v, draft %v; want nothing written, the draft kept",
			total, len(ms), len(evs), caseErr, draftErr)
	}

	// The retry with the same key succeeds, gets the first number and
	// removes the draft.
	bad.Files = bad.Files[:1]
	c := submit(t, s, bad)
	if c.Reference != "JENA-2026-000001" {
		t.Errorf("reference after a failed submission = %s, want JENA-2026-000001", c.Reference)
	}
	if _, err := s.FindDraft(ctx, draft.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("draft after submission = %v, want NotFound", err)
	}
	answers, err := s.CaseAnswers(ctx, c.ID)
	if err != nil || string(answers) != `{"name":"Erika"}` {
		t.Errorf("answers = %s, %v", answers, err)
	}
}
