package web

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestAssistantStartPage: the intro says it is an automated assistant
// (EU AI Act, Art. 50), that it answers only from the service
// descriptions and gives no legal advice, how long a conversation is kept
// and how to reach a human, above a labelled question form.
func TestAssistantStartPage(t *testing.T) {
	e := newAssistantEnv(t, true)
	for _, tc := range []struct{ lang, want []string }{
		{[]string{"de"}, []string{"automatischen Assistenten", "Artikel 50", "Leistungsbeschreibungen", "keine Rechtsberatung", "24 Stunden", "115"}},
		{[]string{"en"}, []string{"automated assistant", "Article 50", "service descriptions", "no legal advice", "24 hours", "115"}},
	} {
		r := newRequest("GET", "/frag-die-stadt", tc.lang[0])
		res := e.do(r)
		wantStatus(t, res, 200)
		main := text(query(res.doc, "main"))
		for _, w := range tc.want {
			if !strings.Contains(main, w) {
				t.Errorf("%s: the intro does not say %q", tc.lang[0], w)
			}
		}
		if query(res.doc, "form[action='/frag-die-stadt'][method=post] textarea#field-question[name=question]") == nil ||
			query(res.doc, "label[for=field-question]") == nil {
			t.Errorf("%s: no labelled question form", tc.lang[0])
		}
	}
}

// TestAssistantAskFollowUpAndFeedback: a question redirects to the
// conversation, whose page shows the answer with footnote links to
// numbered, quoted sources, the service with its LeiKa key and the next
// steps; a follow-up keeps the context; the rating shows a thanks.
func TestAssistantAskFollowUpAndFeedback(t *testing.T) {
	e := newAssistantEnv(t, true)
	page, id := e.askOK("Was kostet ein neuer Personalausweis?", "")
	turn := query(page.doc, "article#antwort-1-turn")
	if turn == nil {
		t.Fatalf("no first turn on the page:\n%.3000s", page.body)
	}
	if !strings.Contains(text(turn), "Was kostet ein neuer Personalausweis?") {
		t.Error("the turn does not repeat the question")
	}
	if !strings.Contains(text(turn), "37,00") {
		t.Errorf("the answer does not quote the fee: %s", text(turn))
	}
	refs := queryAll(turn, ".app-assistant-answer sup a")
	if len(refs) == 0 {
		t.Fatal("no footnote links in the answer")
	}
	for _, a := range refs {
		href, _ := attr(a, "href")
		if !strings.HasPrefix(href, "#quelle-1-") {
			t.Fatalf("footnote link to %q", href)
		}
		src := query(turn, "li"+href)
		if src == nil {
			t.Fatalf("footnote %s points nowhere", href)
		}
		bq := query(src, "blockquote[cite]")
		if bq == nil || strings.TrimSpace(text(bq)) == "" {
			t.Errorf("source %s has no quoted passage", href)
		}
		if cite, _ := attr(bq, "cite"); !strings.HasPrefix(cite, serviceURL(e.ids["perso"])) {
			t.Errorf("source %s cites %q, want the Personalausweis page", href, cite)
		}
	}
	if !strings.Contains(text(turn), "99102013001000") {
		t.Error("the service's LeiKa key is not shown")
	}
	if query(turn, "a.kern-btn[href='https://termine.jena.example/ausweis']") == nil {
		t.Error("no appointment button for the Personalausweis")
	}
	if query(page.doc, "head meta[name=robots][content=noindex]") == nil {
		t.Error("a conversation page may be indexed by search engines")
	}
	if query(turn, "form.app-assistant-rating button[value=ja]") == nil {
		t.Error("no feedback form under the answer")
	}

	page, id2 := e.askOK("Welche Unterlagen brauche ich dafür?", id)
	if id2 != id {
		t.Fatalf("the follow-up went to conversation %s, want %s", id2, id)
	}
	second := query(page.doc, "article#antwort-2-turn")
	if second == nil || !strings.Contains(text(second), "Passfoto") {
		t.Fatalf("the follow-up does not answer about the Personalausweis's documents: %s", text(second))
	}
	if n := len(queryAll(page.doc, "article.app-assistant-turn")); n != 2 {
		t.Errorf("%d turns on the page, want 2", n)
	}

	res := e.postForm("/frag-die-stadt/"+id+"/rueckmeldung", url.Values{"turn": {"1"}, "hilfreich": {"ja"}})
	wantStatus(t, res, 303)
	if loc := res.Header.Get("Location"); loc != "/frag-die-stadt/"+id+"#antwort-1" {
		t.Errorf("after the rating to %q", loc)
	}
	page = e.get("/frag-die-stadt/" + id)
	if query(page.doc, "#antwort-1-turn .app-assistant-thanks") == nil {
		t.Error("no thanks after the rating")
	}
	if query(page.doc, "#antwort-1-turn form.app-assistant-rating") != nil {
		t.Error("the rated answer still offers the rating")
	}
	if query(page.doc, "#antwort-2-turn form.app-assistant-rating") == nil {
		t.Error("the second answer lost its rating form")
	}
	res = e.postForm("/frag-die-stadt/"+id+"/rueckmeldung", url.Values{"turn": {"1"}, "hilfreich": {"vielleicht"}})
	wantStatus(t, res, 400)
}

// TestAssistantBadQuestion: an empty or too long question comes back with
// a translated error summary linking to the field, the text kept, and
// nothing stored.
func TestAssistantBadQuestion(t *testing.T) {
	e := newAssistantEnv(t, true)
	for _, q := range []string{"   ", strings.Repeat("Personalausweis ", 40)} {
		res := e.ask(q, "")
		wantStatus(t, res, 400)
		if query(res.doc, "#error-summary a[href='#field-question']") == nil {
			t.Fatalf("no error summary linking to the question:\n%.2000s", res.body)
		}
		if ta := query(res.doc, "textarea#field-question[aria-invalid=true]"); ta == nil || text(ta) != strings.Join(strings.Fields(q), " ") {
			t.Errorf("the question was not kept")
		}
	}
	_, id := e.askOK("Hund anmelden", "")
	res := e.ask("", id)
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href='#field-question']") == nil || query(res.doc, "#antwort-1-turn") == nil {
		t.Errorf("an empty follow-up does not come back on the conversation with an error")
	}
	if conv, _ := e.asst.Conversation(t.Context(), id); len(conv.Answers) != 1 {
		t.Errorf("%d answers after the bad follow-up, want 1", len(conv.Answers))
	}
}

// TestAssistantHandOver: with the Bürgerservice's queue configured, the
// form wants consent and an address, then sends the transcript and shows
// the reference; without one, the page names the phone and the offices.
func TestAssistantHandOver(t *testing.T) {
	e := newAssistantEnv(t, true)
	_, id := e.askOK("Was kostet die Hundesteuer?", "")
	path := "/frag-die-stadt/" + id
	res := e.postForm(path+"/mensch", url.Values{"email": {"erika@example.org"}})
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href='#field-consent']") == nil {
		t.Errorf("no consent error")
	}
	if v, _ := attr(query(res.doc, "#field-email"), "value"); v != "erika@example.org" {
		t.Errorf("the address was not kept: %q", v)
	}
	res = e.postForm(path+"/mensch", url.Values{"email": {"keine-adresse"}, "consent": {"ja"}})
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href='#field-email']") == nil {
		t.Errorf("no error for a bad address")
	}
	if n := len(e.inbox.handovers()); n != 0 {
		t.Fatalf("%d handovers after bad input", n)
	}
	res = e.postForm(path+"/mensch", url.Values{"name": {"Erika"}, "email": {"erika@example.org"},
		"note": {"Ich habe zwei Hunde."}, "consent": {"ja"}})
	wantStatus(t, res, 303)
	hs := e.inbox.handovers()
	if len(hs) != 1 || hs[0].Contact.Email != "erika@example.org" || !strings.Contains(hs[0].Transcript, "Hundesteuer") {
		t.Fatalf("handovers = %+v", hs)
	}
	page := e.get(path, cookie(res, flashCookie))
	if !strings.Contains(text(query(page.doc, "main")), "BS-2026-0001") {
		t.Error("the page does not show the reference")
	}
	if query(page.doc, "form.app-assistant-handover") != nil {
		t.Error("the handover form is still offered")
	}

	e = newAssistantEnv(t, false)
	page, id = e.askOK("Was kostet die Hundesteuer?", "")
	if query(page.doc, "form.app-assistant-handover") != nil {
		t.Error("a handover form without a queue")
	}
	if query(page.doc, "#mensch") == nil || !strings.Contains(text(query(page.doc, "main")), "115") ||
		query(page.doc, "main a[href='/standorte']") == nil {
		t.Error("without a queue, the page does not name the phone and the offices")
	}
	res = e.postForm("/frag-die-stadt/"+id+"/mensch", url.Values{"email": {"erika@example.org"}, "consent": {"ja"}})
	wantStatus(t, res, 404)
}

// TestAssistantGone: an unknown or expired conversation is a friendly 404
// with the way to start again.
func TestAssistantGone(t *testing.T) {
	e := newAssistantEnv(t, true)
	_, id := e.askOK("Wohnsitz anmelden", "")
	for _, path := range []string{"/frag-die-stadt/gibt-es-nicht", "/frag-die-stadt/" + id} {
		if path != "/frag-die-stadt/gibt-es-nicht" {
			e.clock.Set(testNow.Add(25 * time.Hour))
		}
		res := e.get(path)
		wantStatus(t, res, 404)
		if query(res.doc, "main a[href='/frag-die-stadt']") == nil {
			t.Errorf("%s: no way to start again", path)
		}
		res = e.postForm(path+"/rueckmeldung", url.Values{"turn": {"1"}, "hilfreich": {"ja"}})
		wantStatus(t, res, 404)
	}
}

// TestAssistantLinked: the home page and the service search lead to the
// assistant.
func TestAssistantLinked(t *testing.T) {
	e := newAssistantEnv(t, false)
	for _, path := range []string{"/", "/leistungen", "/leistungen?q=xyzzy"} {
		res := e.get(path)
		wantStatus(t, res, 200)
		if query(res.doc, "main a[href='/frag-die-stadt']") == nil {
			t.Errorf("%s does not link the assistant", path)
		}
	}
}

// TestAssistantHandOverSignedIn: a signed-in citizen is answered through
// the account, so the form asks for no address.
func TestAssistantHandOverSignedIn(t *testing.T) {
	e := newAssistantEnv(t, true)
	u := e.user("kim@example.org", false)
	c := e.login(u)
	res := e.postForm("/frag-die-stadt", url.Values{"question": {"Wohnsitz anmelden"}}, c)
	wantStatus(t, res, 303)
	path, _, _ := strings.Cut(res.Header.Get("Location"), "#")
	page := e.get(path, c)
	if query(page.doc, "form.app-assistant-handover #field-email") != nil ||
		!strings.Contains(text(query(page.doc, "form.app-assistant-handover")), "kim@example.org") {
		t.Error("the signed-in citizen is asked for an address")
	}
	res = e.postForm(path+"/mensch", url.Values{"consent": {"ja"}}, c)
	wantStatus(t, res, 303)
	hs := e.inbox.handovers()
	if len(hs) != 1 || hs[0].Contact.UserID == nil || *hs[0].Contact.UserID != u.ID || hs[0].Contact.Email != u.Email {
		t.Fatalf("handovers = %+v", hs)
	}
}

// TestAssistantRetentionWords: the intro says how long conversations are
// kept, in the page's language.
func TestAssistantRetentionWords(t *testing.T) {
	e := newAssistantEnv(t, false)
	for _, tc := range []struct {
		d      time.Duration
		de, en string
	}{
		{0, "nach 24 Stunden", "after 24 hours"},
		{30 * 24 * time.Hour, "nach 30 Tagen", "after 30 days"},
		{36 * time.Hour, "nach 36 Stunden", "after 36 hours"},
		{time.Hour, "nach einer Stunde", "after one hour"},
	} {
		e.asst.Retention = tc.d
		for lang, want := range map[string]string{"de": tc.de, "en": tc.en} {
			res := e.do(newRequest("GET", "/frag-die-stadt", lang))
			if got := text(query(res.doc, "main")); !strings.Contains(got, want) {
				t.Errorf("retention %v, %s: the intro does not say %q", tc.d, lang, want)
			}
		}
	}
}

// TestAssistantQuotesListsAsLists: the documents a service lists are
// quoted as a list, with the footnote once after the last line.
func TestAssistantQuotesListsAsLists(t *testing.T) {
	e := newAssistantEnv(t, false)
	page, _ := e.askOK("Was muss ich für den Personalausweis mitbringen?", "")
	list := query(page.doc, "article#antwort-1-turn .app-assistant-answer ul.app-assistant-quoted[lang=de]")
	if list == nil {
		t.Fatalf("no quoted list in the answer:\n%.3000s", page.body)
	}
	items := queryAll(list, "li")
	if len(items) != 2 || !strings.Contains(text(items[0]), "Biometrisches Passfoto") || !strings.Contains(text(items[1]), "Bisheriger Ausweis") {
		t.Errorf("the list holds %d items: %s", len(items), text(list))
	}
	if n := len(queryAll(list, "sup a")); n != 1 || query(items[len(items)-1], "sup a") == nil {
		t.Errorf("the list has %d footnotes, want one after its last line", n)
	}
}
