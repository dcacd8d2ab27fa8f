// Package oidc logs people in with OpenID Connect: citizens through a citizen
// account gateway (BundID) and staff through the city's directory (Keycloak or
// similar).
//
// rathaus is the relying party. It uses the authorization code flow with PKCE
// (S256) and a nonce, verifies the ID token (signature, issuer, audience,
// expiry, nonce) and maps a configurable claim to rathaus roles. The web layer
// keeps state, nonce and verifier between the redirect and the callback; this
// package has no HTTP handlers.
package oidc

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"time"
)

// DefaultScopes are requested when Config.Scopes is empty.
var DefaultScopes = []string{"openid", "email", "profile"}

// Config describes one OpenID provider and how its users map to rathaus.
type Config struct {
	Issuer       string   // issuer URL; discovery reads Issuer + "/.well-known/openid-configuration"
	ClientID     string   // client registered at the provider
	ClientSecret string   // empty for a public client (PKCE only)
	RedirectURL  string   // rathaus callback URL registered at the provider
	Scopes       []string // default DefaultScopes; "openid" is always requested

	// RoleClaim names the claim holding group or role names, e.g. "groups",
	// "roles" or a dotted path into nested objects such as
	// "realm_access.roles". A claim whose own name contains dots (a URL) is
	// found too. Empty: no roles are mapped.
	RoleClaim string
	// RoleMap maps claim values to rathaus role specs: "role@orgslug" for a
	// role on an organisation, or a bare role such as "platform_admin".
	// Values not in the map are ignored.
	RoleMap map[string]string

	// HTTPClient talks to the provider; default has a 10 second timeout.
	HTTPClient *http.Client
	// Now is the clock for token expiry; default time.Now.
	Now func() time.Time
}

// validate checks the configuration and returns the parsed role map.
func (c Config) validate() (map[string]RoleGrant, error) {
	if err := checkURL("issuer", c.Issuer); err != nil {
		return nil, err
	}
	if err := checkURL("redirect URL", c.RedirectURL); err != nil {
		return nil, err
	}
	if c.ClientID == "" {
		return nil, configError("client ID is empty")
	}
	grants := make(map[string]RoleGrant, len(c.RoleMap))
	for value, spec := range c.RoleMap {
		g, err := ParseRoleSpec(spec)
		if err != nil {
			return nil, err
		}
		grants[value] = g
	}
	return grants, nil
}

// checkURL requires an absolute https URL; plain http is allowed only on
// loopback addresses, for tests and local development.
func checkURL(what, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return configError(fmt.Sprintf("%s %q is not an absolute URL", what, raw))
	}
	if u.Scheme == "https" || (u.Scheme == "http" && isLoopback(u.Hostname())) {
		return nil
	}
	return configError(fmt.Sprintf("%s %q must use https", what, raw))
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// scopes returns the configured scopes, always including "openid".
func (c Config) scopes() []string {
	s := c.Scopes
	if len(s) == 0 {
		s = DefaultScopes
	}
	if !slices.Contains(s, "openid") {
		s = append([]string{"openid"}, s...)
	}
	return s
}

func (c Config) httpClient() *http.Client {
	if c.HTTPClient != nil {
		return c.HTTPClient
	}
	return &http.Client{Timeout: 10 * time.Second}
}

func (c Config) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}
