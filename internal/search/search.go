package search

import "strings"

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
	hits, total := ix.rank(p, allowed, q.Limit+max(q.Offset, 0))
	res := page(hits, q)
	res.Total, res.Corrected = total, p.corrected
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
