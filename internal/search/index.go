package search

import (
	"math"
	"sort"
	"strings"
	"sync"
)

// Doc is one searchable service.
type Doc struct {
	ID       int64
	Name     string              // weighted highest
	Keywords []string            // keywords and colloquial synonyms; weighted second
	Summary  string              // short description; weighted third
	Text     string              // full text (description, documents, fees...); lowest weight
	Facets   map[string][]string // e.g. "life_situation": {"umzug"}, "org": {"12"}, "online": {"1"}
}

// Fields in falling weight.
const (
	fieldName = iota
	fieldKeywords
	fieldSummary
	fieldText
	numFields
)

// BM25F parameters: per-field weight and length normalisation, and the
// saturation constant.
var (
	fieldWeight = [numFields]float64{4, 2.5, 1.5, 1}
	fieldB      = [numFields]float64{0.4, 0.5, 0.6, 0.75}
)

const k1 = 1.2

// Weights of occurrences derived from a written word, relative to the word
// itself.
const (
	wJoined   = 0.8 // "Gewerbe-Anmeldung" read as "gewerbeanmeldung"
	wTail     = 0.6 // "parkausweis" inside "bewohnerparkausweis"
	wModifier = 0.4 // "bewohner" inside "bewohnerparkausweis"
)

// posting is one document's precomputed BM25F score for a term.
type posting struct {
	doc   int32
	score float32
	name  bool // the term occurs in the document's name
}

type docEntry struct {
	id        int64
	name      string
	sortKey   string    // folded name, for listing
	nameWords [][]int32 // per name word: its term and synonym groups
}

// wordEntry is a folded word known to the index: from the documents or
// from the curated synonyms (df 0).
type wordEntry struct {
	folded  string
	display string
	df      int32
	stem    string
	tails   []string // stems of the compound's tails ("parkausweis", "ausweis")
}

// Index is an immutable search index; it is safe for concurrent use.
type Index struct {
	docs     []docEntry
	terms    map[string]int32 // stem or group term -> term id
	postings [][]posting      // by term id
	idf      []float32        // by term id
	words    []wordEntry      // sorted by folded
	wordPos  map[string]int32 // folded -> position in words
	dels     deleteIndex      // finds words near a misspelt one
	split    *splitter
	syn      *synonyms
	facets   map[string]bitset  // facet + "\x00" + value
	byName   []int32            // doc positions in listing order
	names    []nameEntry        // distinct names by folded form, for Suggest
	phrases  map[string][]int32 // keyword as stems ("deutsch staatsangehor") -> docs
	pool     sync.Pool          // *scratch for rank
}

// Len returns the number of documents.
func (ix *Index) Len() int { return len(ix.docs) }

// NewIndex builds an index over docs with the built-in curated synonyms.
func NewIndex(docs []Doc) *Index {
	ix := &Index{syn: curatedSynonyms, terms: make(map[string]int32), phrases: make(map[string][]int32)}
	toks, vocab := collectWords(docs, ix.syn)
	ix.setWords(vocab)
	dict := make(map[string]bool, len(vocab))
	for w := range vocab {
		dict[w] = true
	}
	ix.split = newSplitter(dict)
	b := newBuilder(ix)
	lengths := make([][numFields]int, len(docs))
	for i, d := range docs {
		lengths[i] = b.addDoc(int32(i), toks[i])
		b.addPhrases(int32(i), d.Keywords)
		ix.docs = append(ix.docs, docEntry{
			id: d.ID, name: d.Name, sortKey: fold(strings.ToLower(d.Name)),
			nameWords: b.nameWords(d.Name),
		})
	}
	ix.analyseWords(b)
	ix.score(b.raw, lengths)
	ix.facets = buildFacets(docs)
	ix.sortByName()
	return ix
}

// setWords records the known words with their document frequency.
func (ix *Index) setWords(vocab map[string]*wordEntry) {
	ix.words = make([]wordEntry, 0, len(vocab))
	for _, w := range vocab {
		ix.words = append(ix.words, *w)
	}
	sort.Slice(ix.words, func(i, j int) bool { return ix.words[i].folded < ix.words[j].folded })
	ix.wordPos = make(map[string]int32, len(ix.words))
	for i, w := range ix.words {
		ix.wordPos[w.folded] = int32(i)
	}
	ix.dels = newDeleteIndex(ix.words)
}

// analyseWords records each known word's stem and compound tails, which
// the builder has mostly worked out already, so queries need not.
func (ix *Index) analyseWords(b *builder) {
	for i := range ix.words {
		w := &ix.words[i]
		info := b.info(w.folded)
		w.stem = info.stem
		for _, d := range info.derived {
			if d.w == wTail {
				w.tails = append(w.tails, d.stem)
			}
		}
	}
}

// score turns the collected weighted term frequencies into BM25F postings.
func (ix *Index) score(raw [][]rawPosting, lengths [][numFields]int) {
	avg := averageLengths(lengths)
	n := float64(len(lengths))
	ix.postings = make([][]posting, len(raw))
	ix.idf = make([]float32, len(raw))
	for term, rps := range raw {
		df := float64(len(rps))
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		ix.idf[term] = float32(idf)
		ps := make([]posting, len(rps))
		for k, rp := range rps {
			w := 0.0
			for f := 0; f < numFields; f++ {
				if rp.tf[f] == 0 {
					continue
				}
				norm := 1 - fieldB[f] + fieldB[f]*float64(lengths[rp.doc][f])/avg[f]
				w += fieldWeight[f] * float64(rp.tf[f]) / norm
			}
			ps[k] = posting{doc: rp.doc, score: float32(idf * w * (k1 + 1) / (k1 + w)), name: rp.tf[fieldName] > 0}
		}
		ix.postings[term] = ps
	}
}

// averageLengths averages each field's length over the documents that have
// the field.
func averageLengths(lengths [][numFields]int) [numFields]float64 {
	var avg [numFields]float64
	var nonEmpty [numFields]int
	for _, l := range lengths {
		for f, n := range l {
			if n > 0 {
				avg[f] += float64(n)
				nonEmpty[f]++
			}
		}
	}
	for f := range avg {
		if nonEmpty[f] > 0 {
			avg[f] /= float64(nonEmpty[f])
		} else {
			avg[f] = 1
		}
	}
	return avg
}

func (ix *Index) sortByName() {
	ix.byName = make([]int32, len(ix.docs))
	for i := range ix.byName {
		ix.byName[i] = int32(i)
	}
	sort.SliceStable(ix.byName, func(a, b int) bool {
		da, db := ix.docs[ix.byName[a]], ix.docs[ix.byName[b]]
		if da.sortKey != db.sortKey {
			return da.sortKey < db.sortKey
		}
		return da.id < db.id
	})
	ix.names = buildNames(ix.docs, ix.byName)
}
