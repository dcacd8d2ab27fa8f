package oidc

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/url"

	"golang.org/x/oauth2"

	"rathaus/internal/fault"
)

// NewState returns a random state value (256 bits, URL-safe).
func NewState() string { return random() }

// NewNonce returns a random nonce (256 bits, URL-safe).
func NewNonce() string { return random() }

// NewVerifier returns a random PKCE code verifier (RFC 7636).
func NewVerifier() string { return oauth2.GenerateVerifier() }

func random() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand panics instead)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Callback reads the query of the redirect back from the provider. It
// returns the authorization code when the provider reported no error and the
// state equals wantState, the state kept since AuthCodeURL. An empty
// wantState (no login cookie) never matches.
func Callback(query url.Values, wantState string) (code string, err error) {
	if e := query.Get("error"); e != "" {
		return "", fault.Wrap(fault.Unauthenticated, keyDenied,
			errors.New("oidc: provider error "+e+": "+query.Get("error_description")))
	}
	got := query.Get("state")
	if wantState == "" || subtle.ConstantTimeCompare([]byte(got), []byte(wantState)) != 1 {
		return "", stateError(errors.New("oidc: state does not match the login started here"))
	}
	code = query.Get("code")
	if code == "" {
		return "", failed(errors.New("oidc: callback without code"))
	}
	return code, nil
}

func stateError(err error) error {
	return fault.Wrap(fault.Unauthenticated, keyState, err)
}
