package web

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWorkshopModelMIWGPages imports every MIWG reference model and opens
// its page, the editor of its first step and its check: each shows its
// diagram and as many step rows as the model has tasks.
func TestWorkshopModelMIWGPages(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/data/bpmn/miwg-reference/*.bpmn")
	if len(files) == 0 {
		t.Skip("MIWG reference models not available (../shared/data)")
	}
	e := newModelEnv(t)
	c := e.login(e.owner)
	tasks := 0
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".bpmn")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := e.importModel(t, c, name, data, "")
		res := e.get(modelURL(id), c)
		wantStatus(t, res, http.StatusOK)
		if query(res.doc, ".wm-diagram svg[role=img]") == nil {
			t.Errorf("%s: no diagram", name)
		}
		_, pm, err := e.ws.Model(context.Background(), workshopActor(e.owner), id)
		if err != nil {
			t.Fatal(err)
		}
		links := queryAll(res.doc, "#steps tbody a")
		if len(links) != len(pm.Tasks()) {
			t.Errorf("%s: %d steps listed, the model has %d tasks", name, len(links), len(pm.Tasks()))
		}
		tasks += len(links)
		if len(links) > 0 {
			wantStatus(t, e.get(attrOf(links[0], "href"), c), http.StatusOK)
		}
		wantStatus(t, e.get(modelURL(id, "digitalcheck"), c), http.StatusOK)
	}
	if tasks < len(files) {
		t.Errorf("only %d steps in %d models", tasks, len(files))
	}
}
