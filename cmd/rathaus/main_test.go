package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets the test binary act as the rathaus command, so tests can
// start real server processes without building a second binary.
func TestMain(m *testing.M) {
	if os.Getenv("RATHAUS_TEST_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func runCmd(t *testing.T, env map[string]string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, envOf(env), &out, &errOut)
	return out.String() + errOut.String(), err
}

func TestVersion(t *testing.T) {
	out, err := runCmd(t, nil, "version")
	if err != nil || !strings.HasPrefix(out, "rathaus ") {
		t.Errorf("version = %q, %v", out, err)
	}
}

func TestUnknownCommand(t *testing.T) {
	out, err := runCmd(t, nil, "frobnicate")
	if err == nil || !strings.Contains(out, "Usage: rathaus") {
		t.Errorf("unknown command: %q, %v", out, err)
	}
}

func TestServeRefusesInsecureConfig(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	_, err := runCmd(t, map[string]string{"RATHAUS_DATABASE_URL": db}, "serve")
	if err == nil {
		t.Fatal("serve started without a session secret")
	}
	for _, want := range []string{"RATHAUS_SESSION_SECRET", "RATHAUS_SMTP_ADDR"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("refusal does not name %s: %v", want, err)
		}
	}
	if _, statErr := os.Stat(db); statErr == nil {
		t.Error("serve touched the database before refusing")
	}
}

func TestServeRefusesDemoAccounts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	env := map[string]string{"RATHAUS_DATABASE_URL": db}
	if out, err := runCmd(t, env, "user", "create", "--email", "buergerin@demo.jena.example", "--name", "Demo", "--password", "Demo-Jena-2026"); err != nil {
		t.Fatalf("user create: %v\n%s", err, out)
	}
	env["RATHAUS_SESSION_SECRET"] = strings.Repeat("k", 40)
	env["RATHAUS_SMTP_ADDR"] = "127.0.0.1:1"
	env["RATHAUS_ADDR"] = "127.0.0.1:0"
	_, err := runCmd(t, env, "serve")
	if err == nil || !strings.Contains(err.Error(), "demo accounts") {
		t.Errorf("serve with demo accounts: %v", err)
	}
}

func TestUserCommands(t *testing.T) {
	env := map[string]string{"RATHAUS_DATABASE_URL": filepath.Join(t.TempDir(), "x.db")}
	out, err := runCmd(t, env, "user", "create", "--email", "Admin@Jena.example", "--name", "Admin", "--admin")
	if err != nil || !strings.Contains(out, "password: ") {
		t.Fatalf("create with generated password: %q, %v", out, err)
	}
	if out, err := runCmd(t, env, "user", "create", "--email", "admin@jena.example", "--name", "Again", "--password", "lang genug 123"); err == nil {
		t.Errorf("duplicate account created: %q", out)
	}
	if out, err := runCmd(t, env, "user", "create", "--email", "kaputt", "--name", "", "--password", "x"); err == nil || !strings.Contains(err.Error(), "email") {
		t.Errorf("bad input: %q, %v", out, err)
	}
	if _, err := runCmd(t, env, "user", "role", "--email", "admin@jena.example", "--role", "case_worker", "--org", "nirgendwo"); err == nil {
		t.Error("role on unknown organisation granted")
	}
	if out, err := runCmd(t, env, "org", "create", "--slug", "jena", "--name", "Stadtverbund Jena", "--kind", "group"); err != nil {
		t.Fatalf("org create: %q, %v", out, err)
	}
	if out, err := runCmd(t, env, "org", "create", "--slug", "stadt-jena", "--name", "Stadt Jena", "--parent", "jena"); err != nil {
		t.Fatalf("org create below: %q, %v", out, err)
	}
	if _, err := runCmd(t, env, "org", "create", "--slug", "Kaputt!", "--name", "X", "--parent", "jena"); err == nil {
		t.Error("org with a bad slug created")
	}
	if out, err := runCmd(t, env, "user", "role", "--email", "admin@jena.example", "--role", "org_admin", "--org", "stadt-jena"); err != nil {
		t.Errorf("role on new organisation: %q, %v", out, err)
	}
	out, err = runCmd(t, env, "org", "list")
	if err != nil || !strings.Contains(out, "  Stadt Jena  (organisation, stadt-jena)") {
		t.Errorf("org list = %q, %v", out, err)
	}
	out, err = runCmd(t, env, "user", "disable", "--email", "admin@jena.example")
	if err != nil || !strings.Contains(out, "disabled") {
		t.Errorf("disable: %q, %v", out, err)
	}
	out, err = runCmd(t, env, "migrate")
	if err != nil || !strings.Contains(out, "migration") {
		t.Errorf("migrate: %q, %v", out, err)
	}
}
