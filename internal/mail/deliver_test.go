package mail_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/mail/smtptest"
	"rathaus/internal/storetest"
)

func runner(s jobs.Store, d *mail.Deliverer, now func() time.Time) *jobs.Runner {
	r := &jobs.Runner{Store: s, Worker: "test", Now: now, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	r.Register(mail.JobKind, d.Handle)
	return r
}

// TestOutboxDeliversOverSMTP queues a mail, runs the queue, and reads the
// mail from a real SMTP server, umlauts and all.
func TestOutboxDeliversOverSMTP(t *testing.T) {
	ctx := context.Background()
	srv := smtptest.Start(t, smtptest.WithAuth("rathaus", "geheim"))
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			now := time.Now
			d := &mail.Deliverer{Store: db, From: "noreply@jena.example", Now: now,
				Sender: &mail.SMTP{Addr: srv.Addr(), Username: "rathaus", Password: "geheim"}}
			to := name + "@example.org"
			err := db.EnqueueMessages(ctx, []mail.Message{{To: to, Subject: "Ihr Antrag: Grüße aus Jena",
				Text: "Guten Tag,\nIhr Termin ist bestätigt: https://rathaus.example/t?token=abc\n", CreatedAt: now()}})
			if err != nil {
				t.Fatal(err)
			}
			n, err := runner(db, d, now).RunDue(ctx)
			if err != nil || n != 1 {
				t.Fatalf("RunDue = %d, %v; want 1 job", n, err)
			}
			m := srv.WaitFor(t, smtptest.To(to), 5*time.Second)
			if m.Subject != "Ihr Antrag: Grüße aus Jena" || !strings.Contains(m.Text, "Ihr Termin ist bestätigt") {
				t.Errorf("received subject %q body %q", m.Subject, m.Text)
			}
			ms, _ := db.FindMessages(ctx, mail.Filter{To: to})
			if ms[0].SentAt == nil {
				t.Error("message not marked sent")
			}
		})
	}
}

// TestOutboxRetries lets the first delivery fail (no server listening),
// then checks the job is retried later and the mail arrives once.
func TestOutboxRetries(t *testing.T) {
	ctx := context.Background()
	db := storetest.OpenSQLite(t)
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	deadAddr := l.Addr().String()
	l.Close()
	clock := time.Now()
	now := func() time.Time { return clock }
	sender := &mail.SMTP{Addr: deadAddr, Timeout: time.Second}
	d := &mail.Deliverer{Store: db, From: "noreply@jena.example", Now: now, Sender: sender}
	r := runner(db, d, now)
	db.EnqueueMessages(ctx, []mail.Message{{To: "a@example.org", Subject: "S", Text: "T", CreatedAt: clock}})
	if _, err := r.RunDue(ctx); err != nil {
		t.Fatal(err)
	}
	js, _ := db.FindJobs(ctx, jobs.Filter{Kind: mail.JobKind})
	if js[0].Status != jobs.Queued || js[0].LastError == "" || !js[0].RunAt.After(clock) {
		t.Fatalf("after a failed delivery job = %+v, want queued for later with the error", js[0])
	}
	srv := smtptest.Start(t)
	sender.Addr = srv.Addr()
	if n, _ := r.RunDue(ctx); n != 0 {
		t.Errorf("retry ran %d jobs before its time", n)
	}
	clock = clock.Add(jobs.Backoff(1) + time.Second)
	if n, _ := r.RunDue(ctx); n != 1 {
		t.Fatalf("retry ran %d jobs, want 1", n)
	}
	srv.WaitFor(t, smtptest.To("a@example.org"), 5*time.Second)
	if n, _ := r.RunDue(ctx); n != 0 || len(srv.Messages()) != 1 {
		t.Errorf("mail sent %d times, want once", len(srv.Messages()))
	}
}
