package georeport

import (
	"strings"
	"testing"

	"rathaus/internal/fault"
)

func TestNewKeyAndHash(t *testing.T) {
	a, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewKey()
	if a == b || !strings.HasPrefix(a, KeyPrefix) || len(a) != len(KeyPrefix)+32 {
		t.Errorf("keys %q %q", a, b)
	}
	if HashKey(a) == HashKey(b) || len(HashKey(a)) != 64 || HashKey(a) != HashKey(a) {
		t.Error("hash not a stable SHA-256 hex")
	}
}

func TestValidate(t *testing.T) {
	c := &Client{Name: "  FixMyStreet  ", Contact: "fms@example.org", HourlyLimit: 10}
	if err := Validate(c); err != nil || c.Name != "FixMyStreet" {
		t.Errorf("valid client: %v %q", err, c.Name)
	}
	bad := &Client{Name: strings.Repeat("x", 201), HourlyLimit: 0}
	err := Validate(bad)
	fe := fault.As(err)
	if fe == nil || len(fe.Fields) != 3 {
		t.Fatalf("errors %v", err)
	}
	for i, f := range []string{"name", "contact", "limit"} {
		if fe.Fields[i].Field != f {
			t.Errorf("field %d = %s, want %s", i, fe.Fields[i].Field, f)
		}
	}
}
