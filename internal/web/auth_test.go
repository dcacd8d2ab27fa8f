package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"rathaus/internal/account"
)

func (e *testEnv) user(email string, admin bool) *account.User {
	e.t.Helper()
	u, err := e.acc.Create(context.Background(), nil, account.Registration{
		Email: email, DisplayName: "Kim Muster", Password: "ein-langes-passwort"}, admin)
	if err != nil {
		e.t.Fatal(err)
	}
	return u
}

func (e *testEnv) login(u *account.User) *http.Cookie {
	e.t.Helper()
	raw, _, err := e.acc.StartSession(context.Background(), u, "127.0.0.1", "test")
	if err != nil {
		e.t.Fatal(err)
	}
	return &http.Cookie{Name: sessionCookie, Value: raw}
}

func TestSessionUserInNav(t *testing.T) {
	e := newEnv(t)
	c := e.login(e.user("kim@example.org", false))
	res := e.get("/", c)
	wantStatus(t, res, 200)
	if query(res.doc, "nav form[action='/logout'][method=post] button") == nil {
		t.Error("no logout button for a logged-in user")
	}
	if query(res.doc, "nav a[href='/account']") == nil || query(res.doc, "nav a[href='/login']") != nil {
		t.Error("nav shows the wrong links for a logged-in user")
	}
	if query(res.doc, "nav a[href='/admin']") != nil {
		t.Error("admin link shown to a citizen")
	}
	if query(res.doc, "main a[href='/register']") != nil {
		t.Error("home page invites a logged-in user to register")
	}
}

func TestStaleSessionCookieIsCleared(t *testing.T) {
	e := newEnv(t)
	res := e.get("/", &http.Cookie{Name: sessionCookie, Value: "nonsense"})
	wantStatus(t, res, 200)
	if query(res.doc, "nav a[href='/login']") == nil {
		t.Error("stale cookie: visitor not shown as anonymous")
	}
	if c := cookie(res, sessionCookie); c == nil || c.MaxAge >= 0 {
		t.Errorf("stale cookie not removed: %+v", c)
	}
}

func TestPendingSecondFactorIsNotLoggedIn(t *testing.T) {
	e := newEnv(t)
	u := e.user("kim@example.org", false)
	u.TOTPEnabled = true // StartSession then leaves the session pending
	c := e.login(u)
	res := e.get("/", c)
	if query(res.doc, "nav a[href='/login']") == nil {
		t.Error("a session awaiting its second factor counts as logged in")
	}
	if cookie(res, sessionCookie) != nil {
		t.Error("the pending session's cookie was touched")
	}
}

func TestRequireUserAndAdmin(t *testing.T) {
	e := newEnv(t)
	ok := func(w http.ResponseWriter, r *http.Request) error { _, _ = w.Write([]byte("secret")); return nil }
	chain := func(h handlerFunc) http.Handler {
		return e.srv.requestState(e.srv.detectLang(e.srv.loadUser(e.srv.adapt(h))))
	}
	serve := func(h handlerFunc, method, path string, c *http.Cookie) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, path, nil)
		if c != nil {
			r.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		chain(h).ServeHTTP(rec, r)
		return rec
	}

	rec := serve(e.srv.requireUser(ok), "GET", "/account?tab=1", nil)
	if rec.Code != 303 || rec.Header().Get("Location") != "/login?next=%2Faccount%3Ftab%3D1" {
		t.Errorf("anonymous GET: got %d to %q, want 303 to the login page", rec.Code, rec.Header().Get("Location"))
	}
	rec = serve(e.srv.requireUser(ok), "GET", "/api/v1/me", nil)
	if rec.Code != 401 || !strings.Contains(rec.Body.String(), `"code":"unauthenticated"`) {
		t.Errorf("anonymous API: got %d %s", rec.Code, rec.Body)
	}

	citizen := e.login(e.user("kim@example.org", false))
	if rec := serve(e.srv.requireUser(ok), "GET", "/account", citizen); rec.Body.String() != "secret" {
		t.Errorf("logged-in user: got %d %s", rec.Code, rec.Body)
	}
	if rec := serve(e.srv.requireAdmin(ok), "GET", "/admin", citizen); rec.Code != 403 {
		t.Errorf("citizen on admin page: got %d, want 403", rec.Code)
	}
	admin := e.login(e.user("admin@example.org", true))
	if rec := serve(e.srv.requireAdmin(ok), "GET", "/admin", admin); rec.Body.String() != "secret" {
		t.Errorf("admin: got %d %s", rec.Code, rec.Body)
	}
}

func TestBearerToken(t *testing.T) {
	e := newEnv(t)
	u := e.user("kim@example.org", false)
	raw, _, err := e.acc.CreateAPIToken(context.Background(), u, "test")
	if err != nil {
		t.Fatal(err)
	}

	r := httptest.NewRequest("GET", "/api/v1/nothing", nil)
	r.Header.Set("Authorization", "Bearer "+raw)
	res := e.do(r)
	wantStatus(t, res, 404) // no such route, but the token was accepted
	if !strings.Contains(e.logs.String(), "user=") {
		t.Errorf("log line lacks the token's user:\n%s", e.logs)
	}

	r = httptest.NewRequest("GET", "/api/v1/nothing", nil)
	r.Header.Set("Authorization", "Bearer rh_invalid")
	r.Header.Set("Accept-Language", "en")
	res = e.do(r)
	wantStatus(t, res, 401)
	if res.Header.Get("WWW-Authenticate") == "" || !strings.Contains(res.body, `"message":"The link or key is invalid or has expired."`) {
		t.Errorf("invalid token: %v %s", res.Header, res.body)
	}

	// The API ignores session cookies.
	r = httptest.NewRequest("GET", "/api/v1/nothing", nil)
	r.AddCookie(e.login(u))
	e.logs.Reset()
	e.do(r)
	if strings.Contains(e.logs.String(), "user=") {
		t.Error("a session cookie authenticated an API request")
	}
}
