package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/org"
	"rathaus/internal/plainlang"
)

// plainStaff is a user with a role in the organisation tree.
func (e *testEnv) plainStaff(email string) *account.User {
	e.t.Helper()
	ctx := context.Background()
	root := &org.Org{Kind: org.KindGroup, Slug: "stadt-" + strings.Split(email, "@")[0], Name: "Stadt"}
	if err := e.srv.opts.Orgs.Create(ctx, root); err != nil {
		e.t.Fatal(err)
	}
	u := e.user(email, false)
	if _, err := e.srv.opts.Orgs.Grant(ctx, nil, u.ID, org.RoleCaseWorker, root.ID); err != nil {
		e.t.Fatal(err)
	}
	return u
}

const plainSample = "Die Antragstellung ist fernmündlich möglich. Ihr Antrag wird innerhalb von drei Wochen bearbeitet."

func TestPlainLangAPI(t *testing.T) {
	e := newEnv(t, withOrgs, func(o *Options) { o.MaxBodyBytes = 1 << 20 })
	doc := loadOpenAPI(t)
	body := `{"text":"` + plainSample + `"}`
	v := e.check(doc, apiCall{method: "POST", path: "/api/v1/plain-language/check", body: body}, 200).(map[string]any)
	if v["verdict_label"] == "" || v["language"] != "de" {
		t.Errorf("got %v, want a German report with a verdict", v)
	}
	kinds := map[string]string{}
	for _, f := range v["findings"].([]any) {
		m := f.(map[string]any)
		kinds[m["kind"].(string)] = m["message"].(string) + " | " + m["suggestion"].(string)
	}
	if got := kinds["officialese"]; !strings.Contains(got, "Amtsdeutsch") || !strings.Contains(got, "telefonisch") {
		t.Errorf("officialese: got %q, want a German message with the alternative „telefonisch“", got)
	}
	if _, ok := kinds["passive"]; !ok {
		t.Errorf("got findings %v, want the passive", kinds)
	}

	// Messages in English by Accept-Language, and by the lang field.
	for _, c := range []apiCall{
		{method: "POST", path: "/api/v1/plain-language/check", body: body, lang: "en"},
		{method: "POST", path: "/api/v1/plain-language/check", body: `{"text":"` + plainSample + `","lang":"en"}`},
	} {
		v = e.check(doc, c, 200).(map[string]any)
		if s := v["summary"].(string); !strings.Contains(s, "Reading ease") {
			t.Errorf("summary: got %q, want English", s)
		}
	}

	// Leichte Sprache rules only when asked.
	easy := e.check(doc, apiCall{method: "POST", path: "/api/v1/plain-language/check", body: `{"text":"Sie brauchen keinen Termin.","easy":true}`}, 200).(map[string]any)
	if !strings.Contains(easy["findings"].([]any)[0].(map[string]any)["kind"].(string), "easy_negation") {
		t.Errorf("easy: got %v, want easy_negation", easy["findings"])
	}

	// Bad input: a translated error.
	long := `{"text":"` + strings.Repeat("Wort ", maxPlainText/5+1) + `"}`
	v = e.check(doc, apiCall{method: "POST", path: "/api/v1/plain-language/check", body: long}, 413).(map[string]any)
	if msg := v["error"].(map[string]any)["message"].(string); !strings.Contains(msg, "zu lang") {
		t.Errorf("too long: got %q, want the German message", msg)
	}
	v = e.check(doc, apiCall{method: "POST", path: "/api/v1/plain-language/check", body: long, lang: "en"}, 413).(map[string]any)
	if msg := v["error"].(map[string]any)["message"].(string); !strings.Contains(msg, "too long") {
		t.Errorf("too long: got %q, want the English message", msg)
	}
	e.check(doc, apiCall{method: "POST", path: "/api/v1/plain-language/check", body: `{"text":1}`}, 400)
	e.check(doc, apiCall{method: "POST", path: "/api/v1/plain-language/check", body: `{"text":"x","extra":1}`}, 400)
	e.check(doc, apiCall{method: "POST", path: "/api/v1/plain-language/check", body: body, contentType: "text/plain"}, 415)
}

// TestPlainLangOffsetsInJSON: start and end count code points, so a
// client slicing by code points gets the excerpt despite umlauts.
func TestPlainLangOffsetsInJSON(t *testing.T) {
	e := newEnv(t)
	text := "Über Änderungen für Öffnungszeiten: Bringen Sie ein Lichtbild mit."
	_, v, _ := e.api(apiCall{method: "POST", path: "/api/v1/plain-language/check", body: `{"text":"` + text + `"}`})
	for _, f := range v.(map[string]any)["findings"].([]any) {
		m := f.(map[string]any)
		if m["kind"] != "officialese" {
			continue
		}
		start, end := int(m["start"].(float64)), int(m["end"].(float64))
		if got := string([]rune(text)[start:end]); got != "Lichtbild" {
			t.Errorf("code points [%d,%d): got %q, want Lichtbild", start, end, got)
		}
		return
	}
	t.Error("no officialese finding for Lichtbild")
}

func TestPlainLangPage(t *testing.T) {
	e := newEnv(t, withOrgs, func(o *Options) { o.MaxBodyBytes = 1 << 20 })
	wantStatus(t, e.get("/amt/sprache"), http.StatusSeeOther)
	wantStatus(t, e.get("/amt/sprache", e.login(e.user("buerger@example.org", false))), http.StatusForbidden)
	staff := e.login(e.plainStaff("sachbearbeitung@example.org"))

	res := e.get("/amt/sprache", staff)
	wantStatus(t, res, 200)
	if query(res.doc, "form[action='/amt/sprache'][method=post] textarea#field-text") == nil || query(res.doc, "input#field-easy[type=checkbox]") == nil {
		t.Fatal("no form with the text and the Leichte Sprache checkbox")
	}

	res = e.postForm("/amt/sprache", url.Values{"text": {plainSample}}, staff)
	wantStatus(t, res, 200)
	if got := text(query(res.doc, "#ergebnis .kern-alert .kern-title")); got != "Der Text könnte verständlicher sein" {
		t.Errorf("verdict: got %q", got)
	}
	if got := text(query(res.doc, "#ergebnis ol")); !strings.Contains(got, "Amtsdeutsch „Antragstellung“") || !strings.Contains(got, "Einfacher: „Antrag, Sie beantragen“.") {
		t.Errorf("findings: got %q", got)
	}
	marks := texts(res.doc, "#ergebnis .app-mail mark")
	if len(marks) == 0 || marks[0] != "Antragstellung" {
		t.Errorf("marks: got %q, want Antragstellung first", marks)
	}
	if query(res.doc, "textarea#field-text") == nil || !strings.Contains(text(query(res.doc, "textarea#field-text")), "fernmündlich") {
		t.Error("the text is not kept in the form")
	}

	// Leichte Sprache by the checkbox; a reply form's button names its field.
	res = e.postForm("/amt/sprache", url.Values{"text": {"Sie brauchen keinen Termin."}, "easy": {"1"}}, staff)
	if got := text(query(res.doc, "#ergebnis ol")); !strings.Contains(got, "Verneinung „keinen“") {
		t.Errorf("easy: got %q", got)
	}
	res = e.postForm("/amt/sprache", url.Values{"message": {"Sie brauchen keinen Termin."}, "plainlang_field": {"message:easy"}, "version": {"3"}}, staff)
	if got := text(query(res.doc, "#ergebnis ol")); !strings.Contains(got, "Verneinung „keinen“") {
		t.Errorf("reply form button: got %q", got)
	}

	// Bad input: translated errors, linked to the field.
	res = e.postForm("/amt/sprache", url.Values{"text": {"  "}}, staff)
	wantStatus(t, res, http.StatusBadRequest)
	if got := text(query(res.doc, "#error-summary a[href='#field-text']")); got != "Geben Sie den Text ein, den Sie prüfen möchten." {
		t.Errorf("empty: got %q", got)
	}
	long := url.Values{"text": {strings.Repeat("Wort ", maxPlainText/5+1)}}
	res = e.postForm("/amt/sprache", long, staff)
	wantStatus(t, res, http.StatusBadRequest)
	if got := text(query(res.doc, "#error-summary a[href='#field-text']")); !strings.Contains(got, "zu lang") {
		t.Errorf("too long: got %q", got)
	}
	res = e.postForm("/amt/sprache", long, staff, &http.Cookie{Name: "lang", Value: "en"})
	if got := text(query(res.doc, "#error-summary a[href='#field-text']")); !strings.Contains(got, "too long") {
		t.Errorf("too long in English: got %q", got)
	}
}

// TestPlainLangTranslations: every kind, band, verdict and severity has
// its texts in both languages.
func TestPlainLangTranslations(t *testing.T) {
	e := newEnv(t)
	var keys []string
	for _, k := range plainlang.Kinds {
		keys = append(keys, "plainlang.finding."+string(k), "plainlang.hint."+string(k))
	}
	for _, b := range []plainlang.Band{plainlang.BandVeryEasy, plainlang.BandEasy, plainlang.BandFairlyEasy, plainlang.BandMedium,
		plainlang.BandFairlyHard, plainlang.BandHard, plainlang.BandVeryHard} {
		keys = append(keys, "plainlang.band."+string(b))
	}
	for _, v := range []plainlang.Verdict{plainlang.VerdictGood, plainlang.VerdictClearer, plainlang.VerdictHard, plainlang.VerdictEmpty, plainlang.VerdictNotGerman} {
		keys = append(keys, "plainlang.verdict."+string(v))
	}
	for _, s := range []plainlang.Severity{plainlang.SeverityInfo, plainlang.SeverityWarning, plainlang.SeverityStrong} {
		keys = append(keys, "plainlang.severity."+string(s))
	}
	for g := 4; g <= 15; g++ {
		keys = append(keys, gradeKey(g))
	}
	for _, k := range keys {
		if !e.srv.tr.Has(k) {
			t.Errorf("key %q is missing", k)
		}
	}
}

// TestPlainLangInEditorAndPreview: the catalogue editor marks its
// text fields for the live check and its preview shows the reports, so
// writers without JavaScript see them too.
func TestPlainLangInEditorAndPreview(t *testing.T) {
	e := newEditEnv(t, false)
	res := e.get(e.editPath(), e.editor)
	wantStatus(t, res, 200)
	for _, sel := range []string{"textarea#field-summary[data-plainlang]", "textarea#field-description[data-plainlang]",
		"textarea#field-easy_language[data-plainlang][data-plainlang-easy]"} {
		if query(res.doc, sel) == nil {
			t.Errorf("no %s in the editor", sel)
		}
	}
	if query(res.doc, "textarea#field-summary[data-plainlang-easy]") != nil || query(res.doc, "textarea#field-keywords[data-plainlang]") != nil {
		t.Error("fields that are no prose, or not in Leichte Sprache, are marked")
	}
	if !strings.Contains(res.body, `<script src="/static/plainlang.`) {
		t.Error("the page does not load plainlang.js")
	}

	v := e.form(func(v url.Values) {
		v.Set("description", plainSample)
		v.Set("easy_language", "Sie brauchen keinen Termin.")
	})
	res = e.postForm("/admin/catalog/preview", v, e.editor)
	wantStatus(t, res, 200)
	if got := text(query(res.doc, "h2#plainlang-description")); got != "Verständlichkeit: Beschreibung" {
		t.Errorf("description heading: got %q", got)
	}
	if got := text(query(res.doc, "section[aria-labelledby=plainlang-description] ol")); !strings.Contains(got, "Amtsdeutsch „Antragstellung“") {
		t.Errorf("description findings: got %q", got)
	}
	if got := text(query(res.doc, "section[aria-labelledby=plainlang-easy_language] ol")); !strings.Contains(got, "Verneinung „keinen“") {
		t.Errorf("Leichte Sprache findings: got %q", got)
	}
	if query(res.doc, "section[aria-labelledby=plainlang-summary]") == nil {
		t.Error("no report of the summary")
	}
}

// TestPlainLangInReplyForms: the case worker's message to the citizen
// and the official answer to an idea are marked for the live check and
// have the button that checks the text on /amt/sprache without
// JavaScript; the button's field reaches the page.
func TestPlainLangInReplyForms(t *testing.T) {
	ce := newCasesEnv(t)
	c := ce.submitParking(t)
	worker := ce.login(ce.worker)
	res := ce.get(csPath(c.ID), worker)
	wantStatus(t, res, 200)
	if query(res.doc, "form textarea#field-message[data-plainlang]") == nil {
		t.Error("case mailbox: the message field is not marked for the check")
	}
	if query(res.doc, "nav a[href='/amt/sprache']") == nil {
		t.Error("a case worker's navigation has no link to the plain-language check")
	}
	if query(res.doc, "form button[formaction='/amt/sprache'][name=plainlang_field][value=message][formtarget=_blank]") == nil {
		t.Error("case mailbox: no button to check the message")
	}
	res = ce.postForm("/amt/sprache", url.Values{"message": {plainSample}, "plainlang_field": {"message"}}, worker)
	wantStatus(t, res, 200)
	if query(res.doc, "#ergebnis") == nil {
		t.Error("a case worker gets no report on /amt/sprache")
	}

	pe := newParticipationEnv(t)
	answerer := pe.login(pe.answerer)
	res = pe.get(psIdeaPath(pe.ideas["radweg"]), answerer)
	wantStatus(t, res, 200)
	if query(res.doc, "form#answer-form textarea#field-answer[data-plainlang]") == nil {
		t.Error("idea answer: the answer field is not marked for the check")
	}
	if query(res.doc, "form#answer-form button[formaction='/amt/sprache'][value=answer]") == nil {
		t.Error("idea answer: no button to check the answer")
	}
}
