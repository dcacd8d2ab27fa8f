package oidc_test

import (
	"context"
	"net"
	"testing"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/oidc"
	"rathaus/internal/oidc/oidctest"
)

func oidctestUser() oidctest.Options { return oidctest.Options{User: jenaClerk} }

// TestProviderDownAtStart: rathaus starts while the provider is down, logins
// fail with a clear error, and work once the provider is back.
func TestProviderDownAtStart(t *testing.T) {
	now := time.Now()
	clock := func() time.Time { return now }
	op := oidctest.Start(t, oidctest.Options{RedirectURLs: []string{redirectURL}, User: jenaClerk})
	op.SetAvailable(false)
	rp, err := oidc.New(t.Context(), oidc.Config{
		Issuer: op.Issuer(), ClientID: op.ClientID(), ClientSecret: op.ClientSecret(),
		RedirectURL: redirectURL, Now: clock,
	})
	if err != nil {
		t.Fatalf("New with the provider down: %v, want a provider", err)
	}
	wantFault(t, rp.Discover(t.Context()), fault.Internal, "error.oidc.unavailable")
	_, err = rp.AuthCodeURL(t.Context(), "s", "n", "v")
	wantFault(t, err, fault.Internal, "error.oidc.unavailable")

	op.SetAvailable(true)
	// Within the retry pause the last failure is repeated without a request.
	wantFault(t, rp.Discover(t.Context()), fault.Internal, "error.oidc.unavailable")
	now = now.Add(11 * time.Second)
	if id, err := login(t, rp); err != nil || id.Subject != jenaClerk.Subject {
		t.Fatalf("login after the provider came back: %v", err)
	}
}

func TestProviderUnreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	rp, err := oidc.New(t.Context(), oidc.Config{
		Issuer: "http://" + addr, ClientID: "c", RedirectURL: redirectURL,
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	_, err = rp.Exchange(t.Context(), "code", "verifier", "nonce")
	wantFault(t, err, fault.Internal, "error.oidc.unavailable")
}

func TestNewRejectsBadConfig(t *testing.T) {
	ok := oidc.Config{Issuer: "https://id.example", ClientID: "rathaus", RedirectURL: "https://rathaus.example/cb"}
	if _, err := oidc.New(offline(t), ok); err != nil {
		t.Fatalf("New(valid config): %v", err)
	}
	tests := map[string]func(*oidc.Config){
		"issuer over http":       func(c *oidc.Config) { c.Issuer = "http://id.example" },
		"issuer not a URL":       func(c *oidc.Config) { c.Issuer = "id.example" },
		"redirect over http":     func(c *oidc.Config) { c.RedirectURL = "http://rathaus.example/cb" },
		"no client ID":           func(c *oidc.Config) { c.ClientID = "" },
		"role map with bad role": func(c *oidc.Config) { c.RoleMap = map[string]string{"x": "Chef"} },
	}
	for name, edit := range tests {
		cfg := ok
		edit(&cfg)
		_, err := oidc.New(offline(t), cfg)
		t.Run(name, func(t *testing.T) { wantFault(t, err, fault.Invalid, "error.oidc.config") })
	}
}

// offline returns a cancelled context: discovery of the made-up issuers
// fails at once instead of going to the network.
func offline(t *testing.T) context.Context {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	return ctx
}
