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

// Ranking bonuses.
const (
	bonusAllClauses = 1.25 // every clause matched (queries of two or more)
	bonusAllInName  = 1.4  // every clause matched in the name
	bonusNamePhrase = 1.15 // the query's words stand together in the name
	bonusNameExact  = 1.5  // the name is the query
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
	matched []uint16 // clauses matched
	inName  []uint16 // clauses matched in the name
	best    []float64
	name    []bool
	touched []int32
}

func newAccumulator(n int) *accumulator {
	return &accumulator{
		score: make([]float64, n), matched: make([]uint16, n), inName: make([]uint16, n),
		best: make([]float64, n), name: make([]bool, n),
	}
}

// addClause adds the best alternative of clause c for every document.
func (ix *Index) addClause(acc *accumulator, c clause, allowed bitset) {
	acc.touched = acc.touched[:0]
	for _, a := range c.alts {
		for _, ps := range ix.postings[a.term] {
			if allowed != nil && !allowed.has(ps.doc) {
				continue
			}
			s := a.weight * float64(ps.score)
			if acc.best[ps.doc] == 0 {
				acc.touched = append(acc.touched, ps.doc)
			}
			acc.best[ps.doc] = max(acc.best[ps.doc], s)
			acc.name[ps.doc] = acc.name[ps.doc] || ps.name
		}
	}
	for _, d := range acc.touched {
		acc.score[d] += acc.best[d]
		acc.matched[d]++
		if acc.name[d] {
			acc.inName[d]++
		}
		acc.best[d], acc.name[d] = 0, false
	}
}

// rank scores every document matching at least one clause.
func (ix *Index) rank(p plan, allowed bitset) []Hit {
	acc := newAccumulator(len(ix.docs))
	for _, c := range p.clauses {
		ix.addClause(acc, c, allowed)
	}
	n := uint16(len(p.clauses))
	var hits []Hit
	for d, m := range acc.matched {
		if m == 0 {
			continue
		}
		s := acc.score[d] * (0.5 + 0.5*float64(m)/float64(n))
		if m == n && n > 1 {
			s *= bonusAllClauses
		}
		if acc.inName[d] == n {
			s *= bonusAllInName
		}
		s *= ix.nameBonus(int32(d), p.stems)
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

// nameBonus rewards names that are the query or hold its words together.
func (ix *Index) nameBonus(d int32, stems string) float64 {
	name := ix.docs[d].nameStems
	switch {
	case len(stems) <= 2:
		return 1
	case name == stems:
		return bonusNameExact
	case strings.Contains(name, stems):
		return bonusNamePhrase
	}
	return 1
}
