package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const berlinTopics = "../../../shared/data/services/berlin_service_to_topic_2018.tsv"

func routeCmd(args ...string) (stdout, stderr string, err error) {
	var out, errs bytes.Buffer
	err = run(context.Background(), append([]string{"route"}, args...), func(string) string { return "" }, &out, &errs)
	return out.String(), errs.String(), err
}

// TestRouteEvalBerlin runs the evaluation an analyst runs on the real
// Berlin set. Issue 8 asks for 0.85 accuracy; the classifier reaches 0.79
// (see docs/benchmarks.md, "Routing"), which this guards.
func TestRouteEvalBerlin(t *testing.T) {
	if _, err := os.Stat(berlinTopics); err != nil {
		t.Skipf("skipping: the Berlin set is absent (%v); CI has it at ../shared/data", err)
	}
	out, errs, err := routeCmd("eval", "--data", berlinTopics, "--text-column", "2", "--label-column", "4", "--folds", "5")
	if err != nil {
		t.Fatalf("route eval: %v\n%s", err, errs)
	}
	var got struct {
		Accuracy float64 `json:"accuracy"`
		MacroF1  float64 `json:"macro_f1"`
		N        int     `json:"n"`
		Labels   int     `json:"labels"`
		Folds    int     `json:"folds"`
		PerLabel []struct {
			Label   string  `json:"label"`
			F1      float64 `json:"f1"`
			Support int     `json:"support"`
		} `json:"per_label"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is no JSON: %v\n%s", err, out)
	}
	t.Logf("accuracy %.4f macro-F1 %.4f", got.Accuracy, got.MacroF1)
	if got.Accuracy < 0.78 || got.MacroF1 <= 0 {
		t.Errorf("accuracy %.4f, macro-F1 %.4f; want accuracy at least 0.78 and a macro-F1", got.Accuracy, got.MacroF1)
	}
	if got.N != 651 || got.Labels != 16 || got.Folds != 5 || len(got.PerLabel) != 16 {
		t.Errorf("got n %d, labels %d, folds %d, %d per-label rows; want 651, 16, 5, 16", got.N, got.Labels, got.Folds, len(got.PerLabel))
	}
}

func TestRouteEvalBadFlags(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.tsv")
	if err := os.WriteFile(small, []byte("text\tlabel\nHund\tSteuer\nKatze\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		wantMsg  string
	}{
		{"no subcommand", nil, 2, "want eval"},
		{"unknown flag", []string{"eval", "--colour", "x"}, 2, "flag provided but not defined"},
		{"no data", []string{"eval", "--text-column", "1", "--label-column", "2"}, 2, "--data FILE.tsv is required"},
		{"no columns", []string{"eval", "--data", small}, 2, "count from 1"},
		{"one fold", []string{"eval", "--data", small, "--text-column", "1", "--label-column", "2", "--folds", "1"}, 2, "at least 2"},
		{"not a number", []string{"eval", "--data", small, "--text-column", "two", "--label-column", "2"}, 2, "invalid value"},
		{"missing file", []string{"eval", "--data", filepath.Join(dir, "none.tsv"), "--text-column", "1", "--label-column", "2"}, 1, "no such file"},
		{"short row", []string{"eval", "--data", small, "--text-column", "1", "--label-column", "2"}, 1, "line 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := routeCmd(tc.args...)
			if err == nil {
				t.Fatalf("got no error, want exit code %d", tc.wantCode)
			}
			if code := exitCode(err); code != tc.wantCode {
				t.Errorf("exit code %d for %q, want %d", code, err, tc.wantCode)
			}
			if !strings.Contains(err.Error(), tc.wantMsg) {
				t.Errorf("error %q, want it to contain %q", err, tc.wantMsg)
			}
			if out != "" {
				t.Errorf("printed %q on standard output, want nothing", out)
			}
		})
	}
}

func TestRouteEvalHelp(t *testing.T) {
	_, errs, err := routeCmd("eval", "--help")
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("got %v, want flag.ErrHelp (exit 0 after the usage)", err)
	}
	if !strings.Contains(errs, "-text-column") {
		t.Errorf("usage %q does not name --text-column", errs)
	}
}
