package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/fault"
	"rathaus/internal/inquiry"
	"rathaus/internal/mail"
)

// inquiryStore is the inquiry part of a store; Stores implementations
// provide it.
func inquiryStore(t *testing.T, s Stores) inquiry.Store {
	t.Helper()
	is, ok := s.(inquiry.Store)
	if !ok {
		t.Fatalf("%T is no inquiry.Store", s)
	}
	return is
}

func testInquiries(t *testing.T, s Stores) {
	t.Run("RoundTrip", func(t *testing.T) { testInquiryRoundTrip(t, s) })
	t.Run("Queues", func(t *testing.T) { testInquiryQueues(t, s) })
	t.Run("Update", func(t *testing.T) { testInquiryUpdate(t, s) })
	t.Run("ReferenceRace", func(t *testing.T) { testInquiryReferenceRace(t, s) })
	t.Run("Retention", func(t *testing.T) { testInquiryRetention(t, s) })
}

func newInquiry(t *testing.T, is inquiry.Store, org *int64, status string, at time.Time) *inquiry.Inquiry {
	t.Helper()
	q := &inquiry.Inquiry{Body: "Mein Hund muss angemeldet werden.", Lang: "de", Source: inquiry.SourceForm,
		OrgID: org, Status: status, CreatedAt: at}
	must(t, is.CreateInquiry(ctx, q))
	return q
}

func testInquiryRoundTrip(t *testing.T, s Stores) {
	is := inquiryStore(t, s)
	u := newUser(t, s, "anliegen@example.org")
	org := newOrg(t, s, "buergerservice")
	q := &inquiry.Inquiry{Subject: "Hundesteuer", Body: "Wie melde ich meinen Hund an?", Lang: "de", Source: inquiry.SourceAssistant,
		Name: "Erika", Email: "erika@example.org", UserID: &u.ID, ServiceIDs: []int64{3, 5},
		Suggested: inquiry.Suggestion{OrgID: &org, Category: "tiere-natur", Confidence: 0.42, Because: []string{"Hund", "Steuer"}},
		OrgID:     &org, Status: inquiry.StatusTriage, CreatedAt: t0}
	must(t, is.CreateInquiry(ctx, q))
	if q.ID == 0 || q.Version != 1 || q.Reference != "A-2026-000001" {
		t.Fatalf("created: id %d, version %d, reference %q; want an ID, 1, A-2026-000001", q.ID, q.Version, q.Reference)
	}
	got, err := is.FindInquiry(ctx, q.ID)
	must(t, err)
	want := *q
	want.CreatedAt, want.UpdatedAt = t0.Truncate(time.Microsecond), t0.Truncate(time.Microsecond)
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("FindInquiry (-want +got):\n%s", d)
	}
	if byRef, err := is.FindInquiryByReference(ctx, q.Reference); err != nil || byRef.ID != q.ID {
		t.Errorf("FindInquiryByReference = %v, %v", byRef, err)
	}
	if _, err := is.FindInquiry(ctx, q.ID+100); !fault.Is(err, fault.NotFound) {
		t.Errorf("missing message: %v, want NotFound", err)
	}
	q2 := newInquiry(t, is, nil, inquiry.StatusTriage, t0.AddDate(1, 0, 0))
	if q2.Reference != "A-2027-000001" {
		t.Errorf("first reference of the next year = %q", q2.Reference)
	}
}

func testInquiryQueues(t *testing.T, s Stores) {
	is := inquiryStore(t, s)
	a, b := newOrg(t, s, "queue-a"), newOrg(t, s, "queue-b")
	q1 := newInquiry(t, is, &a, inquiry.StatusTriage, t0)
	q2 := newInquiry(t, is, &a, inquiry.StatusOpen, t0.Add(time.Minute))
	q3 := newInquiry(t, is, &b, inquiry.StatusOpen, t0.Add(2*time.Minute))
	q4 := newInquiry(t, is, &a, inquiry.StatusAnswered, t0.Add(3*time.Minute))
	ids := func(f inquiry.Filter) ([]int64, int) {
		qs, n, err := is.FindInquiries(ctx, f)
		must(t, err)
		var out []int64
		for _, q := range qs {
			out = append(out, q.ID)
		}
		return out, n
	}
	for _, tc := range []struct {
		name string
		f    inquiry.Filter
		want []int64
		n    int
	}{
		{"triage", inquiry.Filter{Statuses: []string{inquiry.StatusTriage}, OrgIDs: []int64{a, b}}, []int64{q1.ID}, 1},
		{"unit a", inquiry.Filter{Statuses: []string{inquiry.StatusOpen, inquiry.StatusAnswered}, OrgIDs: []int64{a}}, []int64{q2.ID, q4.ID}, 2},
		{"units a and b", inquiry.Filter{Statuses: []string{inquiry.StatusOpen}, OrgIDs: []int64{a, b}}, []int64{q2.ID, q3.ID}, 2},
		{"no units", inquiry.Filter{OrgIDs: []int64{}}, nil, 0},
		{"page", inquiry.Filter{OrgIDs: []int64{a, b}, Limit: 2, Offset: 1}, []int64{q2.ID, q3.ID}, 4},
	} {
		got, n := ids(tc.f)
		if d := cmp.Diff(tc.want, got); d != "" || n != tc.n {
			t.Errorf("%s: %d matches (want %d), ids (-want +got):\n%s", tc.name, n, tc.n, d)
		}
	}
}

func testInquiryUpdate(t *testing.T, s Stores) {
	is := inquiryStore(t, s)
	a := newOrg(t, s, "update-a")
	staff := newUser(t, s, "staff@example.org")
	q := newInquiry(t, is, nil, inquiry.StatusTriage, t0)
	next := *q
	next.OrgID, next.Category, next.Status, next.UpdatedAt = &a, "umzug", inquiry.StatusAnswered, t0.Add(time.Hour)
	ch := inquiry.Change{
		Reply:      &inquiry.Reply{Body: "Gern geschehen.", AuthorID: &staff.ID, Role: "case_worker", At: t0.Add(time.Hour)},
		Correction: &inquiry.Correction{Text: q.Text(), OrgID: a, Category: "umzug", At: t0.Add(time.Hour)},
		Mails:      []mail.Message{{To: "erika@example.org", Subject: "Antwort", Text: "Gern geschehen.", CreatedAt: t0}},
	}
	must(t, is.UpdateInquiry(ctx, &next, q.Version, ch))
	if next.Version != 2 || ch.Reply.ID == 0 || ch.Correction.ID == 0 {
		t.Errorf("after update: version %d, reply %d, correction %d", next.Version, ch.Reply.ID, ch.Correction.ID)
	}
	got, err := is.FindInquiry(ctx, q.ID)
	must(t, err)
	if got.Status != inquiry.StatusAnswered || got.OrgID == nil || *got.OrgID != a || got.Category != "umzug" || got.Version != 2 {
		t.Errorf("stored: %+v", got)
	}
	if rs, err := is.FindReplies(ctx, q.ID); err != nil || len(rs) != 1 || rs[0].Body != "Gern geschehen." || rs[0].InquiryID != q.ID {
		t.Errorf("replies = %v, %v", rs, err)
	}
	if ms, _ := s.FindMessages(ctx, mail.Filter{To: "erika@example.org"}); len(ms) != 1 {
		t.Errorf("mails = %d, want 1", len(ms))
	}
	n, last, err := is.CorrectionsState(ctx)
	must(t, err)
	cs, err := is.FindCorrections(ctx)
	must(t, err)
	if n != 1 || last != ch.Correction.ID || len(cs) != 1 || cs[0].Text != q.Text() || cs[0].OrgID != a || cs[0].Category != "umzug" {
		t.Errorf("corrections: state %d/%d, %+v", n, last, cs)
	}
	stale := *q
	stale.Status = inquiry.StatusClosed
	err = is.UpdateInquiry(ctx, &stale, q.Version, inquiry.Change{Reply: &inquiry.Reply{Body: "x", At: t0}})
	if !fault.Is(err, fault.Conflict) {
		t.Errorf("update at an old version = %v, want Conflict", err)
	}
	if rs, _ := is.FindReplies(ctx, q.ID); len(rs) != 1 {
		t.Errorf("a refused update added a reply: %d replies", len(rs))
	}
	missing := inquiry.Inquiry{ID: q.ID + 100, Status: inquiry.StatusOpen}
	if err := is.UpdateInquiry(ctx, &missing, 1, inquiry.Change{}); !fault.Is(err, fault.NotFound) {
		t.Errorf("update of a missing message = %v, want NotFound", err)
	}
}

// testInquiryReferenceRace submits at once; every message gets its own number.
func testInquiryReferenceRace(t *testing.T, s Stores) {
	is := inquiryStore(t, s)
	const n = 8
	refs := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := &inquiry.Inquiry{Body: "x", Lang: "de", Source: inquiry.SourceForm, Status: inquiry.StatusTriage, CreatedAt: t0}
			if err := is.CreateInquiry(ctx, q); err != nil {
				t.Error(err)
			}
			refs[i] = q.Reference
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, r := range refs {
		if seen[r] {
			t.Errorf("reference %s given twice", r)
		}
		seen[r] = true
	}
}

func testInquiryRetention(t *testing.T, s Stores) {
	is := inquiryStore(t, s)
	a := newOrg(t, s, "retention-a")
	before, _, err := is.CorrectionsState(ctx)
	must(t, err)
	old := newInquiry(t, is, &a, inquiry.StatusOpen, t0)
	closedAt := t0.Add(time.Hour)
	next := *old
	next.Status, next.ClosedAt = inquiry.StatusClosed, &closedAt
	must(t, is.UpdateInquiry(ctx, &next, old.Version, inquiry.Change{
		Reply:      &inquiry.Reply{Body: "Erledigt.", At: t0},
		Correction: &inquiry.Correction{Text: old.Text(), OrgID: a, At: t0}}))
	young := newInquiry(t, is, &a, inquiry.StatusOpen, t0)
	n, err := is.DeleteInquiriesClosedBefore(ctx, closedAt.Add(time.Second))
	if err != nil || n != 1 {
		t.Fatalf("DeleteInquiriesClosedBefore = %d, %v; want 1", n, err)
	}
	if _, err := is.FindInquiry(ctx, old.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("closed message after retention: %v", err)
	}
	if rs, _ := is.FindReplies(ctx, old.ID); len(rs) != 0 {
		t.Errorf("replies of a deleted message: %d", len(rs))
	}
	if _, err := is.FindInquiry(ctx, young.ID); err != nil {
		t.Errorf("open message deleted: %v", err)
	}
	if after, _, _ := is.CorrectionsState(ctx); after != before+1 {
		t.Errorf("corrections after deletion = %d, want %d (training data stays)", after, before+1)
	}
}
