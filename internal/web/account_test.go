package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/mail"
)

// session returns the session cookie a response set, failing without one.
func sessionOf(t testing.TB, res *response) *http.Cookie {
	t.Helper()
	c := cookie(res, sessionCookie)
	if c == nil || c.Value == "" {
		t.Fatalf("no session cookie set; status %d, location %q", res.StatusCode, res.Header.Get("Location"))
	}
	return c
}

// mailLink returns the path and query of the rathaus link in the newest mail to addr.
func (e *testEnv) mailLink(addr string) string {
	e.t.Helper()
	ms, err := e.db.FindMessages(context.Background(), mail.Filter{To: addr, Limit: 1})
	if err != nil || len(ms) == 0 {
		e.t.Fatalf("no mail to %s", addr)
	}
	for _, f := range strings.Fields(ms[0].Text) {
		if strings.HasPrefix(f, "http://rathaus.test/") {
			u, _ := url.Parse(f)
			return u.RequestURI()
		}
	}
	e.t.Fatalf("no link in mail %q", ms[0].Text)
	return ""
}

func registration(email string) url.Values {
	return url.Values{"display_name": {"Erika"}, "email": {email}, "password": {"ein langes passwort"}, "password_confirm": {"ein langes passwort"}}
}

// verifiedUser registers and verifies an account through the pages and
// returns its logged-in session cookie.
func (e *testEnv) verifiedUser(email string) *http.Cookie {
	e.t.Helper()
	res := e.postForm("/register", registration(email))
	wantStatus(e.t, res, http.StatusSeeOther)
	return e.confirm(e.mailLink(email))
}

// confirm opens a verification link and presses its button.
func (e *testEnv) confirm(link string) *http.Cookie {
	e.t.Helper()
	page := e.get(link)
	wantStatus(e.t, page, http.StatusOK)
	token, _ := attr(query(page.doc, "form[action='/verify'] input[name=token]"), "value")
	res := e.postForm("/verify", url.Values{"token": {token}})
	wantStatus(e.t, res, http.StatusSeeOther)
	return sessionOf(e.t, res)
}

func TestRegisterVerifyLoginLogout(t *testing.T) {
	e := newEnv(t)
	wantStatus(t, e.get("/register"), http.StatusOK)
	res := e.postForm("/register", registration("erika@example.org"))
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != "/register/sent" {
		t.Fatalf("redirect to %q", loc)
	}
	link := e.mailLink("erika@example.org")
	if !strings.HasPrefix(link, "/verify?token=") {
		t.Fatalf("verification link %q", link)
	}
	res = e.postForm("/login", url.Values{"email": {"erika@example.org"}, "password": {"ein langes passwort"}})
	wantStatus(t, res, http.StatusForbidden)
	if !strings.Contains(res.body, "bestätigen") {
		t.Errorf("login before verification does not ask to confirm the address")
	}
	if v, _ := attr(query(res.doc, "form[action='/verify/resend'] input[name=email]"), "value"); v != "erika@example.org" {
		t.Errorf("login before verification offers no new link for the address (got %q)", v)
	}
	if _, err := e.db.FindUsers(context.Background(), account.UserFilter{}); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, e.get(link), http.StatusOK) // opening the link (a mail scanner might) uses nothing up
	sess := e.confirm(link)
	acct := e.get("/account", sess)
	wantStatus(t, acct, http.StatusOK)
	if !strings.Contains(acct.body, "erika@example.org") {
		t.Error("account page does not show the address")
	}
	wantStatus(t, e.get(link), http.StatusBadRequest) // a link works once
	res = e.postForm("/logout", nil, sess)
	wantStatus(t, res, http.StatusSeeOther)
	if c := cookie(res, sessionCookie); c == nil || c.MaxAge >= 0 {
		t.Error("logout did not clear the cookie")
	}
	res = e.get("/account", sess)
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("old session after logout: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	res = e.postForm("/login", url.Values{"email": {"erika@example.org"}, "password": {"ein langes passwort"}, "next": {"/account/security"}})
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != "/account/security" {
		t.Errorf("login returns to %q, want /account/security", loc)
	}
}

func TestRegisterBadInputChangesNothing(t *testing.T) {
	e := newEnv(t)
	res := e.postForm("/register", url.Values{"display_name": {""}, "email": {"kein-at"}, "password": {"kurz"}, "password_confirm": {"kurz"}})
	wantStatus(t, res, http.StatusBadRequest)
	links := queryAll(res.doc, "#error-summary a")
	if len(links) != 3 {
		t.Fatalf("error summary has %d links, want 3 (name, e-mail, password)", len(links))
	}
	if v, _ := attr(query(res.doc, "#field-email"), "value"); v != "kein-at" {
		t.Errorf("e-mail not kept: %q", v)
	}
	if v, ok := attr(query(res.doc, "#field-password"), "value"); ok && v != "" {
		t.Error("password echoed back into the page")
	}
	if us, _ := e.db.FindUsers(context.Background(), account.UserFilter{}); len(us) != 0 {
		t.Errorf("bad registration created %d users", len(us))
	}
	res = e.postForm("/register", url.Values{"display_name": {"E"}, "email": {"e@example.org"}, "password": {"ein langes passwort"}, "password_confirm": {"anderes passwort!"}})
	wantStatus(t, res, http.StatusBadRequest)
	if !strings.Contains(res.body, "stimmen nicht überein") {
		t.Error("mismatched passwords not reported")
	}
}

func TestLoginErrorsTranslated(t *testing.T) {
	e := newEnv(t)
	e.verifiedUser("erika@example.org")
	r := postReq("/login", url.Values{"email": {"erika@example.org"}, "password": {"falsch falsch"}})
	r.Header.Set("Accept-Language", "en")
	res := e.do(r)
	wantStatus(t, res, http.StatusUnauthorized)
	if s := text(query(res.doc, "#error-summary")); !strings.Contains(s, "email address or password") {
		t.Errorf("English error summary = %q", s)
	}
	for range 5 {
		e.postForm("/login", url.Values{"email": {"erika@example.org"}, "password": {"falsch falsch"}})
	}
	res = e.postForm("/login", url.Values{"email": {"erika@example.org"}, "password": {"ein langes passwort"}})
	wantStatus(t, res, http.StatusTooManyRequests)
	if cookie(res, sessionCookie) != nil {
		t.Error("throttled login set a session")
	}
}

func postReq(path string, v url.Values) *http.Request {
	r, _ := http.NewRequest("POST", "http://rathaus.test"+path, strings.NewReader(v.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	return r
}

func TestLoginNextStaysLocal(t *testing.T) {
	e := newEnv(t)
	e.verifiedUser("erika@example.org")
	for _, next := range []string{"//evil.example/x", "https://evil.example", "/\\evil.example"} {
		res := e.postForm("/login", url.Values{"email": {"erika@example.org"}, "password": {"ein langes passwort"}, "next": {next}})
		if loc := res.Header.Get("Location"); loc != "/account" {
			t.Errorf("next=%q redirects to %q, want /account", next, loc)
		}
	}
}

func TestSecondFactorPages(t *testing.T) {
	e := newEnv(t)
	sess := e.verifiedUser("erika@example.org")
	res := e.postForm("/account/totp", nil, sess)
	wantStatus(t, res, http.StatusOK)
	secret := text(query(res.doc, "#totp-secret"))
	if src, _ := attr(query(res.doc, "img.app-qr"), "src"); !strings.HasPrefix(src, "data:image/png;base64,") {
		t.Errorf("QR code src = %.40q", src)
	}
	wantStatus(t, e.postForm("/account/totp/confirm", url.Values{"code": {"000000"}}, sess), http.StatusBadRequest)
	code, _ := account.TOTPCode(secret, account.TOTPStep(testNow))
	wantStatus(t, e.postForm("/account/totp/confirm", url.Values{"code": {code}}, sess), http.StatusSeeOther)
	e.postForm("/logout", nil, sess)

	res = e.postForm("/login", url.Values{"email": {"erika@example.org"}, "password": {"ein langes passwort"}})
	if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/login/code") {
		t.Fatalf("login with second factor redirects to %q", loc)
	}
	pending := sessionOf(t, res)
	if res := e.get("/account", pending); res.StatusCode == http.StatusOK {
		t.Fatal("a session waiting for its second factor reached the account page")
	}
	wantStatus(t, e.get("/login/code", pending), http.StatusOK)
	// The code used to switch the factor on is spent; the next one works.
	e.acc.Now = func() time.Time { return testNow.Add(30 * time.Second) }
	wantStatus(t, e.postForm("/login/code", url.Values{"code": {code}}, pending), http.StatusBadRequest)
	next, _ := account.TOTPCode(secret, account.TOTPStep(testNow.Add(30*time.Second)))
	wantStatus(t, e.postForm("/login/code", url.Values{"code": {next}}, pending), http.StatusSeeOther)
	wantStatus(t, e.get("/account", pending), http.StatusOK)
}

func TestPasswordResetPages(t *testing.T) {
	e := newEnv(t)
	old := e.verifiedUser("erika@example.org")
	wantStatus(t, e.postForm("/password/forgot", url.Values{"email": {"niemand@example.org"}}), http.StatusSeeOther)
	wantStatus(t, e.postForm("/password/forgot", url.Values{"email": {"erika@example.org"}}), http.StatusSeeOther)
	link := e.mailLink("erika@example.org")
	token := strings.TrimPrefix(link, "/password/reset?token=")
	form := e.get(link)
	if v, _ := attr(query(form.doc, "input[name=token]"), "value"); v != token {
		t.Fatalf("reset form does not carry the token")
	}
	res := e.postForm("/password/reset", url.Values{"token": {token}, "password": {"neues langes passwort"}, "password_confirm": {"neues langes passwort"}})
	wantStatus(t, res, http.StatusSeeOther)
	if e.get("/account", old).StatusCode == http.StatusOK {
		t.Error("old session survived the password reset")
	}
	res = e.postForm("/login", url.Values{"email": {"erika@example.org"}, "password": {"neues langes passwort"}})
	sessionOf(t, res)
}

func TestTokensPage(t *testing.T) {
	e := newEnv(t)
	sess := e.verifiedUser("erika@example.org")
	wantStatus(t, e.postForm("/account/tokens", url.Values{"name": {""}}, sess), http.StatusBadRequest)
	res := e.postForm("/account/tokens", url.Values{"name": {"Mein Skript"}}, sess)
	wantStatus(t, res, http.StatusCreated)
	raw := text(query(res.doc, "#new-token"))
	if u, err := e.acc.TokenUser(context.Background(), raw); err != nil || u.Email != "erika@example.org" {
		t.Fatalf("shown token does not authenticate: %v", err)
	}
	list := e.get("/account/tokens", sess)
	if strings.Contains(list.body, raw) {
		t.Error("token shown again after creation")
	}
	ts, _ := e.db.FindAPITokens(context.Background(), 1)
	wantStatus(t, e.postForm("/account/tokens/"+strconv.FormatInt(ts[0].ID, 10)+"/delete", nil, sess), http.StatusSeeOther)
	if _, err := e.acc.TokenUser(context.Background(), raw); !fault.Is(err, fault.Unauthenticated) {
		t.Error("deleted token still works")
	}
}

func TestExportAndDelete(t *testing.T) {
	e := newEnv(t)
	sess := e.verifiedUser("erika@example.org")
	res := e.get("/account/export", sess)
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
		t.Error("export is not a download")
	}
	var x struct {
		Account struct{ Email string } `json:"account"`
		Mails   []struct{ Subject string }
	}
	if err := json.Unmarshal([]byte(res.body), &x); err != nil {
		t.Fatal(err)
	}
	if x.Account.Email != "erika@example.org" || len(x.Mails) != 1 || strings.Contains(res.body, "argon2") {
		t.Errorf("export = %s", res.body)
	}
	wantStatus(t, e.postForm("/account/delete", url.Values{"confirm": {"falsch"}}, sess), http.StatusBadRequest)
	wantStatus(t, e.get("/account", sess), http.StatusOK)
	wantStatus(t, e.postForm("/account/delete", url.Values{"confirm": {"ein langes passwort"}}, sess), http.StatusSeeOther)
	if _, err := e.db.FindUserByEmail(context.Background(), "erika@example.org"); !fault.Is(err, fault.NotFound) {
		t.Error("account still exists after deletion")
	}
}

func TestProfileUpdateSwitchesLanguage(t *testing.T) {
	e := newEnv(t)
	sess := e.verifiedUser("erika@example.org")
	wantStatus(t, e.postForm("/account/profile", url.Values{"display_name": {"Erika M."}, "locale": {"xx"}}, sess), http.StatusBadRequest)
	res := e.postForm("/account/profile", url.Values{"display_name": {"Erika M."}, "locale": {"en"}}, sess)
	wantStatus(t, res, http.StatusSeeOther)
	if c := cookie(res, langCookie); c == nil || c.Value != "en" {
		t.Error("language cookie not set to the chosen language")
	}
}

func TestMailFormsLimitedPerClient(t *testing.T) {
	e := newEnv(t)
	for i := range account.MailsPerClient {
		addr := "person" + strconv.Itoa(i) + "@example.org"
		wantStatus(t, e.postForm("/password/forgot", url.Values{"email": {addr}}), http.StatusSeeOther)
	}
	res := e.postForm("/register", registration("one-more@example.org"))
	wantStatus(t, res, http.StatusTooManyRequests)
	if query(res.doc, "#error-summary") == nil {
		t.Error("the limit is not explained on the form")
	}
	if _, err := e.db.FindUserByEmail(context.Background(), "one-more@example.org"); err == nil {
		t.Error("registration over the limit created an account")
	}
}

func TestEmailChangePages(t *testing.T) {
	e := newEnv(t)
	sess := e.verifiedUser("erika@example.org")
	wantStatus(t, e.postForm("/account/email", url.Values{"new_email": {"kaputt"}, "password": {"ein langes passwort"}}, sess), http.StatusBadRequest)
	wantStatus(t, e.postForm("/account/email", url.Values{"new_email": {"neu@example.org"}, "password": {"falsch"}}, sess), http.StatusBadRequest)
	wantStatus(t, e.postForm("/account/email", url.Values{"new_email": {"neu@example.org"}, "password": {"ein langes passwort"}}, sess), http.StatusSeeOther)
	link := e.mailLink("neu@example.org")
	page := e.get(link) // another browser: no login needed, the link is the proof
	wantStatus(t, page, http.StatusOK)
	token, _ := attr(query(page.doc, "form[action='/account/email/confirm'] input[name=token]"), "value")
	wantStatus(t, e.postForm("/account/email/confirm", url.Values{"token": {token}}, sess), http.StatusSeeOther)
	if !strings.Contains(e.get("/account", sess).body, "neu@example.org") {
		t.Error("account page does not show the new address")
	}
	wantStatus(t, e.postForm("/account/email/confirm", url.Values{"token": {token}}), http.StatusBadRequest)
	res := e.postForm("/login", url.Values{"email": {"neu@example.org"}, "password": {"ein langes passwort"}})
	sessionOf(t, res)
}

func TestEndOneSession(t *testing.T) {
	e := newEnv(t)
	phone := e.verifiedUser("erika@example.org")
	laptop := sessionOf(t, e.postForm("/login", url.Values{"email": {"erika@example.org"}, "password": {"ein langes passwort"}}))
	page := e.get("/account/security", laptop)
	var actions []string
	for _, f := range queryAll(page.doc, "form") {
		if a, _ := attr(f, "action"); strings.HasPrefix(a, "/account/sessions/") {
			actions = append(actions, a)
		}
	}
	if len(actions) != 1 {
		t.Fatalf("%d end buttons, want one (for the other device, not this one)", len(actions))
	}
	action := actions[0]
	wantStatus(t, e.postForm(action, nil, laptop), http.StatusSeeOther)
	if e.get("/account", phone).StatusCode == http.StatusOK {
		t.Error("ended session still works")
	}
	wantStatus(t, e.get("/account", laptop), http.StatusOK)
}
