package search

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// labelled is one everyday question and the services that answer it.
type labelled struct {
	query string
	want  map[int64]bool
}

func readLabelled(t testing.TB) []labelled {
	t.Helper()
	f, err := os.Open("testdata/munich_queries.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, ids, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		l := labelled{query: q, want: make(map[int64]bool)}
		for _, s := range strings.Split(ids, ",") {
			id, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				t.Fatalf("bad id in %q: %v", line, err)
			}
			l.want[id] = true
		}
		out = append(out, l)
	}
	return out
}

// TestMunichQuality measures the labelled questions: top-1 and top-3 hit
// rate and mean reciprocal rank (over the first 10 hits).
func TestMunichQuality(t *testing.T) {
	docs := munichDocs(t)
	names := make(map[int64]string)
	for _, d := range docs {
		names[d.ID] = d.Name
	}
	ix := NewIndex(docs)
	set := readLabelled(t)
	var top1, top3, mrr float64
	for _, l := range set {
		res := ix.Search(Query{Text: l.query, Limit: 10})
		rank := 0
		for i, h := range res.Hits {
			if l.want[h.ID] {
				rank = i + 1
				break
			}
		}
		if rank == 1 {
			top1++
		}
		if rank >= 1 && rank <= 3 {
			top3++
		}
		if rank > 0 {
			mrr += 1 / float64(rank)
		}
		if rank != 1 {
			t.Logf("rank %d for %q: got %s", rank, l.query, describe(res.Hits, names, 3))
		}
	}
	n := float64(len(set))
	t.Logf("%d questions: top-1 %.3f, top-3 %.3f, MRR %.3f", len(set), top1/n, top3/n, mrr/n)
	if top3/n < 0.9 {
		t.Errorf("top-3 hit rate %.3f, want at least 0.9", top3/n)
	}
}

func describe(hits []Hit, names map[int64]string, n int) string {
	var parts []string
	for i, h := range hits {
		if i == n {
			break
		}
		parts = append(parts, strconv.FormatInt(h.ID, 10)+" "+names[h.ID])
	}
	return strings.Join(parts, " | ")
}
