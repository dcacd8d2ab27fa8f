package search

import "strings"

// scratch is one query's working memory, indexed by document or term
// position and reused through Index.pool; every slot a query sets is reset
// before the scratch goes back.
type scratch struct {
	score   []float64 // by doc: sum of the clauses' best alternatives
	matched []float64 // by doc: importance of the clauses matched
	inName  []float64 // by doc: importance of the clauses matched in the name
	best    []float64 // by doc: best alternative of the current clause
	name    []bool    // by doc: the current clause matched in the name
	keyword []float64 // by doc: see keywordMatches
	termW   []float64 // by term: best weight the query accepts, see queryWeights
	touched []int32   // docs of the current clause
	docs    []int32   // docs matched by any clause
	kwDocs  []int32   // docs with keyword set
	terms   []int32   // terms with termW set
	hits    []Hit
}

func (ix *Index) getScratch() *scratch {
	if s, ok := ix.pool.Get().(*scratch); ok {
		return s
	}
	n := len(ix.docs)
	return &scratch{
		score: make([]float64, n), matched: make([]float64, n), inName: make([]float64, n),
		best: make([]float64, n), name: make([]bool, n), keyword: make([]float64, n),
		termW: make([]float64, len(ix.postings)),
	}
}

func (ix *Index) putScratch(s *scratch) {
	for _, d := range s.docs {
		s.score[d], s.matched[d], s.inName[d] = 0, 0, 0
	}
	for _, d := range s.kwDocs {
		s.keyword[d] = 0
	}
	for _, t := range s.terms {
		s.termW[t] = 0
	}
	s.docs, s.kwDocs, s.terms, s.hits = s.docs[:0], s.kwDocs[:0], s.terms[:0], s.hits[:0]
	ix.pool.Put(s)
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
func (ix *Index) addClause(s *scratch, c clause, allowed bitset) {
	s.touched = s.touched[:0]
	for _, a := range c.alts {
		for _, ps := range ix.postings[a.term] {
			if allowed != nil && !allowed.has(ps.doc) {
				continue
			}
			if s.best[ps.doc] == 0 {
				s.touched = append(s.touched, ps.doc)
			}
			s.best[ps.doc] = max(s.best[ps.doc], a.weight*float64(ps.score))
			s.name[ps.doc] = s.name[ps.doc] || ps.name
		}
	}
	imp := ix.importance(c)
	for _, d := range s.touched {
		if s.matched[d] == 0 {
			s.docs = append(s.docs, d)
		}
		s.score[d] += s.best[d]
		s.matched[d] += imp
		if s.name[d] {
			s.inName[d] += imp
		}
		s.best[d], s.name[d] = 0, false
	}
}

// rank scores every document matching at least one clause and returns
// the first n hits in order, and how many matched.
func (ix *Index) rank(p plan, allowed bitset, n int) ([]Hit, int) {
	s := ix.getScratch()
	defer ix.putScratch(s)
	total := 0.0
	for _, c := range p.clauses {
		ix.addClause(s, c, allowed)
		total += ix.importance(c)
	}
	ix.queryWeights(s, p)
	ix.keywordMatches(s, p.stems)
	for _, d := range s.docs {
		if s.score[d] == 0 {
			continue
		}
		m := s.matched[d]
		sc := s.score[d] * (1 - coordMatched + coordMatched*m/total)
		sc *= 1 + coordName*s.inName[d]/total
		if m >= total*0.999 && len(p.clauses) > 1 {
			sc *= bonusAll
		}
		sc *= 1 + coverName*ix.nameCoverage(d, s.termW)
		sc *= 1 + bonusKeyword*s.keyword[d]
		s.hits = append(s.hits, Hit{ID: ix.docs[d].id, Score: sc})
	}
	top := topHits(s.hits, n)
	return append([]Hit(nil), top...), len(s.hits)
}

// queryWeights records, per term the query accepts, its best weight.
func (ix *Index) queryWeights(s *scratch, p plan) {
	for _, c := range p.clauses {
		for _, a := range c.alts {
			if a.weight < nameAltFloor {
				continue
			}
			if s.termW[a.term] == 0 {
				s.terms = append(s.terms, a.term)
			}
			s.termW[a.term] = max(s.termW[a.term], a.weight)
		}
	}
}

// nameCoverage is the share of a document's name words the query asks for,
// so that "Reisepass" beats "Übertrag des Aufenthaltstitels in den neuen
// Pass" for "neuer Reisepass".
func (ix *Index) nameCoverage(d int32, weights []float64) float64 {
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

// keywordMatches records, per document, the largest share of the query's
// words that form one of its keywords word for word ("deutsche
// Staatsangehörigkeit" in "deutsche Staatsangehörigkeit beantragen").
func (ix *Index) keywordMatches(s *scratch, stems []string) {
	for i := range stems {
		for k := i + 1; k <= len(stems); k++ {
			share := float64(k-i) / float64(len(stems))
			for _, d := range ix.phrases[strings.Join(stems[i:k], " ")] {
				if s.keyword[d] == 0 {
					s.kwDocs = append(s.kwDocs, d)
				}
				s.keyword[d] = max(s.keyword[d], share)
			}
		}
	}
}
