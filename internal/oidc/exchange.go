package oidc

import (
	"context"
	"crypto/subtle"
	"errors"

	"golang.org/x/oauth2"
)

// Identity is a person the provider vouched for. Issuer and Subject together
// identify them for good; e-mail and name may change at the provider.
type Identity struct {
	Issuer        string
	Subject       string
	Email         string
	EmailVerified bool
	Name          string
	Roles         []RoleGrant    // mapped from Config.RoleClaim via Config.RoleMap
	RawClaims     map[string]any // every claim of the ID token
}

// Exchange redeems the authorization code from the callback with the PKCE
// verifier and verifies the ID token: signature, issuer, audience, expiry,
// the nonce sent with AuthCodeURL and, when present, the access token hash.
func (p *Provider) Exchange(ctx context.Context, code, verifier, nonce string) (*Identity, error) {
	d, err := p.discovery(ctx)
	if err != nil {
		return nil, err
	}
	if code == "" || verifier == "" || nonce == "" {
		return nil, stateError(errors.New("oidc: code, verifier or nonce missing"))
	}
	ctx = p.clientContext(ctx)
	tok, err := d.oauth.Exchange(ctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		return nil, failed(err)
	}
	claims, err := p.verify(ctx, d, tok, nonce)
	if err != nil {
		return nil, failed(err)
	}
	return p.identity(claims), nil
}

// verify checks the ID token in tok and returns its claims.
func (p *Provider) verify(ctx context.Context, d *discovery, tok *oauth2.Token, nonce string) (map[string]any, error) {
	raw, ok := tok.Extra("id_token").(string)
	if !ok || raw == "" {
		return nil, errors.New("oidc: token response has no id_token")
	}
	idt, err := d.verifier.Verify(ctx, raw)
	if err != nil {
		return nil, err
	}
	if idt.Subject == "" {
		return nil, errors.New("oidc: ID token has no subject")
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(nonce)) != 1 {
		return nil, errors.New("oidc: ID token nonce does not match")
	}
	if idt.AccessTokenHash != "" {
		if err := idt.VerifyAccessToken(tok.AccessToken); err != nil {
			return nil, err
		}
	}
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return nil, err
	}
	return claims, nil
}

func (p *Provider) identity(claims map[string]any) *Identity {
	return &Identity{
		Issuer:        stringClaim(claims, "iss"),
		Subject:       stringClaim(claims, "sub"),
		Email:         stringClaim(claims, "email"),
		EmailVerified: boolClaim(claims, "email_verified"),
		Name:          name(claims),
		Roles:         mapRoles(claimValues(claims, p.cfg.RoleClaim), p.grants),
		RawClaims:     claims,
	}
}

func stringClaim(claims map[string]any, key string) string {
	s, _ := claims[key].(string)
	return s
}

// boolClaim accepts true and, as some providers send it, "true".
func boolClaim(claims map[string]any, key string) bool {
	switch v := claims[key].(type) {
	case bool:
		return v
	case string:
		return v == "true"
	}
	return false
}

// name returns "name", else given and family name joined.
func name(claims map[string]any) string {
	if n := stringClaim(claims, "name"); n != "" {
		return n
	}
	given, family := stringClaim(claims, "given_name"), stringClaim(claims, "family_name")
	if given != "" && family != "" {
		return given + " " + family
	}
	return given + family
}
