package oidc_test

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/oidc"
	"rathaus/internal/oidc/oidctest"
)

// TestBadIDTokenRejected lets the provider misbehave in ways an attacker or
// a misconfigured provider would, and checks nobody is logged in.
func TestBadIDTokenRejected(t *testing.T) {
	stranger, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		hooks oidctest.Hooks
	}{
		{"payload changed after signing", oidctest.Hooks{IDToken: func(raw string) string {
			parts := strings.Split(raw, ".")
			parts[1] = base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"someone-else"}`))
			return strings.Join(parts, ".")
		}}},
		{"signature cut off", oidctest.Hooks{IDToken: func(raw string) string {
			return raw[:strings.LastIndex(raw, ".")+1]
		}}},
		{"same claims signed with an unknown key", oidctest.Hooks{IDToken: func(raw string) string {
			return resign(t, raw, stranger)
		}}},
		{"expired", oidctest.Hooks{Claims: func(c map[string]any) {
			c["exp"] = time.Now().Add(-time.Minute).Unix()
		}}},
		{"other audience", oidctest.Hooks{Claims: func(c map[string]any) { c["aud"] = "another-client" }}},
		{"other issuer", oidctest.Hooks{Claims: func(c map[string]any) { c["iss"] = "https://evil.example" }}},
		{"access token hash wrong", oidctest.Hooks{Claims: func(c map[string]any) { c["at_hash"] = "AAAAAAAAAAAAAAAAAAAAAA" }}},
		{"no subject", oidctest.Hooks{Claims: func(c map[string]any) { delete(c, "sub") }}},
		{"no nonce", oidctest.Hooks{Claims: func(c map[string]any) { delete(c, "nonce") }}},
		{"no ID token", oidctest.Hooks{IDToken: func(string) string { return "" }}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op, rp := setup(t, oidctest.Options{User: jenaClerk}, nil)
			op.SetHooks(tt.hooks)
			id, err := login(t, rp)
			if id != nil {
				t.Errorf("got identity %q, want none", id.Subject)
			}
			wantFault(t, err, fault.Unauthenticated, "error.oidc.failed")
		})
	}
}

// TestExpiryUsesClock shows the injected clock decides expiry: an hour-long
// token is rejected by a relying party whose clock is two hours ahead.
func TestExpiryUsesClock(t *testing.T) {
	_, rp := setup(t, oidctest.Options{User: jenaClerk}, func(c *oidc.Config) {
		c.Now = func() time.Time { return time.Now().Add(2 * time.Hour) }
	})
	_, err := login(t, rp)
	wantFault(t, err, fault.Unauthenticated, "error.oidc.failed")
}

// resign returns the claims of raw signed with key.
func resign(t *testing.T, raw string, key *rsa.PrivateKey) string {
	payload, err := base64.RawURLEncoding.DecodeString(strings.Split(raw, ".")[1])
	if err != nil {
		t.Fatal(err)
	}
	var claims map[string]any
	if err := json.Unmarshal(payload, &claims); err != nil {
		t.Fatal(err)
	}
	forged, err := oidctest.Sign(key, "forged", claims)
	if err != nil {
		t.Fatal(err)
	}
	return forged
}
