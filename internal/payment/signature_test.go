package payment

import (
	"strings"
	"testing"
)

func TestValidSignature(t *testing.T) {
	secret := []byte("geheim")
	body := []byte(`{"ref":"JENA-2026-000123","status":"paid"}`)
	sig := Sign(secret, body)
	for _, s := range []string{sig, strings.ToUpper(sig), "sha256=" + sig} {
		if !ValidSignature(secret, body, s) {
			t.Errorf("%s should verify", s)
		}
	}
	if ValidSignature(secret, []byte(`{"ref":"JENA-2026-000123","status":"failed"}`), sig) {
		t.Error("a changed body verified")
	}
	if ValidSignature([]byte("anders"), body, sig) || ValidSignature(nil, body, Sign(nil, body)) || ValidSignature(secret, body, "zz") {
		t.Error("wrong secret, empty secret or garbage verified")
	}
}
