package appointment

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// codeAlphabet leaves out letters and digits that are easily confused
// when read aloud or from paper (0/O, 1/I/L, 5/S, 8/B, 2/Z, U/V).
const codeAlphabet = "34679ACDEFGHJKMNPQRTWXY"

// newCode returns a booking code such as "K7M-4QX": 6 characters from 23,
// about 1.5e8 codes, unique per database (a collision is retried).
func newCode() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	var sb strings.Builder
	for i, c := range b {
		if i == 3 {
			sb.WriteByte('-')
		}
		sb.WriteByte(codeAlphabet[int(c)%len(codeAlphabet)])
	}
	return sb.String()
}

// NormalizeCode turns what a person typed ("k7m 4qx") into a code.
func NormalizeCode(s string) string {
	var sb strings.Builder
	for _, r := range strings.ToUpper(s) {
		if strings.ContainsRune(codeAlphabet, r) {
			sb.WriteRune(r)
		}
	}
	c := sb.String()
	if len(c) != 6 {
		return ""
	}
	return c[:3] + "-" + c[3:]
}

// newSecret returns a random link secret and the hash stored for it.
func newSecret() (raw string, hash []byte) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	raw = base64.RawURLEncoding.EncodeToString(b)
	return raw, HashSecret(raw)
}

// HashSecret is the stored form of a link secret.
func HashSecret(raw string) []byte {
	sum := sha256.Sum256([]byte(raw))
	return sum[:]
}

// clientHash keys a client address with the instance secret, so the
// database never holds the address itself.
func clientHash(secret, addr string) string {
	if addr == "" {
		return ""
	}
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(addr))
	return hex.EncodeToString(m.Sum(nil)[:12])
}
