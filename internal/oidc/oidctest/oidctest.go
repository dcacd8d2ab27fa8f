// Package oidctest runs a real OpenID Connect provider inside tests.
//
// The provider serves discovery, JWKS, /authorize, /token and /userinfo on
// 127.0.0.1. /authorize shows no page: it checks the request and redirects
// straight back to the client with a code for the current User, so a test
// (or a headless browser) logs in by following one redirect. /token checks
// client authentication, the code, the redirect URI and the PKCE verifier,
// and returns an RS256-signed ID token.
package oidctest

import (
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// Options configure the provider. ClientID and ClientSecret default to
// "rathaus-test" and "test-secret". /authorize refuses redirect URIs not in
// RedirectURLs or added later with AllowRedirectURL.
type Options struct {
	ClientID     string
	ClientSecret string
	RedirectURLs []string // exact redirect URIs the client may use
	User         User     // who logs in until SetUser changes it
	// AuthMethods announced and accepted at /token; default both
	// "client_secret_basic" and "client_secret_post".
	AuthMethods []string
	TokenTTL    time.Duration // ID and access token lifetime; default 1h
}

// User is the person the provider logs in.
type User struct {
	Subject       string
	Email         string
	EmailVerified bool
	Name          string
	Claims        map[string]any // extra claims, e.g. "groups" or "realm_access"
}

// Hooks make the provider misbehave, for negative tests.
type Hooks struct {
	Claims  func(claims map[string]any) // edits ID token claims before signing
	IDToken func(raw string) string     // replaces the signed ID token
}

// Provider is a running OpenID provider.
type Provider struct {
	opts   Options
	srv    *httptest.Server
	key    *rsa.PrivateKey
	keyID  string
	issuer string

	mu     sync.Mutex
	user   User
	hooks  Hooks
	down   bool
	codes  map[string]grant
	access map[string]accessGrant
}

// Start runs a provider until the test ends.
func Start(t testing.TB, opts Options) *Provider {
	t.Helper()
	opts = withDefaults(opts)
	opts.RedirectURLs = slices.Clone(opts.RedirectURLs)
	p := &Provider{opts: opts, user: opts.User, codes: map[string]grant{}, access: map[string]accessGrant{}}
	p.key, p.keyID = newKey(t)
	p.srv = httptest.NewServer(p.routes())
	p.issuer = p.srv.URL
	t.Cleanup(p.srv.Close)
	return p
}

func withDefaults(o Options) Options {
	if o.ClientID == "" {
		o.ClientID = "rathaus-test"
	}
	if o.ClientSecret == "" {
		o.ClientSecret = "test-secret"
	}
	if len(o.AuthMethods) == 0 {
		o.AuthMethods = []string{"client_secret_basic", "client_secret_post"}
	}
	if o.TokenTTL == 0 {
		o.TokenTTL = time.Hour
	}
	return o
}

// Issuer returns the issuer URL, e.g. "http://127.0.0.1:41234".
func (p *Provider) Issuer() string { return p.issuer }

// ClientID returns the registered client ID.
func (p *Provider) ClientID() string { return p.opts.ClientID }

// ClientSecret returns the registered client secret.
func (p *Provider) ClientSecret() string { return p.opts.ClientSecret }

// SetUser changes who logs in from the next /authorize on.
func (p *Provider) SetUser(u User) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.user = u
}

// AllowRedirectURL registers another redirect URI, for a test whose server
// address is known only after the provider started.
func (p *Provider) AllowRedirectURL(u string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.opts.RedirectURLs = append(p.opts.RedirectURLs, u)
}

// SetHooks installs hooks for the following token responses.
func (p *Provider) SetHooks(h Hooks) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.hooks = h
}

// SetAvailable switches the provider off (every endpoint answers 503) or on.
func (p *Provider) SetAvailable(up bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = !up
}

func (p *Provider) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", p.handleDiscovery)
	mux.HandleFunc("GET /jwks", p.handleJWKS)
	mux.HandleFunc("GET /authorize", p.handleAuthorize)
	mux.HandleFunc("POST /token", p.handleToken)
	mux.HandleFunc("GET /userinfo", p.handleUserInfo)
	return p.unlessDown(mux)
}

func (p *Provider) unlessDown(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		down := p.down
		p.mu.Unlock()
		if down {
			http.Error(w, "provider down", http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func (p *Provider) handleDiscovery(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                p.issuer,
		"authorization_endpoint":                p.issuer + "/authorize",
		"token_endpoint":                        p.issuer + "/token",
		"userinfo_endpoint":                     p.issuer + "/userinfo",
		"jwks_uri":                              p.issuer + "/jwks",
		"response_types_supported":              []string{"code"},
		"grant_types_supported":                 []string{"authorization_code"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"scopes_supported":                      []string{"openid", "email", "profile"},
		"token_endpoint_auth_methods_supported": p.opts.AuthMethods,
		"code_challenge_methods_supported":      []string{"S256"},
		"claims_supported":                      []string{"sub", "iss", "aud", "exp", "iat", "nonce", "email", "email_verified", "name"},
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
