package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// EnvAxeJS names the axe-core script; by default
// node_modules/axe-core/axe.min.js in the working directory or a folder
// above it, up to the repository root (`npm ci` puts it there).
const EnvAxeJS = "RATHAUS_AXE_JS"

// AxeTags are the rule sets every page must pass: WCAG 2.0 and 2.1 levels
// A and AA (what BITV 2.0 and EN 301 549 require) and axe's best practices.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"}

// Violation is one axe-core rule a page breaks.
type Violation struct {
	ID      string          `json:"id"`
	Impact  string          `json:"impact"`
	Help    string          `json:"help"`
	HelpURL string          `json:"helpUrl"`
	Nodes   []ViolationNode `json:"nodes"`
}

// ViolationNode is one element that breaks a rule.
type ViolationNode struct {
	Target  []string `json:"target"`  // CSS selectors that find the element
	HTML    string   `json:"html"`    // the element's start tag, shortened by axe
	Summary string   `json:"summary"` // what to fix
}

// Axe checks the current page with axe-core (AxeTags) and fails the test
// with the list of violations, if there are any.
func (b *Browser) Axe() {
	b.t.Helper()
	Axe(b.t, b.ctx)
}

// Axe checks the current page of a chromedp tab with axe-core (AxeTags)
// and fails the test with the list of violations, if there are any. A
// missing axe-core skips the test, or fails it under EnvRequire.
func Axe(t testing.TB, ctx context.Context) {
	t.Helper()
	vs, err := AxeViolations(ctx)
	if errors.Is(err, errNoAxe) {
		unavailable(t, err.Error())
	}
	if err != nil {
		t.Fatalf("browsertest: axe-core: %v", err)
	}
	if len(vs) > 0 {
		url, _ := chromedp.Run(ctx, chromedp.Location())
		t.Errorf("%s", FormatViolations(url, vs))
	}
}

const axeTimeout = time.Minute

// AxeViolations injects axe-core into the current page of a chromedp tab,
// if it is not there yet, runs it with AxeTags and returns the violations.
// The script goes in through DevTools, so a Content-Security-Policy that
// forbids inline script does not stop it.
func AxeViolations(ctx context.Context) ([]Violation, error) {
	src, err := axeSource()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, axeTimeout)
	defer cancel()
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
	if err != nil {
		return nil, err
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
			return nil, fmt.Errorf("inject: %w", err)
		}
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](axeRunScript(), chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("run: %w", err)
	}
	var vs []Violation
	if err := json.Unmarshal(raw, &vs); err != nil {
		return nil, fmt.Errorf("decode results: %w", err)
	}
	return vs, nil
}

func axeRunScript() string {
	tags, _ := json.Marshal(AxeTags)
	return `axe.run(document, {runOnly: {type: "tag", values: ` + string(tags) + `}, resultTypes: ["violations"]})
	.then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({
			target: n.target.map(s => Array.isArray(s) ? s.join(" >>> ") : String(s)),
			html: n.html, summary: n.failureSummary || ""
		}))
	})))`
}

// FormatViolations renders violations as a list a person can act on.
func FormatViolations(url string, vs []Violation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "axe-core: %d accessibility violations on %s:\n", len(vs), url)
	for _, v := range vs {
		fmt.Fprintf(&b, "\n  %s (%s): %s\n    %s\n", v.ID, v.Impact, v.Help, v.HelpURL)
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "    - %s\n      %s\n", strings.Join(n.Target, ", "), n.HTML)
			for _, line := range strings.Split(strings.TrimSpace(n.Summary), "\n") {
				if line = strings.TrimSpace(line); line != "" {
					fmt.Fprintf(&b, "      %s\n", line)
				}
			}
		}
	}
	return b.String()
}

var errNoAxe = errors.New("axe-core not found (run `npm ci` at the repository root or set " + EnvAxeJS + ")")

var axeSource = sync.OnceValues(func() (string, error) {
	path := os.Getenv(EnvAxeJS)
	if path == "" {
		path = findAxe()
	}
	if path == "" {
		return "", errNoAxe
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return string(b), nil
})

// findAxe walks up from the working directory to the repository root
// looking for node_modules/axe-core/axe.min.js.
func findAxe() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	root := repoRoot()
	for {
		p := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if dir == root || parent == dir {
			return ""
		}
		dir = parent
	}
}
