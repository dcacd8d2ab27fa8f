package smtptest_test

import (
	"fmt"
	"net/smtp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/mail/smtptest"
)

const qpMessage = "From: Rathaus <noreply@rathaus.example>\r\n" +
	"To: ada@example.org\r\n" +
	"Subject: =?utf-8?q?Bitte_best=C3=A4tigen_Sie_Ihre_E-Mail-Adresse?=\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: text/plain; charset=utf-8\r\n" +
	"Content-Transfer-Encoding: quoted-printable\r\n" +
	"\r\n" +
	"Gr=C3=BC=C3=9F Gott,\r\n" +
	"bitte =C3=B6ffnen Sie: https://rathaus.example/verify?token=3Dabcdefghijklmnop=\r\n" +
	"qrstuvwxyz\r\n"

func send(t *testing.T, addr string, auth smtp.Auth, from string, to []string, msg string) error {
	t.Helper()
	return smtp.SendMail(addr, auth, from, to, []byte(msg))
}

func TestReceivesAndDecodesQuotedPrintable(t *testing.T) {
	srv := smtptest.Start(t)
	if err := send(t, srv.Addr(), nil, "noreply@rathaus.example", []string{"ada@example.org"}, qpMessage); err != nil {
		t.Fatalf("send: %v", err)
	}
	m := srv.WaitFor(t, smtptest.To("ada@example.org"), 5*time.Second)

	if got, want := m.From, "noreply@rathaus.example"; got != want {
		t.Errorf("From = %q, want %q", got, want)
	}
	if got, want := m.Subject, "Bitte bestätigen Sie Ihre E-Mail-Adresse"; got != want {
		t.Errorf("Subject = %q, want %q", got, want)
	}
	wantText := "Grüß Gott,\nbitte öffnen Sie: https://rathaus.example/verify?token=abcdefghijklmnopqrstuvwxyz\n"
	if diff := cmp.Diff(wantText, m.Text); diff != "" {
		t.Errorf("Text mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"https://rathaus.example/verify?token=abcdefghijklmnopqrstuvwxyz"}, m.URLs()); diff != "" {
		t.Errorf("URLs mismatch (-want +got):\n%s", diff)
	}
	if !strings.Contains(string(m.Raw), "Content-Transfer-Encoding: quoted-printable") {
		t.Errorf("Raw lacks the original headers:\n%s", m.Raw)
	}
	if got := len(srv.Messages()); got != 1 {
		t.Errorf("len(Messages()) = %d, want 1", got)
	}
}

func TestMultipartTakesTheTextPart(t *testing.T) {
	srv := smtptest.Start(t)
	msg := "Subject: =?UTF-8?B?w4RuZGVydW5n?=\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: multipart/alternative; boundary=XYZ\r\n\r\n" +
		"--XYZ\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>html</p>\r\n" +
		"--XYZ\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		"w4RuZGVydW5nIGdlc3BlaWNoZXJ0Lg==\r\n" +
		"--XYZ--\r\n"
	if err := send(t, srv.Addr(), nil, "a@example.org", []string{"b@example.org", "c@example.org"}, msg); err != nil {
		t.Fatalf("send: %v", err)
	}
	m := srv.WaitFor(t, smtptest.SubjectContains("Änderung"), 5*time.Second)
	if got, want := m.Text, "Änderung gespeichert."; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if diff := cmp.Diff([]string{"b@example.org", "c@example.org"}, m.To); diff != "" {
		t.Errorf("To mismatch (-want +got):\n%s", diff)
	}
}

func TestRequiredAuth(t *testing.T) {
	srv := smtptest.Start(t, smtptest.WithAuth("mailer", "s3cret"))
	to := []string{"ada@example.org"}
	tests := []struct {
		name    string
		auth    smtp.Auth
		wantErr bool
	}{
		{"no auth", nil, true},
		{"wrong password", smtp.PlainAuth("", "mailer", "wrong", srv.Host()), true},
		{"right credentials", smtp.PlainAuth("", "mailer", "s3cret", srv.Host()), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := send(t, srv.Addr(), tt.auth, "noreply@rathaus.example", to, qpMessage)
			if gotErr := err != nil; gotErr != tt.wantErr {
				t.Fatalf("send error = %v, want error: %v", err, tt.wantErr)
			}
		})
	}
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("got %d messages, want 1 (only the authenticated one)", len(msgs))
	}
	if got, want := msgs[0].AuthUser, "mailer"; got != want {
		t.Errorf("AuthUser = %q, want %q", got, want)
	}
}

func TestOptionalAuthAcceptsAnyCredentials(t *testing.T) {
	srv := smtptest.Start(t)
	auth := smtp.PlainAuth("", "anyone", "anything", srv.Host())
	if err := send(t, srv.Addr(), auth, "a@example.org", []string{"b@example.org"}, qpMessage); err != nil {
		t.Fatalf("send: %v", err)
	}
	if got := srv.Messages()[0].AuthUser; got != "anyone" {
		t.Errorf("AuthUser = %q, want %q", got, "anyone")
	}
}

func TestWaitForWaitsForLaterMail(t *testing.T) {
	srv := smtptest.Start(t)
	errc := make(chan error, 1)
	go func() {
		time.Sleep(100 * time.Millisecond)
		for i := range 3 {
			msg := fmt.Sprintf("Subject: mail %d\r\n\r\nbody %d\r\n", i, i)
			if err := smtp.SendMail(srv.Addr(), nil, "a@example.org", []string{"b@example.org"}, []byte(msg)); err != nil {
				errc <- err
				return
			}
		}
		errc <- nil
	}()
	m := srv.WaitFor(t, smtptest.SubjectContains("mail 2"), 5*time.Second)
	if err := <-errc; err != nil {
		t.Fatalf("send: %v", err)
	}
	if got, want := m.Text, "body 2\n"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	srv.Reset()
	if got := len(srv.Messages()); got != 0 {
		t.Errorf("after Reset: %d messages, want 0", got)
	}
}

// fatalRecorder records a Fatalf instead of stopping the test.
type fatalRecorder struct {
	testing.TB
	msg string
}

func (r *fatalRecorder) Helper() {}
func (r *fatalRecorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
}

func TestWaitForTimeoutListsWhatArrived(t *testing.T) {
	srv := smtptest.Start(t)
	if err := send(t, srv.Addr(), nil, "a@example.org", []string{"b@example.org"}, qpMessage); err != nil {
		t.Fatalf("send: %v", err)
	}
	srv.WaitFor(t, smtptest.To("b@example.org"), 5*time.Second)
	rec := &fatalRecorder{TB: t}
	srv.WaitFor(rec, smtptest.To("nobody@example.org"), 50*time.Millisecond)
	if !strings.Contains(rec.msg, "no matching message") || !strings.Contains(rec.msg, "b@example.org") {
		t.Errorf("failure message = %q, want it to say nothing matched and list b@example.org", rec.msg)
	}
}
