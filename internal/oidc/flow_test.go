package oidc_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/fault"
	"rathaus/internal/oidc"
	"rathaus/internal/oidc/oidctest"
)

func TestLogin(t *testing.T) {
	op, rp := setup(t, oidctest.Options{User: jenaClerk}, nil)
	id, err := login(t, rp)
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	got := *id
	got.RawClaims = nil
	want := oidc.Identity{
		Issuer: op.Issuer(), Subject: "u-1001", Email: "erika@example.org", EmailVerified: true,
		Name: "Erika Mustermann", Roles: []oidc.RoleGrant{{Role: "case_worker", OrgSlug: "stadt-jena"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("identity (-want +got):\n%s", diff)
	}
	if id.RawClaims["aud"] != op.ClientID() {
		t.Errorf("raw aud claim: got %v, want %q", id.RawClaims["aud"], op.ClientID())
	}
}

func TestLoginAsAnotherUser(t *testing.T) {
	op, rp := setup(t, oidctest.Options{User: jenaClerk}, nil)
	if _, err := login(t, rp); err != nil {
		t.Fatalf("first login: %v", err)
	}
	op.SetUser(oidctest.User{Subject: "u-7", Email: "admin@example.org", Claims: map[string]any{"groups": "admins"}})
	id, err := login(t, rp)
	if err != nil {
		t.Fatalf("second login: %v", err)
	}
	if id.Subject != "u-7" || id.EmailVerified || len(id.Roles) != 1 || id.Roles[0].String() != "platform_admin" {
		t.Errorf("second login: got %s %v %v, want u-7, unverified, [platform_admin]", id.Subject, id.EmailVerified, id.Roles)
	}
}

func TestClientSecretPost(t *testing.T) {
	_, rp := setup(t, oidctest.Options{User: jenaClerk, AuthMethods: []string{"client_secret_post"}}, nil)
	if _, err := login(t, rp); err != nil {
		t.Fatalf("login with client_secret_post: %v", err)
	}
}

func TestWrongClientSecret(t *testing.T) {
	_, rp := setup(t, oidctest.Options{User: jenaClerk}, func(c *oidc.Config) { c.ClientSecret = "guess" })
	_, err := login(t, rp)
	wantFault(t, err, fault.Unauthenticated, "error.oidc.failed")
}

func TestWrongNonce(t *testing.T) {
	_, rp := setup(t, oidctest.Options{User: jenaClerk}, nil)
	state, verifier := oidc.NewState(), oidc.NewVerifier()
	q := authorize(t, rp, state, oidc.NewNonce(), verifier)
	// The ID token carries the nonce of the login started above; a callback
	// replayed into another login (another nonce) must not log anyone in.
	_, err := rp.Exchange(t.Context(), q.Get("code"), verifier, oidc.NewNonce())
	wantFault(t, err, fault.Unauthenticated, "error.oidc.failed")
}

func TestPKCEMismatch(t *testing.T) {
	_, rp := setup(t, oidctest.Options{User: jenaClerk}, nil)
	state, nonce := oidc.NewState(), oidc.NewNonce()
	q := authorize(t, rp, state, nonce, oidc.NewVerifier())
	_, err := rp.Exchange(t.Context(), q.Get("code"), oidc.NewVerifier(), nonce)
	wantFault(t, err, fault.Unauthenticated, "error.oidc.failed")
}

func TestCodeUsedTwice(t *testing.T) {
	_, rp := setup(t, oidctest.Options{User: jenaClerk}, nil)
	state, nonce, verifier := oidc.NewState(), oidc.NewNonce(), oidc.NewVerifier()
	code := authorize(t, rp, state, nonce, verifier).Get("code")
	if _, err := rp.Exchange(t.Context(), code, verifier, nonce); err != nil {
		t.Fatalf("first exchange: %v", err)
	}
	_, err := rp.Exchange(t.Context(), code, verifier, nonce)
	wantFault(t, err, fault.Unauthenticated, "error.oidc.failed")
}

func TestExchangeWithoutLoginCookie(t *testing.T) {
	_, rp := setup(t, oidctest.Options{User: jenaClerk}, nil)
	_, err := rp.Exchange(t.Context(), "some-code", "", "")
	wantFault(t, err, fault.Unauthenticated, "error.oidc.state")
}
