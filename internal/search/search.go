package search

import (
	"sort"
	"strings"
)

// Query is a search request.
type Query struct {
	Text    string
	Filters map[string]string // facet -> required value (AND over facets)
	Limit   int               // 0 -> 20
	Offset  int
}

// Hit is one found document.
type Hit struct {
	ID    int64
	Score float64
}

// Result is one page of hits.
type Result struct {
	Hits      []Hit
	Total     int    // matches before Limit and Offset
	Corrected string // the query with typos corrected, when there were any
}

// Ranking factors on top of the summed clause scores.
const (
	coordMatched = 0.5  // weight of the share of the query matched
	coordName    = 0.4  // weight of the share of the query matched in the name
	coverName    = 0.5  // weight of the share of the name the query covers
	bonusAll     = 1.1  // every clause matched (queries of two or more)
	bonusKeyword = 0.3  // weight of the share of the query that is a keyword of the document
	nameAltFloor = 0.45 // weakest alternative that counts as covering a name word
)

// Search runs q. An empty text lists the documents passing the filters in
// name order.
func (ix *Index) Search(q Query) Result {
	if q.Limit <= 0 {
		q.Limit = 20
	}
	allowed := ix.filter(q.Filters)
	if strings.TrimSpace(q.Text) == "" {
		return page(ix.list(allowed), q)
	}
	p := ix.plan(q.Text)
	res := page(ix.rank(p, allowed), q)
	res.Corrected = p.corrected
	return res
}

// list returns the allowed documents in name order.
func (ix *Index) list(allowed bitset) []Hit {
	hits := make([]Hit, 0, len(ix.byName))
	for _, d := range ix.byName {
		if allowed == nil || allowed.has(d) {
			hits = append(hits, Hit{ID: ix.docs[d].id})
		}
	}
	return hits
}

func page(hits []Hit, q Query) Result {
	res := Result{Total: len(hits)}
	if q.Offset < len(hits) {
		hits = hits[max(q.Offset, 0):]
		res.Hits = hits[:min(q.Limit, len(hits))]
	}
	return res
}

// accumulator gathers per-document sums over the clauses of one query.
type accumulator struct {
	score   []float64
	matched []float64 // importance of the clauses matched
	inName  []float64 // importance of the clauses matched in the name
	best    []float64
	name    []bool
	touched []int32
}

func newAccumulator(n int) *accumulator {
	return &accumulator{
		score: make([]float64, n), matched: make([]float64, n), inName: make([]float64, n),
		best: make([]float64, n), name: make([]bool, n),
	}
}

// importance is how much a clause says: the best weighted idf of its
// alternatives, so "beantragen" counts less than "Reisepass".
func (ix *Index) importance(c clause) float64 {
	imp := 0.0
	for _, a := range c.alts {
		imp = max(imp, a.weight*float64(ix.idf[a.term]))
	}
	return imp
}

// addClause adds the best alternative of clause c for every document.
func (ix *Index) addClause(acc *accumulator, c clause, allowed bitset) {
	acc.touched = acc.touched[:0]
	for _, a := range c.alts {
		for _, ps := range ix.postings[a.term] {
			if allowed != nil && !allowed.has(ps.doc) {
				continue
			}
			if acc.best[ps.doc] == 0 {
				acc.touched = append(acc.touched, ps.doc)
			}
			acc.best[ps.doc] = max(acc.best[ps.doc], a.weight*float64(ps.score))
			acc.name[ps.doc] = acc.name[ps.doc] || ps.name
		}
	}
	imp := ix.importance(c)
	for _, d := range acc.touched {
		acc.score[d] += acc.best[d]
		acc.matched[d] += imp
		if acc.name[d] {
			acc.inName[d] += imp
		}
		acc.best[d], acc.name[d] = 0, false
	}
}

// rank scores every document matching at least one clause.
func (ix *Index) rank(p plan, allowed bitset) []Hit {
	acc := newAccumulator(len(ix.docs))
	total := 0.0
	for _, c := range p.clauses {
		ix.addClause(acc, c, allowed)
		total += ix.importance(c)
	}
	weights := queryWeights(p)
	keyword := ix.keywordMatches(p.stems)
	var hits []Hit
	for d, m := range acc.matched {
		if acc.score[d] == 0 {
			continue
		}
		s := acc.score[d] * (1 - coordMatched + coordMatched*m/total)
		s *= 1 + coordName*acc.inName[d]/total
		if m >= total*0.999 && len(p.clauses) > 1 {
			s *= bonusAll
		}
		s *= 1 + coverName*ix.nameCoverage(int32(d), weights)
		s *= 1 + bonusKeyword*keyword[int32(d)]
		hits = append(hits, Hit{ID: ix.docs[d].id, Score: s})
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
	return hits
}

// queryWeights maps every term the query accepts to its best weight.
func queryWeights(p plan) map[int32]float64 {
	w := make(map[int32]float64)
	for _, c := range p.clauses {
		for _, a := range c.alts {
			if a.weight >= nameAltFloor {
				w[a.term] = max(w[a.term], a.weight)
			}
		}
	}
	return w
}

// nameCoverage is the share of a document's name words the query asks for,
// so that "Reisepass" beats "Übertrag des Aufenthaltstitels in den neuen
// Pass" for "neuer Reisepass".
func (ix *Index) nameCoverage(d int32, weights map[int32]float64) float64 {
	words := ix.docs[d].nameWords
	if len(words) == 0 {
		return 0
	}
	sum := 0.0
	for _, ids := range words {
		best := 0.0
		for _, id := range ids {
			best = max(best, weights[id])
		}
		sum += best
	}
	return sum / float64(len(words))
}

// keywordMatches returns, per document, the largest share of the query's
// words that form one of its keywords word for word ("deutsche
// Staatsangehörigkeit" in "deutsche Staatsangehörigkeit beantragen").
func (ix *Index) keywordMatches(stems []string) map[int32]float64 {
	out := make(map[int32]float64)
	for i := range stems {
		for k := i + 1; k <= len(stems); k++ {
			share := float64(k-i) / float64(len(stems))
			for _, d := range ix.phrases[strings.Join(stems[i:k], " ")] {
				out[d] = max(out[d], share)
			}
		}
	}
	return out
}
