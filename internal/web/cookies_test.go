package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestSignedCookie(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.SessionSecret = "a-secret-of-at-least-32-characters!" })
	rec := httptest.NewRecorder()
	e.srv.setSignedCookie(rec, "state", "abc:def", 60)
	c := rec.Result().Cookies()[0]

	r := httptest.NewRequest("GET", "/", nil)
	r.AddCookie(c)
	if v, ok := e.srv.signedCookie(r, "state"); !ok || v != "abc:def" {
		t.Errorf("got %q, %v; want abc:def, true", v, ok)
	}
	for _, forged := range []string{c.Value + "x", "YWJj.bad", "nodot", ""} {
		r := httptest.NewRequest("GET", "/", nil)
		r.AddCookie(&http.Cookie{Name: "state", Value: forged})
		if v, ok := e.srv.signedCookie(r, "state"); ok {
			t.Errorf("forged %q accepted as %q", forged, v)
		}
	}
	// Another server with another secret does not accept it.
	other := newEnv(t, func(o *Options) { o.SessionSecret = "another-secret-of-32-characters-or-more" })
	if _, ok := other.srv.signedCookie(r, "state"); ok {
		t.Error("cookie accepted by a server with another secret")
	}
}

func TestClientIP(t *testing.T) {
	for _, tc := range []struct {
		trust bool
		xff   string
		want  string
	}{
		{false, "203.0.113.9", "192.0.2.1"},
		{true, "198.51.100.7, 203.0.113.9", "203.0.113.9"},
		{true, "garbage", "192.0.2.1"},
		{true, "", "192.0.2.1"},
	} {
		e := &Server{opts: Options{TrustProxy: tc.trust}}
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = "192.0.2.1:5555"
		if tc.xff != "" {
			r.Header.Set("X-Forwarded-For", tc.xff)
		}
		if got := e.clientIP(r); got != tc.want {
			t.Errorf("trust=%v xff=%q: got %q, want %q", tc.trust, tc.xff, got, tc.want)
		}
	}
}
