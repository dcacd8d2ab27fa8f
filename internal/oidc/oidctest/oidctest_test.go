package oidctest_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"rathaus/internal/oidc/oidctest"
)

const (
	redirect = "http://127.0.0.1:9/cb"
	verifier = "verifier-verifier-verifier-verifier-verifier-1"
)

var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
	return http.ErrUseLastResponse
}}

func start(t *testing.T, opts oidctest.Options) *oidctest.Provider {
	opts.RedirectURLs = []string{redirect}
	opts.User = oidctest.User{Subject: "s1", Email: "a@example.org", EmailVerified: true, Name: "A",
		Claims: map[string]any{"groups": []string{"g1"}}}
	return oidctest.Start(t, opts)
}

// authorizeParams is a valid authorization request; edit breaks it.
func authorizeParams(p *oidctest.Provider) url.Values {
	return url.Values{
		"client_id": {p.ClientID()}, "redirect_uri": {redirect}, "response_type": {"code"},
		"scope": {"openid email"}, "state": {"st"}, "nonce": {"no"},
		"code_challenge": {oauth2.S256ChallengeFromVerifier(verifier)}, "code_challenge_method": {"S256"},
	}
}

func get(t *testing.T, u string) *http.Response {
	t.Helper()
	resp, err := noRedirects.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

func TestAuthorize(t *testing.T) {
	tests := []struct {
		name       string
		edit       func(url.Values)
		wantStatus int
		wantParam  string // query parameter of the redirect back
		wantValue  string
	}{
		{"valid", func(url.Values) {}, http.StatusFound, "state", "st"},
		{"unknown client", func(q url.Values) { q.Set("client_id", "x") }, http.StatusBadRequest, "", ""},
		{"redirect added later", func(q url.Values) { q.Set("redirect_uri", "http://127.0.0.1:9/late") }, http.StatusFound, "state", "st"},
		{"unregistered redirect", func(q url.Values) { q.Set("redirect_uri", "http://127.0.0.1:9/evil") }, http.StatusBadRequest, "", ""},
		{"implicit flow", func(q url.Values) { q.Set("response_type", "token") }, http.StatusFound, "error", "unsupported_response_type"},
		{"no openid scope", func(q url.Values) { q.Set("scope", "email") }, http.StatusFound, "error", "invalid_scope"},
		{"no PKCE", func(q url.Values) { q.Del("code_challenge") }, http.StatusFound, "error", "invalid_request"},
		{"plain PKCE", func(q url.Values) { q.Set("code_challenge_method", "plain") }, http.StatusFound, "error", "invalid_request"},
	}
	p := start(t, oidctest.Options{})
	p.AllowRedirectURL("http://127.0.0.1:9/late")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := authorizeParams(p)
			tt.edit(q)
			resp := get(t, p.Issuer()+"/authorize?"+q.Encode())
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("got status %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			loc, _ := url.Parse(resp.Header.Get("Location"))
			if tt.wantParam != "" && loc.Query().Get(tt.wantParam) != tt.wantValue {
				t.Errorf("redirect %q: got %s=%q, want %q", loc, tt.wantParam, loc.Query().Get(tt.wantParam), tt.wantValue)
			}
		})
	}
}

// code runs a valid authorization request and returns the code.
func code(t *testing.T, p *oidctest.Provider) string {
	t.Helper()
	resp := get(t, p.Issuer()+"/authorize?"+authorizeParams(p).Encode())
	loc, _ := url.Parse(resp.Header.Get("Location"))
	if loc.Query().Get("code") == "" {
		t.Fatalf("authorize redirected to %q, want a code", loc)
	}
	return loc.Query().Get("code")
}

// redeem posts to /token; basic chooses client_secret_basic over _post.
func redeem(t *testing.T, p *oidctest.Provider, form url.Values, basic bool, secret string) (int, map[string]any) {
	t.Helper()
	if !basic {
		form.Set("client_id", p.ClientID())
		form.Set("client_secret", secret)
	}
	req, _ := http.NewRequest("POST", p.Issuer()+"/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if basic {
		req.SetBasicAuth(p.ClientID(), secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	json.NewDecoder(resp.Body).Decode(&body)
	return resp.StatusCode, body
}

func tokenForm(code string) url.Values {
	return url.Values{"grant_type": {"authorization_code"}, "code": {code},
		"redirect_uri": {redirect}, "code_verifier": {verifier}}
}

func TestTokenClientAuthentication(t *testing.T) {
	tests := []struct {
		name    string
		methods []string
		basic   bool
		secret  string
		want    int
	}{
		{"basic", nil, true, "test-secret", http.StatusOK},
		{"post", nil, false, "test-secret", http.StatusOK},
		{"wrong secret", nil, true, "guess", http.StatusUnauthorized},
		{"basic not announced", []string{"client_secret_post"}, true, "test-secret", http.StatusUnauthorized},
		{"post not announced", []string{"client_secret_basic"}, false, "test-secret", http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := start(t, oidctest.Options{AuthMethods: tt.methods})
			status, body := redeem(t, p, tokenForm(code(t, p)), tt.basic, tt.secret)
			if status != tt.want {
				t.Errorf("got %d %v, want %d", status, body, tt.want)
			}
		})
	}
}

func TestTokenGrantChecks(t *testing.T) {
	tests := map[string]func(url.Values){
		"PKCE verifier wrong":  func(f url.Values) { f.Set("code_verifier", verifier+"x") },
		"PKCE verifier absent": func(f url.Values) { f.Del("code_verifier") },
		"other redirect_uri":   func(f url.Values) { f.Set("redirect_uri", "http://127.0.0.1:9/other") },
		"unknown code":         func(f url.Values) { f.Set("code", "made-up") },
	}
	for name, edit := range tests {
		t.Run(name, func(t *testing.T) {
			p := start(t, oidctest.Options{})
			form := tokenForm(code(t, p))
			edit(form)
			status, body := redeem(t, p, form, true, p.ClientSecret())
			if status != http.StatusBadRequest || body["error"] != "invalid_grant" {
				t.Errorf("got %d %v, want 400 invalid_grant", status, body)
			}
		})
	}
}

func TestTokenAndUserInfo(t *testing.T) {
	p := start(t, oidctest.Options{})
	status, body := redeem(t, p, tokenForm(code(t, p)), true, p.ClientSecret())
	if status != http.StatusOK {
		t.Fatalf("token: got %d %v", status, body)
	}
	claims := payload(t, body["id_token"].(string))
	for k, want := range map[string]any{"iss": p.Issuer(), "sub": "s1", "aud": p.ClientID(), "nonce": "no",
		"email": "a@example.org", "email_verified": true, "name": "A"} {
		if claims[k] != want {
			t.Errorf("ID token %s: got %v, want %v", k, claims[k], want)
		}
	}
	for _, k := range []string{"exp", "iat", "groups"} {
		if claims[k] == nil {
			t.Errorf("ID token has no %s claim", k)
		}
	}
	info := userInfo(t, p, body["access_token"].(string))
	if info["sub"] != "s1" || info["email"] != "a@example.org" {
		t.Errorf("userinfo: got %v, want sub s1 and the e-mail", info)
	}
	if userInfo(t, p, "forged") != nil {
		t.Error("userinfo answered a made-up access token")
	}
}

func payload(t *testing.T, jwt string) map[string]any {
	b, err := base64.RawURLEncoding.DecodeString(strings.Split(jwt, ".")[1])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	return m
}

// userInfo returns the claims, or nil when the provider refused the token.
func userInfo(t *testing.T, p *oidctest.Provider, token string) map[string]any {
	req, _ := http.NewRequest("GET", p.Issuer()+"/userinfo", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	var m map[string]any
	json.NewDecoder(resp.Body).Decode(&m)
	return m
}
