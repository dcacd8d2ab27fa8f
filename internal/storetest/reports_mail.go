package storetest

import (
	"testing"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/report"
)

// testReportStatusMail checks the reporter's status mail: it is queued in
// the outbox with the status change, and a stale change queues nothing.
func testReportStatusMail(t *testing.T, s Stores) {
	rs := reportStore(t, s)
	f := newReportFixture(t, s, "mail")
	to := "melder-" + f.muell.Code + "@example.org"
	svc := &report.Service{Store: rs, Now: func() time.Time { return t0 },
		StatusMails: func(r *report.Report, n *report.Note) []mail.Message {
			return []mail.Message{{To: r.Contact.Email, Subject: r.Reference, Text: n.Text, CreatedAt: t0}}
		}}
	r := &report.Report{OrgID: f.city, CategoryID: f.licht.ID, Location: report.Location{Address: "Markt 1"},
		Contact: report.Contact{Email: to}}
	must(t, svc.Submit(ctx, r))
	staff := report.Actor{Units: []int64{f.b}}
	if _, err := svc.SetStatus(ctx, staff, r.ID, r.Version+1, report.StatusDone, "Stale.", ""); !fault.Is(err, fault.Conflict) {
		t.Fatalf("stale version: %v, want Conflict", err)
	}
	got, err := svc.SetStatus(ctx, staff, r.ID, r.Version, report.StatusInProgress, "Wird repariert.", "")
	must(t, err)
	ms, err := s.FindMessages(ctx, mail.Filter{To: to})
	must(t, err)
	if len(ms) != 1 || ms[0].Subject != got.Reference || ms[0].Text != "Wird repariert." {
		t.Fatalf("outbox = %+v, want one mail with the note", ms)
	}
}
