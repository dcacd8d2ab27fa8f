package web

import (
	"context"
	"net/http"

	"rathaus/internal/account"
	"rathaus/internal/org"
)

// reqState is what the middleware learns about a request. One mutable
// value lives in the context for the whole request, so that inner layers
// (the router, the error adapter) can report back to outer ones (logging,
// metrics) without wrapping requests again.
type reqState struct {
	id         string
	lang       string
	route      string // the matched ServeMux pattern
	user       *account.User
	session    *account.Session
	flash      *Flash
	admin      *bool        // whether the user may enter the admin area, once known
	editor     *bool        // whether the user may edit the service catalogue, once known
	grants     []*org.Grant // the user's roles, once read (grantsRead)
	grantsRead bool
	err        error // the error the adapter rendered, for the log line
}

type stateKey struct{}

// userGrants are u's roles, read once per request for the navigation's
// several questions (office staff, writer).
func (s *Server) userGrants(r *http.Request, u *account.User) ([]*org.Grant, error) {
	st := state(r)
	if st.grantsRead && st.user == u {
		return st.grants, nil
	}
	grants, err := s.opts.Orgs.Store.FindGrants(r.Context(), org.GrantFilter{UserID: &u.ID})
	if err != nil {
		return nil, err
	}
	if st.user == u {
		st.grants, st.grantsRead = grants, true
	}
	return grants, nil
}

func withState(r *http.Request, st *reqState) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), stateKey{}, st))
}

// state returns the request's state; an empty one outside the middleware
// (in unit tests that call a handler directly).
func state(r *http.Request) *reqState {
	if st, ok := r.Context().Value(stateKey{}).(*reqState); ok {
		return st
	}
	return &reqState{lang: "de"}
}

// requestID returns the request's ID, as sent in X-Request-ID.
func requestID(r *http.Request) string { return state(r).id }

// langOf returns the request's language: "de" or "en".
func langOf(r *http.Request) string { return state(r).lang }

// currentUser returns the logged-in user, nil when anonymous or when the
// session still waits for its second factor.
func currentUser(r *http.Request) *account.User { return state(r).user }

// currentSession returns the session behind the cookie, also one that is
// waiting for its second factor; nil without a session or under /api/.
func currentSession(r *http.Request) *account.Session { return state(r).session }

// t translates key into the request's language.
func (s *Server) t(r *http.Request, key string, args ...any) string {
	return s.tr.T(langOf(r), key, args...)
}
