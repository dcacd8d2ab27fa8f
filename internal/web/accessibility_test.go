package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"rathaus/internal/mail"
)

func TestFeedbackEmptyMessageShowsErrors(t *testing.T) {
	e := newEnv(t)
	res := e.postForm("/barrierefreiheit", url.Values{"name": {"Kim Muster"}, "email": {"kein-at"}, "message": {"  "}})
	wantStatus(t, res, 400)
	if n := len(queryAll(res.doc, "h1")); n != 1 {
		t.Errorf("got %d h1, want 1", n)
	}
	summary := query(res.doc, "#error-summary[role=alert]")
	if summary == nil {
		t.Fatal("no error summary with role=alert")
	}
	for _, href := range []string{"#field-email", "#field-message"} {
		if query(summary, "a[href='"+href+"']") == nil {
			t.Errorf("summary lacks a link to %s", href)
		}
	}
	msg := query(res.doc, "textarea#field-message[aria-invalid=true]")
	if msg == nil {
		t.Fatal("message field not marked invalid")
	}
	if got, _ := attr(msg, "aria-describedby"); got != "field-message-hint field-message-error" {
		t.Errorf("aria-describedby: got %q", got)
	}
	if got := text(query(res.doc, "#field-message-error")); !strings.Contains(got, "Bitte schreiben Sie Ihre Nachricht.") {
		t.Errorf("inline error: got %q", got)
	}
	if query(res.doc, "label[for=field-message]") == nil {
		t.Error("message field has no label")
	}
	if got, _ := attr(query(res.doc, "input#field-name"), "value"); got != "Kim Muster" {
		t.Errorf("name not kept: got %q", got)
	}
	if got, _ := attr(query(res.doc, "input#field-email"), "value"); got != "kein-at" {
		t.Errorf("email not kept: got %q", got)
	}
	if query(res.doc, "input#field-name[aria-invalid]") != nil {
		t.Error("the valid name field is marked invalid")
	}
	if title := text(query(res.doc, "title")); !strings.HasPrefix(title, "Fehler:") {
		t.Errorf("title does not announce the error: %q", title)
	}
	wantNoMail(t, e)
}

func TestFeedbackTooLong(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.MaxBodyBytes = 64 << 10 })
	res := e.postForm("/barrierefreiheit", url.Values{"message": {strings.Repeat("ä", maxFeedbackMessage+1)}})
	wantStatus(t, res, 400)
	if got := text(query(res.doc, "#field-message-error")); !strings.Contains(got, "höchstens 5000 Zeichen") {
		t.Errorf("inline error: got %q", got)
	}
	wantNoMail(t, e)
}

func TestFeedbackQueuesMail(t *testing.T) {
	e := newEnv(t)
	res := e.postForm("/barrierefreiheit", url.Values{"email": {"Kim@Example.org"}, "message": {"Der Kontrast im Kopf ist zu schwach."}})
	wantStatus(t, res, 303)
	if got := res.Header.Get("Location"); got != "/barrierefreiheit#feedback" {
		t.Errorf("Location: got %q", got)
	}
	msgs, err := e.db.FindMessages(context.Background(), mail.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 1 {
		t.Fatalf("got %d queued mails, want 1", len(msgs))
	}
	m := msgs[0]
	if m.To != "a11y@jena.example" || m.Subject != "Rückmeldung zur Barrierefreiheit" {
		t.Errorf("mail: to %q, subject %q", m.To, m.Subject)
	}
	for _, want := range []string{"Name: (nicht angegeben)", "E-Mail: kim@example.org", "Der Kontrast im Kopf ist zu schwach."} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("mail text lacks %q:\n%s", want, m.Text)
		}
	}

	// The page after the redirect confirms, once.
	flash := cookie(res, flashCookie)
	if flash == nil {
		t.Fatal("no flash cookie")
	}
	page := e.get("/barrierefreiheit", flash)
	if got := text(query(page.doc, ".app-flash[role=status]")); got != "Vielen Dank! Ihre Rückmeldung wurde gesendet." {
		t.Errorf("flash: got %q", got)
	}
	if c := cookie(page, flashCookie); c == nil || c.MaxAge >= 0 {
		t.Errorf("flash cookie not cleared: %+v", c)
	}
}

func TestFlashIgnoresUnknownKeys(t *testing.T) {
	e := newEnv(t)
	page := e.get("/", &http.Cookie{Name: flashCookie, Value: "success:<script>alert(1)</script>"})
	if query(page.doc, ".app-flash") != nil {
		t.Error("an unknown flash key was shown")
	}
}
