package oidc

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"time"

	gooidc "github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"rathaus/internal/fault"
)

// retryAfter is how long a failed discovery is remembered before the next
// request tries again, so an unreachable provider does not slow every page.
const retryAfter = 10 * time.Second

// Provider is one configured OpenID provider. It is safe for concurrent use.
type Provider struct {
	cfg    Config
	grants map[string]RoleGrant
	client *http.Client

	mu      sync.Mutex
	disc    *discovery // nil until discovery succeeded
	lastErr error
	lastTry time.Time
}

// discovery is what the provider's discovery document told us.
type discovery struct {
	provider *gooidc.Provider
	oauth    oauth2.Config
	verifier *gooidc.IDTokenVerifier
}

// New checks cfg and tries discovery once. An invalid configuration is an
// error; an unreachable provider is not: discovery is retried on first use,
// so the server can start while the provider is down. Call Discover to learn
// whether the provider was reached.
func New(ctx context.Context, cfg Config) (*Provider, error) {
	grants, err := cfg.validate()
	if err != nil {
		return nil, err
	}
	p := &Provider{cfg: cfg, grants: grants, client: cfg.httpClient()}
	p.Discover(ctx)
	return p, nil
}

// Discover fetches the discovery document unless that already succeeded.
// After a failure it returns the same error until retryAfter has passed.
func (p *Provider) Discover(ctx context.Context) error {
	_, err := p.discovery(ctx)
	return err
}

func (p *Provider) discovery(ctx context.Context) (*discovery, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.disc != nil {
		return p.disc, nil
	}
	now := p.cfg.now()
	if p.lastErr != nil && now.Sub(p.lastTry) < retryAfter {
		return nil, p.lastErr
	}
	p.lastTry = now
	d, err := p.discover(ctx)
	if err != nil {
		p.lastErr = fault.Wrap(fault.Internal, keyUnavailable, err)
		return nil, p.lastErr
	}
	p.disc, p.lastErr = d, nil
	return d, nil
}

func (p *Provider) discover(ctx context.Context) (*discovery, error) {
	op, err := gooidc.NewProvider(p.clientContext(ctx), p.cfg.Issuer)
	if err != nil {
		return nil, err
	}
	var meta struct {
		AuthMethods []string `json:"token_endpoint_auth_methods_supported"`
	}
	if err := op.Claims(&meta); err != nil {
		return nil, err
	}
	endpoint := op.Endpoint()
	endpoint.AuthStyle = authStyle(meta.AuthMethods)
	return &discovery{
		provider: op,
		oauth: oauth2.Config{
			ClientID:     p.cfg.ClientID,
			ClientSecret: p.cfg.ClientSecret,
			Endpoint:     endpoint,
			RedirectURL:  p.cfg.RedirectURL,
			Scopes:       p.cfg.scopes(),
		},
		verifier: op.Verifier(&gooidc.Config{ClientID: p.cfg.ClientID, Now: p.cfg.Now}),
	}, nil
}

// authStyle picks the client authentication the provider announces, so the
// secret is sent once, in the way the provider expects. Without the list the
// specification's default, client_secret_basic, applies.
func authStyle(methods []string) oauth2.AuthStyle {
	switch {
	case len(methods) == 0, slices.Contains(methods, "client_secret_basic"):
		return oauth2.AuthStyleInHeader
	case slices.Contains(methods, "client_secret_post"):
		return oauth2.AuthStyleInParams
	}
	return oauth2.AuthStyleAutoDetect
}

// clientContext makes go-oidc and oauth2 use our HTTP client.
func (p *Provider) clientContext(ctx context.Context) context.Context {
	return gooidc.ClientContext(ctx, p.client)
}

// AuthCodeURL returns the provider URL to send the browser to. state, nonce
// and verifier come from NewState, NewNonce and NewVerifier and must be kept
// (in a cookie) until the callback. It fails only while the provider cannot
// be discovered.
func (p *Provider) AuthCodeURL(ctx context.Context, state, nonce, verifier string) (string, error) {
	d, err := p.discovery(ctx)
	if err != nil {
		return "", err
	}
	return d.oauth.AuthCodeURL(state, gooidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier)), nil
}
