package storetest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
)

func testCaseDrafts(t *testing.T, s Stores) {
	u := newUser(t, s, "erika@example.org")
	mine := &cases.Draft{UserID: &u.ID, ServiceID: 7, FormVersion: 2, Answers: json.RawMessage(`{"a":1}`), PageID: "p2",
		UpdatedAt: t0, ExpiresAt: t0.Add(30 * 24 * time.Hour)}
	must(t, s.SaveDraft(ctx, mine))
	anon := &cases.Draft{AccessHash: []byte{0xca, 0xfe}, ServiceID: 8, Answers: json.RawMessage(`{}`),
		UpdatedAt: t0, ExpiresAt: t0.Add(24 * time.Hour)}
	must(t, s.SaveDraft(ctx, anon))
	if mine.ID == 0 || anon.ID == 0 {
		t.Fatal("SaveDraft set no ID")
	}
	us := func(d cases.Draft) *cases.Draft {
		d.UpdatedAt, d.ExpiresAt = d.UpdatedAt.Truncate(time.Microsecond), d.ExpiresAt.Truncate(time.Microsecond)
		return &d
	}
	got, err := s.FindDraft(ctx, mine.ID)
	must(t, err)
	if d := cmp.Diff(us(*mine), got); d != "" {
		t.Errorf("draft (-want +got):\n%s", d)
	}
	got, err = s.FindDraftByAccessHash(ctx, []byte{0xca, 0xfe})
	must(t, err)
	if d := cmp.Diff(us(*anon), got); d != "" {
		t.Errorf("draft by link (-want +got):\n%s", d)
	}

	// Saving again updates; the account's list is newest first.
	later := &cases.Draft{UserID: &u.ID, ServiceID: 9, Answers: json.RawMessage(`{}`), UpdatedAt: t0.Add(time.Minute), ExpiresAt: t0.Add(time.Hour)}
	must(t, s.SaveDraft(ctx, later))
	mine.Answers, mine.PageID, mine.UpdatedAt = json.RawMessage(`{"a":2}`), "p3", t0.Add(time.Hour)
	must(t, s.SaveDraft(ctx, mine))
	list, err := s.FindDrafts(ctx, u.ID)
	must(t, err)
	if d := cmp.Diff([]*cases.Draft{us(*mine), us(*later)}, list); d != "" {
		t.Errorf("FindDrafts (-want +got):\n%s", d)
	}

	// Expiry: anon (a day) and later (an hour) are gone after two days.
	n, err := s.DeleteExpiredDrafts(ctx, t0.Add(48*time.Hour))
	must(t, err)
	if n != 2 {
		t.Errorf("DeleteExpiredDrafts = %d, want 2", n)
	}
	if _, err := s.FindDraftByAccessHash(ctx, []byte{0xca, 0xfe}); !fault.Is(err, fault.NotFound) {
		t.Errorf("expired draft = %v, want NotFound", err)
	}
	must(t, s.DeleteDraft(ctx, mine.ID))
	for name, err := range map[string]error{
		"FindDraft":             second(s.FindDraft(ctx, mine.ID)),
		"FindDraftByAccessHash": second(s.FindDraftByAccessHash(ctx, nil)),
		"DeleteDraft":           s.DeleteDraft(ctx, mine.ID),
		"SaveDraft":             s.SaveDraft(ctx, mine),
	} {
		if !fault.Is(err, fault.NotFound) {
			t.Errorf("%s of a deleted draft = %v, want NotFound", name, err)
		}
	}
	if list, err := s.FindDrafts(ctx, u.ID); err != nil || len(list) != 0 {
		t.Errorf("drafts after deletion = %v, %v", list, err)
	}
}
