package search

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

const (
	munichFile = "../../../shared/data/services/muenchen_services_plain.jsonl"
	berlinFile = "../../../shared/data/services/berlin_dldb_services_names_de_2018.json"
)

// munichDocs reads the real Munich catalogue: name, keywords, text and fees.
func munichDocs(t testing.TB) []Doc {
	t.Helper()
	f, err := os.Open(munichFile)
	if err != nil {
		t.Skipf("Munich catalogue not available (%v); it lives in ../shared/data/services", err)
	}
	defer f.Close()
	var docs []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var s struct {
			ID, Name, Keywords, Text, Fees string
			Forms                          []string
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		id, err := strconv.ParseInt(s.ID, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, Doc{ID: id, Name: s.Name, Keywords: splitKeywords(s.Keywords), Text: s.Text + "\n" + strings.Join(s.Forms, "\n") + "\n" + s.Fees})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

func splitKeywords(s string) []string {
	var out []string
	for _, k := range strings.Split(s, ",") {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// thousandDocs is the benchmark catalogue: Munich with texts, Berlin's
// service names, and copies with suffixes up to 1,000 documents.
func thousandDocs(t testing.TB) []Doc {
	docs := munichDocs(t)
	raw, err := os.ReadFile(berlinFile)
	if err != nil {
		t.Skipf("Berlin service names not available (%v)", err)
	}
	var berlin struct {
		Data []struct{ ID, Name string }
	}
	if err := json.Unmarshal(raw, &berlin); err != nil {
		t.Fatal(err)
	}
	for _, b := range berlin.Data {
		id, _ := strconv.ParseInt(b.ID, 10, 64)
		docs = append(docs, Doc{ID: 100_000_000 + id, Name: b.Name})
	}
	for i := 0; len(docs) < 1000; i++ {
		d := docs[i]
		d.ID += 900_000_000
		d.Name = fmt.Sprintf("%s (Kopie %d)", d.Name, i)
		docs = append(docs, d)
	}
	return docs
}
