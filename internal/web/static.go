package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"
)

//go:embed static
var staticFS embed.FS

// assets are the static files, each served under a URL that contains a
// hash of its content, so browsers may cache them forever and a new
// release never meets a stale file.
type assets struct {
	byName map[string]*asset // "kern/kern.min.css" -> asset
	byURL  map[string]*asset // "/static/kern/kern.min.1a2b3c4d5e.css" -> asset
}

type asset struct {
	url, contentType string
	body             []byte
}

var contentTypes = map[string]string{
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".svg":   "image/svg+xml",
	".woff2": "font/woff2",
	".png":   "image/png",
	".ico":   "image/x-icon",
}

// loadAssets reads and hashes the embedded files. Stylesheets go last,
// because their url(...) references are rewritten to the hashed URLs of
// the files they point to.
func loadAssets() (*assets, error) {
	a := &assets{byName: map[string]*asset{}, byURL: map[string]*asset{}}
	var names []string
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && contentTypes[path.Ext(p)] != "" {
			names = append(names, strings.TrimPrefix(p, "static/"))
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(names, func(i, j int) bool {
		return path.Ext(names[i]) != ".css" && path.Ext(names[j]) == ".css"
	})
	for _, name := range names {
		body, err := staticFS.ReadFile("static/" + name)
		if err != nil {
			return nil, err
		}
		if path.Ext(name) == ".css" {
			if body, err = a.rewriteURLs(name, body); err != nil {
				return nil, err
			}
		}
		a.add(name, body)
	}
	return a, nil
}

func (a *assets) add(name string, body []byte) {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	u := "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	x := &asset{url: u, contentType: contentTypes[ext], body: body}
	a.byName[name], a.byURL[u] = x, x
}

var cssURL = regexp.MustCompile(`url\(\s*["']?([^"')]+)["']?\s*\)`)

// rewriteURLs points relative url(...) references of a stylesheet at the
// hashed URLs; data: URLs stay as they are.
func (a *assets) rewriteURLs(name string, body []byte) ([]byte, error) {
	var missing error
	out := cssURL.ReplaceAllFunc(body, func(m []byte) []byte {
		ref := string(cssURL.FindSubmatch(m)[1])
		if strings.HasPrefix(ref, "data:") || strings.HasPrefix(ref, "#") {
			return m
		}
		target := path.Join(path.Dir(name), ref)
		x, ok := a.byName[target]
		if !ok {
			missing = fmt.Errorf("%s: url(%s): no such asset", name, ref)
			return m
		}
		return []byte(`url("` + x.url + `")`)
	})
	return out, missing
}

// url returns the hashed URL of a static file; templates call it as
// {{asset "app.css"}}. An unknown name fails the template.
func (a *assets) url(name string) (string, error) {
	x, ok := a.byName[name]
	if !ok {
		return "", fmt.Errorf("no asset %q", name)
	}
	return x.url, nil
}

// handleStatic serves a hashed asset with a year of immutable caching.
func (s *Server) handleStatic(w http.ResponseWriter, r *http.Request) error {
	x, ok := s.assets.byURL[r.URL.Path]
	if !ok {
		return errNotFound
	}
	w.Header().Set("Content-Type", x.contentType)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(x.body))
	return nil
}
