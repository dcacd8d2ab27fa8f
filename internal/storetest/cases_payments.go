package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

// bankPayment is a payment of cents for c from the city's account
// statement, with the bank's entry reference ref.
func bankPayment(c *cases.Case, cents int64, ref string, at time.Time) *cases.Payment {
	return &cases.Payment{CaseID: c.ID, Cents: cents, Source: "camt:DE02120300000000202051", EntryRef: ref,
		Debtor: "Erika Mustermann", Text: c.Reference, BookedAt: at.Truncate(24 * time.Hour), At: at}
}

// paidEffects is the mail and event of a payment, to erika@example.org.
func paidEffects(c *cases.Case, at time.Time) cases.Effects {
	return cases.Effects{
		Mails:  []mail.Message{{To: "erika@example.org", Subject: "Zahlung eingegangen", Text: "x", CreatedAt: at}},
		Events: []processlog.Event{{Process: cases.Process, CaseID: c.Reference, Activity: "paid", At: at, Resource: "payment"}},
	}
}

func testCasePayments(t *testing.T, s Stores) {
	sub := submission("erika@example.org", t0)
	sub.Case.FeeCents = 5000
	c := submit(t, s, sub)
	staffView := *c // a worker has the case open while the payment arrives

	at := t0.Add(24 * time.Hour)
	first := bankPayment(c, 3000, "E1", at)
	ok, err := s.AddPayment(ctx, first, paidEffects(c, at))
	if err != nil || !ok || first.ID == 0 {
		t.Fatalf("AddPayment = %v, %v, ID %d; want it recorded with an ID", ok, err, first.ID)
	}
	// The same bank entry imported again, even read differently, books nothing.
	again := bankPayment(c, 9999, "E1", at.Add(time.Hour))
	ok, err = s.AddPayment(ctx, again, paidEffects(c, at.Add(time.Hour)))
	if err != nil || ok || again.ID != 0 {
		t.Errorf("second import of the same entry = %v, %v, ID %d; want false, nothing written", ok, err, again.ID)
	}
	// The same entry reference at another source is another payment.
	other := bankPayment(c, 2000, "E1", at.Add(2*time.Hour))
	other.Source = "epay:pmt"
	ok, err = s.AddPayment(ctx, other, cases.Effects{})
	if err != nil || !ok {
		t.Errorf("same reference at another source = %v, %v; want recorded", ok, err)
	}

	got, err := s.FindCase(ctx, c.ID)
	must(t, err)
	if got.PaidCents != 5000 || got.Version != 3 || !got.UpdatedAt.Equal(at.Add(2*time.Hour).Truncate(time.Microsecond)) {
		t.Errorf("case after two payments: paid %d, version %d, updated %v; want 5000, version 3, the last payment's time",
			got.PaidCents, got.Version, got.UpdatedAt)
	}
	ps, err := s.Payments(ctx, c.ID)
	must(t, err)
	wantFirst := *first
	wantFirst.At = at.Truncate(time.Microsecond)
	if len(ps) != 2 || ps[1].ID != other.ID {
		t.Fatalf("payments = %+v, want the two recorded", ps)
	}
	if d := cmp.Diff(wantFirst, ps[0]); d != "" {
		t.Errorf("first payment (-want +got):\n%s", d)
	}
	ms, _ := s.FindMessages(ctx, mail.Filter{To: "erika@example.org"})
	evs, _ := s.FindEvents(ctx, processlog.Filter{Process: cases.Process})
	if len(ms) != 1 || len(evs) != 1 {
		t.Errorf("%d mails and %d events, want one each: the repeated import writes no effects", len(ms), len(evs))
	}

	// The worker's change prepared before the payments would overwrite
	// the paid amount: it is refused as stale.
	staffView.Version++
	staffView.FeeCents = 6000
	if err := s.UpdateCase(ctx, &staffView, nil, cases.Effects{}); errKey(err) != "conflict error.cases.stale" {
		t.Errorf("change on the case as before the payment = %v, want Conflict error.cases.stale", err)
	}

	missing := bankPayment(c, 100, "E9", at)
	missing.CaseID = c.ID + 100
	if ok, err := s.AddPayment(ctx, missing, cases.Effects{}); ok || !fault.Is(err, fault.NotFound) {
		t.Errorf("payment for a missing case = %v, %v; want NotFound", ok, err)
	}
	if ps, err := s.Payments(ctx, c.ID+100); err != nil || ps != nil {
		t.Errorf("payments of a missing case = %v, %v", ps, err)
	}
}

func testCasePaymentRace(t *testing.T, s Stores) { RaceDuplicatePayment(t, 10, s) }

// RaceDuplicatePayment imports the same bank entry n times at once,
// spread over stores (several instances): it is booked exactly once.
func RaceDuplicatePayment(t *testing.T, n int, stores ...Stores) {
	t.Helper()
	sub := submission("erika@example.org", t0)
	sub.Case.FeeCents = 5000
	c := submit(t, stores[0], sub)
	booked := make([]bool, n)
	errs := make([]error, n)
	ready := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := bankPayment(c, 5000, "E1", t0.Add(time.Hour))
			fx := paidEffects(c, t0.Add(time.Hour))
			<-ready
			booked[i], errs[i] = stores[i%len(stores)].AddPayment(ctx, p, fx)
		}()
	}
	close(ready)
	wg.Wait()
	count := 0
	for i := range n {
		if errs[i] != nil {
			t.Errorf("import %d: %v", i, errs[i])
		}
		if booked[i] {
			count++
		}
	}
	got, err := stores[0].FindCase(ctx, c.ID)
	must(t, err)
	ps, _ := stores[0].Payments(ctx, c.ID)
	ms, _ := stores[0].FindMessages(ctx, mail.Filter{To: "erika@example.org"})
	if count != 1 || len(ps) != 1 || got.PaidCents != 5000 || got.Version != 2 || len(ms) != 1 {
		t.Errorf("%d imports booked, %d payments, paid %d, version %d, %d mails; want the payment once",
			count, len(ps), got.PaidCents, got.Version, len(ms))
	}
}

// testCaseEffectFiles: files that come with a change (a decision
// document, a receipt) are written with it, and not at all when the
// change is refused.
func testCaseEffectFiles(t *testing.T, s Stores) {
	file := func(kind, key string) cases.File {
		return cases.File{Kind: kind, Key: key, Name: key + ".pdf", ContentType: "application/pdf", Size: 10, SHA256: "dd", CreatedAt: t0}
	}
	sub := submission("erika@example.org", t0)
	sub.Effects = func(*cases.Case) cases.Effects {
		return cases.Effects{Files: []cases.File{file("receipt", "r/1")}}
	}
	c := submit(t, s, sub)
	seen := *c

	c.Version++
	c.State, c.UpdatedAt = "approved", t0.Add(time.Hour)
	decision := cases.Effects{Files: []cases.File{file("decision", "d/1")}}
	must(t, s.UpdateCase(ctx, c, nil, decision))
	if f := decision.Files[0]; f.ID == 0 || f.CaseID != c.ID || f.MessageID != nil {
		t.Errorf("decision file after UpdateCase = %+v, want its ID and the case's", f)
	}

	// A second worker's decision on the old version leaves no file.
	seen.Version++
	seen.State, seen.UpdatedAt = "rejected", t0.Add(time.Hour)
	stale := cases.Effects{Files: []cases.File{file("decision", "d/2")}}
	if err := s.UpdateCase(ctx, &seen, nil, stale); errKey(err) != "conflict error.cases.stale" {
		t.Errorf("stale UpdateCase = %v, want Conflict error.cases.stale", err)
	}
	if stale.Files[0].ID != 0 {
		t.Errorf("refused change kept the file ID %d", stale.Files[0].ID)
	}

	// A message's effects may carry a case file too: it belongs to the
	// case, not to the message.
	m := &cases.Message{CaseID: c.ID, FromStaff: true, Body: "Bescheid anbei", At: t0.Add(2 * time.Hour)}
	must(t, s.AddMessage(ctx, m, cases.Effects{Files: []cases.File{file("decision", "d/3")}}))

	files, err := s.CaseFiles(ctx, c.ID)
	must(t, err)
	var keys []string
	for _, f := range files {
		if f.CaseID != c.ID || f.MessageID != nil {
			t.Errorf("file %s: case %d, message %v; want case %d, no message", f.Key, f.CaseID, f.MessageID, c.ID)
		}
		keys = append(keys, f.Key)
	}
	if d := cmp.Diff([]string{"r/1", "d/1", "d/3"}, keys); d != "" {
		t.Errorf("case files (-want +got):\n%s", d)
	}
	if ms, _ := s.Messages(ctx, c.ID); len(ms) != 1 || len(ms[0].Files) != 0 {
		t.Errorf("messages = %+v, want one without files", ms)
	}
}

// testCaseForward: UpdateCase moves a case to another unit, whose queue
// shows it from then on.
func testCaseForward(t *testing.T, s Stores) {
	unitA, unitB := newOrg(t, s, "a"), newOrg(t, s, "b")
	sub := submission("erika@example.org", t0)
	sub.Case.OrgID = &unitA
	c := submit(t, s, sub)
	c.Version++
	c.OrgID, c.UpdatedAt = &unitB, t0.Add(time.Hour)
	must(t, s.UpdateCase(ctx, c, &cases.HistoryEntry{At: c.UpdatedAt, Action: "forward", FromState: c.State, ToState: c.State}, cases.Effects{}))
	got, err := s.FindCase(ctx, c.ID)
	must(t, err)
	if d := cmp.Diff(caseUS(*c), got); d != "" {
		t.Errorf("forwarded case (-want +got):\n%s", d)
	}
	inA, _, _ := s.FindCases(ctx, cases.Filter{OrgIDs: []int64{unitA}})
	inB, _, _ := s.FindCases(ctx, cases.Filter{OrgIDs: []int64{unitB}})
	if len(inA) != 0 || len(inB) != 1 {
		t.Errorf("%d cases in the old unit's queue, %d in the new one's; want 0 and 1", len(inA), len(inB))
	}
}

// testFindCasesPaidPeriod: the unpaid filter and the submission period.
func testFindCasesPaidPeriod(t *testing.T, s Stores) {
	mk := func(at time.Time, fee, paid int64) *cases.Case {
		sub := submission("x@example.org", at)
		sub.Case.FeeCents, sub.Case.PaidCents = fee, paid
		return submit(t, s, sub)
	}
	nov1 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	dec1 := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	octLast := mk(nov1.Add(-time.Microsecond), 1000, 0) // unpaid, October
	novFirst := mk(nov1, 1000, 400)                     // partly paid, first instant of November
	novPaid := mk(nov1.Add(24*time.Hour), 1000, 1000)   // paid
	novFree := mk(nov1.Add(48*time.Hour), 0, 0)         // no fee
	decFirst := mk(dec1, 2000, 0)                       // unpaid, first instant of December
	refs := func(cs []*cases.Case) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Reference)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		f    cases.Filter
		want []*cases.Case
	}{
		{"unpaid", cases.Filter{Unpaid: true}, []*cases.Case{octLast, novFirst, decFirst}},
		{"November", cases.Filter{From: &nov1, To: &dec1}, []*cases.Case{novFirst, novPaid, novFree}},
		{"from November", cases.Filter{From: &nov1}, []*cases.Case{novFirst, novPaid, novFree, decFirst}},
		{"before November", cases.Filter{To: &nov1}, []*cases.Case{octLast}},
		{"unpaid in November", cases.Filter{Unpaid: true, From: &nov1, To: &dec1}, []*cases.Case{novFirst}},
	} {
		got, total, err := s.FindCases(ctx, tc.f)
		must(t, err)
		if d := cmp.Diff(refs(tc.want), refs(got)); d != "" || total != len(tc.want) {
			t.Errorf("%s: total %d, want %d; references (-want +got):\n%s", tc.name, total, len(tc.want), d)
		}
	}
}
