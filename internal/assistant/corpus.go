package assistant

import (
	"context"
	"math"
	"strings"
	"sync"

	"rathaus/internal/catalog"
	"rathaus/internal/search"
)

// corpus is the published catalogue's text at one version, folded, for
// judging how specific a question's words are: a word many services
// contain ("beantragen", "morgen") says little, a word none contains
// ("Pizza", "Hundesteuer" in a city without it) says the question is not
// about this catalogue.
type corpus struct {
	version int64
	text    map[int64]string // folded name, keywords, summary, description, fees per service
	head    map[int64]string // folded name, keywords and summary

	split *search.Compounds // against the catalogue's own words

	mu sync.Mutex
	df map[string]int // stem prefix -> services containing it
}

// corpus returns the corpus of the catalogue's current version.
func (a *Assistant) corpus(ctx context.Context) (*corpus, error) {
	v, err := a.Catalog.Version(ctx)
	if err != nil {
		return nil, err
	}
	if c := a.texts.Load(); c != nil && c.version == v {
		return c, nil
	}
	services, err := a.Catalog.AZ(ctx)
	if err != nil {
		return nil, err
	}
	c := &corpus{version: v, text: make(map[int64]string, len(services)), head: make(map[int64]string, len(services)),
		df: map[string]int{}}
	vocab := map[string]bool{}
	for _, s := range services {
		c.text[s.ID], c.head[s.ID] = serviceText(s), headText(s)
		for _, w := range splitWords(c.text[s.ID]) {
			vocab[w] = true
		}
	}
	words := make([]string, 0, len(vocab))
	for w := range vocab {
		words = append(words, search.Fold(w))
	}
	c.split = search.NewCompounds(words)
	a.texts.Store(c)
	return c, nil
}

func serviceText(s *catalog.Service) string {
	parts := []string{s.Name, strings.Join(s.Keywords, " "), s.Summary, s.Description,
		strings.Join(s.Documents, " "), s.FeesText, s.ProcessingTime, s.Deadlines}
	for _, l := range s.Links {
		parts = append(parts, l.Title)
	}
	return fold(strings.Join(parts, " "))
}

func headText(s *catalog.Service) string {
	return fold(s.Name + " " + strings.Join(s.Keywords, " ") + " " + s.Summary)
}

// docFreq counts the services whose text contains a word's stem prefix
// (as a substring, so that compounds count: "ausweis" in
// "personalausweis").
func (c *corpus) docFreq(w string) int {
	p := stemPrefix(w)
	c.mu.Lock()
	defer c.mu.Unlock()
	if n, ok := c.df[p]; ok {
		return n
	}
	n := 0
	for _, t := range c.text {
		if c.contains(t, w) {
			n++
		}
	}
	if len(c.df) >= maxDocFreqs {
		clear(c.df) // questions bring ever new words; keep the memo bounded
	}
	c.df[p] = n
	return n
}

// maxDocFreqs bounds the memo of document frequencies.
const maxDocFreqs = 50_000

// idf is a word's weight: high for rare words, highest for words the
// catalogue does not contain at all.
func (c *corpus) idf(w string) float64 {
	return math.Log(1 + float64(len(c.text))/float64(1+c.docFreq(w)))
}

// coverage is the idf-weighted share of the question's words that
// service s contains: in its whole text, and in its name, keywords and
// summary.
func (c *corpus) coverage(s *catalog.Service, words []string) (all, head float64) {
	text, ok := c.text[s.ID]
	if !ok {
		text = serviceText(s)
	}
	top, ok := c.head[s.ID]
	if !ok {
		top = headText(s)
	}
	var inText, inHead, sum float64
	for _, w := range words {
		idf := c.idf(w)
		sum += idf
		if c.contains(text, w) {
			inText += idf
		}
		if c.contains(top, w) {
			inHead += idf
		}
	}
	if sum == 0 {
		return 0, 0
	}
	return inText / sum, inHead / sum
}

// contains reports whether folded text holds word w: its stem prefix, or
// for a compound every part ("Taxiunternehmen" in "Taxi- oder
// Mietwagenunternehmens", but not "Wohnungsgeberbestätigung" in a text
// about a "Bestätigung" only).
func (c *corpus) contains(text, w string) bool {
	if strings.Contains(text, stemPrefix(w)) {
		return true
	}
	parts := c.split.Split(search.Fold(w))
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !strings.Contains(text, stemPrefix(p)) {
			return false
		}
	}
	return true
}
