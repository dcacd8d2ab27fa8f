package e2e

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rathaus/internal/browsertest"
	"rathaus/internal/demo"
	"rathaus/internal/mail/smtptest"
)

// TestApplicationFlow walks a whole online application in Chromium on the
// wired product with the demo city, on every engine: the demo citizen
// applies for a residents' parking permit from the service page, page by
// page, uploads the vehicle registration, checks her answers, submits and
// gets the reference, the receipt and the GiroCode; the demo case worker
// finds the case in the queue, asks for a document, the citizen answers
// in the mailbox with a file, the worker resumes, approves (a decision
// PDF) and closes, and the citizen sees the decision. axe-core checks
// every page of both flows.
func TestApplicationFlow(t *testing.T) {
	eachEngine(t, func(t *testing.T, dbURL string) {
		a := start(t, dbURL, true)
		scan := filepath.Join(t.TempDir(), "fahrzeugschein.pdf")
		if err := os.WriteFile(scan, []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		citizen := browsertest.New(t)
		citizen.BaseURL = a.URL
		if got := login(citizen, "buergerin"+demo.Domain, demo.Password); got != http.StatusOK {
			t.Fatalf("citizen login: %d", got)
		}
		ref, status := apply(t, a, citizen, scan)

		worker := browsertest.New(t)
		worker.BaseURL = a.URL
		if got := login(worker, "sachbearbeitung"+demo.Domain, demo.Password); got != http.StatusOK {
			t.Fatalf("worker login: %d", got)
		}
		worker.Navigate("/amt/antraege?q=" + ref)
		worker.Axe()
		worker.ClickAndWait("main table a[href^='/amt/antraege/']")
		worker.Axe()
		casePage := path(worker, a.URL)
		step(t, worker, "start")
		worker.Fill("#field-note_ask", "Bitte laden Sie auch die Rückseite des Fahrzeugscheins hoch.")
		step(t, worker, "ask")
		worker.Axe()

		// The citizen hears that there is news, without the question.
		m := a.SMTP.WaitFor(t, func(m smtptest.Message) bool {
			return smtptest.To("buergerin"+demo.Domain)(m) && strings.Contains(m.Subject, ref) && !strings.Contains(m.Subject, "eingegangen")
		}, 15*time.Second)
		if strings.Contains(m.Text, "Rückseite") {
			t.Errorf("the news mail carries the request: %q", m.Text)
		}
		citizen.Navigate(status)
		if !citizen.Exists("#rueckfrage") || !strings.Contains(citizen.Text("#rueckfrage"), "Rückseite") {
			t.Fatalf("the status page does not show the request")
		}
		citizen.Axe()
		citizen.Fill("#field-nachricht", "Hier ist die Rückseite.")
		citizen.Upload("#field-dateien", scan)
		citizen.ClickAndWait("form[action$='/nachrichten'] button[type=submit]")
		citizen.Axe()
		if !strings.Contains(citizen.Text("main"), "Hier ist die Rückseite.") {
			t.Errorf("the message is not in the mailbox")
		}

		worker.Navigate(casePage)
		if !strings.Contains(worker.Text("main"), "Hier ist die Rückseite.") {
			t.Errorf("the worker does not see the citizen's reply")
		}
		for _, action := range []string{"resume", "approve"} {
			step(t, worker, action)
		}
		worker.Axe()
		step(t, worker, "close")
		worker.Axe()

		citizen.Navigate(status)
		citizen.Axe()
		if !strings.Contains(strings.Join(citizen.Texts("main a[href*='/dateien/']"), " "), "Bescheid") {
			t.Fatalf("the citizen sees no decision document")
		}
		if got := citizen.Text("#status"); got != "Abgeschlossen" {
			t.Errorf("state shown to the citizen = %q, want Abgeschlossen", got)
		}
		noScriptErrors(t, citizen)
		noScriptErrors(t, worker)
	})
}

// apply fills the demo's residents' parking form as the logged-in citizen
// and returns the reference and the status page's path.
func apply(t *testing.T, a *app, b *browsertest.Browser, scan string) (ref, status string) {
	t.Helper()
	b.Navigate(serviceURL(t, a, "bewohnerparkausweis"))
	b.Axe()
	b.ClickAndWait("main a[href^='/antrag/']")
	b.Axe()
	if b.Exists("#field-profil") {
		b.Click("#field-profil")
	}
	start := path(b, a.URL)
	submit(b, "main form[action='"+start+"']")
	next := func() {
		t.Helper()
		b.ClickAndWait("form.app-form button[value=weiter]")
		b.Axe()
	}
	// Residence: the name comes from the account; the address is new.
	b.Axe()
	next() // nothing filled in: errors, linked from the summary
	if !b.Exists("#error-summary a[href^='#field-address']") {
		t.Errorf("no error for the missing street: %s", b.Text("#error-summary"))
	}
	if b.Attr("#field-name", "value") == "" {
		b.Fill("#field-name", "Erika Mustermann")
	}
	b.Fill("#field-address\\.street", "Löbdergraben")
	b.Fill("#field-address\\.house_number", "12")
	b.Fill("#field-address\\.postal_code", "07743")
	b.Fill("#field-address\\.city", "Jena")
	choose(t, b, "input[name=zone][value=a]")
	choose(t, b, "input[name=residence_kind][value=main]")
	next()
	b.Fill("#field-plate", "J-AB 123")
	choose(t, b, "input[name=vehicle_use][value=own]")
	next()
	b.Upload("input[type=file]", scan)
	next()
	b.Fill("#field-months", "12")
	next()
	choose(t, b, "input[name=pay_by][value=transfer]")
	next()
	if b.Attr("#field-email", "value") == "" {
		b.Fill("#field-email", "buergerin"+demo.Domain)
	}
	next()
	if !strings.Contains(b.Text("main"), "fahrzeugschein.pdf") || !strings.Contains(b.Text("main"), "J-AB 123") {
		t.Fatalf("check page lacks the answers: %s", b.URL())
	}
	b.Click("#field-erklaerung")
	b.ClickAndWait("form.app-form button[type=submit]")
	if !b.Exists("#aktenzeichen") {
		t.Fatalf("no confirmation: %s", b.URL())
	}
	b.Axe()
	ref = b.Text("#aktenzeichen")
	if !strings.HasPrefix(ref, "JENA-") {
		t.Errorf("reference %q", ref)
	}
	qr := b.Attr("img.app-qr", "src")
	if qr == "" || b.Attr("img.app-qr", "alt") == "" {
		t.Fatal("no GiroCode with a text alternative on the confirmation")
	}
	if got := fetchInBrowser(t, b, qr); !strings.Contains(got, "<svg") {
		t.Errorf("the GiroCode is not an SVG: %.80q", got)
	}
	if got := fetchInBrowser(t, b, b.Attr("a[href$='/quittung.pdf']", "href")); !strings.HasPrefix(got, "%PDF-") {
		t.Errorf("the receipt is not a PDF: %.20q", got)
	}
	status = b.Attr("a[href^='/antraege/']:not([href$='.pdf'])", "href")
	b.Navigate(status)
	b.Axe()
	return ref, status
}

// choose clicks a radio button or checkbox and makes sure it took: a
// click that lands while the page still moves is lost.
func choose(t *testing.T, b *browsertest.Browser, sel string) {
	t.Helper()
	checked := func() bool { return eval[bool](b, `document.querySelector(`+jsString(sel)+`).checked`) }
	for range 3 {
		b.Click(sel)
		if checked() {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s does not get checked", sel)
}

// step clicks the button of the workflow action on the worker's case page.
func step(t *testing.T, b *browsertest.Browser, action string) {
	t.Helper()
	b.ClickAndWait("form:has(input[name=action][value=" + action + "]) button[type=submit]")
	if b.Exists("#error-summary") || b.Exists("#conflict") {
		t.Fatalf("step %s refused: %s", action, b.Text("main"))
	}
}

// fetchInBrowser loads url with the browser's cookies and returns the
// start of the body as text.
func fetchInBrowser(t *testing.T, b *browsertest.Browser, url string) string {
	t.Helper()
	return eval[string](b, `(() => { const x = new XMLHttpRequest(); x.open("GET", `+jsString(url)+`, false);
		x.overrideMimeType("text/plain; charset=x-user-defined"); x.send(); return x.responseText.slice(0, 200) })()`)
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
