package oidctest

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// handleToken redeems an authorization code (RFC 6749 4.1.3, RFC 7636 4.6).
func (p *Provider) handleToken(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		tokenError(w, http.StatusBadRequest, "invalid_request")
		return
	}
	if !p.authenticClient(r) {
		w.Header().Set("WWW-Authenticate", `Basic realm="oidctest"`)
		tokenError(w, http.StatusUnauthorized, "invalid_client")
		return
	}
	if r.PostForm.Get("grant_type") != "authorization_code" {
		tokenError(w, http.StatusBadRequest, "unsupported_grant_type")
		return
	}
	g, ok := p.redeem(r.PostForm)
	if !ok {
		tokenError(w, http.StatusBadRequest, "invalid_grant")
		return
	}
	resp, err := p.issue(g)
	if err != nil {
		tokenError(w, http.StatusInternalServerError, "server_error")
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// authenticClient accepts exactly one of the announced methods:
// client_secret_basic (form-encoded credentials in Basic auth, RFC 6749
// 2.3.1) or client_secret_post.
func (p *Provider) authenticClient(r *http.Request) bool {
	id, secret, basic := r.BasicAuth()
	method := "client_secret_basic"
	if basic {
		if r.PostForm.Has("client_secret") {
			return false // two methods at once
		}
		id, _ = url.QueryUnescape(id)
		secret, _ = url.QueryUnescape(secret)
	} else {
		method = "client_secret_post"
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	return slices.Contains(p.opts.AuthMethods, method) &&
		id == p.opts.ClientID &&
		subtle.ConstantTimeCompare([]byte(secret), []byte(p.opts.ClientSecret)) == 1
}

// redeem consumes the code: it is gone even when the checks fail, as a
// stolen code must not be retried.
func (p *Provider) redeem(form url.Values) (grant, bool) {
	p.mu.Lock()
	g, ok := p.codes[form.Get("code")]
	delete(p.codes, form.Get("code"))
	p.mu.Unlock()
	ok = ok && time.Now().Before(g.expires) &&
		g.redirectURI == form.Get("redirect_uri") &&
		oauth2.S256ChallengeFromVerifier(form.Get("code_verifier")) == g.challenge
	return g, ok
}

// issue returns the token response for g.
func (p *Provider) issue(g grant) (map[string]any, error) {
	access := randomString(32)
	now := time.Now()
	claims := userClaims(g.user)
	p.mu.Lock()
	p.access[access] = accessGrant{claims: claims, expires: now.Add(p.opts.TokenTTL)}
	hooks := p.hooks
	p.mu.Unlock()

	id := maps.Clone(claims)
	maps.Copy(id, map[string]any{
		"iss": p.issuer, "aud": g.clientID,
		"iat": now.Unix(), "auth_time": now.Unix(), "exp": now.Add(p.opts.TokenTTL).Unix(),
		"at_hash": accessTokenHash(access),
	})
	if g.nonce != "" {
		id["nonce"] = g.nonce
	}
	if hooks.Claims != nil {
		hooks.Claims(id)
	}
	raw, err := Sign(p.key, p.keyID, id)
	if err != nil {
		return nil, err
	}
	if hooks.IDToken != nil {
		raw = hooks.IDToken(raw)
	}
	return map[string]any{
		"access_token": access, "token_type": "Bearer",
		"expires_in": int(p.opts.TokenTTL.Seconds()), "id_token": raw, "scope": g.scope,
	}, nil
}

// userClaims are the claims about u, in the ID token and at /userinfo.
func userClaims(u User) map[string]any {
	c := maps.Clone(u.Claims)
	if c == nil {
		c = map[string]any{}
	}
	c["sub"] = u.Subject
	if u.Email != "" {
		c["email"], c["email_verified"] = u.Email, u.EmailVerified
	}
	if u.Name != "" {
		c["name"] = u.Name
	}
	return c
}

// accessTokenHash is the at_hash of OpenID Connect Core 3.1.3.6 for RS256.
func accessTokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return base64.RawURLEncoding.EncodeToString(sum[:len(sum)/2])
}

func tokenError(w http.ResponseWriter, status int, code string) {
	writeJSON(w, status, map[string]string{"error": code})
}

// accessGrant is what an access token stands for.
type accessGrant struct {
	claims  map[string]any
	expires time.Time
}

// handleUserInfo returns the user's claims for a valid bearer access token.
func (p *Provider) handleUserInfo(w http.ResponseWriter, r *http.Request) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	p.mu.Lock()
	a, found := p.access[token]
	p.mu.Unlock()
	if !ok || !found || time.Now().After(a.expires) {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_token"})
		return
	}
	writeJSON(w, http.StatusOK, a.claims)
}
