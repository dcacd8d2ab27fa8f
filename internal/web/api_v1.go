package web

import (
	_ "embed"
	"net/http"
	"strconv"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// openAPI is the API's description; TestOpenAPIMatchesRoutes keeps it true.
//
//go:embed openapi.json
var openAPI []byte

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, err := w.Write(openAPI)
	return err
}

// tokenRequest is the body of POST /api/v1/tokens.
type tokenRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Name     string `json:"name"`
}

type tokenJSON struct {
	ID         int64      `json:"id"`
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	Token      string     `json:"token,omitempty"` // only in the answer that creates it
}

// handleAPITokenCreate exchanges e-mail and password for a personal API
// token, throttled like the login form.
func (s *Server) handleAPITokenCreate(w http.ResponseWriter, r *http.Request) error {
	var req tokenRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	login := account.Login{Email: req.Email, Password: req.Password, IP: s.clientIP(r), UserAgent: r.UserAgent()}
	raw, t, err := s.opts.Accounts.TokenWithPassword(r.Context(), login, req.Name)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusCreated, tokenJSON{ID: t.ID, Name: t.Name, Prefix: t.Prefix, CreatedAt: t.CreatedAt, Token: raw})
}

func (s *Server) handleAPITokenList(w http.ResponseWriter, r *http.Request) error {
	ts, err := s.opts.Accounts.Store.FindAPITokens(r.Context(), currentUser(r).ID)
	if err != nil {
		return err
	}
	out := []tokenJSON{}
	for _, t := range ts {
		out = append(out, tokenJSON{ID: t.ID, Name: t.Name, Prefix: t.Prefix, CreatedAt: t.CreatedAt, LastUsedAt: t.LastUsedAt})
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"tokens": out})
}

func (s *Server) handleAPITokenDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	if err := s.opts.Accounts.DeleteAPIToken(r.Context(), currentUser(r), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type meJSON struct {
	ID            int64      `json:"id"`
	Email         string     `json:"email"`
	DisplayName   string     `json:"display_name"`
	Locale        string     `json:"locale"`
	PlatformAdmin bool       `json:"platform_admin"`
	SecondFactor  bool       `json:"second_factor"`
	CreatedAt     time.Time  `json:"created_at"`
	Roles         []roleJSON `json:"roles"`
}

type roleJSON struct {
	Role    string `json:"role"`
	OrgID   int64  `json:"org_id"`
	OrgSlug string `json:"org_slug"`
	OrgName string `json:"org_name"`
}

func (s *Server) handleAPIMe(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	me := meJSON{ID: u.ID, Email: u.Email, DisplayName: u.DisplayName, Locale: u.Locale,
		PlatformAdmin: u.PlatformAdmin, SecondFactor: u.TOTPEnabled, CreatedAt: u.CreatedAt, Roles: []roleJSON{}}
	roles, err := s.opts.Orgs.RolesOf(r.Context(), u.ID)
	if err != nil {
		return err
	}
	for _, rv := range roles {
		me.Roles = append(me.Roles, roleJSON{rv.Grant.Role, rv.Org.ID, rv.Org.Slug, rv.Org.Name})
	}
	return s.writeJSON(w, http.StatusOK, me)
}

type orgJSON struct {
	ID       int64     `json:"id"`
	Slug     string    `json:"slug"`
	Name     string    `json:"name"`
	Kind     string    `json:"kind"`
	Children []orgJSON `json:"children"`
}

func toOrgJSON(t *org.Tree) orgJSON {
	o := orgJSON{ID: t.Org.ID, Slug: t.Org.Slug, Name: t.Org.Name, Kind: t.Org.Kind, Children: []orgJSON{}}
	for _, c := range t.Children {
		o.Children = append(o.Children, toOrgJSON(c))
	}
	return o
}

// handleAPIOrgs returns the organisation tree; it is public information.
func (s *Server) handleAPIOrgs(w http.ResponseWriter, r *http.Request) error {
	tree, err := s.opts.Orgs.Tree(r.Context())
	if err != nil {
		return err
	}
	out := []orgJSON{}
	for _, t := range tree {
		out = append(out, toOrgJSON(t))
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"organisations": out})
}

// requireAPIUser is requireUser for the API, where a missing token is a
// 401 with a JSON body.
func (s *Server) requireAPIUser(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if currentUser(r) == nil {
			return fault.New(fault.Unauthenticated, "error.token.required")
		}
		return h(w, r)
	}
}
