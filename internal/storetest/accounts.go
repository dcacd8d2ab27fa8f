package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/mail"
)

func testUsers(t *testing.T, s Stores) {
	u := newUser(t, s, "erika@example.org")
	if u.ID == 0 {
		t.Fatal("CreateUser did not set ID")
	}
	got, err := s.FindUserByID(ctx, u.ID)
	must(t, err)
	want := *u
	want.CreatedAt = t0.Truncate(time.Microsecond)
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("FindUserByID mismatch (-want +got):\n%s", d)
	}
	if _, err := s.FindUserByEmail(ctx, "erika@example.org"); err != nil {
		t.Errorf("FindUserByEmail: %v", err)
	}
	if _, err := s.FindUserByID(ctx, 99999); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindUserByID(missing) = %v, want NotFound", err)
	}
	dup := &account.User{Email: "erika@example.org", DisplayName: "X", CreatedAt: t0}
	if err := s.CreateUser(ctx, dup, nil, nil); !fault.Is(err, fault.Conflict) {
		t.Errorf("CreateUser(duplicate email) = %v, want Conflict", err)
	}
	newUser(t, s, "max_100%@example.org")
	found, err := s.FindUsers(ctx, account.UserFilter{Query: "100%"})
	must(t, err)
	if len(found) != 1 || found[0].Email != "max_100%@example.org" {
		t.Errorf("FindUsers(100%%) = %d users, want the one whose address has 100%%", len(found))
	}
}

func testUserUpdate(t *testing.T, s Stores) {
	u := newUser(t, s, "a@example.org")
	name, admin, step := "Neu", true, int64(42)
	verified := t0.Add(time.Hour)
	disabled := &verified
	must(t, s.UpdateUser(ctx, u.ID, account.UserUpdate{DisplayName: &name, PlatformAdmin: &admin,
		TOTPLastStep: &step, EmailVerifiedAt: &verified, DisabledAt: &disabled}))
	got, err := s.FindUserByID(ctx, u.ID)
	must(t, err)
	if got.DisplayName != "Neu" || !got.PlatformAdmin || got.TOTPLastStep != 42 || !got.Verified() || !got.Disabled() {
		t.Errorf("after update got %+v", got)
	}
	var none *time.Time
	must(t, s.UpdateUser(ctx, u.ID, account.UserUpdate{DisabledAt: &none}))
	if got, _ := s.FindUserByID(ctx, u.ID); got.Disabled() {
		t.Error("DisabledAt not cleared")
	}
	if err := s.UpdateUser(ctx, 4242, account.UserUpdate{DisplayName: &name}); !fault.Is(err, fault.NotFound) {
		t.Errorf("UpdateUser(missing) = %v, want NotFound", err)
	}
	iss, sub := "https://id.example", "abc"
	must(t, s.UpdateUser(ctx, u.ID, account.UserUpdate{OIDCIssuer: &iss, OIDCSubject: &sub}))
	if got, err := s.FindUserByOIDC(ctx, iss, sub); err != nil || got.ID != u.ID {
		t.Errorf("FindUserByOIDC = %v, %v", got, err)
	}
}

func testOneTimeTokens(t *testing.T, s Stores) {
	u := &account.User{Email: "v@example.org", DisplayName: "V", CreatedAt: t0}
	tok := &account.OneTimeToken{Hash: "h1", Purpose: account.PurposeVerify, ExpiresAt: t0.Add(time.Hour)}
	msg := mail.Message{To: u.Email, Subject: "Bitte bestätigen", Text: "Link", CreatedAt: t0}
	must(t, s.CreateUser(ctx, u, tok, []mail.Message{msg}))
	if _, err := s.UseOneTimeToken(ctx, "h1", account.PurposeReset, t0); !fault.Is(err, fault.NotFound) {
		t.Errorf("token used for wrong purpose: %v", err)
	}
	if peek, err := s.FindOneTimeToken(ctx, "h1", account.PurposeVerify, t0); err != nil || peek.UserID != u.ID {
		t.Fatalf("FindOneTimeToken = %v, %v", peek, err)
	}
	got, err := s.UseOneTimeToken(ctx, "h1", account.PurposeVerify, t0)
	must(t, err)
	if got.UserID != u.ID {
		t.Errorf("token user = %d, want %d", got.UserID, u.ID)
	}
	if _, err := s.UseOneTimeToken(ctx, "h1", account.PurposeVerify, t0); !fault.Is(err, fault.NotFound) {
		t.Errorf("second use = %v, want NotFound", err)
	}
	if _, err := s.FindOneTimeToken(ctx, "h1", account.PurposeVerify, t0); !fault.Is(err, fault.NotFound) {
		t.Errorf("used token still found: %v", err)
	}
	change := &account.OneTimeToken{Hash: "h3", UserID: u.ID, Purpose: account.PurposeEmail, Payload: "neu@example.org", ExpiresAt: t0.Add(time.Hour)}
	must(t, s.CreateOneTimeToken(ctx, change, nil))
	if got, err := s.UseOneTimeToken(ctx, "h3", account.PurposeEmail, t0); err != nil || got.Payload != "neu@example.org" {
		t.Errorf("token payload = %v, %v", got, err)
	}
	late := &account.OneTimeToken{Hash: "h2", UserID: u.ID, Purpose: account.PurposeReset, ExpiresAt: t0}
	must(t, s.CreateOneTimeToken(ctx, late, nil))
	if _, err := s.UseOneTimeToken(ctx, "h2", account.PurposeReset, t0.Add(time.Second)); !fault.Is(err, fault.NotFound) {
		t.Errorf("expired token = %v, want NotFound", err)
	}
	msgs, err := s.FindMessages(ctx, mail.Filter{UserID: &u.ID})
	must(t, err)
	if len(msgs) != 1 || msgs[0].Subject != "Bitte bestätigen" {
		t.Errorf("mail queued with the user = %v, want one", msgs)
	}
}

func testSessions(t *testing.T, s Stores) {
	u := newUser(t, s, "s@example.org")
	sess := &account.Session{Hash: "sh", UserID: u.ID, CreatedAt: t0, LastSeenAt: t0, ExpiresAt: t0.Add(time.Hour), PendingSecond: true}
	must(t, s.CreateSession(ctx, sess))
	got, err := s.FindSessionByHash(ctx, "sh")
	must(t, err)
	if !got.PendingSecond || !got.ExpiresAt.Equal(t0.Add(time.Hour).Truncate(time.Microsecond)) {
		t.Errorf("session = %+v", got)
	}
	must(t, s.UpdateSession(ctx, got.ID, t0.Add(time.Minute), t0.Add(2*time.Hour), false))
	got, _ = s.FindSessionByHash(ctx, "sh")
	if got.PendingSecond {
		t.Error("PendingSecond not cleared")
	}
	must(t, s.CreateSession(ctx, &account.Session{Hash: "old", UserID: u.ID, CreatedAt: t0, LastSeenAt: t0, ExpiresAt: t0}))
	n, err := s.DeleteExpiredSessions(ctx, t0.Add(time.Second))
	must(t, err)
	if n != 1 {
		t.Errorf("DeleteExpiredSessions = %d, want 1", n)
	}
	other := newUser(t, s, "s2@example.org")
	if err := s.DeleteUserSession(ctx, other.ID, got.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("ending another's session = %v, want NotFound", err)
	}
	must(t, s.DeleteUserSessions(ctx, u.ID))
	if _, err := s.FindSessionByHash(ctx, "sh"); !fault.Is(err, fault.NotFound) {
		t.Errorf("session after logout everywhere: %v", err)
	}
}

func testAPITokens(t *testing.T, s Stores) {
	u := newUser(t, s, "t@example.org")
	other := newUser(t, s, "o@example.org")
	tok := &account.APIToken{UserID: u.ID, Name: "Skript", Hash: "th", Prefix: "rh_abcde", CreatedAt: t0}
	must(t, s.CreateAPIToken(ctx, tok))
	got, err := s.FindAPITokenByHash(ctx, "th")
	must(t, err)
	if got.Name != "Skript" || got.LastUsedAt != nil {
		t.Errorf("token = %+v", got)
	}
	must(t, s.TouchAPIToken(ctx, tok.ID, t0))
	if list, _ := s.FindAPITokens(ctx, u.ID); len(list) != 1 || list[0].LastUsedAt == nil {
		t.Errorf("FindAPITokens = %v", list)
	}
	if err := s.DeleteAPIToken(ctx, other.ID, tok.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("deleting another's token = %v, want NotFound", err)
	}
	must(t, s.DeleteAPIToken(ctx, u.ID, tok.ID))
}

func testLoginFailures(t *testing.T, s Stores) {
	for i := range 3 {
		must(t, s.RecordLoginFailure(ctx, "email:x", t0.Add(time.Duration(i)*time.Minute)))
	}
	n, err := s.CountLoginFailures(ctx, "email:x", t0.Add(30*time.Second))
	must(t, err)
	if n != 2 {
		t.Errorf("failures since t0+30s = %d, want 2", n)
	}
	must(t, s.ClearLoginFailures(ctx, "email:x"))
	if n, _ := s.CountLoginFailures(ctx, "email:x", t0.Add(-time.Hour)); n != 0 {
		t.Errorf("after clear = %d, want 0", n)
	}
}
