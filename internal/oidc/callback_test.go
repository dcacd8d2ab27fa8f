package oidc_test

import (
	"net/url"
	"testing"

	"rathaus/internal/fault"
	"rathaus/internal/oidc"
)

func TestCallback(t *testing.T) {
	const state = "state-from-cookie"
	tests := []struct {
		name      string
		query     url.Values
		wantState string
		wantKey   string // "" for success
	}{
		{"ok", url.Values{"code": {"c1"}, "state": {state}}, state, ""},
		{"other state", url.Values{"code": {"c1"}, "state": {"forged"}}, state, "error.oidc.state"},
		{"no state", url.Values{"code": {"c1"}}, state, "error.oidc.state"},
		{"no login cookie", url.Values{"code": {"c1"}, "state": {""}}, "", "error.oidc.state"},
		{"no code", url.Values{"state": {state}}, state, "error.oidc.failed"},
		{"user cancelled", url.Values{"error": {"access_denied"}, "state": {state}}, state, "error.oidc.denied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, err := oidc.Callback(tt.query, tt.wantState)
			if tt.wantKey == "" {
				if err != nil || code != "c1" {
					t.Fatalf("got %q, %v; want c1, nil", code, err)
				}
				return
			}
			wantFault(t, err, fault.Unauthenticated, tt.wantKey)
			if code != "" {
				t.Errorf("got code %q with error, want none", code)
			}
		})
	}
}

// TestCallbackFromAnotherLogin: the provider's real redirect, checked against
// the state of a different login (a forged or stale callback), is refused.
func TestCallbackFromAnotherLogin(t *testing.T) {
	_, rp := setup(t, oidctestUser(), nil)
	q := authorize(t, rp, oidc.NewState(), oidc.NewNonce(), oidc.NewVerifier())
	_, err := oidc.Callback(q, oidc.NewState())
	wantFault(t, err, fault.Unauthenticated, "error.oidc.state")
}

func TestRandomValues(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range []func() string{oidc.NewState, oidc.NewNonce, oidc.NewVerifier} {
		for range 3 {
			v := f()
			if len(v) < 43 || seen[v] || url.QueryEscape(v) != v {
				t.Fatalf("got %q: want 43+ URL-safe characters, never repeated", v)
			}
			seen[v] = true
		}
	}
}
