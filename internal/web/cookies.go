package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net"
	"net/http"
	"strings"
)

// cookieKey derives the signing key from the session secret, or makes a
// random one, so that signed cookies then simply last as long as the
// process.
func cookieKey(secret string) []byte {
	if secret == "" {
		k := make([]byte, 32)
		_, _ = rand.Read(k)
		return k
	}
	sum := sha256.Sum256([]byte("rathaus cookie v1\x00" + secret))
	return sum[:]
}

func (s *Server) sign(name, value string) string {
	m := hmac.New(sha256.New, s.cookieKey)
	m.Write([]byte(name + "\x00" + value))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// setSignedCookie stores value (any text) in an HttpOnly, SameSite=Lax
// cookie together with an HMAC, for maxAge seconds.
func (s *Server) setSignedCookie(w http.ResponseWriter, name, value string, maxAge int) {
	v := base64.RawURLEncoding.EncodeToString([]byte(value))
	http.SetCookie(w, &http.Cookie{
		Name: name, Value: v + "." + s.sign(name, value), Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.opts.SecureCookies, SameSite: http.SameSiteLaxMode,
	})
}

// signedCookie returns the value of a signed cookie; false when it is
// missing or was not made by this server.
func (s *Server) signedCookie(r *http.Request, name string) (string, bool) {
	c, err := r.Cookie(name)
	if err != nil {
		return "", false
	}
	enc, mac, ok := strings.Cut(c.Value, ".")
	if !ok {
		return "", false
	}
	b, err := base64.RawURLEncoding.DecodeString(enc)
	if err != nil || !hmac.Equal([]byte(mac), []byte(s.sign(name, string(b)))) {
		return "", false
	}
	return string(b), true
}

// deleteCookie removes a cookie set by this server.
func (s *Server) deleteCookie(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.opts.SecureCookies, SameSite: http.SameSiteLaxMode})
}

// clientIP is the visitor's address for audit entries and throttling:
// the last X-Forwarded-For entry (the one our proxy added) when
// Options.TrustProxy is set, else the connection's peer.
func (s *Server) clientIP(r *http.Request) string {
	if s.opts.TrustProxy {
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			parts := strings.Split(xff[len(xff)-1], ",")
			if ip := net.ParseIP(strings.TrimSpace(parts[len(parts)-1])); ip != nil {
				return ip.String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
