package account_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/storetest"
)

// keys is a translator that returns the key and its arguments, so tests
// can find the links inside mails.
type keys struct{}

func (keys) T(lang, key string, args ...any) string {
	s := lang + ":" + key
	for _, a := range args {
		s += " " + a.(string)
	}
	return s
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time      { return c.t }
func (c *clock) add(d time.Duration) { c.t = c.t.Add(d) }

type env struct {
	svc   *account.Service
	store storetest.Stores
	clock *clock
}

func setup(t *testing.T) *env {
	db := storetest.OpenSQLite(t)
	c := &clock{t: time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)}
	svc := &account.Service{Store: db, Audit: db, Outbox: db, T: keys{}, Now: c.now, BaseURL: "https://rathaus.example", Issuer: "Stadt Jena"}
	return &env{svc: svc, store: db, clock: c}
}

var ctx = context.Background()

// lastLink returns the token in the newest mail to addr.
func (e *env) lastLink(t *testing.T, addr string) string {
	t.Helper()
	ms, err := e.store.FindMessages(ctx, mail.Filter{To: addr, Limit: 1})
	if err != nil || len(ms) == 0 {
		t.Fatalf("no mail to %s: %v", addr, err)
	}
	_, tok, ok := strings.Cut(ms[0].Text, "token=")
	if !ok {
		t.Fatalf("mail has no token link: %q", ms[0].Text)
	}
	return strings.Fields(tok)[0]
}

func (e *env) register(t *testing.T, email string) {
	t.Helper()
	err := e.svc.Register(ctx, account.Registration{Email: email, DisplayName: "Erika", Password: "lange-passphrase", Locale: "de"})
	if err != nil {
		t.Fatalf("Register: %v", err)
	}
}

func TestRegisterVerifyLogin(t *testing.T) {
	e := setup(t)
	e.register(t, " Erika@Example.org ")
	login := account.Login{Email: "erika@example.org", Password: "lange-passphrase", IP: "192.0.2.1"}
	if _, err := e.svc.Authenticate(ctx, login); !fault.Is(err, fault.Forbidden) {
		t.Fatalf("login before verification = %v, want Forbidden", err)
	}
	if _, err := e.svc.Verify(ctx, e.lastLink(t, "erika@example.org")); err != nil {
		t.Fatalf("Verify: %v", err)
	}
	u, err := e.svc.Authenticate(ctx, login)
	if err != nil {
		t.Fatalf("login after verification: %v", err)
	}
	raw, _, err := e.svc.StartSession(ctx, u, login.IP, "test")
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := e.svc.SessionUser(ctx, raw)
	if err != nil || got.ID != u.ID {
		t.Fatalf("SessionUser = %v, %v", got, err)
	}
	for range 29 {
		e.clock.add(24 * time.Hour) // active every day: the idle lifetime keeps sliding
		if _, _, err := e.svc.SessionUser(ctx, raw); err != nil {
			t.Fatalf("active session ended early: %v", err)
		}
	}
	e.clock.add(25 * time.Hour)
	if _, _, err := e.svc.SessionUser(ctx, raw); !fault.Is(err, fault.Unauthenticated) {
		t.Errorf("session older than %v = %v, want Unauthenticated", account.MaxSessionAge, err)
	}
	raw, _, _ = e.svc.StartSession(ctx, u, login.IP, "test")
	if err := e.svc.Logout(ctx, raw, u.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.svc.SessionUser(ctx, raw); !fault.Is(err, fault.Unauthenticated) {
		t.Errorf("session after logout = %v, want Unauthenticated", err)
	}
}

func TestRegisterInvalidChangesNothing(t *testing.T) {
	e := setup(t)
	err := e.svc.Register(ctx, account.Registration{Email: "kein-at", DisplayName: "", Password: "kurz"})
	f := fault.As(err)
	if f.Kind != fault.Invalid || len(f.Fields) != 3 {
		t.Fatalf("Register(bad) = %v with %d field errors, want 3", err, len(f.Fields))
	}
	if us, _ := e.store.FindUsers(ctx, account.UserFilter{}); len(us) != 0 {
		t.Errorf("bad registration created %d users", len(us))
	}
	if ms, _ := e.store.FindMessages(ctx, mail.Filter{}); len(ms) != 0 {
		t.Errorf("bad registration queued %d mails", len(ms))
	}
}

func TestRegisterTwiceRevealsNothing(t *testing.T) {
	e := setup(t)
	e.register(t, "erika@example.org")
	e.register(t, "erika@example.org")
	ms, _ := e.store.FindMessages(ctx, mail.Filter{To: "erika@example.org"})
	if len(ms) != 2 || !strings.Contains(ms[0].Subject, "mail.account_exists") {
		t.Errorf("second registration should mail the owner a notice, got %v", ms)
	}
}

func TestThrottle(t *testing.T) {
	e := setup(t)
	e.register(t, "erika@example.org")
	e.svc.Verify(ctx, e.lastLink(t, "erika@example.org"))
	bad := account.Login{Email: "erika@example.org", Password: "falsch-falsch", IP: "192.0.2.9"}
	for i := range 5 {
		if _, err := e.svc.Authenticate(ctx, bad); !fault.Is(err, fault.Unauthenticated) {
			t.Fatalf("attempt %d = %v, want Unauthenticated", i, err)
		}
	}
	good := bad
	good.Password = "lange-passphrase"
	if _, err := e.svc.Authenticate(ctx, good); !fault.Is(err, fault.TooMany) {
		t.Fatalf("right password while throttled = %v, want TooMany", err)
	}
	e.clock.add(16 * time.Minute)
	if _, err := e.svc.Authenticate(ctx, good); err != nil {
		t.Fatalf("after the window = %v", err)
	}
	es, _ := e.store.FindAuditEntries(ctx, audit.Filter{Action: audit.LoginFailure})
	if len(es) != 5 {
		t.Errorf("audit has %d failed logins, want 5", len(es))
	}
}

func TestPasswordReset(t *testing.T) {
	e := setup(t)
	e.register(t, "erika@example.org")
	if err := e.svc.RequestReset(ctx, "niemand@example.org"); err != nil {
		t.Fatalf("reset for unknown address must look like success: %v", err)
	}
	if err := e.svc.RequestReset(ctx, "erika@example.org"); err != nil {
		t.Fatal(err)
	}
	tok := e.lastLink(t, "erika@example.org")
	if err := e.svc.ResetPassword(ctx, tok, "kurz"); !fault.Is(err, fault.Invalid) {
		t.Fatalf("short password = %v", err)
	}
	if err := e.svc.ResetPassword(ctx, tok, "ganz-neues-passwort"); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.ResetPassword(ctx, tok, "noch-ein-passwort"); !fault.Is(err, fault.Invalid) {
		t.Errorf("reusing the link = %v, want Invalid", err)
	}
	if _, err := e.svc.Authenticate(ctx, account.Login{Email: "erika@example.org", Password: "ganz-neues-passwort"}); err != nil {
		t.Errorf("login with new password (reset also verifies): %v", err)
	}
}

func TestSecondFactor(t *testing.T) {
	e := setup(t)
	e.register(t, "erika@example.org")
	e.svc.Verify(ctx, e.lastLink(t, "erika@example.org"))
	u, _ := e.store.FindUserByEmail(ctx, "erika@example.org")
	secret, uri, err := e.svc.BeginTOTP(ctx, u)
	if err != nil || !strings.HasPrefix(uri, "otpauth://totp/") {
		t.Fatalf("BeginTOTP = %q, %v", uri, err)
	}
	u, _ = e.store.FindUserByID(ctx, u.ID)
	code, _ := account.TOTPCode(secret, account.TOTPStep(e.clock.now()))
	if err := e.svc.ConfirmTOTP(ctx, u, code); err != nil {
		t.Fatalf("ConfirmTOTP: %v", err)
	}
	u, _ = e.store.FindUserByID(ctx, u.ID)
	raw, sess, _ := e.svc.StartSession(ctx, u, "", "")
	if !sess.PendingSecond {
		t.Fatal("session with second factor not pending")
	}
	if _, _, err := e.svc.SessionUser(ctx, raw); !fault.Is(err, fault.Unauthenticated) {
		t.Fatalf("pending session counts as logged in: %v", err)
	}
	if _, err := e.svc.SecondFactor(ctx, raw, code, ""); !fault.Is(err, fault.Invalid) {
		t.Errorf("replayed code = %v, want Invalid", err)
	}
	e.clock.add(30 * time.Second)
	code, _ = account.TOTPCode(secret, account.TOTPStep(e.clock.now()))
	if _, err := e.svc.SecondFactor(ctx, raw, code, ""); err != nil {
		t.Fatalf("SecondFactor: %v", err)
	}
	if _, _, err := e.svc.SessionUser(ctx, raw); err != nil {
		t.Errorf("session after the second factor: %v", err)
	}
}

func TestTOTPKnownVector(t *testing.T) {
	// RFC 6238 appendix B, SHA-1, secret "12345678901234567890", T=59s.
	secret := "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	got, err := account.TOTPCode(secret, 59/30)
	if err != nil || got != "287082" {
		t.Errorf("TOTPCode = %q, %v; want 287082", got, err)
	}
}

func TestAPIToken(t *testing.T) {
	e := setup(t)
	e.register(t, "erika@example.org")
	e.svc.Verify(ctx, e.lastLink(t, "erika@example.org"))
	raw, tok, err := e.svc.TokenWithPassword(ctx, account.Login{Email: "erika@example.org", Password: "lange-passphrase"}, "Mein Skript")
	if err != nil {
		t.Fatal(err)
	}
	u, err := e.svc.TokenUser(ctx, raw)
	if err != nil || u.Email != "erika@example.org" {
		t.Fatalf("TokenUser = %v, %v", u, err)
	}
	if _, err := e.svc.TokenUser(ctx, raw+"x"); !fault.Is(err, fault.Unauthenticated) {
		t.Errorf("wrong token = %v", err)
	}
	e.svc.DeleteAPIToken(ctx, u, tok.ID)
	if _, err := e.svc.TokenUser(ctx, raw); !fault.Is(err, fault.Unauthenticated) {
		t.Errorf("revoked token = %v", err)
	}
}

func TestDeleteAndExport(t *testing.T) {
	e := setup(t)
	e.register(t, "erika@example.org")
	u, _ := e.store.FindUserByEmail(ctx, "erika@example.org")
	x, err := e.svc.Export(ctx, u, e.store)
	if err != nil || x.User.Email != u.Email || len(x.Mails) != 1 {
		t.Fatalf("Export = %+v, %v", x, err)
	}
	if err := e.svc.Delete(ctx, u, "falsch"); !fault.Is(err, fault.Invalid) {
		t.Fatalf("delete with wrong password = %v", err)
	}
	if err := e.svc.Delete(ctx, u, "lange-passphrase"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.store.FindUserByEmail(ctx, "erika@example.org"); !fault.Is(err, fault.NotFound) {
		t.Errorf("account still there: %v", err)
	}
}

func TestLoginExternal(t *testing.T) {
	e := setup(t)
	x := account.External{Issuer: "https://id.example", Subject: "s1", Email: "neu@example.org", EmailVerified: true, Name: "Neu"}
	u, err := e.svc.LoginExternal(ctx, x)
	if err != nil || !u.Verified() {
		t.Fatalf("first OIDC login = %v, %v", u, err)
	}
	again, err := e.svc.LoginExternal(ctx, x)
	if err != nil || again.ID != u.ID {
		t.Errorf("second OIDC login made another account: %v, %v", again, err)
	}
	x.Subject, x.EmailVerified = "s2", false
	if _, err := e.svc.LoginExternal(ctx, x); !fault.Is(err, fault.Forbidden) {
		t.Errorf("unverified e-mail claim = %v, want Forbidden", err)
	}
	e.register(t, "local@example.org")
	other := account.External{Issuer: "https://other.example", Subject: "z", Email: "local@example.org", EmailVerified: true}
	e.svc.NoEmailLinking = true
	if _, err := e.svc.LoginExternal(ctx, other); !fault.Is(err, fault.Conflict) {
		t.Errorf("linking with NoEmailLinking = %v, want Conflict", err)
	}
	e.svc.NoEmailLinking = false
	linked, err := e.svc.LoginExternal(ctx, other)
	if local, _ := e.store.FindUserByEmail(ctx, "local@example.org"); err != nil || linked.ID != local.ID {
		t.Errorf("verified address not linked to the local account: %v", err)
	}
}

func TestMailFloodLimited(t *testing.T) {
	e := setup(t)
	e.register(t, "erika@example.org")
	e.svc.Verify(ctx, e.lastLink(t, "erika@example.org"))
	for i := range 2 {
		if err := e.svc.RequestReset(ctx, "erika@example.org"); err != nil {
			t.Fatalf("reset %d: %v", i, err)
		}
	}
	if err := e.svc.RequestReset(ctx, "erika@example.org"); !fault.Is(err, fault.TooMany) {
		t.Fatalf("fourth mail to one address within the hour = %v, want TooMany", err)
	}
	if ms, _ := e.store.FindMessages(ctx, mail.Filter{To: "erika@example.org"}); len(ms) != account.MailsPerAddress {
		t.Errorf("mails to the address = %d, want %d", len(ms), account.MailsPerAddress)
	}
	e.clock.add(61 * time.Minute)
	if err := e.svc.RequestReset(ctx, "erika@example.org"); err != nil {
		t.Errorf("after an hour: %v", err)
	}
}
