package pdf

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var marked = regexp.MustCompile(`/(\w+) <</MCID (\d+)>> BDC|/Artifact( << /Type /Pagination >> BDC| BMC)|\bEMC\b|\bBT\b`)

// TestTextIsTaggedOrArtifact checks the logical structure: every line of
// text is either marked content of a structure element or an artifact,
// marked-content ids count up per page, and the parent tree maps each of
// them to an element.
func TestTextIsTaggedOrArtifact(t *testing.T) {
	var rows [][]string
	for i := range 60 {
		rows = append(rows, []string{fmt.Sprintf("Posten %d", i+1), "25,00 €"})
	}
	d := sample(Heading{1, "Bescheid"}, Paragraph{lorem}, KeyValue{[]Row{{"Name", "Erika Mustermann"}}},
		Table{Header: []string{"Posten", "Betrag"}, Rows: rows})
	b := render(t, d)
	checkXref(t, b)
	pages := contents(t, b)
	if len(pages) < 2 {
		t.Fatalf("%d pages, want the table to run onto a second page", len(pages))
	}
	tree := regexp.MustCompile(`/Nums \[(.*)\] >>`).FindSubmatch(b)
	if tree == nil {
		t.Fatal("no parent tree")
	}
	perPage := regexp.MustCompile(`(\d+) \[([^\]]*)\]`).FindAllStringSubmatch(string(tree[1]), -1)
	if len(perPage) != len(pages) {
		t.Fatalf("parent tree has %d pages, want %d", len(perPage), len(pages))
	}
	for p, content := range pages {
		depth, next, artifacts := 0, 0, 0
		for _, m := range marked.FindAllStringSubmatch(content, -1) {
			switch {
			case m[0] == "BT" && depth == 0:
				t.Errorf("page %d: text outside marked content", p+1)
			case m[0] == "EMC":
				depth--
			case m[2] != "":
				if id, _ := strconv.Atoi(m[2]); id != next {
					t.Errorf("page %d: MCID %d, want %d", p+1, id, next)
				}
				next++
				depth++
			case m[3] != "":
				artifacts++
				depth++
			}
		}
		if refs := strings.Count(perPage[p][2], " 0 R"); refs != next {
			t.Errorf("page %d: %d marked-content ids but %d parent tree entries", p+1, next, refs)
		}
		// Header and footer, and the rule under the table header or the
		// repeated table header.
		if artifacts != 2 {
			t.Errorf("page %d: %d artifacts, want 2", p+1, artifacts)
		}
	}
	if !regexp.MustCompile(`/Artifact BMC\nBT /F2 10 Tf [\d.]+ [\d.]+ Td \(Posten\) Tj ET`).MatchString(pages[1]) {
		t.Error("table header not repeated as an artifact on page 2")
	}
	for _, want := range []string{
		"/MarkInfo << /Marked true >> /StructTreeRoot 6 0 R",
		"/S /Document", "/S /H1", "/S /P", "/S /L", "/S /LI", "/S /Lbl", "/S /LBody",
		"/S /Table", "/S /TR", "/S /TD", "/S /TH /P 16 0 R /A << /O /Table /Scope /Column >>",
		"/StructParents 1 /Tabs /S",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("output lacks %s", want)
		}
	}
	// Only the first header row is structure: 1 + 60 rows.
	if got := strings.Count(string(b), "/S /TR"); got != 61 {
		t.Errorf("%d table rows in the structure, want 61", got)
	}
}
