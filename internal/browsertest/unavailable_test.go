package browsertest

import (
	"testing"
)

type skipRecorder struct {
	testing.TB
	skipped, failed string
}

func (r *skipRecorder) Helper()                           {}
func (r *skipRecorder) Skip(args ...any)                  { r.skipped = args[0].(string) }
func (r *skipRecorder) Fatalf(format string, args ...any) { r.failed = format }

func TestMissingBrowserSkipsUnlessRequired(t *testing.T) {
	t.Setenv(EnvRequire, "")
	r := &skipRecorder{TB: t}
	unavailable(r, "no Chromium found")
	if r.skipped == "" || r.failed != "" {
		t.Errorf("without %s: skipped %q, failed %q; want a skip", EnvRequire, r.skipped, r.failed)
	}

	t.Setenv(EnvRequire, "1")
	r = &skipRecorder{TB: t}
	unavailable(r, "no Chromium found")
	if r.failed == "" || r.skipped != "" {
		t.Errorf("with %s=1: skipped %q, failed %q; want a failure", EnvRequire, r.skipped, r.failed)
	}
}
