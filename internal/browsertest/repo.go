package browsertest

import (
	"os"
	"path/filepath"
	"strings"
)

// repoRoot returns the nearest folder at or above the working directory
// that holds a go.mod, or "" if there is none. Tests run in their
// package's folder, so this is the module root.
func repoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func joinLines(lines []string) string { return strings.Join(lines, "\n  ") }
