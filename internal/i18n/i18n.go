// Package i18n translates user-facing text. Every text lives in one flat
// JSON file per language (locales/de.json, locales/en.json) under dotted
// keys such as "error.email.invalid" or "home.title"; German is the
// reference language and the fallback for a missing English text.
//
// Code never holds prose: domain errors carry a key (see internal/fault),
// templates call the page's T method with a key, and tests in this package
// fail when a key used anywhere is missing, empty, or present in only one
// language.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed locales/*.json
var locales embed.FS

// Default is the language used when nothing else is known.
const Default = "de"

// Langs lists the supported languages, the default first.
var Langs = []string{"de", "en"}

// Catalog holds the texts of every language.
type Catalog struct {
	msgs map[string]map[string]string // lang -> key -> text
}

// New loads the embedded locale files. A language's texts may be split
// over several files, locales/<lang>.json and locales/<lang>.<area>.json,
// so that areas of the application keep their texts apart; a key defined
// in two files is an error.
func New() (*Catalog, error) {
	c := &Catalog{msgs: map[string]map[string]string{}}
	for _, lang := range Langs {
		files, err := fs.Glob(locales, "locales/"+lang+"*.json")
		if err != nil || len(files) == 0 {
			return nil, fmt.Errorf("i18n: no locale files for %s", lang)
		}
		m := map[string]string{}
		for _, f := range files {
			if base := path.Base(f); base != lang+".json" && !strings.HasPrefix(base, lang+".") {
				continue
			}
			if err := load(f, m); err != nil {
				return nil, err
			}
		}
		c.msgs[lang] = m
	}
	return c, nil
}

func load(file string, into map[string]string) error {
	b, err := locales.ReadFile(file)
	if err != nil {
		return fmt.Errorf("i18n: %w", err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("i18n: %s: %w", file, err)
	}
	for k, v := range m {
		if _, dup := into[k]; dup {
			return fmt.Errorf("i18n: %s: key %q is defined twice", file, k)
		}
		into[k] = v
	}
	return nil
}

// T returns the text for key in lang, formatted with args like
// fmt.Sprintf. A missing text falls back to German, then to the key itself,
// so a gap shows up visibly instead of as an empty string.
func (c *Catalog) T(lang, key string, args ...any) string {
	msg, ok := c.msgs[lang][key]
	if !ok {
		msg, ok = c.msgs[Default][key]
	}
	if !ok {
		return key
	}
	if len(args) == 0 {
		return msg
	}
	return fmt.Sprintf(msg, args...)
}

// Has reports whether key exists in the reference language.
func (c *Catalog) Has(key string) bool {
	_, ok := c.msgs[Default][key]
	return ok
}

// Keys returns the sorted keys of lang.
func (c *Catalog) Keys(lang string) []string {
	keys := make([]string, 0, len(c.msgs[lang]))
	for k := range c.msgs[lang] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Supported reports whether lang is one of Langs.
func Supported(lang string) bool {
	for _, l := range Langs {
		if l == lang {
			return true
		}
	}
	return false
}

// Negotiate picks the best supported language from an Accept-Language
// header ("en-GB,en;q=0.8,de;q=0.5"), Default when none matches.
func Negotiate(acceptLanguage string) string {
	best, bestQ := Default, 0.0
	for _, part := range strings.Split(acceptLanguage, ",") {
		tag, q := parseRange(part)
		lang, _, _ := strings.Cut(strings.ToLower(tag), "-")
		if lang == "*" {
			lang = Default
		}
		if Supported(lang) && q > bestQ {
			best, bestQ = lang, q
		}
	}
	return best
}

// parseRange splits "en-GB;q=0.8" into its tag and weight (1 when absent,
// 0 when malformed).
func parseRange(s string) (string, float64) {
	tag, params, _ := strings.Cut(strings.TrimSpace(s), ";")
	q := 1.0
	if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f > 1 {
			f = 0
		}
		q = f
	}
	return strings.TrimSpace(tag), q
}
