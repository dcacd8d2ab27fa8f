package oidc_test

import (
	"net/http"
	"net/url"
	"testing"

	"rathaus/internal/fault"
	"rathaus/internal/oidc"
	"rathaus/internal/oidc/oidctest"
)

const redirectURL = "http://127.0.0.1:8080/auth/oidc/callback"

var jenaClerk = oidctest.User{
	Subject: "u-1001", Email: "erika@example.org", EmailVerified: true, Name: "Erika Mustermann",
	Claims: map[string]any{"groups": []string{"sachbearbeitung", "kantine"}},
}

// setup starts a provider with opts and a relying party configured for it;
// edit may change the relying party's configuration.
func setup(t *testing.T, opts oidctest.Options, edit func(*oidc.Config)) (*oidctest.Provider, *oidc.Provider) {
	t.Helper()
	opts.RedirectURLs = []string{redirectURL}
	op := oidctest.Start(t, opts)
	cfg := oidc.Config{
		Issuer: op.Issuer(), ClientID: op.ClientID(), ClientSecret: op.ClientSecret(),
		RedirectURL: redirectURL, RoleClaim: "groups",
		RoleMap: map[string]string{"sachbearbeitung": "case_worker@stadt-jena", "admins": "platform_admin"},
	}
	if edit != nil {
		edit(&cfg)
	}
	rp, err := oidc.New(t.Context(), cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return op, rp
}

// authorize sends the browser's first request and returns the query of the
// redirect back to rathaus, without following it.
func authorize(t *testing.T, rp *oidc.Provider, state, nonce, verifier string) url.Values {
	t.Helper()
	u, err := rp.AuthCodeURL(t.Context(), state, nonce, verifier)
	if err != nil {
		t.Fatalf("AuthCodeURL: %v", err)
	}
	browser := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	resp, err := browser.Get(u)
	if err != nil {
		t.Fatalf("GET authorize: %v", err)
	}
	resp.Body.Close()
	loc, err := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusFound || err != nil {
		t.Fatalf("authorize: got %s to %q, want 302 redirect", resp.Status, resp.Header.Get("Location"))
	}
	if back := loc.Scheme + "://" + loc.Host + loc.Path; back != redirectURL {
		t.Fatalf("authorize redirected to %q, want %q", back, redirectURL)
	}
	return loc.Query()
}

// login runs the whole flow as the web layer would and returns Exchange's result.
func login(t *testing.T, rp *oidc.Provider) (*oidc.Identity, error) {
	t.Helper()
	state, nonce, verifier := oidc.NewState(), oidc.NewNonce(), oidc.NewVerifier()
	code, err := oidc.Callback(authorize(t, rp, state, nonce, verifier), state)
	if err != nil {
		t.Fatalf("Callback: %v", err)
	}
	return rp.Exchange(t.Context(), code, verifier, nonce)
}

// wantFault fails unless err is a fault with kind and translation key.
func wantFault(t *testing.T, err error, kind fault.Kind, key string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %v %s", kind, key)
	}
	if f := fault.As(err); f.Kind != kind || f.Key != key {
		t.Fatalf("got error %v, want %v %s", err, kind, key)
	}
}
