package oidctest

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// codeTTL is how long an authorization code may wait for /token.
const codeTTL = time.Minute

// grant is what an authorization code stands for.
type grant struct {
	clientID    string
	redirectURI string
	challenge   string // PKCE S256 code challenge
	nonce       string
	scope       string
	user        User
	expires     time.Time
}

// handleAuthorize checks the request and, instead of a login page, redirects
// straight back with a code for the current user. Errors about the client or
// redirect URI are shown here, never sent to an unverified redirect URI.
func (p *Provider) handleAuthorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != p.opts.ClientID {
		http.Error(w, "oidctest: unknown client_id", http.StatusBadRequest)
		return
	}
	redirect := q.Get("redirect_uri")
	p.mu.Lock()
	registered := slices.Contains(p.opts.RedirectURLs, redirect)
	p.mu.Unlock()
	if !registered {
		http.Error(w, "oidctest: redirect_uri not registered", http.StatusBadRequest)
		return
	}
	if e := checkAuthorize(q); e != "" {
		redirectBack(w, r, redirect, url.Values{"error": {e}, "state": {q.Get("state")}})
		return
	}
	code := randomString(32)
	p.mu.Lock()
	p.codes[code] = grant{
		clientID: p.opts.ClientID, redirectURI: redirect,
		challenge: q.Get("code_challenge"), nonce: q.Get("nonce"), scope: q.Get("scope"),
		user: p.user, expires: time.Now().Add(codeTTL),
	}
	p.mu.Unlock()
	redirectBack(w, r, redirect, url.Values{"code": {code}, "state": {q.Get("state")}})
}

// checkAuthorize returns the OAuth error code for a bad request, or "".
// PKCE with S256 is required: rathaus always sends it.
func checkAuthorize(q url.Values) string {
	switch {
	case q.Get("response_type") != "code":
		return "unsupported_response_type"
	case !slices.Contains(strings.Fields(q.Get("scope")), "openid"):
		return "invalid_scope"
	case q.Get("code_challenge") == "" || q.Get("code_challenge_method") != "S256":
		return "invalid_request"
	}
	return ""
}

func redirectBack(w http.ResponseWriter, r *http.Request, redirect string, params url.Values) {
	u, _ := url.Parse(redirect) // registered, so it parses
	q := u.Query()
	for k, v := range params {
		if v[0] != "" {
			q[k] = v
		}
	}
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

func randomString(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
