package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rathaus/internal/catalog"
)

const munichDir = "../../../shared/data/services"

func TestImportExportCatalog(t *testing.T) {
	services := filepath.Join(munichDir, "muenchen_dldb_services_de_2026-06.json")
	locations := filepath.Join(munichDir, "muenchen_dldb_locations_de_2026-06.json")
	if _, err := os.Stat(services); err != nil {
		t.Skipf("real DLDB data not found at %s (../shared/data/services next to the repository)", munichDir)
	}
	dir := t.TempDir()
	env := map[string]string{"RATHAUS_DATABASE_URL": filepath.Join(dir, "x.db")}
	out, err := runCmd(t, env, "import", "dldb", "--services", services, "--locations", locations, "--source", "dldb:muenchen")
	if err != nil || !strings.Contains(out, "services 287 created, 0 updated, 0 unchanged; offices 109 created") {
		t.Fatalf("first import: %q, %v", out, err)
	}
	out, err = runCmd(t, env, "import", "dldb", "--source", "dldb:muenchen", "--services", services, "--locations", locations)
	if err != nil || !strings.Contains(out, "services 0 created, 0 updated, 287 unchanged; offices 0 created, 0 updated, 109 unchanged") {
		t.Fatalf("second import: %q, %v", out, err)
	}

	file := filepath.Join(dir, "muenchen.json")
	out, err = runCmd(t, env, "export", "catalog", "--source", "dldb:muenchen", file)
	if err != nil || !strings.Contains(out, "exported 287 services, 109 offices") {
		t.Fatalf("export: %q, %v", out, err)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var b catalog.Bundle
	if err := json.Unmarshal(raw, &b); err != nil || b.Format != catalog.BundleFormat || b.Source != "dldb:muenchen" {
		t.Fatalf("exported file: format %q source %q, %v", b.Format, b.Source, err)
	}
	if !strings.Contains(string(raw), `"name": "Gewerbe-Anmeldung"`) {
		t.Error("export lacks Gewerbe-Anmeldung")
	}

	fresh := map[string]string{"RATHAUS_DATABASE_URL": filepath.Join(dir, "fresh.db")}
	out, err = runCmd(t, fresh, "import", "catalog", file)
	if err != nil || !strings.Contains(out, "services 287 created") {
		t.Fatalf("import of the export: %q, %v", out, err)
	}
	out, err = runCmd(t, fresh, "export", "catalog", "--source", "dldb:muenchen")
	if err != nil || out != string(raw) {
		t.Errorf("export of the fresh database differs from the first export (%d vs %d bytes), %v", len(out), len(raw), err)
	}
}

func TestImportCatalogRejects(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"RATHAUS_DATABASE_URL": filepath.Join(dir, "x.db")}
	bad := filepath.Join(dir, "bad.json")
	content := `{"format": "rathaus-catalog/1", "source": "test", "services": [{"key": "a", "name": "A", "org": "nirgendwo", "leika": ["1"]}]}`
	if err := os.WriteFile(bad, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := runCmd(t, env, "import", "catalog", bad)
	if err == nil || !strings.Contains(err.Error(), `service "a": invalid leika`) || !strings.Contains(err.Error(), `no organisation with slug "nirgendwo"`) {
		t.Errorf("bad catalogue: %v", err)
	}
	for _, args := range [][]string{
		{"import"},
		{"import", "dldb"},
		{"import", "catalog"},
		{"import", "frobnicate"},
		{"export", "everything"},
	} {
		if _, err := runCmd(t, env, args...); err == nil {
			t.Errorf("%q succeeded", args)
		}
	}
}
