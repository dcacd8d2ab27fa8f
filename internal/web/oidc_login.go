package web

import (
	"encoding/json"
	"net/http"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/oidc"
	"rathaus/internal/org"
)

// oidcCookie holds the login in flight between the redirect to the
// provider and its callback: signed, HttpOnly, ten minutes.
const (
	oidcCookie = "rathaus_oidc"
	oidcTTL    = 10 * time.Minute
)

type oidcFlight struct {
	State    string    `json:"s"`
	Nonce    string    `json:"n"`
	Verifier string    `json:"v"`
	Next     string    `json:"r"`
	Started  time.Time `json:"t"`
}

// handleOIDCLogin sends the browser to the OpenID provider (BundID
// gateway, Keycloak, ...) with state, nonce and a PKCE challenge.
func (s *Server) handleOIDCLogin(w http.ResponseWriter, r *http.Request) error {
	if s.opts.OIDC == nil {
		return errNotFound
	}
	f := oidcFlight{State: oidc.NewState(), Nonce: oidc.NewNonce(), Verifier: oidc.NewVerifier(),
		Next: localPathOr(r.URL.Query().Get("next"), "/account"), Started: s.now()}
	to, err := s.opts.OIDC.AuthCodeURL(r.Context(), f.State, f.Nonce, f.Verifier)
	if err != nil {
		return err
	}
	b, _ := json.Marshal(f)
	s.setSignedCookie(w, oidcCookie, string(b), int(oidcTTL.Seconds()))
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// handleOIDCCallback completes the login: it checks state, exchanges the
// code (verifying the ID token, nonce and PKCE), finds or creates the
// account by issuer and subject, applies the mapped roles, and starts a
// fresh session. The flight cookie is deleted whatever happens.
func (s *Server) handleOIDCCallback(w http.ResponseWriter, r *http.Request) error {
	if s.opts.OIDC == nil {
		return errNotFound
	}
	var f oidcFlight
	raw, ok := s.signedCookie(r, oidcCookie)
	s.deleteCookie(w, oidcCookie)
	if ok && json.Unmarshal([]byte(raw), &f) == nil && s.now().Sub(f.Started) > oidcTTL {
		f = oidcFlight{}
	}
	u, id, err := s.oidcIdentity(r, f)
	if err != nil {
		// Show why on the login page, where the person can try again.
		return s.formError(w, r, "account_login", s.authPage(r, "login.title"), nil, err)
	}
	if err := s.applyRoles(r, u, id.Roles); err != nil {
		return err
	}
	return s.startSession(w, r, u, localPathOr(f.Next, "/account"), "flash.logged_in")
}

func (s *Server) oidcIdentity(r *http.Request, f oidcFlight) (*account.User, *oidc.Identity, error) {
	code, err := oidc.Callback(r.URL.Query(), f.State)
	if err != nil {
		return nil, nil, err
	}
	id, err := s.opts.OIDC.Exchange(r.Context(), code, f.Verifier, f.Nonce)
	if err != nil {
		return nil, nil, err
	}
	u, err := s.opts.Accounts.LoginExternal(r.Context(), account.External{Issuer: id.Issuer, Subject: id.Subject,
		Email: id.Email, EmailVerified: id.EmailVerified, Name: id.Name, IP: s.clientIP(r)})
	return u, id, err
}

// applyRoles grants the roles the provider's claims map to. It only adds:
// roles granted in rathaus itself stay. Unknown organisations are logged
// and skipped, so a directory group for a unit not (yet) in rathaus does
// not lock people out.
func (s *Server) applyRoles(r *http.Request, u *account.User, roles []oidc.RoleGrant) error {
	ctx := r.Context()
	for _, g := range roles {
		if g.Role == org.PlatformAdmin && g.OrgSlug == "" {
			if !u.PlatformAdmin {
				if err := s.opts.Accounts.SetPlatformAdmin(ctx, nil, u.ID, true); err != nil {
					return err
				}
				u.PlatformAdmin = true
			}
			continue
		}
		o, err := s.opts.Orgs.Store.FindOrgBySlug(ctx, g.OrgSlug)
		if fault.Is(err, fault.NotFound) || !org.ValidRole(g.Role) {
			s.log.Warn("OpenID role mapping names an unknown organisation or role", "role", g.String())
			continue
		}
		if err != nil {
			return err
		}
		if has, err := s.opts.Orgs.HasRole(ctx, u.ID, g.Role, o.ID); err != nil || has {
			if err != nil {
				return err
			}
			continue
		}
		if _, err := s.opts.Orgs.Grant(ctx, nil, u.ID, g.Role, o.ID); err != nil && !fault.Is(err, fault.Conflict) {
			return err
		}
	}
	return nil
}
