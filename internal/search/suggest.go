package search

import (
	"sort"
	"strings"
)

// nameEntry is a distinct document name for suggestions.
type nameEntry struct {
	folded string
	name   string
}

// buildNames returns the distinct names in listing order.
func buildNames(docs []docEntry, byName []int32) []nameEntry {
	var out []nameEntry
	for _, d := range byName {
		e := nameEntry{folded: docs[d].sortKey, name: docs[d].name}
		if len(out) > 0 && out[len(out)-1].folded == e.folded {
			continue
		}
		out = append(out, e)
	}
	return out
}

// maxScan bounds how many words a prefix looks at, so one letter stays
// cheap.
const maxScan = 2000

// Suggest returns up to n completions for the prefix a user is typing:
// names starting with it, in name order, then the most frequent words
// starting with it.
func (ix *Index) Suggest(prefix string, n int) []string {
	p := fold(strings.ToLower(strings.TrimSpace(prefix)))
	if p == "" || n <= 0 {
		return nil
	}
	var out []string
	seen := make(map[string]bool)
	i := sort.Search(len(ix.names), func(i int) bool { return ix.names[i].folded >= p })
	for ; i < len(ix.names) && len(out) < n && strings.HasPrefix(ix.names[i].folded, p); i++ {
		out = append(out, ix.names[i].name)
		seen[ix.names[i].folded] = true
	}
	for _, pos := range ix.completions(p, n) {
		if w := ix.words[pos]; !seen[w.folded] && len(out) < n {
			out = append(out, w.display)
		}
	}
	return out
}

// completions returns up to n positions of known document words starting
// with the folded prefix p, most frequent first.
func (ix *Index) completions(p string, n int) []int32 {
	if n <= 0 {
		return nil
	}
	i := sort.Search(len(ix.words), func(i int) bool { return ix.words[i].folded >= p })
	var found []int32
	for ; i < len(ix.words) && len(found) < maxScan && strings.HasPrefix(ix.words[i].folded, p); i++ {
		if ix.words[i].df > 0 {
			found = append(found, int32(i))
		}
	}
	sort.SliceStable(found, func(a, b int) bool { return ix.words[found[a]].df > ix.words[found[b]].df })
	if len(found) > n {
		found = found[:n]
	}
	return found
}
