package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func catalog(t *testing.T) *Catalog {
	t.Helper()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSameKeysNoEmptyValues(t *testing.T) {
	c := catalog(t)
	de, en := set(c.Keys("de")), set(c.Keys("en"))
	for k := range de {
		if !en[k] {
			t.Errorf("key %q is in de.json but not in en.json", k)
		}
	}
	for k := range en {
		if !de[k] {
			t.Errorf("key %q is in en.json but not in de.json", k)
		}
	}
	for _, lang := range Langs {
		for _, k := range c.Keys(lang) {
			if strings.TrimSpace(c.msgs[lang][k]) == "" {
				t.Errorf("%s: key %q has an empty text", lang, k)
			}
		}
	}
}

// TestSameVerbs checks both languages take the same format arguments, so
// a translation cannot drop or reorder a %s.
func TestSameVerbs(t *testing.T) {
	c := catalog(t)
	verbs := regexp.MustCompile(`%[sdvq]`)
	for _, k := range c.Keys("de") {
		de := verbs.FindAllString(c.msgs["de"][k], -1)
		en := verbs.FindAllString(c.msgs["en"][k], -1)
		if strings.Join(de, "") != strings.Join(en, "") {
			t.Errorf("key %q: de has verbs %v, en has %v", k, de, en)
		}
	}
}

func TestT(t *testing.T) {
	c := &Catalog{msgs: map[string]map[string]string{
		"de": {"a": "Hallo %s", "only.de": "nur deutsch"},
		"en": {"a": "Hello %s"},
	}}
	for _, tc := range []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"en", "a", []any{"Jena"}, "Hello Jena"},
		{"de", "a", []any{"Jena"}, "Hallo Jena"},
		{"fr", "a", []any{"Jena"}, "Hallo Jena"},
		{"en", "only.de", nil, "nur deutsch"},
		{"en", "missing.key", nil, "missing.key"},
	} {
		if got := c.T(tc.lang, tc.key, tc.args...); got != tc.want {
			t.Errorf("T(%q, %q): got %q, want %q", tc.lang, tc.key, got, tc.want)
		}
	}
}

func TestNegotiate(t *testing.T) {
	for header, want := range map[string]string{
		"":                          "de",
		"en":                        "en",
		"en-GB,en;q=0.9":            "en",
		"de-DE,de;q=0.9,en;q=0.8":   "de",
		"fr-FR,fr;q=0.9,en;q=0.5":   "en",
		"fr":                        "de",
		"en;q=0.2,de;q=0.8":         "de",
		"EN-us":                     "en",
		"*":                         "de",
		"en;q=bogus":                "de",
		"de;q=0, en":                "en",
		" en ; q=0.7 , de ; q=0.3 ": "en",
	} {
		if got := Negotiate(header); got != want {
			t.Errorf("Negotiate(%q): got %q, want %q", header, got, want)
		}
	}
}

// TestUsedKeysExist fails when code or a template uses a translation key
// that the catalog lacks. It reads:
//   - every "error.…", "mail.…" and "demo.…" string literal in the Go code under
//     internal/ (fault keys and mail texts; a "mail.x" key stands for
//     "mail.x.subject" and "mail.x.body");
//   - in internal/web, every literal that starts with a catalog namespace;
//   - every {{.T "key"}}, {{$.T "key"}}, (.Form.Field "name" "key") and
//     "hint=key" in internal/web/templates.
func TestUsedKeysExist(t *testing.T) {
	c := catalog(t)
	namespaces := map[string]bool{}
	for _, k := range c.Keys("de") {
		namespaces[strings.SplitN(k, ".", 2)[0]] = true
	}
	used := map[string]string{} // key -> where
	goKeys(t, "..", namespaces, used)
	templateKeys(t, "../web/templates", used)
	if len(used) < 20 {
		t.Fatalf("found only %d keys in use; is the scan broken?", len(used))
	}
	t.Logf("%d keys in use", len(used))
	for key, where := range used {
		if c.Has(key) {
			continue
		}
		if c.Has(key+".subject") && c.Has(key+".body") && strings.HasPrefix(key, "mail.") {
			continue
		}
		t.Errorf("%s: key %q is missing from the catalog", where, key)
	}
}

// notKeys are string literals that look like keys but are something else.
var notKeys = map[string]bool{
	"mail.send": true, // the job kind of mail delivery
}

var (
	keyLiteral = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)
	fileName   = regexp.MustCompile(`\.(html|css|js|json|svg|woff2)$`)
	comment    = regexp.MustCompile(`(?s)\{\{/\*.*?\*/\}\}`)
)

func goKeys(t *testing.T, root string, namespaces map[string]bool, used map[string]string) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		inWeb := strings.Contains(filepath.ToSlash(path), "/web/")
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !keyLiteral.MatchString(s) || notKeys[s] || fileName.MatchString(s) {
				return true
			}
			ns := strings.SplitN(s, ".", 2)[0]
			if ns == "error" || ns == "mail" || ns == "demo" || (inWeb && namespaces[ns]) {
				used[s] = path
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

var templateKey = regexp.MustCompile(`(?:\.T|Form\.Field "[a-z_]+") "([a-z0-9_.]+)"|"hint=([a-z0-9_.]+)"`)

func templateKeys(t *testing.T, root string, used map[string]string) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := comment.ReplaceAllString(string(b), "")
		for _, m := range templateKey.FindAllStringSubmatch(text, -1) {
			key := m[1] + m[2]
			used[key] = path
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func set(keys []string) map[string]bool {
	m := map[string]bool{}
	for _, k := range keys {
		m[k] = true
	}
	return m
}
