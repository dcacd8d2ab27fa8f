package e2e

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/browsertest"
	svccatalog "rathaus/internal/catalog"
	"rathaus/internal/demo"
	"rathaus/internal/mail/smtptest"
)

// TestAppointmentFlow books an ID card appointment as a citizen would:
// from the service page through the office and the week of free slots to
// the data form, confirms it by the link in the mail the real SMTP server
// received, takes the calendar file, and cancels by the link in the
// confirmation mail. On every engine, with JavaScript and without.
func TestAppointmentFlow(t *testing.T) {
	eachEngine(t, func(t *testing.T, dbURL string) {
		a := start(t, dbURL, false)
		t.Run("javascript", func(t *testing.T) { bookingFlow(t, a, true) })
		t.Run("no-javascript", func(t *testing.T) { bookingFlow(t, a, false) })
	})
}

func bookingFlow(t *testing.T, a *app, js bool) {
	b := browsertest.New(t)
	b.BaseURL = a.URL
	if !js {
		disableScripts(t, b)
	}
	email := "erika." + strings.ReplaceAll(strings.ToLower(t.Name()), "/", ".") + "@example.org"
	wantH1 := func(key string) {
		t.Helper()
		if got, want := b.Text("h1"), tr("de", key); got != want {
			t.Fatalf("h1 = %q, want %q (page %s)", got, want, path(b, a.URL))
		}
	}

	b.Navigate(serviceURL(t, a, "personalausweis"))
	b.ClickAndWait("a#termin-buchen")
	wantH1("appointment.offers.title")
	b.ClickAndWait(".app-office a.kern-btn--secondary") // all free times of the earliest office
	wantH1("appointment.slots.title")
	if js {
		b.Screenshot("slots")
	}
	when := b.Attr(".app-times a", "aria-label")
	b.ClickAndWait(".app-times a")
	wantH1("appointment.form.title")
	b.Fill("#field-name", "Erika Mustermann")
	b.Fill("#field-email", email)
	if got := submit(b, "main form[action='/termine/buchen']"); got != http.StatusOK {
		t.Fatalf("status after booking = %d", got)
	}
	wantH1("appointment.sent.title")

	b.Navigate(mailLink(t, a, email, "/termine/bestaetigen?t="))
	wantH1("appointment.confirm.title")
	submit(b, "main form[action='/termine/bestaetigen']")
	wantH1("appointment.confirmed.title")
	if js {
		b.Screenshot("confirmed")
	}
	code := b.Text(".app-code__value")
	if len(code) != 7 || !strings.HasPrefix(b.Text(".app-booking__when"), strings.SplitN(when, ",", 2)[0]) {
		t.Errorf("confirmation shows code %q for %q, chosen %q", code, b.Text(".app-booking__when"), when)
	}
	calendarFile(t, a.URL+b.Attr("a[download]", "href"), code)

	manage := mailLink(t, a, email, "/termine/verwalten?t=")
	b.Navigate(manage)
	wantH1("appointment.manage.title")
	b.ClickAndWait("#termin-absagen")
	wantH1("appointment.cancel.title")
	submit(b, "main form[action='/termine/absagen']")
	if got, want := b.Text(".app-flash"), tr("de", "appointment.flash.cancelled"); got != want {
		t.Errorf("after cancelling: %q, want %q", got, want)
	}
	a.SMTP.WaitFor(t, func(m smtptest.Message) bool {
		return smtptest.To(email)(m) && strings.Contains(m.Subject, code) && strings.Contains(m.Subject, "abgesagt")
	}, 15*time.Second)
	noScriptErrors(t, b)
}

// serviceURL is the page of a demo service.
func serviceURL(t *testing.T, a *app, key string) string {
	t.Helper()
	services, err := a.DB.FindServices(context.Background(), svccatalog.ServiceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range services {
		if s.ExternalID == key {
			return "/leistungen/" + strconv.FormatInt(s.ID, 10)
		}
	}
	t.Fatalf("no demo service %s", key)
	return ""
}

// mailLink waits for a mail to addr with a link containing part and
// returns that link.
func mailLink(t *testing.T, a *app, addr, part string) string {
	t.Helper()
	has := func(m smtptest.Message) string {
		for _, u := range m.URLs() {
			if strings.Contains(u, part) {
				return u
			}
		}
		return ""
	}
	m := a.SMTP.WaitFor(t, func(m smtptest.Message) bool { return smtptest.To(addr)(m) && has(m) != "" }, 15*time.Second)
	if !strings.Contains(m.Text, "persönlich") && !strings.Contains(m.Text, "personal") {
		t.Errorf("mail %q does not say the link is personal", m.Subject)
	}
	return has(m)
}

// calendarFile downloads the booking's calendar file.
func calendarFile(t *testing.T, url, code string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if got := res.Header.Get("Content-Type"); got != "text/calendar; charset=utf-8" {
		t.Errorf("calendar file type %q", got)
	}
	if got := res.Header.Get("Content-Disposition"); !strings.Contains(got, "termin-"+code+".ics") {
		t.Errorf("calendar file disposition %q", got)
	}
	for _, want := range []string{"BEGIN:VEVENT", "DTSTART:", "Personalausweis", code} {
		if !strings.Contains(strings.ReplaceAll(string(body), "\r\n ", ""), want) {
			t.Errorf("calendar file lacks %q:\n%s", want, body)
		}
	}
}

// TestAppointmentAxe runs axe-core on every page of the booking flow in
// German and English: the choice of services (also with a mistake), the
// offices, a week of slots, the data form (also with mistakes), the
// pages after booking, confirming, managing, cancelling and moving, the
// waiting list and my appointments. Zero violations, one h1, the page's
// language.
func TestAppointmentAxe(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			a := start(t, filepath.Join(t.TempDir(), "axe.db"), lang == "de")
			b := browsertest.New(t, browsertest.WithLanguage(lang))
			b.BaseURL = a.URL
			s := &sweep{b: b, lang: lang}
			perso := strings.TrimPrefix(serviceURL(t, a, "personalausweis"), "/leistungen/")
			s.bookingPages(t, a, perso)
			s.managePages(t, a)
			s.mine(t, perso)
		})
	}
}

// bookingPages walks the booking steps up to the confirmation.
func (s *sweep) bookingPages(t *testing.T, a *app, service string) {
	s.page(t, "/termine", http.StatusOK)
	s.mistake(t, "/termine", "main form[action='/termine/buchen']")
	s.page(t, "/termine/buchen?service="+service, http.StatusOK)
	s.check(t, "week of slots", func(b *browsertest.Browser) int {
		b.Navigate("/termine/buchen?service=" + service)
		return b.ClickAndWait(".app-office a.kern-btn--secondary")
	}, http.StatusOK)
	s.check(t, "waiting list with errors", func(b *browsertest.Browser) int {
		return submit(b, "main form[action='/termine/warteliste']") // no address
	}, http.StatusBadRequest)
	s.check(t, "waiting list joined", func(b *browsertest.Browser) int {
		b.Fill("#field-email", "wait-"+s.lang+"@example.org")
		b.SetValue("#field-before", time.Now().AddDate(0, 0, 20).Format("2006-01-02"))
		return submit(b, "main form[action='/termine/warteliste']")
	}, http.StatusOK)
	s.check(t, "leave the waiting list", func(b *browsertest.Browser) int {
		return b.ClickAndWait("#leave-link")
	}, http.StatusOK)
	s.check(t, "data form", func(b *browsertest.Browser) int {
		b.Navigate("/termine/buchen?service=" + service)
		b.ClickAndWait(".app-office a.kern-btn--primary")
		return http.StatusOK
	}, http.StatusOK)
	s.check(t, "data form with errors", func(b *browsertest.Browser) int {
		return submit(b, "main form[action='/termine/buchen']")
	}, http.StatusBadRequest)
	s.check(t, "check your mail", func(b *browsertest.Browser) int {
		b.Fill("#field-name", "Erika Mustermann")
		b.Fill("#field-email", s.email())
		return submit(b, "main form[action='/termine/buchen']")
	}, http.StatusOK)
	s.check(t, "confirm link", func(b *browsertest.Browser) int {
		return b.Navigate(mailLink(t, a, s.email(), "/termine/bestaetigen?t="))
	}, http.StatusOK)
	s.check(t, "confirmed", func(b *browsertest.Browser) int {
		return submit(b, "main form[action='/termine/bestaetigen']")
	}, http.StatusOK)
	s.page(t, "/termine/verwalten?t=falsch", http.StatusNotFound)
}

func (s *sweep) email() string { return "axe-" + s.lang + "@example.org" }

// managePages follows the management link: manage, move, cancel.
func (s *sweep) managePages(t *testing.T, a *app) {
	manage := mailLink(t, a, s.email(), "/termine/verwalten?t=")
	s.check(t, "manage", func(b *browsertest.Browser) int { return b.Navigate(manage) }, http.StatusOK)
	s.check(t, "move: slots", func(b *browsertest.Browser) int { return b.ClickAndWait("#termin-verschieben") }, http.StatusOK)
	s.check(t, "move: confirm", func(b *browsertest.Browser) int { return b.ClickAndWait(".app-times a") }, http.StatusOK)
	s.check(t, "moved", func(b *browsertest.Browser) int {
		return submit(b, "main form[action='/termine/verschieben']")
	}, http.StatusOK)
	s.check(t, "cancel", func(b *browsertest.Browser) int { return b.ClickAndWait("#termin-absagen") }, http.StatusOK)
	s.check(t, "cancelled", func(b *browsertest.Browser) int {
		return submit(b, "main form[action='/termine/absagen']")
	}, http.StatusOK)
}

// mine books as the logged-in demo citizen, confirmed at once, and checks
// my appointments and the question before cancelling there.
func (s *sweep) mine(t *testing.T, service string) {
	s.logIn(t, "buergerin"+demo.Domain)
	s.check(t, "booked when logged in", func(b *browsertest.Browser) int {
		b.Navigate("/termine/buchen?service=" + service)
		b.ClickAndWait(".app-office a.kern-btn--primary")
		status := submit(b, "main form[action='/termine/buchen']")
		if got := path(b, b.BaseURL); !strings.HasPrefix(got, "/termine/bestaetigt?t=") {
			t.Errorf("booking with the account's verified address leads to %s, want the confirmation", got)
		}
		return status
	}, http.StatusOK)
	s.page(t, "/account/termine", http.StatusOK)
	s.check(t, "cancel from my appointments", func(b *browsertest.Browser) int {
		b.Navigate("/account/termine")
		status := b.ClickAndWait(".app-mine a.kern-btn")
		if !b.Exists("main form[action^='/account/termine/'] button[type=submit]") {
			t.Errorf("no cancel button on %s", path(b, b.BaseURL))
		}
		return status
	}, http.StatusOK)
	logout(t, s.b.For(t))
}
