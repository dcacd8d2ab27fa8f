package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
)

const eventlogs = "../../../shared/data/eventlogs/"

func needData(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("the shared event logs are missing (%v); CI has them at ../shared/data", err)
	}
}

func mine(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errs bytes.Buffer
	if err := run(context.Background(), append([]string{"mine"}, args...), func(string) string { return "" }, &out, &errs); err != nil {
		t.Fatalf("rathaus mine %v: %v\n%s", args, err, errs.String())
	}
	return out.Bytes()
}

// TestMineStatsReceipt checks the figures an analyst's script reads
// against the independent reference of the real receipt log.
func TestMineStatsReceipt(t *testing.T) {
	needData(t, eventlogs+"08_receipt.xes.gz")
	var got map[string]any
	if err := json.Unmarshal(mine(t, "stats", eventlogs+"08_receipt.xes.gz"), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"cases": 1434, "events": 8577, "activities": 27, "variants": 116,
		"dfg_edges": 99, "dfg_pairs": 7143, "median_case_duration_s": 2868.5835, "mean_case_duration_s": 467263.9152573222}
	for k, v := range want {
		g, ok := got[k].(float64)
		if !ok || math.Abs(g-v) > 1e-3 {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
}

// TestMineExportRoundTrip converts the receipt log into every export
// format and reads each file back with the same figures.
func TestMineExportRoundTrip(t *testing.T) {
	needData(t, eventlogs+"08_receipt.xes.gz")
	base := mine(t, "stats", eventlogs+"08_receipt.xes.gz")
	dir := t.TempDir()
	for format, name := range map[string]string{"xes": "r.xes", "csv": "r.csv", "ocel": "r.jsonocel", "ocel-xml": "r.xmlocel"} {
		t.Run(format, func(t *testing.T) {
			out := filepath.Join(dir, name)
			mine(t, "export", "--format", format, "-o", out, eventlogs+"08_receipt.xes.gz")
			again := mine(t, "stats", "--object-type", "case", out)
			if !sameFigures(t, base, again) {
				t.Errorf("%s round trip changed the figures:\n%s\nwant\n%s", format, again, base)
			}
		})
	}
}

// sameFigures compares the key figures of two stats outputs.
func sameFigures(t *testing.T, a, b []byte) bool {
	var x, y map[string]any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		t.Fatal("stats is not JSON")
	}
	for _, k := range []string{"cases", "events", "activities", "variants", "dfg_edges", "dfg_pairs", "median_case_duration_s", "mean_case_duration_s"} {
		if math.Abs(x[k].(float64)-y[k].(float64)) > 1e-3 {
			return false
		}
	}
	return true
}

func TestMineRejectsBadInput(t *testing.T) {
	var out, errs bytes.Buffer
	bad := filepath.Join(t.TempDir(), "x.xes")
	os.WriteFile(bad, []byte("<log><trace><event>"), 0o600)
	for _, args := range [][]string{{"mine"}, {"mine", "stats"}, {"mine", "stats", bad}, {"mine", "frobnicate", bad}, {"mine", "export", "--format", "pdf", bad}} {
		if err := run(context.Background(), args, func(string) string { return "" }, &out, &errs); err == nil {
			t.Errorf("rathaus %v succeeded, want an error", args)
		}
	}
}
