package payment

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Sign returns the hex HMAC-SHA256 of body under secret, the way most
// e-payment platforms sign their webhook notifications.
func Sign(secret, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// ValidSignature reports whether signature (hex, either case, optionally
// prefixed "sha256=") is the HMAC-SHA256 of body under secret, compared in
// constant time. An empty secret never verifies anything. Implementations of
// Provider.VerifyWebhook use it for platforms that sign this way.
func ValidSignature(secret, body []byte, signature string) bool {
	if len(secret) == 0 {
		return false
	}
	got, err := hex.DecodeString(strings.TrimPrefix(strings.TrimSpace(signature), "sha256="))
	if err != nil {
		return false
	}
	want, _ := hex.DecodeString(Sign(secret, body))
	return hmac.Equal(got, want)
}
